"""converter.toml and issue.toml read by the tables of ``converter.options``, and settings checked by them.

Every error is one line naming the file (or "command line"), the key and what it takes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from converter.errors import InputError
from converter.options import Option, Settings, table

KIND_WORDS: dict[type, str] = {
    str: "text", Path: "text", bool: "true or false", int: "a whole number", dt.date: "a date"}


def settings_from_toml(data: Mapping[str, Any], path: Path, settings_class: type = Settings) -> Any:
    """Settings from a converter.toml's table; paths in it are relative to its folder."""
    rows = {row.name: row for row in table(settings_class)}
    refuse_unknown(data, set(rows), path)
    settings = settings_class(**{key: _toml_value(rows[key], value, path) for key, value in data.items()})
    check_settings(settings, str(path))
    return settings


def refuse_unknown(data: Mapping[str, Any], known: set[str], path: Path) -> None:
    """A misspelt key would be silently ignored: say so instead."""
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(f"{path}: unknown setting(s) {', '.join(unknown)}")


def _toml_value(row: Option, value: Any, path: Path) -> Any:
    if row.on_value is not None and isinstance(value, bool):
        return row.on_value if value else None  # pinyin = true: tone marks
    if row.kind is dt.date:
        return _toml_date(value, f"{path}: {row.name}")
    if row.numbers_as_text and type(value) is int:
        return str(value)
    wanted = str if row.kind is Path else row.kind
    # bool is an int to Python, never to a person writing jobs = true
    if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
        raise InputError(f"{path}: {row.name} must be {kind_words(row)}, not {value!r}")
    return (path.parent / str(value)).resolve() if row.kind is Path else value


def _toml_date(value: Any, what: str) -> dt.date:
    """A TOML date or date-time, or text TOML did not read as one: ``"2020-02-12"``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(f"{what} must look like 2020-02-12, not {value!r}") from exc


def kind_words(row: Option) -> str:
    """What a key takes, as an error or README says it: ``text``, ``one of tone, tone3, zhuyin, true or false``."""
    if row.numbers_as_text:
        return "text or a whole number"
    if row.choices is not None:
        return "one of " + ", ".join([*row.choices, *(["true or false"] if row.on_value else [])])
    return KIND_WORDS.get(row.kind, row.kind.__name__)


def check_settings(settings: Any, origin: str) -> None:
    """Choices, ranges and prefixes, after converter.toml and after the command line."""
    for row in table(type(settings)):
        value = getattr(settings, row.name)
        if value is None or value in (row.default, row.on_value):
            continue  # the table's own values are valid (a test says so): the choices' home is not loaded
        if row.choices is not None and value not in row.choices:
            raise InputError(f"{origin}: {row.name} must be one of {', '.join(row.choices)}, not {value!r}")
        if row.low is not None and row.high is not None and not row.low <= value <= row.high:
            low = f"{row.low} ({row.low_means})" if row.low_means else str(row.low)
            raise InputError(f"{origin}: {row.name} must be a whole number from {low} to {row.high}, not {value}")
        if row.starts and not str(value).startswith(row.starts):
            raise InputError(f"{origin}: {row.name} must start with {' or '.join(row.starts)}, not {value!r}")
