"""The vocabulary every part shares: which characters are Han.

One home for character classes, so the parser, the spoken text and the
pinyin agree on what a Chinese character is.
"""

from __future__ import annotations

# Han characters: the unified ideographs, extension A, compatibility ideographs and the
# supplementary planes (extension B on, where rare name characters such as 𠮷 live).
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
