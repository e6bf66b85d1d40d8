"""Glyphs of a PDF page: each printed character with its box, size and font.

PDFium (through pypdfium2) gives every character its Unicode value, a box on
the page and the text matrix it was drawn with. The matrix's scale is the
size the character was set in (the font size alone is often 1 with the
scale in the matrix), so that is the size taken here. Coordinates are turned
to the reading direction: ``top`` grows down the page.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Characters a font without a ToUnicode map turns into: nothing, U+FFFD or the private use area.
_UNMAPPED_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0x10FFFF))


@dataclass(frozen=True)
class Glyph:
    """One printed character. ``size`` is its set size in points; ``top`` < ``bottom``."""

    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str

    @property
    def centre_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def centre_y(self) -> float:
        return (self.top + self.bottom) / 2


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def enclosing_box(parts: Iterable[Glyph | Boxed]) -> Box:
    """The smallest box around ``parts``: a line's glyphs, a headline's or a block's lines.

    >>> enclosing_box([Glyph("国", 10, 20, 5, 15, 10, "f"), Glyph("家", 22, 30, 4, 14, 10, "f")])
    (10, 4, 30, 15)
    """
    parts = list(parts)
    return (
        min(part.x0 for part in parts),
        min(part.top for part in parts),
        max(part.x1 for part in parts),
        max(part.bottom for part in parts),
    )


class Boxed:
    """Something made of parts on the page (a line of glyphs, a headline of lines), its edges
    those of ``box``: the box around its parts, which the subclass works out."""

    @property
    def box(self) -> Box:
        raise NotImplementedError

    @property
    def x0(self) -> float:
        return self.box[0]

    @property
    def top(self) -> float:
        return self.box[1]

    @property
    def x1(self) -> float:
        return self.box[2]

    @property
    def bottom(self) -> float:
        return self.box[3]


@dataclass
class PageGlyphs:
    glyphs: list[Glyph]
    width: float
    height: float
    unmapped: int  # characters whose font gives no Unicode value
    images: list[Box]  # of each picture


def is_unmapped(code: int) -> bool:
    """True for a code PDFium returns when the font has no Unicode for a glyph.

    >>> is_unmapped(0xE013), is_unmapped(ord("国")), is_unmapped(0xFFFD)
    (True, False, True)
    """
    if 0 < code < 0xE000:
        return False
    return code in (0, 0xFFFD) or any(low <= code <= high for low, high in _UNMAPPED_RANGES)


def _font_name(textpage: pdfium.PdfTextPage, index: int, buffer: ctypes.Array[ctypes.c_char]) -> str:
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, len(buffer), flags)
    # Embedded subsets are named ABCDEF+RealName: the prefix differs between subsets of one font.
    return buffer.value.decode("latin-1").split("+")[-1]


def _images(page: pdfium.PdfPage, height: float) -> list[tuple[float, float, float, float]]:
    boxes = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        boxes.append((left, height - top, right, height - bottom))
    return boxes


def page_glyphs(page: pdfium.PdfPage) -> PageGlyphs:
    """Every visible character of ``page``, blanks and line breaks left out."""
    height = page.get_height()
    textpage = page.get_textpage()
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    buffer = ctypes.create_string_buffer(128)
    glyphs: list[Glyph] = []
    unmapped = 0
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
        if is_unmapped(code):
            unmapped += 1
            continue
        char = chr(code)
        if char.isspace() or pdfium_c.FPDFText_IsGenerated(textpage.raw, index):
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, index, box)
        pdfium_c.FPDFText_GetMatrix(textpage.raw, index, matrix)
        size = max(abs(matrix.a), abs(matrix.b), abs(matrix.c), abs(matrix.d))
        size *= pdfium_c.FPDFText_GetFontSize(textpage.raw, index) or 1.0
        glyphs.append(
            Glyph(
                char=char,
                x0=box.left,
                x1=box.right,
                top=height - box.top,
                bottom=height - box.bottom,
                size=round(size, 1),
                font=_font_name(textpage, index, buffer),
            )
        )
    textpage.close()
    return PageGlyphs(glyphs, page.get_width(), height, unmapped, _images(page, height))
