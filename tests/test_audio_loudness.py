"""Loudness: the BS.1770 measure against pyloudnorm and the standard's own reference, true
peaks between samples, levelling real offline speech, and the same bytes for the same input."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest
from mutagen.id3 import ID3
from scipy.signal import resample_poly

from converter.audio.engines import AudioOptions
from converter.audio.espeak import EspeakVoice
from converter.audio.loudness import CEILING_DBTP, TARGET_LUFS, integrated_loudness, level, true_peak_dbtp
from converter.audio.master import master
from converter.audio.narration import write_issue_audio
from tests.conftest import make_issue
from tests.test_audio_offline import APPEAL, MEETING, SHORT

RATE = 22050


@pytest.fixture(scope="module")
def speech() -> np.ndarray:
    """A paragraph of the sample page read by the offline voice, as it comes (about -19 LUFS, peaks at 0 dBFS)."""
    voice = EspeakVoice()
    return np.frombuffer(bytes(voice.pcm(MEETING.paragraphs[2])), dtype=np.int16).copy()


def reference_true_peak(samples: np.ndarray) -> float:
    """dBTP from scipy's polyphase resampler at eight times the rate (finer than ours)."""
    return float(20 * np.log10(np.abs(resample_poly(samples, 8, 1)).max()))


def test_integrated_loudness_agrees_with_pyloudnorm_and_the_standard(speech: np.ndarray) -> None:
    samples = speech / 32768.0
    assert integrated_loudness(samples, RATE) == pytest.approx(pyloudnorm.Meter(RATE).integrated_loudness(samples), abs=0.15)
    # BS.1770: a full-scale 997 Hz sine reads -3.01 LUFS, at any sample rate.
    for rate in (22050, 24000, 48000):
        sine = np.sin(2 * np.pi * 997 * np.arange(5 * rate) / rate)
        assert integrated_loudness(sine, rate) == pytest.approx(-3.01, abs=0.05)
    assert integrated_loudness(np.zeros(RATE), RATE) == float("-inf")
    assert integrated_loudness(samples * 10 ** (-10 / 20), RATE) == pytest.approx(integrated_loudness(samples, RATE) - 10, abs=0.01)


def test_true_peak_sees_between_the_samples() -> None:
    # A quarter of the sample rate, 45° off: every sample is at 0.707, the wave itself reaches 1.
    sine = np.sin(2 * np.pi * (np.arange(4000) / 4) + np.pi / 4)
    assert 20 * np.log10(np.abs(sine).max()) == pytest.approx(-3.01, abs=0.01)
    taper = np.ones(len(sine))
    taper[:200], taper[-200:] = np.hanning(400)[:200], np.hanning(400)[200:]  # no clicks at the ends
    assert true_peak_dbtp(sine * taper) == pytest.approx(0.0, abs=0.05)


@pytest.mark.parametrize("gain_db", [-14.0, 0.0])
def test_quiet_and_loud_speech_end_at_the_target_under_the_ceiling(speech: np.ndarray, gain_db: float) -> None:
    raw = np.round(speech * 10 ** (gain_db / 20)).astype(np.int16)
    leveled = level(raw, RATE) / 32768.0
    assert pyloudnorm.Meter(RATE).integrated_loudness(leveled) == pytest.approx(TARGET_LUFS, abs=0.3)
    assert reference_true_peak(leveled) <= CEILING_DBTP + 0.15
    # The limiter only turned down the loud moments: seven tenths of the speech is the input
    # times one gain, within a decibel, and that gain is the plain one plus at most 2 dB made up.
    # (espeak-ng's peaks stand about 19 dB over its loudness; -16 LUFS under -2.5 dBTP allows 13.5.)
    voiced = np.abs(raw) > np.abs(raw).max() / 64
    ratio_db = 20 * np.log10(leveled[voiced] * 32768.0 / raw[voiced])
    gain_db = float(np.median(ratio_db))
    assert np.mean(np.abs(ratio_db - gain_db) < 1.0) > 0.7
    plain_db = TARGET_LUFS - integrated_loudness(raw / 32768.0, RATE)
    assert plain_db <= gain_db < plain_db + 2.0


def test_silence_stays_silence() -> None:
    assert not level(np.zeros(RATE, dtype=np.int16), RATE).any()


def test_the_same_samples_give_the_same_mp3(speech: np.ndarray) -> None:
    made = [master(speech.tobytes(), RATE, ["s0-0"], [0], bitrate_kbps=48, engine="espeak", voice="cmn") for _ in range(2)]
    assert made[0].mp3 == made[1].mp3 and made[0].timings == made[1].timings


def test_an_article_reads_to_the_same_bytes_whatever_was_read_before(tmp_path) -> None:
    """espeak-ng carries state from text to text; each article starts from a fresh voice."""
    options = AudioOptions(engine="espeak")
    alone = write_issue_audio(make_issue(SHORT), tmp_path / "alone", options)
    after = write_issue_audio(make_issue(APPEAL, SHORT), tmp_path / "after", options)

    def audio(path) -> bytes:
        data = path.read_bytes()
        return data[ID3(path).size:]

    assert audio(alone[0].path) == audio(after[1].path)
    assert alone[0].timings == after[1].timings
