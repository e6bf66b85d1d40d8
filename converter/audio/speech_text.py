"""What is read aloud: an article's reading units turned into speech text with pauses.

The headline parts, a pause, the dateline, the paragraphs sentence by
sentence with pauses between paragraphs, then the byline read as a phrase
(（张明提 康东） → 记者张明提、康东).  Each spoken unit keeps the anchor of its
reading unit, so audio timings and the EPUB's elements share ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from converter.clean.spacing import HAN_CLASS
from converter.model import Article
from converter.sentences import ReadingUnit, reading_units

# Silence after a unit, in seconds, by what comes next.
PAUSE_BETWEEN_HEADLINE_PARTS = 0.3
# The offline voice ends a sentence with no silence of its own; without this
# sentences of a paragraph run into each other.  (The online voice reads a
# paragraph in one request and pauses by itself, so it ignores this one.)
PAUSE_BETWEEN_SENTENCES = 0.3
PAUSE_AFTER_HEADLINE = 0.8
PAUSE_AFTER_DATELINE = 0.3
PAUSE_BETWEEN_PARAGRAPHS = 1.0  # a listener hears the paragraph break
PAUSE_BEFORE_BYLINE = 0.6
PAUSE_AT_END = 1.2  # ≥ 1 s of silence after the last word, so a player moving on never clips it

_HEADLINE_KINDS = frozenset({"kicker", "title", "subtitle"})

# Words that already say who the names are; the byline is then read as printed.
_BYLINE_ROLES = ("记者", "通讯员", "摄影", "编辑", "撰稿", "文/", "图/", "文／", "图／", "供稿")

_CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2026\u00b7"
_SPACE_IN_CJK = re.compile(rf"(?<=[{HAN_CLASS}{_CJK_PUNCT}0-9])\s+(?=[{HAN_CLASS}{_CJK_PUNCT}0-9])")
_SPACE_BETWEEN_HAN = re.compile(rf"(?<=[{HAN_CLASS}])\s+(?=[{HAN_CLASS}])")

_FULLWIDTH = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
    | {"％": "%", "．": ".", "：": ":"}
)
_DIGIT_NAMES = str.maketrans("0123456789", "零一二三四五六七八九")


@dataclass(frozen=True)
class SpokenUnit:
    """A reading unit as read aloud: ``speech`` is sent to the voice, ``text`` is shown."""

    anchor: str
    text: str
    speech: str
    pause_after: float
    block: int


def spoken_units(
    article: Article, *, numbers_in_words: bool, polyphones_in_pinyin: bool = False
) -> list[SpokenUnit]:
    """The article's reading units with their speech text and the pause after each.

    ``numbers_in_words`` turns digits into Chinese readings, for voices that
    read digits badly (the offline one); neural voices read them well as printed.
    ``polyphones_in_pinyin`` spells each polyphone as the pinyin its context
    gives (see ``spell_polyphones``), for a voice that would read it out of context.
    """
    units = reading_units(article)
    speeches: list[str] = []
    for unit in units:
        if unit.kind == "byline":
            speech = byline_speech(article.byline)
        elif unit.kind in _HEADLINE_KINDS:
            speech = headline_speech(unit.text)
        else:
            speech = paragraph_speech(unit.text)
        speeches.append(numbers_to_words(speech) if numbers_in_words else speech)
    if polyphones_in_pinyin:
        speeches = spell_polyphones(speeches)
    return [
        SpokenUnit(unit.anchor, unit.text.strip(), speech, pause_after(unit, following), unit.block)
        for unit, speech, following in zip(units, speeches, [*units[1:], None], strict=True)
    ]


def spell_polyphones(speeches: list[str]) -> list[str]:
    """Each polyphone written as its tone-numbered pinyin from context.

    espeak-ng's Mandarin voice reads such pinyin exactly as it reads the
    character, but it takes a polyphone's reading from its own word list,
    which often misses the context; spelled out, the reading is ours.
    Digits must already be words: the tone digits are the only ones left.

    >>> spell_polyphones(["新型冠状病毒", "银行行长说，他长大了。"])
    ['新型guan1状病毒', '银hang2hang2zhang3shuo1，他zhang3da4le5。']
    """
    # Imported here: worker processes unpickle SpokenUnit from this module and need no model.
    from converter.pinyin import canonical_readings_batch, is_polyphone

    spelled: list[str] = []
    for speech, syllables in zip(speeches, canonical_readings_batch(speeches), strict=True):
        spelled.append(
            "".join(
                syllable if syllable is not None and is_polyphone(char) else char
                for char, syllable in zip(speech, syllables, strict=True)
            )
        )
    return spelled


def pause_after(unit: ReadingUnit, following: ReadingUnit | None) -> float:
    """Seconds of silence between ``unit`` and the next one.

    Sentences of one paragraph are 0.3 s apart; blocks are set further apart:
    0.8 s after the headline, 1 s between paragraphs.
    """
    if following is None:
        return PAUSE_AT_END
    if following.block == unit.block:
        return PAUSE_BETWEEN_SENTENCES
    if unit.kind in _HEADLINE_KINDS:
        return PAUSE_BETWEEN_HEADLINE_PARTS if following.kind in _HEADLINE_KINDS else PAUSE_AFTER_HEADLINE
    if unit.kind == "dateline":
        return PAUSE_AFTER_DATELINE
    if following.kind == "byline":
        return PAUSE_BEFORE_BYLINE
    return PAUSE_BETWEEN_PARAGRAPHS


def byline_speech(byline: list[str]) -> str:
    """The byline as a listener expects it.

    >>> byline_speech(["张明提", "康东"])
    '记者张明提、康东。'
    >>> byline_speech(["通讯员 李华"])
    '通讯员 李华。'
    """
    names = "、".join(name.strip() for name in byline if name.strip())
    if not names:
        return ""
    if any(role in names for role in _BYLINE_ROLES):
        return names + "。"
    return "记者" + names + "。"


def headline_speech(text: str) -> str:
    """A headline part; a space between words is a printed pause, read as one.

    >>> headline_speech("走进一线 送去温暖")
    '走进一线，送去温暖'
    """
    return _SPACE_BETWEEN_HAN.sub("，", text.strip().translate(_FULLWIDTH))


def paragraph_speech(text: str) -> str:
    """A sentence of running text, without the spaces layout left inside it.

    >>> paragraph_speech("过去 14 天的旅行史")
    '过去14天的旅行史'
    """
    return _SPACE_IN_CJK.sub("", text.strip().translate(_FULLWIDTH))


_LATIN_HYPHEN_DIGITS = re.compile(r"(?<=[A-Za-z])-(?=\d)|(?<=\d)-(?=[A-Za-z])")
_CODE_DIGITS = re.compile(r"(?<=[A-Za-z])\d{3,}|\d{3,}(?=\s?[A-Za-z])")
_PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}-\d{7,8}|1[3-9]\d{9})(?!\d)")
_YEAR_RANGE = re.compile(r"(?<!\d)(\d{4})\s*[-－~～—–至到]\s*(\d{4})(?=\s*年)")
_NUMBER_RANGE = re.compile(r"(?<=\d)\s*[~～]\s*(?=\d)")
_CLOCK = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def numbers_to_words(text: str) -> str:
    """Digits read the way a Chinese listener expects.

    >>> numbers_to_words("2020年2月7日")
    '二零二零年二月七日'
    >>> numbers_to_words("捐款240.75万元，增长3.5%")
    '捐款二百四十点七五万元，增长百分之三点五'
    >>> numbers_to_words("COVID-19疫情")
    'COVID 十九疫情'
    """
    text = text.translate(_FULLWIDTH)
    text = _PHONE.sub(lambda m: m.group().replace("-", "，").translate(_DIGIT_NAMES), text)
    text = _YEAR_RANGE.sub(lambda m: m[1].translate(_DIGIT_NAMES) + "到" + m[2].translate(_DIGIT_NAMES), text)
    text = _LATIN_HYPHEN_DIGITS.sub(" ", text)
    text = _CODE_DIGITS.sub(lambda m: m.group().translate(_DIGIT_NAMES), text)
    text = _CLOCK.sub(_clock_words, text)
    text = _THOUSANDS.sub("", text)
    text = _NUMBER_RANGE.sub("到", text)
    text = text.replace("℃", "摄氏度")
    if not any(ch.isdigit() for ch in text):
        return text
    try:
        return cn2an.transform(text, "an2cn")
    except (ValueError, KeyError, IndexError):
        # cn2an gives up on some odd digit groups; the voice then reads the digits one by one.
        return text.translate(_DIGIT_NAMES)


def _clock_words(match: re.Match[str]) -> str:
    """9:00 → 九点, 10:30 → 十点三十分, 8:05 → 八点零五分."""
    hour = cn2an.an2cn(str(int(match[1])))
    minute = int(match[2])
    if minute == 0:
        return f"{hour}点"
    prefix = "零" if minute < 10 else ""
    return f"{hour}点{prefix}{cn2an.an2cn(str(minute))}分"
