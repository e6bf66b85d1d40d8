"""Polyphone accuracy and speed on the CPP benchmark (dev split).

Prints the accuracy of pypinyin alone, g2pM alone, and `converter.pinyin`
(word list and dictionaries + context model) on the tune part and on the
held-out part of the dev split, with sentences per second and start-up time.
CPP gold is syllable + tone digit, ü written ``u:``, neutral tone 5.

    python benchmarks/pinyin_cpp.py [CPP_DIR]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

# The dev split lives in the shared data folder beside the repository.
DEFAULT_CPP = Path(__file__).resolve().parents[2] / "shared" / "data" / "cpp"
MARK = "▁"
# The held-out part: 30 % of the dev sentences, drawn once with this seed before
# any tuning. Rules and thresholds are tuned on the rest ("tune") only; the
# held-out figure is the one to quote.
HELD_OUT_SEED = 20261130
HELD_OUT_SHARE = 0.3


def load_cpp(folder: Path) -> list[tuple[str, int, str]]:
    """(sentence, index of the target character, gold reading with ü as v)."""
    sentences = (folder / "dev.sent").read_text(encoding="utf-8").splitlines()
    gold = (folder / "dev.lb").read_text(encoding="utf-8").split()
    return [(s.replace(MARK, ""), s.index(MARK), g.replace("u:", "v"))
            for s, g in zip(sentences, gold, strict=True)]


def split(items: list[tuple[str, int, str]]) -> tuple[list[int], list[int]]:
    """Indices of the tune part and of the held-out part (fixed by the seed)."""
    held_out = set(random.Random(HELD_OUT_SEED).sample(range(len(items)),
                                                        round(HELD_OUT_SHARE * len(items))))
    return ([n for n in range(len(items)) if n not in held_out],
            [n for n in range(len(items)) if n in held_out])


def pypinyin_alone(items: list[tuple[str, int, str]]) -> list[bool]:
    from pypinyin import Style, lazy_pinyin
    from pypinyin.contrib.tone_convert import to_tone3

    from converter.pinyin import is_han

    right = []
    for sentence, index, gold in items:
        # pypinyin on the run of Han characters holding the target, as it cuts words.
        start = index
        while start > 0 and is_han(sentence[start - 1]):
            start -= 1
        end = index
        while end < len(sentence) and is_han(sentence[end]):
            end += 1
        syllable = lazy_pinyin(sentence[start:end], style=Style.TONE)[index - start]
        right.append(to_tone3(syllable, neutral_tone_with_five=True) == gold)
    return right


def g2pm_alone(items: list[tuple[str, int, str]]) -> list[bool]:
    from converter.pinyin.context import context_model

    scores = context_model().probabilities([s for s, _, _ in items])
    return [max(p[i], key=p[i].__getitem__) == gold for p, (_, i, gold) in zip(scores, items)]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CPP
    items = load_cpp(folder)
    tune, held_out = split(items)

    cpu, started = time.process_time(), time.perf_counter()
    from converter.pinyin import canonical_readings_batch
    imported = time.perf_counter() - started
    canonical_readings_batch(["为了"])
    startup = time.perf_counter() - started
    startup_cpu = time.process_time() - cpu

    cpu, started = time.process_time(), time.perf_counter()
    predicted = canonical_readings_batch([s for s, _, _ in items])
    elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - cpu
    combined = [p[i] == gold for p, (_, i, gold) in zip(predicted, items)]

    started = time.perf_counter()
    for sentence, _, _ in items[:500]:
        canonical_readings_batch([sentence])
    one_by_one = 500 / (time.perf_counter() - started)

    def share(right: list[bool], part: list[int]) -> str:
        return f"{sum(right[n] for n in part) / len(part):7.2%}"

    print(f"CPP dev: {len(items)} sentences; tune part {len(tune)}, "
          f"held-out part {len(held_out)} (seed {HELD_OUT_SEED}, never tuned on)")
    print("                     tune   held-out")
    for name, right in (("pypinyin alone", pypinyin_alone(items)),
                        ("g2pM alone", g2pm_alone(items)),
                        ("converter.pinyin", combined)):
        print(f"{name:18} {share(right, tune)}  {share(right, held_out)}")
    print(f"start-up: import {imported:.2f} s; import, word list, model and first call "
          f"{startup:.2f} s ({startup_cpu:.2f} s CPU)")
    print(f"speed, batched:     {len(items) / elapsed:,.0f} sentences/s "
          f"({len(items) / elapsed_cpu:,.0f} per CPU second)")
    print(f"speed, one by one:  {one_by_one:,.0f} sentences/s")


if __name__ == "__main__":
    main()
