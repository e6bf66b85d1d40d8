"""The whole issue as one MP3 with chapters, for one-file listening and podcast apps.

An intro says which paper, which day and how many articles; each article
follows, announced by its number (第3篇), as a chapter titled by its
headline.  The articles' own MP3s are joined frame by frame (each is a
self-contained constant-bitrate stream, already levelled), so making the
file costs no second encoding; only the short intro and announcements are
synthesised, by the voice that read the articles, and cached like them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from converter.atomic import atomic_write_if_changed
from converter.audio.cache import AudioCache, cache_key
from converter.audio.edge import EdgeEngine, EdgeUnavailable
from converter.audio.encode import decoded_mp3, encode_mp3, mp3_duration, mp3_frames
from converter.audio.engines import AudioOptions, SpeechEngine, Synthesis
from converter.audio.espeak import EspeakEngine
from converter.audio.speech_text import SpokenUnit
from converter.audio.tags import Chapter, album_title, id3_tag
from converter.model import Issue, chinese_date
from converter.speech.polyphones import spell_polyphones
from converter.speech.spoken import numbers_to_words

INTRO_CHAPTER = "本期导读"
PAUSE_AFTER_INTRO = 0.3
PAUSE_AFTER_ANNOUNCEMENT = 0.1  # the article's own lead-in follows


@dataclass(frozen=True)
class IssueFile:
    """The whole-issue MP3 as written: its chapters in seconds of the file."""

    path: Path
    duration: float
    chapters: list[Chapter]


def intro_text(issue: Issue) -> str:
    """What the listener hears first: the paper, the date, the number, how many articles.

    >>> import datetime as dt
    >>> intro_text(Issue("兴县报", [None] * 7, newspaper="兴县报", date=dt.date(2020, 2, 12), number="第1234期"))
    '兴县报，2020年2月12日，第1234期。本期共7篇文章。'
    >>> intro_text(Issue("兴县报 第1234期", [None] * 2))
    '兴县报 第1234期。本期共2篇文章。'
    """
    parts = [p for p in (issue.newspaper, chinese_date(issue.date) if issue.date else None, issue.number) if p]
    heading = "，".join(parts) if issue.newspaper or issue.date else issue.title
    return f"{heading}。本期共{len(issue.articles)}篇文章。"


def announcement_text(number: int) -> str:
    """What is heard before article ``number`` in the issue file.

    >>> announcement_text(3)
    '第3篇。'
    """
    return f"第{number}篇。"


def write_issue_file(
    issue: Issue,
    article_mp3s: Sequence[Path],
    path: Path,
    options: AudioOptions,
    *,
    engine_name: str,
    cache_dir: Path | None = None,
    cover: bytes | None = None,
    notice: Callable[[str], None] | None = None,
) -> IssueFile:
    """Write ``path``: intro, then each article announced, with chapters and tags.

    ``engine_name`` is the voice that read the articles ("edge" or
    "espeak"); the intro falls back to the offline voice when the online
    one cannot be reached (``notice`` hears it).
    """
    if len(article_mp3s) != len(issue.articles):
        raise ValueError(f"{len(article_mp3s)} MP3s for {len(issue.articles)} articles")
    cache = AudioCache(cache_dir) if cache_dir is not None else None
    spoken = _Announcer(options, engine_name, cache, notice)
    parts = [spoken.say("intro", intro_text(issue), PAUSE_AFTER_INTRO).mp3]
    for number, mp3_path in enumerate(article_mp3s, start=1):
        parts.append(spoken.say(f"article-{number}", announcement_text(number), PAUSE_AFTER_ANNOUNCEMENT).mp3)
        parts.append(_frames_only(Path(mp3_path).read_bytes()))
    parts = _in_one_format(parts)
    lengths = [mp3_duration(part) for part in parts]
    chapters = [Chapter(INTRO_CHAPTER, 0.0, lengths[0])]
    for number, article in enumerate(issue.articles):
        start = chapters[-1].end
        end = start + lengths[1 + 2 * number] + lengths[2 + 2 * number]  # the 第N篇 clip, then the article
        chapters.append(Chapter(article.headline.label, start, end))
    audio = b"".join(parts)
    duration = chapters[-1].end
    album = album_title(issue)
    tag = id3_tag(title=album, album=album, artist=issue.newspaper or album, track=1, tracks=1,
                  date=issue.date, publisher=issue.publisher, album_artist=issue.newspaper,
                  cover=cover, chapters=chapters)
    atomic_write_if_changed(path, tag + audio)  # an unchanged issue keeps its time stamp
    return IssueFile(Path(path), duration, chapters)


def announcement_keys(issue: Issue, options: AudioOptions) -> list[str]:
    """The cache keys of the issue file's intro and 第N篇, for every voice ``options`` may read them with."""
    names = [name for name in ("edge", "espeak") if options.engine in ("auto", name)]
    phrases = [("intro", intro_text(issue), PAUSE_AFTER_INTRO)] + [
        (f"article-{n}", announcement_text(n), PAUSE_AFTER_ANNOUNCEMENT) for n in range(1, len(issue.articles) + 1)
    ]
    keys = []
    for name in names:
        announcer = _Announcer(options, name, None, None)
        keys += [announcer.key(anchor, text, pause)[1] for anchor, text, pause in phrases]
    return keys


class _Announcer:
    """Short phrases read by the articles' voice, cached by text and voice."""

    def __init__(self, options: AudioOptions, engine_name: str, cache: AudioCache | None,
                 notice: Callable[[str], None] | None) -> None:
        self.options = options
        self.engine: SpeechEngine = EdgeEngine(options) if engine_name == "edge" else EspeakEngine(options)
        self.cache = cache
        self.notice = notice

    def key(self, anchor: str, text: str, pause: float) -> tuple[list[SpokenUnit], str]:
        units = self._units(anchor, text, pause)
        return units, cache_key(units, self.engine.identity())

    def say(self, anchor: str, text: str, pause: float) -> Synthesis:
        units, key = self.key(anchor, text, pause)
        cached = self.cache.get(key) if self.cache is not None else None
        if cached is not None:
            return cached
        try:
            synthesis = self.engine.synthesize(units)
        except EdgeUnavailable as exc:
            if self.options.engine == "edge":
                raise
            if self.notice is not None:
                self.notice(f"{exc}: the issue's intro is read with the offline voice")
            self.engine = EspeakEngine(self.options)
            return self.say(anchor, text, pause)
        if self.cache is not None:
            self.cache.put(key, synthesis)
        return synthesis

    def _units(self, anchor: str, text: str, pause: float) -> list[SpokenUnit]:
        speech = numbers_to_words(text)  # the same words for both voices, as for the articles
        if self.engine.polyphones_in_pinyin:
            speech = spell_polyphones([speech])[0]
        return [SpokenUnit(anchor, text, speech, pause, 0)]


def _frames_only(data: bytes) -> bytes:
    """An MP3 file's audio frames, its tag left out."""
    first = next(mp3_frames(data), None)
    return data[first[0]:] if first is not None else b""


def _stream_format(data: bytes) -> tuple[int, int]:
    """(sample rate, bit rate in kbit/s) of a constant-bitrate stream, from its first frame."""
    offset, length, samples, rate = next(mp3_frames(data))
    return rate, round(length * 8 * rate / samples / 1000)


def _in_one_format(parts: Sequence[bytes]) -> list[bytes]:
    """The parts, each in the first part's format, ready to be joined as they are.

    Each part begins without a bit reservoir, so a decoder plays across the
    seams; a part from the other voice (its sample rate differs) is decoded
    and encoded again.
    """
    rate, bitrate = _stream_format(parts[0])
    return [part if not part or _stream_format(part) == (rate, bitrate)
            else encode_mp3(decoded_mp3(part, rate).tobytes(), rate, bitrate) for part in parts]
