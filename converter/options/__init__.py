"""Every option of a conversion once: type, default, choices, help, converter.toml key, outputs it changes.

``Settings`` is the table: one field per option, its annotation the type, its default the default, and
``option(...)`` the rest; the field's name is also its converter.toml key.  Made from it:

- the options of ``converter convert`` (``add_arguments``, ``apply_arguments``), in the table's order;
- the fingerprint of what an issue's outputs depend on (``output_values``);
- in ``checks``: the reading of converter.toml (``settings_from_toml``) and the checking of the merged
  settings (``check_settings``): unknown keys, types, choices, ranges, each a one-line error;
- in ``readme``: README's option lists (``python -m converter.options`` prints them, ``… README.md``
  rewrites them there).

``IssueMeta`` is the second, smaller table: the keys of issue.toml, read and checked by the same code.

A new option is one field here plus the code that uses its value.  Choices are named by their home
(``Choices("converter.pinyin.styles", "STYLES")``) and read from it only when needed, so the command line
starts without loading pypinyin or the voices.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import types
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args, get_type_hints

# What an option changes.  The first three are written per issue and make up its fingerprint;
# feed.xml is written anew by every run.
Output = Literal["epub", "audio", "web", "feed"]
ISSUE_OUTPUTS: frozenset[Output] = frozenset({"epub", "audio", "web"})
MAX_JOBS = 1024  # more is a typing mistake, not a machine; the run uses no more than its CPUs anyway

_T = TypeVar("_T")
_ROW = "converter.option"  # the key of a field's row in its metadata


class Sets(Enum):
    """What a command-line flag does besides setting a constant."""

    VALUE = "the value given after the flag"
    ON = "the option's on-value, unless it is already on"


@dataclass(frozen=True)
class Flag:
    """One spelling of an option on the command line: ``--voice NAME``, or ``--no-audio`` setting a constant."""

    names: tuple[str, ...]
    help: str = ""  # the option's help when empty
    sets: Sets | bool | None = Sets.VALUE  # or the constant the flag sets
    metavar: str | None = None

    @property
    def dest(self) -> str:
        """The attribute argparse gives it: ``--pinyin-style`` → ``pinyin_style``."""
        name = next((n for n in self.names if n.startswith("--")), self.names[0])
        return name.lstrip("-").replace("-", "_")


@dataclass(frozen=True)
class Choices:
    """The allowed values, kept in their home module (``converter.audio.engines``, ``ENGINES``)."""

    module: str
    attribute: str

    def names(self) -> tuple[str, ...]:
        return tuple(getattr(importlib.import_module(self.module), self.attribute))

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __contains__(self, value: object) -> bool:
        return value in self.names()


@dataclass(frozen=True)
class Option:
    """One row of the table; ``name``, ``kind`` and ``default`` come from its field."""

    help: str
    changes: tuple[Output, ...] = ()
    flags: tuple[Flag, ...] = ()
    choices: Choices | None = None
    low: int | None = None
    high: int | None = None
    low_means: str = ""  # what the lowest value stands for: jobs = 0, one worker per CPU
    starts: tuple[str, ...] = ()  # the prefixes a value must have
    switch: Output | None = None  # the output this option turns on or off
    on_value: str | None = None  # what `true` in converter.toml means (and --pinyin)
    numbers_as_text: bool = False  # number = 1234 is as good as number = "1234"
    name: str = ""
    kind: type = str
    default: Any = None


def option(default: _T, help: str, *, flag: str | tuple[str, ...] = (), flags: tuple[Flag, ...] = (),
           metavar: str | None = None, **details: Any) -> _T:
    """A field of the table.  ``flag``: the command line's name(s) for it; a yes/no option's flag sets
    the opposite of its default (``--no-audio``, ``--read-along``).  ``details``: the rest of ``Option``."""
    if flag:
        names = (flag,) if isinstance(flag, str) else flag
        sets = (not default) if isinstance(default, bool) else Sets.VALUE
        flags = (Flag(names, sets=sets, metavar=metavar), *flags)
    return field(default=default, metadata={_ROW: Option(help, flags=flags, **details)})


NAMING: tuple[Output, ...] = ("epub", "audio", "web", "feed")  # what names an issue is in every output
NARRATED: tuple[Output, ...] = ("audio", "web", "feed")  # the web pages play the narration, the feed lists it
NARRATION: tuple[Output, ...] = ("audio",)  # nothing else changes with a voice setting, nor without the audio
ENGINES = Choices("converter.audio.engines", "ENGINES")
PINYIN_STYLES = Choices("converter.pinyin.styles", "STYLES")


@dataclass
class Settings:
    """Everything a run needs to know besides its inputs: the table of options, in the command line's order.

    Each row: ``name: type = option(default, help, changes=outputs, checks…, flag=command-line names)``.
    """

    output: Path = option(
        Path("out"), "output folder (default: out/, or `output` in converter.toml)", flag=("-o", "--output"))
    newspaper: str | None = option(
        None, "newspaper name for titles and tags", changes=NAMING, flag="--newspaper")
    publisher: str | None = option(
        None, "publisher for the EPUB metadata", changes=("epub", "audio"), flag="--publisher")
    pinyin: str | None = option(
        None, "pinyin over every character: tone marks (zì), tone numbers (zi4) or zhuyin (ㄗˋ)",
        changes=("epub", "web"), choices=PINYIN_STYLES, on_value="tone",
        flags=(Flag(("--pinyin",), "annotate every character with pinyin (tone marks)", Sets.ON),
               Flag(("--pinyin-style",), "pinyin with tone marks (zì), tone numbers (zi4) or zhuyin (ㄗˋ); "
                    "implies --pinyin"),
               Flag(("--no-pinyin",), "no pinyin, whatever converter.toml says", None)))
    audio: bool = option(
        True, "narrate the issue: an MP3 per article and one per issue", changes=NARRATED, switch="audio",
        flags=(Flag(("--no-audio",), "make the EPUB only", False),))
    read_along: bool = option(
        False, "put the narration inside the EPUB (media overlays)", changes=("epub",), flag="--read-along")
    web: bool = option(
        True, "the web edition: OUTDIR/index.html and each issue's pages", changes=("web",), switch="web",
        flags=(Flag(("--no-web",), "no web edition (OUTDIR/index.html and the issue pages)", False),))
    engine: str = option(
        "auto", "voice engine (default: auto)", changes=NARRATION, choices=ENGINES, flag="--engine")
    voice: str | None = option(
        None, "voice name, e.g. zh-CN-YunyangNeural (see `converter voices`)", changes=NARRATION, flag="--voice")
    rate: str = option("+0%", "speaking rate, e.g. -10%", changes=NARRATION, flag="--rate")
    volume: str = option("+0%", "volume, e.g. +0%", changes=NARRATION, flag="--volume")
    pitch: str = option("+0Hz", "pitch, e.g. +0Hz", changes=NARRATION, flag="--pitch")
    jobs: int = option(
        0, "parallel workers (default: one per CPU)", low=0, high=MAX_JOBS, low_means="one per CPU", flag="--jobs")
    base_url: str | None = option(
        None, "where the output folder is published: absolute links in feed.xml", changes=("feed",),
        starts=("https://", "http://"), flag="--base-url")
    force: bool = option(False, "redo everything, even what is up to date", flag="--force")
    scheduler: str | None = option(
        None, "convert on a Dask cluster, e.g. tcp://10.0.0.5:8786 (needs converter[cluster])",
        flag="--scheduler", metavar="ADDRESS")


@dataclass
class IssueMeta:
    """What one issue is, from its issue.toml: stronger than converter.toml and the command line."""

    title: str | None = option(
        None, "the issue's title (made from newspaper, date and number when left out)", changes=NAMING)
    date: dt.date | None = option(None, "the issue's date: 2020-02-12", changes=NAMING)
    number: str | None = option(None, "the issue's number: 第1234期 or 1234", changes=NAMING, numbers_as_text=True)
    newspaper: str | None = option(None, "the newspaper's name, over converter.toml's", changes=NAMING)
    publisher: str | None = option(None, "the publisher, over converter.toml's", changes=("epub", "audio"))


# ---------------------------------------------------------------- the rows


def table(settings_class: type = Settings) -> tuple[Option, ...]:
    """The rows of a settings dataclass (``Settings``, ``IssueMeta``, or one that extends them)."""
    if settings_class is Settings:
        return OPTIONS
    return ISSUE_KEYS if settings_class is IssueMeta else _rows(settings_class)


def _rows(settings_class: type) -> tuple[Option, ...]:
    """Each row completed from its field: ``str | None`` is a ``str`` that may be left unset."""
    hints = get_type_hints(settings_class)
    rows = []
    for entry in fields(settings_class):
        row: Option = entry.metadata[_ROW]
        kinds = get_args(hints[entry.name]) or (hints[entry.name],)
        kind = next(k for k in kinds if k is not types.NoneType)
        flags = tuple(replace(flag, help=flag.help or row.help) for flag in row.flags)
        rows.append(replace(row, name=entry.name, kind=kind, default=entry.default, flags=flags))
    return tuple(rows)


OPTIONS = _rows(Settings)  # a run's settings
ISSUE_KEYS = _rows(IssueMeta)  # what issue.toml may say


# ---------------------------------------------------------------- the command line


def add_arguments(parser: argparse.ArgumentParser, settings_class: type = Settings) -> None:
    """The table's flags, in its order; a flag left out leaves its setting as converter.toml has it."""
    for row in table(settings_class):
        for flag in row.flags:
            shown = flag.help.replace("%", "%%")
            if flag.sets is not Sets.VALUE:
                parser.add_argument(*flag.names, dest=flag.dest, action="store_const", const=True, help=shown)
                continue
            kind = int if row.kind is int else str
            action = parser.add_argument(*flag.names, dest=flag.dest, type=kind, metavar=flag.metavar, help=shown)
            # Set after adding, because adding formats them, which would load their home module.
            action.choices = row.choices


def apply_arguments(settings: Any, args: argparse.Namespace) -> None:
    """The flags given on the command line over ``settings``, in the table's order (--no-pinyin wins)."""
    for row in table(type(settings)):
        for flag in row.flags:
            given = getattr(args, flag.dest, None)
            if given is None:
                continue
            if flag.sets is Sets.VALUE:
                value = Path(given) if row.kind is Path else given
            elif flag.sets is Sets.ON:
                value = getattr(settings, row.name) or row.on_value
            else:
                value = flag.sets
            setattr(settings, row.name, value)


# ---------------------------------------------------------------- the fingerprint


def output_values(settings: Any) -> dict[str, Any]:
    """The settings an issue's outputs depend on, by name; a setting of an output that is off counts as None.

    >>> output_values(Settings(audio=False, voice="zh-CN-YunyangNeural"))["voice"] is None
    True
    """
    rows = table(type(settings))
    made = {"epub"} | {row.switch for row in rows if row.switch and getattr(settings, row.name)}
    return {
        row.name: getattr(settings, row.name) if row.switch or made & set(row.changes) else None
        for row in rows
        if ISSUE_OUTPUTS & set(row.changes)
    }
