"""Text companions of the MP3s: an SRT per article, an M3U8 playlist per issue.

Subtitles are cut for reading along on a phone: at clause breaks (，、；：
and sentence ends), at most two lines of 16 characters and 7 seconds a cue.
Their times come from the reading units' own (the same the read-along book
uses), shared out inside a unit by spoken characters.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from converter.text import CLAUSE_BREAKS, CLOSING, SENTENCE_ENDS
from converter.timecode import clock_parts

LINE_CHARS = 16
CUE_LINES = 2
CUE_SECONDS = 7.0
_CLAUSE_END = re.compile(f"[{CLAUSE_BREAKS}{SENTENCE_ENDS};—]+[{CLOSING}\\]]*")
# Inside a run of these a line is never cut: 2020, COVID-19, 3.5%, 18:00.
_UNBREAKABLE = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.:%％\-/]{2,}")


def clauses(text: str) -> list[str]:
    """``text`` cut after each clause mark (closing quotes stay with it); ``"".join`` gives it back.

    >>> clauses("会议强调，当前疫情防控仍处于关键期、考验期。")
    ['会议强调，', '当前疫情防控仍处于关键期、', '考验期。']
    """
    pieces, start = [], 0
    for match in _CLAUSE_END.finditer(text):
        if match.end() > start and text[start : match.end()].strip():
            pieces.append(text[start : match.end()])
            start = match.end()
    if text[start:].strip():
        pieces.append(text[start:])
    elif pieces:
        pieces[-1] += text[start:]
    return pieces


def split_evenly(text: str, parts: int) -> list[str]:
    """``text`` in ``parts`` pieces of about equal length, never inside a number or a Latin word.

    >>> split_evenly("截至2月11日全县民营企业和非公经济人士已向指定账户捐款240.75万元", 3)
    ['截至2月11日全县民营企业', '和非公经济人士已向', '指定账户捐款240.75万元']
    """
    if parts <= 1 or len(text) <= 1:
        return [text]
    allowed = _allowed_cuts(text)
    cuts: list[int] = []
    for n in range(1, parts):
        target = round(len(text) * n / parts)
        candidates = [i for i in allowed if i > (cuts[-1] if cuts else 0)]
        if candidates:
            cuts.append(
                min(candidates, key=lambda i: (abs(i - target) + _WORD_CUT_COST * (not _soft_break(text, i)), i))
            )
    bounds = [0, *sorted(set(cuts)), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if text[a:b]]


# Without a segmenter, a cut next to a function word is most likely between words:
# after 的/了/等…, before 和/与/在…; such a cut is worth moving a few characters for.
_BREAK_AFTER = frozenset("的了着过地得等和与及并在对把将为向从到是、")
_BREAK_BEFORE = frozenset("和与及并在对把将为向从到是")
_WORD_CUT_COST = 3


def _soft_break(text: str, index: int) -> bool:
    """Whether cutting ``text`` before ``index`` is probably between two words.

    >>> _soft_break("领导小组的电视电话会", 5), _soft_break("领导小组的电视电话会", 3)
    (True, False)
    """
    return text[index - 1] in _BREAK_AFTER or text[index] in _BREAK_BEFORE


def _allowed_cuts(text: str) -> list[int]:
    """Indexes ``text`` may be cut before: anywhere but inside a number or a Latin word."""
    protected = [range(m.start() + 1, m.end()) for m in _UNBREAKABLE.finditer(text)]
    return [i for i in range(1, len(text)) if not any(i in span for span in protected)]


def _spoken(text: str) -> int:
    return max(1, sum(1 for ch in text if ch.isalnum()))


def unit_cues(text: str, start: float, end: float) -> list[tuple[float, float, str]]:
    """One reading unit's cues: (start s, end s, one or two lines), ``start``–``end`` being when it is spoken.

    Clauses are packed into cues while a cue stays within two lines and
    seven seconds; a clause too long for one cue is cut evenly.  Time is
    shared out by spoken characters (letters, digits, Han).
    """
    text = " ".join(text.split())
    if not text:
        return []
    per_char = (end - start) / _spoken(text)
    capacity = LINE_CHARS * CUE_LINES
    fits = max(1, math.floor(CUE_SECONDS / per_char)) if per_char > 0 else capacity
    pieces: list[str] = []
    for clause in clauses(text):
        pieces += _fitting_pieces(clause, capacity, fits)
    cues: list[str] = []
    for piece in pieces:
        joined = cues[-1] + piece if cues else ""
        if cues and len(joined) <= capacity and _spoken(joined) <= fits and _lines(joined) is not None:
            cues[-1] = joined
        else:
            cues.append(piece)
    timed, at = [], start
    for cue in cues:
        length = per_char * _spoken(cue)
        timed.append((round(at, 3), round(min(at + length, at + CUE_SECONDS), 3), "\n".join(_lines(cue) or [cue])))
        at += length
    return timed


def _fitting_pieces(clause: str, capacity: int, fits: int) -> list[str]:
    """The clause in as few even pieces as each fit one cue (two lines, ``fits`` spoken characters)."""
    parts = max(math.ceil(len(clause) / capacity), math.ceil(_spoken(clause) / fits))
    while True:
        pieces = split_evenly(clause, parts)
        if parts >= len(clause) or all(_spoken(p) <= fits and _lines(p) is not None for p in pieces):
            return pieces
        parts += 1


def _lines(cue: str) -> list[str] | None:
    """The cue on one line, or two lines broken at a clause mark nearest the middle,
    else evenly; None when it cannot be set in two lines of ``LINE_CHARS``.

    >>> _lines("当前疫情防控仍处于关键期、考验期，全市上下要认真学习")
    ['当前疫情防控仍处于关键期、', '考验期，全市上下要认真学习']
    """
    cue = cue.strip()
    if len(cue) <= LINE_CHARS:
        return [cue]
    marks = [m.end() for m in _CLAUSE_END.finditer(cue) if m.end() < len(cue)]
    fitting = [i for i in marks if i <= LINE_CHARS and len(cue) - i <= LINE_CHARS]
    if fitting:
        cut = min(fitting, key=lambda i: abs(i - len(cue) / 2))
        return [cue[:cut].strip(), cue[cut:].strip()]
    cuts = [i for i in _allowed_cuts(cue) if i <= LINE_CHARS and len(cue) - i <= LINE_CHARS]
    if not cuts:
        return None
    cut = min(cuts, key=lambda i: (abs(i - len(cue) / 2) + _WORD_CUT_COST * (not _soft_break(cue, i)), i))
    return [cue[:cut].strip(), cue[cut:].strip()]


def srt_time(seconds: float) -> str:
    """An SRT timestamp.

    >>> srt_time(3723.4567)
    '01:02:03,457'
    """
    hours, minutes, secs, millis = clock_parts(seconds)
    return f"{hours:02d}:{minutes:02d}:{secs:02d},{millis:03d}"


def srt_text(cues: Sequence[tuple[float, float, str]]) -> str:
    """SubRip cues, numbered from 1, a line of text per line; cues without text are left out.

    >>> print(srt_text([(0.0, 1.5, "走进一线")]))
    1
    00:00:00,000 --> 00:00:01,500
    走进一线
    <BLANKLINE>
    """
    blocks: list[str] = []
    for start, end, text in cues:
        lines = [" ".join(line.split()) for line in text.splitlines()]
        shown = "\n".join(line for line in lines if line)
        if shown:
            blocks.append(f"{len(blocks) + 1}\n{srt_time(start)} --> {srt_time(end)}\n{shown}\n")
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
