"""The web edition of the sample issue: time to write its pages, and what a phone downloads.

Run from the repository root: ``python benchmarks/web.py``.  Prints the time to
write the issue's pages (first run, with the pinyin model loading, and the median
of the following ones) and the bytes of each kind of page, raw and gzipped as a
web server sends them, beside the shared stylesheet and script.
"""

from __future__ import annotations

import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from converter.clean import parse_issue  # noqa: E402
from converter.web import write_archive_index, write_issue_site  # noqa: E402

SAMPLE = ROOT / "samples" / "000_6f7615cd0b320972.txt"
RUNS = 5


def sizes(path: Path) -> str:
    data = path.read_bytes()
    return f"{len(data) / 1024:6.1f} KB ({len(gzip.compress(data)) / 1024:5.1f} KB gzipped)"


def main() -> int:
    issue = parse_issue(SAMPLE)
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp) / "issue"
        out_dir.mkdir()
        runs = []
        for _ in range(RUNS + 1):
            start = time.perf_counter()
            write_issue_site(issue, out_dir)
            runs.append(time.perf_counter() - start)
        write_archive_index(Path(tmp))
        print(f"web pages of the sample issue ({len(issue.articles)} articles): "
              f"first {runs[0]:.2f} s, then {statistics.median(runs[1:]):.3f} s")
        pages = sorted(out_dir.glob("[0-9]*.html"), key=lambda p: p.stat().st_size)
        for label, path in (("archive", Path(tmp) / "index.html"), ("issue page", out_dir / "index.html"),
                            ("smallest article", pages[0]), ("largest article", pages[-1]),
                            ("site.css", Path(tmp) / "site.css"), ("site.js", Path(tmp) / "site.js")):
            print(f"  {label:17} {sizes(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
