"""Term-pair mining on ../shared/corpus: spans, signals, grouping, occurrences, categories."""

from __future__ import annotations

from functools import cache

from conftest import EXAMPLES, REPO, shared
from glossary.keys import en_key, zh_key
from glossary.mine import mine_pairs, pair_spans
from glossary.lexicon import glossed_as_synonym, glossed_inside_longer_word
from glossary.mine.category import guess_category
from glossary.mine.group import group_candidates
from glossary.mine.pipeline import mine_document
from glossary.mine.shape import is_term_shaped
from glossary.mine.tokens import en_tokens


@cache
def mined(prefix: str):
    from glossary.ingest import read_document

    path = next(shared("corpus").glob(f"{prefix}_*.txt"))
    return mine_document(read_document(path))


def find(candidates, zh: str):
    return [c for c in candidates if zh_key(c.zh) == zh_key(zh)]


def candidates_of(prefix: str):
    doc = mined(prefix)
    return mine_pairs(doc.pairs, document=doc.document.name)


def test_compositional_dictionary_match_finds_a_multiword_rendering():
    found = find(candidates_of("000"), "外事系统")
    assert any(en_key(c.en) == en_key("foreign affairs system") and "dictionary" in c.signals for c in found)


def test_quoted_spans_pair_with_quoted_spans():
    found = find(candidates_of("000"), "外防输入")
    assert any(c.en == "import prevention" and "quoted" in c.signals for c in found)


def test_pinyin_pairs_names_with_their_chinese():
    found = find(candidates_of("001"), "章勇武")
    assert any(c.en == "Zhang Yongwu" and "pinyin" in c.signals for c in found)


def test_pinyin_pairs_names_after_spaces_in_the_chinese():
    candidates = candidates_of("001")  # the sentence naming them has spaces before the names
    for zh, en in (("苏紫贤", "Su Zixian"), ("陈学恩", "Chen Xueen")):
        assert any(c.en == en and "pinyin" in c.signals for c in find(candidates, zh)), zh


def test_foreign_names_pair_with_their_chinese_transliteration():
    found = {(c.zh, c.en, c.category) for d in ("000", "001", "003") for c in candidates_of(d)
             if "transliteration" in c.signals}
    assert found == {  # every one a gold pair: no everyday word, sentence opener or Chinese name among them
        ("什梅加尔", "Denis Shmigal", "person"), ("利什科", "Victor Lyashko", "person"),
        ("叶梅茨", "Illya Emets", "person"), ("娜努尚", "Lena Nanushyan", "person"),
        ("米奇恰克", "Irina Mikichak", "person"), ("毕岚祺", "Guido Bilancini", "person"),
        ("鲁悟刚", "Wolfgang Rudischhauser", "person"), ("设拉子市", "Shiraz", "place")}


def test_sound_classes_of_a_name_and_its_transliteration():
    from glossary.mine.transliteration import chinese_sounds, english_sounds, similarity

    assert english_sounds("Shmigal") == "SMKL" and "SMJL" in chinese_sounds("什梅加尔")
    assert similarity("SMJL", "SMKL") == 1.0  # pinyin j writes a hard g (加 ga)
    assert similarity("SMJL", "LTSSL") < 0.5


def test_occurrences_point_at_the_term_in_both_sides_of_their_pair():
    doc = mined("000")
    by_seq = {p.seq: p for p in doc.pairs}
    candidates = mine_pairs(doc.pairs, document=doc.document.name)
    assert candidates
    for c in candidates:
        for occ in c.occurrences:
            pair = by_seq[occ.pair_seq]
            assert zh_key(pair.zh[occ.zh_start : occ.zh_end]) == zh_key(c.zh)
            assert en_key(pair.en[occ.en_start : occ.en_end]) == en_key(c.en)
            assert occ.document == doc.document.name


def test_general_vocabulary_is_left_out():
    candidates = candidates_of("001")
    assert not find(candidates, "乌克兰")  # a dictionary word for a dictionary word
    assert all(len(c.en.replace("-", " ").split()) > 1 or c.en.isupper() or any(ch.isdigit() for ch in c.en)
               or {"pinyin", "transliteration", "quoted", "title"} & set(c.signals) for c in candidates)  # (a title beside a name)


def test_grouping_gives_one_entry_per_concept_with_traditional_variant():
    entries = [m.entry for m in mined("000").entries]
    keys = [zh_key(e.preferred("zh").text) for e in entries]
    assert len(keys) == len(set(keys))
    system = next(e for e in entries if e.preferred("zh").text == "外事系统")
    assert system.preferred("en").status == "preferred"
    assert any(t.script == "Hant" and t.text == "外事系統" and t.status == "admitted" for t in system.terms_in("zh"))
    assert all(e.category for e in entries)


def test_chinese_only_documents_yield_no_candidates():
    assert mined("002").entries == ()


def test_mining_is_deterministic():
    doc = mined("003")
    first = mine_pairs(doc.pairs)
    assert [(c.zh, c.en, c.score) for c in first] == [(c.zh, c.en, c.score) for c in mine_pairs(doc.pairs)]
    assert len(group_candidates(first)) <= len(first)


def test_category_from_heads():
    assert guess_category("外交部", "Ministry of Foreign Affairs") == "org"
    assert guess_category("数字经济产业论坛", "Digital Economy Industry Forum") == "event"
    assert guess_category("陆海新通道", "New International Land-Sea Trade Corridor") == "program"
    assert guess_category("副市长", "vice mayor") == "title"
    assert guess_category("渝中区", "Yuzhong District", name=True) == "place"
    assert guess_category("章勇武", "Zhang Yongwu", name=True) == "person"
    assert guess_category("外防输入", "import prevention", quoted=True) == "policy"
    assert guess_category("救治流程", "Medical Treatment Procedures") == "document"
    assert guess_category("贸易发展局驻重庆代表处", "Trade Development Council Representative Office in Chongqing") == "org"
    assert guess_category("中国共产党", "Communist Party of China") == "org"
    assert guess_category("外交思想", "Thought on Diplomacy") == "policy"
    assert guess_category("领事官员", "consular officials") == "title"
    assert guess_category("高质量发展", "high-quality development") == "policy"  # 展 of 发展 is no exhibition
    assert guess_category("高质量发展参观路线", "high-quality development visit routes") == "program"  # a plural head
    assert guess_category("中国特色社会主义", "Socialism with Chinese Characteristics") == "policy"  # the head before "with"
    assert guess_category("群防群治", "group prevention and control") == "policy"  # a slogan's ABAC rhythm
    assert guess_category("大外事", "greater foreign affairs") == "policy"  # a field taken as a whole
    assert guess_category("大湾区", "Greater Bay Area") == "place"  # a name, not a formula
    assert guess_category("改革开放", "reform and opening up") == "policy"  # the head before a closing particle
    assert guess_category("区县", "districts and counties") == "domain"  # kinds of place, no place


def made_up_pairs():
    """Invented sentences (not from the corpus) exercising single signals."""
    from glossary.models import SegmentPair

    return [
        SegmentPair(0, "我们积极参与上合组织地方合作，上合组织成员国表示支持。",
                    "We took part in local cooperation of the SCO, and SCO member states expressed support."),
        SegmentPair(1, "重庆推动一带一路倡议建设。", "Chongqing promoted the Belt and Road Initiative (BRI)."),
        SegmentPair(2, "我们促进资源共享和国际物流线路建设。",
                    "We promote resource sharing and build international logistics routes."),
    ]


def test_acronym_that_keeps_company_with_one_chinese_span_is_paired_by_cooccurrence():
    found = find(mine_pairs(made_up_pairs()), "上合组织")
    assert ("SCO", "acronym", ("cooccurrence",)) in [(c.en, c.type, c.signals) for c in found]
    assert not find(mine_pairs(made_up_pairs()), "组织")  # the whole name, not its last word


def test_jieba_pieces_of_a_dictionary_word_are_rejoined_and_acronym_definitions_kept():
    found = {(c.en, c.type) for c in find(mine_pairs(made_up_pairs()), "一带一路倡议")}
    assert found == {("Belt and Road Initiative", "fullForm"), ("BRI", "acronym")}


def test_verb_phrases_are_not_terms():
    candidates = mine_pairs(made_up_pairs())
    assert not find(candidates, "促进资源共享")  # "promote resource sharing" opens on a verb
    assert find(candidates, "资源共享")


def test_english_span_cut_inside_a_noun_phrase_is_not_paired():
    from glossary.models import SegmentPair

    pair = SegmentPair(0, "提升江州国际地位。", "We raised Jiangzhou's international standing.")
    rendered = [pair.en[s.en_start : s.en_end] for s in pair_spans(pair)]
    assert rendered == ["Jiangzhou"]  # not "Jiangzhou's international" (cut before "standing")


def test_a_pair_nested_in_several_longer_terms_is_a_term_of_its_own():
    from glossary.models import SegmentPair

    forum = SegmentPair(0, "我们支持数字经济企业。", "We supported digital economy enterprises.")
    center = SegmentPair(1, "我们推进数字经济合作项目。", "We advanced digital economy cooperation projects.")
    assert not find(mine_pairs([forum]), "数字经济")  # inside one longer term only
    found = find(mine_pairs([forum, center]), "数字经济")
    assert [en_key(c.en) for c in found] == [en_key("digital economy")]


def test_english_name_grown_past_what_the_chinese_says_is_not_paired():
    from glossary.models import SegmentPair

    pair = SegmentPair(0, "我们出席地方领导人论坛。", "We attended the SCO Local Leaders Forum.")
    assert not pair_spans(pair)  # "SCO" opens the name but the Chinese does not say it


def test_a_verb_of_place_before_a_title_joins_the_term():
    from glossary.models import SegmentPair

    pair = SegmentPair(0, "我们会见了驻江州总领事。", "We met the consul general in Jiangzhou.")
    assert [(pair.zh[s.zh_start : s.zh_end], pair.en[s.en_start : s.en_end]) for s in pair_spans(pair)
            if s.en_end - s.en_start > 12] == [("驻江州总领事", "consul general in Jiangzhou")]


def test_a_phrase_closing_on_a_gerund_after_a_preposition_is_a_clause():
    from glossary.models import SegmentPair

    pair = SegmentPair(0, "我们协助海外人员回国。", "We assisted overseas personnel in returning.")
    assert [pair.en[s.en_start : s.en_end] for s in pair_spans(pair)] == ["overseas personnel"]


def test_title_case_name_that_keeps_company_with_one_chinese_span_is_paired_by_cooccurrence():
    from glossary.models import SegmentPair
    from glossary.mine.cooccur import pairs_by_cooccurrence
    from glossary.mine.tokens import en_tokens, zh_words

    pairs = [
        SegmentPair(0, "市政府外办召开会议。", "The Chongqing Municipal Foreign Affairs Office held a meeting."),
        SegmentPair(1, "市政府外办发布通知。", "The Chongqing Municipal Foreign Affairs Office issued a notice."),
    ]
    found = pairs_by_cooccurrence([(p, zh_words(p.zh), en_tokens(p.en)) for p in pairs])
    assert {(pairs[seq].zh[s.zh_start : s.zh_end], pairs[seq].en[s.en_start : s.en_end])
            for seq, spans in found.items() for s in spans} == {("市政府外办", "Chongqing Municipal Foreign Affairs Office")}


def test_grouped_renderings_drop_a_leading_article_but_keep_names():
    from glossary.models import Occurrence, TermCandidate

    occ = (Occurrence(0, 0, 5, 0, 10),)
    office = group_candidates([TermCandidate("市政府外办", "the Municipal Foreign Affairs Office", 0.9, occurrences=occ)])
    hague = group_candidates([TermCandidate("海牙", "The Hague", 0.9, occurrences=occ)])
    assert office[0].entry.preferred("en").text == "Municipal Foreign Affairs Office"
    assert hague[0].entry.preferred("en").text == "The Hague"


def test_a_gloss_the_dictionary_lacks_is_learned_from_recurring_unexplained_words():
    from glossary.mine.cooccur import learned_glosses
    from glossary.mine.tokens import en_tokens, zh_words

    doc = mined("000")
    analysed = [(p, zh_words(p.zh), en_tokens(p.en)) for p in doc.pairs if p.zh and p.en]
    learned = learned_glosses(analysed)
    assert "exchan" in learned.get("交往", ())  # CC-CEDICT has 交往 only as "to associate; contact"
    assert all(len(word) > 1 for word in learned)
    found = find(candidates_of("000"), "对外交往")
    assert any(en_key(c.en) == en_key("foreign exchange") for c in found)


def test_a_learned_gloss_reaches_the_same_word_inside_a_longer_one():
    # jieba keeps 国际交往 whole; its piece 交往 gets the gloss learned for the word 交往
    found = find(candidates_of("000"), "国际交往")
    assert any(en_key(c.en) == en_key("international exchanges") for c in found)


def test_a_multi_part_english_word_counts_by_the_share_of_parts_translated():
    assert [c.en for c in find(candidates_of("001"), "副主任")] == ["deputy director-general"]  # "general" untranslated


def test_no_term_opens_on_an_adverb():
    from glossary.mine.pairing import zh_spans
    from glossary.mine.tokens import zh_words

    words = zh_words("双方密切沟通")
    assert all(words[a].tag != "ad" for a, _ in zh_spans(words))


def test_an_english_phrase_opening_on_a_word_the_dictionary_only_uses_as_a_verb_is_no_term():
    from glossary.lexicon import is_verb_only

    assert is_verb_only("streamline") and is_verb_only("maintain")
    assert not is_verb_only("process") and not is_verb_only("exchange")  # nouns as well
    assert not [c for c in candidates_of("000") if c.en.split()[0] in ("streamline", "maintain")]


def test_another_rendering_of_a_term_already_paired_is_kept_as_a_variant():
    variants = [c for c in candidates_of("000") if c.signals == ("variant",)]
    paired = {zh_key(c.zh) for c in candidates_of("000") if c.signals != ("variant",)}
    assert variants and all(zh_key(c.zh) in paired for c in variants)
    entries = [m.entry for m in mined("000").entries]
    assert any(t.status == "admitted" and t.lang == "en" for e in entries for t in e.terms)


def test_one_chinese_term_per_english_rendering_in_a_document():
    for prefix in ("000", "001"):
        renderings = [en_key(c.en) for c in candidates_of(prefix) if c.type != "acronym"]
        assert len(renderings) == len(set(renderings))


def test_a_title_case_name_inside_a_longer_pair_is_a_term_of_its_own():
    found = find(candidates_of("001"), "外事联络组")
    assert [c.en for c in found] == ["Foreign Affairs Liaison Group"]


def test_a_hyphenated_compound_is_not_a_single_general_word():
    assert any(c.en == "foreign-aid" for c in find(candidates_of("001"), "对外援助"))


def test_a_phrase_does_not_run_into_the_first_word_of_the_next_one():
    renderings = {c.en for c in candidates_of("001")}
    assert "minister of health" in renderings
    assert not [en for en in renderings if en.endswith(" and chief")]


def test_a_past_form_before_a_preposition_opens_a_clause():
    assert not [c for c in candidates_of("000") if c.en.startswith("announced at")]
    assert find(candidates_of("000"), "上合组织元首理事会")


def test_phrases_joined_across_the_sentence_in_reverse_order_are_no_coordination():
    renderings = {c.en for c in candidates_of("000")}
    assert not [en for en in renderings if en.endswith("and Xi Jinping Thought")]
    assert "Chinese and foreign citizens" in {c.en for c in candidates_of("001")}  # (order kept: a coordination)


def test_a_piece_of_a_longer_name_is_not_a_term_of_its_own():
    renderings = {c.en for c in candidates_of("000")}
    assert "Council of Heads of State of the SCO" in renderings
    assert not {"Council of Heads of State", "Heads of State of the SCO"} & renderings


def test_a_place_then_what_is_there_is_a_description_unless_stationed_there():
    candidates = [c for d in ("000", "001") for c in candidates_of(d)]
    located = [c for c in candidates if c.en.endswith(" in Chongqing") and "驻" not in c.zh]
    assert located == []
    assert any(c.zh == "驻成都总领事" and c.en == "consul general in Chengdu" for c in candidates)


def test_chinese_ending_on_a_verb_that_english_puts_first_is_an_action():
    renderings = {c.en for c in candidates_of("000")}
    assert not [en for en in renderings if en.startswith("communication with")]
    assert "foreign consulates in Chongqing" in renderings


def test_a_name_does_not_grow_over_and_into_a_name_that_starts_again():
    found = find(candidates_of("000"), "习近平新时代中国特色社会主义思想")
    assert [c.en for c in found] == ["Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era"]


def test_a_lone_quotation_on_each_side_pairs_only_when_its_length_could_translate_the_chinese():
    from glossary.mine.pairing import quoted_pairs

    assert quoted_pairs("推动“走出去”战略", 'promote the "going-global" strategy')
    assert not quoted_pairs("共建“一带一路”", 'the tenet of "putting people first and diplomacy for the people"')


def test_everyday_words_put_together_are_general_language():
    from glossary.mine.shape import _general_phrase

    assert _general_phrase("国际组织") and _general_phrase("工作方法")
    assert not _general_phrase("金融稳定")  # a field's term: its words are less common
    assert not _general_phrase("数字经济") and not _general_phrase("外交部")
    renderings = {c.en for d in ("000", "001") for c in candidates_of(d)}
    assert not {"international organizations", "work methods"} & renderings


def test_one_stretch_of_english_goes_to_one_chinese_span():
    linked = {(pair.zh[sp.zh_start : sp.zh_end], pair.en[sp.en_start : sp.en_end])
              for prefix in ("000", "001") for pair in mined(prefix).pairs for sp in pair_spans(pair)}
    assert ("防疫", "epidemic prevention") in linked and ("疫情防控", "epidemic prevention and control") in linked
    assert ("疫情防控", "epidemic prevention") not in linked  # the English 防疫 translates
    candidates = [c for prefix in ("000", "001") for c in candidates_of(prefix)]
    assert not any(c.en == "epidemic prevention" for c in find(candidates, "疫情防控"))


def test_a_term_said_twice_pairs_with_the_english_nearest_in_position():
    from glossary.mine.pairing import dictionary_pairs
    from glossary.mine.tokens import en_tokens, zh_words

    zh, en = "外籍人员工作和外籍人员流程", "foreign personnel work and procedures for foreign personnel"
    pairs = [p for p in dictionary_pairs(zh_words(zh), en_tokens(en)) if zh[p.zh_start : p.zh_end] == "外籍人员"]
    assert [(p.zh_start, p.en_start) for p in pairs] == [(0, 0), (zh.rindex("外籍人员"), en.rindex("foreign"))]


def test_english_opening_on_a_count_the_chinese_span_lacks_is_cut():
    renderings = {c.en for c in candidates_of("001")}
    assert "three-hour meeting" not in renderings


def test_a_verb_and_its_destination_is_no_term():
    candidates = [c for d in ("000", "001") for c in candidates_of(d)]
    assert not [c for c in candidates if c.zh.endswith(("来渝", "分赴阿尔及利亚"))]


def test_an_english_term_does_not_end_on_a_word_that_only_stands_before_a_noun():
    from glossary.lexicon import is_modifier_only

    assert is_modifier_only("foreign") and is_modifier_only("medical")
    assert not is_modifier_only("countries") and not is_modifier_only("state")
    assert not [c for d in ("000", "001") for c in candidates_of(d) if c.en.endswith(" in foreign")]


def test_a_coordination_that_repeats_a_word_the_chinese_repeats_stays_one_term():
    from pathlib import Path

    from glossary.ingest import read_document

    report = Path(__file__).resolve().parent.parent / "examples" / "jiangzhou-government-work-report-2024.md"
    doc = mine_document(read_document(report))
    found = find(mine_pairs(doc.pairs, document=doc.document.name), "碳达峰碳中和")
    assert [c.en for c in found] == ["carbon peak and carbon neutrality"]


def test_a_lone_whole_prefix_the_english_keeps_opens_a_term():
    assert [c.en for c in find(candidates_of("000"), "全流程管理")] == ["whole-process management"]
    assert not [c for d in ("000", "001") for c in candidates_of(d) if c.zh.startswith(("全市", "全国"))]


def test_a_phrasal_particle_closing_the_english_belongs_to_the_term():
    renderings = {c.en for d in ("001", "003") for c in candidates_of(d)}
    assert "reform and opening up" in renderings or "greater opening up" in renderings
    assert not {"reform and opening", "greater opening", "set up"} & renderings


def test_a_plans_period_belongs_to_its_long_title():
    from pathlib import Path

    from glossary.ingest import read_document

    text = Path(__file__).resolve().parent.parent / "examples" / "jiangzhou-international-exchange-center.txt"
    doc = mine_document(read_document(text))
    titles = [c for c in mine_pairs(doc.pairs) if c.zh.endswith("（2024—2026年）")]
    assert [c.en for c in titles] == [
        "Three-Year Action Plan of Jiangzhou for Building an International Exchange Center (2024-2026)"]


def test_an_acronym_goes_to_the_whole_chinese_of_its_full_form():
    from pathlib import Path

    from glossary.ingest import read_document

    summary = Path(__file__).resolve().parent.parent / "examples" / "jiangzhou-fao-2023-work-summary.txt"
    doc = mine_document(read_document(summary))
    acronyms = {(c.zh, c.en) for c in mine_pairs(doc.pairs) if c.en in ("CIIE", "ABTC")}
    assert acronyms == {("中国国际进口博览会", "CIIE"), ("APEC商务旅行卡", "ABTC")}


def test_a_possessive_opening_the_english_stays_only_when_it_translates_part_of_the_chinese():
    from pathlib import Path

    from glossary.ingest import read_document

    examples = Path(__file__).resolve().parent.parent / "examples"
    summary = mine_document(read_document(examples / "jiangzhou-fao-2023-work-summary.txt"))
    report = mine_document(read_document(examples / "jiangzhou-government-work-report-2024.md"))
    assert "country's overall diplomacy" in {c.en for c in find(mine_pairs(summary.pairs), "国家总体外交")}
    assert "gross regional product" in {c.en for c in find(mine_pairs(report.pairs), "地区生产总值")}


def test_a_rendering_with_a_personal_pronoun_is_no_term():
    from glossary.mine.shape import is_term_shaped as _is_term_shaped

    assert not _is_term_shaped("工作回顾", "Review of Our Work", {"dictionary"})
    assert _is_term_shaped("信息技术服务", "IT services", {"dictionary"})


def test_a_place_and_everyday_nouns_said_of_it_is_a_description():
    renderings = {c.en for c in candidates_of("001")}
    assert not {"Chongqing experts", "Chongqing expert team"} & renderings
    assert any(c.en == "Hong Kong residents" for d in ("000", "001", "003") for c in candidates_of(d))


def test_an_acronym_goes_only_to_a_full_form_it_can_abbreviate():
    """Every `Full Form (ACRONYM)` of the HKMA reports' English: the capitalised words before the
    parenthesis can be abbreviated so (letters in order, or initials reordered as in HKCBA), but
    when each letter has a word of its own, their last two words alone cannot (Hong Kong is not HKCBA)."""
    import re

    from glossary.align.anchors import acronyms_in_parentheses
    from glossary.mine.pairing import abbreviates

    lines = shared("external", "hkma-annual-reports", "paragraphs.tsv").read_text(encoding="utf-8").splitlines()[1:]
    full_forms = {}
    for line in lines:
        en = line.split("\t")[-1]
        for acronym, start, _ in acronyms_in_parentheses(en):
            words = re.findall(r"[A-Z][\w’'-]*|of|and|for|the", en[:start - 1])
            run = []
            for word in reversed(words):  # the capitalised run just before the parenthesis
                if not en[:start - 1].rstrip().endswith(" ".join([word, *run])):
                    break
                run.insert(0, word)
            if len(run) >= 3 and len(acronym.rstrip("s")) >= 4:
                full_forms[acronym] = " ".join(run)
    assert len(full_forms) > 40
    abbreviated = [a for a, full in full_forms.items() if abbreviates(a, full)]
    assert len(abbreviated) >= 0.9 * len(full_forms)
    one_word_a_letter = {a: full for a, full in full_forms.items()
                         if sum(w[0].isupper() for w in full.split()) >= len(a.rstrip("s"))}
    assert len(one_word_a_letter) > 20
    assert not [a for a, full in one_word_a_letter.items() if abbreviates(a, " ".join(full.split()[-2:]))]


def hkma_chapter_pairs(tmp_path, doc_id: str) -> set[tuple[str, str]]:
    """The (zh, en) pairs mined from one HKMA annual-report chapter (its Chinese block, then its English)."""
    from glossary.ingest import read_document

    rows = [line.split("\t") for line in shared("external", "hkma-annual-reports", "paragraphs.tsv")
            .read_text(encoding="utf-8").splitlines()[1:] if line.startswith(f"{doc_id}\t")]
    path = tmp_path / f"{doc_id}.txt"
    path.write_text("\n\n".join([r[2] for r in rows] + [r[3] for r in rows]) + "\n", encoding="utf-8")
    mined = mine_document(read_document(path))
    return {(c.zh, c.en) for c in mine_pairs(mined.pairs, document=mined.document.name)}


def test_an_acronym_and_its_plural_are_counted_together_across_the_document(tmp_path):
    """HKMA 2022, chapter 7: "AI" alone is said twice next to 倒闭 (failing), but "AI" and "AIs"
    together go with 认可机构 (authorized institution) all along."""
    found = hkma_chapter_pairs(tmp_path, "hkma-ar-2022-07")
    assert {("认可机构", "AI"), ("认可机构", "AIs")} <= found
    assert not [pair for pair in found if pair[0] == "倒闭"]


def test_an_acronym_met_often_goes_to_chinese_whose_glosses_open_with_its_letters(tmp_path):
    """HKMA 2024, chapter 2: SME(s) go to 中小企 (small, medium, enterprise), not to 中小; SFGS, said
    twice beside 申请 (application), does not go to it."""
    found = hkma_chapter_pairs(tmp_path, "hkma-ar-2024-02")
    assert {("中小企", "SME"), ("中小企", "SMEs"), ("金管局", "HKMA")} <= found
    assert not [pair for pair in found if pair[0] in ("中小", "申请")]
    # a comma joins names of a list alone, not "the Police, the Digital Policy Office"
    assert ("数字政策办公室", "Digital Policy Office") in found
    assert not [en for _, en in found if ", the " in en]


def test_a_word_that_opens_with_a_determiner_but_is_a_word_of_its_own_opens_a_term():
    from glossary.ingest import read_document

    doc = mine_document(read_document(EXAMPLES / "jiangzhou-fao-2023-work-summary.txt"))
    assert {c.en for c in find(mine_pairs(doc.pairs), "全球发展倡议")} == {"Global Development Initiative", "GDI"}
    # (全市 "whole city" still opens no term: test_a_lone_whole_prefix_the_english_keeps_opens_a_term)


def test_english_that_is_one_words_gloss_does_not_pair_with_a_longer_span():
    assert not find(candidates_of("001"), "韩国全罗南道")


@cache
def hkma_mined(doc_id: str):
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from _hkma import block_document, hkma_records

    shared("external", "hkma-annual-reports", "docs.jsonl")
    record = next(r for r in hkma_records() if r["doc_id"] == doc_id)
    return mine_pairs(mine_document(block_document(record)[0]).pairs)


def test_a_word_jieba_tags_a_pronoun_that_the_dictionary_glosses_as_a_word_of_its_own_opens_a_term():
    renderings = {(zh_key(c.zh), en_key(c.en)) for c in hkma_mined("hkma-ar-2015-01")}
    assert (zh_key("本地需求"), en_key("domestic demand")) in renderings  # 本地 "local", tagged r
    assert not [zh for zh, _ in renderings if zh.startswith(("我们", "其中", "这些"))]


def test_a_number_hyphened_to_a_name_is_part_of_the_name():
    assert "COVID-19" in {c.en for d in ("000", "001") for c in find(candidates_of(d), "新冠肺炎")}


def test_one_character_jieba_split_off_the_noun_it_closes_ends_a_term_but_a_verb_taking_an_object_does_not():
    assert "Bond Connect" in {c.en for c in hkma_mined("hkma-ar-2017-01") if zh_key(c.zh) == zh_key("债券通")}
    assert not [c.zh for c in hkma_mined("hkma-ar-2021-02") if c.zh.endswith("额达")]  # 交易额达|100亿


def test_the_long_form_that_defines_an_acronym_pairs_with_the_acronyms_chinese():
    found = {c.en for c in hkma_mined("hkma-ar-2015-00") if zh_key(c.zh) == zh_key("认可机构")}
    assert {"AIs", "authorized institutions"} <= found  # authorized institutions (AIs): the dictionary lacks 认可 "authorized"


def test_a_gerund_opens_a_term_for_a_chinese_noun_before_another_but_not_for_a_verb_and_its_object():
    assert "banking system" in {c.en for c in hkma_mined("hkma-ar-2015-01") if zh_key(c.zh) == zh_key("银行体系")}
    assert not [c for c in hkma_mined("hkma-ar-2015-05") if c.en == "managing assets"]  # 管理资产: manage what
    assert not [c for c in candidates_of("000") if c.en == "corresponding measures"]  # one word, 相应措施


def test_english_that_opens_on_a_verb_is_a_clause_not_a_term():
    """HKMA's timelines say what the HKMA does ("The HKMA sets the Base Rate …"): a verb before an
    article, or a modal, opens no name for a concept."""
    for doc_id in ("hkma-ar-2018-04", "hkma-ar-2015-08"):
        found = [c.en for c in hkma_mined(doc_id)]
        assert len(found) > 20 and not [en for en in found if en.split()[0] in ("sets", "manages", "cannot")], doc_id


def test_a_rendering_never_ends_on_a_possessive():
    """HKMA 2017 ch. 5 and 2018 ch. 1 say "retail banks’ …" and "the Hong Kong Association of Banks’ …":
    the term is the owner's name, without the possessive."""
    found = {(c.zh, c.en) for doc_id in ("hkma-ar-2017-05", "hkma-ar-2018-01") for c in hkma_mined(doc_id)}
    assert {(zh_key("零售银行"), "Retail banks"), (zh_key("香港银行公会"), "Hong Kong Association of Banks")} <= found
    assert not [en for _, en in found if en.endswith(("’", "'", "’s", "'s"))]


def test_the_halves_of_a_quoted_slogan_pair_crosswise_when_the_english_turns_them_round():
    """HKMA 2017 ch. 0: “国家所需、香港所长” ↔ "leveraging Hong Kong's advantages, meeting the country's needs"."""
    found = {(c.zh, c.en) for c in hkma_mined("hkma-ar-2017-00") if c.zh in (zh_key("国家所需"), zh_key("香港所长"))}
    assert found == {(zh_key("国家所需"), "meeting the country’s needs"), (zh_key("香港所长"), "leveraging Hong Kong’s advantages")}


def test_a_plural_after_or_closes_the_phrase_rather_than_opening_the_next():
    assert [c.en for c in find(candidates_of("001"), "友好省州")] == ["friendship provinces or states"]


def test_of_two_equal_phrases_the_one_with_more_content_words_not_more_function_words_wins():
    found = {c.en for c in find(candidates_of("001"), "香港贸易发展局驻重庆代表处")}
    assert found == {"Hong Kong Trade Development Council Representative Office in Chongqing"}


def test_english_cut_before_an_unglossed_word_of_a_noun_phrase_the_chinese_continues_is_not_paired():
    assert "chief state" not in {c.en for c in candidates_of("001")}  # chief state | sanitary doctor, 国家首席|医生


def test_a_country_before_a_title_that_is_a_term_of_its_own_is_a_description():
    found = {(c.zh, en_key(c.en)) for c in candidates_of("001")}
    assert ("驻成都总领事", en_key("consul general in Chengdu")) in found
    assert not [zh for zh, _ in found if zh.endswith("驻成都总领事") and zh != "驻成都总领事"]


def test_british_spellings_meet_the_dictionarys_american_ones():
    found = {en_key(c.en) for c in hkma_mined("hkma-ar-2015-04") if zh_key(c.zh) == zh_key("国际金融中心")}
    assert en_key("international financial centre") in found  # CC-CEDICT says "center"


def test_the_written_and_joins_the_parts_of_one_name_but_not_two_terms():
    found = {(zh_key(c.zh), en_key(c.en)) for c in hkma_mined("hkma-ar-2015-04")}
    assert (zh_key("货币及金融稳定委员会"), en_key("Monetary and Financial Stability Committee")) in found
    private_equity = {en_key(c.en) for c in hkma_mined("hkma-ar-2015-05") if zh_key(c.zh).startswith(zh_key("私募股权"))}
    assert private_equity == {en_key("private equity")}  # 私募股权及房地产投资: two terms


def test_latin_words_inside_the_chinese_are_no_chinese_term_and_footnote_marks_no_english(tmp_path):
    """HKMA 2021, chapter 9 quotes an award's English name inside its Chinese text: that is not a
    Chinese term to pair with other English; its English marks a footnote with a digit glued to a name."""
    from glossary.keys import CJK_RE

    found = hkma_chapter_pairs(tmp_path, "hkma-ar-2021-09")
    assert ("金管局", "HKMA") in found
    assert [(zh, en) for zh, en in found if not CJK_RE.search(zh)] == []
    # a footnote number glued to the name's last word is left out
    assert ("投委会", "Investor and Financial Education Council") in found
    assert not [en for _, en in found if en.endswith("Council2")]


def test_a_dash_joins_two_names_inside_one():
    from glossary.ingest import read_document

    doc = mine_document(read_document(EXAMPLES / "jiangzhou-government-work-report-2024.md"))
    assert "China-SCO Local Economic and Trade Cooperation Forum" in {
        c.en for c in find(mine_pairs(doc.pairs), "中国—上海合作组织地方经贸合作论坛")}


def test_a_title_said_with_its_country_only_inside_a_longer_span_is_still_the_term():
    from glossary.ingest import read_document

    doc = mine_document(read_document(EXAMPLES / "jiangzhou-fao-2023-work-summary.txt"))
    found = {(c.zh, c.en) for c in mine_pairs(doc.pairs)}
    assert ("驻华大使", "ambassadors to China") in found
    assert not [zh for zh, _ in found if zh == "外国驻华大使"]


def test_a_rendering_seen_only_in_an_all_capitals_heading_is_stored_as_running_text_writes_it(tmp_path):
    """HKMA 2018, chapter 1 renders 国际金融中心 only in a heading in capitals: the glossary gets
    "international financial centre", and no rendering keeps a long word in capitals (FCAS 2.0 may)."""
    import re

    found = hkma_chapter_pairs(tmp_path, "hkma-ar-2018-01")
    assert ("国际金融中心", "international financial centre") in found
    assert [en for _, en in found if any(len(w) > 5 and w.isupper() for w in re.findall("[A-Za-z]+", en))] == []


def test_a_name_whose_head_the_dictionary_leaves_unlinked_pairs_when_all_else_is_linked(tmp_path):
    """HKMA 2018, chapter 1: CC-CEDICT glosses 理事会 only "council", but 金融 Financial and 稳定
    Stability are linked and the two heads are the only words left over: 金融稳定理事会 ↔ Financial
    Stability Board. A name with one word linked besides its head is too little evidence (corpus 001:
    no 重庆市全面 for "Chongqing Municipality")."""
    assert ("金融稳定理事会", "Financial Stability Board") in hkma_chapter_pairs(tmp_path, "hkma-ar-2018-01")
    assert not find(candidates_of("001"), "重庆市全面")


def test_a_name_with_one_word_linked_besides_its_unlinked_head_pairs_when_it_recurs():
    """HKMA 2016, chapter 9 says 财政司司长 ↔ Financial Secretary in two sentence pairs (财政 Financial
    linked, 司长 and Secretary left over); said once, such a pair is too weak (重庆市全面, above)."""
    found = [c for c in hkma_mined("hkma-ar-2016-09") if c.zh == "财政司司长" and c.en == "Financial Secretary"]
    assert found and len({o.pair_seq for o in found[0].occurrences}) >= 2


def test_a_mined_document_crosses_processes_unchanged():
    """Worker processes send MinedDocuments pickled field by field: they arrive equal, as the real classes."""
    import pickle

    from glossary.models import Occurrence

    doc = mined("000")
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back is not doc
    occurrence = back.entries[0].candidates[0].occurrences[0]
    assert type(occurrence) is Occurrence and occurrence == doc.entries[0].candidates[0].occurrences[0]
    assert [type(p) for p in back.document.paragraphs] == [type(p) for p in doc.document.paragraphs]


def test_items_of_an_enumeration_pair_by_their_place_in_the_english_list():
    # 信息交互、入境接机、人员转运、集中隔离、居家健康管理: the dictionary pairs some items, the rest
    # pair by position (a middle item and the first one, whose Chinese runs on into the clause)
    candidates = candidates_of("000")
    for zh, en in [("集中隔离", "centralized quarantine"), ("入境接机", "entry airport pickup"),
                   ("信息交互", "information exchange")]:
        assert any(en_key(c.en) == en_key(en) and "list" in c.signals for c in find(candidates, zh)), zh
    # the last item stops where the Chinese list ends (生活保障|等情况 ↔ … and logistical support.)
    assert any(c.en == "logistical support" for c in find(candidates_of("001"), "生活保障"))


def test_a_chinese_list_item_the_english_splits_in_two_gives_no_pair_by_place():
    # 形成联防联控、群防群治闭环 ↔ … of joint prevention, joint control, and group prevention and control:
    # the English comma inside the first item shifts the lists; 联控 alone is no item
    candidates = candidates_of("000")
    assert any(en_key(c.en) == en_key("group prevention and control") for c in find(candidates, "群防群治"))
    assert not find(candidates, "联控")


def test_a_set_idiom_of_general_chinese_is_no_term():
    # 安危冷暖 ↔ safety and well-being: a chengyu the English paraphrases, though the dictionary links it
    assert not find(candidates_of("000"), "安危冷暖")


def test_a_term_and_one_more_thing_joined_to_it_is_no_term():
    # 对外交往合作 ↔ foreign exchanges and cooperation: the term 对外交往 ↔ foreign exchanges, "and" another
    # word; a quoted slogan of two halves stays (以人为本，外交为民 ↔ putting people first and …)
    candidates = candidates_of("000")
    assert not find(candidates, "对外交往合作")
    assert any(en_key(c.en) == en_key("foreign exchanges") for c in find(candidates, "对外交往"))
    assert any(c.en.startswith("putting people first and") for c in find(candidates_of("003"), "以人为本，外交为民"))


def test_a_one_character_noun_glued_to_a_noun_the_english_leaves_unsaid_is_one_head():
    # 处置涉外案事件19起 ↔ handled 19 foreign-related cases: 案事件 is one head, said as "cases"
    found = find(candidates_of("000"), "涉外案事件")
    assert any(en_key(c.en) == en_key("foreign-related cases") for c in found)
    assert not find(candidates_of("000"), "涉外案")


def test_a_title_beside_a_persons_name_is_a_term_even_as_one_english_word():
    # 参赞周宏友 ↔ counselor of Chinese Embassy in Armenia Zhou Hongyou: one English word the
    # dictionary knows, kept because it says who a named person is
    found = find(candidates_of("001"), "参赞")
    assert any(c.en == "counselor" and "title" in c.signals and c.category == "title" for c in found)
    # a place's one-word pinyin name is no person: 重庆 says nothing of the words beside it
    assert not any("title" in c.signals for c in candidates_of("000") if c.en[:1].islower() and len(c.en.split()) == 1)


def test_a_rendering_goes_to_the_span_paired_with_it_whole_not_to_one_seen_only_inside_longer_pairs():
    # 卫生部 meets "minister of health" only inside 卫生部副部长 / 卫生部第一副部长 (several times);
    # 卫生部部长 is paired with it whole once, and keeps it
    candidates = candidates_of("001")
    assert any(c.en == "minister of health" for c in find(candidates, "卫生部部长"))
    assert not any(en_key(c.en) == en_key("minister of health") for c in find(candidates, "卫生部"))


def test_an_acronym_glosses_the_chinese_word_whose_dictionary_gloss_it_spells():
    # 上海合作组织 is "Shanghai Cooperation Organization" in CC-CEDICT: the SCO of "China-SCO" translates it
    found = find(candidates_of("000"), "中国—上海合作组织数字经济产业论坛")
    assert any(c.en == "China-SCO Digital Economy Industry Forum" for c in found)


def test_two_everyday_words_the_english_joins_with_and_are_no_term():
    # 交流合作 "exchanges and cooperation", 健康安全 "health and safety": common words side by side;
    # rarer words joined so stay (复工复产 work and production resumption, 中外公民)
    candidates = candidates_of("000") + candidates_of("001") + candidates_of("003")
    assert not find(candidates, "交流合作") and not find(candidates, "健康安全")
    assert find(candidates, "复工复产") and find(candidates, "中外公民")
    # jieba joins 文化教育 "culture & education", which the dictionary lacks: its pieces are two words
    assert not find(candidates, "文化教育")
    # three common words: 不断创新突破 "constant innovation and breakthroughs"
    assert not find(candidates, "不断创新突破")


def test_a_term_said_in_a_place_pairs_without_the_place(tmp_path):
    """HKMA 2018, chapter 1: 香港离岸人民币市场 ↔ "offshore renminbi market in Hong Kong" (a place of
    two English words) and 两地金融创新 ↔ "financial innovation in the two places" say where a term
    is; the terms pair on their own."""
    found = hkma_chapter_pairs(tmp_path, "hkma-ar-2018-01")
    assert {("离岸人民币市场", "offshore renminbi market"), ("金融创新", "financial innovation")} <= found
    assert not [pair for pair in found if pair[1].endswith((" in Hong Kong", " in the two places"))]


def test_a_noun_made_from_a_short_verb_keeps_its_link_to_the_verb(tmp_path):
    """HKMA 2018, chapter 1: 支付 is "to pay" in CC-CEDICT; "payment" stems to pay, so 零售支付系统
    pairs with "retail payment systems"."""
    from glossary.lexicon import en_stem

    assert en_stem("payment") == en_stem("pay")
    assert ("零售支付系统", "retail payment systems") in hkma_chapter_pairs(tmp_path, "hkma-ar-2018-01")


def test_an_evaluating_adjective_and_its_noun_are_no_term():
    # 显著成效 significant results, 有利契机 favorable opportunity; 健康检测 health test opens on a noun
    candidates = candidates_of("000") + candidates_of("001") + candidates_of("003")
    assert not find(candidates, "显著成效") and not find(candidates, "有利契机")
    assert find(candidates, "健康检测")


def test_a_verb_of_any_dictionary_sense_opening_the_english_makes_a_verb_phrase():
    # 保 is "to defend; to protect; to keep/to guarantee; to ensure": 保稳定 ↔ "ensure stability"
    # is an action; a gerund before a noun still names one (经营 "to operate": operating profits)
    from glossary.lexicon import is_verb_translation

    assert is_verb_translation("保", "ensure", any_sense=True) and not is_verb_translation("保", "ensure")
    assert not find(candidates_of("000"), "保稳定")


def test_a_time_said_in_words_is_no_term():
    # 过去一年 "past year": a time word and a count
    from glossary.ingest import read_document

    assert not find(candidates_of("000"), "过去一年")
    doc = mine_document(read_document(EXAMPLES / "jiangzhou-government-work-report-2024.md"))
    assert not find(mine_pairs(doc.pairs), "过去一年")


def test_a_word_after_a_chinese_quotation_that_the_english_quotation_says_belongs_to_the_term():
    # “两点”定位 ↔ “two positions”: 定位 (position) is said inside the English quotation
    found = find(candidates_of("003"), "两点定位")
    assert any(c.zh == "两点定位" and c.en == "two positions" and "quoted" in c.signals for c in found)
    assert not find(candidates_of("003"), "两点")


def test_a_list_item_that_joins_two_things_is_not_paired_by_its_place(tmp_path):
    """HKMA 2017, chapter 8: an item 处置机制及外汇基金投资 holds two things the English list splits at
    "and"; its place in the list pairs no Chinese that holds 及."""
    found = hkma_chapter_pairs(tmp_path, "hkma-ar-2017-08")
    assert not [pair for pair in found if "处置机制及" in pair[0]]


def test_an_everyday_head_said_first_of_a_term_leaves_the_term_alone():
    # 外资企业人员 ↔ "staff of foreign-invested enterprises", 领事保护工作 ↔ "work in consular protection":
    # an everyday head word (人员, 工作) said first; the terms inside pair alone
    from glossary.ingest import read_document

    doc = mine_document(read_document(EXAMPLES / "jiangzhou-fao-2023-work-summary.txt"))
    pairs = {(c.zh, c.en) for c in mine_pairs(doc.pairs)}
    assert {("外资企业", "foreign-invested enterprises"), ("领事保护", "consular protection")} <= pairs
    assert not [zh for zh, _ in pairs if zh in ("外资企业人员", "领事保护工作")]


def test_a_title_case_name_grows_over_of_the_into_the_name_it_belongs_to():
    # 市政府港澳事务办公室 ↔ "Hong Kong and Macao Affairs Office of the Municipal Government"
    from glossary.ingest import read_document

    doc = mine_document(read_document(EXAMPLES / "jiangzhou-government-work-report-2024.md"))
    pairs = {(c.zh, c.en) for c in mine_pairs(doc.pairs)}
    assert ("市政府港澳事务办公室", "Hong Kong and Macao Affairs Office of the Municipal Government") in pairs


def test_the_ends_of_a_span_are_its_first_and_last_words_not_their_first_characters():
    # both ends must be said, but an end is a word: any of its dictionary pieces may be the one the
    # English says (the first or last piece alone was required before)
    found = find(candidates_of("000"), "国门到家门")
    assert any(c.en == "border-to-home" for c in found)
    found = find(candidates_of("001"), "香港特区政府驻重庆联络处")
    assert any(c.en == "Chongqing Liaison Unit of the Government of Hong Kong Special Administrative Region" for c in found)


def test_single_characters_jieba_cut_from_a_dictionary_word_are_rejoined():
    found = find(candidates_of("000"), "初心使命")  # jieba cuts 初|心, a CC-CEDICT word ("original aspiration")
    assert [en_key(c.en) for c in found] == [en_key("original aspiration and mission")]


def test_a_name_that_says_a_word_again_after_a_comma_starts_the_next_list_item():
    from glossary.models import SegmentPair

    pair = SegmentPair(0, "江州纳入中韩、中新快捷通道。", "Jiangzhou joined the China-South Korea, China-Singapore fast channels.")
    found = {pair.zh[s.zh_start : s.zh_end]: pair.en[s.en_start : s.en_end] for s in pair_spans(pair)}
    assert found["中韩"] == "China-South Korea"  # not "China-South Korea, China-Singapore"



def test_a_verb_after_a_count_modifies_what_is_counted():
    from glossary.models import SegmentPair

    def rendered(zh: str, en: str) -> list[tuple[str, str]]:
        pair = SegmentPair(0, zh, en)
        return [(pair.zh[s.zh_start : s.zh_end], pair.en[s.en_start : s.en_end]) for s in pair_spans(pair)]

    assert ("滞留海外人员", "stranded overseas personnel") in rendered(
        "接回1500余名滞留海外人员。", "We brought back 1,500-plus stranded overseas personnel.")
    assert ("服务海外人员", "served overseas personnel") not in rendered(  # a verb and its object
        "我们服务海外人员。", "We served overseas personnel.")


def test_a_closing_predicate_said_only_by_another_words_english_is_unsaid():
    from glossary.models import SegmentPair

    pair = SegmentPair(0, "江州物资充足、国外物资紧缺。", "Jiangzhou had enough supplies, but overseas supplies were short.")
    rendered = {pair.zh[s.zh_start : s.zh_end]: pair.en[s.en_start : s.en_end] for s in pair_spans(pair)}
    assert "国外物资紧缺" not in rendered  # "supplies" is 物资's; 紧缺 "in short supply" is not said in the phrase
    assert rendered["国外物资"] == "overseas supplies"


def test_a_stem_a_piece_has_whole_does_not_also_link_by_a_shared_prefix():
    """CC-CEDICT glosses 临时 "interim": "international" is 国际's own stem, so it does not translate
    临时 too through the letters they share (000: no 临时国际航班 ↔ "international flights")."""
    assert not [c for c in candidates_of("000") if c.zh.startswith("临时") and "provisional" not in c.en]


def test_a_foreign_place_jieba_tags_as_a_name_with_a_title_said_of_it_is_a_description():
    # 乌克兰 (tagged nr) + 总理, found by the dictionary alone as "Ukrainian prime minister"
    assert not find(candidates_of("001"), "乌克兰总理")


def test_a_pinyin_place_name_and_a_unit_of_a_government_get_their_categories():
    assert {c.category for c in find(candidates_of("000"), "重庆") if c.en == "Chongqing"} == {"place"}  # 重庆 ns
    assert guess_category("香港特区政府驻重庆联络处",
                          "Chongqing Liaison Unit of the Government of Hong Kong Special Administrative Region") == "org"


def test_a_word_that_only_stands_before_a_noun_takes_the_noun_its_chinese_implies():
    # 外国 is "foreign (country)" in CC-CEDICT: "… in foreign countries" is 驻外国使领馆 whole, so the
    # shorter 使领馆 does not take "embassies and consulates" alone
    pair = next(p for p in mined("000").pairs if "驻外国使领馆" in p.zh)
    spans = {(pair.zh[s.zh_start : s.zh_end], pair.en[s.en_start : s.en_end]) for s in pair_spans(pair)}
    assert ("驻外国使领馆", "embassies and consulates in foreign countries") in spans
    assert not [zh for zh, en in spans if en == "embassies and consulates"]


def test_a_count_and_its_unit_written_as_one_english_modifier_belong_to_the_term():
    # 24小时 ↔ "24-hour" before 咨询服务热线 ↔ "consultation service hotline": one name, and the
    # count is no content word that would make the rendering a long description
    candidates = candidates_of("000")
    assert any(c.en == "24-hour consultation service hotline" for c in find(candidates, "24小时咨询服务热线"))
    assert not find(candidates, "咨询服务热线")


def test_a_verb_used_as_a_noun_can_be_the_unlinked_head_of_a_name():
    # CC-CEDICT has no "event" for 活动 (jieba: vn): 江州全球推介活动 is "Jiangzhou Global Promotion
    # Event" whole, not 江州全球推介 for the whole English name
    from glossary.ingest import read_document

    doc = mine_document(read_document(EXAMPLES / "jiangzhou-government-work-report-2024.md"))
    pairs = {(zh_key(c.zh), c.en) for c in mine_pairs(doc.pairs)}
    assert (zh_key("江州全球推介活动"), "Jiangzhou Global Promotion Event") in pairs
    assert not [en for zh, en in pairs if zh == zh_key("江州全球推介")]


def test_a_bare_s_glued_to_a_pinyin_name_by_a_text_without_apostrophes_is_a_possessive():
    # corpus 003 writes "Xi Jinpings" for Xi Jinping's (a name of two pinyin words; "Institute of Bankers" is none)
    from glossary.mine.pairing import _possessive_length

    assert not [c for c in candidates_of("003") if "Jinpings" in c.en]
    tokens = en_tokens("General Secretary Xi Jinpings")
    assert _possessive_length(tokens, len(tokens) - 1) == 1
    tokens = en_tokens("Hong Kong Institute of Bankers")
    assert _possessive_length(tokens, len(tokens) - 1) == 0


def test_two_things_each_with_its_article_joined_by_and_are_no_term():
    # 党和国家 "the Party and the country" (000); a Title Case name may say "and the"
    from glossary.mine.shape import is_term_shaped

    assert not find(candidates_of("000"), "党和国家")
    assert is_term_shaped("财经事务及库务局", "Financial Services and the Treasury Bureau", {"dictionary"})


def test_no_term_opens_on_a_reduplicated_adjective():
    # 扎扎实实打基础 "laying a solid foundation" (000): AABB says how something is done
    assert not [c for c in candidates_of("000") if c.zh.startswith("扎扎实实")]


def test_an_everyday_head_right_after_a_quoted_name_is_no_term():
    # “重庆好礼”评选活动 ↔ the "Chongqing Gifts" selection campaign (000): the name is the term
    candidates = candidates_of("000")
    assert find(candidates, "重庆好礼") and not find(candidates, "评选活动")


def test_english_cut_before_an_ampersand_that_joins_the_next_word_is_not_paired():
    # 001: "experts for epidemic prevention & treatment": the phrase goes on over "&"
    assert not [c for c in candidates_of("001") if c.en.endswith("epidemic prevention")]


def test_a_gloss_that_only_notes_a_surname_glosses_nothing():
    # CC-CEDICT 林 "Japanese surname Hayashi" made "Japanese" a gloss of 林: 001 paired 总领事林明
    # (a name cut in two) with "Japanese Consul General"
    from glossary.lexicon import cedict

    assert "forest" in cedict()["林"] and not {s for s in cedict()["林"] if s.startswith("japan")}
    assert not [c for c in candidates_of("001") if c.zh.startswith("总领事林")]


def test_a_long_dictionary_set_phrase_said_only_inside_a_name_is_a_term_but_a_country_is_not():
    assert any(c.en == "Socialism with Chinese Characteristics" for c in find(candidates_of("000"), "中国特色社会主义"))
    from glossary.ingest import read_document

    found = set()
    for path in sorted(EXAMPLES.glob("jiangzhou-*")):
        doc = mine_document(read_document(path))
        found |= {c.zh for c in mine_pairs(doc.pairs, document=doc.document.name)}
    assert "中国特色社会主义" in found and "中华人民共和国" not in found  # (inside 中华人民共和国外商投资法)
    assert "工作报告" not in found  # four characters: an everyday word (Report on the Work, cut from the name)


def test_a_long_dictionary_word_that_jieba_cuts_over_its_edges_is_one_word():
    from glossary.mine.tokens import zh_words

    pair = next(p for p in mined("001").pairs if "上合组织" in p.zh)  # jieba alone: 向上|合|组织
    assert "上合组织" in [w.text for w in zh_words(pair.zh)]


def test_a_title_case_name_ends_with_its_capitals_not_cut_inside_a_phrase():
    found = find(candidates_of("001"), "上合组织")  # "… Organization member states": 国家 is "member states"
    assert any(c.en == "Shanghai Cooperation Organization" for c in found)


def test_a_quoted_slogan_of_two_halves_pairs_whole_and_each_half():
    found = {(zh_key(c.zh), c.en) for c in candidates_of("003") if "quoted" in c.signals}
    assert {(zh_key("以人为本，外交为民"), "putting people first and diplomacy for the people"),
            (zh_key("以人为本"), "putting people first"), (zh_key("外交为民"), "diplomacy for the people")} <= found


def test_a_lower_case_hyphened_compound_that_the_dictionary_gives_for_the_word_is_general_vocabulary():
    # 高质量 "high-quality" is CC-CEDICT's gloss (000); 新冠肺炎 COVID-19 is a name and stays
    from glossary.mine.shape import is_term_shaped

    assert not is_term_shaped("高质量", "high-quality", {"dictionary"})
    assert is_term_shaped("新冠肺炎", "COVID-19", {"dictionary"})
    assert not [c for c in candidates_of("000") if c.zh == "高质量"]


def test_each_sense_of_a_gloss_is_a_dictionary_translation_of_its_own():
    # CC-CEDICT 底线 "bottom line; the limit of what one is prepared to accept": "bottom line" is
    # general vocabulary (000), not a term
    from glossary.lexicon import is_dictionary_translation

    assert is_dictionary_translation("底线", "bottom line")
    assert not find(candidates_of("000"), "底线")


def test_a_lower_case_word_that_says_a_piece_of_a_proper_name_does_not_translate_it():
    # jiangzhou-government-work-report: "local cooperation with member states of the Shanghai Cooperation Organization":
    # "cooperation" is one word of 上海合作组织's name, not 上海合作组织成员国's English
    from glossary.ingest import read_document
    from glossary.lexicon import is_proper_name

    assert is_proper_name("上海合作组织") and not is_proper_name("外交部") and not is_proper_name("明")
    doc = mine_document(read_document(EXAMPLES / "jiangzhou-government-work-report-2024.md"))
    assert not [c for c in mine_pairs(doc.pairs) if c.en.startswith("cooperation with")]


def test_the_second_conjunct_of_a_coordination_is_no_phrase_of_its_own():
    # 复工复产 ↔ "work and production resumption" (000): "production resumption" inside it is no
    # nested pair, so 复产, seen in two longer terms, is not released as a term
    candidates = candidates_of("000")
    assert find(candidates, "复工复产") and not find(candidates, "复产")


def test_a_word_in_ly_that_the_dictionary_gives_for_the_chinese_opens_a_term():
    # 友好 "friendly" (jiangzhou-fao: 友好交流城市 ↔ friendly exchange cities); 有效 is "effective", so
    # "effectively prevent and control" (000) stays an adverb opening a verb phrase
    from glossary.ingest import read_document
    from glossary.lexicon import glosses_with

    assert glosses_with("友好", "friendly") and not glosses_with("有效", "effectively")
    doc = mine_document(read_document(EXAMPLES / "jiangzhou-fao-2023-work-summary.txt"))
    assert "friendly exchange cities" in {c.en for c in find(mine_pairs(doc.pairs), "友好交流城市")}
    assert not [c for c in candidates_of("000") if c.en.startswith("effectively")]


def test_a_title_in_book_marks_pairs_with_the_title_case_run_its_dictionary_words_gloss_most():
    found = {(c.zh, c.en) for d in ("000", "001") for c in candidates_of(d) if "quoted" in c.signals}
    assert ("外籍人员新型冠状病毒感染医疗救治流程", "COVID-19 Infection Medical Treatment Procedures for Foreign Personnel") in found
    assert ("国宾及重要外宾来渝参访手册", "Guidebook for Domestic and Foreign VIPs Visiting Chongqing") in found  # not "Chongqing Gifts"
    assert ("关于进一步加强境外来渝返渝人员疫情防控工作的通知",
            "Notice on Further Strengthening the Prevention and Control of Epidemic for Inbound Travelers") in found


def test_a_plans_period_inside_book_marks_joins_the_title_on_both_sides():
    from glossary.ingest import read_document

    doc = mine_document(read_document(EXAMPLES / "jiangzhou-international-exchange-center.txt"))
    found = {c.en for c in find(mine_pairs(doc.pairs), "江州市建设国际交往中心三年行动计划（2024—2026年）")}
    assert found == {"Three-Year Action Plan of Jiangzhou for Building an International Exchange Center (2024-2026)"}


def test_chinese_marked_as_a_term_pairs_with_english_that_translates_it_loosely():
    found = find(candidates_of("000"), "成渝地区双城经济圈")  # the English does not quote it; 地区双城 goes unsaid
    assert [c.en for c in found] == ["Chengdu-Chongqing economic circle"]
    assert not [c for c in candidates_of("001") if c.zh == "一把手" and c.en == "work"]  # one marked word: the dictionary's


def test_an_adjective_of_nationality_links_to_its_country_and_a_country_with_a_general_noun_is_a_description():
    from glossary.mine.pairing import dictionary_pairs
    from glossary.mine.tokens import en_tokens, zh_words

    pair = next(p for p in mined("001").pairs if "意大利驻重庆总领事馆" in p.zh)
    found = {(pair.zh[s.zh_start : s.zh_end], pair.en[s.en_start : s.en_end]) for s in dictionary_pairs(zh_words(pair.zh), en_tokens(pair.en))}
    assert ("意大利驻重庆总领事馆", "Italian Consulate-General in Chongqing") in found  # Italian: 意大利 Italy
    assert not find(candidates_of("001"), "意大利政府")  # Italian government: one jieba word, 意大利 + 政府


def test_chinese_said_inside_a_longer_pair_competes_for_no_english_elsewhere():
    # 渝中区 ↔ "Chongqing" (of the consulate's English) strays: 渝中区政府 ↔ Yuzhong District Government holds
    # it; and of 意大利驻重庆总领事馆 and …馆舍 ("premises", unsaid) for one English, the better covered stays
    found = find(candidates_of("001"), "意大利驻重庆总领事馆")
    assert [c.en for c in found] == ["Italian Consulate-General in Chongqing"]
    assert not find(candidates_of("001"), "意大利驻重庆总领事馆馆舍")


def test_a_title_the_dictionary_does_not_link_pairs_beside_a_persons_name():
    found = find(candidates_of("000"), "主席")  # 习近平主席 ↔ President Xi Jinping; CC-CEDICT: chairman
    assert [(c.en, c.category) for c in found] == [("President", "title")]


def test_a_persons_name_with_its_title_gives_the_title_not_the_whole():
    # 习近平总书记 ↔ General Secretary Xi Jinpings (the text lost the apostrophe of Jinping's)
    assert [c.en for c in find(candidates_of("003"), "总书记")] == ["General Secretary"]
    assert not find(candidates_of("003"), "习近平总书记")


def test_a_quoted_name_inside_a_longer_name_is_part_of_it_when_the_english_is_a_name():
    from glossary.ingest import read_document

    doc = mine_document(read_document(EXAMPLES / "jiangzhou-fao-2023-work-summary.txt"))
    found = find(mine_pairs(doc.pairs), "一带一路地方合作论坛")  # 第二届“一带一路”地方合作论坛
    assert [c.en for c in found] == ["Belt and Road Local Cooperation Forum"]
    assert not find(candidates_of("001"), "一带一路国家")  # “一带一路”国家 ↔ counterparts from BRI countries: no name


def test_a_name_with_an_unlinked_head_that_defines_an_acronym_needs_no_second_sentence():
    from glossary.ingest import read_document

    doc = mine_document(read_document(EXAMPLES / "jiangzhou-government-work-report-2024.md"))
    found = {c.en for c in find(mine_pairs(doc.pairs), "中国—东盟博览会")}  # 博览会 "exposition" is no "Expo"
    assert found == {"China-ASEAN Expo", "CAEXPO"}
    assert not find(mine_pairs(doc.pairs), "东盟博览会")  # (China-ASEAN: 中国 says China)


def fao_pair(zh: str):
    from glossary.ingest import read_document

    return next(p for p in mine_document(read_document(EXAMPLES / "jiangzhou-fao-2023-work-summary.txt")).pairs if zh in p.zh)


def test_a_name_with_one_inner_word_left_over_on_each_side_pairs_when_the_rest_links_in_order():
    from glossary.mine.leftover import leftover_pairs
    from glossary.mine.tokens import en_tokens, zh_words

    pair = fao_pair("江州国际传播中心")  # 传播 is glossed "disseminate", not "communication"
    found = {(pair.zh[s.zh_start : s.zh_end], pair.en[s.en_start : s.en_end]) for s in leftover_pairs(zh_words(pair.zh), en_tokens(pair.en))}
    assert found == {("江州国际传播中心", "Jiangzhou International Communication Center")}


def test_a_word_capitalised_only_because_it_opens_the_sentence_is_read_as_running_text():
    found = {(c.zh, c.en) for c in mine_pairs([fao_pair("江州国际传播中心")])}
    assert ("江州国际传播中心", "Jiangzhou International Communication Center") in found
    assert not [zh for zh, _ in found if zh.startswith("依托")]  # "Relying on the …" is a verb


def test_a_nationality_the_english_adds_between_lower_case_words_need_not_be_said():
    # 海外公民 says no "China", but the English writes "overseas Chinese citizens"; inside a name
    # ("counselor of Chinese Embassy in Armenia") the nationality is said, and 参赞 keeps its own pair
    pair = next(p for p in mined("000").pairs if "海外公民" in p.zh)
    spans = {(pair.zh[s.zh_start : s.zh_end], pair.en[s.en_start : s.en_end]) for s in pair_spans(pair)}
    assert ("海外公民", "overseas Chinese citizens") in spans
    assert any(en_key(c.en) == "counselor" for c in find(candidates_of("001"), "参赞"))


def test_a_hyphened_modifier_and_its_noun_inside_a_longer_description_is_a_term():
    # 疫情防控涉外宣传 ↔ "foreign-related publicity on epidemic prevention and control" is a description
    # (000); the coined compound and its noun inside it are the term, but not the first conjunct of a
    # coordinated head (涉外安全稳定 ↔ foreign-related security and stability: no 涉外安全); inside a
    # longer term too (闭环管理 in 疫情防控闭环管理流程 ↔ closed-loop management process for …)
    candidates = candidates_of("000")
    assert [c.en for c in find(candidates, "涉外宣传")] == ["foreign-related publicity"]
    assert [c.en for c in find(candidates, "闭环管理")] == ["closed-loop management"]
    assert [c.en for c in find(candidates, "涉外企业")] == ["foreign-related enterprises"]
    assert not find(candidates, "涉外安全")


def test_a_gerund_after_an_article_modifies_the_noun_after_it():
    # 工作 is "to work", but "an efficient working mechanism" (001) is a noun phrase: 工作机制 pairs with it
    pair = next(p for p in mined("001").pairs if "工作机制" in p.zh and "working mechanism" in p.en)
    spans = {(pair.zh[s.zh_start : s.zh_end], pair.en[s.en_start : s.en_end]) for s in pair_spans(pair)}
    assert ("工作机制", "working mechanism") in spans


def test_an_order_makes_no_lower_case_phrase_a_description_but_a_count_does():
    # "first deputy minister of health" (001) has three content words and an order: a title, not a
    # description; "two" of "financial innovation in the two jurisdictions" (HKMA) says which ones: it is
    from glossary.mine.shape import is_term_shaped

    assert is_term_shaped("卫生部第一副部长", "first deputy minister of health", {"dictionary"})
    assert not is_term_shaped("两地金融创新", "financial innovation in the two jurisdictions", {"dictionary"})
    assert any(c.en == "first deputy minister of health" for c in find(candidates_of("001"), "卫生部第一副部长"))


def test_characters_abbreviating_the_parts_of_a_hyphened_compound_pair_with_it():
    # 铁公水空 ↔ railway-road-water-air (000): 水 water and 空 air gloss their parts in place, and the
    # pair stands even inside the longer description "railway-road-water-air epidemic prevention work"
    assert [c.en for c in find(candidates_of("000"), "铁公水空")] == ["railway-road-water-air"]


def test_a_verbs_english_right_after_a_possessive_and_before_a_noun_is_a_modifier():
    # 开放 is "to open", but "the citys open development" (000, apostrophes dropped) is a noun phrase:
    # 开放发展 pairs with it; "in the face of …" (面对 "to face") stays a verb's phrase, "of" follows
    candidates = candidates_of("000")
    assert [c.en for c in find(candidates, "开放发展")] == ["open development"]
    assert not [c for c in candidates if c.en.startswith("face of")]


def test_a_modifier_before_the_pair_on_each_side_that_links_to_nothing_belongs_to_the_term():
    # 7个临时国际航班 ↔ 7 provisional international flights: CC-CEDICT glosses 临时 "temporary", so
    # neither word links, but each is the one modifier left before the pair on its side
    pair = next(p for p in mined("000").pairs if "临时国际航班" in p.zh)
    spans = {(pair.zh[s.zh_start : s.zh_end], pair.en[s.en_start : s.en_end]) for s in pair_spans(pair)}
    assert ("临时国际航班", "provisional international flights") in spans
    assert not [zh for zh, _ in spans if zh == "国际航班"]
    # a determiner (本市 "this city" ↔ local) or a verb jieba tags a noun (讲好 ↔ told) joins nothing
    pair = fao_pair("讲好中国故事")
    assert not [c for c in mine_pairs([fao_pair("组织本市企业"), pair]) if c.zh.startswith(("本市", "讲好"))]


def test_an_english_modifier_joins_a_pair_only_as_an_adjective(tmp_path):
    # HKMA 2022, chapter 7: 关键金融服务 ↔ critical financial services (关键 "key" links no "critical");
    # HKMA 2021, chapter 9: 机构层面 is no "two levels", a count is no modifier of the term
    assert ("关键金融服务", "critical financial services") in hkma_chapter_pairs(tmp_path, "hkma-ar-2022-07")
    assert not [zh for zh, en in hkma_chapter_pairs(tmp_path, "hkma-ar-2021-09") if en == "two levels"]


def test_a_modifier_the_chinese_always_writes_before_a_term_and_the_english_never_says_belongs_to_it():
    # 001 writes 医用外科口罩 in four passages, each rendered "surgical masks": 医用 is part of the term
    candidates = candidates_of("001")
    assert any(en_key(c.en) == en_key("surgical masks") for c in find(candidates, "医用外科口罩"))
    assert not find(candidates, "外科口罩")
    # a modifier said nearby (外办 in … Foreign Affairs Office) stays out: 党组书记 ↔ party secretary
    assert any(en_key(c.en) == en_key("party secretary") for c in find(candidates, "党组书记"))


def test_an_abbreviation_says_what_the_dictionary_gives_for_its_full_form(tmp_path):
    # CC-CEDICT notes abbreviations ("short name for Chongqing", "abbr. for Tianjin", 外贸 "abbr. for
    # 对外贸易"): the note's English, or else the full form's glosses, are the abbreviation's glosses;
    # one with glosses of its own keeps only those (特区, not every sense of 特别行政区)
    from glossary.ingest import read_document
    from glossary.lexicon import gloss_phrases

    assert ("chongq",) in gloss_phrases("渝") and ("tianji",) in gloss_phrases("津")
    assert ("foreig", "trad") in gloss_phrases("外贸")
    assert ("speci", "admini", "region") in gloss_phrases("特区") and not any("qing" in g for g in gloss_phrases("特区"))
    path = tmp_path / "abbr.txt"
    path.write_text("深化京津冀协同发展。\n\nWe will deepen the coordinated development of Beijing-Tianjin-Hebei.\n", encoding="utf-8")
    doc = mine_document(read_document(path))
    assert ("京津冀", "Beijing-Tianjin-Hebei") in {(c.zh, c.en) for c in mine_pairs(doc.pairs, document=doc.document.name)}


def test_a_body_and_the_place_the_chinese_says_it_is_based_in_is_one_term():
    # 香港驻渝机构 (001): 渝 says Chongqing, so "… in Chongqing" is the term's own, and "based in" is no clause
    found = {c.en for c in find(candidates_of("001"), "香港驻渝机构")}
    assert found == {"Hong Kong agencies in Chongqing", "Hong Kong organizations based in Chongqing"}
    assert not is_term_shaped("香港机构", "Hong Kong agencies in Chongqing", {"dictionary"})  # a place it does not say


def test_a_name_before_a_person_and_the_writers_own_nationality_pair():
    # 我驻亚美尼亚大使馆参赞周宏友 (001): "Chinese" is what 我 "our" says just before the span, and the
    # name of the embassy stops before the person's name in pinyin that follows it
    assert {c.en for c in find(candidates_of("001"), "驻亚美尼亚大使馆")} == {"Chinese Embassy in Armenia"}


def test_a_place_in_lower_case_after_a_chinese_verb_of_place_belongs_to_the_term():
    # 驻外国使领馆 (000): 驻 "stationed in" then 外国, so "in foreign countries" is the term's own
    assert {c.en for c in find(candidates_of("000"), "驻外国使领馆")} == {"embassies and consulates in foreign countries"}
    assert not is_term_shaped("外国使领馆", "embassies and consulates in foreign countries", {"dictionary"})


def test_a_one_character_noun_before_the_pair_is_a_modifier_of_the_term():
    # 000: 市领导线上外事活动 ↔ online foreign affairs activities of municipal leaders: CC-CEDICT glosses 市
    # only "city", and neither 市 nor "municipal" links to anything else in the pair
    pair = next(p for p in mined("000").pairs if "市领导" in p.zh)
    spans = {(pair.zh[s.zh_start : s.zh_end], pair.en[s.en_start : s.en_end]) for s in pair_spans(pair)}
    assert ("市领导", "municipal leaders") in spans


def test_a_gap_filled_again_by_the_same_words_links_them():
    # 001: CC-CEDICT glosses 境外 only "outside (a country's) borders"; twice in one pair it stands unexplained
    # right before a glossed word whose English follows an unexplained "overseas" (境外|重庆市民, 境外|捐赠)
    assert [c.en for c in find(candidates_of("001"), "境外捐赠")] == ["overseas donations"]
    # a gap filled once, with no longer dictionary word behind it, links nothing: 衷心|感谢 ↔ sincere | thanks
    assert not find(candidates_of("001"), "衷心感谢")


def test_a_gap_filled_once_links_when_another_pair_says_both_words():
    # 001: 交流 fills the gap before "conference" once (视频|交流会 ↔ video | conference); another pair of the
    # document says 交流 and "conferences" too (…防控交流视频会 ↔ video conferences on the sharing of …)
    assert ("视频交流会", "video conference") in {(c.zh, c.en) for c in candidates_of("001")}


def test_a_gap_filled_once_links_when_a_longer_dictionary_word_says_so():
    # 000: 历史交汇点 ↔ historical intersection: 交汇 "to flow together" is unexplained once, but CC-CEDICT's
    # 交汇处 "confluence; intersection" holds it
    assert ("历史交汇点", "historical intersection") in {(c.zh, c.en) for c in candidates_of("000")}
    assert glossed_inside_longer_word("临时", frozenset({"provi"}), 5)  # 临时政府 provisional government
    assert not glossed_inside_longer_word("大战", frozenset({"comba"}), 5)


def test_a_pair_whose_chinese_head_follows_it_and_the_english_puts_before_it_on_a_topic_is_no_term():
    # 000: 防疫经验交流|视频会 ↔ video conferences on COVID-19 | prevention experience exchange: the
    # pair is the topic of the head (视频 ↔ video), a piece of a longer name, no term of its own, and
    # neither are its pieces (经验交流 ↔ experience exchange)
    pair = next(p for p in mined("000").pairs if "经验交流视频会" in p.zh)
    spans = {pair.zh[s.zh_start : s.zh_end] for s in pair_spans(pair)}
    assert not spans & {"防疫经验交流", "经验交流"}
    assert not [c for c in candidates_of("000") if c.zh.endswith("经验交流")]
    # a pair that shares the head with another before it keeps its own term (HKMA 2015, chapter 1:
    # pressures on domestic costs and | import prices): no longer name swallows it
    assert not [c for c in hkma_mined("hkma-ar-2015-01") if c.zh == "进口价格压力" and c.en == "import prices"]


def test_a_place_before_the_chinese_and_in_a_name_after_the_english_that_link_nothing_belong_to_the_term():
    # 000: 中西部|国际交往中心 ↔ international exchange center | in Central and Western China: CC-CEDICT
    # glosses 中西部 only "midwest", so neither side links, but each is the place said next to the pair
    candidates = candidates_of("000")
    assert any(en_key(c.en) == en_key("international exchange center in Central and Western China")
               for c in find(candidates, "中西部国际交往中心"))
    assert not find(candidates, "国际交往中心")


def test_one_time_word_that_counts_is_no_term_but_a_numbered_slogan_is():
    # HKMA mined 七天 ↔ seven-day and 半世纪 ↔ half a century: a length of time (jieba's "t"), no term;
    # a numbered set phrase (两会, tagged m) or place (两岸, f) is not a time word
    assert not is_term_shaped("七天", "seven-day", {"dictionary"})
    assert not is_term_shaped("半世纪", "half a century", {"dictionary"})
    assert is_term_shaped("两会", "two sessions", {"dictionary"})
    assert is_term_shaped("两岸", "cross-Strait relations", {"dictionary"})


def test_two_places_that_jieba_does_not_know_as_one_word_joined_by_and_are_no_term():
    # 001: 渝港两地 ↔ Chongqing and Hong Kong: two abbreviations named side by side (as 渝|香港 is in a
    # passage that aligns "Hong Kong residents in Chongqing" loosely), not a fixed pair of places
    assert not [c for c in candidates_of("001") if en_key(c.en) == en_key("Chongqing and Hong Kong")]
    assert is_term_shaped("粤港澳", "Guangdong, Hong Kong and Macao", {"dictionary"})  # one word of jieba's


def test_a_coined_compound_closing_on_a_person_pairs_with_one_agent_noun():
    # 000: 外籍|人士 ↔ foreigners: CC-CEDICT lacks the compound; 外籍 links "foreign", and the agent suffix
    # says the person (人士 "person") that no English word glosses
    assert "foreigners" in [c.en for c in find(candidates_of("000"), "外籍人士")]
    assert is_term_shaped("存款人", "depositors", {"dictionary"})
    assert not is_term_shaped("高者", "higher", {"dictionary"})  # a comparative after two characters: no coined name
    assert not is_term_shaped("外国人", "foreigners", {"dictionary"})  # the dictionary's own word: general vocabulary
    assert not is_term_shaped("外籍人士", "foreign", {"dictionary"})  # no agent noun


def test_a_head_left_unexplained_once_links_to_a_synonym_of_its_gloss():
    # 003: 外事|工作者 ↔ foreign affairs | staff: CC-CEDICT glosses 工作者 "worker" only, but 职工 "workers; staff"
    # says "staff" is a synonym of that gloss; the gap is filled once, by the head after its modifier's English
    assert ("外事工作者", "foreign affairs staff") in {(c.zh, c.en) for c in candidates_of("003")}
    assert glossed_as_synonym("职工", frozenset({"emplo"}), 5)  # 员工 "staff; employee"
    assert not glossed_as_synonym("大战", frozenset({"comba"}), 5)  # no headword says "war" and "combat"
    # a modifier filled once is no head: 衷心|感谢 ↔ sincere | thanks stays unlinked (see the gap tests above)
    assert not find(candidates_of("001"), "衷心感谢")


def test_a_long_lower_case_phrase_for_a_chinese_noun_compound_is_a_term_when_its_head_translates_the_last_noun():
    # 000: 信息|闭环|管理|流程 ↔ closed-loop information management process: nouns only, the English head
    # (process, or the word before "for") says the closing noun 流程: one concept, however many words
    candidates = {(c.zh, c.en) for c in candidates_of("000")}
    assert ("信息闭环管理流程", "closed-loop information management process") in candidates
    assert ("疫情防控闭环管理流程", "closed-loop management process for epidemic prevention and control") in candidates
    assert ("高质量发展参观路线", "high-quality development visit routes") in candidates
    # an adjective, a place word or a verb said of a term makes a description; so do an owner, an article
    # and a name the lower-case words describe
    assert not is_term_shaped("重要涉外企业", "major foreign-related enterprises", {"dictionary"})
    assert not is_term_shaped("海外领事保护事件", "overseas consular protection incidents", {"dictionary"})
    assert not is_term_shaped("银行科技风险管理", "banks' technology risk management", {"dictionary"})
    assert not is_term_shaped("双边关系健康发展", "healthy development of the bilateral relations", {"dictionary"})
    assert not is_term_shaped("外办工作组", "Foreign Affairs Office working group", {"dictionary"})


def test_an_unlinked_adjective_inside_the_english_and_a_name_after_a_title_leave_the_title_a_term():
    # 001: 国家首席医生利什科 ↔ chief state sanitary doctor Victor Lyashko: CC-CEDICT links chief, state and
    # doctor but not "sanitary", an adjective inside the phrase; the title with the name after it is a
    # person described, the title alone the term
    found = {(c.zh, c.en) for c in candidates_of("001")}
    assert ("国家首席医生", "chief state sanitary doctor") in found
    assert not [zh for zh, _ in found if zh.startswith("国家首席医生") and zh != "国家首席医生"]


def assert_not_mined(cases: dict[str, str], side: str) -> None:
    """None of the HKMA chapters (doc id -> Chinese or English text, by `side`) mines that text, and each mines many pairs."""
    for doc_id, text in cases.items():
        found = {zh_key(c.zh) if side == "zh" else c.en for c in hkma_mined(doc_id)}
        assert len(found) > 20 and (zh_key(text) if side == "zh" else text) not in found, doc_id


def test_a_chinese_noun_and_what_is_said_of_it_is_no_term_when_the_english_puts_the_adjective_first():
    """HKMA: 信贷|强劲 ↔ robust credit, 范围|广泛 ↔ broad range, 消费信心|疲弱 ↔ weak consumer confidence
    describe a state; the noun keeps its own pair (金融稳定 ↔ financial stability keeps the order)."""
    assert_not_mined({"hkma-ar-2017-03": "信贷强劲", "hkma-ar-2016-05": "范围广泛", "hkma-ar-2015-01": "消费信心疲弱",
                      "hkma-ar-2021-04": "租金偏软", "hkma-ar-2024-06": "借贷成本高企"}, "zh")  # (偏软, 高企: no dictionary word)
    assert "financial stability" in {c.en.lower() for c in hkma_mined("hkma-ar-2015-04") if zh_key(c.zh) == zh_key("金融稳定")}


def test_english_that_opens_or_closes_on_a_verb_is_a_clause_not_a_term():
    """HKMA: "enhances banks" (提升银行), "banks to offer" (银行提供), "HKAB announce" (香港银行公会宣布):
    a verb-only word opening the English, or closing it after "to" or its subject, says what someone does."""
    assert_not_mined({"hkma-ar-2018-00": "提升银行", "hkma-ar-2018-05": "银行提供", "hkma-ar-2019-02": "香港银行公会宣布"}, "zh")


def test_a_lower_case_word_glued_to_a_name_is_no_term():
    """HKMA: "strong-side Convertibility" (of the Convertibility Undertaking), "average Liquidity" (of the
    Liquidity Maintenance Ratio), "entire Monetary Base": a word of the sentence before a name or a piece of one."""
    assert_not_mined({"hkma-ar-2015-01": "strong-side Convertibility", "hkma-ar-2018-03": "average Liquidity",
                      "hkma-ar-2015-05": "entire Monetary Base"}, "en")


def test_a_past_verb_before_an_article_or_a_count_opens_a_clause():
    """HKMA: "issued a statement" (发表声明), "obtained a banking licence" (获发银行牌照), "published two
    issues" (出版两期): what someone did, not a name for a concept."""
    assert_not_mined({"hkma-ar-2021-10": "issued a statement", "hkma-ar-2020-05": "obtained a banking licence",
                      "hkma-ar-2017-08": "published two issues"}, "en")


def test_a_noun_and_the_verb_said_of_it_is_a_clause():
    """HKMA: 楼市|继续 ↔ "market continues", 政府|宣布 ↔ "Government announces", 框架|采用 ↔ "Framework adopts":
    the Chinese closes on a verb that the English says with the -s of the third person."""
    assert_not_mined({"hkma-ar-2016-03": "market continues", "hkma-ar-2017-02": "Government announces",
                      "hkma-ar-2018-06": "Framework adopts"}, "en")


def test_a_span_jieba_glued_to_a_function_character_of_the_sentence_is_cut_wrong():
    """HKMA: 及净|利息收入, 可持续金融关注|组及, 统计|处及: jieba joined 及 "and" to the term's first or last
    character, making a word no dictionary has; the Chinese is no term as written."""
    assert_not_mined({"hkma-ar-2015-01": "及净利息收入", "hkma-ar-2020-09": "可持续金融关注组及", "hkma-ar-2022-05": "统计处及"}, "zh")


def test_a_word_rendered_by_one_hyphened_modifier_before_several_heads_is_a_term_of_its_own():
    # 000: 涉外|宣传, 涉外|企业, 涉外|案事件 ↔ foreign-related publicity, … enterprises, … cases: the
    # translator's fixed rendering of 涉外, though the text never says it alone
    assert [c.en for c in find(candidates_of("000"), "涉外")] == ["foreign-related"]
    from glossary.models import SegmentPair

    one_head = [SegmentPair(0, "我们加强跨境贸易。", "We strengthened cross-border trade."),
                SegmentPair(1, "跨境贸易增长。", "Cross-border trade grew.")]
    assert not find(mine_pairs(one_head), "跨境")  # one head, said twice: no evidence the word stands alone
    wrong_part = [SegmentPair(0, "收入比率上升。", "The price-to-income ratio rose."),
                  SegmentPair(1, "收入水平上升。", "The price-to-income level rose.")]
    assert not find(mine_pairs(wrong_part), "收入")  # 收入 "income" does not say the modifier's first part


def test_titles_listed_in_one_order_on_both_sides_pair_in_that_order(tmp_path):
    # HKMA 2024 chapter 4 lists five ordinances in 《》 and in English in the same order; the fourth,
    # 《存款保障计划条例》, pairs with the fourth English title, though the dictionary reaches more words of
    # the fifth (存 "store", 款 "payment"), which goes to the fifth Chinese title
    pairs = hkma_chapter_pairs(tmp_path, "hkma-ar-2024-04")
    assert ("存款保障计划条例", "Deposit Protection Scheme Ordinance") in pairs
    assert ("存款保障计划条例", "Payment Systems and Stored Value Facilities Ordinance") not in pairs
    assert ("支付系统及储值支付工具条例", "Payment Systems and Stored Value Facilities Ordinance") in pairs


def test_a_word_tagged_adverb_that_the_dictionary_glosses_as_a_modifier_may_open_a_name(tmp_path):
    # jieba tags 快速 (fast) and 长期 (long term) as adverbs; the dictionary glosses them only as
    # modifiers, so they open names: 快速支付系统 ↔ Faster Payment System, not 支付系统转数
    pairs = hkma_chapter_pairs(tmp_path, "hkma-ar-2018-06")
    assert {("快速支付系统", "Faster Payment System"), ("快速支付系统", "FPS")} <= pairs
    assert not [p for p in pairs if p[0] == "支付系统转数"]
    assert ("长期增长组合", "Long-Term Growth Portfolio") in hkma_chapter_pairs(tmp_path, "hkma-ar-2015-05")
    # said of something in lower case it is no term: 最新发展 ↔ latest developments stays out
    assert not [p for p in hkma_chapter_pairs(tmp_path, "hkma-ar-2024-03") if p[0].startswith("最新")]


def test_an_action_said_before_its_object_is_no_term_but_a_head_said_last_is():
    """HKMA 2022 ch. 7: 运用数据及科技 ↔ "the use of data and technology", 加强应对骗案 ↔ "enhance the
    response to scams": the Chinese opens on the action the English says first, then what it is done to.
    HKMA 2015 ch. 4: 人民币国际化 ↔ "internationalisation of the renminbi" closes on its head: a term."""
    found = {(zh_key(c.zh), c.en) for c in hkma_mined("hkma-ar-2022-07")}
    assert len(found) > 50 and not {(zh_key("运用数据"), "use of data"), (zh_key("应对骗案"), "response to scams")} & found
    assert "internationalisation of the renminbi" in {c.en for c in hkma_mined("hkma-ar-2015-04") if zh_key(c.zh) == zh_key("人民币国际化")}


def test_an_acronym_the_document_defines_goes_with_its_definitions_chinese_or_a_short_form_of_it():
    """HKMA 2022 ch. 10 defines "Banking Ordinance (BO)" (银行业条例), then says BO in the sentences on
    业务员工纪录 (business staff records): that is no Chinese for BO. HKMA 2020 ch. 2 defines "Insurance
    Authority (IA)" (保险业监管局) and writes 保监局 after: its characters in order, a short form."""
    bo = {zh_key(c.zh) for c in hkma_mined("hkma-ar-2022-10") if c.en == "BO"}
    assert zh_key("银行业条例") in bo and zh_key("业务员工纪录") not in bo
    assert zh_key("保监局") in {zh_key(c.zh) for c in hkma_mined("hkma-ar-2020-02") if c.en == "IA"}


def test_a_verb_or_coverb_at_the_edge_of_an_acronyms_chinese_is_the_sentences_not_the_names():
    """HKMA's 2015 reports: "the HKICPA has issued" (香港会计师公会颁布了), "the FS ... on the advice of the GSC
    through the EFAC" (透过外汇基金咨询委员会听取其辖下...): the acronyms met the spans with the verbs in
    every sentence, so co-occurrence alone took them. The English says "issued"; 透过 precedes many words
    in the report and a pronoun follows 听取. HKMA 2017 ch. 2: 宣布 of 私人财富管理公会宣布 is "announce".
    Verbs that are the names' stay: 联合 "to combine" (Managed Co-lending Portfolio Program), 见习 (Graduate
    Economist), 担保 "to guarantee" (Personal Loan Guarantee Scheme)."""
    def chinese(doc_id, en):
        return {zh_key(c.zh) for c in hkma_mined(doc_id) if c.en == en}

    assert chinese("hkma-ar-2015-08", "HKICPA") == {zh_key("香港会计师公会")}
    assert chinese("hkma-ar-2015-06", "EFAC") == {zh_key("外汇基金咨询委员会")}
    assert chinese("hkma-ar-2017-02", "PWMA") == {zh_key("私人财富管理公会")}
    assert chinese("hkma-ar-2022-08", "FSB") == {zh_key("金融稳定理事会")}  # (金融稳定理事会辖下 "under the FSB")
    assert chinese("hkma-ar-2019-04", "EFBNs") == {zh_key("外汇基金票据及债券")}  # (未|偿还…: "outstanding EFBNs")
    assert zh_key("私人财富管理公会") in chinese("hkma-ar-2017-02", "Private Wealth Management Association")
    assert zh_key("联合贷款组合管理计划") in chinese("hkma-ar-2017-02", "MCPP")
    assert zh_key("见习经济师") in chinese("hkma-ar-2017-08", "GE")
    assert zh_key("担保个人特惠贷款计划") in chinese("hkma-ar-2021-02", "PLGS")


def test_an_acronyms_chinese_that_jieba_cut_from_a_longer_word_gets_its_character_back():
    """HKMA's reports: jieba cuts 强|积金 and 及强|积金 (MPF, 2024 ch. 3), 联汇制|度 (LERS, 2018 ch. 4), 中小|企在
    and 中小|企 (SMEs, 2020 ch. 0; also 中小|企及 "to hope to reach" in 2019 ch. 0) and 转数|快 (FPS, 2019 ch. 0), so co-occurrence found the pieces. The same character
    beside every one of them puts it back; 2019年|流动性修订规则 (BLAR, 2022 ch. 3) keeps its year out, a
    count, and 世界|中 ("in a Challenging World", 2023 ch. 7) its word of place."""
    def chinese(doc_id, en):
        return {zh_key(c.zh) for c in hkma_mined(doc_id) if c.en == en}

    assert chinese("hkma-ar-2024-03", "MPF") == {zh_key("强积金")}
    assert chinese("hkma-ar-2018-04", "LERS") == {zh_key("联系汇率制度"), zh_key("联汇制度")}
    for doc_id in ("hkma-ar-2020-00", "hkma-ar-2019-00", "hkma-ar-2024-11"):  # (中小|企及 as well, in 2019 and 2024)
        assert zh_key("中小企") in chinese(doc_id, "SMEs") and zh_key("中小") not in chinese(doc_id, "SMEs"), doc_id
    assert chinese("hkma-ar-2019-00", "FPS") == {zh_key("转数快")}
    assert chinese("hkma-ar-2022-03", "BLAR") == {zh_key("流动性修订规则")}
    assert chinese("hkma-ar-2023-07", "Challenging World") == {zh_key("世界")}


def test_an_acronyms_chinese_with_words_glued_after_another_of_its_chinese_is_dropped():
    """HKMA 2018 ch. 4 pairs CEN with 中国专家网络 and 中国专家网络研讨会 ("seminar": no C, E or N), HKMA 2021
    ch. 10 GHG with 温室气体 and 温室气体排放 ("to emit"): the longer are the shorter with the sentence's next
    word. HKMA 2023 ch. 9's 香港交易资料储存库 (HKTR) stays beside 香港交易: "repository" gives the R."""
    def chinese(doc_id, en):
        return {zh_key(c.zh) for c in hkma_mined(doc_id) if c.en == en}

    assert chinese("hkma-ar-2018-04", "CEN") == {zh_key("中国专家网络")}
    assert chinese("hkma-ar-2021-10", "GHG") == {zh_key("温室气体")}
    assert zh_key("香港交易资料储存库") in chinese("hkma-ar-2023-09", "HKTR")


def test_english_that_stops_or_starts_inside_a_name_after_the_is_no_term():
    """HKMA 2019 ch. 0: "the strong side of the Convertibility Zone"; HKMA 2022 ch. 2: "the enhancement of
    the Currency Swap Agreement"; HKMA 2023 ch. 1: "enters the Minimum Viable Product development phase":
    "the" opens a name the rendering cuts. HKMA 2022 ch. 2: "the Multiple Credit Reference Agencies (CRAs)
    Model": the acronym defines the name where the rendering starts."""
    found = [c.en for doc_id in ("hkma-ar-2019-00", "hkma-ar-2022-02", "hkma-ar-2023-01") for c in hkma_mined(doc_id)]
    assert len(found) > 50 and not {"strong side of the Convertibility", "enhancement of the Currency",
                                    "Product development phase"} & set(found)
    assert "Credit Reference Agencies" in found


def test_us_in_capitals_is_the_country_not_the_pronoun_unless_the_whole_line_is_in_capitals():
    assert [t.stop for t in en_tokens("US dollar reserves")] == [False, False, False]
    assert [t.stop for t in en_tokens("LET US BEGIN")][1] is True  # a heading: every word is written so
    assert [t.stop for t in en_tokens("let us begin")][1] is True


def test_us_dollar_terms_keep_us_and_the_currency_is_not_paired_with_us_alone():
    found = {(c.zh, c.en) for c in hkma_mined("hkma-ar-2015-02")}
    assert (zh_key("美元储备"), "US dollar reserves") in found  # 美元: a measure word to jieba
    assert (zh_key("美国联邦公开市场委员会"), "US Federal Open Market Committee") in found
    us = {zh for doc_id in ("hkma-ar-2015-01", "hkma-ar-2015-02", "hkma-ar-2015-05") for zh, en in
          ((c.zh, c.en) for c in hkma_mined(doc_id)) if en == "US"}
    assert us == {zh_key("美国")}  # not 美元 "US dollar", whose gloss holds US; 美国 by co-occurrence


def test_a_word_jieba_glued_to_the_verb_after_it_is_cut_off_it():
    from glossary.mine.tokens import zh_words

    assert [w.text for w in zh_words("反映美元兑一篮子货币的汇率")][:3] == ["反映", "美元", "兑"]  # 美元兑: a "name"
    assert not [c for c in hkma_mined("hkma-ar-2016-00") if c.zh.endswith("兑")]


def test_an_english_list_item_the_chinese_does_not_say_is_left_out_of_the_pair():
    assert not [c.en for d in ("000", "001", "003") for c in candidates_of(d) if c.en.endswith("and London")]


def test_a_shape_decision_made_before_a_term_is_added_to_jieba_is_made_again_after():
    import json
    import subprocess
    import sys

    gold = next(row for line in shared("gold", "001_a95d0c3c2ca6a01e.jsonl").read_text().splitlines()
                if (row := json.loads(line))["zh"] == "应急处置")
    script = (  # its own process: the word added to jieba would change how other tests' text is cut
        "import sys\n"
        "from glossary.mine.shape import is_term_shaped\n"
        "from glossary.mine.tokens import add_user_words\n"
        "zh, en = sys.argv[1:]\n"
        "before = is_term_shaped(zh, en, {'dictionary'})\n"
        "add_user_words([zh])\n"
        "print(before, is_term_shaped(zh, en, {'dictionary'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, gold["zh"], gold["en"]], capture_output=True, text=True,
                         check=True, cwd=REPO).stdout.split()
    # 应急 | 处置 "respond to emergencies": an action and what it is done to; the approved term: one noun
    assert out == ["False", "True"]



def test_us_with_its_first_capital_lost_is_no_pronoun():
    """HKMA's 2016 report, taken from a PDF, writes "uS" (as "the exchange Fund"): a capital after the first
    letter makes it the US, as in capitals, so 美元资产 pairs with the whole "uS dollar-denominated assets"."""
    found = {(c.zh, c.en) for c in hkma_mined("hkma-ar-2016-07")}
    assert (zh_key("美元资产"), "uS dollar-denominated assets") in found
    assert (zh_key("美元资产"), "dollar-denominated assets") not in found


def test_a_currency_sign_with_its_country_letters_is_no_word_and_the_currency_no_pair_with_us():
    """HKMA's 2016 report: crude oil "rebounded to US$54 a barrel" (每桶54美元). US$ is a currency sign, as
    "$" alone is (so are HK$, RMB¥ and NT$ before a number), not the acronym US: 美元 pairs with no "US"."""
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from _hkma import hkma_records, split_paragraphs

    shared("external", "hkma-annual-reports", "docs.jsonl")
    record = next(r for r in hkma_records() if r["doc_id"] == "hkma-ar-2016-00")
    paragraph = next(p for p in split_paragraphs(record["en"]) if "US$54 a barrel" in p)
    at = paragraph.index("US$54")
    sign = next(t for t in en_tokens(paragraph) if t.start == at)
    assert (sign.text, sign.word, sign.stems) == ("US$", False, frozenset())
    assert [t.text for t in en_tokens("HK$78 to RMB¥10 or NT$ 300") if not t.word] == ["HK$", "RMB¥", "NT$"]
    assert (zh_key("美元"), "US") not in {(c.zh, c.en) for c in hkma_mined("hkma-ar-2016-00")}


def test_an_english_phrase_closing_on_an_adjective_or_a_verb_is_no_term():
    """HKMA's 2016 and 2017 reports: "specialist supervisory" (专项监管) stops before its noun, and 有助促进
    "help promote" is a clause; English only ever uses "supervisory" as an adjective and "promote" as a
    verb (LemmInflect's lexicon). A noun ending, a participle and a name stay terms."""
    from glossary.lexicon import english_word_class

    assert [english_word_class(w) for w in ("supervisory", "promote", "organises", "banks", "fintech")] == \
        ["adjective", "verb", "verb", None, None]
    assert not [c.en for c in hkma_mined("hkma-ar-2016-05") if c.en.endswith(" supervisory")]
    assert not [c.en for c in hkma_mined("hkma-ar-2017-06") if c.en in ("help promote", "QR code to accept")]
    assert [is_term_shaped(zh, en, {"dictionary"}) for zh, en in (
        ("银行监管", "banking supervisory"), ("有助促进", "help promote"), ("财政储备", "fiscal reserves"),
        ("理财通", "Wealth Management Connect"), ("外来资金", "funds raised"))] == [False, False, True, True, True]


def test_the_chinese_word_for_the_first_part_of_a_hyphenated_english_word_joins_the_term():
    """HKMA's 2015 reports: 压力测试结果 ↔ "stress-test results" (CC-CEDICT glosses 压力 only "pressure") and
    电子银行保安 ↔ "e-banking security" were mined without their first Chinese word; a verb before the pair
    (举办 "organise" cross-divisional activities) stays out."""
    stress = {(c.zh, c.en) for c in hkma_mined("hkma-ar-2015-02") if c.en == "stress-test results"}
    assert stress == {(zh_key("压力测试结果"), "stress-test results")}
    assert (zh_key("电子银行保安"), "e-banking security") in {(c.zh, c.en) for c in hkma_mined("hkma-ar-2015-03")}
    assert (zh_key("跨部门活动"), "cross-divisional activities") in {(c.zh, c.en) for c in hkma_mined("hkma-ar-2019-09")}


def test_a_chinese_span_over_a_conjunction_the_english_does_not_say_is_two_names_for_one():
    """HKMA 2024, chapter 5: "Banking Advisory Committee (BAC)" was paired with 咨询委员会及接受存款公司咨询委员会,
    two committees joined by 及 "and"; HKMA 2022, chapter 3: 支付及金融基建委员会 with "Principles for Financial
    Market Infrastructures". Names the English coordinates too, and acronyms, which spell no "and", stay."""
    assert not [c.zh for c in hkma_mined("hkma-ar-2024-05") if c.en == "Banking Advisory Committee" and "及" in c.zh]
    assert not [c.zh for c in hkma_mined("hkma-ar-2022-03") if c.en == "Principles for Financial Market Infrastructures"
                and "及" in c.zh]
    bills = {c.en for c in hkma_mined("hkma-ar-2022-06") if c.zh == zh_key("外汇基金票据及债券")}
    assert {"Exchange Fund Bills and Notes", "EFBNs"} <= bills
    assert is_term_shaped("香港与瑞士金融合作对话", "Hong Kong-Switzerland Financial Dialogue", {"dictionary"})


def test_a_chinese_span_closing_on_a_localiser_the_english_does_not_say_is_cut_past_the_term():
    """HKMA 2015, chapter 2: 兑换|范围|内 ("within the Convertibility Zone", jieba tags 内 a noun) was paired
    with "Convertibility Zone"; HKMA 2019, chapter 6: 稳定理事会|辖下 ("under the Board") with "Financial
    Stability Board". English that says the place keeps it (银行帐内 ↔ in the Banking Book)."""
    assert not [c.en for c in hkma_mined("hkma-ar-2015-02") if c.zh.endswith("范围内")]
    assert not [c.en for c in hkma_mined("hkma-ar-2019-06") if c.zh.endswith("辖下")]
    assert not [c.en for c in hkma_mined("hkma-ar-2017-03") if c.zh.endswith("年底时")]  # 时 "when": "year ago"
    assert is_term_shaped("银行帐内的利率风险", "Interest Rate Risk in the Banking Book", {"dictionary"})


def test_english_opening_inside_a_complex_preposition_is_no_term():
    """HKMA 2023, chapter 3: "with respect to cyber risk" gave 网络风险方面 ↔ "respect to cyber risk" (CC-CEDICT
    glosses 方面 "respect"); the noun of "with respect to", "in line with", "in view of" is a preposition's
    piece, and the term inside it pairs alone."""
    found = {(c.zh, c.en) for c in hkma_mined("hkma-ar-2023-03")}
    assert (zh_key("网络风险"), "cyber risk") in found
    assert not [en for _, en in found if en.startswith("respect to ")]
    assert not is_term_shaped("市场预期", "line with market expectations", {"dictionary"})


def test_a_gerund_before_an_article_an_owner_or_an_adverb_opens_a_clause():
    """HKMA 2021, chapter 0: 业界紧密合作 ↔ "working closely with the industry" is an action said, not a name;
    an -ing word before a noun ("operating expenses", "underlying inflation rate") stays a term's modifier."""
    assert not [c.zh for c in hkma_mined("hkma-ar-2021-00") if c.en.startswith("working closely")]
    assert not [c.zh for c in hkma_mined("hkma-ar-2022-01") if c.en.startswith("works closely")]  # a finite verb too
    assert is_term_shaped("房屋供应缺口", "housing supply gap", {"dictionary"})  # (supply: no adverb)
    assert not is_term_shaped("香港所长", "leveraging Hong Kong’s advantages", {"dictionary"})
    assert is_term_shaped("基本通胀率", "underlying inflation rate", {"dictionary"})


def test_english_opening_on_a_count_the_chinese_does_not_say_is_grown_past_the_term():
    """HKMA 2021, chapter 9: 公众查询 (public enquiries) was paired with "number of public enquiries"; no
    Chinese word says "number" there, as 宗数 and 人数 do (公众查询宗数, 员工人数 ↔ number of staff)."""
    assert {c.en.lower() for c in hkma_mined("hkma-ar-2021-09") if c.zh == zh_key("公众查询")} == {"public enquiries"}
    assert is_term_shaped("员工人数", "number of staff", {"dictionary"})


def test_english_joining_two_prepositional_phrases_is_cut_inside_the_first():
    """HKMA 2015, chapter 8: "the financial position of the Exchange Fund and of the Group" gave 外汇基金及集团 ↔
    "Exchange Fund and of the Group" by co-occurrence: "and" then a preposition joins two phrases, each its
    own term."""
    assert not [c.zh for c in hkma_mined("hkma-ar-2015-08") if " and of " in c.en]
    assert not is_term_shaped("外汇基金及集团", "Exchange Fund and of the Group", {"cooccurrence"})


def test_a_chinese_span_opening_on_the_unit_of_a_count_before_it_is_cut_inside_a_modifier():
    """HKMA 2017, chapter 7: 10|年期|美国国库券收益率 ("10-year US Treasury yield") gave 年期美国国库券收益率 ↔
    "Year US Treasury yield"; HKMA 2021, chapter 2: 91|日期|外汇基金票据 gave 日期外汇基金 ↔ "Exchange Fund Bills".
    The term without the stranded unit stays."""
    found = {(c.zh, c.en) for c in hkma_mined("hkma-ar-2017-07")}
    assert (zh_key("美国国库券收益率"), "US Treasury yield") in found
    assert not [zh for zh, _ in found if zh.startswith("年期")]
    assert not [c.en for c in hkma_mined("hkma-ar-2021-02") if c.zh == zh_key("日期外汇基金")]


def test_a_chinese_span_closing_on_a_count_the_english_says_as_a_number_is_no_term():
    """HKMA 2017, chapter 0: 加息|三次 ↔ "three interest rate" and HKMA 2016, chapter 2: 批出|首批 ↔ "first batch"
    say how many or which one of a thing; a year in digits closing a name stays."""
    assert not [c.en for c in hkma_mined("hkma-ar-2017-00") if c.zh == zh_key("加息三次")]
    assert not [c.en for c in hkma_mined("hkma-ar-2016-02") if c.zh in (zh_key("批出首批"), zh_key("批出第二批"))]
    assert (zh_key("香港金融科技周2024"), "Hong Kong FinTech Week 2024") in {(c.zh, c.en) for c in hkma_mined("hkma-ar-2024-11")}


def test_chinese_for_one_end_of_an_english_a_to_b_compound_is_cut():
    """HKMA 2015, chapter 1: 收入比率 ("income ratio") was paired with "price-to-income ratio", and HKMA 2021,
    chapter 7: 个人 ("personal") with "person-to-person"; Chinese that says both ends (贷存比 ↔ loan-to-deposit
    ratio) or the span itself (国门到家门 ↔ border-to-home, corpus 000) stays."""
    assert not [c.zh for c in hkma_mined("hkma-ar-2015-01") if c.en == "price-to-income ratio"]
    assert not [c.zh for c in hkma_mined("hkma-ar-2021-07") if c.en == "person-to-person"]
    assert (zh_key("贷存比"), "loan-to-deposit ratio") in {(c.zh, c.en) for c in hkma_mined("hkma-ar-2017-03")}
    assert "border-to-home" in {c.en for c in find(candidates_of("000"), "国门到家门")}


def test_english_that_negates_what_the_chinese_does_not_is_the_opposite_term():
    """HKMA 2019, chapter 7: 非|牟利机构 gave 牟利机构 ("profit-making body") ↔ "not-for-profit organisation", the
    span cut past its 非; with it (非执行董事 ↔ non-executive directors, HKMA 2016) the pair stays."""
    assert not [c.zh for c in hkma_mined("hkma-ar-2019-07") if c.en == "not-for-profit organisation"]
    assert (zh_key("非执行董事"), "non-executive directors") in {(c.zh, c.en) for c in hkma_mined("hkma-ar-2016-02")}


def test_english_opening_on_a_subordinating_conjunction_is_a_clause():
    """HKMA 2015, chapter 8: 集团是否 ↔ "whether the Group" and HKMA 2020, chapter 9: 发起成立 ↔ "co-initiated the
    establishment" (a hyphened verb before an article) are pieces of clauses."""
    assert not [c.zh for c in hkma_mined("hkma-ar-2015-08") if c.en.startswith("whether ")]
    assert not [c.zh for c in hkma_mined("hkma-ar-2020-09") if c.en.startswith("co-initiated ")]


def test_chinese_opening_on_a_causative_verb_is_a_clause():
    """HKMA 2019, chapter 6: 让|商户|可|使用 ("lets merchants use") was paired with "merchants to use"."""
    assert not [c.en for c in hkma_mined("hkma-ar-2019-06") if c.zh.startswith("让")]
    assert not is_term_shaped("让与会者分享", "participants to share", {"dictionary"})
