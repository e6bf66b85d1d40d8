"""The offline voice for real: MP3s that decode, timings, tags, playlist, SRT, cache, stale files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

import converter.audio.espeak as espeak
from converter.audio.encode import mp3_duration, mp3_frames
from converter.audio.engines import AudioOptions, AudioOptionsError
from converter.audio.master import LEAD_IN_S
from converter.audio.narration import MANIFEST_NAME, PLAYLIST_NAME, NarrationRun, write_issue_audio
from converter.model import Article, Headline
from converter.sentences import reading_units
from tests.conftest import SAMPLE, make_issue

# Three articles of samples/000_6f7615cd0b320972.txt, their paragraphs as printed.
SHORT = Article(
    headline=Headline(title="走进一线 送去温暖", kicker="兴县县委统战部新联会"),
    dateline="本报讯",
    paragraphs=[
        "2月5日，兴县县委统战部新的社会阶层人士联谊会走进坚守在疫情防控一线的工作人员中，为他们送去口罩、消毒液等物资。",
        "据悉，此次爱心慰问善款，由县委统战部新联会、知联会以及宗教人士共同筹集，活动共发放了价值18000余元的物资。",
    ],
    byline=["张明提"],
)
MEETING = Article(
    headline=Headline(title="兴县认真收听收看市委第七次专题会议暨市疫情防控工作领导小组电视电话会"),
    dateline="本报讯",
    paragraphs=[
        "2月7日，吕梁市委第七次专题会议暨市疫情防控工作领导小组电视电话会议召开，传达学习习近平总书记在中央全面依法治国委员会第三次会议上的重要讲话精神和省委第七次疫情防控专题会议精神，通报全市疫情防控工作情况，研究部署全市疫情防控和当前重点工作。",
        "兴县县委书记梁志锋，县委副书记、县长刘世庆，县委常委、政法委书记刘云等县级领导及相关部门负责人在兴县分会场收听收看会议实况。",
        "会议强调，当前疫情防控仍处于关键期、考验期，全市上下要认真学习贯彻习总书记在中央全面依法治国委员会第三次会议上的重要讲话精神，全面落实省委第七次疫情防控专题会议精神，科学判断防控形势，全面依法有序防控，狠抓措施落实，切实做好疫情防控和改革发展稳定各项工作。一要进一步严防死守警戒线；二要进一步严谨科学诊疗救治；三要进一步落实“四后”措施；四要进一步统筹推进改革发展稳定各项工作。",
        "会议要求，要加大物资多方筹集力度，做好物资调配和市场稳定工作。要加强出入市县、社区、农村检查检疫口的核查工作，严防死守，确保万无一失。要加强居家隔离和集中隔离的管理检查，及时排查重点疫区来吕人员和外地返乡人员，对居家隔离不符合要求和密切接触者要实行集中隔离。",
    ],
    byline=["张明提", "康东"],
)
APPEAL = Article(
    headline=Headline(title="倡议全县非公经济人士积极应对新冠肺炎疫情打好防控阻击战", kicker="兴县工商联"),
    dateline="本报讯",
    paragraphs=[
        "当前新型冠状病毒肺炎疫情的防控工作正处于关键时刻。作为党委联系非公有制经济人士的桥梁和纽带，作为政府服务和管理非公经济的助手，兴县工商联时刻与党委、政府保持高度一致，积极引导工商界企业和非公经济人士与祖国同呼吸、共命运、心连心，主动投身于新冠肺炎疫情防控战役中。",
        "截至2月11日，全县民营企业和非公经济人士已向指定账户捐款240.75万元。",
    ],
    byline=["张明提"],
)


OFFLINE = AudioOptions(engine="espeak")


@pytest.fixture(scope="module")
def narrated(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("audio")
    issue = make_issue(SHORT, MEETING, APPEAL)
    return issue, folder, write_issue_audio(issue, folder, OFFLINE, cache_dir=folder.parent / "cache")


def test_every_article_gets_a_decodable_mp3(narrated) -> None:
    issue, folder, audios = narrated
    assert [a.path.name for a in audios] == [
        "01-走进一线 送去温暖.mp3",
        "02-兴县认真收听收看市委第七次专题会议暨市疫情防控工作领导小组电视电话会.mp3",
        "03-倡议全县非公经济人士积极应对新冠肺炎疫情打好防控阻击战.mp3",
    ]
    for audio in audios:
        data = audio.path.read_bytes()
        frames = list(mp3_frames(data))
        # The tag, then frames one after the other to the end of the file, nothing in between.
        assert frames[0][0] == ID3(audio.path).size > 10
        assert all(offset + length == following[0] for (offset, length, _, _), following in zip(frames, frames[1:]))
        assert frames[-1][0] + frames[-1][1] == len(data)
        assert {rate for _, _, _, rate in frames} == {22050}
        info = MP3(audio.path).info
        assert info.channels == 1 and info.bitrate == 48000
        assert info.length == pytest.approx(audio.duration, abs=0.05)
        assert audio.engine == "espeak" and audio.voice == "cmn" and not audio.from_cache


def test_durations_follow_text_length(narrated) -> None:
    _, _, audios = narrated
    lengths = [sum(len(u.text) for u in reading_units(a)) for a in (SHORT, MEETING, APPEAL)]
    seconds_per_char = [a.duration / n for a, n in zip(audios, lengths, strict=True)]
    assert all(0.12 < s < 0.35 for s in seconds_per_char), seconds_per_char
    assert audios[1].duration > 2.5 * audios[0].duration


def test_timings_cover_every_reading_unit_contiguously(narrated) -> None:
    _, _, audios = narrated
    for article, audio in zip((SHORT, MEETING, APPEAL), audios, strict=True):
        assert [t[0] for t in audio.timings] == [u.anchor for u in reading_units(article)]
        assert audio.timings[0][1] == 0.0
        for (_, start, end), (_, next_start, _) in zip(audio.timings, audio.timings[1:]):
            assert end == next_start and end > start
        assert audio.timings[-1][2] <= audio.duration
        # The 0.8 s after the headline is inside the headline's time.
        title_end = audio.timings[1 if article.headline.kicker else 0]
        assert title_end[2] - title_end[1] > 0.8


def test_tags_say_what_the_track_is(narrated) -> None:
    _, _, audios = narrated
    tags = ID3(audios[1].path)
    assert tags.version == (2, 4, 0)
    assert str(tags["TIT2"]) == MEETING.headline.label
    assert str(tags["TALB"]) == "兴县报 2020年2月12日"
    assert str(tags["TPE1"]) == "兴县报"
    assert str(tags["TRCK"]) == "2/3"
    assert str(tags["TDRC"]) == "2020-02-12"
    assert str(tags["TLAN"]) == "chi"


def test_playlist_lists_the_tracks_with_durations(narrated) -> None:
    _, folder, audios = narrated
    lines = (folder / PLAYLIST_NAME).read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["#EXTM3U", "#PLAYLIST:兴县报 2020年2月12日"]
    assert lines[2] == f"#EXTINF:{round(audios[0].duration)},兴县县委统战部新联会 走进一线 送去温暖"
    assert lines[3::2] == [a.path.name for a in audios]


def test_srt_cues_are_short_clauses_inside_the_sentence_times(narrated) -> None:
    _, _, audios = narrated
    for article, audio in zip((SHORT, MEETING, APPEAL), audios, strict=True):
        cues = [cue.splitlines() for cue in audio.srt_path.read_text(encoding="utf-8").strip().split("\n\n")]
        assert [int(cue[0]) for cue in cues] == list(range(1, len(cues) + 1))
        times = [tuple(_seconds(t) for t in cue[1].split(" --> ")) for cue in cues]
        assert times[0][0] == pytest.approx(LEAD_IN_S)  # the first words, not the silence before them
        assert all(0 < end - start <= 7.0 for start, end in times)
        assert all(end <= following for (_, end), (following, _) in zip(times, times[1:]))
        assert all(1 <= len(cue[2:]) <= 2 and all(len(line) <= 16 for line in cue[2:]) for cue in cues)
        shown = "".join("".join(cue[2:]) for cue in cues).replace(" ", "")
        assert shown == "".join("".join(u.text.split()) for u in reading_units(article))  # every character, in order
        # Each sentence's first cue starts when the sentence does.
        starts = {start for start, _ in times}
        assert all(any(abs(start - s) < 0.002 for s in starts) for _, start, _ in audio.timings[1:])
    assert cues[-1][2:] == ["（张明提）"]


def _seconds(stamp: str) -> float:
    hours, minutes, rest = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest.replace(",", "."))


@pytest.fixture
def syntheses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of units of each offline synthesis, as they happen."""
    calls: list[int] = []
    real = espeak.EspeakEngine.synthesize

    def counted(self, units):
        calls.append(len(units))
        return real(self, units)

    monkeypatch.setattr(espeak.EspeakEngine, "synthesize", counted)
    return calls


def test_second_run_comes_from_the_cache(tmp_path: Path, syntheses: list[int]) -> None:
    calls = syntheses
    cache = tmp_path / "cache"
    first = write_issue_audio(make_issue(SHORT, APPEAL), tmp_path / "one", OFFLINE, cache_dir=cache)
    assert len(calls) == 2
    # Another issue holding one of the same articles, in another place: nothing is synthesised again.
    again = write_issue_audio(make_issue(APPEAL), tmp_path / "two", OFFLINE, cache_dir=cache)
    assert len(calls) == 2
    assert again[0].from_cache and again[0].duration == first[1].duration
    assert again[0].timings == first[1].timings
    assert ID3(again[0].path)["TRCK"].text == ["1/1"]
    # Other options are another sound.
    write_issue_audio(make_issue(APPEAL), tmp_path / "three", AudioOptions(engine="espeak", rate="+20%"), cache_dir=cache)
    assert len(calls) == 3


def test_files_of_a_renamed_article_are_removed_and_others_kept(tmp_path: Path) -> None:
    folder = tmp_path / "audio"
    cache = tmp_path / "cache"
    write_issue_audio(make_issue(SHORT, APPEAL), folder, OFFLINE, cache_dir=cache)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    renamed = Article(Headline(title="兴县工商联发出倡议"), APPEAL.paragraphs, APPEAL.dateline, APPEAL.byline)
    write_issue_audio(make_issue(SHORT, renamed), folder, OFFLINE, cache_dir=cache)
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        "01-走进一线 送去温暖.mp3", "01-走进一线 送去温暖.srt",
        "02-兴县工商联发出倡议.mp3", "02-兴县工商联发出倡议.srt",
        PLAYLIST_NAME, MANIFEST_NAME, "notes.txt",
    ])
    assert "02-兴县工商联发出倡议.mp3" in json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))["files"]


def test_bad_options_are_one_line_errors() -> None:
    with pytest.raises(AudioOptionsError, match="out of range"):
        AudioOptions(rate="+500%")
    with pytest.raises(AudioOptionsError, match="is not like"):
        AudioOptions(pitch="high")
    with pytest.raises(AudioOptionsError, match="only the voice 'cmn'"):
        AudioOptions(engine="espeak", voice="zh-CN-YunyangNeural")
    with pytest.raises(AudioOptionsError, match="not an online voice name"):
        AudioOptions(voice="xiaoxiao")
    assert AudioOptions(voice="zh-CN-liaoning-XiaobeiNeural").edge_voice == "zh-CN-liaoning-XiaobeiNeural"
    with pytest.raises(AudioOptionsError, match="unknown speech engine"):
        AudioOptions(engine="festival")  # type: ignore[arg-type]


@pytest.mark.slow
def test_worker_processes_give_the_same_narration(tmp_path: Path) -> None:
    issue = make_issue(SHORT, MEETING, APPEAL)
    done: list[str] = []
    run = NarrationRun()
    try:
        audios = write_issue_audio(issue, tmp_path / "a", OFFLINE, jobs=2, run=run,
                                   progress=lambda audio: done.append(audio.path.name[:2]))
        workers = run.workers(2)
        # The next issue of the run reuses the running processes.
        write_issue_audio(make_issue(APPEAL, SHORT), tmp_path / "b", OFFLINE, jobs=2, run=run)
        assert run.workers(2) is workers
    finally:
        run.close()
    assert sorted(done) == ["01", "02", "03"]
    single = write_issue_audio(issue, tmp_path / "c", OFFLINE, jobs=1, run=NarrationRun())
    for article, audio, alone in zip(issue.articles, audios, single, strict=True):
        assert [t[0] for t in audio.timings] == [u.anchor for u in reading_units(article)]
        assert mp3_duration(audio.path.read_bytes()) == pytest.approx(audio.duration, abs=0.002)
        assert audio.duration == pytest.approx(alone.duration, rel=0.02)


@pytest.mark.slow
def test_sample_issue_narrated_offline(tmp_path: Path) -> None:
    """The whole sample page, parsed, read offline: seven tracks, about 29 minutes."""
    from converter.clean import parse_issue

    issue = parse_issue(SAMPLE)
    run = NarrationRun()
    try:
        audios = write_issue_audio(issue, tmp_path, OFFLINE, jobs=2, run=run)
    finally:
        run.close()
    assert len(audios) == len(issue.articles) == 7
    total = sum(a.duration for a in audios)
    assert 20 * 60 < total < 40 * 60
    for article, audio in zip(issue.articles, audios, strict=True):
        assert [t[0] for t in audio.timings] == [u.anchor for u in reading_units(article)]
        assert audio.timings[-1][2] <= audio.duration
    assert len((tmp_path / PLAYLIST_NAME).read_text(encoding="utf-8").splitlines()) == 2 + 2 * 7


def test_a_damaged_cache_entry_is_made_again(tmp_path: Path, syntheses: list[int]) -> None:
    calls = syntheses
    cache = tmp_path / "cache"
    write_issue_audio(make_issue(SHORT), tmp_path / "one", OFFLINE, cache_dir=cache)
    [entry] = cache.rglob("*.mp3")
    entry.write_bytes(entry.read_bytes()[:1000])  # as a full disk or a killed copy leaves it
    [audio] = write_issue_audio(make_issue(SHORT), tmp_path / "two", OFFLINE, cache_dir=cache)
    assert len(calls) == 2 and not audio.from_cache
    assert MP3(audio.path).info.length == pytest.approx(audio.duration, abs=0.05)


def test_a_unit_with_nothing_to_say_still_gets_a_clip(tmp_path: Path) -> None:
    article = Article(Headline(title="会议强调"), ["会议强调，要加强。……", "要落实！"], byline=["张明提"])
    [audio] = write_issue_audio(make_issue(article), tmp_path, OFFLINE)
    assert [t[0] for t in audio.timings] == ["s0-0", "s1-0", "s1-1", "s2-0", "s3-0"]
    assert all(end > start for _, start, end in audio.timings)
    assert audio.timings[-1][2] <= audio.duration
