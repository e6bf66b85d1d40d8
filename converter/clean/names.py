"""Names of places and public bodies: a headline line that is one names who or where (a kicker, most often).

A county paper's kicker often names the village, the township or the body its title is about (双牌上梧江瑶族乡,
兴县县委统战部新联会, 离石区凤山街道久安社区); a line that reads as a phrase or a kind of place names none.
"""

from __future__ import annotations

import re

from converter.clean.spacing import HAN
from converter.text import (
    BODY_SUFFIXES,
    COLUMN_BARS,
    FLAGS,
    GATHERINGS,
    INTO_A_PLACE,
    KINDS_OF_PLACE,
    NOT_A_PLACE_NAME,
    NOT_ONE_PLACE,
)

_NAME = re.compile(f"^[{HAN.pattern[1:-1]}0-9]{{3,16}}$")
# A body's name, then a word that makes it the subject of a clause (为, 向, 给, 对, 把, 在: 妇联为兴隆村…).
_BODY_DOES = re.compile("(?:" + "|".join(BODY_SUFFIXES) + ")[为向给对把在]")


def names_a_body(text: str) -> bool:
    """A line that is the name of a place or a public body: a kicker saying who or where.

    A line with a space in it is two phrases of a title, not a name
    (``有力量 万华凤凰城社区`` / ``志愿者在行动``); nor is one describing
    many places (``我县部分村镇`` / ``垃圾乱扔乱放影响环境卫生``).

    >>> [names_a_body(t) for t in ("双牌上梧江瑶族乡", "兴县县委统战部新联会", "大竹8个项目", "裕园社区", "乌拉特前旗")]
    [True, True, False, True, True]
    >>> names_a_body("有力量 万华凤凰城社区"), names_a_body("我县部分村镇"), names_a_body("澄潭镇横联")
    (False, False, False)
    >>> names_a_body("渝北宣传大餐送进社区"), names_a_body("嵊州美丽乡村"), names_a_body("五星红旗")  # nor a flag
    (False, False, False)
    >>> names_a_body("开在村委会里的表彰会"), names_a_body("新春游园会")  # a phrase of 的, a gathering: none
    (False, False)
    >>> names_a_body("大庆市林甸县妇联为兴隆村")  # a body doing for a place
    False
    >>> names_a_body("庆阳法庭"), names_a_body("福星镇检察室"), names_a_body("省委宣讲团")
    (True, True, True)
    """
    text = text.strip()
    clause = any(w in text for w in (*NOT_ONE_PLACE, *INTO_A_PLACE, "的"))  # 开在村委会里的表彰会: a phrase
    clause = clause or _BODY_DOES.search(text) is not None  # 林甸县妇联为兴隆村: a body doing for a place
    # 美丽乡村, 示范村, 在农村: a kind of place, not a place's name.
    kind = text.endswith(("村", "镇", "乡")) and (text[-2:-1] in NOT_A_PLACE_NAME or text[-3:-1] in KINDS_OF_PLACE)
    named = text.endswith(BODY_SUFFIXES) and not text.endswith((*FLAGS, *GATHERINGS))  # 挂国旗, 游园会: no body
    return bool(_NAME.match(text)) and named and not clause and not kind


# What a body named at a title's head does: the verbs county stories are told by (开展, 组织, 召开, 走进…), and 为,
# 在, 到, 赴 of a body doing for or at a place.
_DOES = "开展|组织|举办|举行|召开|走进|深入|进行|启动|发放|看望|慰问|参加|邀请|联合|推进|助力|打响|送|为|在|到|赴"
# A title's head naming a body, up to its kind (…法院, …镇, …博物馆), and what the body does.
_BODY_DOING = re.compile(
    f"^[{HAN.pattern[1:-1]}]{{1,16}}?(?:{'|'.join(sorted({*BODY_SUFFIXES, '馆'}, key=len, reverse=True))})(?:{_DOES})"
)


def body_doing(text: str) -> bool:
    """A line opening with a body's name and what it does: the words a title tells its story in, after a dash
    (雨中粽香飘法院 端午温情聚一堂—— / 大关法院开展端午节包粽子活动), where a kicker's words would not follow.

    >>> body_doing("大关法院开展端午节包粽子活动"), body_doing("积石山县博物馆走进居集镇")
    (True, True)
    >>> body_doing("打造四季飘香“百果园”"), body_doing("挖掘合作“闪光点” 联合履职助“双圈”"), body_doing("最好的课堂")
    (False, False, False)
    """
    return _BODY_DOING.match(text.strip()) is not None


# A headline's lead, before its colon (金集镇：最美人间四月天).
_LEAD = re.compile(r"^\s*([^：:“”\s]+)[：:]")


def lead_name(headline: str) -> str:
    """The place or body a headline's lead names before its colon, or nothing: where the story is told.

    >>> lead_name("金集镇：最美人间四月天 志愿服务助创建"), lead_name("志愿服务“赶场天”第三场来了！")
    ('金集镇', '')
    >>> lead_name("地点：光明路与联盟路交叉口")
    ''
    """
    found = _LEAD.match(headline)
    return found.group(1) if found and names_a_body(found.group(1)) else ""


# A place's name built of places, each of a few characters and its unit (离石区 凤山街道 久安社区).
_PLACE_UNIT = "街道|社区|小区|嘎查|苏木|省|市|县|区|旗|盟|州|乡|镇|村"
# One place of a chain: a few characters and its unit (凤山街道).
_PLACE_PART = f"[{HAN.pattern[1:-1]}]{{1,4}}?({_PLACE_UNIT})"
_PLACE_CHAIN = re.compile(f"^(?:{_PLACE_PART})+$")
_AT_A_PLACE = re.compile(f"(?:{_PLACE_UNIT})$")


def unfinished_clause(text: str) -> bool:
    """A body doing something at or for a place, and no verb yet (邓州市农办在彭桥镇, 林甸县妇联为兴隆村): the first
    line of a title broken in two, the verb on the next.

    >>> unfinished_clause("邓州市农办在彭桥镇"), unfinished_clause("兴县直属机关工委")
    (True, False)
    >>> unfinished_clause("县委在村里开会")
    False
    """
    text = text.strip()
    return bool(_NAME.match(text)) and _BODY_DOES.search(text) is not None and _AT_A_PLACE.search(text) is not None


def chain_of_places(text: str) -> bool:
    """Whether ``text`` is a place named down to its smallest part, each part a place of its own: a name
    however long, where a long line naming a body is a title (西洋江镇召开民情走访院落恳谈会).

    >>> chain_of_places("离石区凤山街道久安社区"), chain_of_places("平谷区王辛庄镇")
    (True, True)
    >>> chain_of_places("新庄镇集中召开村级群众大会"), chain_of_places("消防演练进幼儿园")
    (False, False)
    """
    return bool(_PLACE_CHAIN.match(text.strip()))


# A line's last name: the whole line, or its words after a column's tag or a blank (【感党恩 跟党走】平邑县).
_LAST_NAME = re.compile(f"(?:^|[】\\]\\s])([{HAN.pattern[1:-1]}]+)$")
# How large a place of each unit is, the largest first: a place's name runs from the larger to the smaller.
_UNIT_RANK = {"省": 0, "市": 1, "州": 1, "盟": 1, "县": 2, "区": 2, "旗": 2, "镇": 3, "乡": 3, "街道": 3, "苏木": 3}
_FIRST_UNIT = re.compile(f"^{_PLACE_PART}")


def place_across(previous: str, line: str) -> bool:
    """A place's name broken by the line's end: the larger place ends the line above, the smaller leads the line
    under before its colon (【感党恩 跟党走】平邑县 / 铜石镇：第三届广场舞大赛顺利举行), one title's lead.

    >>> place_across("【感党恩 跟党走】平邑县", "铜石镇：第三届广场舞大赛顺利举行")
    True
    >>> place_across("欢乐祥和过大年", "铜石镇：第三届广场舞大赛顺利举行"), place_across("平邑县", "广场舞大赛顺利举行")
    (False, False)

    A smaller place over a larger is a title of its own above another's (双福村 / 杨市街道：…):

    >>> place_across("双福村", "杨市街道：“积分超市”引领文明新风尚")
    False
    """
    tail, lead = _LAST_NAME.search(previous.strip()), lead_name(line)
    if tail is None or not lead or not names_a_body(tail.group(1)) or not chain_of_places(tail.group(1) + lead):
        return False
    larger, smaller = _AT_A_PLACE.search(tail.group(1)), _FIRST_UNIT.match(lead)
    if larger is None or smaller is None:
        return False
    return _UNIT_RANK.get(larger.group(), len(_UNIT_RANK)) < _UNIT_RANK.get(smaller.group(1), len(_UNIT_RANK))


# A line's last run of Han characters, after whatever mark or blank comes before it (银发守护行动！云龙区检察院).
_LAST_RUN = re.compile(f"([{HAN.pattern[1:-1]}]+)$")
# Words opening a line that bind it to a body named just before, as the one doing what it tells: for, to, with.
_BODY_ACTS = "为向给与对跟同"
# A verb ending in 办 (举办, 主办), not an office's short name (县委办, 街道办): …决赛举办 / 向不文明行为说“不”.
_VERB_WITH_BAN = re.compile("[举承主协兴自领创开代合联督包帮]办$")


def acts_across(previous: str, line: str) -> bool:
    """A body's name ending a line and a word binding it to what the next line tells: one title (弶港镇老干部 /
    与百岁老人“结亲”, 大庆市林甸县妇联 / 为兴隆村及示范户授牌).

    >>> acts_across("弶港镇老干部", "与百岁老人“结亲”"), acts_across("银发守护行动！云龙区检察院", "为养老钱袋")
    (True, True)
    >>> acts_across("暖冬行动", "为独居老人送“暖心午餐”"), acts_across("…决赛举办", "向不文明行为说“不”")
    (False, False)
    """
    tail = _LAST_RUN.search(previous.strip())
    if tail is None or line.lstrip()[:1] not in _BODY_ACTS or _VERB_WITH_BAN.search(tail.group(1)):
        return False
    return names_a_body(tail.group(1))


def runs_across(previous: str, line: str) -> bool:
    """A place's name, or a body and what it does, broken by the line's end: one title (see place_across and
    acts_across)."""
    return place_across(previous, line) or acts_across(previous, line)


# Verbs a title's body does, ending a line while what is done is on the next (…敬老院开展 / “九月九”联欢活动), and
# the words that may come between the body and its verb (河西村扎实开展). Not 召开 or 举行: a meeting ending in 会
# reads as a body, and titles end with it (十九届县政府第26次常务会召开).
_VERBS_WAITING = ("开展", "组织", "围绕")
_MANNERS = ("扎实", "积极", "深入", "认真", "全面", "持续", "广泛", "精心", "隆重", "集中", "多种形式", "多措并举")


def waits_for_its_object(text: str) -> bool:
    """A body's name and the verb of what it does, ending a line: the next line says what is done, one title.

    >>> waits_for_its_object("双龙镇敬老院开展"), waits_for_its_object("河西村扎实开展")
    (True, True)
    >>> waits_for_its_object("平顶山市卫东区：神马社区开展"), waits_for_its_object("派驻福星镇检察室多种形式开展")
    (True, True)
    >>> waits_for_its_object("五抓五促十提升|隆化法院：开展"), waits_for_its_object("隆化法院：活动开展")
    (True, False)
    >>> waits_for_its_object("金山区各界人士春节团拜会举行"), waits_for_its_object("“融媒360”学雷锋志愿活动开展")
    (False, False)
    """
    lead, _, head = text.strip().rpartition("：")  # after a lead and its colon (平顶山市卫东区：神马社区开展)
    verb = next((verb for verb in _VERBS_WAITING if head.endswith(verb)), "")
    if not verb:
        return False
    head = head[: -len(verb)]
    manner = next((manner for manner in _MANNERS if head.endswith(manner)), "")
    body = head[: len(head) - len(manner)]
    # The verb alone after the colon: the lead names who does it, after a column's name (…|隆化法院：开展).
    return names_a_body(body or re.split(f"[{COLUMN_BARS}\\s]", lead)[-1])
