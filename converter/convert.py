"""Converting one issue: parse it, apply its metadata, run the enabled writers, write the manifest.

Used by the batch run on this machine (converter/batch.py) and by the workers of a
Dask cluster (converter/cluster.py); neither of those is imported here, so the
three stay a chain: batch → cluster → convert.  The manifest, written last,
records a fingerprint of everything the outputs depend on, so an unchanged issue
is skipped without being parsed, and a run killed at any moment is finished by
the next one (audio already made comes back from the cache).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from converter import __version__
from converter.atomic import file_sha256
from converter.config import IssueMeta, Settings, issue_meta_path, load_issue_meta
from converter.discovery import IssueInput
from converter.errors import ConverterError, InputError, OutputError, os_reason
from converter.manifest import (
    MANIFEST_FORMAT,
    Manifest,
    current_manifest,
    file_record,
    new_manifest,
    write_manifest,
)
from converter.model import Issue
from converter.results import IssueResult
from converter.writers import (
    ArticleDone,
    IssueJob,
    WrittenFile,
    article_audio_records,
    issue_audio_record,
    issue_writers,
)

if TYPE_CHECKING:
    from converter.audio.engines import AudioOptions, EngineName
    from converter.writers import NarrationRun

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
