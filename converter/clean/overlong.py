"""Lines far longer than any printed column: a page saved as one line per article, or all on one.

Extracted page text has one printed column line per line, a few dozen
characters at most.  A line of thousands (a page exported from an editing
system, 72 datelines on one line) would become one article of the whole page,
so it is cut first: a new block at each dateline, a line at each sentence end.
A long line with no sentence end to cut at is not page text at all.
"""

from __future__ import annotations

import re

from converter.clean.articles import DATELINE
from converter.clean.spacing import close_cjk_gaps
from converter.errors import InputError
from converter.text import CHINESE_STOPS, CLOSE_PARENS, CLOSING, OPEN_PARENS, SENTENCE_ENDS

# Characters (justified blanks closed) beyond which a line is no column line: the widest
# columns hold about 40, a paragraph put on one line a few hundred.
OVERLONG_LINE = 500
# A sentence end, the closing quotes and brackets after it, and a bracketed byline right after those.
_SENTENCE_END = re.compile(
    f"[{SENTENCE_ENDS}]+[{CLOSING}]*"
    f"(?:[{OPEN_PARENS}][^{OPEN_PARENS}{CLOSE_PARENS}{CHINESE_STOPS}]{{1,24}}[{CLOSE_PARENS}])?"
)


def sentences(line: str) -> list[str]:
    """``line`` cut after each sentence end, a byline in brackets kept with its sentence.

    >>> sentences("检查组要求确保安全。（王丽）本报讯 4月23日，城关小学举办读书节")
    ['检查组要求确保安全。（王丽）', '本报讯 4月23日，城关小学举办读书节']
    """
    pieces, start = [], 0
    for end in _SENTENCE_END.finditer(line):
        pieces.append(line[start : end.end()].strip())
        start = end.end()
    pieces.append(line[start:].strip())
    return [piece for piece in pieces if piece]


def cut_overlong_lines(name: str, text: str, warnings: list[str]) -> str:
    """``text`` with each overlong line cut at datelines (a blank line before each) and sentence ends.

    Each line cut is named in ``warnings``; a long line without a sentence end
    refuses the page (InputError).
    """
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if len(line) <= OVERLONG_LINE:
            continue  # closing blanks only shortens a line
        length = len(close_cjk_gaps(line).strip())
        if length <= OVERLONG_LINE:
            continue
        pieces = sentences(line)  # as printed: a byline's blanks part its names
        if max(len(close_cjk_gaps(piece)) for piece in pieces) > OVERLONG_LINE:
            raise InputError(
                f"{name}: line {number} runs {length} characters with no sentence end to cut it at: not page text"
            )
        blocks: list[str] = []
        for piece in pieces:
            blocks.append(("\n\n" if blocks and DATELINE.match(close_cjk_gaps(piece)) else "\n") + piece)
        lines[number - 1] = "".join(blocks).lstrip("\n")
        warnings.append(
            f"{name}: line {number} holds {length} characters, far more than a column: "
            "cut at its datelines and sentence ends"
        )
    return "\n".join(lines)
