"""Rebuild paragraphs from printed column lines.

Page text keeps the printed lines but loses the paragraph indents.  A break
is put back only where the layout shows one: the line before it ends a
sentence and either falls short of its column (the last line of a
paragraph) or the line after it is narrower than its column (the lost
two-character indent of a first line).  Column width is measured locally,
because one article's columns can change width (a column of 22 em next to a
widened one of 30 em).
"""

from __future__ import annotations

import re

from converter.text import CLOSING, HAN_CLASS, PHRASE_BREAKS, SENTENCE_ENDS, WORD_CLASS

# A line ends a sentence when its last character, past closing quotes and
# brackets, is one of these.
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}][{CLOSING}]*$")
# A quotation closed after its stop (“真好！”): only text ends so.
_QUOTATION_END = re.compile(f"[{SENTENCE_ENDS}][{CLOSING}]+$")
# A note closing an article, alone on its line.
_CLOSING_NOTE = re.compile(r"[（(](?:完|全文完|续完|待续|未完|未完待续)[）)]")
# ... or after the text's last sentence on its line (了居民的心里。（完）).
_NOTE_AFTER_THE_END = re.compile(f"[{SENTENCE_ENDS}][{CLOSING}]*" + _CLOSING_NOTE.pattern + "$")
# Characters set a full em wide: Han and full-width letters and digits.
_FULL_WIDTH = re.compile(f"[{HAN_CLASS}\uff10-\uff5a]")

# How many lines (times two) on each side inform the local column width.
_WINDOW = 4
# A last line shorter than its column by this much (em) ends a paragraph:
# squeezed punctuation makes full lines vary by up to about 1.5 em.
_SHORT_LINE = 2.0
# Columns on the two sides of a line differing by more than this (em) are
# two column widths, not the ragged widths of one.
_WIDTH_CHANGE = 2.0
# The indent of a paragraph's first line, lost in the page text.
INDENT_WIDTH = 2.0
# A line narrower than its column by this much after a sentence end starts
# a paragraph: the two-character indent, less the slack of justified
# digits and squeezed punctuation.
_INDENT = 1.0


# Who said the quotation closed just before, alone on a line (巾帼志愿者小方笑着说。): the end of its paragraph.
_SPEECH_TAG = re.compile(f"^[^{SENTENCE_ENDS}{PHRASE_BREAKS}“”‘’]{{1,14}}(?:说|道|表示|介绍|感慨|感叹|坦言|强调)。$")


def says_who_said_it(line: str, following: str) -> bool:
    """A line closing a quotation, and the line after it naming who said it: one paragraph, however
    short the second line is.

    >>> says_who_said_it("岛石是我家，环境靠大家。”", "巾帼志愿者小方笑着说。")
    True
    >>> says_who_said_it("环境靠大家。”", "据了解，此次活动全镇共出动。"), says_who_said_it("大家。", "他说。")
    (False, False)
    """
    return bool(_QUOTATION_END.search(line.strip())) and bool(_SPEECH_TAG.match(following.strip()))


def ends_sentence(line: str) -> bool:
    """True when ``line`` ends with 。！？… (possibly followed by ”）).

    >>> ends_sentence("坚决打好防控阻击战。"), ends_sentence("击战。“一方有难八方支援”，")
    (True, False)

    A closing note alone on its line ends the text too: ``（完）``, ``（未完待续）``.

    >>> ends_sentence("（完）"), ends_sentence("（党委）"), ends_sentence("了居民的心里。（完）")
    (True, False, True)
    """
    line = line.strip()
    return bool(_SENTENCE_END.search(line) or _CLOSING_NOTE.fullmatch(line) or _NOTE_AFTER_THE_END.search(line))


# A reporter's credit printed unbracketed after the text's last sentence: …事件进展。华商报记者 马群
# (the medium's name, 记者 or 通讯员, the names); its name may be cut onto the next line.
# The medium's name is what tells the credit from narration (…前来。随后记者前往).
_CREDIT_AFTER_THE_END = re.compile(
    f"[{SENTENCE_ENDS}][{CLOSING}]*[{HAN_CLASS}·]{{0,7}}(?:报|台|网|社|客户端|中心)"
    f"(?:记者|通讯员)[ \u3000]*(?P<name>[{HAN_CLASS}]{{2,3}})?$"
)


def signed_after_the_end(line: str) -> bool:
    """The text's last sentence, then its reporter's credit without brackets: the text ends there.

    >>> signed_after_the_end("关注事件进展。华商报记者马群"), signed_after_the_end("一大堆。华商报记者")
    (True, False)
    >>> signed_after_the_end("记者了解到。记者走访了村里的"), signed_after_the_end("纷纷前来。随后记者前往")
    (False, False)
    """
    found = ("记者" in line or "通讯员" in line) and _CREDIT_AFTER_THE_END.search(line)  # most lines name none
    return bool(found and found.group("name"))


def credit_name_cut(line: str, following: str) -> bool:
    """A credit after the last sentence whose name the break put on the next line (…进展。华商报记者 / 马群).

    >>> credit_name_cut("关注事件进展。华商报记者", "马群"), credit_name_cut("关注事件进展。华商报记者", "马群到场")
    (True, False)
    >>> credit_name_cut("关注事件进展。华商", "报记者马群")
    True
    """
    if signed_after_the_end(line) or re.search(f"[{SENTENCE_ENDS}]", following):
        return False
    return bool(_CREDIT_AFTER_THE_END.search(line + following))  # the medium's name may be cut too: 华商 / 报记者


def ends_text(line: str) -> bool:
    """A line ending as only running text ends: a full stop or an ellipsis, or a quotation closed after its stop.

    A headline may end crying out (宁波志愿服务大篷车 / 300期啦！), never with a full stop.

    >>> ends_text("深入到群众心中。"), ends_text("“真好！”"), ends_text("秩序井然……"), ends_text("300期啦！")
    (True, True, True, False)
    """
    line = line.rstrip()
    if line.endswith(("。", "…")) or _QUOTATION_END.search(line):
        return True
    return ends_sentence(line) and line.endswith(("）", ")"))  # a closing note: （完）


def set_width(line: str) -> float:
    """Width a line takes on the page, in em, with Chinese punctuation squeezed.

    Newspapers set CJK punctuation at half width inside lines (a column of 12
    Han characters also holds 11 characters and two commas), and ASCII at
    about half width.

    >>> set_width("纽带，作为政府服务和管理非"), set_width("截至2月11日")
    (12.5, 5.5)
    """
    full = len(_FULL_WIDTH.findall(line))
    return full + 0.5 * (len(line) - full)


def _column_width(widths: list[float]) -> float:
    """The upper quartile of some line widths.

    Most lines of a column are full, so the upper quartile is the column
    width even in a short stretch holding a few paragraph ends.
    """
    ordered = sorted(widths)
    return ordered[(3 * len(ordered)) // 4]


def paragraph_breaks(lines: list[str]) -> list[bool]:
    """For each line, whether a new paragraph starts after it (the last one is always True)."""
    widths = [set_width(line) for line in lines]
    breaks: list[bool] = []
    for index, line in enumerate(lines):
        if index == len(lines) - 1:
            breaks.append(True)
            continue
        if not (ends_sentence(line) or signed_after_the_end(line)) or says_who_said_it(line, lines[index + 1]):
            breaks.append(False)
            continue
        # Both lines are measured against the column around them; where
        # the column changes width (the two sides differ by more than
        # _WIDTH_CHANGE), the line is measured against the column it ends and
        # the next line against the column it starts.
        column_before = _column_width(widths[max(0, index - 2 * _WINDOW) : index + 1])
        column_after = _column_width(widths[index + 1 : index + 2 + 2 * _WINDOW])
        # Near either end of the article one side is too short to show its column.
        one_side_short = index + 1 < _WINDOW or index + 1 + _WINDOW > len(widths)
        if one_side_short or abs(column_before - column_after) <= _WIDTH_CHANGE:
            column_before = column_after = _column_width(
                widths[max(0, index - 2 * _WINDOW) : index + 2 + 2 * _WINDOW]
            )
        # The first line of a paragraph lost its indent: it is short by that much already.
        indent = INDENT_WIDTH if index == 0 or breaks[-1] else 0.0
        short_line = widths[index] <= column_before - _SHORT_LINE - indent
        next_indented = widths[index + 1] <= column_after - _INDENT
        breaks.append(short_line or next_indented)
    return breaks


def narrowing_starts(lines: list[str], breaks: list[bool] | None = None) -> set[int]:
    """The paragraphs (numbered as join_paragraphs numbers them) that open where the column narrows.

    An article's last paragraphs may be set wider (the sample's last article widens); a text set
    narrower again after them is most often another article.

    >>> wide, narrow = ["甲" * 20, "甲" * 20, "甲" * 10 + "。"], ["乙" * 12, "乙" * 14, "乙" * 14, "乙" * 5 + "。"]
    >>> narrowing_starts(wide + narrow), narrowing_starts(narrow + wide)
    ({1}, set())
    """
    widths = [set_width(line) for line in lines]
    starts, found = [0], set()
    for index, ends in enumerate((breaks or paragraph_breaks(lines))[:-1]):
        if ends:
            starts.append(index + 1)
    for number, start in enumerate(starts[1:], 1):
        before, after = widths[max(0, start - 2 * _WINDOW) : start], widths[start : start + 2 * _WINDOW]
        if len(before) >= 2 and len(after) >= 2 and _column_width(before) - _column_width(after) > _WIDTH_CHANGE:
            found.add(number)
    return found


# A Latin word inside Chinese text (after and before a Chinese character, a mark or a figure), at a line's end and
# at the next one's start: one word broken by the line's end (形象的PP / T向小朋友们…: PPT; 、V / CR回顾; 公司L /
# T24班), as the column breaks anywhere. Of the worked-on articles' 44 Latin words (APP, QQ, LED, iPad) none
# stands beside another; a Latin sentence's words go on parted by a blank.
_LATIN_WORD_ENDS = re.compile(r"(?:[^\x00-\x7f]|[0-9])[A-Za-z]+$")
_LATIN_WORD_STARTS = re.compile(r"^[A-Za-z]+(?:[^\x00-\x7f]|[0-9])")


def _join(left: str, right: str) -> str:
    """Join two printed lines: no separator, except between two Latin words.

    >>> _join("形象的PP", "T向小朋友们"), _join("主持人探访、V", "CR回顾"), _join("the quick", "brown fox")
    ('形象的PPT向小朋友们', '主持人探访、VCR回顾', 'the quick brown fox')
    >>> _join("亚美信公司L", "T24班")
    '亚美信公司LT24班'
    """
    latin = left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha()
    if not latin or (_LATIN_WORD_ENDS.search(left) and _LATIN_WORD_STARTS.match(right)):
        return left + right  # the word patterns asked only where two Latin letters meet: most lines join here
    return f"{left} {right}"


def join_paragraphs(lines: list[str]) -> list[str]:
    """Join a column's lines (blanks already closed) into paragraphs.

    >>> join_paragraphs(["本报讯当前新型冠状病", "毒肺炎疫情的防控工作正处", "于关键时刻。作为党委联系",
    ...                  "非公有制经济人士的桥梁。", "一是积极采取疫情综合", "防控措施。"])
    ... # doctest: +NORMALIZE_WHITESPACE
    ['本报讯当前新型冠状病毒肺炎疫情的防控工作正处于关键时刻。作为党委联系非公有制经济人士的桥梁。',
     '一是积极采取疫情综合防控措施。']
    """
    return joined_and_narrowing(lines)[0]


def joined_and_narrowing(lines: list[str]) -> tuple[list[str], set[int]]:
    """The paragraphs (see join_paragraphs) and those opening where the column narrows (see narrowing_starts)."""
    lines = [line for line in lines if line]
    breaks = paragraph_breaks(lines)
    paragraphs: list[str] = []
    current = ""
    for line, ends in zip(lines, breaks):
        current = _join(current, line)
        if ends:
            paragraphs.append(current)
            current = ""
    return paragraphs, narrowing_starts(lines, breaks) if len(paragraphs) > 1 else set()


_WORD = re.compile(f"[{WORD_CLASS}]")
_OPENERS = "《“‘（(「『〔【"
_CLOSERS = "》”’）)」』〕】"


def unclosed(text: str) -> bool:
    """An opening bracket or quote still open at the end of the line: ``为认真落实中共中央《关于加强``."""
    depth = 0
    for char in text:
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS and depth:
            depth -= 1
    return depth > 0


def continues_into(line: str, next_line: str, page_text: str) -> bool:
    """Whether ``line`` runs on into ``next_line`` as one sentence, on the evidence of the text alone.

    It does when a bracket or quote is left open, or when the three
    characters across the line break form a word seen elsewhere on the page
    (``page_text``, the page's lines joined, holds this junction once itself).
    A headline over its first paragraph shares no such word with it.

    >>> page = "新时代中国共产党的历史使命，源自历史。肩负历史使命。"
    >>> continues_into("新时代中国共产党的历史使", "命，源自历史", page)
    True
    >>> continues_into("人民期待", "中华民族伟大复兴", page + "人民期待中华民族伟大复兴")
    False
    """
    if not line or not next_line or ends_sentence(line):
        return False
    if unclosed(line):
        return True
    for junction in (line[-2:] + next_line[:1], line[-1:] + next_line[:2]):
        if len(junction) == 3 and len(_WORD.findall(junction)) == 3 and page_text.count(junction) >= 2:
            return True
    return False
