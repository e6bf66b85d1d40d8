"""An issue's ``manifest.json``: what was made, from what, and every output's size and hash.

It is written last, after every output of the issue, so a run killed midway
leaves no manifest that vouches for half-written outputs; a re-run checks each
file against it whole (size, then SHA-256) before calling the issue up to date.
The archive page and the podcast feed are made from the manifests too.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import NotRequired, TypedDict, cast

from converter import __version__
from converter.atomic import atomic_write_text, file_sha256
from converter.model import DERIVED_MARK, DERIVED_REASON, ArticleDict, Issue, issue_to_dict

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 2  # 2: the whole-issue MP3 (issue_audio), levelled audio


class FileRecord(TypedDict):
    path: str  # under the issue's output folder
    sha256: str
    bytes: int
    kind: NotRequired[str]  # what the writer made (converter.writers.FileKind); manifests before it lack it


class ArticleAudioRecord(TypedDict):
    file: str
    duration: float
    engine: str  # the voice that read it: "edge" or "espeak"
    voice: str
    from_cache: bool


class ChapterRecord(TypedDict):
    title: str
    start: float
    end: float


class IssueAudioRecord(TypedDict):
    file: str
    duration: float
    chapters: list[ChapterRecord]


class ArticleRecord(TypedDict):
    index: int
    page: str | None
    pages: list[str]
    kicker: str | None
    title: str
    subtitle: str | None
    title_source: str
    title_note: NotRequired[str]
    byline: list[str]
    paragraphs: int
    characters: int
    text_sha256: str
    audio: NotRequired[ArticleAudioRecord]


class Manifest(TypedDict):
    format: int
    converter: str
    issue: str
    input: str
    input_hash: str
    title: str
    date: str | None
    newspaper: str | None
    number: str | None
    sources: list[str]
    options: dict[str, object]
    articles: list[ArticleRecord]
    unplaced_headlines: list[str]
    warnings: list[str]
    issue_audio: NotRequired[IssueAudioRecord]
    files: list[FileRecord]


def read_manifest(out_dir: Path) -> Manifest | None:
    """The issue's manifest as it was written, or None when there is none or it is damaged."""
    try:
        manifest = json.loads((out_dir / MANIFEST_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return cast(Manifest, manifest) if isinstance(manifest, dict) else None


def current_manifest(out_dir: Path, fingerprint: str) -> Manifest | None:
    """The manifest, when it was made from inputs with this ``fingerprint`` and every output it lists is whole."""
    manifest = read_manifest(out_dir)
    if manifest is None or manifest.get("format") != MANIFEST_FORMAT or manifest.get("input_hash") != fingerprint:
        return None
    for entry in manifest.get("files", []):
        if not output_is_whole(out_dir, entry):
            return None
    return manifest


def output_is_whole(out_dir: Path, entry: FileRecord) -> bool:
    """An output file is as the manifest recorded it: same size, then same hash (a file
    truncated, replaced or edited since is remade)."""
    try:
        path = out_dir / entry["path"]
        return path.stat().st_size == entry["bytes"] and path.is_file() and file_sha256(path) == entry["sha256"]
    except (OSError, KeyError, TypeError):
        return False


def file_record(out_dir: Path, path: Path, sha256: str, size: int, kind: str) -> FileRecord:
    """An output as its writer returned it (converter.writers.WrittenFile), its path under the issue's folder."""
    return {"path": str(path.relative_to(out_dir)), "sha256": sha256, "bytes": size, "kind": kind}


def article_record(index: int, article: ArticleDict, audio: ArticleAudioRecord | None) -> ArticleRecord:
    """What the manifest says of an article: its headline and pages, how long it is, its audio.

    >>> from converter.model import Article, Headline
    >>> from converter.model import article_to_dict
    >>> record = article_record(1, article_to_dict(Article(Headline("题"), ["一二", "三"], source="1.txt")), None)
    >>> record["page"], record["paragraphs"], record["characters"], "audio" in record
    ('1.txt', 2, 3, False)
    """
    paragraphs = article["paragraphs"]
    # Built as a plain dict for its keys' order (the note beside the title, the audio last), as always written.
    record = {
        "index": index,
        "page": article["page"],
        "pages": article["pages"],
        "kicker": article["kicker"],
        "title": article["title"],
        "subtitle": article["subtitle"],
        "title_source": article["title_source"],
        **({"title_note": f"{DERIVED_MARK}：{DERIVED_REASON}"} if article["title_source"] == "derived" else {}),
        "byline": article["byline"],
        "paragraphs": len(paragraphs),
        "characters": sum(len(p) for p in paragraphs),
        "text_sha256": hashlib.sha256("\n".join(paragraphs).encode()).hexdigest(),
        **({"audio": audio} if audio else {}),
    }
    return cast(ArticleRecord, record)


def write_manifest(out_dir: Path, manifest: Manifest) -> None:
    atomic_write_text(out_dir / MANIFEST_NAME, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")


def new_manifest(
    name: str, shown_input: str, fingerprint: str, issue: Issue, options: dict[str, object],
    audio: list[ArticleAudioRecord | None], files: list[FileRecord], issue_audio: IssueAudioRecord | None = None,
) -> Manifest:
    """The manifest of an issue: the issue as converter.model.issue_to_dict gives it, what was made, from what."""
    data = issue_to_dict(issue)
    head = {
        "format": MANIFEST_FORMAT,
        "converter": __version__,
        "issue": name,
        "input": shown_input,
        "input_hash": fingerprint,
        "title": data["title"],
        "date": data["date"],
        "newspaper": data["newspaper"],
        "number": data["number"],
        "sources": data["sources"],
        "options": options,
        "articles": [article_record(i, a, s) for i, (a, s) in enumerate(zip(data["articles"], audio), 1)],
        "unplaced_headlines": data["unplaced_headlines"],
        "warnings": data["warnings"],
    }
    # The files last, as they always were: a reader sees what the issue is before the list of its files.
    return cast(Manifest, {**head, **({"issue_audio": issue_audio} if issue_audio else {}), "files": files})
