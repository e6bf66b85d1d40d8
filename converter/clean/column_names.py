"""Column names: the name of a recurring column printed over its title (抗击疫情特别报道, 新春走基层·新年味), or in
brackets opening it (【新春走基层】春雪过后…). A column's name names no story: it heads a title as its kicker."""

from __future__ import annotations

import re

from converter.clean.couplets import PUNCTUATED
from converter.clean.spacing import han_count
from converter.text import COLUMN_ENDS, COLUMN_NAMES, COLUMN_STARTS, HAN_CLASS

# A column's name runs this long at most, in Han characters (抗击疫情特别报道, 脱贫攻坚系列报道之三).
_COLUMN_NAME = 12
# 之三, （二）, 之10: the number of a report in its series.
_SERIES_NUMBER = re.compile(r"(?:之[一二三四五六七八九十\d]+|[（(][一二三四五六七八九十\d]+[）)])$")
# A series' name and its theme, each a short phrase, parted by a middle dot (新春走基层·新年味).
_SERIES_AND_THEME = re.compile(f"[{HAN_CLASS}]{{2,6}}[·・][{HAN_CLASS}]{{2,5}}")


def names_a_column(text: str) -> bool:
    """A line naming a recurring column (抗击疫情特别报道, 聚焦乡村振兴): a kicker over its title.

    >>> [names_a_column(t) for t in ("抗击疫情特别报道", "脱贫攻坚系列报道之三", "聚焦两会", "环境整治进行时")]
    [True, True, True, False]
    >>> names_a_column("县电视台报道我县春耕生产取得新进展"), names_a_column("关注，")
    (False, False)

    A series and its theme parted by a middle dot: ``新春走基层·新年味``.

    >>> names_a_column("新春走基层·新年味"), names_a_column("新春走基层·贵州村火车里的年味儿")
    (True, False)
    >>> names_a_column("图话"), names_a_column("图话运城")
    (True, False)
    """
    text = _SERIES_NUMBER.sub("", text.strip())
    if not text or han_count(text) > _COLUMN_NAME or PUNCTUATED.search(text) or " " in text:
        return False
    if _SERIES_AND_THEME.fullmatch(text) or text in COLUMN_NAMES:
        return True
    return text.endswith(COLUMN_ENDS) or (text.startswith(COLUMN_STARTS) and han_count(text) > 2)


# A column's name in brackets opening a line, a title after it (【新春走基层】春雪过后…, [西固镇]西固镇开展…).
_COLUMN_MARK = re.compile(r"^\s*[【\[［][^】\]］]{2,12}[】\]］]\s*\S")


# A column's name in square brackets, anywhere in a line (【整治城乡环境共建美好家园】东丰县杨).
_COLUMN_TAG = re.compile(r"【[^】]*】")


def without_column_tags(text: str) -> str:
    """The line without its columns' names in square brackets: they make no title longer.

    >>> without_column_tags("【感党恩 跟党走】平邑县")
    '平邑县'
    """
    return _COLUMN_TAG.sub("", text)


def opens_with_a_column_mark(text: str) -> bool:
    """A line opening with a column's name in brackets and going on after it: the start of a title, never the
    rest of the line above (寻找绵阳最美乡村：探秘云朵上的三坪村 / 【新春走基层】春雪过后…).

    >>> opens_with_a_column_mark("【新春走基层】春雪过后"), opens_with_a_column_mark("【图】")
    (True, False)
    """
    return bool(_COLUMN_MARK.match(text))
