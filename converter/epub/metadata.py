"""The package metadata of a book: identifier, modification time, series, accessibility claims.

Everything here is derived from the issue and the edition (plain, pinyin,
read-along), never from the clock, so the same input gives the same book.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from dataclasses import dataclass, field

from ebooklib import epub

from converter.model import Issue

LANGUAGE = "zh-CN"
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
# Who checked the claims: the converter itself, whose books are checked with epubcheck and Ace in its tests.
CERTIFIER = "converter"
# For dcterms:modified and the zip timestamps of an issue built in memory with neither date nor page files.
UNDATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
# The identifier namespace: urn:uuid values are uuid5(this, content hash).
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:converter:epub")


@dataclass
class Accessibility:
    """The EPUB Accessibility 1.1 claims written into the package.

    A read-along mode extends these (e.g. ``auditory`` in ``access_modes``,
    ``synchronizedAudioText`` in ``features``, a new ``summary``) before ``write_book``.
    """

    access_modes: list[str]
    access_modes_sufficient: list[str]  # each entry one sufficient set, e.g. "textual"
    features: list[str]
    hazards: list[str]
    summary: str
    conforms_to: str = CONFORMANCE
    certified_by: str = CERTIFIER
    ruby_style: str | None = None  # the edition's readings, for a summary written again
    extra: list[tuple[str, str]] = field(default_factory=list)

    def properties(self) -> list[tuple[str, str]]:
        """(property, value) pairs in the order they are written."""
        pairs = [("schema:accessMode", mode) for mode in self.access_modes]
        pairs += [("schema:accessModeSufficient", modes) for modes in self.access_modes_sufficient]
        pairs += [("schema:accessibilityFeature", feature) for feature in self.features]
        pairs += [("schema:accessibilityHazard", hazard) for hazard in self.hazards]
        pairs.append(("schema:accessibilitySummary", self.summary))
        pairs.append(("dcterms:conformsTo", self.conforms_to))
        pairs.append(("a11y:certifiedBy", self.certified_by))
        return pairs + self.extra


def accessibility_summary(ruby_style: str | None, read_along: bool) -> str:
    """What a reader of this edition can expect, in Chinese: plain, pinyin or zhuyin, read-along."""
    summary = (
        "本书是一期报纸的电子版，正文全部是可放大、可朗读的文字。"
        "每篇文章单独成章，标题层级清楚，按版面顺序排列，附有目录和与印刷版各版对应的版面导航；"
        "未指定字号和颜色，可随阅读器调整字体、字号与夜间模式。封面图片附有文字说明。"
        "印刷版上没有标题的文章，标题由编者拟定，并标明“编者拟题”。"
    )
    if ruby_style == "zhuyin":
        summary += "每个汉字上方用注音符号标注读音（ruby），并标明读音的语言。"
    elif ruby_style:
        summary += "每个汉字上方用汉语拼音标注读音（ruby），并标明读音的语言。"
    if read_along:
        summary += (
            "每篇文章都配有全文朗读，播放时逐句高亮显示正在朗读的句子（媒体叠加），高亮也覆盖上方的读音；"
            "不支持媒体叠加的阅读器按普通文字显示。"
        )
    return summary


def accessibility_for(*, ruby: bool, ruby_style: str | None = None) -> Accessibility:
    """The claims this writer can make: all text, navigable, in reading order, the printed pages marked."""
    style = ruby_style or ("tone" if ruby else None)
    features = [
        "structuralNavigation", "tableOfContents", "readingOrder",
        "pageBreakMarkers", "pageNavigation", "displayTransformability", "alternativeText",
    ]
    if style:
        features.append("rubyAnnotations")
    return Accessibility(
        access_modes=["textual", "visual"],
        access_modes_sufficient=["textual"],
        features=features,
        hazards=["none"],
        summary=accessibility_summary(style, read_along=False),
        ruby_style=style,
    )


def modified_time(issue: Issue) -> dt.datetime:
    """dcterms:modified from the issue, never the clock.

    Midnight UTC of the issue's date; for an undated issue, when its page
    files last changed; a fixed day only for an issue built in memory with neither.
    """
    if issue.date is not None:
        return dt.datetime(issue.date.year, issue.date.month, issue.date.day, tzinfo=dt.UTC)
    return issue.modified or UNDATED


def group_position(number: str | None) -> str | None:
    """The issue's place in its newspaper's series, from its number as printed.

    >>> group_position("第1234期"), group_position("总第56期"), group_position("特刊")
    ('1234', '56', None)
    """
    found = re.search(r"\d+", number or "")
    return str(int(found.group(0))) if found else None


def add_collection(book: epub.EpubBook, issue: Issue) -> None:
    """belongs-to-collection: the newspaper as a series, the issue number as the position in it."""
    if not issue.newspaper:
        return
    book.add_metadata(None, "meta", issue.newspaper, {"property": "belongs-to-collection", "id": "series"})
    book.add_metadata(None, "meta", "series", {"property": "collection-type", "refines": "#series"})
    position = group_position(issue.number)
    if position:
        book.add_metadata(None, "meta", position, {"property": "group-position", "refines": "#series"})


def book_identifier(issue: Issue, pinyin_style: str | None) -> str:
    """A urn:uuid derived from everything that goes into the book: same input, same id.

    Warnings and source file names stay out of the book, so out of the hash;
    the pinyin style is in it, since a pinyin edition is another book.
    """
    content = {
        "title": issue.title,
        "date": issue.date.isoformat() if issue.date else None,
        "newspaper": issue.newspaper,
        "number": issue.number,
        "publisher": issue.publisher,
        "articles": [
            [a.headline.kicker, a.headline.title, a.headline.subtitle, a.dateline, a.paragraphs, a.byline]
            for a in issue.articles
        ],
        "unplaced_headlines": issue.unplaced_headlines,
        "pinyin_style": pinyin_style,
    }
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, digest)}"
