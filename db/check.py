"""Read the glossary for checking drafts (never writes: the check opens the termbase read-only)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.check.checker import CheckGlossary, GlossaryRow

if TYPE_CHECKING:
    from sqlite_utils import Database

    Connection = sqlite3.Connection | Database  # what the check reads through (both have .execute)


def check_glossary(db: Connection, db_path: str | os.PathLike[str] | None = None) -> CheckGlossary:
    """The termbase prepared for checking: from the compiled-matcher cache when it is current
    (see glossary/check/cache.py), else built from the terms and cached for the next run."""
    from glossary.check import cache

    db.execute("BEGIN")  # one snapshot: the revision read is the revision of the rows read
    try:
        key = termbase_key(db, db_path) if db_path else None
        path = cache.cache_file(db_path) if key else None
        if path is not None:
            cached = cache.load(path, key)
            if cached is not None:
                return cached
        glossary = CheckGlossary.from_rows(check_rows(db))
    finally:
        db.execute("COMMIT")
    if path is not None and len(glossary.text) >= cache.MIN_CACHED_TERMS:
        glossary.add_evidence()
        cache.save(path, key, glossary)
    return glossary


def termbase_key(db: Connection, db_path: str | os.PathLike[str]) -> dict | None:
    """What identifies the termbase's checked content: its id and revision (bumped by triggers on
    every change, migration m0007), its term count and highest term id, and the file's inode
    (a copy that diverged from it is another file). None for a termbase older than m0007."""
    try:
        row = db.execute("SELECT termbase, revision FROM termbase_revision WHERE id = 1").fetchone()
        count, last = db.execute("SELECT count(*), max(id) FROM terms").fetchone()
        inode = Path(db_path).stat().st_ino
    except (sqlite3.Error, OSError):
        return None
    if row is None:
        return None
    from glossary.check.cache import code_version

    return {"termbase": row[0], "revision": row[1], "terms": count, "last_term": last, "inode": inode,
            "code": code_version()}


def check_rows(db: Connection) -> Iterator[GlossaryRow]:
    """Every zh/en term of the entries that are not rejected, as CheckGlossary rows, entry by entry.

    The checker reports missing terms for approved entries only, and misused (deprecated,
    superseded, forbidden) renderings for every entry that was not rejected.
    """
    return db.execute(
        """SELECT e.id, e.status, t.lang, t.text, t.status, t.type, t.exact
           FROM entries e JOIN terms t ON t.entry_id = e.id
           WHERE e.status != 'rejected' AND (t.lang LIKE 'zh%' OR t.lang LIKE 'en%')
           ORDER BY e.id, t.position, t.id"""
    )
