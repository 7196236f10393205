"""CLI: glossary mine, align and eval."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from conftest import shared
from glossary.cli import cli as main


def corpus(prefix: str) -> str:
    return str(next(shared("corpus").glob(f"{prefix}_*.txt")))


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def test_mine_then_eval_against_gold(db_path):
    result = run("--db", str(db_path), "mine", corpus("003"), corpus("002"))
    assert result.exit_code == 0, result.output
    assert "documents: 2" in result.output and "Chinese only: 1" in result.output
    gold = str(shared("gold", "003_94c3ed148f7d08a4.jsonl"))
    result = run("--db", str(db_path), "eval", "--gold", gold, "--json", "--show")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["outputs"] > 0 and data["gold"] > 0 and 0 <= data["precision"] <= 1
    assert len(data["misses"]) == data["gold"] - data["found"]
    again = run("--db", str(db_path), "mine", corpus("003"))
    assert "already mined: 1" in again.output and "entries added: 0" in again.output


def test_eval_show_lists_misses_and_false_positives(db_path):
    run("--db", str(db_path), "mine", corpus("003"))
    result = run("--db", str(db_path), "eval", "--gold", str(shared("gold", "003_94c3ed148f7d08a4.jsonl")), "--show")
    assert result.exit_code == 0
    assert "precision" in result.output and "missed gold pairs" in result.output and "false positives" in result.output


def test_align_writes_tmx_and_tsv(tmp_path):
    out = tmp_path / "001.tmx"
    result = run("align", corpus("001"), "-o", str(out))
    assert result.exit_code == 0, result.output
    root = etree.parse(str(out), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)).getroot()
    assert root.tag == "tmx" and len(root.findall("body/tu")) > 10
    tsv = tmp_path / "001.tsv"
    assert run("align", corpus("001"), "-o", str(tsv), "--format", "tsv").exit_code == 0
    assert all(line.count("\t") == 1 for line in tsv.read_text(encoding="utf-8").splitlines())


def test_bad_input_is_one_line_error_and_leaves_the_termbase_alone(db_path, tmp_path):
    run("--db", str(db_path), "mine", corpus("003"))
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 100)
    result = CliRunner().invoke(main, ["--db", str(db_path), "mine", corpus("001"), str(bad)])
    assert result.exit_code == 1
    assert result.output.strip().startswith("glossary: error:") and "broken.txt" in result.output
    stats = json.loads(run("--db", str(db_path), "stats", "--json").output)
    assert [d["name"] for d in stats["documents"]] == ["003_94c3ed148f7d08a4.txt"]
    missing = CliRunner().invoke(main, ["--db", str(db_path), "eval", "--gold", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 1  # a file that cannot be read is an input error, as for import and check
    assert missing.output == f"glossary: error: {tmp_path / 'nope.jsonl'}: cannot read: No such file or directory\n"


def test_an_english_only_document_is_reported_as_having_no_chinese(db_path, tmp_path):
    from glossary.ingest import read_document

    english = [p.original for p in read_document(Path(corpus("000"))).paragraphs if p.lang == "en"]
    draft = tmp_path / "english.txt"
    draft.write_text("\n\n".join(english) + "\n", encoding="utf-8")
    result = run("--db", str(db_path), "mine", str(draft))
    assert result.exit_code == 0, result.output
    assert "Chinese only: 0, no Chinese: 1" in result.output and "entries added: 0" in result.output


def test_a_bad_file_in_a_folder_says_that_nothing_was_mined(db_path, tmp_path):
    """Mining is one transaction: a folder holding one unreadable file mines nothing, and the error
    line says so (it named only the file, as if the rest had gone in)."""
    import shutil

    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(corpus("003"), folder)
    (folder / "zz-empty.txt").write_bytes(b"")
    result = run("--db", str(db_path), "mine", str(folder))
    assert result.exit_code == 1
    assert result.output.strip() == (f"glossary: error: {folder / 'zz-empty.txt'}: empty file; nothing was mined "
                                     "(fix or leave out that file and run again)")
    from db import open_db

    assert open_db(db_path).execute("SELECT count(*) FROM entries").fetchone()[0] == 0


def test_ctrl_c_while_mining_keeps_nothing_of_the_run_and_says_so(db_path, monkeypatch):
    """Ctrl-C after the first of two documents is stored: the run is one transaction, so the termbase
    is as before it; the message said "completed files were kept", as for ingest, which was untrue."""
    import db.mining as mining

    run("--db", str(db_path), "mine", corpus("003"))
    real, stored = mining.store_mined_document, []

    def interrupted(db, mined):
        if stored:
            raise KeyboardInterrupt
        stored.append(real(db, mined))
        return stored[-1]

    monkeypatch.setattr(mining, "store_mined_document", interrupted)
    result = CliRunner().invoke(main, ["--db", str(db_path), "mine", "--workers", "1", corpus("000"), corpus("001")])
    assert result.exit_code == 130 and len(stored) == 1
    assert result.output == "glossary: interrupted; nothing of this run was kept, nothing half-written\n"
    stats = json.loads(run("--db", str(db_path), "stats", "--json").output)
    assert [d["name"] for d in stats["documents"]] == ["003_94c3ed148f7d08a4.txt"]


def split_languages(path: str, tmp_path: Path) -> tuple[Path, Path]:
    """A bilingual corpus document written as a Chinese file and an English file (as a translator keeps
    an original and its translation)."""
    from glossary.ingest import read_document

    paragraphs = read_document(path).paragraphs
    zh, en = tmp_path / "report-zh.txt", tmp_path / "report-en.txt"
    zh.write_text("\n\n".join(p.original for p in paragraphs if p.lang == "zh"), encoding="utf-8")
    en.write_text("\n\n".join(p.original for p in paragraphs if p.lang == "en"), encoding="utf-8")
    return zh, en


def exported_pairs(db_path) -> set[tuple[str, str]]:
    result = run("--db", str(db_path), "export", "-", "--format", "jsonl", "--status", "all")
    return {(e["zh"], e["en"]) for e in map(json.loads, result.output.splitlines())}


def test_a_chinese_file_and_its_translation_mine_as_one_document(tmp_path):
    zh, en = split_languages(corpus("000"), tmp_path)
    joined, paired = tmp_path / "joined.db", tmp_path / "paired.db"
    assert run("--db", str(joined), "mine", corpus("000")).exit_code == 0
    result = run("--db", str(paired), "mine", "--pair", str(zh), str(en))
    assert result.exit_code == 0, result.output
    assert "documents: 1 " in result.output and "entries added: 0" not in result.output
    assert exported_pairs(paired) == exported_pairs(joined)  # the same pairs as the bilingual file gives
    for again in ((zh, en), (en, zh)):  # the same two texts, in either order: mined already
        assert "already mined: 1" in run("--db", str(paired), "mine", "--pair", *map(str, again)).output
    assert run("--db", str(paired), "mine").exit_code == 2  # nothing to mine: a usage error
    tmx = tmp_path / "report.tmx"
    result = run("align", str(zh), str(en), "-o", str(tmx))
    assert result.exit_code == 0 and "38 aligned pairs" in result.output


def test_us_dollars_with_a_space_before_the_sign_mine_as_without(tmp_path):
    """HKMA's 2016 report: crude oil "rebounded to US$54 a barrel ... from a low of US$26" (每桶26美元低位).
    Written "US $54", the US stood as a word of its own: 美元 ↔ "US" and 美元低位 ↔ "low of US" were mined, and
    美国 ↔ US lost. A currency's letters before a spaced sign read as the glued US$ (its token, no word)."""
    from glossary.mine.tokens import en_tokens

    with shared("external", "hkma-annual-reports", "paragraphs.tsv").open(encoding="utf-8") as rows:
        zh, en = next(row.rstrip("\n").split("\t")[2:] for row in rows if row.startswith("hkma-ar-2016-00\t2\t"))
    spaced = en.replace("US$", "US $")
    assert en.count("US$") == 2 and "US $54 a barrel" in spaced
    assert [(t.word, t.stems) for t in en_tokens(spaced)] == [(t.word, t.stems) for t in en_tokens(en)]
    mined = []
    for name, text in (("glued", en), ("spaced", spaced)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / "zh.txt").write_text(zh, encoding="utf-8")
        db = str(tmp_path / f"{name}.db")
        assert run("--db", db, "mine", "--pair", str(tmp_path / "zh.txt"), str(tmp_path / f"{name}.txt")).exit_code == 0
        exported = run("--db", db, "export", "-", "--format", "jsonl", "--status", "all").output
        mined.append({(e["zh"], e["en"]) for e in map(json.loads, exported.splitlines())})
    assert mined[1] == mined[0]
    assert ("美国", "US") in mined[1] and not [pair for pair in mined[1] if pair[0].startswith("美元")]
