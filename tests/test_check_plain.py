"""Plain-text drafts: a Chinese source and its English draft aligned by the project's aligner, an
English-only draft, the unlisted-term option, and the 000 acceptance check on a mined glossary."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from click.testing import CliRunner
from conftest import EXAMPLES, shared

from glossary.cli import cli
from glossary.ingest import read_document
from glossary.keys import en_key
from glossary.models import Entry, Term

DEMO = EXAMPLES / "jiangzhou-fao-2023-work-summary.txt"


def split_languages(document, tmp_path):
    """The document's Chinese and English paragraphs as two plain files (source, draft)."""
    doc = read_document(document)
    source, draft = tmp_path / "source-zh.txt", tmp_path / "draft-en.txt"
    source.write_text("\n\n".join(p.original for p in doc.paragraphs if p.lang == "zh") + "\n", encoding="utf-8")
    draft.write_text("\n\n".join(p.original for p in doc.paragraphs if p.lang == "en") + "\n", encoding="utf-8")
    return source, draft


def gold(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def glossary_db(tmp_path, rows, statuses=None, extra=None):
    from db import open_db
    from db.entries import add_entry

    path = tmp_path / "glossary.db"
    db = open_db(path)
    for i, r in enumerate(rows):
        terms = [Term("zh", r["zh"]), *(Term("zh", v, status="admitted") for v in r["zh_variants"]),
                 Term("en", r["en"]), *(Term("en", v, status="admitted") for v in r["en_variants"])]
        terms += (extra or {}).get(i, [])
        add_entry(db, Entry(tuple(terms), status="approved", id=i + 1))
    db.close()
    return path


def check(db_path, *args):
    result = CliRunner().invoke(cli, ["--db", str(db_path), "check", "--json", *map(str, args)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def loosely_present(rendering: str, text: str) -> bool:
    return en_key(rendering) in en_key(text)


def test_demo_source_and_draft_are_aligned_and_errors_found_at_their_lines(tmp_path):
    rows = [r for r in gold(EXAMPLES / "demo-gold.jsonl") if r["doc"] == DEMO.name]
    source, draft = split_languages(DEMO, tmp_path)
    english = draft.read_text(encoding="utf-8")
    once = [i for i, r in enumerate(rows) if len(re.findall(re.escape(r["en"]), english)) == 1
            and not any(j != i and r["en"] in o["en"] for j, o in enumerate(rows)) and " " in r["en"]]
    deprecated, missing = once[:2]
    wrong = rows[deprecated]["en"].split()[0] + " Bureau"
    db_path = glossary_db(tmp_path, rows, extra={deprecated: [Term("en", wrong, status="deprecated")]})

    clean = check(db_path, "--source", source, "--draft", draft)
    assert clean["segments"] > 5
    assert not [f for f in clean["findings"] if f["kind"] in ("deprecated", "forbidden", "untranslated", "empty")]
    assert not [f for f in clean["findings"] if f["kind"] == "missing" and loosely_present(f["expected"], f["target"])]
    assert not [f for f in clean["findings"] if f["kind"] == "missing" and f["entry_id"] in (deprecated + 1, missing + 1)]

    edited = english.replace(rows[deprecated]["en"], wrong).replace(rows[missing]["en"], "it")
    draft.write_text(edited, encoding="utf-8")
    lines = {i: n for n, line in enumerate(edited.splitlines(), 1) for i in (deprecated, missing)
             if (wrong if i == deprecated else "it") in line and rows[i]["en"] not in line}
    report = check(db_path, "--source", source, "--draft", draft)
    new = [f for f in report["findings"] if f not in clean["findings"]]
    assert {(f["kind"], f["entry_id"]) for f in new} == {("deprecated", deprecated + 1), ("missing", missing + 1)}
    by_kind = {f["kind"]: f for f in new}
    assert by_kind["deprecated"]["found"] == wrong and by_kind["deprecated"]["expected"] == rows[deprecated]["en"]
    assert by_kind["deprecated"]["line"] in lines.values()
    assert report["failed"] is True


def test_english_only_draft_flags_a_forbidden_rendering_at_its_line(tmp_path):
    rows = [r for r in gold(EXAMPLES / "demo-gold.jsonl") if r["doc"] == DEMO.name]
    _, draft = split_languages(DEMO, tmp_path)
    english = draft.read_text(encoding="utf-8")
    target = next(i for i, r in enumerate(rows) if " " in r["en"] and r["en"] in english)
    forbidden = rows[target]["en"] + " Office"
    db_path = glossary_db(tmp_path, rows, extra={target: [Term("en", forbidden, status="forbidden")]})
    assert not [f for f in check(db_path, "--draft", draft)["findings"] if f["kind"] == "forbidden"]
    lines = english.splitlines()
    number = next(n for n, line in enumerate(lines, 1) if rows[target]["en"] in line)
    lines[number - 1] = lines[number - 1].replace(rows[target]["en"], forbidden, 1)
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check(db_path, draft)  # a .txt argument alone is an English-only draft
    [finding] = [f for f in report["findings"] if f["kind"] == "forbidden"]
    assert (finding["line"], finding["found"], finding["expected"]) == (number, forbidden, rows[target]["en"])
    assert finding["segment"] == str(number)


def test_a_bilingual_document_given_alone_is_aligned_not_read_as_untranslated_english(tmp_path):
    """`check report.txt` on a bilingual document (the layout `mine` takes) reported each Chinese paragraph
    as untranslated English-draft text (8 findings on the demo file, its numbers cut out); it is now aligned
    and checked as its two halves are with --source/--draft, findings placed at the file's own lines."""
    rows = [r for r in gold(EXAMPLES / "demo-gold.jsonl") if r["doc"] == DEMO.name]
    target = next(i for i, r in enumerate(rows) if " " in r["en"] and DEMO.read_text(encoding="utf-8").count(r["en"]) == 1)
    wrong = rows[target]["en"] + " Office"
    db_path = glossary_db(tmp_path, rows, extra={target: [Term("en", wrong, status="forbidden")]})
    source, draft = split_languages(DEMO, tmp_path)
    halves = check(db_path, "--source", source, "--draft", draft)
    whole = check(db_path, DEMO)
    assert whole["segments"] == halves["segments"] > 5
    assert [(f["kind"], f["entry_id"]) for f in whole["findings"]] == [(f["kind"], f["entry_id"]) for f in halves["findings"]]
    assert not [f for f in whole["findings"] if f["kind"] == "untranslated"]
    lines = DEMO.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if rows[target]["en"] in line)
    lines[number - 1] = lines[number - 1].replace(rows[target]["en"], wrong)
    edited = tmp_path / "edited.txt"
    edited.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [finding] = [f for f in check(db_path, edited)["findings"] if f["kind"] == "forbidden"]
    assert (finding["line"], finding["found"]) == (number, wrong)
    assert finding["source"] and finding["target"].count(wrong) == 1


CORPUS_000 = shared("corpus", "000_c78274c5c2d54538.txt")


def paragraphs_of(document) -> tuple[list[str], list[str]]:
    doc = read_document(document)
    return [p.original for p in doc.paragraphs if p.lang == "zh"], [p.original for p in doc.paragraphs if p.lang == "en"]


@pytest.mark.parametrize("left", ["half", "few"])
def test_an_english_draft_with_chinese_left_in_is_an_english_draft(tmp_path, left):
    """000's English translated up to its middle, the rest still in Chinese (a sixth or more of its English:
    it was aligned as a bilingual document, its Chinese `omitted`), or with two paragraphs left in Chinese:
    an English draft, each Chinese paragraph `untranslated` at its own line; its Chinese is no source."""
    chinese, english = paragraphs_of(CORPUS_000)  # the Chinese title, then paragraph k of the English is k + 1
    assert len(chinese) == len(english) + 1 == 9
    if left == "half":
        draft = english[:4] + chinese[5:]
    else:
        draft = english[:2] + [chinese[3]] + english[3:6] + [chinese[7]] + english[7:]
    path = tmp_path / "draft.txt"
    path.write_text("\n\n".join(draft) + "\n", encoding="utf-8")
    report = check(glossary_db(tmp_path, []), path)
    lines = [n for n, text in enumerate(draft) if text in chinese]
    assert [(f["kind"], f["line"], f["segment"], f["source"]) for f in report["findings"]] == [
        ("untranslated", 2 * n + 1, str(2 * n + 1), "") for n in lines]
    assert report["segments"] == len(draft)


@pytest.mark.parametrize("name", ["000_c78274c5c2d54538", "003_94c3ed148f7d08a4"])
def test_a_bilingual_document_whatever_its_share_of_english_is_aligned(tmp_path, name):
    """The corpus documents are bilingual: 000 in full, 003 a Chinese article with a short English summary
    (its Chinese that the summary leaves out is `omitted`, never `untranslated`)."""
    document = shared("corpus", f"{name}.txt")
    termbase = glossary_db(tmp_path, [])
    report = check(termbase, document)
    kinds = Counter(f["kind"] for f in report["findings"])
    assert not kinds["untranslated"] and set(kinds) <= {"omitted"}
    source, draft = split_languages(document, tmp_path)
    assert report["segments"] == check(termbase, "--source", source, "--draft", draft)["segments"]


def test_plain_inputs_in_the_wrong_language(tmp_path):
    source, draft = split_languages(DEMO, tmp_path)
    db_path = glossary_db(tmp_path, [])
    result = CliRunner().invoke(cli, ["--db", str(db_path), "check", "--source", draft, "--draft", source])
    assert result.exit_code == 1 and "no Chinese text in the source" in result.output
    result = CliRunner().invoke(cli, ["--db", str(db_path), "check", "--draft", source])
    assert result.exit_code == 1 and "is Chinese, not English" in result.output


def test_unlisted_terms_rendered_two_ways_are_info(tmp_path):
    draft = tmp_path / "draft.tsv"
    draft.write_text(
        "我们推进“数字丝路”建设。\tWe promoted the \"Digital Silk Road\".\n"
        "“数字丝路”成果显著。\tThe \"Digital Silk Road\" achieved results.\n"
        "加强“数字丝路”合作。\tCooperation on the \"Online Silk Road\" was strengthened.\n", encoding="utf-8")
    db_path = glossary_db(tmp_path, [])
    assert check(db_path, draft)["findings"] == []
    report = check(db_path, draft, "--unlisted", "--fail-on", "info")
    assert [(f["kind"], f["severity"], f["segment"], f["source_term"], f["expected"], f["found"])
            for f in report["findings"]] == [
        ("inconsistent", "info", "3", "数字丝路", "Digital Silk Road", "Online Silk Road")]
    assert report["failed"] is True


def assert_omitted_as_aligned(report: dict, source: Path, draft: Path) -> None:
    """The `omitted` findings are information, one per Chinese sentence the aligner gives no English; the
    segments checked are the draft's."""
    from glossary.align import align_document
    from glossary.ingest import read_document

    omitted = [f for f in report["findings"] if f["kind"] == "omitted"]
    assert {f["severity"] for f in omitted} <= {"info"}
    doc = read_document(source)
    both = replace(doc, paragraphs=tuple(replace(p, seq=i) for i, p in enumerate(doc.paragraphs + read_document(draft).paragraphs)))
    pairs = align_document(both)
    unaligned = [p.zh_original or p.zh for p in pairs if p.zh and not p.en]
    assert [f["source"] for f in omitted] == unaligned
    assert report["segments"] == sum(1 for p in pairs if p.en)  # (what the draft leaves out is no segment of it)


def mined_000(tmp_path, name: str = "000_c78274c5c2d54538", min_entries: int = 50):
    """000 (or corpus document `name`) mined into a termbase with every entry approved, and the
    document as a source and a draft file."""
    corpus = shared("corpus", f"{name}.txt")
    db_path = tmp_path / "mined.db"
    mined = CliRunner().invoke(cli, ["--db", str(db_path), "mine", str(corpus)])
    assert mined.exit_code == 0, mined.output
    from db import open_db

    db = open_db(db_path)
    with db.atomic():
        db.execute("UPDATE entries SET status = 'approved'")
    entries = db.execute("SELECT count(*) FROM entries").fetchone()[0]
    db.close()
    assert entries > min_entries
    return db_path, *split_languages(corpus, tmp_path)


@pytest.mark.parametrize("name, min_entries", [("000_c78274c5c2d54538", 50), ("003_94c3ed148f7d08a4", 8)])
def test_official_english_against_its_own_mined_glossary(tmp_path, name, min_entries):
    """Acceptance: mine 000 (and 003), approve everything, check the document's own English: no term
    is reported missing; a term the English translates in other words than the glossary's is a
    warning naming those words; nothing is misused, untranslated or empty. The Chinese its English
    leaves out (000's title, 003's untranslated paragraphs) is information, not an error."""
    db_path, source, draft = mined_000(tmp_path, name, min_entries)
    report = check(db_path, "--source", source, "--draft", draft)
    assert {f["kind"] for f in report["findings"]} <= {"unapproved", "inconsistent", "omitted"}
    assert_omitted_as_aligned(report, source, draft)
    assert report["counts"]["error"] == 0 and report["failed"] is False
    unapproved = [f for f in report["findings"] if f["kind"] == "unapproved"]
    assert unapproved or name != "000_c78274c5c2d54538"  # 000 renders a mined term in fewer words once (a bare adjective for the term)
    for f in unapproved:
        [(_, start, end)] = [s.values() for s in f["spans"] if s["side"] == "target"]
        assert f["severity"] == "warning" and f["found"] == f["target"][start:end] != ""
        assert not loosely_present(f["expected"], f["target"]) and f["expected"] in f["message"]
    strict = check(db_path, "--source", source, "--draft", draft, "--strict")
    assert sorted((f["segment"], f["entry_id"]) for f in strict["findings"] if f["kind"] == "missing") == \
        sorted((f["segment"], f["entry_id"]) for f in unapproved)
    assert strict["failed"] is True


def test_a_paragraph_the_draft_leaves_out_is_reported_with_the_glossary_terms_it_holds(tmp_path):
    """001's English without one of its longer paragraphs: the Chinese the aligner finds no English for is
    `omitted` (info) at its line in the source file, naming the approved terms it holds; the rest of it,
    aligned with a neighbouring sentence, has its terms missing there, rightly: their renderings were in
    the paragraph left out. Nothing else changes."""
    db_path, source, draft = mined_000(tmp_path, "001_a95d0c3c2ca6a01e", 40)
    before = check(db_path, "--source", source, "--draft", draft)
    english = draft.read_text(encoding="utf-8").split("\n\n")
    dropped = max(range(len(english)), key=lambda k: len(english[k]) if 3 <= k < len(english) - 3 else 0)
    draft.write_text("\n\n".join(english[:dropped] + english[dropped + 1:]), encoding="utf-8")
    after = check(db_path, "--source", source, "--draft", draft)
    new = [f for f in after["findings"] if f["kind"] == "omitted" and f["source"] not in
           {f["source"] for f in before["findings"] if f["kind"] == "omitted"}]
    assert new and {f["severity"] for f in new} == {"info"}
    named = [f for f in new if "glossary terms in it: " in f["message"]]
    assert named, new
    lines = source.read_text(encoding="utf-8").splitlines()
    for f in new:
        assert f["segment"] == f"source line {f['line']}" and f["source"][:10] in lines[f["line"] - 1]
    def said(report: dict) -> Counter:  # (segment numbers shift when a paragraph goes)
        return Counter((f["kind"], f["source_term"], f["expected"], f["found"]) for f in report["findings"] if f["kind"] != "omitted")

    for kind, _, expected, _ in said(after) - said(before):  # terms whose rendering was in the paragraph left out
        assert kind == "missing" and loosely_present(expected, english[dropped]), expected


def test_a_term_dropped_or_replaced_by_unrelated_words_is_still_missing(tmp_path):
    """The words 000 uses for a term outside the glossary, removed from the draft or replaced by
    words that do not translate the term: the term is missing again, an error."""
    db_path, source, draft = mined_000(tmp_path)
    english = draft.read_text(encoding="utf-8")
    finding = next(f for f in check(db_path, "--source", source, "--draft", draft)["findings"]
                   if f["kind"] == "unapproved")
    [(_, start, end)] = [s.values() for s in finding["spans"] if s["side"] == "target"]
    assert english.count(finding["target"]) == 1
    for replacement in ("", "various"):
        edited = finding["target"][:start] + replacement + finding["target"][end:]
        draft.write_text(english.replace(finding["target"], " ".join(edited.split())), encoding="utf-8")
        report = check(db_path, "--source", source, "--draft", draft)
        assert [(f["kind"], f["severity"]) for f in report["findings"] if f["entry_id"] == finding["entry_id"]
                and f["segment"] == finding["segment"]] == [("missing", "error")], replacement


@pytest.mark.parametrize("name", ["000_c78274c5c2d54538", "003_94c3ed148f7d08a4"])
def test_official_english_against_its_gold_glossary(tmp_path, name):
    """The translator's own glossary: the gold pairs of 000 (and 003), all approved, every variant
    admitted. The official English uses an approved rendering of every term its Chinese says: nothing
    is missing, misused or untranslated (the variants it mixes may warn as inconsistent)."""
    db_path = glossary_db(tmp_path, gold(shared("gold", f"{name}.jsonl")))
    source, draft = split_languages(next(shared("corpus").glob(f"{name}.txt")), tmp_path)
    report = check(db_path, "--source", source, "--draft", draft)
    assert report["segments"] > 3
    assert {f["kind"] for f in report["findings"]} <= {"unapproved", "inconsistent", "omitted"}, report["findings"]
    assert_omitted_as_aligned(report, source, draft)
    assert report["counts"]["error"] == 0
