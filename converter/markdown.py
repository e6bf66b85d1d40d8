"""The parsed issue as a review file in Markdown: read by people, and read back by converter/review.py.

An editor corrects what the parser got wrong in this file, and the file then
stands for the pages it came from (``converter convert page.md``, or NAME.md
beside NAME.txt in an issue folder).  Everything the structure needs is
written so that it is read back exactly:

    # 兴县报 2020年2月12日                  the issue's title
    <!-- sources: ["01.txt", "02.txt"] -->   the pages it covers
    <!-- date: 2020-02-12 -->                the issue's date, when known
    <!-- warning: … -->                      each warning of the parse
    <!-- page 01.txt -->                     the articles below start on this page
    *兴县工商联*                              kicker
    ## 1. 倡议全县非公经济人士…              title (the number is only for reading)
    **副题**                                 subtitle
    **本报讯** 当前新型冠状…                 dateline, then the first paragraph
    ### 小标题                               a subhead inside the article
    …站等地<!-- page 02.txt -->，详细了解…   where a continued article goes on on another page
    — 张明提、康东                            byline
    ## Headlines with no article             then one "- " line each

Other comments are notes for the editor (a title made from the lead, a page
without datelines); the reader skips them.  A text line that would read as a
mark starts with a backslash.
"""

from __future__ import annotations

import json

from converter.model import DERIVED_MARK, ArticleDict, Issue, issue_to_dict

UNPLACED_HEADING = "Headlines with no article"
DERIVED_NOTE = f"{DERIVED_MARK}: title made from the lead: the page printed none; correct it and delete this note"
_ABOUT = (
    "review file: correct the text and keep the marks; notes like this one are not text. "
    "`converter convert` reads this file back as it stands"
)
_UNPLACED_NOTE = (
    "printed on the page but given to no article (photo captions, features, or a headline "
    "the parser could not place): move a line to its article's ## line, or leave it"
)
_NO_DATELINE_NOTE = (
    "no dateline (本报讯…) on this page: articles were cut at their headlines; check where each starts and ends"
)
# What a line of text must not start with, lest it read as a mark.
_MARK_STARTS = ("#", "*", "—", "- ", "<!--", "\\")


def comment(text: str) -> str:
    """An HTML comment holding ``text`` (a ``-->`` inside it is broken up)."""
    return f"<!-- {text.replace('-->', '-- >')} -->"


def page_mark(page: str) -> str:
    return comment(f"page {page}")


def escaped(line: str) -> str:
    """A text line that would read as a mark gets a backslash: ``*注*`` → ``\\*注*``."""
    return "\\" + line if line.startswith(_MARK_STARTS) else line


def _with_turns(article: ArticleDict, number: int, paragraph: str) -> str:
    """A paragraph with a page mark where a continued article goes on on another page."""
    turns = [t for t in article["page_turns"] if t["paragraph"] == number]
    for turn in sorted(turns, key=lambda t: -t["offset"]):
        paragraph = paragraph[: turn["offset"]] + page_mark(turn["page"]) + paragraph[turn["offset"] :]
    return paragraph


def _article_lines(number: int, article: ArticleDict) -> list[str]:
    lines = [f"*{article['kicker']}*"] if article["kicker"] else []
    note = " " + comment(DERIVED_NOTE) if article["title_source"] == "derived" else ""
    lines += [f"## {number}. {article['title']}{note}", ""]
    if article["subtitle"]:
        lines += [f"**{article['subtitle']}**", ""]
    for index, paragraph in enumerate(article["paragraphs"]):
        text = _with_turns(article, index, paragraph)
        if index == 0 and article["dateline"]:
            lines += [f"**{article['dateline']}** {text}", ""]
        elif index in article["subheads"]:
            lines += [f"### {text}", ""]
        else:
            lines += [escaped(text), ""]
    if article["byline"]:
        lines += [f"— {'、'.join(article['byline'])}", ""]
    return lines


def issue_to_markdown(issue: Issue) -> str:
    """The review file of ``issue``, written from its plain-data form (converter/model.py)."""
    data = issue_to_dict(issue)
    sources = json.dumps(data["sources"], ensure_ascii=False)
    lines = [f"# {data['title']}", "", comment(_ABOUT), comment(f"sources: {sources}")]
    if data["date"]:
        lines.append(comment(f"date: {data['date']}"))
    lines += [comment(f"warning: {w}") for w in data["warnings"]] + [""]
    page = None
    for number, article in enumerate(data["articles"], 1):
        if article["page"] != page and article["page"] is not None:
            page = article["page"]
            lines += [page_mark(page), ""]
            if not any(a["dateline"] for a in data["articles"] if a["page"] == page):
                lines += [comment(_NO_DATELINE_NOTE), ""]
        lines += _article_lines(number, article)
    if data["unplaced_headlines"]:
        lines += [f"## {UNPLACED_HEADING}", comment(_UNPLACED_NOTE), ""]
        lines += [f"- {h}" for h in data["unplaced_headlines"]] + [""]
    return "\n".join(lines)
