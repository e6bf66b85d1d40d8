"""The archive: OUTDIR/index.html, every issue newest first, rebuilt from the manifests.

It reads only what each issue's ``manifest.json`` says (title, date, articles
and their listening time), so it is rebuilt at the end of every run without
parsing or opening any issue, and lists the issues converted by earlier runs too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from converter.manifest import read_manifest
from converter.model import chinese_date
from converter.web.pages import FEED_NAME, ISSUE_PAGE, LANGUAGE, TEMPLATES, url, write_assets, write_if_changed

DEFAULT_HEADING = "报纸全文朗读版"


@dataclass(frozen=True)
class IssueSummary:
    """One line of the archive."""

    folder: str
    title: str
    date: dt.date | None
    newspaper: str | None
    articles: int
    listening: float  # seconds

    @property
    def href(self) -> str:
        return url(f"{self.folder}/{ISSUE_PAGE}")


def summary_from_manifest(folder: str, manifest: Mapping[str, Any]) -> IssueSummary:
    """An archive line from a manifest; a date it cannot read is left out, not fatal.

    >>> summary_from_manifest("a", {"title": "兴县报", "date": "2020-02-12",
    ...     "articles": [{"audio": {"duration": 60.5}}, {}]}).listening
    60.5
    """
    try:
        date = dt.date.fromisoformat(manifest["date"]) if manifest.get("date") else None
    except (TypeError, ValueError):
        date = None
    articles = manifest.get("articles") or []
    listening = sum(float((a.get("audio") or {}).get("duration") or 0.0) for a in articles if isinstance(a, dict))
    return IssueSummary(
        folder=folder,
        title=str(manifest.get("title") or folder),
        date=date,
        newspaper=manifest.get("newspaper") or None,
        articles=len(articles),
        listening=listening,
    )


def newest_first(issues: list[IssueSummary]) -> list[IssueSummary]:
    """Dated issues newest first, then the undated ones by folder name."""
    dated = sorted((i for i in issues if i.date), key=lambda i: (i.date, i.folder), reverse=True)
    undated = sorted((i for i in issues if not i.date), key=lambda i: i.folder)
    return dated + undated


def collect_issues(root: Path) -> list[IssueSummary]:
    """Every issue under ``root`` that has a manifest and web pages."""
    found = []
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if folder.name.startswith(".") or not (folder / ISSUE_PAGE).is_file():
            continue
        manifest = read_manifest(folder)
        if manifest is not None:
            found.append(summary_from_manifest(folder.name, manifest))
    return newest_first(found)


def write_archive_index(root: Path) -> Path:
    """Rebuild ``root/index.html`` (and the shared stylesheet and script) from the manifests;
    a file already as it should be is left untouched."""
    root = Path(root)
    issues = collect_issues(root)
    newspapers = {i.newspaper for i in issues}
    heading = next(iter(newspapers)) if len(newspapers) == 1 and None not in newspapers else DEFAULT_HEADING
    html = TEMPLATES.get_template("archive.html.j2").render(
        lang=LANGUAGE,
        root="",
        title=heading,
        heading=heading,
        issues=[
            {
                "href": i.href,
                "title": i.title,
                "date": chinese_date(i.date) if i.date and chinese_date(i.date) not in i.title else None,
                "date_iso": i.date.isoformat() if i.date else None,
                "articles": i.articles,
                "listening": i.listening,
            }
            for i in issues
        ],
        feed=FEED_NAME if (root / FEED_NAME).is_file() else None,
    )
    write_assets(root)
    write_if_changed(root / ISSUE_PAGE, html)
    return root / ISSUE_PAGE
