"""Evaluation against gold pairs: GUIDELINE matching rules, loose pairs, core recall, bad files."""

from __future__ import annotations

import json

import pytest

from glossary.errors import InputError
from glossary.evaluate import entry_outputs, evaluate, load_gold
from glossary.models import Entry, Term


def write_gold(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


GOLD = [
    {"zh": "外防输入", "en": "import prevention", "en_variants": ["prevention of imported cases"],
     "zh_variants": ["外防輸入"], "core": True},
    {"zh": "上合组织", "en": "SCO", "en_variants": ["Shanghai Cooperation Organization"], "core": True},
    {"zh": "章勇武", "en": "Zhang Yongwu", "core": False},
    {"zh": "负总责", "en": "taking the overall responsibility", "core": False, "loose": True},
]


def entry(zh, *ens, status="candidate"):
    return Entry(terms=(Term("zh", zh), *(Term("en", e, "preferred" if i == 0 else "admitted") for i, e in enumerate(ens))),
                 status=status)


def test_matching_folds_script_case_articles_hyphens_and_quotes(tmp_path):
    gold = load_gold([write_gold(tmp_path / "g.jsonl", GOLD)])
    outputs = entry_outputs([
        entry("外防輸入", "“Import-Prevention”"),  # Traditional, quotes, case, hyphen
        entry("上合组织", "the Shanghai Cooperation Organization", "SCO"),
        entry("负总责", "taking the overall responsibility"),  # loose: not judged
        entry("国家", "country"),  # not a term: a false positive
    ])
    result = evaluate(outputs, gold)
    assert (result.outputs, result.true_positives, result.loose_hits) == (5, 3, 1)
    assert result.precision == pytest.approx(3 / 4)
    assert result.gold == 3 and result.found == 2 and result.recall == pytest.approx(2 / 3)
    assert result.core == 2 and result.core_recall == 1.0
    assert [g.zh for g in result.misses] == ["章勇武"]
    assert [(o.zh, o.en) for o in result.false_positives] == [("国家", "country")]


def test_english_must_match_the_same_concept(tmp_path):
    gold = load_gold([write_gold(tmp_path / "g.jsonl", GOLD)])
    result = evaluate(entry_outputs([entry("外防输入", "SCO")]), gold)
    assert result.true_positives == 0 and result.found == 0


def test_bad_gold_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"zh": "甲", "en": "a"}\n{"zh": "乙"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl: line 2"):
        load_gold([path])


def test_guessed_categories_are_scored_on_the_correct_pairs(tmp_path):
    from conftest import shared

    gold = load_gold([shared("gold", "001_a95d0c3c2ca6a01e.jsonl")])
    rows = [g for g in gold if g.category and not g.loose][:10]
    entries = [Entry(terms=(Term("zh", g.zh), Term("en", g.en)), category=g.category if i % 2 else "domain")
               for i, g in enumerate(rows)]
    result = evaluate(entry_outputs(entries), gold)
    assert result.categorized == 10
    assert result.category_agrees == 5 + sum(1 for i, g in enumerate(rows) if i % 2 == 0 and g.category == "domain")
    assert result.as_dict()["category_accuracy"] == round(result.category_agrees / 10, 4)


def test_eval_reads_every_gold_file_a_shell_glob_gives_after_one_gold_option(tmp_path):
    """README's `glossary eval --gold gold/*.jsonl`: the shell passes the files after one --gold."""
    from click.testing import CliRunner
    from conftest import shared

    from db import open_db
    from db.entries import add_entry
    from glossary.cli import cli

    files = sorted(shared("gold").glob("*.jsonl"))
    db_path = tmp_path / "g.db"
    db = open_db(db_path)
    add_entry(db, entry("外防输入", "import prevention"))
    db.close()
    together = CliRunner().invoke(cli, ["--db", str(db_path), "eval", "--json", "--gold", *map(str, files)])
    assert together.exit_code == 0, together.output
    repeated = CliRunner().invoke(cli, ["--db", str(db_path), "eval", "--json",
                                        *(arg for f in files for arg in ("--gold", str(f)))])
    assert json.loads(together.output) == json.loads(repeated.output)
    one = CliRunner().invoke(cli, ["--db", str(db_path), "eval", "--json", "--gold", str(files[0])])
    assert json.loads(together.output)["gold"] > json.loads(one.output)["gold"] > 0


def test_a_gold_line_of_the_wrong_shape_or_a_file_without_pairs_is_one_error_naming_it(tmp_path):
    """A real gold line edited by hand (`"en_variants": null`, a number for "zh", a JSON list) ended in a
    TypeError traceback; a gold file without a pair scored 0/0 and exited 0. Each is now an InputError
    naming the file, the line and what is wrong."""
    from conftest import shared

    row = json.loads(shared("gold", "001_a95d0c3c2ca6a01e.jsonl").read_text(encoding="utf-8").splitlines()[0])
    path = tmp_path / "edited.jsonl"
    for line, problem in ((dict(row, en_variants=None), '"en_variants" is not a list of texts'),
                          (dict(row, zh=5), '"zh" is not text'),
                          ({k: v for k, v in row.items() if k != "en"}, 'no "en"'),
                          ([row["zh"], row["en"]], "a JSON list, not an object")):
        path.write_text(json.dumps(row, ensure_ascii=False) + "\n" + json.dumps(line, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        with pytest.raises(InputError) as caught:
            load_gold([path])
        assert caught.value.message == f"{path}: line 2: not a gold pair ({problem})"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"edited.jsonl: no gold pairs"):
        load_gold([path])


def test_a_gold_file_saved_with_a_byte_order_mark_is_read(tmp_path):
    """Windows editors save UTF-8 with a BOM; its first line was refused as `not a gold pair (Unexpected
    UTF-8 BOM ...)`. The BOM is skipped, as in every other file glossary reads."""
    from conftest import shared

    original = shared("gold", "000_c78274c5c2d54538.jsonl")
    with_bom = tmp_path / "000.jsonl"
    with_bom.write_bytes(b"\xef\xbb\xbf" + original.read_bytes())
    expected = load_gold([original])
    assert len(expected) > 100
    assert [(g.zh, g.en, g.en_keys) for g in load_gold([with_bom])] == [(g.zh, g.en, g.en_keys) for g in expected]
