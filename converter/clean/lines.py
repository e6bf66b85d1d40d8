"""Line types of a page: a printed line, an article's lines, and the patterns that name a line.

A page's text keeps every printed column line; ``page_lines`` reads it into
``PageLine`` s (raw as printed, justified blanks closed, whether a blank line
precedes it, where it stands on the page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.clean.spacing import close_cjk_gaps
from converter.text import HAN_CLASS, NAME_MARKS, RUNNING_TEXT_MARKS, either

AUTHOR_NOTE = re.compile(r"^[（(]\s*作\s*者")
NAME_LINE = re.compile(f"^[{HAN_CLASS}·]{{2,4}}$")
# A page header line: 2018年1月3日星期三, 2018年1月3日, 7理论, 第3版 要闻.
PAGE_HEADER = re.compile(
    f"^(?:\\d{{4}}年\\d{{1,2}}月\\d{{1,2}}日(?:星期.)?|\\d{{1,2}}[{HAN_CLASS}]{{1,4}}|第\\d+版.{{0,8}})$"
)
SENTENCE_PUNCTUATION = re.compile(f"[{RUNNING_TEXT_MARKS}]")
# Labels of a detail the text gives on a line of its own, marked or not (●时间：23日晚10时许, 地点：…).
DETAIL_LABEL = either(("地点", "时间", "地址", "日期", "电话"))
DETAIL_LINE = re.compile(f"^[{NAME_MARKS}◆▲★]?\\s*{DETAIL_LABEL}[：:]")
# A dash, as typeset or as extracted.
_DASHES = r"(?:——|—|－－|--|―)"
_DASH = re.compile(_DASHES)
# A subtitle's leading dash.
DASH_START = re.compile("^" + _DASHES)
# A line naming the kind of report the title over it heads (后溪镇新春群众文体活动侧记, …见闻): a subtitle, as a
# line led by a dash is, though printed without the dash.
_REPORT_KIND = re.compile(r"(?:侧记|纪实|综述|小记|速写|掠影|巡礼|手记|见闻|纪事|素描|札记|追记)\s*$")


def names_its_report_kind(text: str) -> bool:
    """A line ending with the kind of report it heads: ``后溪镇新春群众文体活动侧记``, ``…文化广场见闻``.

    >>> names_its_report_kind("后溪镇新春群众文体活动侧记"), names_its_report_kind("风景这边正好！")
    (True, False)

    A line that holds a dash holds a title and its subtitle both: ``“好日子就要唱着过”——中心镇同心村文化广场见闻``.

    >>> names_its_report_kind("“好日子就要唱着过”——中心镇同心村文化广场见闻")
    False
    """
    return bool(_REPORT_KIND.search(text)) and not _DASH.search(text)


def subtitle_line(text: str) -> bool:
    """A line that reads as a subtitle: led by a dash (——记…) or naming its report's kind (…活动侧记).

    >>> subtitle_line("——记县人民医院"), subtitle_line("后溪镇新春群众文体活动侧记"), subtitle_line("风景这边正好！")
    (True, True, False)
    """
    return bool(DASH_START.match(text)) or names_its_report_kind(text)


# A kicker's trailing dash, leading into the title under it (北碚区政协与巴中市政协—— / 挖掘合作“闪光点”…).
DASH_END = re.compile(_DASHES + r"\s*$")


@dataclass
class PageLine:
    raw: str  # as printed, spaces kept (headlines need them)
    text: str  # justified blanks closed
    page: str
    gap_before: bool  # a blank line precedes it
    standalone: bool = False  # a subhead: its own paragraph, never joined to its neighbours
    index: int = -1  # where the line stands among the page's printed lines


@dataclass
class ArticleLines:
    """One article's lines before they become an Article."""

    lines: list[PageLine]
    page: str
    byline: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # headline lines printed above a signed essay
    # The same lines as printed, none joined to the next: a page of headlines over
    # articles sets each part (banner, kicker, title) on a line of its own.
    printed_headings: list[str] = field(default_factory=list)


def page_lines(name: str, text: str) -> list[PageLine]:
    lines: list[PageLine] = []
    gap = False
    for raw in text.split("\n"):
        if not raw.strip():
            gap = True
            continue
        lines.append(PageLine(raw.rstrip(), close_cjk_gaps(raw), name, gap, index=len(lines)))
        gap = False
    return lines

