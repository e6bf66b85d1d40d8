"""ID3v2.4 tags for an article's MP3, built in memory and put in front of the audio."""

from __future__ import annotations

import datetime as _dt
import io

from mutagen.id3 import ID3, TALB, TCON, TDRC, TIT2, TLAN, TPE1, TPUB, TRCK


def id3_tag(*, title: str, album: str, artist: str, track: int, tracks: int,
            date: _dt.date | None, publisher: str | None = None) -> bytes:
    """The tag bytes: title, album (the issue), artist, track n/N, date, language chi."""
    tag = ID3()
    tag.add(TIT2(encoding=3, text=title))
    tag.add(TALB(encoding=3, text=album))
    tag.add(TPE1(encoding=3, text=artist))
    tag.add(TRCK(encoding=3, text=f"{track}/{tracks}"))
    tag.add(TLAN(encoding=3, text="chi"))
    tag.add(TCON(encoding=3, text="Speech"))
    if date is not None:
        tag.add(TDRC(encoding=3, text=date.isoformat()))
    if publisher:
        tag.add(TPUB(encoding=3, text=publisher))
    buffer = io.BytesIO()
    tag.save(buffer, v2_version=4, padding=lambda _info: 0)
    return buffer.getvalue()
