"""Printed lines from glyphs: horizontal runs, vertical headlines, shadows dropped.

A line is a run of glyphs of one size on one baseline with no gap wider than
a column gutter. PDFs draw a column's lines one after another, so the glyphs
are taken in drawing order and a line ends where the next glyph jumps back,
down, to another size or across a gutter. A shadowed headline is drawn twice,
the copy a little offset: a glyph lying mostly on top of the same character
is that copy. Vertical headlines come out as one-glyph lines stacked at one x;
they are joined into one line marked vertical.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from converter.pdf.glyphs import Box, Boxed, Glyph, enclosing_box

GUTTER_EM = 1.6  # a gap wider than this many characters is a column gutter, not justified spacing


@dataclass
class Line(Boxed):
    glyphs: list[Glyph]
    vertical: bool = False

    @cached_property
    def text(self) -> str:
        return "".join(horizontal_form(g.char) for g in self.glyphs)

    @cached_property
    def size(self) -> float:
        return self.glyphs[0].size

    @cached_property
    def font(self) -> str:
        return max({g.font for g in self.glyphs}, key=lambda f: sum(g.font == f for g in self.glyphs))

    @cached_property
    def box(self) -> Box:  # a line's glyphs never change once it is made
        return enclosing_box(self.glyphs)

    def __repr__(self) -> str:  # for failing tests and doctests
        return f"Line({self.text!r}, x={self.x0:.0f}-{self.x1:.0f}, y={self.top:.0f}, size={self.size})"


def _overlap(a: Glyph, b: Glyph) -> float:
    """The share of ``a``'s box that ``b`` covers."""
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.bottom, b.bottom) - max(a.top, b.top)
    area = (a.x1 - a.x0) * (a.bottom - a.top)
    return max(width, 0) * max(height, 0) / area if area > 0 else 0.0


def drop_shadows(glyphs: list[Glyph]) -> tuple[list[Glyph], int]:
    """Glyphs with every shadow copy (the same character over half on top of one drawn before) left out."""
    cells: dict[tuple[str, int, int], list[Glyph]] = {}
    kept: list[Glyph] = []
    dropped = 0
    for glyph in glyphs:
        step = max(glyph.size, 1.0)
        cx, cy = int(glyph.centre_x // step), int(glyph.centre_y // step)
        near = (
            g
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for g in cells.get((glyph.char, cx + dx, cy + dy), ())
        )
        if any(g.size == glyph.size and _overlap(glyph, g) > 0.5 for g in near):
            dropped += 1
            continue
        cells.setdefault((glyph.char, cx, cy), []).append(glyph)
        kept.append(glyph)
    return kept, dropped


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs of one size whose centres stand at one height, as rows."""
    rows: list[list[Glyph]] = []
    open_rows: dict[float, list[Glyph]] = {}  # size → the row being filled
    for glyph in sorted(glyphs, key=lambda g: (g.centre_y, g.x0)):
        row = open_rows.get(glyph.size)
        if row is None or glyph.centre_y - row[0].centre_y > 0.35 * glyph.size:
            row = open_rows[glyph.size] = []
            rows.append(row)
        row.append(glyph)
    return rows


def horizontal_lines(glyphs: list[Glyph]) -> list[Line]:
    """Rows cut at column gutters into lines, left to right; lines sorted top to bottom.

    The position, not the drawing order, decides: PDFs draw a quotation mark or
    a bold lead-in of a line apart from the rest of it.
    """
    lines: list[Line] = []
    for row in _rows(glyphs):
        run: list[Glyph] = []
        for glyph in sorted(row, key=lambda g: g.centre_x):
            if run and glyph.x0 - run[-1].x1 > GUTTER_EM * glyph.size:
                lines.append(Line(run))
                run = []
            run.append(glyph)
        lines.append(Line(run))
    return sorted(lines, key=lambda line: (line.top, line.x0))


def _stacks_under(line: Line, glyph: Glyph) -> bool:
    last = line.glyphs[-1]
    return (
        abs(glyph.size - last.size) <= 0.05 * last.size
        and abs(glyph.centre_x - last.centre_x) <= 0.3 * last.size
        and 0 <= glyph.top - last.bottom <= 1.6 * last.size
    )


# Vertical typesetting's presentation forms, as the same marks read horizontally
# (mainland usage: ﹃﹄ are the double quotation marks, ﹁﹂ the single ones).
VERTICAL_FORMS = str.maketrans(
    {"﹃": "“", "﹄": "”", "﹁": "‘", "﹂": "’", "︵": "（", "︶": "）", "︽": "《", "︾": "》",
     "︿": "〈", "﹀": "〉", "︹": "〔", "︺": "〕", "︻": "【", "︼": "】", "︐": "，", "︑": "、",
     "︒": "。", "︓": "：", "︔": "；", "︕": "！", "︖": "？", "︙": "…", "︱": "—"}
)


def horizontal_form(char: str) -> str:
    """A vertical presentation form as read horizontally.

    >>> horizontal_form("﹃") + "不平衡" + horizontal_form("﹄")
    '“不平衡”'
    """
    return char.translate(VERTICAL_FORMS)


def join_vertical(lines: list[Line]) -> list[Line]:
    """One-glyph lines stacked at one x (a vertical headline or name) joined into one vertical line."""
    joined: list[Line] = []
    for line in sorted(lines, key=lambda line: (round(line.x0), line.top)):
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and len(line.glyphs) == 1
            and previous.glyphs
            and (previous.vertical or len(previous.glyphs) == 1)
            and _stacks_under(previous, line.glyphs[0])
        ):
            joined[-1] = Line(previous.glyphs + line.glyphs, vertical=True)
        else:
            joined.append(line)
    return sorted(joined, key=lambda line: (line.top, line.x0))


def page_lines(glyphs: list[Glyph]) -> tuple[list[Line], int]:
    """The page's printed lines and how many shadow glyphs were dropped."""
    kept, shadows = drop_shadows(glyphs)
    return join_vertical(horizontal_lines(kept)), shadows
