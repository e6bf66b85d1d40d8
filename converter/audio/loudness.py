"""Level speech for listening: BS.1770 loudness, gain to a target and a true-peak-safe limit.

Every MP3 is brought to ``TARGET_LUFS`` (the spoken-word podcast level), so a
listener never reaches for the volume between articles, issues or voices,
with true peaks under ``CEILING_DBTP``: the voice's own peaks, raised by the
gain, would otherwise clip in the decoder.  The limit leaves room for what MP3
encoding adds to the peaks (up to about 0.8 dB at 48 kbit/s), so the file a
player decodes stays at or under −1 dBTP.

Loudness is measured as ITU-R BS.1770-4 does (K-weighting, 400 ms blocks,
absolute and relative gates), in numpy, checked against pyloudnorm in the
tests; true peaks on the signal oversampled (Annex 2 of the standard does it
four times at 48 kHz; see OVERSAMPLING).  Every step is plain arithmetic on
the samples, so the same PCM always gives the same samples back.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

TARGET_LUFS = -16.0
# Measured on the PCM (twice oversampled); the MP3 of it, measured by ffmpeg, peaks up
# to about 0.8 dB higher on the sample page.
CEILING_DBTP = -2.5
# Twice the rate (one point between each two samples) is enough for speech: its
# peaks are in the low hundreds of hertz, where a wave's top is never more than a
# small fraction of a decibel from a sample or a midpoint; the ceiling keeps
# a decibel in hand for the rest and for the encoder.
OVERSAMPLING = 2
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


def _read_only(array: np.ndarray) -> np.ndarray:
    """A cached filter, shared by every caller: none may change it in place."""
    array.setflags(write=False)
    return array


@lru_cache(maxsize=8)
def k_weighting(rate: int) -> np.ndarray:
    """The K-weighting filter for ``rate`` as second-order sections (second-order sections)."""
    k = np.tan(np.pi * _SHELF_HZ / rate)
    vh = 10 ** (_SHELF_GAIN_DB / 20)
    vb = vh**0.4996667741545416
    a0 = 1 + k / _SHELF_Q + k * k
    shelf = [(vh + vb * k / _SHELF_Q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / _SHELF_Q + k * k) / a0,
             1.0, 2 * (k * k - 1) / a0, (1 - k / _SHELF_Q + k * k) / a0]
    k = np.tan(np.pi * _HIGHPASS_HZ / rate)
    a0 = 1 + k / _HIGHPASS_Q + k * k
    highpass = [1.0, -2.0, 1.0, 1.0, 2 * (k * k - 1) / a0, (1 - k / _HIGHPASS_Q + k * k) / a0]
    return _read_only(np.array([shelf, highpass]))


K_RESPONSE_S = 0.05  # the K-weighting's impulse response has fallen under 1e-5 by then


@lru_cache(maxsize=8)
def k_weighting_response(rate: int) -> np.ndarray:
    """The K-weighting filter's impulse response, run sample by sample through its two biquads.

    Filtering by it (fast convolution in numpy) gives what the recursive
    filter gives, to a hundred-thousandth, without loading scipy.signal
    (seconds of start-up in every worker process).
    """
    length = round(K_RESPONSE_S * rate)
    signal = [1.0] + [0.0] * (length - 1)
    for b0, b1, b2, _, a1, a2 in k_weighting(rate).tolist():
        x1 = x2 = y1 = y2 = 0.0
        out = []
        for x in signal:
            y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
            out.append(y)
            x1, x2, y1, y2 = x, x1, y, y1
        signal = out
    return _read_only(np.array(signal))


def fir_filter(samples: np.ndarray, response: np.ndarray, size: int = 8192) -> np.ndarray:
    """``samples`` convolved with ``response`` (overlap-add with FFTs of ``size``), as long as ``samples``."""
    step = size - len(response) + 1
    count = -(-len(samples) // step)
    segments = np.zeros((count, step), dtype=samples.dtype)
    segments.reshape(-1)[: len(samples)] = samples
    spectrum = np.fft.rfft(segments, size, axis=1) * np.fft.rfft(response, size)
    pieces = np.fft.irfft(spectrum, size, axis=1)
    out = np.zeros((count + 1) * step)
    out[: count * step] = pieces[:, :step].reshape(-1)
    tails = np.zeros((count, step))
    tails[:, : size - step] = pieces[:, step:]
    out[step:] += tails.reshape(-1)
    return out[: len(samples)].astype(samples.dtype)


def block_energies(samples: np.ndarray, rate: int) -> np.ndarray:
    """The K-weighted energy of each block of ``BLOCK`` samples (the last one padded with silence)."""
    count = -(-len(samples) // BLOCK)
    weighted = np.zeros(count * BLOCK, dtype=samples.dtype)
    weighted[: len(samples)] = fir_filter(samples, k_weighting_response(rate))
    weighted = weighted.reshape(count, BLOCK)
    return np.einsum("ij,ij->i", weighted, weighted).astype(np.float64)


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


_INTERPOLATION_TAPS = 8  # 4 samples either side: speech's peaks are far below the Nyquist frequency


@lru_cache(maxsize=1)
def _interpolators() -> np.ndarray:
    """Kaiser-windowed sinc filters (one per column) giving the signal at each fraction
    1/OVERSAMPLING … of a sample after sample i, from samples i-3 … i+4."""
    half = _INTERPOLATION_TAPS // 2
    positions = np.arange(-half + 1, half + 1, dtype=np.float64)
    window = np.kaiser(_INTERPOLATION_TAPS, 5.0)
    columns = []
    for phase in range(1, OVERSAMPLING):
        taps = np.sinc(positions - phase / OVERSAMPLING) * window
        columns.append(taps / taps.sum())
    return _read_only(np.array(columns).T)


def block_peaks(samples: np.ndarray) -> np.ndarray:
    """The true peak of each block of ``BLOCK`` samples (the last one padded), as a magnitude:
    the largest of its samples and of the points between them (``OVERSAMPLING``)."""
    half = _INTERPOLATION_TAPS // 2
    count = -(-len(samples) // BLOCK)
    magnitudes = np.zeros(count * BLOCK, dtype=np.float32)
    signal = samples.astype(np.float32, copy=False)
    magnitudes[: len(samples)] = np.abs(signal)
    for taps in _interpolators().T.astype(np.float32):
        # between[i] is the signal a fraction of a sample after sample i
        between = np.convolve(signal, taps[::-1], mode="full")[half : half + len(samples)]
        np.maximum(magnitudes[: len(samples)], np.abs(between), out=magnitudes[: len(samples)])
    return magnitudes.reshape(count, BLOCK).max(axis=1).astype(np.float64)


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
    needed = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12))
    if needed.min(initial=1.0) >= 1.0:
        return needed
    width = max(1, round(LIMIT_SMOOTHING_S * rate / BLOCK))
    smooth = _moving_mean(_moving_min(needed, width), width)
    return np.minimum(smooth, needed)


def _moving_min(values: np.ndarray, reach: int) -> np.ndarray:
    """The least value within ``reach`` places either side (the ends repeated).

    >>> _moving_min(np.array([1.0, 1.0, 0.5, 1.0, 1.0, 1.0]), 1).tolist()
    [1.0, 0.5, 0.5, 0.5, 1.0, 1.0]
    """
    padded = np.concatenate([np.full(reach, values[0]), values, np.full(reach, values[-1])])
    return np.lib.stride_tricks.sliding_window_view(padded, 2 * reach + 1).min(axis=1)


def _moving_mean(values: np.ndarray, size: int) -> np.ndarray:
    """The mean of ``size`` values around each (the ends repeated).

    >>> _moving_mean(np.array([0.0, 0.0, 3.0, 0.0, 0.0]), 3).tolist()
    [0.0, 1.0, 1.0, 1.0, 0.0]
    """
    before = size // 2
    padded = np.concatenate([np.full(before, values[0]), values, np.full(size - 1 - before, values[-1])])
    running = np.concatenate([[0.0], np.cumsum(padded)])
    return (running[size:] - running[:-size]) / size


def apply_block_gains(samples: np.ndarray, gains: np.ndarray) -> np.ndarray:
    return samples * np.repeat(gains.astype(samples.dtype), BLOCK)[: len(samples)]


def level(pcm: np.ndarray, rate: int, target_lufs: float = TARGET_LUFS,
          ceiling_dbtp: float = CEILING_DBTP) -> np.ndarray:
    """16-bit samples brought to ``target_lufs`` with true peaks under the ceiling, as 16-bit samples.

    The gain and the limiter's gains are found together on block energies
    and block peaks (limiting takes some loudness away, so the gain is raised
    until the limited signal is at the target), then applied once.  Silence
    (nothing above the absolute gate) is returned as it is.
    """
    # float32: a 24-bit mantissa is far finer than the 16-bit samples in and out, and half the memory.
    samples = pcm.astype(np.float32) * np.float32(1 / 32768)
    energies = block_energies(samples, rate)
    loudness = gated_loudness(energies, rate)
    if not loudness > SILENCE_LUFS:
        return pcm.astype(np.int16)
    ceiling = 10 ** (ceiling_dbtp / 20)
    gain = 10 ** ((target_lufs - loudness) / 20)
    peaks = block_peaks(samples)
    for _ in range(6):
        gains = gain * limiter_gains(gain * peaks, rate, ceiling)
        reached = gated_loudness(energies * gains**2, rate)
        if abs(reached - target_lufs) < 0.1:
            break
        gain *= 10 ** ((target_lufs - reached) / 20)
    # The gain steps from block to block; between two blocks it is within a hair of both,
    # which the ceiling's margin under -1 dBTP covers.
    leveled = apply_block_gains(samples, gains * 32768.0)
    return np.clip(np.rint(leveled, out=leveled), -32768, 32767, out=leveled).astype(np.int16)
