"""`converter voices`: the service's list when online, the built-in list otherwise."""

from __future__ import annotations

import edge_tts
import pytest

from converter.cli import main


def test_offline_lists_the_built_in_voices_and_says_why(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    async def unreachable() -> list:
        raise OSError("Cannot connect to host")

    monkeypatch.setattr(edge_tts, "list_voices", unreachable)
    assert main(["voices"]) == 0
    captured = capsys.readouterr()
    names = [line.split()[0] for line in captured.out.splitlines()]
    assert names[0] == "zh-CN-XiaoxiaoNeural" and "zh-CN-YunyangNeural" in names and names[-1] == "cmn"
    assert captured.err == "converter: cannot fetch the online voice list (OSError); these are the built-in voices\n"


def test_online_lists_the_service_voices(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    async def service() -> list:
        return [
            {"ShortName": "zh-TW-HsiaoChenNeural", "Locale": "zh-TW", "Gender": "Female"},
            {"ShortName": "en-US-AriaNeural", "Locale": "en-US", "Gender": "Female"},
            {"ShortName": "zh-CN-YunyangNeural", "Locale": "zh-CN", "Gender": "Male",
             "VoiceTag": {"VoicePersonalities": ["Professional"]}},
        ]

    monkeypatch.setattr(edge_tts, "list_voices", service)
    assert main(["voices"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert names == ["zh-CN-YunyangNeural", "zh-TW-HsiaoChenNeural", "cmn"]


def test_offline_flag_never_asks_the_service(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    async def must_not_be_called() -> list:
        raise AssertionError("the service was asked")

    monkeypatch.setattr(edge_tts, "list_voices", must_not_be_called)
    assert main(["voices", "--offline"]) == 0
    assert capsys.readouterr().err == ""
