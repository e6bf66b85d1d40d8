"""Articles continued on another page: the text the jump lines (clean/jumps.py) join.

A front-page article often stops with a jump line, （下转第2版）, and goes on
elsewhere after （上接第1版）, usually in the middle of a paragraph, with the
byline only at the end of the second part and the headline only on the first
page.  Before the pages are parsed, each continuation is moved from the page
it is printed on to the place its jump line left on the first page, so the
article is parsed whole, as if printed in one piece; afterwards the joins are
found again in the parsed articles and recorded as page turns.

A jump line that leads nowhere keeps both parts where they are printed and
says so in a warning; no text is ever dropped, and jump lines never reach the
articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.clean.articles import DATELINE
from converter.clean.bylines import split_byline
from converter.clean.headlines import derive_title
from converter.clean.jumps import Jump, find_jumps, page_numbers
from converter.clean.paragraphs import ends_sentence, join_paragraphs, paragraph_breaks, set_width
from converter.clean.spacing import HAN, close_cjk_gaps
from converter.model import Article, Headline, Issue, PageTurn

# How many characters on each side of a join tell it apart in the parsed text.
_ANCHOR = 12
# A stretch cut off by a jump line with no continuation is at most this many lines.
_TAIL_LINES = 8


def _key(text: str) -> str:
    """Text without any blank: the same in printed lines and in joined paragraphs."""
    return re.sub(r"\s+", "", text)


@dataclass
class Join:
    """A continuation moved onto the page it continues: found again after parsing by the text around it."""

    first_page: str
    page: str
    before: str  # the last characters before the join (no blanks)
    after: str  # the first characters after it


@dataclass
class Tail:
    """The unfinished sentence before a jump line that leads nowhere, kept aside so the parser keeps it."""

    page: str
    before: str  # the last characters of the text before it
    text: str
    new_paragraph: bool


@dataclass
class Continued:
    """What the jump lines of an issue did to its pages, to be finished once the pages are parsed."""

    joins: list[Join] = field(default_factory=list)
    tails: list[Tail] = field(default_factory=list)
    orphans: dict[str, list[Article]] = field(default_factory=dict)  # page → continuations with no start
    emptied: set[str] = field(default_factory=set)  # pages whose whole text was a continuation
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Marker:
    page: int
    line: int
    jump: Jump


def _markers(pages: list[list[str]]) -> list[_Marker]:
    return [
        _Marker(page, number, jump)
        for page, lines in enumerate(pages)
        for number, line in enumerate(lines)
        for jump in find_jumps(line)
    ]


def _strip(line: str, jump: Jump) -> str:
    """The line without its jump line (empty when that was all of it)."""
    rest = line[: jump.start] + line[jump.end :]
    return rest.rstrip() if rest.strip() else ""


def _continuation_end(lines: list[str], start: int) -> int:
    """The last line of a continuation starting at ``start``: its byline, or its last sentence before the next article.

    The next article starts at a dateline after a finished sentence or at
    another jump line; without a byline the continuation ends at its last
    sentence end, and the lines after it (the page's headlines) stay.
    """
    last_sentence = None
    previous = ""
    for index in range(start, len(lines)):
        jumps = find_jumps(lines[index])
        # （接第一版） is shaped like a bracketed byline: judge the line without its jump lines.
        raw = _without_jumps(lines[index], jumps)
        if index > start and any(j.direction == "up" for j in jumps):
            break
        if any(j.direction == "down" for j in jumps):
            return index
        if not raw.strip():
            continue
        text = close_cjk_gaps(raw)
        if index > start and DATELINE.match(text) and (ends_sentence(previous) or not previous):
            break
        if split_byline(raw)[1]:
            return index
        if ends_sentence(text):
            last_sentence = index
        previous = text
    return last_sentence if last_sentence is not None else start


def _without_jumps(line: str, jumps: list[Jump]) -> str:
    for jump in reversed(jumps):
        line = line[: jump.start] + line[jump.end :]
    return line


def _texts(lines: list[str]) -> list[str]:
    return [close_cjk_gaps(line) for line in lines if line.strip()]


def _cut_continuation(lines: list[str], marker: _Marker) -> list[str]:
    """Take the continuation opened by ``marker`` out of its page's lines; returns its lines, the jump line gone."""
    end = _continuation_end(lines, marker.line)
    block = lines[marker.line : end + 1]
    block[0] = _strip(block[0], marker.jump)
    del lines[marker.line : end + 1]
    return block if block[0] else block[1:]


def _column(texts: list[str]) -> float:
    """A column's width: the upper quartile of its lines' widths (most lines are full)."""
    widths = sorted(set_width(text) for text in texts)
    return widths[(3 * len(widths)) // 4] if widths else 0.0


def relay(text: str, width: float, indent: int) -> list[str]:
    """Set ``text`` in lines of ``width`` em as a compositor does, the first ``indent`` em narrower.

    A Latin word or number is never cut, and punctuation that closes never
    starts a line (it hangs at the end of the line before, as printed).

    >>> relay("检查组一行先后来到蔚汾河沿岸两侧，详细了解", 6, 2)
    ['检查组一', '行先后来到蔚', '汾河沿岸两侧，', '详细了解']
    """
    lines: list[str] = []
    line = ""
    limit = width - indent
    for char in text:
        inside_word = line[-1:].isascii() and line[-1:].isalnum() and char.isascii() and char.isalnum()
        if line and set_width(line + char) > limit and not inside_word and char not in _NO_LINE_START:
            lines.append(line)
            line, limit = "", width
        line += char
    return lines + [line] if line else lines


_NO_LINE_START = "，。、；：！？）》”’」』…,.;:!?)"


def _closing(line: str) -> tuple[str, str]:
    """A continuation's last line split into its text and what closes it: the printed byline, a jump line on."""
    jumps = [j for j in find_jumps(line) if j.direction == "down"]
    if jumps:
        return line[: jumps[-1].start], line[jumps[-1].start :]
    rest, names = split_byline(line)
    return (rest, line[len(rest) :]) if names else (line, "")


def _splice(pages: list[list[str]], names: list[str], down: _Marker, up: _Marker, continued: Continued) -> None:
    """Move the continuation ``up`` opens to the place ``down`` leaves, set in the first page's column.

    The two pages' columns differ in width, and paragraph ends are read from
    widths: whether the jump cut a paragraph is decided with each page's own
    column, then the continuation is set again at the first page's width.
    """
    source, target = pages[down.page], pages[up.page]
    block = [line for line in _cut_continuation(target, up) if line.strip()]
    source[down.line] = _strip(source[down.line], down.jump)
    rows = [i for i in range(down.line + 1) if source[i].strip()]
    before = _key("".join(source[: down.line + 1]))[-_ANCHOR:]
    if not block or not rows:
        continued.joins.append(Join(names[down.page], names[up.page], before, ""))
        return
    last = rows[-1]
    context = _texts([source[i] for i in rows[-17:-1]])
    cut = close_cjk_gaps(source[last])
    block[-1], closing = _closing(block[-1])
    texts = _texts(block)
    after = _key("".join(texts))[:_ANCHOR]
    paragraphs = join_paragraphs(texts)
    width = _column(context + [cut])
    relaid: list[str] = []
    if paragraphs and ends_sentence(cut) and paragraph_breaks([cut] + texts)[0]:
        for paragraph in paragraphs:
            relaid += relay(paragraph, width, 2)
    elif paragraphs:
        # The cut paragraph is set again from its last line on the first page.
        first_line = not context or paragraph_breaks(context + [cut])[len(context) - 1]
        relaid = relay(cut + paragraphs[0], width, 2 if first_line else 0)
        for paragraph in paragraphs[1:]:
            relaid += relay(paragraph, width, 2)
        source[last] = ""
    if relaid:
        relaid[-1] += closing
    spaced = last + 1 < len(source) and not source[last + 1].strip()
    laid = [item for line in relaid for item in (["", line] if spaced else [line])]
    del source[last + 1 : down.line + 1]  # blank lines, and the jump line's own if it had one
    source[last + 1 : last + 1] = laid
    continued.joins.append(Join(names[down.page], names[up.page], before, after))


def _keep_tail(lines: list[str], marker: _Marker, name: str, continued: Continued) -> None:
    """Strip a jump line that leads nowhere and keep aside the unfinished sentence before it.

    The parser ends an article without a byline at its last sentence end;
    the words after it would become headline lines.  They are put back at the
    end of their article once the page is parsed.
    """
    lines[marker.line] = _strip(lines[marker.line], marker.jump)
    rows = [i for i in range(marker.line + 1) if lines[i].strip()]
    tail: list[int] = []
    for index in reversed(rows):
        text = close_cjk_gaps(lines[index])
        if ends_sentence(text) or split_byline(lines[index])[1]:
            break
        if DATELINE.match(text) or len(tail) == _TAIL_LINES:
            return  # the whole article is the unfinished sentence: the parser keeps it
        tail.insert(0, index)
    if not tail or tail[0] == rows[0]:
        return
    context = _texts([lines[i] for i in rows if i < tail[0]][-2 * _TAIL_LINES :])
    texts = _texts([lines[i] for i in tail])
    new_paragraph = paragraph_breaks(context + texts)[len(context) - 1]
    before = _key("".join(context))[-_ANCHOR:]
    continued.tails.append(Tail(name, before, "".join(texts), new_paragraph))
    for index in reversed(tail):
        del lines[index]


def _orphan(lines: list[str], marker: _Marker, name: str) -> Article:
    block = _cut_continuation(lines, marker)
    rest, names = split_byline(block[-1]) if block else ("", [])
    if names:
        block[-1] = rest
    paragraphs = join_paragraphs(_texts(block))
    return Article(Headline(title=derive_title(paragraphs), source="derived"), paragraphs, byline=names, source=name)


def _match(markers: list[_Marker], numbers: dict[int, int]) -> tuple[_Marker, _Marker] | None:
    """The first jump line down whose page holds a jump line up naming the page it leaves."""
    for down in (m for m in markers if m.jump.direction == "down"):
        target = numbers.get(down.jump.page)
        if target is None or target == down.page:
            continue
        for up in markers:
            if up.page == target and up.jump.direction == "up" and numbers.get(up.jump.page) == down.page:
                return down, up
    return None


def _describe(names: list[str], marker: _Marker, lines: list[str]) -> str:
    return f"{names[marker.page]}: “{_key(lines[marker.line][marker.jump.start : marker.jump.end])}”"


def join_continuations(pages: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], Continued]:
    """Move every continuation onto the page it continues; the pages' new texts and what was done."""
    names = [name for name, _ in pages]
    lines = [text.split("\n") for _, text in pages]
    numbers = page_numbers(names)
    continued = Continued()
    for _ in range(sum(len(_markers([page])) for page in lines)):
        pair = _match(_markers(lines), numbers)
        if pair is None:
            break
        _splice(lines, names, *pair, continued)
    # What is left leads nowhere: warn, keep the text where it is printed
    # (from the last marker up, so the lines of the others stay where they are).
    warnings: list[str] = []
    for marker in reversed(_markers(lines)):
        page = lines[marker.page]
        described = _describe(names, marker, page)
        target = numbers.get(marker.jump.page)
        if target is None:
            where = "the issue has no such page"
        elif marker.jump.direction == "down":
            where = f"no jump line on {names[target]} takes it up"
        else:
            where = f"no jump line on {names[target]} sends it here"
        if marker.jump.direction == "down":
            warnings.append(
                f"{described} sends the article on to page {marker.jump.page}, but {where}; "
                "the article ends where this page ends it"
            )
            _keep_tail(page, marker, names[marker.page], continued)
        else:
            warnings.append(
                f"{described} continues an article from page {marker.jump.page}, but {where}; "
                "the text is an article of its own with a title made from its lead"
            )
            continued.orphans.setdefault(names[marker.page], []).insert(0, _orphan(page, marker, names[marker.page]))
    continued.warnings = warnings[::-1]
    texts = ["\n".join(page) for page in lines]
    for (name, text), new in zip(pages, texts):
        if HAN.search(text) and not HAN.search(new):
            continued.emptied.add(name)
    return list(zip(names, texts)), continued


def _position(article: Article, key_offset: int) -> tuple[int, int]:
    """Paragraph and character offset of the ``key_offset``-th non-blank character of the article's text."""
    remaining = key_offset - len(_key(article.dateline or ""))
    for number, paragraph in enumerate(article.paragraphs):
        for offset, char in enumerate(paragraph):
            if char.isspace():
                continue
            if remaining == 0:
                return number, offset
            remaining -= 1
    return len(article.paragraphs) - 1, len(article.paragraphs[-1])


def _body_key(article: Article) -> str:
    return _key((article.dateline or "") + "".join(article.paragraphs))


def _place_joins(issue: Issue, continued: Continued) -> None:
    for join in continued.joins:
        for article in issue.articles:
            found = _body_key(article).find(join.before + join.after)
            if join.before + join.after and found >= 0:
                paragraph, offset = _position(article, found + len(join.before))
                article.page_turns.append(PageTurn(join.page, paragraph, offset))
                article.page_turns.sort(key=lambda t: (t.paragraph, t.offset))
                break
        else:
            issue.warnings.append(f"{join.page}: the text continued from {join.first_page} could not be found again")


def _place_tails(issue: Issue, continued: Continued) -> None:
    for tail in continued.tails:
        article = next(
            (a for a in issue.articles if a.source == tail.page and _body_key(a).endswith(tail.before)), None
        )
        if article is None:
            paragraphs = [tail.text]
            issue.articles.append(
                Article(Headline(derive_title(paragraphs), source="derived"), paragraphs, source=tail.page)
            )
        elif tail.new_paragraph:
            article.paragraphs.append(tail.text)
        else:
            article.paragraphs[-1] += tail.text


def finish_continuations(issue: Issue, continued: Continued) -> None:
    """Record the page turns of the joined articles and put back the text kept aside."""
    _place_joins(issue, continued)
    _place_tails(issue, continued)
    issue.warnings.extend(continued.warnings)
