"""EPUB 3 Media Overlays: the SMIL document that lets a reading system play an
article's narration while it highlights each sentence.

One ``<par>`` per reading unit (see converter.sentences.ReadingUnit), in
reading order, pointing at the element whose id is the unit's anchor and at
the stretch of the article's MP3 in which that unit is spoken.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from xml.sax.saxutils import quoteattr

from ebooklib import epub

from converter.epub.metadata import accessibility_summary
from converter.epub.package import AssembledBook
from converter.timecode import clock_parts

ACTIVE_CLASS = "-epub-media-overlay-active"


@dataclass(frozen=True)
class Clip:
    """Where one reading unit is spoken: ``anchor`` from ReadingUnit, seconds in the MP3."""

    anchor: str
    start: float
    end: float


def clock_value(seconds: float) -> str:
    """SMIL clock value with millisecond precision.

    >>> clock_value(3723.4567)
    '1:02:03.457'
    """
    hours, minutes, secs, millis = clock_parts(seconds)
    return f"{hours}:{minutes:02d}:{secs:02d}.{millis:03d}"


def check_clips(clips: Sequence[Clip], duration: float) -> None:
    """Refuse timings a reading system would choke on: out of order, overlapping, past the end."""
    previous_end = 0.0
    for clip in clips:
        if not (previous_end - 1e-3 <= clip.start < clip.end <= duration + 1e-3):
            raise ValueError(f"clip {clip.anchor} {clip.start:.3f}-{clip.end:.3f} "
                             f"is out of order or outside 0-{duration:.3f}")
        previous_end = clip.end


def smil_document(text_href: str, audio_href: str, clips: Sequence[Clip], duration: float) -> str:
    """The SMIL 3.0 document for one article.

    ``text_href`` and ``audio_href`` are relative to the SMIL file.
    """
    check_clips(clips, duration)
    pars = "\n".join(
        f'      <par id="par-{clip.anchor}">\n'
        f"        <text src={quoteattr(text_href + '#' + clip.anchor)}/>\n"
        f"        <audio src={quoteattr(audio_href)} clipBegin=\"{clock_value(clip.start)}\""
        f' clipEnd="{clock_value(min(clip.end, duration))}"/>\n'
        f"      </par>"
        for clip in clips
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">\n'
        "  <body>\n"
        f"    <seq id=\"seq-body\" epub:textref={quoteattr(text_href)} epub:type=\"bodymatter chapter\">\n"
        f"{pars}\n"
        "    </seq>\n"
        "  </body>\n"
        "</smil>\n"
    )


class Narration(Protocol):
    """What the read-along book needs of an article's audio (converter.audio.ArticleAudio has it)."""

    path: Path
    duration: float
    engine: str  # "edge" or "espeak"
    voice: str
    timings: list[tuple[str, float, float]]  # (reading-unit anchor, start s, end s)


def narrator_name(engine: str, voice: str) -> str:
    """A listener-facing name for the voice that reads the book.

    >>> narrator_name("edge", "zh-CN-XiaoxiaoNeural")
    'Xiaoxiao (Microsoft Edge neural voice zh-CN-XiaoxiaoNeural)'
    >>> narrator_name("espeak", "cmn")
    'eSpeak NG (cmn)'
    """
    if engine == "edge":
        short = voice.rsplit("-", 1)[-1].removesuffix("Neural") or voice
        return f"{short} (Microsoft Edge neural voice {voice})"
    return f"eSpeak NG ({voice})"


def add_read_along(assembled: AssembledBook, narration: Sequence[Narration]) -> None:
    """Put each article's MP3 and its SMIL overlay into the book, with the
    media metadata and the accessibility claims that come with them."""
    documents = assembled.article_documents
    if len(narration) != len(documents):
        raise ValueError(f"{len(narration)} narrations for {len(documents)} articles")
    book = assembled.book
    total = 0.0
    for number, (document, audio) in enumerate(zip(documents, narration), start=1):
        audio_href = f"audio/{Path(document.file_name).stem}.mp3"
        smil_href = f"{Path(document.file_name).stem}.smil"
        book.add_item(
            epub.EpubItem(uid=f"audio-{number:03d}", file_name=audio_href, media_type="audio/mpeg",
                          content=Path(audio.path).read_bytes())
        )
        clips = [Clip(anchor, start, end) for anchor, start, end in audio.timings]
        overlay_id = f"overlay-{number:03d}"
        book.add_item(
            epub.EpubSMIL(uid=overlay_id, file_name=smil_href,
                          content=smil_document(document.file_name, audio_href, clips, audio.duration).encode("utf-8"))
        )
        document.media_overlay = overlay_id
        # media:duration must match what the SMIL says, so both use the millisecond clock
        book.add_metadata(None, "meta", clock_value(audio.duration),
                          {"property": "media:duration", "refines": f"#{overlay_id}"})
        total += round(audio.duration, 3)
    book.add_metadata(None, "meta", clock_value(total), {"property": "media:duration"})
    book.add_metadata(None, "meta", ACTIVE_CLASS, {"property": "media:active-class"})
    for engine, voice in dict.fromkeys((a.engine, a.voice) for a in narration):
        book.add_metadata(None, "meta", narrator_name(engine, voice), {"property": "media:narrator"})

    claims = assembled.accessibility
    claims.access_modes.append("auditory")
    claims.access_modes_sufficient.append("auditory")
    claims.features.append("synchronizedAudioText")
    claims.summary = accessibility_summary(claims.ruby_style, read_along=True)
