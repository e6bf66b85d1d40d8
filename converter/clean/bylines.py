"""Bylines: the bracketed group of reporters' names that closes an article."""

from __future__ import annotations

import re

from converter.clean.authors import is_author_name
from converter.text import (
    BODY_SUFFIXES,
    CLOSE_PARENS,
    CREDIT_ROLES,
    EDITING_ROLES,
    HAN_CLASS,
    MEDIUM_KINDS,
    NAME_MARKS,
    NEWS_AGENCIES,
    REPORTER_ROLES,
    SENTENCE_ENDS,
    either,
)

_NAME = f"[{HAN_CLASS}·](?: ?[{HAN_CLASS}·]){{1,3}}"  # a name set wide keeps one blank between its characters
# A reporter's role may carry what the reporter is first: 全媒体记者, 特约通讯员, 玉溪日报特约通讯员, 滨州网通讯员,
# 闽东日报·新宁德客户端记者.
_REPORTER = f"[{HAN_CLASS}·/／\\-－]{{0,12}}?" + either(REPORTER_ROLES)
# An editing role, what the editor is first too (融媒体编辑), before a colon or a bar (责任编审 | 李传玉).
_EDITOR = f"[{HAN_CLASS}]{{0,6}}?{either(EDITING_ROLES)}(?=[:：]|\\s*[|｜])"
# A public body's name glued to its writer's (县残联周艳霞, 肥城市农业机械发展服务中心武东升), or
# printed apart before it (民建直属总支 张平).
# A body's name holds no word of a sentence's grammar (乡镇负责人名单由市委组织部提供 is a note, not 提供 of a
# body), nor a note's 见 (（详见县文化中心）).
_BODY = f"(?:(?:(?![由的了是在把被将从向见])[{HAN_CLASS}]){{1,14}}?{either(BODY_SUFFIXES)})"
# The township or office that sent the copy, before a colon as a role is (（鸡林乡：付超）).
_SENDER = f"{_BODY}(?=[:：])"
_ROLES = f"(?:{_REPORTER}|{either(CREDIT_ROLES)}|{_EDITOR}|{_SENDER})"
# A copy's source in place of names: （据新华社报道）, or the medium that reported it (（迁安信息港报道）).
_SOURCE = (
    f"据(?:{either(NEWS_AGENCIES)}|[{HAN_CLASS}]{{2,10}}?)(?:报道|消息)"
    f"|[{HAN_CLASS}]{{1,10}}?(?:{either(MEDIUM_KINDS)}|信息港)报道"
)
# A name's credit after it, slashed or not: 摄, /摄, 文/图, 摄影报道.
_CREDIT_AFTER = r"(?:[\s/／|｜]*" + either((*CREDIT_ROLES, "供稿")) + r"(?:[/／]" + either(CREDIT_ROLES) + r")?)?"
# A role parted from its names by a colon, a blank or a bar (责任编审 | 李传玉, as web pages print it).
# A body alone may sign the story, before another credit or last (（望谟县融媒体中心）).
# Where a writer works, in brackets after the name (通讯员：李华（大关县社科联）).
_AFFILIATION = f"(?:[（(][{HAN_CLASS}]{{2,12}}[）)])?"
_NAMED = (
    r"(?:" + _ROLES + r"[:：|｜\s/／]*)?" + rf"(?:{_BODY}?{_NAME}{_AFFILIATION}|{_BODY}(?=\s|[）)]))" + _CREDIT_AFTER
)
# A credit printed before all the names it covers: （文/图 茂名日报社全媒体记者 梁爽 通讯员 温嘉慧）.
_LEADING_CREDIT = f"(?:[文图摄](?:[/／][文图摄])?(?:[（(][{HAN_CLASS}]{{2,8}}[）)])?" + r"[:：\s]\s*)"
# The medium the reporters write for, printed before their names: 湖南日报·新湖南客户端, 本报视界网, 鹤峰台通联.
_MEDIUM = f"(?:[{HAN_CLASS}·]{{2,12}}?(?:客户端|日报|晚报|新闻网|网|台|通联)\\s+)?"
# （names） at the end of a line.
_NAMES_GROUP = (
    r"\s*[（(]\s*" f"[{NAME_MARKS}]?\\s*"
    r"(" + _SOURCE + "|" + _LEADING_CREDIT + "?" + _MEDIUM + _NAMED + r"(?:[\s、，,/|｜]+" + _NAMED + r")*)"
    r"\s*[）)]\s*$"
)
# A credit of people's names alone names at most this many.
_MOST_NAMES = 4
# Where a credit may open: the line's start, or after whatever ends a sentence.
_AFTER_A_SENTENCE = f"(?:^|(?<=[{SENTENCE_ENDS}”’{CLOSE_PARENS}]))"
# The whole line, or whatever ends a sentence before it, then the names.
_BYLINE = re.compile(_AFTER_A_SENTENCE + _NAMES_GROUP)
# A credit after a photo's caption, which ends with no stop (图为村庄内路灯一角（庄学兵 摄影报道）): known by its roles.
_CAPTION_BYLINE = re.compile(_NAMES_GROUP)
# (文 and 图 alone say too little: （图一）.)  A dateline's names follow its 讯, 电, 网 or 报道 (本报讯（记者 鲁 威）).
_DATELINE_END = re.compile(r"(?:讯|电|网|消息|报道)[：:]?\s*$")
_ANY_ROLE = re.compile(either((*REPORTER_ROLES, "摄影报道", "摄影", "摄", "报道")) + f"|{either(EDITING_ROLES)}[:：]")
_ROLE = re.compile(f"^{_ROLES}[:：]?")
# Any bracketed group after a sentence's end (or alone on its line) holding no sentence punctuation, with at
# most one bracketed note inside: a credit of a form the patterns above do not know, when it names a role
# (（云南日报-云新闻通讯员：张广玉 摄） before the dash was known). 报道 alone says too little (（详见3版报道）).
_LOOSE_CREDIT = re.compile(
    _AFTER_A_SENTENCE + r"\s*[（(]\s*([^（）()，。；！？,;!?]{2,48}?"
    r"(?:[（(][^（）()]{1,12}[）)][^（）()，。；！？,;!?]{0,24})?)\s*[）)]\s*$"
)
_LOOSE_ROLE = re.compile(either((*REPORTER_ROLES, "摄")) + f"|{either(EDITING_ROLES)}\\s*[:：|｜]")
# An editing role set wide before its colon (撰  稿：杨凌昊): closed up before the credit is read.
_SPACED_ROLE = re.compile("|".join(r"\s+".join(role) + r"(?=\s*[:：])" for role in EDITING_ROLES))
_CREDIT = re.compile(f"^{either(CREDIT_ROLES)}$")
# A credit slashed before the name it covers (文/张三 图/李四): not a credit after a name, nor two credits
# slashed (文/图).
_LEADING_SLASH = re.compile(f"(?:^|(?<=\\s))([文图摄]{{1,2}})[/／](?![文图摄](?:\\s|$))(?=[{HAN_CLASS}])")
# A note on who the author is, not a credit: （作者为山东大学校长）, （作者系…）.
_AUTHOR_NOTE = re.compile(r"作者\s*[为系是]")
# Notes on who the author is (（作者单位：河北金融学院）, （作者为…）) or on what was learnt: not credits.
_NOT_A_CREDIT = re.compile(_AUTHOR_NOTE.pattern + r"|作者\s*(?:单位|简介)|获悉|了解|表示|介绍|采访")
# Bracketed closing notes that are not names.
_NOT_NAMES = {"待续", "未完", "续完", "全文完", "完", "连载", "上", "下", "中"}


def split_byline(line: str) -> tuple[str, list[str]]:
    """Split a trailing bracketed names group off a raw printed line.

    >>> split_byline("户捐款240.75万元。（张明提）")
    ('户捐款240.75万元。', ['张明提'])
    >>> split_byline(" （张明提 康东）")
    ('', ['张明提', '康东'])
    >>> split_byline("确保安全度汛。（记者 王丽 通讯员 张三）")
    ('确保安全度汛。', ['记者王丽', '通讯员张三'])
    >>> split_byline("0 亩 。 （ 张 磊   尹 雪 ）")
    ('0 亩 。', ['张磊', '尹雪'])
    >>> split_byline("协助党组（党委）")[1], split_byline("助力乡村振兴发展。（撰稿人：蔡慧琪）")[1]
    ([], ['撰稿人：蔡慧琪'])

    A mark before the names, a photo report's credit:

    >>> split_byline("（□记者 陈永团）")[1], split_byline("（张仁勇 摄影报道）")[1]
    (['记者陈永团'], ['张仁勇 摄影报道'])
    >>> split_byline("（李士明/摄）")[1], split_byline("（少芬/文 士明/摄）")[1]
    (['李士明 摄'], ['少芬 文', '士明 摄'])
    >>> split_byline("（通讯员 叶丽君 记者 司新利 文/图）")[1]
    ['通讯员叶丽君', '记者司新利 文 图']
    >>> split_byline("（撰稿：方慧娟 审核：张志平）")[1], split_byline("好评。（县残联周艳霞）")[1]
    (['撰稿：方慧娟', '审核：张志平'], ['县残联周艳霞'])
    >>> split_byline("支持。（作者为山东大学校长）")[1]
    []
    >>> split_byline("（本报通讯员 侯 缜 摄）")[1], split_byline("（陈红陈静摄影报道）")[1]
    (['本报通讯员侯缜 摄'], ['陈红陈静摄影报道'])
    >>> split_byline("  （ 本 报 通 讯 员   侯   缜   摄 ）")
    ('', ['本报通讯员侯缜 摄'])

    After text with no stop (a caption), a credit naming its role or people's names alone; an author by role:

    >>> split_byline("路灯一角（庄学兵 摄影报道）"), split_byline("树立检察公信力（谢芳）")[1]
    (('路灯一角', ['庄学兵 摄影报道']), ['谢芳'])
    >>> split_byline("奉化新闻网讯（记者 鲁 威）")[1], split_byline("云上黄石报道（记者 张小康）")[1]
    ([], [])
    >>> split_byline("  （ 作 者 ： 周 家 山 ）")[1], split_byline("（作者为山东大学校长）")[1]
    (['作者：周家山'], [])

    More credits as papers print them: tests/test_clean_bylines.py.
    """
    if not any(mark in line for mark in CLOSE_PARENS):
        return line, []  # no bracket closes on the line: no credit ends it (most lines of a page)
    printed, match, loose = _found_credit(line)
    if not match:
        return line, []
    if loose:  # a form the patterns do not know: kept whole, as printed
        return printed[: match.start()].rstrip(), [" ".join(match.group(1).split())]
    group = _close_wide(match.group(1).strip())
    if _AUTHOR_NOTE.match(group):
        return line, []  # a note on who the author is (作者为山东大学校长) stays with the text
    leading = re.match(_LEADING_CREDIT, group)
    credit = [leading.group().strip()] if leading else []
    # A slash that heads a name is kept with it (文/张三), the others part names (李士明/摄).
    rest = _LEADING_SLASH.sub("\\1\0", group[leading.end() if leading else 0 :])
    names = credit + _names([t.replace("\0", "/") for t in re.split(r"[\s、，,/|｜]+", rest)])
    if not names or any(name in _NOT_NAMES for name in names):
        return line, []
    return printed[: match.start()].rstrip(), names


# A credit printed without brackets opens with a role and a blank, colon or slash: 记者 张三 通讯员 李四, 通讯员：李四,
# 文/张三 图/李四 (a headline naming 记者 runs on after it: 记者节座谈会).
_BARE_ROLE = re.compile(f"^(?:{_REPORTER}[\\s:：]|{_EDITOR}|[文图摄]{{1,2}}[/／:：])")


def split_credit(line: str, alone: bool) -> tuple[str, list[str]]:
    """The line's text and the credit ending it: bracketed (split_byline), or, on a line ``alone`` between a
    sentence's end and the next story, a credit printed without brackets (记者 张三 通讯员 李四).

    >>> split_credit("记者 张三 通讯员 李四", True), split_credit("记者 张三 通讯员 李四", False)
    (('', ['记者张三', '通讯员李四']), ('记者 张三 通讯员 李四', []))
    >>> split_credit("文/张三 图/李四", True), split_credit("记者节座谈会", True)
    (('', ['文/张三', '图/李四']), ('记者节座谈会', []))
    """
    rest, names = split_byline(line)
    text = _close_wide(line.strip()) if alone and not names else ""
    if not _BARE_ROLE.match(text):
        return rest, names
    bare, names = split_byline(f"（{text}）")
    return (line, []) if bare or not names else ("", names)


def _found_credit(line: str) -> tuple[str, re.Match[str] | None, bool]:
    """The line as read, the credit ending it, and whether only the loose pattern found it."""
    printed = _SPACED_ROLE.sub(lambda role: re.sub(r"\s", "", role.group()), line)
    match = _credit(printed)
    if not match:
        # A line justified wide, a name's characters set as far apart as names (（ 本 报 通 讯 员   侯   缜   摄 ）).
        printed = _close_wide(line.strip())
        match = _credit(printed)
    if match:
        return printed, match, False
    match = _LOOSE_CREDIT.search(printed)
    if match and _LOOSE_ROLE.search(match.group(1)) and not _NOT_A_CREDIT.search(match.group(1)):
        return printed, match, True  # a credit of a form not known above, known by a role it names
    return printed, None, False


def _credit(printed: str) -> re.Match[str] | None:
    """The bracketed credit ending a line: after a sentence's end, or after a caption when it names a role."""
    match = _BYLINE.search(printed)
    if match:
        return match
    match = _CAPTION_BYLINE.search(printed)
    if match and _known_credit(match.group(1), printed[: match.start()]):
        return match
    return None


def _known_credit(group: str, before: str) -> bool:
    """A bracketed group after text with no stop that is a credit: it names a role (路灯一角（庄学兵 摄影报道）),
    or people's names alone (…树立检察公信力（谢芳）: the paper printed no stop before its reporter's name).
    Not after a dateline's 讯, 电 or 报道, nor after a role (通讯员（孙伟民 王郁洁）): a dateline's names.

    >>> _known_credit("庄学兵 摄影报道", "路灯一角"), _known_credit("谢芳", "树立检察公信力")
    (True, True)
    >>> _known_credit("记者 鲁 威", "奉化新闻网讯"), _known_credit("孙伟民 王郁洁", "通讯员")
    (False, False)

    A word opening with a surname is no name where it ends with a body's or a place's kind (党委, 张家村):

    >>> _known_credit("党委", "协助党组"), _known_credit("张家村", "双岛湾街道"), _known_credit("试行", "办法")
    (False, False, False)
    """
    if _DATELINE_END.search(before):
        return False
    if _ANY_ROLE.search(group):
        return True
    names = group.split()
    people = 0 < len(names) <= _MOST_NAMES and all(is_author_name(n) and not n.endswith(BODY_SUFFIXES) for n in names)
    return people and not before.rstrip().endswith(REPORTER_ROLES)


def _close_wide(group: str) -> str:
    """A names group justified wide, one blank between characters and more between names, closed up.

    >>> _close_wide("张 磊   尹 雪"), _close_wide("特 约 记 者   刘 健 平   摄")
    ('张磊 尹雪', '特约记者 刘健平 摄')
    """
    if re.fullmatch(r"\S(?: \S)*(?:\s{2,}\S(?: \S)*)+|\S(?: \S)+", group):
        return " ".join(part.replace(" ", "") for part in re.split(r"\s{2,}", group))
    return group


def _wide_names_closed(tokens: list[str]) -> list[str]:
    """Single characters in a row that are no credit: one name set wide (侯 缜 is 侯缜).

    >>> _wide_names_closed(["本报通讯员", "侯", "缜", "摄"])
    ['本报通讯员', '侯缜', '摄']
    """
    closed: list[str] = []
    for token in tokens:
        single = len(token) == 1 and not _CREDIT.match(token)
        if single and closed and len(closed[-1]) == 1 and not _CREDIT.match(closed[-1]):
            closed[-1] += token
        else:
            closed.append(token)
    return closed


def _names(tokens: list[str]) -> list[str]:
    """The names of a byline's tokens.

    A role printed apart stays with the name after it, a photo credit with the name before.

    Nothing printed is lost: 记者 王丽 is 记者王丽, 申国发 摄 is 申国发 摄.

    >>> _names(["全媒体记者", "厉倩", "通讯员", "申国发", "摄"])
    ['全媒体记者厉倩', '通讯员申国发 摄']
    >>> _names(["严钦龙", "摄"]), _names(["特约记者刘健平", "通讯员明金摄"])
    (['严钦龙 摄'], ['特约记者刘健平', '通讯员明金摄'])
    >>> _names(["记者站", "张三"]), _names(["图文", "张三"])
    (['记者站张三'], ['图文张三'])
    """
    names: list[str] = []
    role = ""
    for token in _wide_names_closed(tokens):
        if _CREDIT.match(token) and names and not role:
            names[-1] += " " + token
            continue
        if _ROLE.fullmatch(token):
            if role:
                names.append(role)  # a role with no name of its own (本报记者 徐建本报通讯员 汪文凯): kept
            role = token
            continue
        if len(_ROLE.sub("", token)) >= 2:
            names.append(role + token)
            role = ""
        else:
            role += token  # a role the patterns know only in part (记者站, 图文): it heads the name after it
    if role:
        names.append(role)  # nothing printed is lost, a role with no name after it neither
    return names
