"""The checker's term matching: Chinese longest match and Traditional input, English folding, exact terms."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from conftest import shared

from glossary.check import CheckGlossary, check_segments
from glossary.check.matcher import TermMatcher, longest
from glossary.keys import en_fold_word, en_match_tokens, zh_match_text
from glossary.models import DraftSegment, Entry, Term


def spans(matcher: TermMatcher, text: str, breaks=(), only_longest=False):
    hits = matcher.find(text, breaks)
    if only_longest:
        hits = longest(hits)
    return [(text[h.start:h.end], h.term_ids) for h in hits]


@pytest.mark.parametrize("uk, us", [
    ("colour", "color"), ("labourers", "laborer"), ("centres", "center"), ("organisation", "organization"),
    ("organised", "organized"), ("analyse", "analyze"), ("catalogue", "catalog"), ("travelled", "traveled"),
    ("modelling", "modeling"), ("defence", "defense"), ("programmes", "program"), ("judgement", "judgment"),
])
def test_uk_and_us_spellings_fold_together(uk, us):
    assert en_fold_word(uk) == en_fold_word(us)


@pytest.mark.parametrize("word, folded", [
    ("policies", "policy"), ("taxes", "tax"), ("churches", "church"), ("zones", "zone"),
    ("China's", "china"), ("China’s", "china"), ("process", "process"), ("status", "status"), ("analysis", "analysis"),
])
def test_plurals_and_possessives_fold(word, folded):
    assert en_fold_word(word) == folded


def test_distinct_words_stay_distinct():
    assert en_fold_word("fill") != en_fold_word("file")
    assert en_fold_word("filled") != en_fold_word("filed")
    assert en_fold_word("policy") != en_fold_word("police")


def test_english_match_tokens_keep_offsets_and_block_punctuation():
    text = "The Centre, travelled"
    tokens, starts, ends = en_match_tokens(text)
    assert tokens == ["the", "center", "\x1f", "traveled"]
    assert [text[starts[k]:ends[k]] for k in (0, 1, 3)] == ["The", "Centre", "travelled"]


def test_chinese_match_text_is_simplified_and_keeps_offsets():
    norm, offsets = zh_match_text("「數據庫」，ＡＢＣ")
    assert norm == "数据库\x1fabc"
    assert offsets == [1, 2, 3, 5, 6, 7, 8]


def test_chinese_longest_match_never_fires_inside_a_longer_term():
    m = TermMatcher("zh", [(0, "动作", False), (1, "动作片", False)])
    assert spans(m, "这是一部动作片，动作很多。", only_longest=True) == [("动作片", (1,)), ("动作", (0,))]


def test_traditional_text_matches_simplified_terms_with_original_offsets():
    m = TermMatcher("zh", [(0, "外防输入", False)])
    text = "堅持「外防輸入」"
    assert spans(m, text) == [("外防輸入", (0,))]


def test_inline_code_is_a_boundary_in_chinese():
    m = TermMatcher("zh", [(0, "数据库", False)])
    assert spans(m, "请备份数据库") == [("数据库", (0,))]
    assert spans(m, "请备份数据库", breaks=(5,)) == []


def test_english_folds_case_plural_spelling_hyphen_and_quotes():
    m = TermMatcher("en", [(0, "anti-epidemic centre", False), (1, "Belt and Road Initiative", False)])
    text = "Anti epidemic centers and the “belt and road initiative’s” antiepidemic Center"
    found = spans(m, text)
    assert found == [("Anti epidemic centers", (0,)), ("belt and road initiative’s", (1,)),
                     ("antiepidemic Center", (0,))]


def test_english_needs_word_boundaries():
    m = TermMatcher("en", [(0, "port", False)])
    assert spans(m, "the airport and the transport port") == [("port", (0,))]


def test_english_terms_do_not_match_across_punctuation():
    m = TermMatcher("en", [(0, "reform and opening up", False)])
    assert spans(m, "reform. And opening up") == []
    assert spans(m, "reform and opening-up") == [("reform and opening-up", (0,))]  # the compound matched whole
    assert spans(TermMatcher("en", [(0, "opening", False)]), "reform and opening-up") == []  # never a part of it
    m2 = TermMatcher("en", [(0, "opening-up", False)])
    assert spans(m2, "reform and opening up") == [("opening up", (0,))]


def test_inline_code_splits_english_words_instead_of_gluing_them():
    m = TermMatcher("en", [(0, "database", False), (1, "data base", False)])
    assert spans(m, "database", breaks=(4,)) == [("database", (1,))]


def test_a_spelling_in_the_glossary_beats_a_looser_one():
    m = TermMatcher("en", [(0, "database", False), (1, "data base", False)])
    assert spans(m, "the database") == [("database", (0,))]
    assert spans(m, "the data base") == [("data base", (1,))]


def test_a_closed_compound_written_open_is_found():
    """English writes a compound open or closed as it writes it hyphenated or not: "data base", "policy makers"
    and "health care" are the glossary's "database", "policymaker" and "healthcare" (all were `missing`).
    Parts under three letters and function words never join, nor words punctuation separates."""
    m = TermMatcher("en", [(0, "database", False), (1, "policymaker", False), (2, "healthcare system", False),
                           (3, "online", False), (4, "into", False), (5, "forever", False)])
    assert spans(m, "the data base") == [("data base", (0,))]
    assert spans(m, "Policy makers say") == [("Policy makers", (1,))]
    assert spans(m, "a health care system") == [("health care system", (2,))]
    assert spans(m, "go on line, look in to it for ever") == []
    assert spans(m, "data, base; policy-makers") == [("policy-makers", (1,))]


def test_exact_terms_and_acronyms_match_as_written():
    m = TermMatcher("en", [(0, "Party", True), (1, "US", False), (2, "SCO", False)])
    assert spans(m, "the party and the Party") == [("Party", (0,))]
    assert spans(m, "let us see the US and two SCOs") == [("US", (1,)), ("SCOs", (2,))]
    assert spans(m, "USA") == []


def test_a_term_after_a_longer_terms_failed_prefix_is_found():
    m = TermMatcher("zh", [(0, "通胀", False), (1, "高通胀率", False)])
    assert spans(m, "#高通脹", only_longest=True) == [("通脹", (0,))]


def test_an_s_word_the_glossary_holds_apart_is_not_a_plural():
    from glossary.check import CheckGlossary, check_segments
    from glossary.models import DraftSegment, Entry, Term

    glossary = CheckGlossary([
        Entry((Term("zh", "新闻"), Term("en", "news")), status="approved", id=1),
        Entry((Term("zh", "新"), Term("en", "new")), status="approved", id=2),
        Entry((Term("zh", "海关"), Term("en", "customs")), status="approved", id=3),
        Entry((Term("zh", "习俗"), Term("en", "custom")), status="approved", id=4),
        Entry((Term("zh", "新闻发布会"), Term("en", "news conference")), status="approved", id=5),
        Entry((Term("zh", "中央银行"), Term("en", "central bank")), status="approved", id=6),
        Entry((Term("zh", "央行"), Term("en", "central banks")), status="approved", id=7),  # one concept, two numbers
        Entry((Term("zh", "银行"), Term("en", "bank")), status="approved", id=8),
        Entry((Term("zh", "銀行"), Term("en", "banks")), status="approved", id=9),  # the same Chinese
    ])
    assert glossary.en.keep == {"news", "customs"}

    def missing(source, target):
        return [f.expected for f in check_segments([DraftSegment("1", source, target)], glossary).issues
                if f.kind == "missing"]

    assert missing("新闻", "This is new.") == ["news"]
    assert missing("新闻", "The News is out.") == []
    assert missing("新", "The news is out.") == ["new"]
    assert missing("海关", "a local custom") == ["customs"]
    assert missing("习俗", "the customs") == ["custom"]
    assert missing("新闻发布会", "a new conference") == ["news conference"]  # in longer terms too
    assert missing("中央银行和银行", "central banks and the banks") == []  # real plurals still fold


def test_a_large_glossarys_names_and_near_synonyms_do_not_stop_plurals_folding():
    """CC-CEDICT's own first glosses as a glossary: "Banks" (班克斯, a surname) does not make "banks" a
    word of its own, nor do 物价 "prices" / 价格 "price", 事宜 "matters" / 事项 "matter", 守则 "rules" /
    规则 "rule" (one concept: the Chinese share half their characters); 新闻 "news" / 新 "new" (an
    adjective has no plural) and 海关 "customs" / 向例 "custom" stay apart."""
    wanted = {"银行", "班克斯", "价格", "物价", "事项", "事宜", "海关", "向例", "新闻", "新", "守则", "规则"}
    entries = []
    for line in shared("external", "cc-cedict", "cedict_ts.u8").open(encoding="utf-8"):
        fields = re.match(r"\S+ (\S+) \[[^]]*\] /([^/]+)/", line)
        if fields and fields[1] in wanted and not line.startswith("#"):
            gloss = re.sub(r"\([^)]*\)", "", fields[2]).strip()
            entries.append(Entry((Term("zh", fields[1]), Term("en", gloss)), status="approved", id=len(entries) + 1))
    glossary = CheckGlossary(entries)
    assert {t for t in glossary.text if t in ("Banks", "prices", "matters", "rules", "news", "customs")} == {
        "Banks", "prices", "matters", "rules", "news", "customs"}
    assert glossary.en.keep == {"news", "customs"}
    draft = [DraftSegment("1", "银行和价格", "Banks raised prices."), DraftSegment("2", "规则和事项", "The rules and other matters.")]
    assert [f for f in check_segments(draft, glossary).issues if f.kind == "missing"] == []


def test_an_acronym_does_not_hide_its_plural_written_as_another_terms_rendering():
    """HKMA's own term lists give 儲值支付工具 as "SVF" in one report and "SVFs" in another, and
    香港銀行同業拆息 as "HIBOR" and "HIBORs": an acronym matched as written must not hide the other
    entry's rendering at the same words, or every paragraph saying "SVFs" reports it missing."""
    glossary, renderings = hkma_entries(lambda zh, en: zh in ("儲值支付工具", "香港銀行同業拆息"))
    assert {"SVF", "SVFs", "HIBOR", "HIBORs"} <= {en for _, en in renderings}
    draft = hkma_paragraphs(lambda zh, en: any(z in zh and e in en for z, e in renderings))
    assert len(draft) >= 10
    result = check_segments(draft, glossary)
    said = {(f.segment, f.expected) for f in result.issues if f.kind == "missing"}
    written = {(s.id, en) for s in draft for zh, en in renderings if zh in s.source
               and re.search(rf"\b{re.escape(en.removesuffix('s'))}s?\b", s.target)}
    assert written and not said & written


def hkma_entries(wanted) -> tuple[CheckGlossary, list[tuple[str, str]]]:
    """A glossary of the (zh, en) pairs of HKMA's own term lists that `wanted(zh, en)` keeps."""
    import json

    pairs: dict[tuple[str, str], None] = {}
    for line in shared("external", "hkma-annual-reports", "terms_per_doc_filtered.jsonl").open(encoding="utf-8"):
        terms = json.loads(line)
        for source, targets in terms["terms"].items():  # (a report's list runs en-zh or zh-en: its "direction")
            for target in targets:
                zh, en = (target, source) if terms["direction"] == "en-zh" else (source, target)
                if wanted(zh, en):
                    pairs[zh, en] = None
    glossary = CheckGlossary([Entry((Term("zh", zh), Term("en", en)), status="approved", id=n)
                              for n, (zh, en) in enumerate(pairs, 1)])
    return glossary, list(pairs)


def hkma_paragraphs(keep) -> list[DraftSegment]:
    rows = [line.split("\t") for line in shared("external", "hkma-annual-reports", "paragraphs.tsv")
            .read_text(encoding="utf-8").splitlines()[1:]]
    return [DraftSegment(f"{r[0]}/{r[1]}", r[2], r[3]) for r in rows if len(r) >= 4 and keep(r[2], r[3])]


def test_another_approved_entry_of_the_same_chinese_rendered_is_no_missing_term():
    """HKMA's lists give 認可機構, 企業財資中心 and 金管局 in several entries, one rendering each ("AIs",
    "authorized institutions"; "CTCs", "corporate treasury centres"; "HKMA", "Hong Kong Monetary Authority"):
    a paragraph saying one of them renders the term with an approved rendering, so the others are neither
    missing nor "unapproved" (every paragraph saying "AIs" reported "authorized institutions" missing)."""
    glossary, pairs = hkma_entries(lambda zh, en: zh in ("認可機構", "企業財資中心", "金管局"))
    assert len(pairs) >= 10

    def said(zh: str, en: str) -> bool:
        return any(z in zh for z, _ in pairs) and all(
            any(re.search(rf"\b{re.escape(e)}\b", en, re.I) for y, e in pairs if y == z) for z, _ in pairs if z in zh)

    draft = hkma_paragraphs(said)
    assert len(draft) >= 100
    assert [(f.kind, f.source_term, f.expected) for f in check_segments(draft, glossary).issues
            if f.kind in ("missing", "unapproved")] == []


def test_a_noun_rendering_said_as_its_verb_or_adjective_is_found():
    """HKMA's lists give 綜合 as "consolidation", 數碼化 as "digitalisation" and 可持續發展 as "sustainability":
    "consolidated capital ratios", "to digitalise trade", "a Sustainable Belt and Road" say them (they were
    missing); a word the noun is not made from ("consolidating" is, "console" is not) still is not."""
    wanted = {("綜合", "consolidation"), ("數碼化", "digitalisation"), ("可持續發展", "sustainability")}
    glossary, pairs = hkma_entries(lambda zh, en: (zh, en) in wanted)
    assert set(pairs) == wanted
    said = {"綜合": "consolidated", "數碼化": "digitalis", "可持續發展": "sustainable"}
    draft = hkma_paragraphs(lambda zh, en: any(z in zh for z in said) and all(
        re.search(said[z], en, re.I) and not re.search(e, en, re.I) for z, e in pairs if z in zh))
    assert len(draft) >= 20
    assert [(f.segment, f.source_term) for f in check_segments(draft, glossary).issues if f.kind == "missing"] == []
    console = [replace(s, target=re.sub(r"(?i)consolidated", "console", s.target)) for s in draft if "綜合" in s.source]
    assert {f.segment for f in check_segments(console, glossary).issues if f.kind == "missing"} == {s.id for s in console}


def test_a_term_with_several_entries_is_one_finding_naming_their_renderings():
    """HKMA's lists give 認可機構 in six entries ("AIs", "authorized institutions", "Authorized Institutions", the
    scanned "Als"...): a paragraph saying "banks" instead was a finding per entry. It is one, naming every
    rendering."""
    glossary, pairs = hkma_entries(lambda zh, en: zh == "認可機構")
    renderings = {en for _, en in pairs}
    assert len(renderings) >= 4
    draft = hkma_paragraphs(lambda zh, en: "認可機構" in zh and not re.search(r"\bA[Il]s?\b|authori[sz]ed institution", en, re.I))
    assert len(draft) >= 5
    findings = [f for f in check_segments(draft, glossary).issues if f.source_term == "認可機構"]
    assert sorted(f.segment for f in findings) == sorted(s.id for s in draft)
    assert all(f"“{r.casefold()}”" in f.message.casefold() for f in findings for r in renderings)


@pytest.mark.parametrize("number", ["singular", "plural"])
def test_a_short_acronym_in_the_other_number_is_found(number):
    """HKMA's lists give 認可機構 as "AIs", 兌換保證 as "CUs", 諒解備忘錄 as "MoUs" (and elsewhere as "CU", "MoU"):
    "the AI concerned", "the weak-side CU", "an MoU" say them. A word of three letters or less kept its -s
    (news-like), so a two-letter acronym and its plural never met."""
    plurals = {"認可機構": "AIs", "兌換保證": "CUs", "諒解備忘錄": "MoUs"}
    listed = {zh: en if number == "plural" else en[:-1] for zh, en in plurals.items()}
    written = {zh: en[:-1] if number == "plural" else en for zh, en in plurals.items()}
    glossary, pairs = hkma_entries(lambda zh, en: listed.get(zh) == en)
    terms = {zh for zh, _ in pairs}  # (the lists have no "AI")
    assert len(terms) >= 2
    draft = hkma_paragraphs(lambda zh, en: any(z in zh for z in terms) and all(
        re.search(rf"\b{written[z]}\b", en) and not re.search(rf"\b{listed[z]}\b", en) for z in terms if z in zh))
    assert len(draft) >= 5
    assert [(f.segment, f.source_term, f.kind) for f in check_segments(draft, glossary).issues] == []


def test_a_term_whose_end_starts_a_longer_term_the_sentence_says_is_not_there():
    """過去幾年金管局, 2017年金管局: leftmost-longest took 年金 ("annuity", from HKMA's lists) and lost 金管局; the
    sentence's words are 年|金管局 (9 false "annuity" in the HKMA draft). 香港年金計劃 still says 年金."""
    glossary, pairs = hkma_entries(lambda zh, en: "年金" in (zh, en) or (zh, en) == ("金管局", "HKMA"))
    assert ("年金", "annuity") in pairs
    parted = hkma_paragraphs(lambda zh, en: "年金管局" in zh and "年金" not in zh.replace("年金管局", "")
                             and "HKMA" in en and "annuit" not in en.lower())
    said = hkma_paragraphs(lambda zh, en: re.search("年金(?![管融])", zh) and "HKMA" not in en and "annuit" not in en.lower())
    assert len(parted) >= 10 and said
    findings = check_segments(parted + said, glossary).issues
    assert [f.segment for f in findings if f.source_term == "年金"] == [s.id for s in said]
    assert not [f for f in findings if f.source_term == "金管局"]


def test_a_rendering_with_the_article_is_found_without_it():
    """HKMA's lists give "the Government" and "the Group": "the US government", "Government policy"
    and "Group financial statements" say them; a missing "the" is no missing term."""
    glossary, pairs = hkma_entries(lambda zh, en: en.startswith("the ") and zh in ("政府", "集團"))
    assert {en for _, en in pairs} == {"the Government", "the Group"}
    def said_without_the(zh: str, en: str) -> bool:
        said = [re.search(rf"(?<![\w-])(?<!the ){e[4:]}(?![\w-])", en, re.I) for z, e in pairs if z in zh]
        return bool(said) and all(said)

    draft = hkma_paragraphs(said_without_the)
    assert len(draft) >= 20
    assert [f for f in check_segments(draft, glossary).issues if f.kind in ("missing", "unapproved")] == []


def test_a_chinese_term_ending_in_a_digit_is_not_found_inside_a_longer_number():
    """图1 (Chart 1) is not in 图10 or 图11: HKMA's charts 10 and up were reported as missing "Chart 1"."""
    glossary, pairs = hkma_entries(lambda zh, en: re.fullmatch(r"圖\d", zh) is not None)
    assert ("圖1", "Chart 1") in pairs
    draft = hkma_paragraphs(lambda zh, en: re.search(r"圖1\d", zh) and not re.search(r"圖1(?!\d)", zh))
    assert len(draft) >= 10
    assert [(f.source_term, f.expected) for f in check_segments(draft, glossary).issues] == []


def test_a_currency_code_glued_to_its_amount_is_found():
    """HKMA writes "RMB17 billion": 人民幣 rendered "RMB" is there, not missing."""
    glossary, pairs = hkma_entries(lambda zh, en: (zh, en) == ("人民幣", "RMB"))
    assert pairs
    draft = hkma_paragraphs(lambda zh, en: "人民幣" in zh and re.search(r"RMB\d", en) and not re.search(r"RMB(?!\d)", en))
    assert len(draft) >= 5
    assert [(f.kind, f.segment) for f in check_segments(draft, glossary).issues] == []


def test_an_acronym_rendering_spelled_out_in_the_draft_is_unapproved_not_missing():
    """HKMA's lists give 財政司司長 as "FS" and 銀行業條例 as "BO": a draft saying "Financial Secretary" or
    "Banking Ordinance" renders them in words the glossary does not list (a warning), it does not miss
    them; words inside a longer name (Infrastructure Financing Facilitation Office) spell no "FFO"."""
    glossary, pairs = hkma_entries(lambda zh, en: (zh, en) in {("財政司司長", "FS"), ("銀行業條例", "BO"),
                                                               ("金融科技促進辦公室", "FFO")})
    assert len(pairs) == 3
    draft = hkma_paragraphs(lambda zh, en: any(z in zh for z, _ in pairs) and not re.search(r"\b(FS|BO|FFO)\b", en))
    findings = check_segments(draft, glossary).issues
    spelled = {(f.expected, f.found) for f in findings if f.kind == "unapproved"}
    assert {("FS", "Financial Secretary"), ("BO", "Banking Ordinance"), ("FFO", "Fintech Facilitation Office")} <= spelled
    assert not any(f.found.startswith("Financing Facilitation") for f in findings)
    written = {"FS": "Financial Secretary", "BO": "Banking Ordinance", "FFO": "Fintech Facilitation Office"}
    for f in findings:
        segment = next(s for s in draft if s.id == f.segment)
        if written[f.expected] in segment.target:
            assert f.kind == "unapproved", (f, segment.target)


def test_a_glossary_verb_with_to_is_found_in_its_inflected_forms():
    """CC-CEDICT glosses verbs "to promote", "to introduce": a draft's "promotes", "introduced" and
    "attracting" say them, even where another entry of the glossary spells the bare word."""
    wanted = {"促进", "介绍", "吸引", "挑战"}
    entries = []
    for line in shared("external", "cc-cedict", "cedict_ts.u8").open(encoding="utf-8"):
        fields = re.match(r"\S+ (\S+) \[[^]]*\] /([^/;]+)", line)
        if fields and fields[1] in wanted:
            entries.append(Entry((Term("zh", fields[1]), Term("en", re.sub(r"\([^)]*\)", "", fields[2]).strip())),
                                 status="approved", id=len(entries) + 1))
    entries.append(Entry((Term("zh", "难题"), Term("en", "challenge")), status="approved", id=len(entries) + 1))
    glossary = CheckGlossary(entries)
    assert sorted(glossary.text[t] for t in glossary.en.keys) == [
        "challenge", "to attract", "to challenge", "to introduce", "to promote"]
    draft = [DraftSegment("1", "促进贸易", "It promotes trade."), DraftSegment("2", "介绍了", "They introduced it."),
             DraftSegment("3", "吸引投资", "attracting investment"), DraftSegment("4", "挑战", "new challenges")]
    assert [(f.segment, f.kind) for f in check_segments(draft, glossary).issues] == []
    assert [(f.segment, f.kind) for f in check_segments([DraftSegment("5", "促进贸易", "It helps trade.")],
                                                       glossary).issues] == [("5", "missing")]


def test_a_word_held_apart_is_still_a_plural_inside_a_longer_term():
    """CC-CEDICT glosses 收视率 "ratings" (of a TV show) and 评级 "rating": one word alone, "ratings" is
    its own; inside "credit rating" (信用评级) it is the plural ("credit ratings"), while "news
    conference" never becomes "new conference" ("new" is only a modifier)."""
    wanted = {"收视率", "评级", "信用评级", "新闻", "新闻发布会"}
    entries = [Entry((Term("zh", "新"), Term("en", "new")), status="approved", id=1)]
    for line in shared("external", "cc-cedict", "cedict_ts.u8").open(encoding="utf-8"):
        fields = re.match(r"\S+ (\S+) \[[^]]*\] /([^/]+)/", line)
        if fields and fields[1] in wanted:
            entries.append(Entry((Term("zh", fields[1]), Term("en", re.sub(r"\([^)]*\)", "", fields[2]).strip())),
                                 status="approved", id=len(entries) + 1))
    glossary = CheckGlossary(entries)
    assert glossary.en.keep == {"ratings", "news"}

    def missing(source, target):
        return [f.expected for f in check_segments([DraftSegment("1", source, target)], glossary).issues
                if f.kind == "missing"]

    assert missing("信用评级", "their credit ratings") == []
    assert missing("评级", "the ratings") == ["rating"]
    assert missing("新闻发布会", "a new conference") == ["news conference"]


def test_a_term_the_sentences_words_cut_across_or_a_negation_turns_around_is_not_found():
    """HKMA's paragraphs say 緊密合作 (緊密|合作, "close co-operation"), 確保本地 (確保|本地) and
    香港人民幣 (香港|人民幣): CC-CEDICT's 密合 "close-fitting", 保本 "to preserve capital" and 港人 "Hong
    Kong people" cut across those words and are not there. 非美元資產 "non-US dollar assets" says the
    opposite of HKMA's 美元資產 "US dollar assets"; 美元資產 alone is still found."""
    cut_across = {"密合": "close-fitting", "保本": "to preserve capital", "港人": "Hong Kong people"}
    glossary = CheckGlossary([Entry((Term("zh", zh), Term("en", en)), status="approved", id=n) for n, (zh, en)
                              in enumerate([*cut_across.items(), ("美元資產", "US dollar assets")], 1)])
    draft = hkma_paragraphs(lambda zh, en: re.search("緊密合作|確保本|香港人民幣|非美元資產", zh))
    assert len(draft) >= 60
    assert [(f.kind, f.source_term) for f in check_segments(draft, glossary).issues
            if f.source_term in cut_across or "非美元資產" in f.source] == []
    assert spans(glossary.zh, "持有流通性極高的美元資產", only_longest=True)[0][0] == "美元資產"


def test_another_rendering_is_reported_without_its_possessive():
    """HKMA writes "the financial industry’s development" for 金融業: with 金融業 approved as "financial
    sector", the rendering the draft uses is "financial industry", not "financial industry’s"."""
    glossary = CheckGlossary([Entry((Term("zh", "金融業"), Term("en", "financial sector")), status="approved", id=1)])
    draft = hkma_paragraphs(lambda zh, en: "金融業" in zh and "financial sector" not in en)
    found = [f.found for f in check_segments(draft, glossary).issues if f.kind == "unapproved"]
    assert "financial industry" in found
    assert not [f for f in found if f.endswith(("’s", "'s", "s’"))]


def test_a_verb_phrase_term_is_found_with_its_verb_inflected():
    """HKMA writes "enhancing consumer protection" and "enhanced consumer protection" for 加強消費者保障:
    a glossary's verb phrase "enhance consumer protection" (enhance: only ever a verb) is there, and so
    is "to build a community" in "built a community"; a noun that opens a phrase (control measures) is
    not a verb to inflect."""
    glossary = CheckGlossary([Entry((Term("zh", "加強消費者保障"), Term("en", "enhance consumer protection")),
                                    status="approved", id=1)])
    draft = hkma_paragraphs(lambda zh, en: "加強消費者保障" in zh and re.search(r"enhanc(ed|ing) consumer protection", en))
    assert len(draft) >= 2 and not [s for s in draft if "enhance consumer protection" in s.target]
    assert [(f.kind, f.segment) for f in check_segments(draft, glossary).issues] == []
    from glossary.keys import en_term_keys

    assert " built  a  community " in {key for key, _ in en_term_keys("to build a community")}
    assert not [key for key, _ in en_term_keys("control measures") if "controlled" in key or "controlling" in key]


def test_verbs_joined_in_a_glossary_phrase_are_found_inflected_together():
    """HKMA writes "are reviewed and reported every quarter" for 按季檢討及匯報: a glossary's "to review and
    report" is there, every verb of it in the same form ("prevent and control": "preventing and
    controlling"), but not with only the first verb inflected."""
    glossary = CheckGlossary([Entry((Term("zh", "檢討及匯報"), Term("en", "to review and report")), status="approved", id=1)])
    draft = hkma_paragraphs(lambda zh, en: "檢討及匯報" in zh and "reviewed and reported" in en)
    assert len(draft) >= 2
    assert [(f.kind, f.segment) for f in check_segments(draft, glossary).issues] == []
    from glossary.keys import en_term_keys

    keys = {key for key, _ in en_term_keys("prevent and control")}
    assert " preventing  and  controlling " in {key.replace("controling", "controlling") for key in keys}
    assert not [key for key in keys if "prevented  and  control " in key]


def test_a_wrong_spelling_is_wrong_in_a_title_or_at_a_sentence_start():
    """HKMA writes "Centre" in names and at sentence starts: with 中心 approved as "center" and "centre"
    deprecated, "Centre" is the deprecated spelling too (it passed as the right term); a term written
    wrong only in its case (internet for Internet) stays wrong only as written."""
    glossary = CheckGlossary([Entry((Term("zh", "中心"), Term("en", "center"), Term("en", "centre", status="deprecated")),
                                    status="approved", id=1),
                              Entry((Term("zh", "互联网"), Term("en", "Internet"), Term("en", "internet", status="deprecated")),
                                    status="approved", id=2)])
    draft = hkma_paragraphs(lambda zh, en: "中心" in zh and "Centre" in en and "centre" not in en and "center" not in en.lower())
    assert len(draft) >= 3
    issues = check_segments(draft, glossary).issues
    assert {(f.kind, f.found) for f in issues if f.source_term == "中心"} == {("deprecated", "Centre")}
    assert len({f.segment for f in issues if f.kind == "deprecated"}) >= 3
    internet = check_segments([DraftSegment("1", "互联网", "Internet banking"), DraftSegment("2", "互联网", "internet banking")],
                              glossary).issues
    assert [(f.kind, f.segment) for f in internet] == [("deprecated", "2")]
