"""Read the glossary for checking drafts (never writes: the check opens the termbase read-only)."""

from __future__ import annotations

from sqlite_utils import Database

from glossary.check.checker import paused_gc
from glossary.models import Entry, Term


def load_check_entries(db: Database) -> list[Entry]:
    """Every non-rejected entry with its zh/en terms, in one pass over the terms table.

    The checker reports missing terms for approved entries only, and misused (deprecated,
    superseded, forbidden) renderings for every entry that was not rejected.
    """
    with paused_gc():
        return _load(db)


def _load(db: Database) -> list[Entry]:
    rows = db.execute(
        """SELECT e.id, e.status, e.category, t.id, t.lang, t.text, t.status, t.type, t.script, t.exact
           FROM entries e JOIN terms t ON t.entry_id = e.id
           WHERE e.status != 'rejected' AND (t.lang LIKE 'zh%' OR t.lang LIKE 'en%')
           ORDER BY e.id, t.position, t.id"""
    )
    entries: list[Entry] = []
    terms: list[Term] = []
    current = None
    for entry_id, entry_status, category, term_id, lang, text, status, type_, script, exact in rows:
        if current is None or entry_id != current[0]:
            if current is not None:
                entries.append(Entry(tuple(terms), status=current[1], category=current[2], id=current[0]))
            current, terms = (entry_id, entry_status, category), []
        terms.append(Term(lang=lang, text=text, status=status, type=type_, script=script, exact=bool(exact), id=term_id))
    if current is not None:
        entries.append(Entry(tuple(terms), status=current[1], category=current[2], id=current[0]))
    return entries
