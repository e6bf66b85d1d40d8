"""From a voice's PCM to the MP3 a listener gets: silence before the speech, level, encoding, timings.

Both engines end here, so every file starts after ``LEAD_IN_S`` of silence
(Bluetooth earbuds wake on the first sound and cut it), sits at the same
loudness and peaks under the same ceiling, whichever voice read it.  Nothing
here depends on anything but the samples, so the same PCM always gives the
same MP3, byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from converter.audio.encode import LAME_START_DELAY_SAMPLES, encode_mp3, mp3_duration
from converter.audio.engines import Synthesis, contiguous_timings
from converter.audio.loudness import TARGET_LUFS, level

LEAD_IN_S = 0.7
# MP3 at 48 kbit/s cuts the highs, which K-weighting counts: the file a player
# decodes measures about 0.3–0.5 LU under the PCM (ffmpeg ebur128 on the sample).
MP3_LOUDNESS_LOSS_LU = 0.3


def master(pcm: bytes | np.ndarray, rate: int, anchors: Sequence[str], starts: Sequence[int], *,
           bitrate_kbps: int, engine: str, voice: str, lead_in: float = LEAD_IN_S) -> Synthesis:
    """An article's ``Synthesis`` from 16-bit mono PCM and the sample where each unit starts.

    The first unit's time begins at 0 and takes in the lead-in, so a
    read-along book highlights the headline from the first moment.
    """
    samples = np.frombuffer(pcm, dtype=np.int16) if isinstance(pcm, bytes | bytearray) else pcm
    silence = round(lead_in * rate)
    leveled = level(np.concatenate([np.zeros(silence, dtype=np.int16), samples.astype(np.int16)]), rate,
                    target_lufs=TARGET_LUFS + MP3_LOUDNESS_LOSS_LU)
    mp3 = encode_mp3(leveled.tobytes(), rate, bitrate_kbps)
    duration = mp3_duration(mp3)
    # Shifted by the lead-in and the encoder's delay: the time each unit is heard in the MP3.
    heard = [(start + silence + LAME_START_DELAY_SAMPLES) / rate for start in starts]
    return Synthesis(mp3, duration, contiguous_timings(list(anchors), heard, duration), engine, voice)
