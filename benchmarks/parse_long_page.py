"""Time the parser on one page of 560 articles (the sample page repeated 80 times): it must stay linear.

Run: python benchmarks/parse_long_page.py   (prints seconds; the goal is under 5 s)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from converter.clean import parse_pages  # noqa: E402
from converter.reader import read_text  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "000_6f7615cd0b320972.txt"
COPIES = 80


def main() -> None:
    text = read_text(SAMPLE)
    page = "\n".join([text] * COPIES)
    started, cpu_started = time.perf_counter(), time.process_time()
    issue = parse_pages([("long.txt", page)])
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    titled = sum(a.headline.source == "page" for a in issue.articles)
    print(f"sample x{COPIES}: {len(issue.articles)} articles ({titled} with printed headlines) in {elapsed:.2f} s ({cpu:.2f} s of processor time)")


if __name__ == "__main__":
    main()
