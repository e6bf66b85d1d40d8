"""Polyphone accuracy and speed on the CPP benchmark (dev split).

Prints the accuracy of pypinyin alone, g2pM alone, and `converter.pinyin`
(dictionary words + context model), with sentences per second and start-up time.
CPP gold is syllable + tone digit, ü written ``u:``, neutral tone 5.

    python benchmarks/pinyin_cpp.py [CPP_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

# The dev split lives in the shared data folder beside the repository.
DEFAULT_CPP = Path(__file__).resolve().parents[2] / "shared" / "data" / "cpp"
MARK = "▁"


def load_cpp(folder: Path) -> list[tuple[str, int, str]]:
    """(sentence, index of the target character, gold reading with ü as v)."""
    sentences = (folder / "dev.sent").read_text(encoding="utf-8").splitlines()
    gold = (folder / "dev.lb").read_text(encoding="utf-8").split()
    return [(s.replace(MARK, ""), s.index(MARK), g.replace("u:", "v"))
            for s, g in zip(sentences, gold, strict=True)]


def pypinyin_alone(items: list[tuple[str, int, str]]) -> float:
    from pypinyin import Style, lazy_pinyin
    from pypinyin.contrib.tone_convert import to_tone3

    from converter.pinyin import is_han

    right = 0
    for sentence, index, gold in items:
        # pypinyin on the run of Han characters holding the target, as it cuts words.
        start = index
        while start > 0 and is_han(sentence[start - 1]):
            start -= 1
        end = index
        while end < len(sentence) and is_han(sentence[end]):
            end += 1
        syllable = lazy_pinyin(sentence[start:end], style=Style.TONE)[index - start]
        right += to_tone3(syllable, neutral_tone_with_five=True) == gold
    return right / len(items)


def g2pm_alone(items: list[tuple[str, int, str]]) -> float:
    from converter.pinyin import context_model

    scores = context_model().probabilities([s for s, _, _ in items])
    right = sum(max(p[i], key=p[i].__getitem__) == gold
                for p, (_, i, gold) in zip(scores, items))
    return right / len(items)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CPP
    items = load_cpp(folder)

    started = time.perf_counter()
    from converter.pinyin import canonical_readings_batch
    canonical_readings_batch(["为了"])
    startup = time.perf_counter() - started

    started = time.perf_counter()
    predicted = canonical_readings_batch([s for s, _, _ in items])
    elapsed = time.perf_counter() - started
    combined = sum(p[i] == gold for p, (_, i, gold) in zip(predicted, items)) / len(items)

    started = time.perf_counter()
    for sentence, _, _ in items[:500]:
        canonical_readings_batch([sentence])
    one_by_one = 500 / (time.perf_counter() - started)

    print(f"CPP dev: {len(items)} sentences")
    print(f"pypinyin alone     {pypinyin_alone(items):7.2%}")
    print(f"g2pM alone         {g2pm_alone(items):7.2%}")
    print(f"converter.pinyin   {combined:7.2%}")
    print(f"start-up (import, load dictionary and model, first call): {startup:.2f} s")
    print(f"speed, batched:     {len(items) / elapsed:,.0f} sentences/s")
    print(f"speed, one by one:  {one_by_one:,.0f} sentences/s")


if __name__ == "__main__":
    main()
