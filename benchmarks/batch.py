"""Batch figures: issues per second (parse + EPUB, no audio), an unchanged
re-run of 100 issues, the offline real-time factor with --jobs 2, and an
unchanged re-run of an issue with audio (every output's hash checked).

    python benchmarks/batch.py [--issues 100] [--skip-audio]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from converter.batch import run_batch  # noqa: E402
from converter.config import Settings  # noqa: E402
from converter.progress import LineReporter  # noqa: E402

SAMPLE = ROOT / "samples" / "000_6f7615cd0b320972.txt"


def make_archive(folder: Path, issues: int) -> None:
    """Issues made from the sample page, each slightly different so none is a copy."""
    text = SAMPLE.read_text("utf-8")
    for number in range(issues):
        page = text.replace("2 月 7 日", f"2 月 {number % 28 + 1} 日")
        (folder / f"issue-{number:03d}").mkdir(parents=True)
        (folder / f"issue-{number:03d}" / "page1.txt").write_text(page, "utf-8")


def timed(inputs: list[Path], settings: Settings) -> tuple[float, list]:
    started = time.perf_counter()
    results = run_batch(inputs, settings, LineReporter(quiet=True))
    elapsed = time.perf_counter() - started
    failed = [r.error for r in results if r.status == "failed"]
    if failed:
        raise SystemExit(f"failures: {failed[:3]}")
    return elapsed, results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--issues", type=int, default=100)
    parser.add_argument("--skip-audio", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="converter-bench-"))
    try:
        archive = work / "archive"
        make_archive(archive, args.issues)
        settings = Settings(output=work / "out", audio=False, jobs=2)
        elapsed, _ = timed([archive], settings)
        print(f"parse + EPUB, {args.issues} issues, --jobs 2: {elapsed:.2f} s = {args.issues / elapsed:.1f} issues/s")
        elapsed, results = timed([archive], settings)
        assert all(r.status == "up to date" for r in results)
        print(f"unchanged re-run of {args.issues} issues: {elapsed:.2f} s (goal < 2 s)")
        if not args.skip_audio:
            settings = Settings(output=work / "audio-out", engine="espeak", jobs=2)
            elapsed, results = timed([SAMPLE], settings)
            minutes = sum(r.audio_seconds for r in results) / 60
            print(
                f"sample issue, EPUB + {results[0].articles} MP3s, offline voice, --jobs 2: "
                f"{minutes:.1f} min of speech in {elapsed:.1f} s = {minutes * 60 / elapsed:.0f}x real time"
            )
            megabytes = sum(p.stat().st_size for p in (work / "audio-out").rglob("*") if p.is_file() and ".cache" not in p.parts) / 1e6
            elapsed, results = timed([SAMPLE], settings)
            assert all(r.status == "up to date" for r in results)
            print(f"unchanged re-run of the sample issue with audio (sizes and hashes of {megabytes:.0f} MB checked): {elapsed:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
