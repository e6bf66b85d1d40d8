"""How well the parser holds on pages it was not built on.

Simulated county pages (tests/layout_sim.py: real articles of other papers, laid
out like the county paper's extracted pages), per page and per split:

- articles: gold articles recovered with their whole text (dateline and
  paragraphs, character for character, justified blanks closed);
- headlines: printed headlines (kicker, title, subtitle) exactly on their article;
- bylines: bylines on their article, their words exact (how a credit such as
  刘巨雷 申萍 摄 or 李士明/摄 is cut into names is not printed, so it is not scored);
- misplaced: printed lines (body, headline, photo title) not where they belong.

Then the People's Daily pages in samples/other-papers/: articles with both ends
and their headline, against the hand gold in tests/data/other_papers_gold.json,
and, on all 19 pages, unplaced "headlines" that are really text (longer than a
headline can be, or ending with a comma).

Run: python benchmarks/parse_quality.py [--split SPLIT] [--pages] [--other-papers DIR]
(SPLIT is one of tests/layout_sim.py's SPLITS: dev, first-held-out, fresh, then a held-out split
per later set of articles; work on all but the last, "held-out", measured once at the end;
--pages prints every page; DIR holds more People's Daily pages than samples/other-papers)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.clean import parse_pages  # noqa: E402
from converter.clean.matching import word_chars  # noqa: E402
from converter.clean.spacing import close_cjk_gaps  # noqa: E402
from converter.model import Article, Issue  # noqa: E402
from tests import layout_sim  # noqa: E402

OTHER_PAPERS = ROOT / "samples" / "other-papers"
OTHER_GOLD = ROOT / "tests" / "data" / "other_papers_gold.json"
# The longest a printed headline line runs; an unplaced "headline" longer than this is text.
HEADLINE_MAX = 40


def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def _text(dateline: str | None, paragraphs: list[str]) -> str:
    return close_cjk_gaps(dateline or "") + "".join(paragraphs)


def _gold_text(article: layout_sim.GoldArticle) -> str:
    return close_cjk_gaps(article.dateline or "") + "".join(close_cjk_gaps(p) for p in article.paragraphs)


def _best_match(gold: layout_sim.GoldArticle, articles: list[Article]) -> Article | None:
    """The parsed article holding most of the gold article's printed lines."""
    bodies = [_squeeze(_text(a.dateline, a.paragraphs)) for a in articles]
    names = _squeeze("（" + "".join(gold.byline) + "）")
    lines = [line.replace(names, "") if gold.byline else line for line in gold.body_lines]
    counts = [sum(1 for line in lines if line and line in body) for body in bodies]
    if not counts or max(counts) == 0:
        return None
    return articles[counts.index(max(counts))]


def _headline(article: Article) -> tuple[str, str, str]:
    h = article.headline
    return (_squeeze(h.kicker or ""), _squeeze(h.title), _squeeze(h.subtitle or ""))


def score_page(sim: layout_sim.Page, issue: Issue) -> dict[str, int]:
    score = dict(articles=0, whole=0, headlines=0, headlines_ok=0, bylines=0, bylines_ok=0, lines=0, misplaced=0)
    for gold in sim.articles:
        match = _best_match(gold, issue.articles)
        score["articles"] += 1
        score["whole"] += any(_text(a.dateline, a.paragraphs) == _gold_text(gold) for a in issue.articles)
        if gold.byline:
            score["bylines"] += 1
            # The byline's words: how a credit is cut into names (刘巨雷 申萍 摄, 李士明/摄) is not printed.
            score["bylines_ok"] += match is not None and word_chars("".join(match.byline)) == word_chars("".join(gold.byline))
        parts: list[str] = []
        if gold.title is not None:
            score["headlines"] += 1
            wanted = (_squeeze(gold.kicker or ""), _squeeze(gold.title), _squeeze(gold.subtitle or ""))
            score["headlines_ok"] += match is not None and match.headline.source == "page" and _headline(match) == wanted
            parts = [_squeeze(p) for p in (gold.kicker, gold.title, gold.subtitle) if p]
        body = _squeeze(_text(match.dateline, match.paragraphs)) if match else ""
        names = _squeeze("（" + "".join(gold.byline) + "）")
        lines = [line.replace(names, "") if gold.byline else line for line in gold.body_lines]
        printed_parts = _squeeze("".join(match.headline.parts)) if match and match.headline.source == "page" else ""
        score["lines"] += len(lines) + len(parts)
        score["misplaced"] += sum(1 for line in lines if line and line not in body)
        score["misplaced"] += sum(1 for part in parts if part not in printed_parts)
    unplaced = {_squeeze(u) for u in issue.unplaced_headlines}
    score["lines"] += len(sim.unplaced)
    score["misplaced"] += sum(1 for photo in sim.unplaced if photo not in unplaced)
    return score


def _percent(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:5.1f}%" if whole else "   - "


def _report(name: str, score: dict[str, int]) -> str:
    return (
        f"{name:<16} articles {score['whole']:3}/{score['articles']:<3} {_percent(score['whole'], score['articles'])}"
        f"  headlines {score['headlines_ok']:3}/{score['headlines']:<3} {_percent(score['headlines_ok'], score['headlines'])}"
        f"  bylines {score['bylines_ok']:3}/{score['bylines']:<3} {_percent(score['bylines_ok'], score['bylines'])}"
        f"  misplaced {score['misplaced']:3}/{score['lines']}"
    )


def simulated(split: str, show_pages: bool) -> dict[str, int]:
    total: dict[str, int] = {}
    for sim in layout_sim.pages(split):
        issue = parse_pages([(sim.name + ".txt", sim.text)])
        score = score_page(sim, issue)
        if show_pages:
            print("  " + _report(sim.name, score))
        for key, value in score.items():
            total[key] = total.get(key, 0) + value
    return total


def text_as_headlines(issue: Issue) -> list[str]:
    """Unplaced "headlines" that are text: too long for a headline, or ending with a comma."""
    return [h for h in issue.unplaced_headlines if len(close_cjk_gaps(h)) > HEADLINE_MAX or h.rstrip().endswith(("，", ","))]


def _whole(article: Article, expected: dict[str, str]) -> bool:
    """The article bears its printed title, starts near its first words and ends with its last."""
    text = _squeeze(_text(article.dateline, article.paragraphs))
    return (
        _squeeze(article.headline.title) == _squeeze(expected["title"])
        and _squeeze(expected["starts"]) in text[:200]
        and text.endswith(_squeeze(expected["ends"]))
    )


def other_papers(folder: Path, show_pages: bool) -> None:
    gold = {page: articles for page, articles in json.loads(OTHER_GOLD.read_text(encoding="utf-8")).items()
            if not page.startswith("_") and (folder / page).exists()}
    found = wanted = 0
    for page, articles in gold.items():
        issue = parse_pages([(page, (folder / page).read_text(encoding="utf-8"))])
        hits = sum(any(_whole(a, expected) for a in issue.articles) for expected in articles)
        found, wanted = found + hits, wanted + len(articles)
        if show_pages:
            print(f"  {page}: {hits}/{len(articles)}")
    print(f"People's Daily, hand gold ({len(gold)} pages): articles with both ends and headline {found}/{wanted} {_percent(found, wanted)}")
    degraded = 0
    pages = sorted(folder.glob("*.txt"))
    for path in pages:
        issue = parse_pages([(path.name, path.read_text(encoding="utf-8"))])
        bad = text_as_headlines(issue)
        degraded += len(bad)
        if show_pages and bad:
            print(f"  {path.name}: {len(bad)} text lines among the unplaced headlines")
    print(f"People's Daily, all {len(pages)} pages: text lines listed as unplaced headlines: {degraded}")


def main() -> None:
    show_pages = "--pages" in sys.argv
    folder = OTHER_PAPERS
    if "--other-papers" in sys.argv:
        folder = Path(sys.argv[sys.argv.index("--other-papers") + 1])
    splits = list(layout_sim.SPLITS)
    if "--split" in sys.argv:
        chosen = sys.argv[sys.argv.index("--split") + 1] if sys.argv.index("--split") + 1 < len(sys.argv) else ""
        if chosen not in splits:
            raise SystemExit("--split takes " + ", ".join(splits))
        splits = [chosen]
    for split in splits:
        if show_pages:
            print(f"{split}:")
        print(_report(split, simulated(split, show_pages)))
    other_papers(folder, show_pages)


if __name__ == "__main__":
    main()
