"""What a listener gets from a converted archive: the chaptered issue MP3, tags, levels and
silences as ffmpeg measures them, and the podcast feed as feedparser reads it.

One archive of three issues (two dated, one not) is converted once, for real, with the offline voice.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import struct
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import feedparser
import miniaudio
import numpy as np
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from converter.audio.engines import AudioOptions
from converter.audio.issue_file import INTRO_CHAPTER, intro_text, write_issue_file
from converter.audio.narration import write_issue_audio
from converter.batch import apply_metadata, run_batch
from converter.clean import parse_issue
from converter.config import IssueMeta, Settings
from converter.errors import InputError
from converter.feed import write_feed
from converter.progress import LineReporter
from tests.pagemaker import FLOOD, MARKET, SCHOOL, make_page

pytestmark = pytest.mark.slow

BASE_URL = "https://example.org/兴县报/audio/"


def label(article) -> str:
    return " ".join(p for p in (article.kicker, article.title) if p)


@dataclass
class Archive:
    root: Path
    out: Path


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    root = tmp_path_factory.mktemp("archive")
    pages = {"2024-06-05": [FLOOD, SCHOOL], "2024-06-12": [MARKET], "extra": [SCHOOL]}
    for name, articles in pages.items():
        (root / name).mkdir()
        (root / name / "page1.txt").write_text(make_page(articles), encoding="utf-8")
    (root / "2024-06-05" / "issue.toml").write_text('date = 2024-06-05\nnumber = "第1234期"\n', encoding="utf-8")
    (root / "2024-06-12" / "issue.toml").write_text("date = 2024-06-12\n", encoding="utf-8")
    out = root.parent / (root.name + "-out")
    settings = Settings(output=out, engine="espeak", jobs=2, newspaper="兴县报", base_url=BASE_URL)
    results = run_batch([root], settings, LineReporter(quiet=True))
    assert [r.status for r in results] == ["converted"] * 3, [r.error for r in results]
    return Archive(root, out)


def ffmpeg_filters(path: Path, filters: str) -> str:
    done = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af", filters, "-f", "null", "-"],
                          capture_output=True, text=True, check=True)
    return done.stderr


def decoded(path: Path) -> tuple[np.ndarray, int]:
    sound = miniaudio.decode(path.read_bytes(), output_format=miniaudio.SampleFormat.FLOAT32, nchannels=1)
    return np.asarray(sound.samples, dtype=np.float32), sound.sample_rate


def all_mp3s(archive: Archive) -> list[Path]:
    return sorted(archive.out.glob("*/*.mp3")) + sorted(archive.out.glob("*/audio/*.mp3"))


# ---------------------------------------------------------------- the issue MP3


def test_the_issue_is_one_chaptered_mp3_beside_its_epub(archive: Archive) -> None:
    folder = archive.out / "2024-06-05"
    path = folder / "2024-06-05.mp3"
    assert (folder / "2024-06-05.epub").is_file()
    tags = ID3(path)
    assert tags.version == (2, 4, 0)
    [toc] = tags.getall("CTOC")
    chapters = [tags[f"CHAP:{element}"] for element in toc.child_element_ids]
    assert toc.flags & 3 == 3  # top level, ordered
    assert [str(c.sub_frames["TIT2"]) for c in chapters] == [INTRO_CHAPTER, label(FLOOD), label(SCHOOL)]
    assert chapters[0].start_time == 0
    assert all(a.end_time == b.start_time for a, b in zip(chapters, chapters[1:]))
    length = MP3(path).info.length
    assert chapters[-1].end_time / 1000 == pytest.approx(length, abs=0.05)
    # Each article chapter is its announcement and the article's own file, whole.
    articles = sorted((folder / "audio").glob("*.mp3"))
    for chapter, article in zip(chapters[1:], articles, strict=True):
        assert 0.8 < (chapter.end_time - chapter.start_time) / 1000 - MP3(article).info.length < 3.5
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["issue_audio"]["file"] == "2024-06-05.mp3"
    assert [c["title"] for c in manifest["issue_audio"]["chapters"]] == [INTRO_CHAPTER, label(FLOOD), label(SCHOOL)]
    assert "2024-06-05.mp3" in [f["path"] for f in manifest["files"]]


def test_chapters_start_in_silence_after_an_intro(archive: Archive) -> None:
    path = archive.out / "2024-06-05" / "2024-06-05.mp3"
    samples, rate = decoded(path)
    speech = float(np.sqrt(np.mean(samples**2)))
    tags = ID3(path)
    starts = [tags[f"CHAP:{e}"].start_time / 1000 for e in tags.getall("CTOC")[0].child_element_ids]
    for start in starts[1:]:
        around = samples[round((start - 0.3) * rate) : round((start + 0.3) * rate)]
        assert np.sqrt(np.mean(around**2)) < 0.01 * speech
    intro = samples[: round(starts[1] * rate)]
    assert 3.0 < starts[1] < 15.0 and np.sqrt(np.mean(intro**2)) > 0.3 * speech  # the intro is spoken


def test_intro_names_paper_date_number_and_count() -> None:
    from converter.model import Issue

    issue = Issue("x", [None, None])  # type: ignore[list-item]
    apply_metadata(issue, IssueMeta(date=dt.date(2024, 6, 5), number="第1234期"), Settings(newspaper="兴县报"))
    assert intro_text(issue) == "兴县报，2024年6月5日，第1234期。本期共2篇文章。"


def test_every_mp3_is_tagged_as_part_of_its_issue(archive: Archive) -> None:
    audio = archive.out / "2024-06-05" / "audio"
    for number, path in enumerate(sorted(audio.glob("*.mp3")), start=1):
        tags = ID3(path)
        assert str(tags["TALB"]) == "兴县报 2024年6月5日"
        assert str(tags["TPE2"]) == "兴县报"
        assert str(tags["TRCK"]) == f"{number}/2"
        assert str(tags["TDRC"]) == "2024-06-05" and str(tags["TLAN"]) == "chi"
    issue_tags = ID3(archive.out / "2024-06-05" / "2024-06-05.mp3")
    assert str(issue_tags["TALB"]) == "兴县报 2024年6月5日" and str(issue_tags["TPE2"]) == "兴县报"
    # Undated: the album is the issue's title, so two undated issues never merge into one album.
    assert str(ID3(archive.out / "extra" / "extra.mp3")["TALB"]) == json.loads(
        (archive.out / "extra" / "manifest.json").read_text(encoding="utf-8"))["title"]
    playlist = (audio / "playlist.m3u8").read_text(encoding="utf-8").splitlines()
    assert playlist[1] == "#PLAYLIST:兴县报 2024年6月5日 第1234期"


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\xc0\x30\x30")) + chunk(b"IEND", b"")


def test_a_cover_goes_into_every_mp3(archive: Archive, tmp_path: Path) -> None:
    issue = parse_issue(archive.root / "2024-06-12")
    apply_metadata(issue, IssueMeta(date=dt.date(2024, 6, 12)), Settings(newspaper="兴县报"))
    cover = tiny_png()
    options = AudioOptions(engine="espeak")
    cache = archive.out / ".cache" / "audio"
    narration = write_issue_audio(issue, tmp_path / "audio", options, cache_dir=cache, cover=cover)
    assert all(a.from_cache for a in narration)
    whole = write_issue_file(issue, [a.path for a in narration], tmp_path / "issue.mp3", options,
                             engine_name="espeak", cache_dir=cache, cover=cover)
    for path in (narration[0].path, whole.path):
        [picture] = ID3(path).getall("APIC")
        assert picture.mime == "image/png" and picture.data == cover and picture.type == 3
    with pytest.raises(InputError, match="neither PNG nor JPEG"):
        write_issue_audio(issue, tmp_path / "bad", options, cache_dir=cache, cover=b"GIF89a")


# ---------------------------------------------------------------- as a listener hears it


def test_levels_and_silences_measured_by_ffmpeg(archive: Archive) -> None:
    for path in all_mp3s(archive):
        report = ffmpeg_filters(path, "ebur128=peak=true")
        summary = report[report.index("Summary:"):]
        loudness = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary)[1])
        peak = float(re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)[1])
        assert -17.0 <= loudness <= -15.0, (path.name, loudness)
        assert peak <= -1.0, (path.name, peak)
        silences = ffmpeg_filters(path, "silencedetect=noise=-50dB:d=0.3")
        ends = [float(x) for x in re.findall(r"silence_end: ([\d.]+)", silences)]
        starts = [float(x) for x in re.findall(r"silence_start: ([\d.]+)", silences)]
        assert starts[0] == 0 and ends[0] >= 0.5, path.name  # silence before the first word
        assert MP3(path).info.length - starts[-1] >= 1.0, path.name  # and after the last


def test_paragraphs_are_a_second_apart(archive: Archive) -> None:
    [flood] = [p for p in (archive.out / "2024-06-05" / "audio").glob("*.mp3") if FLOOD.title in p.name]
    silences = ffmpeg_filters(flood, "silencedetect=noise=-50dB:d=0.5")
    inner = [float(d) for d in re.findall(r"silence_duration: ([\d.]+)", silences)][1:-1]  # not the lead-in and tail
    # Three paragraphs: two breaks of about a second; shorter ones after the headline and before the byline.
    assert len([d for d in inner if 0.9 <= d < 1.5]) == 2, inner
    assert all(d < 1.5 for d in inner), inner


# ---------------------------------------------------------------- the podcast feed


def test_feed_lists_every_issue_newest_first(archive: Archive) -> None:
    feed = feedparser.parse((archive.out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "兴县报" and feed.feed.language == "zh-cn"
    assert feed.namespaces.get("itunes") == "http://www.itunes.com/dtds/podcast-1.0.dtd"
    titles = [json.loads((archive.out / n / "manifest.json").read_text(encoding="utf-8"))["title"]
              for n in ("2024-06-12", "2024-06-05", "extra")]
    assert [e.title for e in feed.entries] == titles
    newest, older, undated = feed.entries
    assert newest.published_parsed[:3] == (2024, 6, 12) and older.published_parsed[:3] == (2024, 6, 5)
    assert "published" not in undated
    for entry, name in zip(feed.entries, ("2024-06-12", "2024-06-05", "extra"), strict=True):
        [enclosure] = entry.enclosures
        path = archive.out / name / f"{name}.mp3"
        assert enclosure.type == "audio/mpeg" and int(enclosure.length) == path.stat().st_size
        assert enclosure.href.startswith("https://example.org/") and enclosure.href.endswith(f"/{name}/{name}.mp3")
        hours, minutes, seconds = (int(x) for x in entry.itunes_duration.split(":"))
        assert hours * 3600 + minutes * 60 + seconds == pytest.approx(MP3(path).info.length, abs=1)
    assert label(FLOOD) in older.description and label(SCHOOL) in older.description
    assert len({e.id for e in feed.entries}) == 3


def test_feed_links_are_relative_without_a_base_url(archive: Archive, tmp_path: Path) -> None:
    path = write_feed(archive.out)
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo
    for entry in feed.entries:
        href = entry.enclosures[0].href
        assert "://" not in href and (path.parent / href).is_file()


def test_an_unchanged_rerun_gives_the_same_feed_and_files(archive: Archive) -> None:
    write_feed(archive.out, title="兴县报", base_url=BASE_URL)  # as the run wrote it (another test rewrote it)
    before = {p: p.read_bytes() for p in [*all_mp3s(archive), archive.out / "feed.xml"]}
    settings = Settings(output=archive.out, engine="espeak", jobs=2, newspaper="兴县报", base_url=BASE_URL)
    results = run_batch([archive.root], settings, LineReporter(quiet=True))
    assert [r.status for r in results] == ["up to date"] * 3
    assert before == {p: p.read_bytes() for p in before}


# ---------------------------------------------------------------- the online voice's intro


def test_the_intro_is_read_by_the_articles_voice_and_joined_in_one_format(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import converter.audio.edge as edge
    from converter.audio.encode import mp3_frames
    from tests.test_audio_edge import FakeService

    service = FakeService()
    monkeypatch.setattr(edge.edge_tts, "Communicate", service.communicate)
    issue = parse_issue(archive.root / "2024-06-12")
    apply_metadata(issue, IssueMeta(date=dt.date(2024, 6, 12)), Settings(newspaper="兴县报"))
    articles = sorted((archive.out / "2024-06-12" / "audio").glob("*.mp3"))  # read offline, 22.05 kHz
    whole = write_issue_file(issue, articles, tmp_path / "issue.mp3", AudioOptions(), engine_name="edge")
    # Written out for both voices, as the articles are.
    assert service.requests == ["兴县报，二零二四年六月十二日。本期共一篇文章。", "第一篇。"]
    # The online voice's 24 kHz intro and the offline articles end up as one stream of one format.
    data = whole.path.read_bytes()
    assert {rate for _, _, _, rate in mp3_frames(data)} == {24000}
    assert MP3(whole.path).info.length == pytest.approx(whole.duration, abs=0.05)

    messages: list[str] = []
    service.failures = [OSError("Name or service not known")] * 100
    monkeypatch.setattr(edge, "RETRY_DELAYS_S", (0.0, 0.0, 0.0))
    again = write_issue_file(issue, articles, tmp_path / "again.mp3", AudioOptions(), engine_name="edge",
                             notice=messages.append)
    assert len(messages) == 1 and "offline voice" in messages[0]
    assert {rate for _, _, _, rate in mp3_frames(again.path.read_bytes())} == {22050}
