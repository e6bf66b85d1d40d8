"""Batch conversion: many issues, incrementally, in parallel, and safely.

Finds the issues, holds the output folder's lock, converts the issues here
(in worker processes) or on a Dask cluster, reports each, and writes the
run's files (the feed, the archive page) at the end.

Converting one issue is converter/convert.py's (also run by the workers of
converter/cluster.py); finding the issues is converter/discovery.py's; the
manifest, the lock and the results have modules of their own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from converter.config import Settings
from converter.convert import audio_options, convert_issue
from converter.discovery import IssueInput, discover_issues
from converter.errors import ConverterError, InputError
from converter.lock import output_lock
from converter.results import IssueResult
from converter.workers import stop_workers, worker_pool
from converter.writers import new_narration_run, run_writers

if TYPE_CHECKING:
    from converter.progress import Reporter


# ---------------------------------------------------------------- the run


def usable_cpus() -> int:
    """The CPUs this process may run on (a container or taskset may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def effective_jobs(settings: Settings, issues: int = 0, notice: Callable[[str], None] | None = None) -> int:
    """Worker processes: ``jobs`` (one per CPU when 0), never more than the CPUs nor,
    when the workers take one issue each, than the ``issues``; ``notice`` hears when capped."""
    cpus = usable_cpus()
    jobs = min(settings.jobs or cpus, cpus, issues or cpus)
    if settings.jobs > jobs and notice is not None:
        limit = "one per CPU" if jobs == cpus else "one per issue"
        notice(f"jobs {settings.jobs}: using {jobs}, {limit}")
    return jobs


def run_batch(
    inputs: list[Path],
    settings: Settings,
    reporter: Reporter,
) -> list[IssueResult]:
    """Convert every issue under ``inputs``; returns one result per issue."""
    if settings.audio:
        audio_options(settings)  # a bad --rate or --voice is said once, before any work
    client = None
    if settings.scheduler:
        from converter.cluster import connect

        client = connect(settings.scheduler)  # an unreachable cluster is said before any work
    issues, results = discover_issues(inputs, Path(settings.output))
    for failed in results:
        reporter.issue_done(failed)
    if not issues:
        if not results:
            raise InputError("no issue found in the given inputs")
        return results
    out_root = Path(settings.output)
    # With audio the workers share each issue's articles; without, they take one issue each.
    jobs = effective_jobs(settings, 0 if settings.audio else len(issues), reporter.message)
    with output_lock(out_root, [i.name for i in issues]):
        reporter.start(len(issues))
        if client is not None:
            from converter.cluster import convert_on_cluster

            results += convert_on_cluster(client, issues, settings, out_root, reporter)
        elif settings.audio or jobs == 1 or len(issues) == 1:
            results += _convert_here(issues, settings, out_root, reporter, jobs)
        else:
            results += _convert_in_pool(issues, settings, out_root, reporter, jobs)
        results += _write_run_files(out_root, settings, reporter)
    return results


def _convert_here(
    issues: list[IssueInput], settings: Settings, out_root: Path, reporter: Reporter, jobs: int
) -> list[IssueResult]:
    """One issue after another in this process. Audio is the expensive part and is parallel inside
    each issue; one NarrationRun keeps its worker processes and an offline fallback (said once)
    across the issues."""
    narration_run = new_narration_run(reporter.message) if settings.audio else None
    results: list[IssueResult] = []
    try:
        for issue_input in issues:
            reporter.issue_started(issue_input)
            result = convert_issue(
                issue_input,
                settings,
                out_root,
                on_article=reporter.article_done,
                narration_run=narration_run,
                audio_jobs=jobs,
            )
            reporter.issue_done(result)
            results.append(result)
    except BaseException:  # Ctrl-C, SIGTERM: the workers stop now, not after their work
        if narration_run is not None:
            narration_run.stop()
        raise
    finally:
        if narration_run is not None:
            narration_run.close()
    return results


def _convert_in_pool(
    issues: list[IssueInput], settings: Settings, out_root: Path, reporter: Reporter, jobs: int
) -> list[IssueResult]:
    """Without audio: ``jobs`` worker processes, one issue each at a time."""
    results: list[IssueResult] = []
    pool = worker_pool(jobs)
    try:
        futures = [(i, pool.submit(convert_issue, i, settings, out_root)) for i in issues]
        for issue_input, future in futures:
            try:
                result = future.result()
            except Exception as exc:  # a worker killed from outside (out of memory)
                result = IssueResult(
                    issue_input.name, str(issue_input.path), "failed",
                    error=f"{issue_input.path}: worker process failed ({type(exc).__name__})",
                )
            reporter.issue_done(result)
            results.append(result)
    except BaseException:
        stop_workers(pool)
        raise
    pool.shutdown()
    return results


def _write_run_files(out_root: Path, settings: Settings, reporter: Reporter) -> list[IssueResult]:
    """The files of the whole output folder (feed, archive page), from every issue's manifest, this run's
    and earlier ones; a failure to write one is one more failed line, not the end of the run."""
    failures: list[IssueResult] = []
    for writer in run_writers(settings):
        try:
            writer.write(out_root, settings)
        except ConverterError as exc:
            failed = IssueResult(writer.name, str(out_root), "failed", error=str(exc))
            reporter.issue_done(failed)
            failures.append(failed)
    return failures
