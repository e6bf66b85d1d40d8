"""Output styles of a reading, in a registry: a new style is one decorated function.

As pypinyin registers its styles (``pypinyin.style.register``), each style
here is registered once, by name, with what the writers need to know of it:
the language tag of its readings and what an edition in it is called.  The
CLI, the settings and the EPUB take their choices from ``STYLES``.

Readings are computed as canonical syllables (tone digits 1-5, ü written v:
``lv4``, ``le5``) and turned into a style only at the end.

pypinyin is imported on the first conversion, not with this module: loading
its dictionaries takes over a second, and the list of styles is needed by
every start of the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

Convert = Callable[[str], str]  # a tone-marked syllable (lǜ) → the style's writing of it


@dataclass(frozen=True)
class ReadingStyle:
    """One registered style."""

    name: str
    language: str  # BCP 47 tag of its readings: pinyin is a registered variant, Bopo the zhuyin script
    edition: str  # what an edition in this style is called on its cover
    convert: Convert


_REGISTRY: dict[str, ReadingStyle] = {}


def register(name: str, *, language: str, edition: str) -> Callable[[Convert], Convert]:
    """Register a function from a tone-marked syllable (``lǜ``) to a style, once per name."""

    def add(convert: Convert) -> Convert:
        if name in _REGISTRY:
            raise ValueError(f"pinyin style {name!r} is registered twice")
        _REGISTRY[name] = ReadingStyle(name, language, edition, convert)
        return convert

    return add


@register("tone", language="zh-Latn-pinyin", edition="拼音版")
def _tone(marked: str) -> str:
    return marked


@register("tone3", language="zh-Latn-pinyin", edition="拼音版")
def _tone3(marked: str) -> str:
    from pypinyin.contrib.tone_convert import to_tone3

    return to_tone3(marked)


@register("zhuyin", language="zh-Bopo", edition="注音版")
def _zhuyin(marked: str) -> str:
    from pypinyin.style.bopomofo import converter

    return converter.to_bopomofo(marked)


STYLES: tuple[str, ...] = tuple(_REGISTRY)


def reading_style(name: str) -> ReadingStyle:
    """The registered style ``name``; an unknown one is refused with the list of known ones."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown pinyin style {name!r} (choose from {', '.join(_REGISTRY)})") from None


def check_style(name: str) -> None:
    """Refuse an unknown style with the list of known ones."""
    reading_style(name)


@lru_cache(maxsize=8192)
def canonical(syllable: str) -> str:
    """A syllable as tone digits 1–5 with ü written v: ``lǜ`` → ``lv4``, ``le`` → ``le5``."""
    from pypinyin.contrib.tone_convert import to_tone3

    return to_tone3(syllable, neutral_tone_with_five=True)


@lru_cache(maxsize=4096)
def styled(syllable: str, name: str) -> str:
    """A canonical syllable (``lv4``) in an output style.

    >>> styled("lv4", "tone"), styled("le5", "tone3"), styled("zi4", "zhuyin")
    ('lǜ', 'le', 'ㄗˋ')
    """
    from pypinyin.contrib.tone_convert import to_tone

    return reading_style(name).convert(to_tone(syllable))
