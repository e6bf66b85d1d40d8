"""What a page prints besides articles, and what its text extraction adds.

Page furniture: the date and page name at the head of the page
(``2018年1月3日星期三``, ``7理论``).  Figure notes: the source of a chart and
the credit of a graphic or photo (``数据来源：…``, ``本版制图：李姿阅``,
``新华社记者 张三摄``).  Extraction debris: a line broken before punctuation
that never starts a printed line (``新使命`` / ``：中国共产党的历史担当``) and a
line printed twice (``新使命：`` over ``新使命：中国共产党的历史担当``).
None of it is article text; all of it is kept apart, so nothing is lost.
"""

from __future__ import annotations

import re

from converter.clean.articles import PAGE_HEADER, PageLine, blanks_are_structure
from converter.clean.paragraphs import continues_into, credit_name_cut, ends_sentence, set_width
from converter.clean.spacing import HAN, close_cjk_gaps
from converter.text import CLAUSE_BREAKS, CLOSING, FIGURE_NOTE_LABELS, RUNNING_TEXT_MARKS, SENTENCE_ENDS, either

# Chinese typesetting never starts a line with these (closing punctuation).
_NO_LINE_START = CLAUSE_BREAKS + SENTENCE_ENDS + CLOSING + "〕】:;,."
# How many lines at the head of a page may be furniture.
_HEADER_LINES = 4
# A figure note's label: the word for a source or a credit, after what it
# labels, then a colon (数据来源：, 本版制图：, 图片来源：, 责任编辑：); not 资金来源：
# or 总体设计：, which start lines of text.
_NOTE_LABEL = re.compile(
    r"^(?:本版|本图|图表|图片)?(?:数据|资料|图片|图表|信息)?"
    + either(FIGURE_NOTE_LABELS) + "[：:]"
)
# A photo credit on a short line of its own: 新华社记者 张三摄, 李四 摄.
_PHOTO_CREDIT = re.compile(f"^[^{RUNNING_TEXT_MARKS}、]{{2,16}}摄$")
# A photo credit is narrower than this share of the page's full lines.
_CREDIT_WIDTH = 0.75
# A note wraps over at most this many more lines.
_NOTE_LINES = 3
# A line repeated by the next one is an extraction duplicate only from this
# many Han characters on.
_MIN_REPEATED = 3


# What follows the bracket of a closing note: 完）, 未完待续）.
_NOTE_REST = re.compile(r"(?:完|全文完|续完|待续|未完|未完待续)[）)]")


def join_broken_lines(lines: list[PageLine]) -> list[PageLine]:
    """A line starting with closing punctuation continues the line before it.

    >>> [l.text for l in join_broken_lines([PageLine("新使命", "新使命", "p", True),
    ...                                      PageLine("：中国", "：中国", "p", False)])]
    ['新使命：中国']
    >>> number = [PageLine("达 38", "达38", "p", True), PageLine(". 6 万元", ". 6万元", "p", True)]
    >>> [l.text for l in join_broken_lines(number)]
    ['达38.6万元']

    A headline line ending in a lone shadow of that punctuation loses the shadow:

    >>> [l.text for l in join_broken_lines([PageLine("“志愿V光 全城好运 ”", "“志愿V光全城好运”", "p", True),
    ...                                      PageLine(" ”招募火热进行", "”招募火热进行", "p", False)])]
    ['“志愿V光全城好运”招募火热进行']

    So does a reporter's name the break cut off the credit after the last sentence:

    >>> [l.text for l in join_broken_lines([PageLine("进展。华商报记者 ", "进展。华商报记者", "p", True),
    ...                                      PageLine("马群", "马群", "p", True)])]
    ['进展。华商报记者马群']
    """
    joined: list[PageLine] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous is None:
            joined.append(line)
        elif _dash_cut(previous.text, line.text) or _note_cut(previous.text, line.text):
            joined[-1] = _run_on(previous, previous.raw.rstrip(), line)  # the halves of a dash (融融— / —一场…)
        elif credit_name_cut(previous.text, line.text):
            joined[-1] = _run_on(previous, previous.raw.rstrip() + " ", line)
        elif line.text[:1] in _NO_LINE_START and line.text[:1]:
            before = previous.raw.rstrip()
            shadow = len(before) > 2 and before[-1] == line.text[0] and before[-2].isspace()
            # A shadow of the mark the next line opens is dropped.
            joined[-1] = _run_on(previous, before[:-1].rstrip() if shadow else previous.raw, line)
        else:
            joined.append(line)
    return joined


def _run_on(previous: PageLine, head: str, line: PageLine) -> PageLine:
    """``line`` run on after ``previous`` (its raw text given as ``head``), blanks closed over the joint:
    a number broken before its point (38 / . 6万元) is one number."""
    raw = head + line.raw.strip()
    return PageLine(raw, close_cjk_gaps(raw), previous.page, previous.gap_before, index=previous.index)


def _dash_cut(line: str, following: str) -> bool:
    """A dash of two em the line break cut in half: 暖意融融— / —一场专为… (a dash is never printed alone).

    >>> _dash_cut("暖意融融—", "—一场专为"), _dash_cut("暖意融融——", "——记…"), _dash_cut("春风化雨润心田 —", "——记")
    (True, False, False)
    """
    return line.endswith("—") and not line.endswith("——") and following.startswith("—") and following[1:2] != "—"


def _note_cut(line: str, following: str) -> bool:
    """A closing note the line break cut after its bracket: …舒适的环境。（ / 完）.

    >>> _note_cut("舒适的环境。（", "完）"), _note_cut("协助党组（", "党委）")
    (True, False)
    """
    return line.endswith(("（", "(")) and bool(_NOTE_REST.fullmatch(following.strip()))


def _is_copy(line: str, rest: str, after_sentence: bool) -> bool:
    """Whether ``line``, which the next line starts with (then goes on with ``rest``), is a copy of it.

    ``after_sentence``: the line before ``line`` finished a sentence or announced one (ends in ：).
    """
    if rest and not rest[0].isalnum():
        return False  # the next line goes on with punctuation or a byline: 防风险 over 防风险。当前…
    if not rest and after_sentence:
        return False  # a whole sentence said twice (a refrain) may be printed twice
    return any(char in _NO_LINE_START for char in line) and len(HAN.findall(line)) >= _MIN_REPEATED


def drop_repeated_lines(lines: list[PageLine]) -> tuple[list[PageLine], list[str]]:
    """Drop a line the next one repeats (whole, or as its start); return the dropped copies.

    Only a line holding punctuation is taken for a copy: two headlines may
    be the same words (a kicker ``习近平`` over ``习近平主持召开…``), a
    line of text running on from the one before is not printed twice.  A
    line that starts the next one is a copy only when the next one goes on
    with more words: ``防风险`` above ``防风险。当前…`` is a lead-in under
    its subhead.

    >>> kept, dropped = drop_repeated_lines([PageLine("新使命：", "新使命：", "p", True),
    ...     PageLine("", "新使命：中国共产党的历史担当", "p", False), PageLine("", "来我国发展相关数据。", "p", True),
    ...     PageLine("", "来我国发展相关数据。", "p", False), PageLine("", "习近平", "p", True),
    ...     PageLine("", "习近平主持召开", "p", False), PageLine("", "人人", "p", False),
    ...     PageLine("", "人人", "p", False),
    ...     PageLine("", "歌中唱道。", "p", False), PageLine("", "春天来了，花开了。", "p", False),
    ...     PageLine("", "春天来了，花开了。", "p", False)])
    >>> [l.text for l in kept]  # doctest: +NORMALIZE_WHITESPACE
    ['新使命：中国共产党的历史担当', '来我国发展相关数据。', '习近平', '习近平主持召开', '人人', '人人',
     '歌中唱道。', '春天来了，花开了。', '春天来了，花开了。']
    >>> dropped
    ['新使命：', '来我国发展相关数据。']
    """
    kept: list[PageLine] = []
    dropped: list[str] = []
    gap = False
    for index, line in enumerate(lines):
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        after_sentence = index == 0 or ends_sentence(lines[index - 1].text) or lines[index - 1].text.endswith("：")
        if following.startswith(line.text) and _is_copy(line.text, following[len(line.text) :], after_sentence):
            dropped.append(line.text)
            gap = gap or line.gap_before
            continue
        if gap and not line.gap_before:
            line = PageLine(line.raw, line.text, line.page, True, line.standalone, line.index)
        kept.append(line)
        gap = False
    return kept, dropped


def split_page_header(lines: list[PageLine]) -> tuple[list[PageLine], list[str]]:
    """Take the date and page-name lines off the head of a page.

    >>> rest, header = split_page_header([PageLine("", "2018年1月3日星期三", "p", False),
    ...     PageLine("", "7理论", "p", True), PageLine("", "新使命", "p", True)])
    >>> [l.text for l in rest], header
    (['新使命'], ['2018年1月3日星期三', '7理论'])
    """
    count = 0
    while count < min(_HEADER_LINES, len(lines) - 1) and PAGE_HEADER.match(lines[count].text):
        count += 1
    return lines[count:], [line.text for line in lines[:count]]


def is_figure_note(text: str, full_width: float) -> bool:
    """A chart's source or a graphic's credit; ``full_width`` is the width (em) of the page's full lines.

    >>> [is_figure_note(t, 14) for t in ("数据来源：国家统计局", "本版制图：李姿阅", "新华社记者李贺摄")]
    [True, True, True]
    >>> [is_figure_note(t, 14) for t in ("资金来源：一是", "来源于群众", "他们一起走进影棚开始拍摄")]
    [False, False, False]
    """
    if _NOTE_LABEL.match(text):
        return True
    return bool(_PHOTO_CREDIT.match(text)) and set_width(text) < _CREDIT_WIDTH * full_width


def _starts_apart(lines: list[PageLine], index: int, structured: bool) -> bool:
    """The line does not run on from a sentence: first of the page, after a finished sentence,
    or after a blank where blanks mark structure."""
    if index == 0 or (structured and lines[index].gap_before):
        return True
    previous = lines[index - 1].text
    return ends_sentence(previous) or previous[-1:] in "）)"


def split_figure_notes(lines: list[PageLine], page_text: str) -> tuple[list[PageLine], list[str]]:
    """Take figure notes out of the flow of text, with the lines they wrap onto.

    A note starts apart from the text before it; it goes on over the next
    lines while the line ends on its bare label (``数据来源：``) or runs on
    into the next (an open ``《``, a word across the break), up to a
    sentence end.
    """
    structured = blanks_are_structure(lines)
    full_width = 0.0  # measured only on a page that has a line shaped like a photo credit
    if any(_PHOTO_CREDIT.match(line.text) for line in lines):
        widths = sorted(set_width(line.text) for line in lines)
        full_width = widths[(3 * (len(widths) - 1)) // 4]
    kept: list[PageLine] = []
    notes: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not (is_figure_note(line.text, full_width) and _starts_apart(lines, index, structured)):
            kept.append(line)
            index += 1
            continue
        note = [line.text]
        index += 1
        while index < len(lines) and len(note) <= _NOTE_LINES and not is_figure_note(lines[index].text, full_width):
            last = note[-1]
            if not (_NOTE_LABEL.fullmatch(last) or continues_into(last, lines[index].text, page_text)):
                break
            note.append(lines[index].text)
            index += 1
        notes.append("".join(note))
    return kept, notes
