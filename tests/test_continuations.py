"""Articles continued on another page come back whole; jump lines that lead nowhere keep every character."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.clean import parse_pages
from converter.clean.jumps import find_jumps
from converter.clean.spacing import han_chars
from converter.model import Issue, issue_to_dict
from tests.multipage import (
    DEV,
    DOWN_FORMS,
    UP_FORMS,
    Jump,
    found,
    jump_line,
    make_issue,
    rebuilt_whole,
)
from tests.pagemaker import FLOOD, MARKET, SCHOOL, make_page


def _key(text: str) -> str:
    return "".join(text.split())


def _continued(made, issue: Issue):
    pairs = [(gold, article) for gold, article in found(made, issue) if gold.continued]
    assert pairs
    return pairs


@pytest.mark.parametrize("form", DOWN_FORMS + UP_FORMS)
@pytest.mark.parametrize("page", [2, 3])
@pytest.mark.parametrize("spaced", [False, True])
def test_every_printed_form_of_a_jump_line_is_found_with_its_page(form: str, page: int, spaced: bool) -> None:
    line = jump_line(form, page, spaced)
    direction = "down" if form in DOWN_FORMS else "up"
    for printed in (line, "确保安全度汛" + line if direction == "down" else line + "站等地，详细了解"):
        assert [(j.direction, j.page) for j in find_jumps(printed)] == [(direction, page)]


def test_a_bracket_inside_running_text_is_no_jump_line() -> None:
    assert find_jumps("会议要求（转第二版）各单位") == []
    assert find_jumps("协助党组（党委）") == []


@pytest.mark.parametrize("mid_paragraph", [False, True], ids=["between-paragraphs", "mid-paragraph"])
@pytest.mark.parametrize("to_page", [2, 3])
@pytest.mark.parametrize("own_line", [True, False], ids=["own-line", "in-text-line"])
def test_a_continued_article_comes_back_whole(mid_paragraph: bool, to_page: int, own_line: bool) -> None:
    for seed in range(4):
        jump = Jump(to_page, mid_paragraph, DOWN_FORMS[seed], UP_FORMS[seed], own_line, spaced=seed % 2 == 1)
        made = make_issue(seed, [jump], pages=3)
        issue = parse_pages(made.pages)
        [(gold, article)] = _continued(made, issue)
        assert article is not None, (seed, issue.warnings)
        assert [_key(p) for p in article.paragraphs] == gold.article.paragraphs
        assert article.byline == gold.article.byline
        assert article.pages == ["01.txt", f"0{to_page}.txt"]
        assert not [w for w in issue.warnings if "page" in w and "版" in w]
        # The page turn stands where the second page's text starts.
        [turn] = article.page_turns
        assert turn.page == f"0{to_page}.txt"
        if not mid_paragraph:
            assert turn.offset == 0
        # Jump lines reach no output.
        dumped = json.dumps(issue_to_dict(issue), ensure_ascii=False)
        assert all(_key(j) not in _key(dumped) for j in made.jump_lines)


def test_two_articles_continued_on_pages_two_and_three() -> None:
    jumps = [Jump(2, True, "（下转第2版）", "（上接第1版）"), Jump(3, True, "（转第三版）", "（接第一版）", own_line=False)]
    made = make_issue(7, jumps, pages=3)
    issue = parse_pages(made.pages)
    pairs = _continued(made, issue)
    assert [article.pages for _, article in pairs if article] == [["01.txt", "02.txt"], ["01.txt", "03.txt"]]
    assert all(rebuilt_whole(gold, article) for gold, article in pairs)


def test_the_joined_paragraph_reads_on_across_the_cut() -> None:
    """The jump line cuts 检查组一行先后来到蔚汾 | 河沿岸、城区排水泵…: one paragraph again."""
    first = make_page([FLOOD, SCHOOL], width=13).split("\n\n")
    cut = next(i for i, line in enumerate(first) if "城区排水泵" in line or "区排水泵" in line)
    head = first[: cut + 1]
    rest_of_flood = next(i for i, line in enumerate(first) if line.endswith("（王丽）"))
    page1 = head[:-1] + [head[-1] + "（下转第2版）"] + first[rest_of_flood + 1 :]
    page2 = ["（上接第1版）"] + first[cut + 1 : rest_of_flood + 1] + make_page([MARKET], width=15).split("\n\n")
    issue = parse_pages([("1.txt", "\n\n".join(page1)), ("2.txt", "\n\n".join(page2))])
    flood = next(a for a in issue.articles if a.headline.title == FLOOD.title)
    assert flood.paragraphs == FLOOD.paragraphs
    assert flood.byline == ["王丽"] and flood.pages == ["1.txt", "2.txt"]
    turn = flood.page_turns[0]
    assert turn.paragraph == 1
    assert flood.paragraphs[1][: turn.offset] + "|" + flood.paragraphs[1][turn.offset :] == (
        FLOOD.paragraphs[1].replace(_key(first[cut + 1]), "|" + _key(first[cut + 1]), 1)
    )
    assert [a.headline.title for a in issue.articles] == [FLOOD.title, SCHOOL.title, MARKET.title]


def _han_in(issue: Issue) -> Counter[str]:
    """Every Han character the issue keeps as text (titles made from the lead aside).

    A glyph the parser took for a stray one is kept in its warning.
    """
    kept = "".join(issue.unplaced_headlines)
    kept += "".join(w.split("“")[1].split("”")[0] for w in issue.warnings if "stray glyph" in w)
    for article in issue.articles:
        printed = article.headline.parts if article.headline.source == "page" else []
        kept += "".join(printed) + (article.dateline or "") + "".join(article.paragraphs) + "".join(article.byline)
    return Counter(han_chars(kept))


def _han_printed(pages: list[tuple[str, str]], jump_lines: list[str]) -> Counter[str]:
    printed = Counter(han_chars("".join(text for _, text in pages)))
    for line in set(jump_lines):
        times = sum(text.count(line) for _, text in pages)
        printed -= Counter({char: count * times for char, count in Counter(han_chars(line)).items()})
    return printed


def test_a_jump_to_a_page_the_issue_does_not_have_keeps_the_text_and_warns() -> None:
    made = make_issue(3, [Jump(2, True, "（下转第{n}版）", "（上接第{n}版）")], pages=2)
    # Point the jump line at page 5 and leave the continuation unmarked.
    pages = [(name, text.replace("（下转第2版）", "（下转第5版）").replace("（上接第1版）", "")) for name, text in made.pages]
    issue = parse_pages(pages)
    assert _han_in(issue) == _han_printed(pages, ["（下转第5版）"])
    [warning] = [w for w in issue.warnings if "下转第5版" in w]
    assert warning.startswith("01.txt: ") and "page 5" in warning
    # The unfinished sentence before the jump line stays with its article.
    [(gold, _)] = _continued(made, issue)
    start = next(a for a in issue.articles if a.byline != gold.article.byline and a.source == "01.txt"
                 and _key(gold.article.paragraphs[0])[:10] in _key("".join(a.paragraphs)))
    assert start.pages == ["01.txt"]
    assert not any("（下转" in _key(p) for p in start.paragraphs)


def test_a_continuation_whose_start_is_missing_is_an_article_with_a_derived_title() -> None:
    made = make_issue(5, [Jump(2, False, "（下转第2版）", "（上接第1版）")], pages=2)
    pages = [(name, text.replace("（下转第2版）", "")) for name, text in made.pages]
    issue = parse_pages(pages)
    assert _han_in(issue) == _han_printed(pages, ["（上接第1版）"])
    [warning] = [w for w in issue.warnings if "上接第1版" in w]
    assert warning.startswith("02.txt: ") and "page 1" in warning
    [(gold, _)] = _continued(made, issue)
    orphan = next(a for a in issue.articles if a.byline == gold.article.byline)
    assert orphan.headline.source == "derived" and orphan.source == "02.txt" and orphan.pages == ["02.txt"]


def test_a_jump_line_naming_a_page_without_an_answer_warns_naming_both_pages() -> None:
    made = make_issue(9, [Jump(2, False, "（下转第2版）", "（上接第1版）")], pages=3)
    pages = [(name, text.replace("（上接第1版）", "（上接第3版）")) for name, text in made.pages]
    issue = parse_pages(pages)
    assert _han_in(issue) == _han_printed(pages, ["（下转第2版）", "（上接第3版）"])
    assert "01.txt: “（下转第2版）” sends the article on to page 2, but no jump line on 02.txt takes it up; " \
        "the article ends where this page ends it" in issue.warnings
    assert "02.txt: “（上接第3版）” continues an article from page 3, but no jump line on 03.txt sends it here; " \
        "the text is an article of its own with a title made from its lead" in issue.warnings


def test_continued_articles_are_rebuilt_whole_on_the_dev_issues() -> None:
    pairs = []
    for seed in DEV[:60]:
        made = make_issue(seed, pages=2 + seed % 2)
        pairs += _continued(made, parse_pages(made.pages))
    assert sum(rebuilt_whole(g, a) for g, a in pairs) == len(pairs)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 3), st.sampled_from(["keep", "no-down", "no-up", "wrong-page"]))
def test_no_han_character_is_lost_across_pages(seed: int, pages: int, damage: str) -> None:
    made = make_issue(seed, pages=pages)
    texts = list(made.pages)
    down, up = made.jump_lines[0], made.jump_lines[1]
    if damage == "no-down":
        texts = [(n, t.replace(down, "")) for n, t in texts]
    elif damage == "no-up":
        texts = [(n, t.replace(up, "")) for n, t in texts]
    elif damage == "wrong-page":
        wrong = jump_line("（下转第{n}版）", 9)
        texts = [(n, t.replace(down, wrong)) for n, t in texts]
        made.jump_lines.append(wrong)
    issue = parse_pages(texts)
    assert _han_in(issue) == _han_printed(texts, made.jump_lines)
