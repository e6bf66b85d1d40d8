"""A page's lines → its articles: headlines by size, columns by position.

The rules, each general to printed newspapers:
- the body size is the size most characters are set in; a line clearly
  larger is display type (headline, kicker, subtitle, subhead), a short line
  slightly larger or smaller next to a headline is its author;
- display lines close together form one headline group; its largest line is
  the title, lines above it the kicker, lines below the subtitle;
- a display group no wider than a column, standing between body lines of that
  column, is a subhead inside the article;
- body lines of one column, one under the other, form a block; a block
  belongs to the nearest headline above it that overlaps it across the page
  (else to a vertical headline beside it); an article's blocks are read
  column by column, left to right, top to bottom;
- a line indented by about two characters starts a paragraph;
- lines in the band above the first headline and body (date, page number,
  section) are the page header.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from converter.pdf.glyphs import Box, Boxed, Glyph, enclosing_box
from converter.pdf.lines import Line, horizontal_form
from converter.text import HAN_CLASS

DISPLAY_RATIO = 1.2  # display type is at least this much larger than the body
SUBHEAD_RATIO = 1.9  # a subhead is at most this much larger than the body
_NAME = re.compile(f"^[{HAN_CLASS}·]{{2,4}}(?:\\s*[{HAN_CLASS}·]{{2,4}}){{0,3}}$")
_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass
class HeadlineGroup(Boxed):
    lines: list[Line]
    author: list[str] = field(default_factory=list)

    @property
    def box(self) -> Box:  # worked out each time: lines join the group while it is made
        return enclosing_box(self.lines)

    @property
    def vertical(self) -> bool:
        return any(line.vertical for line in self.lines)

    def parts(self) -> tuple[str | None, str, str | None]:
        """(kicker, title, subtitle): the largest line is the title."""
        ordered = sorted(self.lines, key=lambda line: (line.top, line.x0))
        big = max(line.size for line in ordered)
        at = [i for i, line in enumerate(ordered) if line.size >= big * 0.95]
        title = "".join(headline_text(ordered[i]) for i in at)
        kicker = "".join(headline_text(line) for line in ordered[: at[0]]) or None
        subtitle = "".join(headline_text(line) for line in ordered[at[-1] + 1 :]) or None
        return kicker, title, subtitle


@dataclass
class Block:
    """Body lines of one column, one under the other; or a subhead (``subhead`` set)."""

    lines: list[Line]
    subhead: bool = False

    def __post_init__(self) -> None:
        self.x0, self.top, self.x1, self.bottom = enclosing_box(self.lines)
        # Where the column starts: any line but the first, which may be indented.
        self.edge: float | None = min((line.x0 for line in self.lines[1:]), default=None)

    def add(self, line: Line) -> None:
        self.lines.append(line)
        self.x0, self.x1 = min(self.x0, line.x0), max(self.x1, line.x1)
        self.bottom = max(self.bottom, line.bottom)
        self.edge = line.x0 if self.edge is None else min(self.edge, line.x0)


@dataclass
class PageLayout:
    header: list[str]
    groups: list[HeadlineGroup]
    blocks: list[Block]
    loose: list[Line]  # lines that are neither body, headline nor author (figure text, notes)
    body_size: float


def line_text(line: Line) -> str:
    """The line's characters, a blank kept only where it separates two Latin words or numbers.

    Justified Chinese spreads characters apart; those gaps are layout, not text.
    """
    out: list[str] = []
    previous = None
    for glyph in line.glyphs:
        if (
            previous is not None
            and _LATIN.match(previous.char)
            and _LATIN.match(glyph.char)
            and glyph.x0 - previous.x1 > 0.25 * glyph.size
        ):
            out.append(" ")
        out.append(horizontal_form(glyph.char))
        previous = glyph
    return "".join(out)


def headline_text(line: Line) -> str:
    """A display line's text, a full-width space where a gap stands out from the letter spacing.

    Kickers print phrases side by side (双手联弹　双量发力); a title set with wide
    letter spacing throughout (划 时 代 的 思 想 火 炬) has no such gap.
    """
    glyphs = line.glyphs
    gaps = [(b.top - a.bottom) if line.vertical else (b.x0 - a.x1) for a, b in zip(glyphs, glyphs[1:])]
    if not gaps:
        return line_text(line)
    typical = sorted(gaps)[len(gaps) // 2]
    out = [horizontal_form(glyphs[0].char)]
    for gap, glyph in zip(gaps, glyphs[1:]):
        if gap > 0.8 * glyph.size and gap > 2 * max(typical, 0.05 * glyph.size):
            out.append("\u3000")
        out.append(horizontal_form(glyph.char))
    return "".join(out)


def body_size(lines: list[Line]) -> float:
    """The size most characters of the page are set in."""
    counts: Counter[float] = Counter()
    for line in lines:
        counts[line.size] += len(line.glyphs)
    return counts.most_common(1)[0][0]


def split_at_gutters(line: Line, size: float) -> list[Line]:
    """A body line cut wherever a gap is wider than a character: in body text that is always a gutter.

    Justified body text spreads characters by well under half a character, but
    two columns' lines on one baseline can stand closer than the gutter that
    splits lines of other sizes (a line ending in a comma: its box is wide).
    """
    if line.vertical:
        return [line]
    parts: list[list[Glyph]] = [[line.glyphs[0]]]
    for glyph in line.glyphs[1:]:
        if glyph.x0 - parts[-1][-1].x1 > 1.0 * size:
            parts.append([])
        parts[-1].append(glyph)
    return [line] if len(parts) == 1 else [Line(part) for part in parts]


def _is_body(line: Line, size: float) -> bool:
    return abs(line.size - size) <= 0.08 * size and not line.vertical


def _is_display(line: Line, size: float) -> bool:
    return line.size >= DISPLAY_RATIO * size


def _near(a: Line | HeadlineGroup, b: Line, gap: float) -> bool:
    """``b`` lies within ``gap`` of ``a`` vertically (or, for vertical lines, horizontally) and overlaps it."""
    if b.vertical or getattr(a, "vertical", False):
        return min(a.bottom, b.bottom) > max(a.top, b.top) - gap and (
            -gap <= b.x0 - a.x1 <= gap or -gap <= a.x0 - b.x1 <= gap
        )
    overlaps = min(a.x1, b.x1) > max(a.x0, b.x0) - gap
    return overlaps and -gap <= b.top - a.bottom <= gap


def headline_groups(display: list[Line]) -> list[HeadlineGroup]:
    """Display lines near each other (within one title height) grouped, top first."""
    groups: list[HeadlineGroup] = []
    for line in sorted(display, key=lambda line: (line.top, line.x0)):
        for group in groups:
            if any(_near(member, line, max(member.size, line.size)) for member in group.lines):
                group.lines.append(line)
                break
        else:
            groups.append(HeadlineGroup([line]))
    return groups


def _column_of(block: Block, line: Line, size: float) -> bool:
    """``line`` continues ``block``: just below its last line, starting at its left edge or indented."""
    last = block.lines[-1]
    below = -0.2 * size <= line.top - last.bottom <= 1.3 * size
    if block.edge is None:
        left = block.x0 - 2.6 * size <= line.x0 <= block.x0 + 2.6 * size
    else:
        left = block.edge - 0.5 * size <= line.x0 <= block.edge + 2.6 * size
    # A column may widen under a picture or a headline that ends: same left edge, any width.
    return below and left and line.x1 >= line.x0 + 0.5 * size


def body_blocks(body: list[Line], size: float) -> list[Block]:
    """Body lines, top to bottom, gathered into column blocks."""
    blocks: list[Block] = []
    for line in body:
        for block in reversed(blocks):
            if _column_of(block, line, size):
                block.add(line)
                break
        else:
            blocks.append(Block([line]))
    return blocks


def _is_subhead(group: HeadlineGroup, groups: list[HeadlineGroup], blocks: list[Block], size: float) -> bool:
    """A small display group inside a column, with that column's text below it and either text
    above it or a wider headline over it (the article's own)."""
    if group.vertical or _title_size(group) > SUBHEAD_RATIO * size:
        return False
    text_above = text_below = False
    for block in blocks:
        width = block.x1 - block.x0
        inside = group.x0 >= block.x0 - size and group.x1 <= block.x1 + size and group.x1 - group.x0 <= width + size
        if inside and 0 <= group.top - block.bottom <= 5 * size:
            text_above = True
        # The column may narrow under the subhead (a picture set in beside it): it need only start there.
        starts_there = abs(block.x0 - group.x0) <= 3 * size or inside
        if starts_there and 0 <= block.top - group.bottom <= 5 * size:
            text_below = True
    if not text_below:
        return False
    over = [other for other in groups if other.bottom <= group.top and _overlap_across(other, group) > 0]
    nearest = max(over, key=lambda other: other.bottom, default=None)
    wider_over = (
        nearest is not None
        and _title_size(nearest) > _title_size(group)
        and _overlap_across(nearest, group) >= 0.5 * (group.x1 - group.x0)
    )
    return text_above or wider_over


def _overlap_across(a: HeadlineGroup, b: HeadlineGroup) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def _attach_authors(groups: list[HeadlineGroup], minor: list[Line], size: float) -> list[Line]:
    """Short name lines just under (or beside, for vertical headlines) a headline become its author."""
    left: list[Line] = []
    for line in minor:
        names = names_of(line)
        owner = None
        if names and all(_NAME.match(name) for name in names) and line.size < DISPLAY_RATIO * size * 1.2:
            owner = next((g for g in groups if _near(g, line, _title_size(g)) and line.top >= g.top - size), None)
        if owner is None:
            left.append(line)
        else:
            owner.author.extend(names)
    return left


def _title_size(group: HeadlineGroup) -> float:
    return max(line.size for line in group.lines)


def names_of(line: Line) -> list[str]:
    """The names on an author line, cut at gaps wider than a character.

    A two-character name is spaced out to the width of a three-character one
    (汪  涛  吴光胜  胡查平), so single characters next to each other pair up.
    """
    parts: list[str] = [""]
    previous = None
    for glyph in line.glyphs:
        if previous is not None:
            gap = glyph.top - previous.bottom if line.vertical else glyph.x0 - previous.x1
            if gap > 0.9 * glyph.size:
                parts.append("")
        parts[-1] += glyph.char
        previous = glyph
    names: list[str] = []
    index = 0
    while index < len(parts):
        run = index
        while run < len(parts) and len(parts[run]) == 1:
            run += 1
        singles = parts[index:run]
        if singles:
            if len(singles) % 2 == 0:
                names += ["".join(singles[i : i + 2]) for i in range(0, len(singles), 2)]
            else:
                names.append("".join(singles))
            index = run
        else:
            names.append(parts[index])
            index += 1
    return names


def _header_band(lines: list[Line], page_height: float) -> float:
    """The bottom of the page header: lines in the top 6% of the page above all body text."""
    return page_height * 0.06


def _inside(block: Block, box: Box) -> bool:
    x0, top, x1, bottom = box
    return x0 <= (block.x0 + block.x1) / 2 <= x1 and top <= (block.top + block.bottom) / 2 <= bottom


def _caption_of(block: Block, box: Box, size: float) -> bool:
    """A short block set just under a picture, within its width."""
    x0, _top, x1, bottom = box
    return (
        len(block.lines) <= 4
        and 0 <= block.top - bottom <= 2 * size
        and block.x0 >= x0 - size
        and block.x1 <= x1 + size
    )


def split_figure_text(blocks: list[Block], images: list[Box], size: float) -> tuple[list[Block], list[Block]]:
    """(text blocks, figure blocks): labels inside a picture (a block of one or two lines; a longer
    block on a tinted box is text) and captions just under one are the picture's, not an article's."""
    text: list[Block] = []
    figure: list[Block] = []
    widths = sorted(line.x1 - line.x0 for block in blocks for line in block.lines)
    full = widths[len(widths) * 3 // 4] if widths else 0.0  # a full column line
    for block in blocks:
        short = all(line.x1 - line.x0 < 0.7 * full for line in block.lines)
        label = short and len(block.lines) <= 2 and any(_inside(block, box) for box in images)
        caption = any(_caption_of(block, box, size) for box in images)
        (figure if label or caption else text).append(block)
    return text, figure


def page_layout(lines: list[Line], page_height: float, images: list[Box] | None = None) -> PageLayout:
    size = body_size(lines)
    band = _header_band(lines, page_height)
    header = [line_text(line) for line in lines if line.bottom <= band]
    rest = [line for line in lines if line.bottom > band]
    body = [part for line in rest if _is_body(line, size) for part in split_at_gutters(line, size)]
    display = [line for line in rest if _is_display(line, size)]
    minor = [line for line in rest if not _is_body(line, size) and not _is_display(line, size)]
    blocks, figure = split_figure_text(body_blocks(body, size), images or [], size)
    groups = headline_groups(display)
    subheads = [g for g in groups if _is_subhead(g, groups, blocks, size)]
    groups = [g for g in groups if g not in subheads]
    blocks += [Block(sorted(g.lines, key=lambda line: line.top), subhead=True) for g in subheads]
    loose = _attach_authors(groups, minor, size) + [line for block in figure for line in block.lines]
    return PageLayout(header, groups, blocks, loose, size)
