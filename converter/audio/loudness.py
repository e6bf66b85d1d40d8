"""Level speech for listening: BS.1770 loudness, gain to a target and a true-peak-safe limit.

Every MP3 is brought to ``TARGET_LUFS`` (the spoken-word podcast level), so a
listener never reaches for the volume between articles, issues or voices,
with true peaks under ``CEILING_DBTP``: the voice's own peaks, raised by the
gain, would otherwise clip in the decoder.  The limit leaves room for what MP3
encoding adds to the peaks (about half a decibel at 48 kbit/s), so the file a
player decodes stays at or under −1 dBTP.

Loudness is measured as ITU-R BS.1770-4 does (K-weighting, 400 ms blocks,
absolute and relative gates), in numpy, checked against pyloudnorm in the
tests; true peaks on the signal oversampled four times, as its Annex 2 does.  Every step is plain arithmetic on the
samples, so the same PCM always gives the same samples back.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

TARGET_LUFS = -16.0
# Measured on the PCM; the MP3 of it peaks up to about 0.6 dB higher.
CEILING_DBTP = -2.0
OVERSAMPLING = 4
# The limiter's gain moves over this time at the least: slow enough not to be
# heard as distortion on a voice, quick enough to hold one syllable down.
LIMIT_SMOOTHING_S = 0.01
SILENCE_LUFS = -70.0  # BS.1770's absolute gate: below it there is nothing to level


# BS.1770 K-weighting as two biquads for any sample rate (the analogue prototypes
# of the standard's 48 kHz coefficients, as libebur128 and pyloudnorm derive them).
_SHELF_HZ, _SHELF_GAIN_DB, _SHELF_Q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
_HIGHPASS_HZ, _HIGHPASS_Q = 38.13547087602444, 0.5003270373238773
_STEP_S = 0.1  # gating blocks: four steps (400 ms), 75 % overlap
BLOCK = 32  # samples (1.3–1.5 ms): energies, peaks and the limiter's gain go block by block


@lru_cache(maxsize=8)
def k_weighting(rate: int) -> np.ndarray:
    """The K-weighting filter for ``rate`` as second-order sections (scipy's sos layout)."""
    k = np.tan(np.pi * _SHELF_HZ / rate)
    vh = 10 ** (_SHELF_GAIN_DB / 20)
    vb = vh**0.4996667741545416
    a0 = 1 + k / _SHELF_Q + k * k
    shelf = [(vh + vb * k / _SHELF_Q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / _SHELF_Q + k * k) / a0,
             1.0, 2 * (k * k - 1) / a0, (1 - k / _SHELF_Q + k * k) / a0]
    k = np.tan(np.pi * _HIGHPASS_HZ / rate)
    a0 = 1 + k / _HIGHPASS_Q + k * k
    highpass = [1.0, -2.0, 1.0, 1.0, 2 * (k * k - 1) / a0, (1 - k / _HIGHPASS_Q + k * k) / a0]
    return np.array([shelf, highpass])


def block_energies(samples: np.ndarray, rate: int) -> np.ndarray:
    """The K-weighted energy of each block of ``BLOCK`` samples (the last one padded with silence)."""
    from scipy.signal import sosfilt

    weighted = sosfilt(k_weighting(rate), samples)
    count = -(-len(samples) // BLOCK)
    padded = np.zeros(count * BLOCK)
    padded[: len(weighted)] = weighted
    return np.einsum("ij,ij->i", *(padded.reshape(count, BLOCK),) * 2)


def gated_loudness(energies: np.ndarray, rate: int) -> float:
    """BS.1770-4 integrated loudness from per-block K-weighted energies: gating blocks
    of 400 ms every 100 ms (rounded to whole blocks), absolute then relative gate."""
    step = max(1, round(_STEP_S * rate / BLOCK))
    size = 4 * step
    if len(energies) < size:
        energies = np.concatenate([energies, np.zeros(size - len(energies))])
    running = np.concatenate([[0.0], np.cumsum(energies)])
    starts = np.arange(0, len(energies) - size + 1, step)
    power = (running[starts + size] - running[starts]) / (size * BLOCK)
    with np.errstate(divide="ignore"):
        loudness = -0.691 + 10 * np.log10(power)
    above = loudness > SILENCE_LUFS
    if not above.any():
        return float("-inf")
    relative_gate = -0.691 + 10 * np.log10(power[above].mean()) - 10
    return float(-0.691 + 10 * np.log10(power[above & (loudness > relative_gate)].mean()))


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness (BS.1770-4) in LUFS of mono float samples in [-1, 1]; -inf for silence.

    tests/test_audio_loudness.py checks it against pyloudnorm; this one sums
    energies block by block instead of looping over gating blocks.
    """
    return gated_loudness(block_energies(samples, rate), rate)


_INTERPOLATION_TAPS = 24  # 12 samples either side
# Speech band-limited by the voice overshoots between its samples by a dB or
# two at most: a stretch whose samples all stay 3 dB under the ceiling is not searched.
_PEAK_SEARCH_MARGIN = 10 ** (-3 / 20)


@lru_cache(maxsize=1)
def _interpolators() -> np.ndarray:
    """Kaiser-windowed sinc filters (one per column) giving the signal 1/4, 2/4 and 3/4
    of a sample after sample i from samples i-11 … i+12."""
    half = _INTERPOLATION_TAPS // 2
    positions = np.arange(-half + 1, half + 1, dtype=np.float64)
    window = np.kaiser(_INTERPOLATION_TAPS, 8.0)
    columns = []
    for phase in range(1, OVERSAMPLING):
        taps = np.sinc(positions - phase / OVERSAMPLING) * window
        columns.append(taps / taps.sum())
    return np.array(columns).T


def block_peaks(samples: np.ndarray, floor: float = 0.0) -> np.ndarray:
    """The true peak of each block of ``BLOCK`` samples (the last one padded), as a magnitude.

    The points between samples, at four times the rate, are computed only in
    blocks whose samples reach ``floor`` less the search margin; elsewhere
    the block's largest sample stands.
    """
    half = _INTERPOLATION_TAPS // 2
    count = -(-len(samples) // BLOCK)
    padded = np.zeros(count * BLOCK + 2 * half)
    padded[half : half + len(samples)] = samples
    peaks = np.abs(padded[half : half + count * BLOCK]).reshape(count, BLOCK).max(axis=1)
    loud = np.nonzero(peaks >= floor * _PEAK_SEARCH_MARGIN)[0]
    # Each loud block with 11 samples before it and 12 after: the windows of its BLOCK points.
    offsets = np.arange(BLOCK + 2 * half - 1)
    for chunk in np.array_split(loud, max(1, len(loud) // 4096)):
        if not len(chunk):
            continue
        spans = padded[chunk[:, None] * BLOCK + 1 + offsets]
        windows = np.lib.stride_tricks.sliding_window_view(spans, _INTERPOLATION_TAPS, axis=1)
        between = np.abs(windows @ _interpolators()).max(axis=(1, 2))
        peaks[chunk] = np.maximum(peaks[chunk], between)
    return peaks


def true_peak_dbtp(samples: np.ndarray) -> float:
    """The true peak in dBTP (dB relative to full scale, between the samples too)."""
    peak = float(block_peaks(samples).max(initial=0.0))
    return 20 * np.log10(peak) if peak > 0 else float("-inf")


def limiter_gains(peaks: np.ndarray, rate: int, ceiling: float) -> np.ndarray:
    """Per-block gains keeping blocks of these true peaks under ``ceiling``, smoothly.

    The gain each block needs is spread to the blocks around it (a moving
    minimum over twice the smoothing time), then smoothed (a moving average
    over it): an average of values each at most what a block needs is at most
    that, so no peak passes.  The whole signal is at hand, so the gain falls
    before a peak (look-ahead) and rises after it.
    """
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    needed = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12))
    if needed.min(initial=1.0) >= 1.0:
        return needed
    width = max(1, round(LIMIT_SMOOTHING_S * rate / BLOCK))
    smooth = uniform_filter1d(minimum_filter1d(needed, size=2 * width + 1, mode="nearest"), size=width, mode="nearest")
    return np.minimum(smooth, needed)


def apply_block_gains(samples: np.ndarray, gains: np.ndarray) -> np.ndarray:
    count = len(gains)
    padded = np.zeros(count * BLOCK)
    padded[: len(samples)] = samples
    return (padded.reshape(count, BLOCK) * gains[:, None]).reshape(-1)[: len(samples)]


def level(pcm: np.ndarray, rate: int, target_lufs: float = TARGET_LUFS,
          ceiling_dbtp: float = CEILING_DBTP) -> np.ndarray:
    """16-bit samples brought to ``target_lufs`` with true peaks under the ceiling, as 16-bit samples.

    The gain and the limiter's gains are found together on block energies
    and block peaks (limiting takes some loudness away, so the gain is raised
    until the limited signal is at the target), then applied once.  Silence
    (nothing above the absolute gate) is returned as it is.
    """
    samples = pcm.astype(np.float64) / 32768.0
    energies = block_energies(samples, rate)
    loudness = gated_loudness(energies, rate)
    if not loudness > SILENCE_LUFS:
        return pcm.astype(np.int16)
    ceiling = 10 ** (ceiling_dbtp / 20)
    gain = 10 ** ((target_lufs - loudness) / 20)
    peaks = block_peaks(samples, floor=ceiling / (gain * 1.41))  # room for the gain to grow 3 dB
    for _ in range(4):
        gains = gain * limiter_gains(gain * peaks, rate, ceiling)
        reached = gated_loudness(energies * gains**2, rate)
        if abs(reached - target_lufs) < 0.1:
            break
        gain *= 10 ** ((target_lufs - reached) / 20)
    leveled = apply_block_gains(samples, gains)
    # A gain that steps between blocks may leave a hair over between two samples: one scale settles it.
    over = float(block_peaks(leveled, floor=ceiling).max(initial=0.0))
    if over > ceiling:
        leveled *= ceiling / over
    return np.clip(np.round(leveled * 32768.0), -32768, 32767).astype(np.int16)
