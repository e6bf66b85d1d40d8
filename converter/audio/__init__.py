"""Narration: one MP3 per article, with sentence timings, tags, subtitles and a playlist.

The names below are loaded on first use: a worker process of the offline voice
imports this package to reach ``engines`` and should not pay for the online
voice's network stack.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "AudioOptions": "engines",
    "AudioOptionsError": "engines",
    "Synthesis": "engines",
    "UnitTiming": "engines",
    "ArticleAudio": "issue",
    "NarrationRun": "issue",
    "write_issue_audio": "issue",
    "VoiceInfo": "voices",
    "list_voices": "voices",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
