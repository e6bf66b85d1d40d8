"""Authors: a person's name printed alone or after a role (本报记者, 文/) under a headline or a text."""

from __future__ import annotations

import re

from converter.clean.lines import NAME_LINE, SENTENCE_PUNCTUATION, PageLine
from converter.text import REPORTER_ROLES, RUNNING_TEXT_MARKS, either

# Common Chinese surnames: an author's name printed alone under a headline
# starts with one of them, which tells it from a three-character subhead.
SURNAMES = set(
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
    if not NAME_LINE.match(text):
        return False
    if text.startswith(_COMPOUND_SURNAMES):
        return True
    return len(text) <= 3 and text[0] in SURNAMES


# An author line holds at most a role and a few names.
_AUTHOR_LINE = 24
# What may stand before the names on an author line: 本报记者, 记者, 文/, □.
_AUTHOR_ROLE = re.compile(f"^(?:(?:本报)?(?:特约)?{either(REPORTER_ROLES)}" r"|文\s*[/／:：]|作者\s*[:：]|[□■●◎])\s*")


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
    if SENTENCE_PUNCTUATION.search(rest) or "：" in rest:
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
        return names if all(NAME_LINE.match(n) for n in names) else []
    return names if all(is_author_name(n) for n in names) else []



# A line opening with one glyph set apart, then words closed up: the end of a name the break cut
# (■记者 严利君 通讯员 熊建 / 辉 国庆期间，记者走进了).
_CUT_NAME_END = re.compile(r"^\s*\S\s+\S{2}")


def author_lines(lines: list[PageLine], page_text: str) -> list[bool]:
    """Which lines are an author's name: a name-shaped line the page's text never uses as a phrase.

    ``严监管`` looks like a name but is also the lead-in ``严监管。金融业链条长``.  A line whose
    last name the break cut (the next line opens with its last glyph set apart) runs on into
    the text: it opens an article, it signs none.
    """
    return [
        len(line.text) <= _AUTHOR_LINE
        and not SENTENCE_PUNCTUATION.search(line.text)
        and not line.text.endswith("、")  # names listed on into the next line (周浩森、钟浩源、梁杰球、 / 卢广新，…)
        and bool(author_names(line.raw))
        and not re.search(re.escape(line.text) + f"[{RUNNING_TEXT_MARKS}：]", page_text)
        and not (number + 1 < len(lines) and _CUT_NAME_END.match(lines[number + 1].raw))
        for number, line in enumerate(lines)
    ]

