"""End-to-end review of the checker as a translator uses it: variants of an approved rendering that
must not raise a finding, on gold evidence of ../shared (built into drafts at test time)."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner
from conftest import shared
from test_check_findings import DOCS, entry, gold_rows, usable
from test_check_plain import glossary_db

from glossary.check import CheckGlossary, check_segments
from glossary.cli import cli
from glossary.ingest import read_document
from glossary.models import DraftSegment


def spaced_renderings(doc: str) -> list[tuple[int, dict]]:
    """Gold rows whose rendering is three or four plain words, all in its evidence."""
    return [(i, r) for i, r in enumerate(gold_rows(doc)) if usable(r) and re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+){2,3}", r["en"])]


def test_neighbouring_words_of_a_rendering_hyphenated_in_the_draft_still_match():
    """"foreign-affairs system" for the approved "foreign affairs system": a compound modifier
    hyphenated is the same rendering (the other way round already matched)."""
    rows = gold_rows(DOCS[0])
    glossary = CheckGlossary(entry(r, i) for i, r in enumerate(rows))
    picked = spaced_renderings(DOCS[0])
    assert len(picked) >= 5
    segments = []
    for i, r in picked:
        first, second, rest = r["en"].split(" ", 2)
        hyphenated = f"{first}-{second} {rest}"
        target = re.sub(re.escape(r["en"]), hyphenated, r["evidence_en"], flags=re.IGNORECASE)
        assert hyphenated.casefold() in target.casefold()
        segments.append(DraftSegment(str(i), r["evidence_zh"], target))
    result = check_segments(segments, glossary)
    own = [(f.kind, r["en"], f.found) for i, r in picked for f in result.issues
           if f.segment == str(i) and f.entry_id == i]
    assert own == []


def test_chinese_left_in_a_plain_draft_is_untranslated_in_the_aligned_check(tmp_path):
    """--source/--draft: Chinese left inside an English line, and a line left wholly in Chinese,
    are reported as untranslated at their lines (ingestion splits them off; the draft keeps them)."""
    doc = read_document(shared("corpus", "000_c78274c5c2d54538.txt"))
    chinese = [p.original for p in doc.paragraphs if p.lang == "zh"]
    english = [p.original for p in doc.paragraphs if p.lang == "en" and len(p.original) > 200][:8]
    left_phrase = next(p.original for p in doc.paragraphs if p.lang == "zh" and 4 <= len(p.original) <= 30)
    english[1] = english[1].replace(", ", f", {left_phrase} ", 1)  # a phrase left untranslated mid-line
    english[5] = chinese[-1]  # a whole paragraph left in Chinese
    source, draft = tmp_path / "zh.txt", tmp_path / "en.txt"
    source.write_text("\n\n".join(chinese) + "\n", encoding="utf-8")
    draft.write_text("\n\n".join(english) + "\n", encoding="utf-8")
    db_path = glossary_db(tmp_path, [])
    result = CliRunner().invoke(cli, ["--db", str(db_path), "check", "--json",
                                      "--source", str(source), "--draft", str(draft)])
    report = json.loads(result.output)
    untranslated = [(f["segment"], f["line"], f["found"]) for f in report["findings"] if f["kind"] == "untranslated"]
    assert [line for _, line, _ in untranslated] == [3, 11]
    assert untranslated[0][2] in left_phrase
    assert untranslated[1][0] == "line 11" and untranslated[1][2].startswith(chinese[-1][:4])
    english_only = json.loads(CliRunner().invoke(cli, ["--db", str(db_path), "check", "--json",
                                                       "--draft", str(draft)]).output)
    assert english_only["segments"] == len(english)  # the line holding Chinese is one segment, not two
    assert [(f["segment"], f["kind"]) for f in english_only["findings"]] == [("3", "untranslated"), ("11", "untranslated")]
