"""Doubled glyphs: a shadowed headline font extracted as every run printed twice.

``宅家抗宅家抗““疫疫””`` is ``宅家抗“疫”`` with each run doubled; ``万家灯火兴县城``
printed twice is one title.  Real reduplication (人人, 谢谢, 高高兴兴, 研究研究)
must stay, so a fragment is collapsed only when all of it is doubled pieces,
at least one piece is longer than one character, and the collapsed text is
still at least three characters long.
"""

from __future__ import annotations

from functools import cache

_MIN_COLLAPSED = 3


def doubled_pieces(text: str) -> list[str] | None:
    """The fewest pieces p1, p2… with ``text == p1+p1+p2+p2+…``, or None.

    >>> doubled_pieces("宅家抗宅家抗““疫疫””")
    ['宅家抗', '“', '疫', '”']
    >>> doubled_pieces("人人有责") is None
    True
    """

    @cache
    def best(start: int) -> tuple[str, ...] | None:
        if start == len(text):
            return ()
        found: tuple[str, ...] | None = None
        for size in range(1, (len(text) - start) // 2 + 1):
            piece = text[start : start + size]
            if text[start + size : start + 2 * size] != piece:
                continue
            rest = best(start + 2 * size)
            if rest is not None and (found is None or len(rest) + 1 < len(found)):
                found = (piece, *rest)
        return found

    pieces = best(0)
    return list(pieces) if pieces else None


def collapse_doubled(text: str) -> str:
    """Collapse a fragment printed with doubled glyphs; leave real reduplication.

    >>> collapse_doubled("万家灯火兴县城万家灯火兴县城"), collapse_doubled("宅家抗宅家抗““疫疫””")
    ('万家灯火兴县城', '宅家抗“疫”')
    >>> [collapse_doubled(t) for t in ("人人", "一一", "谢谢", "高高兴兴", "研究研究")]
    ['人人', '一一', '谢谢', '高高兴兴', '研究研究']
    """
    if len(text) > 200:
        return text
    pieces = doubled_pieces(text)
    if not pieces or max(len(p) for p in pieces) < 2:
        return text
    collapsed = "".join(pieces)
    return collapsed if len(collapsed) >= _MIN_COLLAPSED else text
