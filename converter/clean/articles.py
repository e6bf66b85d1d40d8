"""Split a page's printed lines into articles: by datelines where the page prints them, else by headings.

The rules live in their own modules: ``lines`` (line types), ``datelines``,
``authors`` (names under headlines and texts), ``headings`` (pages without
datelines); ``bylines`` reads the bracketed byline.  This module names what
the rest of the parser uses.
"""

from __future__ import annotations

from converter.clean.authors import author_names, is_author_name
from converter.clean.datelines import DATELINE, split_by_datelines, split_dateline
from converter.clean.headings import blanks_are_structure, split_by_headings
from converter.clean.lines import DASH_START, PAGE_HEADER, ArticleLines, PageLine, page_lines

__all__ = [
    "DASH_START",
    "DATELINE",
    "PAGE_HEADER",
    "ArticleLines",
    "PageLine",
    "author_names",
    "blanks_are_structure",
    "is_author_name",
    "page_lines",
    "split_by_datelines",
    "split_by_headings",
    "split_dateline",
]
