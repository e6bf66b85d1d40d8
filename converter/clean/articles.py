"""Split a page's printed lines into articles.

A county paper's article starts at its dateline (本报讯, 本报记者…报道,
据…报道, 新华社…电) and ends with its bracketed byline; the lines outside
any article are headline lines.  A page without datelines (signed essays,
other papers, a county page whose datelines were not printed) is split at
its headline blocks and closings instead: headline lines shown by evidence
(odd width or set apart by blanks, no sentence running through them), the
author's name printed under the headline or alone under the text it signs,
a bracketed byline or （作者…） note closing an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.clean.bylines import split_byline
from converter.clean.paragraphs import continues_into, ends_sentence, set_width
from converter.clean.spacing import HAN_CLASS, close_cjk_gaps

_ORG = r"(?:新华社|中新社|人民日报|人民网|新华网|央视网|光明日报|经济日报|中国新闻社)"
_BRACKETED = r"(?:[（(][^（）()]{1,24}[）)])?"
DATELINE = re.compile(
    r"^(?:"
    r"本报讯" + _BRACKETED + r"(?:[\s：:]*(?:记者|通讯员)[\u4e00-\u9fff\s、]{2,20}?(?:报道|讯)(?=\s|[\u4e00-\u9fff]))?"
    r"|本报(?:记者|通讯员|评论员|特约记者)[^，。！？]{1,24}?(?:报道|讯)" + _BRACKETED
    + r"|本报[^，。！？\s]{1,12}?电" + _BRACKETED
    + r"|据" + _ORG + r"?[^，。！？]{0,20}?报道[，,]?"
    + r"|据?" + _ORG + r"[^，。！？]{0,24}?电" + _BRACKETED
    # 本报3月2日讯, 本报洛阳讯, 晚报讯, 本网讯
    + r"|(?:本报|本网|晚报|日报)[\u4e00-\u9fff\d]{0,8}?讯" + _BRACKETED
    # 娄底新闻网新化讯, 东南网漳州4月4日讯（…）, 红网祁东站讯: a medium's name, a place, a date
    + r"|[\u4e00-\u9fff]{1,10}?(?:网|报|台|站|社|中心|融媒)[\u4e00-\u9fff]{0,6}?(?:\d{1,2}月\d{1,2}日)?讯"
    + r"(?=[（(\s\d：:]|$)" + _BRACKETED
    # 5月9日消息：, 县融媒体中心新闻网6月1日消息：
    + r"|[\u4e00-\u9fff]{0,12}?\d{1,2}月\d{1,2}日消息[：:]"
    # 云上嘉鱼报道（通讯员王云）
    + r"|[\u4e00-\u9fff]{2,8}报道[（(][^（）()]{1,24}[）)]"
    + r")"
)
# A signed essay's closing note: （作者为…） （作者单位：…）
_AUTHOR_NOTE = re.compile(r"^[（(]\s*作\s*者")
_NAME_LINE = re.compile(f"^[{HAN_CLASS}·]{{2,4}}$")
# A page header line: 2018年1月3日星期三, 2018年1月3日, 7理论, 第3版 要闻.
PAGE_HEADER = re.compile(f"^(?:\\d{{4}}年\\d{{1,2}}月\\d{{1,2}}日(?:星期.)?|\\d{{1,2}}[{HAN_CLASS}]{{1,4}}|第\\d+版.{{0,8}})$")
_SENTENCE_PUNCTUATION = re.compile(r"[，。；！？]")
# A subtitle's leading dash, as typeset or as extracted.
DASH_START = re.compile(r"^(?:——|—|－－|--|―)")


@dataclass
class PageLine:
    raw: str  # as printed, spaces kept (headlines need them)
    text: str  # justified blanks closed
    page: str
    gap_before: bool  # a blank line precedes it
    standalone: bool = False  # a subhead: its own paragraph, never joined to its neighbours
    index: int = -1  # where the line stands among the page's printed lines


@dataclass
class ArticleLines:
    """One article's lines before they become an Article."""

    lines: list[PageLine]
    page: str
    byline: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # headline lines printed above a signed essay


def page_lines(name: str, text: str) -> list[PageLine]:
    lines: list[PageLine] = []
    gap = False
    for raw in text.split("\n"):
        if not raw.strip():
            gap = True
            continue
        lines.append(PageLine(raw.rstrip(), close_cjk_gaps(raw), name, gap, index=len(lines)))
        gap = False
    return lines


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
    """
    match = DATELINE.match(text)
    if not match:
        return None, text
    return match.group(0).strip(), text[match.end() :].lstrip("，, ")


def _is_dateline_start(lines: list[PageLine], index: int) -> bool:
    """A line that starts with a dateline, also one broken over two lines (…新闻网11月6 / 日消息：)."""
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if not DATELINE.match(lines[index].text + following):
        return False
    if index == 0:
        return True
    previous = lines[index - 1]
    return ends_sentence(previous.text) or bool(split_byline(previous.raw)[1]) or not previous.text[-1:] in "，、；："


def split_by_datelines(lines: list[PageLine]) -> tuple[list[ArticleLines], list[PageLine]] | None:
    """Articles from dateline to byline, and the lines outside them (headline lines); None without datelines."""
    starts = [i for i in range(len(lines)) if _is_dateline_start(lines, i)]
    if not starts:
        return None
    articles: list[ArticleLines] = []
    outside: list[PageLine] = []
    _add_undated(lines[: starts[0]], articles, outside)
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(lines)
        end = next((i for i in range(start, stop) if split_byline(lines[i].raw)[1]), None)
        if end is None:
            # No byline: the article runs to its last sentence end; the lines
            # after it (the next article's headline, or the page's headlines)
            # are headline lines.
            sentence_ends = [i for i in range(start, stop) if ends_sentence(lines[i].text)]
            end = sentence_ends[-1] if sentence_ends else stop - 1
        body = list(lines[start : end + 1])
        rest, names = split_byline(body[-1].raw)
        if names:
            body[-1] = PageLine(rest, close_cjk_gaps(rest), body[-1].page, body[-1].gap_before, index=body[-1].index)
            if not body[-1].text:
                body.pop()
        articles.append(ArticleLines(body, lines[start].page, names))
        _add_undated(lines[end + 1 : stop], articles, outside)
    return articles, outside


def _add_undated(stretch: list[PageLine], articles: list[ArticleLines], outside: list[PageLine]) -> None:
    """Lines outside the dated articles: headline lines, or articles of their own.

    An article whose dateline is not one we know (or that has none: the
    first article of a page often has none) sits before or between the
    others; its stretch is read as a page of its own.
    """
    if _holds_text(stretch):
        drafts, headings = split_by_headings(stretch)
        articles.extend(drafts)
        outside.extend(headings)
    else:
        outside.extend(stretch)


# Headlines never end a sentence; a stretch with this many sentence ends is text.
_TEXT_SENTENCE_ENDS = 2


def _holds_text(lines: list[PageLine]) -> bool:
    """Lines between articles that are running text, not headlines or captions.

    >>> page = lambda *texts: [PageLine(t, t, "p", False) for t in texts]
    >>> _holds_text(page("全县开展汛期安全大检查", "书香满校园"))
    False
    >>> _holds_text(page("国务院新闻办公室5日举行新闻", "发布会。", "有关负责人表示，夏粮收购", "进展顺利。"))
    True
    """
    return sum(ends_sentence(line.text) for line in lines) >= _TEXT_SENTENCE_ENDS


# Common Chinese surnames: an author's name printed alone under a headline
# starts with one of them, which tells it from a three-character subhead.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝习奥宋继"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯")


def is_author_name(text: str) -> bool:
    """A line that is only a person's name: a surname and one or two characters (three after a compound surname).

    >>> is_author_name("李忠杰"), is_author_name("活实体"), is_author_name("时代前列"), is_author_name("欧阳修")
    (True, False, False, True)
    """
    if not _NAME_LINE.match(text):
        return False
    if text.startswith(_COMPOUND_SURNAMES):
        return True
    return len(text) <= 3 and text[0] in _SURNAMES


# An author line holds at most a role and a few names.
_AUTHOR_LINE = 24
# What may stand before the names on an author line: 本报记者, 记者, 文/, □.
_AUTHOR_ROLE = re.compile(r"^(?:本报(?:特约)?(?:记者|通讯员)|特约记者|记者|通讯员|文\s*[/／:：]|作者\s*[:：]|[□■●◎])\s*")


def author_names(raw: str) -> list[str]:
    """The names on an author line printed under a headline, or [] when it is no such line.

    Names are set apart by spaces (a two-character name is often printed
    with one inside it); after a role (本报记者, 文/) any two to four
    characters are a name, without one each must look like a name.

    >>> author_names("李忠杰"), author_names("胡鞍钢  张 新"), author_names("本报记者 王小明 李华")
    (['李忠杰'], ['胡鞍钢', '张新'], ['王小明', '李华'])
    >>> author_names("□ 欧阳修"), author_names("活实体"), author_names("记者了解到，目前")
    (['欧阳修'], [], [])
    """
    text = raw.strip()
    role = _AUTHOR_ROLE.match(text)
    rest = text[role.end() :] if role else text
    if _SENTENCE_PUNCTUATION.search(rest) or "：" in rest:
        return []
    groups = [g for g in re.split(r"\s{2,}|\u3000|、", rest) if g.strip()]
    names: list[str] = []
    for group in groups:
        tokens = group.split()
        if len(tokens) > 1 and all(len(t) == 1 for t in tokens):
            names.append("".join(tokens))  # 张 三: one name set wide
        else:
            names.extend(tokens)
    if not names:
        return []
    if role:
        return names if all(_NAME_LINE.match(n) for n in names) else []
    return names if all(is_author_name(n) for n in names) else []


def _local_columns(widths: list[float], reach: int = 6) -> list[float]:
    columns = []
    for index in range(len(widths)):
        window = sorted(widths[max(0, index - reach) : index + reach + 1])
        columns.append(window[(3 * (len(window) - 1)) // 4])
    return columns


def blanks_are_structure(lines: list[PageLine]) -> bool:
    """Whether blank lines mark structure on this page, or the extraction put one after every line.

    A county page's text has a blank line after each printed line, another
    extraction none at all; there blanks say nothing, and only widths and
    punctuation tell headlines apart.
    """
    blanks = sum(line.gap_before for line in lines[1:])
    return 0 < blanks and blanks * 2 <= len(lines) - 1


def _closes(line: PageLine) -> bool:
    """The line finishes something: a sentence, a bracketed byline or closing note."""
    return ends_sentence(line.text) or line.text[-1:] in "）)"


def _author_lines(lines: list[PageLine], page_text: str) -> list[bool]:
    """Which lines are an author's name: a name-shaped line the page's text never uses as a phrase.

    ``严监管`` looks like a name but is also the lead-in ``严监管。金融业链条长``.
    """
    return [
        len(line.text) <= _AUTHOR_LINE
        and not _SENTENCE_PUNCTUATION.search(line.text)
        and bool(author_names(line.raw))
        and not re.search(re.escape(line.text) + "[。，；：！？]", page_text)
        for line in lines
    ]


def _heading_flags(lines: list[PageLine], page_text: str, authors: list[bool]) -> list[bool]:
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
    candidate: list[bool] = []
    for index, line in enumerate(lines):
        # After a blank line a column may go on mid-sentence, but then with
        # a full line; a narrow line there is a headline.
        runs_on = index > 0 and not gaps[index] and not candidate[-1] and not _closes(lines[index - 1])
        punctuated = line.text[-1:] in "，、；。！？…”）)" or line.text[:1] in "（(“"
        # An indented first line of a paragraph is narrow too, but a
        # headline seldom holds a sentence's punctuation.
        narrow = 0.6 if _SENTENCE_PUNCTUATION.search(line.text) else 0.8
        odd_width = widths[index] < narrow * columns[index] or widths[index] > columns[index] + 2
        set_apart = (
            gaps[index]
            and (index + 1 == len(lines) or gaps[index + 1])
            and (index == 0 or _closes(lines[index - 1]))
            and not _SENTENCE_PUNCTUATION.search(line.text)
            and not line.text.endswith("、")
            # A blank can fall inside a sentence where the extraction changes region.
            and not (index + 1 < len(lines) and continues_into(line.text, lines[index + 1].text, page_text))
        )
        furniture = bool(PAGE_HEADER.match(line.text)) or (bool(DASH_START.match(line.text)) and not punctuated)
        candidate.append(furniture or authors[index] or ((odd_width or set_apart) and not runs_on and not punctuated))
    for index in (i for i, author in enumerate(authors) if author):
        above = index - 1
        while above >= max(0, index - 3) and not gaps[above + 1]:
            text = lines[above].text
            if _SENTENCE_PUNCTUATION.search(text) or text[-1:] in "，、；。！？…”）)：":
                break
            candidate[above] = True
            above -= 1
    # From the bottom up, so that a line demoted to body counts as body for the line above it.
    for index in range(len(lines) - 2, -1, -1):
        text, below = lines[index].text, lines[index + 1]
        if not candidate[index] or candidate[index + 1] or gaps[index + 1] or len(text) < 2:
            continue
        if authors[index] or PAGE_HEADER.match(text) or DASH_START.match(text):
            continue
        full_below = widths[index + 1] >= columns[index + 1] - 1.0
        # A clause break inside the line and none at its end: the sentence goes on below.
        open_sentence = bool(_SENTENCE_PUNCTUATION.search(text)) and not _closes(lines[index])
        if continues_into(text, below.text, page_text) or (
            (full_below or open_sentence) and not _closes(lines[index])
        ):
            candidate[index] = False
    flags = [False] * len(lines)
    index = 0
    while index < len(lines):
        if not candidate[index]:
            index += 1
            continue
        end = index
        while end + 1 < len(lines) and candidate[end + 1] and not gaps[end + 1]:
            end += 1
        touches_blank = (
            not structured or index == 0 or gaps[index] or end + 1 == len(lines) or gaps[end + 1]
        )
        for position in range(index, end + 1):
            flags[position] = touches_blank
        index = end + 1
    return flags


def _merged(lines: list[PageLine]) -> PageLine:
    """Lines that form one paragraph of their own (a subhead, a closing note)."""
    return PageLine(
        " ".join(l.raw for l in lines), "".join(l.text for l in lines), lines[0].page, lines[0].gap_before, True,
        lines[0].index,
    )


def _unwrapped(lines: list[PageLine], structured: bool) -> list[PageLine]:
    """Headline lines with titles wrapped over two lines joined: 不忘初心走在 + 时代前列.

    A line runs on into the next when no blank separates them (or blanks
    mean nothing on the page, ``structured`` False) and it is at least as
    wide (the first line of a wrapped title is the fuller one).
    """
    groups: list[list[PageLine]] = []
    for line in lines:
        apart = line.gap_before and structured
        if groups and not apart and set_width(groups[-1][-1].text) >= set_width(line.text) - 0.5:
            groups[-1].append(line)
        else:
            groups.append([line])
    return [_merged(group) for group in groups]


def _closing_lines(lines: list[PageLine]) -> tuple[list[int], bool]:
    """Where articles visibly end (a bracketed byline, the last line of a （作者…） note), and whether a byline is among them."""
    closing: list[int] = []
    bylines = False
    note_start: int | None = None
    for index, line in enumerate(lines):
        if _AUTHOR_NOTE.match(line.text):
            note_start = index
        if line.text[-1:] not in "）)":
            continue
        if split_byline(line.raw)[1]:
            closing.append(index)
            bylines = True
        elif note_start is not None:
            closing.append(index)
            note_start = None
    return closing, bylines


def split_by_headings(lines: list[PageLine]) -> tuple[list[ArticleLines], list[PageLine]]:
    """Articles of a page without datelines, cut at headline blocks and closings.

    A block with an author's name line (李忠杰 under the headline), or the
    first block after a closing （作者…） note or bracketed byline, opens an
    article: its lines above the name are the headline, those below are the
    first subhead.  Other blocks are subheads kept in the body as their own
    paragraphs.  A name alone after a finished sentence signs the text above
    it.  Lone glyphs (drop caps, decorations), and the lines after the last
    closing when no sentence is among them (a county page's headlines), are
    returned as outside lines.
    """
    outside: list[PageLine] = []
    closing, bylines = _closing_lines(lines)
    if closing and not any(ends_sentence(line.text) for line in lines[closing[-1] + 1 :]):
        outside = list(lines[closing[-1] + 1 :])
        lines = lines[: closing[-1] + 1]
    page_text = "".join(line.text for line in lines)
    structured = blanks_are_structure(lines)
    author_at = _author_lines(lines, page_text)
    flags = _heading_flags(lines, page_text, author_at)
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
    has_authors = bool(names)
    # Signed articles (an author's name, or a byline at the end) are cut
    # where one is signed and the next begins; elsewhere at every headline.
    signed = has_authors or bylines
    articles: list[ArticleLines] = []
    closed = True  # the previous article ended with its closing note or byline
    for heading, block in blocks:
        if not heading:
            note: list[PageLine] = []
            for line in block:
                if not articles or (closed and not note and signed):
                    articles.append(ArticleLines([], line.page))
                    closed = False
                rest, signers = split_byline(line.raw)
                if signers and not note and not articles[-1].byline:
                    if close_cjk_gaps(rest):
                        articles[-1].lines.append(
                            PageLine(rest, close_cjk_gaps(rest), line.page, line.gap_before, index=line.index)
                        )
                    articles[-1].byline = signers
                    closed = True
                elif note or _AUTHOR_NOTE.match(line.text):
                    note.append(line)
                    if line.text.endswith(("）", ")")):
                        # The closing note ends the essay: one paragraph of its own.
                        articles[-1].lines.append(_merged(note))
                        closed, note = True, []
                else:
                    articles[-1].lines.append(line)
            articles[-1].lines.extend(note)
            continue
        authors = [i for i, l in enumerate(block) if l.text in names]
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
            closed = True
            continue
        if not (authors or closed or not signed or not articles):
            articles[-1].lines.extend(_unwrapped(block, structured))
            continue
        split = authors[-1] if authors else len(block)
        article = ArticleLines([], block[0].page, [n for l in block[split : split + 1] for n in author_names(l.raw)])
        article.headings = [l.text for l in _unwrapped(block[:split], structured)]
        article.lines = _unwrapped(block[split + 1 :], structured)
        articles.append(article)
        closed = False
    return [a for a in articles if a.lines or a.headings], outside
