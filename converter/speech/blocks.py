"""Headline parts and running text as spoken: layout spaces dropped, printed pauses kept."""

from __future__ import annotations

import re

from converter.text import CJK_PUNCTUATION_CLASS, HAN_CLASS

_CJK = HAN_CLASS + CJK_PUNCTUATION_CLASS
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}0-9])\s+(?=[{_CJK}0-9])")
_SPACE_BETWEEN_HAN = re.compile(rf"(?<=[{HAN_CLASS}])\s+(?=[{HAN_CLASS}])")
_FULLWIDTH_DIGITS = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})


def headline_speech(text: str) -> str:
    """A headline part; a space between words is a printed pause, read as one.

    >>> headline_speech("走进一线 送去温暖")
    '走进一线，送去温暖'
    """
    return _SPACE_BETWEEN_HAN.sub("，", text.strip())


def paragraph_speech(text: str) -> str:
    """A sentence of running text, without the spaces layout left inside it.

    >>> paragraph_speech("过去 １４ 天的旅行史")
    '过去14天的旅行史'
    """
    return _SPACE_IN_CJK.sub("", text.strip().translate(_FULLWIDTH_DIGITS))
