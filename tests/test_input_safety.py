"""Hostile inputs: link loops, pipes, unreadable pages, one-line pages, odd encodings, bad metadata."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from converter.batch import run_batch
from converter.cli import main
from tests.conftest import SAMPLE, Recorder, by_name, text_settings, write
from tests.pagemaker import FLOOD, MARKET, SCHOOL, make_page


def error_lines(err: str) -> list[str]:
    assert "Traceback" not in err, err
    return [line for line in err.splitlines() if line.startswith("converter: error:")]


# ---------------------------------------------------------------- link loops, pipes, links to nothing


def test_a_symlink_loop_is_one_failed_input_and_the_rest_are_converted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    archive = tmp_path / "archive"
    write(archive / "2024-06-05" / "page1.txt", make_page([FLOOD]))
    (archive / "a").symlink_to(archive / "b")
    (archive / "b").symlink_to(archive / "a")
    good = write(tmp_path / "good.txt", make_page([SCHOOL]))
    code = main(["convert", str(loop), str(archive), str(good), "-o", str(tmp_path / "out"), "--no-audio", "--jobs", "1"])
    assert code == 1
    errors = error_lines(capsys.readouterr().err)
    assert sorted(errors) == sorted(
        f"converter: error: {path}: a symbolic link loop" for path in (loop, archive / "a", archive / "b")
    )
    assert (tmp_path / "out" / "2024-06-05" / "2024-06-05.epub").is_file()
    assert (tmp_path / "out" / "good" / "good.epub").is_file()


def make_pipe(path: Path) -> None:
    os.mkfifo(path)


def make_link_to_nothing(path: Path) -> None:
    path.symlink_to(path.parent / "gone.txt")


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
@pytest.mark.parametrize(
    ("make", "reason"), [(make_pipe, "a named pipe, not a file"), (make_link_to_nothing, "a symbolic link to a missing file")]
)
def test_a_page_that_is_no_file_is_never_dropped_in_silence(tmp_path: Path, make, reason: str, suffix: str) -> None:
    archive = tmp_path / "archive"
    write(archive / "2024-06-05" / "page1.txt", make_page([FLOOD]))
    make(archive / "2024-06-05" / f"page2{suffix}")  # a page of a folder issue
    write(archive / "2024-06-12" / "page1.txt", make_page([SCHOOL]))
    make(archive / f"2024-06-19{suffix}")  # a loose page of the collection
    results = by_name(run_batch([archive], text_settings(tmp_path / "out"), Recorder()))
    assert results["2024-06-05"].status == "failed"
    assert results["2024-06-05"].error == f"{archive / '2024-06-05' / f'page2{suffix}'}: {reason}"
    assert results["2024-06-19"].error == f"{archive / f'2024-06-19{suffix}'}: {reason}"
    assert results["2024-06-12"].status == "converted"


# ---------------------------------------------------------------- unreadable pages


def test_an_unreadable_page_is_said_as_such_and_the_rest_go_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "archive"
    locked = write(archive / "2024-06-05" / "page1.txt", make_page([FLOOD]))
    write(archive / "2024-06-12" / "page1.txt", make_page([SCHOOL]))
    real_open = Path.open

    def open_(self: Path, *args, **kwargs):  # chmod 000 does not stop root, so the refusal is made here
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    code = main(["convert", str(archive), "-o", str(tmp_path / "out"), "--no-audio", "--jobs", "1"])
    assert code == 1
    assert error_lines(capsys.readouterr().err) == [f"converter: error: {locked}: cannot read (permission denied)"]
    assert (tmp_path / "out" / "2024-06-12" / "2024-06-12.epub").is_file()


# ---------------------------------------------------------------- issue.toml


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("title = [1, 2]", "title must be text, not [1, 2]"),
        ("number = 1e400", "number must be text or a whole number, not inf"),
        ("number = true", "number must be text or a whole number, not True"),
        ("newspaper = 3", "newspaper must be text, not 3"),
        ("publisher = { name = \"x\" }", "publisher must be text, not {'name': 'x'}"),
    ],
)
def test_bad_issue_toml_values_are_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str) -> None:
    page = write(tmp_path / "in" / "notes.txt", make_page([FLOOD]))
    meta = write(tmp_path / "in" / "notes.issue.toml", line + "\n")
    assert main(["convert", str(page), "-o", str(tmp_path / "out"), "--no-audio", "--quiet"]) == 1
    assert error_lines(capsys.readouterr().err) == [f"converter: error: {meta}: {message}"]


def test_a_whole_issue_number_is_taken_as_written(tmp_path: Path) -> None:
    page = write(tmp_path / "in" / "notes.txt", make_page([FLOOD]))
    write(tmp_path / "in" / "notes.issue.toml", "number = 1234\n")
    run_batch([page], text_settings(tmp_path / "out", newspaper="兴县报"), Recorder())
    import json

    assert json.loads((tmp_path / "out" / "notes" / "manifest.json").read_text())["number"] == "1234"


# ---------------------------------------------------------------- UTF-16 without a byte-order mark


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    from converter.reader import read_text

    text = SAMPLE.read_text("utf-8")
    page = write(tmp_path / "page.txt", text.encode(encoding))
    assert read_text(page) == text


def test_broken_utf16_without_a_byte_order_mark_is_named_as_such(tmp_path: Path) -> None:
    from converter.errors import InputError
    from converter.reader import read_text

    data = SAMPLE.read_text("utf-8").encode("utf-16-le")
    page = write(tmp_path / "page.txt", data[:1000] + b"\x00\xd8\x41\x00" + data[1000:])  # a lone surrogate
    with pytest.raises(InputError, match="looks like UTF-16 without a byte-order mark"):
        read_text(page)


# ---------------------------------------------------------------- a page on one line


def one_line_page(copies: int) -> str:
    """Every article of the page one after another on a single line, as an editing system exports it."""
    return "".join(
        "本报讯 " + "".join(a.paragraphs) + "（" + " ".join(a.byline) + "）"
        for _ in range(copies)
        for a in (FLOOD, SCHOOL, MARKET)
    ) + "\n"


def test_a_page_on_one_line_is_cut_at_its_datelines_not_made_one_article(tmp_path: Path) -> None:
    from converter.clean import parse_issue

    page = write(tmp_path / "page.txt", one_line_page(24))
    issue = parse_issue(page)
    assert len(issue.articles) == 72
    assert [a.byline for a in issue.articles[:3]] == [FLOOD.byline, SCHOOL.byline, MARKET.byline]
    assert max(a.text_length for a in issue.articles) < 200
    assert "".join(issue.articles[1].paragraphs) == "".join(SCHOOL.paragraphs)
    assert any("page.txt: line 1 holds" in w and "cut at its datelines" in w for w in issue.warnings)


def test_a_long_line_with_no_sentence_end_refuses_the_page(tmp_path: Path) -> None:
    from converter.clean import parse_issue
    from converter.errors import InputError

    page = write(tmp_path / "page.txt", make_page([FLOOD]) + "县" * 3000 + "\n")
    with pytest.raises(InputError, match=r"page.txt: line \d+ runs 3000 characters with no sentence end"):
        parse_issue(page)
