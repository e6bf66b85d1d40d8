"""Headline fragments: the printed headline lines cut where wide spacing parts two headlines.

A lone glyph clinging to a line that repeats the next line's first
character is a stray (the shadow of a shadowed font), kept in a warning;
a line printed with every run doubled is collapsed and marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.clean.couplets import couplet
from converter.clean.doubled import collapse_doubled
from converter.clean.lines import PageLine
from converter.clean.matching import has_word
from converter.clean.spacing import HAN, close_cjk_gaps
from converter.clean.word_breaks import is_word
from converter.text import HAN_CLASS

_WIDE_SPACE = re.compile(r"(?:\s{2,}|\u3000)+")
# A couplet title's inner blank, set as wide as two spaces or one full-width space; two headlines side by
# side stand further apart.
_INNER_BLANK = re.compile(r"(?: {2}|\u3000)")
# What a stray glyph at the end of a headline line can be: the shadow of the next line's
# first character, a Han character, a digit, an opening quote or bracket (【 or [ of a column's name too), or a dash
# (春风化雨润心田 — / ——记…, 用电不再难 1 / 122座…).
_STRAY = re.compile(f"[{HAN_CLASS}0-9“‘《（(【〔\\[［—]")


@dataclass
class Fragment:
    text: str  # as printed, doubled glyphs collapsed, a single inner space kept
    page: str
    gap_before: bool  # a blank line or wide spacing separates it from the fragment before
    stray: bool = False
    index: int = -1  # the page line it was printed on
    doubled: bool = False  # printed in a shadowed font, every run twice (a photo title)


def _parts(
    piece: str, page: str, gap_before: bool, index: int = -1, following: str = "", indented: bool = True
) -> list[Fragment]:
    """Cut lone glyphs off the ends of a piece: ``兴县召开…协调会 兴`` → title, stray ``兴``.

    A lone glyph at the end is a stray when it repeats the first character
    of the piece printed after it (``following``: ``兴 / 兴县…``, ``— / ——记…``);
    else it is a title broken inside a word set wide (``产业兴旺 增 / 收“有道”``).
    A lone glyph at the start stays when the piece goes on with another
    word (``时 美丽乡村入画来``, a title broken after a word); it is a stray
    when it repeats the first character of the word after it (``兴 兴县…``).
    The shadow's line is ``indented`` (`` 兴县…``, as the page prints it): a line
    not set in, whose first character makes a word with the same one before it
    (``热闹邻里节 满 / 满“烟火气”``: 满满), goes on with the title.
    """
    words = piece.split(" ")
    lead: list[Fragment] = []
    tail: list[Fragment] = []
    while len(words) > 1 and len(close_cjk_gaps(words[0])) == 1 and HAN.match(words[0]) and words[1][:1] == words[0]:
        lead.append(Fragment(words.pop(0), page, True, stray=True, index=index))
    last = words[-1]
    shadow = len(words) > 1 and len(close_cjk_gaps(last)) == 1 and _STRAY.match(last) and last == following
    if shadow and (indented or not _doubled_word(last)):
        tail.insert(0, Fragment(words.pop(), page, True, stray=True, index=index))
    text = collapse_doubled(" ".join(words))
    single = len(close_cjk_gaps(text)) == 1 and bool(HAN.match(close_cjk_gaps(text)))
    doubled = text != " ".join(words)
    middle = Fragment(text, page, gap_before or bool(lead), stray=single, index=index, doubled=doubled)
    return lead + [middle] + tail


def _doubled_word(glyph: str) -> bool:
    """A character whose doubling is a word of the word list (满满, 天天): a title may be broken inside it.

    >>> _doubled_word("满"), _doubled_word("兴")
    (True, False)
    """
    return is_word(glyph + glyph)


def _lone_glyphs_joined(pieces: list[str], following: str) -> list[str]:
    """A line's pieces, a lone character set apart by wide spacing joined to the piece beside it.

    A lone character is no headline: unless it repeats the first character of
    the piece after it (the shadow of ``兴 / 兴县…``), it is a word of a title
    set wide (``海头村侨企捐资  兴 / 建老人活动中心``: 兴建), kept with the piece before
    it on its line, else the one after.

    >>> _lone_glyphs_joined(["海头村侨企捐资", "兴"], "建"), _lone_glyphs_joined(["资", "兴建老人活动中心"], "")
    (['海头村侨企捐资 兴'], ['资 兴建老人活动中心'])
    >>> _lone_glyphs_joined(["兴县召开疫情设卡防控工作协调会", "兴"], "兴")
    ['兴县召开疫情设卡防控工作协调会', '兴']
    """
    joined: list[str] = []
    leading = ""  # lone characters at the line's start, waiting for the piece after them
    for number, piece in enumerate(pieces):
        after = pieces[number + 1][:1] if number + 1 < len(pieces) else following
        glyphs = close_cjk_gaps(piece)
        lone = (len(glyphs) == 1 and bool(HAN.match(piece)) and piece != after) or _two_glyphs(glyphs)
        if lone and joined:
            joined[-1] += " " + piece
        elif lone and number + 1 < len(pieces):
            leading += piece + " "
        else:
            joined.append(leading + piece)
            leading = ""
    return joined


def _two_glyphs(piece: str) -> bool:
    """Two characters set apart: too short for a headline, a word of the title beside them
    (``下沉社区开展志愿服务  创造 / 干净整洁社区环境``: the couplet's second half begun after the blank).

    >>> _two_glyphs("创造"), _two_glyphs("山乡春早"), _two_glyphs("1版")
    (True, False, False)
    """
    return len(piece) == 2 and all(HAN.match(glyph) for glyph in piece)


def _pieces(line: str) -> list[str]:
    """A line's pieces parted by wide spacing, a couplet's halves parted by its inner blank kept as one.

    >>> _pieces("下沉社区开展志愿服务  创造干净整洁社区环境"), _pieces("兴县召开协调会    走进一线 送去温暖")
    (['下沉社区开展志愿服务 创造干净整洁社区环境'], ['兴县召开协调会', '走进一线 送去温暖'])
    """
    parts = _WIDE_SPACE.split(line)
    gaps = _WIDE_SPACE.findall(line)
    pieces = [parts[0].strip()]
    for gap, part in zip(gaps, parts[1:]):
        if _INNER_BLANK.fullmatch(gap) and couplet(pieces[-1], part.strip()):
            pieces[-1] += " " + part.strip()
        else:
            pieces.append(part.strip())
    return [piece for piece in pieces if piece]


def split_fragments(lines: list[PageLine]) -> list[Fragment]:
    """Headline fragments in reading order.

    >>> lines = [PageLine("兴县召开疫情设卡防控工作协调会 兴", "", "p", True),
    ...          PageLine(" 兴县县委统战部新联会", "", "p", False),
    ...          PageLine("宅家抗宅家抗““疫疫””", "", "p", True)]
    >>> [(f.text, f.stray) for f in split_fragments(lines)]
    [('兴县召开疫情设卡防控工作协调会', False), ('兴', True), ('兴县县委统战部新联会', False), ('宅家抗“疫”', False)]
    """
    fragments: list[Fragment] = []
    split = [_pieces(line.raw.strip()) for line in lines]
    for number, pieces in enumerate(split):
        later = next((pieces[0] for pieces in split[number + 1 :] if pieces), "")
        split[number] = _lone_glyphs_joined(pieces, later[:1])
    # Each piece, and whether it is set in (its line opens with a blank, or it follows another piece on its line).
    flat = [
        (piece, number > 0 or line.raw[:1].isspace())
        for line, pieces in zip(lines, split)
        for number, piece in enumerate(pieces)
    ]
    position = 0
    for line, pieces in zip(lines, split):
        for number, piece in enumerate(pieces):
            position += 1
            following, indented = (flat[position][0][:1], flat[position][1]) if position < len(flat) else ("", True)
            gap = line.gap_before or number > 0
            fragments.extend(_parts(re.sub(r"\s", " ", piece), line.page, gap, line.index, following, indented))
    return fragments


def stray_warnings(fragments: list[Fragment]) -> tuple[list[Fragment], list[str]]:
    """Drop stray glyphs (kept in warnings) and fragments without a word.

    A stray glyph is the shadow of the next line's first character: it says
    nothing of whether the lines around it are one title.
    """
    warnings: list[str] = []
    kept: list[Fragment] = []
    for index, fragment in enumerate(fragments):
        if fragment.stray:
            beside = next((f.text for f in reversed(fragments[:index]) if not f.stray), None)
            where = f"after the headline “{beside}”" if beside else "among the headlines"
            warnings.append(f"{fragment.page}: stray glyph “{fragment.text}” {where} kept here")
        elif has_word(fragment.text):
            kept.append(fragment)
    return kept, warnings
