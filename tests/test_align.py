"""Sentence splitting, anchors and the aligner, pinned on every layout of ../shared/corpus."""

from __future__ import annotations

import sys
from functools import cache

import pytest
from lxml import etree

from conftest import EXAMPLES, REPO, shared
from glossary.align import align_document, aligned_pairs, split_sentences
from glossary.align.anchors import acronyms_in_parentheses, en_numbers, latin_tokens, pinyin_names, zh_numbers
from glossary.align.tmx import tmx_text, tsv_text
from glossary.keys import pinyin_span


@cache
def corpus_pairs(prefix: str):
    from glossary.ingest import read_document

    path = next(shared("corpus").glob(f"{prefix}_*.txt")) if prefix.isdigit() else EXAMPLES / prefix
    return align_document(read_document(path))


def pair_with(pairs, zh_fragment: str):
    found = [p for p in pairs if zh_fragment in p.zh]
    assert found, f"no segment pair holds {zh_fragment!r}"
    return found[0]


# ------------------------------------------------------------------ splitting
def test_split_chinese_sentences_keeps_closing_quotes_and_offsets():
    text = "他说：“开始了。”然后呢？好的"
    sentences = split_sentences(text, "zh", para_seq=4)
    assert [s.text for s in sentences] == ["他说：“开始了。”", "然后呢？", "好的"]
    assert all(text[s.start : s.end] == s.text and s.para_seq == 4 for s in sentences)


def test_semicolons_outside_quotes_end_a_clause_on_both_sides():
    zh = "甲方捐赠口罩;乙方派出医疗队；他们说“以人为本;外交为民”。"
    assert [s.text for s in split_sentences(zh, "zh")] == ["甲方捐赠口罩;", "乙方派出医疗队；", "他们说“以人为本;外交为民”。"]
    en = 'We donated masks; we sent teams; they said "people first; diplomacy for the people" (a; b).'
    assert [s.text for s in split_sentences(en, "en")] == [
        "We donated masks;", "we sent teams;", 'they said "people first; diplomacy for the people" (a; b).',
    ]


def test_a_heading_number_does_not_end_a_sentence():
    assert [s.text for s in split_sentences("III. Major Tasks for 2024", "en")] == ["III. Major Tasks for 2024"]
    assert [s.text for s in split_sentences("2.1 Outlook. Growth slowed.", "en")] == ["2.1 Outlook.", "Growth slowed."]
    assert len(split_sentences("We won World War II. Then we rested.", "en")) == 2


def test_split_english_sentences_skips_abbreviations_and_decimals():
    text = "Mr. Li said growth was 2.5% in the U.S. last year. The H.K. dollar (HKD) rose. \"Stop.\" It did."
    assert [s.text for s in split_sentences(text, "en")] == [
        "Mr. Li said growth was 2.5% in the U.S. last year.", "The H.K. dollar (HKD) rose.", "\"Stop.\"", "It did.",
    ]


# ------------------------------------------------------------------ anchors
@pytest.mark.parametrize(
    ("zh", "en"),
    [("626.97萬只", "6.2697 million"), ("2020年", "in 2020"), ("占38%", "38 percent"), ("3月24日", "On March 24"),
     ("681億港元", "HK$68.1 billion"), ("14例", "14 cases"), ("第三次会议", "the third meeting"), ("10.17万套", "101,700 suits")],
)
def test_numbers_match_in_every_written_form(zh, en):
    assert zh_numbers(zh) & en_numbers(en)


def test_digits_inside_latin_tokens_are_not_numbers():
    assert en_numbers("COVID-19 cases, G20 members and N95 masks") == set()
    assert zh_numbers("新冠COVID-19和KF94口罩") == set()
    assert {"2020", "2026"} <= en_numbers("the 2020-2026 plan")


def test_chinese_numerals_count_only_before_a_measure_word():
    assert zh_numbers("一带一路") == set()
    assert "3" in zh_numbers("三个作用")


def test_latin_tokens_acronyms_and_pinyin_names():
    assert {"covid-19", "kf94"} <= latin_tokens("新冠COVID-19和KF94口罩")
    assert acronyms_in_parentheses("Shanghai Cooperation Organization (SCO) met") == [("SCO", 35, 38)]
    assert {"zhangyongwu", "chongqing"} <= pinyin_names("Zhang Yongwu visited Chongqing with Italy's envoy")
    assert "italy" not in pinyin_names("Italy")  # not pinyin


def test_pinyin_span_tries_every_reading_of_a_character():
    assert pinyin_span("Chongqing", "在重庆市") == (1, 3)  # 重 read chong, not zhong
    assert pinyin_span("Zhang Yongwu", "主任章勇武说") == (2, 5)
    assert pinyin_span("Yuzhong", "渝北区") is None


# ------------------------------------------------------------------ corpus layouts
def test_block_layout_000_pairs_quoted_policy_and_numbers():
    pairs = corpus_pairs("000")
    quoted = pair_with(pairs, "外防输入")
    assert "import prevention" in quoted.en
    donations = pair_with(pairs, "626.97万")
    assert "6.2697 million" in donations.en and "6269700" in donations.anchors
    year = pair_with(pairs, "境外输入确诊病例14例")
    assert "14 confirmed imported cases" in year.en


def test_block_layout_000_long_chinese_sentence_takes_all_three_english_sentences():
    pairs = corpus_pairs("000")
    opening = pair_with(pairs, "百年未有之大变局")  # one zh sentence, three en sentences (a 1-3 bead)
    assert opening.en.startswith("The past 2020 marked")
    assert "once-in-a-century changes" in opening.en and "Xi Jinping Thought on Diplomacy" in opening.en
    assert pair_with(pairs, "在大战大考中展现责任与担当").en == ""  # a heading the English leaves out
    assert "investment promotion" in pair_with(pairs, "招商引资").en


def test_interleaved_layout_001_pairs_headings_and_dated_paragraphs():
    pairs = corpus_pairs("001")
    heading = pair_with(pairs, "重庆专家连线")
    assert heading.en.startswith("Chongqing experts hold video conferences")
    dated = pair_with(pairs, "3月24日")
    assert "On March 24" in dated.en and "3/24" in dated.anchors
    names = pair_with(pairs, "章勇武感谢")
    assert names.en.startswith("Zhang Yongwu thanked")


def test_chinese_only_002_aligns_to_nothing():
    pairs = corpus_pairs("002")
    assert pairs and not aligned_pairs(pairs)
    assert all(p.zh and not p.en for p in pairs)


def test_partial_translation_003_leaves_untranslated_chinese_alone():
    pairs = corpus_pairs("003")
    opening = pair_with(pairs, "贯彻落实习近平总书记")
    assert opening.en.startswith("In 2019, Foreign Affairs Office")
    heading = pair_with(pairs, "外国驻渝蓉领团密集互动 积极参与")
    assert heading.en == ""
    zh_only = [p for p in pairs if p.zh and not p.en]
    assert len(zh_only) > len(aligned_pairs(pairs))


def test_partial_translation_003_summary_lands_on_the_paragraph_it_translates():
    pairs = corpus_pairs("003")
    aligned = aligned_pairs(pairs)
    assert not [p for p in pairs if p.en and not p.zh]  # every English sentence found its Chinese
    assert {zp for p in aligned for zp in p.zh_paragraphs} == {pairs[0].zh_paragraphs[0]}
    assert "sister city" in pair_with(pairs, "国际友好城市").en
    staff = pair_with(pairs, "外事工作者")
    assert "foreign affairs staff" in staff.en and "original aspiration" in staff.en


def test_summary_sentences_take_the_chinese_they_condense_out_of_order():
    pairs = corpus_pairs("jiangzhou-international-exchange-center.txt")
    plan = pair_with(pairs, "三年行动计划")  # last Chinese paragraph, summarised mid-way
    assert "UNESCO Creative Cities Network" in plan.en and "Three-Year Action Plan" in plan.en
    assert "创意城市网络" in plan.zh and len(plan.zh_paragraphs) > 1
    who = pair_with(pairs, "世界卫生组织")
    assert "World Health Organization" in who.en and "一站式服务中心" in who.zh


def test_english_sentences_left_over_join_the_long_chinese_sentence_they_translate():
    pairs = corpus_pairs("001")
    liaison = pair_with(pairs, "外事联络组牵头单位")  # one zh sentence, four wordy en sentences
    assert "leading department of the Foreign Affairs Liaison Group" in liaison.en
    assert "working mechanism" in liaison.en and "By coordinating" in liaison.en
    airport = pair_with(pairs, "江北国际机场是防控")
    assert airport.en.startswith("Chongqing Jiangbei International Airport is the front line")


def test_a_chinese_heading_without_english_is_not_rescued_onto_a_wordy_sentence():
    pairs = corpus_pairs("001")
    assert pair_with(pairs, "有效服务全市疫情防控涉外工作").en == ""


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_gold_core_pairs_share_an_aligned_pair(prefix):
    """Each gold core pair whose two sides occur in the document has them in one aligned pair."""
    import json

    from glossary.keys import zh_key

    gold_path = next(shared("gold").glob(f"{prefix}_*.jsonl"))
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = corpus_pairs(prefix)
    keyed = [(zh_key(p.zh), p.en.casefold()) for p in pairs]
    zh_text, en_text = "".join(z for z, _ in keyed), " ".join(e for _, e in keyed)
    present = apart = 0
    for g in (g for g in gold if g["core"]):
        zhs = [zh_key(z) for z in [g["zh"], *g.get("zh_variants", [])]]
        ens = [e.casefold() for e in [g["en"], *g.get("en_variants", [])]]
        if any(z in zh_text for z in zhs) and any(e in en_text for e in ens):
            present += 1
            apart += not any(any(z in kz for z in zhs) and any(e in ke for e in ens) for kz, ke in keyed)
    assert present >= 15 and apart == 0, f"{apart} of {present} core pairs apart"


@pytest.mark.parametrize("lines", ["en", "zh", "both"])
def test_sentences_on_lines_of_their_own_align_as_their_paragraphs_do(tmp_path, lines):
    """000 and 001 with each English (or Chinese, or both sides') sentence on a line of its own: the
    line breaks are no paragraph borders, and the English of nearly every aligned pair is the same as
    in the paragraph layout (001's headings still find each other)."""
    from glossary.ingest import read_document

    for prefix, least in (("000", 36), ("001", 29)):
        paragraphs = read_document(next(shared("corpus").glob(f"{prefix}_*.txt"))).paragraphs
        blocks = [p.original if lines not in (p.lang, "both") else
                  "\n".join(s.text for s in split_sentences(p.original, p.lang, p.seq)) for p in paragraphs]
        path = tmp_path / f"{prefix}-{lines}.txt"
        path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
        english = {" ".join(p.en.split()) for p in aligned_pairs(align_document(read_document(path)))}
        expected = {" ".join(p.en.split()) for p in aligned_pairs(corpus_pairs(prefix))}
        assert len(english & expected) >= least, (prefix, len(english & expected), len(expected))
    assert pair_with(align_document(read_document(path)), "共商渝港抗疫合作新方式").en.startswith(
        "Hong Kong and Macao Affairs Office of Chongqing Municipal Government discuss")


def test_traditional_original_is_kept_with_the_same_offsets():
    pair = pair_with(corpus_pairs("000"), "外防输入")
    start = pair.zh.index("外防输入")
    assert pair.zh_original[start : start + 4] == "外防輸入"


def test_hkma_report_paragraphs_find_their_counterparts():
    sys.path.insert(0, str(REPO / "bench"))
    from _hkma import block_document, hkma_records

    shared("external", "hkma-annual-reports", "docs.jsonl")
    record = hkma_records()[1]
    doc, n_zh = block_document(record)
    votes: dict[int, dict[int, int]] = {}
    for pair in aligned_pairs(align_document(doc)):
        for zp in pair.zh_paragraphs:
            for ep in pair.en_paragraphs:
                votes.setdefault(zp, {}).setdefault(ep - n_zh, 0)
                votes[zp][ep - n_zh] += 1
    correct = sum(1 for k, v in votes.items() if max(v, key=v.get) == k)
    assert correct / n_zh >= 0.9


def test_long_partial_translation_finds_the_stretch_its_english_covers():
    """Chinese of eight HKMA reports, English of the fourth only: the length diagonal is far off,
    the anchor rectangles bring the DP to the right Chinese and the rest stays unaligned."""
    sys.path.insert(0, str(REPO / "bench"))
    from _hkma import hkma_records, split_paragraphs

    from glossary.keys import to_simplified
    from glossary.models import Document, Paragraph

    shared("external", "hkma-annual-reports", "docs.jsonl")
    records = hkma_records()[20:28]
    zh = [t for r in records for t in split_paragraphs(r["zh"])]
    first = sum(len(split_paragraphs(r["zh"])) for r in records[:3])
    en = split_paragraphs(records[3]["en"])
    paragraphs = [Paragraph(k, "zh", to_simplified(t), t) for k, t in enumerate(zh)]
    paragraphs += [Paragraph(len(zh) + k, "en", t, t) for k, t in enumerate(en)]
    votes: dict[int, dict[int, int]] = {}
    for pair in aligned_pairs(align_document(Document("partial", "partial", "0", tuple(paragraphs)))):
        for zp in pair.zh_paragraphs:
            for ep in pair.en_paragraphs:
                votes.setdefault(zp, {}).setdefault(ep - len(zh), 0)
                votes[zp][ep - len(zh)] += 1
    correct = sum(1 for k in range(len(en)) if max(votes.get(first + k, {-1: 0}).items(), key=lambda kv: kv[1])[0] == k)
    stray = [zp for zp in votes if not first <= zp < first + len(en)]
    assert correct / len(en) >= 0.9 and len(stray) <= 2


# ------------------------------------------------------------------ output
def test_tmx_is_well_formed_tmx_14b_and_tsv_has_two_columns():
    pairs = corpus_pairs("001")
    root = etree.fromstring(tmx_text(pairs, source_name="001.txt").encode(), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    assert root.get("version") == "1.4"
    units = root.findall("body/tu")
    assert len(units) == len(aligned_pairs(pairs))
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in units[0].findall("tuv")]
    assert langs == ["zh-CN", "en"]
    rows = tsv_text(pairs).splitlines()
    assert len(rows) == len(units) and all(row.count("\t") == 1 for row in rows)


def test_the_dynamic_program_scores_each_bead_as_span_score_does():
    """The DP inlines span_score for speed: every bead it keeps must score exactly as span_score says."""
    from glossary.align import dp
    from glossary.align.document import _units, document_sentences
    from glossary.ingest import read_document

    checked = 0
    for name in ("000", "001", "003"):
        doc = read_document(next(shared("corpus").glob(f"{name}_*.txt")))
        zh = _units(document_sentences(doc.paragraphs, "zh"), "zh")
        en = _units(document_sentences(doc.paragraphs, "en"), "en")
        zh_names, en_names = dp.names_read(zh, en)
        for bead in dp.align_units(zh, en):
            if not (bead.zh and bead.en):
                continue
            z = dp.merged_span([zh[i] for i in bead.zh], [zh_names[i] for i in bead.zh], True)
            e = dp.merged_span([en[j] for j in bead.en], [en_names[j] for j in bead.en], False)
            expected = (dp.span_score(z, e) + dp.BEAD_PRIOR[len(bead.zh), len(bead.en)] + (z.bonus or e.bonus)
                        + (dp.PARAGRAPH_START if z.first and e.first else 0.0))
            assert bead.score == pytest.approx(expected, abs=1e-9)
            checked += 1
    assert checked > 20
