"""Plain-text drafts: an English-only draft, or a Chinese source and its English draft aligned
with the project's own aligner (so a draft that splits or merges sentences still lines up)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from glossary.errors import InputError
from glossary.models import Document, DraftSegment


def _read(path: Path) -> Document:
    from glossary.ingest import read_document

    return read_document(path)


def read_english(path: str | Path) -> Iterator[DraftSegment]:
    """Every paragraph of an English-only draft as a target-only segment, labelled by its line."""
    doc = _read(Path(path))
    for p in doc.paragraphs:
        yield DraftSegment(str(p.line or p.seq), "", p.original, line=p.line)


def read_aligned(source_path: str | Path, draft_path: str | Path) -> Iterator[DraftSegment]:
    """A Chinese source and its English draft, aligned sentence by sentence; one segment per bead
    that has English (Chinese the draft leaves out is not a segment of the draft)."""
    from glossary.align import align_document

    source, draft = _read(Path(source_path)), _read(Path(draft_path))
    chinese = [p for p in source.paragraphs if p.lang == "zh"]
    english = [p for p in draft.paragraphs if p.lang == "en"]
    if not chinese:
        raise InputError(f"{source.name}: no Chinese text in the source file")
    if not english:
        found = "is Chinese, not English" if draft.paragraphs else "has no text"
        raise InputError(f"{draft.name}: the draft {found}")
    paragraphs = [replace(p, seq=i) for i, p in enumerate([*chinese, *english])]
    combined = replace(draft, paragraphs=tuple(paragraphs), name=draft.name)
    draft_lines = {p.seq: p.line for p in paragraphs[len(chinese):]}
    for pair in align_document(combined):
        if not pair.en.strip():
            continue
        line = min((draft_lines.get(s, 0) for s in pair.en_paragraphs), default=0)
        yield DraftSegment(str(pair.seq), pair.zh_original or pair.zh, pair.en, line=line)
