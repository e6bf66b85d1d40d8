"""Heading rules: a page without datelines, cut into articles at its headline blocks and closings.

A page without datelines (signed essays, other papers, a county page whose
datelines were not printed) is split at its headline blocks and closings:
headline lines shown by evidence (odd width or set apart by blanks, no
sentence running through them), the author's name printed under the headline
or alone under the text it signs, a bracketed byline or （作者…） note closing
an article.  Which lines are headline lines is heading_lines.py's to say.
"""

from __future__ import annotations

from statistics import median

from converter.clean.authors import author_lines, author_names
from converter.clean.bylines import split_byline
from converter.clean.heading_lines import blanks_are_structure, closes, cries_out, heading_flags
from converter.clean.lines import (
    AUTHOR_NOTE,
    DASH_START,
    ArticleLines,
    PageLine,
)
from converter.clean.paragraphs import ends_sentence, ends_text, set_width
from converter.clean.spacing import close_cjk_gaps
from converter.clean.stacked import printed_parts
from converter.clean.text_ends import cried_out
from converter.text import CLOSE_PARENS, CRIES


def _merged(lines: list[PageLine]) -> PageLine:
    """Lines that form one paragraph of their own (a subhead, a closing note)."""
    return PageLine(
        " ".join(line.raw for line in lines), "".join(line.text for line in lines), lines[0].page,
        lines[0].gap_before, True,
        lines[0].index,
    )


def _unwrapped(lines: list[PageLine], structured: bool) -> list[PageLine]:
    """Headline lines with titles wrapped over two lines joined: 不忘初心走在 + 时代前列.

    A line runs on into the next when no blank separates them (or blanks
    mean nothing on the page, ``structured`` False) and it is at least as
    wide (the first line of a wrapped title is the fuller one).  A line led
    by a dash starts a subtitle, never the rest of the line above.
    """
    groups: list[list[PageLine]] = []
    for line in lines:
        apart = (line.gap_before and structured) or bool(DASH_START.match(line.text))
        if groups and not apart and set_width(groups[-1][-1].text) >= set_width(line.text) - 0.5:
            groups[-1].append(line)
        else:
            groups.append([line])
    return [_merged(group) for group in groups]


def _closing_lines(lines: list[PageLine]) -> tuple[list[int], bool]:
    """Where articles visibly end (a bracketed byline, the last line of a （作者…） note).

    Also whether a byline is among them.
    """
    closing: list[int] = []
    bylines = False
    note_start: int | None = None
    for index, line in enumerate(lines):
        if AUTHOR_NOTE.match(line.text):
            note_start = index
        if line.text[-1:] not in CLOSE_PARENS:
            continue
        if split_byline(line.raw)[1]:
            closing.append(index)
            bylines = True
        elif note_start is not None:
            closing.append(index)
            note_start = None
    return closing, bylines


def _body_block(block: list[PageLine], articles: list[ArticleLines], closed: bool, signed: bool) -> bool:
    """Add a block of body lines to the articles; return whether the last article is closed.

    A bracketed byline closes its article; a （作者…） note is one paragraph
    of its own and closes the essay; on a signed page the next body line
    after a closing starts a new article.
    """
    note: list[PageLine] = []
    for line in block:
        rest, signers = split_byline(line.raw)
        if closed and signers and not note and articles and articles[-1].byline and not close_cjk_gaps(rest):
            articles[-1].byline += signers  # a credit printed over two lines (（全媒体记者 李普兵） / （通讯员 廖霖…）)
            continue
        if not articles or (closed and not note and signed):
            articles.append(ArticleLines([], line.page))
            closed = False
        if signers and not note and not articles[-1].byline:
            if close_cjk_gaps(rest):
                articles[-1].lines.append(
                    PageLine(rest, close_cjk_gaps(rest), line.page, line.gap_before, index=line.index)
                )
            articles[-1].byline = signers
            closed = True
        elif note or AUTHOR_NOTE.match(line.text):
            note.append(line)
            if line.text.endswith(("）", ")")):
                # The closing note ends the essay: one paragraph of its own.
                articles[-1].lines.append(_merged(note))
                closed, note = True, []
        else:
            articles[-1].lines.append(line)
    articles[-1].lines.extend(note)
    return closed


def _heading_block(block: list[PageLine], articles: list[ArticleLines], closed: bool, signed: bool,
                   names: set[str], structured: bool, page_text: str) -> bool:
    """Add a block of headline lines: a signature, a subhead, or a new article's headline; return closed."""
    authors = [i for i, line in enumerate(block) if line.text in names]
    current = articles[-1] if articles else None
    if (
        current is not None
        and not closed
        and authors == [0]
        and len(block) == 1
        and not current.byline
        and not current.headings
        and current.lines
        and ends_sentence(current.lines[-1].text)
    ):
        # A name alone under a finished text, with no headline over it: the signature.
        current.byline = author_names(block[0].raw)
        return True
    if not (authors or closed or not signed or not articles):
        articles[-1].lines.extend(_unwrapped(block, structured))
        return closed
    split = authors[-1] if authors else len(block)
    article = ArticleLines([], block[0].page, [n for line in block[split : split + 1] for n in author_names(line.raw)])
    _set_headings(article, block[:split], structured, page_text)
    article.lines = _unwrapped(block[split + 1 :], structured)
    articles.append(article)
    return False


def _set_headings(article: ArticleLines, block: list[PageLine], structured: bool, page_text: str) -> None:
    """An article's headline lines: wrapped lines joined, and as printed (for a page of stacked headlines)."""
    article.headings = [line.text for line in _unwrapped(block, structured)]
    article.printed_headings = printed_parts(block, page_text)


def _inside_a_sentence(
    block: list[PageLine], articles: list[ArticleLines], after: PageLine | None, names: set[str]
) -> bool:
    """A signed headline block the extraction set inside a sentence of the text it heads.

    加强金融 / 权依责定 / 活实体 / 促发展 / 胡瑞华 / 监管能力建设，…: the text
    runs on across the block, so the block names the article it stands in
    (one still without headline and author) and starts none.
    """
    if not articles or after is None or block[-1].text not in names:
        return False
    current = articles[-1]
    if (len(block) > 1 and current.headings) or current.byline or not current.lines:
        return False
    return not closes(current.lines[-1])


# A line this much narrower than the column's is no line inside a paragraph: it ends one, or is a headline's.
_SHORT_OF_THE_COLUMN = 0.75


def _headline_cry(lines: list[PageLine], index: int, finished: list[int], column: float) -> bool:
    """A line crying out after a clause (美如画，金谷飘香迎丰收！) that ends a run of lines no paragraph is
    set in: one of them, since the last line that finishes something, falls well short of the column (西江千户苗寨：
    苗寨稻田, a headline's first line). Text crying out so (您一定会赞叹，定西真美！) ends a paragraph of full lines."""
    text = lines[index].text.rstrip()
    if ends_text(text) or not text.endswith(tuple(CRIES)):
        return False
    start = max((i for i in finished if i < index), default=-1) + 1
    return any(set_width(line.text) < _SHORT_OF_THE_COLUMN * column for line in lines[start:index])


def split_by_headings(lines: list[PageLine]) -> tuple[list[ArticleLines], list[PageLine]]:
    """Articles of a page without datelines, cut at headline blocks and closings.

    A block with an author's name line (李忠杰 under the headline), or the
    first block after a closing （作者…） note or bracketed byline, opens an
    article: its lines above the name are the headline, those below are the
    first subhead.  Other blocks are subheads kept in the body as their own
    paragraphs.  A name alone after a finished sentence signs the text above
    it.  Lone glyphs (drop caps, decorations), and the lines after the last
    one that finishes a sentence or a closing (a county page's headlines),
    are returned as outside lines.
    """
    closing, bylines = _closing_lines(lines)
    # The lines after the last one that finishes something hold no text: a page's headlines.
    column = median(set_width(line.text) for line in lines) if lines else 0.0
    finished = [i for i, line in enumerate(lines) if closes(line) and not cries_out(line)]
    last = max((i for i in finished if not _headline_cry(lines, i, finished, column)), default=len(lines) - 1)
    last = cried_out(last, lines, len(lines))  # a last paragraph crying out at its end (…的力量吧！) is text
    outside = list(lines[last + 1 :])
    lines = lines[: last + 1]
    page_text = "".join(line.text for line in lines)
    structured = blanks_are_structure(lines)
    author_at = author_lines(lines, page_text)
    flags = heading_flags(lines, page_text, author_at)
    outside = [line for line, heading in zip(lines, flags) if heading and len(line.text) == 1] + outside
    blocks: list[tuple[bool, list[PageLine]]] = []
    names = {line.text for line, author in zip(lines, author_at) if author}
    for line, heading in zip(lines, flags):
        if heading and len(line.text) == 1:
            continue
        if blocks and blocks[-1][0] == heading:
            blocks[-1][1].append(line)
        else:
            blocks.append((heading, [line]))
    # Signed articles (an author's name, or a byline at the end) are cut
    # where one is signed and the next begins; elsewhere at every headline.
    signed = bool(names) or bylines
    articles: list[ArticleLines] = []
    closed = True  # the previous article ended with its closing note or byline
    for number, (heading, block) in enumerate(blocks):
        after = blocks[number + 1][1][0] if number + 1 < len(blocks) else None
        if heading and _inside_a_sentence(block, articles, after, names):
            if len(block) > 1:
                _set_headings(articles[-1], block[:-1], structured, page_text)
            articles[-1].byline = author_names(block[-1].raw)
        elif heading:
            closed = _heading_block(block, articles, closed, signed, names, structured, page_text)
        else:
            closed = _body_block(block, articles, closed, signed)
    return [a for a in articles if a.lines or a.headings], outside
