"""Page text → Issue: spacing, articles, paragraphs, bylines and headlines.

``parse_pages`` works on texts already read; ``parse_issue`` reads a page
file or a folder of pages first.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from converter.clean.anchors import cut_points, unclaimed
from converter.clean.articles import ArticleLines, page_lines, split_by_datelines, split_by_headings, split_dateline
from converter.clean.bigrams import paragraph_grams
from converter.clean.broken_titles import join_broken_titles
from converter.clean.column_names import names_a_column
from converter.clean.continuations import finish_continuations, join_continuations
from converter.clean.furniture import drop_repeated_lines, join_broken_lines, split_figure_notes, split_page_header
from converter.clean.headlines import (
    WHOLE_PAGE,
    Fragment,
    derive_title,
    give_left_over,
    headline_zones,
    place_headlines,
    split_fragments,
)
from converter.clean.overlong import cut_overlong_lines
from converter.clean.paragraphs import ends_sentence, join_paragraphs, joined_and_narrowing
from converter.clean.second_story import cut_second_stories, cut_two_titles, rejoin_couplet_halves
from converter.clean.spacing import HAN, close_cjk_gaps
from converter.clean.stacked import (
    displaced,
    headline_at,
    headlines_above,
    place_displaced,
    stacked_headline,
    without_page_headers,
)
from converter.errors import InputError
from converter.identity import clues_from_header, clues_from_name, issue_title
from converter.model import Article, Headline, Issue
from converter.pdf import PdfPages, read_pdf
from converter.reader import is_page_file, is_pdf, page_files, read_text

__all__ = ["parse_issue", "parse_pages"]

# Which untitled article (index into the texts) each headline line heads: lines, texts → {line: article}.
Placing = Callable[[list[str], list[str]], dict[int, int]]


def _paragraphs(article: ArticleLines) -> tuple[list[str], list[int], set[int]]:
    """Join the article's lines; a subhead line is a paragraph of its own, listed as a subhead.

    Also the paragraphs that open where the column narrows (see narrowing_starts).
    """
    paragraphs: list[str] = []
    subheads: list[int] = []
    narrowing: set[int] = set()
    run: list[str] = []
    for line in [*article.lines, None]:
        if line is None or line.standalone:
            joined, narrows = joined_and_narrowing(run)
            narrowing |= {len(paragraphs) + number for number in narrows}
            paragraphs += joined
            if line is not None:
                subheads.append(len(paragraphs))
                paragraphs.append(line.text)
            run = []
        else:
            run.append(line.text)
    return paragraphs, subheads, narrowing


def _signed_headline(headings: list[str]) -> tuple[Headline | None, list[str]]:
    """A signed essay's headline from the lines above its author: the longest is the title.

    The line just above the title is its kicker, the lines below are its
    subtitle; lines further up (page header, series banner) are returned apart.
    """
    if not headings:
        return None, []
    return headline_at(headings, max(range(len(headings)), key=lambda i: len(HAN.findall(headings[i]))))


def _page_articles(name: str, text: str, issue: Issue) -> list[Article]:
    lines = page_lines(name, cut_overlong_lines(name, text, issue.warnings))
    if not lines:
        issue.warnings.append(f"{name}: the page holds no text")
        return []
    lines, repeated = drop_repeated_lines(join_broken_lines(lines))
    lines, header = split_page_header(lines)
    lines, notes = split_figure_notes(lines, "".join(line.text for line in lines))
    issue.warnings.extend(f"{name}: page header: {line}" for line in header)
    _note_page_header(name, header, issue)
    issue.warnings.extend(f"{name}: “{line}” is printed twice in the page text; one copy kept" for line in repeated)
    issue.warnings.extend(f"{name}: page furniture (figure note): {line}" for line in notes)
    by_dateline = split_by_datelines(lines)
    if by_dateline is None:
        drafts, outside = split_by_headings(lines)
        issue.warnings.append(f"{name}: no dateline (本报讯…) found; articles were cut at their headlines")
    else:
        drafts, outside = by_dateline
    stacked = by_dateline is None and headlines_above(outside)
    articles, starts, displaced_lines, narrowings = _draft_articles(name, drafts, issue, stacked)
    fragments: list[Fragment] = split_fragments(outside)
    # A column's name (新春走基层·新年味) names no story: it says nothing of where one begins.
    anchors = [f.text for f in fragments if not f.stray and not names_a_column(f.text)]
    articles, starts = _cut_run_together(articles, starts, anchors, narrowings)
    untitled = [i for i, a in enumerate(articles) if not a.headline.title]
    # Each run of headlines: its articles, the lines left over, and those of them printed in a shadowed font.
    zones: list[tuple[list[Article], list[str], frozenset[str]]] = []
    for zone_fragments, zone_articles in headline_zones(fragments, [starts[i] for i in untitled]):
        texts = ["".join(articles[untitled[i]].paragraphs) for i in zone_articles]
        placement = place_headlines(zone_fragments, texts)
        for position, headline in placement.headlines.items():
            articles[untitled[zone_articles[position]]].headline = headline
        text_articles, unplaced = _text_as_articles(placement.unplaced, name)
        articles.extend(text_articles)
        printed = [fragment.text for fragment in zone_fragments if not fragment.stray]
        zone = rejoin_couplet_halves(articles, [articles[untitled[i]] for i in zone_articles], printed)
        zones.append((zone, unplaced, placement.shadowed))
        issue.warnings.extend(placement.warnings)
    for zone, unplaced, shadowed in zones:
        left = cut_second_stories(articles, zone, unplaced, shadowed)
        cut_two_titles(articles, zone)
        issue.unplaced_headlines += _give_lines(left, zone, partial(give_left_over, shadowed=shadowed))
    _place_displaced(displaced_lines, articles, issue)
    for article in articles:
        if not article.headline.title:
            article.headline = Headline(title=derive_title(article.paragraphs), source="derived")
    return articles


def _place_displaced(lines: list[str], articles: list[Article], issue: Issue) -> None:
    """Headlines stacked over another article's headline, placed on the untitled articles they name."""
    issue.unplaced_headlines.extend(_give_lines(lines, articles, place_displaced))


def _give_lines(lines: list[str], articles: list[Article], place: Placing) -> list[str]:
    """Headline lines given to the untitled ``articles`` as ``place`` says (line → article); returns the rest."""
    untitled = [article for article in articles if not article.headline.title]
    given = place(lines, ["".join(article.paragraphs) for article in untitled])
    for line, article in given.items():
        untitled[article].headline = Headline(title=lines[line])
    return [line for number, line in enumerate(lines) if number not in given]


def _draft_articles(
    name: str, drafts: list[ArticleLines], issue: Issue, stacked: bool = False
) -> tuple[list[Article], list[int], list[str], list[set[int]]]:
    """Articles from their lines (paragraphs joined, dateline split off), and the page line each starts on.

    On a page whose headlines stand over their articles (``stacked``) a
    headline block is read top to bottom (see stacked.py); other articles'
    headlines stacked over it are returned, to be placed by their words.
    """
    displaced_lines: list[str] = []
    articles: list[Article] = []
    starts: list[int] = []
    narrowings: list[set[int]] = []
    for draft in drafts:
        paragraphs, subheads, narrowing = _paragraphs(draft)
        dateline = None
        if paragraphs and 0 not in subheads:
            dateline, first = split_dateline(paragraphs[0])
            if not first:  # the first paragraph was the dateline alone
                subheads = [i - 1 for i in subheads]
                narrowing = {i - 1 for i in narrowing}
            paragraphs = ([first] if first else []) + paragraphs[1:]
        if stacked:
            headings, header = without_page_headers(draft.printed_headings or draft.headings)
            issue.warnings.extend(f"{name}: page header: {line}" for line in header)
            headline, apart = stacked_headline(headings)
            if displaced(apart):
                displaced_lines.extend(apart)
                apart = []
        else:
            headline, apart = _signed_headline(draft.headings)
        issue.unplaced_headlines.extend(apart)
        if not paragraphs:
            if headline is not None:
                issue.unplaced_headlines.extend(headline.parts)
            issue.unplaced_headlines.extend(draft.byline)
            continue
        starts.append(min((line.index for line in draft.lines if line.index >= 0), default=-1))
        narrowings.append(narrowing)
        articles.append(
            Article(
                headline=headline or Headline(title=""),
                paragraphs=paragraphs,
                dateline=dateline,
                byline=draft.byline,
                source=name,
                subheads=subheads,
            )
        )
    return articles, starts, displaced_lines, narrowings


# An unplaced "headline" longer than this, or ending like a clause, is text that lost its article.
_HEADLINE_MAX = 40
_CLAUSE_END = ("，", ",", "、", "；", "：")


def is_text_line(line: str) -> bool:
    """A line no headline can be: longer than a headline, or ending in the middle of a sentence.

    >>> is_text_line("兴县召开疫情设卡防控工作协调会"), is_text_line("汛期来临，怀宁县腊树镇扎实做好防汛抗旱各项工作，")
    (False, True)
    """
    text = close_cjk_gaps(line)
    return len(text) > _HEADLINE_MAX or text.endswith(_CLAUSE_END)


def _text_as_articles(unplaced: list[str], name: str) -> tuple[list[Article], list[str]]:
    """Runs of unplaced lines that are text become articles with derived titles; the rest stay unplaced."""
    articles: list[Article] = []
    kept: list[str] = []
    run: list[str] = []
    for position, line in enumerate(unplaced + [""]):
        # A line that ends a sentence right after text lines is the text's last line.
        if line and (is_text_line(line) or (run and ends_sentence(close_cjk_gaps(line)))):
            run.append(close_cjk_gaps(line))
            continue
        if run:
            paragraphs = join_paragraphs(run)
            articles.append(Article(Headline(derive_title(paragraphs), source="derived"), paragraphs, source=name))
            run = []
        if position < len(unplaced):
            kept.append(line)
    return articles, kept


def _cut_run_together(
    articles: list[Article], starts: list[int], headlines: list[str], narrowings: list[set[int]]
) -> tuple[list[Article], list[int]]:
    """Articles with no dateline or byline between them, cut where the printed headlines say (see anchors.py)."""
    if len(articles) > WHOLE_PAGE:
        return articles, starts
    cut: list[Article] = []
    cut_starts: list[int] = []
    grams = [paragraph_grams(article.paragraphs) for article in articles]
    headlines = join_broken_titles(headlines, "".join(p for article in articles for p in article.paragraphs))
    anchors = unclaimed(headlines, grams)
    for article, start, own, article_grams, narrowing in zip(articles, starts, anchors, grams, narrowings):
        points = (
            []
            if article.headline.title
            else cut_points(article.paragraphs, own, article_grams, open_start=True, narrowing=narrowing)
        )
        bounds = [0, *points, len(article.paragraphs)]
        for number, (begin, end) in enumerate(zip(bounds, bounds[1:])):
            first, last = number == 0, end == len(article.paragraphs)
            cut.append(
                Article(
                    headline=article.headline if first else Headline(title=""),
                    paragraphs=article.paragraphs[begin:end],
                    dateline=article.dateline if first else None,
                    byline=article.byline if last else [],
                    source=article.source,
                )
            )
            cut_starts.append(start)
    return cut, cut_starts


def _note_page_header(name: str, header: list[str], issue: Issue) -> None:
    """The issue's date and number, and the page's number, when the page header prints them."""
    date, number, page = clues_from_header(header)
    issue.date = issue.date or date
    issue.number = issue.number or number
    if page:
        issue.printed_pages[name] = page


def _pdf_articles(pages: PdfPages, issue: Issue) -> list[Article]:
    """A PDF's articles as they come from its layout; one without a printed headline gets one made."""
    issue.unplaced_headlines.extend(pages.unplaced)
    issue.warnings.extend(pages.warnings)
    for article in pages.articles:
        if not article.headline.title:
            article.headline = Headline(title=derive_title(article.paragraphs), source="derived")
    return pages.articles


def parse_pages(
    pages: list[tuple[str, str] | PdfPages], title: str | None = None, label: str | None = None
) -> Issue:
    """Parse pages into one Issue: (page name, page text) pairs, or what a PDF gave.

    Raises InputError when no page yields an article, naming ``label`` (the
    file or folder the pages came from) or else the pages.
    """
    names = [name for page in pages for name in (page.page_names if isinstance(page, PdfPages) else [page[0]])]
    issue = Issue(title=title or (names[0] if names else "issue"), articles=[])
    issue.sources = names
    no_chinese: list[str] = []
    # Continued articles are joined across the text pages before each page is parsed.
    joined, continued = join_continuations([page for page in pages if not isinstance(page, PdfPages)])
    texts = dict(joined)
    for page in pages:
        if isinstance(page, PdfPages):
            issue.articles.extend(_pdf_articles(page, issue))
            continue
        name, text = page[0], texts[page[0]]
        issue.articles.extend(continued.orphans.get(name, []))
        if name in continued.emptied:
            continue  # all of its text continues articles of other pages
        # A page without a single Han character is not a page of this paper
        # (a mis-filed file, an extraction that failed): nothing to read.
        if not HAN.search(text):
            no_chinese.append(name)
            continue
        issue.articles.extend(_page_articles(name, text, issue))
    finish_continuations(issue, continued)
    if not issue.articles:
        label = label or ", ".join(issue.sources) or "input"
        reason = "no Chinese text on the page" if no_chinese else "no body text on the page"
        raise InputError(f"{label}: no article found ({reason})")
    issue.warnings.extend(f"{name}: no Chinese text on this page; it was left out" for name in no_chinese)
    return issue


def parse_issue(path: Path) -> Issue:
    """Parse a page file, or a folder of page files forming one issue.

    A review file (``converter parse --format markdown`` as an editor
    corrected it) is read as it stands, and stands for the pages it names:
    NAME.md beside NAME.txt (or NAME.pdf) wins over it, in a folder as for a single page.
    """
    from converter.review import covers, is_review_file, merge_reviews, read_review, review_files, stale_warnings

    name = path.stem if path.is_file() else path.resolve().name  # "." names the folder it is
    clues = clues_from_name(name)
    if is_review_file(path):
        issue = read_review(path)
        issue.date = issue.date or clues.date
        return issue
    reviewed = {review: read_review(review) for review in review_files(path)}
    covered = {review: issue.sources for review, issue in reviewed.items()}
    files: list[Path] = []
    if path.is_file() or not reviewed or any(is_page_file(p) for p in path.iterdir()):
        files = page_files(path)
    left = [file for file in files if not any(covers(sources, file.name) for sources in covered.values())]
    pages: list[tuple[str, str] | PdfPages] = [
        read_pdf(file) if is_pdf(file) else (file.name, read_text(file)) for file in left
    ]
    issue = parse_pages(pages, name, label=str(path)) if pages else Issue(name, [])
    if reviewed:
        order = sorted({*issue.sources, *(s for sources in covered.values() for s in sources)}, key=_page_order)
        merge_reviews(issue, list(reviewed.values()), order)
        issue.warnings.extend(stale_warnings(list(reviewed), covered))
    if not issue.articles:
        raise InputError(f"{path}: no article found")
    # The name outranks a page header (a PDF's, a text page's): it is what the archive filed the issue as.
    pdf_date = next((p.date for p in pages if isinstance(p, PdfPages) and p.date), None)
    review_date = next((review.date for review in reviewed.values() if review.date), None)
    issue.date = clues.date or pdf_date or issue.date or review_date
    issue.number = clues.number or issue.number
    issue.newspaper = clues.newspaper
    issue.name_words = clues.words
    issue.modified = _last_change([*files, *reviewed])
    issue.title = issue_title(issue, clues.words)
    return issue


def _last_change(files: list[Path]) -> _dt.datetime | None:
    """When the newest page file was last changed, to the second, in UTC."""
    try:
        newest = max(int(file.stat().st_mtime) for file in files)
    except (OSError, ValueError):
        return None
    return _dt.datetime.fromtimestamp(newest, _dt.UTC)


def _page_order(name: str) -> list[object]:
    """Page names in the order of a folder's pages: page2 before page10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]
