"""Pinyin readings, one per character, with polyphones read from their context.

A reading is chosen per Han character in layers (numbers measured by
``benchmarks/pinyin_cpp.py`` on the CPP polyphone benchmark, dev split, and on
the hand-checked newspaper sentences of ``tests/newspaper_polyphones.txt``):

1. Dictionary words. Every word of pypinyin's phrase dictionary (two characters
   or more), plus the few hand-written words of ``pinyin_data/words.txt``, that
   occurs in the text and covers the character proposes that word's reading for
   it. When all covering words propose the same single reading, that is the
   *word reading* (为了 → wèi le; 出差 → chāi). When they disagree — 三百人参加
   holds both 人参 (shēn) and 参加 (cān) — there is none, so a wrong cut of the
   sentence never decides a reading.
2. Context model. g2pM's bi-LSTM (its own published weights, run here in batches)
   scores the readings a polyphone can have, given the whole sentence.
3. Combination. A word reading wins, unless the context model gives another
   reading with probability ≥ ``MODEL_OVERRIDES_WORD`` *and* that reading is not
   the one the model gives the character on its own. The model is sure of a
   character's commonest reading whatever the context (的确 → de, 会计 → huì,
   both at p ≈ 1.0), so only a choice that the context itself moved it to may
   overrule a dictionary word. Without a word reading the model decides;
   characters the model does not know as polyphones take pypinyin's
   single-character reading.
4. Grammar, only where no dictionary word covers the character (the model
   misreads these): 得 before a degree adverb is the complement particle de
   (跑得很快; 获得更多 stays dé, 获得 covers it); 只 after a numeral or a
   demonstrative is the measure word zhī (一百多只羊); 为 opening a clause is
   the preposition wèi (为确保安全，…).

一 and 不 keep their dictionary tones (yī, bù): tone sandhi is a matter of
speech, not of the characters' readings.

Measured (CPP dev, 9,893 sentences): pypinyin alone 87.5 %, g2pM alone 97.4 %,
word reading always winning 97.4 %, this combination 97.56 %; the override
threshold is flat between 0.9 and 0.999 (97.55–97.6 %), and choosing it by
5-fold cross-validation over characters (chosen on four fifths of the
characters, scored on the rest) gives 97.6 %. 0.99 is kept rather than the
cross-validated 0.95 because at 0.95 the model's 0.975-sure cháng overrules
长大 and 县长 in the newspaper sentences. Newspaper sentences: 288 of 296
marked characters right (a last batch of 35 sentences, written after the rest
was settled, scored 56 of 61 before the 只 and 为 rules were added). About 2,200 CPP sentences/s batched, 600–800/s one
by one; importing takes about 0.5 s (numpy, pypinyin), loading the dictionary
and the model on first use about 0.35 s.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import numpy as np
from pypinyin import Style, lazy_pinyin
from pypinyin.contrib.tone_convert import to_tone, to_tone3
from pypinyin.phrases_dict import phrases_dict
from pypinyin.style.bopomofo import converter as _bopomofo

STYLES = ("tone", "tone3", "zhuyin")

# Probability from which the context model may override a dictionary word reading.
MODEL_OVERRIDES_WORD = 0.99

# The model reads one sentence at a time, as it was trained: cut long text here.
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
# Characters whose dictionary-word tones are tone sandhi, not readings.
_CITATION_TONES = {"一": "yi1", "不": "bu4"}
# Marks after which a clause begins.
_CLAUSE_MARKS = frozenset("，。；！？,;!?")
# Characters after which 只 is a measure word (一百多只, 这只).
_BEFORE_MEASURE_WORD = frozenset("一二两三四五六七八九十百千万几多每这那")
# Degree adverbs that open a complement of degree after 得 (跑得很快, 说得非常好).
_DEGREE_ADVERBS = ("很", "非常", "十分", "更", "太", "特别", "相当", "比较", "较为", "挺",
                   "越来越", "极其", "格外", "如此", "这么", "那么")


# The characters given readings: basic block, extension A, extensions B and up.
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002fa1f]+")


def is_han(char: str) -> bool:
    """True for a CJK ideograph (basic block, extension A, extensions B and up).

    >>> is_han("字"), is_han("A"), is_han("，")
    (True, False, False)
    """
    return len(char) == 1 and _HAN_RUN.fullmatch(char) is not None


@lru_cache(maxsize=8192)
def _canonical(syllable: str) -> str:
    """A syllable as tone digits 1–5 with ü written v: ``lǜ`` → ``lv4``, ``le`` → ``le5``."""
    return to_tone3(syllable, neutral_tone_with_five=True)


@lru_cache(maxsize=4096)
def styled(syllable: str, style: str) -> str:
    """A canonical syllable (``lv4``) in an output style.

    >>> styled("lv4", "tone"), styled("le5", "tone3"), styled("zi4", "zhuyin")
    ('lǜ', 'le', 'ㄗˋ')
    """
    marked = to_tone(syllable)
    if style == "tone":
        return marked
    if style == "tone3":
        return to_tone3(marked)
    if style == "zhuyin":
        return _bopomofo.to_bopomofo(marked)
    raise ValueError(f"unknown pinyin style {style!r} (choose from {', '.join(STYLES)})")


# ---------------------------------------------------------------- dictionary words


@dataclass(frozen=True)
class _WordDictionary:
    """pypinyin's phrase dictionary, in canonical syllables, with its prefixes for scanning."""

    words: dict[str, tuple[str | None, ...]]
    prefixes: frozenset[str]
    longest: int


@cache
def _word_dictionary() -> _WordDictionary:
    words: dict[str, tuple[str | None, ...]] = {}
    prefixes: set[str] = set()
    for word, per_char in phrases_dict.items():
        if len(word) < 2:
            continue
        # A character the dictionary itself gives several readings for (朝阳: zhāo/cháo)
        # proposes nothing.
        words[word] = tuple(_canonical(r[0]) if len(r) == 1 else None for r in per_char)
    for line in files("converter").joinpath("pinyin_data", "words.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, *syllables = line.split()
            words[word] = tuple(syllables)
    for word in words:
        prefixes.update(word[:k] for k in range(1, len(word)))
    return _WordDictionary(words, frozenset(prefixes), max(map(len, words)))


@dataclass(frozen=True)
class WordScan:
    """The dictionary words found in a run of Han characters.

    ``readings``: per character, the reading all words covering it agree on, else
    None; ``covered``: per character, whether any word covers it.
    """

    readings: list[str | None]
    covered: list[bool]


def scan_words(text: str) -> WordScan:
    """Find every dictionary word of ``text`` (overlapping ones included)."""
    dictionary = _word_dictionary()
    proposals: list[set[str | None]] = [set() for _ in text]
    for start in range(len(text) - 1):
        end = start + 1
        while end < len(text) and end - start < dictionary.longest:
            end += 1
            piece = text[start:end]
            reading = dictionary.words.get(piece)
            if reading is not None:
                for offset, syllable in enumerate(reading):
                    proposals[start + offset].add(syllable)
            if piece not in dictionary.prefixes:
                break
    return WordScan([next(iter(p)) if len(p) == 1 else None for p in proposals],
                    [bool(p) for p in proposals])


def word_readings(text: str) -> list[str | None]:
    """The reading all dictionary words covering each character agree on, else None.

    >>> word_readings("为了出差")
    ['wei4', 'le5', 'chu1', 'chai1']
    >>> word_readings("三百人参加")[3]  # 人参 (shēn) and 参加 (cān) disagree
    """
    return scan_words(text).readings


def grammar_reading(run: str, k: int, words: WordScan, opens_clause: bool = False) -> str | None:
    """The reading rule 4 gives ``run[k]`` (a run of Han characters), else None.

    ``opens_clause``: the run begins the text or follows a clause mark (，。；！？).

    >>> grammar_reading("他跑得很快", 2, scan_words("他跑得很快"))
    'de5'
    >>> grammar_reading("获得更多", 1, scan_words("获得更多"))  # inside the word 获得
    >>> grammar_reading("一百多只羊", 3, scan_words("一百多只羊"))
    'zhi1'
    >>> grammar_reading("为确保安全", 0, scan_words("为确保安全"), opens_clause=True)
    'wei4'
    >>> grammar_reading("为舌蛭科", 0, scan_words("为舌蛭科"))  # after "（学名）": X 为 Y
    """
    if words.covered[k]:
        return None
    char = run[k]
    if char == "得" and k > 0 and run.startswith(_DEGREE_ADVERBS, k + 1):
        return "de5"
    if char == "只" and k > 0 and run[k - 1] in _BEFORE_MEASURE_WORD:
        return "zhi1"
    if char == "为" and k == 0 and opens_clause:
        return "wei4"
    return None


# ---------------------------------------------------------------- context model


class _ContextModel:
    """g2pM's polyphone model (one-layer bi-LSTM, two dense layers), run in batches.

    Same weights and arithmetic as ``g2pM.G2pM``, in float32, with every
    sentence of a batch stepped together and the scores restricted to the
    readings the character can have.
    """

    # Id 0 is padding; sentences are framed by the model's own begin and end marks.
    _UNK, _BOS, _EOS = "<UNK>", "시", "끝"

    def __init__(self) -> None:
        data = files("g2pM")
        with (data / "char2idx.pkl").open("rb") as f:
            self.char_ids: dict[str, int] = pickle.load(f)
        with (data / "class2idx.pkl").open("rb") as f:
            class_ids: dict[str, int] = pickle.load(f)
        with (data / "digest_cedict.pkl").open("rb") as f:
            cedict: dict[str, list[str]] = pickle.load(f)
        with (data / "np_ckpt.pkl").open("rb") as f:
            weights = {k: np.asarray(v, dtype=np.float32) for k, v in pickle.load(f).items()}
        self.embeddings = weights["embedding.weight"]
        self.fw = (weights["lstm.weight_ih_l0"], weights["lstm.weight_hh_l0"],
                   weights["lstm.bias_ih_l0"] + weights["lstm.bias_hh_l0"])
        self.bw = (weights["lstm.weight_ih_l0_reverse"], weights["lstm.weight_hh_l0_reverse"],
                   weights["lstm.bias_ih_l0_reverse"] + weights["lstm.bias_hh_l0_reverse"])
        # Recurrent weights of both directions as one block-diagonal matrix, its
        # columns regrouped gate by gate (PyTorch order i, f, g, o), each gate
        # holding the forward then the backward direction.
        hidden = self.fw[1].shape[1]
        recurrent = np.zeros((2 * hidden, 8 * hidden), dtype=np.float32)
        recurrent[:hidden, :4 * hidden] = self.fw[1].T
        recurrent[hidden:, 4 * hidden:] = self.bw[1].T
        self.gate_order = np.concatenate(
            [np.r_[g * hidden:(g + 1) * hidden, (4 + g) * hidden:(5 + g) * hidden]
             for g in range(4)])
        self.recurrent = recurrent[:, self.gate_order]
        self.dense = (weights["logit_layer.0.weight"], weights["logit_layer.0.bias"],
                      weights["logit_layer.2.weight"], weights["logit_layer.2.bias"])
        # Polyphones the model knows: their readings, as class ids and canonical syllables.
        self.polyphones: dict[str, tuple[np.ndarray, tuple[str, ...]]] = {
            char: (np.array([class_ids[p] for p in prons]),
                   tuple(p.replace("u:", "v") for p in prons))
            for char, prons in cedict.items()
            if len(prons) > 1
        }
        # The reading each polyphone gets with no context at all.
        alone = sorted(self.polyphones)
        self.context_free: dict[str, str] = {
            char: max(scores[0], key=scores[0].__getitem__)
            for char, scores in zip(alone, self.probabilities(alone))
        }

    def _encode(self, sentence: str) -> list[int]:
        unk = self.char_ids[self._UNK]
        return ([self.char_ids[self._BOS]]
                + [self.char_ids.get(c, unk) for c in sentence]
                + [self.char_ids[self._EOS]])

    def _run_lstm(self, forward_ids: np.ndarray, backward_ids: np.ndarray) -> np.ndarray:
        """Hidden states [batch, time, forward + backward] over padded ids.

        Both directions step together: their recurrent weights form one
        block-diagonal matrix, so each time step is a single matrix product.
        ``backward_ids`` holds each sentence reversed; its states stay in that order.
        """
        hidden = self.fw[1].shape[1]
        projected = np.concatenate(
            [self.embeddings[forward_ids] @ self.fw[0].T + self.fw[2],
             self.embeddings[backward_ids] @ self.bw[0].T + self.bw[2]],
            axis=2,
        )[:, :, self.gate_order]
        batch, steps, _ = projected.shape
        width = 2 * hidden
        h = np.zeros((batch, width), dtype=np.float32)
        c = np.zeros_like(h)
        out = np.empty((batch, steps, width), dtype=np.float32)
        for t in range(steps):
            gates = projected[:, t] + h @ self.recurrent
            sig = _sigmoid(gates)
            cell = np.tanh(gates[:, 2 * width:3 * width])
            c = sig[:, width:2 * width] * c + sig[:, :width] * cell
            h = sig[:, 3 * width:] * np.tanh(c)
            out[:, t] = h
        return out

    def probabilities(self, sentences: Sequence[str]) -> list[dict[int, dict[str, float]]]:
        """For each sentence: position of each known polyphone → {reading: probability}."""
        results: list[dict[int, dict[str, float]]] = [{} for _ in sentences]
        jobs = [(n, s) for n, s in enumerate(sentences)
                if any(c in self.polyphones for c in s)]
        jobs.sort(key=lambda job: len(job[1]))
        # Sorted by length, small batches pad little: 96 measured fastest on a
        # newspaper page (0.11 s against 0.18 s with 256).
        batch_size = 96
        for first in range(0, len(jobs), batch_size):
            self._score_batch(jobs[first:first + batch_size], results)
        return results

    def _score_batch(self, jobs: list[tuple[int, str]],
                     results: list[dict[int, dict[str, float]]]) -> None:
        encoded = [self._encode(s) for _, s in jobs]
        lengths = np.array([len(e) for e in encoded])
        steps = int(lengths.max())
        forward_ids = np.zeros((len(jobs), steps), dtype=np.int64)
        backward_ids = np.zeros_like(forward_ids)
        for row, ids in enumerate(encoded):
            forward_ids[row, :len(ids)] = ids
            backward_ids[row, :len(ids)] = ids[::-1]
        states = self._run_lstm(forward_ids, backward_ids)
        hidden = self.fw[1].shape[1]
        rows, cols, owners = [], [], []
        for row, (n, sentence) in enumerate(jobs):
            for position, char in enumerate(sentence):
                if char in self.polyphones:
                    rows.append(row)
                    cols.append(position + 1)  # after the BOS mark
                    owners.append((n, position, char))
        rows_a, cols_a = np.array(rows), np.array(cols)
        backward_cols = lengths[rows_a] - 1 - cols_a
        states = np.concatenate([states[rows_a, cols_a, :hidden],
                                 states[rows_a, backward_cols, hidden:]], axis=1)
        w0, b0, w1, b1 = self.dense
        logits = np.maximum(states @ w0.T + b0, 0) @ w1.T + b1
        for k, (n, position, char) in enumerate(owners):
            class_ids, syllables = self.polyphones[char]
            scores = logits[k, class_ids]
            exp = np.exp(scores - scores.max())
            exp /= exp.sum()
            results[n][position] = dict(zip(syllables, exp.tolist()))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


@cache
def context_model() -> _ContextModel:
    """The context model, loaded on first use (about 0.1 s) and kept for the process."""
    return _ContextModel()


# ---------------------------------------------------------------- combination


@lru_cache(maxsize=65536)
def single_char_reading(char: str) -> str | None:
    """pypinyin's first (commonest) reading of a character on its own, or None
    for a character it has no reading for (it hands those back unchanged).

    >>> single_char_reading("行"), single_char_reading("𠮷")
    ('xing2', None)
    """
    syllable = lazy_pinyin(char, style=Style.TONE)[0]
    return None if syllable == char else _canonical(syllable)


def _han_runs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, run) for each run of Han characters: "A为了B" → (1, "为了")."""
    for match in _HAN_RUN.finditer(text):
        yield match.start(), match.group()


def canonical_readings_batch(texts: Sequence[str]) -> list[list[str | None]]:
    """Canonical readings (``lv4``, ``le5``) for several texts, the model run once for all."""
    pieces: list[tuple[int, int, str]] = []  # (text number, offset, sentence)
    for n, text in enumerate(texts):
        offset = 0
        for sentence in _SENTENCE_END.split(text):
            if sentence:
                pieces.append((n, offset, sentence))
            offset += len(sentence)
    model = context_model()
    model_scores = model.probabilities([s for _, _, s in pieces])
    out: list[list[str | None]] = [[None] * len(t) for t in texts]
    for (n, offset, sentence), scores in zip(pieces, model_scores):
        for start, run in _han_runs(sentence):
            words = scan_words(run)
            opens_clause = start == 0 or sentence[start - 1] in _CLAUSE_MARKS
            for k, word in enumerate(words.readings):
                position = start + k
                out[n][offset + position] = choose(
                    run[k], single_char_reading(run[k]), word, scores.get(position),
                    model.context_free.get(run[k]), grammar_reading(run, k, words, opens_clause))
    return out


def choose(char: str, single: str | None, word: str | None,
           model: dict[str, float] | None, context_free: str | None = None,
           grammar: str | None = None) -> str | None:
    """The combination rule for one character (see the module docstring).

    >>> choose("为", "wei4", "wei2", {"wei4": 0.6, "wei2": 0.4})  # word reading wins
    'wei2'
    >>> choose("的", "de5", "di2", {"de5": 1.0, "di2": 0.0}, "de5")  # model only sure of its habit
    'di2'
    >>> choose("钻", "zuan1", "zuan1", {"zuan4": 0.995, "zuan1": 0.005}, "zuan1")  # context moved it
    'zuan4'
    """
    if char in _CITATION_TONES:
        return _CITATION_TONES[char]
    if grammar:
        return grammar
    if model:
        best = max(model, key=model.__getitem__)
        if word is None:
            return best
        if best != word and best != context_free and model[best] >= MODEL_OVERRIDES_WORD:
            return best
    return word or single


def is_polyphone(char: str) -> bool:
    """A character read differently in different words, as the context model knows them.

    >>> is_polyphone("行"), is_polyphone("山")
    (True, False)
    """
    return char in context_model().polyphones


def readings_batch(texts: Sequence[str], style: str = "tone") -> list[list[str | None]]:
    """``readings`` for several texts at once (faster: one batched model run)."""
    if style not in STYLES:
        raise ValueError(f"unknown pinyin style {style!r} (choose from {', '.join(STYLES)})")
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
