"""Headline lines: which printed lines of a page without datelines are headlines, not text.

A headline line is set apart by evidence: much narrower or wider than the
column around it, or set apart by blank lines where blanks mark structure,
with no sentence running through it; an author's name and the lines right over
it (the title it signs).  A narrow line running on into the body below it is a
paragraph's first line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from converter.clean.lines import (
    DASH_START,
    DETAIL_LINE,
    PAGE_HEADER,
    SENTENCE_PUNCTUATION,
    PageLine,
)
from converter.clean.paragraphs import continues_into, ends_sentence, ends_text, set_width, signed_after_the_end
from converter.text import CLOSE_PARENS, CRIES, OPEN_PARENS, PHRASE_BREAKS, RUNNING_TEXT_MARKS

# A clause break inside a line: text, not a headline crying out.
_CLAUSE_BREAK = re.compile(f"[{PHRASE_BREAKS}、]")


def _upper_quartile(widths: Sequence[float]) -> float:
    ordered = sorted(widths)
    return ordered[(3 * (len(ordered) - 1)) // 4]


def _local_columns(widths: list[float], reach: int = 6) -> list[float]:
    return [_upper_quartile(widths[max(0, i - reach) : i + reach + 1]) for i in range(len(widths))]


def _side_columns(widths: list[float], reach: int = 6) -> list[tuple[float, ...]]:
    """The column width above each line and below it (one side only at the page's edges).

    A line is narrower or wider than its column only when it is so against
    both: where the column changes width (an article widened for its last
    paragraphs, then the next one set narrow) the first narrow lines are the
    next column's, not headlines.

    >>> _side_columns([20, 20, 20, 12, 12, 12], reach=2)[3]
    (20, 12)
    """
    return [_sides_at(widths, index, reach) for index in range(len(widths))]


def _sides_at(widths: Sequence[float], index: int, reach: int = 6) -> tuple[float, ...]:
    above, below = widths[max(0, index - reach) : index], widths[index + 1 : index + reach + 1]
    return tuple(_upper_quartile(side) for side in (above, below) if side) or (widths[index],)


def _wider(width: float, sides: tuple[float, ...]) -> bool:
    return all(width > side + 2 for side in sides)


def _narrower(width: float, sides: tuple[float, ...], share: float = 0.8) -> bool:
    return all(width < share * side for side in sides)


def wide_at(widths: Sequence[float], index: int) -> bool:
    """The line at index is set wider than the column on both sides of it.

    >>> widths = [10.5, 10.5, 2.0, 15.5]
    >>> wide_at(widths, 3), wide_at(widths, 1), narrow_at(widths, 2)
    (True, False, True)
    """
    return _wider(widths[index], _sides_at(widths, index))


def narrow_at(widths: Sequence[float], index: int) -> bool:
    """The line at index is set much narrower than the column on both sides of it."""
    return _narrower(widths[index], _sides_at(widths, index))


def blanks_are_structure(lines: list[PageLine]) -> bool:
    """Whether blank lines mark structure on this page, or the extraction put one after every line.

    A county page's text has a blank line after each printed line, another
    extraction none at all; there blanks say nothing, and only widths and
    punctuation tell headlines apart.
    """
    blanks = sum(line.gap_before for line in lines[1:])
    return blanks > 0 and blanks * 2 <= len(lines) - 1


def closes(line: PageLine) -> bool:
    """The line finishes something: a sentence, a bracketed byline or closing note."""
    return ends_sentence(line.text) or line.text[-1:] in CLOSE_PARENS or signed_after_the_end(line.text)



def cries_out(line: PageLine) -> bool:
    """A headline crying out, one phrase ended by ！ or ？ (荷地镇重阳活动超暖心！): it finishes no text.

    Text ending so has a clause before it (您一定会赞叹，定西真美！) or closes a quotation (“真好！”).

    >>> cries_out(PageLine("荷地镇重阳活动超暖心！", "荷地镇重阳活动超暖心！", "p", False))
    True
    >>> cries_out(PageLine("您一定会赞叹，定西真美！", "您一定会赞叹，定西真美！", "p", False))
    False
    """
    text = line.text.rstrip()
    return not ends_text(text) and text.endswith(tuple(CRIES)) and not _CLAUSE_BREAK.search(text)


def _alone(lines: list[PageLine], gaps: list[bool], index: int) -> bool:
    """The line stands between blanks (or a blank and the page's end) and holds no sentence punctuation."""
    text = lines[index].text
    followed = index + 1 == len(lines) or gaps[index + 1]
    return gaps[index] and followed and not SENTENCE_PUNCTUATION.search(text) and text[-1:] not in "、，"


def _candidate_lines(lines: list[PageLine], page_text: str, authors: list[bool], gaps: list[bool],
                     widths: list[float], sides: list[tuple[float, ...]]) -> list[bool]:
    """First guess at headline lines: odd width or set apart by blanks, unpunctuated, not running on."""
    candidate: list[bool] = []
    for index, line in enumerate(lines):
        # After a blank line a column may go on mid-sentence, but then with
        # a full line; a narrow line there is a headline.
        runs_on = index > 0 and not gaps[index] and not candidate[-1] and not closes(lines[index - 1])
        punctuated = line.text[-1:] in RUNNING_TEXT_MARKS + "、…”" + CLOSE_PARENS or line.text[:1] in OPEN_PARENS + "“"
        # A detail on its own line (●时间：23日晚10时许) is the text's, as a sentence is.
        punctuated = punctuated or bool(DETAIL_LINE.match(line.text))
        # An indented first line of a paragraph is narrow too, but a
        # headline seldom holds a sentence's punctuation.
        narrow = 0.6 if SENTENCE_PUNCTUATION.search(line.text) else 0.8
        # A wide line holding a clause break is text set wider (a paragraph across two columns), not a headline.
        wide = _wider(widths[index], sides[index]) and not SENTENCE_PUNCTUATION.search(line.text)
        odd_width = _narrower(widths[index], sides[index], narrow) or wide
        set_apart = (
            gaps[index]
            and (index + 1 == len(lines) or gaps[index + 1])
            # After a finished sentence, or under another headline line set apart (kicker under a banner).
            and (index == 0 or closes(lines[index - 1]) or candidate[-1])
            and not SENTENCE_PUNCTUATION.search(line.text)
            and not line.text.endswith("、")
            # A blank can fall inside a sentence where the extraction changes region,
            # but not into a line set apart itself (two headlines one under the other).
            and not (
                index + 1 < len(lines)
                and continues_into(line.text, lines[index + 1].text, page_text)
                and not _alone(lines, gaps, index + 1)
            )
        )
        # A line led by a dash is a subtitle (——记…), unless a sentence of the body runs on into it (…还有特色产业 /
        # ——土生土长的跑山鸡、油牡: a dash of the text at the head of a column line).
        furniture = bool(PAGE_HEADER.match(line.text)) or (
            bool(DASH_START.match(line.text)) and not punctuated and not runs_on
        )
        candidate.append(furniture or authors[index] or ((odd_width or set_apart) and not runs_on and not punctuated))
    return candidate


def _runs_set_apart(lines: list[PageLine], page_text: str, gaps: list[bool], candidate: list[bool]) -> None:
    """A run of two or three unpunctuated lines between blanks, after a finished text, is a headline block.

    The series banner and kicker over a blank (认真学习宣传贯彻党的十九大精神 /
    积极开展资产收益扶贫), printed over the title and its author.
    """
    starts = [i for i in range(len(lines)) if gaps[i] or i == 0] + [len(lines)]
    for start, end in zip(starts, starts[1:]):
        run = lines[start:end]
        if not 2 <= len(run) <= 3 or end == len(lines) or all(candidate[start:end]):
            continue
        if start > 0 and not (closes(lines[start - 1]) or candidate[start - 1]):
            continue
        texts = [line.text for line in run]
        if any(SENTENCE_PUNCTUATION.search(t) or t[-1:] in RUNNING_TEXT_MARKS + "、…”" + CLOSE_PARENS for t in texts):
            continue
        if continues_into(texts[-1], lines[end].text, page_text):
            continue
        candidate[start:end] = [True] * len(run)


def _titles_over_authors(lines: list[PageLine], authors: list[bool], gaps: list[bool], candidate: list[bool]) -> None:
    """The unpunctuated lines right over an author's name are the title it signs."""
    for index in (i for i, author in enumerate(authors) if author):
        above = index - 1
        while above >= max(0, index - 3) and not gaps[above + 1]:
            text = lines[above].text
            if SENTENCE_PUNCTUATION.search(text) or text[-1:] in RUNNING_TEXT_MARKS + "、…”：" + CLOSE_PARENS:
                break
            candidate[above] = True
            above -= 1


def _demote_running_on(lines: list[PageLine], page_text: str, authors: list[bool], gaps: list[bool],
                       widths: list[float], columns: list[float], candidate: list[bool]) -> None:
    """A narrow line running on into the body below it is a paragraph's first line, not a headline."""
    # From the bottom up, so that a line demoted to body counts as body for the line above it.
    for index in range(len(lines) - 2, -1, -1):
        text, below = lines[index].text, lines[index + 1]
        if not candidate[index] or candidate[index + 1] or gaps[index + 1] or len(text) < 2:
            continue
        if authors[index] or PAGE_HEADER.match(text) or DASH_START.match(text):
            continue
        # Full as the column below goes on, or as the lines right under it where the column widens further down.
        under = max(widths[index + 2 : index + 4], default=columns[index + 1])
        full_below = widths[index + 1] >= min(columns[index + 1], under) - 1.0
        # A clause break inside the line (an enumeration's 、 too: 白色垃圾不见了、乱堆乱放 / 没有了、…)
        # and none at its end: the sentence goes on below.
        open_sentence = bool(SENTENCE_PUNCTUATION.search(text) or "、" in text) and not closes(lines[index])
        if continues_into(text, below.text, page_text) or (
            (full_below or open_sentence) and not closes(lines[index])
        ):
            candidate[index] = False


def _touching_blanks(candidate: list[bool], gaps: list[bool], structured: bool) -> list[bool]:
    """Runs of candidate lines that touch a blank line or the page edge (any run, where blanks mean nothing)."""
    flags = [False] * len(candidate)
    index = 0
    while index < len(candidate):
        if not candidate[index]:
            index += 1
            continue
        end = index
        while end + 1 < len(candidate) and candidate[end + 1] and not gaps[end + 1]:
            end += 1
        touches_blank = not structured or index == 0 or gaps[index] or end + 1 == len(candidate) or gaps[end + 1]
        for position in range(index, end + 1):
            flags[position] = touches_blank
        index = end + 1
    return flags


def heading_flags(lines: list[PageLine], page_text: str, authors: list[bool]) -> list[bool]:
    """Which lines are headline lines.

    A headline line is much narrower (or wider) than the column around it,
    or, where blanks mark structure, set apart by blanks on both sides
    without any sentence punctuation; it does not run on from an unfinished
    sentence, does not end like a sentence part, and its run of such lines
    touches a blank line or the page edge.  An author's name is a headline
    line, and so are the unpunctuated lines right over it (the title it
    signs, 不断优化公共经济责任配置 over 习亚哲).  Shortness alone is no headline:
    a narrow line that runs on into the body below it (``新时代中国共产党的历史使``
    over ``命，源自历史…``: a word across the break, a clause break inside it,
    or a full line below with nothing between) is the first line of a paragraph.
    """
    structured = blanks_are_structure(lines)
    gaps = [line.gap_before and structured for line in lines]
    widths = [set_width(line.text) for line in lines]
    columns = _local_columns(widths)
    candidate = _candidate_lines(lines, page_text, authors, gaps, widths, _side_columns(widths))
    _runs_set_apart(lines, page_text, gaps, candidate)
    _titles_over_authors(lines, authors, gaps, candidate)
    _demote_running_on(lines, page_text, authors, gaps, widths, columns, candidate)
    return _touching_blanks(candidate, gaps, structured)
