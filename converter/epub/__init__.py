"""The EPUB 3 writer: ``build_epub(issue, path, pinyin_style=None)``."""

from converter.epub.builder import (
    PINYIN_STYLES,
    Accessibility,
    AssembledBook,
    accessibility_for,
    assemble_book,
    build_epub,
    write_book,
)

__all__ = [
    "PINYIN_STYLES",
    "Accessibility",
    "AssembledBook",
    "accessibility_for",
    "assemble_book",
    "build_epub",
    "write_book",
]
