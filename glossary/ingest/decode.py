"""Reading raw bytes: streamed hashing, binary checks and deterministic encoding detection.

Detection never guesses silently: BOMs decide first, then strict trial decodes of a sample
(UTF-8, GB18030, Big5) ranked by how many of the CJK characters are common ones; input
that no candidate decodes plausibly is an IngestError naming the file and byte offset.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from glossary.errors import IngestError

CHUNK_SIZE = 1 << 18  # bytes read at a time (bigger chunks only raise peak memory)
SAMPLE_SIZE = 1 << 16  # bytes used to choose an encoding
MIN_PLAUSIBILITY = 0.6  # share of common characters a legacy-encoding decode must reach
MAX_CONTROL_SHARE = 0.01  # more C0 control characters than this means binary

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
# (python codec, name reported) tried in this order when there is no BOM.
_LEGACY = (("gb18030", "gb18030"), ("big5hkscs", "big5"))
_CONTROLS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f]")  # C0 controls other than whitespace and ^Z


@dataclass(frozen=True, slots=True)
class Encoding:
    codec: str  # what Python decodes with
    name: str  # what the user is told (utf-8, utf-16, gb18030, big5...)
    bom: bool = False


def open_binary(path: Path):
    """Open a file for reading with a one-line IngestError for the usual failures."""
    try:
        return path.open("rb")
    except FileNotFoundError as exc:
        raise IngestError(f"{path}: no such file") from exc
    except PermissionError as exc:
        raise IngestError(f"{path}: permission denied") from exc
    except IsADirectoryError as exc:
        raise IngestError(f"{path}: is a directory") from exc
    except OSError as exc:
        raise IngestError(f"{path}: cannot read: {exc.strerror}") from exc


def read_sample(path: Path, size: int = SAMPLE_SIZE) -> bytes:
    with open_binary(path) as fh:
        try:
            return fh.read(size)
        except OSError as exc:
            raise IngestError(f"{path}: cannot read: {exc.strerror}") from exc


@cache
def common_hanzi() -> frozenset[str]:
    """The most frequent hanzi: GB2312 level 1 (3,755) and Big5 常用字 (5,401) together."""
    common = set()
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        try:
            if 0xB0 <= ch.encode("gb2312")[0] <= 0xD7:
                common.add(ch)
                continue
        except UnicodeEncodeError:
            pass
        try:
            raw = ch.encode("big5")
        except UnicodeEncodeError:
            continue
        if 0xA440 <= (raw[0] << 8 | raw[1]) <= 0xC67E:
            common.add(ch)
    return frozenset(common)


def plausibility(text: str) -> float:
    """Share of the non-ASCII characters that are common hanzi or CJK punctuation (1.0 if none)."""
    common = common_hanzi()
    total = good = 0
    for ch in text:
        if ch < "\x80":
            continue
        total += 1
        if ch in common or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u206f":
            good += 1
    return good / total if total else 1.0


def _trial_decode(sample: bytes, codec: str, truncated: bool) -> str | None:
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        return decoder.decode(sample, final=not truncated)
    except UnicodeDecodeError:
        return None


def _check_not_binary(path: Path, text: str, offset_base: int = 0) -> None:
    if not text:
        return
    nul = text.find("\x00")
    if nul >= 0:
        raise IngestError(f"{path}: binary file (NUL at character {offset_base + nul}), not a text document")
    controls = len(_CONTROLS.findall(text))
    if controls / len(text) > MAX_CONTROL_SHARE:
        raise IngestError(f"{path}: binary file ({controls} control characters in the first {len(text)}), not a text document")


def detect_encoding(path: Path, sample: bytes, *, truncated: bool) -> Encoding:
    """Choose the encoding of a file from a sample of its first bytes (see module doc)."""
    for bom, codec, name in _BOMS:
        if sample.startswith(bom):
            text = _trial_decode(sample, codec, truncated)
            if text is None:
                raise IngestError(f"{path}: starts with a {name} byte-order mark but is not valid {name}")
            _check_not_binary(path, text)
            return Encoding(codec, name, bom=True)
    nul = sample.find(b"\x00")
    if nul >= 0:
        raise IngestError(f"{path}: binary file (NUL byte at offset {nul}), not a text document")
    text = _trial_decode(sample, "utf-8", truncated)
    if text is not None:
        _check_not_binary(path, text)
        return Encoding("utf-8", "utf-8")
    utf8_error = _error_offset(sample, "utf-8")
    scored = []
    for codec, name in _LEGACY:
        text = _trial_decode(sample, codec, truncated)
        if text is not None:
            scored.append((plausibility(text), codec, name, text))
    if not scored:
        # the encoding that reads furthest points at the bad byte (a GBK file with one corrupt byte)
        offset, name = max([(utf8_error, "UTF-8"), *((_error_offset(sample, c), n.upper()) for c, n in _LEGACY)],
                           key=lambda found: found[0])
        reads = f"; {name} reads up to there" if offset else ""
        raise IngestError(
            f"{path}: undecodable bytes at offset {offset} (not UTF-8, UTF-16, GB18030 or Big5{reads})"
        )
    score, codec, name, text = max(scored, key=lambda s: s[0])  # ties keep the earlier candidate
    if score < MIN_PLAUSIBILITY:
        raise IngestError(
            f"{path}: undecodable bytes at offset {utf8_error}: not UTF-8, and no legacy Chinese "
            f"encoding gives plausible text (best {name}: {score:.0%} common characters)"
        )
    _check_not_binary(path, text)
    return Encoding(codec, name)


def _error_offset(sample: bytes, codec: str) -> int:
    """Where decoding `sample` as `codec` first fails."""
    try:
        sample.decode(codec)
    except UnicodeDecodeError as exc:
        return exc.start
    return len(sample)


@dataclass
class StreamStats:
    """Filled while a file streams: its sha256 and size once the stream is exhausted."""

    sha256: str = ""
    size: int = 0


def iter_text(path: Path, encoding: Encoding, stats: StreamStats) -> Iterator[str]:
    """Decoded text of `path` chunk by chunk, hashing the raw bytes as they pass.

    The bytes are never held twice: each chunk is hashed, decoded and dropped.
    """
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder(encoding.codec)(errors="strict")
    offset = 0
    with open_binary(path) as fh:
        while True:
            try:
                chunk = fh.read(CHUNK_SIZE)
            except OSError as exc:
                raise IngestError(f"{path}: cannot read at offset {offset}: {exc.strerror}") from exc
            final = not chunk
            digest.update(chunk)
            try:
                text = decoder.decode(chunk, final=final)
            except UnicodeDecodeError as exc:
                raise IngestError(
                    f"{path}: undecodable bytes at offset {offset + max(exc.start, 0)} (not valid {encoding.name})"
                ) from exc
            if "\x00" in text:
                raise IngestError(f"{path}: binary data (NUL character) after byte {offset}, not a text document")
            offset += len(chunk)
            if text:
                yield text
            if final:
                break
    stats.sha256 = digest.hexdigest()
    stats.size = offset


def iter_lines(chunks: Iterator[str]) -> Iterator[str]:
    """Split streamed text into lines (\\n, \\r\\n or \\r), without their line ends."""
    pending = ""
    for chunk in chunks:
        pending += chunk
        lines = pending.splitlines(keepends=True)
        pending = ""
        if lines and not lines[-1].endswith(("\n", "\r")) or (lines and lines[-1].endswith("\r")):
            pending = lines.pop()  # incomplete line, or a \r that may be followed by \n
        for line in lines:
            yield line.rstrip("\r\n")
    if pending:
        yield pending.rstrip("\r\n")


def file_sha256(path: Path) -> str:
    """sha256 of a file, streamed."""
    digest = hashlib.sha256()
    with open_binary(path) as fh:
        for chunk in iter(lambda: fh.read(CHUNK_SIZE), b""):
            digest.update(chunk)
    return digest.hexdigest()
