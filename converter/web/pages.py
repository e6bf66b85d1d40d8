"""An issue's web pages: its list of articles and one page per article.

Every reading unit of an article (``converter.sentences.reading_units``) is
its own element whose id is the unit's anchor, exactly as in the read-along
EPUB, so the narration's timings (anchor, start, end) highlight the sentence
being read.  Pinyin is always in the page as ``<ruby>``, hidden until the
reader switches it on, so one page serves readers with and without it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from converter.atomic import atomic_write_text
from converter.epub.pages import UNTITLED, article_blocks, article_pieces, headline_label
from converter.epub.ruby import PinyinReadings, text_markup
from converter.errors import OutputError
from converter.model import Article, Issue, chinese_date

LANGUAGE = "zh-CN"
ISSUE_PAGE = "index.html"
FEED_NAME = "feed.xml"
DERIVED_MARK = "编者拟题"
STATIC_DIR = Path(__file__).resolve().parent / "static"
ASSETS = ("site.css", "site.js")
# An article page's name: its place in the issue, two digits at least ("03.html").
_ARTICLE_PAGE = re.compile(r"^\d{2,}\.html$")

TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("converter.web", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def article_page_name(number: int, total: int) -> str:
    """The page of the ``number``-th article (from 1) of ``total``.

    >>> article_page_name(3, 7), article_page_name(3, 120)
    ('03.html', '003.html')
    """
    return f"{number:0{max(2, len(str(total)))}d}.html"


def duration_text(seconds: float) -> str:
    """A listening time as a Chinese reader says it.

    Whole seconds are cut, not rounded, as the audio player shows them.

    >>> duration_text(42.4), duration_text(192.6), duration_text(3725)
    ('42秒', '3分12秒', '1小时2分')
    """
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}小时{minutes}分"
    if minutes:
        return f"{minutes}分{secs}秒" if secs else f"{minutes}分钟"
    return f"{secs}秒"


def iso_duration(seconds: float) -> str:
    """The machine-readable form for ``<time datetime>``: 192.6 → "PT3M12S".

    >>> iso_duration(192.6), iso_duration(3725)
    ('PT3M12S', 'PT1H2M5S')
    """
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


TEMPLATES.filters["duration"] = duration_text
TEMPLATES.filters["iso_duration"] = iso_duration


def url(path: str) -> str:
    """A relative file path as it goes into an href: "audio/01-兴县.mp3" → "audio/01-%E5%85%B4%E5%8E%BF.mp3"."""
    return quote(path)


def timings_json(timings: Sequence[tuple[str, float, float]]) -> Markup:
    """The read-along timings as inline JSON, safe inside ``<script>``."""
    data = json.dumps([[anchor, round(start, 3), round(end, 3)] for anchor, start, end in timings])
    return Markup(data.replace("<", "\\u003c"))


@dataclass(frozen=True)
class ArticleEntry:
    """What the issue page and the neighbours' links say of an article."""

    page: str
    label: str  # the full headline as plain text
    kicker: Markup | None
    title: Markup
    subtitle: Markup | None
    derived: bool
    duration: float | None


def _entry(article: Article, page: str, pinyin: PinyinReadings, duration: float | None) -> ArticleEntry:
    h = article.headline
    return ArticleEntry(
        page=page,
        label=headline_label(article),
        kicker=text_markup(h.kicker, pinyin) if h.kicker else None,
        title=text_markup(h.title or UNTITLED, pinyin),
        subtitle=text_markup(h.subtitle, pinyin) if h.subtitle else None,
        derived=h.source == "derived",
        duration=duration,
    )


def _issue_context(issue: Issue, out_dir: Path) -> dict[str, Any]:
    """What every page of the issue shows of it, and the downloads that exist."""
    name = out_dir.name
    downloads = []
    for file_name, label, kind in (
        (f"{name}.epub", "电子书（EPUB）", "epub"),
        (f"{name}.mp3", "整期朗读（MP3）", "mp3"),
        (f"../{FEED_NAME}", "播客订阅（RSS）", "feed"),
    ):
        # The feed is written at the end of the run, after the pages: an issue read aloud as one
        # file is in it by then.
        exists = (out_dir / file_name).is_file() or (kind == "feed" and (out_dir / f"{name}.mp3").is_file())
        if exists:
            downloads.append({"href": url(file_name), "label": label, "kind": kind})
    return {
        "lang": LANGUAGE,
        "root": "../",
        "newspaper": issue.newspaper or "",
        "issue_title": issue.title,
        "issue_date": chinese_date(issue.date) if issue.date else None,
        "issue_date_iso": issue.date.isoformat() if issue.date else None,
        "issue_number": issue.number,
        "downloads": downloads,
        "derived_mark": DERIVED_MARK,
    }


def render_issue_site(
    issue: Issue, out_dir: Path, narration: Sequence[Any] | None, pinyin_style: str
) -> dict[str, str]:
    """Every page of the issue, by file name."""
    total = len(issue.articles)
    pinyin = PinyinReadings(pinyin_style)
    pinyin.prepare(
        ["".join(u.text for u in units) for article in issue.articles for units in article_blocks(article)]
    )
    audio = list(narration) if narration is not None else [None] * total
    entries = [
        _entry(article, article_page_name(n, total), pinyin, item.duration if item is not None else None)
        for n, (article, item) in enumerate(zip(issue.articles, audio, strict=True), start=1)
    ]
    context = _issue_context(issue, out_dir)
    listening = sum(e.duration or 0.0 for e in entries)
    pages = {
        ISSUE_PAGE: TEMPLATES.get_template("issue.html.j2").render(
            **context, title=issue.title, entries=entries, listening=listening,
            unplaced=issue.unplaced_headlines,
        )
    }
    for index, (article, entry, item) in enumerate(zip(issue.articles, entries, audio, strict=True)):
        pages[entry.page] = TEMPLATES.get_template("article.html.j2").render(
            **context,
            **article_pieces(article, pinyin),
            title=f"{entry.label} - {issue.title}",
            entry=entry,
            untitled=UNTITLED,
            previous=entries[index - 1] if index > 0 else None,
            next=entries[index + 1] if index + 1 < total else None,
            audio_href=url(item.path.relative_to(out_dir).as_posix()) if item is not None else None,
            timings=timings_json(item.timings) if item is not None else None,
        )
    return pages


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` atomically unless ``path`` already holds it (a re-run touches nothing)."""
    try:
        if path.read_text("utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    atomic_write_text(path, text)
    return True


def write_assets(root: Path) -> None:
    """The stylesheet and script at the top of the output folder."""
    for name in ASSETS:
        write_if_changed(root / name, (STATIC_DIR / name).read_text("utf-8"))


def write_issue_site(
    issue: Issue, out_dir: Path, *, narration: Sequence[Any] | None = None, pinyin_style: str | None = None
) -> list[Path]:
    """Write the issue's pages into ``out_dir`` (atomically) and return their paths.

    ``narration`` (one converter.audio.ArticleAudio per article) gives each
    page its player and read-along timings; ``pinyin_style`` the readings'
    style ("tone" when None).  Pages of articles the issue no longer has are
    removed; the EPUB, whole-issue MP3 and feed are linked when they exist.
    """
    out_dir = Path(out_dir)
    pages = render_issue_site(issue, out_dir, narration, pinyin_style or "tone")
    written = []
    for name, html in pages.items():
        atomic_write_text(out_dir / name, html)
        written.append(out_dir / name)
    _remove_stale_pages(out_dir, set(pages))
    write_assets(out_dir.parent)
    return written


def _remove_stale_pages(out_dir: Path, current: set[str]) -> None:
    """Article pages an earlier run wrote for articles the issue no longer has."""
    for path in out_dir.iterdir():
        if _ARTICLE_PAGE.match(path.name) and path.name not in current and path.is_file():
            try:
                path.unlink()
            except OSError as exc:
                raise OutputError(f"{path}: cannot remove the page of an earlier run ({exc.strerror})") from exc
