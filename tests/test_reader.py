from __future__ import annotations

import time
from pathlib import Path

import pytest

from converter.errors import InputError
from converter.reader import MAX_PAGE_BYTES, page_files, read_text
from tests.conftest import SAMPLE


def test_utf8_sample_reads_with_unix_newlines() -> None:
    text = read_text(SAMPLE)
    assert text.startswith(" 本报讯")
    assert "\r" not in text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    text = read_text(SAMPLE)
    page = tmp_path / "page.txt"
    page.write_bytes(text.encode(encoding))
    assert read_text(page) == text


def test_crlf_and_cr_become_newlines(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes("本报讯 甲\r\n\r\n乙。\r丙".encode())
    assert read_text(page) == "本报讯 甲\n\n乙。\n丙"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(128, 256)) * 4, "encoding"),
    ],
)
def test_bad_files_give_one_line_reasons(tmp_path: Path, data: bytes, reason: str) -> None:
    page = tmp_path / "bad.txt"
    page.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_text(page)
    message = str(error.value)
    assert "\n" not in message and str(page) in message and reason in message


def test_a_huge_file_is_refused_quickly_without_reading_it(tmp_path: Path) -> None:
    page = tmp_path / "huge.txt"
    with page.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk and no reading
    started = time.perf_counter()
    with pytest.raises(InputError, match="too large"):
        read_text(page)
    assert time.perf_counter() - started < 0.1
    assert MAX_PAGE_BYTES < 50 * 1024 * 1024


def test_page_files_of_a_folder_in_natural_name_order(tmp_path: Path) -> None:
    for name in ["page10.txt", "page2.txt", "page1.TXT", ".hidden.txt", "notes.md"]:
        (tmp_path / name).write_text("本报讯 甲。", encoding="utf-8")
    assert [p.name for p in page_files(tmp_path)] == ["page1.TXT", "page2.txt", "page10.txt"]


def test_page_files_of_a_file_is_the_file() -> None:
    assert page_files(SAMPLE) == [SAMPLE]


def test_page_files_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no page files"):
        page_files(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        page_files(tmp_path / "missing")


def test_form_feeds_are_page_breaks_and_noncharacters_go(tmp_path: Path) -> None:
    page = tmp_path / "ff.txt"
    page.write_text("本报讯 今天下雨了。\f明天晴。\ufffe（张三）", encoding="utf-8")
    assert read_text(page) == "本报讯 今天下雨了。\n明天晴。（张三）"


def test_big5_is_still_recognised(tmp_path: Path) -> None:
    text = "本報訊 今天縣政府召開會議，研究部署春季農業生產工作。\n\n會議要求各鄉鎮做好準備。\n"
    page = tmp_path / "big5.txt"
    page.write_bytes(text.encode("big5"))
    assert read_text(page) == text
