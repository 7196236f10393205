"""Reading one document: a file in, cleaned and language-tagged paragraphs out, streamed."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from glossary.errors import IngestError
from glossary.keys import printable_path
from glossary.models import Document, Paragraph

from .clean import CleanReport, clean_lines
from .decode import SAMPLE_SIZE, StreamStats, detect_encoding, file_sha256, iter_lines, iter_text, read_sample
from .formats import HTML_EXTENSIONS, MARKDOWN_EXTENSIONS, SUPPORTED_EXTENSIONS, html_lines, markdown_lines, text_lines
from .paragraphs import ScriptTally, iter_paragraphs


class DocumentReader:
    """One document being read. Opening it checks the file and detects the encoding (bad
    input fails here); `paragraphs()` streams the cleaned paragraphs; once they are
    exhausted, `document()` gives the complete metadata (hash, size, script, dropped lines).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        path = Path(path)
        if path.is_dir():
            raise IngestError(f"{path}: is a directory (give a file, or use find_input_files)")
        self.suffix = path.suffix.lower()
        if self.suffix not in SUPPORTED_EXTENSIONS:
            raise IngestError(
                f"{path}: unsupported file type {self.suffix or '(none)'} (supported: {', '.join(SUPPORTED_EXTENSIONS)})"
            )
        sample = read_sample(path, SAMPLE_SIZE + 1)
        if not sample:
            raise IngestError(f"{path}: empty file")
        self.path = path
        self.name = printable_path(path.name)
        self.encoding = detect_encoding(path, sample[:SAMPLE_SIZE], truncated=len(sample) > SAMPLE_SIZE)
        self._stats = StreamStats()
        self._tally = ScriptTally()
        self._cleaned = CleanReport()
        self._done = False

    def content_sha256(self) -> str:
        """sha256 of the file as it is now (a quick streamed pass, before parsing it)."""
        return file_sha256(self.path)

    def paragraphs(self) -> Iterator[Paragraph]:
        """The cleaned paragraphs in reading order; IngestError at the end if there are none."""
        chunks = iter_text(self.path, self.encoding, self._stats)
        if self.suffix in HTML_EXTENSIONS:
            items: Iterable = html_lines(chunks)
        elif self.suffix in MARKDOWN_EXTENSIONS:
            items = markdown_lines(iter_lines(chunks))
        else:
            items = text_lines(iter_lines(chunks))
        lines = clean_lines(items, self._cleaned)
        count = 0
        for paragraph in iter_paragraphs(lines, self._tally, join_blocks=self.suffix in MARKDOWN_EXTENSIONS):
            count += 1
            yield paragraph
        if not count:
            reasons = ", ".join(f"{n} {r}" for r, n in self._cleaned.counts.most_common(3))
            raise IngestError(
                f"{self.path}: no text left after cleaning" + (f" (dropped: {reasons})" if reasons else " (blank)")
            )
        self._done = True

    def document(self, paragraphs: tuple[Paragraph, ...] = ()) -> Document:
        """The document's metadata (after `paragraphs()` was exhausted), with `paragraphs`."""
        if not self._done:
            raise RuntimeError("DocumentReader.document() before its paragraphs were read")
        return Document(
            name=self.name, path=str(self.path), sha256=self._stats.sha256, paragraphs=paragraphs,
            encoding=self.encoding.name, script=self._tally.script, size=self._stats.size,
            dropped=tuple(self._cleaned.dropped),
        )


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read, decode, clean and language-tag one document into a `Document` (see the package doc)."""
    reader = DocumentReader(path)
    paragraphs = tuple(reader.paragraphs())
    return reader.document(paragraphs)


def read_document_pair(source: str | os.PathLike[str], translation: str | os.PathLike[str]) -> Document:
    """A Chinese original and its English translation kept in two files, read as one bilingual
    document: the first file's paragraphs, then the second's (the aligner takes them in either order;
    each paragraph keeps its line in its own file). Named "zh.txt + en.txt"; its hash is of both
    contents in either order, so mining the same two texts again adds nothing."""
    first, second = read_document(source), read_document(translation)
    if first.sha256 == second.sha256:
        raise IngestError(f"{translation}: the same text as {source}; give the Chinese file and its translation")
    paragraphs = tuple(replace(p, seq=k) for k, p in enumerate((*first.paragraphs, *second.paragraphs)))
    chinese = first if any(p.lang == "zh" for p in first.paragraphs) or not any(p.lang == "zh" for p in second.paragraphs) else second
    return Document(
        name=f"{first.name} + {second.name}", path=pair_path(source, translation),
        sha256=hashlib.sha256("+".join(sorted((first.sha256, second.sha256))).encode()).hexdigest(), paragraphs=paragraphs,
        encoding=first.encoding if first.encoding == second.encoding else f"{first.encoding} + {second.encoding}",
        script=chinese.script, size=first.size + second.size, dropped=first.dropped + second.dropped,
    )


def pair_path(source: str | os.PathLike[str], translation: str | os.PathLike[str]) -> str:
    """The path a document read from two files is stored under: both absolute paths, joined by " + "
    (mining the pair again after either file changed replaces it)."""
    return " + ".join(str(Path(p).expanduser().resolve()) for p in (source, translation))
