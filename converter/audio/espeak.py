"""The offline engine: Mandarin from the espeak-ng library shipped by the ``espeakng-loader`` wheel.

Loaded through ctypes, nothing installed on the system.  The library keeps
global state and is not thread-safe, so a process holds one instance behind
one lock (``PROCESS_LIBRARY``); parallel work uses several processes, each
running ``synthesize_offline``.
"""

from __future__ import annotations

import ctypes
import threading
from array import array
from collections.abc import Sequence
from typing import Any

import espeakng_loader

from converter.audio.engines import ESPEAK_VOICE, AudioOptions, Synthesis
from converter.audio.master import master
from converter.audio.speech_text import SpokenUnit
from converter.errors import ConverterError

VOICE = ESPEAK_VOICE

# speak_lib.h constants.
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000  # report errors instead of calling exit()
_CHARS_UTF8 = 1
_POS_CHARACTER = 1
_RATE, _VOLUME, _PITCH = 1, 2, 3
_DEFAULT_RATE_WPM = 175
_DEFAULT_VOLUME = 100
_DEFAULT_PITCH = 50
_MAX_VOLUME = 200
_MAX_PITCH = 100
_MIN_RATE_WPM, _MAX_RATE_WPM = 80, 450
_PITCH_HZ_PER_STEP = 2.0  # espeak's 0–100 pitch scale, about 2 Hz a step near its default

_Callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class EspeakError(ConverterError):
    """The embedded espeak-ng library could not be loaded or refused the text."""


class _Library:
    """The process's one espeak-ng instance, initialised once, used under a lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        try:
            self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        except OSError as exc:
            raise EspeakError(f"cannot load the offline voice (espeak-ng): {exc}") from exc
        lib = self.lib
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetSynthCallback.argtypes = [_Callback]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
            ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]
        data_path = espeakng_loader.get_data_path().encode()
        self.sample_rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data_path, _INITIALIZE_DONT_EXIT)
        if self.sample_rate <= 0:
            raise EspeakError(f"cannot start the offline voice: no espeak-ng data in {data_path.decode()}")
        self._chunks: list[bytes] = []
        self._callback = _Callback(self._collect)  # kept referenced for the library's lifetime
        lib.espeak_SetSynthCallback(self._callback)
        if lib.espeak_SetVoiceByName(VOICE.encode()) != 0:
            raise EspeakError(f"the offline voice has no Mandarin ({VOICE})")

    def _collect(self, wav: ctypes._Pointer, count: int, _events: int) -> int:
        if count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0  # 0 = go on synthesising

    def set_prosody(self, rate_percent: int, volume_percent: int, pitch_hz: int) -> None:
        rate = round(_DEFAULT_RATE_WPM * (100 + rate_percent) / 100)
        volume = round(_DEFAULT_VOLUME * (100 + volume_percent) / 100)
        pitch = round(_DEFAULT_PITCH + pitch_hz / _PITCH_HZ_PER_STEP)
        self.lib.espeak_SetParameter(_RATE, min(max(rate, _MIN_RATE_WPM), _MAX_RATE_WPM), 0)
        self.lib.espeak_SetParameter(_VOLUME, min(max(volume, 0), _MAX_VOLUME), 0)
        self.lib.espeak_SetParameter(_PITCH, min(max(pitch, 0), _MAX_PITCH), 0)

    def synthesize(self, text: str) -> bytes:
        """16-bit mono PCM at ``sample_rate`` for ``text`` (caller holds the lock)."""
        encoded = text.encode("utf-8") + b"\0"
        self._chunks = []
        status = self.lib.espeak_Synth(encoded, len(encoded), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
        if status != 0:
            raise EspeakError(f"the offline voice failed on: {text[:30]}… (espeak-ng status {status})")
        return b"".join(self._chunks)

    def close(self) -> None:
        """Unload the library, its state with it (caller holds the lock)."""
        import _ctypes

        self.lib.espeak_Terminate()
        _ctypes.dlclose(self.lib._handle)


class _ProcessLibrary:
    """The process's one espeak-ng, loaded on first use and unloaded to start afresh.

    The C library has global state and is not thread-safe: one instance per
    process, reached only through ``PROCESS_LIBRARY``, is the one piece of
    module state of the audio package, on purpose.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._library: _Library | None = None

    def get(self) -> _Library:
        with self._lock:
            if self._library is None:
                self._library = _Library()
            return self._library

    def unload(self) -> None:
        """Unload the library (the next ``get`` loads it again from its first state)."""
        with self._lock:
            if self._library is not None:
                with self._library.lock:
                    self._library.close()
                self._library = None


PROCESS_LIBRARY = _ProcessLibrary()


class EspeakVoice:
    """Mandarin PCM from the embedded espeak-ng, one text at a time."""

    def __init__(self, rate_percent: int = 0, volume_percent: int = 0, pitch_hz: int = 0) -> None:
        self.rate_percent = rate_percent
        self.volume_percent = volume_percent
        self.pitch_hz = pitch_hz
        self.sample_rate = PROCESS_LIBRARY.get().sample_rate

    def restart(self) -> None:
        """Start the next text from espeak-ng's first state.

        The library carries state from text to text (its output for the same
        text differs slightly with what it read before, even after
        espeak_Terminate), so a worker process that happened to read other
        articles first would make different bytes.  Unloading and loading it
        again, about 15 ms, makes each article's audio a function of its text.
        """
        PROCESS_LIBRARY.unload()

    def pcm(self, text: str) -> array:
        """Signed 16-bit samples for ``text``; empty for text with nothing to say."""
        library = PROCESS_LIBRARY.get()
        with library.lock:
            library.set_prosody(self.rate_percent, self.volume_percent, self.pitch_hz)
            raw = library.synthesize(text)
        samples = array("h")
        samples.frombytes(raw)
        return samples


class EspeakEngine:
    """Offline Mandarin from the embedded espeak-ng, one unit at a time so each timing is exact."""

    name = "espeak"
    voice = ESPEAK_VOICE
    polyphones_in_pinyin = True  # its Mandarin dictionary says guàn in 冠状, zhǎng in 长期…

    def __init__(self, options: AudioOptions) -> None:
        self.options = options

    def identity(self) -> dict[str, Any]:
        o = self.options
        return {"engine": self.name, "voice": self.voice, "rate": o.rate_percent, "volume": o.volume_percent,
                "pitch": o.pitch_hz, "bitrate": o.bitrate}

    def synthesize(self, units: Sequence[SpokenUnit]) -> Synthesis:
        voice = EspeakVoice(self.options.rate_percent, self.options.volume_percent, self.options.pitch_hz)
        voice.restart()  # the article's sound depends on its text only, not on what the process read before
        pcm = array("h")
        starts: list[int] = []
        for unit in units:
            starts.append(len(pcm))
            if unit.speech:
                pcm.extend(voice.pcm(unit.speech))
            pcm.frombytes(bytes(2 * round(unit.pause_after * voice.sample_rate)))
        return master(pcm.tobytes(), voice.sample_rate, [u.anchor for u in units], starts,
                      bitrate_kbps=self.options.bitrate, engine=self.name, voice=self.voice)


def synthesize_offline(options: AudioOptions, units: Sequence[SpokenUnit]) -> Synthesis:
    """One article with the offline voice; a top-level function so worker processes can run it."""
    return EspeakEngine(options).synthesize(units)
