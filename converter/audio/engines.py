"""The voices behind one small interface: units of speech in, an MP3 with timings out.

``SpeechEngine.synthesize(units)`` returns a ``Synthesis``: the MP3 bytes, its
duration and, for every unit, where it starts and ends in the file.  One
engine per module: the offline one in ``espeak.py``, the online one in ``edge.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from converter.audio.speech_text import SpokenUnit
from converter.errors import ConverterError

EngineName = Literal["auto", "edge", "espeak"]
ENGINES: tuple[EngineName, ...] = ("auto", "edge", "espeak")
EDGE_DEFAULT_VOICE = "zh-CN-XiaoxiaoNeural"
ESPEAK_VOICE = "cmn"

# (anchor, start s, end s): contiguous, in reading order, inside the duration.
UnitTiming = tuple[str, float, float]


class AudioOptionsError(ConverterError):
    """An audio option out of range or a voice the engine does not have."""


_PERCENT = re.compile(r"^([+-]?\d{1,3})%$")
_HERTZ = re.compile(r"^([+-]?\d{1,3})Hz$")
_EDGE_VOICE = re.compile(r"^[a-z]{2,}-[A-Z]{2,}-.+Neural$")  # as edge-tts accepts them


def _setting(value: str, pattern: re.Pattern[str], what: str, low: int, high: int, example: str) -> int:
    """'+10%' → 10, checked against its range; a one-line error otherwise."""
    match = pattern.match(str(value).strip())
    if match is None:
        raise AudioOptionsError(f"{what} {value!r} is not like {example!r}")
    number = int(match[1])
    if not low <= number <= high:
        raise AudioOptionsError(f"{what} {value} is out of range ({low:+d} to {high:+d})")
    return number


@dataclass(frozen=True)
class AudioOptions:
    """How articles are read.

    ``rate`` and ``volume`` are changes in percent ("+10%" = 10 % faster or
    louder), ``pitch`` a change in Hz ("-5Hz"), written as edge-tts takes
    them; the offline voice maps them onto its own scales.  ``voice`` is an
    edge-tts voice name (the offline voice is always ``cmn``); None picks the
    default.  ``bitrate`` is the offline MP3's (edge-tts always sends 48 kbit/s).
    """

    engine: EngineName = "auto"
    voice: str | None = None
    rate: str = "+0%"
    volume: str = "+0%"
    pitch: str = "+0Hz"
    bitrate: int = 48

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise AudioOptionsError(f"unknown speech engine {self.engine!r} (choose from {', '.join(ENGINES)})")
        # Parsing checks the form and the range.
        _ = self.rate_percent, self.volume_percent, self.pitch_hz
        if self.bitrate not in (32, 40, 48, 56, 64, 80, 96, 112, 128):
            raise AudioOptionsError(f"MP3 bitrate {self.bitrate} kbit/s is not one of 32–128")
        if self.voice and self.engine == "espeak" and self.voice != ESPEAK_VOICE:
            raise AudioOptionsError(f"the offline engine has only the voice {ESPEAK_VOICE!r}, not {self.voice!r}")
        if self.voice and self.engine != "espeak" and not _EDGE_VOICE.match(self.voice):
            raise AudioOptionsError(f"{self.voice!r} is not an online voice name like zh-CN-YunyangNeural "
                                    f"(see `converter voices`; the offline voice needs the espeak engine)")

    @property
    def rate_percent(self) -> int:
        return _setting(self.rate, _PERCENT, "speaking rate", -50, 100, "+10%")

    @property
    def volume_percent(self) -> int:
        return _setting(self.volume, _PERCENT, "volume", -100, 100, "-20%")

    @property
    def pitch_hz(self) -> int:
        return _setting(self.pitch, _HERTZ, "pitch", -50, 50, "+5Hz")

    @property
    def edge_voice(self) -> str:
        return self.voice or EDGE_DEFAULT_VOICE


@dataclass(frozen=True)
class Synthesis:
    """An article read aloud, before tagging: what engines return and the cache keeps."""

    mp3: bytes
    duration: float
    timings: list[UnitTiming]
    engine: str
    voice: str


class SpeechEngine(Protocol):
    name: str
    voice: str
    polyphones_in_pinyin: bool  # the voice reads polyphones out of context unless told their reading

    def identity(self) -> dict[str, Any]:
        """Everything that changes the sound, for the cache key."""
        ...

    def synthesize(self, units: Sequence[SpokenUnit]) -> Synthesis: ...


# The shortest time a unit gets, so every unit has a clip (a read-along player
# refuses empty ones), even one with nothing to say, such as a lone ellipsis.
MIN_UNIT_S = 0.01


def contiguous_timings(anchors: Sequence[str], starts: Sequence[float], end: float) -> list[UnitTiming]:
    """Unit i lasts from its start to the next unit's start (the pause after it included).

    >>> contiguous_timings(["s0-0", "s1-0"], [0.0, 1.5], 3.0)
    [('s0-0', 0.0, 1.5), ('s1-0', 1.5, 3.0)]
    >>> contiguous_timings(["s0-0", "s1-0", "s1-1"], [0.0, 1.5, 1.5], 3.0)
    [('s0-0', 0.0, 1.5), ('s1-0', 1.5, 1.51), ('s1-1', 1.51, 3.0)]
    """
    count = len(anchors)
    bounds = [0.0]
    for i in range(1, count):
        latest = end - (count - i) * MIN_UNIT_S  # room for the units still to come
        bounds.append(min(max(starts[i], bounds[-1] + MIN_UNIT_S), latest))
    bounds.append(end)
    return [(anchor, round(bounds[i], 3), round(bounds[i + 1], 3)) for i, anchor in enumerate(anchors)]
