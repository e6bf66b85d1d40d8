"""Couplet titles: two halves of a like length, no punctuation, printed on one line or broken over two.

A county paper prints many a title as a couplet (环境整治进行时 美丽乡村入画来); whether two headline
lines are halves of one, or a line is a whole one, tells what the lines are to each other.
"""

from __future__ import annotations

import re

from converter.clean.spacing import han_count
from converter.text import CLOSE_PARENS, COLUMN_BARS, HAN_CLASS, OPEN_PARENS, PHRASE_BREAKS, SENTENCE_STOPS

# A couplet title (特色产业铺路子 / 村民增收有奔头, 永年有个小小乡村书屋 / 书香溢满世界读书日) has halves
# this long, the two within one character of each other.
_COUPLET_HALF = (4, 10, 1)
# Where the break cuts its first half and the second line prints the inner space, a half runs longer
# and the two differ more: (shortest, longest, difference).
_LONG_COUPLET_HALF = (4, 12, 2)
# A first line this short, naming nothing, is a slogan kicker (新春开新局) rather than a title.
SLOGAN = 5
# Marks no half of a couplet holds, nor a column's name.
PUNCTUATED = re.compile(f"[{PHRASE_BREAKS}、{SENTENCE_STOPS}{OPEN_PARENS}{CLOSE_PARENS}《》—{COLUMN_BARS}]")


# Leads and columns' names opening a title, each with its colon or bar (皖美宝藏小城丨陈汉乡：).
_LEADS = re.compile(rf"^(?:[^：:{COLUMN_BARS}\s]{{1,12}}\s*[：:{COLUMN_BARS}]\s*)+")


def couplet_across(left: str, right: str) -> bool:
    """A couplet title whose inner space is not where the line breaks: ``特色产业铺 / 路子 村民增收有奔头``.

    >>> couplet_across("特色产业铺", "路子 村民增收有奔头"), couplet_across("环境整治进行时 美丽", "乡村入画来")
    (True, True)
    >>> couplet_across("兴县召开协调会", "走进一线 送去温暖")
    False

    A couplet broken inside a first half of more than ten characters may run
    to twelve a half: ``加强疫情防控稳 / 定农业产生 确保春耕备耕有序开展``; a
    shorter first half keeps the usual measure (丰收时节 / 新春开新局 石泉…).

    >>> couplet_across("加强疫情防控稳", "定农业产生 确保春耕备耕有序开展")
    True
    >>> couplet_across("丰收时节", "新春开新局 石泉集中开工12个重点项目")
    False
    >>> couplet_across("雪后初晴", "泾源县多举措推动 志愿服务工作走深走实")
    False

    A lead and its colon, or a column's name and its bar, before the first half are none of it:

    >>> couplet_across("皖美宝藏小城丨陈汉乡：志愿服务", "迎新春 洁净乡村过大年")
    True
    """
    head, _, rest = right.partition(" ")
    half = _LEADS.sub("", left.strip()) or left  # a lead or a column's name before it is no half
    long_half = (
        han_count(half) > SLOGAN  # no short phrase of its own (雪后初晴 / 泾源县多举措推动 志愿服务…)
        and han_count(half + head) > _COUPLET_HALF[1]
        and couplet(half + head, rest, _LONG_COUPLET_HALF)
    )
    if rest and " " not in rest and (couplet(half + head, rest) or long_half):
        return True
    first, _, tail = left.rpartition(" ")
    return bool(first) and " " not in first and couplet(first, tail + right)


# Two characters set apart beside a couplet's inner blank: the break cut a word of its first half (瑞雪纷飞兆 /
# 丰年 什邡蓥华别样美) or the second half began before it (下沉社区开展志愿服务  创造 / 干净整洁社区环境).
_TWO_AT_THE_START = re.compile(f"^[{HAN_CLASS}]{{2}} ")
_TWO_AT_THE_END = re.compile(f" [{HAN_CLASS}]{{2}}$")


def two_glyphs_across(left: str, right: str) -> bool:
    """A couplet broken over two lines with two characters set apart beside its inner blank, on either line.

    >>> two_glyphs_across("瑞雪纷飞兆", "丰年 什邡蓥华别样美"), two_glyphs_across("暖暖敬老心 浓浓", "爱老情")
    (True, True)
    >>> two_glyphs_across("古城夜色", "接续报道 世丰园成了世外桃源"), two_glyphs_across("瑞雪", "丰年 什邡蓥华别样美")
    (False, False)
    """
    left, right = left.strip(), right.strip()
    if not (_TWO_AT_THE_START.match(right) or _TWO_AT_THE_END.search(left)):
        return False
    return couplet_across(left, right)


def couplet(left: str, right: str, half: tuple[int, int, int] = _COUPLET_HALF) -> bool:
    """Two halves of a couplet title, one a line: as long as each other, no punctuation.

    A half is one phrase: a line with words set apart inside it is no half.

    >>> couplet("环境整治进行时", "美丽乡村入画来"), couplet("兴县工商联", "倡议全县非公经济人士积极应对")
    (True, False)
    >>> couplet("集中农机保春耕", "老革命 情牵宏志生")
    False
    """
    low, high, slack = half
    sizes = han_count(left), han_count(right)
    return (
        " " not in left.strip() + right.strip()
        and all(low <= size <= high for size in sizes)
        and abs(sizes[0] - sizes[1]) <= slack
        and not PUNCTUATED.search(left + right)
    )


# Each of a title's two phrases parted by a blank is this long at least: the title is whole.
_OWN_PHRASE = 4


def two_phrases(text: str) -> bool:
    """A title of two phrases parted by a blank, each of four characters or more: whole, a short line under it is no
    end of it but the start of the next title (…以雪为令齐出动 清理积雪保出行 / “村村”赛 / 龙舟，端午好不热闹).

    >>> two_phrases("前进农场有限公司街道以雪为令齐出动 清理积雪保出行"), two_phrases("产业兴旺 增收")
    (True, False)
    """
    halves = text.strip().split(" ")
    return len(halves) == 2 and min(han_count(half) for half in halves) >= _OWN_PHRASE


def whole_couplet(text: str) -> bool:
    """A couplet title on one line, its halves parted by a space: complete, nothing runs on from it.

    >>> whole_couplet("特色产业铺路子 村民增收有奔头"), whole_couplet("产业兴旺 增收“有道”")
    (True, True)
    >>> whole_couplet("大竹8个项目")
    False
    """
    halves = text.strip().split(" ")
    return len(halves) == 2 and couplet(halves[0], halves[1])


def other_half(line: str, placed: list[str], above: bool) -> list[str] | None:
    """A short line no article took beside a one-line title placed, the two a couplet's halves: the couplet title.

    >>> other_half("过红火日子", ["摘火红辣椒"], above=False), other_half("山乡春早", ["冬日蔬菜采摘忙"], above=True)
    (['摘火红辣椒 过红火日子'], None)
    """
    if len(placed) != 1:
        return None
    first, second = (line, placed[0]) if above else (placed[0], line)
    return [f"{first.strip()} {second.strip()}"] if couplet(first, second) else None
