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

issue.toml (inside an issue folder, or NAME.issue.toml beside a single page file)::

    date = 2020-02-12
    number = "第1234期"
    title = "兴县报 2020年2月12日"    # optional; built from newspaper and date otherwise
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from converter.errors import InputError

CONFIG_NAME = "converter.toml"
ISSUE_META_NAME = "issue.toml"
PINYIN_STYLES = ("tone", "tone3", "zhuyin")
ENGINES = ("auto", "edge", "espeak")


@dataclass
class Settings:
    """Everything a run needs to know besides its inputs."""

    output: Path = Path("out")
    newspaper: str | None = None
    publisher: str | None = None
    pinyin: str | None = None  # None, or one of PINYIN_STYLES
    audio: bool = True
    read_along: bool = False
    engine: str = "auto"
    voice: str | None = None
    rate: str = "+0%"
    volume: str = "+0%"
    pitch: str = "+0Hz"
    jobs: int = 0  # 0: one per CPU
    force: bool = False


@dataclass
class IssueMeta:
    title: str | None = None
    date: dt.date | None = None
    number: str | None = None
    newspaper: str | None = None
    publisher: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


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
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(f"{config_path}: unknown setting(s) {', '.join(unknown)}")
    for key, value in data.items():
        setattr(settings, key, value)
    if isinstance(settings.output, str):
        settings.output = (config_path.parent / settings.output).resolve()
    if settings.pinyin is True:
        settings.pinyin = "tone"
    elif settings.pinyin is False:
        settings.pinyin = None
    validate_settings(settings, str(config_path))
    return settings


def validate_settings(settings: Settings, origin: str) -> None:
    if settings.pinyin is not None and settings.pinyin not in PINYIN_STYLES:
        raise InputError(f"{origin}: pinyin must be one of {', '.join(PINYIN_STYLES)}, not {settings.pinyin!r}")
    if settings.engine not in ENGINES:
        raise InputError(f"{origin}: engine must be one of {', '.join(ENGINES)}, not {settings.engine!r}")
    if not isinstance(settings.jobs, int) or settings.jobs < 0:
        raise InputError(f"{origin}: jobs must be a whole number ≥ 0")


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
    meta = IssueMeta()
    for key, value in data.items():
        if key == "date":
            meta.date = _as_date(value, path)
        elif key in ("title", "number", "newspaper", "publisher"):
            setattr(meta, key, str(value))
        else:
            meta.extra[key] = value
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
