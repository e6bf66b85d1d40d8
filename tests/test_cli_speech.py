"""`converter speech`: each article as both voices will read it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from converter.cli import main
from tests.conftest import SAMPLE


def test_speech_prints_every_article_with_numbers_written_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speech", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert len(re.findall(r"^# \d+ ", out, flags=re.M)) == 7
    assert "截至二月十一日，全县民营企业和非公经济人士已向指定账户捐款二百四十点七五万元。" in out
    assert "大力实施“四三三六”行动计划" in out
    assert "要严格落实二十四小时带班值班" in out
    assert "\n张明提、康东。\n" in out and "记者" not in out  # the page prints no role
    assert "\n走进一线，送去温暖\n" in out  # a printed space in a headline is a pause
    spoken = "\n".join(line for line in out.splitlines() if not line.startswith("# "))
    assert not re.search(r"[0-9%℃]", spoken)


def test_speech_json_pairs_each_sentence_printed_and_spoken(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speech", str(SAMPLE), "--format", "json"]) == 0
    articles = json.loads(capsys.readouterr().out)
    assert [a["article"] for a in articles] == list(range(1, 8))
    units = {u["printed"]: u["spoken"] for a in articles for u in a["units"]}
    assert units["截至2月11日，全县民营企业和非公经济人士已向指定账户捐款240.75万元。"] == (
        "截至二月十一日，全县民营企业和非公经济人士已向指定账户捐款二百四十点七五万元。"
    )
    assert units["（张明提 康东）"] == "张明提、康东。"


def test_speech_of_a_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speech", str(tmp_path / "none.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("converter: error:")
