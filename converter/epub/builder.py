"""The EPUB 3 writer: an Issue becomes an accessible, reproducible book.

One title page (newspaper, date, list of articles, headlines printed without
an article), then one XHTML document per article, an EPUB 3 navigation
document with landmarks, and an NCX for older readers (``pages``); pinyin
over the characters on request (``ruby``); the package metadata
(``metadata``); ebooklib's package written as a reproducible zip
(``package``); with narration, the media overlays of a read-along book
(``overlay``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from converter.epub.overlay import Narration, add_read_along
from converter.epub.package import assemble_book, write_book
from converter.model import Issue


def build_epub(
    issue: Issue, path: Path, *, pinyin_style: str | None = None, narration: Sequence[Narration] | None = None
) -> Path:
    """Write ``issue`` as an EPUB 3 book at ``path`` (atomically) and return ``path``.

    ``pinyin_style`` None gives plain text; "tone", "tone3" or "zhuyin" (see
    ``converter.pinyin.styles``) puts a reading over every Han character of
    the titles and texts.  With ``narration`` (one
    converter.audio.narration.ArticleAudio per article) the book is a
    read-along book: each article's audio plays with its sentences highlighted.
    """
    assembled = assemble_book(issue, pinyin_style=pinyin_style)
    if narration is not None:
        add_read_along(assembled, narration)
    return write_book(assembled, path)
