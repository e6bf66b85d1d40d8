"""Where a dated article's text ends: its last full stop, a cry after clause breaks (…契机， / …增光添彩！), a last
paragraph printed without its stop, a credit after its last sentence; and whether lines between articles are text.
"""

from __future__ import annotations

import re

from converter.clean.authors import author_lines
from converter.clean.bylines import split_byline, split_credit
from converter.clean.heading_lines import heading_flags
from converter.clean.lines import AUTHOR_NOTE, SENTENCE_PUNCTUATION, PageLine
from converter.clean.paragraphs import INDENT_WIDTH, ends_sentence, set_width
from converter.clean.spacing import close_cjk_gaps
from converter.text import CLAUSE_BREAKS, CLOSING, GOING_ON, SENTENCE_ENDS

# Lines on each side of a line that show the column it is set in.
AROUND = 8

# A line this wide of its column's widest lines or wider fills the column.
_FULL = 0.8


def credit_at(lines: list[PageLine], index: int, start: int, stop: int) -> tuple[str, list[str]]:
    """A line's text and its credit, printed without brackets too on the line between a sentence's end and the
    next dateline (a credit there opening the next story runs on into its text)."""
    alone = start < index == stop - 1 and ends_sentence(lines[index - 1].text)
    return split_credit(lines[index].raw, alone)


def cried_out(end: int, lines: list[PageLine], stop: int) -> int:
    """The article's last line: after its last full stop, a sentence of two lines or more, the first with a comma
    inside it, running on at clause breaks into a cry that ends it (下一步，…以文明提升为契机， / 开展更多文明实践
    活动，为文明城市创建增光添彩！), its first line about as wide as the column; a headline broken at a comma holds
    none before it (西江千户苗寨：苗寨稻田美如画， / 金谷飘香迎丰收！) or is narrower (今年，昌吉市以民生需求为导向， /
    将建成15个自治区美丽宜居村！).  A closing paragraph's indented first line opening as no headline does
    (下一步，新光社区将以) runs on through lines that fill the column, wherever they break.
    """
    after = end + 1
    column = max((set_width(line.text) for line in lines[max(0, end - AROUND) : end + 1]), default=0.0)
    closing = after < stop and (
        _opens_a_closing_paragraph(lines[after].text, column) or _runs_on_as_text(lines, after, column, stop)
    )
    if closing:
        after += 1
    elif after >= stop or not _INNER_CLAUSE.search(lines[after].text) or set_width(lines[after].text) < _FULL * column:
        return end
    while after < stop and (
        lines[after].text.endswith(tuple(CLAUSE_BREAKS)) or (closing and _set_as_text(lines, after, column))
    ):
        after += 1
    return after if end + 1 < after < stop and ends_sentence(lines[after].text) else end


def _as_wide_as_a_first_line(text: str, column: float) -> bool:
    """As wide as a paragraph's first line, its indent kept or lost (squeezed punctuation makes widths inexact)."""
    return _FULL * column - INDENT_WIDTH <= set_width(text) <= column


def _opens_a_closing_paragraph(text: str, column: float) -> bool:
    """A paragraph's first line opening as a story's last paragraph does (下一步，新光社区将以): a headline never
    opens so."""
    return text.startswith(GOING_ON) and _as_wide_as_a_first_line(text, column)


def _runs_on_as_text(lines: list[PageLine], index: int, column: float, stop: int) -> bool:
    """A paragraph's first line with a clause or list break inside it or a comma at its end, then a line filling
    the column as text does (通过各方面的大力宣传，我 / 市公民文明素质和社会文明程度 / …, or 通过各方面的大力宣传， /
    我市公民文明素质和社会文 / …): a last paragraph crying out at its end (…的强大力量！), which no run of headlines
    is set as."""
    text = lines[index].text
    if not _as_wide_as_a_first_line(text, column) or not (_INNER_BREAK.search(text) or text.endswith("，")):
        return False
    return not ends_sentence(text) and index + 1 < stop and _set_as_text(lines, index + 1, column)


def _set_as_text(lines: list[PageLine], index: int, column: float) -> bool:
    """A line of a sentence running on as text: it ends none, fills the column (a headline runs wider or
    narrower), and it or the line before holds a clause break with words after it."""
    text = lines[index].text
    return not ends_sentence(text) and _FULL * column <= set_width(text) <= column and _INNER_CLAUSE.search(
        lines[index - 1].text + text
    ) is not None


def lost_its_stop(rest: list[PageLine]) -> bool:
    """Text after an article's last line-final stop, no headline line among it, running to the next dateline:
    the article's last paragraph, its final stop not printed (目前，村民捡回来的石头…充满憧憬); one sentence of
    two lines or more is too, where a clause break inside a line shows it is text (…得到 / 了…支持，村民…憧憬)."""
    clause = len(rest) > 1 and any(_INNER_CLAUSE.search(line.text) for line in rest)
    if not (holds_text(rest) or clause):
        return False
    page_text = "".join(line.text for line in rest)
    return not any(heading_flags(rest, page_text, author_lines(rest, page_text)))


# A clause break inside a line, text going on after it (…的赞同和支持，村民对…).
_INNER_CLAUSE = re.compile("[，；](?=.)")
# A break inside a paragraph's first line, a list's too (让我们以共识聚合力、以智慧促).
_INNER_BREAK = re.compile("[，；、](?=.)")
# Headlines never end a sentence; a stretch with this many sentence ends is text.
_TEXT_SENTENCE_ENDS = 2
# A sentence ends inside a line too (作正式展开。今年…), or before its byline (0亩。（张磊）).
# Only a full stop, or a quotation closed after its stop, counts: a headline may cry out or ask
# (险！宁都一蚊香厂发生火灾 幸！没有造成人员伤亡), while text quotes (大伙儿的心也敞亮了！”).
_SENTENCE_END = re.compile(f"。|[{SENTENCE_ENDS}][{CLOSING}]")


def holds_text(lines: list[PageLine]) -> bool:
    """Lines between articles that are running text, not headlines or captions.

    >>> page = lambda *texts: [PageLine(t, t, "p", False) for t in texts]
    >>> holds_text(page("全县开展汛期安全大检查", "书香满校园"))
    False
    >>> holds_text(page("险！宁都一蚊香厂发生火灾 幸！没有造成人员伤亡", "谁来管？"))
    False
    >>> holds_text(page("国务院新闻办公室5日举行新闻", "发布会。", "有关负责人表示，夏粮收购", "进展顺利。"))
    True
    >>> holds_text(page("3月31日，小冰麦播种工", "作正式展开。",
    ...                  "合作种植面积从7000亩扩大到近2000", "0亩。（张磊 尹雪）"))
    True

    >>> holds_text(page("村民过上城里人的生活。村民说：“灯亮了，", "大伙儿的心也敞亮了！”图为路灯一角"))
    True

    One sentence closed by its byline or its author's note is a short article too:

    >>> holds_text(page("在秋收农忙时节，法庭干警沿着山路", "驱车20余里，促成该案成功调解。（胡继锋）"))
    True
    >>> holds_text(page("该社区请孤寡老人吃团圆饭，", "祝他们健康长寿。", "（作者：周家山）"))
    True
    """
    text = "".join(line.text for line in lines)
    signed = any(signs_a_sentence(line, lines[n - 1] if n else None) for n, line in enumerate(lines))
    return len(_SENTENCE_END.findall(text)) >= _TEXT_SENTENCE_ENDS or signed


def listing_title(lines: list[PageLine], index: int, start: int) -> bool:
    """A line ending with an ellipsis that only lists (洗衣服、理发、唠家常……) under a line of no punctuation:
    a headline's first line among the page's headlines, not the end of the text above them."""
    text = lines[index].text
    if not text.endswith("…") or SENTENCE_PUNCTUATION.search(text.rstrip("…")) or index <= start:
        return False
    previous = lines[index - 1].text
    return not SENTENCE_PUNCTUATION.search(previous) and not previous.endswith(("、", "…"))


def signs_a_sentence(line: PageLine, before: PageLine | None) -> bool:
    """A byline or an author's note after a sentence's end, on its line or alone under it
    (…成功调解。（胡继锋）, …健康长寿。 / （作者：周家山）)."""
    rest, names = split_byline(line.raw)
    if not names and AUTHOR_NOTE.match(line.text):
        rest, names = "", [line.text]
    ended = close_cjk_gaps(rest) or (before.text if before else "")
    return bool(names) and ends_sentence(ended)
