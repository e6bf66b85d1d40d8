"""Headline lines as the anchors read them: a title broken over two lines joined again.

Either half of a title broken over two lines would pass for a headline of
its own and cut the article it names (anchors.py); the lines are joined where
the break falls inside a word of the page's text or of the word list, or a quote is left open,
or both are too short to say anything alone.  A place's name alone over a
title, or a slogan the story quotes, is kept with it as one article's headline
of two lines.
"""

from __future__ import annotations

import re

from converter.clean.bigrams import bigram_set
from converter.clean.bound_words import opens_bound
from converter.clean.couplets import two_glyphs_across
from converter.clean.headline_parts import lead_only, lone_glyph_at_the_break, short_after_its_lead
from converter.clean.lines import DASH_END, DASH_START
from converter.clean.matching import across_break, spans_across, word_chars
from converter.clean.names import names_a_body
from converter.clean.spacing import squeezed
from converter.clean.title_marks import joined_by_a_mark, left_open, one_glyph_at_a_mark
from converter.clean.word_breaks import cuts_a_word

# Parts the lines of one article's headline that are anchors each (a kicker naming a body and its title).
ONE_HEADLINE = "\n"
# Headlines shorter than this (in characters) say too little to cut an article.
MIN_HEADLINE = 4
# A title broken over two lines holds at most this many characters (a county paper's titles run to about 20)
_TWO_LINE_TITLE = 24
# ... and a long one this many, where both three-character spans across the break are words of the text
# (第二批全省乡村振兴示范乡镇创建 / 对象公布 福州5个乡镇入选: 创建对 and 建对象 of 创建对象).
_LONG_TWO_LINE_TITLE = 32
# A place's or a body's name over a title runs to this many characters (循化撒拉族自治县, 兴县县委统战部).
NAME_OVER_TITLE = 10


def join_broken_titles(headlines: list[str], text: str) -> list[str]:
    """Headline lines in printed order, a title broken over two lines inside a word joined again.

    The break falls inside a word when three characters across it occur in
    the page's text (澄潭镇横 / 联村乱堆乱放: 镇横联 and 横联村); either half
    alone would pass for a headline of its own and cut the article it names.

    >>> join_broken_titles(["澄潭镇横", "联村乱堆乱放", "山乡春早"], "记者走进澄潭镇横联村。")
    ['澄潭镇横联村乱堆乱放', '山乡春早']
    >>> join_broken_titles(["党员帮扶发展苗木", "122座免费公园秩序井然"], "种植苗木1200亩")
    ['党员帮扶发展苗木', '122座免费公园秩序井然']
    >>> join_broken_titles(["志愿者在行动", "我县部分村镇垃圾乱放"], "开展活动，我县环境卫生")
    ['志愿者在行动', '我县部分村镇垃圾乱放']
    >>> join_broken_titles(["我县部分村镇垃圾乱扔乱放影响环境卫生", "有力量 凤凰城社区志愿者在行动"], "卫生有了改善")
    ['我县部分村镇垃圾乱扔乱放影响环境卫生', '有力量 凤凰城社区志愿者在行动']
    >>> join_broken_titles(["宁波18个“最美长寿", "村”出炉 慈溪百岁老人数量居宁波之首"], "")
    ['宁波18个“最美长寿村”出炉 慈溪百岁老人数量居宁波之首']
    >>> join_broken_titles(["高新区滹沱村：清", "运垃圾 完善设施"], "")
    ['高新区滹沱村：清运垃圾 完善设施']

    Where the text does not print the word the break cuts, the word list may still hold it (库区基金项 /
    目扮靓新农村: 项目); two whole titles set one under the other seldom join into a word of it, and when they
    do (…怀集环境美 / 好榜样！…: 美好), they are too long together for one title broken in two:

    >>> join_broken_titles(["库区基金项", "目扮靓新农村", "小东街社区铲雪除冰志愿服务在行动"], "")
    ['库区基金项目扮靓新农村', '小东街社区铲雪除冰志愿服务在行动']
    >>> join_broken_titles(["游客纷纷称赞怀集环境美", "好榜样！蕉城这里来了一群志愿服务“热心人”！"], "")
    ['游客纷纷称赞怀集环境美', '好榜样！蕉城这里来了一群志愿服务“热心人”！']

    A place's or a body's name alone on its line heads the line under it, as
    its kicker or the start of its title: the two are kept as one article's
    headline of two lines (parted by ONE_HEADLINE), each line an anchor of its own.

    >>> [h.split(ONE_HEADLINE) for h in join_broken_titles(["循化撒拉族自治县", "黑滩群众又喝上了自来水"], "")]
    [['循化撒拉族自治县', '黑滩群众又喝上了自来水']]
    """
    words = squeezed(text)  # punctuation kept: 行动，我县 holds no word 动我县
    slogans = _slogans(text)
    joined: list[str] = []
    for line in headlines:
        if joined and (_spans_word(joined[-1], line, words) or _cuts_a_word(joined[-1], line)):
            joined[-1] += line
        elif joined and max(len(word_chars(joined[-1])), len(word_chars(line))) < MIN_HEADLINE:
            # Two lines too short to say anything alone: the halves of one title (“枣”当家 / “枣”致富).
            joined[-1] += line
        elif joined and (_heads(joined[-1], line) or _quoted_slogan(joined[-1], line, slogans)):
            joined[-1] += ONE_HEADLINE + line
        else:
            joined.append(line)
    return joined


def _cuts_a_word(left: str, right: str) -> bool:
    """The break cuts a word of the word list (库区基金项 / 目扮靓新农村: 项目; see word_breaks.py), and the two
    lines together are no longer than one title broken over two lines."""
    return len(word_chars(left + right)) <= _TWO_LINE_TITLE and cuts_a_word(left, right)


def _heads(name: str, line: str) -> bool:
    """A short name of a place or body alone, or a lead and its colon, over a line it makes one title of
    (as kicker or first words).

    A longer line ending in a body's name is a title of its own (新庄镇集中召开村级群众大会, 消防演练进幼儿园).

    >>> _heads("循化撒拉族自治县", "黑滩群众又喝上了自来水")
    True
    >>> _heads("新庄镇集中召开村级群众大会", "义诊下乡护航百姓健康")
    False
    >>> _heads("什邡市峨眉山路：", "围墙年久失修 群众好担忧")
    True
    """
    if DASH_START.match(line):
        return False
    if lead_only(name) or DASH_END.search(name):
        return True  # a lead and its colon (什邡市峨眉山路：) or a kicker's dash head the line under them
    short = len(word_chars(name)) <= NAME_OVER_TITLE and len(word_chars(name + line)) <= _TWO_LINE_TITLE
    return short and names_a_body(name)


# Characters either side of a quoted slogan in which the story's title is told.
_NEAR = 400
_QUOTATION = re.compile(r"“([^”]{4,24})”")
_NOT_WORDS = re.compile(r"[\s、，,！!·]")


def _slogans(text: str) -> dict[str, list[str]]:
    """The short quotations of a page's text, their marks aside, each with the text told around it."""
    found: dict[str, list[str]] = {}
    for quoted in _QUOTATION.finditer(text):
        near = text[max(0, quoted.start() - _NEAR) : quoted.end() + _NEAR]
        found.setdefault(_NOT_WORDS.sub("", quoted.group(1)), []).append(near)
    return found


def _quoted_slogan(slogan: str, line: str, slogans: dict[str, list[str]]) -> bool:
    """A line the text quotes whole as a slogan (“绿色省运、康养广元”; ``slogans``: see _slogans) heads the title
    under it, where the title is told near the quotation: kicker and title of one story, each an anchor, whatever
    parts of it they lean to.

    >>> slogans = _slogans("35家记者抵达广元开展集中采访。采访团围绕“绿色省运、康养广元”展开采访。")
    >>> _quoted_slogan("绿色省运康养广元", "35家媒体集中采访走进广元", slogans)
    True
    >>> _quoted_slogan("绿色省运康养广元", "县医院开展义诊", slogans), _quoted_slogan("康养广元", "35家媒体", slogans)
    (False, False)
    """
    if ONE_HEADLINE in slogan or DASH_START.match(line):
        return False
    title = bigram_set(line)
    told = slogans.get(_NOT_WORDS.sub("", slogan), [])
    return bool(title) and any(len(title & bigram_set(near)) >= len(title) / 2 for near in told)


def _spans_word(left: str, right: str, words: str) -> bool:
    if left_open(left, right) or joined_by_a_mark(left, right):
        return True  # a quote or bracket left open, a clause, a dot or a bar goes on (宁波18个“最美长寿 / 村”出炉…)
    if short_after_its_lead(left) and not lead_only(left):
        return True  # a lead, its colon and a word or two say no title: 林州：爱心墙 / 让我们走的更近
    if opens_bound(right):
        return True  # a particle opens no title: …系列活动 / 之“空间提升，惠民共享”活动
    if one_glyph_at_a_mark(left, right):
        return True  # no word is one character after a colon or a quote (高新区滹沱村：清 / 运垃圾 完善设施)
    if lone_glyph_at_the_break(left, right):
        return True  # a lone character set apart at the break is half of a word cut by it (桑榆 / 晚 情暖夕阳红)
    if two_glyphs_across(left, right):
        return True  # two set apart beside a couplet's inner blank finish its first half (瑞雪纷飞兆 / 丰年 什邡…)
    tail, head = across_break(left, right)
    if len(tail) < 2 or len(head) < 2:
        return False
    spans = spans_across(left, right, words)
    both_spans = all(spans)
    if len(word_chars(left + right)) > (_LONG_TWO_LINE_TITLE if both_spans else _TWO_LINE_TITLE):
        return False  # two whole headlines, not one broken in two
    number = re.match(r"\d+", word_chars(right))
    if number and not tail[-1].isdigit():
        # A number after the break must be printed whole after the same word: 开工 / 12个 in 开工12个,
        # but 发展苗木 / 122座 are two titles though the text prints 苗木1200亩.
        return re.search(re.escape(tail + number.group()) + r"(?!\d)", words) is not None
    return any(spans)
