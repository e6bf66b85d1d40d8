"""Narration: one MP3 per article, with sentence timings, tags, subtitles and a playlist."""

from converter.audio.engines import AudioOptions, AudioOptionsError, Synthesis, UnitTiming
from converter.audio.issue import ArticleAudio, NarrationRun, write_issue_audio
from converter.audio.voices import VoiceInfo, list_voices

__all__ = [
    "ArticleAudio",
    "AudioOptions",
    "AudioOptionsError",
    "NarrationRun",
    "Synthesis",
    "UnitTiming",
    "VoiceInfo",
    "list_voices",
    "write_issue_audio",
]
