"""Blocks and headline groups of a page → articles of the document model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.clean.furniture import is_figure_note
from converter.model import Article, Headline
from converter.pdf.layout import Block, HeadlineGroup, PageLayout, line_text
from converter.text import CLOSING, SENTENCE_ENDS

_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}{CLOSING}]$")


@dataclass
class PageArticles:
    articles: list[Article]
    unplaced: list[str] = field(default_factory=list)


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def owner_of(block: Block, groups: list[HeadlineGroup], size: float) -> HeadlineGroup | None:
    """The headline a block belongs to: the nearest one above that overlaps it across, unless a
    headline beside it stands nearer: a vertical one, or one whose last column runs on past
    its right end (the block is that article's next column)."""
    above = [
        g
        for g in groups
        if not g.vertical and g.bottom <= block.top + size and _overlap(g.x0, g.x1, block.x0, block.x1) > size
    ]
    nearest_above = max(above, key=lambda g: g.bottom) if above else None
    beside = [
        g
        for g in groups
        if _overlap(g.top, g.bottom, block.top, block.bottom) > 0
        and (g.vertical or (g.x1 <= block.x0 + size and block.x0 - g.x1 <= 3 * size))
    ]
    if beside:
        nearest_beside = min(beside, key=lambda g: _distance_across(g, block))
        if nearest_above is None or _distance_across(nearest_beside, block) < block.top - nearest_above.bottom:
            return nearest_beside
    return nearest_above


def _distance_across(group: HeadlineGroup, block: Block) -> float:
    return max(group.x0 - block.x1, block.x0 - group.x1, 0.0)


def _neighbour_owner(
    block: Block, owner: dict[int, HeadlineGroup], blocks: list[Block], size: float
) -> HeadlineGroup | None:
    """For a block no headline stands near: the article it runs into or out of.

    The block above an article's first lines in the same column (the headline
    set into the article), a closing note set apart under its text, or the
    column just left (else right) of an article's column beside it.
    """
    owned = [(other, owner[id(other)]) for other in blocks if other is not block and id(other) in owner]
    for other, group in owned:
        same_column = _overlap(other.x0, other.x1, block.x0, block.x1) > 0.5 * (block.x1 - block.x0)
        if same_column and 0 <= other.top - block.bottom <= (group.bottom - group.top) + 6 * size:
            return group
        if same_column and 0 <= block.top - other.bottom <= 2 * size:
            return group
    side_by_side = [
        (other, group)
        for other, group in owned
        if _overlap(other.top, other.bottom, block.top, block.bottom) > 2 * size
        and min(abs(block.x0 - other.x1), abs(other.x0 - block.x1)) <= 3 * size
    ]
    side_by_side.sort(key=lambda pair: pair[0].x1 > block.x0)  # the column on the left first
    return side_by_side[0][1] if side_by_side else None


def _block_above(block: Block, blocks: list[Block], groups: list[HeadlineGroup], size: float) -> Block | None:
    """The block just above in the same column with no headline between: the text runs on from it
    (a column changes article only under a headline)."""
    for other in blocks:
        narrower = min(other.x1 - other.x0, block.x1 - block.x0)
        same_column = _overlap(other.x0, other.x1, block.x0, block.x1) > 0.5 * narrower
        if other is block or not same_column or not 0 <= block.top - other.bottom <= 3 * size:
            continue
        between = any(
            other.bottom <= g.top and g.bottom <= block.top and _overlap(g.x0, g.x1, block.x0, block.x1) > 0
            for g in groups
        )
        if not between:
            return other
    return None


def _far_above(block: Block, group: HeadlineGroup, size: float) -> bool:
    """The headline stands far above the block: more than a headline's height and a few lines."""
    title = max(line.size for line in group.lines)
    return not group.vertical and block.top - group.bottom > 2 * title + 4 * size


def _left_neighbour(block: Block, blocks: list[Block]) -> Block | None:
    size = block.lines[0].size
    beside = [
        other
        for other in blocks
        if other is not block
        and 0 <= block.x0 - other.x1 <= 3 * size
        and _overlap(other.top, other.bottom, block.top, block.bottom) > 2 * size
    ]
    return max(beside, key=lambda other: _overlap(other.top, other.bottom, block.top, block.bottom), default=None)


def _columns_and_headlines(
    blocks: list[Block], groups: list[HeadlineGroup], size: float, overrides: dict[int, HeadlineGroup]
) -> dict[int, HeadlineGroup]:
    owner: dict[int, HeadlineGroup] = {}
    for block in sorted(blocks, key=lambda b: b.top):
        above = _block_above(block, blocks, groups, size)
        group = owner.get(id(above)) if above is not None else None
        group = group or overrides.get(id(block)) or owner_of(block, groups, size)
        if group is not None:
            owner[id(block)] = group
    return owner


def assign_blocks(blocks: list[Block], groups: list[HeadlineGroup], size: float) -> dict[int, HeadlineGroup]:
    """Each block's headline (by ``id`` of the block); blocks left out have none.

    A column runs on under its headline; a block takes the headline over or
    beside it; a block whose headline stands far above, next to a column of
    another article that started near it, is that article's next column; the
    blocks left join the article beside them.
    """
    overrides: dict[int, HeadlineGroup] = {}
    for _ in range(2):
        owner = _columns_and_headlines(blocks, groups, size, overrides)
        for block in blocks:
            group = owner.get(id(block))
            left = _left_neighbour(block, blocks)
            other = owner.get(id(left)) if left is not None else None
            if group is None or other is None or other is group or not _far_above(block, group, size):
                continue
            if abs(other.bottom - block.top) < block.top - group.bottom:
                overrides[id(block)] = other
    changed = True
    while changed:
        changed = False
        for block in blocks:
            if id(block) not in owner and (group := _neighbour_owner(block, owner, blocks, size)) is not None:
                owner[id(block)] = group
                changed = True
    return owner


def reading_order(blocks: list[Block]) -> list[Block]:
    """Column by column, left to right; top to bottom inside a column (blocks that overlap across are one column)."""
    columns: list[list[Block]] = []
    for block in sorted(blocks, key=lambda b: b.x0):
        for column in columns:
            if any(_overlap(b.x0, b.x1, block.x0, block.x1) > 0.5 * (block.x1 - block.x0) for b in column):
                column.append(block)
                break
        else:
            columns.append([block])
    columns.sort(key=lambda column: min(b.x0 for b in column))
    return [block for column in columns for block in sorted(column, key=lambda b: b.top)]


def column_edge(block: Block, blocks: list[Block], size: float) -> float:
    """Where the block's column starts: its lines after the first (which may be indented) give it;
    a one-line block takes the edge of a block of the article above or below it."""
    if block.edge is not None:
        return block.edge
    edges = [
        other.edge
        for other in blocks
        if other is not block and not other.subhead and other.edge is not None and abs(other.x0 - block.x0) <= 3 * size
    ]
    return min(edges, key=lambda edge: abs(edge - block.x0)) if edges else block.x0


def paragraphs_of(blocks: list[Block], size: float) -> tuple[list[str], list[int]]:
    """The text of blocks in reading order, a paragraph starting at each indented line; each subhead
    is a paragraph of its own, listed by index."""
    paragraphs: list[str] = []
    subheads: list[int] = []
    run: list[str] = []

    def close() -> None:
        text = "".join(run)
        if text.strip():
            paragraphs.append(text)
        run.clear()

    for block in blocks:
        if block.subhead:
            close()
            run.extend(line_text(line) for line in block.lines)
            if "".join(run).strip():
                subheads.append(len(paragraphs))
            close()
            continue
        edge = column_edge(block, blocks, size)
        for line in block.lines:
            if line.x0 - edge >= 1.5 * size:
                close()
            run.append(line_text(line))
    close()
    return paragraphs, subheads


def _untitled_runs(blocks: list[Block], size: float) -> list[list[Block]]:
    """Blocks without a headline cut into articles.

    A block opening with an indent after a finished sentence starts one.
    """
    runs: list[list[Block]] = []
    for block in reading_order(blocks):
        previous = runs[-1][-1] if runs else None
        finished = previous is None or _SENTENCE_END.search(line_text(previous.lines[-1]))
        indented = block.lines[0].x0 - column_edge(block, blocks, size) >= 1.5 * size
        if previous is None or (finished and indented and not block.subhead):
            runs.append([block])
        else:
            runs[-1].append(block)
    return runs


def page_articles(layout: PageLayout, source: str) -> PageArticles:
    """The page's articles, in the order their headlines stand on the page (top to bottom, left to right)."""
    size = layout.body_size
    notes: list[str] = []
    text_blocks: list[Block] = []
    for block in layout.blocks:
        first = line_text(block.lines[0])
        if not block.subhead and is_figure_note(first, (block.x1 - block.x0) / size):
            notes.append("".join(line_text(line) for line in block.lines))
        else:
            text_blocks.append(block)
    owner = assign_blocks(text_blocks, layout.groups, size)
    owned: dict[int, list[Block]] = {}
    untitled: list[Block] = []
    for block in text_blocks:
        group = owner.get(id(block))
        if group is None:
            untitled.append(block)
        else:
            owned.setdefault(id(group), []).append(block)
    result = PageArticles([], notes)
    for group in sorted(layout.groups, key=lambda g: (round(g.top / (4 * size)), g.x0)):
        blocks = owned.get(id(group), [])
        kicker, title, subtitle = group.parts()
        paragraphs, subheads = paragraphs_of(reading_order(blocks), size)
        if not paragraphs:
            result.unplaced += [part for part in (kicker, title, subtitle) if part] + group.author
            continue
        headline = Headline(title=title, kicker=kicker, subtitle=subtitle)
        result.articles.append(
            Article(headline, paragraphs, byline=list(group.author), source=source, subheads=subheads)
        )
    for run in _untitled_runs(untitled, size):
        paragraphs, subheads = paragraphs_of(run, size)
        if sum(len(p) for p in paragraphs) < 20:
            result.unplaced.extend(paragraphs)
            continue
        result.articles.append(Article(Headline(title=""), paragraphs, source=source, subheads=subheads))
    result.unplaced.extend(line_text(line) for line in layout.loose)
    return result
