"""The online voice in unattended batches, against a stand-in service on 127.0.0.1 that speaks
edge-tts's WebSocket protocol: refusals with Retry-After, connections cut mid-stream, answers
without turn.end or with too little audio, and an issue or a run that meets them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import converter.audio.edge as edge
import converter.audio.online as online
from converter.audio.edge import EdgeEngine, EdgeUnavailable
from converter.audio.encode import LAME_START_DELAY_SAMPLES, mp3_duration
from converter.audio.engines import AudioOptions
from converter.audio.master import LEAD_IN_S
from converter.audio.narration import NarrationRun, write_issue_audio
from converter.audio.online import OnlineVoice
from converter.audio.speech_text import spoken_units
from converter.batch import run_batch
from converter.config import Settings
from converter.model import Article, Headline
from tests.conftest import Recorder, make_issue
from tests.edge_standin import SECONDS_PER_CHAR, StandInService
from tests.pagemaker import FLOOD, MARKET, make_page

# From samples/000_6f7615cd0b320972.txt.
PARAGRAPH = (
    "会议要求，要加大物资多方筹集力度，做好物资调配和市场稳定工作。要加强出入市县、社区、农村检查检疫口的核查工"
    "作，严防死守，确保万无一失。截至2月11日，全县已向指定账户捐款240.75万元。"
)
ARTICLE = Article(Headline(title="兴县召开疫情设卡防控工作协调会"), [PARAGRAPH], dateline="本报讯", byline=["张明提", "康东"])
SECOND = Article(Headline(title="走进一线 送去温暖"), ["活动共发放了价值18000余元的物资。"], byline=["张明提"])
THIRD = Article(Headline(title="宅家抗疫"), ["要严格落实24小时带班值班、疫情报告等制度。"], byline=["宋继伟"])


def paragraph_units() -> list:
    """The paragraph alone: one request to the service."""
    return [u for u in spoken_units(ARTICLE) if u.text in PARAGRAPH]


def whole_length_s(units: list) -> float:
    return SECONDS_PER_CHAR * sum(len(u.speech) for u in units)


class Waits:
    """Records the waits of the request retries instead of sleeping."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


class Clock:
    """A clock the run's rests are measured on; sleeping moves it on."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def middle_of_the_jitter() -> float:
    """The draw in the middle of the jitter: every rest its nominal length."""
    return 0.5


def test_a_whole_answer_is_taken_with_the_spoken_text(standin: StandInService) -> None:
    units = paragraph_units()
    synthesis = EdgeEngine(AudioOptions(engine="edge"), sleep=Waits()).synthesize(units)
    assert standin.texts == ["".join(u.speech for u in units)]
    assert "截至二月十一日，全县已向指定账户捐款二百四十点七五万元。" in standin.texts[0]
    assert synthesis.duration == pytest.approx(LEAD_IN_S + whole_length_s(units) + units[-1].pause_after, abs=0.2)
    starts = [start for _, start, _ in synthesis.timings]
    # After the lead-in of silence and the encoder's delay
    heard_from = LEAD_IN_S + LAME_START_DELAY_SAMPLES / edge.EDGE_SAMPLE_RATE
    assert starts[1] == pytest.approx(heard_from + SECONDS_PER_CHAR * len(units[0].speech), abs=0.05)


def test_429_with_retry_after_is_waited_out(standin: StandInService) -> None:
    standin.plan = [("refuse", 429, 3)]
    waits = Waits()
    synthesis = EdgeEngine(AudioOptions(engine="edge"), sleep=waits).synthesize(paragraph_units())
    assert waits.seconds == [3.0]
    assert standin.connections == 2 and standin.completed == 1
    assert synthesis.duration > whole_length_s(paragraph_units())


def test_a_long_retry_after_is_not_waited_inside_a_request(standin: StandInService) -> None:
    standin.plan = [("refuse", 429, 300)]
    waits = Waits()
    with pytest.raises(EdgeUnavailable, match="429") as failure:
        EdgeEngine(AudioOptions(engine="edge"), sleep=waits).synthesize(paragraph_units())
    assert failure.value.retry_after == 300.0 and waits.seconds == []
    clock = Clock()
    voice = OnlineVoice(clock=clock, sleep=clock.sleep)
    voice.failed(failure.value)
    assert not voice.ready() and voice.rest_left_s() >= 300.0


@pytest.mark.parametrize("cut", ["drop", "no-end", "short"])
def test_an_answer_cut_short_is_retried_never_accepted(standin: StandInService, cut: str) -> None:
    standin.plan = [cut]
    waits = Waits()
    units = paragraph_units()
    synthesis = EdgeEngine(AudioOptions(engine="edge"), sleep=waits).synthesize(units)
    assert standin.connections == 2 and standin.completed == 1
    assert synthesis.duration > whole_length_s(units)  # the whole answer, not the cut one
    assert len(waits.seconds) == 1 and 0.5 <= waits.seconds[0] < 1.5  # the first backoff, jittered


def test_a_stream_that_never_ends_fails_after_the_retries(standin: StandInService) -> None:
    standin.plan = ["no-end"] * 10
    waits = Waits()
    with pytest.raises(EdgeUnavailable, match="cut off"):
        EdgeEngine(AudioOptions(engine="edge"), sleep=waits).synthesize(paragraph_units())
    assert standin.connections == 1 + len(edge.RETRY_DELAYS_S) and standin.completed == 0
    nominal = edge.RETRY_DELAYS_S
    assert all(0.5 * d <= w < 1.5 * d for w, d in zip(waits.seconds, nominal, strict=True))


def test_backoff_is_jittered() -> None:
    draws = iter([0.1, 0.9, 0.5])
    spread = [edge.jittered(2.0, lambda: next(draws)) for _ in range(3)]
    assert spread == pytest.approx([1.2, 2.8, 2.0])


def test_a_failing_article_is_read_online_later_in_its_issue(standin: StandInService, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The first article meets four refusals; the others wait out the rest, then all three are read online."""
    monkeypatch.setattr(edge, "RETRY_DELAYS_S", (0.0, 0.0, 0.0))
    standin.plan = [("refuse", 503, 0)] * (1 + len(edge.RETRY_DELAYS_S))
    clock = Clock()
    messages: list[str] = []
    run = NarrationRun(notice=messages.append, online=OnlineVoice(clock=clock, sleep=clock.sleep, draw=middle_of_the_jitter))
    audios = write_issue_audio(make_issue(ARTICLE, SECOND, THIRD), tmp_path, AudioOptions(), run=run)
    assert [a.engine for a in audios] == ["edge"] * 3
    assert len(clock.slept) == 1 and 0.5 * online.REST_S <= clock.slept[0] < 1.5 * online.REST_S
    assert len(messages) == 2 and "503" in messages[0] and "answers again" in messages[1]
    assert all(mp3_duration(a.path.read_bytes()) > 3 for a in audios)


def test_an_article_the_service_keeps_cutting_does_not_hold_back_the_others(
    standin: StandInService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(edge, "RETRY_DELAYS_S", (0.0,))
    standin.poison = "设卡"  # the first article's headline
    clock = Clock()
    run = NarrationRun(online=OnlineVoice(clock=clock, sleep=clock.sleep, draw=middle_of_the_jitter))
    audios = write_issue_audio(make_issue(ARTICLE, SECOND, THIRD), tmp_path, AudioOptions(), run=run)
    assert [a.engine for a in audios] == ["espeak", "edge", "edge"]


def test_with_the_service_down_auto_reads_offline_and_tries_again_after_the_rest(
    standin: StandInService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(edge, "RETRY_DELAYS_S", (0.0, 0.0, 0.0))
    standin.plan = [("refuse", 503, 0)] * 1000
    clock = Clock()
    messages: list[str] = []
    run = NarrationRun(notice=messages.append, online=OnlineVoice(clock=clock, sleep=clock.sleep, draw=middle_of_the_jitter))
    first = write_issue_audio(make_issue(ARTICLE, SECOND), tmp_path / "a", AudioOptions(), run=run)
    per_article = 1 + len(edge.RETRY_DELAYS_S)
    assert standin.connections == 2 * per_article  # tried, rested, tried again; then the rest is too long
    second = write_issue_audio(make_issue(THIRD), tmp_path / "b", AudioOptions(), run=run)
    assert standin.connections == 2 * per_article  # still resting: not asked
    clock.now += online.MAX_REST_S * 1.5
    third = write_issue_audio(make_issue(THIRD), tmp_path / "c", AudioOptions(), run=run)
    assert standin.connections == 3 * per_article  # rested: asked again
    assert [a.engine for a in first + second + third] == ["espeak"] * 4
    assert len(messages) == 1 and "\n" not in messages[0]


def test_the_edge_engine_waits_for_the_service_then_says_it_failed(standin: StandInService, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(edge, "RETRY_DELAYS_S", (0.0,))
    standin.plan = ["drop"] * 1000
    clock = Clock()
    run = NarrationRun(online=OnlineVoice(clock=clock, sleep=clock.sleep, draw=middle_of_the_jitter))
    with pytest.raises(EdgeUnavailable, match="cut off"):
        write_issue_audio(make_issue(SECOND), tmp_path, AudioOptions(engine="edge"), run=run)
    assert len(clock.slept) == online.ROUNDS - 1
    assert not list(tmp_path.glob("*.mp3"))


@pytest.mark.slow
def test_a_later_run_reads_again_with_the_neural_voice_what_the_offline_one_read(
    standin: StandInService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run 1: the service refuses, the manifest says espeak for each article.  Run 2: it answers,
    the issue is redone with the neural voice.  Run 3: nothing is owed, nothing is asked."""
    monkeypatch.setattr(edge, "RETRY_DELAYS_S", (0.0, 0.0, 0.0))
    monkeypatch.setattr(online, "REST_S", 0.0)
    page = tmp_path / "2024-06-19.txt"
    page.write_text(make_page([FLOOD, MARKET]), encoding="utf-8")
    out = tmp_path / "out"
    settings = Settings(output=out, engine="auto", jobs=1)

    def engines() -> list[str]:
        manifest = json.loads((out / "2024-06-19" / "manifest.json").read_text(encoding="utf-8"))
        return [a["audio"]["engine"] for a in manifest["articles"]]

    standin.plan = [("refuse", 429, 0)] * 1000
    reporter = Recorder()
    [result] = run_batch([page], settings, reporter)
    assert result.status == "converted" and engines() == ["espeak", "espeak"]
    assert len(reporter.messages) == 1

    standin.plan = []
    asked = standin.connections
    [result] = run_batch([page], settings, Recorder())
    assert result.status == "converted" and engines() == ["edge", "edge"]
    assert standin.connections > asked

    asked = standin.connections
    [result] = run_batch([page], settings, Recorder())
    assert result.status == "up to date" and standin.connections == asked
