"""Reading page files: which files make an issue, and their decoded text.

Pages arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, or the
GB18030/GBK family still common in Chinese newsrooms, with any line endings.
Everything that is not readable page text is refused with a one-line reason.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from converter.errors import InputError

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


def page_files(path: Path) -> list[Path]:
    """The page files of an input: a file is itself; a folder gives its visible *.txt files in name order."""
    if path.is_file():
        return [path]
    if path.is_dir():
        try:
            pages = [p for p in path.iterdir() if is_page_file(p)]
        except OSError as exc:
            raise InputError(f"{path}: cannot list the folder ({exc.strerror})") from exc
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
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from exc
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
        raise InputError(f"{name}: binary data, not page text")
    else:
        encodings = ["utf-8"]
    text = _decode_first(data, encodings)
    if text is None and encodings == ["utf-8"]:
        # Not UTF-8: ask the detector only now (it is the slow step), then GB18030.
        guess = from_bytes(data).best()
        plausible = guess is not None and guess.encoding.replace("_", "").lower() in _CHINESE_ENCODINGS
        text = _decode_first(data, [guess.encoding, "gb18030"] if plausible else ["gb18030"])
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
