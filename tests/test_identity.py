"""Which issue a book is: each clue to its name, date and number, and the title every output shares."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest

from converter.batch import run_batch
from converter.clean import parse_issue
from converter.config import Settings, load_settings
from converter.identity import clues_from_header, clues_from_name, content_title, find_date, is_machine_token
from tests.conftest import OTHER_PAPERS, SAMPLE, Recorder, write
from tests.pagemaker import FLOOD, MARKET, SCHOOL, make_page

PEOPLES_DAILY = OTHER_PAPERS / "rmrb2018010307.txt"


def epub_title(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        opf = book.read("EPUB/content.opf").decode()
    return re.search(r"<dc:title[^>]*>([^<]*)</dc:title>", opf).group(1)


def test_dates_as_names_and_headers_write_them() -> None:
    assert find_date("2020-02-12") == dt.date(2020, 2, 12)
    assert find_date("xxb_20200212_p1") == dt.date(2020, 2, 12)
    assert find_date("2018 年 1 月 3 日 星期三") == dt.date(2018, 1, 3)
    assert find_date("2020年2月12日") == dt.date(2020, 2, 12)
    assert find_date("2019-13-01") is None and find_date("000_6f7615cd0b320972") is None


def test_a_name_gives_newspaper_number_and_readable_words() -> None:
    assert clues_from_name("兴县报第1234期").newspaper == "兴县报"
    assert clues_from_name("兴县报第1234期").number == "第1234期"
    assert clues_from_name("兴县报-2020-02-12").date == dt.date(2020, 2, 12)
    assert clues_from_name("xingxianbao-2020-02-12").words == "xingxianbao"
    # machine names say nothing a reader could use
    for name in ("000_6f7615cd0b320972", "3f2a9c0b1d7e", "20200212", "scan_0001"):
        assert clues_from_name(name).words in (None, "scan"), name
    assert [is_machine_token(t) for t in ("6f7615cd0b320972", "0001", "xxb", "c0ffee")] == [True, True, False, False]


def test_a_page_header_gives_the_date_and_the_page_number() -> None:
    assert clues_from_header(["2018 年 1 月 3 日 星期三", "7 理论"]) == (dt.date(2018, 1, 3), None, "7")
    assert clues_from_header(["第03版 要闻"]) == (None, None, "3")
    assert clues_from_header([]) == (None, None, None)


def test_a_machine_file_name_never_becomes_the_title(tmp_path: Path) -> None:
    issue = parse_issue(SAMPLE)
    assert "6f7615cd0b320972" not in issue.title
    # the lead headline and the article count: what the reader is about to read
    assert issue.title == "倡议全县非公经济人士积极应对新冠肺炎疫情打好防控阻击战 等7篇"
    assert issue.title == content_title(issue)


def test_the_page_header_dates_an_issue_whose_name_does_not(tmp_path: Path) -> None:
    page = write(tmp_path / "a81f3c9e0b2d4f66.txt", PEOPLES_DAILY.read_bytes())
    issue = parse_issue(page)
    assert issue.date == dt.date(2018, 1, 3)
    assert issue.title == "2018年1月3日"
    assert issue.printed_pages == {page.name: "7"}


def test_a_folder_named_by_newspaper_and_number(tmp_path: Path) -> None:
    folder = tmp_path / "兴县报第1234期"
    write(folder / "p1.txt", make_page([FLOOD, SCHOOL]))
    issue = parse_issue(folder)
    assert (issue.newspaper, issue.number, issue.date) == ("兴县报", "第1234期", None)
    assert issue.title == "兴县报 第1234期"


def test_a_folder_named_by_its_date(tmp_path: Path) -> None:
    folder = tmp_path / "2020-02-12"
    write(folder / "p1.txt", make_page([FLOOD]))
    assert parse_issue(folder).title == "2020年2月12日"


def test_newspaper_without_date_still_gives_each_issue_its_own_title(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    pages = [write(root / "a1b2c3d4e5f6.txt", make_page([FLOOD, SCHOOL])), write(root / "f6e5d4c3b2a1.txt", make_page([MARKET]))]
    out = tmp_path / "out"
    run_batch(pages, Settings(output=out, audio=False, jobs=1, newspaper="兴县报"), Recorder())
    titles = {
        name: json.loads((out / name / "manifest.json").read_text())["title"]
        for name in ("a1b2c3d4e5f6", "f6e5d4c3b2a1")
    }
    assert titles == {
        "a1b2c3d4e5f6": f"兴县报 · {FLOOD.title} 等2篇",
        "f6e5d4c3b2a1": f"兴县报 · {MARKET.title}",
    }
    for name, title in titles.items():
        assert epub_title(out / name / f"{name}.epub") == title


def test_issue_toml_outranks_converter_toml_the_name_and_the_header(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    write(root / "2020-02-12" / "p1.txt", PEOPLES_DAILY.read_bytes())  # header says 2018-01-03
    write(root / "2020-02-12" / "issue.toml", 'newspaper = "人民日报"\nnumber = "第25000期"\n')
    write(root / "兴县报第1234期" / "p1.txt", make_page([SCHOOL]))
    write(root / "兴县报第1234期" / "issue.toml", "date = 2024-06-05\n")
    config = write(tmp_path / "converter.toml", 'newspaper = "吕梁日报"\naudio = false\njobs = 1\n')
    settings = load_settings(config)
    settings.output = tmp_path / "out"
    run_batch([root], settings, Recorder())

    def manifest(name: str) -> dict:
        return json.loads((tmp_path / "out" / name / "manifest.json").read_text())

    # the folder's date outranks the header's, issue.toml's newspaper outranks converter.toml's
    assert manifest("2020-02-12")["title"] == "人民日报 2020年2月12日 第25000期"
    # converter.toml names the paper (explicit beats a name's guess); the folder gives the number
    assert manifest("兴县报第1234期")["title"] == "吕梁日报 2024年6月5日 第1234期"


@pytest.mark.parametrize("name", ["000_6f7615cd0b320972", "7c9e6679742540de944be07fc1f90ae7"])
def test_hash_named_issues_get_distinct_readable_titles(tmp_path: Path, name: str) -> None:
    one = write(tmp_path / f"{name}.txt", make_page([SCHOOL, FLOOD]))
    other = write(tmp_path / f"{name}x.txt", make_page([MARKET]))
    titles = {parse_issue(one).title, parse_issue(other).title}
    assert titles == {f"{SCHOOL.title} 等2篇", MARKET.title}
