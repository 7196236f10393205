"""Plain-text drafts: an English-only draft, a Chinese source and its English draft, or a bilingual
document, the last two aligned with the project's own aligner (so a draft that splits or merges
sentences still lines up)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import groupby
from operator import attrgetter
from pathlib import Path

from glossary.errors import InputError
from glossary.models import Document, DraftSegment, Paragraph, SegmentPair

from .readers import shown


def _read(path: Path) -> Document:
    from glossary.ingest import read_document

    return read_document(path)


def read_plain(path: str | Path) -> tuple[list[DraftSegment], bool]:
    """A plain-text draft given alone: (segments, english_only). A bilingual document, Chinese and English
    in any layout as `mine` takes it, is aligned and checked as `--source/--draft` would check its two
    halves; any other text is an English draft, every line a target-only segment (a line left in Chinese
    is then `untranslated`): also a half-translated draft, whose Chinese is what is left to translate."""
    from glossary.align import align_document

    document = _read(Path(path))
    lines = _whole_lines(document)
    pairs = align_document(document) if _may_translate(lines) else []
    if not _translates(pairs):
        return [DraftSegment(str(p.line or p.seq), "", p.original, line=p.line) for p in lines], True
    source_lines = {p.seq: p.line for p in document.paragraphs if p.lang == "zh"}
    draft_lines = {p.seq: p.line for p in document.paragraphs if p.lang == "en"}
    return list(_aligned(pairs, source_lines, draft_lines, [])), False


def _may_translate(lines: list[Paragraph]) -> bool:
    """Chinese on two lines or more, and enough of it for its translation to be half the English or more
    at the most English per Chinese character the aligner fits a document to (RATIO_RANGE): else the
    text is an English draft without aligning it (which costs seconds on a long draft)."""
    from glossary.align.document import RATIO_RANGE

    chinese = [p for p in lines if p.lang == "zh"]
    english = sum(len(p.text) for p in lines if p.lang == "en")
    return len(chinese) >= 2 and 2 * RATIO_RANGE[1] * sum(len(p.text) for p in chinese) >= english


def _translates(pairs: list[SegmentPair]) -> bool:
    """True when half the English or more (in characters) is in pairs the aligner scores as translations
    of their Chinese (dictionary overlap and anchors above chance, net of the length penalty): a bilingual
    document, whatever its layout, even a long Chinese text with a short English summary. The English of
    a draft with Chinese left in it translates Chinese that is no longer there: on ../shared/corpus 000
    and 001 and 12 HKMA chapters with 3 paragraphs, every other one or the last 40% left in Chinese, at
    most 27% of it pairs so (94% or more of the bilingual documents' English)."""
    english = sum(len(pair.en) for pair in pairs)
    translated = sum(len(pair.en) for pair in pairs if pair.zh and pair.score > 0)
    return english > 0 and 2 * translated >= english


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
        raise InputError(f"{shown(source_path)}: no Chinese text in the source file")
    if not english:
        found = "is Chinese, not English" if draft.paragraphs else "has no text"
        raise InputError(f"{shown(draft_path)}: the draft {found}")
    paragraphs = [replace(p, seq=i) for i, p in enumerate([*chinese, *english])]
    combined = replace(draft, paragraphs=tuple(paragraphs), name=draft.name)
    draft_lines = {p.seq: p.line for p in paragraphs[len(chinese):]}
    source_lines = {p.seq: p.line for p in paragraphs[:len(chinese)]}
    yield from _aligned(align_document(combined), source_lines, draft_lines, left_in_chinese)


def _aligned(pairs: list[SegmentPair], source_lines: dict[int, int], draft_lines: dict[int, int],
             left_in_chinese: list[Paragraph]) -> Iterator[DraftSegment]:
    """A document's aligned pairs as segments (see read_aligned); `*_lines` map paragraph seq to line."""
    pending = iter(left_in_chinese)
    waiting = next(pending, None)
    for pair in pairs:
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
