"""`glossary ingest` through click's CliRunner."""

import json

from click.testing import CliRunner

from db import open_db
from glossary.cli import cli

from conftest import shared


def run(db_path, *args):
    return CliRunner().invoke(cli, ["--db", str(db_path), "ingest", *map(str, args)])


def test_ingest_folder_summary_then_unchanged(db_path):
    result = run(db_path, shared("corpus"))
    assert result.exit_code == 0, result.output
    assert "4 added" in result.output
    assert "000_c78274c5c2d" in result.output and "related-links" in result.output
    again = run(db_path, shared("corpus"))
    assert again.exit_code == 0 and "4 unchanged" in again.output
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    assert db.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 17 + 37 + 71 + 10


def test_json_lines(db_path):
    result = run(db_path, "--json", shared("corpus", "003_94c3ed148f7d08a4.txt"))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 10
    assert all(list(r) == ["doc", "seq", "lang", "text", "original"] for r in rows)
    assert [r["seq"] for r in rows] == list(range(1, 11))
    assert rows[0]["doc"] == "003_94c3ed148f7d08a4.txt" and rows[0]["lang"] == "zh"
    assert rows[0]["text"] != rows[0]["original"]  # Simplified text, Traditional original
    assert rows[-1]["lang"] == "en" and rows[-1]["text"] == rows[-1]["original"]


def test_bad_files_reported_others_ingested(db_path, tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("市政府外办开展对外交流。\n\nThe office held exchanges.\n", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.htm").write_bytes(b"\x00\x01\x02" * 10)
    (tmp_path / "in" / "broken.md").write_bytes(b"ok " + bytes([0x80, 0xFF]) * 30)
    (tmp_path / "nothing").mkdir()
    result = run(db_path, tmp_path / "in", tmp_path / "missing.txt", tmp_path / "nothing")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("glossary: error:")]
    assert len(errors) == 5
    for name in ("missing.txt: no such file", "nothing: no ", "empty.txt: empty file", "binary.htm: binary",
                 "broken.md: undecodable bytes at offset 3"):
        assert any(name in e for e in errors), name
    assert "Traceback" not in result.output
    db = open_db(db_path)
    assert [r[0] for r in db.execute("SELECT name FROM documents")] == ["good.txt"]


def test_ctrl_c_mid_folder_keeps_whole_documents_only(db_path, monkeypatch):
    """Ctrl-C while the third file is half stored: the first two stay whole, the third leaves nothing."""
    import glossary.ingest as ingest

    class InterruptedReader(ingest.DocumentReader):
        def paragraphs(self):
            for index, paragraph in enumerate(super().paragraphs()):
                if self.name.startswith("002") and index == 5:
                    raise KeyboardInterrupt
                yield paragraph

    monkeypatch.setattr(ingest, "DocumentReader", InterruptedReader)
    result = run(db_path, shared("corpus"))
    assert result.exit_code == 130
    assert "interrupted" in result.output
    db = open_db(db_path)
    rows = db.execute(
        "SELECT d.name, count(p.id) FROM documents d JOIN paragraphs p ON p.document_id = d.id GROUP BY d.id ORDER BY d.name"
    ).fetchall()
    assert rows == [("000_c78274c5c2d54538.txt", 17), ("001_a95d0c3c2ca6a01e.txt", 37)]
    assert db.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 17 + 37


def test_ctrl_c_inside_a_store_rolls_that_document_back(db_path, monkeypatch):
    import db.documents as documents

    real = documents._insert_batched

    def interrupted(db, table, rows):
        if table == "dropped_lines":
            raise KeyboardInterrupt
        return real(db, table, rows)

    monkeypatch.setattr(documents, "_insert_batched", interrupted)
    result = run(db_path, shared("corpus", "000_c78274c5c2d54538.txt"))
    assert result.exit_code == 130
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 0


def test_output_cut_short_by_the_reader_ends_quietly(db_path):
    """`glossary ingest --json ... | head -1`: no 'Broken pipe' error line when the reader stops early."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "glossary.cli", "--db", str(db_path), "ingest", "--json",
                             str(shared("corpus", "002_723aec7c0dc06fa0.txt"))],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the first line (like `| head -0`): every write fails
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert stderr == "" and proc.returncode == 141
