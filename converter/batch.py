"""Batch conversion: many issues, incrementally, in parallel, and safely.

For each issue: parse → apply metadata → EPUB → audio → ``manifest.json``.
The manifest is written last and records a fingerprint of everything the
outputs depend on, so an unchanged issue is skipped without being parsed,
and a run killed at any moment is finished by the next one (audio already
made comes back from the content-addressed cache).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from converter import __version__
from converter.atomic import atomic_write_text, remove_stale_temporaries
from converter.config import IssueMeta, Settings, issue_meta_path, load_issue_meta
from converter.errors import ConverterError, InputError, OutputError, os_reason
from converter.model import DERIVED_MARK, DERIVED_REASON, Issue
from converter.reader import PAGE_SUFFIXES, is_page_file, unreadable_entry
from converter.workers import stop_workers, worker_pool

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 2  # 2: the whole-issue MP3 (issue_audio), levelled audio
LOCK_NAME = ".converter.lock"
CACHE_DIR_NAME = ".cache"
# The folders a writer makes inside an issue's output folder (temporaries are cleaned there too).
ISSUE_SUBFOLDERS = ("audio",)


@dataclass(frozen=True)
class IssueInput:
    """One issue to convert: a page file, or a folder of page files."""

    name: str  # its folder name under the output folder
    path: Path
    shown_path: str | None = None  # the input as named where the run started, when converted elsewhere


@dataclass
class IssueResult:
    name: str
    path: str
    status: str  # "converted" | "up to date" | "failed"
    articles: int = 0
    audio_seconds: float = 0.0
    audio_made: int = 0  # articles synthesised in this run (not from the cache)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


# ---------------------------------------------------------------- discovery


def _issue_name(path: Path) -> str:
    """A safe folder name for the issue: the file's stem or the folder's name."""
    raw = _resolved(path).name if path.is_dir() else path.stem
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in raw).strip("._")
    return cleaned or "issue"


def _lone_review_file(path: Path) -> bool:
    """A review file (NAME.md) with no page file NAME.txt or NAME.pdf beside it: an issue of its own in a collection."""
    from converter.review import is_review_file

    return is_review_file(path) and not any(is_page_file(path.with_suffix(s)) for s in (".txt", ".pdf"))


def _resolved(path: Path) -> Path:
    """``path.resolve()``, or its absolute form when links loop (resolve raises then)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def discover_issues(
    inputs: list[Path], output: Path | None = None
) -> tuple[list[IssueInput], list[IssueResult]]:
    """Expand INPUT arguments into issues.

    A page file is an issue; a folder holding page files and no sub-folders is
    one issue (its pages in name order); a folder holding sub-folders is a
    collection: each sub-folder, and each loose page file, is an issue of its
    own.  The ``output`` folder is never an issue, even inside a collection
    (``converter convert .`` with the default out/).  Paths that cannot be
    read become failures, the rest go on.
    """
    skip = output.resolve() if output is not None else None
    issues: list[IssueInput] = []
    failures: list[IssueResult] = []
    taken: set[str] = set()

    def add(path: Path) -> None:
        base = name = _issue_name(path)
        number = 1
        while name in taken:  # a/ and a.txt, or a second a-2.txt: never one folder for two issues
            number += 1
            name = f"{base}-{number}"
        taken.add(name)
        issues.append(IssueInput(name, path))

    def fail(path: Path, reason: str) -> None:
        failures.append(IssueResult(_issue_name(path), str(path), "failed", error=f"{path}: {reason}"))

    for path in inputs:
        reason = unreadable_entry(path)
        if reason is not None:
            fail(path, reason)
        elif not path.exists():
            fail(path, "no such file or folder")
        elif path.is_file():
            add(path)
        elif path.is_dir():
            try:
                entries = sorted(e for e in path.iterdir() if not e.name.startswith("."))
            except OSError as exc:
                fail(path, f"cannot read this folder ({exc.strerror or exc})")
                continue
            entries = [e for e in entries if _resolved(e) != skip]
            folders = [e for e in entries if e.is_dir()]
            if not folders:
                add(path)
                continue
            for entry in entries:
                if entry.is_dir() or is_page_file(entry) or _lone_review_file(entry):
                    add(entry)
                elif (reason := unreadable_entry(entry)) and (
                    entry.is_symlink() or entry.suffix.lower() in PAGE_SUFFIXES
                ):
                    fail(entry, reason)  # a link loop or a pipe among the issues: said, not skipped
        else:
            fail(path, "not a file or folder")
    return issues, failures


# ---------------------------------------------------------------- fingerprints


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def output_options(settings: Settings) -> dict[str, Any]:
    """The settings that change what is written (not where, nor how fast)."""
    return {
        "newspaper": settings.newspaper,
        "publisher": settings.publisher,
        "pinyin": settings.pinyin,
        "audio": settings.audio,
        "read_along": settings.read_along,
        "web": settings.web,
        "engine": settings.engine if settings.audio else None,
        "voice": settings.voice if settings.audio else None,
        "rate": settings.rate if settings.audio else None,
        "volume": settings.volume if settings.audio else None,
        "pitch": settings.pitch if settings.audio else None,
    }


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
        return _file_sha256(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({os_reason(exc)})") from exc


def _manifest_is_current(out_dir: Path, fingerprint: str) -> dict[str, Any] | None:
    try:
        manifest = json.loads((out_dir / MANIFEST_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("format") != MANIFEST_FORMAT or manifest.get("input_hash") != fingerprint:
        return None
    for entry in manifest.get("files", []):
        if not _output_is_whole(out_dir, entry):
            return None
    return manifest


def _output_is_whole(out_dir: Path, entry: Any) -> bool:
    """An output file is as the manifest recorded it: same size, then same hash (a file
    truncated, replaced or edited since is remade)."""
    try:
        path = out_dir / entry["path"]
        return path.stat().st_size == entry["bytes"] and path.is_file() and _file_sha256(path) == entry["sha256"]
    except (OSError, KeyError, TypeError):
        return False


# ---------------------------------------------------------------- one issue


def apply_metadata(issue: Issue, meta: IssueMeta, settings: Settings) -> None:
    """Fill newspaper, date, number and title from issue.toml and converter.toml (see converter.identity)."""
    from converter.identity import issue_title

    issue.newspaper = meta.newspaper or settings.newspaper or issue.newspaper
    issue.publisher = meta.publisher or settings.publisher or issue.publisher
    issue.date = meta.date or issue.date
    issue.number = meta.number or issue.number
    issue.title = meta.title or issue_title(issue, issue.name_words)


ArticleDone = Callable[[int, int, float], None]  # (issue articles, done, audio seconds)


def convert_issue(
    issue_input: IssueInput,
    settings: Settings,
    out_root: Path,
    *,
    on_article: ArticleDone | None = None,
    narration_run: Any = None,
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
    out_dir: Path, fingerprint: str, result: IssueResult, settings: Settings, narration_run: Any = None
) -> bool:
    """Whether the issue's outputs are whole and made from these inputs and options (and owe
    nothing to the neural voice); fills ``result`` if so."""
    manifest = _manifest_is_current(out_dir, fingerprint)
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
    narration_run: Any,
    audio_jobs: int,
) -> None:
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

    written: list[Path] = []
    audio_entries: list[dict[str, Any] | None] = [None] * len(issue.articles)
    narration = None
    issue_audio: dict[str, Any] | None = None
    cover: bytes | None = None  # the issue's cover image (PNG or JPEG) for the MP3 tags, when there is one
    if settings.audio:
        from converter.cover import cover_png

        cover = cover_png(issue)  # the EPUB's cover, drawn as PNG (None without a Chinese font)
        narration = _make_audio(issue, out_dir, out_root, settings, audio_jobs, on_article, narration_run, cover)
        for index, item in enumerate(narration):
            audio_entries[index] = {
                "file": str(item.path.relative_to(out_dir)),
                "duration": round(item.duration, 3),
                "engine": item.engine,
                "voice": item.voice,
                "from_cache": item.from_cache,
            }
            result.audio_seconds += item.duration
            result.audio_made += 0 if item.from_cache else 1
        from converter.audio.narration import PLAYLIST_NAME

        written += [path for item in narration for path in (item.path, item.srt_path)]
        written.append(out_dir / "audio" / PLAYLIST_NAME)
        issue_file = _make_issue_file(issue, narration, out_dir / f"{issue_input.name}.mp3", out_root, settings,
                                      narration_run, cover)
        written.append(issue_file.path)
        issue_audio = {
            "file": issue_file.path.name,
            "duration": round(issue_file.duration, 3),
            "chapters": [{"title": c.title, "start": round(c.start, 3), "end": round(c.end, 3)}
                         for c in issue_file.chapters],
        }

    from converter.epub import build_epub

    epub_path = out_dir / f"{issue_input.name}.epub"
    build_epub(issue, epub_path, pinyin_style=settings.pinyin, narration=narration if settings.read_along else None)
    written.append(epub_path)

    if settings.web:
        from converter.web import write_issue_site

        written += write_issue_site(issue, out_dir, narration=narration, pinyin_style=settings.pinyin)

    _write_manifest(out_dir, issue_input, issue, settings, fingerprint, written, audio_entries, issue_audio)


def _make_issue_file(issue: Issue, narration: list[Any], path: Path, out_root: Path, settings: Settings,
                     narration_run: Any, cover: bytes | None) -> Any:
    """The whole issue as one chaptered MP3, read in the voice most of its articles have."""
    from collections import Counter

    from converter.audio.issue_file import write_issue_file

    engine = Counter(item.engine for item in narration).most_common(1)[0][0]
    notice = getattr(narration_run, "say", None)
    return write_issue_file(issue, [item.path for item in narration], path, audio_options(settings),
                            engine_name=engine, cache_dir=out_root / CACHE_DIR_NAME / "audio", cover=cover,
                            notice=notice)


def _owes_online_voice(manifest: dict[str, Any], settings: Settings, narration_run: Any) -> bool:
    """With --engine auto, articles the offline voice read while the service failed are
    read again by the neural voice on a later run, once the service is not resting."""
    if not settings.audio or settings.engine != "auto":
        return False
    if not any(a.get("audio", {}).get("engine") == "espeak" for a in manifest.get("articles", [])):
        return False
    return narration_run is None or narration_run.online.ready()


def _make_audio(
    issue: Issue,
    out_dir: Path,
    out_root: Path,
    settings: Settings,
    jobs: int,
    on_article: ArticleDone | None,
    narration_run: Any,
    cover: bytes | None = None,
) -> list[Any]:
    from converter.audio.narration import write_issue_audio

    options = audio_options(settings)
    total = len(issue.articles)
    done = 0

    def progress(article_audio: Any) -> None:
        nonlocal done
        done += 1
        if on_article:
            on_article(total, done, article_audio.duration)

    return write_issue_audio(
        issue,
        out_dir / "audio",
        options,
        cache_dir=out_root / CACHE_DIR_NAME / "audio",
        jobs=jobs,
        progress=progress,
        run=narration_run,
        cover=cover,
    )


def audio_options(settings: Settings) -> Any:
    """The voice settings as the audio writer takes them; a bad rate or voice is an AudioOptionsError."""
    from converter.audio.engines import AudioOptions

    return AudioOptions(
        engine=settings.engine, voice=settings.voice, rate=settings.rate, volume=settings.volume, pitch=settings.pitch
    )


def _write_manifest(
    out_dir: Path,
    issue_input: IssueInput,
    issue: Issue,
    settings: Settings,
    fingerprint: str,
    written: list[Path],
    audio_entries: list[dict[str, Any] | None],
    issue_audio: dict[str, Any] | None = None,
) -> None:
    files = [{"path": str(p.relative_to(out_dir)), "sha256": _file_sha256(p), "bytes": p.stat().st_size} for p in written]
    manifest = {
        "format": MANIFEST_FORMAT,
        "converter": __version__,
        "issue": issue_input.name,
        "input": issue_input.shown_path or str(issue_input.path),
        "input_hash": fingerprint,
        "title": issue.title,
        "date": issue.date.isoformat() if issue.date else None,
        "newspaper": issue.newspaper,
        "number": issue.number,
        "sources": list(issue.sources),
        "options": output_options(settings),
        "articles": [
            {
                "index": index,
                "page": article.source,
                "pages": article.pages,
                "kicker": article.headline.kicker,
                "title": article.headline.title,
                "subtitle": article.headline.subtitle,
                "title_source": article.headline.source,
                **({"title_note": f"{DERIVED_MARK}：{DERIVED_REASON}"} if article.headline.source == "derived" else {}),
                "byline": list(article.byline),
                "paragraphs": len(article.paragraphs),
                "characters": article.text_length,
                "text_sha256": _sha256("\n".join(article.paragraphs).encode()),
                **({"audio": audio} if audio else {}),
            }
            for index, (article, audio) in enumerate(zip(issue.articles, audio_entries), 1)
        ],
        "unplaced_headlines": list(issue.unplaced_headlines),
        "warnings": list(issue.warnings),
        **({"issue_audio": issue_audio} if issue_audio else {}),
        "files": files,
    }
    atomic_write_text(out_dir / MANIFEST_NAME, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------- the run


def own_folders(out_root: Path, issue_names: list[str]) -> list[Path]:
    """The folders this program writes in: the output folder itself (its lock, files of the whole
    run), each issue's folder and sub-folders, and the audio cache's."""
    folders = [out_root] + [out_root / name / sub for name in issue_names for sub in ("", *ISSUE_SUBFOLDERS)]
    cache = out_root / CACHE_DIR_NAME / "audio"
    with contextlib.suppress(OSError):
        folders += [entry for entry in cache.iterdir() if len(entry.name) == 2]
    return folders


@contextlib.contextmanager
def output_lock(out_root: Path, issue_names: Sequence[str] = ()) -> Iterator[None]:
    """One run at a time per output folder, so the temporaries a killed run left can be removed safely."""
    try:
        out_root.mkdir(parents=True, exist_ok=True)
        handle = (out_root / LOCK_NAME).open("a")
    except OSError as exc:
        raise OutputError(f"{out_root}: cannot write to the output folder ({exc.strerror or exc})") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise OutputError(f"{out_root}: another conversion is writing to this folder") from exc
        remove_stale_temporaries(own_folders(out_root, list(issue_names)))
        yield


def _new_narration_run(notice: Callable[[str], None]) -> Any:
    from converter.audio.narration import NarrationRun

    return NarrationRun(notice=notice)


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
    reporter: Any,
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
        if settings.scheduler:
            from converter.cluster import run_on_cluster

            to_convert = []
            for issue_input in issues:
                done = up_to_date_result(issue_input, settings, out_root)
                if done is None:
                    to_convert.append(issue_input)
                else:
                    reporter.issue_done(done)
                    results.append(done)
            results += run_on_cluster(client, to_convert, settings, out_root, reporter)
        elif settings.audio or jobs == 1 or len(issues) == 1:
            # Audio is the expensive part and is parallel inside each issue;
            # one NarrationRun keeps its worker processes and an offline
            # fallback (said once) across the issues.
            narration_run = _new_narration_run(reporter.message) if settings.audio else None
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
        else:
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
        if settings.audio:
            from converter.feed import write_feed

            write_feed(out_root, title=settings.newspaper, base_url=settings.base_url)
        if settings.web:
            results += _write_archive_index(out_root, reporter)
    return results


def _write_archive_index(out_root: Path, reporter: Any) -> list[IssueResult]:
    """OUTDIR/index.html from every issue's manifest, this run's and earlier ones;
    a failure to write it is one more failed line, not the end of the run."""
    from converter.web import write_archive_index

    try:
        write_archive_index(out_root)
    except ConverterError as exc:
        failed = IssueResult("index.html", str(out_root), "failed", error=str(exc))
        reporter.issue_done(failed)
        return [failed]
    return []


def summary(results: list[IssueResult]) -> dict[str, Any]:
    return {
        "issues": len(results),
        "converted": sum(r.status == "converted" for r in results),
        "up_to_date": sum(r.status == "up to date" for r in results),
        "failed": sum(r.status == "failed" for r in results),
        "articles": sum(r.articles for r in results),
        "audio_minutes": round(sum(r.audio_seconds for r in results) / 60, 1),
        "warnings": sum(len(r.warnings) for r in results),
    }

