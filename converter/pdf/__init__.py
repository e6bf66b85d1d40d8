"""Page PDFs → articles of the document model: the second reader beside page text.

A PDF knows what its extracted text has lost: glyph sizes tell headlines from
body text, positions tell columns apart and show the paragraph indent, a
shadow glyph lies on top of its original. ``glyphs`` reads the characters with
PDFium, ``lines`` builds printed lines, ``layout`` finds headlines, columns and
authors, ``articles`` assigns columns to headlines and builds the model.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from converter.errors import InputError
from converter.model import Article, Headline

if TYPE_CHECKING:
    import pypdfium2

MAX_PDF_BYTES = 200 * 1024 * 1024  # a newspaper page PDF is a few MB; a whole issue some tens

_HEADER_DATE = re.compile(r"(19\d\d|20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@dataclass
class PdfPages:
    """What a PDF gives an issue: its articles in page order, the rest, and the date its header prints."""

    articles: list[Article] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    date: _dt.date | None = None
    page_names: list[str] = field(default_factory=list)


def header_date(header: list[str]) -> _dt.date | None:
    """The date a page header prints.

    >>> header_date(["7理论", "2018年1月3日星期三"])
    datetime.date(2018, 1, 3)
    """
    for text in header:
        match = _HEADER_DATE.search(text)
        if match:
            try:
                return _dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue
    return None


def _open(path: Path) -> pypdfium2.PdfDocument:
    import pypdfium2 as pdfium

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from exc
    if size > MAX_PDF_BYTES:
        limit = MAX_PDF_BYTES // 1024 // 1024
        raise InputError(f"{path}: {size / 1024 / 1024:.0f} MB is too large for a page PDF (limit {limit} MB)")
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        reason = "it needs a password" if "password" in str(exc).lower() else "not a readable PDF"
        raise InputError(f"{path}: {reason}") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from exc


def read_pdf(path: Path) -> PdfPages:
    """Every page of the PDF at ``path``, read into articles (one PDF page is one printed page)."""
    from converter.pdf.articles import page_articles
    from converter.pdf.glyphs import page_glyphs
    from converter.pdf.layout import page_layout
    from converter.pdf.lines import page_lines

    document = _open(path)
    result = PdfPages()
    pages_without_text = 0
    try:
        for number in range(len(document)):
            name = path.name if len(document) == 1 else f"{path.name} p.{number + 1}"
            result.page_names.append(name)
            glyphs = page_glyphs(document[number])
            if glyphs.unmapped:
                result.warnings.append(
                    f"{name}: {glyphs.unmapped} characters have no Unicode value in their font and were left out"
                )
            if not glyphs.glyphs:
                pages_without_text += 1
                result.warnings.append(f"{name}: no text on this page (a scanned image?); it was left out")
                continue
            lines, shadows = page_lines(glyphs.glyphs)
            if shadows:
                result.warnings.append(f"{name}: {shadows} shadow glyphs (a headline printed twice) dropped")
            layout = page_layout(lines, glyphs.height, glyphs.images)
            result.warnings.extend(f"{name}: page header: {text}" for text in layout.header)
            result.date = result.date or header_date(layout.header)
            page = page_articles(layout, name)
            result.articles.extend(page.articles)
            result.unplaced.extend(page.unplaced)
    finally:
        document.close()
    if pages_without_text == len(result.page_names):
        raise InputError(f"{path}: no text layer (a scanned PDF?); text recognition (OCR) is not supported")
    return result


__all__ = ["PdfPages", "read_pdf", "header_date", "Article", "Headline"]
