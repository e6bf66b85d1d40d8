"""An issue's narration: one tagged MP3 and SRT per article, a playlist, nothing stale.

Articles come from the cache when their spoken text and voice are unchanged;
the rest are synthesised, online one article at a time (a few connections
inside it), offline by a pool of processes (espeak-ng is one per process).

What several issues of one run share (what is known of the online voice, the
offline voice's worker processes) is a ``NarrationRun`` the caller holds:
``with NarrationRun(notice=say) as run:`` then ``write_issue_audio(..., run=run)``
for each issue; leaving the block stops the workers.
"""

from __future__ import annotations

import json
import multiprocessing
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from converter.atomic import atomic_write_if_changed
from converter.audio.cache import AudioCache, cache_key
from converter.audio.edge import EdgeEngine
from converter.audio.engines import AudioOptions, SpeechEngine, Synthesis, UnitTiming
from converter.audio.espeak import EspeakEngine, synthesize_offline
from converter.audio.master import LEAD_IN_S
from converter.audio.online import OnlineVoice
from converter.audio.speech_text import SpokenUnit, pause_after, spoken_units
from converter.audio.subtitles import m3u8_text, srt_text, unit_cues
from converter.audio.tags import album_title, id3_tag
from converter.errors import ConverterError, OutputError
from converter.model import Article, Issue
from converter.sentences import reading_units
from converter.workers import stop_workers, worker_pool

PLAYLIST_NAME = "playlist.m3u8"
MANIFEST_NAME = ".audio-files.json"  # what the last run wrote here, so renamed files can be removed
TITLE_CHARS = 40
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


class SpeechWorkerError(ConverterError):
    """A worker process of the offline voice died."""


@dataclass
class ArticleAudio:
    """One article's narration as written."""

    path: Path
    srt_path: Path
    title: str
    duration: float  # seconds
    engine: str  # the engine actually used: "edge" or "espeak"
    voice: str
    from_cache: bool
    timings: list[UnitTiming]  # (reading-unit anchor, start s, end s), contiguous, in reading order


@dataclass
class NarrationRun:
    """State shared by the issues of one run: what is known of the online voice (when
    to try it again), and the offline voice's worker processes, started once.

    The caller owns it, as a context manager: leaving the ``with`` block
    closes the workers, or stops them at once when an exception (Ctrl-C)
    leaves it.  A run is passed explicitly rather than kept by the module, so
    what one batch learns of the service never leaks into another's, and a
    test's run is its own.
    """

    notice: Callable[[str], None] | None = None
    online: OnlineVoice = field(default_factory=OnlineVoice)
    _pool: ProcessPoolExecutor | None = field(default=None, repr=False)
    _pool_size: int = 0

    def __post_init__(self) -> None:
        self.online.say = self.say

    def say(self, message: str) -> None:
        if self.notice is not None:
            self.notice(message)

    def workers(self, jobs: int) -> ProcessPoolExecutor:
        """A pool of ``jobs`` processes, kept for the next issue of the run."""
        if self._pool is None or self._pool_size != jobs:
            self.close()
            # spawn: a fresh espeak-ng in each process, no locks inherited mid-use.
            self._pool = worker_pool(jobs, multiprocessing.get_context("spawn"))
            self._pool_size = jobs
        return self._pool

    def close(self) -> None:
        """Stop the worker processes (the next issue starts new ones)."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def stop(self) -> None:
        """Stop the worker processes now, their work unfinished (an interrupted run)."""
        if self._pool is not None:
            stop_workers(self._pool)
            self._pool = None

    def __enter__(self) -> NarrationRun:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if kind is None:
            self.close()
        else:
            self.stop()

Progress = Callable[[ArticleAudio], None]  # called as each article's files are written


def safe_title(title: str, limit: int = TITLE_CHARS) -> str:
    """A headline made safe as part of a file name, still readable.

    >>> safe_title('“一方有难/八方支援”: 兴县?')
    '“一方有难八方支援” 兴县'
    """
    cleaned = _UNSAFE_IN_NAMES.sub("", " ".join(title.split()))
    cleaned = cleaned[:limit].strip(" .")
    return cleaned or "article"


def article_file_stem(number: int, total: int, title: str) -> str:
    """``01-标题``: the article's place, two digits at least, then its title.

    >>> article_file_stem(3, 7, "走进一线 送去温暖")
    '03-走进一线 送去温暖'
    """
    width = max(2, len(str(total)))
    return f"{number:0{width}d}-{safe_title(title)}"


def write_issue_audio(
    issue: Issue,
    audio_dir: Path,
    options: AudioOptions | None = None,
    *,
    cache_dir: Path | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    notice: Callable[[str], None] | None = None,
    run: NarrationRun | None = None,
    cover: bytes | None = None,
) -> list[ArticleAudio]:
    """Narrate every article of ``issue`` into ``audio_dir``; returns them in issue order.

    ``cover`` (PNG or JPEG bytes) goes into every MP3's tag as its picture.

    ``notice`` hears one-line messages (the online voice failing, answering again).
    ``run`` carries what is known of the online voice from issue to issue (a
    batch holds one, so it says each outage once); without it this issue has
    a run of its own, ``notice`` its listener, its workers stopped on return.
    """
    if run is None:
        with NarrationRun(notice=notice) as own_run:
            return write_issue_audio(issue, audio_dir, options, cache_dir=cache_dir, jobs=jobs,
                                     progress=progress, run=own_run, cover=cover)
    options = options or AudioOptions()
    audio_dir = Path(audio_dir)
    writer = _IssueWriter(issue, audio_dir, progress, cover)
    writer.begin()
    cache = AudioCache(cache_dir) if cache_dir is not None else None
    pending = list(range(len(issue.articles)))
    if options.engine != "espeak":
        pending = _narrate_online(issue.articles, pending, options, cache, writer, run)
    if pending:
        _narrate_offline(issue.articles, pending, options, cache, writer, run, jobs)
    return writer.finish()


def cache_keys(issue: Issue, options: AudioOptions) -> list[str]:
    """The cache keys of the issue's articles for every engine ``options`` may read them with."""
    engines: list[SpeechEngine] = []
    if options.engine in ("auto", "edge"):
        engines.append(EdgeEngine(options))
    if options.engine in ("auto", "espeak"):
        engines.append(EspeakEngine(options))
    return [_plan(engine, article, None)[1] for engine in engines for article in issue.articles]


def _plan(engine: SpeechEngine, article: Article,
          cache: AudioCache | None) -> tuple[list[SpokenUnit], str, Synthesis | None]:
    """What ``engine`` would say for ``article``, its cache key, and the cached audio if any."""
    units = spoken_units(article, polyphones_in_pinyin=engine.polyphones_in_pinyin)
    key = cache_key(units, engine.identity())
    return units, key, cache.get(key) if cache is not None else None


def _narrate_online(articles: Sequence[Article], pending: list[int], options: AudioOptions,
                    cache: AudioCache | None, writer: _IssueWriter, run: NarrationRun) -> list[int]:
    """Articles read by the online voice; returns those left for the offline one."""
    engine = EdgeEngine(options)
    to_read: dict[int, tuple[list[SpokenUnit], str]] = {}
    for index in pending:
        units, key, cached = _plan(engine, articles[index], cache)
        if cached is not None:
            writer.write(index, cached, cached=True)
        else:
            to_read[index] = (units, key)

    def read(index: int) -> None:
        units, key = to_read[index]
        synthesis = engine.synthesize(units)
        if cache is not None:
            cache.put(key, synthesis)
        writer.write(index, synthesis, cached=False)

    return run.online.read_all(list(to_read), read, must=options.engine == "edge")


def _narrate_offline(articles: Sequence[Article], pending: list[int], options: AudioOptions,
                     cache: AudioCache | None, writer: _IssueWriter, run: NarrationRun, jobs: int) -> None:
    engine = EspeakEngine(options)
    work: list[tuple[int, str, list[SpokenUnit]]] = []
    for index in pending:
        units, key, cached = _plan(engine, articles[index], cache)
        if cached is not None:
            writer.write(index, cached, cached=True)
        else:
            work.append((index, key, units))

    def store(index: int, key: str, synthesis: Synthesis) -> None:
        if cache is not None:
            cache.put(key, synthesis)
        writer.write(index, synthesis, cached=False)

    if jobs <= 1 or len(work) <= 1:
        for index, key, units in work:
            store(index, key, engine.synthesize(units))
        return
    # Longest first, so the last article to finish is a short one.
    work.sort(key=lambda item: -sum(len(u.speech) for u in item[2]))
    pool = run.workers(jobs)
    futures = {pool.submit(synthesize_offline, options, units): (index, key) for index, key, units in work}
    try:
        for future in as_completed(futures):
            index, key = futures[future]
            store(index, key, future.result())
    except BrokenProcessPool as exc:
        run.close()
        raise SpeechWorkerError("an offline speech process stopped unexpectedly (out of memory?); "
                                "try fewer jobs") from exc
    except BaseException:
        for future in futures:
            future.cancel()
        raise


@dataclass
class _IssueWriter:
    """Writes each article's files as it is ready, then the playlist, then removes stale files."""

    issue: Issue
    folder: Path
    progress: Progress | None
    cover: bytes | None = None
    written: dict[int, ArticleAudio] = field(default_factory=dict)
    _previous: list[str] = field(default_factory=list)

    def _names(self) -> list[str]:
        total = len(self.issue.articles)
        names = [PLAYLIST_NAME]
        for number, article in enumerate(self.issue.articles, start=1):
            stem = article_file_stem(number, total, article.headline.title)
            names += [stem + ".mp3", stem + ".srt"]
        return names

    def begin(self) -> None:
        """Record the files about to be written beside the last run's before writing any,
        so a run that stops half-way still leaves every file it made listed for removal."""
        self._previous = _read_manifest(self.folder)
        _write_manifest(self.folder, sorted(set(self._previous) | set(self._names())))

    def write(self, index: int, synthesis: Synthesis, *, cached: bool) -> None:
        issue = self.issue
        article = issue.articles[index]
        total = len(issue.articles)
        stem = article_file_stem(index + 1, total, article.headline.title)
        mp3_path = self.folder / f"{stem}.mp3"
        srt_path = self.folder / f"{stem}.srt"
        tag = id3_tag(
            title=article.headline.label, album=album_title(issue),
            artist=issue.newspaper or _voice_credit(synthesis), track=index + 1, tracks=total,
            date=issue.date, publisher=issue.publisher, album_artist=issue.newspaper, cover=self.cover,
        )
        atomic_write_if_changed(mp3_path, tag + synthesis.mp3)  # an unchanged article's files keep their time stamps
        atomic_write_if_changed(srt_path, srt_text(_subtitle_cues(article, synthesis)).encode("utf-8"))
        audio = ArticleAudio(mp3_path, srt_path, article.headline.label, synthesis.duration, synthesis.engine,
                             synthesis.voice, cached, list(synthesis.timings))
        self.written[index] = audio
        if self.progress is not None:
            self.progress(audio)

    def finish(self) -> list[ArticleAudio]:
        audios = [self.written[i] for i in range(len(self.issue.articles))]
        entries = [(a.path.name, a.duration, a.title) for a in audios]
        atomic_write_if_changed(self.folder / PLAYLIST_NAME, m3u8_text(self.issue.title, entries).encode("utf-8"))
        current = self._names()
        for name in set(self._previous) - set(current):
            _remove_own_file(self.folder, name)
        _write_manifest(self.folder, sorted(current))  # as begin() wrote it: unchanged, left untouched
        return audios


def _subtitle_cues(article: Article, synthesis: Synthesis) -> list[tuple[float, float, str]]:
    """The article's subtitles, cut at clauses inside each unit's spoken time.

    A unit's time takes in the silence after it (and the first one the
    lead-in); the cues keep to the speech.  The online voice reads a block in
    one go, so only the last unit of a block is followed by our own pause.
    """
    units = reading_units(article)
    by_anchor = {u.anchor: (u, following) for u, following in zip(units, [*units[1:], None], strict=True)}
    cues: list[tuple[float, float, str]] = []
    for position, (anchor, start, end) in enumerate(synthesis.timings):
        if anchor not in by_anchor:
            continue
        unit, following = by_anchor[anchor]
        pause = pause_after(unit, following)
        if synthesis.engine != "espeak" and following is not None and following.block == unit.block:
            pause = 0.0
        speech_start = start + (LEAD_IN_S if position == 0 else 0.0)
        speech_end = max(speech_start + 0.1, end - pause)
        cues += unit_cues(unit.text, speech_start, min(speech_end, end))
    return cues


def _voice_credit(synthesis: Synthesis) -> str:
    return f"{synthesis.voice} ({synthesis.engine})"


def _read_manifest(folder: Path) -> list[str]:
    try:
        names = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8")).get("files", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [n for n in names if isinstance(n, str)]


def _write_manifest(folder: Path, names: list[str]) -> None:
    text = json.dumps({"files": names}, ensure_ascii=False, indent=1) + "\n"
    atomic_write_if_changed(folder / MANIFEST_NAME, text.encode())


def _remove_own_file(folder: Path, name: str) -> None:
    """Remove a file an earlier run wrote here: a plain name inside the folder, a regular file only."""
    if not name or name != Path(name).name or name.startswith("."):
        return
    path = folder / name
    try:
        if path.is_file() and not path.is_symlink():
            path.unlink()
    except OSError as exc:
        raise OutputError(f"{path}: cannot remove the file of an earlier run ({exc.strerror})") from exc
