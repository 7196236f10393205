"""Text glossaries of unknown encoding, decoded strictly line by line: a wrong or mixed encoding is
an error naming the line, never mojibake. The encoding itself is chosen as ingest chooses it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from glossary.errors import FormatError, InputError
from glossary.ingest.decode import detect_encoding

SAMPLE_SIZE = 1 << 20


def decoded_lines(fh: BinaryIO, name: str) -> Iterator[str]:
    """The file's lines (with their line ends), decoded strictly in the detected encoding."""
    sample = fh.read(SAMPLE_SIZE)
    if not sample.strip(b" \t\r\n\xef\xbb\xbf"):
        raise FormatError(f"{name}: the file is empty")
    try:
        found = detect_encoding(Path(name), sample, truncated=len(sample) == SAMPLE_SIZE)
    except InputError:
        # Readable in one encoding up to some line, then not: name that line.
        lines = sample.split(b"\n")[:-1] if len(sample) == SAMPLE_SIZE else sample.split(b"\n")
        line, label = max((_first_bad_line(lines, codec), label) for codec, label in _CANDIDATES)
        if line > 1:
            raise FormatError(f"{name}: line {line}: bytes that are not valid {label} "
                              "(the file mixes encodings?); save it as UTF-8") from None
        raise
    encoding = found.codec
    rest = _Rest(sample, fh)
    if encoding.startswith(("utf-16", "utf-32")):
        try:
            yield from io.TextIOWrapper(io.BufferedReader(rest), encoding=encoding, errors="strict", newline="")
        except UnicodeDecodeError:
            raise FormatError(f"{name}: not valid {encoding.upper()} text (truncated or mixed encodings)") from None
        return
    legacy = not encoding.startswith("utf")
    label = found.name.upper()
    for number, raw in enumerate(rest, 1):
        try:
            line = raw.decode(encoding if number == 1 else encoding.replace("-sig", ""))
        except UnicodeDecodeError:
            raise FormatError(f"{name}: line {number}: bytes that are not valid {label} "
                              "(the file mixes encodings?); save it as UTF-8") from None
        if legacy and not raw.isascii() and _is_utf8(raw):
            raise FormatError(f"{name}: line {number}: UTF-8 text in a {label} file (mixed encodings); "
                              "save the whole file as UTF-8")
        yield line


_CANDIDATES = (("utf-8", "UTF-8"), ("gb18030", "GB18030"), ("big5hkscs", "BIG5"))


def _first_bad_line(lines: list[bytes], codec: str) -> int:
    for number, raw in enumerate(lines, 1):
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            return number
    return 0


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class _Rest(io.RawIOBase):
    """The sample already read, then the rest of the file, as one binary stream of lines."""

    def __init__(self, sample: bytes, fh: BinaryIO) -> None:
        self._buffer = io.BytesIO(sample)
        self._fh = fh

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        data = self._buffer.read(len(b)) or self._fh.read(len(b))
        b[: len(data)] = data
        return len(data)

    def __iter__(self):
        pending = b""
        for chunk in iter(lambda: self.read(1 << 16), b""):
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            for line in lines:
                yield line + b"\n"
        if pending:
            yield pending
