from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter.cli import main
from tests.conftest import SAMPLE


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["articles"]) == 7
    assert data["articles"][0]["kicker"] == "兴县工商联"
    assert data["articles"][6]["title_source"] == "derived"
    assert data["unplaced_headlines"] == ["万家灯火兴县城", "宅家抗“疫”"]


def test_parse_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "## 3. 走进一线 送去温暖" in out and "**本报讯** 2月5日" in out


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"This page has no Chinese text.\n\n12345\n", "no article found (no Chinese text on the page)"),
    ],
)
def test_bad_input_is_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, reason: str
) -> None:
    page = tmp_path / "bad.txt"
    page.write_bytes(data)
    assert main(["parse", str(page)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("converter: error: ") and reason in lines[0]


def test_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_a_page_without_chinese_is_left_out_of_an_issue_with_a_warning(tmp_path: Path) -> None:
    from converter.clean import parse_issue

    (tmp_path / "page1.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "page2.txt").write_text("Advertisement\n\nwww.example.com\n")
    issue = parse_issue(tmp_path)
    assert len(issue.articles) == 7
    assert "page2.txt: no Chinese text on this page; it was left out" in issue.warnings


def test_the_current_folder_is_named_by_its_own_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from converter.clean import parse_issue

    folder = tmp_path / "xxb-20200212"
    folder.mkdir()
    (folder / "p1.txt").write_bytes(SAMPLE.read_bytes())
    monkeypatch.chdir(folder)
    issue = parse_issue(Path("."))
    assert issue.title == "xxb 2020年2月12日" and str(issue.date) == "2020-02-12"


def test_a_page_name_with_a_colon_is_named_whole_in_the_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "c: d.txt"
    page.write_text("hello\n")
    assert main(["parse", str(page)]) == 1
    assert capsys.readouterr().err == f"converter: error: {page}: no article found (no Chinese text on the page)\n"
