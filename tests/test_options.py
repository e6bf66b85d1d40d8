"""The options table (converter/options.py) and everything made from it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from converter.cli import _settings_from_args, build_parser
from converter.config import load_issue_meta, load_settings
from converter.convert import output_options
from converter.errors import InputError
from converter.options import (
    OPTIONS,
    IssueMeta,
    Settings,
    add_arguments,
    apply_arguments,
    option,
    output_values,
    table,
)
from converter.options.checks import settings_from_toml
from converter.options.readme import options_markdown, with_options_table

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_is_a_row_with_help_and_a_valid_default() -> None:
    assert [row.name for row in OPTIONS] == [f.name for f in dataclasses.fields(Settings)]
    for row in OPTIONS:
        assert row.help and all(flag.help for flag in row.flags), row.name
        if row.choices is not None:
            assert {row.default, row.on_value} - {None} <= set(row.choices), row.name
        if row.low is not None:
            assert row.low <= row.default <= row.high, row.name


def test_choices_are_read_from_their_homes() -> None:
    from converter.audio.engines import ENGINES
    from converter.epub import PINYIN_STYLES as BOOK_STYLES
    from converter.pinyin.styles import STYLES

    rows = {row.name: row for row in OPTIONS}
    assert rows["pinyin"].choices is not None and tuple(rows["pinyin"].choices) == STYLES
    assert rows["engine"].choices is not None and tuple(rows["engine"].choices) == ENGINES
    assert BOOK_STYLES == STYLES  # the book's own check of the style agrees with the registry


def test_the_command_line_starts_without_loading_pypinyin_or_the_voices() -> None:
    code = ("import sys; from converter.cli import build_parser; build_parser(); "
            "print(sorted(m for m in ('pypinyin', 'converter.audio.engines', 'converter.pinyin') if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"


def test_help_lists_the_choices_from_their_homes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["convert", "--help"])
    shown = capsys.readouterr().out
    assert "--pinyin-style {tone,tone3,zhuyin}" in shown and "--engine {auto,edge,espeak}" in shown
    assert "speaking rate, e.g. -10%\n" in shown  # a % in the table is not an argparse format


def old_output_options(settings: Settings) -> dict[str, object]:
    """batch.output_options as it was written by hand: the fingerprints of existing outputs depend on it."""
    voice = settings.audio
    return {
        "newspaper": settings.newspaper, "publisher": settings.publisher, "pinyin": settings.pinyin,
        "audio": settings.audio, "read_along": settings.read_along, "web": settings.web,
        "engine": settings.engine if voice else None, "voice": settings.voice if voice else None,
        "rate": settings.rate if voice else None, "volume": settings.volume if voice else None,
        "pitch": settings.pitch if voice else None,
    }


SWITCHES = list(itertools.product([True, False], [True, False], [None, "zhuyin"]))


@pytest.mark.parametrize(("audio", "web", "pinyin"), SWITCHES)
def test_the_fingerprinted_options_are_those_written_by_hand_before(audio: bool, web: bool, pinyin: str | None) -> None:
    settings = Settings(audio=audio, web=web, pinyin=pinyin, newspaper="兴县报", publisher="兴县融媒体中心",
                        read_along=audio, engine="espeak", voice="cmn", rate="-10%", volume="+5%", pitch="-2Hz",
                        jobs=3, force=True, base_url="https://example.org/x", scheduler="tcp://h:8786",
                        output=Path("/elsewhere"))
    made = output_options(settings)
    assert made == old_output_options(settings)
    assert list(made) == list(old_output_options(settings))  # manifest.json's "options" keep their order


def parse(argv: list[str], config: Path | None = None) -> Settings:
    extra = ["--config", str(config)] if config else []
    return _settings_from_args(build_parser().parse_args(["convert", "in.txt", *extra, *argv]))


@pytest.mark.parametrize(
    ("argv", "toml", "style"),
    [
        (["--no-pinyin", "--pinyin"], "", None),  # --no-pinyin wins wherever it is
        (["--pinyin-style", "zhuyin", "--pinyin"], "", "zhuyin"),
        (["--pinyin"], 'pinyin = "tone3"', "tone3"),  # --pinyin keeps the style converter.toml chose
        ([], "pinyin = true", "tone"),
        (["--pinyin-style", "tone3"], "pinyin = false", "tone3"),
    ],
)
def test_pinyin_flags_over_converter_toml(tmp_path: Path, argv: list[str], toml: str, style: str | None) -> None:
    config = tmp_path / "converter.toml"
    config.write_text(toml + "\n", "utf-8")
    assert parse(argv, config).pinyin == style


def test_flags_left_out_keep_converter_toml(tmp_path: Path) -> None:
    config = tmp_path / "converter.toml"
    config.write_text('audio = false\nweb = false\nforce = true\njobs = 3\noutput = "books"\nvoice = "cmn"\n', "utf-8")
    settings = parse([], config)
    assert (settings.audio, settings.web, settings.force, settings.jobs) == (False, False, True, 3)
    assert settings.output == tmp_path / "books" and settings.voice == "cmn"
    flagged = parse(["--jobs", "2", "-o", "x", "--voice", "zh-CN-YunyangNeural", "--read-along"], None)
    assert (flagged.jobs, flagged.output, flagged.voice) == (2, Path("x"), "zh-CN-YunyangNeural")
    assert flagged.read_along and flagged.audio


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('engine = "festival"', "engine must be one of auto, edge, espeak, not 'festival'"),
        ("engine = 3", "engine must be one of auto, edge, espeak, not 3"),
        ("pinyin = 5", "pinyin must be one of tone, tone3, zhuyin, true or false, not 5"),
        ("jobs = 2000", "jobs must be a whole number from 0 (one per CPU) to 1024, not 2000"),
        ("jobs = -1", "jobs must be a whole number from 0 (one per CPU) to 1024, not -1"),
        ('base_url = "example.org"', "base_url must start with https:// or http://, not 'example.org'"),
        ("force = 1", "force must be true or false, not 1"),
        ("rate = 10", "rate must be text, not 10"),
    ],
)
def test_converter_toml_errors_are_one_line(tmp_path: Path, line: str, message: str) -> None:
    config = tmp_path / "converter.toml"
    config.write_text(line + "\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_settings(config)
    assert str(caught.value) == f"{config}: {message}"


@pytest.mark.parametrize(
    ("text", "meta"),
    [
        ("date = 2020-02-12\nnumber = 1234\n", IssueMeta(date=dt.date(2020, 2, 12), number="1234")),
        ('date = "2020-02-12"\ntitle = "特刊"\n', IssueMeta(date=dt.date(2020, 2, 12), title="特刊")),
        ("date = 2020-02-12T08:00:00\npublisher = \"x\"\n", IssueMeta(date=dt.date(2020, 2, 12), publisher="x")),
    ],
)
def test_issue_toml_is_read_by_its_table(tmp_path: Path, text: str, meta: IssueMeta) -> None:
    (tmp_path / "issue.toml").write_text(text, "utf-8")
    assert load_issue_meta(tmp_path) == meta


@pytest.mark.parametrize(
    ("line", "message"),
    [('date = "2020-13-01"', "date must look like 2020-02-12, not '2020-13-01'"),
     ("number = 12.5", "number must be text or a whole number, not 12.5"),
     ("pinyin = true", "unknown setting(s) pinyin")],
)
def test_issue_toml_errors_are_one_line(tmp_path: Path, line: str, message: str) -> None:
    (tmp_path / "issue.toml").write_text(line + "\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_issue_meta(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'issue.toml'}: {message}"


def test_readme_lists_the_table() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert with_options_table(readme) == readme, "README's option list is stale: python -m converter.options README.md"
    assert options_markdown() in readme and options_markdown(IssueMeta, "issue.toml") in readme
    for row in (*OPTIONS, *table(IssueMeta)):
        assert f"| `{row.name}` |" in readme
    stale = readme.replace("| `jobs` | `--jobs` | `0` |", "| `jobs` | `--jobs` | `2` |")
    assert with_options_table(stale) == readme


# ---------------------------------------------------------------- a new option is one row


@dataclasses.dataclass
class WithBitrate(Settings):
    """Settings with one more voice option, declared as a row of the table and nowhere else."""

    bitrate: int = option(48, "MP3 bitrate of the offline voice, kbit/s", changes=("audio",), low=32, high=128,
                          flag="--bitrate")


def test_a_new_voice_option_is_one_row(tmp_path: Path) -> None:
    import argparse

    parser = argparse.ArgumentParser()
    add_arguments(parser, WithBitrate)
    settings = WithBitrate()
    apply_arguments(settings, parser.parse_args(["--bitrate", "64"]))
    assert settings.bitrate == 64  # the command line (an int, as the field says)
    assert "--bitrate BITRATE" in parser.format_help() and "kbit/s" in parser.format_help()

    config = tmp_path / "converter.toml"
    config.write_text("bitrate = 40\n", "utf-8")
    assert settings_from_toml({"bitrate": 40}, config, WithBitrate).bitrate == 40  # converter.toml
    with pytest.raises(InputError, match=r"bitrate must be a whole number from 32 to 128, not 320$"):
        settings_from_toml({"bitrate": 320}, config, WithBitrate)
    with pytest.raises(InputError, match=r"bitrate must be a whole number, not '64'$"):
        settings_from_toml({"bitrate": "64"}, config, WithBitrate)

    assert output_values(WithBitrate(bitrate=64))["bitrate"] == 64  # the fingerprint: a change remakes the audio
    assert output_values(WithBitrate(bitrate=64, audio=False))["bitrate"] is None  # …and nothing without audio
    assert "| `bitrate` | `--bitrate` | `48` | 32–128 | audio | MP3 bitrate" in options_markdown(WithBitrate)
    assert [row.name for row in table(WithBitrate)] == [*(row.name for row in OPTIONS), "bitrate"]
