"""Page PDFs: reading speed, and articles recovered against the hand gold, beside the text path.

For each People's Daily page with a gold answer (tests/data/pdf_gold.json; the
held-out pages were never looked at while the rules were made), the PDF reader
and the text parser (on pdftotext's text of the same page) are scored:
articles recovered with both ends, headlines exact, bylines exact, and
articles with both ends and their headline. Then the
time to read one page PDF into articles.

Run: python benchmarks/pdf.py [--pages]   (the pages are in ../shared/samples/other-papers)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.clean import parse_pages  # noqa: E402
from converter.pdf import read_pdf  # noqa: E402
from converter.reader import read_text  # noqa: E402
from tests.pdf_gold import SHARED_PAGES, Score, load_gold, score_page  # noqa: E402


def _text_articles(page: str):
    text = SHARED_PAGES / f"{page}.txt"
    return parse_pages([(text.name, read_text(text))]).articles


def _line(label: str, score: Score) -> str:
    return (
        f"{label:<22} {score.articles:3d} articles  both ends {score.percent(score.both_ends):5.1f}%"
        f"  headlines {score.percent(score.headlines):5.1f}%  bylines {score.percent(score.bylines):5.1f}%"
        f"  both ends and headline {score.percent(score.whole):5.1f}%"
    )


def main() -> int:
    if not SHARED_PAGES.is_dir():
        print(f"the People's Daily pages are not at {SHARED_PAGES}")
        return 1
    per_page = "--pages" in sys.argv
    for split, pages in load_gold().items():
        pdf_total, text_total = Score(), Score()
        for page, gold in pages.items():
            pdf_score = score_page(read_pdf(SHARED_PAGES / f"{page}.pdf").articles, gold)
            text_score = score_page(_text_articles(page), gold)
            pdf_total.add(pdf_score)
            text_total.add(text_score)
            if per_page:
                print(_line(f"  {page} pdf", pdf_score))
                print(_line(f"  {page} text", text_score))
        print(_line(f"{split} (PDF)", pdf_total))
        print(_line(f"{split} (text)", text_total))
    pdfs = sorted(SHARED_PAGES.glob("*.pdf"))
    read_pdf(pdfs[0])  # imports and PDFium loaded once, as in a batch
    times, cpu = [], []
    for pdf in pdfs:
        started, started_cpu = time.perf_counter(), time.process_time()
        read_pdf(pdf)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    print(f"read one page PDF into articles: median {statistics.median(times):.2f} s, "
          f"slowest {max(times):.2f} s; CPU time median {statistics.median(cpu):.2f} s ({len(pdfs)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
