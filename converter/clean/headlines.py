"""Headlines: cut the headline lines into fragments and give them to articles.

A county page prints its headlines together, away from the bodies.  Each
line is cut into fragments (wide spacing separates two headlines; a lone
glyph clinging to a fragment is a stray), doubled glyphs are collapsed, and
every fragment is compared with every article by weighted character bigrams.
Lines wrapped from one title match the same article and are joined; a kicker
above and a subtitle below its title match the same article and stay with it;
articles are then assigned one to one with the highest total similarity.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from converter.clean.articles import DASH_START, PageLine
from converter.clean.doubled import collapse_doubled
from converter.clean.paragraphs import set_width
from converter.clean.spacing import HAN, HAN_CLASS, close_cjk_gaps
from converter.model import Headline

_WIDE_SPACE = re.compile(r"(?:\s{2,}|\u3000)+")
_WORD_CHAR = re.compile(f"[{HAN_CLASS}0-9A-Za-z]")
# A fragment belongs to an article when this share of its (weighted) bigrams
# occurs in the article; a fragment whose best share is below _LEANS is not
# grouped with its neighbours at all.
_MATCHES = 0.45
_LEANS = 0.2
_MAX_DERIVED = 24


@dataclass
class Fragment:
    text: str  # as printed, doubled glyphs collapsed, a single inner space kept
    page: str
    gap_before: bool  # a blank line or wide spacing separates it from the fragment before
    stray: bool = False


@dataclass
class Placement:
    headlines: dict[int, Headline]  # article index → its printed headline
    unplaced: list[str]
    warnings: list[str]


def _parts(piece: str, page: str, gap_before: bool) -> list[Fragment]:
    """Cut lone glyphs off the ends of a piece: ``兴县召开…协调会 兴`` → title, stray ``兴``."""
    words = piece.split(" ")
    lead: list[Fragment] = []
    tail: list[Fragment] = []
    while len(words) > 1 and len(close_cjk_gaps(words[0])) == 1 and HAN.match(words[0]):
        lead.append(Fragment(words.pop(0), page, True, stray=True))
    while len(words) > 1 and len(close_cjk_gaps(words[-1])) == 1 and HAN.match(words[-1]):
        tail.insert(0, Fragment(words.pop(), page, True, stray=True))
    text = collapse_doubled(" ".join(words))
    single = len(close_cjk_gaps(text)) == 1 and bool(HAN.match(close_cjk_gaps(text)))
    middle = Fragment(text, page, gap_before or bool(lead), stray=single)
    return lead + [middle] + tail


def split_fragments(lines: list[PageLine]) -> list[Fragment]:
    """Headline fragments in reading order.

    >>> lines = [PageLine("兴县召开疫情设卡防控工作协调会 兴", "", "p", True),
    ...          PageLine(" 兴县县委统战部新联会", "", "p", False),
    ...          PageLine("宅家抗宅家抗““疫疫””", "", "p", True)]
    >>> [(f.text, f.stray) for f in split_fragments(lines)]
    [('兴县召开疫情设卡防控工作协调会', False), ('兴', True), ('兴县县委统战部新联会', False), ('宅家抗“疫”', False)]
    """
    fragments: list[Fragment] = []
    for line in lines:
        pieces = [p.strip() for p in _WIDE_SPACE.split(line.raw.strip()) if p.strip()]
        for number, piece in enumerate(pieces):
            fragments.extend(_parts(re.sub(r"\s", " ", piece), line.page, line.gap_before or number > 0))
    return fragments


def _bigrams(text: str) -> list[str]:
    chars = "".join(_WORD_CHAR.findall(text))
    if len(chars) < 2:
        return [chars] if chars else []
    return [chars[i : i + 2] for i in range(len(chars) - 1)]


class Matcher:
    """Weighted bigram containment of a headline in each article's text.

    A bigram found in few articles weighs more than one found in all of them
    (兴县 on a county page says little); a bigram found in none weighs most.
    """

    def __init__(self, article_texts: list[str]) -> None:
        self.grams = [set(_bigrams(text)) for text in article_texts]
        self.frequency: Counter[str] = Counter(g for grams in self.grams for g in grams)
        count = max(1, len(article_texts))
        self.unknown_weight = math.log(1 + 2 * count)
        self.count = count

    def _weight(self, gram: str) -> float:
        seen = self.frequency.get(gram, 0)
        return math.log(1 + self.count / seen) if seen else self.unknown_weight

    def scores(self, text: str) -> list[float]:
        grams = _bigrams(text)
        if not grams:
            return [0.0] * len(self.grams)
        weights = [self._weight(g) for g in grams]
        total = sum(weights)
        return [sum(w for g, w in zip(grams, weights) if g in article) / total for article in self.grams]


def _best(scores: list[float]) -> int | None:
    if not scores:
        return None
    best = max(range(len(scores)), key=scores.__getitem__)
    return best if scores[best] >= _LEANS else None


def _headline_of(group: list[Fragment]) -> Headline:
    """Kicker above, title, subtitle below (a second line starting with —— is a subtitle)."""
    texts = [f.text for f in group]
    if len(texts) == 1:
        return Headline(title=texts[0])
    if len(texts) == 2:
        if DASH_START.match(texts[1]):
            return Headline(title=texts[0], subtitle=texts[1])
        return Headline(title=texts[1], kicker=texts[0])
    return Headline(title=texts[1], kicker=texts[0], subtitle=texts[2])


def best_assignment(scores: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs (row, column), each row and column used once, with the largest total score.

    The Hungarian method on the square matrix padded with zeros.

    >>> best_assignment([[0.9, 0.8], [0.85, 0.0]])
    [(0, 1), (1, 0)]
    """
    rows = len(scores)
    columns = len(scores[0]) if rows else 0
    size = max(rows, columns)
    if size == 0:
        return []
    top = max((value for row in scores for value in row), default=0.0)
    cost = [
        [top - (scores[r][c] if r < rows and c < columns else 0.0) for c in range(size)] for r in range(size)
    ]
    infinity = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    match = [0] * (size + 1)  # match[column] = row, 1-based; 0 is free
    way = [0] * (size + 1)
    for row in range(1, size + 1):
        match[0] = row
        column = 0
        least = [infinity] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[column] = True
            current, delta, next_column = match[column], infinity, 0
            for candidate in range(1, size + 1):
                if used[candidate]:
                    continue
                reduced = cost[current - 1][candidate - 1] - u[current] - v[candidate]
                if reduced < least[candidate]:
                    least[candidate], way[candidate] = reduced, column
                if least[candidate] < delta:
                    delta, next_column = least[candidate], candidate
            for candidate in range(size + 1):
                if used[candidate]:
                    u[match[candidate]] += delta
                    v[candidate] -= delta
                else:
                    least[candidate] -= delta
            column = next_column
            if match[column] == 0:
                break
        while column:
            previous = way[column]
            match[column] = match[previous]
            column = previous
    pairs = [(match[c] - 1, c - 1) for c in range(1, size + 1) if match[c] - 1 < rows and c - 1 < columns]
    return sorted(pairs)


def place_headlines(fragments: list[Fragment], article_texts: list[str]) -> Placement:
    """Match headline fragments to articles (indexes into ``article_texts``)."""
    matcher = Matcher(article_texts)
    warnings: list[str] = []
    kept: list[Fragment] = []
    for index, fragment in enumerate(fragments):
        if fragment.stray:
            beside = next((f.text for f in reversed(fragments[:index]) if not f.stray), None)
            where = f"after the headline “{beside}”" if beside else "among the headlines"
            warnings.append(f"{fragment.page}: stray glyph “{fragment.text}” {where} kept here")
        elif _WORD_CHAR.search(fragment.text):
            kept.append(fragment)

    # Lines wrapped from one title: no blank between them, the first at least
    # as wide as the second, both leaning to the same article.
    joined: list[Fragment] = []
    for fragment in kept:
        if joined and not fragment.gap_before:
            previous = joined[-1]
            lean = _best(matcher.scores(previous.text))
            if (
                lean is not None
                and lean == _best(matcher.scores(fragment.text))
                and set_width(previous.text) >= set_width(fragment.text) - 0.5
            ):
                joined[-1] = Fragment(previous.text + fragment.text, previous.page, previous.gap_before)
                continue
        joined.append(fragment)

    # Kicker, title, subtitle: up to three neighbours leaning to one article.
    groups: list[list[Fragment]] = []
    leans: list[int | None] = []
    for fragment in joined:
        lean = _best(matcher.scores(fragment.text))
        if groups and lean is not None and leans[-1] == lean and len(groups[-1]) < 3:
            groups[-1].append(fragment)
        else:
            groups.append([fragment])
            leans.append(lean)

    # One headline per article: the assignment with the highest total score.
    scores = [
        [score if score >= _MATCHES else 0.0 for score in matcher.scores("".join(f.text for f in group))]
        for group in groups
    ]
    headlines: dict[int, Headline] = {}
    placed: set[int] = set()
    for number, article in best_assignment(scores):
        if scores[number][article] > 0:
            headlines[article] = _headline_of(groups[number])
            placed.add(number)
    unplaced = [f.text for number, group in enumerate(groups) if number not in placed for f in group]
    return Placement(headlines, unplaced, warnings)


_LEAD_CLAUSE_SKIP = re.compile(r"^(?:\d+月\d+日|自|在|为|据|随着|近日|日前|目前|当前|今年|近年来)|(?:以来|期间|之际|时|后|前)$")


def derive_title(paragraphs: list[str]) -> str:
    """A short title from the lead: its first clause that says who did what.

    Leading time and circumstance clauses (2月5日, 自…以来, 为…) are skipped.

    >>> derive_title(["自抗击疫情工作开展以来，兴县县委统战部高度重视，迅速作出安排。"])
    '兴县县委统战部高度重视'
    """
    lead = next((p for p in paragraphs if HAN.search(p)), "")
    sentence = re.split(r"[。！？!?]", lead, maxsplit=1)[0]
    clauses = [c.strip("“”‘’《》（）() ") for c in re.split(r"[，,；;：:]", sentence)]
    clauses = [c for c in clauses if len(HAN.findall(c)) >= 4]
    chosen = next((c for c in clauses if not _LEAD_CLAUSE_SKIP.search(c)), clauses[0] if clauses else lead)
    return chosen if len(chosen) <= _MAX_DERIVED else chosen[: _MAX_DERIVED - 1] + "…"
