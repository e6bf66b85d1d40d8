"""How well a headline matches each article of its page: weighted bigrams, and characters for abbreviations."""

from __future__ import annotations

import math
import re

from converter.clean.names import lead_name
from converter.text import WORD_CLASS

_WORD_CHAR = re.compile(f"[{WORD_CLASS}]")
_NOT_WORD = re.compile(f"[^{WORD_CLASS}]+")
# A fragment belongs to an article when this share of its (weighted) bigrams
# occurs in the article; a fragment whose best share is below LEANS is not
# grouped with its neighbours at all.
MATCHES = 0.45
LEANS = 0.2
# A line leans to an article only this far ahead of the next best (大竹8个项目集中开工 scores
# as much on 安县28个重点项目集中开工's article as on its own: it leans to neither).
_AHEAD = 0.05
# Character containment counts for this share of bigram containment (characters are weaker evidence).
_CHAR_DISCOUNT = 0.85
# A term a headline quotes (节前慰问温暖“好人”心) is the word it turns on: its bigrams count twice.
_QUOTED_TERM = re.compile("“([^”]{2,})”")


def has_word(text: str) -> bool:
    """Whether ``text`` holds a Han character, a digit or a Latin letter."""
    return bool(_WORD_CHAR.search(text))


def word_chars(text: str) -> str:
    """The Han characters, digits and Latin letters of ``text``.

    >>> word_chars("“种粮 大户”连续3年增收")
    '种粮大户连续3年增收'
    """
    return _NOT_WORD.sub("", text)


def across_break(left: str, right: str) -> tuple[str, str]:
    """The last two word characters before a line break and the first two after it.

    >>> across_break("组织落", "实防汛”工作")
    ('织落', '实防')
    """
    return word_chars(left)[-2:], word_chars(right)[:2]


def spans_across(left: str, right: str, text: str) -> tuple[bool, bool]:
    """Whether ``text`` holds each three-character span across a line break: two before it and one after,
    one before it and two after (neither where a side holds fewer than two word characters).

    >>> spans_across("以上重", "点项目", "五百万元以上重点工程"), spans_across("重", "点项目", "重点项目")
    ((True, False), (False, False))
    """
    tail, head = across_break(left, right)
    if len(tail) < 2 or len(head) < 2:
        return False, False
    return tail + head[0] in text, tail[1] + head in text


def _bigrams(text: str) -> list[str]:
    return _pairs(word_chars(text))


def _pairs(chars: str) -> list[str]:
    if len(chars) < 2:
        return [chars] if chars else []
    return [chars[i : i + 2] for i in range(len(chars) - 1)]


class Matcher:
    """Weighted bigram containment of a headline in each article's text.

    A bigram found in few articles weighs more than one found in all of them
    (兴县 on a county page says little); a bigram found in none weighs most.
    A headline that abbreviates the body's words (农企 for 农业企业, 县医院
    for 县人民医院) shares few bigrams but most characters with it: its
    character containment, a little discounted, counts when it is higher.
    """

    def __init__(self, article_texts: list[str]) -> None:
        self.words = [word_chars(text) for text in article_texts]
        count = max(1, len(article_texts))
        self.unknown_weight = math.log(1 + 2 * count)
        self.count = count
        self._found: dict[str, tuple[float, list[int]]] = {}  # a bigram or character → its weight, its articles
        self._seen: dict[tuple[str, bool], list[float]] = {}  # a fragment is scored several times while grouping

    def _weight(self, seen: int) -> float:
        return math.log(1 + self.count / seen) if seen else self.unknown_weight

    def _where(self, unit: str) -> tuple[float, list[int]]:
        """How much ``unit`` weighs and which articles hold it (a substring search: no article is cut up)."""
        found = self._found.get(unit)
        if found is None:
            hits = [number for number, words in enumerate(self.words) if unit in words]
            found = self._found[unit] = (self._weight(len(hits)), hits)
        return found

    def holding(self, unit: str) -> list[int]:
        """The articles whose text holds ``unit`` (a place's name: 金集镇), as matching finds them."""
        return self._where(unit)[1]

    def _containment(self, units: list[str]) -> list[float]:
        totals = [0.0] * len(self.words)
        total = 0.0
        found, where = self._found, self._where
        for unit in units:  # a unit printed twice counts twice
            weight, hits = found.get(unit) or where(unit)
            total += weight
            for article in hits:
                totals[article] += weight
        return [t / total for t in totals] if total else totals

    def scores(self, text: str, chars: bool = True) -> list[float]:
        """Each article's score for ``text``; ``chars`` False: bigrams only (to tell where a line leans)."""
        if (text, chars) not in self._seen:
            self._seen[(text, chars)] = self._scores(text, chars)
        return self._seen[(text, chars)]

    def _scores(self, text: str, chars: bool) -> list[float]:
        # So does the place or body a lead names before its colon (金集镇：最美人间四月天): where the story is told.
        terms = [term for term in (*_QUOTED_TERM.findall(text), lead_name(text)) if term]
        by_grams = self._containment(_bigrams(text) + [g for term in terms for g in _bigrams(term)])
        if not chars or max(by_grams, default=1.0) >= MATCHES:
            return by_grams  # matched on bigrams already: characters would only add noise
        by_chars = self._containment(_WORD_CHAR.findall(text))
        return [max(g, _CHAR_DISCOUNT * c) for g, c in zip(by_grams, by_chars)]

    def lean(self, text: str) -> int | None:
        """The article a headline line leans to on shared bigrams (characters alone say too little here)."""
        return _best(self.scores(text, chars=False))

    def fits(self, text: str, article: int, chars: bool = False) -> bool:
        """Whether a line leans to ``article``, or to it and others alike (集中开工 on a page of two such openings)."""
        scores = self.scores(text, chars=chars)
        return scores[article] >= LEANS and scores[article] >= max(scores) - _AHEAD

    def most_with(self, text: str, article: int) -> bool:
        """Whether ``text`` shares more bigrams with ``article`` than with any other, or else more characters."""
        grams = self.scores(text, chars=False)
        return (0 < grams[article] == max(grams)) or self.fits(text, article, chars=True)

    def crosses_word(self, left: str, right: str, article: str, strict: bool) -> bool:
        """The characters across a line break are a word of the article: 落 / 实防汛 (落实).

        ``strict``: both three-character spans across the break must occur
        (a kicker 新联会 over 走进一线 meets 联谊会走进 in its article only once).
        """
        if strict:
            return all(spans_across(left, right, article))
        tail, head = across_break(left, right)
        return bool(tail) and bool(head) and tail[-1] + head[0] in article


def _best(scores: list[float]) -> int | None:
    """The article a line leans to: its best score, if high enough and ahead of every other.

    >>> _best([0.1, 0.7, 0.3]), _best([0.68, 0.68, 0.1]), _best([0.1, 0.15])
    (1, None, None)
    """
    if not scores:
        return None
    best = max(range(len(scores)), key=scores.__getitem__)
    second = max((s for n, s in enumerate(scores) if n != best), default=0.0)
    return best if scores[best] >= LEANS and scores[best] - second >= _AHEAD else None
