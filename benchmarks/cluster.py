"""Issues per second on a Dask cluster of this machine: one worker, then two.

A collection of synthetic issues (EPUB only, so the figure is the cluster's
overhead and the parsing and building it spreads, not the voice) is converted
against a LocalCluster of 1 and 2 worker processes, one thread each; a local
run with --jobs 1 and 2 is printed beside it.

Run: python benchmarks/cluster.py [ISSUES]   (needs the cluster extra)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dask.distributed import LocalCluster  # noqa: E402

from converter.batch import run_batch  # noqa: E402
from converter.config import Settings  # noqa: E402
from converter.progress import LineReporter  # noqa: E402
from tests.pagemaker import FLOOD, MARKET, SCHOOL, make_page  # noqa: E402


def _archive(root: Path, issues: int) -> Path:
    stories = [FLOOD, MARKET, SCHOOL]
    for number in range(issues):
        page = root / "archive" / f"issue-{number:03d}" / "page1.txt"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(make_page([stories[number % 3], stories[(number + 1) % 3]]), encoding="utf-8")
    return root / "archive"


def _timed(archive: Path, settings: Settings) -> float:
    started = time.perf_counter()
    results = run_batch([archive], settings, LineReporter(quiet=True))
    assert all(r.status == "converted" for r in results), [r.error for r in results if r.error]
    return time.perf_counter() - started


def main() -> int:
    issues = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    with tempfile.TemporaryDirectory() as work:
        archive = _archive(Path(work), issues)
        for jobs in (1, 2):
            seconds = _timed(archive, Settings(output=Path(work) / f"local{jobs}", audio=False, jobs=jobs))
            print(f"local, --jobs {jobs}: {issues / seconds:.1f} issues/s ({seconds:.2f} s for {issues})")
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None, host="127.0.0.1") as cluster:
                settings = Settings(output=Path(work) / f"cluster{workers}", audio=False, scheduler=cluster.scheduler_address)
                seconds = _timed(archive, settings)
            print(f"cluster, {workers} worker(s): {issues / seconds:.1f} issues/s ({seconds:.2f} s for {issues})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
