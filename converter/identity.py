"""Which issue this is: newspaper, date, number and the title every writer shows.

The clues, strongest first: ``issue.toml``, then ``converter.toml`` (or
``--newspaper``), then the file or folder name (``2020-02-12``,
``兴县报第1234期``), then the page header (``2018 年 1 月 3 日 星期三``).
When none of them names the issue, its title is made from its content: the
lead headline and the number of articles.  A machine file name
(``000_6f7615cd0b320972``) never becomes a title.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from converter.model import Issue, chinese_date
from converter.text import HAN_CLASS, PHRASE_BREAKS

# 2020-02-12, 20200212, 2020_2_12, 2020年2月12日 (spaces allowed, as page headers print it).
_DATE = re.compile(r"(?<!\d)(19\d\d|20\d\d)\s*[-_.年]?\s*(\d{1,2})\s*[-_.月]?\s*(\d{1,2})\s*日?(?!\d)")
# 第1234期, 第 1234 期, 总第5678期: the issue number as printed.
_NUMBER = re.compile(r"总?第\s*(\d+)\s*期")
# A newspaper's name: Han characters ending in 报 (兴县报, 人民日报, 吕梁日报).
_NEWSPAPER = re.compile(f"[{HAN_CLASS}]{{1,10}}报")
# A page header's page: 7 理论, 第3版 要闻, 03版.
_PAGE_IN_HEADER = re.compile(f"^(?:第\\s*(\\d{{1,3}})\\s*版|(\\d{{1,3}})\\s*版?)\\s*[{HAN_CLASS}]{{0,8}}$")
# Separators inside a file name.
_SEPARATORS = re.compile(r"[-_.\s]+")
# A lead headline longer than this is cut at its first pause inside a book title.
_MAX_LEAD = 24


@dataclass(frozen=True)
class NameClues:
    """What a file or folder name says of its issue; ``words`` is what is left when it means something."""

    date: dt.date | None = None
    number: str | None = None
    newspaper: str | None = None
    words: str | None = None


def find_date(text: str) -> dt.date | None:
    """The first real date written in ``text``.

    >>> [find_date(t) for t in ("xxb-20200212", "2018 年 1 月 3 日 星期三", "2020-02-30", "第1234期")]
    [datetime.date(2020, 2, 12), datetime.date(2018, 1, 3), None, None]
    """
    for match in _DATE.finditer(text):
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
    return None


def is_machine_token(token: str) -> bool:
    """A piece of a file name no reader could read: digits, or a hex or random run of 8+ characters.

    >>> [is_machine_token(t) for t in ("000", "6f7615cd0b320972", "page", "xingxianbao", "a1b2c3d4e5")]
    [True, True, False, False, True]
    """
    if token.isdigit():
        return True
    if len(token) >= 8 and re.fullmatch(r"[0-9a-fA-F]+", token):
        return True
    return len(token) >= 8 and bool(re.search(r"\d", token)) and bool(re.search(r"[A-Za-z]", token))


def clues_from_name(name: str) -> NameClues:
    """Date, number, newspaper and readable words of a file or folder name.

    >>> clues_from_name("兴县报第1234期")
    NameClues(date=None, number='第1234期', newspaper='兴县报', words=None)
    >>> clues_from_name("xingxianbao-2020-02-12")
    NameClues(date=datetime.date(2020, 2, 12), number=None, newspaper=None, words='xingxianbao')
    >>> clues_from_name("000_6f7615cd0b320972")
    NameClues(date=None, number=None, newspaper=None, words=None)
    """
    date = find_date(name)
    rest = _DATE.sub(" ", name) if date else name
    number_match = _NUMBER.search(rest)
    number = f"第{number_match.group(1)}期" if number_match else None
    rest = _NUMBER.sub(" ", rest)
    newspaper_match = _NEWSPAPER.search(rest)
    newspaper = newspaper_match.group(0) if newspaper_match else None
    if newspaper:
        rest = rest.replace(newspaper, " ")
    tokens = [t for t in _SEPARATORS.split(rest) if t and not is_machine_token(t)]
    return NameClues(date, number, newspaper, " ".join(tokens) or None)


def clues_from_header(lines: list[str]) -> tuple[dt.date | None, str | None, str | None]:
    """(date, issue number, page number) printed in a page header.

    >>> clues_from_header(["2018年1月3日星期三", "7理论"])
    (datetime.date(2018, 1, 3), None, '7')
    >>> clues_from_header(["第3版 要闻", "总第5678期"])
    (None, '第5678期', '3')
    """
    date = number = page = None
    for line in lines:
        date = date or find_date(line)
        found = _NUMBER.search(line)
        number = number or (f"第{found.group(1)}期" if found else None)
        page_match = _PAGE_IN_HEADER.match(line.strip())
        if page is None and page_match and not find_date(line):
            page = str(int(page_match.group(1) or page_match.group(2)))
    return date, number, page


def lead_headline(issue: Issue) -> str:
    """The headline that opens the issue, printed ones first; a very long one is cut at a pause, if it has one.

    >>> from converter.model import Article, Headline
    >>> lead_headline(Issue("", [Article(Headline("编者拟的", source="derived"), ["x"]),
    ...                          Article(Headline("兴县召开疫情设卡防控工作协调会"), ["y"])]))
    '兴县召开疫情设卡防控工作协调会'
    """
    printed = [a.headline for a in issue.articles if a.headline.title and a.headline.source == "page"]
    anything = [a.headline for a in issue.articles if a.headline.title]
    if not (printed or anything):
        return ""
    title = (printed or anything)[0].title
    first_clause = re.split(f"[{PHRASE_BREAKS} ]", title)[0]
    # Cut only where the headline itself pauses, never inside a word.
    return first_clause if len(title) > _MAX_LEAD and len(first_clause) >= 4 else title


def content_title(issue: Issue) -> str:
    """A title made from what the issue says: its lead headline and how many articles it has.

    >>> from converter.model import Article, Headline
    >>> content_title(Issue("", [Article(Headline("走进一线 送去温暖"), ["x"]), Article(Headline("b"), ["y"])]))
    '走进一线 送去温暖 等2篇'
    """
    lead = lead_headline(issue)
    count = len(issue.articles)
    if not lead:
        return f"{count}篇文章"
    return lead if count == 1 else f"{lead} 等{count}篇"


def issue_title(issue: Issue, name_words: str | None = None) -> str:
    """The title of the book, the manifest, the playlist: what names the issue, else its content.

    Newspaper (or the readable words of the file name), date and number;
    with neither date nor number, issues of one paper would share a title,
    so the content is added.
    """
    heading = issue.newspaper or name_words
    named = [part for part in (chinese_date(issue.date) if issue.date else None, issue.number) if part]
    if named:
        return " ".join([heading, *named] if heading else named)
    return f"{heading} · {content_title(issue)}" if heading else content_title(issue)
