"""Ingested documents and their paragraphs: idempotent by content hash, replaced by path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from glossary.errors import IngestError, NotFoundError
from glossary.keys import printable_path
from glossary.ingest import DocumentReader
from glossary.models import Document, Dropped, Paragraph

from .connection import write_transaction
from .entries import _insert_rows, now

INSERT_BATCH = 2000


@dataclass(frozen=True, slots=True)
class StoreResult:
    document_id: int
    status: str  # added | unchanged | replaced
    name: str
    replaced_id: int | None = None  # the id the old version had (kept by the new one)


def store_document(db: Database, doc: Document) -> StoreResult:
    """Store a document with its paragraphs and dropped lines, in one transaction.

    Same content (sha256) already held: nothing is written (`unchanged`). Same path with new
    content: the old version, its paragraphs, segment pairs and occurrences go (`replaced`).
    """
    return _store(db, doc.name, doc.path, doc.sha256, iter(doc.paragraphs), lambda: doc)


def store_reader(db: Database, reader: DocumentReader) -> StoreResult:
    """Like `store_document`, streaming the paragraphs of a file as it is read.

    The file is hashed first, so an unchanged file is not parsed at all; memory stays flat
    however large the file. A read error part-way rolls the whole document back.
    """
    sha256 = reader.content_sha256()

    def finish() -> Document:
        doc = reader.document()
        if doc.sha256 != sha256:
            raise IngestError(f"{reader.path}: the file changed while it was being read; ingest it again")
        return doc

    return _store(db, reader.name, str(reader.path), sha256, reader.paragraphs(), finish)


def _store(db: Database, name: str, path: str, sha256: str, paragraphs: Iterator[Paragraph],
           finish: Callable[[], Document]) -> StoreResult:
    """The one write path: check the hash, replace by path, stream paragraphs, then metadata."""
    path = _path_key(path)
    with write_transaction(db):
        row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha256]).fetchone()
        if row:
            return StoreResult(row[0], "unchanged", name)
        old = db.execute("SELECT id FROM documents WHERE path = ? ORDER BY id", [path]).fetchall()
        replaced_id = old[0][0] if old else None
        for (old_id,) in old:
            delete_document_rows(db, old_id)
        record = {"name": name, "path": path, "sha256": sha256, "ingested": now()}
        if replaced_id is not None:
            record["id"] = replaced_id  # evidence links keep pointing at the same document id
        document_id = db.table("documents").insert(record).last_pk
        _insert_batched(db, "paragraphs", (
            {"document_id": document_id, "seq": p.seq, "lang": p.lang, "text": p.text,
             "original": p.original, "line": p.line}
            for p in paragraphs
        ))
        doc = finish()
        db.execute(
            "UPDATE documents SET encoding = ?, script = ?, size = ? WHERE id = ?",
            [doc.encoding, doc.script, doc.size, document_id],
        )
        _insert_batched(db, "dropped_lines", (
            {"document_id": document_id, "line": d.line, "reason": d.reason, "text": d.text} for d in doc.dropped
        ))
    return StoreResult(document_id, "replaced" if replaced_id is not None else "added", name, replaced_id)


def delete_document_rows(db: Database, document_id: int) -> None:
    """Remove a document and everything hanging off it (the caller holds the transaction)."""
    db.execute(
        "DELETE FROM occurrences WHERE segment_pair_id IN (SELECT id FROM segment_pairs WHERE document_id = ?)",
        [document_id],
    )
    for table in ("segment_pairs", "paragraphs", "dropped_lines"):
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM documents WHERE id = ?", [document_id])


def _insert_batched(db: Database, table: str, rows) -> None:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= INSERT_BATCH:
            _insert_rows(db, table, batch)
            batch = []
    _insert_rows(db, table, batch)


def _path_key(path: str) -> str:
    """The stored path: absolute, so that the same file given two ways is one document."""
    return printable_path(str(Path(path).expanduser().resolve()))


def find_document_id(db: Database, id_or_name: int | str) -> int:
    """A document's id from its id, file name or path; NotFoundError if none or ambiguous."""
    if isinstance(id_or_name, int) or str(id_or_name).isdigit():
        row = db.execute("SELECT id FROM documents WHERE id = ?", [int(id_or_name)]).fetchone()
        if row:
            return row[0]
    key = str(id_or_name)
    rows = db.execute("SELECT id FROM documents WHERE name = ? OR path = ?", [key, key]).fetchall()
    if not rows:
        rows = db.execute("SELECT id FROM documents WHERE path = ?", [_path_key(key)]).fetchall()
    if not rows:
        raise NotFoundError(f"{key}: no such document in the termbase")
    if len(rows) > 1:
        ids = ", ".join(str(r[0]) for r in rows)
        raise NotFoundError(f"{key}: {len(rows)} documents have this name (ids {ids}); give the id or the path")
    return rows[0][0]


def load_document(db: Database, id_or_name: int | str) -> Document:
    """The stored document with its paragraphs (and dropped lines) as a `Document`."""
    document_id = find_document_id(db, id_or_name)
    row = db.execute(
        "SELECT name, path, sha256, encoding, script, size FROM documents WHERE id = ?", [document_id]
    ).fetchone()
    paragraphs = tuple(iter_paragraphs(db, document_id))
    dropped = tuple(
        Dropped(line=r[0], reason=r[1], text=r[2])
        for r in db.execute(
            "SELECT line, reason, text FROM dropped_lines WHERE document_id = ? ORDER BY id", [document_id]
        )
    )
    return Document(
        name=row[0], path=row[1], sha256=row[2], paragraphs=paragraphs, encoding=row[3] or "utf-8",
        script=row[4] or "", size=row[5], dropped=dropped,
    )


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: int
    name: str
    path: str
    encoding: str
    script: str
    size: int
    ingested: str
    zh: int
    en: int
    dropped: int


_SUMMARY_SQL = """SELECT d.id, d.name, d.path, d.encoding, d.script, d.size, d.ingested,
       (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id AND p.lang = 'zh'),
       (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id AND p.lang = 'en'),
       (SELECT count(*) FROM dropped_lines x WHERE x.document_id = d.id)
FROM documents d"""


def list_documents(db: Database) -> list[DocumentSummary]:
    """Every stored document with its paragraph counts by language, by name."""
    return [DocumentSummary(*r) for r in db.execute(_SUMMARY_SQL + " ORDER BY d.name, d.id")]


def document_summary(db: Database, document_id: int) -> DocumentSummary:
    row = db.execute(_SUMMARY_SQL + " WHERE d.id = ?", [document_id]).fetchone()
    if row is None:
        raise NotFoundError(f"document {document_id}: no such document in the termbase")
    return DocumentSummary(*row)


def dropped_reasons(db: Database, document_id: int) -> dict[str, int]:
    """How many lines of a document were dropped, by reason, most first."""
    return dict(db.execute(
        "SELECT reason, count(*) AS n FROM dropped_lines WHERE document_id = ? GROUP BY reason ORDER BY n DESC, reason",
        [document_id],
    ).fetchall())


def iter_paragraphs(db: Database, document_id: int) -> Iterator[Paragraph]:
    """A stored document's paragraphs in order, streamed."""
    for r in db.execute(
        "SELECT seq, lang, text, original, line FROM paragraphs WHERE document_id = ? ORDER BY seq", [document_id]
    ):
        yield Paragraph(seq=r[0], lang=r[1], text=r[2], original=r[3], line=r[4])
