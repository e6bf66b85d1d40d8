"""Reading page files: which files make an issue, and their decoded text.

Pages arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, or the
GB18030/GBK family still common in Chinese newsrooms, with any line endings.
Everything that is not readable page text is refused with a one-line reason.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

from charset_normalizer import from_bytes

from converter.errors import InputError, os_reason

MAX_PAGE_BYTES = 10 * 1024 * 1024  # a page of text is a few tens of kilobytes

# Encodings charset-normalizer may propose that are plausible for this paper.
_CHINESE_ENCODINGS = {"gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950", "cp936"}

# C0 controls other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _natural_key(path: Path) -> list[object]:
    """Sort page2.txt before page10.txt."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.name)]


PAGE_SUFFIXES = (".txt", ".pdf")


def is_page_file(path: Path) -> bool:
    """A visible .txt (page text) or .pdf (page PDF) file: what a folder's pages are."""
    return path.suffix.lower() in PAGE_SUFFIXES and not path.name.startswith(".") and path.is_file()


def is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def unreadable_entry(path: Path) -> str | None:
    """Why ``path`` is neither a file nor a folder that can be read, or None.

    A link loop, a link to nothing, a named pipe (reading it would wait
    forever): each is said, never skipped in silence.  A path that is simply
    missing gives None: its callers say so in their own words.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if exc.errno == errno.ENOENT and path.is_symlink():
            return "a symbolic link to a missing file"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "cannot read (permission denied)"
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a file"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "not a regular file"
    return None


def page_files(path: Path) -> list[Path]:
    """The page files of an input: a file is itself; a folder gives its visible *.txt and *.pdf files in name order.

    A page name that is no readable file (a link to nothing, a named pipe)
    fails the issue: an issue is never made with a page missing unsaid.
    """
    reason = unreadable_entry(path)
    if reason is not None:
        raise InputError(f"{path}: {reason}")
    if path.is_file():
        return [path]
    if path.is_dir():
        try:
            named = [p for p in path.iterdir() if p.suffix.lower() in PAGE_SUFFIXES and not p.name.startswith(".")]
        except OSError as exc:
            raise InputError(f"{path}: cannot list the folder ({exc.strerror})") from exc
        for page in sorted(named):
            reason = unreadable_entry(page)
            if reason is not None:
                raise InputError(f"{page}: {reason}")
        pages = [p for p in named if p.is_file()]
        if not pages:
            raise InputError(f"{path}: no page files (*.txt, *.pdf) in this folder")
        return sorted(pages, key=_natural_key)
    if path.exists():
        raise InputError(f"{path}: neither a file nor a folder")
    raise InputError(f"{path}: no such file or folder")


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise InputError(
                f"{path}: {size / 1024 / 1024:.1f} MB is too large for a page of text "
                f"(limit {MAX_PAGE_BYTES // 1024 // 1024} MB)"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({os_reason(exc)})") from exc
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(f"{path}: too large for a page of text (limit {MAX_PAGE_BYTES // 1024 // 1024} MB)")
    return data


def decode_page(data: bytes, name: str) -> str:
    """Decode the bytes of one page; ``name`` is used in error messages only."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    elif b"\x00" in data:
        encodings = [_utf16_byte_order(data) or _refuse_binary(name)]
    else:
        encodings = ["utf-8"]
    text = _decode_first(data, encodings)
    if text is None and encodings == ["utf-8"]:
        # Not UTF-8: ask the detector only now (it is the slow step), then GB18030.
        guess = from_bytes(data).best()
        guessed = guess.encoding if guess is not None else ""
        plausible = guessed.replace("_", "").lower() in _CHINESE_ENCODINGS
        text = _decode_first(data, [guessed, "gb18030"] if plausible else ["gb18030"])
    if text is None and encodings[0].startswith("utf-16-"):
        raise InputError(f"{name}: looks like UTF-16 without a byte-order mark, but does not decode as such")
    if text is None:
        raise InputError(f"{name}: unknown text encoding (expected UTF-8, UTF-16 with BOM or GB18030)")
    text = text.lstrip("\ufeff")
    if _CONTROL.search(text):
        raise InputError(f"{name}: binary data, not page text")
    if not text.strip():
        raise InputError(f"{name}: the file holds no text")
    # A form feed is a page break in extracted text; U+FFFE/U+FFFF are no characters at all.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").translate(_NONCHARACTERS)


_NONCHARACTERS = {0xFFFE: None, 0xFFFF: None}


def _utf16_byte_order(data: bytes) -> str | None:
    r"""``utf-16-le`` or ``utf-16-be`` for UTF-16 text saved without a byte-order mark, else None.

    Such text shows itself by its zero bytes: they are the high halves of its
    ASCII characters (newlines, spaces, digits), so they fall on one side of
    the byte pairs, each beside a printable ASCII byte.  Binary data has its
    zeros anywhere, beside anything.

    >>> _utf16_byte_order("第1版\n本报讯".encode("utf-16-le")), _utf16_byte_order(bytes(range(256)))
    ('utf-16-le', None)
    """
    if len(data) % 2:
        return None
    zeros = data.count(0)
    for encoding, highs, lows in (("utf-16-le", data[1::2], data[0::2]), ("utf-16-be", data[0::2], data[1::2])):
        beside = [low for high, low in zip(highs, lows) if high == 0]
        ascii_text = sum(0x20 <= low < 0x7F or low in (0x09, 0x0A, 0x0C, 0x0D) for low in beside)
        if beside and ascii_text >= 0.9 * zeros:
            return encoding
    return None


def _refuse_binary(name: str) -> str:
    raise InputError(f"{name}: binary data, not page text")


def _decode_first(data: bytes, encodings: list[str]) -> str | None:
    """The text in the first of ``encodings`` that decodes ``data`` without error."""
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def read_text(path: Path) -> str:
    """The text of one page file, decoded, with newlines normalised to ``\\n``."""
    return decode_page(_read_bytes(path), str(path))
