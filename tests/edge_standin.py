"""A stand-in for the online voice's service on 127.0.0.1, speaking edge-tts's WebSocket protocol.

The client sends ``Path:speech.config`` then ``Path:ssml``; the service answers
``turn.start``, ``audio.metadata`` (a SentenceBoundary per sentence), binary
audio frames (a two-byte header length, the header with ``Path:audio``, MP3
bytes) and ``turn.end``.  Each connection follows the next behaviour of
``plan`` (then "ok"): "ok", ("refuse", status, retry_after), "drop" (the
connection cut mid-stream), "no-end" (all audio, no turn.end, the socket
closed), "short" (a tenth of the audio, then turn.end).
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from xml.sax.saxutils import unescape

from aiohttp import web

from converter.audio.encode import silence_mp3
from converter.sentences import split_sentences

SECONDS_PER_CHAR = 0.25  # four syllables a second, as a news voice reads
TICKS = 10_000_000
FRAME_BYTES = 4096


class StandInService:
    def __init__(self) -> None:
        self.plan: list[Any] = []
        self.texts: list[str] = []  # the text of every SSML request received
        self.poison: str | None = None  # a request whose text holds this is always cut mid-stream
        self.connections = 0
        self.completed = 0  # answers sent whole (all the audio, then turn.end)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.connections += 1
        behaviour = self.plan.pop(0) if self.plan else "ok"
        if isinstance(behaviour, tuple) and behaviour[0] == "refuse":
            _, status, retry_after = behaviour
            headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
            return web.Response(status=status, headers=headers, text="Too Many Requests")
        connection = web.WebSocketResponse()
        await connection.prepare(request)
        config = await connection.receive_str()
        assert "Path:speech.config" in config and "audio-24khz-48kbitrate-mono-mp3" in config
        ssml = await connection.receive_str()
        assert "Path:ssml" in ssml
        request_id = re.search(r"X-RequestId:(\w+)", ssml)[1]
        text = unescape(re.search(r"<prosody[^>]*>(.*)</prosody>", ssml, flags=re.S)[1])
        self.texts.append(text)
        if self.poison and self.poison in text:
            behaviour = "drop"
        await connection.send_str(_text_message(request_id, "turn.start", {"context": {"serviceTag": "stand-in"}}))
        offset = 0.0
        for sentence in split_sentences(text):
            length = SECONDS_PER_CHAR * len(sentence)
            await connection.send_str(_text_message(request_id, "audio.metadata", {"Metadata": [{
                "Type": "SentenceBoundary",
                "Data": {"Offset": int(offset * TICKS), "Duration": int(length * TICKS),
                         "text": {"Text": sentence, "Length": len(sentence), "BoundaryType": "SentenceBoundary"}},
            }]}))
            offset += length
        audio = silence_mp3(offset, 24000, 48)
        frames = [audio[i:i + FRAME_BYTES] for i in range(0, len(audio), FRAME_BYTES)]
        if behaviour == "short":
            frames = frames[: max(1, len(frames) // 10)]
        for number, frame in enumerate(frames):
            if behaviour == "drop" and number == len(frames) // 2:
                assert request.transport is not None
                request.transport.close()  # the connection is cut, no closing handshake
                return connection
            await connection.send_bytes(_audio_message(request_id, frame))
        await connection.send_bytes(_audio_message(request_id, b""))  # the end of the audio: no Content-Type
        if behaviour != "no-end":
            await connection.send_str(_text_message(request_id, "turn.end", {}))
        self.completed += behaviour == "ok"
        await connection.close()
        return connection


def _text_message(request_id: str, path: str, body: dict[str, Any]) -> str:
    return (f"X-RequestId:{request_id}\r\nContent-Type:application/json; charset=utf-8\r\n"
            f"Path:{path}\r\n\r\n{json.dumps(body, ensure_ascii=False)}")


def _audio_message(request_id: str, data: bytes) -> bytes:
    content_type = "Content-Type:audio/mpeg\r\n" if data else ""
    header = f"X-RequestId:{request_id}\r\n{content_type}X-StreamId:{uuid.uuid4().hex}\r\nPath:audio\r\n".encode()
    return len(header).to_bytes(2, "big") + header + data


@contextmanager
def running(service: StandInService) -> Iterator[str]:
    """Serve ``service`` on a free loopback port in a thread; yields the WebSocket endpoint."""
    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_get("/consumer/speech/synthesize/readaloud/edge/v1", service.handle)
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.bind(("127.0.0.1", 0))  # a free port on the loopback interface, nothing beyond it
    port = listening.getsockname()[1]
    loop.run_until_complete(web.SockSite(runner, listening).start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"ws://127.0.0.1:{port}/consumer/speech/synthesize/readaloud/edge/v1?TrustedClientToken=stand-in"
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()

