"""Import and export over the termbase: merge rules, reports, dry runs, rollback, round trips, CLI."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner
from conftest import shared
from interchange_data import rich_entries
from lxml import etree

from db import open_db
from db.entries import add_entry, find_entry_ids, get_entry, iter_entries, set_entry_status, status_counts
from db.interchange import export_glossary, import_glossary
from glossary.cli import cli
from glossary.errors import FormatError
from glossary.models import Entry, Term


def _rich_termbase(db) -> None:
    for entry in rich_entries():
        add_entry(db, entry)


def _export_text(db, tmp_path, fmt: str, name: str) -> str:
    path = tmp_path / f"{name}.{fmt}"
    export_glossary(db, path, fmt, status="all")
    text = path.read_text(encoding="utf-8")
    return re.sub(r"Exported by glossary \S+ on \S+", "", text)  # the header's date


def _round_trip(db, tmp_path, fmt: str) -> tuple[str, str]:
    first = _export_text(db, tmp_path, fmt, "first")
    fresh = open_db(tmp_path / f"fresh-{fmt}.db")
    try:
        report = import_glossary(fresh, tmp_path / f"first.{fmt}", fmt)
        assert report.added == len(list(iter_entries(db))) and not report.skipped
        second = _export_text(fresh, tmp_path, fmt, "second")
    finally:
        fresh.close()
    return first, second


def _count(db) -> int:
    return db.execute("SELECT count(*) FROM entries").fetchone()[0]


def _write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- round trips
@pytest.mark.parametrize("fmt", ["jsonl", "tbx", "tbx3"])
def test_round_trip_rich_termbase(tmp_db, tmp_path, fmt):
    _rich_termbase(tmp_db)
    first, second = _round_trip(tmp_db, tmp_path, fmt)
    assert first == second
    assert "外防輸入" in first and "HKMA" in first and "eyðni" in first


def test_jsonl_round_trip_keeps_every_field(tmp_db, tmp_path):
    _rich_termbase(tmp_db)
    export_glossary(tmp_db, tmp_path / "all.jsonl", status="all")
    fresh = open_db(tmp_path / "fresh.db")
    import_glossary(fresh, tmp_path / "all.jsonl")
    before, after = list(iter_entries(tmp_db)), list(iter_entries(fresh))
    strip = lambda e: Entry(**{**{f: getattr(e, f) for f in e.__dataclass_fields__},  # noqa: E731
                                "terms": tuple(t.__class__(**{**{f: getattr(t, f) for f in t.__dataclass_fields__}, "id": None})
                                               for t in e.terms)})
    assert [strip(e) for e in after] == [strip(e) for e in before]
    assert [e.status for e in after] == ["approved", "approved", "candidate", "rejected", "approved", "candidate", "approved"]
    assert after[0].sources == ("doc-a.txt",) and after[0].definition
    fresh.close()


@pytest.fixture(scope="module")
def liford_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("liford") / "liford.db"
    db = open_db(path)
    report = import_glossary(db, shared("external", "tbx", "icelandic-term-bank", "liford.tbx"))
    yield db, report
    db.close()


def test_liford_imports_every_distinct_entry(liford_db):
    db, report = liford_db
    path = shared("external", "tbx", "icelandic-term-bank", "liford.tbx")
    elements, distinct = _independent_counts(path)
    assert (report.read, elements) == (9967, 9967)
    assert report.added == _count(db) == distinct == 9958
    assert report.skipped == {"duplicate inside the file": elements - distinct}
    langs = {r[0] for r in db.execute("SELECT DISTINCT lang FROM terms")}
    assert langs == {"is", "en"}


@pytest.mark.parametrize("fmt", ["jsonl", "tbx", "tbx3"])
def test_round_trip_liford(liford_db, tmp_path, fmt):
    db, _ = liford_db
    first, second = _round_trip(db, tmp_path, fmt)
    assert first == second


def test_reimport_is_idempotent(liford_db):
    db, _ = liford_db
    report = import_glossary(db, shared("external", "tbx", "icelandic-term-bank", "liford.tbx"), dry_run=True)
    assert (report.added, report.merged, report.unchanged) == (0, 0, 9967)


def _independent_counts(path) -> tuple[int, int]:
    """termEntry/conceptEntry elements, and how many differ in content once ids are ignored."""
    seen, elements = set(), 0
    for _, el in etree.iterparse(str(path), tag=("{*}termEntry", "{*}conceptEntry"), load_dtd=False,
                                 no_network=True, resolve_entities=False):
        elements += 1
        for node in el.iter():
            if isinstance(node.tag, str):
                node.attrib.pop("id", None)
        seen.add(" ".join(etree.tostring(el, encoding=str, with_tail=False).split()))
        el.clear()
    return elements, len(seen)


@pytest.mark.parametrize(("parts", "languages"), [
    (("external", "tbx", "kde-cn-lokalize-terms.en-US_zh-CN.tbx"), {"en", "zh"}),
    (("external", "tbx", "microsoft-terminology-en-US_ug-CN.tbx"), {"en", "ug-CN"}),
    (("external", "tbx", "tbx3-basic-dca-astronomy-example.tbx"), {"en", "es", "zu"}),
    (("external", "tbx", "icelandic-term-bank", "hag.tbx"), {"is", "en"}),
    (("external", "tbx", "icelandic-term-bank", "stjornsysla.tbx"), {"is", "en", "sv", "dk", "no", "sf"}),
], ids=lambda p: p[-1] if isinstance(p, tuple) else "")
def test_external_termbases_import_with_the_right_count(tmp_db, parts, languages):
    path = shared(*parts)
    elements, distinct = _independent_counts(path)
    report = import_glossary(tmp_db, path)
    assert report.read == elements
    # Entries whose language sections hold no term at all are skipped, and said so.
    empty = report.skipped.get("empty entry (no terms)", 0)
    assert report.added == _count(tmp_db) == distinct - empty
    assert report.added + report.merged + report.unchanged + sum(report.skipped.values()) == elements
    assert {r[0] for r in tmp_db.execute("SELECT DISTINCT lang FROM terms")} == languages


def test_en_zh_glossary_is_found_from_the_chinese_side(tmp_db):
    import_glossary(tmp_db, shared("external", "tbx", "kde-cn-lokalize-terms.en-US_zh-CN.tbx"))
    entry = get_entry(tmp_db, find_entry_ids(tmp_db, "zh", "书签")[0])
    assert [t.text for t in entry.terms_in("en")] == ["bookmark"]
    assert entry.category == "名词"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """The termbase `glossary mine` builds from the bundled demo corpus."""
    from conftest import EXAMPLES

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "mine", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    db = open_db(path)
    yield db
    db.close()


@pytest.mark.parametrize("fmt", ["jsonl", "tbx", "tbx3"])
def test_round_trip_mined_demo_corpus(demo_db, tmp_path, fmt):
    assert _count(demo_db) > 20
    first, second = _round_trip(demo_db, tmp_path, fmt)
    assert first == second
    if fmt == "jsonl":
        assert '"sources": ["jiangzhou' in first  # supporting documents survive without their occurrences


# ---------------------------------------------------------------- merge rules
def test_conflicting_rendering_becomes_an_admitted_variant(tmp_db, tmp_path):
    entry_id = add_entry(tmp_db, Entry(terms=(Term("zh", "数据库"), Term("en", "database")), status="approved"))
    report = import_glossary(tmp_db, _write(tmp_path / "g.csv", "zh-CN,en,note\n数据库,data repository,client glossary\n"))
    assert (report.added, report.merged) == (0, 1)
    entry = get_entry(tmp_db, entry_id)
    assert [(t.text, t.status) for t in entry.terms_in("en")] == [("database", "preferred"), ("data repository", "admitted")]
    assert entry.status == "approved" and entry.note == "client glossary"


def test_human_decisions_are_never_downgraded(tmp_db, tmp_path):
    rejected = add_entry(tmp_db, Entry(terms=(Term("zh", "发展"), Term("en", "development")), status="rejected"))
    approved = add_entry(tmp_db, Entry(terms=(Term("zh", "领事保护"), Term("en", "consular protection")), status="approved"))
    path = _write(tmp_path / "g.jsonl",
                  '{"zh": "发展", "en": "growth", "status": "approved"}\n'
                  '{"zh": "领事保护", "en": "consular assistance", "status": "candidate"}\n')
    import_glossary(tmp_db, path)
    assert get_entry(tmp_db, rejected).status == "rejected"
    kept = get_entry(tmp_db, approved)
    assert kept.status == "approved"
    assert [(t.text, t.status) for t in kept.terms_in("en")] == [
        ("consular protection", "preferred"), ("consular assistance", "admitted")]


def test_approved_glossary_outranks_a_mined_candidate(tmp_db, tmp_path):
    mined = add_entry(tmp_db, Entry(terms=(Term("zh", "外防输入"), Term("en", "external prevention input")),
                                    status="candidate", score=0.4))
    import_glossary(tmp_db, _write(tmp_path / "g.csv", "zh,en,en deprecated\n外防输入,import prevention,\n"))
    entry = get_entry(tmp_db, mined)
    assert entry.status == "approved"
    assert [(t.text, t.status) for t in entry.terms_in("en")] == [
        ("external prevention input", "admitted"), ("import prevention", "preferred")]


def test_report_reasons_and_term_list_rows_merge(tmp_db, tmp_path):
    path = _write(tmp_path / "g.tsv", "\n".join([
        "数据库\tdatabase\tIT",
        "数据库\tDB\tabbreviation",
        "数据库\tdatabase\tIT",
        "\t\tonly a comment",
        "资料库\tdatabase",
    ]) + "\n")
    report = import_glossary(tmp_db, path)
    assert (report.read, report.added, report.merged) == (5, 2, 1)
    assert report.skipped == {"duplicate inside the file": 1, "empty entry (no terms)": 1}
    assert report.first_skipped["duplicate inside the file"] == "line 3"
    entry = get_entry(tmp_db, find_entry_ids(tmp_db, "zh", "数据库")[0])
    assert [(t.text, t.status) for t in entry.terms_in("en")] == [("database", "preferred"), ("DB", "admitted")]
    assert any("duplicate inside the file (first at line 3)" in line for line in report.lines())


@pytest.mark.parametrize("batch", [1, 2, 3, 500])
def test_merges_do_not_depend_on_the_import_chunk(tmp_path, monkeypatch, batch):
    """Keys and entries are looked up a chunk at a time: an entry must still find one that an earlier
    row of the same chunk merged a new synonym into, and duplicates across chunk edges."""
    import db.interchange

    monkeypatch.setattr(db.interchange, "BATCH", batch)
    termbase = open_db(tmp_path / f"chunk-{batch}.db")
    kept = add_entry(termbase, Entry(terms=(Term("zh", "数据库"), Term("en", "database")), status="approved"))
    path = _write(tmp_path / "g.csv", "\n".join([
        "zh-CN,en,note",
        "数据库|资料库,database,",  # merges into the stored entry and gives it the key 资料库
        "资料库,data bank,",  # found through that new key
        "数据仓库,data warehouse,",
        "数据仓库,data warehouse,",  # a duplicate row next to its first
        "元数据,metadata,",
        "数据仓库,data warehouse,",  # and one further on
        "元数据,metainformation,older name",  # merges into the entry added four rows up
    ]) + "\n")
    report = import_glossary(termbase, path)
    assert (report.read, report.added, report.merged) == (7, 2, 3)
    assert report.skipped == {"duplicate inside the file": 2}
    entry = get_entry(termbase, kept)
    assert [t.text for t in entry.terms] == ["数据库", "database", "资料库", "data bank"]
    metadata = get_entry(termbase, find_entry_ids(termbase, "zh", "元数据")[0])
    assert [t.text for t in metadata.terms] == ["元数据", "metadata", "metainformation"] and metadata.note == "older name"
    assert _count(termbase) == 3
    termbase.close()


def test_dry_run_writes_nothing(tmp_db, tmp_path):
    _rich_termbase(tmp_db)
    before = (_count(tmp_db), tmp_db.execute("SELECT count(*) FROM review_log").fetchone()[0])
    report = import_glossary(tmp_db, shared("external", "tbx", "kde-cn-lokalize-terms.en-US_zh-CN.tbx"), dry_run=True)
    assert report.added == 137 and report.dry_run
    assert (_count(tmp_db), tmp_db.execute("SELECT count(*) FROM review_log").fetchone()[0]) == before


def test_bad_file_after_many_entries_leaves_the_termbase_unchanged(tmp_db, tmp_path):
    entries = "".join(
        f'<termEntry><langSet xml:lang="zh-CN"><tig><term>术语{i}</term></tig></langSet>'
        f'<langSet xml:lang="en"><tig><term>term {i}</term></tig></langSet></termEntry>\n' for i in range(1200)
    )
    path = _write(tmp_path / "late.tbx", f'<martif type="TBX" xml:lang="en"><text><body>\n{entries}<termEntry></body></text></martif>')
    with pytest.raises(FormatError, match=r"late.tbx: line 1202, column \d+"):
        import_glossary(tmp_db, path)
    assert _count(tmp_db) == 0


@pytest.mark.parametrize(("name", "text", "message"), [
    ("open-quote.csv", 'zh,en\n数据库,database\n"资料库,data base\n系统,system\n',
     "open-quote.csv: line 3: a quote opened here is never closed"),
    ("no-tab.tsv", "数据库\tdatabase\n资料库 data base\n", "no-tab.tsv: line 2: no tab between the source and target terms"),
])
def test_a_broken_line_of_a_list_glossary_is_an_error_not_a_term(tmp_db, tmp_path, name, text, message):
    """An unclosed quote (which swallowed the rest of the file into one Chinese "term") or a TSV line
    without a tab (imported whole as a Chinese term with no English) stops the import, nothing written."""
    add_entry(tmp_db, Entry(terms=(Term("zh", "数据库"), Term("en", "database")), status="approved"))
    with pytest.raises(FormatError, match=message):
        import_glossary(tmp_db, _write(tmp_path / name, text))
    assert _count(tmp_db) == 1


def test_a_csv_row_that_ends_before_a_language_column_is_an_error_naming_the_line(db_path, tmp_path):
    """The Microsoft termbase's rows stop after their two language cells (its `pos` and `description` are
    left off): fine. A row that stops before its Chinese column lost it (imported as an English-only
    entry before): `glossary import` exits 1 with one line naming the file as given and the line, and
    writes nothing. A Chinese cell that is there but empty is another case: an English-only entry."""
    lines = shared("external", "ms-terminology-zh-cn", "Termbase.csv").read_text(encoding="utf-8").splitlines()
    header, *rows = lines[:5]
    assert header == "en,zh_CN,pos,description" and all(len(row.split(",")) == 2 for row in rows)
    runner = CliRunner()

    def termbase() -> list[dict]:
        exported = runner.invoke(cli, ["--db", str(db_path), "export", "-", "--format", "jsonl", "--status", "all"])
        return [json.loads(line) for line in exported.output.splitlines()]

    assert runner.invoke(cli, ["--db", str(db_path), "import", str(_write(tmp_path / "ms.csv", "\n".join(lines[:4])))]).exit_code == 0
    before = termbase()
    folder = tmp_path / "client"
    folder.mkdir()
    english = rows[1].split(",")[0]
    broken = _write(folder / "ms.csv", "\n".join([header, rows[0], english, rows[2]]) + "\n")
    result = runner.invoke(cli, ["--db", str(db_path), "import", str(broken)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"glossary: error: {broken}: line 3: 1 field but the header has 4 (the row ends before its 'zh_CN' column)"]
    assert termbase() == before
    untranslated = rows[3].split(",")[0]
    empty_cell = _write(folder / "empty.csv", f"{header}\n{untranslated},\n")
    assert runner.invoke(cli, ["--db", str(db_path), "import", str(empty_cell)]).exit_code == 0
    assert [(e["zh"], e["en"]) for e in termbase() if e not in before] == [(None, untranslated)]


def _broken_glossaries(folder) -> list[tuple[str, str]]:
    """(file, the start of its error) for a broken glossary of each format, made from real files."""
    shutil.copy(shared("tbx", "v2", "basic", "samples", "tbx_basic_sample_notwellformed.tbx"), folder / "terms.tbx")
    hk = shared("external", "hk-ogcio-it-glossary", "hkglossary.csv").read_text(encoding="utf-8").splitlines()[:3]
    _write(folder / "terms.csv", f'{hk[0]}\n"{hk[1].replace(chr(34), "")}\n')  # a quote left open
    _write(folder / "terms.tsv", "\n".join(line.replace('","', "\t").strip('"') for line in hk[:2]) + "\n3D digital map 三維數碼地圖\n")
    _write(folder / "terms.jsonl", '{"zh": "三維數碼地圖", "en": "3D digital map"}\n{"zh": "三維數碼地圖", "en": 3}\n')
    shutil.copy(folder / "terms.csv", folder / "terms.xlsx")  # a CSV given an Excel name
    return [("terms.tbx", "line 45, column 16: Opening and ending tag mismatch"),
            ("terms.csv", "line 2: a quote opened here is never closed"),
            ("terms.tsv", "line 3: no tab between the source and target terms"),
            ("terms.jsonl", "line 2: not a glossary entry"),
            ("terms.xlsx", "not an Excel .xlsx workbook")]


def test_an_import_error_names_the_file_as_given_and_the_report_its_name(db_path, tmp_path, monkeypatch):
    """Two clients' glossaries may share a file name: every format's error names the path given on the
    command line (`clients/b/terms.csv: line 2: ...`; the name alone before), nothing written; the report
    of an import that works keeps naming the file by its name."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "clients" / "b"
    folder.mkdir(parents=True)
    runner = CliRunner()
    for name, error in _broken_glossaries(folder):
        result = runner.invoke(cli, ["--db", str(db_path), "import", f"clients/b/{name}"])
        assert result.exit_code == 1 and len(result.output.splitlines()) == 1
        assert result.output.startswith(f"glossary: error: clients/b/{name}: {error}")
    assert not db_path.exists()
    shutil.copy(shared("tbx", "fixtures-own", "zh-en_glossary_utf8bom.csv"), folder / "terms.csv")
    result = runner.invoke(cli, ["--db", str(db_path), "import", "clients/b/terms.csv"])
    assert result.output.startswith("terms.csv: 2 rows read: 2 added")


def test_import_status_option_and_export_filter(tmp_db, tmp_path):
    import_glossary(tmp_db, shared("tbx", "fixtures-own", "zh-en_TBX-Basic_v2_rich.tbx"), default_status="candidate")
    assert status_counts(tmp_db)["candidate"] == 1
    out = tmp_path / "approved.tbx"
    assert export_glossary(tmp_db, out) == 0
    set_entry_status(tmp_db, 1, "approved")
    assert export_glossary(tmp_db, out) == 1


# ---------------------------------------------------------------- CLI
def test_cli_export_import_and_errors(db_path, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db_path), "import", str(shared("tbx", "fixtures-own", "zh-en_TBX-Basic_v3_rich.tbx"))])
    assert result.exit_code == 0, result.output
    assert "zh-en_TBX-Basic_v3_rich.tbx: 1 entry read: 1 added" in result.output
    csv = runner.invoke(cli, ["--db", str(db_path), "import", "--dry-run",
                              str(shared("external", "hk-ogcio-it-glossary", "hkglossary.csv"))])
    assert csv.exit_code == 0 and "hkglossary.csv: 1,421 rows read: " in csv.output  # one per line, not per entry
    for suffix in (".tbx", ".csv", ".tsv", ".xlsx", ".jsonl"):
        result = runner.invoke(cli, ["--db", str(db_path), "export", str(tmp_path / f"g{suffix}")])
        assert result.exit_code == 0, result.output
        assert (tmp_path / f"g{suffix}").stat().st_size > 0
    assert "<martif" in (tmp_path / "g.tbx").read_text()
    result = runner.invoke(cli, ["--db", str(db_path), "export", "-", "--format", "tbx3"])
    assert result.exit_code == 0 and "<conceptEntry" in result.output
    bad = shared("tbx", "v2", "basic", "samples", "tbx_basic_sample_notwellformed.tbx")
    result = runner.invoke(cli, ["--db", str(db_path), "import", str(bad)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"glossary: error: {bad}: line 45, column 16: "
        "Opening and ending tag mismatch: date line 44 and transacGrp"]
    result = runner.invoke(cli, ["--db", str(db_path), "import", str(tmp_path / "g.tbx"), "--dry-run"])
    assert "1 already in the termbase" in result.output and "dry run: nothing would be written" in result.output
    result = runner.invoke(cli, ["--db", str(db_path), "export", str(tmp_path / "g.unknown")])
    assert result.exit_code == 2 and "give --format" in result.output  # a usage error


def test_merge_keeps_a_traditional_spelling_as_its_own_variant():
    from glossary.merge import merge_entry

    existing = Entry(terms=(Term("zh", "外防输入", script="Hans", id=1), Term("en", "import prevention", id=2)),
                     status="approved", id=5)
    incoming = Entry(terms=(Term("zh", "外防輸入", script="Hant"), Term("en", "Import Prevention")), status="approved")
    merged = merge_entry(existing, incoming)
    assert [(t.text, t.status) for t in merged.terms] == [
        ("外防输入", "preferred"), ("import prevention", "preferred"), ("外防輸入", "admitted")]
    assert merge_entry(merged, incoming) is merged  # nothing new the second time


def test_a_deprecated_spelling_of_the_preferred_words_is_kept_and_checked(tmp_db, tmp_path):
    """Terms that fold to one key are one term, except a spelling marked wrong next to the right one
    (data base for database, internet for Internet): import keeps both, a mined guess never splits
    them again, and the checker reports the wrong spelling without the term being marked exact."""
    from glossary.check import check_segments
    from glossary.models import DraftSegment
    from glossary.merge import merge_entry

    path = _write(tmp_path / "g.csv", "zh,en,en deprecated\n数据库,database,data base\n互联网,Internet,internet\n"
                                      "中心,center,centre\n中心,Center,\n")
    import_glossary(tmp_db, path)
    entries = {e.preferred("zh").text: e for e in iter_entries(tmp_db)}
    assert {zh: [(t.text, t.status, t.exact) for t in e.terms_in("en")] for zh, e in entries.items()} == {
        "数据库": [("database", "preferred", False), ("data base", "deprecated", False)],
        "互联网": [("Internet", "preferred", False), ("internet", "deprecated", False)],
        "中心": [("center", "preferred", False), ("centre", "deprecated", False)]}
    mined = Entry(terms=(Term("zh", "互联网"), Term("en", "internet"), Term("en", "INTERNET")), status="candidate")
    assert merge_entry(entries["互联网"], mined) is entries["互联网"]

    from db.check import check_glossary

    glossary = check_glossary(tmp_db.conn)
    drafts = [("数据库", "The data base"), ("数据库", "The database"), ("数据库", "Two data-bases"),
              ("互联网", "the internet"), ("互联网", "the Internet"), ("中心", "the centres"), ("中心", "the centers")]
    result = check_segments([DraftSegment(str(n), zh, en) for n, (zh, en) in enumerate(drafts, 1)], glossary)
    assert [(f.segment, f.kind, f.found, f.expected) for f in result.issues] == [
        ("1", "deprecated", "data base", "database"), ("4", "deprecated", "internet", "Internet"),
        ("6", "deprecated", "centres", "center")]


def test_omegat_tsv_round_trip_keeps_statuses_types_and_variants(tmp_db, tmp_path):
    """Re-importing our own OmegaT export: a deprecated or Traditional source term on its own line joins
    its entry (not a new entry with that term preferred), and the comment's status and type go back to
    the term instead of into the note, and the category and a candidate's or rejected entry's status
    to the entry."""
    _rich_termbase(tmp_db)
    path = tmp_path / "g.tsv"
    written = export_glossary(tmp_db, path, "tsv", status="all")
    fresh = open_db(tmp_path / "fresh.db")
    import_glossary(fresh, path)

    def terms(db):
        return {e.terms_in("zh")[0].text: sorted((t.lang, t.text, t.status, t.type) for t in e.terms)
                for e in iter_entries(db) if e.terms_in("zh") and e.terms_in("en")}

    before, after = terms(tmp_db), terms(fresh)
    assert len(before) >= 5 and after == before
    # one language pair per OmegaT file: the Icelandic-English entry is left out, not written with its
    # Icelandic as the source (it came back as Chinese), and the count says so (the Chinese-only one too)
    assert written == len(before) == _count(fresh) == _count(tmp_db) - 2
    assert any(status in ("deprecated", "forbidden") for ts in after.values() for _, _, status, _ in ts)

    def fields(db):  # a note's line breaks too: the one-line comment writes them as \n
        return {e.terms_in("zh")[0].text: (e.status, e.category, e.note)
                for e in iter_entries(db) if e.terms_in("zh") and e.terms_in("en")}

    assert {zh: fields(fresh)[zh] for zh in before} == fields(tmp_db)
    assert fields(fresh)["一带一路"][2] == "Line one.\nLine two & more <tags>."
    again = import_glossary(fresh, path)
    assert (again.added, again.merged) == (0, 0)
    fresh.close()


def _rich_round_trip(tmp_db, tmp_path, fmt: str):
    """The rich termbase exported with --status all to all.`fmt` and imported into a fresh termbase (returned)."""
    _rich_termbase(tmp_db)
    path = tmp_path / f"all.{fmt}"
    export_glossary(tmp_db, path, fmt, status="all")
    fresh = open_db(tmp_path / "fresh.db")
    import_glossary(fresh, path)
    return fresh


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_spreadsheet_round_trip_keeps_term_types_statuses_and_fields(tmp_db, tmp_path, fmt):
    """Export to CSV or Excel, import into a fresh termbase: an acronym comes back an acronym (it came back
    an ordinary admitted variant), a superseded or forbidden rendering keeps its status (all came back
    deprecated), and a term's part of speech, context, source and note and the entry's source come back
    (all were lost), and so does a Traditional preferred spelling beside an admitted Simplified one (the
    zh-CN cell's first term read as preferred; a `zh preferred` column says otherwise)."""
    fresh = _rich_round_trip(tmp_db, tmp_path, fmt)
    path = tmp_path / f"all.{fmt}"

    def carried(db):
        return {min(t.text for t in e.terms): (
            e.status, e.category, e.note, e.definition, e.source,
            sorted((t.lang, t.text, t.status, t.type, t.script, t.source, t.part_of_speech, t.context, t.note, t.exact)
                   for t in e.terms)) for e in iter_entries(db)}

    before, after = carried(tmp_db), carried(fresh)
    assert after == before
    assert [t[1:3] for t in after["State Council"][5]] == [("State Council", "preferred"), ("国务院", "admitted"),
                                                           ("國務院", "preferred")]
    assert ("en", "HKMA", "admitted", "acronym") in [t[:4] for t in after["HKMA"][5]]
    again = import_glossary(fresh, path)
    assert (again.added, again.merged) == (0, 0)
    fresh.close()
    if fmt == "csv":
        header = path.read_text(encoding="utf-8-sig").splitlines()[0]
        assert header == ("zh-CN,en,is,zh-Hant,status,category,note,definition,zh-CN deprecated,en deprecated,"
                          "is deprecated,zh-Hant deprecated,en superseded,en forbidden,en acronym,zh-CN abbreviation,"
                          "zh-CN part of speech,en part of speech,zh-CN context,en context,zh-CN source,en note,"
                          "zh preferred,entry source")


def test_a_status_edited_in_excel_that_the_merge_keeps_is_reported(tmp_db, tmp_path):
    """Export, deprecate a rendering in Excel, import into the same termbase: an approved entry keeps its
    decisions, so the rendering stays admitted, and the report said only "1 merged"; it now says which
    status was kept and where. A new rendering of the edit is added; re-importing the export reports nothing."""
    from openpyxl import load_workbook

    _rich_termbase(tmp_db)
    path = tmp_path / "all.xlsx"
    export_glossary(tmp_db, path, "xlsx", status="all")
    assert import_glossary(tmp_db, path).lines()[1:] == []
    workbook = load_workbook(path)
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "外防输入")
    sheet.cell(row, header.index("en") + 1).value = "import prevention|guarding against importation"
    sheet.cell(row, header.index("en deprecated") + 1).value = "guarding against imported cases|preventing imported cases"
    workbook.save(tmp_path / "edited.xlsx")
    report = import_glossary(tmp_db, tmp_path / "edited.xlsx")
    assert (report.merged, report.kept) == (1, 1)
    assert report.lines()[1] == ("  kept 1 term status the file gives otherwise (reviewed entries keep their decisions; "
                                 f"first at row {row}: 'preventing imported cases' stays admitted, the file says deprecated)")
    entry = next(e for e in iter_entries(tmp_db) if e.terms_in("zh")[:1] and e.terms_in("zh")[0].text == "外防输入")
    assert {t.text: t.status for t in entry.terms_in("en")} == {
        "import prevention": "preferred", "preventing imported cases": "admitted",
        "guarding against imported cases": "deprecated", "guarding against importation": "admitted"}


@pytest.mark.parametrize("fmt", ["tbx", "tbx3"])
def test_tbx_round_trip_keeps_candidate_and_rejected_entries_as_they_were(tmp_db, tmp_path, fmt):
    """`export --status all` to TBX and back: a rejected entry must not come back approved (TBX-Basic has
    no entry status; a note carries it, and the approved entries carry none)."""
    fresh = _rich_round_trip(tmp_db, tmp_path, fmt)
    path = tmp_path / f"all.{fmt}"

    def statuses(db):
        return sorted((min(t.text for t in e.terms), e.status, e.note) for e in iter_entries(db))

    assert statuses(fresh) == statuses(tmp_db)
    assert {status for _, status, _ in statuses(fresh)} == {"approved", "candidate", "rejected"}
    assert path.read_text(encoding="utf-8").count("<note>entry status: ") == 3  # 2 candidates, 1 rejected
    fresh.close()


def test_notes_shared_by_two_glossaries_are_kept_once(tmp_db):
    """The project's v2 and V4-style TBX fixtures describe one concept with notes that share lines
    ("customerSubset: ACME"): importing both keeps each line once, in the order first seen."""
    own = shared("tbx", "fixtures-own")
    import_glossary(tmp_db, own / "zh-en_TBX-Basic_V4-style_rich.tbx")
    first = next(iter_entries(tmp_db)).note
    import_glossary(tmp_db, own / "zh-en_TBX-Basic_v2_rich.tbx")
    [entry] = list(iter_entries(tmp_db))
    lines = entry.note.splitlines()
    assert entry.note.startswith(first) and len(lines) == len(set(lines))
    assert "customerSubset: ACME" in lines


def test_export_and_import_leave_stderr_empty_when_it_is_no_terminal(tmp_db, tmp_path):
    """A progress bar is for a terminal: in a log or a pipe the commands print nothing on stderr (it
    left a blank line there after every export and import)."""
    import subprocess
    import sys

    _rich_termbase(tmp_db)
    db_path = tmp_db.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / "g.tbx"
    for args in (["export", str(out)], ["import", str(out), "--dry-run"]):
        done = subprocess.run([sys.executable, "-m", "glossary.cli", "--db", db_path, *args],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and done.stdout.strip() and done.stderr == "", (args, done.stderr)


def test_a_jsonl_value_of_the_wrong_type_is_an_error_naming_line_and_key(tmp_db, tmp_path):
    """A hand-edited JSONL line with a value of the wrong type was stored as it came or crashed the import:
    `"sources": "<name>"` gave the entry one source per character, `"exact": "no"` made the term exact,
    `"note": 5` ended in a TypeError traceback. Now it is refused, naming the line and the key, and
    nothing is written."""
    import json

    import_glossary(tmp_db, shared("tbx", "fixtures-own", "zh-en_TBX-Basic_v2_rich.tbx"), "tbx")
    good = tmp_path / "good.jsonl"
    export_glossary(tmp_db, good, "jsonl", status="all")
    row = json.loads(good.read_text(encoding="utf-8").splitlines()[0])
    edits = ((dict(row, sources="zh-en_TBX-Basic_v2_rich.tbx"), '"sources" is not a list of texts'),
             (dict(row, terms=[dict(t, exact="no") for t in row["terms"]]), 'term 1: "exact" is not true or false'),
             (dict(row, note=5), '"note" is not text'),
             (dict(row, terms=[dict(t, text=5) for t in row["terms"]]), 'term 1: "text" is missing or not text'))
    fresh = open_db(tmp_path / "fresh.db")
    for edited, problem in edits:
        path = tmp_path / "edited.jsonl"
        path.write_text(json.dumps(row, ensure_ascii=False) + "\n" + json.dumps(edited, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        with pytest.raises(FormatError) as caught:
            import_glossary(fresh, path, "jsonl")
        assert caught.value.message == f"{path}: line 2: not a glossary entry ({problem})"
        assert status_counts(fresh) == {"candidate": 0, "approved": 0, "rejected": 0}
