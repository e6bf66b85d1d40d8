"""Issues converted on a Dask cluster, written here as a local run writes them.

Only bytes travel: each issue's input files (with their times, which the book's
dates may come from) and the audio cache entries its articles already have go
to a worker; the worker converts the issue in a folder of its own with the
same code a local run uses and sends back the files of the issue's output
folder and the audio it made. Everything else stays on this machine: finding
the issues, skipping those up to date, the lock, atomic writes with the
manifest last, the progress display. A worker that dies mid-issue costs that
issue a new try on another worker (the scheduler's own rescheduling); no file
is written here until an issue's result is whole.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from converter import __version__
from converter.atomic import atomic_write_bytes
from converter.config import Settings, issue_meta_path
from converter.discovery import IssueInput
from converter.errors import ConverterError
from converter.lock import CACHE_DIR_NAME
from converter.results import IssueResult

if TYPE_CHECKING:
    from dask.distributed import Client

    from converter.progress import Reporter

CONNECT_TIMEOUT = "10s"
RETRIES = 2  # an issue whose worker failed (not merely died) is tried this many more times


class ClusterError(ConverterError):
    """A scheduler that cannot be reached, or workers that cannot run this converter."""


@dataclass(frozen=True)
class PackedIssue:
    """An issue as it travels to a worker."""

    name: str  # its folder name under the output folder
    shown_path: str  # the input as named on this machine (messages, manifest)
    input_name: str  # the file or folder name of the input (it names the issue)
    is_folder: bool
    files: dict[str, tuple[bytes, float]]  # path under the input's parent → (bytes, modification time)
    cache: dict[str, bytes]  # audio cache entries the issue may use, by path under the cache folder
    settings: Settings


@dataclass
class PackedResult:
    """What a worker sends back: the result, the issue's output files, the audio it added to the cache."""

    result: IssueResult
    files: dict[str, bytes] = field(default_factory=dict)  # path under the issue's output folder
    cache: dict[str, bytes] = field(default_factory=dict)


def _input_files(path: Path) -> list[Path]:
    """The files an issue is made of: a folder's visible files (pages, review files, issue.toml),
    or a page file with what stands beside it for it (NAME.issue.toml, NAME.md)."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    beside = [issue_meta_path(path), path.with_suffix(".md")]
    return [path] + [p for p in beside if p != path and p.is_file()]


def pack_issue(issue_input: IssueInput, settings: Settings, cache: dict[str, bytes]) -> PackedIssue:
    path = Path(issue_input.path)
    files = {}
    for file in _input_files(path):
        relative = f"{path.name}/{file.name}" if path.is_dir() else file.name
        files[relative] = (file.read_bytes(), file.stat().st_mtime)
    return PackedIssue(
        name=issue_input.name,
        shown_path=str(issue_input.path),
        input_name=path.name,
        is_folder=path.is_dir(),
        files=files,
        cache=cache,
        settings=settings,
    )


def cached_audio(issue_input: IssueInput, settings: Settings, out_root: Path) -> dict[str, bytes]:
    """The audio cache entries the issue's articles would be read from, by path under the cache folder:
    what is cached costs the cluster nothing. An issue that cannot be parsed here ships none."""
    from converter.batch import apply_metadata, audio_options
    from converter.clean import parse_issue
    from converter.config import load_issue_meta
    from converter.writers import audio_cache_keys

    if not settings.audio:
        return {}
    try:
        issue = parse_issue(Path(issue_input.path))
        apply_metadata(issue, load_issue_meta(Path(issue_input.path)), settings)  # the intro names the issue
    except ConverterError:
        return {}
    root = out_root / CACHE_DIR_NAME
    entries: dict[str, bytes] = {}
    options = audio_options(settings)
    for key in audio_cache_keys(issue, options):
        for suffix in (".mp3", ".json"):
            relative = f"audio/{key[:2]}/{key}{suffix}"
            try:
                entries[relative] = (root / relative).read_bytes()
            except OSError:
                continue
    return entries


def convert_packed(packed: PackedIssue, version: str) -> PackedResult:
    """Run on a worker: convert the issue in a private folder and send back what it wrote."""
    from converter.batch import convert_issue

    if version != __version__:
        result = IssueResult(packed.name, packed.shown_path, "failed")
        result.error = f"{packed.shown_path}: the worker runs converter {__version__}, this run {version}"
        return PackedResult(result)
    work = Path(tempfile.mkdtemp(prefix="converter-issue-"))
    try:
        inputs, out_root = work / "in", work / "out"
        for relative, (data, mtime) in packed.files.items():
            target = inputs / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            os.utime(target, (mtime, mtime))
        cache_root = out_root / CACHE_DIR_NAME
        for relative, data in packed.cache.items():
            (cache_root / relative).parent.mkdir(parents=True, exist_ok=True)
            (cache_root / relative).write_bytes(data)
        settings = replace(packed.settings, output=out_root, force=True, jobs=1)
        issue_input = IssueInput(packed.name, inputs / packed.input_name, shown_path=packed.shown_path)
        result = convert_issue(issue_input, settings, out_root)
        if result.error:
            result.error = result.error.replace(str(inputs / packed.input_name), packed.shown_path)
        result.path = packed.shown_path
        out_dir = out_root / packed.name
        files = {
            str(file.relative_to(out_dir)): file.read_bytes()
            for file in sorted(out_dir.rglob("*"))
            if file.is_file() and result.status != "failed"
        }
        new_cache = {
            str(file.relative_to(cache_root)): file.read_bytes()
            for file in sorted(cache_root.rglob("*"))
            if file.is_file() and str(file.relative_to(cache_root)) not in packed.cache
        }
        return PackedResult(result, files, new_cache)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def write_packed(packed: PackedResult, out_root: Path) -> None:
    """Write a worker's result here: the cache first, the issue's files, its manifest last."""
    from converter.atomic import atomic_write_if_changed
    from converter.manifest import MANIFEST_NAME

    for relative, data in packed.cache.items():
        atomic_write_bytes(out_root / CACHE_DIR_NAME / relative, data)
    out_dir = out_root / packed.result.name
    for relative, data in packed.files.items():
        if relative != MANIFEST_NAME:
            atomic_write_if_changed(out_dir / relative, data)
    if MANIFEST_NAME in packed.files:
        atomic_write_bytes(out_dir / MANIFEST_NAME, packed.files[MANIFEST_NAME])


def _worker_version() -> str:
    return __version__


def connect(address: str) -> Client:
    """A client of the scheduler at ``address``, its workers checked to run this converter."""
    try:
        from dask.distributed import Client
    except ImportError as exc:
        raise ClusterError("--scheduler needs the cluster extra: pip install 'converter[cluster]'") from exc
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"{address}: cannot reach the Dask scheduler ({type(exc).__name__})") from exc
    try:
        versions = client.run(_worker_version)
    except Exception as exc:  # a worker without the converter package at all
        client.close()
        raise ClusterError(f"{address}: the workers cannot run converter ({type(exc).__name__}: {exc})") from exc
    if not versions:
        client.close()
        raise ClusterError(f"{address}: the scheduler has no workers")
    other = sorted({v for v in versions.values() if v != __version__})
    if other:
        client.close()
        raise ClusterError(f"{address}: workers run converter {', '.join(other)}, this is {__version__}")
    return client


def convert_on_cluster(
    client: Client, issues: list[IssueInput], settings: Settings, out_root: Path, reporter: Reporter
) -> list[IssueResult]:
    """The issues up to date are said here, as a local run says them; the others are converted on the cluster."""
    from converter.batch import up_to_date_result

    results: list[IssueResult] = []
    to_convert = []
    for issue_input in issues:
        done = up_to_date_result(issue_input, settings, out_root)
        if done is None:
            to_convert.append(issue_input)
        else:
            reporter.issue_done(done)
            results.append(done)
    return results + run_on_cluster(client, to_convert, settings, out_root, reporter)


def run_on_cluster(
    client: Client, issues: list[IssueInput], settings: Settings, out_root: Path, reporter: Reporter
) -> list[IssueResult]:
    """Convert ``issues`` (already known not to be up to date) on the cluster ``client`` is connected to;
    the client is closed at the end."""
    from dask.distributed import as_completed

    results: list[IssueResult] = []
    try:
        futures = {}
        for issue_input in issues:
            packed = pack_issue(issue_input, settings, cached_audio(issue_input, settings, out_root))
            future = client.submit(
                convert_packed, packed, __version__, key=f"convert-{issue_input.name}-{os.getpid()}",
                retries=RETRIES, pure=False,
            )
            futures[future] = issue_input
        for future in as_completed(futures, loop=client.loop):
            issue_input = futures[future]
            reporter.issue_started(issue_input)
            try:
                packed_result = future.result()
                write_packed(packed_result, out_root)
                result = packed_result.result
            except ConverterError as exc:
                result = IssueResult(issue_input.name, str(issue_input.path), "failed", error=str(exc))
            except Exception as exc:  # the issue failed on every try
                result = IssueResult(
                    issue_input.name, str(issue_input.path), "failed",
                    error=f"{issue_input.path}: failed on the cluster ({type(exc).__name__}: {exc})",
                )
            reporter.issue_done(result)
            results.append(result)
    finally:
        client.close()
    return results
