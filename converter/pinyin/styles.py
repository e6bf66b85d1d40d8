"""Output styles of a reading, in a registry: a new style is one decorated function.

Readings are computed as canonical syllables (tone digits 1-5, ü written v:
``lv4``, ``le5``) and turned into a style only at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from pypinyin.contrib.tone_convert import to_tone, to_tone3
from pypinyin.style.bopomofo import converter as _bopomofo

_STYLES: dict[str, Callable[[str], str]] = {}


def style(name: str) -> Callable[[Callable[[str], str]], Callable[[str], str]]:
    """Register a function from a tone-marked syllable (``lǜ``) to a style."""
    def register(function: Callable[[str], str]) -> Callable[[str], str]:
        _STYLES[name] = function
        return function
    return register


@style("tone")
def _tone(marked: str) -> str:
    return marked


@style("tone3")
def _tone3(marked: str) -> str:
    return to_tone3(marked)


@style("zhuyin")
def _zhuyin(marked: str) -> str:
    return _bopomofo.to_bopomofo(marked)


STYLES = tuple(_STYLES)


def check_style(name: str) -> None:
    """Refuse an unknown style with the list of known ones."""
    if name not in _STYLES:
        raise ValueError(f"unknown pinyin style {name!r} (choose from {', '.join(_STYLES)})")


@lru_cache(maxsize=8192)
def canonical(syllable: str) -> str:
    """A syllable as tone digits 1–5 with ü written v: ``lǜ`` → ``lv4``, ``le`` → ``le5``."""
    return to_tone3(syllable, neutral_tone_with_five=True)


@lru_cache(maxsize=4096)
def styled(syllable: str, name: str) -> str:
    """A canonical syllable (``lv4``) in an output style.

    >>> styled("lv4", "tone"), styled("le5", "tone3"), styled("zi4", "zhuyin")
    ('lǜ', 'le', 'ㄗˋ')
    """
    check_style(name)
    return _STYLES[name](to_tone(syllable))
