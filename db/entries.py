"""Entries and their terms: the one write path used by mining, import and the TUI."""

from __future__ import annotations

import json
from itertools import chain, islice
from operator import itemgetter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timezone

from sqlite_utils import Database

from glossary.errors import NotFoundError
from glossary.keys import is_traditional, match_key, pinyin_syllables
from glossary.models import Entry, Term, bulk_constructor, entry_to_dict

from .term_index import index_terms, index_terms_bulk

_TERM_COLUMNS = (
    "id, entry_id, lang, text, status, type, script, source, part_of_speech, context, note, exact, count"
)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def term_row(entry_id: int, term: Term, position: int) -> dict:
    """The `terms` row for a term, with its match, pinyin and script keys computed."""
    row = {
        "entry_id": entry_id, "lang": term.lang, "text": term.text,
        "match_key": match_key(term.lang, term.text), "status": term.status, "type": term.type,
        "script": term.script, "pinyin": None, "initials": None, "source": term.source,
        "part_of_speech": term.part_of_speech, "context": term.context, "note": term.note,
        "exact": int(term.exact), "count": term.count, "position": position,
    }
    if term.lang.lower().startswith("zh"):
        row["script"] = term.script or ("Hant" if is_traditional(term.text) else "Hans")
        syllables = pinyin_syllables(term.text)
        row["pinyin"] = "".join(syllables) or None
        row["initials"] = "".join(s[0] for s in syllables) or None
    return row


def log_change(
    db: Database, entry_id: int | None, action: str, before: Entry | None, after: Entry | None,
    *, batch: int | None = None, before_extra: dict | None = None, after_extra: dict | None = None,
) -> int:
    """Append one change to the review log (before/after as JSON) and return its id.

    Rows of one multi-entry change (merge, split) share `batch` so they undo together;
    `*_extra` adds keys to the logged state (e.g. the occurrences an entry held).
    """
    return db.conn.execute(  # (not sqlite-utils' insert: it reads the schema again for every row)
        "INSERT INTO review_log (entry_id, action, before, after, at, undone, batch) VALUES (?, ?, ?, ?, ?, 0, ?)",
        [entry_id, action, _state_json(before, before_extra), _state_json(after, after_extra), now(), batch],
    ).lastrowid


def _state_json(entry: Entry | None, extra: dict | None) -> str | None:
    if entry is None:
        return None
    return json.dumps({**entry_to_dict(entry), **(extra or {})}, ensure_ascii=False)


def _insert_terms(db: Database, entry_id: int, terms: Iterable[Term]) -> None:
    """Insert an entry's terms and their lookup-index rows."""
    rows = [term_row(entry_id, t, i) for i, t in enumerate(terms)]
    if rows:
        _insert_rows(db, "terms", rows)
        index_terms(db, db.execute("SELECT id, match_key FROM terms WHERE entry_id = ?", [entry_id]).fetchall())


def _entry_fields(entry: Entry) -> dict:
    return {
        "status": entry.status, "category": entry.category, "note": entry.note,
        "source": entry.source, "score": entry.score, "definition": entry.definition,
    }


def _insert_sources(db: Database, entry_id: int, sources: Iterable[str]) -> None:
    rows = [{"entry_id": entry_id, "name": name} for name in dict.fromkeys(sources) if name]
    _insert_rows(db, "entry_sources", rows, "OR IGNORE")


def add_entry(db: Database, entry: Entry, *, action: str = "create", log: bool = True) -> int:
    """Store a new entry with its terms; returns the new id. `entry.id` is kept if given."""
    stamp = now()
    with db.atomic():
        row = {**_entry_fields(entry), "created": entry.created or stamp, "updated": entry.updated or stamp}
        if entry.id is not None:
            row["id"] = entry.id
        entry_id = db.table("entries").insert(row).last_pk
        _insert_terms(db, entry_id, entry.terms)
        _insert_sources(db, entry_id, entry.sources)
        if log:
            log_change(db, entry_id, action, None, replace(entry, id=entry_id))
    return entry_id


_VARIABLES_PER_STATEMENT = 999  # the lowest SQLite limit on ? parameters in one statement


def _insert_rows(db: Database, table: str, rows: list[dict], conflict: str = "") -> None:
    """Insert rows that share their keys, many per statement: sqlite-utils' insert_all is slow for bulk
    rows, and one statement per row would set up the tables' CHECK ... IN lists once per row."""
    if not rows:
        return
    columns = list(rows[0])
    values = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
    head = f"INSERT {conflict} INTO {table} ({', '.join(columns)}) VALUES "
    one = f"({', '.join('?' * len(columns))})"
    per_statement = max(1, _VARIABLES_PER_STATEMENT // len(columns))
    for start in range(0, len(rows), per_statement):
        part = rows[start : start + per_statement]
        db.conn.execute(head + ", ".join([one] * len(part)), list(chain.from_iterable(map(values, part))))


def add_entries(
    db: Database, entries: Iterable[Entry], *, action: str = "import", log: bool = True, index: bool = True,
    batch: int = 5000,
) -> list[int]:
    """Store many new entries in one transaction (import, benchmarks); returns their ids in order.

    Ids are assigned here so terms, log and lookup-index rows go in with bulk statements; an
    `entry.id` is kept if given. `index=False` leaves the index to one `rebuild_lookup_index` call.
    """
    stamp, ids = now(), []
    with db.atomic():
        pending = iter(entries)
        while chunk := list(islice(pending, batch)):
            next_entry = db.execute("SELECT coalesce(max(id), 0) + 1 FROM entries").fetchone()[0]
            next_entry = max([next_entry, *(e.id + 1 for e in chunk if e.id is not None)])
            next_term = db.execute("SELECT coalesce(max(id), 0) + 1 FROM terms").fetchone()[0]
            entry_rows, term_rows, source_rows, log_rows, keyed = [], [], [], [], []
            for entry in chunk:
                if entry.id is None:
                    entry_id, next_entry = next_entry, next_entry + 1
                else:
                    entry_id = entry.id
                ids.append(entry_id)
                entry_rows.append({"id": entry_id, **_entry_fields(entry),
                                   "created": entry.created or stamp, "updated": entry.updated or stamp})
                for position, term in enumerate(entry.terms):
                    row = {"id": next_term, **term_row(entry_id, term, position)}
                    term_rows.append(row)
                    keyed.append((next_term, row["match_key"]))
                    next_term += 1
                source_rows.extend({"entry_id": entry_id, "name": n} for n in dict.fromkeys(entry.sources) if n)
                if log:
                    log_rows.append({"entry_id": entry_id, "action": action, "before": None,
                                     "after": _state_json(entry, {"id": entry_id}), "at": stamp, "undone": 0})
            _insert_rows(db, "entries", entry_rows)
            _insert_rows(db, "terms", term_rows)
            if index:
                index_terms_bulk(db, keyed)
            _insert_rows(db, "entry_sources", source_rows, "OR IGNORE")
            _insert_rows(db, "review_log", log_rows)
    return ids


def save_entry(db: Database, entry: Entry, *, action: str = "edit", log: bool = True) -> Entry:
    """Replace an existing entry's fields and terms; logs before and after. Returns the stored entry."""
    if entry.id is None:
        raise ValueError("save_entry needs an entry with an id")
    with db.atomic():
        before = get_entry(db, entry.id)
        db.execute(
            "UPDATE entries SET status = ?, category = ?, note = ?, source = ?, score = ?, definition = ?,"
            " updated = ? WHERE id = ?",
            [entry.status, entry.category, entry.note, entry.source, entry.score, entry.definition, now(), entry.id],
        )
        db.execute("DELETE FROM terms WHERE entry_id = ?", [entry.id])
        _insert_terms(db, entry.id, entry.terms)
        db.execute("DELETE FROM entry_sources WHERE entry_id = ?", [entry.id])
        _insert_sources(db, entry.id, entry.sources)
        after = get_entry(db, entry.id)
        if log:
            log_change(db, entry.id, action, before, after)
    return after


def set_entry_status(db: Database, entry_id: int, status: str, *, action: str | None = None) -> Entry:
    entry = get_entry(db, entry_id)
    return save_entry(db, replace(entry, status=status), action=action or status)


def delete_entry(db: Database, entry_id: int, *, action: str = "delete", log: bool = True) -> None:
    with db.atomic():
        before = get_entry(db, entry_id)
        db.execute("DELETE FROM entries WHERE id = ?", [entry_id])
        if log:
            log_change(db, entry_id, action, before, None)


def entry_exists(db: Database, entry_id: int) -> bool:
    return db.execute("SELECT 1 FROM entries WHERE id = ?", [entry_id]).fetchone() is not None


def get_entry(db: Database, entry_id: int) -> Entry:
    entries = get_entries(db, [entry_id])
    if not entries:
        raise NotFoundError(f"entry {entry_id} does not exist")
    return entries[0]


def get_entries(db: Database, ids: Iterable[int]) -> list[Entry]:
    """Entries by id, in the order asked, with their terms and supporting document names."""
    ids = list(dict.fromkeys(ids))
    out: dict[int, Entry] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = db.execute(f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        for entry in _entries_from_rows(db, rows.fetchall()):
            out[entry.id] = entry
    return [out[i] for i in ids if i in out]


_ENTRY_COLUMNS = "id, status, category, note, score, source, created, updated, definition"


_new_term, _new_entry = bulk_constructor(Term), bulk_constructor(Entry)


def _entries_from_rows(db: Database, rows: list[tuple]) -> list[Entry]:
    """Entries from rows of `SELECT {_ENTRY_COLUMNS}`, with their terms and sources (one query each)."""
    if not rows:
        return []
    chunk = [row[0] for row in rows]
    marks = ",".join("?" * len(chunk))
    terms: dict[int, list[Term]] = {}
    current_id, current = None, []
    new_term = _new_term
    for term_id, entry_id, lang, text, status, kind, script, source, pos, context, note, exact, count in db.execute(
        f"SELECT {_TERM_COLUMNS} FROM terms WHERE entry_id IN ({marks}) ORDER BY entry_id, position, id", chunk
    ):  # the hot loop of every export: tuples unpacked inline, rows arrive grouped by entry
        if entry_id != current_id:
            current_id, current = entry_id, terms.setdefault(entry_id, [])
        current.append(
            new_term(lang, text, status, kind, script, source, pos, context, note, exact != 0, count, term_id)
        )
    sources: dict[int, list[str]] = {}
    if _has_sources(db):
        for entry_id, name in db.execute(
            f"""SELECT o.entry_id, d.name FROM occurrences o
                JOIN segment_pairs s ON s.id = o.segment_pair_id
                JOIN documents d ON d.id = s.document_id
                WHERE o.entry_id IN ({marks})
                UNION SELECT entry_id, name FROM entry_sources WHERE entry_id IN ({marks})
                ORDER BY 2""",
            chunk + chunk,
        ):
            sources.setdefault(entry_id, []).append(name)
    return [
        _new_entry(tuple(terms.get(entry_id, ())), status, category, note, score, source, created, updated,
                   tuple(sources.get(entry_id, ())), entry_id, definition)
        for entry_id, status, category, note, score, source, created, updated, definition in rows
    ]


def _has_sources(db: Database) -> bool:
    """Whether any entry has a supporting document (imported termbases have none: their query is skipped)."""
    return db.execute(
        "SELECT EXISTS (SELECT 1 FROM occurrences) OR EXISTS (SELECT 1 FROM entry_sources)"
    ).fetchone()[0] == 1


def iter_entries(db: Database, *, status: str | None = None, batch: int = 1000) -> Iterator[Entry]:
    """Stream entries in id order (constant memory), optionally only one status."""
    where, params = ("AND status = ?", [status]) if status else ("", [])
    last = 0
    while rows := db.execute(
        f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE id > ? {where} ORDER BY id LIMIT ?", [last, *params, batch]
    ).fetchall():
        yield from _entries_from_rows(db, rows)
        last = rows[-1][0]


def find_entry_ids(db: Database, lang: str, text: str) -> list[int]:
    """Entries holding a term whose normalized match key equals that of `text`."""
    key = match_key(lang, text)
    return [
        r["entry_id"]
        for r in db.query("SELECT DISTINCT entry_id FROM terms WHERE lang = ? AND match_key = ? ORDER BY entry_id", [lang, key])
    ]


def find_entry_ids_by_key_pairs(
    db: Database, pairs: Iterable[tuple[str, str]], *, chunk: int = 500
) -> dict[tuple[str, str], set[int]]:
    """For many (lang, match key) pairs at once, the ids of the entries holding a term with that pair."""
    by_lang: dict[str, list[str]] = {}
    for lang, key in pairs:
        by_lang.setdefault(lang, []).append(key)
    found: dict[tuple[str, str], set[int]] = {}
    for lang, keys in by_lang.items():
        for start in range(0, len(keys), chunk):
            part = keys[start : start + chunk]
            for key, entry_id in db.execute(
                f"SELECT match_key, entry_id FROM terms WHERE lang = ? AND match_key IN ({','.join('?' * len(part))})",
                [lang, *part],
            ):
                found.setdefault((lang, key), set()).add(entry_id)
    return found


def existing_entry_ids(db: Database, ids: Iterable[int], *, chunk: int = 500) -> set[int]:
    """Those of `ids` that are ids of stored entries."""
    ids = list(dict.fromkeys(ids))
    found: set[int] = set()
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        found.update(row[0] for row in db.execute(f"SELECT id FROM entries WHERE id IN ({','.join('?' * len(part))})", part))
    return found


def term_shapes(db: Database) -> list[Term]:
    """One Term for each combination of language, script, status, type and exactness in the termbase,
    its text empty and each optional field a mark ("x") when some term of that kind has it: what a
    spreadsheet export needs columns for, in one pass over the terms."""
    rows = db.execute(  # NOT INDEXED: one pass over the table; the planner's pick, idx_terms_key, looks up every row
        "SELECT lang, script, status, type, exact, max(coalesce(source, '') != ''), "
        "max(coalesce(part_of_speech, '') != ''), max(coalesce(context, '') != ''), max(coalesce(note, '') != '') "
        "FROM terms NOT INDEXED GROUP BY lang, script, status, type, exact"
    ).fetchall()
    return [Term(lang, "", status, kind, script, *("x" if has else None for has in filled[:3]),
                 note="x" if filled[3] else None, exact=bool(exact))
            for lang, script, status, kind, exact, *filled in rows]


def has_entry_sources(db: Database) -> bool:
    """Whether some entry names a source (authority): a spreadsheet export then has a column for it."""
    return db.execute("SELECT EXISTS (SELECT 1 FROM entries WHERE coalesce(source, '') != '')").fetchone()[0] == 1


def status_counts(db: Database) -> dict[str, int]:
    counts = {"candidate": 0, "approved": 0, "rejected": 0}
    for row in db.query("SELECT status, count(*) AS n FROM entries GROUP BY status"):
        counts[row["status"]] = row["n"]
    return counts
