"""What is read aloud: an article's reading units turned into speech text with pauses.

The headline parts, a pause, the dateline, the paragraphs sentence by
sentence with pauses between paragraphs, then the byline as printed
(（张明提 康东） → 张明提、康东).  The words themselves come from
``converter.speech``; each spoken unit keeps the anchor of its reading unit,
so audio timings and the EPUB's elements share ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from converter.model import Article
from converter.sentences import ReadingUnit, reading_units
from converter.speech.blocks import headline_speech, paragraph_speech
from converter.speech.bylines import byline_speech
from converter.speech.polyphones import spell_polyphones
from converter.speech.spoken import numbers_to_words

# Silence after a unit, in seconds, by what comes next.
PAUSE_BETWEEN_HEADLINE_PARTS = 0.3
# The offline voice ends a sentence with no silence of its own; without this
# sentences of a paragraph run into each other.  (The online voice reads a
# paragraph in one request and pauses by itself, so it ignores this one.)
PAUSE_BETWEEN_SENTENCES = 0.3
PAUSE_AFTER_HEADLINE = 0.8
PAUSE_AFTER_DATELINE = 0.3
PAUSE_BETWEEN_PARAGRAPHS = 0.4
PAUSE_BEFORE_BYLINE = 0.6
PAUSE_AT_END = 0.5

_HEADLINE_KINDS = frozenset({"kicker", "title", "subtitle"})


@dataclass(frozen=True)
class SpokenUnit:
    """A reading unit as read aloud: ``speech`` is sent to the voice, ``text`` is shown."""

    anchor: str
    text: str
    speech: str
    pause_after: float
    block: int


def spoken_units(article: Article, *, polyphones_in_pinyin: bool = False) -> list[SpokenUnit]:
    """The article's reading units with their speech text and the pause after each.

    Numbers and symbols are written out for every voice (``numbers_to_words``);
    ``polyphones_in_pinyin`` then spells each polyphone as the pinyin its context
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
        speeches.append(numbers_to_words(speech))
    if polyphones_in_pinyin:
        speeches = spell_polyphones(speeches)
    return [
        SpokenUnit(unit.anchor, unit.text.strip(), speech, pause_after(unit, following), unit.block)
        for unit, speech, following in zip(units, speeches, [*units[1:], None], strict=True)
    ]


def pause_after(unit: ReadingUnit, following: ReadingUnit | None) -> float:
    """Seconds of silence between ``unit`` and the next one.

    Sentences of one paragraph are 0.3 s apart; blocks are set further apart:
    0.8 s after the headline, 0.4 s between paragraphs.
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
