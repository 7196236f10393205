"""Plain-text drafts: an English-only draft, or a Chinese source and its English draft aligned
with the project's own aligner (so a draft that splits or merges sentences still lines up)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import groupby
from operator import attrgetter
from pathlib import Path

from glossary.errors import InputError
from glossary.models import Document, DraftSegment, Paragraph


def _read(path: Path) -> Document:
    from glossary.ingest import read_document

    return read_document(path)


def read_english(path: str | Path) -> Iterator[DraftSegment]:
    """Every paragraph of an English-only draft as a target-only segment, labelled by its line."""
    for p in _whole_lines(_read(Path(path))):
        yield DraftSegment(str(p.line or p.seq), "", p.original, line=p.line)


def read_aligned(source_path: str | Path, draft_path: str | Path) -> Iterator[DraftSegment]:
    """A Chinese source and its English draft, aligned sentence by sentence; one segment per bead
    that has English. Chinese the draft leaves out is an `omitted` segment ("source line N", its line
    in the source file), and a draft line left wholly in Chinese a target-only segment of its own
    ("line N"), in draft order."""
    from glossary.align import align_document

    source, draft = _read(Path(source_path)), _read(Path(draft_path))
    chinese = [p for p in source.paragraphs if p.lang == "zh"]
    lines = _whole_lines(draft)
    english = [p for p in lines if p.lang == "en"]
    left_in_chinese = [p for p in lines if p.lang != "en"]
    if not chinese:
        raise InputError(f"{source.name}: no Chinese text in the source file")
    if not english:
        found = "is Chinese, not English" if draft.paragraphs else "has no text"
        raise InputError(f"{draft.name}: the draft {found}")
    paragraphs = [replace(p, seq=i) for i, p in enumerate([*chinese, *english])]
    combined = replace(draft, paragraphs=tuple(paragraphs), name=draft.name)
    draft_lines = {p.seq: p.line for p in paragraphs[len(chinese):]}
    source_lines = {p.seq: p.line for p in paragraphs[:len(chinese)]}
    pending = iter(left_in_chinese)
    waiting = next(pending, None)
    for pair in align_document(combined):
        if not pair.en.strip():
            if pair.zh.strip():
                line = min((source_lines.get(s, 0) for s in pair.zh_paragraphs), default=0)
                yield DraftSegment(f"source line {line}", pair.zh_original or pair.zh, "", line=line, omitted=True)
            continue
        line = min((draft_lines.get(s, 0) for s in pair.en_paragraphs), default=0)
        while waiting is not None and waiting.line < line:
            yield DraftSegment(f"line {waiting.line}", "", waiting.original, line=waiting.line)
            waiting = next(pending, None)
        yield DraftSegment(str(pair.seq + 1), pair.zh_original or pair.zh, pair.en, line=line)  # counted from 1
    while waiting is not None:
        yield DraftSegment(f"line {waiting.line}", "", waiting.original, line=waiting.line)
        waiting = next(pending, None)


def _whole_lines(draft: Document) -> list[Paragraph]:
    """The draft's paragraphs, each whole: ingestion splits Chinese left in an English line off into a
    paragraph of its own, and here it stays in the target (a line with any English is English)."""
    lines = []
    for _, parts in groupby(draft.paragraphs, key=attrgetter("line")):
        parts = list(parts)
        if len(parts) == 1:
            lines.append(parts[0])
            continue
        text = " ".join(p.original for p in parts)
        lang = "en" if any(p.lang == "en" for p in parts) else "zh"
        lines.append(replace(parts[0], lang=lang, text=text, original=text))
    return lines
