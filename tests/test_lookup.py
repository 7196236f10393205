"""The lookup engine (db.lookup) and its n-gram index, and `glossary lookup`."""

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner
from termbase_builder import build_termbase

from db import open_db
from db.entries import add_entries, add_entry, delete_entry, get_entry, save_entry
from db.lookup import lookup
from db.term_index import rebuild_lookup_index
from glossary.cli import cli
from glossary.models import Entry, Term


@pytest.fixture
def termbase(tmp_path):
    path = tmp_path / "lookup.db"
    build_termbase(path)
    db = open_db(path)
    yield db
    db.close()


def top(db, query, **kw):
    hits = lookup(db, query, **kw)
    return [(h.entry.preferred("zh").text, h.match, h.key) for h in hits]


@pytest.mark.parametrize(
    ("query", "expected_zh", "match", "key"),
    [
        ("外防输入", "外防输入", "exact", "term"),
        ("外防輸入", "外防输入", "exact", "term"),  # Traditional input
        ("import prevention", "外防输入", "exact", "term"),
        ("IMPORT  Prevention", "外防输入", "exact", "term"),  # case and spacing folded
        ("waifangshuru", "外防输入", "exact", "pinyin"),
        ("wai fang shu ru", "外防输入", "exact", "pinyin"),
        ("wài fáng shū rù", "外防输入", "exact", "pinyin"),
        ("wai4 fang2 shu1 ru4", "外防输入", "exact", "pinyin"),
        ("wfsr", "外防输入", "exact", "initials"),
        ("WHO", "世界卫生组织", "exact", "term"),  # acronym
        ("scio", "国务院新闻办公室", "exact", "term"),
        ("粤港澳", "粤港澳大湾区", "prefix", "term"),
        ("Guangdong-Hong Kong", "粤港澳大湾区", "prefix", "term"),
        ("nucleic acid tseting", "核酸检测", "fuzzy", "term"),  # English typo
        ("rural revitalisation", "乡村振兴", "fuzzy", "term"),  # UK spelling
        ("World Heath Organisation", "世界卫生组织", "fuzzy", "term"),
        ("外防输人", "外防输入", "fuzzy", "term"),  # one wrong character
        ("health organization", "世界卫生组织", "inside", "term"),  # words after a term's first
        ("health org", "世界卫生组织", "inside", "term"),  # as it is typed
        ("卫生组织", "世界卫生组织", "inside", "term"),  # Chinese inside a longer term
        ("精准脱贫", "精准扶贫", "fuzzy", "term"),
    ],
)
def test_each_kind_of_key_finds_the_entry(termbase, query, expected_zh, match, key):
    assert top(termbase, query)[0] == (expected_zh, match, key)


def test_exact_beats_prefix_beats_fuzzy(tmp_db):
    fuzzy = add_entry(tmp_db, Entry(terms=(Term("zh", "边界管控"), Term("en", "boundary control")), status="approved"))
    prefix = add_entry(tmp_db, Entry(terms=(Term("zh", "边境管控措施"), Term("en", "border control measures"))))
    exact = add_entry(tmp_db, Entry(terms=(Term("zh", "边境管控"), Term("en", "border control")), status="rejected"))
    hits = lookup(tmp_db, "border control")
    assert [h.entry.id for h in hits] == [exact, prefix, fuzzy]
    assert [h.match for h in hits] == ["exact", "prefix", "fuzzy"]
    zh_hits = lookup(tmp_db, "边境管控")
    assert [h.entry.id for h in zh_hits] == [exact, prefix, fuzzy]


def test_a_key_inside_a_longer_term_ranks_after_prefixes_and_starts_an_english_word(tmp_db):
    inside = add_entry(tmp_db, Entry(terms=(Term("zh", "粤港澳大湾区"), Term("en", "Guangdong-Hong Kong-Macao Greater Bay Area"))))
    prefix = add_entry(tmp_db, Entry(terms=(Term("zh", "香港特别行政区"), Term("en", "Hong Kong Special Administrative Region"))))
    assert [(h.entry.id, h.match) for h in lookup(tmp_db, "hong kong")] == [(prefix, "prefix"), (inside, "inside")]
    assert [(h.entry.id, h.match) for h in lookup(tmp_db, "港澳")] == [(inside, "inside")]
    assert "inside" not in {h.match for h in lookup(tmp_db, "ong kong")}  # not a word's start
    assert lookup(tmp_db, "湾") == []  # (one character inside: too many)


def test_one_hit_per_entry_and_limit(termbase):
    hits = lookup(termbase, "nucleic acid test")
    ids = [h.entry.id for h in hits]
    assert len(ids) == len(set(ids))
    assert hits[0].term.text == "nucleic acid test" and hits[0].match == "exact"
    assert len(lookup(termbase, "a", limit=2)) <= 2


@pytest.mark.parametrize(
    "query",
    ['"', "*", '" OR 1=1 --', "'; DROP TABLE terms; --", "%", "_", "\\", "NEAR(a b)", "a*b", "😀", "👩‍👩‍👧",
     "\x00", "\x1b[31m", "\ud800", "\u200b", "   ", "", "x" * 10_000, "外" * 10_000, "ａｂｃ", "∑∫√", "نظام", "日本語のテキスト"],
)
def test_hostile_queries_never_fail(termbase, query):
    hits = lookup(termbase, query)
    assert isinstance(hits, list)
    assert termbase.execute("SELECT count(*) FROM terms").fetchone()[0] > 0


def test_index_follows_edits_and_deletes(tmp_db):
    entry_id = add_entry(tmp_db, Entry(terms=(Term("zh", "领事保护"), Term("en", "consular protection"))))
    assert top(tmp_db, "consular protecton")[0][0] == "领事保护"
    entry = get_entry(tmp_db, entry_id)
    save_entry(tmp_db, replace(entry, terms=(Term("zh", "领事保护"), Term("en", "consular assistance"))))
    assert lookup(tmp_db, "consular protecton") == []
    assert top(tmp_db, "consular asistance")[0][0] == "领事保护"
    delete_entry(tmp_db, entry_id)
    assert tmp_db.execute("SELECT count(*) FROM term_grams").fetchone()[0] == 0


def test_bulk_insert_and_rebuild_give_the_same_index(tmp_db):
    ids = add_entries(tmp_db, [Entry(terms=(Term("zh", f"试点项目{i}"), Term("en", f"pilot project {i}"))) for i in range(50)])
    assert len(ids) == 50 and ids == sorted(ids)
    before = tmp_db.execute("SELECT gram, term_id FROM term_grams ORDER BY 1, 2").fetchall()
    assert before
    assert rebuild_lookup_index(tmp_db) == 100
    assert tmp_db.execute("SELECT gram, term_id FROM term_grams ORDER BY 1, 2").fetchall() == before
    assert top(tmp_db, "pilot project 7")[0] == ("试点项目7", "exact", "term")
    assert tmp_db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert tmp_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_cli_lookup_table_and_json(tmp_path):
    path = tmp_path / "cli.db"
    build_termbase(path)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(path), "lookup", "wfsr"])
    assert result.exit_code == 0, result.output
    assert "外防输入" in result.output and "import prevention" in result.output
    result = runner.invoke(cli, ["--db", str(path), "lookup", "nucleic acid", "--json", "--limit", "1"])
    data = json.loads(result.output)
    assert len(data) == 1 and data[0]["match"] == "prefix"
    assert {t["text"] for t in data[0]["terms"]} >= {"核酸检测", "nucleic acid testing"}
    # each result is the entry as a JSONL export writes it (a script reads zh/en there), plus the match
    assert (data[0]["zh"], data[0]["en"]) == ("核酸检测", "nucleic acid testing")
    exported = runner.invoke(cli, ["--db", str(path), "export", "-", "--format", "jsonl", "--status", "all"])
    line = next(json.loads(row) for row in exported.output.splitlines() if json.loads(row)["id"] == data[0]["id"])
    assert {k: v for k, v in data[0].items() if k not in ("matched", "match", "key", "match_score")} == line
    from db import open_db
    from db.entries import get_entry

    db = open_db(path)
    assert data[0]["score"] == get_entry(db, data[0]["id"]).score  # the entry's score, not the match's
    assert data[0]["match_score"] > 0
    db.close()
    result = runner.invoke(cli, ["--db", str(path), "lookup", '"*'])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", 'no entry matches "*\n')


def test_cli_lookup_without_a_match_exits_1_as_grep_does(tmp_path):
    """No entry matched: "no match" on stdout, exit 0, so a script (`glossary lookup 金管局 || add it`) could
    not tell. Now one line on stderr and exit 1, as grep; `--json` still prints its (empty) array."""
    path = tmp_path / "cli.db"
    build_termbase(path)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(path), "lookup", "香港金融管理局"])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "no entry matches 香港金融管理局\n")
    result = runner.invoke(cli, ["--db", str(path), "lookup", "香港金融管理局", "--json"])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "[]\n", "no entry matches 香港金融管理局\n")
    result = runner.invoke(cli, ["--db", str(path), "lookup", "外防输入"])
    assert (result.exit_code, result.stderr) == (0, "") and "import prevention" in result.stdout


def test_cli_lookup_on_missing_database(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "lookup", "x"])
    assert result.exit_code == 1
    assert "no such glossary database" in result.output and "Traceback" not in result.output


def test_migration_indexes_a_termbase_made_before_the_lookup_index(tmp_path):
    from sqlite_utils import Database

    from db.schema import migrations

    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m0004_lookup_index")
    entry_id = old.table("entries").insert({"status": "candidate", "created": "2020", "updated": "2020"}).last_pk
    old.table("terms").insert({"entry_id": entry_id, "lang": "en", "text": "poverty alleviation", "match_key": "povertyalleviation"})
    old.close()
    db = open_db(path)
    assert [h.match for h in lookup(db, "povrty aleviation")] == ["fuzzy"]
    db.close()
