"""Headlines stacked above their articles: kicker, title, subtitle in printed order.

A paper that prints each headline over its article (People's Daily) stacks
its parts top to bottom: a kicker (引题) over the title, the title, a
subtitle led by a dash (——《…》简评) under it, then the author's name.  The
title is then the last line not led by a dash, whatever its length: the
kicker is often the longer line (让中国特色社会主义展现出更加强大生命力 over
深刻理解新时代划时代意义).
"""

from __future__ import annotations

from converter.clean.assignment import best_assignment
from converter.clean.lines import DASH_START, PAGE_HEADER, PageLine
from converter.clean.matching import LEANS, MATCHES, Matcher
from converter.clean.paragraphs import continues_into
from converter.clean.spacing import han_count
from converter.model import Headline

# A headline line of this many characters or fewer says little by the words it shares.
_FEW = 5


def headline_at(headings: list[str], title_at: int) -> tuple[Headline, list[str]]:
    """A headline block around its title: the line just above is the kicker, the lines below the subtitle;
    lines further up (page header, series banner) are returned apart."""
    kicker = headings[title_at - 1] if title_at > 0 else None
    subtitle = "".join(headings[title_at + 1 :]) or None
    apart = headings[: max(0, title_at - 1)]
    return Headline(title=headings[title_at], kicker=kicker, subtitle=subtitle), apart


def stacked_headline(headings: list[str]) -> tuple[Headline | None, list[str]]:
    """The headline of a block printed over its article (its title the last line not led by a dash),
    and the lines above its kicker.

    >>> headline, apart = stacked_headline(["认真学习贯彻十九大精神", "积极开展资产收益扶贫", "探索持续增收的路径"])
    >>> headline.kicker, headline.title, apart
    ('积极开展资产收益扶贫', '探索持续增收的路径', ['认真学习贯彻十九大精神'])
    >>> stacked_headline(["深化对政治经济学的研究", "——《政治经济学通论》简评"])[0].subtitle
    '——《政治经济学通论》简评'
    """
    if not headings:
        return None, []
    title_at = len(headings) - 1
    while title_at > 0 and DASH_START.match(headings[title_at]):
        title_at -= 1
    return headline_at(headings, title_at)


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


def displaced(apart: list[str]) -> bool:
    """Whether the lines over a kicker are other articles' headlines, to be placed by their words.

    One line over a kicker is the series banner the paper sets over a
    headline (认真学习宣传贯彻党的十九大精神 / 积极开展资产收益扶贫 / 探索…):
    it heads no article.  A banner is one line, so two and more are
    headlines the extraction stacked on this one (全面推进创新创业教育 /
    优先发展教育事业 / 实现从配合到融合的转变 / 党建工作应与中心工作有机结合).
    """
    return len(apart) > 1


def place_displaced(lines: list[str], texts: list[str]) -> dict[int, int]:
    """Which article (index into ``texts``) each displaced headline line heads, by the words they share.

    Every line was printed whole and set apart, so each is one title of its
    own (全面推进创新创业教育 and 优先发展教育事业 are two); one line per
    article, the assignment sharing the most, none below a clear lean.  A
    line of a few characters (绿色规划, one of a list's heads) needs a clear
    match: a few characters are shared by chance.

    >>> place_displaced(["优先发展教育事业", "全面推进创新创业教育"],
    ...                 ["创新创业教育是建设创新型国家的举措，要全面推进。", "百年大计，教育为本，优先发展教育事业。"])
    {0: 1, 1: 0}
    """
    if not lines or not texts:
        return {}
    matcher = Matcher(texts)
    floors = [MATCHES if han_count(line) <= _FEW else LEANS for line in lines]
    scores = [[s if s >= floor else 0.0 for s in matcher.scores(line)] for line, floor in zip(lines, floors)]
    return {line: article for line, article in best_assignment(scores) if scores[line][article] > 0}


def printed_parts(lines: list[PageLine], page_text: str) -> list[str]:
    """Headline lines as printed, one part each, but for a line a word runs across.

    A banner over a kicker stays two parts (认真学习宣传贯彻党的十九大精神 /
    积极开展资产收益扶贫); 推动我国经济高 / 质量发展 is one (高质量 is a word of the page).
    """
    parts: list[str] = []
    for index, line in enumerate(lines):
        if parts and not line.gap_before and continues_into(lines[index - 1].text, line.text, page_text):
            parts[-1] += line.text
        else:
            parts.append(line.text)
    return parts
