"""Page text → Issue: spacing, articles, paragraphs, bylines and headlines.

``parse_pages`` works on texts already read; ``parse_issue`` reads a page
file or a folder of pages first.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from converter.clean.articles import ArticleLines, page_lines, split_by_datelines, split_by_headings, split_dateline
from converter.clean.furniture import drop_repeated_lines, join_broken_lines, split_figure_notes, split_page_header
from converter.clean.headlines import Fragment, derive_title, place_headlines, split_fragments
from converter.clean.paragraphs import join_paragraphs
from converter.clean.spacing import HAN
from converter.errors import InputError
from converter.identity import clues_from_header, clues_from_name, issue_title
from converter.model import Article, Headline, Issue
from converter.reader import page_files, read_text

__all__ = ["parse_issue", "parse_pages"]


def _paragraphs(article: ArticleLines) -> list[str]:
    """Join the article's lines; a subhead line is a paragraph of its own."""
    paragraphs: list[str] = []
    run: list[str] = []
    for line in article.lines:
        if line.standalone:
            paragraphs += join_paragraphs(run) + [line.text]
            run = []
        else:
            run.append(line.text)
    return paragraphs + join_paragraphs(run)


def _signed_headline(headings: list[str]) -> tuple[Headline | None, list[str]]:
    """A signed essay's headline from the lines above its author: the longest is the title.

    The line just above the title is its kicker, the lines below are its
    subtitle; lines further up (page header, series banner) are returned apart.
    """
    if not headings:
        return None, []
    title_at = max(range(len(headings)), key=lambda i: len(HAN.findall(headings[i])))
    kicker = headings[title_at - 1] if title_at > 0 else None
    subtitle = "".join(headings[title_at + 1 :]) or None
    apart = headings[: max(0, title_at - 1)]
    return Headline(title=headings[title_at], kicker=kicker, subtitle=subtitle), apart


def _page_articles(name: str, text: str, issue: Issue) -> list[Article]:
    lines = page_lines(name, text)
    if not lines:
        issue.warnings.append(f"{name}: the page holds no text")
        return []
    lines, repeated = drop_repeated_lines(join_broken_lines(lines))
    lines, header = split_page_header(lines)
    lines, notes = split_figure_notes(lines, "".join(line.text for line in lines))
    issue.warnings.extend(f"{name}: page header: {line}" for line in header)
    _note_page_header(name, header, issue)
    issue.warnings.extend(f"{name}: “{line}” is printed twice in the page text; one copy kept" for line in repeated)
    issue.unplaced_headlines.extend(notes)
    by_dateline = split_by_datelines(lines)
    if by_dateline is None:
        drafts, outside = split_by_headings(lines)
        issue.warnings.append(f"{name}: no dateline (本报讯…) found; articles were cut at their headlines")
    else:
        drafts, outside = by_dateline

    articles: list[Article] = []
    for draft in drafts:
        paragraphs = _paragraphs(draft)
        dateline = None
        if paragraphs:
            dateline, first = split_dateline(paragraphs[0])
            paragraphs = ([first] if first else []) + paragraphs[1:]
        headline, apart = _signed_headline(draft.headings)
        issue.unplaced_headlines.extend(apart)
        if not paragraphs:
            if headline is not None:
                issue.unplaced_headlines.extend(headline.parts)
            issue.unplaced_headlines.extend(draft.byline)
            continue
        articles.append(
            Article(
                headline=headline or Headline(title=""),
                paragraphs=paragraphs,
                dateline=dateline,
                byline=draft.byline,
                source=name,
            )
        )

    fragments: list[Fragment] = split_fragments(outside)
    untitled = [i for i, a in enumerate(articles) if not a.headline.title]
    texts = ["".join(articles[i].paragraphs) for i in untitled]
    placement = place_headlines(fragments, texts)
    for position, headline in placement.headlines.items():
        articles[untitled[position]].headline = headline
    issue.unplaced_headlines.extend(placement.unplaced)
    issue.warnings.extend(placement.warnings)
    for article in articles:
        if not article.headline.title:
            article.headline = Headline(title=derive_title(article.paragraphs), source="derived")
    return articles


def _note_page_header(name: str, header: list[str], issue: Issue) -> None:
    """The issue's date and number, and the page's number, when the page header prints them."""
    date, number, page = clues_from_header(header)
    issue.date = issue.date or date
    issue.number = issue.number or number
    if page:
        issue.printed_pages[name] = page


def parse_pages(pages: list[tuple[str, str]], title: str | None = None, label: str | None = None) -> Issue:
    """Parse (page name, page text) pairs into one Issue.

    Raises InputError when no page yields an article, naming ``label`` (the
    file or folder the pages came from) or else the pages.
    """
    issue = Issue(title=title or (pages[0][0] if pages else "issue"), articles=[])
    issue.sources = [name for name, _ in pages]
    no_chinese: list[str] = []
    for name, text in pages:
        # A page without a single Han character is not a page of this paper
        # (a mis-filed file, an extraction that failed): nothing to read.
        if not HAN.search(text):
            no_chinese.append(name)
            continue
        issue.articles.extend(_page_articles(name, text, issue))
    if not issue.articles:
        names = label or ", ".join(issue.sources) or "input"
        reason = "no Chinese text on the page" if no_chinese else "no body text on the page"
        raise InputError(f"{names}: no article found ({reason})")
    issue.warnings.extend(f"{name}: no Chinese text on this page; it was left out" for name in no_chinese)
    return issue


def parse_issue(path: Path) -> Issue:
    """Parse a page file, or a folder of page files forming one issue."""
    files = page_files(path)
    pages = [(file.name, read_text(file)) for file in files]
    name = path.stem if path.is_file() else path.resolve().name  # "." names the folder it is
    clues = clues_from_name(name)
    issue = parse_pages(pages, name, label=str(path))
    # The name outranks the page header: it is what the archive filed the issue as.
    issue.date = clues.date or issue.date
    issue.number = clues.number or issue.number
    issue.newspaper = clues.newspaper
    issue.name_words = clues.words
    issue.modified = _last_change(files)
    issue.title = issue_title(issue, clues.words)
    return issue


def _last_change(files: list[Path]) -> _dt.datetime | None:
    """When the newest page file was last changed, to the second, in UTC."""
    try:
        newest = max(int(file.stat().st_mtime) for file in files)
    except (OSError, ValueError):
        return None
    return _dt.datetime.fromtimestamp(newest, _dt.UTC)
