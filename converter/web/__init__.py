"""The web edition: the output folder as a small accessible website for phones.

``write_issue_site`` writes an issue's pages beside its EPUB and audio (one
page per article with read-along audio, pinyin and larger type, and the
issue's list of articles); ``write_archive_index`` rebuilds the folder's
front page from every issue's manifest at the end of each run.
"""

from converter.web.archive import write_archive_index
from converter.web.pages import write_issue_site

__all__ = ["write_archive_index", "write_issue_site"]
