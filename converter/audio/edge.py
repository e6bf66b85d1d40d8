"""Online neural voices through edge-tts.

One request per block (a headline part, the dateline, a paragraph, the
byline), cut further at sentence ends so no request carries more than about
1,000 Han characters: edge-tts cuts only at spaces and newlines, which
Chinese text has none of.  Blocks are decoded and joined with silence of our
own, so pauses and block starts are exact (the whole is then levelled and
encoded like the offline voice's, see master.py); inside a block, the service's
SentenceBoundary events place each sentence (see ``sentence_starts``).
Per block rather than per sentence keeps the voice's natural flow across a
paragraph and the number of connections low.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import aiohttp
import edge_tts
import numpy as np
from edge_tts.exceptions import EdgeTTSException

from converter.audio.encode import decoded_mp3, mp3_duration
from converter.audio.engines import AudioOptions, Synthesis
from converter.audio.master import master
from converter.audio.speech_text import SpokenUnit
from converter.errors import ConverterError

MAX_REQUEST_CHARS = 1000
CONNECTIONS = 3  # the service blocks clients that open many at once
RETRY_DELAYS_S = (1.0, 2.0, 4.0)  # exponential backoff, each wait jittered: four attempts in all
JITTER = 0.5  # a wait is its nominal length ± half, so clients that failed together do not return together
MAX_RETRY_AFTER_S = 60.0  # a longer Retry-After is not waited out inside a request: the article is deferred
EDGE_SAMPLE_RATE = 24000
EDGE_BITRATE_KBPS = 48
# No voice reads Chinese faster than this many syllables a second at +0%: an answer
# shorter than that for its text was cut off, whatever the service said.
MAX_SYLLABLES_PER_S = 9.0
_TICKS_PER_SECOND = 10_000_000  # edge-tts offsets are in 100 ns ticks


class IncompleteAnswer(Exception):
    """The service's answer stopped before the end of its turn: audio missing at the end."""


# What a network or service failure looks like from edge-tts.
TRANSIENT_ERRORS = (aiohttp.ClientError, OSError, asyncio.TimeoutError, EdgeTTSException, IncompleteAnswer)


class EdgeUnavailable(ConverterError):
    """The online voice could not be reached, after retries.

    ``retry_after`` is how long the service asked us to stay away (seconds), when it said;
    ``unreachable`` is true when the host could not be reached at all (no network).
    """

    def __init__(self, message: str, *, retry_after: float | None = None, unreachable: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.unreachable = unreachable


def retry_after_s(exc: BaseException | None, now: float | None = None) -> float | None:
    """The wait a refusal asks for: Retry-After in seconds or as an HTTP date; None if it asks none.

    >>> error = aiohttp.WSServerHandshakeError(None, (), status=429, headers={"Retry-After": "7"})
    >>> retry_after_s(error)
    7.0
    >>> retry_after_s(aiohttp.WSServerHandshakeError(None, (), status=429,
    ...     headers={"Retry-After": "Mon, 30 Nov 2026 12:00:30 GMT"}), now=1796040000.0)
    30.0
    """
    headers = getattr(exc, "headers", None)
    value = headers.get("Retry-After") if headers else None
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


def jittered(delay: float, draw: Callable[[], float] = random.random) -> float:
    """``delay`` spread by ±JITTER, from a draw in [0, 1).

    >>> jittered(4.0, lambda: 0.0), jittered(4.0, lambda: 0.5), jittered(4.0, lambda: 0.999) < 6.0
    (2.0, 4.0, True)
    """
    return delay * (1 - JITTER + 2 * JITTER * draw())


def shortest_duration_s(text: str, rate_percent: int = 0) -> float:
    """The least audio ``text`` can take at ``rate_percent``: below it, the answer was cut off.

    >>> round(shortest_duration_s("截至二月十一日，捐款二百四十点七五万元。"), 2)
    2.0
    """
    return _spoken_length(text) / (MAX_SYLLABLES_PER_S * (1 + rate_percent / 100))


@dataclass
class SpokenRequest:
    """One request's answer: MP3 bytes and (start s, duration s, text) per sentence the service found."""

    mp3: bytes
    sentences: list[tuple[float, float, str]] = field(default_factory=list)


def request_groups(texts: Sequence[str], limit: int = MAX_REQUEST_CHARS) -> list[list[int]]:
    """Consecutive sentences (by index) packed into requests of at most ``limit`` characters.

    A single sentence longer than the limit travels alone.

    >>> request_groups(["一二三。", "四五。", "六七八九。"], limit=7)
    [[0, 1], [2]]
    """
    groups: list[list[int]] = []
    size = 0
    for index, text in enumerate(texts):
        if groups and size + len(text) <= limit:
            groups[-1].append(index)
            size += len(text)
        else:
            groups.append([index])
            size = len(text)
    return groups


def sentence_starts(
    texts: Sequence[str], sentences: Sequence[tuple[float, float, str]], duration: float
) -> list[float]:
    """Where each of our sentences starts, from the service's sentence boundaries.

    The service cuts sentences its own way (it may join two of ours or cut at
    a semicolon).  Both are laid on one axis of spoken characters (letters,
    digits, Han); each of our sentences starts at the boundary of the
    service's sentence it begins in, or proportionally inside it.  Where the
    two cuts agree, as they mostly do, the time is the service's own.
    """
    ours = [_spoken_length(t) for t in texts]
    total = sum(ours)
    theirs = [(start, length, _spoken_length(text)) for start, length, text in sentences]
    their_total = sum(n for _, _, n in theirs)
    if not theirs or total == 0 or their_total == 0:
        return _proportional_starts(ours, duration)
    scale = their_total / total
    starts: list[float] = []
    position = 0
    for length in ours:
        starts.append(_time_at(position * scale, theirs))
        position += length
    return starts


def _time_at(position: float, theirs: Sequence[tuple[float, float, int]]) -> float:
    reached = 0
    for start, length, characters in theirs:
        if position < reached + characters or (characters == 0 and position == reached):
            inside = (position - reached) / characters if characters else 0.0
            return start + length * inside
        reached += characters
    last_start, last_length, _ = theirs[-1]
    return last_start + last_length


def _proportional_starts(lengths: Sequence[int], duration: float) -> list[float]:
    total = sum(lengths) or 1
    starts, reached = [], 0
    for length in lengths:
        starts.append(duration * reached / total)
        reached += length
    return starts


def _spoken_length(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


class EdgeEngine:
    """Microsoft's neural voices through edge-tts (needs the network)."""

    name = "edge"
    polyphones_in_pinyin = False  # the neural voices read polyphones from their context

    def __init__(self, options: AudioOptions, *, retry_delays: Sequence[float] | None = None,
                 sleep: Callable[[float], Awaitable[None]] | None = None,
                 draw: Callable[[], float] = random.random) -> None:
        self.options = options
        self.voice = options.edge_voice
        self.retry_delays = tuple(RETRY_DELAYS_S if retry_delays is None else retry_delays)
        self._sleep = sleep or asyncio.sleep
        self._draw = draw

    def identity(self) -> dict[str, Any]:
        o = self.options
        return {"engine": self.name, "voice": self.voice, "rate": o.rate_percent, "volume": o.volume_percent,
                "pitch": o.pitch_hz}

    def synthesize(self, units: Sequence[SpokenUnit]) -> Synthesis:
        return asyncio.run(self._synthesize(units))

    async def _synthesize(self, units: Sequence[SpokenUnit]) -> Synthesis:
        blocks = [list(group) for _, group in groupby(units, key=lambda u: u.block)]
        gate = asyncio.Semaphore(CONNECTIONS)
        # The first block alone: when the service is out of reach, one request finds out.
        answers = [await self._block(blocks[0], gate)] if blocks else []
        try:
            async with asyncio.TaskGroup() as group:  # one failure cancels the other requests
                tasks = [group.create_task(self._block(block, gate)) for block in blocks[1:]]
        except* EdgeUnavailable as failures:
            raise failures.exceptions[0] from None
        answers += [task.result() for task in tasks]
        # Decoded and joined with silence of our own, then levelled and encoded once.
        pcm: list[np.ndarray] = []
        starts: list[int] = []
        elapsed = 0
        for block, (block_mp3, block_starts) in zip(blocks, answers, strict=True):
            starts.extend(elapsed + round(start * EDGE_SAMPLE_RATE) for start in block_starts)
            samples = decoded_mp3(block_mp3, EDGE_SAMPLE_RATE)
            pause = np.zeros(round(block[-1].pause_after * EDGE_SAMPLE_RATE), dtype=np.int16)
            pcm += [samples, pause]
            elapsed += len(samples) + len(pause)
        return master(np.concatenate(pcm) if pcm else np.zeros(0, dtype=np.int16), EDGE_SAMPLE_RATE,
                      [u.anchor for u in units], starts, bitrate_kbps=EDGE_BITRATE_KBPS,
                      engine=self.name, voice=self.voice)

    async def _block(self, block: Sequence[SpokenUnit], gate: asyncio.Semaphore) -> tuple[bytes, list[float]]:
        """One block's MP3 and the start of each of its units in it."""
        mp3 = bytearray()
        starts: list[float] = []
        offset = 0.0
        for group in request_groups([u.speech for u in block]):
            texts = [block[i].speech for i in group]
            if not any(_spoken_length(t) for t in texts):
                starts.extend(offset for _ in group)  # nothing to say: no audio of its own
                continue
            async with gate:
                answer = await self._request("".join(texts))
            length = mp3_duration(answer.mp3)
            starts.extend(offset + s for s in sentence_starts(texts, answer.sentences, length))
            mp3 += answer.mp3
            offset += length
        return bytes(mp3), starts

    async def _request(self, text: str) -> SpokenRequest:
        """One request, retried on network and service errors and on cut-off answers.

        Between attempts: the wait the service asked for (Retry-After), else a
        growing, jittered one.  A Retry-After longer than a request should wait
        gives up at once and passes the wait on, so the article is tried again
        later in the run rather than holding the connection slot.
        """
        failure: BaseException | None = None
        for attempt in range(len(self.retry_delays) + 1):
            if attempt:
                asked = retry_after_s(failure)
                if asked is not None and asked > MAX_RETRY_AFTER_S:
                    raise EdgeUnavailable(f"online voice unavailable ({_describe(failure)})", retry_after=asked)
                await self._sleep(asked if asked is not None else jittered(self.retry_delays[attempt - 1], self._draw))
            try:
                return await self._stream(text)
            except TRANSIENT_ERRORS as exc:
                failure = exc
        raise EdgeUnavailable(f"online voice unavailable ({_describe(failure)})", retry_after=retry_after_s(failure),
                              unreachable=_no_network(failure))

    async def _stream(self, text: str) -> SpokenRequest:
        o = self.options
        communicate = edge_tts.Communicate(
            text, self.voice,
            rate=f"{o.rate_percent:+d}%", volume=f"{o.volume_percent:+d}%", pitch=f"{o.pitch_hz:+d}Hz",
            boundary="SentenceBoundary",
        )
        answer = SpokenRequest(b"")
        audio = bytearray()
        async for chunk in communicate.stream():
            if chunk["type"] == "audio":
                audio += chunk["data"]
            elif chunk["type"] == "SentenceBoundary":
                answer.sentences.append((chunk["offset"] / _TICKS_PER_SECOND, chunk["duration"] / _TICKS_PER_SECOND,
                                         chunk["text"]))
        check_complete(text, bytes(audio), answer.sentences, getattr(communicate, "state", {}), o.rate_percent)
        answer.mp3 = bytes(audio)
        return answer


def check_complete(text: str, mp3: bytes, sentences: Sequence[tuple[float, float, str]],
                   state: dict[str, Any], rate_percent: int = 0) -> None:
    """Refuse an answer that stopped early, whatever edge-tts made of it.

    edge-tts ends a stream without complaint when the connection closes after
    some audio; it zeroes its count of the turn's audio bytes only when the
    service says turn.end, so a count left over means the turn never ended.
    Audio shorter than the text can take, or than the sentences the service
    announced, was cut off too.
    """
    duration = mp3_duration(mp3)
    if duration == 0:
        raise edge_tts.exceptions.NoAudioReceived("the service sent no playable audio")
    if state.get("chunk_audio_bytes", 0):
        raise IncompleteAnswer("the service stopped before the end of its turn")
    shortest = shortest_duration_s(text, rate_percent)
    if duration < shortest:
        raise IncompleteAnswer(f"{duration:.1f} s of audio for text that needs at least {shortest:.1f} s")
    announced = max((start + length for start, length, _ in sentences), default=0.0)
    if duration < announced - 0.5:
        raise IncompleteAnswer(f"{duration:.1f} s of audio for sentences announced up to {announced:.1f} s")


def _no_network(exc: BaseException | None) -> bool:
    """The host could not be reached at all (no route, no name), rather than answering badly."""
    if isinstance(exc, aiohttp.ClientConnectorError):
        return True
    return isinstance(exc, OSError) and not isinstance(exc, (aiohttp.ClientError, TimeoutError))


def _describe(exc: BaseException | None) -> str:
    """A failure in a few words: "cannot reach speech.platform.bing.com", "the service answered 429"."""
    if isinstance(exc, aiohttp.ClientConnectorError):
        return f"cannot reach {exc.host}"
    if isinstance(exc, aiohttp.ClientResponseError):
        return f"the service answered {exc.status}"
    if isinstance(exc, asyncio.TimeoutError):
        return "the service did not answer in time"
    if isinstance(exc, IncompleteAnswer):
        return f"answer cut off: {exc}"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).strip().splitlines()[0] if exc is not None and str(exc).strip() else ""
    name = type(exc).__name__ if exc is not None else "no answer"
    return f"{name}: {text}" if text else name
