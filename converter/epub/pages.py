"""The book's XHTML pages: the title page, one page per article, the navigation and the NCX.

jinja2 templates (``templates/``) render every page.  Every reading unit of
an article (``converter.sentences.reading_units``) is its own element whose
id is the unit's anchor, so that synchronised audio can point at each
sentence.  The web edition shows an article with the same pieces
(``article_pieces``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from converter.epub.metadata import LANGUAGE
from converter.epub.ruby import PinyinReadings, block_markup, text_markup, xml_text
from converter.model import DERIVED_MARK, Article, Issue, chinese_date
from converter.sentences import ReadingUnit, reading_units

STYLESHEET_HREF = "styles/book.css"
TITLE_PAGE = "title.xhtml"
NAV_PAGE = "nav.xhtml"
NCX_FILE = "toc.ncx"
UNTITLED = "（无标题）"

_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("converter.epub", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
    finalize=lambda value: value if isinstance(value, Markup) else xml_text(str(value)),
)


@dataclass(frozen=True)
class Piece:
    """A reading unit rendered: its anchor (the element id) and its markup."""

    anchor: str
    html: Markup


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
