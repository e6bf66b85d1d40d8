"""Title lines: which neighbouring headline fragments are one title broken over two lines.

By what the break cuts (a word, a number, a couplet, a clause left open), by
the article both lines lean to (weighted bigrams, matching.py), and by their
lengths (headline_parts.py); a line led by a dash or printed in a shadowed
font stands alone.
"""

from __future__ import annotations

import re

from converter.clean.column_names import names_a_column, opens_with_a_column_mark, without_column_tags
from converter.clean.couplets import couplet, two_phrases, whole_couplet
from converter.clean.fragments import Fragment
from converter.clean.headline_parts import (
    ONE_AFTER_A_MARK,
    after_the_lead,
    colon_led,
    cut_at_the_break,
    is_slogan,
    lead_only,
    short_after_its_lead,
    short_title,
    too_long_for_one_title,
    whole_quotation,
)
from converter.clean.lines import DASH_END, DASH_START, names_its_report_kind
from converter.clean.matching import LEANS, Matcher, spans_across
from converter.clean.names import (
    body_doing,
    names_a_body,
    runs_across,
    unfinished_clause,
    waits_for_its_object,
)
from converter.clean.paragraphs import unclosed
from converter.clean.spacing import han_count, squeezed
from converter.clean.title_marks import joined_by_a_mark, left_open, one_glyph_at_a_mark
from converter.clean.word_breaks import cuts_a_word, ends_with_its_verb, goes_there_to_do, is_noun, word_across
from converter.text import CRIES, HAN_CLASS

# A headline line alone this short may be a photo title, not a weakly matching headline.
PHOTO_TITLE = 5
# A line of the article this long, printed after a place's name, goes on with its title.
_TITLE_TAIL = 6
# A line of this many characters or more may be a title of its own.
_OWN_TITLE = 8
# A line this short is no headline on its own.
_TOO_SHORT = 3
# A title broken over two lines holds at most this many Han characters (有事好商量丨吴江区七都镇 / 东风村召开…: 30).
_BROKEN_TITLE = 32
# Four Han characters: two each side of a break.
_FOUR_HAN = re.compile(f"[{HAN_CLASS}]{{4}}")
# A place's name of one or two characters alone on its line (沿河, 箬横).
_SHORT_NAME = re.compile(f"[{HAN_CLASS}]{{1,2}}")


def _too_short(text: str, following: str) -> bool:
    """Too short for a headline of its own, and not the start of the line after it (产业兴 / 旺 增收“有道”)."""
    short = len(re.findall(r"[0-9]", text)) + han_count(text) <= _TOO_SHORT
    return short and not unclosed(text) and not (following and cut_at_the_break(text, following))


def _said_by_the_text(previous: str, line: str) -> bool | None:
    """Whether two headline lines are one title, where their text alone says it; None where it does not.

    >>> _said_by_the_text("义诊送健康，", "风雨无阻"), _said_by_the_text("“一村一策”", "通城推进乡村振兴")
    (True, False)
    >>> _said_by_the_text("金牛镇：汛情", "紧急全力转移受灾群众"), _said_by_the_text("武汉：老人家中笑语多", "新春")
    (True, None)
    >>> _said_by_the_text("爱在莲城 志愿有我", "“枣”当家"), _said_by_the_text("产业兴旺 增", "收“有道”")
    (False, True)
    >>> _said_by_the_text("冬至大如年 人间小团圆", "丨杭州道街道社区暖冬行动温情绽放")
    True
    """
    if left_open(previous, line) or joined_by_a_mark(previous, line):
        return True
    if one_glyph_at_a_mark(previous, line):
        return True  # one character after a colon or a quote, or before a colon: a word cut (“民心路”修 / 进…)
    if lead_only(previous) or names_a_column(previous):
        # A lead and its colon, or a column's name, alone on a line: the kicker (故城： / 合作社分红…, 记者在一线 /
        # “说理堂” 群众说理有地方), whatever the break seems to cut.
        return False
    if short_after_its_lead(previous):
        return True  # a lead and a colon, then a word or two: the title goes on (金牛镇：汛情 / 紧急全力…)
    if colon_led(line) or opens_with_a_column_mark(line):
        return False  # a lead and a colon, or a column's name, open a title (武汉：老人家中笑语多): it ends none above
    if cut_at_the_break(previous, line) or ends_with_its_verb(previous) or goes_there_to_do(previous, line):
        return True
    if cuts_a_word(previous, line):
        return True  # the break cuts a word of the joined line (南宁交警做 / 好交通疏导…: 做好)
    if whole_couplet(previous) and _too_short(line, "") and not re.search(r"\d", line):
        # A couplet title is whole: a few words after it (… 志愿有我 / “枣”当家) begin another title.
        # A number may still end it (新春开新局 石泉集中开工 / 12个重点项目).
        return whole_couplet(previous + line)
    if whole_couplet(line):
        return False  # a couplet title on a line of its own is a whole title, not the end of one
    if names_a_column(line):
        return False  # a column's name opens the next headline (…振兴 / 抗击疫情特别报道)
    if whole_quotation(previous):
        return False  # a quoted phrase alone on its line: a kicker
    return None


def _cuts_a_word(previous: Fragment, fragment: Fragment, matcher: Matcher, texts: list[str]) -> bool:
    """The two characters across the break are a word of the article the two lines lean to together."""
    lean = matcher.lean(previous.text + fragment.text)
    return lean is not None and matcher.crosses_word(previous.text, fragment.text, texts[lean], strict=False)


def _cut_before_a_couplet(previous: Fragment, fragment: Fragment, matcher: Matcher, texts: list[str]) -> bool:
    """A couplet title, or a title led by a word and a colon, whose first word the break cut.

    A couplet on a line of its own is whole, and a lead and its colon open a title
    (通城县北港镇筑牢防溺水安 / 全网：入户宣传强意识…: 水安全 and 安全网), unless the line above ends in the
    first character of a word the couplet's article prints across the break:
    where no article's words hold the line above, the two characters across
    it (云阳20亩杨 / 梅进入采摘期 果农采摘忙: 杨梅); where it leans to the
    couplet's article too, three characters across it (前10月临夏实施500万元以上重 /
    点项目605项 总投资1002.85亿元: 上重点).
    """
    if not (whole_couplet(fragment.text) or colon_led(fragment.text)):
        return False
    if han_count(without_column_tags(previous.text + fragment.text)) > _BROKEN_TITLE:
        # A whole title over a couplet title (…“我们的节日·清明”系列主题活动 / 以“房前屋后”为突破 …); a column's tag
        # in its brackets (【整治城乡环境共建美好家园】东丰县杨 / 木林镇：…) makes no title longer.
        return False
    above = matcher.lean(previous.text)
    lean = matcher.lean(previous.text + fragment.text)
    if lean is None or above not in (None, lean) or names_a_body(previous.text):
        return False  # a body's name over a couplet is its kicker (兴县县委统战部新联会 / 走进一线 送去温暖)
    if above is None:
        return _cuts_a_word(previous, fragment, matcher, texts)
    return any(spans_across(previous.text, fragment.text, texts[lean]))


def _one_title(previous: Fragment, fragment: Fragment, matcher: Matcher, texts: list[str], following: str = "") -> bool:
    """Whether two neighbouring fragments are one title broken over two lines.

    They are when the first cannot end a headline (a quote or bracket left
    open, a comma at its end) or the break cuts a word or clause (see
    cut_at_the_break).  Otherwise both must lean to one article (or one of
    them to none) and then: a number is cut (大竹8 / 个项目), or the article
    prints them as one; after a line naming a place or body (a kicker:
    兴县县委统战部新联会) only a line the article prints as it stands goes
    on; else the break falls inside a word of the article (怀宁腊树镇落 /
    实防汛…: 落实), or, the two not too long for one title, they read as
    one (a couplet, too short together for a kicker and its title) or
    nothing says otherwise (each leans to the article, the first no slogan).
    """
    if DASH_START.match(fragment.text) or previous.doubled or fragment.doubled:
        return False  # a line led by a dash is a subtitle; a shadowed photo title stands alone
    if DASH_END.search(previous.text):
        return body_doing(fragment.text)  # a kicker, unless a body's deed goes on (…聚一堂—— / 大关法院开展…)
    waiting = waits_for_its_object(previous.text) and not colon_led(fragment.text)
    if unfinished_clause(previous.text) or runs_across(previous.text, fragment.text) or waiting:
        # A body at or for a place, its verb on the next line (邓州市农办在彭桥镇 / 召开…); a place's name broken
        # before its colon (…平邑县 / 铜石镇：…), or before the 与 or 为 binding it to the next (…老干部 / 与…); a
        # body and its verb, what is done on the next (…敬老院开展 / …).
        return True
    if _SHORT_NAME.fullmatch(previous.text.strip()) and han_count(fragment.text) > _TOO_SHORT:
        return False  # a place's short name alone (箬横, 沿河) heads a title as its kicker: no title breaks so early
    if _cut_before_a_couplet(previous, fragment, matcher, texts):
        return True
    lean = _joint_lean(previous.text, fragment.text, matcher)
    # A couplet on its line is whole (兴县县委统战部新联会 / 走进一线 送去温暖, though the story prints 新联会走进).
    fits = han_count(previous.text + fragment.text) <= _BROKEN_TITLE and not whole_couplet(fragment.text)
    if fits and lean is not None and _printed_across(previous.text, fragment.text, texts[lean]):
        # The story prints the words across the break (柳林县中医院 / 举行…: 医院举行): one title broken in two.
        # Of the sets' 53 kickers and 28 subtitles one each is so printed with its title; of the breaks of a title
        # in its middle third, one in three; of two titles side by side, 2 in 3,000.
        return True
    if _whole_after_a_quote(previous, fragment, matcher):
        return False
    said = _said_by_the_text(previous.text, fragment.text)
    if said is not None:
        return said
    if names_its_report_kind(fragment.text):
        return False  # the kind of report (…活动侧记) under a title: its subtitle, unless the break cut a word
    if following and not colon_led(fragment.text) and colon_led(fragment.text + following):
        return False  # a lead broken before its colon opens a title (走进家园看问题 / 伊川县韦 / 村：垃圾池…)
    # A couplet on its line is whole, over a line long enough for a title of its own: a kicker
    # over its title (访问乡贤 学习乡贤 / 上虞少年今赴京采访), not a title going on (…开工 / 12个重点项目);
    # over a shorter line, unless the break cuts a word (…石泉集中 / 开工12个…), the start of its title
    # (就近选址更便民 菜品适口价实惠 / 小昆山镇社 / 区长者食堂…).
    if (
        whole_couplet(previous.text)
        and not fragment.text[:1].isdigit()
        and (han_count(fragment.text) >= _OWN_TITLE or not _cuts_a_word(previous, fragment, matcher, texts))
    ):
        return False
    if following and word_across(fragment.text, following):
        # The line goes on into the next inside a word (黑河市举行共创国 / 家园林城…: 国家): it opens a title
        # of its own rather than ending the one above as the article's words alone would have it.
        return False
    return _leaning_as_one(previous, fragment, matcher, texts, following)


def _whole_after_a_quote(previous: Fragment, fragment: Fragment, matcher: Matcher) -> bool:
    """A whole title ending in one character after a quote (节前慰问温暖“好人”心), over another's line.

    The character must be a noun by the word list (a verb leaves the title open: “银龄互助”有 / 爱有温度),
    the break cut no word (“冬闲三暖”行 / 动暖民心) and the line under open with no particle (“彩虹岛”上 /
    的幸福底色); after a colon, one character ends no title (高新区滹沱村：清 / 运垃圾…).
    """
    above, under = previous.text.rstrip(), fragment.text
    if not ONE_AFTER_A_MARK.search(above) or above[-2:-1] not in "”’》" or not is_noun(above[-1]):
        return False
    if not _each_its_own(previous, fragment, matcher):
        return False
    return not word_across(above, under) and not cut_at_the_break(above, under)


def _each_its_own(previous: Fragment, fragment: Fragment, matcher: Matcher) -> bool:
    """Each line leans to an article of its own, or the line under one that leans is as short as a photo's title
    and leans nowhere (节前慰问温暖“好人”心 / 山乡春早)."""
    above, under = matcher.lean(previous.text), matcher.lean(fragment.text)
    if above is not None and under is not None:
        return above != under
    return above is not None and under is None and han_count(fragment.text) <= PHOTO_TITLE


def _leaning_as_one(previous: Fragment, fragment: Fragment, matcher: Matcher, texts: list[str], following: str) -> bool:
    """Whether two fragments the text alone does not join are one title, by the article they lean to."""
    sides = {matcher.lean(previous.text), matcher.lean(fragment.text)} - {None}
    if not sides and _exclaimed_tail(previous.text, fragment.text):
        return True
    # Under a body's name or a title of two phrases, a short line begins another title.
    short = _too_short(fragment.text, following) and not (names_a_body(previous.text) or two_phrases(previous.text))
    if short and matcher.lean(fragment.text) in (None, matcher.lean(previous.text)):
        return True  # too short for a headline of its own: the end of the one above (产业兴旺 增收 / “有道”)
    if len(sides) > 1:
        return False  # each leans to an article of its own
    lean = _joint_lean(previous.text, fragment.text, matcher)
    if lean is None:
        return couplet(previous.text, fragment.text) and _weakly_alike(previous.text, fragment.text, matcher)
    if sides - {lean}:
        return False
    fits = [matcher.fits(f.text, lean) for f in (previous, fragment)]
    if not any(fits):
        return False
    if squeezed(previous.text + fragment.text) in texts[lean]:
        return True  # the lead repeats the whole title: 安县28个重 / 点项目集中开工
    if names_a_body(previous.text):
        # A place named, then words the article prints as they stand: the rest of the title's
        # sentence (怀宁腊树镇 / 落实防汛抗旱各项任务), not a title under a kicker.
        return han_count(fragment.text) >= _TITLE_TAIL and squeezed(fragment.text) in texts[lean]
    if matcher.crosses_word(previous.text, fragment.text, texts[lean], strict=False):
        return True
    if too_long_for_one_title(previous.text, fragment.text):
        return False
    if not all(fits):
        return _with_a_weak_line(previous, fragment, matcher, lean, fits[0])
    if couplet(previous.text, fragment.text) or short_title(previous.text, fragment.text):
        return True
    # Nothing says otherwise: one title broken in two, if each line leans to this article alone
    # and the first is no slogan over its title (书香满校园 / 城关小学举办读书节活动).
    return not is_slogan(previous.text) and matcher.lean(previous.text) == lean == matcher.lean(fragment.text)


def _exclaimed_tail(previous: str, line: str) -> bool:
    """A few words ending with ! or ? under a line that ends in none: the end of its title, not a photo's title,
    which carries no marks (好榜样！蕉城这里来了一群志愿 / 服务“热心人”！).

    >>> _exclaimed_tail("好榜样！蕉城这里来了一群志愿", "服务“热心人”！"), _exclaimed_tail("金秋硕果", "古城夜色")
    (True, False)
    """
    ends_open = re.search(f"[{HAN_CLASS}]$", previous.strip()) is not None
    return ends_open and han_count(line) <= PHOTO_TITLE and line.strip().endswith(tuple(CRIES))


def _joint_lean(left: str, right: str, matcher: Matcher) -> int | None:
    """The article two lines lean to together; where together they lean nowhere, the one a single line leans to."""
    lean = matcher.lean(left + right)
    sides = {matcher.lean(left), matcher.lean(right)} - {None}
    return next(iter(sides)) if lean is None and len(sides) == 1 else lean


def _printed_across(left: str, right: str, text: str) -> bool:
    """The article prints the two Han characters before a break and the two after it together (a number or a
    quote there says nothing: 发展苗木 / 122座 beside 苗木1200亩).

    >>> _printed_across("县消防救援大队", "开展节前消防安全检查", "县消防救援大队开展了检查")
    True
    >>> _printed_across("兴县直属机关工委", "倡议党员干部走在前", "兴县直属机关工委向全县发出倡议")
    False
    """
    across = squeezed(left)[-2:] + squeezed(right)[:2]
    return bool(_FOUR_HAN.fullmatch(across)) and across in text


def _weakly_alike(left: str, right: str, matcher: Matcher) -> bool:
    """Two lines that lean to no article share what little they share, half as much as leaning, most with
    the same one (九月秋收农人忙 / 百里果林柑橘香, the halves of a couplet over a story of 柑橘 and 秋收; not
    村民吃水还是难 / 美景春图绘田间, a title and a photo's title that share a bigram or two with a story)."""
    first, second = matcher.scores(left, chars=False), matcher.scores(right, chars=False)
    best_first, best_second = max(first, default=0.0), max(second, default=0.0)
    alike = min(best_first, best_second) >= LEANS / 2
    return alike and first.index(best_first) == second.index(best_second)


def _with_a_weak_line(previous: Fragment, fragment: Fragment, matcher: Matcher, lean: int, first_fits: bool) -> bool:
    """Two lines of which one matches the article little: one title only as a couplet.

    A line matching nothing joins only a couplet, and only if longer than a photo's title of four
    (摘火红辣椒 / 过红火日子, not 雪后初晴); what little it shares must still be most with that article, in
    bigrams or characters.  A short line under a colon-led title joins the couplet after its colon
    (叠石：消防安全 / 防范未然), too short to be a title of its own; a longer line is one
    (清丰法院法官：开庭来到地头间 / 干群联手解雪困).
    """
    weak = fragment if first_fits else previous
    short = han_count(fragment.text) <= PHOTO_TITLE
    if first_fits and short and couplet(after_the_lead(previous.text), fragment.text):
        return True
    long_enough = han_count(weak.text) >= PHOTO_TITLE
    return couplet(previous.text, fragment.text) and long_enough and matcher.most_with(weak.text, lean)


def joined_titles(kept: list[Fragment], matcher: Matcher, texts: list[str]) -> list[Fragment]:
    joined: list[Fragment] = []
    for position, fragment in enumerate(kept):
        following = kept[position + 1].text if position + 1 < len(kept) else ""
        if joined and _one_title(joined[-1], fragment, matcher, texts, following):
            previous = joined[-1]
            text = previous.text + fragment.text
            joined[-1] = Fragment(text, previous.page, previous.gap_before, index=previous.index)
            continue
        joined.append(fragment)
    return joined
