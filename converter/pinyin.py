"""Pinyin readings, one per character."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

STYLES = {"tone": Style.TONE, "tone3": Style.TONE3, "zhuyin": Style.BOPOMOFO}


def is_han(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FA1F


def readings(text: str, style: str = "tone") -> list[str | None]:
    """The reading of each character of ``text``; ``None`` where it is not Han.

    >>> readings("为了2020年")
    ['wèi', 'le', None, None, None, None, 'nián']
    """
    out: list[str | None] = [None] * len(text)
    han_positions = [i for i, c in enumerate(text) if is_han(c)]
    if not han_positions:
        return out
    han_text = "".join(text[i] for i in han_positions)
    syllables = lazy_pinyin(han_text, style=STYLES[style], errors="default")
    for i, syllable in zip(han_positions, syllables):
        out[i] = syllable
    return out
