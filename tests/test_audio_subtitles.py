"""Subtitles cut for a phone screen, on every sentence of the sample page and of the other papers."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.audio.subtitles import CUE_SECONDS, LINE_CHARS, clauses, split_evenly, srt_text, unit_cues
from converter.clean import parse_issue
from converter.sentences import reading_units
from tests.conftest import SAMPLE

PAGES = [SAMPLE,
         *sorted(Path("/work/shared/samples/other-papers").glob("*.txt"))[:6]]


def units_of(path: Path) -> list[str]:
    return [unit.text for article in parse_issue(path).articles for unit in reading_units(article)]


@pytest.mark.parametrize("seconds_per_char", [0.18, 0.3])
@pytest.mark.parametrize("page", [p for p in PAGES if p.exists()], ids=lambda p: p.stem[:20])
def test_every_cue_fits_two_short_lines_and_seven_seconds(page: Path, seconds_per_char: float) -> None:
    for text in units_of(page):
        length = sum(ch.isalnum() for ch in text) * seconds_per_char
        cues = unit_cues(text, 10.0, 10.0 + length)
        lines = [cue.split("\n") for _, _, cue in cues]
        assert all(1 <= len(ls) <= 2 and all(0 < len(line) <= LINE_CHARS for line in ls) for ls in lines), lines
        assert all(0 < end - start <= CUE_SECONDS + 1e-9 for start, end, _ in cues)
        # In order, back to back, inside the unit's time, every character kept.
        assert cues[0][0] == 10.0 and abs(cues[-1][1] - (10.0 + length)) < 0.01
        assert all(a[1] == pytest.approx(b[0], abs=0.002) for a, b in zip(cues, cues[1:]))
        assert "".join(cue.replace("\n", "") for _, _, cue in cues).replace(" ", "") == "".join(text.split())


def test_cues_break_at_clauses_when_they_can() -> None:
    text = "会议强调，当前疫情防控仍处于关键期、考验期，全市上下要认真学习贯彻习总书记的重要讲话精神。"
    cues = [cue for _, _, cue in unit_cues(text, 0.0, 0.22 * len(text))]
    # Cues end at clause marks; the second, one clause too long for a line, is set in two even lines.
    assert cues == ["会议强调，当前疫情防控\n仍处于关键期、考验期，", "全市上下要认真学习贯彻\n习总书记的重要讲话精神。"]
    assert clauses(text)[:3] == ["会议强调，", "当前疫情防控仍处于关键期、", "考验期，"]


def test_numbers_and_latin_words_are_never_cut() -> None:
    pieces = split_evenly("全县新增确诊COVID-19病例2020例占比12.5%其余正在排查中", 4)
    assert "".join(pieces) == "全县新增确诊COVID-19病例2020例占比12.5%其余正在排查中"
    for token in ("COVID-19", "2020", "12.5%"):
        assert any(token in piece for piece in pieces)


def test_srt_keeps_the_two_lines() -> None:
    assert srt_text([(1.0, 2.5, "会议强调，\n当前疫情防控")]) == "1\n00:00:01,000 --> 00:00:02,500\n会议强调，\n当前疫情防控\n"
