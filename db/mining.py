"""Store mined documents: segment pairs, entries merged by match key, occurrences with offsets.

Human decisions are never overridden: approved and rejected entries keep their status and
terms; only candidate entries gain new renderings. Mining a document twice adds nothing.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from sqlite_utils import Database

from db.connection import write_transaction
from db.entries import _insert_rows, add_entries, find_entry_ids_by_key_pairs, get_entries, save_entry
from glossary.gcpause import paused_gc
from glossary.keys import match_key
from glossary.mine.group import MinedEntry
from glossary.mine.pipeline import MinedDocument, load_tables, mine_file
from glossary.models import Entry, SegmentPair

Progress = Callable[[int, int, str], None]
# Mining makes millions of small objects that are no garbage (words, spans, tallies): collecting the
# youngest generation every 20,000 allocations instead of every 700 saves about a twelfth of its time.
GC_THRESHOLDS = (20_000, 20, 20)


@dataclass(slots=True)
class MiningSummary:
    documents: int = 0
    already_mined: int = 0
    chinese_only: int = 0
    english_only: int = 0  # no Chinese at all: nothing to mine
    pairs: int = 0
    entries_added: int = 0
    entries_merged: int = 0
    occurrences_added: int = 0
    names: list[str] | None = None

    def add(self, other: "MiningSummary") -> None:
        for name in ("documents", "already_mined", "chinese_only", "english_only", "pairs", "entries_added",
                     "entries_merged", "occurrences_added"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def store_segment_pairs(db: Database, document_id: int, pairs: Sequence[SegmentPair]) -> dict[int, int]:
    """Insert a document's segment pairs (replacing none that exist); returns seq → row id."""
    existing = {r["seq"]: r["id"] for r in db.query("SELECT id, seq FROM segment_pairs WHERE document_id = ?", [document_id])}
    rows = [
        {"document_id": document_id, "seq": p.seq, "zh": p.zh, "en": p.en,
         "zh_paragraphs": json.dumps(list(p.zh_paragraphs)), "en_paragraphs": json.dumps(list(p.en_paragraphs)),
         "score": p.score, "anchors": json.dumps(list(p.anchors), ensure_ascii=False)}
        for p in pairs if p.seq not in existing
    ]
    if rows:
        _insert_rows(db, "segment_pairs", rows)
        existing = {r["seq"]: r["id"] for r in db.query("SELECT id, seq FROM segment_pairs WHERE document_id = ?", [document_id])}
    return existing


def _merge_renderings(stored: Entry, mined: Entry) -> Entry | None:
    """A candidate entry with the mined entry's new English renderings and Traditional spellings added."""
    keys = {(t.lang, match_key(t.lang, t.text)) for t in stored.terms}
    spellings = {t.text for t in stored.terms}
    new_terms = []
    for term in mined.terms:
        if term.lang == "en" and (term.lang, match_key("en", term.text)) not in keys:
            new_terms.append(replace(term, status="admitted"))
            keys.add((term.lang, match_key("en", term.text)))
        elif term.lang == "zh" and term.script == "Hant" and term.text not in spellings:
            new_terms.append(term)
            spellings.add(term.text)
    if not new_terms:
        return None
    return replace(stored, terms=stored.terms + tuple(new_terms))


def _insert_occurrences(db: Database, entry_id: int, mined: MinedEntry, pair_ids: dict[int, int], pairs: dict[int, SegmentPair]) -> int:
    rows = []
    for candidate in mined.candidates:
        for occ in candidate.occurrences:
            pair = pairs.get(occ.pair_seq)
            if pair is None or occ.pair_seq not in pair_ids:
                continue
            rows.append((entry_id, pair_ids[occ.pair_seq], pair.zh[occ.zh_start : occ.zh_end],
                         pair.en[occ.en_start : occ.en_end], occ.zh_start, occ.zh_end, occ.en_start, occ.en_end))
    return _insert_occurrence_rows(db, rows)


def _insert_occurrence_rows(db: Database, rows: list[tuple]) -> int:
    """Insert occurrence rows (those already held are skipped); returns how many were new."""
    if not rows:
        return 0
    return db.conn.executemany(
        """INSERT OR IGNORE INTO occurrences
           (entry_id, segment_pair_id, zh_term, en_term, zh_start, zh_end, en_start, en_end)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        rows,
    ).rowcount  # (summed over the rows; an ignored row counts 0)


def merge_mined_entries(db: Database, mined: Iterable[MinedEntry], pair_ids: dict[int, int],
                        pairs: Sequence[SegmentPair]) -> tuple[int, int, int]:
    """Merge mined entries into the termbase; returns (added, merged, occurrences added)."""
    by_seq = {p.seq: p for p in pairs}
    merged = occurrences = 0
    new: list[MinedEntry] = []
    mined = list(mined)
    keys = {id(item): ("zh", match_key("zh", zh.text)) for item in mined if (zh := item.entry.preferred("zh"))}
    holders = find_entry_ids_by_key_pairs(db, keys.values())  # one query per chunk, not one per entry
    first = {key: min(ids) for key, ids in holders.items()}
    stored_entries = {e.id: e for e in get_entries(db, set(first.values()))}
    for item in mined:
        entry_id = first.get(keys.get(id(item)))
        if entry_id is None:
            new.append(item)
            continue
        stored = stored_entries[entry_id]
        if stored.status == "rejected":
            continue
        if stored.status == "candidate":
            updated = _merge_renderings(stored, item.entry)
            if updated is not None:
                save_entry(db, replace(updated, score=max(stored.score, item.entry.score)), action="mine")
                merged += 1
        occurrences += _insert_occurrences(db, entry_id, item, pair_ids, by_seq)
    for entry_id, item in zip(add_entries(db, [item.entry for item in new], action="mine"), new):
        occurrences += _insert_occurrences(db, entry_id, item, pair_ids, by_seq)
    return len(new), merged, occurrences


def record_approved_occurrences(db: Database, pair_ids: dict[int, int], pairs: Sequence[SegmentPair]) -> int:
    """Occurrences of approved terms in Chinese sentences that have no English (zh-only beads)."""
    zh_only = [p for p in pairs if p.zh and not p.en and p.seq in pair_ids]
    if not zh_only:
        return 0
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for row in db.query(
        """SELECT t.entry_id, t.text FROM terms t JOIN entries e ON e.id = t.entry_id
           WHERE e.status = 'approved' AND t.lang = 'zh' AND EXISTS
           (SELECT 1 FROM terms x WHERE x.entry_id = e.id AND x.lang = 'en')"""
    ):
        if len(row["text"]) >= 2:
            automaton.add_word(row["text"], (row["entry_id"], row["text"]))
    if not len(automaton):
        return 0
    automaton.make_automaton()
    rows = []
    for pair in zh_only:
        for text in {pair.zh, pair.zh_original} - {""}:
            for end, (entry_id, term) in automaton.iter(text):
                start = end - len(term) + 1
                rows.append((entry_id, pair_ids[pair.seq], pair.zh[start : end + 1], "", start, end + 1, 0, 0))
    return _insert_occurrence_rows(db, rows)


def store_mined_document(db: Database, mined: MinedDocument) -> MiningSummary:
    """Store one mined document in one transaction."""
    from db.documents import store_document

    summary = MiningSummary(documents=1, names=[mined.document.name])
    with db.atomic():
        stored = store_document(db, mined.document)
        has_pairs = db.execute("SELECT 1 FROM segment_pairs WHERE document_id = ? LIMIT 1", [stored.document_id]).fetchone()
        if stored.status == "unchanged" and has_pairs:
            summary.already_mined = 1
            return summary
        pair_ids = store_segment_pairs(db, stored.document_id, mined.pairs)
        summary.pairs = sum(1 for p in mined.pairs if p.zh and p.en)
        if summary.pairs == 0:
            if any(p.zh for p in mined.pairs):
                summary.chinese_only = 1
            else:
                summary.english_only = 1
        added, merged, occurrences = merge_mined_entries(db, mined.entries, pair_ids, mined.pairs)
        occurrences += record_approved_occurrences(db, pair_ids, mined.pairs)
        summary.entries_added, summary.entries_merged, summary.occurrences_added = added, merged, occurrences
    return summary


def approved_zh_terms(db: Database) -> tuple[str, ...]:
    """Chinese terms of approved entries (jieba keeps them whole while mining)."""
    return tuple(r["text"] for r in db.query(
        "SELECT DISTINCT t.text FROM terms t JOIN entries e ON e.id = t.entry_id WHERE e.status = 'approved' AND t.lang = 'zh'"))


def mine_paths(db: Database, paths: Iterable[str | os.PathLike[str]], progress: Progress | None = None,
               workers: int | None = None, pairs: Iterable[tuple[str, str]] = ()) -> MiningSummary:
    """Ingest, align and mine every supported file under `paths`, and each (Chinese file, its
    translation) of `pairs` as one document (documents in parallel worker processes, one writer),
    merging into the termbase. `progress(done, total, name)` after each."""
    from glossary.ingest import find_input_files

    pairs = [(str(a), str(b)) for a, b in pairs]
    files: list[str | tuple[str, str]] = [str(p) for p in find_input_files(paths)] if paths else []
    files += pairs  # (each file is checked as it is read: missing, unsupported, empty)
    known = approved_zh_terms(db)
    summary = MiningSummary(names=[])
    workers = workers or min(len(files), os.cpu_count() or 1, 4)
    if progress:
        progress(0, len(files), "")
    forked = workers > 1 and multiprocessing.get_start_method() == "fork"
    # a bad file leaves the termbase as it was; with fork, the tables are loaded here, once instead of once per
    # worker, and stay out of every garbage collection (and their pages unshared by none)
    with _fewer_collections(load=forked), write_transaction(db):
        if workers <= 1:
            results: Iterable[MinedDocument] = (mine_file(f, known) for f in files)
            return _store_all(db, results, files, summary, progress)
        with ProcessPoolExecutor(workers, initializer=gc.set_threshold, initargs=GC_THRESHOLDS) as pool:
            results = pool.map(mine_file, files, [known] * len(files))
            return _store_all(db, results, files, summary, progress)


@contextmanager
def _fewer_collections(load: bool) -> Iterator[None]:
    """Garbage collection at GC_THRESHOLDS for a while; with `load`, the mining tables are loaded first and,
    with what exists then, left out of it. No collection while they load: they are millions of lasting
    objects, which collections walked again and again (a fifth of the loading time)."""
    thresholds = gc.get_threshold()
    if load:
        with paused_gc():
            load_tables()
        gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        if load:
            gc.unfreeze()
        gc.set_threshold(*thresholds)


def _store_all(db: Database, results: Iterable[MinedDocument], files: list[str | tuple[str, str]], summary: MiningSummary,
               progress: Progress | None) -> MiningSummary:
    for done, mined in enumerate(results, 1):
        one = store_mined_document(db, mined)
        summary.add(one)
        summary.names.append(mined.document.name)
        if progress:
            item = files[done - 1]
            progress(done, len(files), " + ".join(Path(f).name for f in item) if isinstance(item, tuple) else Path(item).name)
    return summary
