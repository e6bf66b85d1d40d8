"""Which issues the INPUT arguments name: page files, issue folders, collections of both.

The reader's side of a batch run: it only looks at names and kinds of files
(reader.py and review.py say what a page or review file is); reading the pages
is the reader's, converting them the run's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from converter.reader import PAGE_SUFFIXES, is_page_file, unreadable_entry
from converter.results import IssueResult


@dataclass(frozen=True)
class IssueInput:
    """One issue to convert: a page file, or a folder of page files."""

    name: str  # its folder name under the output folder
    path: Path
    shown_path: str | None = None  # the input as named where the run started, when converted elsewhere


def _issue_name(path: Path) -> str:
    """A safe folder name for the issue: the file's stem or the folder's name."""
    raw = _resolved(path).name if path.is_dir() else path.stem
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in raw).strip("._")
    return cleaned or "issue"


def _lone_review_file(path: Path) -> bool:
    """A review file (NAME.md) with no page file NAME.txt or NAME.pdf beside it: an issue of its own in a collection."""
    from converter.review import is_review_file

    return is_review_file(path) and not any(is_page_file(path.with_suffix(s)) for s in (".txt", ".pdf"))


def _resolved(path: Path) -> Path:
    """``path.resolve()``, or its absolute form when links loop (resolve raises then)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


class _Found:
    """The issues found so far, each under a folder name of its own, and the paths that failed."""

    def __init__(self) -> None:
        self.issues: list[IssueInput] = []
        self.failures: list[IssueResult] = []
        self._taken: set[str] = set()

    def add(self, path: Path) -> None:
        base = name = _issue_name(path)
        number = 1
        while name in self._taken:  # a/ and a.txt, or a second a-2.txt: never one folder for two issues
            number += 1
            name = f"{base}-{number}"
        self._taken.add(name)
        self.issues.append(IssueInput(name, path))

    def fail(self, path: Path, reason: str) -> None:
        self.failures.append(IssueResult(_issue_name(path), str(path), "failed", error=f"{path}: {reason}"))


def discover_issues(
    inputs: list[Path], output: Path | None = None
) -> tuple[list[IssueInput], list[IssueResult]]:
    """Expand INPUT arguments into issues.

    A page file is an issue; a folder holding page files and no sub-folders is
    one issue (its pages in name order); a folder holding sub-folders is a
    collection: each sub-folder, and each loose page file, is an issue of its
    own.  The ``output`` folder is never an issue, even inside a collection
    (``converter convert .`` with the default out/).  Paths that cannot be
    read become failures, the rest go on.
    """
    skip = output.resolve() if output is not None else None
    found = _Found()
    for path in inputs:
        reason = unreadable_entry(path)
        if reason is not None:
            found.fail(path, reason)
        elif not path.exists():
            found.fail(path, "no such file or folder")
        elif path.is_file():
            found.add(path)
        elif path.is_dir():
            _add_folder(path, skip, found)
        else:
            found.fail(path, "not a file or folder")
    return found.issues, found.failures


def _add_folder(path: Path, skip: Path | None, found: _Found) -> None:
    """An issue folder (page files only), or a collection (sub-folders and loose page files, each an issue)."""
    try:
        entries = sorted(e for e in path.iterdir() if not e.name.startswith("."))
    except OSError as exc:
        found.fail(path, f"cannot read this folder ({exc.strerror or exc})")
        return
    entries = [e for e in entries if _resolved(e) != skip]
    if not any(e.is_dir() for e in entries):
        found.add(path)
        return
    for entry in entries:
        if entry.is_dir() or is_page_file(entry) or _lone_review_file(entry):
            found.add(entry)
        elif (reason := unreadable_entry(entry)) and (entry.is_symlink() or entry.suffix.lower() in PAGE_SUFFIXES):
            found.fail(entry, reason)  # a link loop or a pipe among the issues: said, not skipped
