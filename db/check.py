"""Read the glossary for checking drafts (never writes: the check opens the termbase read-only)."""

from __future__ import annotations

from sqlite_utils import Database

from glossary.models import Entry, Term


def load_check_entries(db: Database) -> list[Entry]:
    """Every non-rejected entry with its zh/en terms, in one pass over the terms table.

    The checker reports missing terms for approved entries only, and misused (deprecated,
    superseded, forbidden) renderings for every entry that was not rejected.
    """
    entries: list[Entry] = []
    current: dict | None = None
    terms: list[Term] = []
    rows = db.query(
        """SELECT e.id AS entry_id, e.status AS entry_status, e.category, t.id, t.lang, t.text,
                  t.status, t.type, t.script, t.exact
           FROM entries e JOIN terms t ON t.entry_id = e.id
           WHERE e.status != 'rejected' AND (t.lang LIKE 'zh%' OR t.lang LIKE 'en%')
           ORDER BY e.id, t.position, t.id"""
    )
    for row in rows:
        if current is None or row["entry_id"] != current["entry_id"]:
            if current is not None:
                entries.append(_entry(current, terms))
            current, terms = row, []
        terms.append(Term(lang=row["lang"], text=row["text"], status=row["status"], type=row["type"],
                          script=row["script"], exact=bool(row["exact"]), id=row["id"]))
    if current is not None:
        entries.append(_entry(current, terms))
    return entries


def _entry(row: dict, terms: list[Term]) -> Entry:
    return Entry(terms=tuple(terms), status=row["entry_status"], category=row["category"], id=row["entry_id"])
