"""Marks at a title's break: a mark one headline line leaves open or ends with, or the next opens with, makes the two
one title (哈尔滨：“ / 烟火气”从早市, 女子桥边想轻生， / 民警一把抓住她, 高新区滹沱村：清 / 运垃圾).
"""

from __future__ import annotations

import re

from converter.clean.bound_words import bound_at_the_end
from converter.clean.couplets import couplet
from converter.clean.headline_parts import ONE_AFTER_A_MARK, too_long_for_one_title
from converter.clean.names import chain_of_places
from converter.clean.paragraphs import unclosed
from converter.text import COLUMN_BARS, HAN_CLASS

# A title line opening with one character and a colon (凤：小区干净了… under 社区居民陈) or a dash (行----老边区…
# under 检察助创城 文明我先): no lead is one character, nor is what a dash follows, the break cut the word before it.
_ONE_BEFORE_A_COLON = re.compile(f"^\\s*[{HAN_CLASS}](?:[：:]|[—―]|－－|--)")


def one_glyph_at_a_mark(left: str, right: str) -> bool:
    """One character left at a mark by the break between two title lines: it broke inside a word.

    >>> one_glyph_at_a_mark("高新区滹沱村：清", "运垃圾"), one_glyph_at_a_mark("社区居民陈", "凤：小区")
    (True, True)
    >>> one_glyph_at_a_mark("检察助创城 文明我先", "行----老边区"), one_glyph_at_a_mark("武汉：老人", "新春")
    (True, False)
    """
    return bool(ONE_AFTER_A_MARK.search(left.rstrip()) or _ONE_BEFORE_A_COLON.match(right))


def left_open(previous: str, line: str) -> bool:
    """A quote or bracket ``previous`` leaves open goes on into ``line``, unless a line as long as a title
    leaves it and the next does not close it (a title printed unclosed, “村村有好戏…举办, over the next).

    >>> left_open("哈尔滨：“", "烟火气”从早市"), left_open("送文化|“村村有好戏户户有能人——东昌府区专场活动举办", "山乡")
    (True, False)
    """
    return unclosed(previous) and (not too_long_for_one_title(previous, "") or not unclosed(previous + line))


# Marks that join what is before them to what is after: a middle dot, the bar after a column's name.
_JOINING = ("·", "・", "•", *COLUMN_BARS)


def ends_in_a_clause(text: str) -> bool:
    """A title line ending with a comma or a list's 、 goes on into the next (女子桥边想轻生， / 民警一把抓住她), as
    does one ending with a conjunction (泸州市委宣传部与 / 杜家街社区开展…), a middle dot joining two names
    (“书记坝坝茶”· / 助力乡村振兴) or the bar after a column's name (皖美宝藏小城丨 / 陈汉乡：…).

    >>> ends_in_a_clause("女子桥边想轻生，"), ends_in_a_clause("民警一把抓住她"), ends_in_a_clause("泸州市委宣传部与")
    (True, False, True)
    >>> ends_in_a_clause("“书记坝坝茶”·"), ends_in_a_clause("有事好商量丨")
    (True, True)

    So does one whose last clause is a place's name alone, the subject of a clause the next line
    says (垃圾分类我参与，平谷区 / 王辛庄镇开展周末卫生大扫除活动):

    >>> ends_in_a_clause("垃圾分类我参与，平谷区"), ends_in_a_clause("平谷区")
    (True, False)
    """
    clauses = re.split("[，,]", text.strip())
    named = len(clauses) > 1 and chain_of_places(clauses[-1])
    return text.rstrip().endswith(("，", ",", "、", *_JOINING)) or bound_at_the_end(text) or named


def joined_by_a_mark(previous: str, line: str) -> bool:
    """Two headline lines a mark makes one title of: the first ends in a clause, a dot or a column's bar
    (see ends_in_a_clause), the second opens with the dot or bar, or after the first's bar comes the first half
    of a couplet the second finishes (乡村振兴 | 甘蔗丰收口口甜 / 增收致富节节高).

    >>> joined_by_a_mark("冬至大如年 人间小团圆", "丨杭州道街道社区暖冬行动温情绽放")
    True
    >>> joined_by_a_mark("乡村振兴 | 甘蔗丰收口口甜", "增收致富节节高")
    True
    >>> joined_by_a_mark("甘蔗丰收口口甜", "增收致富节节高")
    False
    """
    return ends_in_a_clause(previous) or line.lstrip().startswith(_JOINING) or couplet(_after_the_bar(previous), line)


def _after_the_bar(text: str) -> str:
    """A title's words after the bar that follows its column's name, or nothing.

    >>> _after_the_bar("乡村振兴 | 甘蔗丰收口口甜"), _after_the_bar("甘蔗丰收口口甜")
    ('甘蔗丰收口口甜', '')
    """
    parts = re.split(rf"\s*[{COLUMN_BARS}]\s*", text.strip(), maxsplit=1)
    return parts[1] if len(parts) == 2 else ""
