"""Spoken-text speed: numbers and symbols written out, over every sample page.

    python benchmarks/speech_text.py

Parses the pages under samples/, then times ``numbers_to_words`` on every
sentence of every paragraph (the work each voice's text gets before
synthesis) and prints sentences and characters per second.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.clean import parse_issue  # noqa: E402
from converter.sentences import split_sentences  # noqa: E402
from converter.speech.blocks import paragraph_speech  # noqa: E402
from converter.speech.spoken import numbers_to_words  # noqa: E402


def main() -> int:
    pages = sorted((ROOT / "samples").rglob("*.txt"))
    sentences = [paragraph_speech(s) for page in pages for article in parse_issue(page).articles
                 for paragraph in article.paragraphs for s in split_sentences(paragraph)]
    with_digits = sum(any(ch.isdigit() for ch in s) for s in sentences)
    rounds = 20
    started = time.perf_counter()
    for _ in range(rounds):
        for sentence in sentences:
            numbers_to_words(sentence)
    seconds = (time.perf_counter() - started) / rounds
    characters = sum(len(s) for s in sentences)
    print(f"{len(pages)} pages, {len(sentences)} sentences ({with_digits} with digits), {characters} characters")
    print(f"spoken text: {len(sentences) / seconds:,.0f} sentences/s, {characters / seconds:,.0f} characters/s "
          f"({1000 * seconds:.1f} ms for all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
