"""Printed headlines as anchors: two articles run together are cut where their headlines say.

An article with neither dateline nor byline leaves no mark where it begins:
cut by datelines and bylines alone, it runs on into the article before it.
The headlines printed at the end of the page still name both: when one
headline is found in the paragraphs before a paragraph break and not after
it, and another after it and not before, the break is where the second
article begins.
"""

from __future__ import annotations

import re

from converter.text import WORD_CLASS

_WORD_CHAR = re.compile(f"[{WORD_CLASS}]")
# A headline is "in" a stretch of text when this share of its bigrams occurs there,
# and "not in" it below the second share.
_IN = 0.5
_NOT_IN = 0.3
# Headlines shorter than this (in characters) say too little to cut an article.
_MIN_HEADLINE = 4


def _bigrams(text: str) -> set[str]:
    chars = "".join(_WORD_CHAR.findall(text))
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


def paragraph_grams(paragraphs: list[str]) -> list[set[str]]:
    """Each paragraph's bigrams (computed once per page, used by both functions below)."""
    return [_bigrams(p) for p in paragraphs]


def _share(grams: set[str], text_grams: set[str]) -> float:
    return len(grams & text_grams) / len(grams) if grams else 0.0


def cut_points(paragraphs: list[str], headlines: list[str], grams: list[set[str]] | None = None) -> list[int]:
    """Where (paragraph indexes) the articles run together in ``paragraphs`` begin, after the first.

    >>> paragraphs = ["县医院开展义诊活动，专家为村民看病。", "义诊当天，县医院服务群众三百人。",
    ...               "城关小学举办读书节，师生分享图书。", "读书节上，城关小学表彰了阅读之星。"]
    >>> cut_points(paragraphs, ["县医院开展义诊", "城关小学举办读书节", "山乡春早"])
    [2]
    >>> cut_points(paragraphs[:2], ["县医院开展义诊", "城关小学举办读书节"])
    []
    """
    anchors = [g for g in (_bigrams(h) for h in headlines) if len(g) >= _MIN_HEADLINE - 1]
    if len(paragraphs) < 2 or len(anchors) < 2:
        return []
    grams = grams if grams is not None else paragraph_grams(paragraphs)
    best: tuple[float, int] | None = None
    for cut in range(1, len(paragraphs)):
        before = set().union(*grams[:cut])
        after = set().union(*grams[cut:])
        shares = [(_share(a, before), _share(a, after)) for a in anchors]
        first = max((b - a for b, a in shares if b >= _IN and a < _NOT_IN), default=None)
        second = max((a - b for b, a in shares if a >= _IN and b < _NOT_IN), default=None)
        if first is not None and second is not None and (best is None or first + second > best[0]):
            best = (first + second, cut)
    if best is None:
        return []
    cut = best[1]
    return cut_points(paragraphs[:cut], headlines, grams[:cut]) + [cut] + [
        cut + point for point in cut_points(paragraphs[cut:], headlines, grams[cut:])
    ]


def unclaimed(headlines: list[str], texts: list[list[set[str]]]) -> list[list[str]]:
    """For each text (its paragraphs' bigrams), the headlines no other text holds: only they can say where it is cut.

    >>> texts = [["县医院开展义诊。"], ["城关小学举办读书节。", "县医院开展义诊。"]]
    >>> unclaimed(["县医院开展义诊", "城关小学举办读书节"], [paragraph_grams(t) for t in texts])
    [[], ['城关小学举办读书节']]
    """
    text_grams = [set().union(*paragraphs) for paragraphs in texts]
    holders = [
        {number for number, grams in enumerate(text_grams) if _share(_bigrams(h), grams) >= _IN} for h in headlines
    ]
    return [[h for h, held in zip(headlines, holders) if not held - {own}] for own in range(len(texts))]
