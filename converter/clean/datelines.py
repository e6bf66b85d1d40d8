"""Datelines: where a county paper's article starts, and the articles cut at them.

A county paper's article starts at its dateline (本报讯, 本报记者…报道,
据…报道, 新华社…电, 本报3月2日讯, 某某网某地讯, 5月9日消息：) and ends with
its bracketed byline; the lines outside any article are headline lines, or
articles whose dateline is not printed (read by their headings instead).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from statistics import median
from typing import overload

from converter.clean.bylines import split_byline
from converter.clean.heading_lines import narrow_at, wide_at
from converter.clean.headings import split_by_headings
from converter.clean.lines import ArticleLines, PageLine
from converter.clean.paragraphs import ends_sentence, ends_text, paragraph_breaks, set_width, signed_after_the_end
from converter.clean.spacing import close_cjk_gaps
from converter.clean.text_ends import AROUND, credit_at, cried_out, holds_text, listing_title, lost_its_stop
from converter.text import (
    CHINESE_STOPS,
    CLAUSE_BREAKS,
    CLOSE_PARENS,
    HAN_CLASS,
    MEDIUM_KINDS,
    NEWS_AGENCIES,
    OPEN_PARENS,
    OWN_MEDIUM,
    REPORTER_ROLES,
    REPORTING_ROLES,
    either,
)

_ORG = either(NEWS_AGENCIES)
_BRACKETED = f"(?:[{OPEN_PARENS}][^{OPEN_PARENS}{CLOSE_PARENS}]{{1,24}}[{CLOSE_PARENS}])?"
_HAN = f"[{HAN_CLASS}]"
# 讯 ends a dateline, never the 讯 of 通讯员 (本报通讯员 张三 is no 本报通讯).
_XUN = "讯(?!员)"
_NOT_A_STOP = f"[^，{CHINESE_STOPS}]"  # a dateline runs on to 讯, 电 or 报道 within one clause
# 电 ends a dateline, never a word it opens (本报打来电话, 电视台).
_DIAN = "电(?![话视脑力网站台器动梯商影子费源线池灯气缆厂表])"
# A writer's name and credit: 唐兆权 文/图, 叶祯/文.
_MARKED_CREDIT = f"[{HAN_CLASS}]{{2,4}}\\s*(?:[/／]\\s*)?(?:[文图摄][/／][文图摄]|[文图摄](?=[\\s\\d]|$))"
# A reporter's role before a name (记者 严利君, 实习生 王昊宇).
_ROLE = either((*REPORTING_ROLES, "实习生"))
# A dateline's date, its hour too (6月16日6时讯).
_DATE = r"(?:\d{1,2}月\d{1,2}日(?:\d{1,2}时)?)"
DATELINE = re.compile(
    r"^(?:"
    r"本报讯" + _BRACKETED
    + r"(?:[\s：:]*" + either(REPORTER_ROLES) + f"[{HAN_CLASS}\\s、]{{2,20}}?(?:报道|{_XUN})[：:]?(?=\\s|{_HAN}))?"
    r"|本报" + either(REPORTING_ROLES) + _NOT_A_STOP + r"{1,24}?(?:报道|" + _XUN + ")" + _BRACKETED
    + f"|本报[^，{CHINESE_STOPS}\\s]{{1,12}}?{_DIAN}" + _BRACKETED
    + r"|据" + _ORG + r"?" + _NOT_A_STOP + r"{0,20}?报道[，,]?"
    + r"|据?" + _ORG + _NOT_A_STOP + r"{0,24}?" + _DIAN + _BRACKETED
    # 本报3月2日讯, 本报洛阳讯, 晚报讯, 本网讯
    + "|" + either(OWN_MEDIUM) + f"[{HAN_CLASS}\\d]{{0,8}}?{_XUN}" + _BRACKETED
    # 本报消息, 日报消息（通讯员丁宏亮、韦兵）; a paper's whole name only with its reporters in brackets
    # (鞍山日报消息（见习记者 董鹏飞…）), as a sentence may name a paper's 消息
    + "|" + either(OWN_MEDIUM) + "消息" + _BRACKETED + "[：:]?"
    + f"|{_HAN}{{1,8}}?" + either(MEDIUM_KINDS) + "消息" + _BRACKETED.removesuffix("?") + "[：:]?"
    # 红安网消息 红安县七里坪镇…: a medium's name and 消息 alone, told from a sentence by the blank after it
    + f"|{_HAN}{{1,8}}?" + either(MEDIUM_KINDS) + r"消息(?:(?=\s+[^\s（(])|[：:])"
    # 娄底新闻网新化讯, 东南网漳州4月4日讯（…）, 红网祁东站讯, 今视网5月4日南昌讯, 长城网邯郸4月24日电:
    # a medium's name, a place, a date
    # (浙江在线-普陀新闻网12月03日讯, 华龙网-新重庆客户端6月16日6时讯, 新甘肃·甘肃日报讯, 拂晓新闻网--拂晓报讯:
    # a name of two parts)
    + f"|(?:{_HAN}{{2,10}}?(?:--|[-－·]))?{_HAN}{{1,10}}?" + either(MEDIUM_KINDS) + _DATE + "?" + f"{_HAN}{{0,6}}?"
    + f"(?:{_DATE}?讯|{_DATE}电)"  # 电 only after its date (供电, 充电)
    + r"(?=[（(\s\d：:]|$)(?:[：:](?=[（(]))?" + _BRACKETED  # 视点网讯：（通讯员赵娜）: a colon before the names
    # 金山网讯近日…, 东北网2月26日讯近段时间…: the medium's own name, 讯 right after it or its date
    # (the run-on line of a story before it never: 充满憧憬本报讯)
    + f"|(?:(?!本[报网]){_HAN}){{1,10}}?" + either(MEDIUM_KINDS) + f"(?:{_DATE}?{_XUN}|{_DATE}{_DIAN})(?![息号])"
    # 5月9日消息：, 县融媒体中心新闻网6月1日消息：
    + f"|{_HAN}{{0,12}}?" + r"\d{1,2}月\d{1,2}日消息[：:]"
    # 云上嘉鱼报道（通讯员王云）
    + f"|{_HAN}{{2,8}}报道[：:]?[{OPEN_PARENS}][^{OPEN_PARENS}{CLOSE_PARENS}]{{1,24}}[{CLOSE_PARENS}]"
    # 本报记者 申力 通讯员 裴琳曼: the paper's reporters, one name after each role, a blank before the text
    + "|本报" + either(REPORTING_ROLES) + f"\\s*{_HAN}{{2,3}}"
    + "(?:\\s+" + either(REPORTER_ROLES) + f"\\s*{_HAN}{{2,3}})*(?=\\s)"
    # ◇唐兆权 文/图, ■本报记者叶祯/文 宋延康/图: marked writers' names and credits, where the article starts
    # (□记者 杨元琪 文/图 本报讯: the medium's 讯 after them)
    + f"|[◇◆□■●◎]\\s*(?:本报)?(?:{either(REPORTER_ROLES)}\\s*)?{_MARKED_CREDIT}(?:\\s+{_MARKED_CREDIT})*"
    + r"(?:\s*" + either(OWN_MEDIUM) + f"[{HAN_CLASS}\\d]{{0,8}}?{_XUN})?"
    # ■文/图 本报记者 胡亚华 本报讯: the credit first, then the writer, maybe the medium's 讯
    + f"|[◇◆□■●◎]\\s*[文图摄][/／][文图摄]\\s*(?:本报)?(?:{either(REPORTER_ROLES)}\\s*)?{_HAN}{{2,3}}"
    + f"(?:\\s+{_HAN}{{0,6}}?{_XUN})?(?=\\s)"
    # □ 记者 程向阳 王玲琳 晨刊讯: the reporters named (marked, parted by blanks), then the medium's 讯
    + f"|[◇◆□■●◎]?\\s*(?:本报)?{either(REPORTER_ROLES)}\\s*{_HAN}{{2,3}}"
    + f"(?:\\s+(?:{either(REPORTER_ROLES)}\\s*)?{_HAN}{{2,3}})*\\s+{_HAN}{{0,6}}?{_XUN}" + _BRACKETED
    # □朱诗钒 “古人学问…: a marked writer's name alone, a blank before the text
    + f"|[◇◆□■●◎]\\s*(?!(?:本报)?{either(REPORTER_ROLES)}){_HAN}{{2,4}}(?=\\s)"
    # 柳州讯 7月3日…, 掌上城关讯 近日…: a place's or an app's name and 讯 alone, told from a sentence's 喜讯 by
    # the blank printed after it
    + f"|{_HAN}{{2,4}}{_XUN}(?=\\s+[^\\s（(])"
    # 靖远讯（特约通讯员冯文强）: a place and 讯, its reporter in brackets
    + f"|{_HAN}{{2,6}}?{_XUN}(?=\\s*[（(][^（）()]*(?:{either(REPORTER_ROLES)}))\\s*" + _BRACKETED
    # ■记者 严利君 通讯员 熊建辉, □东方今报·猛犸新闻记者 徐先友 实习生 王昊宇: marked reporters, each named
    # after a role, a blank before the text
    + f"|[◇◆□■●◎]\\s*[{HAN_CLASS}·]{{0,12}}?{_ROLE}\\s*{_HAN}{{2,3}}(?:\\s+{_ROLE}\\s*{_HAN}{{2,3}})*"
    + f"(?=\\s)(?!\\s+{_ROLE})(?!\\s+{_HAN}\\s)"  # every name, none cut by a line break (熊建 / 辉)
    # 重庆彭水网（融媒体首席记者 赵勇）, 枝江融媒（通讯员 伍双娇）: a medium's name, its reporters in brackets
    + f"|{_HAN}{{1,10}}?" + either(MEDIUM_KINDS) + f"(?=[（(][^（）()]*{_ROLE})" + _BRACKETED
    # 【本报讯】: in square brackets (a column's 【记者走基层】 is none)
    + f"|【{either(OWN_MEDIUM)}{_XUN}】"
    + r")"
)


def split_dateline(text: str) -> tuple[str | None, str]:
    """Split a dateline off the start of an article's first paragraph.

    >>> split_dateline("本报讯2月7日，吕梁市委")
    ('本报讯', '2月7日，吕梁市委')
    >>> split_dateline("新华社北京1月2日电（记者张三）今天")
    ('新华社北京1月2日电（记者张三）', '今天')
    >>> split_dateline("据悉，此次爱心")
    (None, '据悉，此次爱心')
    >>> split_dateline("本报3月2日讯 近日"), split_dateline("5月9日消息：近日"), split_dateline("喜讯传来，近日")
    (('本报3月2日讯', '近日'), ('5月9日消息：', '近日'), (None, '喜讯传来，近日'))
    >>> split_dateline("东南网漳州4月4日讯（本网记者 陈志远）4月3日")
    ('东南网漳州4月4日讯（本网记者 陈志远）', '4月3日')
    >>> split_dateline("今视网5月4日南昌讯（黎隆）5月4日"), split_dateline("本报讯记者王丽报道：近日")
    (('今视网5月4日南昌讯（黎隆）', '5月4日'), ('本报讯记者王丽报道：', '近日'))
    >>> split_dateline("湖南民生在线讯（通讯员 王 勇）2月23日")
    ('湖南民生在线讯（通讯员 王 勇）', '2月23日')
    >>> split_dateline("长城网邯郸4月24日电（记者 谢江涛）23日"), split_dateline("城市网上充电（公益）活动")
    (('长城网邯郸4月24日电（记者 谢江涛）', '23日'), (None, '城市网上充电（公益）活动'))
    >>> split_dateline("日报消息（通讯员丁宏亮、韦兵）4月29日，“梦回洛崖")
    ('日报消息（通讯员丁宏亮、韦兵）', '4月29日，“梦回洛崖')
    >>> split_dateline("■记者 严利君 通讯员 熊建辉 国庆期间"), split_dateline("枝江融媒（通讯员 伍双娇）近日")
    (('■记者 严利君 通讯员 熊建辉', '国庆期间'), ('枝江融媒（通讯员 伍双娇）', '近日'))
    >>> split_dateline("金山网讯近日，市委"), split_dateline("充满憧憬本报讯“感谢")
    (('金山网讯', '近日，市委'), (None, '充满憧憬本报讯“感谢'))
    >>> split_dateline("红安网消息 红安县七里坪镇"), split_dateline("红安网消息称，红安县")
    (('红安网消息', '红安县七里坪镇'), (None, '红安网消息称，红安县'))
    >>> split_dateline("鞍山日报消息（首席记者 伏怡）昔日"), split_dateline("鞍山日报消息称，昔日")
    (('鞍山日报消息（首席记者 伏怡）', '昔日'), (None, '鞍山日报消息称，昔日'))
    >>> split_dateline("本报打来电话。前晚，"), split_dateline("本报北京电 近日")
    ((None, '本报打来电话。前晚，'), ('本报北京电', '近日'))
    >>> split_dateline("浙江在线-普陀新闻网12月03日讯（浙江在线通讯员刘生国）《花为媒》")
    ('浙江在线-普陀新闻网12月03日讯（浙江在线通讯员刘生国）', '《花为媒》')
    >>> split_dateline("本报记者 申力 通讯员 裴琳曼 冬日的午后"), split_dateline("本报讯 记者 张三 通讯员 李四 近日")
    (('本报记者 申力 通讯员 裴琳曼', '冬日的午后'), ('本报讯', '记者 张三 通讯员 李四 近日'))
    >>> split_dateline("本报记者了解到，近日"), split_dateline("本报记者张三近日")
    ((None, '本报记者了解到，近日'), (None, '本报记者张三近日'))
    >>> split_dateline("■本报记者叶祯/文 宋延康/图 南宁持续"), split_dateline("靖远讯 （特约通讯员冯文强） 近年来")
    (('■本报记者叶祯/文 宋延康/图', '南宁持续'), ('靖远讯 （特约通讯员冯文强）', '近年来'))
    >>> split_dateline("柳州讯 7月3日晚"), split_dateline("喜讯传来，近日"), split_dateline("传来喜讯，近日")
    (('柳州讯', '7月3日晚'), (None, '喜讯传来，近日'), (None, '传来喜讯，近日'))
    >>> split_dateline("■文/图 本报记者 胡亚华 本报讯 “江滩防洪堤上"), split_dateline("■文/图 胡亚华 近日")
    (('■文/图 本报记者 胡亚华 本报讯', '“江滩防洪堤上'), ('■文/图 胡亚华', '近日'))
    >>> split_dateline("□朱诗钒 “古人学问无遗力，"), split_dateline("□ 记者  程向阳  王玲琳 晨刊讯 温州市是")
    (('□朱诗钒', '“古人学问无遗力，'), ('□ 记者  程向阳  王玲琳 晨刊讯', '温州市是'))
    >>> split_dateline("◇唐兆权 文/图 1月28日，威远"), split_dateline("□记者 杨元琪 文/图 本报讯 近日，")
    (('◇唐兆权 文/图', '1月28日，威远'), ('□记者 杨元琪 文/图 本报讯', '近日，'))
    """
    match = DATELINE.match(text)
    if not match:
        return None, text
    return match.group(0).strip(), text[match.end() :].lstrip("，, ")


# How a dateline naming its reporters or writers opens (本报记者 申力 …, ■本报记者叶祯/文 …).
_NAMED_FIRST = ("本报", *"◇◆□■●◎")
# A run of blanks: on a justified line the dateline's own blank is wider than the others.
_BLANKS = re.compile(r"[ \t\u00a0\u3000]+")
_WIDE = re.compile(r"[ \t\u00a0]{2,}|\u3000")


def _first_wide_gap(raw: str) -> re.Match[str] | None:
    """The first blank on a line that is not justified, or the first wider blank on one that is.

    >>> _first_wide_gap("红网祁东站讯 九九重阳节即将到来，").start(), _first_wide_gap("红 网 讯   九 九").start()
    (6, 5)
    """
    text = raw.strip()
    gaps = _BLANKS.findall(text)
    justified = len(gaps) * 2 > len(text) - sum(map(len, gaps))  # a blank after about every character
    return (_WIDE if justified else _BLANKS).search(text)


def with_dateline_gap(line: PageLine) -> PageLine:
    """The line with the blank after its dateline kept, where only that blank shows where the dateline ends.

    A place's name and 讯 (柳州讯) must be followed by a blank: without one,
    喜讯传来 would read as a dateline. Closing the justified blanks loses the
    printed one, so it is put back.

    >>> with_dateline_gap(PageLine("柳州讯 7月3日晚", "柳州讯7月3日晚", "p", False)).text
    '柳州讯 7月3日晚'
    >>> with_dateline_gap(PageLine("县电视台传来喜讯，", "县电视台传来喜讯，", "p", False)).text
    '县电视台传来喜讯，'
    >>> with_dateline_gap(PageLine("本报记者 申力 通讯员 裴琳曼 冬日", "本报记者申力通讯员裴琳曼冬日", "p", False)).text
    '本报记者 申力 通讯员 裴琳曼 冬日'
    """
    if DATELINE.match(line.text):
        return line
    raw = line.raw.strip()
    printed = DATELINE.match(_BLANKS.sub(" ", raw)) if raw.startswith(_NAMED_FIRST) else None
    if printed and " " in printed.group():
        # Reporters' names parted by blanks (本报记者 申力 通讯员 裴琳曼 冬日…): the blanks say where it ends.
        return replace(line, text=f"{printed.group()} {close_cjk_gaps(printed.string[printed.end() :])}")
    gap = _first_wide_gap(raw)
    if gap is None:
        return line
    head = close_cjk_gaps(raw[: gap.start()])
    spaced = f"{head} {close_cjk_gaps(raw[gap.end() :])}"
    match = DATELINE.match(spaced)
    if match is None or match.end() < len(head):
        return line
    return replace(line, text=spaced)


def _is_dateline_start(lines: list[PageLine], index: int) -> bool:
    """A line that starts with a dateline, also one broken over two lines (…新闻网11月6 / 日消息：) or
    three (鞍山日报消息（见习记者 / 董鹏飞 首席记者 伏怡 记者 / 胡永士） 昔日…: a narrow column)."""
    two = "".join(line.text for line in lines[index : index + 2])
    # A third line only for a bracket the two leave open.
    open_bracket = two.rfind("（") > two.rfind("）")
    three = two + lines[index + 2].text if open_bracket and index + 2 < len(lines) else two
    if not DATELINE.match(three):
        return False
    if index == 0:
        return True
    previous = lines[index - 1]
    closed = ends_sentence(previous.text) or bool(split_byline(previous.raw)[1])
    return closed or previous.text[-1:] not in CLAUSE_BREAKS


def split_by_datelines(lines: list[PageLine]) -> tuple[list[ArticleLines], list[PageLine]] | None:
    """Articles from dateline to byline, and the lines outside them (headline lines); None without datelines."""
    lines = [with_dateline_gap(line) for line in lines]
    starts = [i for i in range(len(lines)) if _is_dateline_start(lines, i)]
    if not starts:
        return None
    articles: list[ArticleLines] = []
    outside: list[PageLine] = []
    widths = _Widths(lines)
    _add_undated(lines[: starts[0]], articles, outside, before_a_dateline=True)
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(lines)
        # A byline, or a credit after the last sentence (…进展。华商报记者马群), ends the article.
        signed = (i for i in range(start, stop) if credit_at(lines, i, start, stop)[1] or _signs_off(lines, i, stop))
        end = next(signed, None)
        if end is None:
            # No byline: the article runs to its last sentence end; the lines
            # after it (the next article's headline, or the page's headlines)
            # are headline lines.
            last_stop = _last_stop(lines, widths, start, stop)
            end = cried_out(last_stop, lines, stop)
            # The page's headlines follow the last article; text running on to the next dateline is this one's.
            if stop < len(lines) and any(lost_its_stop(lines[after:stop]) for after in {last_stop + 1, end + 1}):
                end = stop - 1
            elif stop == len(lines):
                end = _unstopped_last_paragraph(lines, widths, start, end)
        body = list(lines[start : end + 1])
        rest, names = credit_at(lines, start + len(body) - 1, start, stop)
        if names:
            body[-1] = PageLine(rest, close_cjk_gaps(rest), body[-1].page, body[-1].gap_before, index=body[-1].index)
            if not body[-1].text:
                body.pop()
        articles.append(ArticleLines(body, lines[start].page, names))
        _add_undated(lines[end + 1 : stop], articles, outside, before_a_dateline=stop < len(lines))
    return articles, outside


class _Widths(Sequence[float]):
    """The set widths of a page's lines, each measured when first asked for: most never are."""

    def __init__(self, lines: list[PageLine]) -> None:
        self._lines = lines
        self._known: dict[int, float] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def _at(self, index: int) -> float:
        if index not in self._known:
            self._known[index] = set_width(self._lines[index].text)
        return self._known[index]

    @overload
    def __getitem__(self, key: int) -> float: ...

    @overload
    def __getitem__(self, key: slice) -> list[float]: ...

    def __getitem__(self, key: int | slice) -> float | list[float]:
        if isinstance(key, slice):
            return [self._at(index) for index in range(*key.indices(len(self)))]
        return self._at(key if key >= 0 else len(self) + key)


def _last_stop(lines: list[PageLine], widths: Sequence[float], start: int, stop: int) -> int:
    """The line of a story's last full stop (else of its last sentence end; else its last line).

    A headline printing a full stop (…海林市法院走出去。) is none: it is set wider than the column, after lines of odd
    width (other headlines) that follow the text's last sentence.
    """
    sentence_ends = [i for i in range(start, stop) if ends_sentence(lines[i].text)]

    def text_end(k: int) -> bool:
        i = sentence_ends[k]
        return not (wide_at(widths, i) and _after_headlines(widths, sentence_ends[k - 1] if k else start, i))

    ends = range(len(sentence_ends) - 1, -1, -1)
    full_stops = (
        k for k in ends if ends_text(lines[sentence_ends[k]].text) and not listing_title(lines, sentence_ends[k], start)
    )
    found = next((k for k in full_stops if text_end(k)), None)
    if found is None:
        found = next((k for k in ends if text_end(k)), None)
    return stop - 1 if found is None else sentence_ends[found]


def _unstopped_last_paragraph(lines: list[PageLine], widths: Sequence[float], start: int, end: int) -> int:
    """Where the page's last story ends when its last paragraph lost its stop, the page's headlines under it.

    The paragraph (…为建设平安法治新宜昌贡献一份 / 力量) is text set as the story's column: lines as wide
    as the column (the first one indented), then one much narrower; what follows it holds no text.
    """
    # The column the story's text ends in (its last paragraphs may be set wider than the rest).
    column = median(widths[max(start, end - 4) : end] or widths[end : end + 1])
    for index in range(end + 1, len(lines) - 1):
        indent = 2.5 if index == end + 1 else 1.0
        if widths[index] < 0.8 * column and index > end + 1:
            # Sentences inside it, as a title broken over two lines at the column's width has none.
            rest = lines[end + 1 : index + 1]
            return index if holds_text(rest) and lost_its_stop(rest) and not holds_text(lines[index + 1 :]) else end
        if not column - indent <= widths[index] <= column + 1:
            break
    return end


def _after_headlines(widths: Sequence[float], after: int, index: int) -> bool:
    """Lines between a sentence's end (after) and the line at index, all of them of odd width: headlines.

    Some narrow one among them: the lines of a paragraph set wider than its column are all wide.
    """
    between = range(after + 1, index)
    narrow = [narrow_at(widths, i) for i in between]
    return any(narrow) and all(thin or wide_at(widths, i) for i, thin in zip(between, narrow))


def _signs_off(lines: list[PageLine], index: int, stop: int) -> bool:
    """A credit after the last sentence (…进展。华商报记者马群) where the layout ends the paragraph too.

    A reporter named in the story (…一大堆。华商报记者关注 / 后，随即…) fills the line and runs on.
    """
    if not signed_after_the_end(lines[index].text):
        return False
    first = max(0, index - AROUND)
    return paragraph_breaks([line.text for line in lines[first : min(stop, index + AROUND + 1)]])[index - first]


def _add_undated(
    stretch: list[PageLine], articles: list[ArticleLines], outside: list[PageLine], before_a_dateline: bool = False
) -> None:
    """Lines outside the dated articles: headline lines, or articles of their own.

    An article whose dateline is not one we know (or that has none: the
    first article of a page often has none) sits before or between the
    others; its stretch is read as a page of its own.  Where a dateline
    follows, text after its last stop that lost its stop (…充满憧憬) is its
    last paragraphs, not the page's headlines.
    """
    if not holds_text(stretch):
        outside.extend(stretch)
        return
    drafts, headings = split_by_headings(stretch)
    tail = _unfinished_tail(stretch, headings) if before_a_dateline and drafts else []
    if tail:
        drafts[-1].lines.extend(tail)
        headings = headings[: len(headings) - len(tail)]
    articles.extend(drafts)
    outside.extend(headings)


def _unfinished_tail(stretch: list[PageLine], headings: list[PageLine]) -> list[PageLine]:
    """The lines ending both the stretch and its headline lines, when they are text that lost its stop."""
    tail: list[PageLine] = []
    for line, heading in zip(reversed(stretch), reversed(headings)):
        if line is not heading:
            break
        tail.insert(0, line)
    return tail if tail and lost_its_stop(tail) else []

