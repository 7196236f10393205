"""The checker's compiled-matcher cache: reused while the termbase is unchanged, rebuilt after any
write to what the check reads, and rebuilt silently when the file is stale, corrupt or foreign."""

from __future__ import annotations

import json

import pytest
from conftest import shared

from glossary.check import cache, check_segments
from glossary.check.checker import CheckGlossary
from glossary.models import DraftSegment, Entry, Term

GOLD = [json.loads(line) for line in shared("gold", "000_c78274c5c2d54538.jsonl").open(encoding="utf-8")]


@pytest.fixture
def termbase(tmp_path, monkeypatch):
    """000's gold pairs as approved entries; the cache in a temporary folder, used at any size."""
    from db import open_db
    from db.entries import add_entry

    monkeypatch.setenv("GLOSSARY_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_CACHED_TERMS", 0)
    path = tmp_path / "glossary.db"
    db = open_db(path)
    for pair in GOLD:
        add_entry(db, Entry((Term("zh", pair["zh"]), Term("en", pair["en"])), status="approved"), log=False)
    db.close()
    return path


def draft() -> list[DraftSegment]:
    """000's evidence sentences, the first with its term's rendering removed."""
    first = GOLD[0]
    segments = [DraftSegment(str(i), p["evidence_zh"], p["evidence_en"]) for i, p in enumerate(GOLD, 1)]
    segments[0] = DraftSegment("1", first["evidence_zh"], first["evidence_en"].replace(first["en"], "it"))
    return segments


def findings(glossary: CheckGlossary) -> list[tuple]:
    return [(f.kind, f.segment, f.source_term, f.expected) for f in check_segments(draft(), glossary).issues]


def prepared(path, *, built: bool) -> CheckGlossary:
    """The glossary as `glossary check` gets it, asserting whether it was built or came from the cache."""
    from db import open_db_readonly
    from db.check import check_glossary

    calls = []
    original = CheckGlossary.from_rows.__func__

    def counting(cls, rows):
        calls.append(1)
        return original(cls, rows)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CheckGlossary, "from_rows", classmethod(counting))
        db = open_db_readonly(path)
        try:
            glossary = check_glossary(db, path)
        finally:
            db.close()
    assert bool(calls) == built
    return glossary


def test_second_run_loads_the_cache_and_finds_the_same(termbase):
    first = prepared(termbase, built=True)
    assert cache.cache_file(termbase).exists()
    second = prepared(termbase, built=False)
    expected = findings(first)
    assert ("missing", "1", GOLD[0]["zh"], GOLD[0]["en"]) in expected
    assert findings(second) == expected
    assert len(second) == len(GOLD)


@pytest.mark.parametrize("change", ["status", "term text", "new entry", "delete"])
def test_any_write_to_checked_content_rebuilds(termbase, change):
    from db import open_db
    from db.entries import add_entry, delete_entry, get_entry, save_entry, set_entry_status

    prepared(termbase, built=True)
    db = open_db(termbase)
    entry_id = db.execute("SELECT entry_id FROM terms WHERE text = ?", [GOLD[0]["zh"]]).fetchone()[0]
    if change == "status":
        set_entry_status(db, entry_id, "rejected")
    elif change == "term text":
        entry = get_entry(db, entry_id)
        save_entry(db, Entry((entry.terms[0], Term("en", "it")), status="approved", id=entry_id))
    elif change == "new entry":
        add_entry(db, Entry((Term("zh", "一线"), Term("en", "frontline")), status="approved"))
    else:
        delete_entry(db, entry_id)
    db.close()
    glossary = prepared(termbase, built=True)
    found = findings(glossary)
    if change == "new entry":
        assert ("missing", "1", "一线", "frontline") in found
    else:
        assert not any(f[1] == "1" and f[2] == GOLD[0]["zh"] for f in found)
    prepared(termbase, built=False)


def test_writes_the_check_does_not_read_keep_the_cache(termbase):
    from db import open_db

    prepared(termbase, built=True)
    db = open_db(termbase)
    with db.atomic():
        db.execute("UPDATE terms SET count = count + 1, note = 'seen'")
        db.execute("UPDATE entries SET score = 0.5, note = 'checked'")
    db.close()
    prepared(termbase, built=False)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "foreign header", "not a glossary"])
def test_damaged_or_foreign_cache_is_rebuilt_silently(termbase, damage):
    import pickle

    expected = findings(prepared(termbase, built=True))
    path = cache.cache_file(termbase)
    data = path.read_bytes()
    header_end = data.index(b"\n", len(b"glossary-check-cache 1\n")) + 1
    path.write_bytes({
        "garbage": b"\x00\xff" * 1000,
        "truncated": data[:len(data) // 2],
        "empty": b"",
        "foreign header": data[:header_end].replace(b'"revision": ', b'"revision": 9') + data[header_end:],
        "not a glossary": data[:header_end] + pickle.dumps({"zh": None}),
    }[damage])
    assert findings(prepared(termbase, built=True)) == expected
    assert findings(prepared(termbase, built=False)) == expected  # rewritten whole


def test_unwritable_cache_folder_only_costs_speed(termbase, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("GLOSSARY_CACHE", str(blocker))
    expected = findings(prepared(termbase, built=True))
    assert findings(prepared(termbase, built=True)) == expected
    assert blocker.read_text().startswith("a file")


def test_the_check_command_gives_the_same_report_from_the_cache(termbase, tmp_path):
    from click.testing import CliRunner

    from glossary.cli import cli

    tsv = tmp_path / "draft.tsv"
    tsv.write_text("".join(f"{s.source}\t{s.target}\n" for s in draft()), encoding="utf-8")
    runs = [CliRunner().invoke(cli, ["--db", str(termbase), "check", str(tsv), "--json"]) for _ in range(2)]
    assert [r.exit_code for r in runs] == [1, 1]
    assert runs[0].output == runs[1].output
    assert cache.cache_file(termbase).exists()
    assert json.loads(runs[0].output)["counts"]["error"] >= 1


def test_a_termbase_without_a_revision_is_checked_without_the_cache(termbase):
    import sqlite3

    conn = sqlite3.connect(termbase)  # as a termbase from before the revision migration
    conn.execute("DROP TABLE termbase_revision")
    conn.commit()
    conn.close()
    expected = findings(prepared(termbase, built=True))
    assert findings(prepared(termbase, built=True)) == expected
    assert not cache.cache_file(termbase).exists()


def test_old_cache_files_are_trimmed_but_not_the_dictionary(termbase, tmp_path, monkeypatch):
    import os

    folder = cache.cache_dir()
    folder.mkdir(parents=True)
    (folder / "jieba-words.pickle").write_bytes(b"x")
    for i in range(cache.KEPT_FILES + 3):
        old = folder / f"{i:024x}.pickle"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    prepared(termbase, built=True)
    kept = sorted(p.name for p in folder.glob("*.pickle"))
    assert cache.cache_file(termbase).name in kept and "jieba-words.pickle" in kept
    assert len([name for name in kept if not name.startswith("jieba-")]) == cache.KEPT_FILES
    assert f"{0:024x}.pickle" not in kept


def test_cached_glossary_brings_the_dictionary_evidence_of_its_terms(termbase, monkeypatch):
    """The search for other renderings of a would-be-missing term reads the cached evidence, not the
    lexicon, and finds what a check that looks the terms up finds."""
    from glossary.check import renderings

    def full(glossary: CheckGlossary) -> list[tuple]:
        return [(f.kind, f.segment, f.source_term, f.found, f.spans) for f in check_segments(draft(), glossary).issues]

    expected = full(prepared(termbase, built=True))
    cached = prepared(termbase, built=False)
    assert GOLD[0]["zh"] in cached.evidence

    def no_lexicon(term):
        raise AssertionError(f"looked up {term} in the lexicon")

    monkeypatch.setattr(renderings, "term_evidence", no_lexicon)
    assert full(cached) == expected
    assert any(f[:3] == ("missing", "1", GOLD[0]["zh"]) for f in expected)  # the search ran
