"""The writer table: every output comes from one entry, and the manifest records what each writer returned."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from converter import writers
from converter.batch import run_batch
from converter.clean import parse_issue
from converter.config import Settings
from converter.errors import OutputError
from converter.markdown import issue_to_markdown
from converter.model import Issue, issue_to_dict
from converter.progress import LineReporter
from converter.writers import IssueJob, IssueWriter, RunWriter, WrittenFile, written
from tests.conftest import SAMPLE

NAME = SAMPLE.stem


def convert(out: Path, **options: object) -> list:
    settings = Settings(output=str(out), audio=False, jobs=1, **options)  # type: ignore[arg-type]
    return run_batch([SAMPLE], settings, LineReporter(quiet=True))


def manifest(out: Path) -> dict:
    return json.loads((out / NAME / "manifest.json").read_text("utf-8"))


def test_enabled_writers_follow_the_options() -> None:
    names = [w.name for w in writers.issue_writers(Settings(audio=True, web=True))]
    assert names == ["audio", "issue-audio", "epub", "web"]  # the audio first: the others play it
    assert [w.name for w in writers.issue_writers(Settings(audio=False, web=False))] == ["epub"]
    assert [w.name for w in writers.run_writers(Settings(audio=False, web=True))] == ["index.html"]
    assert writers.run_writers(Settings(audio=False, web=False)) == []


def test_manifest_lists_each_written_file_with_its_kind_and_hash(tmp_path: Path) -> None:
    out = tmp_path / "out"
    [result] = convert(out)
    assert result.status == "converted"
    files = manifest(out)["files"]
    kinds = [f["kind"] for f in files]
    assert kinds[0] == "epub" and set(kinds[1:]) == {"web-page"}
    assert {f["path"] for f in files if f["kind"] == "web-page"} == {f"{n:02d}.html" for n in range(1, 8)} | {
        "index.html"
    }
    for entry in files:
        data = (out / NAME / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)


def test_a_writer_added_to_the_table_is_run_recorded_and_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def write_titles(issue: Issue, job: IssueJob) -> list[WrittenFile]:
        calls.append(job.name)
        path = job.out_dir / "titles.txt"
        path.write_text("\n".join(a.headline.title for a in issue.articles), "utf-8")
        return [written(path, "web-page")]

    table = (*writers.ISSUE_WRITERS, IssueWriter("titles", lambda settings: True, write_titles))
    monkeypatch.setattr(writers, "ISSUE_WRITERS", table)
    out = tmp_path / "out"
    convert(out)
    assert calls == [NAME]
    assert "titles.txt" in [f["path"] for f in manifest(out)["files"]]
    assert [r.status for r in convert(out)] == ["up to date"] and calls == [NAME]
    (out / NAME / "titles.txt").write_text("edited", "utf-8")  # an output changed since: the issue is remade
    assert [r.status for r in convert(out)] == ["converted"] and len(calls) == 2
    assert (out / NAME / "titles.txt").read_text("utf-8").startswith("倡议全县非公经济人士")


def test_a_run_writer_that_fails_is_one_failed_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(out_root: Path, settings: Settings) -> list[WrittenFile]:
        raise OutputError(f"{out_root / 'list.txt'}: cannot write (no space left on device)")

    monkeypatch.setattr(writers, "RUN_WRITERS", (RunWriter("list.txt", lambda settings: True, refuse),))
    results = convert(tmp_path / "out")
    assert [(r.name, r.status) for r in results] == [(NAME, "converted"), ("list.txt", "failed")]
    assert "no space left" in (results[1].error or "")


def test_manifest_made_before_kinds_were_recorded_is_still_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert(out)
    path = out / NAME / "manifest.json"
    old = manifest(out)
    for entry in old["files"]:
        del entry["kind"]
    path.write_text(json.dumps(old, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert [r.status for r in convert(out)] == ["up to date"]


def test_manifest_articles_and_text_outputs_come_from_one_serialiser(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert(out)
    issue = parse_issue(SAMPLE)
    data = issue_to_dict(issue)
    records = manifest(out)["articles"]
    assert len(records) == len(data["articles"]) == 7
    for record, article in zip(records, data["articles"]):
        for key in ("page", "pages", "kicker", "title", "subtitle", "title_source", "byline"):
            assert record[key] == article[key], key
        assert record["paragraphs"] == len(article["paragraphs"])
        assert record["characters"] == sum(len(p) for p in article["paragraphs"])
    assert json.loads(writers.TEXT_WRITERS["json"](issue)) == data
    assert writers.TEXT_WRITERS["markdown"](issue) == issue_to_markdown(issue)
    assert data["articles"][0]["page"] == SAMPLE.name
