"""One run at a time per output folder, and the folders a run owns there.

The lock is what makes it safe to remove the temporaries a killed run left:
no other run can be writing them.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator, Sequence
from pathlib import Path

from converter.atomic import remove_stale_temporaries
from converter.errors import OutputError

LOCK_NAME = ".converter.lock"
CACHE_DIR_NAME = ".cache"
# The folders a writer makes inside an issue's output folder (temporaries are cleaned there too).
ISSUE_SUBFOLDERS = ("audio",)


def audio_cache_dir(out_root: Path) -> Path:
    """Where the audio of every issue of the output folder is cached, by content."""
    return out_root / CACHE_DIR_NAME / "audio"


def own_folders(out_root: Path, issue_names: list[str]) -> list[Path]:
    """The folders this program writes in: the output folder itself (its lock, files of the whole
    run), each issue's folder and sub-folders, and the audio cache's."""
    folders = [out_root] + [out_root / name / sub for name in issue_names for sub in ("", *ISSUE_SUBFOLDERS)]
    with contextlib.suppress(OSError):
        folders += [entry for entry in audio_cache_dir(out_root).iterdir() if len(entry.name) == 2]
    return folders


@contextlib.contextmanager
def output_lock(out_root: Path, issue_names: Sequence[str] = ()) -> Iterator[None]:
    """One run at a time per output folder, so the temporaries a killed run left can be removed safely."""
    try:
        out_root.mkdir(parents=True, exist_ok=True)
        handle = (out_root / LOCK_NAME).open("a")
    except OSError as exc:
        raise OutputError(f"{out_root}: cannot write to the output folder ({exc.strerror or exc})") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise OutputError(f"{out_root}: another conversion is writing to this folder") from exc
        remove_stale_temporaries(own_folders(out_root, list(issue_names)))
        yield
