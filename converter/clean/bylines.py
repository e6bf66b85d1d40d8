"""Bylines: the bracketed group of reporters' names that closes an article."""

from __future__ import annotations

import re

from converter.text import CLOSE_PARENS, CREDIT_ROLES, HAN_CLASS, REPORTER_ROLES, SENTENCE_ENDS, either

_NAME = f"[{HAN_CLASS}·](?: ?[{HAN_CLASS}·]){{1,3}}"  # a name set wide keeps one blank between its characters
_ROLES = either(REPORTER_ROLES + CREDIT_ROLES)
# The whole line, or whatever ends a sentence before it, then （names） at the end.
_BYLINE = re.compile(
    f"(?:^|(?<=[{SENTENCE_ENDS}”’{CLOSE_PARENS}]))" r"\s*[（(]\s*"
    r"((?:" + _ROLES + r"[:：\s]*)?" + _NAME + r"(?:[\s、，,/]+(?:" + _ROLES + r"[:：\s]*)?" + _NAME + r")*)"
    r"\s*[）)]\s*$"
)
_ROLE = re.compile(f"^{_ROLES}[:：]?")
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
    >>> split_byline("协助党组（党委）")
    ('协助党组（党委）', [])
    """
    match = _BYLINE.search(line)
    if not match:
        return line, []
    names: list[str] = []
    role = ""
    group = match.group(1).strip()
    if re.fullmatch(r"\S(?: \S)+(?:\s{2,}\S(?: \S)+)*", group):
        # Justified wide, one blank between characters and more between names: 张 磊   尹 雪.
        group = " ".join(part.replace(" ", "") for part in re.split(r"\s{2,}", group))
    for token in re.split(r"[\s、，,/]+", group):
        if _ROLE.fullmatch(token):
            # A role printed apart (记者 王丽) stays with its name: nothing printed is lost.
            role = token
            continue
        if len(_ROLE.sub("", token)) >= 2:
            names.append(role + token)
        role = ""
    if not names or any(name in _NOT_NAMES for name in names):
        return line, []
    return line[: match.start()].rstrip(), names
