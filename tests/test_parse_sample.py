"""The real sample page, end to end, and the pages of another paper."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from converter.clean import parse_issue, parse_pages
from converter.clean.spacing import han_chars
from converter.errors import InputError
from converter.model import Issue
from tests.conftest import SAMPLE, SAMPLES

OTHER_PAPERS = sorted((SAMPLES / "other-papers").glob("*.txt"))


@pytest.fixture(scope="module")
def issue() -> Issue:
    return parse_issue(SAMPLE)


def test_seven_articles_with_their_bylines(issue: Issue) -> None:
    assert [a.byline for a in issue.articles] == [
        ["张明提"],
        ["张明提", "康东"],
        ["张明提", "宋继伟"],
        ["张明提", "康东"],
        ["张明提"],
        ["张明提", "康东"],
        ["张明提"],
    ]
    assert all(a.dateline == "本报讯" for a in issue.articles)
    assert not any(a.paragraphs[0].startswith("本报讯") for a in issue.articles)
    assert issue.sources == [SAMPLE.name]


def test_printed_headlines_sit_on_their_articles_with_kickers(issue: Issue) -> None:
    headlines = [a.headline for a in issue.articles]
    assert [(h.kicker, h.title, h.source) for h in headlines[:6]] == [
        ("兴县工商联", "倡议全县非公经济人士积极应对新冠肺炎疫情打好防控阻击战", "page"),
        (None, "兴县认真收听收看市委第七次专题会议暨市疫情防控工作领导小组电视电话会", "page"),
        ("兴县县委统战部新联会", "走进一线 送去温暖", "page"),
        (None, "兴县召开疫情设卡防控工作协调会", "page"),
        ("兴县直属机关工委", "倡议县直党组织和广大党员干部在打赢疫情防控阻击战中走在前作表率", "page"),
        (None, "兴县组织收听收看市委脱贫攻坚工作暨农村工作会议", "page"),
    ]
    derived = headlines[6]
    assert derived.source == "derived" and 4 <= len(derived.title) <= 24
    assert derived.title in issue.articles[6].paragraphs[0]


def test_photo_titles_are_unplaced_and_de_doubled(issue: Issue) -> None:
    assert issue.unplaced_headlines == ["万家灯火兴县城", "宅家抗“疫”"]


def test_stray_glyph_is_kept_in_a_warning(issue: Issue) -> None:
    assert [w for w in issue.warnings if "stray" in w and "“兴”" in w]


def test_paragraphs_are_rebuilt(issue: Issue) -> None:
    first = issue.articles[0].paragraphs
    assert len(first) == 5
    assert [p[:2] for p in first] == ["当前", "一是", "二是", "三是", "截至"]
    assert first[-1].endswith("户捐款240.75万元。")
    assert [len(a.paragraphs) for a in issue.articles] == [5, 4, 6, 6, 7, 4, 5]


def test_no_blank_between_han_characters_in_any_body(issue: Issue) -> None:
    for article in issue.articles:
        for paragraph in article.paragraphs:
            assert not re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", paragraph)
    assert "刻与党委、政府保持高度一致" in issue.articles[0].paragraphs[0]
    assert "价值18000余元" in issue.articles[2].paragraphs[4]


def test_no_han_character_is_lost(issue: Issue) -> None:
    written = "".join(
        (a.dateline or "") + "".join(a.paragraphs) + "".join(a.byline) + "".join(a.headline.parts)
        for a in issue.articles
        if a.headline.source == "page"
    )
    written += "".join((a.dateline or "") + "".join(a.paragraphs) + "".join(a.byline) for a in issue.articles if a.headline.source == "derived")
    written += "".join(issue.unplaced_headlines)
    missing = Counter(han_chars(SAMPLE.read_text(encoding="utf-8"))) - Counter(han_chars(written))
    # Only the removed copies of doubled glyphs and the stray glyph (in the warnings).
    assert missing == Counter("万家灯火兴县城宅家抗疫") + Counter("兴")
    # The bodies keep the page's order.
    bodies = "".join(han_chars((a.dateline or "") + "".join(a.paragraphs) + "".join(a.byline)) for a in issue.articles)
    assert bodies in han_chars(SAMPLE.read_text(encoding="utf-8"))


def test_gb18030_copy_parses_the_same(tmp_path: Path, issue: Issue) -> None:
    copy = tmp_path / SAMPLE.name
    copy.write_bytes(SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    assert parse_issue(copy) == issue


def test_issue_title_and_date_from_the_name(tmp_path: Path) -> None:
    page = tmp_path / "xingxianbao-2020-02-12.txt"
    page.write_bytes(SAMPLE.read_bytes())
    issue = parse_issue(page)
    assert issue.title == "xingxianbao 2020年2月12日"
    assert issue.date is not None and issue.date.isoformat() == "2020-02-12"
    folder = tmp_path / "20200212"
    folder.mkdir()
    (folder / "01.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "02.txt").write_bytes(SAMPLE.read_bytes())
    both = parse_issue(folder)
    assert both.title == "2020年2月12日" and both.sources == ["01.txt", "02.txt"]
    assert len(both.articles) == 14 and {a.source for a in both.articles} == {"01.txt", "02.txt"}


def test_a_page_with_no_body_raises_a_clear_error(tmp_path: Path) -> None:
    page = tmp_path / "headlines-only.txt"
    page.write_text("   \n——\n", encoding="utf-8")
    with pytest.raises(InputError, match="no article found"):
        parse_issue(page)


def test_headlines_above_articles_without_bylines() -> None:
    page = (
        "兴县召开疫情防控工作协调会\n\n本报讯 2月5日，兴县召开疫情防控工作协调会。\n\n会议强调，要加强防控。\n\n"
        "志愿者走进一线送去口罩\n\n本报讯 当天，志愿者走进一线，为工作人员送去口罩。\n"
    )
    issue = parse_pages([("p.txt", page)])
    assert [a.headline.title for a in issue.articles] == ["兴县召开疫情防控工作协调会", "志愿者走进一线送去口罩"]
    assert issue.articles[0].paragraphs == ["2月5日，兴县召开疫情防控工作协调会。", "会议强调，要加强防控。"]
    assert issue.unplaced_headlines == []


def test_a_page_without_datelines_is_one_article_with_a_warning() -> None:
    issue = parse_pages([("p.txt", "会议强调，要加强防控工作。\n\n各部门要通力协作。\n")])
    assert len(issue.articles) == 1
    assert issue.articles[0].headline.title
    assert any("no dateline" in w for w in issue.warnings)


@pytest.mark.parametrize("page", OTHER_PAPERS, ids=lambda p: p.name)
def test_other_papers_parse_into_several_titled_articles(page: Path) -> None:
    issue = parse_issue(page)
    assert len(issue.articles) >= 4
    for article in issue.articles:
        assert article.headline.title.strip()
        assert "".join(article.paragraphs).strip()
    authors = [name for a in issue.articles for name in a.byline]
    assert len(authors) >= 3
    # Nothing lost there either: every Han character is somewhere in the issue.
    written = "".join(
        "".join(a.headline.parts) + "".join(a.paragraphs) + "".join(a.byline) + (a.dateline or "")
        for a in issue.articles
    ) + "".join(issue.unplaced_headlines) + "".join(issue.warnings)
    assert not Counter(han_chars(page.read_text(encoding="utf-8"))) - Counter(han_chars(written))
