"""The reading of each character: the word list, the context model and the grammar rules combined.

Each run of Han characters is cut into words (jieba's word list with its
frequencies, the likeliest cut). For each character:

1. 一 and 不 keep their citation tones (yī, bù): tone sandhi is a matter of
   speech, not of the characters' readings.
2. A hand-written word of ``pinyin_data/words.txt`` that the cut makes a whole
   word gives its reading (设卡 shè qiǎ). It fires on whole words only: 得去
   is děi qù in 我们/得去/镇上, but 获得/去年 holds no word 得去.
3. A grammar rule, for a character cut as a word of its own (积极/地/开展 → de).
4. For a polyphone the context model knows, its reading probabilities vote with
   the dictionaries: each reading scores log p(reading | sentence), plus
   ``DICTIONARY_VOTE`` for each dictionary giving that reading to the word the
   character belongs to (pypinyin's phrases, the large lists of
   phrase-pinyin-data, cc-cedict), plus ``DICTIONARY_VOTE`` when every
   pypinyin word overlapping the character agrees on a reading (三百人参加
   holds 人参 shēn and 参加 cān: no vote), minus ``HABIT_PENALTY`` for the
   reading the model gives the character with no context at all (the model is
   sure of a character's commonest reading almost whatever the context).
   When the model's choice is only that habit, pypinyin's reading of the word
   wins outright (了解 liǎo, 目的 dì, 会计 kuài): its phrase list is curated.
5. Otherwise the word's dictionary reading, else pypinyin's reading of the
   character alone.

Measured with ``benchmarks/pinyin_cpp.py`` on the CPP polyphone benchmark (dev
split; 30 % of its sentences held out, by a fixed seed, before anything was
tuned; ``DICTIONARY_VOTE`` and ``HABIT_PENALTY`` were chosen on the other 70 %,
where the accuracy is flat for votes between 1.5 and 3): held out, pypinyin
alone 87.7 %, g2pM alone 97.8 %, this combination 98.1 % (tune part: 87.5,
97.2, 97.75 %). On 175 sentences of real newspaper pages
(``tests/newspaper_polyphones_real.txt``, 497 hand-checked readings): 96.6 %
before the modal-应 rule, which those sentences suggested, 97.6 % with it.
About 1,050 CPP sentences per CPU second batched (one BLAS thread); start-up
about 0.7 s of imports (numpy, pypinyin) plus 0.4 s for the word list and
0.1 s for the model on first use.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from converter.pinyin.grammar import grammar_reading
from converter.pinyin.lexicon import cut_and_agree, load_lexicon
from converter.pinyin.styles import canonical, check_style, styled
from converter.text import HAN_CLASS, SENTENCE_STOPS

if TYPE_CHECKING:
    from converter.pinyin.context import ContextModel

# Weight, in log-probability, of one dictionary agreeing with a reading; tuned
# on the tune part of CPP dev (flat between 1.5 and 3).
DICTIONARY_VOTE = 2.0
# Weight against the reading the context model gives a character on its own.
HABIT_PENALTY = 0.5

# The model reads one sentence at a time, as it was trained: cut long text here.
_SENTENCE_END = re.compile(f"(?<=[{SENTENCE_STOPS}；;\n])")
# Characters whose dictionary-word tones are tone sandhi, not readings.
_CITATION_TONES = {"一": "yi1", "不": "bu4"}
# Marks after which a clause begins.
_CLAUSE_MARKS = frozenset(SENTENCE_STOPS + "，；,;")
# The characters given readings: basic block, extension A, extensions B and up.
_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


def is_han(char: str) -> bool:
    """True for a CJK ideograph (basic block, extension A, extensions B and up).

    >>> is_han("字"), is_han("A"), is_han("，")
    (True, False, False)
    """
    return len(char) == 1 and _HAN_RUN.fullmatch(char) is not None


@lru_cache(maxsize=65536)
def single_char_reading(char: str) -> str | None:
    """pypinyin's first (commonest) reading of a character on its own, or None
    for a character it has no reading for (it hands those back unchanged).

    >>> single_char_reading("行"), single_char_reading("𠮷")
    ('xing2', None)
    """
    from pypinyin import Style, lazy_pinyin  # its dictionaries load in a second: only when readings are asked

    syllable = lazy_pinyin(char, style=Style.TONE)[0]
    return None if syllable == char else canonical(syllable)


@dataclass(frozen=True)
class Evidence:
    """What is known about one character's reading besides the context model."""

    char: str
    word: str  # the word of the segmentation holding it
    offset: int  # its place in that word
    agreed: str | None  # see lexicon.cut_and_agree
    grammar: str | None = None  # see grammar.grammar_reading

    @property
    def sources(self) -> dict[str, tuple[str | None, ...]]:
        """The dictionaries' readings of the word, by source (none for a one-character word)."""
        return load_lexicon().readings(self.word) if len(self.word) > 1 else {}

    def dictionary_readings(self) -> list[str]:
        """The reading each dictionary gives the character in its word (one entry per dictionary)."""
        found = [r[self.offset] for r in self.sources.values()]
        return [r for r in found if r is not None]

    def curated_reading(self) -> str | None:
        """pypinyin's reading of the character in its word (its phrase list is hand-curated)."""
        reading = self.sources.get("pypinyin")
        return None if reading is None else reading[self.offset]

    def certain(self) -> str | None:
        """The reading of a hand-written word, when the segmentation made it a word."""
        reading = load_lexicon().certain.get(self.word)
        return None if reading is None else reading[self.offset]


def choose(evidence: Evidence, model: dict[str, float] | None, context_free: str | None) -> str | None:
    """The combination rule for one character (see the module docstring).

    >>> choose(Evidence("行", "银行", 1, "hang2"), {"hang2": 0.3, "xing2": 0.7}, "xing2")
    'hang2'
    >>> choose(Evidence("参", "参", 0, None), {"can1": 0.8, "shen1": 0.2}, "can1")
    'can1'
    >>> choose(Evidence("地", "地", 0, None, "de5"), {"di4": 0.99, "de5": 0.01}, "di4")
    'de5'
    """
    if evidence.char in _CITATION_TONES:
        return _CITATION_TONES[evidence.char]
    certain = evidence.certain()
    if certain:
        return certain
    if evidence.grammar:
        return evidence.grammar
    found = evidence.dictionary_readings()
    if model:
        habit = max(model, key=model.__getitem__) == context_free
        curated = evidence.curated_reading()
        if habit and curated in model:
            return curated
        def score(reading: str) -> float:
            return (math.log(max(model[reading], 1e-9))
                    + DICTIONARY_VOTE * (found.count(reading) + (reading == evidence.agreed))
                    - HABIT_PENALTY * (reading == context_free))
        return max(model, key=score)
    return (found[0] if found else None) or evidence.agreed or single_char_reading(evidence.char)


def _context_model() -> ContextModel:
    """The context model, loaded with numpy on first use (see context.context_model)."""
    from converter.pinyin.context import context_model

    return context_model()


def _han_runs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, run) for each run of Han characters: "A为了B" → (1, "为了")."""
    for match in _HAN_RUN.finditer(text):
        yield match.start(), match.group()


@cache
def _polyphonic() -> frozenset[str]:
    """Characters whose reading is chosen from evidence: the polyphones the context model knows.

    pypinyin lists a second reading for a quarter of all characters, mostly
    archaic ones; for those its reading of the character alone is taken.
    """
    return frozenset(_context_model().polyphones)


def run_evidence(run: str, opens_clause: bool) -> dict[int, Evidence | str]:
    """What decides each character of a run of Han characters, by position.

    A polyphone the context model knows gets its Evidence; another character
    of a word that pypinyin reads otherwise than character by character gets
    that reading (便宜: pián yi); the rest get nothing (their reading alone).

    >>> run_evidence("积极地开展", False)[2]  # 极地 (jí dì) overlaps, the grammar rule decides
    Evidence(char='地', word='地', offset=0, agreed='di4', grammar='de5')
    >>> run_evidence("便宜", False)[1]
    'yi5'
    """
    polyphonic = _polyphonic()
    words, agreed = cut_and_agree(run)
    evidence: dict[int, Evidence | str] = {}
    for n, word in enumerate(words):
        if len(word.text) > 1:
            curated = load_lexicon().readings(word.text).get("pypinyin")
            if curated is not None:
                evidence.update((word.start + k, syllable) for k, syllable in enumerate(curated)
                                if syllable is not None and word.text[k] not in polyphonic
                                and word.text[k] not in _CITATION_TONES)
        if polyphonic.isdisjoint(word.text):
            continue
        grammar = grammar_reading(run, words, n, opens_clause) if len(word.text) == 1 else None
        for k, char in enumerate(word.text):
            if char in polyphonic:
                evidence[word.start + k] = Evidence(char, word.text, k, agreed[word.start + k], grammar)
    return evidence


def canonical_readings_batch(texts: Sequence[str]) -> list[list[str | None]]:
    """Canonical readings (``lv4``, ``le5``) for several texts, the model run once for all."""
    pieces: list[tuple[int, int, str]] = []  # (text number, offset, sentence)
    for n, text in enumerate(texts):
        offset = 0
        for sentence in _SENTENCE_END.split(text):
            if sentence:
                pieces.append((n, offset, sentence))
            offset += len(sentence)
    model = _context_model()
    model_scores = model.probabilities([s for _, _, s in pieces])
    out: list[list[str | None]] = [[None] * len(t) for t in texts]
    single: dict[str, str | None] = {}
    for (n, offset, sentence), scores in zip(pieces, model_scores):
        readings = out[n]
        for start, run in _han_runs(sentence):
            opens_clause = start == 0 or sentence[start - 1] in _CLAUSE_MARKS
            evidence = run_evidence(run, opens_clause)
            for k, char in enumerate(run):
                found = evidence.get(k)
                if found is None:
                    reading = single.get(char)
                    if reading is None:
                        reading = single[char] = single_char_reading(char)
                elif isinstance(found, str):
                    reading = found
                else:
                    reading = choose(found, scores.get(start + k), model.context_free.get(char))
                readings[offset + start + k] = reading
    return out


def is_polyphone(char: str) -> bool:
    """A character read differently in different words, as the context model knows them.

    >>> is_polyphone("行"), is_polyphone("山")
    (True, False)
    """
    return char in _context_model().polyphones


def readings_batch(texts: Sequence[str], style: str = "tone") -> list[list[str | None]]:
    """``readings`` for several texts at once (faster: one batched model run)."""
    check_style(style)
    return [[None if s is None else styled(s, style) for s in text]
            for text in canonical_readings_batch(texts)]


def readings(text: str, style: str = "tone") -> list[str | None]:
    """The reading of each character of ``text``; ``None`` where it is not Han.

    >>> readings("为了2020年")
    ['wèi', 'le', None, None, None, None, 'nián']
    >>> readings("银行", "tone3"), readings("字", "zhuyin")
    (['yin2', 'hang2'], ['ㄗˋ'])
    """
    return readings_batch([text], style)[0]
