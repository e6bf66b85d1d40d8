"""Sentence boundaries shared by every writer that works sentence by sentence.

The audio writer synthesises and times sentences; the read-along EPUB wraps
the same sentences in elements.  Both must cut at the same places, so the rule
lives here, once.
"""

from __future__ import annotations

import re

# A sentence ends at 。！？!? or an ellipsis, together with any closing quotes
# or brackets that follow it: 他说：“走吧。”然后 → 他说：“走吧。” | 然后
_SENTENCE_END = re.compile(r"(?:[。！？!?]+|…+|\.{3,})[”’」』）)》]*")


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
