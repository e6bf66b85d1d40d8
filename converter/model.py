"""The document model: the one thing every writer reads.

issue → articles → headline, dateline, paragraphs, byline.  Plain typed
dataclasses; the parser fills them, the EPUB and audio writers only read them.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Literal, TypedDict

TitleSource = Literal["page", "derived"]
# How every writer marks a headline the page did not print, and why it is there.
DERIVED_MARK = "编者拟题"
DERIVED_REASON = "版面上没有可归属于这篇文章的标题，标题由编者从导语中拟定"


@dataclass
class Headline:
    """An article's headline as printed: 引题 (kicker), 主题 (title), 副题 (subtitle).

    ``source`` is ``"page"`` when the title was printed on the page and
    ``"derived"`` when the page had none and it was made from the lead.
    """

    title: str
    kicker: str | None = None
    subtitle: str | None = None
    source: TitleSource = "page"

    @property
    def parts(self) -> list[str]:
        """Kicker, title and subtitle in reading order, the missing ones left out."""
        return [p for p in (self.kicker, self.title, self.subtitle) if p]

    @property
    def label(self) -> str:
        """The full headline on one line, for a table of contents or an audio tag."""
        return " ".join(self.parts)


@dataclass
class PageTurn:
    """Where a continued article's text goes on on another page (（下转第2版） … （上接第1版）).

    The text of ``page`` starts at character ``offset`` of paragraph ``paragraph``.
    """

    page: str
    paragraph: int
    offset: int


@dataclass
class Article:
    headline: Headline
    paragraphs: list[str]
    dateline: str | None = None  # e.g. 本报讯, 新华社北京1月2日电
    byline: list[str] = field(default_factory=list)  # e.g. ["张明提", "康东"]
    source: str | None = None  # the page file it came from (where it starts)
    page_turns: list[PageTurn] = field(default_factory=list)  # continued on other pages, in reading order
    subheads: list[int] = field(default_factory=list)  # paragraphs that are in-body subheads, by index

    @property
    def text_length(self) -> int:
        return sum(len(p) for p in self.paragraphs)

    @property
    def pages(self) -> list[str]:
        """The pages the article is printed on, in reading order: its own, then those it is continued on."""
        pages = [self.source] if self.source else []
        for turn in self.page_turns:
            if turn.page not in pages:
                pages.append(turn.page)
        return pages


@dataclass
class Issue:
    title: str  # e.g. 兴县报 2020年2月12日, or the file name when nothing better is known
    articles: list[Article]
    sources: list[str] = field(default_factory=list)
    date: _dt.date | None = None
    newspaper: str | None = None
    number: str | None = None  # issue number as printed, e.g. 第1234期
    publisher: str | None = None
    unplaced_headlines: list[str] = field(default_factory=list)  # photo captions, features
    warnings: list[str] = field(default_factory=list)
    name_words: str | None = None  # its file or folder name's readable words (xingxianbao), never a machine name
    printed_pages: dict[str, str] = field(default_factory=dict)  # page file → page number its header prints (7)
    # When its page files last changed: the book's dcterms:modified for an issue with no date.
    # A property of the files, not of the text, so two parses of one text stay equal.
    modified: _dt.datetime | None = field(default=None, compare=False)


def chinese_date(date: _dt.date) -> str:
    """A date as Chinese readers write it.

    >>> chinese_date(_dt.date(2020, 2, 12))
    '2020年2月12日'
    """
    return f"{date.year}年{date.month}月{date.day}日"


# ---------------------------------------------------------------- the model as plain data
# One shape for every writer that wants plain data: ``converter parse --format json`` prints it,
# the review file (converter/markdown.py) is written from it, the manifest's account of each
# article (converter/manifest.py) is taken from it. A field added to the model is added here once.


class PageTurnDict(TypedDict):
    page: str
    paragraph: int
    offset: int


class ArticleDict(TypedDict):
    kicker: str | None
    title: str
    subtitle: str | None
    title_source: TitleSource
    dateline: str | None
    paragraphs: list[str]
    subheads: list[int]
    byline: list[str]
    page: str | None  # where it starts
    pages: list[str]  # every page it is printed on, in reading order
    page_turns: list[PageTurnDict]


class IssueDict(TypedDict):
    title: str
    date: str | None  # ISO 8601
    newspaper: str | None
    number: str | None
    sources: list[str]
    articles: list[ArticleDict]
    unplaced_headlines: list[str]
    warnings: list[str]


def article_to_dict(article: Article) -> ArticleDict:
    h = article.headline
    return {
        "kicker": h.kicker,
        "title": h.title,
        "subtitle": h.subtitle,
        "title_source": h.source,
        "dateline": article.dateline,
        "paragraphs": list(article.paragraphs),
        "subheads": list(article.subheads),
        "byline": list(article.byline),
        "page": article.source,
        "pages": article.pages,
        "page_turns": [{"page": t.page, "paragraph": t.paragraph, "offset": t.offset} for t in article.page_turns],
    }


def issue_to_dict(issue: Issue) -> IssueDict:
    """The JSON shape of ``converter parse --format json``.

    >>> data = issue_to_dict(Issue("兴县报", [Article(Headline("标题"), ["正文。"], source="1.txt")]))
    >>> data["articles"][0]["title"], data["articles"][0]["pages"], data["date"]
    ('标题', ['1.txt'], None)
    """
    return {
        "title": issue.title,
        "date": issue.date.isoformat() if issue.date else None,
        "newspaper": issue.newspaper,
        "number": issue.number,
        "sources": list(issue.sources),
        "articles": [article_to_dict(a) for a in issue.articles],
        "unplaced_headlines": list(issue.unplaced_headlines),
        "warnings": list(issue.warnings),
    }
