"""The EPUB 3 writer: ``build_epub(issue, path, pinyin_style=None)``."""

from converter.epub.builder import build_epub
from converter.epub.metadata import Accessibility, accessibility_for
from converter.epub.package import AssembledBook, assemble_book, write_book
from converter.pinyin.styles import STYLES as PINYIN_STYLES

__all__ = [
    "PINYIN_STYLES",
    "Accessibility",
    "AssembledBook",
    "accessibility_for",
    "assemble_book",
    "build_epub",
    "write_book",
]
