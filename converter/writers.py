"""Every output format behind one interface, found in one table (as pandoc's writers are).

An issue writer takes the model (an ``Issue``) and the job of the issue (the
options, where to write, what earlier writers made) and returns the files it
wrote, each with its SHA-256 and its kind; the run calls the enabled ones in
the table's order and the manifest records what they returned.  A run writer
makes a file of the whole output folder from the issues' manifests.  A text
writer gives the issue as text (``converter parse --format``).

The writers are thin adapters over the packages that do the work (epub/,
audio/, web/, feed.py, markdown.py): a package renamed or split changes its
adapter here and nothing else.  A new format is one function and one entry.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from converter.atomic import file_sha256
from converter.config import Settings
from converter.lock import audio_cache_dir
from converter.manifest import ArticleAudioRecord, ChapterRecord, IssueAudioRecord
from converter.model import Issue, issue_to_dict

if TYPE_CHECKING:
    from converter.audio.engines import AudioOptions
    from converter.audio.issue_file import IssueFile
    from converter.audio.narration import ArticleAudio, NarrationRun

FileKind = Literal[
    "article-audio", "subtitles", "playlist", "issue-audio", "epub", "web-page", "feed", "archive"
]
ArticleDone = Callable[[int, int, float], None]  # (issue articles, done, audio seconds)


@dataclass(frozen=True)
class WrittenFile:
    """A file a writer wrote: where, its bytes' SHA-256 and size, and what it is."""

    path: Path
    sha256: str
    size: int
    kind: FileKind


def written(path: Path, kind: FileKind) -> WrittenFile:
    """The account of a file just written (read back for its hash: writers write atomically, then return)."""
    return WrittenFile(path, file_sha256(path), path.stat().st_size, kind)


@dataclass
class IssueJob:
    """What the writers of one issue share: the options, where they write, and what earlier writers made
    (the book and the web pages play the narration the audio writer made)."""

    name: str  # the issue's folder name
    out_dir: Path
    out_root: Path  # the output folder, where the audio cache is
    settings: Settings
    audio: AudioOptions | None = None  # the voice settings, checked; None without audio
    narration_run: NarrationRun | None = None  # the online voice's state and offline workers, kept across issues
    audio_jobs: int = 1
    on_article: ArticleDone | None = None
    cover: bytes | None = None  # the issue's cover as PNG, for the MP3 tags
    narration: list[ArticleAudio] | None = None  # one per article, in issue order
    issue_file: IssueFile | None = None


@dataclass(frozen=True)
class IssueWriter:
    name: str
    enabled: Callable[[Settings], bool]
    write: Callable[[Issue, IssueJob], list[WrittenFile]]


@dataclass(frozen=True)
class RunWriter:
    name: str  # also the name its failure is reported under
    enabled: Callable[[Settings], bool]
    write: Callable[[Path, Settings], list[WrittenFile]]


# ---------------------------------------------------------------- audio/


def new_narration_run(notice: Callable[[str], None]) -> NarrationRun:
    """The state the issues of one run share in their narration (``notice`` hears the voice's troubles)."""
    from converter.audio.narration import NarrationRun

    return NarrationRun(notice=notice)


def audio_cache_keys(issue: Issue, options: AudioOptions) -> list[str]:
    """The cache keys of everything the issue's audio is made of: each article, the issue file's intro and 第N篇."""
    from converter.audio.issue_file import announcement_keys
    from converter.audio.narration import cache_keys

    return cache_keys(issue, options) + announcement_keys(issue, options)


def write_article_audio(issue: Issue, job: IssueJob) -> list[WrittenFile]:
    """An MP3 and subtitles per article and the issue's playlist, in ``audio/``."""
    from converter.audio.narration import PLAYLIST_NAME, write_issue_audio
    from converter.cover import cover_png

    assert job.audio is not None, "the audio writer runs with audio options"
    job.cover = cover_png(issue)  # the EPUB's cover, drawn as PNG (None without a Chinese font)
    total, done = len(issue.articles), 0

    def progress(article_audio: ArticleAudio) -> None:
        nonlocal done
        done += 1
        if job.on_article:
            job.on_article(total, done, article_audio.duration)

    job.narration = write_issue_audio(
        issue, job.out_dir / "audio", job.audio, cache_dir=audio_cache_dir(job.out_root), jobs=job.audio_jobs,
        progress=progress, run=job.narration_run, cover=job.cover,
    )
    files: list[WrittenFile] = []
    for item in job.narration:
        files += [written(item.path, "article-audio"), written(item.srt_path, "subtitles")]
    return [*files, written(job.out_dir / "audio" / PLAYLIST_NAME, "playlist")]


def write_issue_mp3(issue: Issue, job: IssueJob) -> list[WrittenFile]:
    """The whole issue as one chaptered MP3, read in the voice most of its articles have."""
    from converter.audio.issue_file import write_issue_file

    assert job.audio is not None and job.narration is not None, "the issue MP3 is made of the articles' audio"
    engine = Counter(item.engine for item in job.narration).most_common(1)[0][0]
    notice = job.narration_run.say if job.narration_run is not None else None
    job.issue_file = write_issue_file(
        issue, [item.path for item in job.narration], job.out_dir / f"{job.name}.mp3", job.audio,
        engine_name=engine, cache_dir=audio_cache_dir(job.out_root), cover=job.cover, notice=notice,
    )
    return [written(job.issue_file.path, "issue-audio")]


def article_audio_records(issue: Issue, job: IssueJob) -> list[ArticleAudioRecord | None]:
    """What the manifest says of each article's audio (None for each without)."""
    if job.narration is None:
        return [None] * len(issue.articles)
    return [
        {
            "file": str(item.path.relative_to(job.out_dir)),
            "duration": round(item.duration, 3),
            "engine": item.engine,
            "voice": item.voice,
            "from_cache": item.from_cache,
        }
        for item in job.narration
    ]


def issue_audio_record(job: IssueJob) -> IssueAudioRecord | None:
    """What the manifest says of the issue's MP3 (the feed lists it from there)."""
    made = job.issue_file
    if made is None:
        return None
    chapters: list[ChapterRecord] = [
        {"title": c.title, "start": round(c.start, 3), "end": round(c.end, 3)} for c in made.chapters
    ]
    return {"file": made.path.name, "duration": round(made.duration, 3), "chapters": chapters}


# ---------------------------------------------------------------- epub/, web/


def write_book(issue: Issue, job: IssueJob) -> list[WrittenFile]:
    """The EPUB 3 book; a read-along book (media overlays) with ``read_along`` and audio."""
    from converter.epub import build_epub

    narration = job.narration if job.settings.read_along else None
    path = build_epub(issue, job.out_dir / f"{job.name}.epub", pinyin_style=job.settings.pinyin, narration=narration)
    return [written(path, "epub")]


def write_web_pages(issue: Issue, job: IssueJob) -> list[WrittenFile]:
    """The issue's pages of the web edition: its list of articles and a page per article."""
    from converter.web import write_issue_site

    pages = write_issue_site(issue, job.out_dir, narration=job.narration, pinyin_style=job.settings.pinyin)
    return [written(path, "web-page") for path in pages]


def write_podcast_feed(out_root: Path, settings: Settings) -> list[WrittenFile]:
    """OUTDIR/feed.xml from every issue's MP3 (none when no issue has one)."""
    from converter.feed import write_feed

    path = write_feed(out_root, title=settings.newspaper, base_url=settings.base_url)
    return [written(path, "feed")] if path is not None else []


def write_web_archive(out_root: Path, settings: Settings) -> list[WrittenFile]:
    """OUTDIR/index.html, every issue's line from its manifest, this run's and earlier ones."""
    from converter.web import write_archive_index

    return [written(write_archive_index(out_root), "archive")]


# ---------------------------------------------------------------- text


def issue_markdown(issue: Issue) -> str:
    """The review file an editor corrects (read back by converter/review.py)."""
    from converter.markdown import issue_to_markdown

    return issue_to_markdown(issue)


def issue_json(issue: Issue) -> str:
    return json.dumps(issue_to_dict(issue), ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- the tables

# In the order they run: the issue MP3, the book and the web pages use the narration the audio writer made.
ISSUE_WRITERS: tuple[IssueWriter, ...] = (
    IssueWriter("audio", lambda settings: settings.audio, write_article_audio),
    IssueWriter("issue-audio", lambda settings: settings.audio, write_issue_mp3),
    IssueWriter("epub", lambda settings: True, write_book),
    IssueWriter("web", lambda settings: settings.web, write_web_pages),
)
# After the issues, from every issue's manifest; the feed first, as the archive page links it when it exists.
RUN_WRITERS: tuple[RunWriter, ...] = (
    RunWriter("feed.xml", lambda settings: settings.audio, write_podcast_feed),
    RunWriter("index.html", lambda settings: settings.web, write_web_archive),
)
TEXT_WRITERS: dict[str, Callable[[Issue], str]] = {"markdown": issue_markdown, "json": issue_json}


def issue_writers(settings: Settings) -> list[IssueWriter]:
    return [writer for writer in ISSUE_WRITERS if writer.enabled(settings)]


def run_writers(settings: Settings) -> list[RunWriter]:
    return [writer for writer in RUN_WRITERS if writer.enabled(settings)]
