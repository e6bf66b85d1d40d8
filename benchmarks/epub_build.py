"""Time to build one issue's EPUB, without and with pinyin (goal: < 0.5 s with pinyin).

Run from the repository root: ``python benchmarks/epub_build.py``.
"""

from __future__ import annotations

import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from converter.epub import build_epub  # noqa: E402
from converter.model import Issue  # noqa: E402

# One real page of the county paper holds about this many characters of text.
PAGE_CHARACTERS = 6500
RUNS = 5


def issue_source() -> Issue:
    """The issue to build: the tests' hand-built issue, repeated to a full page of text."""
    from test_epub import sample_issue

    issue = sample_issue()
    length = sum(a.text_length for a in issue.articles)
    issue.articles = issue.articles * math.ceil(PAGE_CHARACTERS / length)
    return issue


def timings(issue: Issue, style: str | None, folder: Path) -> tuple[float, float]:
    """(first build, median of the following builds) in seconds."""
    runs = []
    for n in range(RUNS + 1):
        start = time.perf_counter()
        build_epub(issue, folder / f"bench-{n}.epub", pinyin_style=style)
        runs.append(time.perf_counter() - start)
    return runs[0], statistics.median(runs[1:])


def main() -> int:
    issue = issue_source()
    characters = sum(a.text_length for a in issue.articles)
    print(f"issue: {len(issue.articles)} articles, {characters} characters")
    with tempfile.TemporaryDirectory() as tmp:
        for style in (None, "tone", "zhuyin"):
            first, median = timings(issue, style, Path(tmp))
            print(f"pinyin={style or 'none':7} first {first:.3f} s, then {median:.3f} s (median of {RUNS})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
