"""`read_document`: a file in, a cleaned, language-tagged `Document` out."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from glossary.errors import IngestError
from glossary.keys import to_simplified
from glossary.models import Document, Paragraph

from .clean import SENTENCE_END, CleanResult, clean_lines
from .decode import SAMPLE_SIZE, StreamStats, detect_encoding, iter_lines, iter_text, open_binary
from .formats import BREAK, HTML_EXTENSIONS, MARKDOWN_EXTENSIONS, SUPPORTED_EXTENSIONS, Line, html_lines, markdown_lines, text_lines
from .language import split_by_language

_WRAP_SHARE = 0.6  # a line this close to the block's widest line was wrapped by an editor
_MIN_WRAP_WIDTH = 30
_JOINING_END = tuple(SENTENCE_END + ".:：”」』\"')）")
_FULLWIDTH_PUNCT = re.compile("([\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u3000-\u303f]+)")
_ENCLOSED = re.compile("([\u2460-\u24ff\u3200-\u32ff]+)")


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read, decode, clean and language-tag one document (streamed; see the package doc)."""
    path = Path(path)
    if path.is_dir():
        raise IngestError(f"{path}: is a directory (give a file, or use find_input_files)")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        raise IngestError(f"{path}: unsupported file type {suffix or '(none)'} (supported: {', '.join(SUPPORTED_EXTENSIONS)})")
    with open_binary(path) as fh:
        try:
            sample = fh.read(SAMPLE_SIZE + 1)
        except OSError as exc:
            raise IngestError(f"{path}: cannot read: {exc.strerror}") from exc
    if not sample:
        raise IngestError(f"{path}: empty file")
    encoding = detect_encoding(path, sample[:SAMPLE_SIZE], truncated=len(sample) > SAMPLE_SIZE)
    stats = StreamStats()
    chunks = iter_text(path, encoding, stats)
    if suffix in HTML_EXTENSIONS:
        items: Iterable = html_lines(chunks)
    elif suffix in MARKDOWN_EXTENSIONS:
        items = markdown_lines(iter_lines(chunks))
    else:
        items = text_lines(iter_lines(chunks))
    cleaned = clean_lines(items)
    paragraphs, script = build_paragraphs(cleaned)
    if not paragraphs:
        reasons = ", ".join(f"{n} {r}" for r, n in cleaned.counts.most_common(3))
        raise IngestError(f"{path}: no text left after cleaning" + (f" (dropped: {reasons})" if reasons else " (blank)"))
    return Document(
        name=path.name, path=str(path), sha256=stats.sha256, paragraphs=tuple(paragraphs),
        encoding=encoding.name, script=script, size=stats.size, dropped=tuple(cleaned.dropped),
    )


def join_wrapped_lines(lines: Iterable[Line]) -> Iterator[tuple[int, str]]:
    """(first line number, text) per paragraph: blocks between BREAKs, editor hard wraps joined."""
    block: list[Line] = []
    for line in lines:
        if line.text == BREAK:
            yield from _block_paragraphs(block)
            block = []
        else:
            block.append(line)
    yield from _block_paragraphs(block)


def _block_paragraphs(block: list[Line]) -> Iterator[tuple[int, str]]:
    if not block:
        return
    width = max(len(line.text) for line in block)
    number, parts, previous = 0, [], ""
    for line in block:
        if parts and _wrapped(previous, width):
            parts.append(line.text if _ends_han(previous) and _starts_han(line.text) else " " + line.text)
        else:
            if parts:
                yield number, "".join(parts)
            number, parts = line.number, [line.text]
        previous = line.text
    if parts:
        yield number, "".join(parts)


def _wrapped(line: str, width: int) -> bool:
    """True when `line` was cut by a hard wrap: nearly full width, no closing punctuation."""
    return width >= _MIN_WRAP_WIDTH and len(line) >= _WRAP_SHARE * width and not line.endswith(_JOINING_END)


def _ends_han(text: str) -> bool:
    return bool(text) and unicodedata.name(text[-1], "").startswith("CJK")


def _starts_han(text: str) -> bool:
    return bool(text) and unicodedata.name(text[0], "").startswith("CJK")


def safe_nfkc(text: str, lang: str) -> str:
    """NFKC, except what it would damage: circled numbers, and Chinese full-width punctuation."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    keep = _FULLWIDTH_PUNCT if lang == "zh" else _ENCLOSED
    parts = keep.split(text)
    return "".join(part if i % 2 else unicodedata.normalize("NFKC", part) for i, part in enumerate(parts))


def build_paragraphs(cleaned: CleanResult) -> tuple[list[Paragraph], str]:
    """Tagged, normalized, Simplified paragraphs and the script of the Chinese (Hans/Hant/mixed)."""
    paragraphs: list[Paragraph] = []
    traditional = simplified = 0
    for number, text in join_wrapped_lines(cleaned.lines):
        for lang, part in split_by_language(text):
            original = safe_nfkc(part, lang)
            if lang == "zh":
                converted = to_simplified(original)
                if converted != original:
                    traditional += 1
                    text_out = converted
                else:
                    simplified += 1
                    text_out = original
            else:
                text_out = original
            paragraphs.append(Paragraph(seq=len(paragraphs) + 1, lang=lang, text=text_out, original=original, line=number))
    if traditional and simplified > traditional:
        script = "mixed" if traditional * 4 > simplified else "Hans"
    elif traditional:
        script = "Hant" if simplified * 4 <= traditional else "mixed"
    else:
        script = "Hans"
    return paragraphs, script
