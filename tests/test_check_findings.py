"""Findings on real text: drafts built at test time from ../shared gold evidence and corpus English,
with known errors injected, must give exactly those findings."""

from __future__ import annotations

import json
import re

import pytest
from conftest import shared

from glossary.check import CheckGlossary, check_segments
from glossary.errors import InputError
from glossary.keys import CJK_RE, en_fold_word, zh_key
from glossary.models import DraftSegment, Entry, Term

DOCS = ("000_c78274c5c2d54538", "001_a95d0c3c2ca6a01e", "003_94c3ed148f7d08a4")


def gold_rows(doc: str) -> list[dict]:
    return [json.loads(line) for line in shared("gold", f"{doc}.jsonl").read_text(encoding="utf-8").splitlines()]


def usable(row: dict) -> bool:
    """The evidence pair holds both sides of the term literally."""
    return zh_key(row["zh"]) in zh_key(row["evidence_zh"]) and row["en"].casefold() in row["evidence_en"].casefold()


def entry(row: dict, entry_id: int, variant_status: str = "admitted") -> Entry:
    terms = [Term("zh", row["zh"]), *(Term("zh", v, status="admitted") for v in row["zh_variants"]),
             Term("en", row["en"]), *(Term("en", v, status=variant_status) for v in row["en_variants"])]
    return Entry(tuple(terms), status="approved", id=entry_id)


def different_variant(row: dict) -> str | None:
    """A variant that is not just the preferred rendering inflected or extended."""
    en = row["en"].casefold()
    for variant in row["en_variants"]:
        v = variant.casefold()
        if en not in v and v not in en and en_fold_word(v) != en_fold_word(en) and " " in v + en:
            return variant
    return None


def replace_term(text: str, old: str, new: str) -> str:
    """`old` (and its plural) replaced by `new` as whole words."""
    return re.sub(rf"\b{re.escape(old)}(?:e?s)?\b", new.replace("\\", r"\\"), text, flags=re.IGNORECASE)


@pytest.mark.parametrize("doc", DOCS)
def test_gold_evidence_checked_against_its_own_glossary_has_no_false_missing_terms(doc):
    rows = gold_rows(doc)
    glossary = CheckGlossary(entry(r, i) for i, r in enumerate(rows))
    draft = [(i, r) for i, r in enumerate(rows) if usable(r)]
    assert len(draft) > 10
    result = check_segments((DraftSegment(str(i), r["evidence_zh"], r["evidence_en"]) for i, r in draft), glossary)
    own_missing = [i for i in result.issues if i.kind == "missing" and i.entry_id == int(i.segment)]
    assert own_missing == []
    assert not [i for i in result.issues if i.kind in ("deprecated", "forbidden", "superseded", "untranslated")]


def injected_draft() -> tuple[CheckGlossary, list[DraftSegment], dict[str, tuple[int, str]], list[dict], dict]:
    """000's gold evidence as a draft, plus copies of some segments with one known error each: the
    glossary, the segments, the injected segments (id -> (row, target)), the rows, and the row of
    each kind of error."""
    rows = gold_rows(DOCS[0])
    base = {i: r for i, r in enumerate(rows) if usable(r)}
    plain = CheckGlossary(entry(r, i) for i, r in enumerate(rows))
    baseline = check_segments((DraftSegment(str(i), r["evidence_zh"], r["evidence_en"]) for i, r in base.items()),
                              plain)
    quiet = [i for i in base if not any(f.segment == str(i) for f in baseline.issues)]
    with_variant = [i for i in quiet if different_variant(rows[i])]
    deprecated, forbidden, superseded, mixed = with_variant[:4]
    missing, untranslated, empty = [i for i in quiet if i not in with_variant][:3]
    statuses = {deprecated: "deprecated", forbidden: "forbidden", superseded: "superseded"}
    glossary = CheckGlossary(entry(r, i, statuses.get(i, "admitted")) for i, r in enumerate(rows))

    def variant_of(i):
        return replace_term(rows[i]["evidence_en"], rows[i]["en"], different_variant(rows[i]))

    injected = {
        f"{deprecated}x": (deprecated, variant_of(deprecated)),
        f"{forbidden}x": (forbidden, variant_of(forbidden)),
        f"{superseded}x": (superseded, variant_of(superseded)),
        f"{mixed}x": (mixed, variant_of(mixed)),
        f"{missing}x": (missing, replace_term(rows[missing]["evidence_en"], rows[missing]["en"], "it")),
        f"{untranslated}x": (untranslated, rows[untranslated]["evidence_en"] + " " + rows[untranslated]["evidence_zh"]),
        f"{empty}x": (empty, ""),
    }
    segments = [DraftSegment(str(i), r["evidence_zh"], r["evidence_en"]) for i, r in base.items()]
    segments += [DraftSegment(sid, rows[i]["evidence_zh"], target) for sid, (i, target) in injected.items()]
    kinds = {"deprecated": deprecated, "forbidden": forbidden, "superseded": superseded, "mixed": mixed,
             "missing": missing, "untranslated": untranslated, "empty": empty}
    return glossary, segments, injected, rows, kinds


def test_injected_errors_of_every_kind_are_found_exactly():
    glossary, segments, injected, rows, kinds = injected_draft()
    deprecated, forbidden, superseded, mixed, missing, untranslated, empty = kinds.values()
    result = check_segments(segments, glossary)
    found = {(f.kind, f.severity, f.segment, f.entry_id) for f in result.issues if f.segment in injected}
    assert found == {
        ("deprecated", "error", f"{deprecated}x", deprecated),
        ("forbidden", "error", f"{forbidden}x", forbidden),
        ("superseded", "warning", f"{superseded}x", superseded),
        ("inconsistent", "warning", f"{mixed}x", mixed),
        ("missing", "error", f"{missing}x", missing),
        ("untranslated", "warning", f"{untranslated}x", None),
        ("empty", "warning", f"{empty}x", None),
    }
    by_segment = {f.segment: f for f in result.issues if f.segment in injected}
    wrong = by_segment[f"{deprecated}x"]
    assert wrong.expected == rows[deprecated]["en"] and rows[deprecated]["en"] in wrong.message
    assert wrong.target_text[wrong.spans[-1][1]:wrong.spans[-1][2]].casefold() == \
        different_variant(rows[deprecated]).casefold()
    assert by_segment[f"{missing}x"].source_text[slice(*by_segment[f"{missing}x"].spans[0][1:])]
    assert CJK_RE.search(by_segment[f"{untranslated}x"].found)


def test_checking_in_worker_processes_gives_the_same_findings_in_the_same_order(monkeypatch):
    import glossary.check.checker as checker

    glossary, segments, injected, _, _ = injected_draft()
    segments += [DraftSegment(f"{s.id}+", s.source, s.target) for s in segments]  # renderings used in many batches
    alone = check_segments(segments, glossary, workers=1)
    batches = []
    merge = checker.DraftChecker._merge
    monkeypatch.setattr(checker, "_BATCH_SEGMENTS", 7)  # the draft is short: small batches, so workers run
    monkeypatch.setattr(checker, "_WARM_UP_SEGMENTS", 3)
    monkeypatch.setattr(checker.DraftChecker, "_merge", lambda self, *part: (batches.append(part), merge(self, *part)))
    shared_work = check_segments(segments, glossary, workers=2)
    assert len(batches) == -(-len(segments) // 7) >= checker._MIN_BATCHES  # (the first less the warm-up, checked here)
    assert shared_work == alone
    assert {f.segment for f in shared_work.issues} >= set(injected)
    assert [f for f in shared_work.issues if f.kind == "inconsistent" and "in 2 segments" in f.message]


def corpus_english(doc: str) -> list[str]:
    """Long lines of a corpus file without Chinese: its English paragraphs."""
    lines = shared("corpus", f"{doc}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if len(line) > 120 and not CJK_RE.search(line)]


def test_english_only_draft_flags_misused_renderings_and_mixed_variants():
    """001's English with one term replaced by another document's rendering (made forbidden), and
    one replaced by its own admitted variant (left out of the rest of the draft)."""
    doc = DOCS[1]
    rows = gold_rows(doc)
    paragraphs = corpus_english(doc)
    assert len(paragraphs) > 5
    text = " ".join(paragraphs).casefold()
    elsewhere = {r["zh"]: [r["en"], *r["en_variants"]] for other in DOCS if other != doc for r in gold_rows(other)}
    renderings = [(i, v.casefold()) for i, r in enumerate(rows) for v in [r["en"], *r["en_variants"]]]

    def standalone(i, text):
        return not any(j != i and text.casefold() in v for j, v in renderings)

    def swap_from_elsewhere(i, r):
        own = {v.casefold() for v in [r["en"], *r["en_variants"]]}
        return next((v for v in elsewhere.get(r["zh"], []) if v.casefold() not in own and v.casefold() not in text
                     and not any(v.casefold() in o or o in v.casefold() for o in own)), None)

    forbidden = next(i for i, r in enumerate(rows)
                     if standalone(i, r["en"]) and r["en"].casefold() in text and swap_from_elsewhere(i, r))
    mixed = next(i for i, r in enumerate(rows) if i != forbidden and different_variant(r) and standalone(i, r["en"])
                 and standalone(i, different_variant(r)) and not r["en"].isupper()
                 and any(r["en"].casefold() in p.casefold() and different_variant(r).casefold() not in p.casefold()
                         for p in paragraphs))
    swaps = {forbidden: swap_from_elsewhere(forbidden, rows[forbidden]), mixed: different_variant(rows[mixed])}
    paragraphs = [p for p in paragraphs if swaps[mixed].casefold() not in p.casefold()]
    glossary = CheckGlossary(Entry((*entry(r, i).terms, *((Term("en", swaps[i], status="forbidden"),) if i == forbidden else ())),
                                   status="approved", id=i) for i, r in enumerate(rows))
    clean = check_segments((DraftSegment(str(n), "", p) for n, p in enumerate(paragraphs)), glossary, english_only=True)
    assert not [f for f in clean.issues if f.kind == "forbidden" or f.entry_id == mixed]
    copied = [next(n for n, p in enumerate(paragraphs) if rows[i]["en"].casefold() in p.casefold()) for i in (forbidden, mixed)]
    draft = paragraphs + [replace_term(paragraphs[n], rows[i]["en"], swaps[i]) for n, i in zip(copied, (forbidden, mixed))]
    result = check_segments((DraftSegment(str(n), "", p) for n, p in enumerate(draft)), glossary, english_only=True)
    appended = {str(len(paragraphs) + k): str(n) for k, n in enumerate(copied)}
    before = {(f.kind, f.segment, f.entry_id, f.found) for f in clean.issues}
    new = {(f.kind, f.segment, f.entry_id, f.found.casefold()) for f in result.issues if f.segment in appended
           and (f.kind, appended[f.segment], f.entry_id, f.found) not in before}
    assert new == {("forbidden", str(len(paragraphs)), forbidden, swaps[forbidden].casefold()),
                   ("inconsistent", str(len(paragraphs) + 1), mixed, swaps[mixed].casefold())}


def test_acronyms_after_the_full_form_are_not_inconsistent():
    glossary = CheckGlossary([Entry((Term("zh", "上海合作组织"), Term("en", "Shanghai Cooperation Organization"),
                                     Term("en", "SCO", status="admitted", type="acronym")), status="approved", id=1)])
    result = check_segments([
        DraftSegment("1", "上海合作组织成员国", "member states of the Shanghai Cooperation Organisation (SCO)"),
        DraftSegment("2", "上海合作组织峰会", "the SCO summit"),
    ], glossary)
    assert result.issues == ()


def test_admitted_renderings_used_in_turn_are_inconsistent_but_not_missing():
    glossary = CheckGlossary([Entry((Term("zh", "数据库"), Term("en", "database"),
                                     Term("en", "data bank", status="admitted")), status="approved", id=1)])
    result = check_segments([DraftSegment("1", "数据库", "the databases"), DraftSegment("2", "数据库", "the data banks"),
                             DraftSegment("3", "数据库", "the Database")], glossary)
    assert [(f.kind, f.segment, f.expected, f.found) for f in result.issues] == [
        ("inconsistent", "2", "database", "data banks")]


def test_candidates_are_not_required_but_their_forbidden_renderings_are_flagged():
    glossary = CheckGlossary([
        Entry((Term("zh", "数据库"), Term("en", "database"), Term("en", "datastore", status="forbidden"))),
        Entry((Term("zh", "重试"), Term("en", "retry")), status="rejected"),
    ])
    result = check_segments([DraftSegment("1", "数据库已损坏，请重试", "The datastore is broken, try later")], glossary)
    assert [(f.kind, f.found, f.expected) for f in result.issues] == [("forbidden", "datastore", "database")]


def test_a_rendering_in_the_next_segment_counts_when_alignment_is_approximate():
    glossary = CheckGlossary([Entry((Term("zh", "数据库"), Term("en", "database")), status="approved", id=1)])
    segments = [DraftSegment("1", "数据库已损坏。", "It is corrupt,"), DraftSegment("2", "请重试。", "the database. Retry.")]
    assert [f.kind for f in check_segments(segments, glossary).issues] == ["missing"]
    assert check_segments(segments, glossary, window=1).issues == ()


@pytest.mark.parametrize("segments, message", [
    ([DraftSegment("1", "数据库", "资料库")], "target text is Chinese"),
    ([DraftSegment("1", "数据库", "数据库")], "every target is empty or a copy of its Chinese source"),
    ([DraftSegment("1", "database", "数据库")], "swapped"),
    ([DraftSegment("1", "The database", "The database")], "source text is not Chinese"),
    ([DraftSegment("1", "数据库", ""), DraftSegment("2", "重试", " ")], "no segment has a target"),
    ([], "no segments"),
])
def test_wrong_language_and_empty_drafts_are_clear_errors(segments, message):
    with pytest.raises(InputError, match=message):
        check_segments(segments, CheckGlossary([]), name="draft.tsv")


def test_a_deprecated_spelling_marked_exact_is_told_from_the_preferred_one():
    glossary = CheckGlossary([Entry((Term("zh", "中心"), Term("en", "center"),
                                     Term("en", "centre", status="deprecated", exact=True)), status="approved", id=1)])
    result = check_segments([DraftSegment("1", "中心", "the Centre"), DraftSegment("2", "中心", "the centre"),
                             DraftSegment("3", "中心", "the centers")], glossary)
    assert [(f.kind, f.segment, f.found) for f in result.issues] == [("deprecated", "2", "centre")]


def test_untranslated_chinese_is_shown_as_written():
    """The found text of Chinese left in a target is the target's own stretch of it, quotes, numbers and
    an acronym inside it kept (it was the Chinese runs joined by 、, which read as part of the text:
    2023年在“市政府外办” showed as 年在、市政府外办); stretches that English words part are joined by … ."""
    glossary = CheckGlossary([Entry((Term("zh", "数据库"), Term("en", "database")), status="approved", id=1)])
    result = check_segments([
        DraftSegment("1", "数据库", "The database: 2023年，在“市政府外办”办理APEC商务旅行卡420张。"),
        DraftSegment("2", "数据库", "The database 已损坏 and must be 重新建立 today."),
    ], glossary)
    found = [(f.segment, f.found, [s[1:] for s in f.spans]) for f in result.issues]
    line = "The database: 2023年，在“市政府外办”办理APEC商务旅行卡420张。"
    start, end = line.index("年"), line.index("张") + 1
    assert found == [("1", line[start:end], [(start, end)]),
                     ("2", "已损坏 … 重新建立", [(13, 16), (29, 33)])]


def test_targets_copied_from_the_source_are_untranslated_not_a_wrong_language_draft():
    glossary = CheckGlossary([Entry((Term("zh", "数据库"), Term("en", "database")), status="approved", id=1)])
    segments = [DraftSegment(str(i), "数据库已损坏。", "数据库已损坏。") for i in range(1, 5)]
    segments.append(DraftSegment("5", "数据库已损坏。", "The database is corrupt."))
    result = check_segments(segments, glossary)
    assert [(f.kind, f.segment) for f in result.issues] == [("untranslated", str(i)) for i in range(1, 5)]
    assert result.issues[0].message == "the target is a copy of the Chinese source"


def test_a_term_rendered_in_other_words_is_unapproved_only_on_dictionary_evidence():
    """Words that translate a whole CC-CEDICT gloss of the term make it an unapproved rendering; a
    part of a gloss, a shared prefix, unrelated words or the term left in Chinese leave it missing."""
    glossary = CheckGlossary([Entry((Term("zh", "港元"), Term("en", "HKD")), status="approved", id=1),
                              Entry((Term("zh", "认可机构"), Term("en", "AIs")), status="approved", id=2)])
    drafts = [("港元", "The Hong Kong dollar rose."), ("港元", "Banks in Hong Kong rose."),
              ("认可机构", "A new approach."), ("认可机构", "Approved institutions."), ("港元", "The 港元 rose."),
              ("认可机构", "Banks did so.")]
    result = check_segments([DraftSegment(str(n), zh, en) for n, (zh, en) in enumerate(drafts, 1)], glossary)
    found = [(f.segment, f.kind, f.severity, f.found) for f in result.issues if f.kind != "untranslated"]
    assert found == [("1", "unapproved", "warning", "Hong Kong dollar"), ("2", "missing", "error", ""),
                     ("3", "missing", "error", ""), ("4", "unapproved", "warning", "Approved institutions"),
                     ("5", "missing", "error", ""), ("6", "missing", "error", "")]
    unapproved = result.issues[0]
    assert unapproved.expected == "HKD" and unapproved.spans == (("source", 0, 2), ("target", 4, 20))
    strict = check_segments([DraftSegment("1", *drafts[0])], glossary, strict=True)
    assert [(f.kind, f.expected) for f in strict.issues] == [("missing", "HKD")]


def test_us_in_capitals_is_a_word_of_another_rendering():
    """美联储 glossed "US Federal Reserve": "the US Federal Reserve" renders it in other words than the
    glossary's "Fed" (unapproved), the whole name found, "US" with it."""
    glossary = CheckGlossary([Entry((Term("zh", "美联储"), Term("en", "Fed")), status="approved", id=1)])
    result = check_segments([DraftSegment("1", "美联储加息", "The US Federal Reserve raised rates.")], glossary)
    assert [(f.kind, f.found) for f in result.issues] == [("unapproved", "US Federal Reserve")]


def test_us_with_its_first_capital_lost_is_a_word_of_another_rendering():
    """HKMA's 2016 report, taken from a PDF, writes "the uS dollar" (as "the exchange Fund"): 美元, glossed
    "US dollar", is rendered in other words than the glossary's "USD" (unapproved), not left out (missing)."""
    rows = [line.split("\t") for line in
            shared("external", "hkma-annual-reports", "paragraphs.tsv").read_text(encoding="utf-8").splitlines()]
    zh, en = next((zh, en) for *_, zh, en in rows if en.startswith("In the currency markets, the uS dollar continued"))
    glossary = CheckGlossary([Entry((Term("zh", "美元"), Term("en", "USD")), status="approved", id=1)])
    result = check_segments([DraftSegment("1", zh, en)], glossary)
    assert [(f.kind, f.found) for f in result.issues] == [("unapproved", "uS dollar")]


def test_an_acronym_of_a_dictionary_gloss_is_another_rendering():
    """CC-CEDICT glosses 一带一路 "Belt and Road Initiative": BRI renders it (unapproved when the
    glossary lists only "Belt and Road"); other capitals, or the letters in lower case, do not."""
    glossary = CheckGlossary([Entry((Term("zh", "一带一路"), Term("en", "Belt and Road")), status="approved", id=1)])
    drafts = ["Experts from BRI countries met.", "Experts from RBI countries met.", "Experts from Bri countries met.",
              "Experts from Belt and Road countries met."]
    result = check_segments([DraftSegment(str(n), "一带一路国家专家", en) for n, en in enumerate(drafts, 1)], glossary)
    assert [(f.segment, f.kind, f.found) for f in result.issues] == [("1", "unapproved", "BRI"), ("2", "missing", ""),
                                                                     ("3", "missing", "")]
    assert result.issues[0].spans[-1] == ("target", 13, 16)


def test_the_glossary_rendering_shortened_or_as_an_acronym_is_unapproved_not_missing():
    """Half the content words of the glossary's rendering, its first or last among them, an acronym
    of its initials in any order (Hong Kong bodies put HK first), or a blend of its words' openings
    in order (FinTech): the term is rendered, unapproved."""
    glossary = CheckGlossary([Entry((Term("zh", "披露"), Term("en", "public disclosure")), status="approved", id=1),
                              Entry((Term("zh", "香港中资银行业协会"), Term("en", "Chinese Banking Association of Hong Kong")),
                                    status="approved", id=2),
                              Entry((Term("zh", "人民银行"), Term("en", "People’s Bank of China")), status="approved", id=3),
                              Entry((Term("zh", "独立评估"), Term("en", "independent assessment")), status="approved", id=4),
                              Entry((Term("zh", "医疗物资"), Term("en", "medical supplies")), status="approved", id=5),
                              Entry((Term("zh", "金融科技"), Term("en", "financial technology")), status="approved", id=6)])
    drafts = [("披露", "The related disclosures were made."), ("披露", "The Authority made it known."),
              ("香港中资银行业协会", "The HKCBA co-organised the event."), ("香港中资银行业协会", "The HKAB co-organised it."),
              ("香港中资银行业协会", "Its members met."), ("人民银行", "The HKMA and the PBoC sign."),
              ("独立评估", "The division independently assesses the controls."),
              ("医疗物资", "The city delivered medical materials to them."),
              ("金融科技", "He spoke at the FinTech Week."), ("金融科技", "He spoke at the TechFin Week.")]
    result = check_segments([DraftSegment(str(n), zh, en) for n, (zh, en) in enumerate(drafts, 1)], glossary)
    assert [(f.segment, f.kind, f.found) for f in result.issues] == [
        ("1", "unapproved", "disclosures"), ("2", "missing", ""), ("3", "unapproved", "HKCBA"), ("4", "missing", ""),
        ("5", "missing", ""), ("6", "unapproved", "PBoC"), ("7", "unapproved", "independently assesses"),
        ("8", "unapproved", "medical materials"), ("9", "unapproved", "FinTech"), ("10", "missing", "")]
    strict = check_segments([DraftSegment("1", *drafts[0])], glossary, strict=True)
    assert [f.kind for f in strict.issues] == ["missing"]


def test_a_lone_lower_case_word_is_all_the_pairing_can_make_of_it():
    """The search for other renderings skips the miner's pairing when only one word near the
    translating word finds a piece of the term (see OtherRenderings._phrase): this holds only while
    pairing makes of a lone lower-case word that word or nothing, checked here on real sentences."""
    from glossary.mine.pairing import PieceIndex, dictionary_pairs, lone_word_phrase
    from glossary.mine.tokens import en_tokens, zh_words

    checked = 0
    for row in gold_rows(DOCS[0])[:100]:
        tokens = en_tokens(row["evidence_en"])
        for word in {w.text: w for w in zh_words(row["evidence_zh"])}.values():
            index = PieceIndex([word])
            for t, token in enumerate(tokens):
                near = tokens[max(0, t - 6):t + 7]
                alone = lone_word_phrase(token)
                if alone and index.finds(token) and sum(map(index.finds, near)) == 1:
                    pairs = dictionary_pairs([word], near, variants_of=lambda _: True, spans=[(0, 1)])
                    assert [(p.en_start, p.en_end) for p in pairs] in ([], [alone]), (word.text, token.text)
                    checked += 1
    assert checked > 150


def test_known_term_pairing_finds_what_the_miners_pairing_finds():
    """The checker pairs a known term with known_term_pair, the miner's dictionary_pairs for one
    word made cheap: both must give the same phrase, on real sentences, whatever the miner learns."""
    from glossary.mine.pairing import PieceIndex, dictionary_pairs, known_term_pair
    from glossary.mine.tokens import en_tokens, zh_words

    found = 0
    for row in gold_rows(DOCS[0])[:60]:
        tokens = en_tokens(row["evidence_en"])
        for word in {w.text: w for w in zh_words(row["evidence_zh"])}.values():
            index = PieceIndex([word])
            for t in range(0, len(tokens), 4):
                near = tokens[max(0, t - 6):t + 7]
                pairs = dictionary_pairs([word], near, variants_of=lambda _: True, spans=[(0, 1)])
                pair = known_term_pair(word, near, index)
                assert ([pair] if pair else []) == pairs[:1], (word.text, row["evidence_en"])
                found += bool(pair)
    assert found > 50


def test_a_rendering_defined_in_parentheses_by_another_is_no_inconsistency():
    """HKMA's 2024 calendar writes "Generative Artificial Intelligence (GenAI)" once, then "GenAI": with GenAI
    preferred (as the miner makes it, typed a full form, not an acronym) the definition was an inconsistent
    use of the admitted full form; the full form alone in a paper's title (line 133) still is one."""
    path = shared("external", "hkma-annual-reports", "texts", "2024", "02_calendar-of-events-2024.en.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    glossary = CheckGlossary([Entry((Term("zh", "生成式人工智能"), Term("en", "GenAI"),
                                     Term("en", "Generative Artificial Intelligence", status="admitted")),
                                    status="approved", id=1)])
    draft = [DraftSegment(str(n), "", line, line=n) for n, line in enumerate(lines, 1) if line.strip()]
    defined = [n for n, line in enumerate(lines, 1) if "Generative Artificial Intelligence (GenAI)" in line]
    alone = [n for n, line in enumerate(lines, 1) if "Generative Artificial Intelligence in" in line]
    assert defined and alone
    result = check_segments(draft, glossary, english_only=True)
    assert [(i.kind, i.line, i.found) for i in result.issues] == [
        ("inconsistent", n, "Generative Artificial Intelligence") for n in alone]


def hkma_paragraph(phrase: str) -> tuple[str, str]:
    """The (Chinese, English) of the HKMA annual-report paragraph whose English holds `phrase`."""
    rows = [line.split("\t") for line in
            shared("external", "hkma-annual-reports", "paragraphs.tsv").read_text(encoding="utf-8").splitlines()]
    return next((zh, en) for *_, zh, en in rows if phrase in en)


def approved(*entries: tuple[str, ...]) -> CheckGlossary:
    """A glossary of approved entries, each (Chinese, English...)."""
    return CheckGlossary(Entry((Term("zh", zh), *(Term("en", en) for en in english)), status="approved", id=n)
                         for n, (zh, *english) in enumerate(entries, 1))


@pytest.mark.parametrize(("phrase", "entries", "deleted", "found"), [
    # the rendering deleted: the words left are another source term's approved rendering
    ("capitalise on new trends", [("開拓新機遇", "new opportunities"), ("新趨勢", "new trends")], "new opportunities", ""),
    ("reported to and discussed at the Risk Committee", [("新生風險", "emerging risks"), ("風險委員會", "Risk Committee")],
     "emerging risks", ""),
    # still other renderings: a term sharing characters whose rendering does not say its own last piece (金融科技
    # mined as "financial industry"), a term holding the other's characters
    ("Another key growth engine for the financial industry", [("金融業", "financial sector"), ("金融科技", "financial industry")],
     "", "financial industry"),
    ("make the outlook for the local housing market uncertain", [("住宅物業市場", "residential property market"),
                                                                 ("物業市場", "property market")], "", "property market"),
    ("The 2008 GFC revealed the many shortcomings", [("國際監管標準", "international supervisory standards"),
                                                    ("國際標準", "international standards")], "", "international standards"),
])
def test_words_that_render_another_source_term_render_no_other(phrase, entries, deleted, found):
    """Words the glossary gives another term of the segment's source (and that term is there) are its rendering,
    not another rendering of a term whose own rendering is gone: that term is missing (an error), not
    unapproved (a warning a CI check lets pass). Real HKMA paragraphs, the rendering deleted as a translator
    may drop it."""
    zh, en = hkma_paragraph(phrase)
    assert all(term in zh for term, *_ in entries)
    if deleted:
        assert re.search(rf"\b{deleted}\b", en, flags=re.IGNORECASE)
        en = re.sub(rf"\b{deleted}\b ?", "", en, count=1, flags=re.IGNORECASE)
    result = check_segments([DraftSegment("1", zh, en)], approved(*entries))
    term = entries[0][0]
    assert [(f.kind, f.found) for f in result.issues if f.source_term == term] == [
        ("unapproved", found) if found else ("missing", "")]


@pytest.mark.parametrize(("status", "found"), [("candidate", [("unapproved", "HKMA")]), ("approved", [])])
def test_another_entry_of_the_same_chinese_renders_it(status, found):
    """The "HKMA" of 年報's "HKMA Annual Report" is also the rendering of another entry of 金管局: a candidate's
    is another rendering (unapproved), an approved one's is an approved rendering (no finding)."""
    zh, en = hkma_paragraph("Annual Report 2014 received a Bronze")
    glossary = CheckGlossary([Entry((Term("zh", "金管局"), Term("en", "Hong Kong Monetary Authority")), status="approved", id=1),
                              Entry((Term("zh", "金管局"), Term("en", "HKMA")), status=status, id=2),
                              Entry((Term("zh", "年報"), Term("en", "HKMA Annual Report")), status="approved", id=3)])
    result = check_segments([DraftSegment("1", zh, en)], glossary)
    assert [(f.kind, f.found) for f in result.issues if f.source_term == "金管局"] == found


@pytest.mark.parametrize(("phrase", "short", "name", "inner"), [
    ("Shenzhen-Hong Kong Stock Connect was launched", ("深港通", "Shenzhen-Hong Kong Stock Connect"),
     "深港股票市場交易互聯互通機制", ("股票", "equities")),
    ("jointly issue a circular to provide updated guidance to intermediaries",
     ("證監會", "SFC"), "證券及期貨事務監察委員會", ("監察", "surveillance")),
])
def test_a_term_inside_a_name_given_with_its_short_form_is_the_names_word(phrase, short, name, inner):
    """HKMA writes 深港股票市場交易互聯互通機制「深港通」 and 證券及期貨事務監察委員會（證監會）: a name, then its
    short form, whose characters it holds in order. 股票 and 監察 inside the name are its words, which the short
    form's rendering says: not missing "equities", "surveillance" (real paragraphs); without that rendering they are."""
    zh, en = hkma_paragraph(phrase)
    assert name + "「" + short[0] in zh or name + "（" + short[0] in zh
    assert zh.count(inner[0]) == zh.count(name) and inner[1] not in en.casefold()
    glossary = approved(short, inner)
    assert [f for f in check_segments([DraftSegment("1", zh, en)], glossary).issues if f.source_term == inner[0]] == []
    unsaid = re.sub(rf"\s*\(?{re.escape(short[1])}\)?", "", en)
    assert [f.kind for f in check_segments([DraftSegment("1", zh, unsaid)], glossary).issues
            if f.source_term == inner[0]] == ["missing"]


def test_a_blend_in_lower_case_is_another_rendering():
    """"fintech" blends "financial technology" as FinTech does: 金融科技 is rendered so, not by the "finance" of
    绿色金融's "green finance" (a real HKMA paragraph)."""
    zh, en = hkma_paragraph("extensive promotion campaigns on green finance, fintech")
    result = check_segments([DraftSegment("1", zh, en)], approved(("金融科技", "financial technology"),
                                                                   ("綠色金融", "green finance")))
    assert [(f.kind, f.source_term, f.found) for f in result.issues] == [("unapproved", "金融科技", "fintech")]
