"""Continued articles on held-out simulated issues: the share rebuilt whole.

Issues of two and three pages from tests/multipage.py (seeds 1000–1199, never
used by the tests), each with one or two front-page articles continued on
page 2 or 3, cut between or inside paragraphs, jump lines in their printed
forms and spacings.  An article is rebuilt whole when one parsed article holds
all of its text in order, its byline and the pages it is printed on; the
headline and the paragraph ends are counted apart (they are the single-page
parser's work).

Run: python benchmarks/continuations.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from converter.clean import parse_pages  # noqa: E402
from tests.multipage import HELD_OUT, found, make_issue, rebuilt_whole  # noqa: E402


def main() -> None:
    counts = {"continued": 0, "whole": 0, "headline": 0, "paragraphs": 0, "other articles": 0, "other whole": 0}
    started = time.perf_counter()
    for seed in HELD_OUT:
        made = make_issue(seed, pages=2 + seed % 2)
        issue = parse_pages(made.pages)
        for gold, article in found(made, issue):
            if not gold.continued:
                counts["other articles"] += 1
                counts["other whole"] += rebuilt_whole(gold, article)
                continue
            counts["continued"] += 1
            if rebuilt_whole(gold, article):
                assert article is not None
                counts["whole"] += 1
                counts["headline"] += article.headline.title == gold.article.title
                counts["paragraphs"] += ["".join(p.split()) for p in article.paragraphs] == gold.article.paragraphs
    seconds = time.perf_counter() - started
    total = counts["continued"]
    print(f"held-out issues: {len(HELD_OUT)} ({seconds:.1f} s), continued articles: {total}")
    print(f"  rebuilt whole (all text in order, byline, pages): {counts['whole']}/{total} = {counts['whole'] / total:.1%}")
    print(f"  of those, headline exact: {counts['headline']}/{counts['whole']}, "
          f"paragraph ends exact: {counts['paragraphs']}/{counts['whole']}")
    other = counts["other articles"]
    print(f"  articles printed on one page, whole: {counts['other whole']}/{other} = {counts['other whole'] / other:.1%}")


if __name__ == "__main__":
    main()
