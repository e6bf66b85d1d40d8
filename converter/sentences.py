"""Sentence boundaries shared by every writer that works sentence by sentence.

The audio writer synthesises and times sentences; the read-along EPUB wraps
the same sentences in elements.  Both must cut at the same places, so the rule
lives here, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from converter.model import Article
from converter.text import CLOSING, SENTENCE_STOPS

# A sentence ends at 。！？!? or an ellipsis, together with any closing quotes
# or brackets that follow it: 他说：“走吧。”然后 → 他说：“走吧。” | 然后
_SENTENCE_END = re.compile(f"(?:[{SENTENCE_STOPS}]+|…+|\\.{{3,}})[{CLOSING}]*")


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences; ``"".join(result) == text``.

    >>> split_sentences("会议强调，要加强。要落实！（张明提）")
    ['会议强调，要加强。', '要落实！', '（张明提）']
    >>> split_sentences("他说：“走吧。”然后走了。")
    ['他说：“走吧。”', '然后走了。']
    """
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            sentences.append(text[start:end])
            start = end
    if text[start:].strip():
        sentences.append(text[start:])
    elif sentences and start < len(text):
        sentences[-1] += text[start:]
    return sentences


# What an article is made of, for the writers that go sentence by sentence.
UnitKind = Literal["kicker", "title", "subtitle", "dateline", "paragraph", "byline"]


@dataclass(frozen=True)
class ReadingUnit:
    """One piece read aloud and highlighted as one: a headline part, a dateline,
    a sentence of a paragraph, or the byline.

    ``block`` numbers the article's blocks in reading order (kicker, title,
    subtitle, dateline, paragraphs…, byline, missing ones skipped) and
    ``index`` the sentence inside the block, so ``anchor`` is a stable id
    shared by the EPUB (the element's id) and the audio (the timing's key).
    """

    kind: UnitKind
    block: int
    index: int
    text: str

    @property
    def anchor(self) -> str:
        return f"s{self.block}-{self.index}"


def byline_text(byline: list[str]) -> str:
    """The byline as printed: ["张明提", "康东"] → （张明提 康东）."""
    return "（" + " ".join(byline) + "）" if byline else ""


def reading_units(article: Article) -> list[ReadingUnit]:
    """The article in reading order, cut into units (see ReadingUnit)."""
    blocks: list[tuple[UnitKind, list[str]]] = []
    headline = article.headline
    parts: list[tuple[UnitKind, str | None]] = [
        ("kicker", headline.kicker), ("title", headline.title), ("subtitle", headline.subtitle)
    ]
    for kind, text in parts:
        if text:
            blocks.append((kind, [text]))
    if article.dateline:
        blocks.append(("dateline", [article.dateline]))
    for paragraph in article.paragraphs:
        blocks.append(("paragraph", split_sentences(paragraph)))
    if article.byline:
        blocks.append(("byline", [byline_text(article.byline)]))
    return [
        ReadingUnit(kind, block, index, text)
        for block, (kind, texts) in enumerate(blocks)
        for index, text in enumerate(texts)
    ]
