"""Synthesised articles kept by what was said and how, so nothing is read twice.

The key hashes the spoken text of every unit, its anchor and pause, the
engine's identity (engine, voice, rate, volume, pitch, bitrate) and a format
version; the same article in another issue or run finds its audio again.
An entry is the MP3 (before tagging) and a JSON file with the timings; the
JSON is written last and names the MP3's size, so a half-written entry is
never taken.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from converter.atomic import atomic_write_bytes, atomic_write_text
from converter.audio.engines import Synthesis
from converter.audio.speech_text import SpokenUnit

# Raise when what is stored or how it is made changes, to leave old entries behind.
FORMAT_VERSION = 2  # 2: levelled to -16 LUFS, lead-in silence


def cache_key(units: Sequence[SpokenUnit], identity: dict[str, Any]) -> str:
    spoken = [[u.anchor, u.speech, u.pause_after] for u in units]
    payload = json.dumps({"format": FORMAT_VERSION, "voice": identity, "units": spoken},
                         ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class AudioCache:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _paths(self, key: str) -> tuple[Path, Path]:
        base = self.folder / key[:2] / key
        return base.with_suffix(".mp3"), base.with_suffix(".json")

    def get(self, key: str) -> Synthesis | None:
        mp3_path, meta_path = self._paths(key)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            mp3 = mp3_path.read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT_VERSION or meta.get("bytes") != len(mp3):
            return None
        try:
            timings = [(str(a), float(s), float(e)) for a, s, e in meta["timings"]]
            return Synthesis(mp3, float(meta["duration"]), timings, str(meta["engine"]), str(meta["voice"]))
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, key: str, synthesis: Synthesis) -> None:
        mp3_path, meta_path = self._paths(key)
        atomic_write_bytes(mp3_path, synthesis.mp3)
        meta = {
            "format": FORMAT_VERSION,
            "bytes": len(synthesis.mp3),
            "duration": synthesis.duration,
            "engine": synthesis.engine,
            "voice": synthesis.voice,
            "timings": [list(t) for t in synthesis.timings],
        }
        atomic_write_text(meta_path, json.dumps(meta, ensure_ascii=False))
