"""Scores articles against the hand gold of the People's Daily pages (tests/data/pdf_gold.json).

Each gold article gives its headline parts, its authors and the first and last
ten characters of its body (paragraphs joined). An article is recovered with
both ends when one parsed article starts and ends as the gold one does; its
headline and byline are exact when the parsed article that starts as the gold
one does carries the same (blanks between phrases not counted); whole when
both hold.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from converter.model import Article

GOLD = Path(__file__).resolve().parent / "data" / "pdf_gold.json"
SHARED_PAGES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "other-papers"
_BLANKS = re.compile(r"[\s\u3000]+")


def load_gold() -> dict[str, dict[str, list[dict]]]:
    """{"dev": {page: [article, ...]}, "heldout": {...}}."""
    data = json.loads(GOLD.read_text("utf-8"))
    return {"dev": data["dev"], "heldout": data["heldout"]}


@dataclass
class Score:
    articles: int = 0
    both_ends: int = 0
    headlines: int = 0
    bylines: int = 0
    whole: int = 0  # both ends and the headline exact

    def add(self, other: Score) -> None:
        self.articles += other.articles
        self.both_ends += other.both_ends
        self.headlines += other.headlines
        self.bylines += other.bylines
        self.whole += other.whole

    def percent(self, count: int) -> float:
        return 100.0 * count / self.articles if self.articles else 0.0


def _plain(text: str | None) -> str:
    return _BLANKS.sub("", text or "")


def score_page(parsed: list[Article], gold: list[dict]) -> Score:
    bodies = [("".join(article.paragraphs), article) for article in parsed]
    score = Score(articles=len(gold))
    for want in gold:
        starting = [article for body, article in bodies if body.startswith(want["first"])]
        both_ends = any("".join(a.paragraphs).endswith(want["last"]) for a in starting)
        score.both_ends += both_ends
        if not starting:
            continue
        got = starting[0]
        heads = (got.headline.kicker, got.headline.title, got.headline.subtitle)
        if tuple(map(_plain, heads)) == (_plain(want["kicker"]), _plain(want["title"]), _plain(want["subtitle"])):
            score.headlines += 1
            score.whole += both_ends
        if [_plain(name) for name in got.byline] == want["byline"]:
            score.bylines += 1
    return score
