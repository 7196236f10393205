"""The fuzzy lookup index: character n-grams of each term's match key in `term_grams`.

Rows follow their term through `ON DELETE CASCADE`; db/entries.py adds them wherever it
inserts terms, so mining, import and TUI edits keep the index current.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlite_utils import Database

from glossary.keys import LOOKUP_GRAMS_PER_KEY, lookup_gram_size, lookup_grams


def _gram_rows(terms: Iterable[tuple[int, str]]) -> Iterable[tuple[str, int, int]]:
    for term_id, key in terms:
        for gram in lookup_grams(key):
            yield gram, len(key), term_id


def index_terms(db: Database, terms: Iterable[tuple[int, str]]) -> None:
    """Add the n-grams of a few (term id, match key) pairs to the index."""
    db.conn.executemany("INSERT OR IGNORE INTO term_grams (gram, length, term_id) VALUES (?, ?, ?)", _gram_rows(terms))


def index_terms_bulk(db: Database, terms: Iterable[tuple[int, str]]) -> None:
    """Add many terms' n-grams: one staged row per term, cut into n-grams by one INSERT ... SELECT.

    Not sorted first: sorting cost more than it saved, for liford into an empty or a 100k termbase."""
    with db.atomic():
        _stage(db, terms)
        _flush_stage(db)


def _stage_rows(terms: Iterable[tuple[int, str]]) -> Iterable[tuple[int, str, int, int, int]]:
    """(term id, padded key, n, key length, positions) for SQL to cut into n-grams: one row per term
    instead of one per gram. Keys whose grams SQL cannot cut like lookup_grams (capped, or holding
    NUL) come as one row per gram with positions 0."""
    for term_id, key in terms:
        if not key:
            continue
        size = len(key)
        n = lookup_gram_size(key)
        positions = size + 3 - n
        if positions <= LOOKUP_GRAMS_PER_KEY and "\0" not in key:
            yield term_id, f" {key} ", n, size, positions
        else:
            for gram in lookup_grams(key):
                yield term_id, gram, 0, size, 0


def _stage(db: Database, terms: Iterable[tuple[int, str]]) -> None:
    _create_stage(db)
    db.conn.executemany("INSERT INTO temp.term_keys_stage VALUES (?, ?, ?, ?, ?)", _stage_rows(terms))


def _create_stage(db: Database) -> None:
    db.execute(
        "CREATE TEMP TABLE IF NOT EXISTS term_keys_stage"
        " (term_id INTEGER, padded TEXT, n INTEGER, length INTEGER, positions INTEGER)"
    )
    db.execute("CREATE TEMP TABLE IF NOT EXISTS gram_positions (i INTEGER PRIMARY KEY)")
    db.execute(
        "INSERT OR IGNORE INTO temp.gram_positions WITH RECURSIVE p(i) AS"
        f" (SELECT 1 UNION ALL SELECT i + 1 FROM p WHERE i < {LOOKUP_GRAMS_PER_KEY}) SELECT i FROM p"
    )


def _flush_stage(db: Database) -> None:
    _create_stage(db)
    db.execute(
        """INSERT OR IGNORE INTO term_grams (gram, length, term_id)
           SELECT substr(k.padded, p.i, k.n), k.length, k.term_id
             FROM temp.term_keys_stage k JOIN temp.gram_positions p ON p.i <= k.positions
           UNION ALL SELECT padded, length, term_id FROM temp.term_keys_stage WHERE positions = 0"""
    )
    db.execute("DELETE FROM temp.term_keys_stage")


def rebuild_lookup_index(db: Database, *, progress: Callable[[int], None] | None = None, batch: int = 100_000) -> int:
    """Recompute the whole n-gram index from the terms table; returns the number of terms indexed."""
    with db.atomic():
        db.execute("DELETE FROM term_grams")
        db.execute("DROP INDEX IF EXISTS idx_term_grams_term")  # rebuilt in one sort below
        last, done = 0, 0
        while True:
            rows = db.execute("SELECT id, match_key FROM terms WHERE id > ? ORDER BY id LIMIT ?", [last, batch]).fetchall()
            if not rows:
                break
            _stage(db, rows)
            last, done = rows[-1][0], done + len(rows)
            if progress:
                progress(done)
        _flush_stage(db)
        db.execute("CREATE INDEX idx_term_grams_term ON term_grams (term_id)")
    return done
