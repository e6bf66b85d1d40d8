"""Headlines stacked above their articles: kicker, title, subtitle in printed order.

A paper that prints each headline over its article (People's Daily) stacks
its parts top to bottom: a kicker (引题) over the title, the title, a
subtitle led by a dash (——《…》简评) under it, then the author's name.  The
title is then the last line not led by a dash, whatever its length: the
kicker is often the longer line (让中国特色社会主义展现出更加强大生命力 over
深刻理解新时代划时代意义).
"""

from __future__ import annotations

from converter.clean.lines import DASH_START, PAGE_HEADER, PageLine
from converter.model import Headline


def _title_at(headings: list[str]) -> int:
    """The title is the last line not led by a dash."""
    title_at = len(headings) - 1
    while title_at > 0 and DASH_START.match(headings[title_at]):
        title_at -= 1
    return title_at


def stacked_headline(headings: list[str]) -> tuple[Headline | None, list[str]]:
    """The headline of a block printed over its article, and the lines above its kicker.

    >>> headline, apart = stacked_headline(["认真学习贯彻十九大精神", "积极开展资产收益扶贫", "探索持续增收的路径"])
    >>> headline.kicker, headline.title, apart
    ('积极开展资产收益扶贫', '探索持续增收的路径', ['认真学习贯彻十九大精神'])
    >>> stacked_headline(["深化对政治经济学的研究", "——《政治经济学通论》简评"])[0].subtitle
    '——《政治经济学通论》简评'
    """
    if not headings:
        return None, []
    title_at = _title_at(headings)
    kicker = headings[title_at - 1] if title_at > 0 else None
    subtitle = "".join(headings[title_at + 1 :]) or None
    apart = headings[: max(0, title_at - 1)]
    return Headline(title=headings[title_at], kicker=kicker, subtitle=subtitle), apart


def headlines_above(outside: list[PageLine]) -> bool:
    """Whether a page cut at its headlines prints them over its articles.

    A county page collects its headlines after its last finished sentence;
    a page that prints them over their articles leaves nothing there but
    lone glyphs (a name's characters spaced apart: 叶 / 帆).
    """
    return all(len(line.text) == 1 for line in outside)



def without_page_headers(headings: list[str]) -> tuple[list[str], list[str]]:
    """A headline block's lines without the page header lines the extraction set among them.

    >>> without_page_headers(["用做实体现学习成效", "划时代的思想火炬", "7理论"])
    (['用做实体现学习成效', '划时代的思想火炬'], ['7理论'])
    """
    header = [line for line in headings if PAGE_HEADER.match(line)]
    if len(header) == len(headings):
        return headings, []
    return [line for line in headings if line not in header], header
