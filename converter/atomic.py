"""Atomic file output: a reader (or a crash) never sees a half-written file.

Everything is written to a temporary name in the destination folder, flushed
to disk, then renamed over the final name, which POSIX makes atomic.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from converter.errors import OutputError, os_reason

# A temporary is ``.converter-tmp-XXXXXXXX-NAME``: the marker, mkstemp's eight random
# characters, then the final name. Only names of exactly this shape are ever removed.
TEMP_PREFIX = ".converter-tmp-"
_TEMP_NAME = re.compile(re.escape(TEMP_PREFIX) + r"[a-z0-9_]{8}-.")


@contextlib.contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """Open a temporary file beside ``path``; rename it to ``path`` on success only."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix="-" + path.name, dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path.parent}: cannot write here ({os_reason(exc)})") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({os_reason(exc)})") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_open(path) as handle:
        handle.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_if_changed(path: Path, data: bytes) -> bool:
    """``atomic_write_bytes`` unless ``path`` already holds exactly ``data``; returns whether it wrote.

    A file left as it was keeps its time stamp, so sync tools and podcast
    clients do not fetch it again when another file of the issue changed.
    """
    try:
        if os.stat(path).st_size == len(data) and Path(path).read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write_bytes(path, data)
    return True


def is_own_temporary(name: str) -> bool:
    """A name ``atomic_open`` gives its temporaries.

    >>> is_own_temporary(".converter-tmp-k3x_9q2a-book.epub"), is_own_temporary(".tmp-notes.txt")
    (True, False)
    """
    return _TEMP_NAME.match(name) is not None


def remove_stale_temporaries(folders: Iterable[Path]) -> int:
    """Delete the temporaries a killed run left in ``folders``; returns how many were removed.

    Only regular files named like this module's temporaries, directly inside
    each folder: no recursion, no links followed, nothing else touched.
    """
    removed = 0
    for folder in folders:
        try:
            if not stat.S_ISDIR(os.lstat(folder).st_mode):
                continue
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            with contextlib.suppress(OSError):
                if is_own_temporary(entry.name) and entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a megabyte at a time (an issue's MP3 may be large)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
