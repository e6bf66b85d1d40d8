"""Batch conversion: collections, incremental re-runs, bad inputs, crash safety."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from converter import atomic
from converter.batch import run_batch
from converter.cli import main
from converter.config import Settings, load_settings
from converter.discovery import discover_issues
from tests.conftest import ROOT, SAMPLE, Recorder, by_name, text_settings, write
from tests.pagemaker import FLOOD, MARKET, SCHOOL, make_page


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    """Three small issues: two folders of pages and one loose page file."""
    root = tmp_path / "archive"
    write(root / "2024-06-05" / "page1.txt", make_page([FLOOD]))
    write(root / "2024-06-05" / "page2.txt", make_page([SCHOOL]))
    write(root / "2024-06-12" / "page1.txt", make_page([MARKET, SCHOOL]))
    write(root / "2024-06-19.txt", make_page([FLOOD, MARKET]))
    return root


# ---------------------------------------------------------------- discovery


def test_discovery_expands_collections_and_keeps_single_issues(collection: Path, tmp_path: Path) -> None:
    issues, failures = discover_issues([collection, SAMPLE, tmp_path / "missing"])
    names = [i.name for i in issues]
    assert names == ["2024-06-05", "2024-06-12", "2024-06-19", "000_6f7615cd0b320972"]
    assert [f.error for f in failures] == [f"{tmp_path / 'missing'}: no such file or folder"]
    issues, _ = discover_issues([collection / "2024-06-05"])
    assert [(i.name, i.path) for i in issues] == [("2024-06-05", collection / "2024-06-05")]


def test_same_issue_names_get_distinct_folders(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "x.txt", make_page([FLOOD]))
    b = write(tmp_path / "b" / "x.txt", make_page([SCHOOL]))
    issues, _ = discover_issues([a, b])
    assert [i.name for i in issues] == ["x", "x-2"]


def test_unreadable_folder_is_one_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_iterdir = Path.iterdir

    def iterdir(self: Path):
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    issues, failures = discover_issues([locked])
    assert issues == []
    assert failures[0].error == f"{locked}: cannot read this folder (Permission denied)"


# ---------------------------------------------------------------- text-only runs


def test_collection_to_epubs_and_manifests(collection: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    reporter = Recorder()
    results = run_batch([collection], text_settings(out), reporter)
    assert [r.status for r in results] == ["converted"] * 3
    manifest = json.loads((out / "2024-06-12" / "manifest.json").read_text())
    assert [a["title"] for a in manifest["articles"]] == [MARKET.title, SCHOOL.title]
    assert manifest["articles"][1]["byline"] == SCHOOL.byline
    assert manifest["sources"] == ["page1.txt"]
    epub = out / "2024-06-12" / "2024-06-12.epub"
    assert {f["path"] for f in manifest["files"]} == {"2024-06-12.epub", "index.html", "01.html", "02.html"}
    assert zipfile.ZipFile(epub).testzip() is None
    # two pages of one issue become one book with the articles of both pages
    manifest = json.loads((out / "2024-06-05" / "manifest.json").read_text())
    assert [a["title"] for a in manifest["articles"]] == [FLOOD.title, SCHOOL.title]
    assert manifest["articles"][0]["kicker"] == FLOOD.kicker


def test_unchanged_rerun_redoes_nothing_and_force_redoes_all(collection: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([collection], text_settings(out), Recorder())
    epub = out / "2024-06-19" / "2024-06-19.epub"
    before = epub.stat().st_mtime_ns
    results = run_batch([collection], text_settings(out), Recorder())
    assert [r.status for r in results] == ["up to date"] * 3
    assert epub.stat().st_mtime_ns == before
    # a changed option is a changed output
    results = run_batch([collection], text_settings(out, pinyin="tone"), Recorder())
    assert [r.status for r in results] == ["converted"] * 3
    results = run_batch([collection], text_settings(out, pinyin="tone", force=True), Recorder())
    assert [r.status for r in results] == ["converted"] * 3


def test_edited_page_redoes_only_its_issue(collection: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([collection], text_settings(out), Recorder())
    page = collection / "2024-06-12" / "page1.txt"
    page.write_text(page.read_text().replace("二百余个", "三百余个"))
    results = by_name(run_batch([collection], text_settings(out), Recorder()))
    assert results["2024-06-12"].status == "converted"
    assert results["2024-06-05"].status == results["2024-06-19"].status == "up to date"


def test_issue_toml_and_converter_toml_set_the_title(collection: Path, tmp_path: Path) -> None:
    write(collection / "2024-06-05" / "issue.toml", 'date = 2024-06-05\nnumber = "第1024期"\n')
    write(collection / "2024-06-19.issue.toml", 'title = "特刊"\n')
    config = write(tmp_path / "converter.toml", 'newspaper = "兴县报"\noutput = "books"\naudio = false\n')
    settings = load_settings(config)
    assert settings.output == tmp_path / "books"
    settings.jobs = 1
    run_batch([collection], settings, Recorder())
    titles = {
        name: json.loads((tmp_path / "books" / name / "manifest.json").read_text())["title"]
        for name in ("2024-06-05", "2024-06-12", "2024-06-19")
    }
    assert titles == {"2024-06-05": "兴县报 2024年6月5日 第1024期", "2024-06-12": "兴县报 2024年6月12日", "2024-06-19": "特刊"}
    # the date in a folder name counts when issue.toml gives none


def test_parallel_text_run_matches_serial_run(collection: Path, tmp_path: Path) -> None:
    serial = run_batch([collection], text_settings(tmp_path / "a"), Recorder())
    parallel = run_batch([collection], Settings(output=tmp_path / "b", audio=False, jobs=2), Recorder())
    assert [r.status for r in parallel] == ["converted"] * 3
    for result in serial:
        name = result.name
        assert (tmp_path / "a" / name / f"{name}.epub").read_bytes() == (tmp_path / "b" / name / f"{name}.epub").read_bytes()


# ---------------------------------------------------------------- bad input


BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 64,
    "unknown-encoding.txt": bytes(range(128, 256)) * 4,
    "latin.txt": b"This page has no Chinese text at all.\n\nNothing to convert here.\n",
}


def test_bad_inputs_fail_alone_with_one_line_each(collection: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, data in BAD_INPUTS.items():
        write(collection / name, data)
    huge = collection / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
        handle.seek(0)
        handle.write(make_page([FLOOD]).encode())
    code = main(["convert", str(collection), "-o", str(tmp_path / "out"), "--no-audio", "--jobs", "1"])
    assert code == 1
    err = capsys.readouterr().err
    error_lines = [line for line in err.splitlines() if line.startswith("converter: error:")]
    assert len(error_lines) == 5, err
    for name in ("empty.txt", "binary.txt", "unknown-encoding.txt", "latin.txt", "huge.txt"):
        assert any(name in line for line in error_lines), (name, err)
    assert "Traceback" not in err
    for good in ("2024-06-05", "2024-06-12", "2024-06-19"):
        assert (tmp_path / "out" / good / f"{good}.epub").is_file()


def test_unwritable_output_folder_is_one_clear_line(collection: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = write(tmp_path / "not-a-folder", "x")
    code = main(["convert", str(collection), "-o", str(blocker / "out"), "--no-audio"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "cannot write" in err and "Traceback" not in err


def test_disk_full_keeps_the_earlier_outputs(collection: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    run_batch([collection / "2024-06-19.txt"], text_settings(out), Recorder())
    epub = out / "2024-06-19" / "2024-06-19.epub"
    good = epub.read_bytes()
    manifest = (out / "2024-06-19" / "manifest.json").read_bytes()

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    results = run_batch([collection / "2024-06-19.txt"], text_settings(out, pinyin="tone"), Recorder())
    assert results[0].status == "failed"
    assert "disk full" in results[0].error
    assert epub.read_bytes() == good
    assert (out / "2024-06-19" / "manifest.json").read_bytes() == manifest
    assert not [p for p in out.rglob("*") if p.name.startswith(atomic.TEMP_PREFIX)]


def test_second_run_on_a_locked_output_folder_is_refused(collection: Path, tmp_path: Path) -> None:
    from converter.errors import OutputError
    from converter.lock import output_lock

    with output_lock(tmp_path / "out"), pytest.raises(OutputError, match="another conversion"):
        run_batch([collection], text_settings(tmp_path / "out"), Recorder())


def test_quiet_prints_nothing_on_success(collection: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(collection), "-o", str(tmp_path / "out"), "--no-audio", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_plain_output_has_a_line_per_issue_and_a_summary(collection: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(collection), "-o", str(tmp_path / "out"), "--no-audio"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("2024-06-05: converted, 2 articles")
    assert lines[-1].startswith("3 issue(s): 3 converted, 0 up to date, 0 failed; 6 articles")


# ---------------------------------------------------------------- with the offline voice


@pytest.mark.slow
def test_collection_with_offline_voice_incremental(collection: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    settings = Settings(output=out, engine="espeak", jobs=2)
    results = by_name(run_batch([collection], settings, Recorder()))
    assert all(r.status == "converted" for r in results.values())
    # FLOOD and MARKET appear in two issues each: the cache makes each article once
    assert sum(r.audio_made for r in results.values()) == 3
    mp3s = sorted(out.glob("*/audio/*.mp3"))
    assert len(mp3s) == 6 and all(p.stat().st_size > 1000 for p in mp3s)
    manifest = json.loads((out / "2024-06-12" / "manifest.json").read_text())
    assert all(a["audio"]["engine"] == "espeak" and a["audio"]["duration"] > 5 for a in manifest["articles"])
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts}

    results = run_batch([collection], settings, Recorder())
    assert [r.status for r in results] == ["up to date"] * 3
    assert stamps == {p: p.stat().st_mtime_ns for p in stamps}

    page = collection / "2024-06-12" / "page1.txt"
    page.write_text(page.read_text().replace("二百余个", "三百余个"))
    results = by_name(run_batch([collection], settings, Recorder()))
    assert results["2024-06-12"].status == "converted"
    assert results["2024-06-12"].audio_made == 1  # the edited article only
    manifest = json.loads((out / "2024-06-12" / "manifest.json").read_text())
    assert [a["audio"]["from_cache"] for a in manifest["articles"]] == [False, True]


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_completes(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    for number in range(4):
        write(root / f"issue-{number}" / "page1.txt", SAMPLE.read_text("utf-8"))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "converter", "convert", str(root), "-o", str(out), "--engine", "espeak", "--jobs", "2", "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list((out / ".cache").rglob("*.mp3")):
        time.sleep(0.1)
    assert process.poll() is None, "the run ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()

    def final_files() -> list[Path]:
        return [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(atomic.TEMP_PREFIX) and p.name != ".converter.lock"]

    # Whatever is under a final name is whole.
    for path in final_files():
        data = path.read_bytes()
        assert data, path
        if path.suffix == ".json":
            json.loads(data)
        if path.suffix == ".epub":
            assert zipfile.ZipFile(path).testzip() is None
    cached_before = len(list((out / ".cache").rglob("*.mp3")))
    assert cached_before >= 1

    finished = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    for number in range(4):
        manifest = json.loads((out / f"issue-{number}" / "manifest.json").read_text())
        assert len(manifest["articles"]) == 7
        assert all((out / f"issue-{number}" / a["audio"]["file"]).is_file() for a in manifest["articles"])
    assert not [p for p in out.rglob("*") if p.name.startswith(atomic.TEMP_PREFIX)]
    # the identical issues share one synthesis per article, made once in all, and one per
    # announcement (第1篇 … 第7篇) of their issue files; an intro per issue identity it names
    titles = {json.loads((out / f"issue-{n}" / "manifest.json").read_text())["title"] for n in range(4)}
    assert len(list((out / ".cache").rglob("*.mp3"))) == 7 + 7 + len(titles)


def test_terminal_display_ends_with_a_summary_table(collection: Path, tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from converter.progress import RichReporter

    screen = io.StringIO()
    reporter = RichReporter(console=Console(file=screen, width=60, force_terminal=False))
    reporter.issue_done(discover_issues([tmp_path / "missing"])[1][0])
    results = run_batch([collection], text_settings(tmp_path / "out"), reporter)
    reporter.finish(results)
    shown = screen.getvalue()
    assert "converter: error:" in shown and "missing: no such file or folder" in shown
    rows = {line.strip("│ ").split("│")[0].strip(): line.split("│")[2].strip() for line in shown.splitlines() if line.count("│") == 3}
    assert rows["issues"] == "3" and rows["converted"] == "3" and rows["articles"] == "6" and rows["failed"] == "0"


def test_the_output_folder_inside_a_collection_is_not_an_issue(collection: Path) -> None:
    out = collection / "out"
    first = run_batch([collection], text_settings(out), Recorder())
    assert [r.status for r in first] == ["converted"] * 3
    again = run_batch([collection], text_settings(out), Recorder())
    assert [(r.name, r.status) for r in again] == [(r.name, "up to date") for r in first]


def test_names_made_unique_never_collide_with_real_names(tmp_path: Path) -> None:
    write(tmp_path / "c" / "a" / "p1.txt", make_page([FLOOD]))
    write(tmp_path / "c" / "a.txt", make_page([SCHOOL]))
    write(tmp_path / "c" / "a-2.txt", make_page([MARKET]))
    issues, _ = discover_issues([tmp_path / "c"])
    names = [i.name for i in issues]
    assert len(set(names)) == 3 and names[0] == "a"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("output = 5", "output must be text, not 5"),
        ("jobs = true", "jobs must be a whole number, not True"),
        ("audio = \"no\"", "audio must be true or false, not 'no'"),
        ("pinyin = \"ipa\"", "pinyin must be one of tone, tone3, zhuyin, not 'ipa'"),
        ("voise = \"x\"", "unknown setting(s) voise"),
    ],
)
def test_bad_converter_toml_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str) -> None:
    config = write(tmp_path / "converter.toml", line + "\n")
    page = write(tmp_path / "p.txt", make_page([FLOOD]))
    assert main(["convert", str(page), "--config", str(config), "--no-audio", "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"converter: error: {config}: {message}\n"


def test_misspelt_issue_toml_key_is_refused(collection: Path, tmp_path: Path) -> None:
    write(collection / "2024-06-05" / "issue.toml", 'tilte = "特刊"\n')
    results = by_name(run_batch([collection], text_settings(tmp_path / "out"), Recorder()))
    assert results["2024-06-05"].error == f"{collection / '2024-06-05' / 'issue.toml'}: unknown setting(s) tilte"
    assert results["2024-06-12"].status == "converted"


@pytest.mark.parametrize(
    ("options", "style"),
    [([], None), (["--pinyin"], "tone"), (["--pinyin-style", "zhuyin"], "zhuyin"), (["--pinyin", "--no-pinyin"], None)],
)
def test_pinyin_options(collection: Path, tmp_path: Path, options: list[str], style: str | None) -> None:
    page = collection / "2024-06-19.txt"
    # the flag before the input must not swallow it
    assert main(["convert", *options, str(page), "-o", str(tmp_path / "out"), "--no-audio", "--quiet"]) == 0
    manifest = json.loads((tmp_path / "out" / "2024-06-19" / "manifest.json").read_text())
    assert manifest["options"]["pinyin"] == style


def test_a_bad_voice_setting_is_said_once_before_any_work(collection: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(collection), "-o", str(tmp_path / "out"), "--rate", "fast"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "fast" in err and err.startswith("converter: error: ")
    assert not (tmp_path / "out").exists()


def test_manifest_names_the_page_of_each_article(collection: Path, tmp_path: Path) -> None:
    run_batch([collection / "2024-06-05"], text_settings(tmp_path / "out"), Recorder())
    manifest = json.loads((tmp_path / "out" / "2024-06-05" / "manifest.json").read_text())
    assert [a["page"] for a in manifest["articles"]] == ["page1.txt", "page2.txt"]
