"""Text companions of the MP3s: an SRT per article, an M3U8 playlist per issue."""

from __future__ import annotations

from collections.abc import Sequence

from converter.timecode import clock_parts


def srt_time(seconds: float) -> str:
    """An SRT timestamp.

    >>> srt_time(3723.4567)
    '01:02:03,457'
    """
    hours, minutes, secs, millis = clock_parts(seconds)
    return f"{hours:02d}:{minutes:02d}:{secs:02d},{millis:03d}"


def srt_text(cues: Sequence[tuple[float, float, str]]) -> str:
    """SubRip cues, numbered from 1; cues without text are left out.

    >>> print(srt_text([(0.0, 1.5, "走进一线")]))
    1
    00:00:00,000 --> 00:00:01,500
    走进一线
    <BLANKLINE>
    """
    blocks = []
    for start, end, text in cues:
        line = " ".join(text.split())
        if line:
            blocks.append(f"{len(blocks) + 1}\n{srt_time(start)} --> {srt_time(end)}\n{line}\n")
    return "\n".join(blocks)


def m3u8_text(title: str, entries: Sequence[tuple[str, float, str]]) -> str:
    """An extended M3U playlist (UTF-8) of (file name, duration s, title) entries.

    >>> print(m3u8_text("兴县报", [("01-会议.mp3", 61.4, "会议")]), end="")
    #EXTM3U
    #PLAYLIST:兴县报
    #EXTINF:61,会议
    01-会议.mp3
    """
    lines = ["#EXTM3U", f"#PLAYLIST:{_one_line(title)}"]
    for name, duration, entry_title in entries:
        lines += [f"#EXTINF:{round(duration)},{_one_line(entry_title)}", name]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
