"""Batch conversion: many issues, incrementally, in parallel, and safely.

For each issue: parse → apply metadata → the enabled writers of
converter/writers.py → ``manifest.json``.  The manifest is written last and
records a fingerprint of everything the outputs depend on, so an unchanged
issue is skipped without being parsed, and a run killed at any moment is
finished by the next one (audio already made comes back from the cache).
Finding the issues is converter/discovery.py's; the manifest, the lock and
the results have modules of their own.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from converter import __version__
from converter.atomic import file_sha256
from converter.config import IssueMeta, Settings, issue_meta_path, load_issue_meta
from converter.discovery import IssueInput, discover_issues
from converter.errors import ConverterError, InputError, OutputError, os_reason
from converter.lock import CACHE_DIR_NAME, output_lock
from converter.manifest import (
    MANIFEST_FORMAT,
    MANIFEST_NAME,
    Manifest,
    current_manifest,
    file_record,
    new_manifest,
    write_manifest,
)
from converter.model import Issue
from converter.results import IssueResult, summary
from converter.workers import stop_workers, worker_pool
from converter.writers import (
    ArticleDone,
    IssueJob,
    WrittenFile,
    article_audio_records,
    issue_audio_record,
    issue_writers,
    new_narration_run,
    run_writers,
)

if TYPE_CHECKING:
    from converter.audio.engines import AudioOptions, EngineName
    from converter.progress import Reporter
    from converter.writers import NarrationRun

# Names other modules and tests reach through this one, from before they had modules of their own.
__all__ = ["MANIFEST_NAME", "CACHE_DIR_NAME", "IssueInput", "IssueResult", "discover_issues", "output_lock",
           "summary", "run_batch", "convert_issue", "apply_metadata", "audio_options", "output_options"]


# ---------------------------------------------------------------- fingerprints


def output_options(settings: Settings) -> dict[str, Any]:
    """The settings that change what is written (not where, nor how fast): the options table says which."""
    from converter.options import output_values

    return output_values(settings)


def input_fingerprint(issue_input: IssueInput, settings: Settings) -> str:
    """A hash of the pages, the issue's metadata, the options and the converter version."""
    from converter.reader import page_files
    from converter.review import review_files

    digest = hashlib.sha256()
    digest.update(json.dumps([MANIFEST_FORMAT, __version__, output_options(settings)], sort_keys=True).encode())
    reviews = review_files(issue_input.path)
    try:
        pages = page_files(issue_input.path)
    except InputError:
        if not reviews:
            raise
        pages = []  # a folder of review files only
    for page in pages:
        digest.update(page.name.encode() + b"\0" + _input_sha256(page).encode())
    for review in reviews:  # an edited review file stands for its pages
        digest.update(b"review\0" + review.name.encode() + b"\0" + _input_sha256(review).encode())
    meta = issue_meta_path(issue_input.path)
    if meta.is_file():
        digest.update(b"meta\0" + _input_sha256(meta).encode())
    return digest.hexdigest()


def _input_sha256(path: Path) -> str:
    """The hash of an input file; one that cannot be read fails its issue as the reader would."""
    try:
        return file_sha256(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({os_reason(exc)})") from exc


# ---------------------------------------------------------------- one issue


def apply_metadata(issue: Issue, meta: IssueMeta, settings: Settings) -> None:
    """Fill newspaper, date, number and title from issue.toml and converter.toml (see converter.identity)."""
    from converter.identity import issue_title

    issue.newspaper = meta.newspaper or settings.newspaper or issue.newspaper
    issue.publisher = meta.publisher or settings.publisher or issue.publisher
    issue.date = meta.date or issue.date
    issue.number = meta.number or issue.number
    issue.title = meta.title or issue_title(issue, issue.name_words)


def convert_issue(
    issue_input: IssueInput,
    settings: Settings,
    out_root: Path,
    *,
    on_article: ArticleDone | None = None,
    narration_run: NarrationRun | None = None,
    audio_jobs: int = 1,
) -> IssueResult:
    """Convert one issue; every failure comes back as a result, never as an exception."""
    started = time.perf_counter()
    result = IssueResult(issue_input.name, str(issue_input.path), "converted")
    try:
        _convert_issue(issue_input, settings, out_root, result, on_article, narration_run, audio_jobs)
    except ConverterError as exc:
        result.status, result.error = "failed", str(exc)
    except MemoryError:
        result.status, result.error = "failed", f"{issue_input.path}: too large to convert"
    except Exception as exc:  # the batch goes on; --debug shows the traceback
        result.status = "failed"
        result.error = f"{issue_input.path}: internal error: {type(exc).__name__}: {exc}"
        if os.environ.get("CONVERTER_DEBUG"):
            traceback.print_exc()
    result.seconds = time.perf_counter() - started
    return result


def _up_to_date(
    out_dir: Path, fingerprint: str, result: IssueResult, settings: Settings, narration_run: NarrationRun | None = None
) -> bool:
    """Whether the issue's outputs are whole and made from these inputs and options (and owe
    nothing to the neural voice); fills ``result`` if so."""
    manifest = current_manifest(out_dir, fingerprint)
    if manifest is None or _owes_online_voice(manifest, settings, narration_run):
        return False
    result.status = "up to date"
    result.articles = len(manifest.get("articles", []))
    result.audio_seconds = sum(a.get("audio", {}).get("duration", 0.0) for a in manifest["articles"])
    result.warnings = list(manifest.get("warnings", []))
    return True


def up_to_date_result(issue_input: IssueInput, settings: Settings, out_root: Path) -> IssueResult | None:
    """The result of an issue that needs no work, or None (also when its inputs cannot be read:
    converting it then says why)."""
    result = IssueResult(issue_input.name, str(issue_input.path), "up to date")
    try:
        fingerprint = input_fingerprint(issue_input, settings)
    except ConverterError:
        return None
    current = not settings.force and _up_to_date(out_root / issue_input.name, fingerprint, result, settings)
    return result if current else None


def _convert_issue(
    issue_input: IssueInput,
    settings: Settings,
    out_root: Path,
    result: IssueResult,
    on_article: ArticleDone | None,
    narration_run: NarrationRun | None,
    audio_jobs: int,
) -> None:
    """Parse the issue and run every enabled writer on it (in the table's order), then write the manifest."""
    from converter.clean import parse_issue

    out_dir = out_root / issue_input.name
    fingerprint = input_fingerprint(issue_input, settings)
    if not settings.force and _up_to_date(out_dir, fingerprint, result, settings, narration_run):
        return

    issue = parse_issue(issue_input.path)
    apply_metadata(issue, load_issue_meta(issue_input.path), settings)
    result.articles = len(issue.articles)
    result.warnings = list(issue.warnings)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create the output folder ({exc.strerror or exc})") from exc

    job = IssueJob(
        issue_input.name, out_dir, out_root, settings, audio=audio_options(settings) if settings.audio else None,
        narration_run=narration_run, audio_jobs=audio_jobs, on_article=on_article,
    )
    written: list[WrittenFile] = []
    for writer in issue_writers(settings):
        written += writer.write(issue, job)
    for item in job.narration or []:
        result.audio_seconds += item.duration
        result.audio_made += 0 if item.from_cache else 1
    _write_manifest(out_dir, issue_input, issue, settings, fingerprint, written, job)


def _owes_online_voice(manifest: Manifest, settings: Settings, narration_run: NarrationRun | None) -> bool:
    """With --engine auto, articles the offline voice read while the service failed are
    read again by the neural voice on a later run, once the service is not resting."""
    if not settings.audio or settings.engine != "auto":
        return False
    if not any(a.get("audio", {}).get("engine") == "espeak" for a in manifest.get("articles", [])):
        return False
    return narration_run is None or narration_run.online.ready()


def audio_options(settings: Settings) -> AudioOptions:
    """The voice settings as the audio writer takes them; a bad rate or voice is an AudioOptionsError."""
    from converter.audio.engines import AudioOptions

    return AudioOptions(
        engine=cast("EngineName", settings.engine),  # one of ENGINES: converter/options checks it
        voice=settings.voice, rate=settings.rate, volume=settings.volume, pitch=settings.pitch
    )


def _write_manifest(
    out_dir: Path,
    issue_input: IssueInput,
    issue: Issue,
    settings: Settings,
    fingerprint: str,
    written: list[WrittenFile],
    job: IssueJob,
) -> None:
    """The manifest, last: the issue, what each writer returned, and the audio's durations and chapters."""
    files = [file_record(out_dir, f.path, f.sha256, f.size, f.kind) for f in written]
    manifest = new_manifest(
        issue_input.name, issue_input.shown_path or str(issue_input.path), fingerprint, issue,
        output_options(settings), article_audio_records(issue, job), files, issue_audio_record(job),
    )
    write_manifest(out_dir, manifest)


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
