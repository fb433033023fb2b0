"""Read a map file's bytes and decode them: the only module that opens map files."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import NamedTuple

from flowviz.errors import MapError

MAX_BYTES = 64 * 1024 * 1024
_LIKELY_LEGACY = ["cp1251", "koi8_r", "cp866", "utf_16", "utf_32", "latin_1", "mac_cyrillic"]


class SourceText(NamedTuple):
    """A decoded map file."""

    path: str
    """The path as the user gave it (kept verbatim in findings)."""
    text: str
    """The file's text with line endings normalised to ``\\n``."""


def read_source(path: str | Path) -> SourceText:
    """Read ``path`` as UTF-8 text, or raise a MapError that names the problem."""
    shown = str(path)
    data = _read_bytes(Path(path), shown)
    text = decode(data, shown)
    return SourceText(path=shown, text=text.replace("\r\n", "\n").replace("\r", "\n"))


def _read_bytes(path: Path, shown: str) -> bytes:
    if not path.exists():
        raise MapError("no such file", shown)
    if path.is_dir():
        raise MapError("is a directory, not a map file", shown)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise MapError(f"file is too large ({size} bytes, at most {MAX_BYTES})", shown)
        return path.read_bytes()
    except OSError as exc:
        raise MapError(f"cannot read file ({exc.strerror or exc})", shown) from None


def decode(data: bytes, shown: str) -> str:
    """Decode UTF-8 (with or without BOM); name the encoding of anything else."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)):
        raise MapError(_reencode_message("UTF-16/UTF-32 (byte order mark found)"), shown, 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if b"\x00" in data[:4096]:
            wide = _wide_unicode(data)
            if wide:
                raise MapError(
                    _reencode_message(f"{wide} without a byte order mark"), shown, 1
                ) from None
            raise MapError("binary file, not a Markdown or YAML map", shown, line) from None
        guess = _guess(data) or "an unknown encoding"
        raise MapError(_reencode_message(f"{guess}, not UTF-8"), shown, line) from None
    if "\x00" in text:
        wide = _wide_unicode(data)
        if wide:
            raise MapError(_reencode_message(f"{wide} without a byte order mark"), shown, 1)
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise MapError("binary file, not a Markdown or YAML map (NUL byte)", shown, line)
    return text


def _wide_unicode(data: bytes) -> str | None:
    """``UTF-16-LE`` / ``UTF-16-BE`` when the bytes read as text in that encoding."""
    sample = data[:4096]
    for codec, name in (("utf-16-le", "UTF-16-LE"), ("utf-16-be", "UTF-16-BE")):
        try:
            text = sample[: len(sample) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
        if text and "\x00" not in text and printable / len(text) > 0.95:
            return name
    return None


def _guess(data: bytes) -> str | None:
    """The most likely legacy encoding of ``data``, or None when it looks binary."""
    from charset_normalizer import from_bytes  # noqa: PLC0415 (only for a file not in UTF-8)

    match = from_bytes(data[:65536], cp_isolation=_LIKELY_LEGACY).best()
    return match.encoding if match is not None else None


def _reencode_message(what: str) -> str:
    return f"file is encoded as {what}; save it as UTF-8"
