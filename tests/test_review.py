"""The review file: parse → Markdown → parse gives the same issue, edits are kept, NAME.md wins over NAME.txt."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings

from converter.clean import parse_issue, parse_pages
from converter.cli import main
from converter.errors import InputError
from converter.markdown import DERIVED_NOTE, issue_to_markdown
from converter.model import issue_to_dict
from converter.review import issue_from_markdown
from tests.conftest import SAMPLE, SAMPLES
from tests.multipage import Jump, make_issue
from tests.pagemaker import FLOOD, MARKET, SCHOOL, make_page
from tests.test_parse_property import pages as property_pages

# Every page of the other paper the repository holds (all 19 of the shared set round-trip too).
OTHER_PAPERS = sorted((SAMPLES / "other-papers").glob("*.txt")) + sorted((SAMPLES / "other-papers").glob("*.pdf"))


def _round_trip(page: Path, tmp_path: Path) -> tuple[dict, dict, str]:
    """The issue of a page file, and that of its review file written beside a copy of it."""
    copy = tmp_path / page.name
    shutil.copyfile(page, copy)
    parsed = parse_issue(copy)
    markdown = issue_to_markdown(parsed)
    review = copy.with_suffix(".md")
    review.write_text(markdown, "utf-8")
    return issue_to_dict(parsed), issue_to_dict(parse_issue(review)), markdown


@pytest.mark.parametrize("page", [SAMPLE, *OTHER_PAPERS], ids=lambda p: p.stem)
def test_round_trip_gives_the_same_issue(page: Path, tmp_path: Path) -> None:
    parsed, read_back, _ = _round_trip(page, tmp_path)
    assert read_back == parsed


def test_round_trip_of_the_pages_the_tests_build(tmp_path: Path) -> None:
    for number, articles in enumerate([[FLOOD, SCHOOL, MARKET], [MARKET], [SCHOOL, FLOOD]]):
        page = tmp_path / "built" / f"built{number}.txt"
        page.parent.mkdir(exist_ok=True)
        page.write_text(make_page(articles, width=11 + number), "utf-8")
        parsed, read_back, _ = _round_trip(page, tmp_path)
        assert read_back == parsed


@settings(max_examples=25, deadline=None)
@given(property_pages())
def test_round_trip_of_generated_pages(page: tuple[str, list[list[str]], list[list[str]]]) -> None:
    issue = parse_pages([("page.txt", page[0])], "page")
    read_back = issue_from_markdown(issue_to_markdown(issue), "page.md")
    assert issue_to_dict(read_back) == issue_to_dict(issue)


def _issue_folder(tmp_path: Path, seed: int = 3) -> Path:
    folder = tmp_path / "xxb-20240605"
    folder.mkdir()
    made = make_issue(seed, [Jump(2, True, "（下转第{n}版）", "（上接第{n}版）", own_line=False)], pages=3)
    for name, text in made.pages:
        (folder / name).write_text(text, "utf-8")
    return folder


def test_a_continued_article_is_shown_once_with_its_page_turn_and_read_back(tmp_path: Path) -> None:
    folder = _issue_folder(tmp_path)
    parsed = parse_issue(folder)
    markdown = issue_to_markdown(parsed)
    [continued] = [a for a in parsed.articles if len(a.pages) == 2]
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert len(headings) == len(parsed.articles) + bool(parsed.unplaced_headlines)
    assert sum(continued.headline.title in line for line in headings) == 1
    [line] = [line for line in markdown.splitlines() if "<!-- page 02.txt -->" in line and len(line) > 30]
    assert "下转" not in markdown and "上接" not in markdown
    (folder / "review.md").write_text(markdown, "utf-8")
    read_back = parse_issue(folder)
    assert issue_to_dict(read_back) == issue_to_dict(parsed)
    assert read_back.articles[parsed.articles.index(continued)].page_turns == continued.page_turns


def test_edits_to_the_review_file_are_kept(sample_copy: Path) -> None:
    copy = sample_copy
    markdown = issue_to_markdown(parse_issue(copy))
    derived = next(line for line in markdown.splitlines() if DERIVED_NOTE in line)
    edited = (
        markdown.replace(derived, "## 7. 兴县县委统战部发出倡议")
        .replace("*兴县工商联*\n", "")
        .replace("— 张明提\n\n## 2.", "— 张明提、康东\n\n## 2.")
        .replace("- 宅家抗“疫”\n", "")
        .replace("\n## 2. ", "\n*引题*\n## 2. ")
        .replace("**本报讯** 2月7日", "**本报讯** 2月7日\n（改）")
    )
    review = copy.with_suffix(".md")
    review.write_text(edited, "utf-8")
    issue = parse_issue(copy)  # NAME.md beside NAME.txt wins
    first, second, last = issue.articles[0], issue.articles[1], issue.articles[-1]
    assert first.headline.kicker is None and first.byline == ["张明提", "康东"]
    assert second.headline.kicker == "引题" and second.paragraphs[0].startswith("2月7日（改）")
    assert (last.headline.title, last.headline.source) == ("兴县县委统战部发出倡议", "page")
    assert issue.unplaced_headlines == ["万家灯火兴县城"]


def test_text_that_looks_like_a_mark_is_escaped_and_read_back() -> None:
    issue = parse_pages([("p.txt", make_page([FLOOD]))], "p")
    issue.articles[0].paragraphs += ["*注*：以上为节选。", "— 完 —", "## 不是标题", "\\反斜杠", "- 一项"]
    issue.articles[0].headline.subtitle = "——记县应急管理局"
    read_back = issue_from_markdown(issue_to_markdown(issue), "p.md")
    assert issue_to_dict(read_back) == issue_to_dict(issue)


def test_the_review_file_marks_what_the_editor_should_look_at(tmp_path: Path) -> None:
    _, _, sample = _round_trip(SAMPLE, tmp_path)
    assert f"## 7. 兴县县委统战部高度重视 <!-- {DERIVED_NOTE} -->" in sample
    assert "<!-- printed on the page but given to no article" in sample
    assert "<!-- warning: 000_6f7615cd0b320972.txt: stray glyph “兴”" in sample
    _, _, essays = _round_trip(SAMPLES / "other-papers" / "rmrb2018010307.txt", tmp_path)
    assert "<!-- no dateline (本报讯…) on this page" in essays
    assert "<!-- no dateline" not in sample


def test_the_page_file_changed_after_its_review_file_is_said(tmp_path: Path) -> None:
    folder = _issue_folder(tmp_path)
    page = folder / "03.txt"
    review = folder / "03.md"
    review.write_text(issue_to_markdown(parse_issue(page)).replace("## 1. ", "## 1. 改过的"), "utf-8")
    issue = parse_issue(folder)
    assert any(a.headline.title.startswith("改过的") and a.source == "03.txt" for a in issue.articles)
    assert [a.source for a in issue.articles] == sorted(a.source for a in issue.articles)
    assert not any("changed after" in w for w in issue.warnings)
    later = review.stat().st_mtime + 10
    os.utime(page, (later, later))
    warnings = [w for w in parse_issue(folder).warnings if "changed after" in w]
    assert warnings == [
        "03.md: 03.txt changed after this review file was written; the review file is used: check it against the new page"
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("hello\n", "not a review file"),
        ("# 标题\n\n正文。\n", "a.md:3: text outside any article"),
        ("# 标题\n\n## 1. 标题\n\n", "has no text"),
        ("# 标题\n\n## Headlines with no article\n\n正文\n", "a.md:5: only “- ” lines"),
    ],
)
def test_a_broken_review_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, reason: str) -> None:
    review = tmp_path / "a.md"
    review.write_text(text, "utf-8")
    assert main(["parse", str(review)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and reason in err[0]
    with pytest.raises(InputError):
        issue_from_markdown(text, str(review))


def test_convert_reads_the_review_file_and_reconverts_when_it_changes(tmp_path: Path) -> None:
    from converter.batch import run_batch
    from converter.config import Settings
    from converter.progress import make_reporter

    folder = _issue_folder(tmp_path)
    settings = Settings(output=tmp_path / "out", audio=False)
    review = folder / "review.md"
    review.write_text(issue_to_markdown(parse_issue(folder)).replace("## 1. ", "## 1. 改过的"), "utf-8")
    [first] = run_batch([folder], settings, make_reporter(True, False))
    manifest = json.loads((tmp_path / "out" / folder.name / "manifest.json").read_text("utf-8"))
    assert first.status == "converted" and manifest["articles"][0]["title"].startswith("改过的")
    assert [a["pages"] for a in manifest["articles"]][0] == ["01.txt", "02.txt"]
    [again] = run_batch([folder], settings, make_reporter(True, False))
    assert again.status == "up to date"
    review.write_text(review.read_text("utf-8").replace("## 1. 改过的", "## 1. 又改的"), "utf-8")
    [edited] = run_batch([folder], settings, make_reporter(True, False))
    manifest = json.loads((tmp_path / "out" / folder.name / "manifest.json").read_text("utf-8"))
    assert edited.status == "converted" and manifest["articles"][0]["title"].startswith("又改的")


def test_parse_writes_the_review_file_into_the_issue_folder_and_reads_it_from_there(tmp_path: Path) -> None:
    folder = _issue_folder(tmp_path)
    parsed = issue_to_dict(parse_issue(folder))
    (folder / "empty.md").write_text("")  # what `parse DIR > DIR/x.md` leaves while it runs: no review
    assert main(["parse", str(folder), "-o", str(folder / "review.md")]) == 0
    text = (folder / "review.md").read_text("utf-8")
    (folder / "review.md").write_text(text.replace("## 2. ", "## 2. 改"), "utf-8")
    assert main(["parse", str(folder), "-o", str(folder / "review.md")]) == 0
    assert (folder / "review.md").read_text("utf-8") == text.replace("## 2. ", "## 2. 改")
    again = issue_to_dict(parse_issue(folder))
    assert again["articles"][1]["title"] == "改" + parsed["articles"][1]["title"]


def test_a_folder_holding_only_its_review_file_is_an_issue(tmp_path: Path) -> None:
    from converter.batch import run_batch
    from converter.config import Settings
    from converter.progress import make_reporter

    folder = _issue_folder(tmp_path)
    markdown = issue_to_markdown(parse_issue(folder))
    for page in folder.glob("*.txt"):
        page.unlink()
    (folder / "review.md").write_text(markdown, "utf-8")
    settings = Settings(output=tmp_path / "out", audio=False)
    [result] = run_batch([folder], settings, make_reporter(True, False))
    assert result.status == "converted", result.error
    [again] = run_batch([folder], settings, make_reporter(True, False))
    assert again.status == "up to date"
