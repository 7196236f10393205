"""Glossary import and export over the termbase: merge by match keys, one transaction, a report.

Import streams the file and writes new entries in batches through db.entries, so a 100k-entry
file neither fills memory nor takes a transaction per entry; `dry_run` runs the same import and
rolls it back.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from sqlite_utils import Database

from db.connection import write_transaction
from glossary.errors import InputError, UsageError
from glossary.formats import (
    LANGUAGE_COLUMN_FORMATS, TERM_LIST_FORMATS, Warnings, extra_columns, format_for, read_glossary, write_glossary,
)
from glossary.formats.langs import parse_lang
from glossary.keys import match_key, printable_path
from glossary.merge import merge_entry, same_term_at, term_identity
from glossary.models import ENTRY_STATUSES, TERM_TYPES, USAGE_STATUSES, Entry, ReadEntry, Term

from .entries import (
    add_entries, existing_entry_ids, find_entry_ids_by_key_pairs, get_entries, has_entry_sources, iter_entries,
    save_entry, term_shapes,
)
from .term_index import index_terms_bulk

BATCH = 500
EXPORT_STATUSES = ("approved", "all", "candidate", "rejected")


_ROW_FORMATS = frozenset(("csv", "tsv", "xlsx"))


@dataclass
class ImportReport:
    """What an import did: counts, and why entries were skipped (with the first place of each reason)."""

    name: str
    format: str
    dry_run: bool = False
    read: int = 0
    added: int = 0
    merged: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)
    first_skipped: dict[str, str] = field(default_factory=dict)
    kept: int = 0  # terms whose status the file gives otherwise, kept as the termbase has them
    first_kept: str = ""
    warnings: list[str] = field(default_factory=list)

    def skip(self, reason: str, where: str) -> None:
        self.skipped[reason] += 1
        self.first_skipped.setdefault(reason, where)

    def keep(self, where: str) -> None:
        self.kept += 1
        self.first_kept = self.first_kept or where

    def lines(self) -> list[str]:
        verb = "would be" if self.dry_run else "were"
        # a list format gives one row per rendering or synonym, so its rows are counted as rows
        unit = ("row", "rows") if self.format in _ROW_FORMATS else ("entry", "entries")
        out = [
            f"{self.name}: {self.read:,} {unit[self.read != 1]} read: {self.added:,} added, {self.merged:,} merged into "
            f"existing entries, {self.unchanged:,} already in the termbase, {sum(self.skipped.values()):,} skipped"
        ]
        for reason, n in self.skipped.most_common():
            out.append(f"  skipped {n:,}: {reason} (first at {self.first_skipped[reason]})")
        if self.kept:
            out.append(f"  kept {self.kept:,} term status{'es' if self.kept != 1 else ''} the file gives otherwise "
                       f"(reviewed entries keep their decisions; first at {self.first_kept})")
        out.extend(f"  note: {w}" for w in self.warnings)
        if self.dry_run:
            out.append(f"dry run: nothing {verb} written")
        return out


class _DryRun(Exception):
    pass


def import_glossary(db: Database, path: str | Path, fmt: str | None = None, *, default_status: str = "approved",
                    dry_run: bool = False, progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import a glossary file into the termbase (one transaction); returns the report."""
    fmt = format_for(path, fmt, sniff=True)
    warnings = Warnings()
    items = read_glossary(path, fmt, warnings)
    report = ImportReport(Path(path).name, fmt, dry_run=dry_run)
    import_entries(db, items, report, term_list=fmt in TERM_LIST_FORMATS, default_status=default_status,
                   progress=progress)
    report.warnings = warnings.lines()
    if report.read == 0 and not report.skipped:
        raise InputError(f"{printable_path(str(path))}: no glossary entries found")
    return report


def import_entries(db: Database, items: Iterable[ReadEntry], report: ImportReport, *, term_list: bool = False,
                   default_status: str = "approved", progress: Callable[[int], None] | None = None) -> ImportReport:
    """Merge entries into the termbase in one transaction (rolled back for a dry run or on any error)."""
    if default_status not in ENTRY_STATUSES:
        raise UsageError(f"unknown status {default_status!r}; use one of {', '.join(ENTRY_STATUSES)}")
    try:
        with _bulk_page_cache(db), write_transaction(db):
            importer = _Importer(db, report, term_list, default_status)
            pending = iter(items)
            while chunk := list(islice(pending, BATCH)):
                importer.add_chunk(chunk)
                if progress:
                    progress(report.read)
            importer.index_new_terms()
            if progress:
                progress(report.read)
            if report.dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


@contextmanager
def _bulk_page_cache(db: Database, mebibytes: int = 16) -> Iterator[None]:
    """A larger SQLite page cache while importing: terms carry six indexes, and the default 2 MB
    spills their pages many times over. Bounded (memory stays flat) and restored afterwards."""
    before = db.execute("PRAGMA main.cache_size").fetchone()[0]
    db.execute(f"PRAGMA main.cache_size = {-1024 * mebibytes}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA main.cache_size = {int(before)}")


class _Importer:
    """The merge rules of one import, applied a chunk of entries at a time: the chunk's keys and ids
    are looked up in one query each, and its new entries are stored with one add_entries call."""

    def __init__(self, db: Database, report: ImportReport, term_list: bool, default_status: str) -> None:
        self.db = db
        self.report = report
        self.term_list = term_list
        self.default_status = default_status
        self.first_new_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM entries").fetchone()[0]
        self.first_new_term = db.execute("SELECT coalesce(max(id), 0) + 1 FROM terms").fetchone()[0]
        self.reused_ids: set[int] = set()  # ids below first_new_id given to entries of this file
        self.pending: list[Entry] = []
        self.pending_ids: set[int] = set()
        self.pending_index: dict[tuple[str, str], list[int]] = {}
        self.stored: dict[tuple[str, str], set[int]] = {}  # (lang, match key) -> stored entries, for this chunk
        self.loaded: dict[int, Entry] = {}  # those stored entries by id
        self.taken_ids: set[int] = set()  # the chunk's file ids already used by stored entries

    def add_chunk(self, items: list[ReadEntry]) -> None:
        """Merge or queue each item in file order, then store the queued ones."""
        ready = []
        for item in items:
            self.report.read += 1
            entry, reason = self.clean(item.entry)
            if entry is None:
                self.report.skip(reason, item.where)
            else:
                ready.append((item, entry, _anchor(entry)))
        self.stored = find_entry_ids_by_key_pairs(self.db, {(lang, key) for _i, _e, (lang, keys) in ready for key in keys})
        self.loaded = {e.id: e for e in get_entries(self.db, sorted({i for ids in self.stored.values() for i in ids}))}
        self.taken_ids = existing_entry_ids(self.db, [entry.id for _i, entry, _a in ready if entry.id is not None])
        for item, entry, anchor in ready:
            self.add(item, entry, anchor)
        self.flush()

    def add(self, item: ReadEntry, entry: Entry, anchor: tuple[str, list[str]]) -> None:
        lang, keys = anchor
        found = sorted({i for key in keys for i in self.stored.get((lang, key), ())})
        ours = [i for i in found if i >= self.first_new_id or i in self.reused_ids]
        older = [i for i in found if i not in ours]
        waiting = sorted({p for k in keys for p in self.pending_index.get((lang, k), ())})
        mine = [self.pending[p] for p in waiting] + [self.loaded[i] for i in ours]
        signature = _signature(entry)
        if any(_signature(e) == signature for e in mine):
            self.report.skip("duplicate inside the file", item.where)
            return
        if older:
            self.merge_into(_best_match([self.loaded[i] for i in older], entry), entry, place=item.where)
        elif self.term_list and waiting:
            position = waiting[0]
            merged = merge_entry(self.pending[position], entry)
            if merged is self.pending[position]:
                self.report.skip("duplicate inside the file", item.where)
                return
            self.pending[position] = merged
            self.index(merged, position)
            self.report.merged += 1
        elif self.term_list and ours:
            self.merge_into(_best_match([self.loaded[i] for i in ours], entry), entry, item.where)
        else:
            self.queue(entry, anchor)

    def merge_into(self, existing: Entry, incoming: Entry, where: str | None = None, place: str = "") -> None:
        """Merge into a stored entry; `where` is given when that entry came from this same file, `place` when
        it was in the termbase before (a term whose status the file gives otherwise is then reported)."""
        merged = merge_entry(existing, incoming)
        if place:
            self.report_kept_statuses(merged, incoming, place)
        if merged is existing:
            if where is None:
                self.report.unchanged += 1
            else:
                self.report.skip("duplicate inside the file", where)
            return
        self.loaded[merged.id] = save_entry(self.db, merged, action="import")
        for term in merged.terms:  # later entries of the chunk find it by its new terms too
            self.stored.setdefault((term.lang, match_key(term.lang, term.text)), set()).add(merged.id)
        self.report.merged += 1

    def report_kept_statuses(self, merged: Entry, incoming: Entry, place: str) -> None:
        """Count the incoming terms the merge kept with another status: a rendering deprecated in a re-imported
        spreadsheet stays admitted in an approved entry, and the report says so instead of "merged"."""
        statuses: dict[tuple, list[str]] = {}  # a rendering and a wrong spelling of it share an identity
        for t in merged.terms:
            statuses.setdefault(term_identity(t), []).append(t.status)
        for term in incoming.terms:
            kept = statuses.get(term_identity(term))
            if kept and term.status not in kept:
                self.report.keep(f"{place}: {term.text!r} stays {kept[0]}, the file says {term.status}")

    def queue(self, entry: Entry, anchor: tuple[str, list[str]]) -> None:
        if entry.id is not None:
            taken = entry.id in self.reused_ids or entry.id in self.pending_ids or entry.id in self.taken_ids
            if taken:
                entry = replace(entry, id=None)
            elif entry.id < self.first_new_id:
                self.reused_ids.add(entry.id)
            else:
                self.pending_ids.add(entry.id)
        self.pending.append(entry)
        self.index(entry, len(self.pending) - 1, anchor)
        self.report.added += 1

    def index(self, entry: Entry, position: int, anchor: tuple[str, list[str]] | None = None) -> None:
        lang, keys = anchor or _anchor(entry)
        for key in keys:
            positions = self.pending_index.setdefault((lang, key), [])
            if position not in positions:
                positions.append(position)

    def flush(self) -> None:
        if self.pending:
            add_entries(self.db, self.pending, action="import", index=False)
        self.pending = []
        self.pending_ids = set()
        self.pending_index = {}

    def index_new_terms(self, chunk: int = 50_000) -> None:
        """Add the lookup-index rows of the terms this import created, in a few large passes
        (much cheaper than one pass per batch; terms of merged entries are indexed by save_entry)."""
        last = self.first_new_term - 1
        while rows := self.db.execute(
            "SELECT id, match_key FROM terms WHERE id > ? ORDER BY id LIMIT ?", [last, chunk]
        ).fetchall():
            index_terms_bulk(self.db, rows)
            last = rows[-1][0]

    def clean(self, entry: Entry) -> tuple[Entry | None, str]:
        """The entry ready to store, or None and the reason it cannot be."""
        if not any(t.text.strip() for t in entry.terms):
            return None, "empty entry (no terms)"
        terms: list[Term] = []
        seen: dict[tuple[str, str, bool], list[int]] = {}  # identity -> the terms kept with it
        for term in entry.terms:
            term = _clean_term(term)
            if term is None:
                continue
            same = seen.setdefault(term_identity(term), [])
            if same_term_at(terms, same, term, keep_spellings=True) is None:  # (else a duplicate: the first stays)
                same.append(len(terms))
                terms.append(term)
        if not terms:
            return None, "no term in a known language"
        status = entry.status if entry.status in ENTRY_STATUSES else self.default_status
        return Entry(tuple(terms), status, entry.category, entry.note, entry.score, entry.source, entry.created,
                     entry.updated, entry.sources, entry.id, entry.definition), ""


def _clean_term(term: Term) -> Term | None:
    text = " ".join(term.text.split())
    parsed = parse_lang(term.lang)
    if not text or parsed is None:
        return None
    lang, script = parsed
    status = term.status if term.status in USAGE_STATUSES else "admitted"
    kind = term.type if term.type in TERM_TYPES else "fullForm"
    if (text, lang, status, kind, term.id) == (term.text, term.lang, term.status, term.type, None) and (
            term.script or not script):
        return term
    return replace(term, text=text, lang=lang, script=term.script or script, status=status, type=kind, id=None)


def _anchor(entry: Entry) -> tuple[str, list[str]]:
    """The language entries are matched on (zh when present, else the entry's first) and its keys."""
    lang = "zh" if any(t.lang == "zh" for t in entry.terms) else entry.terms[0].lang
    return lang, list(dict.fromkeys(match_key(lang, t.text) for t in entry.terms if t.lang == lang))


def _signature(entry: Entry) -> tuple:
    """Everything an entry says but its id and dates: two entries of one file are duplicates if it agrees."""
    terms = tuple((t.lang, t.text, t.status, t.type, t.source, t.part_of_speech, t.context, t.note)
                  for t in entry.terms)
    return terms, entry.category, entry.note, entry.definition, entry.source


def _best_match(candidates: list[Entry], entry: Entry) -> Entry:
    """The candidate sharing most renderings with `entry`, then most preferred ones, then fewest others."""
    wanted = {term_identity(t) for t in entry.terms}
    preferred = {term_identity(t) for t in entry.terms if t.status == "preferred"}

    def rank(candidate: Entry) -> tuple:
        have = {term_identity(t) for t in candidate.terms}
        have_preferred = {term_identity(t) for t in candidate.terms if t.status == "preferred"}
        return len(have & wanted), len(have_preferred & preferred), -len(have ^ wanted), -(candidate.id or 0)

    return max(candidates, key=rank)


# ---------------------------------------------------------------- export
def export_glossary(db: Database, out: str | Path, fmt: str | None = None, *, status: str = "approved",
                    progress: Callable[[int], None] | None = None) -> int:
    """Write the termbase's entries (one status, or all) to `out` (`-` for stdout); returns the count.

    A file is written beside its destination and moved into place, so an interrupted export never
    leaves half a glossary.
    """
    if status not in EXPORT_STATUSES:
        raise UsageError(f"unknown status {status!r}; use one of {', '.join(EXPORT_STATUSES)}")
    fmt = format_for(out, fmt)
    entries = _counted(iter_entries(db, status=None if status == "all" else status), progress)
    languages, extras = [("zh", None), ("en", None)], []
    if fmt in LANGUAGE_COLUMN_FORMATS or fmt == "tsv":  # only they need it: it reads every term once more
        shapes = term_shapes(db)
        languages = list(dict.fromkeys((t.lang, t.script) for t in shapes)) or languages
        if fmt in LANGUAGE_COLUMN_FORMATS:
            extras = extra_columns(shapes, has_entry_sources(db))
    if str(out) == "-":
        if fmt == "xlsx":
            raise UsageError("xlsx cannot go to stdout; give a file name")
        return write_glossary(entries, fmt, sys.stdout, languages, extras)
    path = Path(out)
    if path.is_dir():
        raise UsageError(f"{path}: is a directory; give a file name")
    if not path.parent.exists():
        raise InputError(f"{path.parent}: no such folder")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:  # named as the user gave it, not as the temporary file beside it
        raise InputError(f"{path}: cannot write here ({exc.strerror or exc})") from exc
    try:
        if fmt == "xlsx":
            with os.fdopen(fd, "wb") as fh:
                count = write_glossary(entries, fmt, fh, languages, extras)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                count = write_glossary(entries, fmt, fh, languages, extras)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # a full disk, a lost mount: named as the output, not the temporary file
            raise InputError(f"{path}: cannot write here ({exc.strerror or exc})") from exc
        raise
    return count


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _counted(entries: Iterable[Entry], progress: Callable[[int], None] | None):
    for n, entry in enumerate(entries, 1):
        yield entry
        if progress and n % BATCH == 0:
            progress(n)
