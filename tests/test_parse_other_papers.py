"""Layouts the parser was not built for: another paper's pages, and the county page without datelines."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from converter.clean import parse_issue, parse_pages
from converter.clean.furniture import is_figure_note
from converter.clean.spacing import han_chars
from converter.model import Issue
from tests.conftest import SAMPLE, SAMPLES

ESSAYS = SAMPLES / "other-papers" / "rmrb2018010307.txt"
MIXED = SAMPLES / "other-papers" / "rmrb2018012207.txt"


@pytest.fixture(scope="module")
def essays() -> Issue:
    return parse_issue(ESSAYS)


@pytest.fixture(scope="module")
def mixed() -> Issue:
    return parse_issue(MIXED)


def _written(issue: Issue) -> str:
    """Every Han character the issue keeps, warnings included."""
    return han_chars(
        "".join(
            "".join(a.headline.parts) + "".join(a.paragraphs) + "".join(a.byline) + (a.dateline or "")
            for a in issue.articles
        )
        + "".join(issue.unplaced_headlines)
        + "".join(issue.warnings)
    )


def test_a_doubled_banner_is_one_title_and_the_copy_is_recorded(essays: Issue) -> None:
    first = essays.articles[0]
    assert first.headline.title == "新使命：中国共产党的历史担当"
    assert first.headline.kicker is None
    assert first.byline == ["李忠杰"]
    assert any("“新使命：” is printed twice" in w for w in essays.warnings)


def test_a_line_broken_mid_word_is_body_text_not_a_headline(essays: Issue) -> None:
    titles = [part for a in essays.articles for part in a.headline.parts]
    assert "新时代中国共产党的历史使" not in titles
    paragraphs = [p for a in essays.articles for p in a.paragraphs]
    assert "新时代中国共产党的历史使命，源自历史、植根国情、立足时代。" in paragraphs
    assert "命，源自历史、植根国情、立足时代。" not in paragraphs


def test_figure_notes_are_kept_but_never_a_title(essays: Issue) -> None:
    for article in essays.articles:
        for part in article.headline.parts:
            assert not is_figure_note(part, 14)
        assert not any(p.startswith(("数据来源", "本版制图")) for p in article.paragraphs)
    # Page furniture, named in a warning: never an unplaced "headline" of 40 characters and more.
    assert "rmrb2018010307.txt: page furniture (figure note): 本版制图：李姿阅" in essays.warnings
    assert (
        "rmrb2018010307.txt: page furniture (figure note): "
        "数据来源：《十八届中央纪律检查委员会向中国共产党第十九次全国代表大会的工作报告》。"
    ) in essays.warnings
    assert not any(h.startswith(("本版制图", "数据来源")) for h in essays.unplaced_headlines)


def test_page_header_lines_are_warnings(essays: Issue, mixed: Issue) -> None:
    assert "rmrb2018010307.txt: page header: 2018年1月3日星期三" in essays.warnings
    assert "rmrb2018010307.txt: page header: 7理论" in essays.warnings
    assert "rmrb2018012207.txt: page header: 2018年1月22日星期一" in mixed.warnings
    for issue in (essays, mixed):
        assert not any("星期" in h for h in issue.unplaced_headlines)
        assert not any("星期" in part for a in issue.articles for part in a.headline.parts)


def test_essays_are_signed_by_their_authors_in_page_order(essays: Issue) -> None:
    # 何民捷 is printed under the essay's last line, with its headline elsewhere: the name signs the text above it.
    assert [a.byline for a in essays.articles if a.byline] == [["李忠杰"], ["何民捷"], ["唐洲雁"]]
    signed = next(a for a in essays.articles if a.byline == ["何民捷"])
    assert signed.paragraphs[0].startswith("历史上、现实中")
    assert signed.paragraphs[-1].endswith("书写中华民族伟大复兴的新传奇。")


def test_subheads_stay_paragraphs_of_their_essay(essays: Issue) -> None:
    first = essays.articles[0]
    assert "接续奋斗迈向复兴未来" in first.paragraphs
    assert first.paragraphs.index("接续奋斗迈向复兴未来") < len(first.paragraphs) - 2
    assert first.paragraphs[-1] == "（作者为中央党史研究室原副主任）"
    titles = [a.headline.title for a in essays.articles]
    assert not {"不忘初心走在时代前列", "勇担重任回应人民期待", "接续奋斗迈向复兴未来"} & set(titles)


def test_a_name_shaped_phrase_used_in_the_text_is_no_author(mixed: Issue) -> None:
    authors = [name for a in mixed.articles for name in a.byline]
    assert "严监管" not in authors
    assert authors == ["胡鞍钢", "胡瑞华", "习亚哲", "胡海岩"]
    # The title right over its author's name is a headline, not a paragraph.
    signed = next(a for a in mixed.articles if a.byline == ["习亚哲"])
    assert signed.headline.title == "不断优化公共经济责任配置"
    assert signed.headline.kicker == "财随政走"


@pytest.mark.parametrize("page", [ESSAYS, MIXED], ids=lambda p: p.name)
def test_nothing_is_lost_and_bodies_keep_no_blanks(page: Path) -> None:
    issue = parse_issue(page)
    missing = Counter(han_chars(page.read_text(encoding="utf-8"))) - Counter(_written(issue))
    assert not missing
    for article in issue.articles:
        assert article.headline.title.strip()
        for paragraph in article.paragraphs:
            assert not re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", paragraph)


def _without_blanks(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip()) + "\n"


@pytest.mark.parametrize("blanks", [True, False], ids=["blank after every line", "no blank lines"])
def test_the_county_page_without_datelines_splits_the_same(blanks: bool) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    if not blanks:
        text = _without_blanks(text)
    with_datelines = parse_pages([(SAMPLE.name, text)])
    issue = parse_pages([(SAMPLE.name, text.replace("本报讯", ""))])
    assert [a.byline for a in issue.articles] == [a.byline for a in with_datelines.articles]
    assert [a.headline for a in issue.articles] == [a.headline for a in with_datelines.articles]
    assert [a.paragraphs for a in issue.articles] == [a.paragraphs for a in with_datelines.articles]
    assert all(a.dateline is None for a in issue.articles)
    assert issue.unplaced_headlines == with_datelines.unplaced_headlines
    assert any("no dateline" in w for w in issue.warnings)


@pytest.mark.parametrize("blanks", [True, False], ids=["blank after every line", "no blank lines"])
def test_the_essays_with_blanks_that_say_nothing_parse_the_same(essays: Issue, blanks: bool) -> None:
    text = _without_blanks(ESSAYS.read_text(encoding="utf-8"))
    issue = parse_pages([(ESSAYS.name, text.replace("\n", "\n\n") if blanks else text)])
    # Without blanks to tell them apart, the lines of one headline block may be grouped otherwise
    # (履行历史使命… and 党的十八大以来… read as one wrapped title), but no headline line moves elsewhere.
    assert [a.headline for a in issue.articles[:3]] == [a.headline for a in essays.articles[:3]]

    def headline_text(parsed: Issue) -> Counter[str]:
        return Counter("".join(p for a in parsed.articles for p in a.headline.parts) + "".join(parsed.unplaced_headlines))

    assert headline_text(issue) == headline_text(essays)
    # Blanks that mean something set a run of subhead lines apart as its own paragraph
    # (不忘初心走在 / 时代前列); without them the same text is read in the same order.
    assert ["".join(a.paragraphs) for a in issue.articles] == ["".join(a.paragraphs) for a in essays.articles]
    assert [a.byline for a in issue.articles] == [a.byline for a in essays.articles]
