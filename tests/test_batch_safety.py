"""Batch safety: what a run deletes, what a kill leaves, damaged and unchanged outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter import atomic
from converter.batch import run_batch
from converter.config import Settings
from tests.pagemaker import FLOOD, MARKET, SCHOOL, make_page
from tests.test_batch import Recorder, write

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "000_6f7615cd0b320972.txt"


def text_settings(out: Path, **kw) -> Settings:
    return Settings(output=out, audio=False, jobs=1, **kw)


# ---------------------------------------------------------------- only its own temporaries


def test_a_run_deletes_no_file_it_did_not_write(tmp_path: Path) -> None:
    """`-o ~`: the user's files named like temporaries, anywhere, stay; a killed run's temporaries go."""
    home = tmp_path / "home"
    page = write(tmp_path / "in" / "notes.txt", make_page([FLOOD]))
    users = [
        write(home / ".tmp-draft.txt", "mine"),
        write(home / "notes" / ".tmp-x", "mine"),
        write(home / "notes" / "audio" / ".tmp-y.mp3", "mine"),
    ]
    leftovers = [
        write(home / "notes" / ".converter-tmp-k3x_9q2a-notes.epub", "half"),
        write(home / "notes" / "audio" / ".converter-tmp-00000000-01-x.mp3", "half"),
    ]
    results = run_batch([page], text_settings(home), Recorder())
    assert results[0].status == "converted"
    for path in users:
        assert path.read_text() == "mine", path
    assert not [p for p in leftovers if p.exists()]


def test_temporaries_are_not_looked_for_through_links_or_in_other_folders(tmp_path: Path) -> None:
    elsewhere = [write(tmp_path / "elsewhere" / name, "not ours") for name in (".converter-tmp-abcdefgh-keep.epub", ".tmp-keep")]
    out = tmp_path / "out"
    (out / "notes").mkdir(parents=True)
    (out / "notes" / "audio").symlink_to(tmp_path / "elsewhere")
    other = [write(out / "other" / name, "not an issue of this run") for name in (".converter-tmp-abcdefgh-keep.epub", ".tmp-keep")]
    page = write(tmp_path / "in" / "notes.txt", make_page([FLOOD]))
    run_batch([page], text_settings(out), Recorder())
    assert all(path.read_text() == "not ours" for path in elsewhere)
    assert all(path.read_text() == "not an issue of this run" for path in other)
