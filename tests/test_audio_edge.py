"""The online voice against a stand-in for ``edge_tts.Communicate``: no network needed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from edge_tts.exceptions import NoAudioReceived, WebSocketError

import converter.audio.edge as edge
from converter.audio.edge import EdgeEngine, EdgeUnavailable, request_groups, sentence_starts
from converter.audio.encode import mp3_duration, silence_mp3
from converter.audio.engines import AudioOptions
from converter.audio.narration import NarrationRun, write_issue_audio
from converter.audio.online import OnlineVoice
from converter.audio.speech_text import spoken_units
from converter.audio.voices import list_voices
from converter.errors import ConverterError
from converter.model import Article, Headline
from converter.sentences import reading_units, split_sentences
from tests.conftest import make_issue

SECONDS_PER_CHAR = 0.2
TICKS = 10_000_000

# From samples/000_6f7615cd0b320972.txt.
MEETING_PARAGRAPH = (
    "会议强调，当前疫情防控仍处于关键期、考验期，全市上下要认真学习贯彻习总书记在中央全面依法治国委员会第三次"
    "会议上的重要讲话精神，全面落实省委第七次疫情防控专题会议精神，科学判断防控形势，全面依法有序防控，狠抓措施"
    "落实，切实做好疫情防控和改革发展稳定各项工作。一要进一步严防死守警戒线；二要进一步严谨科学诊疗救治；三要进"
    "一步落实“四后”措施；四要进一步统筹推进改革发展稳定各项工作。"
)
REQUIREMENT_PARAGRAPH = (
    "会议要求，要加大物资多方筹集力度，做好物资调配和市场稳定工作。要加强出入市县、社区、农村检查检疫口的核查工"
    "作，严防死守，确保万无一失。要加强居家隔离和集中隔离的管理检查，及时排查重点疫区来吕人员和外地返乡人员，对"
    "居家隔离不符合要求和密切接触者要实行集中隔离。"
)
ARTICLE = Article(
    headline=Headline(title="兴县认真收听收看市委第七次专题会议暨市疫情防控工作领导小组电视电话会"),
    dateline="本报讯",
    paragraphs=[
        "2月7日，吕梁市委第七次专题会议暨市疫情防控工作领导小组电视电话会议召开。",
        MEETING_PARAGRAPH,
        REQUIREMENT_PARAGRAPH,
    ],
    byline=["张明提", "康东"],
)
# A paragraph far over one request, as an overlong page block can produce.
LONG_ARTICLE = Article(headline=Headline(title="会议要求"), paragraphs=[(MEETING_PARAGRAPH + REQUIREMENT_PARAGRAPH) * 5])


class FakeService:
    """Stands in for the service: answers each request with 0.2 s of real MP3 frames a character
    and a SentenceBoundary per sentence, after the failures it is told to give."""

    def __init__(self, failures: list[BaseException] | None = None) -> None:
        self.failures = list(failures or [])
        self.fail_after: int | None = None  # answer this many requests, then fail every one
        self.requests: list[str] = []
        self.attempts = 0

    def communicate(self, text: str, voice: str, **settings: str) -> FakeCommunicate:
        assert voice.endswith("Neural")
        assert set(settings) >= {"rate", "volume", "pitch"}
        return FakeCommunicate(self, text)


class FakeCommunicate:
    def __init__(self, service: FakeService, text: str) -> None:
        self.service = service
        self.text = text

    async def stream(self) -> AsyncIterator[dict]:
        service = self.service
        service.attempts += 1
        if service.failures:
            raise service.failures.pop(0)
        if service.fail_after is not None and len(service.requests) >= service.fail_after:
            raise WebSocketError("service closed the connection")
        service.requests.append(self.text)
        offset = 0.0
        for sentence in split_sentences(self.text):
            length = SECONDS_PER_CHAR * len(sentence)
            yield {"type": "SentenceBoundary", "offset": offset * TICKS, "duration": length * TICKS, "text": sentence}
            offset += length
        yield {"type": "audio", "data": silence_mp3(offset, 24000, 48)}


class Clock:
    """The run's clock: sleeping moves it on, so rests take no time."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def quick_run(notice=None) -> NarrationRun:
    clock = Clock()
    return NarrationRun(notice=notice, online=OnlineVoice(clock=clock, sleep=clock.sleep, draw=lambda: 0.5))


@pytest.fixture
def service(monkeypatch: pytest.MonkeyPatch) -> FakeService:
    fake = FakeService()
    monkeypatch.setattr(edge.edge_tts, "Communicate", fake.communicate)
    monkeypatch.setattr(edge, "RETRY_DELAYS_S", (0.0, 0.0, 0.0))
    return fake


def test_requests_are_cut_at_sentence_ends_under_the_limit(service: FakeService, tmp_path: Path) -> None:
    [audio] = write_issue_audio(make_issue(LONG_ARTICLE), tmp_path, AudioOptions(engine="edge"))
    paragraph_requests = service.requests[1:]
    assert len(paragraph_requests) > 1
    assert all(len(r) <= edge.MAX_REQUEST_CHARS for r in paragraph_requests)
    assert all(r.endswith("。") for r in paragraph_requests)
    assert "".join(paragraph_requests) == LONG_ARTICLE.paragraphs[0]
    assert audio.engine == "edge" and audio.voice == "zh-CN-XiaoxiaoNeural"
    assert [t[0] for t in audio.timings] == [u.anchor for u in reading_units(LONG_ARTICLE)]


def test_timings_come_from_the_sentence_boundaries(service: FakeService, tmp_path: Path) -> None:
    [audio] = write_issue_audio(make_issue(ARTICLE), tmp_path, AudioOptions(engine="edge", voice="zh-CN-YunyangNeural"))
    assert audio.voice == "zh-CN-YunyangNeural"
    # One request per block, numbers written out as for the offline voice, the byline as printed.
    assert service.requests == [
        ARTICLE.headline.title, "本报讯", "二月七日" + ARTICLE.paragraphs[0][4:], *ARTICLE.paragraphs[1:], "张明提、康东。",
    ]
    units = reading_units(ARTICLE)
    assert [t[0] for t in audio.timings] == [u.anchor for u in units]
    assert audio.duration == pytest.approx(mp3_duration(audio.path.read_bytes()), abs=0.002)
    # The sentences of the meeting paragraph start where the service said, after the pauses before it.
    meeting = [(t, u) for t, u in zip(audio.timings, units, strict=True) if u.block == 3]
    first_start = meeting[0][0][1]
    for (anchor, start, _), unit in meeting[1:]:
        before = MEETING_PARAGRAPH[: MEETING_PARAGRAPH.index(unit.text)]
        assert start - first_start == pytest.approx(SECONDS_PER_CHAR * len(before), abs=0.03), anchor
    for (_, start, end), (_, next_start, _) in zip(audio.timings, audio.timings[1:]):
        assert end == next_start and end > start
    assert audio.timings[-1][2] == audio.duration


def test_service_errors_are_retried_with_growing_waits(service: FakeService) -> None:
    service.failures = [OSError("Cannot connect to host"), WebSocketError("closed"), asyncio.TimeoutError()]
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    engine = EdgeEngine(AudioOptions(engine="edge"), retry_delays=(1.0, 2.0, 4.0), sleep=record, draw=lambda: 0.5)
    synthesis = engine.synthesize(spoken_units(ARTICLE)[:1])
    assert waits == [1.0, 2.0, 4.0]  # the draw in the middle of the jitter: the nominal waits
    assert synthesis.duration > 0 and service.requests == [ARTICLE.headline.title]


def test_persistent_failure_raises_with_the_edge_engine(service: FakeService, tmp_path: Path) -> None:
    service.failures = [aiohttp.ClientConnectionError("network is unreachable")] * 100
    with pytest.raises(EdgeUnavailable, match="online voice unavailable"):
        write_issue_audio(make_issue(ARTICLE), tmp_path, AudioOptions(engine="edge"), run=quick_run())
    assert not list(tmp_path.glob("*.mp3"))
    assert all(p.stat().st_size > 0 for p in tmp_path.iterdir())


def test_auto_reads_offline_what_the_online_voice_cannot(service: FakeService, tmp_path: Path) -> None:
    service.failures = [NoAudioReceived("no audio")] * 100
    messages: list[str] = []
    run = quick_run(messages.append)
    first = write_issue_audio(make_issue(ARTICLE, LONG_ARTICLE), tmp_path / "a", AudioOptions(), run=run)
    attempts_after_first_issue = service.attempts
    second = write_issue_audio(make_issue(ARTICLE), tmp_path / "b", AudioOptions(), run=run)
    # Tried, rested, tried again at the end of the issue; then the next rest is too long to wait for.
    assert attempts_after_first_issue == 2 * (1 + len(edge.RETRY_DELAYS_S))
    assert service.attempts == attempts_after_first_issue  # the next issue comes while the service rests
    assert len(messages) == 1 and "\n" not in messages[0] and "offline voice" in messages[0]
    assert [a.engine for a in first + second] == ["espeak"] * 3
    for folder in (tmp_path / "a", tmp_path / "b"):
        assert all(p.stat().st_size > 0 for p in folder.iterdir())
        assert all(mp3_duration(p.read_bytes()) > 5 for p in folder.glob("*.mp3"))


def test_edge_audio_is_cached(service: FakeService, tmp_path: Path) -> None:
    options = AudioOptions(engine="edge")
    first = write_issue_audio(make_issue(ARTICLE), tmp_path / "a", options, cache_dir=tmp_path / "cache")
    requests = len(service.requests)
    second = write_issue_audio(make_issue(ARTICLE), tmp_path / "b", options, cache_dir=tmp_path / "cache")
    assert len(service.requests) == requests
    assert second[0].from_cache and second[0].timings == first[0].timings


def test_service_sentence_cuts_that_differ_from_ours() -> None:
    ours = ["会议强调，要加强。", "要落实！", "（张明提）"]
    # The service joined our first two sentences and read the byline on its own.
    theirs = [(0.1, 2.6, "会议强调，要加强。要落实！"), (3.0, 1.0, "（张明提）")]
    starts = sentence_starts(ours, theirs, 4.2)
    assert starts[0] == pytest.approx(0.1)
    assert starts[1] == pytest.approx(0.1 + 2.6 * 7 / 10)  # seven of ten spoken characters in
    assert starts[2] == pytest.approx(3.0)
    # No boundaries at all: by characters over the whole request.
    assert sentence_starts(ours, [], 4.0) == pytest.approx([0.0, 4.0 * 7 / 13, 4.0 * 10 / 13])


def test_request_groups_keep_whole_sentences() -> None:
    sentences = split_sentences(MEETING_PARAGRAPH * 8)
    groups = request_groups(sentences)
    assert [i for g in groups for i in g] == list(range(len(sentences)))
    assert all(sum(len(sentences[i]) for i in g) <= 1000 for g in groups)


def test_failure_after_the_first_request_is_one_clear_error(service: FakeService, tmp_path: Path) -> None:
    service.fail_after = 1  # the headline goes through, then the service stops answering
    with pytest.raises(EdgeUnavailable, match="online voice unavailable"):
        write_issue_audio(make_issue(ARTICLE), tmp_path, AudioOptions(engine="edge"), run=quick_run())
    assert not list(tmp_path.glob("*.mp3"))


def test_a_run_held_across_issues_says_each_outage_once(service: FakeService, tmp_path: Path) -> None:
    service.failures = [OSError("Name or service not known")] * 100
    messages: list[str] = []
    with quick_run(messages.append) as run:
        for name in ("a", "b", "c"):
            write_issue_audio(make_issue(ARTICLE), tmp_path / name, AudioOptions(), run=run)
    assert len(messages) == 1
    # No network at all: the issue does not wait for it, and the later issues come while it rests.
    assert service.attempts == 1 + len(edge.RETRY_DELAYS_S)


def test_without_a_run_each_call_has_its_own(service: FakeService, tmp_path: Path) -> None:
    """Nothing is kept by the module: a call given no run learns of the outage by itself."""
    service.failures = [OSError("Name or service not known")] * 100
    messages: list[str] = []
    for name in ("a", "b"):
        write_issue_audio(make_issue(ARTICLE), tmp_path / name, AudioOptions(), notice=messages.append)
    assert len(messages) == 2
    assert service.attempts == 2 * (1 + len(edge.RETRY_DELAYS_S))


def test_voice_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    offline = list_voices(online=False)
    assert offline[0].name == "zh-CN-XiaoxiaoNeural" and offline[-1].name == "cmn"
    assert "zh-CN-YunyangNeural" in str(offline[1])

    async def service_list() -> list[dict]:
        return [
            {"ShortName": "zh-TW-HsiaoChenNeural", "Locale": "zh-TW", "Gender": "Female",
             "VoiceTag": {"VoicePersonalities": ["Friendly"]}},
            {"ShortName": "en-US-AriaNeural", "Locale": "en-US", "Gender": "Female"},
        ]

    monkeypatch.setattr(edge.edge_tts, "list_voices", service_list)
    assert [v.name for v in list_voices(online=True)] == ["zh-TW-HsiaoChenNeural", "cmn"]

    async def unreachable() -> list[dict]:
        raise aiohttp.ClientConnectionError("Cannot connect to host")

    monkeypatch.setattr(edge.edge_tts, "list_voices", unreachable)
    with pytest.raises(ConverterError, match="cannot fetch the online voice list"):
        list_voices(online=True)


def test_a_unit_with_nothing_to_say_still_gets_a_clip(service: FakeService, tmp_path: Path) -> None:
    article = Article(Headline(title="会议强调"), ["会议强调，要加强。……", "要落实！"], byline=["张明提"])
    [audio] = write_issue_audio(make_issue(article), tmp_path, AudioOptions(engine="edge"))
    assert service.requests[1] == "会议强调，要加强。……"  # one request, the ellipsis timed inside it
    assert [t[0] for t in audio.timings] == ["s0-0", "s1-0", "s1-1", "s2-0", "s3-0"]
    assert all(end > start for _, start, end in audio.timings)


@pytest.mark.slow
def test_read_along_book_from_the_online_voice(service: FakeService, tmp_path: Path) -> None:
    """The neural voice's sentence timings make a valid overlay: every unit once, in order, inside the audio."""
    import re
    import zipfile

    from converter.epub import build_epub
    from tests.validate import epubcheck

    issue = make_issue(ARTICLE, LONG_ARTICLE)
    narration = write_issue_audio(issue, tmp_path / "audio", AudioOptions(engine="edge"))
    book = build_epub(issue, tmp_path / "book.epub", pinyin_style="tone", narration=narration)
    with zipfile.ZipFile(book) as archive:
        for number, (article, audio) in enumerate(zip(issue.articles, narration, strict=True), start=1):
            smil = archive.read(f"EPUB/article-{number:03d}.smil").decode()
            anchors = re.findall(r'#(s\d+-\d+)"', smil)
            assert anchors == [u.anchor for u in reading_units(article)]
            ends = [float(e.rsplit(":", 1)[1]) + 60 * int(e.split(":")[1]) for e in re.findall(r'clipEnd="([^"]+)"', smil)]
            assert ends == sorted(ends) and ends[-1] == pytest.approx(audio.duration, abs=0.001)
        assert "Xiaoxiao (Microsoft Edge neural voice zh-CN-XiaoxiaoNeural)" in archive.read("EPUB/content.opf").decode()
    assert epubcheck([book], tmp_path) == {book: []}
