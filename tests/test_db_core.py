"""The termbase core: migrations, pragmas, entries and their keys."""

import sqlite3
from dataclasses import FrozenInstanceError, dataclass, replace

import pytest

from db import open_db, schema_version
from db.entries import add_entry, find_entry_ids, get_entry, iter_entries, save_entry, set_entry_status, status_counts
from glossary.errors import DatabaseError
from glossary.models import Entry, Term, bulk_constructor


def test_open_sets_pragmas_and_applies_migrations(tmp_path):
    db = open_db(tmp_path / "g.db")
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert schema_version(db)[0] == "m0001_initial"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_every_foreign_key_column_leads_an_index(tmp_path):
    """An unindexed child column makes each parent delete scan the child table (save_entry did)."""
    db = open_db(tmp_path / "g.db")
    unindexed = []
    for table in db.table_names():
        leading = {db.execute(f"PRAGMA index_info('{index[1]}')").fetchone()[2]
                   for index in db.execute(f"PRAGMA index_list('{table}')").fetchall()}
        leading |= {row[1] for row in db.execute(f"PRAGMA table_info('{table}')") if row[5] == 1}
        unindexed += [f"{table}.{fk[3]}" for fk in db.execute(f"PRAGMA foreign_key_list('{table}')") if fk[3] not in leading]
    assert unindexed == []


def test_entry_round_trip_with_keys(tmp_db):
    entry_id = add_entry(tmp_db, Entry(terms=(Term("zh", "外防輸入"), Term("en", "Import Prevention"))))
    entry = get_entry(tmp_db, entry_id)
    assert [t.text for t in entry.terms] == ["外防輸入", "Import Prevention"]
    assert entry.terms[0].script == "Hant"
    assert find_entry_ids(tmp_db, "zh", "外防输入") == [entry_id]
    assert find_entry_ids(tmp_db, "en", "the import-prevention") == [entry_id]
    row = tmp_db.execute("SELECT pinyin, initials FROM terms WHERE lang = 'zh'").fetchone()
    assert row == ("waifangshuru", "wfsr")


def test_status_changes_are_logged(tmp_db):
    entry_id = add_entry(tmp_db, Entry(terms=(Term("zh", "核酸检测"), Term("en", "nucleic acid testing"))))
    set_entry_status(tmp_db, entry_id, "approved")
    assert status_counts(tmp_db)["approved"] == 1
    actions = [r["action"] for r in tmp_db.query("SELECT action FROM review_log ORDER BY id")]
    assert actions == ["create", "approved"]


def test_save_entry_replaces_terms_atomically(tmp_db):
    entry_id = add_entry(tmp_db, Entry(terms=(Term("zh", "领事保护"), Term("en", "consular protection"))))
    entry = get_entry(tmp_db, entry_id)
    bad = Entry(terms=(Term("zh", "x", status="nonsense"),), id=entry_id)
    with pytest.raises(sqlite3.IntegrityError):
        save_entry(tmp_db, bad)
    assert get_entry(tmp_db, entry_id).terms == entry.terms  # nothing half-written


def test_iter_entries_streams_in_batches(tmp_db):
    for i in range(25):
        add_entry(tmp_db, Entry(terms=(Term("en", f"term {i}"),)), log=False)
    assert len(list(iter_entries(tmp_db, batch=7))) == 25


def test_entries_read_back_behave_as_constructed_ones(tmp_db):
    """Reads build Entry and Term with bulk_constructor: the objects must be the real, frozen classes."""
    term = Term("zh", "领事保护", "admitted", "variant", "Hans", "MFA", "noun", "a context", "a note", True, 3)
    entry = Entry(terms=(term, Term("en", "consular protection")), status="approved", category="policy",
                  note="n", score=0.5, source="s", definition="d", sources=("a.txt",))
    read = get_entry(tmp_db, add_entry(tmp_db, entry))
    assert type(read) is Entry and all(type(t) is Term for t in read.terms)
    first = read.terms[0]
    assert first == replace(term, id=first.id) and hash(first) == hash(replace(term, id=first.id))
    assert first.exact is True and read.terms[1].exact is False
    assert replace(read, terms=(), id=None, created=None, updated=None) == replace(entry, terms=())
    with pytest.raises(FrozenInstanceError):
        first.text = "changed"


def test_bulk_constructor_refuses_classes_it_would_get_wrong():
    @dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:  # a bulk-built object would skip this
            raise ValueError

    with pytest.raises(TypeError):
        bulk_constructor(Checked)
    make_term = bulk_constructor(Term)
    assert make_term("en", "x", "preferred", "fullForm", None, None, None, None, None, False, 0, 7) == Term("en", "x", id=7)


def test_not_a_glossary_database(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE songs (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="not a glossary database"):
        open_db(other)
    text = tmp_path / "notes.db"
    text.write_text("hello")
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        open_db(text)


def test_missing_database_without_create(tmp_path):
    with pytest.raises(DatabaseError, match="no such glossary database"):
        open_db(tmp_path / "nope.db", create=False)


def test_write_transaction_waits_for_another_writer_instead_of_failing(tmp_path):
    """A writer that reads first must wait for the lock (BEGIN IMMEDIATE), not fail at once."""
    import threading
    import time

    from db import write_transaction

    path = tmp_path / "g.db"
    first, second = open_db(path, thread_safe=True), open_db(path)
    first.execute("BEGIN IMMEDIATE")
    add_entry(first, Entry(terms=(Term("en", "held by the first writer"),)), log=False)
    threading.Timer(0.3, first.conn.commit).start()
    started = time.monotonic()
    with write_transaction(second):
        second.execute("SELECT count(*) FROM entries").fetchone()
        add_entry(second, Entry(terms=(Term("en", "second writer"),)), log=False)
    assert time.monotonic() - started >= 0.25
    assert second.execute("SELECT count(*) FROM entries").fetchone()[0] == 2


def test_write_transaction_rolls_back_on_error(tmp_db):
    from db import write_transaction

    with pytest.raises(RuntimeError):
        with write_transaction(tmp_db):
            add_entry(tmp_db, Entry(terms=(Term("en", "never kept"),)), log=False)
            raise RuntimeError("crash mid-write")
    assert status_counts(tmp_db)["candidate"] == 0
