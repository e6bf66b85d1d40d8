"""The podcast feed of an output folder: OUTDIR/feed.xml, one episode per issue.

RSS 2.0 with Apple's podcast namespace, as podcast apps read it: each issue's
chaptered MP3 is the episode's enclosure (with its byte length), its date the
issue's date, its description the list of its articles.  Newest first.  Built
from the issues' manifests, so issues converted in earlier runs stay in it.
Links are relative to the feed unless ``base_url`` says where OUTDIR is
published.  Nothing in it depends on the time of the run: the same output
folder gives the same feed.
"""

from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from converter.atomic import atomic_write_if_changed
from converter.manifest import MANIFEST_NAME, read_manifest
from converter.timecode import clock_parts

FEED_NAME = "feed.xml"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM = "http://www.w3.org/2005/Atom"
# Issues carry a date, not a time: 08:00 China time, the morning the paper is out, is
# still that date in UTC, where feed readers may show it.
PUBLISHED_AT = _dt.time(8, 0, tzinfo=_dt.timezone(_dt.timedelta(hours=8)))


@dataclass(frozen=True)
class Episode:
    """One issue as the feed lists it, read from its manifest."""

    folder: str  # the issue's folder under OUTDIR
    title: str
    date: _dt.date | None
    newspaper: str | None
    mp3: str  # path of the chaptered MP3 under OUTDIR
    bytes: int
    sha256: str
    duration: float
    articles: list[str]


def episode_from_manifest(folder: Path, manifest: Mapping[str, Any]) -> Episode | None:
    """The issue's episode, or None when it has no whole-issue MP3 (converted without audio)."""
    issue_audio = manifest.get("issue_audio")
    if not isinstance(issue_audio, dict):
        return None
    files = {entry.get("path"): entry for entry in manifest.get("files", []) if isinstance(entry, dict)}
    entry = files.get(issue_audio.get("file"))
    if entry is None or not (folder / entry["path"]).is_file():
        return None
    date = _dt.date.fromisoformat(manifest["date"]) if manifest.get("date") else None
    articles = [" ".join(p for p in (a.get("kicker"), a.get("title"), a.get("subtitle")) if p)
                for a in manifest.get("articles", [])]
    return Episode(folder.name, str(manifest.get("title") or folder.name), date, manifest.get("newspaper"),
                   f"{folder.name}/{entry['path']}", int(entry["bytes"]), str(entry["sha256"]),
                   float(issue_audio.get("duration", 0.0)), articles)


def collect_episodes(out_root: Path) -> list[Episode]:
    """Every issue under ``out_root`` with a whole-issue MP3, newest first (undated ones last, by name)."""
    episodes = []
    for manifest_path in sorted(Path(out_root).glob(f"*/{MANIFEST_NAME}")):
        manifest = read_manifest(manifest_path.parent)
        try:
            episode = episode_from_manifest(manifest_path.parent, manifest) if manifest is not None else None
        except (ValueError, KeyError, TypeError):
            episode = None  # a damaged manifest: that issue is redone by the next run, then listed
        if episode is not None:
            episodes.append(episode)
    dated = sorted((e for e in episodes if e.date), key=lambda e: (e.date, e.folder), reverse=True)
    return dated + sorted((e for e in episodes if not e.date), key=lambda e: e.folder)


def link(path: str, base_url: str | None) -> str:
    """A file under OUTDIR as the feed links it.

    >>> link("2020-02-12/2020-02-12.mp3", None)
    '2020-02-12/2020-02-12.mp3'
    >>> link("兴县报/兴县报.mp3", "https://example.org/audio")
    'https://example.org/audio/%E5%85%B4%E5%8E%BF%E6%8A%A5/%E5%85%B4%E5%8E%BF%E6%8A%A5.mp3'
    """
    quoted = quote(path)
    return f"{base_url.rstrip('/')}/{quoted}" if base_url else quoted


def itunes_duration(seconds: float) -> str:
    """H:MM:SS, as podcast apps read it.

    >>> itunes_duration(1834.6)
    '0:30:35'
    """
    hours, minutes, secs, _ = clock_parts(round(seconds))
    return f"{hours}:{minutes:02d}:{secs:02d}"


def feed_xml(episodes: list[Episode], *, title: str, base_url: str | None, author: str | None) -> bytes:
    """The RSS document."""
    ET.register_namespace("itunes", ITUNES)
    ET.register_namespace("atom", ATOM)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", title)
    _text(channel, "link", base_url or "./")
    _text(channel, "description", f"{title}：每期一集，按篇分章朗读全部文章。")
    _text(channel, "language", "zh-cn")
    if base_url:
        ET.SubElement(channel, f"{{{ATOM}}}link", {"href": link(FEED_NAME, base_url), "rel": "self",
                                                  "type": "application/rss+xml"})
    if episodes and episodes[0].date:
        _text(channel, "lastBuildDate", _rfc822(episodes[0].date))
    _text(channel, f"{{{ITUNES}}}author", author or title)
    ET.SubElement(channel, f"{{{ITUNES}}}category", {"text": "News"})
    _text(channel, f"{{{ITUNES}}}explicit", "false")
    _text(channel, f"{{{ITUNES}}}type", "episodic")
    for episode in episodes:
        item = ET.SubElement(channel, "item")
        _text(item, "title", episode.title)
        _text(item, "description", "\n".join(f"{n}. {t}" for n, t in enumerate(episode.articles, start=1)))
        ET.SubElement(item, "enclosure", {"url": link(episode.mp3, base_url), "length": str(episode.bytes),
                                          "type": "audio/mpeg"})
        _text(item, "guid", f"{episode.folder}-{episode.sha256[:16]}", isPermaLink="false")
        if episode.date:
            _text(item, "pubDate", _rfc822(episode.date))
        _text(item, f"{{{ITUNES}}}duration", itunes_duration(episode.duration))
        _text(item, f"{{{ITUNES}}}episodeType", "full")
    ET.indent(rss, space="  ")
    document: bytes = ET.tostring(rss, encoding="utf-8")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + document + b"\n"


def write_feed(out_root: Path, *, title: str | None = None, base_url: str | None = None) -> Path | None:
    """Write OUTDIR/feed.xml from every issue with a whole-issue MP3; None when there is none.

    The feed's title is ``title``, or the newspaper most issues name, or the
    output folder's name.
    """
    out_root = Path(out_root)
    episodes = collect_episodes(out_root)
    if not episodes:
        return None
    papers = Counter(e.newspaper for e in episodes if e.newspaper)
    paper = papers.most_common(1)[0][0] if papers else None
    name = title or paper or out_root.resolve().name
    path = out_root / FEED_NAME
    atomic_write_if_changed(path, feed_xml(episodes, title=name, base_url=base_url, author=paper))
    return path


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _rfc822(date: _dt.date) -> str:
    return format_datetime(_dt.datetime.combine(date, PUBLISHED_AT))
