"""`read_document`: a file in, a cleaned, language-tagged `Document` out."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from glossary.errors import IngestError
from glossary.models import Document

from .clean import clean_lines
from .decode import SAMPLE_SIZE, StreamStats, detect_encoding, iter_lines, iter_text, open_binary
from .formats import HTML_EXTENSIONS, MARKDOWN_EXTENSIONS, SUPPORTED_EXTENSIONS, html_lines, markdown_lines, text_lines
from .paragraphs import build_paragraphs


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
    paragraphs, script = build_paragraphs(cleaned.lines, join_blocks=suffix in MARKDOWN_EXTENSIONS)
    cleaned.lines = []  # the paragraphs hold the text now
    if not paragraphs:
        reasons = ", ".join(f"{n} {r}" for r, n in cleaned.counts.most_common(3))
        raise IngestError(f"{path}: no text left after cleaning" + (f" (dropped: {reasons})" if reasons else " (blank)"))
    return Document(
        name=path.name, path=str(path), sha256=stats.sha256, paragraphs=tuple(paragraphs),
        encoding=encoding.name, script=script, size=stats.size, dropped=tuple(cleaned.dropped),
    )
