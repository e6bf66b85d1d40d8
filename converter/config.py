"""Settings: archive defaults in ``converter.toml``, per-issue metadata in ``issue.toml``.

Precedence, lowest to highest: built-in defaults → ``converter.toml`` → an
issue's ``issue.toml`` (metadata only) → the command line.

converter.toml (in the working folder, or given with --config) sets the options of
``converter.options`` by their names (README lists them all)::

    newspaper = "兴县报"
    pinyin = "tone"

issue.toml (inside an issue folder, or NAME.issue.toml beside a single page file)::

    date = 2020-02-12
    number = "第1234期"
    title = "兴县报 2020年2月12日"    # optional; built from newspaper and date otherwise
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from converter.errors import InputError
from converter.options import IssueMeta, Settings
from converter.options.checks import settings_from_toml

CONFIG_NAME = "converter.toml"
ISSUE_META_NAME = "issue.toml"


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
    if config_path is None:
        candidate = (cwd or Path.cwd()) / CONFIG_NAME
        if not candidate.is_file():
            return Settings()
        config_path = candidate
    settings: Settings = settings_from_toml(_load_toml(config_path), config_path)
    return settings


def issue_meta_path(issue_input: Path) -> Path:
    """Where an issue's metadata lives: ``issue.toml`` in its folder, or ``NAME.issue.toml`` beside its file."""
    if issue_input.is_dir():
        return issue_input / ISSUE_META_NAME
    return issue_input.with_name(issue_input.stem + "." + ISSUE_META_NAME)


def load_issue_meta(issue_input: Path) -> IssueMeta:
    path = issue_meta_path(issue_input)
    if not path.is_file():
        return IssueMeta()
    meta: IssueMeta = settings_from_toml(_load_toml(path), path, IssueMeta)
    return meta
