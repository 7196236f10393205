"""End-to-end review of the checker as a translator uses it: variants of an approved rendering that
must not raise a finding, on gold evidence of ../shared (built into drafts at test time)."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from click.testing import CliRunner
from conftest import shared
from test_check_findings import DOCS, different_variant, entry, gold_rows, replace_term, usable
from test_check_plain import glossary_db

from glossary.check import CheckGlossary, check_segments
from glossary.check.plain import read_aligned
from glossary.check.readers import read_draft
from glossary.cli import cli
from glossary.errors import InputError
from glossary.ingest import read_document
from glossary.keys import to_simplified
from glossary.models import DraftSegment, Entry, Term


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


def sdlxliff(units: list[tuple[str, str]]) -> str:
    """An SDL Trados file: one trans-unit per (source, target) markup, segmented with mrk in <g>."""
    body = "".join(
        f'<trans-unit id="u{n}"><source>{s}</source><seg-source><g id="1"><mrk mtype="seg" mid="1">{s}</mrk></g>'
        f'</seg-source><target><g id="1"><mrk mtype="seg" mid="1">{t}</mrk></g></target></trans-unit>'
        for n, (s, t) in enumerate(units, 1))
    return ('<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" '
            'version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.docx" '
            f'source-language="zh-CN" target-language="en-US" datatype="x-sdlfilterframework2"><body>{body}'
            '</body></file></xliff>')


def test_tracked_changes_and_comments_in_sdlxliff(tmp_path):
    """Text a tracked change deleted is not in the target (the deprecated rendering the reviewer struck
    out is no finding); a comment over part of a Chinese term does not cut the term in two."""
    rows = gold_rows(DOCS[0])
    (i, row), (j, other) = spaced_renderings(DOCS[0])[:2]
    old = row["en"].split()[0] + " Bureau"
    entries = [entry(r, k) for k, r in enumerate(rows)]
    entries[i] = replace(entries[i], terms=(*entries[i].terms, Term("en", old, status="deprecated")))
    glossary = CheckGlossary(entries)
    struck = row["evidence_en"].replace(row["en"], f'<mrk mtype="x-sdl-deleted">{old}</mrk>'
                                                   f'<mrk mtype="x-sdl-added">{row["en"]}</mrk>')
    half = len(other["zh"]) // 2
    commented = other["evidence_zh"].replace(
        other["zh"], f'<mrk mtype="x-sdl-comment">{other["zh"][:half]}</mrk>{other["zh"][half:]}')
    wrong = other["evidence_en"].replace(other["en"], "it")  # the term dropped from the target
    path = tmp_path / "draft.sdlxliff"
    path.write_text(sdlxliff([(row["evidence_zh"], struck), (commented, wrong)]), encoding="utf-8")
    segments = list(read_draft(path))
    assert segments[0].target == row["evidence_en"] and old not in segments[0].target
    result = check_segments(segments, glossary)
    own = [(f.kind, f.segment, f.entry_id) for f in result.issues if f.entry_id in (i, j)]
    assert own == [("missing", "u2", j)]


def test_xliff_with_segmented_source_and_unsegmented_target_is_checked_whole(tmp_path):
    """A tool that segments the source (seg-source) but leaves the target one text is checked unit by
    unit, not reported as untranslated."""
    rows = gold_rows(DOCS[0])
    picked = [(i, r) for i, r in enumerate(rows) if usable(r)][:6]
    units = "".join(
        f'<trans-unit id="t{n}"><source>{a["evidence_zh"]}。{b["evidence_zh"]}。</source><seg-source>'
        f'<mrk mtype="seg" mid="1">{a["evidence_zh"]}。</mrk><mrk mtype="seg" mid="2">{b["evidence_zh"]}。</mrk>'
        f'</seg-source><target>{a["evidence_en"]}. {b["evidence_en"]}.</target></trans-unit>'
        for n, ((_, a), (_, b)) in enumerate(zip(picked[::2], picked[1::2]), 1))
    path = tmp_path / "draft.xlf"
    path.write_text('<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                    f'<file original="a" source-language="zh-CN" target-language="en-US" datatype="plaintext">'
                    f'<body>{units}</body></file></xliff>', encoding="utf-8")
    segments = list(read_draft(path))
    assert [s.id for s in segments] == ["t1", "t2", "t3"] and all(s.target for s in segments)
    result = check_segments(segments, CheckGlossary(entry(r, k) for k, r in enumerate(rows)))
    assert not [f for f in result.issues if f.kind in ("empty", "missing") and f.entry_id in dict(picked)]


def test_a_rendering_inside_a_hyphenated_compound_is_not_missing(tmp_path):
    """000's official English says 以人民为中心 as "people-centered": 人民 → "people" is there, as
    part of the compound, and is neither missing nor rendered otherwise."""
    doc = read_document(shared("corpus", "000_c78274c5c2d54538.txt"))
    source, draft = tmp_path / "zh.txt", tmp_path / "en.txt"
    source.write_text("\n\n".join(p.original for p in doc.paragraphs if p.lang == "zh"), encoding="utf-8")
    draft.write_text("\n\n".join(p.original for p in doc.paragraphs if p.lang == "en"), encoding="utf-8")
    segments = list(read_aligned(source, draft))
    only_in_compound = [s for s in segments if "人民" in to_simplified(s.source)
                        and re.search(r"\bpeople-\w", s.target) and not re.search(r"\bpeople\b(?!-)", s.target)]
    assert only_in_compound
    people = Entry((Term("zh", "人民"), Term("en", "people")), status="approved", id=1)
    result = check_segments(segments, CheckGlossary([people]), window=1)
    assert [(f.kind, f.segment) for f in result.issues if f.entry_id == 1] == []


def test_irregular_plurals_of_a_rendering_are_not_missing():
    """Tatoeba pairs whose Chinese has 孩子 / 女人 / 男人 and whose English says "children" / "women" /
    "men": the glossary's "child" / "woman" / "man" are there (English forms these plurals without -s)."""
    pairs = [line.split("\t")[:2] for line in
             shared("external", "tatoeba-cmn-eng", "cmn.txt").read_text(encoding="utf-8-sig").splitlines() if "\t" in line]
    glossary = CheckGlossary([Entry((Term("zh", "孩子"), Term("en", "child")), status="approved", id=1),
                              Entry((Term("zh", "女人"), Term("en", "woman")), status="approved", id=2),
                              Entry((Term("zh", "男人"), Term("en", "man")), status="approved", id=3)])
    draft = [DraftSegment(str(n), zh, en) for n, (en, zh) in enumerate(pairs, 1)
             if ("孩子" in zh and re.search(r"\bchildren\b", en) and not re.search(r"\bchild\b", en))
             or ("女人" in zh and re.search(r"\bwomen\b", en) and not re.search(r"\bwoman\b", en))
             or ("男人" in zh and re.search(r"\bmen\b", en) and not re.search(r"\bman\b", en))]
    assert len(draft) >= 20
    result = check_segments(draft, glossary)
    assert [(f.kind, f.segment, f.found) for f in result.issues if f.entry_id] == []


def test_plurals_in_es_after_us_and_latin_plurals_in_ices_are_not_missing():
    """HKMA paragraphs whose Chinese has 重點 / 指數 and whose English says only "focuses" / "indices":
    the glossary's "focus" / "index" are there (the plain plural rule reads "focuses" as "focuse")."""
    rows = [line.split("\t") for line in
            shared("external", "hkma-annual-reports", "paragraphs.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    cases = [("重點", "focus", "focuses"), ("指數", "index", "indices")]
    glossary = CheckGlossary([Entry((Term("zh", zh), Term("en", en)), status="approved", id=k)
                              for k, (zh, en, _) in enumerate(cases, 1)])
    draft = [DraftSegment(str(n), row[-2], row[-1]) for n, row in enumerate(rows, 1) if len(row) >= 4
             and any(zh in row[-2] and re.search(rf"\b{plural}\b", row[-1]) and not re.search(rf"\b{en}\b", row[-1])
                     for zh, en, plural in cases)]
    assert len(draft) >= 8
    result = check_segments(draft, glossary)
    assert [(f.kind, f.segment, f.found) for f in result.issues if f.entry_id] == []


def test_a_names_words_inside_another_name_are_not_the_name_reordered():
    """HKMA paragraphs with 財政司司長 whose English says "Financial Secretary" and "Secretary for Financial
    Services": with "Financial Secretary" taken out, the draft no longer renders the term (the other
    office's name holds its two words around "for"); as written, it does. A name reordered inside a
    longer one still counts ("Hong Kong Special Administrative Region Government Funds" says
    "Government of the Hong Kong Special Administrative Region")."""
    rows = [line.split("\t") for line in
            shared("external", "hkma-annual-reports", "paragraphs.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    chosen = [(row[-2], row[-1]) for row in rows if len(row) >= 4 and "財政司司長" in row[-2]
              and "Financial Secretary" in row[-1] and "Secretary for Financial Services" in row[-1]]
    assert len(chosen) >= 3
    glossary = CheckGlossary([
        Entry((Term("zh", "财政司司长"), Term("en", "Financial Secretary")), status="approved", id=1),
        Entry((Term("zh", "香港特别行政区政府"), Term("en", "Government of the Hong Kong Special Administrative Region")),
              status="approved", id=2)])
    as_written = [DraftSegment(str(n), zh, en) for n, (zh, en) in enumerate(chosen, 1)]
    assert [f for f in check_segments(as_written, glossary).issues if f.entry_id] == []
    taken_out = [DraftSegment(str(n), zh, re.sub(r"\s*\bFinancial Secretary\b", "", en)) for n, (zh, en) in enumerate(chosen, 1)]
    result = check_segments(taken_out, glossary)
    assert sorted(f.segment for f in result.issues if f.entry_id == 1 and f.kind in ("missing", "unapproved")) == \
        [s.id for s in taken_out]
    funds = next((row[-2], row[-1]) for row in rows if len(row) >= 4 and "香港特別行政區政府基金" in row[-2]
                 and "Hong Kong Special Administrative Region Government Funds" in row[-1])
    assert [f for f in check_segments([DraftSegment("1", *funds)], glossary).issues if f.entry_id == 2] == []


def test_one_word_for_a_terms_modifier_alone_is_no_other_rendering_of_it():
    """HKMA paragraphs with 金融資產 / 金融穩定 / 貨幣政策 whose English says "financial assets" / "financial
    stability" / "monetary policy" once, taken out: a lone "banking" or "currency" elsewhere in the
    target translates only the modifier (金融, 貨幣), so the term is missing, not rendered otherwise. A
    lone word for its head ("stability") still is another rendering, and so is a word of the glossary's
    own rendering (the rendering shortened: "monetary")."""
    from glossary.lexicon import content_stems, en_stem, zh_gloss_stems

    rows = [line.split("\t") for line in
            shared("external", "hkma-annual-reports", "paragraphs.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    cases = [("金融資產", "金融资产", "financial assets"), ("金融穩定", "金融稳定", "financial stability"),
             ("貨幣政策", "货币政策", "monetary policy")]
    glossary = CheckGlossary([Entry((Term("zh", simplified), Term("en", en)), status="approved", id=k)
                              for k, (_, simplified, en) in enumerate(cases, 1)])
    draft = [DraftSegment(f"{n}-{k}", row[-2], re.sub(rf"\s*\b{en}\b", "", row[-1], flags=re.IGNORECASE))
             for n, row in enumerate(rows, 1) if len(row) >= 4
             for k, (zh, _, en) in enumerate(cases, 1)
             if zh in row[-2] and len(re.findall(rf"\b{en}\b", row[-1], flags=re.IGNORECASE)) == 1]
    assert len(draft) >= 150
    found = [(f.entry_id, f.found) for f in check_segments(draft, glossary).issues if f.kind == "unapproved"]
    lone = [(k, word) for k, word in found if len(word.split()) == 1]
    assert len(found) > len(lone) >= 10  # (other renderings are still found)
    said = {k: zh_gloss_stems(simplified[2:]) | set(content_stems(en)) for k, (_, simplified, en) in enumerate(cases, 1)}
    assert [(k, word) for k, word in lone if en_stem(word.lower()) not in said[k]] == []


def test_table_of_a_tsv_draft_drops_repeated_columns_and_says_where_the_expected_rendering_is(tmp_path):
    """The table at 80 columns: a TSV's segment is its line, and every inconsistent row is a warning,
    so neither column is repeated; the note says the expected rendering is used elsewhere."""
    rows = gold_rows(DOCS[0])
    k, row = next((k, r) for k, r in enumerate(rows) if usable(r) and different_variant(r))
    variant = different_variant(row)
    draft = tmp_path / "draft.tsv"
    draft.write_text(f"{row['evidence_zh']}\t{row['evidence_en']}\n"
                     f"{row['evidence_zh']}\t{replace_term(row['evidence_en'], row['en'], variant)}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(glossary_db(tmp_path, rows)), "check", str(draft)],
                                env={"COLUMNS": "80"})
    table = result.output.split("Inconsistent renderings (1)")[1]
    header = table.splitlines()[2]
    assert "line" not in header and "severity" not in header and "note" in header
    assert "“expected” used" in table


def test_a_target_in_another_latin_script_language_is_one_clear_error():
    """Icelandic definitions (../shared's Icelandic term bank) as the targets of 000's Chinese: the
    draft is not English, said once instead of a missing term per segment; English drafts, even a
    term list (few function words), still pass."""
    tbx = shared("external", "tbx", "icelandic-term-bank", "hag.tbx").read_text(encoding="utf-8")
    icelandic = re.findall(r'<descrip type="definition">([^<]{30,})</descrip>', tbx)[:40]
    rows = [r for r in gold_rows(DOCS[0]) if usable(r)]
    glossary = CheckGlossary(entry(r, k) for k, r in enumerate(rows))
    wrong = [DraftSegment(str(k), r["evidence_zh"], text) for k, (r, text) in enumerate(zip(rows, icelandic))]
    with pytest.raises(InputError, match="the target text is not English"):
        check_segments(wrong, glossary)
    with pytest.raises(InputError, match="the draft is not English"):
        check_segments([replace(s, source="") for s in wrong], glossary, english_only=True)
    terms = [DraftSegment(str(k), r["zh"], r["en"]) for k, r in enumerate(rows)]
    sentences = [DraftSegment(str(k), r["evidence_zh"], r["evidence_en"]) for k, r in enumerate(rows)]
    assert check_segments(terms, glossary).segments == check_segments(sentences, glossary).segments == len(rows)


@pytest.mark.parametrize("header, order", [("id\tsource\ttarget", "izh"), ("ID\tEnglish\tChinese", "ihz"),
                                           ("en-US\tzh-CN", "hz"), ("zh\ten", "zh")])
def test_tsv_columns_named_by_the_header(tmp_path, header, order):
    """A TSV whose header names its columns (an id column first, English before Chinese) is read by
    those names: gold evidence of 000 checks clean whatever the column order."""
    rows = [r for r in gold_rows(DOCS[0]) if usable(r)]
    cells = {"i": lambda k, r: str(k), "z": lambda k, r: r["evidence_zh"], "h": lambda k, r: r["evidence_en"]}
    path = tmp_path / "draft.tsv"
    path.write_text(header + "\n" + "".join("\t".join(cells[c](k, r) for c in order) + "\n"
                                            for k, r in enumerate(rows)), encoding="utf-8")
    segments = list(read_draft(path))
    assert [(s.source, s.target) for s in segments] == [(r["evidence_zh"], r["evidence_en"]) for r in rows]


def test_british_spellings_of_hkma_reports_match_a_us_glossary():
    """HKMA's annual reports write British English ("fulfil", "population ageing"): a glossary in US
    spelling ("fulfill", "population aging") finds its renderings there, no missing term."""
    glossary = CheckGlossary([Entry((Term("zh", "履行"), Term("en", "fulfill")), status="approved", id=1),
                              Entry((Term("zh", "人口老齡化"), Term("en", "population aging")), status="approved", id=2)])
    rows = [line.split("\t") for line in shared("external", "hkma-annual-reports", "paragraphs.tsv")
            .read_text(encoding="utf-8").splitlines()[1:]]
    draft = [DraftSegment(f"{doc}/{para}", zh, en) for doc, para, zh, en in (r[:4] for r in rows if len(r) >= 4)
             if ("履行" in zh and re.search(r"\bfulfil\b", en)) or ("人口老齡化" in zh and "population ageing" in en)]
    assert {s.source.count("履行") > 0 for s in draft} == {True, False}
    result = check_segments(draft, glossary)
    assert [(f.kind, f.segment) for f in result.issues if f.entry_id] == []


def test_an_unapproved_rendering_is_reported_with_the_words_the_glossary_itself_uses():
    """HKMA writes 壓力測試 "stress testing" and 經濟前景 "economic outlook"; CC-CEDICT glosses 壓力 only
    "pressure" and 前景 "outlook": with "stress tests" and "outlook for the economy" approved, the
    draft's rendering is reported whole ("stress testing", not "testing"), its words next to the
    dictionary's found again in the glossary's renderings."""
    glossary = CheckGlossary([Entry((Term("zh", "壓力測試"), Term("en", "stress tests")), status="approved", id=1),
                              Entry((Term("zh", "經濟前景"), Term("en", "outlook for the economy")), status="approved", id=2)])
    rows = [line.split("\t") for line in shared("external", "hkma-annual-reports", "paragraphs.tsv")
            .read_text(encoding="utf-8").splitlines()[1:]]
    draft = [DraftSegment(f"{doc}/{para}", zh, en) for doc, para, zh, en in (r[:4] for r in rows if len(r) >= 4)
             if ("壓力測試" in zh and "stress testing" in en) or ("經濟前景" in zh and "economic outlook" in en)]
    found = {(f.entry_id, f.found) for f in check_segments(draft, glossary).issues if f.kind == "unapproved"}
    assert {(1, "stress testing"), (2, "economic outlook")} <= found
    assert not {(i, words) for i, words in found if words in ("testing", "outlook")}


def test_a_place_name_said_as_its_adjective_is_not_missing():
    """Tatoeba pairs: 中国 / 日本 / 意大利 ... rendered "Chinese food", "Japanese", "Italian": the glossary's
    "China", "Japan", "Italy" are there as adjectives. A pair whose English names another country
    (澳大利亚 as "Austria") is still missing its term."""
    names = [("中国", "China"), ("日本", "Japan"), ("韩国", "Korea"), ("意大利", "Italy"), ("加拿大", "Canada"),
             ("德国", "Germany"), ("澳大利亚", "Australia")]
    glossary = CheckGlossary([Entry((Term("zh", zh), Term("en", en)), status="approved", id=k)
                              for k, (zh, en) in enumerate(names, 1)])
    pairs = [line.split("\t")[:2] for line in
             shared("external", "tatoeba-cmn-eng", "cmn.txt").read_text(encoding="utf-8-sig").splitlines() if "\t" in line]
    adjectives = [DraftSegment(str(n), zh, en) for n, (en, zh) in enumerate(pairs, 1)
                  if any(c in zh and re.search(rf"\b{name[:4]}\w*(ese|an)\b", en) and name not in en for c, name in names)]
    wrong = [DraftSegment(str(n), zh, en) for n, (en, zh) in enumerate(pairs, 1) if "澳大利亚" in zh and "Austria " in en]
    assert len(adjectives) >= 10 and wrong
    result = check_segments(adjectives + wrong, glossary, strict=True)
    assert {(f.kind, f.segment) for f in result.issues if f.entry_id} == {("missing", s.id) for s in wrong}


def test_a_one_word_rendering_inflected_as_a_verb_is_not_missing_or_unapproved():
    """Tatoeba pairs with 工作 ("work") whose English says "working" or "worked": the rendering is there,
    inflected; "job" is another word and still reported."""
    pairs = [line.split("\t")[:2] for line in
             shared("external", "tatoeba-cmn-eng", "cmn.txt").read_text(encoding="utf-8-sig").splitlines() if "\t" in line]
    glossary = CheckGlossary([Entry((Term("zh", "工作"), Term("en", "work")), status="approved", id=1)])
    inflected = [DraftSegment(str(n), zh, en) for n, (en, zh) in enumerate(pairs, 1)
                 if "工作" in zh and re.search(r"\b(working|worked)\b", en) and not re.search(r"\bworks?\b", en)]
    other = [DraftSegment(str(n), zh, en) for n, (en, zh) in enumerate(pairs, 1)
             if "工作" in zh and re.search(r"\bjob\b", en) and not re.search(r"\bwork", en)]
    assert len(inflected) >= 20 and len(other) >= 20
    result = check_segments(inflected + other, glossary)
    reported = {f.segment for f in result.issues if f.entry_id}
    assert not reported & {s.id for s in inflected}
    assert len(reported & {s.id for s in other}) >= len(other) * 3 // 4


def test_a_one_character_term_inside_a_longer_word_does_not_fire():
    """Tatoeba pairs with 书 ("book") only inside 书桌 (desk) or 书架 (bookshelf): no finding; where 书
    stands alone and the English says no "book" (他读很多书 → "He reads a good deal"), still missing."""
    pairs = [line.split("\t")[:2] for line in
             shared("external", "tatoeba-cmn-eng", "cmn.txt").read_text(encoding="utf-8-sig").splitlines() if "\t" in line]
    glossary = CheckGlossary([Entry((Term("zh", "书"), Term("en", "book")), status="approved", id=1)])
    without_book = [DraftSegment(str(n), zh, en) for n, (en, zh) in enumerate(pairs, 1)
                    if "书" in zh and not re.search(r"book", en, re.IGNORECASE)]
    bound = {s.id for s in without_book if s.source.count("书") == s.source.count("书桌") + s.source.count("书架")}
    assert len(bound) >= 8
    reported = {f.segment for f in check_segments(without_book, glossary, strict=True).issues}
    assert not reported & bound
    assert len(reported) >= 5


def test_soft_hyphens_of_typeset_text_do_not_split_a_word():
    """Targets from typesetting tools carry invisible soft hyphens (U+00AD) inside long words: 000's
    gold evidence hyphenated so still has every rendering."""
    rows = gold_rows(DOCS[0])
    glossary = CheckGlossary(entry(r, k) for k, r in enumerate(rows))

    def soft(text: str) -> str:
        return re.sub(r"\b([A-Za-z]{4})([A-Za-z]{3,})", "\\1\u00ad\\2", text)

    picked = [(k, r) for k, r in enumerate(rows) if usable(r) and soft(r["en"]) != r["en"]]
    assert len(picked) >= 20
    plain = check_segments([DraftSegment(str(k), r["evidence_zh"], r["evidence_en"]) for k, r in picked], glossary)
    typeset = check_segments([DraftSegment(str(k), r["evidence_zh"], soft(r["evidence_en"])) for k, r in picked], glossary)
    assert [(f.kind, f.segment, f.entry_id) for f in typeset.issues] == [(f.kind, f.segment, f.entry_id) for f in plain.issues]


def test_zero_width_spaces_of_web_text_do_not_split_a_term():
    """Web pages leave zero-width spaces (U+200B) and joiners between characters: 000's gold terms
    with one inside every Chinese term and English word are still found, and reported the same."""
    rows = gold_rows(DOCS[0])
    glossary = CheckGlossary(entry(r, k) for k, r in enumerate(rows))

    def web(text: str) -> str:
        return re.sub(r"([\u4e00-\u9fff])(?=[\u4e00-\u9fff])", "\\1\u200b", re.sub(r"\b(\w\w)(\w{3,})", "\\1\u200d\\2", text))

    picked = [(k, r) for k, r in enumerate(rows) if usable(r)]
    assert len(picked) >= 20 and "\u200b" in web(picked[0][1]["evidence_zh"])
    plain = check_segments([DraftSegment(str(k), r["evidence_zh"], r["evidence_en"]) for k, r in picked], glossary)
    scraped = check_segments([DraftSegment(str(k), web(r["evidence_zh"]), web(r["evidence_en"])) for k, r in picked],
                             glossary)
    assert [(f.kind, f.segment, f.entry_id) for f in scraped.issues] == [(f.kind, f.segment, f.entry_id) for f in plain.issues]
    assert not {(str(k), k) for k, _ in picked} & {(f.segment, f.entry_id) for f in scraped.issues if f.kind == "missing"}


def test_an_en_dash_in_the_glossary_matches_a_hyphen_in_the_draft():
    """HKMA writes 粵港澳大灣區 both "Guangdong–Hong Kong–Macao" (en dashes) and "Guangdong-Hong Kong-Macao"
    (hyphens): a glossary in either form finds both."""
    rows = [line.split("\t") for line in shared("external", "hkma-annual-reports", "paragraphs.tsv")
            .read_text(encoding="utf-8").splitlines()[1:]]
    draft = [DraftSegment(f"{r[0]}/{r[1]}", r[2], r[3]) for r in rows if len(r) >= 4 and "粵港澳大灣區" in r[2]
             and re.search(r"Guangdong[-–]Hong Kong[-–]Macao Greater Bay Area", r[3])]
    assert {"-" in s.target.split("Hong Kong")[1][:1] for s in draft} == {True, False}
    for dash in "–-":
        rendering = f"Guangdong{dash}Hong Kong{dash}Macao Greater Bay Area"
        glossary = CheckGlossary([Entry((Term("zh", "粵港澳大灣區"), Term("en", rendering)), status="approved", id=1)])
        assert [(f.kind, f.segment) for f in check_segments(draft, glossary).issues if f.entry_id] == []


def test_a_one_word_verb_rendering_is_found_in_its_irregular_forms():
    """Tatoeba pairs with 写 ("to write") whose English says "wrote" or "written" (in "well-written"
    too): the lexicon's forms of the verb, irregular ones too, are the rendering."""
    pairs = [line.split("\t")[:2] for line in
             shared("external", "tatoeba-cmn-eng", "cmn.txt").read_text(encoding="utf-8-sig").splitlines() if "\t" in line]
    glossary = CheckGlossary([Entry((Term("zh", "写"), Term("en", "to write")), status="approved", id=1)])
    irregular = [DraftSegment(str(n), zh, en) for n, (en, zh) in enumerate(pairs, 1)
                 if "写" in zh and re.search(r"\b(wrote|written)\b", en) and not re.search(r"\bwrit(e|es|ing)\b", en)]
    assert len(irregular) >= 20
    assert [f.segment for f in check_segments(irregular, glossary).issues if f.entry_id] == []
