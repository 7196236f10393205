"""Text files of unknown encoding: detect it strictly (UTF-8±BOM, UTF-16, GB18030, Big5) and decode
line by line, so that a wrong or mixed encoding is an error naming the line, never mojibake.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import BinaryIO

from glossary.errors import FormatError

SAMPLE_SIZE = 1 << 20
_MIN_COMMON = 0.8  # share of non-ASCII characters that must be common ones for a legacy encoding


def detect_encoding(sample: bytes, name: str) -> str:
    """The encoding of a text file from its first bytes; FormatError when it cannot be told for sure."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if sample and sample.count(b"\x00") * 4 > len(sample):
        odd_zeros = sample[1::2].count(b"\x00")
        return "utf-16-le" if odd_zeros > sample[0::2].count(b"\x00") else "utf-16-be"
    if b"\x00" in sample:
        raise FormatError(f"{name}: binary data (NUL bytes); not a text glossary")
    if _decodes(sample, "utf-8"):
        return "utf-8"
    scores = {}
    for encoding in ("gb18030", "big5"):
        text = _decodes(sample, encoding)
        if text is not None:
            scores[encoding] = _common_share(text, encoding)
    best = max(scores, key=scores.get, default=None)
    if best is None or scores[best] < _MIN_COMMON:
        line = _first_bad_utf8_line(sample)
        raise FormatError(
            f"{name}: line {line}: not UTF-8, and not clearly GB18030 or Big5 either; save the file as UTF-8"
        )
    return best


def _decodes(sample: bytes, encoding: str) -> str | None:
    """The decoded sample, tolerating only a character cut at the sample's end; None if invalid."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        return decoder.decode(sample, final=len(sample) < SAMPLE_SIZE)
    except UnicodeDecodeError:
        return None


def _common_share(text: str, encoding: str) -> float:
    """Share of non-ASCII characters that are frequent characters or punctuation in that encoding.

    Text decoded with the wrong legacy codec gives valid but rare characters (and kana, for Big5
    read as GB), so the share tells GB18030 and Big5 apart.
    """
    total = common = 0
    for ch in text:
        if ord(ch) < 128:
            continue
        total += 1
        try:
            raw = ch.encode("gb2312" if encoding == "gb18030" else "big5")
        except UnicodeEncodeError:
            continue
        lead = raw[0]
        if encoding == "gb18030":
            common += 0xA1 <= lead <= 0xA3 or 0xB0 <= lead <= 0xD7
        else:
            code = lead << 8 | raw[1]
            common += 0xA140 <= code <= 0xA3BF or 0xA440 <= code <= 0xC67E
    return common / total if total else 1.0


def _first_bad_utf8_line(sample: bytes) -> int:
    for number, raw in enumerate(sample.split(b"\n"), 1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return number
    return 1


def decoded_lines(fh: BinaryIO, name: str) -> Iterator[str]:
    """The file's lines (with their line ends), decoded strictly in the detected encoding."""
    sample = fh.read(SAMPLE_SIZE)
    if not sample.strip(b" \t\r\n\xef\xbb\xbf"):
        raise FormatError(f"{name}: the file is empty")
    encoding = detect_encoding(sample, name)
    rest = _Rest(sample, fh)
    if encoding.startswith("utf-16"):
        try:
            yield from io.TextIOWrapper(io.BufferedReader(rest), encoding=encoding, errors="strict", newline="")
        except UnicodeDecodeError:
            raise FormatError(f"{name}: not valid {encoding.upper()} text (truncated or mixed encodings)") from None
        return
    legacy = encoding in ("gb18030", "big5")
    label = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
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
