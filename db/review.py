"""Reviewing candidates: the queue, decisions, merge, split, evidence, and undo/redo from the log.

Every change goes through db/entries.py and is logged in `review_log`; a merge or split
logs one row per entry it touches under one `batch`, so undo and redo treat it as one step
and work across restarts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from sqlite_utils import Database

from glossary.errors import GlossaryError
from glossary.keys import match_key
from glossary.models import Entry, Evidence, entry_from_dict, entry_to_dict

from .entries import add_entry, delete_entry, entry_exists, get_entry, log_change, save_entry, set_entry_status
from .lookup import query_keys

REVIEW_ACTIONS = ("accept", "reject", "reopen", "edit", "merge", "merged-away", "split", "split-off")
_ACTION_MARKS = ",".join("?" * len(REVIEW_ACTIONS))


class ReviewError(GlossaryError):
    title = "Cannot do that"


@dataclass(frozen=True, slots=True)
class ReviewFilter:
    """Which entries the queue shows; `status=None` shows every status."""

    status: str | None = "candidate"
    category: str | None = None
    document_id: int | None = None
    min_score: float = 0.0
    search: str = ""
    limit: int = 500


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: int
    zh: str
    en: str
    score: float
    status: str
    category: str | None
    renderings: int


@dataclass(frozen=True, slots=True)
class Change:
    """What an undo or redo did: the action replayed and the entries it touched."""

    action: str
    entry_ids: tuple[int, ...]


def _preferred_text(lang_test: str) -> str:
    return (
        f"(SELECT text FROM terms t WHERE t.entry_id = e.id AND {lang_test} "
        "ORDER BY t.status != 'preferred', t.position LIMIT 1)"
    )


def _queue_where(filters: ReviewFilter) -> tuple[str, list]:
    clauses, params = ["e.score >= ?"], [filters.min_score]
    if filters.status:
        clauses.append("e.status = ?")
        params.append(filters.status)
    if filters.category:
        clauses.append("e.category = ?")
        params.append(filters.category)
    if filters.document_id is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM occurrences o JOIN segment_pairs s ON s.id = o.segment_pair_id "
            "WHERE o.entry_id = e.id AND s.document_id = ?)"
        )
        params.append(filters.document_id)
    q = query_keys(filters.search)
    if q.key or q.pinyin:
        clauses.append(
            "EXISTS (SELECT 1 FROM terms t WHERE t.entry_id = e.id AND "
            "((? != '' AND instr(t.match_key, ?) > 0) OR (? != '' AND (instr(t.pinyin, ?) = 1 OR t.initials = ?))))"
        )
        params += [q.key, q.key, q.pinyin, q.pinyin, q.pinyin]
    return " AND ".join(clauses), params


def review_queue(db: Database, filters: ReviewFilter = ReviewFilter()) -> list[QueueRow]:
    """Entries matching the filters, best score first (up to `filters.limit`)."""
    where, params = _queue_where(filters)
    rows = db.query(
        f"""SELECT e.id, e.score, e.status, e.category,
                   coalesce({_preferred_text("t.lang LIKE 'zh%'")}, '') AS zh,
                   coalesce({_preferred_text("t.lang NOT LIKE 'zh%'")}, '') AS en,
                   (SELECT count(*) FROM terms t WHERE t.entry_id = e.id AND t.lang NOT LIKE 'zh%') AS renderings
            FROM entries e WHERE {where} ORDER BY e.score DESC, e.id LIMIT ?""",
        [*params, filters.limit],
    )
    return [QueueRow(r["id"], r["zh"], r["en"], r["score"], r["status"], r["category"], r["renderings"]) for r in rows]


def queue_size(db: Database, filters: ReviewFilter = ReviewFilter()) -> int:
    where, params = _queue_where(filters)
    return db.execute(f"SELECT count(*) FROM entries e WHERE {where}", params).fetchone()[0]


def categories_in_use(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT category FROM entries WHERE category IS NOT NULL ORDER BY 1")]


def documents_held(db: Database) -> list[tuple[int, str]]:
    return [(r[0], r[1]) for r in db.execute("SELECT id, name FROM documents ORDER BY name, id")]


def accept(db: Database, entry_id: int) -> Entry:
    return set_entry_status(db, entry_id, "approved", action="accept")


def reject(db: Database, entry_id: int) -> Entry:
    return set_entry_status(db, entry_id, "rejected", action="reject")


def reopen(db: Database, entry_id: int) -> Entry:
    return set_entry_status(db, entry_id, "candidate", action="reopen")


def edit_entry(db: Database, entry: Entry) -> Entry:
    """Save an entry edited by a reviewer (a zh term and at least one other term required)."""
    if not any(t.lang.startswith("zh") for t in entry.terms) or not any(not t.lang.startswith("zh") for t in entry.terms):
        raise ReviewError("an entry needs a Chinese term and at least one English rendering")
    return save_entry(db, entry, action="edit")


def evidence(db: Database, entry_id: int, *, limit: int = 50) -> list[Evidence]:
    """The aligned sentence pairs behind an entry, with the term's spans on both sides."""
    pairs: dict[int, dict] = {}
    for r in db.query(
        """SELECT s.id, s.seq, s.zh, s.en, d.name, o.zh_term, o.en_term, o.zh_start, o.zh_end, o.en_start, o.en_end
           FROM occurrences o JOIN segment_pairs s ON s.id = o.segment_pair_id JOIN documents d ON d.id = s.document_id
           WHERE o.entry_id = ? ORDER BY d.name, s.seq, o.zh_start""",
        [entry_id],
    ):
        pair = pairs.setdefault(r["id"], {"row": r, "zh": set(), "en": set()})
        pair["zh"].add(_span(r["zh"], r["zh_start"], r["zh_end"], r["zh_term"]))
        pair["en"].add(_span(r["en"], r["en_start"], r["en_end"], r["en_term"]))
        if len(pairs) > limit:
            del pairs[r["id"]]
            break
    return [
        Evidence(document=p["row"]["name"], pair_seq=p["row"]["seq"], zh=p["row"]["zh"], en=p["row"]["en"],
                 zh_spans=tuple(sorted(s for s in p["zh"] if s)), en_spans=tuple(sorted(s for s in p["en"] if s)))
        for p in pairs.values()
    ]


def _span(text: str, start: int | None, end: int | None, term: str | None) -> tuple[int, int] | None:
    """The stored offsets when they fit the text, else where the term text occurs (case-folded)."""
    if start is not None and end is not None and 0 <= start < end <= len(text):
        return (start, end)
    if term:
        at = text.casefold().find(term.casefold())
        if at >= 0:
            return (at, at + len(term))
    return None


# ---------------------------------------------------------------- merge and split
def _occurrence_rows(db: Database, entry_id: int) -> list[dict]:
    return [dict(r) for r in db.query("SELECT * FROM occurrences WHERE entry_id = ? ORDER BY id", [entry_id])]


def _new_batch(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) + 1 FROM review_log").fetchone()[0]


def merge_entries(db: Database, source_id: int, target_id: int) -> Entry:
    """Fold entry `source_id` into `target_id`: its terms become admitted variants (counts add up
    for terms already there), its evidence moves over, and the source entry goes."""
    if source_id == target_id:
        raise ReviewError("cannot merge an entry into itself")
    with db.atomic():
        source, target = get_entry(db, source_id), get_entry(db, target_id)
        source_occurrences, target_occurrences = _occurrence_rows(db, source_id), _occurrence_rows(db, target_id)
        terms = list(target.terms)
        where = {(t.lang, match_key(t.lang, t.text)): i for i, t in enumerate(terms)}
        for term in source.terms:
            key = (term.lang, match_key(term.lang, term.text))
            if key in where:
                kept = terms[where[key]]
                terms[where[key]] = replace(kept, count=kept.count + term.count)
            else:
                where[key] = len(terms)
                terms.append(replace(term, id=None, status="admitted" if term.status == "preferred" else term.status))
        note = "\n".join(n for n in (target.note, source.note) if n) or None
        merged = replace(target, terms=tuple(terms), note=note, score=max(target.score, source.score),
                         category=target.category or source.category)
        after = save_entry(db, merged, log=False)
        db.execute("UPDATE OR IGNORE occurrences SET entry_id = ? WHERE entry_id = ?", [target_id, source_id])
        delete_entry(db, source_id, log=False)
        batch = _new_batch(db)
        log_change(db, target_id, "merge", target, after, batch=batch,
                   before_extra={"occurrences": target_occurrences},
                   after_extra={"occurrences": _occurrence_rows(db, target_id)})
        log_change(db, source_id, "merged-away", source, None, batch=batch,
                   before_extra={"occurrences": source_occurrences})
    return after


def split_term(db: Database, entry_id: int, term_id: int) -> Entry:
    """Move one rendering (and the evidence that uses it) into a new candidate entry with the
    same Chinese terms; returns the new entry."""
    with db.atomic():
        entry = get_entry(db, entry_id)
        term = next((t for t in entry.terms if t.id == term_id), None)
        if term is None:
            raise ReviewError(f"entry {entry_id} has no term {term_id}")
        if term.lang.startswith("zh"):
            raise ReviewError("split takes a rendering off; pick a term in the target language")
        others = [t for t in entry.terms if t.lang == term.lang and t.id != term_id]
        if not others:
            raise ReviewError(f"“{term.text}” is the entry's only {term.lang} rendering; nothing to split from")
        kept = [t for t in entry.terms if t.id != term_id]
        if term.status == "preferred" and not any(t.status == "preferred" for t in others):
            first = kept.index(others[0])
            kept[first] = replace(others[0], status="preferred")
        before_occurrences = _occurrence_rows(db, entry_id)
        remaining = replace(entry, terms=tuple(kept))
        after = save_entry(db, remaining, log=False)
        zh_terms = tuple(replace(t, id=None) for t in entry.terms if t.lang.startswith("zh"))
        new = Entry(terms=(*zh_terms, replace(term, id=None, status="preferred")), status="candidate",
                    category=entry.category, score=entry.score, source=entry.source)
        new_id = add_entry(db, new, log=False)
        key = match_key(term.lang, term.text)
        moved = [o["id"] for o in before_occurrences if o["en_term"] and match_key(term.lang, o["en_term"]) == key]
        if moved:
            db.execute(f"UPDATE occurrences SET entry_id = ? WHERE id IN ({','.join('?' * len(moved))})", [new_id, *moved])
        batch = _new_batch(db)
        log_change(db, entry_id, "split", entry, after, batch=batch,
                   before_extra={"occurrences": before_occurrences},
                   after_extra={"occurrences": _occurrence_rows(db, entry_id)})
        created = get_entry(db, new_id)
        log_change(db, new_id, "split-off", None, created, batch=batch,
                   after_extra={"occurrences": _occurrence_rows(db, new_id)})
    return created


# ---------------------------------------------------------------- undo and redo
def undo(db: Database) -> Change | None:
    """Revert the latest review decision not yet undone (a merge or split as a whole)."""
    with db.atomic():
        row = db.execute(
            f"SELECT coalesce(batch, id) FROM review_log WHERE undone = 0 AND action IN ({_ACTION_MARKS}) ORDER BY id DESC LIMIT 1",
            REVIEW_ACTIONS,
        ).fetchone()
        if row is None:
            return None
        rows = _batch_rows(db, row[0], undone=0)
        for r in reversed(rows):
            _replay(db, r, current="after", target="before")
        db.execute(f"UPDATE review_log SET undone = 1 WHERE id IN ({','.join('?' * len(rows))})", [r["id"] for r in rows])
    return Change(rows[0]["action"], tuple(r["entry_id"] for r in rows))


def redo(db: Database) -> Change | None:
    """Re-apply the oldest undone decision, unless a new decision was taken since."""
    with db.atomic():
        live = db.execute(
            f"SELECT coalesce(max(id), 0) FROM review_log WHERE undone = 0 AND action IN ({_ACTION_MARKS})", REVIEW_ACTIONS
        ).fetchone()[0]
        row = db.execute(
            f"SELECT coalesce(batch, id) FROM review_log WHERE undone = 1 AND id > ? AND action IN ({_ACTION_MARKS}) ORDER BY id LIMIT 1",
            [live, *REVIEW_ACTIONS],
        ).fetchone()
        if row is None:
            return None
        rows = _batch_rows(db, row[0], undone=1)
        for r in rows:
            _replay(db, r, current="before", target="after")
        db.execute(f"UPDATE review_log SET undone = 0 WHERE id IN ({','.join('?' * len(rows))})", [r["id"] for r in rows])
    return Change(rows[0]["action"], tuple(r["entry_id"] for r in rows))


def _batch_rows(db: Database, batch: int, *, undone: int) -> list[dict]:
    return list(db.query(
        "SELECT * FROM review_log WHERE (id = ? OR batch = ?) AND undone = ? ORDER BY id", [batch, batch, undone]
    ))


def _comparable(state: Entry | None) -> dict | None:
    if state is None:
        return None
    d = entry_to_dict(state)
    for volatile in ("id", "created", "updated", "sources"):
        d.pop(volatile, None)
    return d


def _replay(db: Database, row: dict, *, current: str, target: str) -> None:
    """Set the entry back (or forward) to the logged `target` state, if it still is in `current`."""
    entry_id = row["entry_id"]
    expected = json.loads(row[current]) if row[current] else None
    now_state = get_entry(db, entry_id) if entry_exists(db, entry_id) else None
    if _comparable(now_state) != _comparable(entry_from_dict(expected) if expected else None):
        raise ReviewError(f"entry {entry_id} changed after “{row['action']}” was logged; not replaying it over newer work")
    wanted = json.loads(row[target]) if row[target] else None
    if wanted is None:
        if now_state is not None:
            delete_entry(db, entry_id, log=False)
        return
    entry = replace(entry_from_dict(wanted), id=entry_id)
    if now_state is None:
        add_entry(db, entry, log=False)
    else:
        save_entry(db, entry, log=False)
    for occ in wanted.get("occurrences", ()):
        columns = list(occ)
        db.execute(
            f"INSERT OR REPLACE INTO occurrences ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [entry_id if c == "entry_id" else occ[c] for c in columns],
        )


__all__ = [
    "ReviewFilter", "QueueRow", "Change", "ReviewError", "REVIEW_ACTIONS", "review_queue", "queue_size",
    "categories_in_use", "documents_held", "accept", "reject", "reopen", "edit_entry", "evidence",
    "merge_entries", "split_term", "undo", "redo",
]
