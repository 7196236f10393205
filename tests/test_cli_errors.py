"""Errors from the operating system and odd inputs reach the user as one line, never a traceback."""

import os

from click.testing import CliRunner

from conftest import EXAMPLES
from db import open_db
from glossary.cli import cli


def run(db_path, *args):
    return CliRunner().invoke(cli, ["--db", str(db_path), *map(str, args)])


def test_file_name_that_is_not_utf8_is_ingested(db_path, tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    name = os.fsdecode(b"report-\xff.txt")
    (folder / name).write_text("The office held exchanges with partner cities.\n", encoding="utf-8")
    result = run(db_path, "ingest", folder)
    assert result.exit_code == 0, result.output
    db = open_db(db_path)
    assert [r[0] for r in db.execute("SELECT name FROM documents")] == ["report-\ufffd.txt"]


def test_unwritable_output_is_one_line(db_path, tmp_path):
    result = run(db_path, "align", EXAMPLES / "jiangzhou-fao-2023-work-summary.txt", "-o", tmp_path / "no" / "a.tmx")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "No such file or directory" in result.output


def test_binary_gold_file_is_one_line(db_path, tmp_path):
    assert run(db_path, "ingest", EXAMPLES).exit_code == 0
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b"\x00\xff\xfe binary")
    result = run(db_path, "eval", "--gold", gold)
    assert result.exit_code == 1 and "not UTF-8 text" in result.output
    assert "Traceback" not in result.output


def test_export_requests_that_cannot_be_done_as_asked_are_usage_errors(db_path, tmp_path):
    """An output name whose format cannot be told, or a workbook sent to standard output, is a usage
    error (exit 2, one line with the fix) like click's own, not an input error (exit 1): no file was bad."""
    assert run(db_path, "ingest", EXAMPLES).exit_code == 0
    unknown = run(db_path, "export", tmp_path / "terms.foo")
    assert unknown.exit_code == 2
    assert unknown.output == (f"glossary: error: {tmp_path / 'terms.foo'}: cannot tell the format from the extension; "
                              "give --format (tbx|tbx3|csv|tsv|xlsx|jsonl) (see glossary export --help)\n")
    no_name = run(db_path, "export", "-")
    assert (no_name.exit_code, no_name.output) == (2, "glossary: error: standard output (-) has no extension; give "
                                                      "--format (tbx|tbx3|csv|tsv|xlsx|jsonl) (see glossary export --help)\n")
    to_stdout = run(db_path, "export", "-", "--format", "xlsx")
    assert (to_stdout.exit_code, to_stdout.output) == (
        2, "glossary: error: xlsx cannot go to stdout; give a file name (see glossary export --help)\n")
    assert not (tmp_path / "terms.foo").exists()


def test_a_failed_command_or_a_dry_run_leaves_no_new_termbase_behind(tmp_path):
    """`--db new.db` with a bad input or a dry run: the command created new.db and left it behind, empty
    (an import that said "nothing would be written" had written a termbase file); now it is removed.
    A termbase that existed before is kept, and one the command filled stays."""
    from conftest import shared

    tbx = shared("tbx", "fixtures-own")
    fresh = tmp_path / "new.db"
    for args in (["import", tmp_path / "gone.tbx"], ["import", shared("tbx", "v3", "samples", "ltac-test-files",
                                                                      "poorly_formed_xml.tbx")],
                 ["import", tbx / "zh-en_TBX-Basic_v2_rich.tbx", "--dry-run"],
                 ["mine", EXAMPLES / "demo-gold.jsonl"], ["ingest", tmp_path / "gone.txt"]):
        result = run(fresh, *args)
        assert result.exit_code == (0 if "--dry-run" in args else 1), (args, result.output)
        assert sorted(tmp_path.iterdir()) == [], args
    assert run(fresh, "import", tbx / "zh-en_TBX-Basic_v2_rich.tbx").exit_code == 0
    assert run(fresh, "import", tbx / "zh-en_TBX-Basic_v3_rich.tbx", "--dry-run").exit_code == 0
    assert fresh.exists() and "entries: 1" in run(fresh, "stats").output


def test_align_refuses_an_output_name_whose_format_it_cannot_write(db_path, tmp_path):
    """`align -o pairs.xlsx` wrote a TMX file under an Excel name; now it is a usage error (exit 2), and
    the name's extension picks the format it can write (.txt: TSV, no extension: TMX)."""
    doc = EXAMPLES / "jiangzhou-fao-2023-work-summary.txt"
    result = run(db_path, "align", doc, "-o", tmp_path / "pairs.xlsx")
    assert result.exit_code == 2 and not (tmp_path / "pairs.xlsx").exists()
    assert result.output == (f"glossary: error: {tmp_path / 'pairs.xlsx'}: cannot tell the format from the extension "
                             ".xlsx; name the output .tmx or .tsv, or give --format tmx|tsv (see glossary align --help)\n")
    assert run(db_path, "align", doc, "-o", tmp_path / "pairs.xlsx", "--format", "tsv").exit_code == 0
    assert run(db_path, "align", doc, "-o", tmp_path / "pairs.txt").exit_code == 0
    assert (tmp_path / "pairs.txt").read_text(encoding="utf-8").count("\t") > 10
    assert run(db_path, "align", doc, "-o", tmp_path / "pairs").exit_code == 0
    assert (tmp_path / "pairs").read_text(encoding="utf-8").startswith("<?xml")


def test_align_help_says_its_db_option_is_not_used(db_path, tmp_path):
    """`align --help` offered `--db FILE  Termbase file (default: ...)`, though align reads and writes only
    files; the option stays (every command takes it) but says it is not used, and a --db naming no
    termbase is not created by an alignment."""
    text = " ".join(CliRunner().invoke(cli, ["align", "--help"]).output.split())
    db_help = text.split("--db FILE", 1)[1].split("-o, --output", 1)[0]
    assert "Not used" in db_help and "Termbase file" not in db_help
    doc = EXAMPLES / "jiangzhou-fao-2023-work-summary.txt"
    assert run(db_path, "align", doc, "-o", tmp_path / "a.tmx").exit_code == 0 and not db_path.exists()


def test_stats_of_an_imported_glossary_says_it_holds_no_documents(tmp_path):
    """A termbase filled by `import` has no documents: stats printed an empty table and `categories: - 1`."""
    from conftest import shared

    db_path = tmp_path / "g.db"
    assert run(db_path, "import", shared("tbx", "fixtures-own", "zh-en_glossary_utf8bom.csv")).exit_code == 0
    result = run(db_path, "stats")
    assert result.output.splitlines() == [
        "entries: 2  candidate: 0  approved: 2  rejected: 0", "categories: none 2",
        "documents: none (`glossary mine FILE` adds bilingual documents)"]
    missing = run(tmp_path / "none.db", "stats")
    assert missing.exit_code == 1 and "(run `glossary mine` or `glossary import` first)" in missing.output


def test_an_empty_lookup_query_is_a_usage_error(db_path):
    """`glossary lookup ""` (an unset shell variable) answered "no match", exit 0, as if it had searched."""
    assert run(db_path, "ingest", EXAMPLES).exit_code == 0
    result = run(db_path, "lookup", " ")
    assert (result.exit_code, result.output) == (
        2, "glossary: error: the query is empty; give a term, pinyin or acronym to look up (see glossary lookup --help)\n")


def test_a_missing_input_file_is_one_line_and_exit_1_in_every_command(db_path, tmp_path):
    """mine, align and eval answered a missing file with click's four-line usage error, exit 2, while
    import, ingest and check said `glossary: error: FILE: no such file`, exit 1: now all say one line, 1."""
    assert run(db_path, "ingest", EXAMPLES).exit_code == 0
    gone = tmp_path / "gone.txt"
    for args in (["mine", gone], ["align", gone, "-o", tmp_path / "a.tmx"], ["eval", "--gold", gone],
                 ["import", gone], ["ingest", gone], ["check", "--source", gone, "--draft", gone]):
        result = run(db_path, *args)
        assert result.exit_code == 1, args
        assert result.output.startswith(f"glossary: error: {gone}: ") and "Usage:" not in result.output, args
        assert ("no such file" in result.output or "No such file" in result.output), args


def test_a_folder_given_for_a_file_is_one_line_with_exit_status_1(db_path, tmp_path):
    """A folder where a command wants one file (`import`, `eval --gold`, `align`, `check --source`,
    `export OUT`, `mine --pair`, `--db`) got click's usage message and exit status 2, as if the command
    line were mistyped; like a missing file it is a file that cannot be used: one line naming it, exit 1,
    the termbase unchanged."""
    from conftest import shared

    folder = shared("tbx", "fixtures-own")
    draft = shared("tbx", "fixtures-own", "bilingual", "zh-en_draft.tsv")
    assert run(db_path, "import", folder / "zh-en_TBX-Basic_v2_rich.tbx").exit_code == 0
    before = "\n".join(open_db(db_path).conn.iterdump())
    gold = shared("gold")
    for bad, args in ((folder, ["import", folder]), (gold, ["eval", "--gold", gold]),
                      (folder, ["align", folder, "-o", tmp_path / "a.tmx"]),
                      (folder, ["check", "--source", folder, "--draft", draft]), (folder, ["export", folder]),
                      (folder, ["mine", "--pair", folder, draft])):
        result = run(db_path, *args)
        assert (result.exit_code, result.output) == (1, f"glossary: error: {bad}: a folder, not a file\n"), args
    assert "\n".join(open_db(db_path).conn.iterdump()) == before
    result = CliRunner().invoke(cli, ["--db", str(folder), "stats"])
    assert (result.exit_code, result.output) == (1, f"glossary: error: {folder}: a folder, not a file\n")


def test_an_export_that_cannot_be_written_names_the_output_not_its_temporary_file(db_path):
    """The export is written to a temporary file beside OUT and moved into place; a folder that takes no
    new file (/proc) was reported as `/proc/.terms.tbx.kx78_ait: No such file or directory`, a name the
    user never gave."""
    from conftest import shared

    assert run(db_path, "import", shared("tbx", "fixtures-own", "zh-en_TBX-Basic_v2_rich.tbx")).exit_code == 0
    for name in ("terms.tbx", "terms.xlsx"):
        result = run(db_path, "export", f"/proc/{name}")
        assert result.exit_code == 1
        assert result.output.startswith(f"glossary: error: /proc/{name}: cannot write here (")
        assert result.output.count("\n") == 1


def test_a_binary_file_gets_no_hint_that_it_looks_like_a_text_format(db_path, tmp_path):
    """A compressed glossary under a .csv or .jsonl name was refused as binary, then told `(the content
    looks like tsv: give --format tsv)` because a tab byte happened to be among its first 4 kB; no text
    format fits a binary file, so no format is suggested."""
    import gzip

    from conftest import shared

    packed = gzip.compress(shared("tbx", "v3", "samples", "TBX-Basic_Example_Astronomy_DCT_VALID.tbx").read_bytes(),
                           mtime=0)
    assert b"\t" in packed[:4096]
    for name in ("terms.csv", "terms.jsonl"):
        (tmp_path / name).write_bytes(packed)
        result = run(db_path, "import", tmp_path / name)
        assert (result.exit_code, result.output) == (
            1, f"glossary: error: {tmp_path / name}: binary file (NUL byte at offset 3), not a text document\n")
