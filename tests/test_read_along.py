"""Read-along books: the narration inside the EPUB, sentence by sentence (Media Overlays).

The sample page converted once for the run with the offline voice, for real (the
``converted_sample`` fixture); a pinyin book built from its cached narration.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import miniaudio
import numpy as np
import pytest
from lxml import etree

from converter.audio.engines import AudioOptions
from converter.audio.narration import write_issue_audio
from converter.clean import parse_issue
from converter.cli import main
from converter.epub import build_epub
from converter.epub.overlay import ACTIVE_CLASS, Clip, check_clips, clock_value, narrator_name
from converter.model import Issue
from converter.sentences import reading_units
from tests.conftest import SAMPLE
from tests.validate import epubcheck

pytestmark = pytest.mark.slow

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "smil": "http://www.w3.org/ns/SMIL",
    "x": "http://www.w3.org/1999/xhtml",
}

# How the offline voice's timings are checked against the audio itself:
# the 120 ms before each clip boundary must be a pause (RMS under 5 % of the
# article's speech RMS) and speech must begin within 500 ms after it.  The
# timings are exact in the synthesised PCM; MP3 encoding delays the decoded
# sound by about 50 ms, which these windows absorb.
QUIET_BEFORE = 0.12
QUIET_RATIO = 0.05
ONSET_WITHIN = 0.5
ONSET_RATIO = 0.2


@dataclass
class Books:
    issue: Issue
    plain: Path
    pinyin: Path


@pytest.fixture(scope="module")
def books(converted_sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Books:
    work = tmp_path_factory.mktemp("read-along")
    issue = parse_issue(SAMPLE)
    # the same narration, now from the cache, in a pinyin book
    narration = write_issue_audio(
        issue, work / "pinyin-audio", AudioOptions(engine="espeak"), cache_dir=converted_sample / ".cache" / "audio"
    )
    assert all(a.from_cache for a in narration)
    pinyin = build_epub(issue, work / "pinyin.epub", pinyin_style="tone", narration=narration)
    return Books(issue, converted_sample / SAMPLE.stem / f"{SAMPLE.stem}.epub", pinyin)


def seconds(clock: str) -> float:
    hours, minutes, rest = clock.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


@dataclass
class Par:
    document: str
    anchor: str
    audio: str
    begin: float
    end: float


def overlays(book: zipfile.ZipFile) -> dict[str, list[Par]]:
    """Each article document's pars, from the SMIL that the manifest links to it."""
    opf = etree.fromstring(book.read("EPUB/content.opf"))
    items = {item.get("id"): item for item in opf.iterfind(".//opf:manifest/opf:item", NS)}
    result: dict[str, list[Par]] = {}
    for item in items.values():
        overlay = item.get("media-overlay")
        if overlay is None:
            continue
        smil_item = items[overlay]
        assert smil_item.get("media-type") == "application/smil+xml"
        smil = etree.fromstring(book.read("EPUB/" + smil_item.get("href")))
        pars = []
        for par in smil.iterfind(".//smil:par", NS):
            text = par.find("smil:text", NS).get("src")
            audio = par.find("smil:audio", NS)
            document, anchor = text.split("#")
            pars.append(Par(document, anchor, audio.get("src"), seconds(audio.get("clipBegin")), seconds(audio.get("clipEnd"))))
        result[item.get("href")] = pars
    return result


def decoded(data: bytes) -> tuple[np.ndarray, int]:
    sound = miniaudio.decode(data, output_format=miniaudio.SampleFormat.FLOAT32, nchannels=1)
    return np.asarray(sound.samples, dtype=np.float32), sound.sample_rate


def meta(book: zipfile.ZipFile) -> list[tuple[str, str | None, str]]:
    opf = etree.fromstring(book.read("EPUB/content.opf"))
    return [(m.get("property"), m.get("refines"), m.text) for m in opf.iterfind(".//opf:metadata/opf:meta", NS) if m.get("property")]


# ---------------------------------------------------------------- the books


def test_read_along_books_pass_epubcheck(books: Books, tmp_path: Path) -> None:
    assert epubcheck([books.plain, books.pinyin], tmp_path) == {books.plain: [], books.pinyin: []}


def test_book_is_small_enough_to_carry(books: Books) -> None:
    assert books.plain.stat().st_size < 25 * 1024 * 1024


@pytest.mark.parametrize("which", ["plain", "pinyin"])
def test_every_sentence_is_covered_once_in_reading_order_by_clips_inside_the_audio(books: Books, which: str) -> None:
    with zipfile.ZipFile(getattr(books, which)) as book:
        documents = overlays(book)
        assert len(documents) == len(books.issue.articles) == 7
        for number, article in enumerate(books.issue.articles, start=1):
            href = f"article-{number:03d}.xhtml"
            pars = documents[href]
            xhtml = etree.fromstring(book.read("EPUB/" + href))
            ids = {element.get("id") for element in xhtml.iter() if element.get("id")}
            assert all(par.document == href and par.anchor in ids for par in pars)
            # every reading unit exactly once, in reading order
            assert [par.anchor for par in pars] == [unit.anchor for unit in reading_units(article)]
            samples, rate = decoded(book.read("EPUB/" + pars[0].audio))
            duration = len(samples) / rate
            assert {par.audio for par in pars} == {f"audio/article-{number:03d}.mp3"}
            assert pars[0].begin == 0.0
            for before, after in zip(pars, pars[1:]):
                assert before.begin < before.end == after.begin  # increasing, contiguous, no overlap
            assert pars[-1].end <= duration + 0.06  # the MP3's last frame may pad a few ms


def test_ruby_readings_are_never_part_of_what_is_read(books: Books) -> None:
    with zipfile.ZipFile(books.pinyin) as book:
        for number, article in enumerate(books.issue.articles, start=1):
            xhtml = etree.fromstring(book.read(f"EPUB/article-{number:03d}.xhtml"))
            by_id = {element.get("id"): element for element in xhtml.iter() if element.get("id")}
            for unit in reading_units(article):
                element = by_id[unit.anchor]
                assert element.findall(".//x:rt", NS), unit.anchor
                spoken = "".join(
                    t for t in element.xpath(".//text()[not(ancestor::x:rt)]", namespaces={"x": NS["x"]})
                )
                assert spoken == unit.text


def test_media_metadata_and_accessibility_claims(books: Books) -> None:
    with zipfile.ZipFile(books.plain) as book:
        properties = meta(book)
        durations = {refines: seconds(value) for prop, refines, value in properties if prop == "media:duration"}
        total = durations.pop(None)
        assert len(durations) == 7 and all(refines.startswith("#overlay-") for refines in durations)
        assert abs(sum(durations.values()) - total) < 1.0
        assert 20 * 60 < total < 40 * 60  # about half an hour of speech
        for refines, value in durations.items():
            smil = book.read(f"EPUB/article-{refines[-3:]}.smil").decode()
            last_end = re.findall(r'clipEnd="([^"]+)"', smil)[-1]
            assert abs(seconds(last_end) - value) < 0.01
        values = {prop: [v for p, _, v in properties if p == prop] for prop, _, _ in properties}
        assert values["media:active-class"] == [ACTIVE_CLASS]
        assert values["media:narrator"] == ["eSpeak NG (cmn)"]
        assert values["schema:accessMode"] == ["textual", "visual", "auditory"]
        assert set(values["schema:accessModeSufficient"]) == {"textual", "auditory"}
        assert "synchronizedAudioText" in values["schema:accessibilityFeature"]
        [summary] = values["schema:accessibilitySummary"]
        # the summary of this edition: read aloud, highlighted; never "text only"
        assert "全文朗读" in summary and "逐句高亮" in summary and "纯文字" not in summary
        css = book.read("EPUB/styles/book.css").decode()
        assert f".{ACTIVE_CLASS}" in css


def test_offline_clip_boundaries_fall_in_the_pauses_of_the_audio(books: Books) -> None:
    with zipfile.ZipFile(books.plain) as book:
        for pars in overlays(book).values():
            samples, rate = decoded(book.read("EPUB/" + pars[0].audio))
            speech_rms = float(np.sqrt(np.mean(samples**2)))
            for par in pars[1:]:
                at = round(par.begin * rate)
                before = samples[at - round(QUIET_BEFORE * rate) : at]
                assert np.sqrt(np.mean(before**2)) < QUIET_RATIO * speech_rms, (par.document, par.anchor)
                after = samples[at : at + round(ONSET_WITHIN * rate)]
                frames = after[: len(after) // 240 * 240].reshape(-1, 240)
                assert np.sqrt(np.mean(frames**2, axis=1)).max() > ONSET_RATIO * speech_rms, (par.document, par.anchor)


# ---------------------------------------------------------------- small parts


def test_clock_values_and_clip_checks() -> None:
    assert clock_value(0) == "0:00:00.000"
    assert clock_value(61.0006) == "0:01:01.001"
    assert clock_value(3723.4567) == "1:02:03.457"
    check_clips([Clip("s0-0", 0, 1.5), Clip("s1-0", 1.5, 3.0)], 3.0)
    for clips in ([Clip("a", 0, 2), Clip("b", 1, 3)], [Clip("a", 0, 0)], [Clip("a", 0, 4)]):
        with pytest.raises(ValueError):
            check_clips(clips, 3.0)


def test_narrator_names() -> None:
    assert narrator_name("edge", "zh-CN-YunyangNeural") == "Yunyang (Microsoft Edge neural voice zh-CN-YunyangNeural)"
    assert narrator_name("espeak", "cmn") == "eSpeak NG (cmn)"


def test_read_along_without_audio_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SAMPLE), "--read-along", "--no-audio"]) == 1
    assert capsys.readouterr().err.strip() == "converter: error: --read-along needs the audio: drop --no-audio"
