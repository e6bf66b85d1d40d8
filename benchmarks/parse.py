"""Time the parser: the sample page, and synthetic issues of 10, 50 and 100 pages.

Run: python benchmarks/parse.py   (prints milliseconds; start-up and imports excluded)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from converter.clean import parse_issue, parse_pages  # noqa: E402
from converter.clean.bigrams import bigram_set  # noqa: E402
from converter.clean.spacing import han_chars  # noqa: E402
from converter.reader import read_text  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "000_6f7615cd0b320972.txt"


def _best_ms(run, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return min(times), statistics.median(times)


def _cpu_ms(run) -> float:
    started = time.process_time()
    run()
    return (time.process_time() - started) * 1000


def _empty_caches() -> None:
    han_chars.cache_clear()
    bigram_set.cache_clear()


def main() -> None:
    text = read_text(SAMPLE)
    parse_issue(SAMPLE)  # warm caches once, as a long-running batch would be
    best, median = _best_ms(lambda: parse_issue(SAMPLE), 30)
    print(f"sample page (read + parse): best {best:.1f} ms, median {median:.1f} ms")
    best, median = _best_ms(lambda: parse_pages([(SAMPLE.name, text)]), 30)
    print(f"sample page (parse only):   best {best:.1f} ms, median {median:.1f} ms")
    # Processor time, which other work on a shared machine does not inflate as it does the wall clock.
    cpu = min(_cpu_ms(lambda: parse_pages([(SAMPLE.name, text)])) for _ in range(30))
    print(f"sample page (parse only):   best {cpu:.1f} ms of processor time")
    # A new page shares no text with the last: with the text caches emptied before every parse.
    cold = min(_cpu_ms(lambda: (_empty_caches(), parse_pages([(SAMPLE.name, text)]))) for _ in range(30))
    print(f"sample page, caches empty:  best {cold:.1f} ms of processor time")

    for count in (10, 50, 100):
        pages = [(f"page{n:03}.txt", text) for n in range(count)]
        best, _ = _best_ms(lambda: parse_pages(pages), 3)
        print(f"{count:3} pages in memory: {best:7.1f} ms  ({best / count:.1f} ms/page)")

    with tempfile.TemporaryDirectory() as folder:
        for n in range(100):
            (Path(folder) / f"page{n:03}.txt").write_text(text, encoding="utf-8")
        best, _ = _best_ms(lambda: parse_issue(Path(folder)), 3)
        print(f"100-page folder (read + parse): {best:.1f} ms ({best / 100:.1f} ms/page)")


if __name__ == "__main__":
    main()
