"""The EPUB 3 writer: an Issue becomes an accessible, reproducible book.

One title page (newspaper, date, list of articles, headlines printed without
an article), then one XHTML document per article, an EPUB 3 navigation
document with landmarks, and an NCX for older readers.  ebooklib writes the
package; jinja2 templates render every page; the stylesheet lives in the
repository's ``styles/`` folder.

Every reading unit of an article (``converter.sentences.reading_units``) is
its own element whose id is the unit's anchor, so that synchronised audio can
point at each sentence.  Building happens in two steps, ``assemble_book`` then
``write_book``, so that a read-along mode can add media overlays and extend
the accessibility metadata between them.

The same issue and options always give the same bytes: the identifier is a
hash of the content, dates come from the issue, never from the clock, and the
zip entries carry fixed timestamps in a fixed order.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from ebooklib import epub
from markupsafe import Markup, escape

from converter.atomic import atomic_write_if_changed
from converter.cover import cover_svg
from converter.epub.metadata import (
    Accessibility,
    accessibility_for,
    add_collection,
    book_identifier,
    modified_time,
)
from converter.errors import ConverterError, InputError
from converter.model import DERIVED_MARK, Article, Issue, chinese_date
from converter.sentences import ReadingUnit, reading_units

LANGUAGE = "zh-CN"
PINYIN_STYLES = ("tone", "tone3", "zhuyin")
# The language of each style's readings (BCP 47: pinyin is a registered variant, Bopo the zhuyin script).
READING_LANGUAGES = {"tone": "zh-Latn-pinyin", "tone3": "zh-Latn-pinyin", "zhuyin": "zh-Bopo"}
# What each edition is called on its cover.
EDITION_NAMES = {"tone": "拼音版", "tone3": "拼音版", "zhuyin": "注音版"}
COVER_FILE = "cover.svg"
# styles/ at the top of the repository, reached through the package (a link in a
# checkout, a copy in an installed wheel).
STYLES_DIR = Path(__file__).resolve().parent / "styles"
STYLESHEET_NAME = "book.css"
STYLESHEET_HREF = "styles/book.css"
TITLE_PAGE = "title.xhtml"
NAV_PAGE = "nav.xhtml"
NCX_FILE = "toc.ncx"
UNTITLED = "（无标题）"
_XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
# Characters XML 1.0 forbids; page text extracted from PDFs sometimes has them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("converter.epub", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
    finalize=lambda value: value if isinstance(value, Markup) else xml_text(str(value)),
)


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot carry: "本报讯\\x0c当前" → "本报讯当前"."""
    return _NOT_XML.sub("", text)


# ---------------------------------------------------------------- ruby text


# Punctuation that must not end a line (opening) or start one (closing).  Ruby
# characters are boxes to a layout engine, which then no longer applies these
# rules between them and the punctuation, so the writer glues them itself.
OPENING_PUNCTUATION = frozenset("“‘（《「『【〔［｛〈([{")
CLOSING_PUNCTUATION = frozenset("，。、；：！？”’）》」』】〕］｝〉…,.;:!?)]}%")


def ruby_markup(text: str, syllables: Sequence[str | None] | None, lang: str | None = None) -> Markup:
    """Escaped ``text``, each character with a reading wrapped in ruby.

    Punctuation is kept on one line with the annotated character beside it:
    an opening mark with the next character, a closing mark with the previous.
    ``lang`` is the readings' language tag (zh-Latn-pinyin, zh-Bopo), so that
    a screen reader never reads "xīng" as an English word.

    >>> str(ruby_markup("兴县2020", ["xīng", "xiàn", None, None, None, None]))
    '<ruby>兴<rt>xīng</rt></ruby><ruby>县<rt>xiàn</rt></ruby>2020'
    >>> str(ruby_markup("兴", ["xīng"], "zh-Latn-pinyin"))
    '<ruby>兴<rt lang="zh-Latn-pinyin">xīng</rt></ruby>'
    >>> str(ruby_markup("A&B", None))
    'A&amp;B'
    >>> str(ruby_markup("“四”", [None, "sì", None]))
    '<span class="nobr">“<ruby>四<rt>sì</rt></ruby>”</span>'
    """
    if syllables is None:
        return escape(text)
    groups: list[list[str]] = []
    glue_next = False
    rt = f'<rt lang="{lang}">' if lang else "<rt>"
    for char, syllable in zip(text, syllables, strict=True):
        if syllable:
            token = f"<ruby>{escape(char)}{rt}{escape(syllable)}</rt></ruby>"
        else:
            token = str(escape(char))
        if groups and (glue_next or char in CLOSING_PUNCTUATION):
            groups[-1].append(token)
        else:
            groups.append([token])
        glue_next = char in OPENING_PUNCTUATION
    return Markup("".join(_unbreakable(group) for group in groups))


def _unbreakable(tokens: list[str]) -> str:
    """Tokens that must share a line; plain text needs no help, the layout engine keeps it."""
    joined = "".join(tokens)
    if len(tokens) > 1 and "<ruby>" in joined:
        return f'<span class="nobr">{joined}</span>'
    return joined


def light_tone_first(zhuyin: str) -> str:
    """Zhuyin writes the light (neutral) tone's dot before the syllable, the other tones after it.

    >>> light_tone_first("ㄉㄜ˙"), light_tone_first("˙ㄉㄜ"), light_tone_first("ㄗˋ")
    ('˙ㄉㄜ', '˙ㄉㄜ', 'ㄗˋ')
    """
    return "˙" + zhuyin[:-1] if zhuyin.endswith("˙") else zhuyin


class PinyinReadings:
    """The readings of one book's texts in one pinyin style.

    The context model is much faster on a batch than text by text, so the
    builder hands it every block of the book at once (``prepare``) and the
    pages then look their blocks up.
    """

    def __init__(self, style: str) -> None:
        self.style = style
        self.lang = READING_LANGUAGES[style]
        self._known: dict[str, list[str | None]] = {}

    def prepare(self, texts: Sequence[str]) -> None:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            # Loaded only for pinyin books: the model and dictionary cost a third of a second.
            from converter.pinyin import readings_batch

            found = readings_batch(missing, self.style)
            if self.style == "zhuyin":
                found = [[light_tone_first(r) if r else r for r in text] for text in found]
            self._known.update(zip(missing, found, strict=True))

    def __call__(self, text: str) -> list[str | None]:
        self.prepare([text])
        return self._known[text]


def block_markup(texts: Sequence[str], pinyin: PinyinReadings | None) -> list[Markup]:
    """Render the pieces of one block (a paragraph's sentences, or one headline part).

    Readings are taken over the whole block, not piece by piece, so that a
    polyphone at a sentence edge still sees its neighbours.
    """
    texts = [xml_text(t) for t in texts]
    if pinyin is None:
        return [ruby_markup(t, None) for t in texts]
    syllables = pinyin("".join(texts))
    rendered: list[Markup] = []
    start = 0
    for text in texts:
        rendered.append(ruby_markup(text, syllables[start : start + len(text)], pinyin.lang))
        start += len(text)
    return rendered


def text_markup(text: str, pinyin: PinyinReadings | None) -> Markup:
    """One free-standing text (a heading, a list entry), with ruby when asked."""
    return block_markup([text], pinyin)[0]


# ---------------------------------------------------------------- pages


@dataclass(frozen=True)
class Piece:
    """A reading unit rendered: its anchor (the element id) and its markup."""

    anchor: str
    html: Markup


class _Document(epub.EpubItem):
    """An XHTML document written exactly as rendered (ebooklib's EpubHtml re-parses it)."""

    def __init__(self, uid: str, file_name: str, content: str, properties: Sequence[str] = ()) -> None:
        super().__init__(
            uid=uid, file_name=file_name, media_type="application/xhtml+xml", content=content.encode("utf-8")
        )
        self.properties = list(properties)
        self.media_overlay: str | None = None


def headline_label(article: Article) -> str:
    """The article's full headline on one line; a stand-in when it has none at all.

    A headline the page did not print says so: "市委召开会议（编者拟题）".
    """
    label = article.headline.label or UNTITLED
    return f"{label}（{DERIVED_MARK}）" if article.headline.source == "derived" else label


def article_id(number: int) -> str:
    """The manifest id of the ``number``-th article (from 1): 3 → "article-003"."""
    return f"article-{number:03d}"


def article_file(number: int) -> str:
    """The file name of the ``number``-th article (from 1): 3 → "article-003.xhtml"."""
    return f"{article_id(number)}.xhtml"


def article_blocks(article: Article) -> list[list[ReadingUnit]]:
    """The article's reading units grouped by block (a headline part, a paragraph…)."""
    blocks: dict[int, list[ReadingUnit]] = {}
    for unit in reading_units(article):
        blocks.setdefault(unit.block, []).append(unit)
    return list(blocks.values())


@dataclass(frozen=True)
class PageBreak:
    """Where a printed page (版) starts in the book: its element id and the page number shown."""

    anchor: str
    label: str


def page_breaks(issue: Issue) -> dict[int, PageBreak]:
    """The first article of each printed page (by index) → that page's break.

    The label is the number the page header prints (7), else the page's
    place in the issue; pages without an article have no place in the book.
    """
    breaks: dict[int, PageBreak] = {}
    seen: set[str | None] = set()
    for index, article in enumerate(issue.articles):
        if article.source in seen:
            continue
        seen.add(article.source)
        place = issue.sources.index(article.source) + 1 if article.source in issue.sources else len(seen)
        label = issue.printed_pages.get(article.source or "", str(place))
        breaks[index] = PageBreak(f"page-{len(seen)}", label)
    return breaks


def article_pieces(article: Article, pinyin: PinyinReadings | None) -> dict[str, Any]:
    """Headline parts, dateline, paragraphs and byline, each reading unit a Piece (its anchor and
    markup): what the book's page and the web edition's page both show of an article."""
    single: dict[str, Piece] = {}
    paragraphs: list[list[Piece]] = []
    for units in article_blocks(article):
        html = block_markup([u.text for u in units], pinyin)
        pieces = [Piece(u.anchor, h) for u, h in zip(units, html, strict=True)]
        if units[0].kind == "paragraph":
            paragraphs.append(pieces)
        else:
            single[units[0].kind] = pieces[0]
    return {
        "kicker": single.get("kicker"),
        "headline": single.get("title"),
        "subtitle": single.get("subtitle"),
        "dateline": single.get("dateline"),
        "paragraphs": paragraphs,
        "byline": single.get("byline"),
        "subheads": set(article.subheads),  # paragraphs that are in-body subheads: h2, a heading to jump to
    }


def render_article(article: Article, pinyin: PinyinReadings | None, page_break: PageBreak | None = None) -> str:
    """The XHTML of one article; each reading unit carries its anchor as id."""
    return _TEMPLATES.get_template("article.xhtml.j2").render(
        lang=LANGUAGE,
        title=headline_label(article),
        untitled=UNTITLED,
        stylesheet=STYLESHEET_HREF,
        body_class=_body_class(pinyin),
        **article_pieces(article, pinyin),
        derived_mark=text_markup(f"（{DERIVED_MARK}）", pinyin) if article.headline.source == "derived" else None,
        page_break=page_break,
    )


def render_title_page(issue: Issue, pinyin: PinyinReadings | None) -> str:
    newspaper = issue.newspaper or issue.title
    issue_lines = [
        line
        for line in (chinese_date(issue.date) if issue.date else None, issue.number)
        if line and line not in newspaper
    ]
    return _TEMPLATES.get_template("title.xhtml.j2").render(
        lang=LANGUAGE,
        title=issue.title,
        stylesheet=STYLESHEET_HREF,
        body_class=_body_class(pinyin),
        newspaper=text_markup(newspaper, pinyin),
        issue_lines=[text_markup(line, pinyin) for line in issue_lines],
        contents_heading=text_markup("本期目录", pinyin),
        articles=[
            {
                "href": article_file(n),
                "html": text_markup(a.headline.title or UNTITLED, pinyin),
                "mark": text_markup(f"（{DERIVED_MARK}）", pinyin) if a.headline.source == "derived" else None,
            }
            for n, a in enumerate(issue.articles, start=1)
        ],
        unplaced_heading=text_markup("版面上的其他标题", pinyin),
        unplaced=[text_markup(h, pinyin) for h in issue.unplaced_headlines],
    )


def _toc_entries(issue: Issue) -> list[dict[str, str]]:
    """One entry per article, its full headline as plain text (never ruby)."""
    return [
        {"id": article_id(n), "href": article_file(n), "label": headline_label(a)}
        for n, a in enumerate(issue.articles, start=1)
    ]


def render_nav(issue: Issue) -> str:
    landmarks = [
        {"type": "titlepage", "href": TITLE_PAGE, "label": "报头"},
        {"type": "toc", "href": f"{TITLE_PAGE}#contents", "label": "本期目录"},
        {"type": "bodymatter", "href": article_file(1), "label": "正文"},
    ]
    return _TEMPLATES.get_template("nav.xhtml.j2").render(
        lang=LANGUAGE,
        stylesheet=STYLESHEET_HREF,
        contents_heading="目录",
        articles=_toc_entries(issue),
        landmarks_heading="导航",
        landmarks=landmarks,
        pages_heading="版面",
        pages=[
            {"href": f"{article_file(index + 1)}#{mark.anchor}", "label": mark.label}
            for index, mark in page_breaks(issue).items()
        ],
    )


def render_ncx(issue: Issue, identifier: str) -> str:
    return _TEMPLATES.get_template("toc.ncx.j2").render(
        lang=LANGUAGE, identifier=identifier, title=issue.title, articles=_toc_entries(issue)
    )


def _body_class(pinyin: PinyinReadings | None) -> str:
    return "plain" if pinyin is None else f"pinyin pinyin-{pinyin.style}"


def stylesheet() -> bytes:
    path = STYLES_DIR / STYLESHEET_NAME
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConverterError(f"{path}: stylesheet missing, the installation is incomplete") from exc


# ---------------------------------------------------------------- book


@dataclass
class AssembledBook:
    """A book ready to write; extensions (media overlays) may still be added to it."""

    book: epub.EpubBook
    article_documents: list[epub.EpubItem]  # in issue order, one per article
    modified: dt.datetime
    accessibility: Accessibility


def assemble_book(issue: Issue, *, pinyin_style: str | None = None) -> AssembledBook:
    """Everything of the book but the accessibility metadata, which ``write_book`` adds."""
    if pinyin_style is not None and pinyin_style not in PINYIN_STYLES:
        raise ConverterError(f"unknown pinyin style {pinyin_style!r}: choose one of {', '.join(PINYIN_STYLES)}")
    if not issue.articles:
        raise InputError(f"{issue.title}: no articles found, so no book was written")

    identifier = book_identifier(issue, pinyin_style)
    book = epub.EpubBook()
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

    book.add_item(
        epub.EpubItem(uid="css", file_name=STYLESHEET_HREF, media_type="text/css", content=stylesheet())
    )
    pinyin = None
    if pinyin_style is not None:
        pinyin = PinyinReadings(pinyin_style)
        pinyin.prepare(
            ["".join(u.text for u in units) for article in issue.articles for units in article_blocks(article)]
        )
    title_page = _Document("title", TITLE_PAGE, render_title_page(issue, pinyin))
    breaks = page_breaks(issue)
    articles = [
        _Document(article_id(n), article_file(n), render_article(article, pinyin, breaks.get(n - 1)))
        for n, article in enumerate(issue.articles, start=1)
    ]
    cover = epub.EpubItem(
        uid="cover-image", file_name=COVER_FILE, media_type="image/svg+xml",
        content=cover_svg(issue, EDITION_NAMES.get(pinyin_style or "")).encode("utf-8"),
    )
    cover.properties = ["cover-image"]
    book.add_item(cover)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})
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


def build_epub(
    issue: Issue, path: Path, *, pinyin_style: str | None = None, narration: Sequence[Any] | None = None
) -> Path:
    """Write ``issue`` as an EPUB 3 book at ``path`` (atomically) and return ``path``.

    ``pinyin_style`` None gives plain text; "tone", "tone3" or "zhuyin" puts
    a reading over every Han character of the titles and texts.  With
    ``narration`` (one converter.audio.ArticleAudio per article) the book is a
    read-along book: each article's audio plays with its sentences highlighted.
    """
    assembled = assemble_book(issue, pinyin_style=pinyin_style)
    if narration is not None:
        from converter.epub.overlay import add_read_along

        add_read_along(assembled, narration)
    return write_book(assembled, path)
