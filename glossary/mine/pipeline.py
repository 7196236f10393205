"""One document through the pure pipeline: ingest, align, mine, group (runs in worker processes)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from glossary.align import align_document
from glossary.gcpause import paused_gc
from glossary.mine import mine_pairs
from glossary.mine.group import MinedEntry, group_candidates
from glossary.models import Document, SegmentPair, pickle_by_fields


@dataclass(frozen=True, slots=True)
class MinedDocument:
    document: Document
    pairs: tuple[SegmentPair, ...]
    entries: tuple[MinedEntry, ...]


pickle_by_fields(MinedDocument)  # (sent from the worker processes)


def mine_document(doc: Document, known_terms: Iterable[str] = ()) -> MinedDocument:
    """Align a document and mine its aligned pairs; Chinese-only documents yield no entries."""
    pairs = align_document(doc)
    candidates = mine_pairs(pairs, known_terms=known_terms, document=doc.name)
    return MinedDocument(doc, tuple(pairs), tuple(group_candidates(candidates)))


def load_tables() -> None:
    """Load jieba, CC-CEDICT, the pinyin readings, OpenCC's converters and the reader's cleaning rules
    now, so forked worker processes share them (each worker would load them again for its first document)."""
    from glossary.ingest import read_document  # noqa: F401  (imported for its rules, see mine_file)
    from glossary.keys import char_readings, is_simplified, to_simplified
    from glossary.lexicon import glossed_as_synonym, glossed_inside_longer_word, headword_openings
    from glossary.mine.pairing import STEM_PREFIX
    from glossary.mine.tokens import zh_words

    zh_words("中文")
    headword_openings()
    glossed_as_synonym("中文", frozenset(), STEM_PREFIX)  # (builds its index of one-word glosses)
    glossed_inside_longer_word("中文", frozenset(), STEM_PREFIX)  # (builds its text of all headwords)
    char_readings("中")
    is_simplified(to_simplified("中文"))


def mine_file(path: str | Path | tuple[str, str], known_terms: tuple[str, ...] = ()) -> MinedDocument:
    """Read one file with the ingester (or a Chinese file and its translation: a (source, translation)
    pair), then `mine_document` (a picklable worker entry point)."""
    from glossary.ingest import read_document, read_document_pair

    with paused_gc(settle=False):  # what mining makes dies by its reference count (it makes no reference
        doc = read_document_pair(*path) if isinstance(path, tuple) else read_document(path)  # cycles):
        return mine_document(doc, known_terms)  # collections only walked what was in use
