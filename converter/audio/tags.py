"""ID3v2.4 tags for the MP3s, built in memory and put in front of the audio.

Players group tracks by album and album artist: the album names the issue
("兴县报 2020年2月12日"), the album artist the newspaper, so the issues of one
paper sit side by side and never merge.  The whole-issue file carries its
chapters (CHAP frames and a CTOC table, ID3v2 Chapter Frame Addendum).
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from mutagen.id3 import (
    APIC,
    CHAP,
    CTOC,
    ID3,
    TALB,
    TCON,
    TDRC,
    TIT2,
    TLAN,
    TPE1,
    TPE2,
    TPUB,
    TRCK,
    CTOCFlags,
    PictureType,
)

from converter.errors import InputError
from converter.model import Issue, chinese_date

_NO_OFFSET = 0xFFFFFFFF  # CHAP byte offsets unused: players seek by time


@dataclass(frozen=True)
class Chapter:
    title: str
    start: float  # seconds
    end: float


def album_title(issue: Issue) -> str:
    """"报名 日期" when both are known, else the issue's own title (never shared by two issues).

    >>> album_title(Issue("兴县报 2020年2月12日 第1234期", [], newspaper="兴县报", date=_dt.date(2020, 2, 12)))
    '兴县报 2020年2月12日'
    >>> album_title(Issue("兴县报 第1234期", [], newspaper="兴县报"))
    '兴县报 第1234期'
    """
    if issue.newspaper and issue.date:
        return f"{issue.newspaper} {chinese_date(issue.date)}"
    return issue.title


def cover_mime(image: bytes) -> str:
    """The MIME type of a cover image: PNG or JPEG, the two every player shows.

    >>> cover_mime(bytes.fromhex("89504e470d0a1a0a") + bytes(8))
    'image/png'
    """
    if image.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if image.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    raise InputError("the cover image is neither PNG nor JPEG")


def id3_tag(*, title: str, album: str, artist: str, track: int, tracks: int,
            date: _dt.date | None, publisher: str | None = None, album_artist: str | None = None,
            cover: bytes | None = None, chapters: Sequence[Chapter] = ()) -> bytes:
    """The tag bytes: title, album (the issue), artist, album artist, track n/N, date,
    language chi, the cover (APIC) and chapters when given."""
    tag = ID3()
    tag.add(TIT2(encoding=3, text=title))
    tag.add(TALB(encoding=3, text=album))
    tag.add(TPE1(encoding=3, text=artist))
    if album_artist:
        tag.add(TPE2(encoding=3, text=album_artist))
    tag.add(TRCK(encoding=3, text=f"{track}/{tracks}"))
    tag.add(TLAN(encoding=3, text="chi"))
    tag.add(TCON(encoding=3, text="Speech"))
    if date is not None:
        tag.add(TDRC(encoding=3, text=date.isoformat()))
    if publisher:
        tag.add(TPUB(encoding=3, text=publisher))
    if cover:
        tag.add(APIC(encoding=3, mime=cover_mime(cover), type=PictureType.COVER_FRONT, desc="cover", data=cover))
    if chapters:
        ids = [f"chp{number}" for number in range(len(chapters))]
        tag.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                     sub_frames=[TIT2(encoding=3, text=album)]))
        for element_id, chapter in zip(ids, chapters, strict=True):
            tag.add(CHAP(element_id=element_id, start_time=round(chapter.start * 1000),
                         end_time=round(chapter.end * 1000), start_offset=_NO_OFFSET, end_offset=_NO_OFFSET,
                         sub_frames=[TIT2(encoding=3, text=chapter.title)]))
    buffer = io.BytesIO()
    tag.save(buffer, v2_version=4, padding=lambda _info: 0)
    return buffer.getvalue()
