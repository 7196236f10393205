"""`glossary check` end to end: every input format, --json, --fail-on, bad input, and a termbase left untouched."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import shared

from glossary.cli import cli
from glossary.models import Entry, Term

BILINGUAL = shared("tbx", "fixtures-own", "bilingual")
FIXTURES = sorted(BILINGUAL.iterdir())


@pytest.fixture
def termbase(tmp_path):
    """数据库 → database (approved, "data base" deprecated); 重试 → "try again" (approved)."""
    from db import open_db
    from db.entries import add_entry

    path = tmp_path / "glossary.db"
    db = open_db(path)
    add_entry(db, Entry((Term("zh", "数据库"), Term("zh", "資料庫", status="admitted"), Term("en", "database"),
                         Term("en", "DB", status="admitted", type="abbreviation"),
                         Term("en", "data base", status="deprecated")), status="approved"))
    add_entry(db, Entry((Term("zh", "重试"), Term("en", "try again")), status="approved"))
    db.close()
    return path


def run(termbase, *args):
    return CliRunner().invoke(cli, ["--db", str(termbase), "check", *map(str, args)])


@pytest.mark.parametrize("draft", FIXTURES, ids=[p.name for p in FIXTURES])
def test_every_bilingual_fixture_reports_the_deprecated_rendering(termbase, draft):
    result = run(termbase, draft, "--json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    found = {(f["kind"], f["found"]) for f in report["findings"]}
    assert ("deprecated", "data base") in found
    has_retry = "xliff" in draft.name  # only the XLIFF fixtures hold the "click to retry" segment
    assert (("unapproved", "retry") in found) == has_retry  # 重试 is translated, not as the glossary says
    assert report["counts"]["error"] == 1 and report["failed"] is True
    strict = json.loads(run(termbase, draft, "--json", "--strict").output)
    assert (("missing", "") in {(f["kind"], f["found"]) for f in strict["findings"]}) == has_retry
    assert strict["counts"]["error"] == 1 + has_retry
    deprecated = next(f for f in report["findings"] if f["kind"] == "deprecated")
    target = next(s for s in deprecated["spans"] if s["side"] == "target")
    assert deprecated["target"][target["start"]:target["end"]] == "data base"
    assert deprecated["expected"] == "database" and deprecated["source_term"] == "数据库"


# Inline codes put inside a word, by the format's (or the tool's) own codes: "{a}" and "{b}" are the word's
# two halves; True marks formatting (which may also stand inside a Chinese word), False a placeholder.
XLIFF12, XLIFF20, TMX = "zh-en_draft.xliff12.xlf", "zh-en_draft.xliff20.xlf", "zh-en_draft.tmx14b.tmx"
CODES_IN_A_WORD = [
    (XLIFF12, ".xlf", '{a}<x id="9"/>{b}', False), (XLIFF12, ".xlf", '{a}<bx id="9"/>{b}<ex id="9"/>', True),
    (XLIFF12, ".sdlxliff", '{a}<x id="9"/>{b}', False), (XLIFF12, ".sdlxliff", '<g id="9">{a}</g>{b}', True),
    (XLIFF12, ".mqxliff", '{a}<ph id="9">&lt;br/&gt;</ph>{b}', False),
    (XLIFF12, ".mqxliff", '{a}<bpt id="9">&lt;b&gt;</bpt>{b}<ept id="9">&lt;/b&gt;</ept>', True),
    (XLIFF20, ".xlf", '{a}<ph id="9"/>{b}', False), (XLIFF20, ".xlf", '<pc id="9">{a}</pc>{b}', True),
    (XLIFF20, ".xlf", '{a}<sc id="9"/>{b}<ec startRef="9"/>', True),
    (TMX, ".tmx", '{a}<ph x="9">&lt;br/&gt;</ph>{b}', False), (TMX, ".tmx", '<hi>{a}</hi>{b}', True),
    (TMX, ".tmx", '{a}<it pos="begin">&lt;i&gt;</it>{b}', True),
    (TMX, ".tmx", '{a}<bpt i="9">&lt;b&gt;</bpt>{b}<ept i="9">&lt;/b&gt;</ept>', True),
]


@pytest.mark.parametrize("name, suffix, code, formatting", CODES_IN_A_WORD)
def test_an_inline_code_inside_a_word_does_not_split_it(termbase, tmp_path, name, suffix, code, formatting):
    """The bilingual fixture with codes put inside words gives the findings of the fixture itself: "data<x/>base"
    is "database" (no deprecated "data base"), "da<x/>ta base" still the deprecated rendering, at the same
    offsets; formatting on part of a Chinese word (数<g>据</g>库已损坏) keeps the word whole."""
    text = (BILINGUAL / name).read_text(encoding="utf-8")
    assert text.count(">database<") == text.count("The data base") == 1 and ">数据库已损坏" in text
    changed = text.replace(">database<", ">" + code.format(a="data", b="base") + "<")
    changed = changed.replace("The data base", "The " + code.format(a="da", b="ta") + " base")
    if formatting:
        changed = changed.replace(">数据库已损坏", ">" + code.format(a="数", b="据库") + "已损坏")
    draft = tmp_path / ("draft" + suffix)
    draft.write_text(changed, encoding="utf-8")
    expected = fixture_findings(termbase, name)
    assert [f["kind"] for f in expected] == ["deprecated"] + ["unapproved"] * ("xliff" in name)
    assert findings(termbase, draft) == expected


def findings(termbase, draft) -> list[dict]:
    """The findings of a draft as --json gives them, without their line in the file."""
    return [{k: v for k, v in f.items() if k != "line"} for f in json.loads(run(termbase, draft, "--json").output)["findings"]]


_fixture_findings: dict[str, list[dict]] = {}


def fixture_findings(termbase, name: str) -> list[dict]:
    """findings() of a bilingual fixture, once per fixture (the termbase fixture is always the same)."""
    if name not in _fixture_findings:
        _fixture_findings[name] = findings(termbase, BILINGUAL / name)
    return _fixture_findings[name]


def test_table_output_groups_findings_by_kind(termbase):
    result = run(termbase, BILINGUAL / "zh-en_draft.xliff12.xlf")
    assert result.exit_code == 1
    assert "Unapproved renderings (1)" in result.output and "Deprecated renderings (1)" in result.output
    assert result.output.index("Unapproved renderings") < result.output.index("Deprecated renderings")
    assert "3 segments checked against 2 entries (2 approved): 1 error, 1 warning" in " ".join(result.output.split())


def test_missing_terms_table_has_no_empty_found_column(termbase, tmp_path):
    draft = tmp_path / "draft.tsv"
    draft.write_text("数据库已损坏。\tThe repository is corrupt.\n数据库已损坏。\tThe data base is corrupt.\n",
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(termbase), "check", "--strict", str(draft)], terminal_width=120)
    tables = result.output.split("Deprecated renderings")
    assert "Missing terms (1)" in tables[0] and "expected" in tables[0] and "found" not in tables[0]
    assert "found" in tables[1] and "data base" in tables[1]


def test_a_glossary_of_candidates_only_says_that_no_missing_terms_were_looked_for(tmp_path):
    """A freshly mined termbase has no approved entry: a clean-looking report must say why."""
    from db import open_db
    from db.entries import add_entry

    path = tmp_path / "mined.db"
    db = open_db(path)
    add_entry(db, Entry((Term("zh", "数据库"), Term("en", "database")), status="candidate"))
    db.close()
    draft = tmp_path / "draft.tsv"
    draft.write_text("数据库已损坏。\tThe repository is corrupt.\n", encoding="utf-8")
    result = run(path, draft)
    text = " ".join(result.output.split())
    assert result.exit_code == 0 and "checked against 1 entry (0 approved): 0 errors" in text
    assert "no entry is approved: missing terms are looked for only for approved entries" in text


def test_fail_on_levels(termbase, tmp_path):
    warning_only = tmp_path / "draft.tsv"
    warning_only.write_text("数据库\tthe database 数据\n", encoding="utf-8")
    assert run(termbase, warning_only).exit_code == 0
    assert run(termbase, warning_only, "--fail-on", "warning").exit_code == 1
    assert run(termbase, BILINGUAL / "zh-en_draft.tsv", "--fail-on", "never").exit_code == 0
    clean = tmp_path / "clean.tsv"
    clean.write_text("数据库\tthe database\n", encoding="utf-8")
    result = run(termbase, clean, "--fail-on", "info", "--json")
    assert result.exit_code == 0 and json.loads(result.output)["findings"] == []


def test_check_never_writes_to_the_termbase(termbase):
    for suffix in ("-wal", "-shm"):
        assert not termbase.with_name(termbase.name + suffix).exists()
    before = (hashlib.sha256(termbase.read_bytes()).hexdigest(), termbase.stat().st_mtime_ns)
    for draft in FIXTURES:
        run(termbase, draft)
    assert (hashlib.sha256(termbase.read_bytes()).hexdigest(), termbase.stat().st_mtime_ns) == before
    for suffix in ("-wal", "-shm"):  # nothing left beside it either (a read-only connection leaves both)
        assert not termbase.with_name(termbase.name + suffix).exists()


def test_check_works_on_a_read_only_termbase(termbase, tmp_path):
    copy = tmp_path / "ro.db"
    shutil.copy(termbase, copy)
    copy.chmod(0o444)
    try:
        assert run(copy, BILINGUAL / "zh-en_draft.tsv").exit_code == 1
    finally:
        copy.chmod(0o644)


@pytest.mark.parametrize("name, content, message", [
    ("bad.xlf", '<xliff version="1.2"><file><body><trans-unit id="1"><source>数据库</target>',
     "bad.xlf: line 1, column"),
    ("bad.tsv", "数据库\tdatabase\n数据库 database\n", "bad.tsv: line 2: no tab"),
    ("swapped.tsv", "database\t数据库\n", "swapped.tsv: the target text is Chinese"),
    ("chinese.tsv", "数据库\t数据库已损坏\n", "the target text is Chinese"),
    ("empty.tsv", "数据库\t\n重试\t \n", "empty.tsv: no segment has a target"),
    ("bytes.tsv", b"abc\tdef\n\xff\xfe\xfa\xff\tx\n", "bytes.tsv: undecodable bytes at offset 8"),
    ("draft.docx", b"PK\x03\x04binary", "draft.docx: unknown draft format"),
])
def test_bad_input_is_one_clear_line(termbase, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = run(termbase, path)
    assert result.exit_code == 1
    assert result.output.startswith("glossary: error: ") and message in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_missing_termbase_and_missing_draft(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "check", str(BILINGUAL / "zh-en_draft.tsv")])
    assert result.exit_code == 1 and "no such glossary database" in result.output
    assert not (tmp_path / "none.db").exists()

@pytest.mark.parametrize("args, message", [
    (["--source", "zh.txt"], "--source needs the English draft: --source ZH.txt --draft EN.txt"),
    (["a.tsv", "--draft", "b.txt"], "give the draft either as an argument or with --draft, not both"),
    ([], "no draft given: glossary check DRAFT.tsv|.xlf|.tmx, or --source ZH.txt --draft EN.txt"),
    ([str(BILINGUAL / "zh-en_draft.tsv"), str(BILINGUAL / "zh-en_draft.tmx14b.tmx"), "--source", "zh.txt"],
     "--source/--draft take one plain-text pair; give bilingual files without them"),
])
def test_usage_errors_exit_2_with_one_line_before_the_termbase_is_opened(tmp_path, args, message):
    """Options that do not go together are usage errors: exit 2 as click's own (the README's promise; a
    missing --draft exited 1 like a broken file), one line naming the fix, and no termbase opened."""
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "check", *args])
    assert result.exit_code == 2
    assert result.output == f"glossary: error: {message} (see glossary check --help)\n"
    assert not (tmp_path / "none.db").exists()

def test_a_tbx_glossary_given_as_a_draft_points_to_import(termbase):
    result = run(termbase, shared("tbx", "fixtures-own", "zh-en_TBX-Basic_v2_rich.tbx"))
    assert result.exit_code == 1
    assert result.output.endswith(": an XML file that is neither XLIFF nor TMX (a TBX glossary: bring it in with "
                                  "`glossary import`)\n")


def test_several_drafts_in_one_run_for_pre_commit(termbase, tmp_path):
    clean = tmp_path / "clean.tsv"
    clean.write_text("数据库\tthe database\n", encoding="utf-8")
    result = run(termbase, clean, "--json")
    assert result.exit_code == 0
    result = run(termbase, clean, BILINGUAL / "zh-en_draft.tsv", "--json")
    assert result.exit_code == 1
    reports = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["draft"], r["failed"]) for r in reports] == [(str(clean), False), (str(BILINGUAL / "zh-en_draft.tsv"), True)]

@pytest.mark.parametrize("draft", FIXTURES, ids=[p.name for p in FIXTURES])
def test_glossary_imported_from_tbx_checks_every_bilingual_fixture(tmp_path, draft):
    """The project's own TBX fixture imported, then each draft checked: the second segment's "data base" is
    the approved "database" written open (reported missing before: a closed compound was not matched when
    split), and nothing else is wrong."""
    db_path = tmp_path / "tbx.db"
    imported = CliRunner().invoke(cli, ["--db", str(db_path), "import",
                                        str(shared("tbx", "fixtures-own", "zh-en_TBX-Basic_v2_rich.tbx"))])
    assert imported.exit_code == 0, imported.output
    report = json.loads(run(db_path, draft, "--json").output)
    assert (report["segments"], report["findings"]) == (3 if "xliff" in draft.name else 2, [])

def test_a_folder_of_drafts_and_empty_files(termbase, tmp_path):
    result = run(termbase, BILINGUAL, "--json")
    assert result.exit_code == 1
    assert sorted(json.loads(line)["draft"] for line in result.output.splitlines()) == sorted(map(str, FIXTURES))
    (tmp_path / "empty.xlf").write_bytes(b"")
    result = run(termbase, tmp_path / "empty.xlf")
    assert result.exit_code == 1 and result.output.strip() == f"glossary: error: {tmp_path / 'empty.xlf'}: empty file"
    empty_folder = tmp_path / "none"
    empty_folder.mkdir()
    result = run(termbase, empty_folder)
    assert result.exit_code == 1 and "no drafts in this folder" in result.output

def test_a_bad_draft_among_several_is_one_error_line_and_the_others_are_still_checked(termbase, tmp_path):
    """A folder (or a pre-commit run) holding one unreadable draft reports it, checks every other draft and
    exits 1; each draft is named by its path, so two files of one name in different folders stay apart."""
    folder = tmp_path / "drafts"
    shutil.copytree(BILINGUAL, folder / "a")
    (folder / "b").mkdir()
    shutil.copy(BILINGUAL / "zh-en_draft.tsv", folder / "b" / "zh-en_draft.tsv")
    (folder / "a" / "broken.tsv").write_text("数据库\tdatabase\n数据库 database\n", encoding="utf-8")
    (folder / "a" / "empty.xlf").write_bytes(b"")
    result = CliRunner().invoke(cli, ["--db", str(termbase), "check", "--json", str(folder), str(tmp_path / "gone.tsv")])
    assert result.exit_code == 1
    drafts = [json.loads(line)["draft"] for line in result.stdout.splitlines()]
    assert sorted(drafts) == sorted([str(folder / "a" / p.name) for p in FIXTURES] + [str(folder / "b" / "zh-en_draft.tsv")])
    assert result.stderr.splitlines() == [
        f"glossary: error: {folder / 'a' / 'broken.tsv'}: line 2: no tab between source and target",
        f"glossary: error: {folder / 'a' / 'empty.xlf'}: empty file",
        f"glossary: error: {tmp_path / 'gone.tsv'}: no such file"]

def test_tui_flag_opens_the_findings_on_the_check_screen(termbase, monkeypatch):
    opened = {}

    class FakeApp:
        def __init__(self, path, initial_screen):
            opened["path"], opened["screen"] = path, initial_screen()

        def run(self):
            opened["ran"] = True

    monkeypatch.setattr("tui.app.make_app", FakeApp)
    result = run(termbase, BILINGUAL / "zh-en_draft.tsv", BILINGUAL / "zh-en_draft.tmx14b.tmx", "--tui")
    assert result.exit_code == 1, result.output  # the exit status still reports the findings
    screen = opened["screen"]
    assert opened["ran"] and opened["path"] == termbase
    assert {i.kind for i in screen.issues} == {"deprecated"} and len(screen.issues) == 2
    assert "zh-en_draft.tsv" in screen.draft and "zh-en_draft.tmx14b.tmx" in screen.draft
    assert sorted(i.segment for i in screen.issues) == ["zh-en_draft.tmx14b.tmx:2", "zh-en_draft.tsv:2"]

def test_aligned_pairs_are_numbered_from_one(termbase, tmp_path):
    """`--source/--draft`: the first aligned pair is segment 1 (on line 1), as a translator counts."""
    source, draft = tmp_path / "zh.txt", tmp_path / "en.txt"
    source.write_text("数据库已损坏。\n\n请重试。\n", encoding="utf-8")
    draft.write_text("The data base is corrupt.\n\nPlease try again.\n", encoding="utf-8")
    report = json.loads(run(termbase, "--json", "--source", source, "--draft", draft).output)
    assert [(f["kind"], f["segment"], f["line"]) for f in report["findings"]] == [("deprecated", "1", 1)]

def test_a_bilingual_draft_given_with_draft_is_checked_as_bilingual(termbase, tmp_path):
    """`check --draft draft.xlf` reads the XLIFF (it was refused as an unsupported plain-text type);
    with --source it is one clear line: the XLIFF has its own source."""
    xliff = BILINGUAL / "zh-en_draft.xliff12.xlf"
    with_option = json.loads(run(termbase, "--json", "--draft", xliff).output)
    assert with_option == json.loads(run(termbase, "--json", xliff).output)
    assert with_option["kinds"].get("deprecated") == 1
    source = tmp_path / "zh.txt"
    source.write_text("数据库已损坏。\n", encoding="utf-8")
    result = run(termbase, "--source", source, "--draft", xliff)
    assert result.exit_code == 2  # a usage error
    assert result.output.strip() == (f"glossary: error: {xliff}: a bilingual draft holds its own source; check it "
                                     "without --source (see glossary check --help)")


def _hkma_paragraph(doc_id: str, number: int) -> tuple[str, str]:
    """(Chinese, English) of one paragraph of the HKMA annual reports."""
    with shared("external", "hkma-annual-reports", "paragraphs.tsv").open(encoding="utf-8") as rows:
        return next((zh, en.rstrip("\n")) for doc, para, zh, en in (row.split("\t") for row in rows)
                    if (doc, para) == (doc_id, str(number)))


def test_a_plain_source_or_draft_in_the_wrong_language_is_named_as_given(termbase, tmp_path, monkeypatch):
    """`--source/--draft` named the file by its name alone (`en.txt: ...`); like every other draft it is
    named by the path given, which tells apart two jobs' files of one name."""
    zh, en = _hkma_paragraph("hkma-ar-2017-02", 81)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job").mkdir()
    (tmp_path / "job" / "zh.txt").write_text(zh, encoding="utf-8")
    (tmp_path / "job" / "en.txt").write_text(en, encoding="utf-8")
    (tmp_path / "job" / "draft.txt").write_text(zh, encoding="utf-8")
    for source, draft, error in (("en.txt", "en.txt", "job/en.txt: no Chinese text in the source file"),
                                 ("zh.txt", "draft.txt", "job/draft.txt: the draft is Chinese, not English")):
        result = run(termbase, "--source", f"job/{source}", "--draft", f"job/{draft}")
        assert (result.exit_code, result.output) == (1, f"glossary: error: {error}\n")


XML_DRAFTS = [BILINGUAL / "zh-en_draft.tmx14b.tmx", BILINGUAL / "zh-en_draft.xliff12.xlf", BILINGUAL / "zh-en_draft.xliff20.xlf"]


@pytest.mark.parametrize("draft", XML_DRAFTS, ids=[p.name for p in XML_DRAFTS])
def test_a_tmx_or_xliff_whose_target_language_is_not_english_is_refused_naming_its_languages(termbase, tmp_path, draft):
    """The fixtures translate zh-CN into en-US. Declared French or German, they were checked as if English,
    silently; now it is one line naming the languages, exit 1. English of any region or spelling is English."""
    expected = json.loads(run(termbase, "--json", draft).output)["kinds"]
    assert expected.get("deprecated") == 1
    for lang in ("fr-FR", "de-DE", "en", "EN-GB", "en_gb"):
        path = tmp_path / f"{lang}{draft.suffix}"
        path.write_text(draft.read_text(encoding="utf-8").replace('"en-US"', f'"{lang}"'), encoding="utf-8")
        result = run(termbase, "--json", path)
        if lang.lower().startswith("en"):
            assert json.loads(result.output)["kinds"] == expected
        else:
            assert (result.exit_code, result.output) == (
                1, f"glossary: error: {path}: no English target (languages: zh-CN, {lang})\n")


def test_a_unit_of_a_multilingual_memory_without_english_is_empty_not_french(termbase, tmp_path):
    """A memory in several languages may lack English for some units: such a unit's French is no draft
    of English (it was checked as one); it is `empty`, and the file's English units are checked."""
    tmx = (BILINGUAL / "zh-en_draft.tmx14b.tmx").read_text(encoding="utf-8")
    path = tmp_path / "multi.tmx"
    path.write_text(tmx.replace('<tuv xml:lang="en-US"><seg>Back up', '<tuv xml:lang="fr-FR"><seg>Back up', 1),
                    encoding="utf-8")
    report = json.loads(run(termbase, "--json", path).output)
    assert [(f["segment"], f["kind"]) for f in report["findings"]] == [("1", "empty"), ("2", "deprecated")]
