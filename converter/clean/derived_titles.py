"""A title for an article the page printed none for, derived from its lead (the parser marks it as derived)."""

from __future__ import annotations

import re

from converter.clean.spacing import HAN
from converter.text import PHRASE_BREAKS, SENTENCE_STOPS

# A derived title is cut to this many characters.
_MAX_DERIVED = 24
_LEAD_CLAUSE_SKIP = re.compile(
    r"^(?:\d+月\d+日|自|在|为|据|随着|近日|日前|目前|当前|今年|近年来)|(?:以来|期间|之际|时|后|前)$"
)


def derive_title(paragraphs: list[str]) -> str:
    """A short title from the lead: its first clause that says who did what.

    Leading time and circumstance clauses (2月5日, 自…以来, 为…) are skipped.

    >>> derive_title(["自抗击疫情工作开展以来，兴县县委统战部高度重视，迅速作出安排。"])
    '兴县县委统战部高度重视'
    """
    lead = next((p for p in paragraphs if HAN.search(p)), "")
    sentence = re.split(f"[{SENTENCE_STOPS}]", lead, maxsplit=1)[0]
    clauses = [c.strip("“”‘’《》（）() ") for c in re.split(f"[{PHRASE_BREAKS}]", sentence)]
    clauses = [c for c in clauses if len(HAN.findall(c)) >= 4]
    chosen = next((c for c in clauses if not _LEAD_CLAUSE_SKIP.search(c)), clauses[0] if clauses else lead)
    return chosen if len(chosen) <= _MAX_DERIVED else chosen[: _MAX_DERIVED - 1] + "…"
