"""A text's words as its bigrams, and how much of a headline a stretch of text holds.

The anchors (anchors.py) and the second stories (second_story.py) read
headlines and paragraphs as sets of character bigrams: two stories share few,
a headline's words are found in its own story.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from converter.clean.authors import SURNAMES
from converter.clean.matching import word_chars
from converter.clean.word_breaks import is_word
from converter.text import HAN_CLASS, KINDS_OF_PLACE, NOT_A_PLACE_NAME

# What stands before 村, 镇 or 乡 in running text without naming a place (在农村, 全镇).
_NOT_A_NAME = set(NOT_A_PLACE_NAME)
# A village or township named by two characters of its own (刘庄村, 辛安镇): two stories of a page seldom share one.
# The character after it is read too: 村, 镇 or 乡 opening a word with it (乡村, 村民, 镇长) ends no place's name.
_PLACE = re.compile(f"(?=([{HAN_CLASS}]{{2}}[村镇乡])(.?))")
# Words opened by 村, 镇 or 乡 the word list lacks, common in local news.
_OPENED_BY_A_PLACE_WORD = ("乡贤", "村委", "村两", "村集", "村组", "村务", "镇党")


def bigrams(text: str) -> set[str]:
    return set(bigram_set(text))


@lru_cache(maxsize=4096)
def bigram_set(text: str) -> frozenset[str]:
    """A text's bigrams, kept: a page's paragraphs are read again at every break tried and for every headline."""
    chars = word_chars(text)
    return frozenset(chars[i : i + 2] for i in range(len(chars) - 1))


# Bigrams a quarter or more of the collected stories print (1,308 stories of the worked-on sets): 活动, 开展 and
# 宣传 say nothing of which story a headline names, and a date's 20 and 10 nothing either.
COMMON_BIGRAMS = frozenset(
    ("活动", "工作", "开展", "群众", "20", "进行", "组织", "宣传", "通过")
    + ("村民", "生活", "建设", "00", "服务", "10", "积极", "环境", "现场")
)
# A headline keeps its common bigrams where it would have fewer than this many left (see telling_bigrams).
_FEWEST_TELLING = 3


def telling_bigrams(headline: str) -> set[str]:
    """A headline's bigrams less the common ones (COMMON_BIGRAMS), which any story of the page may print: where
    a story begins is told by the rest (项城法院院长带队开展扫黑除恶宣传活动, after a story of 普法 that prints 开展,
    宣传 and 活动, lies after the break by 项城, 法院, 扫黑…). A headline made mostly of them keeps them all.

    >>> sorted(telling_bigrams("开展宣传活动进社区")), sorted(telling_bigrams("开展活动"))
    (['传活', '动进', '展宣', '社区', '进社'], ['展活', '开展', '活动'])
    """
    grams = bigrams(headline)
    telling = grams - COMMON_BIGRAMS
    return telling if len(telling) >= _FEWEST_TELLING else grams


def places(text: str) -> set[str]:
    """The villages and townships a text names (a place's own two characters and 村, 镇 or 乡).

    >>> sorted(places("走进位于舞阳县辛安镇刘庄村的园区，在农村，美丽乡村示范村"))
    ['刘庄村', '辛安镇']
    >>> sorted(places("建设宜居乡村，丰富村民生活，依托乡贤理事会"))
    []
    """
    return {
        name
        for name, after in _PLACE.findall(text)
        if not (set(name[:2]) & _NOT_A_NAME) and name[:2] not in KINDS_OF_PLACE and not _opens_a_word(name[-1] + after)
    }


def _opens_a_word(pair: str) -> bool:
    """村, 镇 or 乡 and the character after it make a word (乡村, 村民), so no place's name ends there."""
    return pair[0] != pair[-1] and (is_word(pair) or pair in _OPENED_BY_A_PLACE_WORD)


# A person quoted: a surname and one or two characters before what they say (许秀兰说, 王翼表示).
_SPEAKER = re.compile(f"(?=([{HAN_CLASS}]{{2,3}})(?:说|表示|介绍|告诉))")


def speakers(text: str) -> set[str]:
    """The people a text quotes by name: two or three characters before what they say, opening with a surname.

    >>> sorted(speakers("许秀兰说，小区9月底安装了路灯。向阳社区书记王翼表示，村民说"))
    ['王翼', '许秀兰']
    """
    return {name for name in _SPEAKER.findall(text) if name[0] in SURNAMES}


@lru_cache(maxsize=4096)
def named_in(text: str) -> frozenset[str]:
    """The villages, townships and people quoted a paragraph names, kept: the anchors read them at every cut tried."""
    return frozenset(places(text) | speakers(text))


def paragraph_grams(paragraphs: list[str]) -> list[set[str]]:
    """Each paragraph's bigrams (computed once per page: the anchors read them again at every break)."""
    return [bigrams(p) for p in paragraphs]


def texts_from(grams: list[set[str]]) -> list[set[str]]:
    """The bigrams of the text from each paragraph on (``grams``: each paragraph's), built from the end.

    >>> texts_from([{"a"}, {"b"}, {"c"}]) == [{"a", "b", "c"}, {"b", "c"}, {"c"}]
    True
    """
    suffixes = [set(grams[-1])]
    for paragraph in reversed(grams[:-1]):
        suffixes.insert(0, paragraph | suffixes[0])
    return suffixes


def breaks(grams: list[set[str]]) -> Iterator[tuple[int, set[str], set[str]]]:
    """Each break between paragraphs (the index of the paragraph after it), with the bigrams of the text
    before it and of the text after it (``grams``: each paragraph's).

    >>> [(cut, sorted(before), sorted(after)) for cut, before, after in breaks([{"a"}, {"b"}, {"c"}])]
    [(1, ['a'], ['b', 'c']), (2, ['a', 'b'], ['c'])]
    """
    if len(grams) < 2:
        return
    suffixes = texts_from(grams)
    before: set[str] = set()
    for cut in range(1, len(grams)):
        before = before | grams[cut - 1]
        yield cut, before, suffixes[cut]


def bigram_share(grams: set[str], text_grams: set[str]) -> float:
    return len(grams & text_grams) / len(grams) if grams else 0.0


def text_overlap(before: set[str], after: set[str]) -> float:
    return len(before & after) / min(len(before), len(after)) if before and after else 1.0
