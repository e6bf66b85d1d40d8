"""Offline narration speed: the sample issue end to end, as real-time factor.

    python benchmarks/audio.py [--jobs N]

Parses the sample page, reads every article with the offline voice into
levelled (-16 LUFS), tagged MP3s, SRTs and a playlist, then the chaptered
whole-issue MP3 (no cache), and prints seconds of speech per second of
wall-clock time.  Then runs again on the warm cache.  The load
average is printed too: the machine may be busy with other work.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.audio.engines import AudioOptions  # noqa: E402
from converter.audio.issue_file import write_issue_file  # noqa: E402
from converter.audio.narration import write_issue_audio  # noqa: E402

SAMPLE = ROOT / "samples" / "000_6f7615cd0b320972.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: one per CPU)")
    args = parser.parse_args()
    from converter.clean import parse_issue  # here, not at the top: worker processes import this file

    issue = parse_issue(SAMPLE)
    options = AudioOptions(engine="espeak")
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        out, cache = Path(scratch) / "audio", Path(scratch) / "cache"
        started = time.perf_counter()
        audios = write_issue_audio(issue, out, options, cache_dir=cache, jobs=args.jobs)
        whole = write_issue_file(issue, [a.path for a in audios], Path(scratch) / "issue.mp3", options,
                                 engine_name="espeak", cache_dir=cache)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        audios = write_issue_audio(issue, out, options, cache_dir=cache, jobs=args.jobs)
        write_issue_file(issue, [a.path for a in audios], Path(scratch) / "issue.mp3", options,
                         engine_name="espeak", cache_dir=cache)
        warm = time.perf_counter() - started
        size = sum(a.path.stat().st_size for a in audios)

    speech = sum(a.duration for a in audios)
    print(f"sample issue: {len(audios)} articles, {speech / 60:.1f} min of speech, {size / 1e6:.1f} MB of MP3")
    print(f"offline voice, {args.jobs} process(es), {os.cpu_count()} CPUs, load average {load:.2f} at start")
    print(f"whole-issue MP3: {whole.duration / 60:.1f} min, {len(whole.chapters)} chapters")
    print(f"end to end (articles levelled and encoded, then the issue file): {cold:.2f} s, "
          f"real-time factor {speech / cold:.0f}x")
    print(f"again from the cache: {warm:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
