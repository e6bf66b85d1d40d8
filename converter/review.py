"""Reading a review file back: the Markdown of converter/markdown.py, as an editor corrected it.

A second reader into the same model: nothing is guessed, every line is what
its mark says (see the format in converter/markdown.py).  In an issue, a
review file stands for the pages it names (NAME.md beside NAME.txt, or one
file for the whole issue folder), so a correction is kept on every re-run.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from converter.errors import InputError
from converter.markdown import DERIVED_NOTE, UNPLACED_HEADING
from converter.model import Article, Headline, Issue, PageTurn
from converter.reader import read_text

REVIEW_SUFFIX = ".md"

_COMMENT = re.compile(r"<!--\s*(.*?)\s*-->")
_PAGE = re.compile(r"^page (.+)$")
_HEADING = re.compile(r"^##\s+(?:\d+\.\s+)?(.*)$")
_SUBHEAD = re.compile(r"^###\s+(.*)$")
_KICKER = re.compile(r"^\*(?!\*)(.+)\*$")
_SUBTITLE = re.compile(r"^\*\*(.+)\*\*$")
_DATELINE = re.compile(r"^\*\*(.+?)\*\*\s+(.*)$")


@dataclass
class _Reading:
    """The state of a reading: the issue so far, the page and article being read."""

    issue: Issue
    page: str | None = None
    article: Article | None = None
    kicker: str | None = None
    paragraph: list[str] = field(default_factory=list)  # lines of the paragraph being read
    subhead: bool = False  # the paragraph being read is a subhead
    unplaced: bool = False
    name: str = ""

    def fail(self, number: int, reason: str) -> InputError:
        return InputError(f"{self.name}:{number}: {reason}")


def _join(left: str, right: str) -> str:
    """Lines an editor wrapped inside a paragraph: joined, with a blank only between two Latin words."""
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return f"{left} {right}"
    return left + right


def _close_paragraph(state: _Reading) -> None:
    """Finish the paragraph being read: its page marks become page turns."""
    if not state.paragraph:
        return
    text = ""
    for line in state.paragraph:
        text = _join(text, line) if text else line
    state.paragraph = []
    article = state.article
    assert article is not None
    number = len(article.paragraphs)
    plain = ""
    position = 0
    for match in _COMMENT.finditer(text):
        plain += text[position : match.start()]
        position = match.end()
        page = _PAGE.match(match.group(1))
        if page:
            article.page_turns.append(PageTurn(page.group(1), number, len(plain)))
    plain += text[position:]
    if plain.strip():
        if state.subhead:
            article.subheads.append(number)
        article.paragraphs.append(plain.strip())
    state.subhead = False


def _heading(state: _Reading, text: str) -> None:
    _close_paragraph(state)
    derived = f"<!-- {DERIVED_NOTE} -->" in text
    title = _COMMENT.sub("", text).strip()
    if title == UNPLACED_HEADING:
        state.unplaced, state.article = True, None
        return
    state.unplaced = False
    source = "derived" if derived else "page"
    state.article = Article(Headline(title, state.kicker, source=source), [], source=state.page)  # type: ignore[arg-type]
    state.kicker = None
    state.issue.articles.append(state.article)


def _comment_line(state: _Reading, text: str) -> None:
    """A line that is a comment only: a page, the sources, a warning, or a note for the editor."""
    page = _PAGE.match(text)
    if page:
        _close_paragraph(state)
        state.page = page.group(1)
    elif text.startswith("sources:"):
        # An edited list of sources that no longer parses: the page marks still say where articles are.
        with contextlib.suppress(ValueError):
            state.issue.sources = [str(s) for s in json.loads(text.removeprefix("sources:"))]
    elif text.startswith("date: "):
        # An edited date that is no date: the file or folder name may still give one.
        with contextlib.suppress(ValueError):
            state.issue.date = _dt.date.fromisoformat(text.removeprefix("date: ").strip())
    elif text.startswith("warning: "):
        state.issue.warnings.append(text.removeprefix("warning: "))


def _text_line(state: _Reading, number: int, line: str) -> None:
    article = state.article
    if article is None:
        raise state.fail(number, "text outside any article (an article starts at a “## ” title line)")
    if not state.paragraph:
        if not article.paragraphs and not article.headline.subtitle and article.dateline is None:
            subtitle = _SUBTITLE.match(line)
            if subtitle:
                article.headline.subtitle = subtitle.group(1)
                return
        if not article.paragraphs and article.dateline is None:
            dateline = _DATELINE.match(line)
            if dateline:
                article.dateline, line = dateline.group(1), dateline.group(2)
        if line.startswith("— "):
            article.byline = [name for name in line[2:].split("、") if name.strip()]
            return
    state.paragraph.append(line.removeprefix("\\"))


def _read_line(state: _Reading, number: int, line: str) -> None:
    stripped = line.strip()
    if not stripped:
        _close_paragraph(state)
        return
    whole_comment = _COMMENT.fullmatch(stripped)
    if whole_comment:
        _comment_line(state, whole_comment.group(1))
        return
    heading = _HEADING.match(stripped)
    if heading:
        _heading(state, heading.group(1))
        return
    if state.unplaced:
        if stripped.startswith("- "):
            state.issue.unplaced_headlines.append(stripped[2:].strip())
            return
        raise state.fail(number, "only “- ” lines go under “## " + UNPLACED_HEADING + "”")
    subhead = _SUBHEAD.match(stripped)
    if subhead and state.article is not None:
        _close_paragraph(state)
        state.subhead = True
        state.paragraph.append(subhead.group(1))
        _close_paragraph(state)
        return
    kicker = _KICKER.match(stripped)
    if kicker and not state.paragraph:
        _close_paragraph(state)
        state.kicker = kicker.group(1)
        return
    _text_line(state, number, stripped)


def issue_from_markdown(text: str, name: str) -> Issue:
    """The issue a review file describes; ``name`` (its path) names it in errors.

    >>> review = "# 兴县报\\n<!-- page 1.txt -->\\n## 1. 标题\\n\\n**本报讯** 正文。\\n\\n— 张三"
    >>> issue = issue_from_markdown(review, "a.md")
    >>> article = issue.articles[0]
    >>> article.headline.title, article.dateline, article.paragraphs, article.byline
    ('标题', '本报讯', ['正文。'], ['张三'])
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not lines[first].startswith("# "):
        raise InputError(f"{name}: not a review file (it starts with a “# ” title line)")
    state = _Reading(Issue(title=lines[first][2:].strip(), articles=[]), name=name)
    for number, line in enumerate(lines[first + 1 :], first + 2):
        _read_line(state, number, line)
    _close_paragraph(state)
    if state.kicker is not None:
        raise state.fail(len(lines), f"the kicker “{state.kicker}” has no title line under it")
    for article in state.issue.articles:
        if not article.paragraphs:
            raise InputError(f"{name}: the article “{article.headline.title}” has no text")
    if not state.issue.articles:
        raise InputError(f"{name}: no article found (an article starts at a “## ” title line)")
    return state.issue


def read_review(path: Path) -> Issue:
    """The issue of one review file."""
    return issue_from_markdown(read_text(path), str(path))


def is_review_file(path: Path) -> bool:
    return path.suffix.lower() == REVIEW_SUFFIX and not path.name.startswith(".") and path.is_file()


def review_files(path: Path) -> list[Path]:
    """The review files of an input: itself, NAME.md beside a page file NAME.txt, or the *.md of an issue folder."""
    if path.is_file():
        if is_review_file(path):
            return [path]
        beside = path.with_suffix(REVIEW_SUFFIX)
        return [beside] if is_review_file(beside) and _written(beside) else []
    if path.is_dir():
        try:
            return sorted(p for p in path.iterdir() if is_review_file(p) and _written(p))
        except OSError as exc:
            raise InputError(f"{path}: cannot list the folder ({exc.strerror})") from exc
    return []


def _written(path: Path) -> bool:
    """Not empty: ``converter parse DIR > DIR/review.md`` makes the file before it is written."""
    return path.stat().st_size > 0


def covers(sources: list[str], file_name: str) -> bool:
    """Whether a review file naming ``sources`` stands for the page file ``file_name`` (all pages of a PDF).

    >>> covers(["01.txt"], "01.txt"), covers(["a.pdf p.1", "a.pdf p.2"], "a.pdf"), covers(["01.txt"], "02.txt")
    (True, True, False)
    """
    return file_name in sources or any(source.startswith(file_name + " p.") for source in sources)


def stale_warnings(reviews: list[Path], covered: dict[Path, list[str]]) -> list[str]:
    """A warning for each page file changed after the review file that stands for it was written."""
    warnings: list[str] = []
    for review in reviews:
        written = review.stat().st_mtime
        for source in covered[review]:
            page = review.parent / source.split(" p.")[0]
            if page != review and page.is_file() and page.stat().st_mtime > written:
                warnings.append(
                    f"{review.name}: {source} changed after this review file was written; "
                    "the review file is used: check it against the new page"
                )
    return warnings


def merge_reviews(issue: Issue, reviews: list[Issue], order: list[str]) -> None:
    """Put the reviewed pages' articles into ``issue`` (parsed from the other pages), in page order."""
    position = {name: index for index, name in enumerate(order)}
    for review in reviews:
        issue.articles.extend(review.articles)
        issue.unplaced_headlines.extend(review.unplaced_headlines)
    issue.warnings = [w for review in reviews for w in review.warnings] + issue.warnings
    issue.articles.sort(key=lambda a: position.get(a.source or "", len(order)))
    issue.sources = list(order)
