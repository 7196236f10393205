"""Storing ingested documents: idempotent re-ingest, replacement, loading, migrations."""

import sqlite3

import pytest

from db import open_db, schema_version
from db.documents import list_documents, load_document, store_document
from db.entries import add_entry
from db.schema import migrations
from glossary.errors import NotFoundError
from glossary.ingest import read_document
from glossary.models import Entry, Term

from conftest import shared

DOC = "001_a95d0c3c2ca6a01e.txt"


def test_store_load_round_trip(tmp_db):
    doc = read_document(shared("corpus", DOC))
    result = store_document(tmp_db, doc)
    assert result.status == "added"
    loaded = load_document(tmp_db, DOC)
    assert loaded.paragraphs == doc.paragraphs
    assert loaded.dropped == doc.dropped
    assert (loaded.sha256, loaded.encoding, loaded.script, loaded.size) == (doc.sha256, "utf-8", "Hant", doc.size)
    assert load_document(tmp_db, result.document_id) == loaded
    [summary] = list_documents(tmp_db)
    assert (summary.name, summary.zh, summary.en, summary.dropped) == (DOC, 19, 18, len(doc.dropped))


def test_same_content_twice_adds_nothing(tmp_db, tmp_path):
    doc = read_document(shared("corpus", DOC))
    first = store_document(tmp_db, doc)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(shared("corpus", DOC).read_bytes())
    again = store_document(tmp_db, read_document(copy))
    assert (again.status, again.document_id) == ("unchanged", first.document_id)
    assert tmp_db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert tmp_db.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 37


def test_changed_file_replaces_old_version_and_its_evidence(tmp_db, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("外事办公室开展国际交流合作。\n\nThe office carried out international exchanges.\n", encoding="utf-8")
    first = store_document(tmp_db, read_document(path))
    pair_id = tmp_db.table("segment_pairs").insert(
        {"document_id": first.document_id, "seq": 1, "zh": "外事办公室", "en": "office"}).last_pk
    entry_id = add_entry(tmp_db, Entry(terms=(Term("zh", "外事办公室"), Term("en", "office"))), log=False)
    tmp_db.table("occurrences").insert({"entry_id": entry_id, "segment_pair_id": pair_id, "zh_start": 0, "en_start": 4})

    path.write_text("外事办公室开展国际交流合作。\n\n新增一段内容。\n", encoding="utf-8")
    second = store_document(tmp_db, read_document(path))
    assert (second.status, second.document_id) == ("replaced", first.document_id)
    loaded = load_document(tmp_db, "report.txt")
    assert [p.lang for p in loaded.paragraphs] == ["zh", "zh"]
    assert tmp_db.execute("SELECT count(*) FROM segment_pairs").fetchone()[0] == 0
    assert tmp_db.execute("SELECT count(*) FROM occurrences").fetchone()[0] == 0
    assert tmp_db.execute("SELECT count(*) FROM entries").fetchone()[0] == 1  # entries are kept
    assert tmp_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_failed_store_leaves_nothing(tmp_db, monkeypatch):
    doc = read_document(shared("corpus", DOC))
    import db.documents as documents

    def boom(db, table, rows):
        if table == "dropped_lines":
            raise sqlite3.OperationalError("disk I/O error")
        return real(db, table, rows)

    real = documents._insert_batched
    monkeypatch.setattr(documents, "_insert_batched", boom)
    with pytest.raises(sqlite3.OperationalError):
        store_document(tmp_db, doc)
    assert tmp_db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert tmp_db.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 0


def test_unknown_and_ambiguous_documents(tmp_db, tmp_path):
    with pytest.raises(NotFoundError, match="nothing.txt: no such document"):
        load_document(tmp_db, "nothing.txt")
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "same.txt"
        path.write_text(f"Report number {folder} on the exchanges of the year.\n", encoding="utf-8")
        store_document(tmp_db, read_document(path))
    with pytest.raises(NotFoundError, match="same.txt: 2 documents have this name"):
        load_document(tmp_db, "same.txt")
    assert load_document(tmp_db, str(tmp_path / "b" / "same.txt")).paragraphs[0].text.startswith("Report number b")


def test_old_database_is_upgraded(tmp_path):
    """A termbase written before m0002 (no dropped_lines) opens, upgrades, and takes documents."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    from sqlite_utils import Database

    old = Database(conn)
    migrations.apply(old, stop_before="m0002_dropped_lines")
    old.table("documents").insert({"name": "kept.txt", "path": "/x/kept.txt", "sha256": "0" * 64, "ingested": "2020"})
    assert "dropped_lines" not in old.table_names()
    old.close()

    db = open_db(path)
    assert schema_version(db)[:2] == ["m0001_initial", "m0002_dropped_lines"]
    assert [d.name for d in list_documents(db)] == ["kept.txt"]
    store_document(db, read_document(shared("corpus", DOC)))
    assert len(list_documents(db)) == 2
    db.close()


def test_store_reader_streams_and_skips_unchanged_files(tmp_db, monkeypatch):
    from db.documents import store_reader
    from glossary.ingest import DocumentReader

    first = store_reader(tmp_db, DocumentReader(shared("corpus", DOC)))
    assert first.status == "added"
    stored = load_document(tmp_db, DOC)
    fresh = read_document(shared("corpus", DOC))
    assert (stored.paragraphs, stored.dropped, stored.script, stored.encoding) == (
        fresh.paragraphs, fresh.dropped, fresh.script, fresh.encoding)

    def never(self):
        raise AssertionError("an unchanged file must not be parsed")
        yield  # a generator, like the real paragraphs()

    monkeypatch.setattr(DocumentReader, "paragraphs", never)
    assert store_reader(tmp_db, DocumentReader(shared("corpus", DOC))).status == "unchanged"


def test_read_error_part_way_rolls_the_document_back(tmp_db, tmp_path):
    """Bad bytes beyond the detection sample surface while paragraphs are being stored."""
    from db.documents import store_reader
    from glossary.errors import IngestError
    from glossary.ingest import DocumentReader
    from glossary.ingest.decode import SAMPLE_SIZE

    path = tmp_path / "late.txt"
    line = "The office held exchanges with partner cities across the region.\n\n".encode()
    path.write_bytes(line * (4 * SAMPLE_SIZE // len(line)) + b"\xff\xfe\n")
    with pytest.raises(IngestError, match="late.txt: undecodable bytes at offset"):
        store_reader(tmp_db, DocumentReader(path))
    assert tmp_db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert tmp_db.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 0
