"""The bundled demo corpus, its gold pairs, and `glossary demo`."""

import json

from click.testing import CliRunner

from conftest import EXAMPLES
from db import open_db
from glossary.cli import cli
from glossary.ingest import find_input_files, read_document
from glossary.keys import match_key

LAYOUTS = {
    "jiangzhou-fao-2023-work-summary.txt": "zh block, en block",
    "jiangzhou-government-work-report-2024.md": "interleaved",
    "jiangzhou-international-exchange-center.txt": "zh with partial en summary",
}


def test_demo_corpus_layouts():
    docs = {p.name: read_document(p) for p in find_input_files([EXAMPLES])}
    assert set(docs) == set(LAYOUTS)
    block = [p.lang for p in docs["jiangzhou-fao-2023-work-summary.txt"].paragraphs]
    assert block == ["zh"] * 8 + ["en"] * 8
    runs = "".join(p.lang[0] for p in docs["jiangzhou-government-work-report-2024.md"].paragraphs)
    assert runs.count("ze") >= 5 and runs.count("ez") >= 5  # headings and paragraphs alternate
    trad = docs["jiangzhou-international-exchange-center.txt"]
    assert trad.script == "Hant" and trad.count_by_lang() == {"zh": 6, "en": 2}
    assert {"keyword-spam", "related-links", "footer", "link-list", "dateline"} <= {d.reason for d in trad.dropped}
    assert all("(" not in p.original or "2024" in p.original for p in trad.paragraphs if p.lang == "zh")


def test_demo_gold_pairs_occur_in_their_documents():
    docs = {p.name: read_document(p) for p in find_input_files([EXAMPLES])}
    rows = [json.loads(line) for line in (EXAMPLES / "demo-gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len({(r["zh"], r["en"]) for r in rows}) >= 30
    for row in rows:
        doc = docs[row["doc"]]
        zh_keys = match_key("zh", " ".join(p.text for p in doc.paragraphs if p.lang == "zh"))
        en_text = " ".join(p.text for p in doc.paragraphs if p.lang == "en")
        assert match_key("zh", row["zh"]) in zh_keys, row["zh"]
        assert row["en"] in en_text, row["en"]
        assert row["category"] in {"org", "event", "program", "policy", "title", "document", "place", "person", "domain"}
        for acronym in row["en_variants"]:
            assert f"({acronym})" in en_text or acronym in en_text


def test_demo_command_builds_fresh_termbase(tmp_path):
    path = tmp_path / "demo.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["demo", "--db", str(path)])
    assert first.exit_code == 0, first.output
    assert "3 documents, 24 zh and 20 en paragraphs" in first.output
    assert "candidate entries" in first.output
    db = open_db(path)
    assert db.execute("SELECT count(*) FROM entries").fetchone()[0] >= 30
    assert db.execute("SELECT count(*) FROM segment_pairs").fetchone()[0] > 0
    db.close()
    again = runner.invoke(cli, ["--db", str(path), "demo"])  # a previous demo DB is rebuilt
    assert again.exit_code == 0, again.output
    db = open_db(path)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def test_demo_never_overwrites_a_real_termbase(tmp_path, monkeypatch):
    real = tmp_path / "work.db"
    runner = CliRunner()
    other = tmp_path / "report.txt"
    other.write_text("The office held exchanges with partner cities.\n", encoding="utf-8")
    assert runner.invoke(cli, ["--db", str(real), "ingest", str(other)]).exit_code == 0
    refused = runner.invoke(cli, ["demo", "--db", str(real)])
    assert refused.exit_code == 1 and "holds documents other than the demo corpus" in refused.output
    monkeypatch.setenv("GLOSSARY_DB", str(real))
    monkeypatch.setattr("glossary.commands.demo.default_demo_path", lambda: tmp_path / "default-demo.db")
    result = runner.invoke(cli, ["demo"])  # $GLOSSARY_DB is not the demo's target
    assert result.exit_code == 0, result.output
    assert (tmp_path / "default-demo.db").exists()
    assert open_db(real).execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_demo_rebuilds_a_demo_made_from_another_clone(tmp_path):
    """A demo termbase built from a clone elsewhere (other absolute paths) is still replaced."""
    import shutil

    path = tmp_path / "demo.db"
    other_clone = tmp_path / "elsewhere" / "examples"
    shutil.copytree(EXAMPLES, other_clone)
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(path), "ingest", str(other_clone)]).exit_code == 0
    result = runner.invoke(cli, ["demo", "--db", str(path), "--no-tui"])
    assert result.exit_code == 0, result.output
    db = open_db(path)
    paths = [r[0] for r in db.execute("SELECT path FROM documents")]
    db.close()
    assert len(paths) == 3 and not any("elsewhere" in p for p in paths)


def test_demo_help_says_where_its_termbase_is():
    """`demo --help` gave --db the other commands' text ("default: … $GLOSSARY_DB …"), which the demo
    ignores on purpose (test above): a user reading it would expect the demo to overwrite $GLOSSARY_DB."""
    runner = CliRunner()
    demo_db = next(o for o in runner.invoke(cli, ["demo", "--help"]).output.split("\n  -") if o.startswith("-db"))
    assert "demo.db" in demo_db and "$GLOSSARY_DB is ignored" in " ".join(demo_db.split())
    stats_db = next(o for o in runner.invoke(cli, ["stats", "--help"]).output.split("\n  -") if o.startswith("-db"))
    assert "$GLOSSARY_DB, or the user data folder" in " ".join(stats_db.split())
