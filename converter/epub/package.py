"""The EPUB package: the pages, the stylesheet and the cover put together by
ebooklib, then written as a reproducible zip.

Building happens in two steps, ``assemble_book`` then ``write_book``, so that
a read-along mode (``overlay.add_read_along``) can add media overlays and
extend the accessibility metadata between them.

The same issue and options always give the same bytes: the identifier is a
hash of the content, dates come from the issue, never from the clock, and the
zip entries carry fixed timestamps in a fixed order.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ebooklib import epub

from converter.atomic import atomic_write_if_changed
from converter.cover import cover_svg
from converter.epub.metadata import (
    LANGUAGE,
    Accessibility,
    accessibility_for,
    add_collection,
    book_identifier,
    modified_time,
)
from converter.epub.pages import (
    NAV_PAGE,
    NCX_FILE,
    STYLESHEET_HREF,
    TITLE_PAGE,
    article_blocks,
    article_file,
    article_id,
    page_breaks,
    render_article,
    render_nav,
    render_ncx,
    render_title_page,
)
from converter.epub.ruby import PinyinReadings, xml_text
from converter.errors import ConverterError, InputError
from converter.model import Issue
from converter.pinyin.styles import STYLES, reading_style

COVER_FILE = "cover.svg"
# styles/ at the top of the repository, reached through the package (a link in a
# checkout, a copy in an installed wheel).
STYLES_DIR = Path(__file__).resolve().parent / "styles"
STYLESHEET_NAME = "book.css"
_XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"


class _Document(epub.EpubItem):
    """An XHTML document written exactly as rendered (ebooklib's EpubHtml re-parses it)."""

    def __init__(self, uid: str, file_name: str, content: str, properties: Sequence[str] = ()) -> None:
        super().__init__(
            uid=uid, file_name=file_name, media_type="application/xhtml+xml", content=content.encode("utf-8")
        )
        self.properties = list(properties)
        self.media_overlay: str | None = None


def stylesheet() -> bytes:
    path = STYLES_DIR / STYLESHEET_NAME
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConverterError(f"{path}: stylesheet missing, the installation is incomplete") from exc


@dataclass
class AssembledBook:
    """A book ready to write; extensions (media overlays) may still be added to it."""

    book: epub.EpubBook
    article_documents: list[epub.EpubItem]  # in issue order, one per article
    modified: dt.datetime
    accessibility: Accessibility


def assemble_book(issue: Issue, *, pinyin_style: str | None = None) -> AssembledBook:
    """Everything of the book but the accessibility metadata, which ``write_book`` adds."""
    if pinyin_style is not None and pinyin_style not in STYLES:
        raise ConverterError(f"unknown pinyin style {pinyin_style!r}: choose one of {', '.join(STYLES)}")
    if not issue.articles:
        raise InputError(f"{issue.title}: no articles found, so no book was written")

    identifier = book_identifier(issue, pinyin_style)
    book = epub.EpubBook()
    _describe(book, issue, identifier)
    book.add_item(
        epub.EpubItem(uid="css", file_name=STYLESHEET_HREF, media_type="text/css", content=stylesheet())
    )
    pinyin = _book_readings(issue, pinyin_style)
    title_page = _Document("title", TITLE_PAGE, render_title_page(issue, pinyin))
    breaks = page_breaks(issue)
    articles = [
        _Document(article_id(n), article_file(n), render_article(article, pinyin, breaks.get(n - 1)))
        for n, article in enumerate(issue.articles, start=1)
    ]
    _add_cover(book, issue, pinyin_style)
    nav = _Document("nav", NAV_PAGE, render_nav(issue), properties=["nav"])
    ncx = epub.EpubItem(
        uid="ncx", file_name=NCX_FILE, media_type="application/x-dtbncx+xml",
        content=render_ncx(issue, identifier).encode("utf-8"),
    )
    for item in (title_page, *articles, nav, ncx):
        book.add_item(item)
    book.spine = [title_page, *articles]
    return AssembledBook(
        book=book,
        article_documents=list(articles),
        modified=modified_time(issue),
        accessibility=accessibility_for(ruby=pinyin_style is not None, ruby_style=pinyin_style),
    )


def _describe(book: epub.EpubBook, issue: Issue, identifier: str) -> None:
    """The package's Dublin Core metadata, the printed source and the series."""
    book.set_identifier(identifier)
    book.set_title(xml_text(issue.title))
    book.set_language(LANGUAGE)
    if issue.newspaper:
        book.add_author(xml_text(issue.newspaper))
    if issue.publisher:
        book.add_metadata("DC", "publisher", xml_text(issue.publisher))
    if issue.date:
        book.add_metadata("DC", "date", issue.date.isoformat())
    # The printed paper the page-break markers follow (source-of: what Ace and EPUB 3.3 read).
    book.add_metadata("DC", "source", xml_text(f"{issue.title}（印刷版）"), {"id": "print-source"})
    book.add_metadata(None, "meta", "pagination", {"refines": "#print-source", "property": "source-of"})
    add_collection(book, issue)


def _book_readings(issue: Issue, pinyin_style: str | None) -> PinyinReadings | None:
    """The readings of every block of the book, found in one batch; None for a plain book."""
    if pinyin_style is None:
        return None
    pinyin = PinyinReadings(pinyin_style)
    pinyin.prepare(["".join(u.text for u in units) for article in issue.articles for units in article_blocks(article)])
    return pinyin


def _add_cover(book: epub.EpubBook, issue: Issue, pinyin_style: str | None) -> None:
    """The cover image, naming the edition (拼音版, 注音版) of a book with readings."""
    edition = reading_style(pinyin_style).edition if pinyin_style is not None else None
    cover = epub.EpubItem(
        uid="cover-image", file_name=COVER_FILE, media_type="image/svg+xml",
        content=cover_svg(issue, edition).encode("utf-8"),
    )
    cover.properties = ["cover-image"]
    book.add_item(cover)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})


class _PackageWriter(epub.EpubWriter):
    """ebooklib's writer, with the language also on the package element."""

    def _write_opf_file(self, root: Any) -> None:
        root.set(f"{{{_XML_NAMESPACE}}}lang", LANGUAGE)
        super()._write_opf_file(root)


def write_book(assembled: AssembledBook, path: Path) -> Path:
    """Write the book atomically, byte for byte the same for the same book.

    This adds the accessibility metadata to ``assembled.book``: write it once.
    """
    book = assembled.book
    for prop, value in assembled.accessibility.properties():
        book.add_metadata(None, "meta", value, {"property": prop})
    raw = io.BytesIO()
    # Stored without compression here: the entries are compressed once, below.
    writer = _PackageWriter(raw, book, {"mtime": assembled.modified, "compresslevel": 0, "raise_exceptions": True})
    writer.process()
    writer.write()
    path = Path(path)
    atomic_write_if_changed(path, reproducible_zip(raw.getvalue(), assembled.modified))
    return path


def reproducible_zip(archive: bytes, when: dt.datetime) -> bytes:
    """Re-pack an EPUB with fixed timestamps and attributes, ``mimetype`` first and stored.

    zipfile stamps each entry with the current time; this removes the clock.
    """
    date_time = max((when.year, when.month, when.day, when.hour, when.minute, when.second), (1980, 1, 1, 0, 0, 0))
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        entries = sorted(source.infolist(), key=lambda info: info.filename != "mimetype")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in entries:
                entry = zipfile.ZipInfo(info.filename, date_time)
                entry.create_system = 3
                entry.external_attr = 0o100644 << 16
                # mimetype must be stored; MP3 is compressed already, deflating it only costs time
                if info.filename == "mimetype" or info.filename.endswith(".mp3"):
                    entry.compress_type = zipfile.ZIP_STORED
                    target.writestr(entry, source.read(info))
                else:
                    entry.compress_type = zipfile.ZIP_DEFLATED
                    target.writestr(entry, source.read(info), compresslevel=9)
    return out.getvalue()
