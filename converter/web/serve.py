"""``converter serve``: the output folder on http://127.0.0.1 for a quick look.

The standard library's file server, with the media types this project writes
and byte ranges, which a browser's audio player needs to seek (clicking a
sentence of a read-along page jumps into the MP3).
"""

from __future__ import annotations

import http.server
import os
import re
from functools import partial
from pathlib import Path
from typing import Any

from converter.errors import InputError, OutputError

MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".mp3": "audio/mpeg",
    ".epub": "application/epub+zip",
    ".xml": "application/xml",
    ".m3u8": "audio/mpegurl",
    ".srt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
}
_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """The first and last byte a ``Range`` header asks for, None when it cannot be served.

    >>> byte_range("bytes=100-", 1000), byte_range("bytes=-100", 1000), byte_range("bytes=5-2", 1000)
    ((100, 999), (900, 999), None)
    """
    match = _RANGE.match(header.strip())
    if not match or size == 0 or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":
        return max(0, size - int(last)), size - 1
    start, end = int(first), min(int(last), size - 1) if last else size - 1
    return (start, end) if start <= end else None


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MEDIA_TYPES}

    def send_head(self) -> Any:
        header = self.headers.get("Range")
        path = Path(self.translate_path(self.path))
        if not header or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        wanted = byte_range(header, size)
        if wanted is None:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return None
        start, end = wanted
        handle = path.open("rb")
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self._remaining = end - start + 1
        return handle

    def copyfile(self, source: Any, outputfile: Any) -> None:
        remaining = getattr(self, "_remaining", None)
        if remaining is None:
            return super().copyfile(source, outputfile)
        while remaining > 0:
            block = source.read(min(1 << 16, remaining))
            if not block:
                break
            outputfile.write(block)
            remaining -= len(block)

    def end_headers(self) -> None:
        if not self.headers.get("Range"):
            self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # quiet: the address is what matters


def make_server(folder: Path, port: int = 8000) -> http.server.ThreadingHTTPServer:
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder (convert some issues into it first)")
    handler = partial(SiteHandler, directory=os.fspath(folder))
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise OutputError(f"cannot listen on 127.0.0.1:{port} ({exc.strerror or exc}); try --port") from exc


def serve(folder: Path, port: int = 8000) -> None:
    """Serve ``folder`` until interrupted, printing its address first."""
    server = make_server(folder, port)
    with server:
        host, actual = server.socket.getsockname()[:2]
        start = "" if (Path(folder) / "index.html").is_file() else " (no index.html yet)"
        print(f"Serving {folder} at http://{host}:{actual}/{start} - Ctrl+C to stop", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("stopped", flush=True)
