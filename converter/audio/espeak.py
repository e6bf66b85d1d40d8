"""Offline Mandarin: the espeak-ng library shipped by the ``espeakng-loader`` wheel.

Loaded through ctypes, nothing installed on the system.  The library keeps
global state and is not thread-safe, so a process holds one instance behind
one lock; parallel work uses several processes.
"""

from __future__ import annotations

import ctypes
import threading
from array import array

import espeakng_loader

from converter.errors import ConverterError

VOICE = "cmn"

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


_library: _Library | None = None
_library_lock = threading.Lock()


def _shared_library() -> _Library:
    global _library
    with _library_lock:
        if _library is None:
            _library = _Library()
        return _library


class EspeakVoice:
    """Mandarin PCM from the embedded espeak-ng, one text at a time."""

    def __init__(self, rate_percent: int = 0, volume_percent: int = 0, pitch_hz: int = 0) -> None:
        self.rate_percent = rate_percent
        self.volume_percent = volume_percent
        self.pitch_hz = pitch_hz
        self.sample_rate = _shared_library().sample_rate

    def restart(self) -> None:
        """Start the next text from espeak-ng's first state.

        The library carries state from text to text (its output for the same
        text differs slightly with what it read before, even after
        espeak_Terminate), so a worker process that happened to read other
        articles first would make different bytes.  Unloading and loading it
        again, about 15 ms, makes each article's audio a function of its text.
        """
        global _library
        with _library_lock:
            if _library is not None:
                with _library.lock:
                    _library.close()
                _library = None

    def pcm(self, text: str) -> array:
        """Signed 16-bit samples for ``text``; empty for text with nothing to say."""
        library = _shared_library()
        with library.lock:
            library.set_prosody(self.rate_percent, self.volume_percent, self.pitch_hz)
            raw = library.synthesize(text)
        samples = array("h")
        samples.frombytes(raw)
        return samples
