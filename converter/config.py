"""Settings: archive defaults in ``converter.toml``, per-issue metadata in ``issue.toml``.

Precedence, lowest to highest: built-in defaults → ``converter.toml`` → an
issue's ``issue.toml`` (metadata only) → the command line.

converter.toml (in the working folder, or given with --config)::

    newspaper = "兴县报"
    publisher = "兴县融媒体中心"
    output = "out"
    pinyin = false          # or "tone" | "tone3" | "zhuyin"
    engine = "auto"         # auto | edge | espeak
    voice = "zh-CN-XiaoxiaoNeural"
    base_url = "https://example.org/audio"   # the podcast feed's links made absolute

issue.toml (inside an issue folder, or NAME.issue.toml beside a single page file)::

    date = 2020-02-12
    number = "第1234期"
    title = "兴县报 2020年2月12日"    # optional; built from newspaper and date otherwise
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from converter.errors import InputError

CONFIG_NAME = "converter.toml"
ISSUE_META_NAME = "issue.toml"
PINYIN_STYLES = ("tone", "tone3", "zhuyin")
ENGINES = ("auto", "edge", "espeak")
MAX_JOBS = 1024  # more is a typing mistake, not a machine; the run uses no more than its CPUs anyway


@dataclass
class Settings:
    """Everything a run needs to know besides its inputs."""

    output: Path = Path("out")
    newspaper: str | None = None
    publisher: str | None = None
    pinyin: str | None = None  # None, or one of PINYIN_STYLES
    audio: bool = True
    read_along: bool = False
    web: bool = True  # the web edition: OUTDIR/index.html and each issue's pages
    engine: str = "auto"
    voice: str | None = None
    rate: str = "+0%"
    volume: str = "+0%"
    pitch: str = "+0Hz"
    jobs: int = 0  # 0: one per CPU
    force: bool = False
    scheduler: str | None = None  # a Dask scheduler's address: convert the issues on its cluster
    base_url: str | None = None  # where OUTDIR is published: the podcast feed's links are absolute


@dataclass
class IssueMeta:
    title: str | None = None
    date: dt.date | None = None
    number: str | None = None
    newspaper: str | None = None
    publisher: str | None = None


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def load_settings(config_path: Path | None, cwd: Path | None = None) -> Settings:
    """Settings from ``config_path``, or from ./converter.toml when it exists."""
    settings = Settings()
    if config_path is None:
        candidate = (cwd or Path.cwd()) / CONFIG_NAME
        if not candidate.is_file():
            return settings
        config_path = candidate
    data = _load_toml(config_path)
    _refuse_unknown(data, {f.name for f in fields(Settings)}, config_path)
    if data.get("pinyin") is True:
        data["pinyin"] = "tone"
    elif data.get("pinyin") is False:
        data["pinyin"] = None
    for key, value in data.items():
        wanted = _SETTING_TYPES[key]
        # bool is an int to Python, never to a person writing jobs = true
        if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
            kind = {str: "text", bool: "true or false", int: "a whole number"}.get(wanted, "a style name")
            raise InputError(f"{config_path}: {key} must be {kind}, not {value!r}")
        setattr(settings, key, value)
    if isinstance(settings.output, str):
        settings.output = (config_path.parent / settings.output).resolve()
    validate_settings(settings, str(config_path))
    return settings


# What each converter.toml setting takes (pinyin: a style name, true or false).
_SETTING_TYPES: dict[str, type | tuple[type, ...]] = {
    "output": str, "newspaper": str, "publisher": str, "pinyin": (str, type(None)), "audio": bool,
    "read_along": bool, "engine": str, "voice": str, "rate": str, "volume": str, "pitch": str,
    "jobs": int, "force": bool, "scheduler": str, "web": bool, "base_url": str,
}


def _refuse_unknown(data: dict[str, Any], known: set[str], path: Path) -> None:
    """A misspelt key would be silently ignored: say so instead."""
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(f"{path}: unknown setting(s) {', '.join(unknown)}")


def validate_settings(settings: Settings, origin: str) -> None:
    if settings.pinyin is not None and settings.pinyin not in PINYIN_STYLES:
        raise InputError(f"{origin}: pinyin must be one of {', '.join(PINYIN_STYLES)}, not {settings.pinyin!r}")
    if settings.engine not in ENGINES:
        raise InputError(f"{origin}: engine must be one of {', '.join(ENGINES)}, not {settings.engine!r}")
    if not isinstance(settings.jobs, int) or not 0 <= settings.jobs <= MAX_JOBS:
        raise InputError(
            f"{origin}: jobs must be a whole number from 0 (one per CPU) to {MAX_JOBS}, not {settings.jobs}"
        )
    if settings.base_url is not None and not settings.base_url.startswith(("https://", "http://")):
        raise InputError(f"{origin}: base_url must start with https:// or http://, not {settings.base_url!r}")


def issue_meta_path(issue_input: Path) -> Path:
    """Where an issue's metadata lives: ``issue.toml`` in its folder, or ``NAME.issue.toml`` beside its file."""
    if issue_input.is_dir():
        return issue_input / ISSUE_META_NAME
    return issue_input.with_name(issue_input.stem + "." + ISSUE_META_NAME)


def load_issue_meta(issue_input: Path) -> IssueMeta:
    path = issue_meta_path(issue_input)
    if not path.is_file():
        return IssueMeta()
    data = _load_toml(path)
    _refuse_unknown(data, {f.name for f in fields(IssueMeta)}, path)
    meta = IssueMeta()
    for key, value in data.items():
        if key == "date":
            meta.date = _as_date(value, path)
        elif isinstance(value, str) or (key == "number" and type(value) is int):
            setattr(meta, key, str(value))  # number = 1234 is as good as number = "1234"
        else:
            kind = "text or a whole number" if key == "number" else "text"
            raise InputError(f"{path}: {key} must be {kind}, not {value!r}")
    return meta


def _as_date(value: Any, path: Path) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(f"{path}: date must look like 2020-02-12, not {value!r}") from exc
