"""What two neighbouring headline lines are to each other: one title, kicker and title, title and subtitle.

Each rule is a small test on the lines' text alone (lengths, punctuation,
what a line ends with); headlines.py weighs them with the article they match.
"""

from __future__ import annotations

import re

from converter.clean.bound_words import bound_at_the_end, opens_bound
from converter.clean.column_names import names_a_column, opens_with_a_column_mark
from converter.clean.couplets import SLOGAN, couplet, couplet_across, whole_couplet
from converter.clean.lines import DASH_END, DASH_START, DETAIL_LABEL, subtitle_line
from converter.clean.names import body_doing, names_a_body
from converter.clean.spacing import HAN, han_count
from converter.model import Headline
from converter.text import HAN_CLASS

# A title opened by a column's name and broken over two lines holds at most this many Han characters (【新春走基层】
# 春雪过后，张家川县 / 北关山犹如一幅水墨丹青画: 24; one title in twenty runs over 24).
_COLUMN_TITLE = 28
# A phrase of this many Han characters opening a line stands on its own: no word cut by the break above ends in it.
_OWN_PHRASE = 4
# Two lines of one article shorter than this together are one title: a kicker with its title runs longer.
_SHORT_TITLE = 13
# Two lines longer than this together are not one title broken in two (a title and its subtitle are). Of 525 real
# titles, one in nine runs over 20 characters, one in twenty over 24; a title and its subtitle run to 25 at the median.
_LONG_TITLE = 22
# The title under a couplet kicker runs to this many characters (扎根新土地 开启新生活 /
# 力洋镇钦寸水库移民乐当新宁海人); a longer line under a couplet says what the couplet's title is about: its
# subtitle (侨心系故土 绿美润家乡 / 驻美台山宁阳总会馆捐资8万美元建“华侨林”). A line as long over a couplet
# is its kicker, the couplet the title (潞州区东街街道长兴社区积极组织开展环境卫生整治活动 /
# 清洁家园齐行动 扮美社区共参与).
_KICKED_TITLE = 16
_DIGITS = re.compile(r"\d")
# A title led by where or who and a colon (武汉：老人家中笑语多, 金牛镇：汛情紧急): the lead opens the title. A label
# and its colon (地点：光明路与联盟路交叉口…, 时间：…) lead no title: they give a detail under one.
_COLON_LEAD = re.compile(f"^(?!(?:{DETAIL_LABEL}|来源)[：:])[{HAN.pattern[1:-1]}]{{2,6}}[：:]")
# A title line ending in one character after a colon, a stop or a comma, or a quoted term (高新区滹沱村：清,
# …今日解封！居, 围场：“民心路”修): the line broke inside a word.  A quoted single character is a pun that may
# end a title (舌尖享“莓”妙).
ONE_AFTER_A_MARK = re.compile(f"(?:[：:！？!?，、；]|[“‘《][^“”‘’《》]{{2,}}[”’》])[{HAN.pattern[1:-1]}]$")


def number_broken(left: str, right: str) -> bool:
    """A number or its unit cut by the line break: ``大竹8 / 个项目集中开工``, ``增长0. / 35元``.

    >>> number_broken("大竹8", "个项目集中开工"), number_broken("迎来2021", "——记…"), number_broken("开工", "12个")
    (True, False, False)
    """
    left, right = left.rstrip(), right.lstrip()
    return bool(re.search(r"[0-9０-９][.．]?$", left)) and bool(right) and not DASH_START.match(right)


# A character set apart by a blank at a line's start (or, read backwards, at its end).
_LONE_AT_THE_START = re.compile(f"^[{HAN.pattern[1:-1]}] ")


def lone_glyph_at_the_break(left: str, right: str) -> bool:
    """A lone character set apart by a blank at the end of a line or the start of the next: half a word the
    break cut (``特色产业铺路 / 子 村民增收有奔头``, ``心往一块想劲往一块 / 使 省文联…``).

    >>> lone_glyph_at_the_break("心往一块想劲往一块", "使 省文联"), lone_glyph_at_the_break("兴县", "召开 会议")
    (True, False)
    """
    return bool(_LONE_AT_THE_START.match(right.strip()) or _LONE_AT_THE_START.match(left.strip()[::-1]))


def cut_at_the_break(left: str, right: str) -> bool:
    """The break leaves a word or a clause unfinished, whatever the article says.

    A lone glyph set apart by a space at the end of a line or the start of
    the next is half of a word cut by the break (``特色产业铺路 / 子 村民增收有奔头``,
    ``产业兴旺 增 / 收“有道”``); a clause of one or two characters after a
    comma is cut off (``义诊送健康，风雨 / 无阻藏真情``).

    >>> cut_at_the_break("特色产业铺路", "子 村民增收有奔头"), cut_at_the_break("义诊送健康，风雨", "无阻藏真情")
    (True, True)
    >>> cut_at_the_break("兴县工商联", "倡议全县非公经济人士 积极应对")
    False

    A line that opens with a particle ends the phrase above it:

    >>> cut_at_the_break("开在村委会", "里的表彰会"), cut_at_the_break("乡亲", "们的致富路")
    (True, True)
    """
    left, right = left.strip(), right.strip()
    if lone_glyph_at_the_break(left, right) or re.search(r"[，,]\s*\S{1,2}$", left):
        return True
    if opens_bound(right) or bound_at_the_end(left):
        return True  # no title opens with a particle (开在村委会 / 里的表彰会) or ends with a conjunction
    across = couplet_across(left, right) and not _name_over_two_phrases(left, right)
    return number_broken(left, right) or (across and not names_a_body(right.partition(" ")[0]))


def _name_over_two_phrases(left: str, right: str) -> bool:
    """A place's or body's name over a title of two phrases, the first a phrase of its own: its kicker, though the
    lengths would make a couplet across the break (乌拉特前旗 / 设立400个站点 回收农药包装废弃物).

    >>> _name_over_two_phrases("乌拉特前旗", "设立400个站点 回收农药包装废弃物")
    True
    >>> _name_over_two_phrases("特色产业铺", "路子 村民增收有奔头"), _name_over_two_phrases("大石街道", "修建便民桥")
    (False, False)
    """
    head, blank, _ = right.strip().partition(" ")
    return bool(blank) and han_count(head) >= _OWN_PHRASE and names_a_body(left)


def short_title(left: str, right: str) -> bool:
    """Two lines too short together to be a kicker and a title: ``大竹8个项目 / 集中开工``.

    >>> short_title("大竹8个项目", "集中开工"), short_title("兴县工商联", "倡议全县非公经济人士积极应对")
    (True, False)
    """
    return han_count(left + right) + len(re.findall(r"[0-9]", left + right)) < _SHORT_TITLE


def too_long_for_one_title(left: str, right: str) -> bool:
    """Two lines too long together for one title broken in two: a title and its subtitle.

    >>> too_long_for_one_title("“媒体看福州乡村”启动", "媒体代表将带你逛遍40个村庄")
    True
    """
    return han_count(left + right) + len(re.findall(r"[0-9]", left + right)) > _LONG_TITLE


def is_slogan(text: str) -> bool:
    """A short phrase naming nothing, printed over a title as its kicker: ``书香满校园``, ``新春开新局``.

    >>> is_slogan("书香满校园"), is_slogan("我县部分村镇垃圾乱扔乱放")
    (True, False)

    A line naming a place names something: it starts a title (寿光市调度 / 城市边界社区建设情况).

    >>> is_slogan("寿光市调度")
    False
    """
    return han_count(text) <= SLOGAN and not _A_PLACE.search(text)


# A place's name: two characters or more and what kind of place it is (寿光市, 箬横镇).
_A_PLACE = re.compile(f"[{HAN_CLASS}]{{2}}[省市县区镇乡村]")


def whole_quotation(text: str) -> bool:
    """A line that is one quoted phrase, complete: a slogan printed over its title (“一村一策” / 通城推进乡村振兴).

    >>> whole_quotation("“一村一策”"), whole_quotation("“一村一策”通城推进"), whole_quotation("“种粮")
    (True, False, False)
    """
    text = text.strip()
    return len(text) > 2 and text[0] == "“" and text[-1] == "”" and "“" not in text[1:-1] and "”" not in text[1:-1]


def is_subtitle(text: str) -> bool:
    """A subtitle line: led by a dash (——记…), or clauses parted by a comma or a list's 、
    (维护花坛…，他们啥都干; 60岁10元套餐、90岁免单 over its title is a kicker)."""
    return bool(DASH_START.match(text)) or bool(re.search(r"[，,；、]", text))


def lead_only(text: str) -> bool:
    """A lead and its colon alone on a line (故城：): a kicker over its title, never a title of its own.

    >>> lead_only("故城："), lead_only("武汉：老人家中笑语多")
    (True, False)
    """
    return text.rstrip().endswith(("：", ":"))


# After a lead and its colon, a title says this many characters at least (武汉：老人家中笑语多).
_AFTER_A_COLON = 4


def colon_led(text: str) -> bool:
    """A title opened by a short lead and a colon, saying where or who: ``武汉：老人家中笑语多``.

    >>> colon_led("武汉：老人家中笑语多"), colon_led("武汉："), colon_led("关爱空巢老人志愿服务活动")
    (True, True, False)
    >>> colon_led("地点：光明路与联盟路交叉口西北侧")
    False
    """
    return bool(_COLON_LEAD.match(text.strip()))


def short_after_its_lead(text: str) -> bool:
    """A lead and its colon, then a word or two: too little for a title, which goes on into the next line
    (金牛镇：汛情 / 紧急全力转移受灾群众, 林州：爱心墙 / 让我们走的更近).

    >>> short_after_its_lead("林州：爱心墙"), short_after_its_lead("武汉：老人家中笑语多")
    (True, False)
    """
    return colon_led(text) and han_count(after_the_lead(text)) < _AFTER_A_COLON


def after_the_lead(text: str) -> str:
    """A colon-led title's words after its lead, or nothing: 叠石：消防安全 → 消防安全.

    >>> after_the_lead("叠石：消防安全"), after_the_lead("消防安全")
    ('消防安全', '')
    """
    return re.split("[：:]", text, maxsplit=1)[1] if colon_led(text) else ""


def is_kicker(first: str, second: str) -> bool:
    """Of two lines of one headline, whether the first is a kicker (else the second is a subtitle).

    The second is a subtitle when it reads like one (a dash, a comma); the first is a kicker when it
    names a place or body, or is a short slogan, or gives figures over a gist that has none (13个乡镇
    148条596.7公里路焕然一新 / 平罗解民之忧…); otherwise the first is the title and the second says more.

    >>> is_kicker("兴县直属机关工委", "倡议县直党组织和广大党员干部走在前")
    True
    >>> is_kicker("新春开新局", "石泉集中开工12个重点项目")
    True
    >>> is_kicker("“媒体看福州乡村”启动", "媒体代表将带你逛遍40个村庄")
    False
    >>> is_kicker("关爱空巢老人志愿服务活动", "武汉：老人家中笑语多")
    True
    >>> is_kicker("60岁10元套餐、90岁免单", "梅林社区邻里食堂开业")
    True

    A couplet on its line over a line that is none is its kicker (of the sets' headlines, three
    such pairs in four: 九九重阳节 浓浓关爱情 / 县领导慰问百岁老人):

    >>> is_kicker("访问乡贤 学习乡贤", "上虞少年今赴京采访"), is_kicker("上虞少年今赴京采访", "访问乡贤 学习乡贤")
    (True, False)

    A couplet parted by a comma is one too: over a line longer than a title under a kicker, the line is its
    subtitle; a line opening with a column's name in brackets is a title, the line over it its kicker:

    >>> is_kicker("服务为大家，社区在行动", "薛家岛街道各社区大力营造“人人文明，人人参与”的良好创城氛围")
    False
    >>> is_kicker("擦亮乡村底色 建设美丽家园", "[西固镇]西固镇开展人居环境集中整治行动")
    True
    >>> is_kicker("乘坐文明车 争做文明人", "文明直通车开进杏滨街道、灌口镇")
    True
    """
    # A couplet over a line as short as a kicked title, naming a list (开进杏滨街道、灌口镇): its kicker.
    listed = whole_couplet(first) and han_count(second) <= _KICKED_TITLE and not re.search("[，,；]", second)
    if subtitle_line(second) or (is_subtitle(second) and not is_subtitle(first) and not listed):
        return False
    if opens_with_a_column_mark(second) and not opens_with_a_column_mark(first):
        return True  # a column's name in brackets opens a title, never a subtitle ([西固镇]西固镇开展…)
    if whole_couplet(first.replace("，", " ")) and han_count(second) > _KICKED_TITLE:
        return False  # a couplet parted by a comma, over a line longer than a title under a kicker: its subtitle
    return (
        # A dash at its end leads into the title (北碚区政协与巴中市政协—— / 挖掘合作“闪光点”…), unless the line
        # under it tells what a body does: the rest of one title (…端午温情聚一堂—— / 大关法院开展…活动).
        (bool(DASH_END.search(first)) and not body_doing(second))
        or names_a_body(first)
        or lead_only(first)
        or names_a_column(first)
        or is_slogan(first)
        or whole_quotation(first)
        or is_subtitle(first)
        or (colon_led(second) and not colon_led(first))
        or (whole_couplet(first) and not whole_couplet(second) and han_count(second) <= _KICKED_TITLE)
        or (whole_couplet(second) and not whole_couplet(first) and han_count(first) > _KICKED_TITLE)
        or (bool(_DIGITS.search(first)) and not _DIGITS.search(second))  # the figures over the gist
    )


def continues(previous: str, line: str) -> bool:
    """Whether ``line`` goes on with the title ``previous`` began, the two known to be one headline.

    It does unless it is a subtitle (a dash), the first is a kicker naming a
    place or body, or the two are too long together for one title; a cut
    word or number, or a couplet, joins them whatever else.

    >>> continues("新春开新局", "石泉集中开工12个重点项目"), continues("双牌上梧江瑶族乡", "环境整治进行时")
    (True, False)

    A lead with a colon opens a title; alone on its line it is the kicker
    (故城： / 合作社分红“腰包鼓” 村民新春绽笑颜, as real pages print it):

    >>> continues("关爱空巢老人志愿服务活动", "武汉："), continues("故城：", "合作社分红“腰包鼓”")
    (False, False)
    """
    if DASH_START.match(line.strip()) or colon_led(line) or names_a_column(line) or opens_with_a_column_mark(line):
        return False
    if opens_with_a_column_mark(previous) and han_count(previous + line) <= _COLUMN_TITLE:
        return True  # no kicker of the sets opens with a column's name, 20 titles do: 【新春走基层】春雪过后… / 北关山…
    if DASH_END.search(previous):
        return body_doing(line)  # a kicker's dash leads into a title of its own, a title's into what a body does
    if lead_only(previous):
        return False  # a lead and its colon lead into a title of its own
    if number_broken(previous, line) or cut_at_the_break(previous, line):
        return True
    if names_a_body(previous) or whole_couplet(previous) or whole_couplet(line):
        return False  # after a kicker, or a whole couplet before or after: two parts
    return couplet(previous, line) or not too_long_for_one_title(previous, line)


def attach(parts: list[str], lines: list[str], before: bool) -> list[str] | None:
    """A headline's lines with the rest of its title printed just ``before`` or after them; None if not that.

    >>> attach(["车“一票难求”"], ["雪后上下班高峰 公交"], before=True)
    ['雪后上下班高峰 公交车“一票难求”']
    >>> attach(["“媒体看福州乡村”启动"], ["媒体代表将带你逛遍40个村庄"], before=False) is None
    True
    >>> attach(["11年资助54名贫困生圆梦大学"], ["小小“乡友会” 成就“求学梦”"], before=True)
    ['小小“乡友会” 成就“求学梦”', '11年资助54名贫困生圆梦大学']
    >>> attach(["渔船进港避台风"], ["舟山："], before=True)
    ['舟山：', '渔船进港避台风']
    """
    if before and len(parts) > 1 and names_a_body(parts[0]):
        return None  # the headline opens with a kicker naming a place or body: nothing runs into it
    if before and continues(lines[-1], parts[0]):
        merged = lines[:-1] + [lines[-1] + parts[0]] + parts[1:]
    elif not before and continues(parts[-1], lines[0]):
        merged = parts[:-1] + [parts[-1] + lines[0]] + lines[1:]
    elif before and len(parts) == 1 and (whole_couplet(lines[-1]) or lead_only(lines[-1])):
        merged = lines + parts  # a whole title over the line placed (its subtitle), or a lead and its colon
    else:
        return None
    return merged if len(merged) <= 3 else None


def headline_of(texts: list[str]) -> Headline:
    """Kicker above, title, subtitle below.

    A lead and its colon alone on a line is a kicker (故城： / 合作社分红…),
    but under a kicker of its own it opens the title:

    >>> headline_of(["防控阻击战倡议活动", "兴县：", "工商联倡议积极应对疫情"]).parts
    ['防控阻击战倡议活动', '兴县：工商联倡议积极应对疫情']
    >>> headline_of(["离石区凤山街道久安社区", "银装素裹迎新春", "扫雪除冰保畅通"]).parts
    ['离石区凤山街道久安社区', '银装素裹迎新春 扫雪除冰保畅通']
    """
    if len(texts) == 1:
        return Headline(title=texts[0])
    if len(texts) == 2:
        if opens_with_a_column_mark(texts[0]) and continues(texts[0], texts[1]):
            return Headline(title=texts[0] + texts[1])  # a title opened by a column's name goes on: no kicker opens so
        if is_kicker(texts[0], texts[1]):
            return Headline(title=texts[1], kicker=texts[0])
        return Headline(title=texts[0], subtitle=texts[1])
    if lead_only(texts[1]):
        return Headline(title=texts[1] + texts[2], kicker=texts[0], subtitle="".join(texts[3:]) or None)
    if len(texts) == 3 and couplet(texts[1], texts[2]):
        # A couplet's halves on two lines under its kicker: the title (of the sets' headlines, nine kickers over
        # couplet titles and no title and subtitle that make a couplet).
        return Headline(title=f"{texts[1].rstrip()} {texts[2].lstrip()}", kicker=texts[0])
    return Headline(title=texts[1], kicker=texts[0], subtitle="".join(texts[2:]))
