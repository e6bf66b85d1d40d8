"""Time to build one issue's EPUB, without and with pinyin (goal: < 0.5 s with pinyin).

Run from the repository root: ``python benchmarks/epub_build.py``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from converter.clean import parse_issue  # noqa: E402
from converter.epub import build_epub  # noqa: E402
from converter.model import Issue  # noqa: E402

SAMPLE = ROOT / "samples" / "000_6f7615cd0b320972.txt"
RUNS = 5


def issue_source() -> Issue:
    """The issue to build: the sample page, parsed."""
    return parse_issue(SAMPLE)


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
