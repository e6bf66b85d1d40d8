"""The byline read as printed: the names, and a role only where the page prints one."""

from __future__ import annotations


def byline_speech(byline: list[str]) -> str:
    """The names, a pause between them; nothing added that the page does not say.

    >>> byline_speech(["张明提", "康东"])
    '张明提、康东。'
    >>> byline_speech(["记者王丽", "通讯员张三"])
    '记者王丽、通讯员张三。'
    """
    names = "、".join(name.strip() for name in byline if name.strip())
    return names + "。" if names else ""
