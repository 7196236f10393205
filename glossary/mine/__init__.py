"""Term-pair mining: candidate spans inside aligned segment pairs, paired, scored and counted
across the corpus. Pure: segment pairs in, TermCandidate out (grouping into entries: `group`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from glossary.keys import CJK_RE, en_key, zh_key
from glossary.lexicon import STOPWORDS, cedict, en_stem, gloss_phrases, is_modifier_only
from glossary.mine.category import guess_category
from glossary.mine.cooccur import glossed_inside_phrase, is_acronym, learned_glosses, pairs_by_cooccurrence
from glossary.mine.gaps import with_gap_links
from glossary.mine.definitions import characters_in_order, defined_name_pairs
from glossary.mine.pairing import (ZH_PERIOD, SentencePieces, SpanPair, acronym_pairs, book_title_pairs, compound_pairs, definition_pairs, dictionary_pairs, list_pairs,
                                   marked_pairs, modifying_adverb, pinyin_pairs, starts_ok, ADJECTIVE_END,
                                   quoted_pairs, stem_keys, title_pairs, name_title_pairs, zh_spans)
from glossary.mine.leftover import MIN_RECURRENCE as LEFTOVER_RECURRENCE, leftover_pairs
from glossary.mine.shape import COUNT_MODIFIER, NAME_SIGNALS, PLACE_NAME_INNER, PLACE_WORD_TAGS, is_name, is_term_shaped
from glossary.mine.transliteration import transliteration_pairs
from glossary.mine.tokens import EnToken, ZhWord, add_user_words, cleared_on_new_words, en_tokens, token_stems, zh_words
from glossary.models import Occurrence, SegmentPair, TermCandidate

MIN_SCORE = 0.5
MIN_HOLDERS = 2  # a pair seen only inside longer pairs is a term once it recurs in this many of them (C-value)
_SIGNAL_WEIGHT = {"quoted": 1.0, "acronym": 0.95, "defined": 0.95, "cooccurrence": 0.85, "pinyin": 0.8, "dictionary": 0.75,
                  "variant": 0.75, "list": 0.75, "title": 0.8, "transliteration": 0.7, "leftover": 0.75,
                  "compound": 0.8}
_NON_WORD = re.compile(r"[\W_]+")
_QUOTE_MARKS = re.compile(r"[“”「」『』]")


@dataclass(slots=True)
class _Tally:
    zh: str
    en: str
    zh_original: str | None = None
    scores: list[float] = field(default_factory=list)
    signals: set[str] = field(default_factory=set)
    occurrences: list[Occurrence] = field(default_factory=list)
    holders: set[str] = field(default_factory=set)  # the longer zh terms it was seen inside
    inside_description: bool = False  # seen inside a longer pair whose English is not a name


def pair_spans(pair: SegmentPair, words: list[ZhWord] | None = None, tokens: list[EnToken] | None = None,
               extra: Sequence[SpanPair] = (), lower_case: frozenset[str] = frozenset()) -> list[SpanPair]:
    """Term pairs found in one aligned segment pair (`extra`: pairs found across the batch, e.g. by
    co-occurrence; `lower_case`: words the batch's English writes in lower case, so no foreign names),
    longest Chinese spans first; a span nested in a longer pair on both sides is dropped."""
    return _spans_and_nested(pair, words, tokens, extra, lower_case)[0]


_POSSESSIVE_END = re.compile(r"(?:['’]s|(?<=s)['’])$")


def _without_possessive(en: str, sp: SpanPair) -> SpanPair:
    """The pair without the possessive its English ends on ("retail banks’" → retail banks; "the
    HKMA’s" → HKMA): the term is the owner's name."""
    end = _POSSESSIVE_END.search(en, sp.en_start, sp.en_end)
    return replace(sp, en_end=end.start()) if end and end.start() > sp.en_start else sp


def _spans_and_nested(pair: SegmentPair, words: list[ZhWord] | None, tokens: list[EnToken] | None,
                      extra: Sequence[SpanPair], lower_case: frozenset[str] = frozenset(),
                      gapped: list[ZhWord] | None = None, pieces: SentencePieces | None = None,
                      ) -> tuple[list[SpanPair], list[tuple[SpanPair, list[SpanPair]]]]:
    """`pair_spans`, plus the nested pairs it dropped, each with the longer kept pairs that hold it
    (`gapped`: the words with the batch's gap links, see `_gap_pairs`; `pieces`: SentencePieces(words, tokens))."""
    words = zh_words(pair.zh) if words is None else words
    tokens = en_tokens(pair.en) if tokens is None else tokens
    found = [replace(sp, signal="acronym") if _spells_gloss(pair.en[sp.en_start : sp.en_end], pair.zh[sp.zh_start : sp.zh_end])
             else sp for sp in dictionary_pairs(words, tokens, pieces=pieces)] + list(extra)
    found += acronym_pairs(tokens, found, pair.en)
    found += definition_pairs(tokens, found, pair.en)
    found += defined_name_pairs(words, tokens, found, pair.zh, pair.en)
    found += quoted_pairs(pair.zh, pair.en, words) + book_title_pairs(pair.zh, pair.en, tokens)
    found += marked_pairs(pair.zh, pair.en, words, tokens, found)
    found += compound_pairs(words, tokens)
    names = pinyin_pairs(words, tokens)
    found += names + transliteration_pairs(words, tokens, names, lower_case)
    found = [_without_possessive(pair.en, sp) for sp in found]
    leftovers = leftover_pairs(words, tokens)
    defined = acronym_pairs(tokens, leftovers, pair.en)  # a name that defines an acronym right after it
    spelled = {(sp.zh_start, sp.zh_end) for sp in defined}  # (China-ASEAN Expo (CAEXPO)) needs no recurrence
    found += [replace(sp, signal="dictionary") if (sp.zh_start, sp.zh_end) in spelled else sp for sp in leftovers] + defined
    found += list_pairs(words, tokens, found, pair.zh)
    found += _gap_pairs(pair, words, tokens, gapped, found)
    titled = name_title_pairs(words, tokens, found)
    found = [sp for sp in found if not _name_with_title(sp, titled) and not _closes_on_a_name(sp, found, pair)] \
        + title_pairs(found, pair.en) + [t for t, _ in titled]
    found = [_without_footnote_mark(_with_period(_with_glued_head(_with_unlinked_place(_with_unlinked_compound_part(_with_unlinked_modifiers(
                 _with_duration(sp, pair, words), words, tokens), words, tokens), words, tokens, found), words, tokens), pair), pair)
             for sp in found if not _head_of_quoted_name(sp, pair)]
    found = [sp for sp in found if not _cut_inside_a_name(sp, pair)]
    found = [sp for sp in found if not _opens_inside_a_count(sp, words)]
    adverbs = {w.start for w in words if modifying_adverb(w)}
    if adverbs:  # (a pair opening on one is a name, an acronym's or a quotation, else something said of a thing: 最新发展)
        found = [sp for sp in found if sp.zh_start not in adverbs or sp.signal == "quoted"
                 or is_name(en := pair.en[sp.en_start : sp.en_end]) or is_acronym(en)]
    found = [sp for sp in found if not _word_of_longer_english(sp, found, pair)]
    best: dict[tuple[int, int, str], SpanPair] = {}

    def weight(sp: SpanPair, acronym: str) -> tuple[bool, float]:  # (an acronym the batch links to the Chinese
        return acronym != "" and sp.signal != "dictionary", _SIGNAL_WEIGHT[sp.signal] * sp.score  # is named so:
        # 美国 ↔ US by co-occurrence, not a dictionary word CC-CEDICT already translates)

    for sp in found:
        key = (sp.zh_start, sp.zh_end, "acronym" if _written_as_acronym(pair.en[sp.en_start : sp.en_end], sp) else "")
        if key not in best or weight(sp, key[2]) > weight(best[key], key[2]):
            best[key] = sp
    kept: list[SpanPair] = []
    nested: list[tuple[SpanPair, list[SpanPair]]] = []
    spans = sorted(_without_competitors(_without_strays(list(best.values()), pair), pair),
                   key=lambda s: (s.zh_start - s.zh_end, s.zh_start))
    modifiers = [sp for sp in spans if _modifier_of_inverted_head(sp, words, tokens, spans)]  # (their pieces: nested in them)
    for sp in spans:
        if sp in modifiers:
            continue
        holders = [] if is_acronym(pair.en[sp.en_start : sp.en_end]) or sp.signal in _NEVER_NESTED else [k for k in kept + modifiers if _holds(k, sp)]
        if not holders:
            kept.append(sp)
        elif all((k.en_start, k.en_end) != (sp.en_start, sp.en_end) for k in holders) \
                and not any(k.en_start < sp.en_start and _SECOND_CONJUNCT.search(pair.en, k.en_start, sp.en_start)
                            or sp.en_end < k.en_end and _FIRST_CONJUNCT.match(pair.en, sp.en_end, k.en_end) for k in holders):
            nested.append((sp, holders))  # (a piece of Chinese for the whole English is no pair)
    return kept, nested


_MIXED_CASE_ACRONYM = re.compile(r"[A-Z][A-Za-z&]*[A-Z][A-Za-z]*")  # PBoC, GenAI: capitals and small letters


def _written_as_acronym(en: str, sp: SpanPair) -> bool:
    """An acronym, or a word written like one in an acronym pair (PBoC, GenAI), which is_acronym does
    not take: a name's long form paired with the same Chinese is no rival of it."""
    return _acronym_rendering(en, {sp.signal})


def _acronym_rendering(en: str, signals: Iterable[str]) -> bool:
    """`en` is an acronym (is_acronym), or written like one and paired as one (PBoC, GenAI): an acronym
    term of its entry beside the long form (中国人民银行: People's Bank of China, and PBoC)."""
    return is_acronym(en) or "acronym" in signals and bool(_MIXED_CASE_ACRONYM.fullmatch(en))


def _word_of_longer_english(sp: SpanPair, found: list[SpanPair], pair: SegmentPair) -> bool:
    """An acronym paired with Chinese that the dictionary glosses with longer phrases holding it, and that
    another pair gives such a longer English: a word of that English, not the Chinese's acronym (美元 ↔
    "US" of 美元 ↔ "US dollar")."""
    acronym = pair.en[sp.en_start : sp.en_end]
    return is_acronym(acronym) and glossed_inside_phrase(pair.zh[sp.zh_start : sp.zh_end], acronym) and any(
        (o.zh_start, o.zh_end) == (sp.zh_start, sp.zh_end) and o.en_start <= sp.en_start and sp.en_end <= o.en_end
        and o.en_end - o.en_start > sp.en_end - sp.en_start for o in found)


def _gap_pairs(pair: SegmentPair, words: list[ZhWord], tokens: list[EnToken], gapped: list[ZhWord] | None,
               found: list[SpanPair]) -> list[SpanPair]:
    """The dictionary pairs only the gap links make (`gaps.with_gap_links`), when term-shaped: a longer
    description they make (海外领事保护事件 ↔ overseas consular protection incidents) would hide the terms inside it."""
    if gapped is None or gapped is words:
        return []
    linked = [k for k, (word, grown) in enumerate(zip(words, gapped)) if word is not grown]
    spans = [(a, b) for a, b in zh_spans(gapped) if any(a <= k < b for k in linked)]  # (the others pair as before)
    seen = {(k.zh_start, k.zh_end, k.en_start, k.en_end) for k in found}
    return [sp for sp in dictionary_pairs(gapped, tokens, spans=spans) if (sp.zh_start, sp.zh_end, sp.en_start, sp.en_end) not in seen
            and _term_shaped_span(pair.zh[sp.zh_start : sp.zh_end], pair.en[sp.en_start : sp.en_end])]


@cleared_on_new_words
@lru_cache(maxsize=1 << 14)
def _term_shaped_span(zh: str, en: str) -> bool:
    return is_term_shaped(_QUOTE_MARKS.sub("", zh), en, {"dictionary"})


@cleared_on_new_words
@lru_cache(maxsize=1 << 14)
def _term_shaped(zh: str, en: str, signals: frozenset[str]) -> bool:
    """`is_term_shaped`, remembered across the documents one process mines: reports say their terms again
    year after year (网上银行 ↔ internet banking, a dictionary pair, in 6 of the 111 HKMA annual reports)."""
    return is_term_shaped(zh, en, signals)


_INVERTING_PREPOSITIONS = {"on", "about"}
INVERTED_HEAD_REACH = 3  # English words between the preposition and the pair


def _modifier_of_inverted_head(sp: SpanPair, words: list[ZhWord], tokens: list[EnToken], spans: list[SpanPair]) -> bool:
    """The noun right after the pair's Chinese is said before its English, across a preposition
    (防疫经验交流|视频会 ↔ video conferences on COVID-19 | prevention experience exchange), and no
    other pair takes either: the pair modifies that head, a piece of a longer name, no term here."""
    if sp.signal != "dictionary":
        return False
    head = next((w for w in words if w.start == sp.zh_end), None)
    if head is None or head.tag not in _MODIFIER_TAGS or len(head.text) < 2 or not head.stems or not CJK_RE.match(head.text) \
            or any(k.zh_start < head.start < k.zh_end for k in spans):
        return False
    first = next((k for k, tok in enumerate(tokens) if tok.start >= sp.en_start), None)
    if first is None:
        return False
    for p in range(first - 1, max(-1, first - 2 - INVERTED_HEAD_REACH), -1):
        if tokens[p].text.lower() in _INVERTING_PREPOSITIONS:
            break
    else:
        return False
    if any(k.en_start < tokens[first - 1].end and tokens[p].end <= k.en_start for k in spans):
        return False  # (pressures on domestic costs and | import prices: another pair before it shares the head)
    said = [h for h in range(max(0, p - 2), p) if tokens[h].stems & head.stems]
    return bool(said) and not any(k.en_start <= tokens[h].start < k.en_end and k.zh_start < head.start for h in said for k in spans)


_NEVER_NESTED = {"quoted", "compound"}  # a term of its own even inside a longer pair
_SECOND_CONJUNCT = re.compile(r"\s(?:and|or|&)\s+$")  # "work and | production resumption": no phrase of its own
_FIRST_CONJUNCT = re.compile(r"\s+(?:and|or|&)\s")  # "foreign-related security | and stability": nor before it


def _with_duration(sp: SpanPair, pair: SegmentPair, words: list[ZhWord]) -> SpanPair:
    """A count and its unit just before the term on both sides belong to its name when the English
    writes them as one modifier (24小时咨询服务热线 ↔ 24-hour consultation service hotline)."""
    count = _COUNT_BEFORE.search(pair.en, max(0, sp.en_start - 32), sp.en_start)
    if not count:
        return sp
    at = next((k for k, w in enumerate(words) if w.end == sp.zh_start), None)
    if at is None or at < 1 or not words[at].stems or words[at - 1].text != count.group(1) or words[at - 1].end != words[at].start \
            or en_stem(count.group(2)) not in words[at].stems:
        return sp
    return replace(sp, zh_start=words[at - 1].start, en_start=count.start())


def _with_glued_head(sp: SpanPair, words: list[ZhWord], tokens: list[EnToken]) -> SpanPair:
    """A one-character noun closing the span, glued to a noun the English nowhere says, make one head
    with it (涉外案|事件 ↔ foreign-related cases: 案事件 "cases and incidents", said as "cases")."""
    at = next((k for k, w in enumerate(words) if w.start == sp.zh_end), None)
    if at is None or at < 1 or len(words[at - 1].text) != 1 or words[at - 1].tag != "n" or words[at].tag != "n" \
            or len(words[at].text) < 2 or not words[at].stems or sp.signal != "dictionary":
        return sp
    if any(words[at].stems & t.stems for t in tokens):
        return sp
    return replace(sp, zh_end=words[at].end)


_MODIFIER_TAGS = {"b", "n"}
_MIN_MODIFIER_CHARS = {"n": 1}  # a one-character noun modifies too (市|领导 ↔ municipal | leaders); a one-character
# non-predicate adjective is mostly a prefix of the word after it


def _with_unlinked_modifiers(sp: SpanPair, words: list[ZhWord], tokens: list[EnToken]) -> SpanPair:
    """One modifier just before the pair on each side, neither linked to anything on the other side
    (临时|国际航班 ↔ provisional | international flights: CC-CEDICT glosses 临时 only "temporary"),
    translate each other: they belong to the term. The English one must look like an adjective (no
    count, verb or quantifier: "two levels" is no 机构层面)."""
    if sp.signal != "dictionary":
        return sp
    at = next((k for k, w in enumerate(words) if w.start == sp.zh_start), None)
    t = next((k for k, tok in enumerate(tokens) if tok.start == sp.en_start), None)
    if not at or not t:
        return sp
    modifier, token = words[at - 1], tokens[t - 1]
    if modifier.end != sp.zh_start or len(modifier.text) < _MIN_MODIFIER_CHARS.get(modifier.tag, 2) \
            or modifier.tag not in _MODIFIER_TAGS or not CJK_RE.match(modifier.text) \
            or not starts_ok(modifier) or not token.text.islower() or not is_modifier_only(token.text) \
            or not ADJECTIVE_END.search(token.text) or token.text.endswith("ing"):
        return sp
    if any(modifier.stems & tok.stems for tok in tokens) or any(token.stems & w.stems for w in words):
        return sp
    return replace(sp, zh_start=modifier.start, en_start=token.start)


def _with_unlinked_compound_part(sp: SpanPair, words: list[ZhWord], tokens: list[EnToken]) -> SpanPair:
    """The English opens on a hyphenated compound whose first part no Chinese word of the pair translates,
    and the Chinese word just before the pair is linked to nothing on the English side: that word says
    the part (压力|测试结果 ↔ stress-test results: CC-CEDICT glosses 压力 only "pressure"; 电子|银行服务 ↔
    e-banking services). The compound is one English word: the term cannot start inside it."""
    if sp.signal != "dictionary":
        return sp
    at = next((k for k, w in enumerate(words) if w.start == sp.zh_start), None)
    first = next((tok for tok in tokens if tok.start == sp.en_start), None)
    if not at or first is None or not _HYPHEN.search(first.text):
        return sp
    before = words[at - 1]
    part, *rest = _HYPHEN.split(first.text)
    if before.end != sp.zh_start or before.tag not in _COMPOUND_PART_TAGS or len(before.text) < 2 \
            or not CJK_RE.match(before.text) or not part.isalpha() or part.lower() in STOPWORDS:
        return sp
    inside = [w.stems for w in words if sp.zh_start <= w.start < sp.zh_end]
    if any(token_stems(part) & stems for stems in inside) or any(before.stems & t.stems for t in tokens):
        return sp
    rest_said = [token_stems(p) for p in rest if p.lower() not in STOPWORDS]
    if not rest_said or not all(any(said & stems for stems in inside) for said in rest_said):
        return sp  # (the rest of the compound must be the pair's: quarter-on-quarter is no 按季 "by season")
    return replace(sp, zh_start=before.start)


_HYPHEN = re.compile(r"[-‐‑]")
_COMPOUND_PART_TAGS = {"n", "b", "vn", "a", "an", "nz"}  # (not a verb: 举办|跨部门活动 "organise cross-divisional activities")


def _with_unlinked_place(sp: SpanPair, words: list[ZhWord], tokens: list[EnToken], found: list[SpanPair]) -> SpanPair:
    """A place just before the pair's Chinese and "in" a name just after its English, neither linked to
    anything on the other side (中西部|国际交往中心 ↔ international exchange center | in Central and
    Western China: CC-CEDICT glosses 中西部 only "midwest"), say the same place: it belongs to the term."""
    if sp.signal != "dictionary":
        return sp
    at = next((k for k, w in enumerate(words) if w.start == sp.zh_start), None)
    t = next((k for k, tok in enumerate(tokens) if tok.start >= sp.en_end), None)
    if not at or t is None or tokens[t].text != "in" or words[at - 1].tag not in PLACE_WORD_TAGS or not CJK_RE.match(words[at - 1].text):
        return sp
    end = t
    while end + 1 < len(tokens) and (tokens[end + 1].text[:1].isupper() and tokens[end + 1].word
                                     or tokens[end + 1].text in PLACE_NAME_INNER and end > t):
        end += 1
    while end > t and not tokens[end].text[:1].isupper():
        end -= 1
    place = words[at - 1]
    name = tokens[t + 1 : end + 1]
    if sum(1 for tok in name if tok.text[:1].isupper()) < 2 or any(place.stems & tok.stems for tok in tokens) \
            or any(k.en_start < name[-1].end and name[0].start < k.en_end or k.zh_start < place.end and place.start < k.zh_end
                   for k in found):
        return sp
    return replace(sp, zh_start=place.start, en_end=tokens[end].end)


_COUNT_BEFORE = re.compile(COUNT_MODIFIER.pattern + r"\s+$")


_NAME_GOES_ON = re.compile(r" [A-Z][\w'’-]*")
_THE_THEN_CAPITALS = re.compile(r"\sthe\s+(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*$")
_NAME_BEGUN = re.compile(r"\bthe\s+(?:[A-Z][a-z][\w-]*\s+)+$")  # "the Minimum Viable ": capitalised words, no
# acronym or possessive among them (the US Federal Reserve, the IMF’s Special Data Dissemination Standard)
_ACRONYM_AFTER = re.compile(r"\s*\(\s*[A-Z][A-Za-z0-9&]*[A-Z]s?\s*\)")
NAME_REACH = 80  # characters before a span searched for the name it may continue


_UNIT_TAGS = frozenset({"t", "q", "m", "mq"})  # jieba's time words, measures and numbers: 年期, 日期, 个月


def _opens_inside_a_count(sp: SpanPair, words: list[ZhWord]) -> bool:
    """A Chinese span opening on a unit glued to the count before it (91|日期|外汇基金 "91-day Exchange Fund",
    10|年期|美国国库券 "10-year US Treasury"): cut inside a modifier, its first word no part of a term (日期外汇基金
    ↔ Exchange Fund Bills, HKMA 2021). A unit the English says too joins the term first (`_with_duration`)."""
    at = next((k for k, w in enumerate(words) if w.start == sp.zh_start), None)
    return bool(at) and words[at].tag in _UNIT_TAGS and words[at - 1].end == sp.zh_start and words[at - 1].text.isdigit()


def _cut_inside_a_name(sp: SpanPair, pair: SegmentPair) -> bool:
    """A rendering that stops or starts inside a name "the" opens: a lower-case phrase closing on "the"
    and capitalised words the sentence's next capitalised word continues ("strong side of the
    Convertibility | Zone", "enhancement of the Currency | Swap Agreement"), or one opening on a capital
    after "the" and capitalised words ("the Minimum Viable | Product development phase", "the Treasury |
    Markets Summit 2023"): a piece of the name described, no term (after "ambassador to Ukraine" the
    capitals that follow are another name: no "the" opens it)."""
    en = pair.en[sp.en_start : sp.en_end]
    if en[:1].isupper():  # (an acronym defined right after makes it the name: "the Multiple | Credit Reference
        return bool(_NAME_BEGUN.search(pair.en, max(0, sp.en_start - NAME_REACH), sp.en_start)) \
            and not _ACRONYM_AFTER.match(pair.en, sp.en_end)  # Agencies (CRAs)")
    if not _THE_THEN_CAPITALS.search(en):
        return False
    after = _NAME_GOES_ON.match(pair.en, sp.en_end)
    return bool(after) and after.group().strip().lower() not in STOPWORDS


_ZH_CLOSING_QUOTE = ("”", "」", "』")
_EN_AFTER_QUOTE = re.compile(r"[\"”]\s*$")


def _head_of_quoted_name(sp: SpanPair, pair: SegmentPair) -> bool:
    """Lower-case words right after a quoted name on both sides say what the name is of (“重庆好礼”评选活动
    ↔ the "Chongqing Gifts" selection campaign): an everyday head said of the name, not a term (a Title
    Case one is a name of its own: “…” High-level Roundtable)."""
    return (sp.signal != "quoted" and pair.zh[sp.zh_start - 1 : sp.zh_start] in _ZH_CLOSING_QUOTE and sp.zh_start > 0
            and pair.en[sp.en_start : sp.en_start + 1].islower()
            and bool(_EN_AFTER_QUOTE.search(pair.en, 0, sp.en_start)))


_EN_PERIOD = re.compile(r"\s*\(\s*(\d{4})\s*[-–—~]\s*(\d{4})\s*\)")


def _with_period(sp: SpanPair, pair: SegmentPair) -> SpanPair:
    """A plan's period that follows it on both sides belongs to its name (…三年行动计划（2024—2026年） ↔
    …Action Plan … (2024-2026))."""
    zh = ZH_PERIOD.match(pair.zh, sp.zh_end)
    en = _EN_PERIOD.match(pair.en, sp.en_end) if zh else None
    if not en or zh.groups() != en.groups():
        return sp
    return replace(sp, zh_end=zh.end(), en_end=en.end())


def _without_footnote_mark(sp: SpanPair, pair: SegmentPair) -> SpanPair:
    """A footnote number glued to the English's last word (…Education Council2) is no part of the term."""
    mark = _FOOTNOTE_MARK.search(pair.en, sp.en_start, sp.en_end)
    return replace(sp, en_end=mark.start(1)) if mark and mark.end() == sp.en_end else sp


_FOOTNOTE_MARK = re.compile(r"[A-Za-z][a-z]{2,}(\d{1,2})\b")


def _holds(k: SpanPair, sp: SpanPair) -> bool:
    """`k` is a longer pair holding `sp` on both sides."""
    return (k.signal != "acronym" and k.zh_start <= sp.zh_start and sp.zh_end <= k.zh_end
            and k.en_start <= sp.en_start and sp.en_end <= k.en_end and (k.zh_start, k.zh_end) != (sp.zh_start, sp.zh_end))


def _name_with_title(sp: SpanPair, titled: list[tuple[SpanPair, SpanPair]]) -> bool:
    """`sp` is a person's name and the title beside it, both paired (习近平总书记 ↔ General Secretary Xi
    Jinping): a person described, not a term."""
    return any(min(name.zh_start, title.zh_start) == sp.zh_start and max(name.zh_end, title.zh_end) == sp.zh_end
               and title.en_start == sp.en_start and 0 <= sp.en_end - name.en_end <= 1 for title, name in titled)


def _closes_on_a_name(sp: SpanPair, found: list[SpanPair], pair: SegmentPair) -> bool:
    """`sp` runs on over a person's name read by its sound that closes it on both sides (国家首席医生|利什科 ↔
    chief state sanitary doctor | Victor Lyashko): a person described by a title, not a term."""
    return sp.signal not in NAME_SIGNALS and any(
        name.signal in NAME_SIGNALS and name.zh_end == sp.zh_end and name.en_end == sp.en_end
        and sp.zh_start < name.zh_start and sp.en_start < name.en_start
        and pair.en.count(" ", name.en_start, name.en_end) >= 1 for name in found)  # (one word is mostly a place)


def _without_strays(spans: list[SpanPair], pair: SegmentPair) -> list[SpanPair]:
    """A pair whose Chinese lies inside a longer pair at least as strong, with English outside that pair's
    English, says those Chinese words twice (渝中区 ↔ Chongqing, while 渝中区政府 ↔ Yuzhong District
    Government): it is left out, and competes for no English."""
    def weight(sp: SpanPair) -> float:
        return _SIGNAL_WEIGHT[sp.signal] * sp.score

    def stray(sp: SpanPair) -> bool:
        return not is_acronym(pair.en[sp.en_start : sp.en_end]) and any(
            k.zh_start <= sp.zh_start and sp.zh_end <= k.zh_end and k.zh_end - k.zh_start > sp.zh_end - sp.zh_start
            and (sp.en_end <= k.en_start or k.en_end <= sp.en_start) and weight(k) >= weight(sp)
            and not is_acronym(pair.en[k.en_start : k.en_end]) for k in spans)

    kept = [sp for sp in spans if not stray(sp)]
    best: dict[tuple[int, int], SpanPair] = {}  # one English, several Chinese holding one another that the
    for sp in sorted(kept, key=lambda s: (s.score, s.zh_end - s.zh_start), reverse=True):  # dictionary links:
        if sp.signal == "dictionary":  # the one it covers best (意大利驻重庆总领事馆, not …馆舍 "premises")
            best.setdefault((sp.en_start, sp.en_end), sp)
    return [sp for sp in kept if sp.signal != "dictionary" or best[sp.en_start, sp.en_end] is sp
            or not _nested_chinese(sp, best[sp.en_start, sp.en_end])]


def _nested_chinese(a: SpanPair, b: SpanPair) -> bool:
    """One pair's Chinese holds the other's."""
    return a.zh_start <= b.zh_start and b.zh_end <= a.zh_end or b.zh_start <= a.zh_start and a.zh_end <= b.zh_end


def _without_competitors(spans: list[SpanPair], pair: SegmentPair, first: int = 0) -> list[SpanPair]:
    """One stretch of English translates one stretch of Chinese: when pairs with disjoint Chinese
    claim overlapping English (疫情防控 and 防疫 both for "epidemic prevention"), the stronger pair,
    then the one with more English, then the one nearer in position takes it (competitive linking).
    The `first` pairs are linked already and keep their English."""
    def rank(sp: SpanPair) -> tuple[float, int, float]:
        drift = abs(sp.zh_start / max(1, len(pair.zh)) - sp.en_start / max(1, len(pair.en)))
        return round(_SIGNAL_WEIGHT[sp.signal] * sp.score, 6), sp.en_end - sp.en_start, -drift

    linked: list[SpanPair] = [sp for sp in spans[:first] if not is_acronym(pair.en[sp.en_start : sp.en_end])]
    losers = set()
    for sp in sorted((sp for sp in spans[first:] if not is_acronym(pair.en[sp.en_start : sp.en_end])), key=rank, reverse=True):
        text = pair.zh[sp.zh_start : sp.zh_end]
        if any(k.en_start < sp.en_end and sp.en_start < k.en_end and (k.zh_end <= sp.zh_start or sp.zh_end <= k.zh_start)
               and not (k.zh_end - k.zh_start < len(text) and pair.zh[k.zh_start : k.zh_end] in text) for k in linked):
            # (a shorter pair whose Chinese recurs inside this one — 重庆 said again — is no rival)
            losers.add(id(sp))
        else:
            linked.append(sp)
    return [sp for sp in spans if id(sp) not in losers]


def _with_learned_glosses(analysed: list[tuple[SegmentPair, list[ZhWord], list[EnToken]]]):
    """The analysed pairs with the glosses learned from the batch added to their Chinese words
    (a word with a learned gloss counts as one dictionary piece)."""
    learned = learned_glosses(analysed)
    if not learned:
        return analysed

    def grow(word: ZhWord) -> ZhWord:
        extra = learned.get(word.text)
        if extra:
            stems = word.stems | extra
            return replace(word, stems=stems, pieces=((len(word.text), stems),))
        pieces, at = [], 0  # a learned word inside a longer one (交往 of 国际交往) glosses its piece
        for length, stems in word.pieces:
            pieces.append((length, stems | learned.get(word.text[at : at + length], frozenset())))
            at += length
        if pieces == list(word.pieces):
            return word
        return replace(word, stems=word.stems.union(*(s for _, s in pieces)), pieces=tuple(pieces))

    return [(pair, [grow(w) for w in words], tokens) for pair, words, tokens in analysed]


MIN_SPELLED_ACRONYM = 3  # two letters spell too many glosses by chance (IP, BP)


def _acronym_letters(text: str) -> str:
    """The letters an acronym spells, lower case, a plural's s dropped (SMEs: sme); "" for no acronym
    of MIN_SPELLED_ACRONYM letters."""
    if not is_acronym(text):
        return ""
    letters = text[:-1] if text.endswith("s") and text[:-1].isupper() else text
    return letters.lower() if len(letters) >= MIN_SPELLED_ACRONYM else ""


@lru_cache(maxsize=1 << 16)  # asked for every word of every sentence that has an acronym
def _spelled_glosses(zh: str) -> frozenset[str]:
    """The initials of the dictionary glosses of the word `zh` (上海合作组织: sco)."""
    return frozenset("".join(s[0] for s in phrase) for phrase in gloss_phrases(zh))


def _spells_gloss(acronym: str, zh: str) -> bool:
    """`acronym` spells a dictionary gloss of the word `zh` (SMEs: 中小企业 "small and medium enterprises")."""
    letters = _acronym_letters(acronym)
    return bool(letters) and letters in _spelled_glosses(zh)


def _with_acronym_glosses(words: list[ZhWord], tokens: list[EnToken]) -> list[ZhWord]:
    """The words with an acronym of the English added to the glosses of a word whose dictionary gloss
    it spells (上海合作组织 "Shanghai Cooperation Organization" ↔ the SCO of China-SCO)."""
    acronyms = {letters: en_stem(part) for token in tokens if token.word for part in _LATIN_WORD.findall(token.text)
                if (letters := _acronym_letters(part))}  # (not the RMB of a currency sign, RMB¥5)
    if not acronyms:
        return words

    def grow(word: ZhWord) -> ZhWord:
        spelled = {acronyms[key] for key in _spelled_glosses(word.text) if key in acronyms}
        if not spelled or len(word.pieces) != 1:
            return word
        return replace(word, stems=word.stems | spelled, pieces=((word.pieces[0][0], word.pieces[0][1] | spelled),))

    return [grow(w) for w in words]


def mine_pairs(pairs: Sequence[SegmentPair], *, known_terms: Iterable[str] = (), document: str = "") -> list[TermCandidate]:
    """Term candidates (one per zh/en rendering) with the occurrences that support them."""
    add_user_words(known_terms)
    tallies: dict[tuple[str, str], _Tally] = {}
    nested_tallies: dict[tuple[str, str], _Tally] = {}  # pairs seen inside longer pairs
    analysed = [(p, zh_words(p.zh), en_tokens(p.en)) for p in pairs if p.zh and p.en]
    analysed = [(p, _with_acronym_glosses(words, tokens), tokens) for p, words, tokens in _with_learned_glosses(analysed)]
    pieces = [SentencePieces(words, tokens) for _, words, tokens in analysed]  # (read by three passes below)
    gapped = with_gap_links(analysed, pieces)
    by_cooccurrence = pairs_by_cooccurrence(analysed)
    lower_case = frozenset(w for _, _, tokens in analysed for t in tokens if (w := t.text).islower())

    def tally(pair: SegmentPair, sp: SpanPair, holders: list[SpanPair]) -> None:
        zh = _QUOTE_MARKS.sub("", pair.zh[sp.zh_start : sp.zh_end])  # (“两点”定位: the term without its marks)
        en = pair.en[sp.en_start : sp.en_end]
        key = (zh_key(zh), en_key(en))
        if not key[0] or not key[1]:
            return
        table = nested_tallies if holders else tallies
        found = table.get(key)
        if found is None:
            found = table[key] = _Tally(zh, en)
        elif found.en.isupper() and not en.isupper():
            found.en = en  # the rendering as running text writes it, not as an all-capitals heading
        original = _QUOTE_MARKS.sub("", pair.zh_original[sp.zh_start : sp.zh_end]) if len(pair.zh_original) == len(pair.zh) else ""
        if original and original != zh:
            found.zh_original = original
        found.scores.append(sp.score * _SIGNAL_WEIGHT[sp.signal])
        found.signals.add(sp.signal)
        found.holders.update(zh_key(pair.zh[k.zh_start : k.zh_end]) for k in holders)
        found.inside_description |= any(not is_name(pair.en[k.en_start : k.en_end]) for k in holders)
        found.occurrences.append(Occurrence(pair.seq, sp.zh_start, sp.zh_end, sp.en_start, sp.en_end, document))

    linked: dict[int, list[SpanPair]] = {}
    for (pair, words, tokens), gap_words, sentence_pieces in zip(analysed, gapped, pieces):
        kept, nested = _spans_and_nested(pair, words, tokens, by_cooccurrence.get(pair.seq, ()), lower_case, gap_words,
                                         sentence_pieces)
        linked[pair.seq] = kept
        for sp, holders in [(sp, []) for sp in kept] + nested:
            tally(pair, sp, holders)
    _with_constant_unsaid_modifiers(tallies, analysed, linked)

    def term_shaped(t: _Tally) -> bool:  # asked again at the end, when most tallies are as they were
        return _term_shaped(t.zh, t.en, frozenset(t.signals))

    shaped = [t for t in tallies.values() if term_shaped(t)]
    terms = {zh_key(t.zh) for t in shaped}
    spellings = {t.zh for t in shaped}
    seen = {(o.pair_seq, o.zh_start, o.zh_end) for t in tallies.values() for o in t.occurrences}
    mentions = _find_all(spellings)
    for (pair, words, tokens), sentence_pieces in zip(analysed, pieces):  # other renderings of the terms found: the
        if all((pair.seq, at, end) in seen for at, end in mentions(pair.zh)):  # variants the text uses
            continue  # every mention of a known term here is paired already
        unpaired = [sp for sp in dictionary_pairs(words, tokens, variants_of=lambda zh: zh_key(zh) in terms, pieces=sentence_pieces)
                    if (pair.seq, sp.zh_start, sp.zh_end) not in seen]
        for sp in _without_competitors(linked[pair.seq] + unpaired, pair, first=len(linked[pair.seq]))[len(linked[pair.seq]):]:
            tally(pair, sp, [])
    free_zh = {zh for zh, _ in tallies}
    only_nested = set()
    for key, tally in nested_tallies.items():  # only ever nested: a term once it recurs in several longer terms
        if key[0] not in free_zh and (len(tally.holders) >= MIN_HOLDERS or tally.inside_description and is_name(tally.en)
                                      or _set_phrase(tally.zh) or _hyphened_modifier_and_noun(tally.zh, tally.en)):
            tallies[key] = tally
            only_nested.add(key)
    _titles_without_their_country(tallies, nested_tallies)
    _shared_hyphened_modifiers(tallies, nested_tallies, free_zh)
    english = [p.en for p, _, _ in analysed]
    casing: dict[str, str] | None = None  # worked out for the first all-capitals rendering (few documents have one)
    renderings: dict[str, set[str]] = {}
    for t in tallies.values():
        if term_shaped(t):
            renderings.setdefault(t.zh, set()).add(t.en.lower())
    out = []
    for tally in tallies.values():
        if not term_shaped(tally) or "quoted" not in tally.signals and _term_and_another(tally.zh, tally.en, renderings):
            continue
        support = len(tally.occurrences)
        if tally.signals == {"leftover"} and len({o.pair_seq for o in tally.occurrences}) < LEFTOVER_RECURRENCE:
            continue
        score = max(tally.scores) * (1 - 0.5 ** (support + 1)) / 0.75 if support else 0.0
        score = round(min(1.0, score), 3)
        if score < MIN_SCORE:
            continue
        signals = tuple(sorted(tally.signals))
        if tally.en.isupper() and not is_acronym(tally.en):
            casing = _word_casing(english) if casing is None else casing
            tally.en = _true_case(tally.en, english, casing)
        category = guess_category(
            tally.zh, tally.en, quoted="quoted" in tally.signals, name=not tally.signals.isdisjoint(NAME_SIGNALS),
            person_title="title" in tally.signals,
        )
        out.append(TermCandidate(
            zh=tally.zh, en=tally.en, score=score, signals=signals, category=category,
            zh_original=tally.zh_original, type="acronym" if _acronym_rendering(tally.en, tally.signals) else "fullForm",
            occurrences=tuple(tally.occurrences),
        ))
    out = _one_chinese_per_rendering(_without_truncations(_without_glued_words(_acronyms_as_defined(out))),
                                     {zh for zh, _ in only_nested})
    out.sort(key=lambda c: (-c.score, c.zh))
    return out


_HYPHENED_MODIFIER_AND_NOUN = re.compile(r"[a-z]+(?:-[a-z]+)+ [a-z]+")


def _hyphened_modifier_and_noun(zh: str, en: str) -> bool:
    """A lower-case hyphened modifier and its noun (涉外|企业 ↔ foreign-related enterprises, 闭环|管理 ↔
    closed-loop management), the Chinese opening on the modifier's word and closing on the noun's: a
    compound the translator coined for a Chinese word, a term even inside a longer description."""
    if not _HYPHENED_MODIFIER_AND_NOUN.fullmatch(en):
        return False
    pieces = [stems for word in zh_words(zh) for _, stems in word.pieces]
    modifier, noun = en.split()
    return len(pieces) >= 2 and bool(stem_keys(pieces[0]) & stem_keys(token_stems(modifier))) \
        and bool(stem_keys(pieces[-1]) & stem_keys(token_stems(noun)))


_OPENING_HYPHENED = re.compile(r"[a-z]+(?:-[a-z]+)+(?= [a-z])")


def _shared_hyphened_modifiers(tallies: dict[tuple[str, str], _Tally], nested: dict[tuple[str, str], _Tally],
                               free_zh: set[str]) -> None:
    """A Chinese word that opens MIN_HOLDERS or more pairs with different heads, the English of each
    opening on one lower-case hyphened modifier that translates it (涉外|宣传, 涉外|企业, 涉外|案事件 ↔
    foreign-related publicity, … enterprises, … cases): the translator's fixed rendering of that word,
    a term of its own although the text never says it alone."""
    heads: dict[tuple[str, str], list[tuple[_Tally, str]]] = {}
    for tally in list(tallies.values()) + list(nested.values()):
        modifier = _OPENING_HYPHENED.match(tally.en)
        if modifier is None or "dictionary" not in tally.signals:
            continue
        words = zh_words(tally.zh)
        if len(words) < 2 or len(words[0].text) < 2 or not CJK_RE.match(words[0].text) \
                or not _translates_modifier(words[0], modifier.group()):
            continue
        heads.setdefault((words[0].text, modifier.group()), []).append((tally, words[1].text))
    for (zh, en), holders in heads.items():
        key = (zh_key(zh), en_key(en))
        if key[0] in free_zh or len({head for _, head in holders}) < MIN_HOLDERS:
            continue
        found = tallies.setdefault(key, _Tally(zh, en))
        for tally, _ in holders:
            found.scores += tally.scores
            found.signals.add("dictionary")
            found.holders.add(zh_key(tally.zh))
            found.occurrences += [replace(o, zh_end=o.zh_start + len(zh), en_end=o.en_start + len(en)) for o in tally.occurrences]


def _translates_modifier(word: ZhWord, modifier: str) -> bool:
    """Each dictionary piece of `word` glosses a part of the hyphened `modifier`, and its first content
    part is glossed (跨境 ↔ cross-border; not 收入 ↔ price-to-income, nor 长期投资 ↔ long-term)."""
    parts = [stem_keys(token_stems(part)) for part in modifier.split("-")]
    parts = [p for p in parts if p]
    return bool(parts) and bool(stem_keys(word.stems) & parts[0]) \
        and all(any(stem_keys(stems) & p for p in parts) for _, stems in word.pieces)


MIN_CONSTANT_MODIFIER = 2  # different passages that must all say the same unsaid modifier before a term
CONTEXT_CHARS = 8  # Chinese either side of an occurrence that tells one passage from another
NEAR_TOKENS = 3  # English words either side of a pair where a word said of its Chinese would stand

def _with_constant_unsaid_modifiers(tallies: dict[tuple[str, str], _Tally],
                                    analysed: list[tuple[SegmentPair, list[ZhWord], list[EnToken]]],
                                    linked: dict[int, list[SpanPair]]) -> None:
    """A pair whose Chinese the document always writes after the same modifier word, which the English
    never says there (医用|外科口罩 ↔ surgical masks, in four passages): the modifier is part of the
    Chinese term that the English leaves implicit, not a description added in one sentence."""
    analysed_by_seq = {pair.seq: (pair, words, tokens) for pair, words, tokens in analysed}
    for key, tally in list(tallies.items()):
        if tally.signals != {"dictionary"} or len({_context(analysed_by_seq[o.pair_seq][0].zh, o) for o in tally.occurrences}) \
                < MIN_CONSTANT_MODIFIER:
            continue  # (a passage the document repeats is one piece of evidence)
        modifiers = set()
        for o in tally.occurrences:
            pair, words, tokens = analysed_by_seq[o.pair_seq]
            word = next((w for w in words if w.end == o.zh_start), None)
            if word is None or len(word.text) < 2 or word.tag not in _MODIFIER_TAGS or not CJK_RE.match(word.text) \
                    or not starts_ok(word) or _content_word_before(tokens, o.en_start) \
                    or _said(word, tokens, o.en_start, o.en_end, linked[o.pair_seq]):
                break
            modifiers.add(word.text)
        else:
            if len(modifiers) == 1:
                del tallies[key]
                _add_grown(tallies, tally, modifiers.pop(), analysed_by_seq)


def _add_grown(tallies: dict[tuple[str, str], _Tally], tally: _Tally, modifier: str,
               analysed_by_seq: dict[int, tuple[SegmentPair, list[ZhWord], list[EnToken]]]) -> None:
    """`tally` with `modifier` before its Chinese, added to (or merged into) `tallies`."""
    occurrences = [replace(o, zh_start=o.zh_start - len(modifier)) for o in tally.occurrences]
    first = occurrences[0]
    original = analysed_by_seq[first.pair_seq][0].zh_original[first.zh_start : first.zh_end] if tally.zh_original else None
    key = (zh_key(modifier + tally.zh), en_key(tally.en))
    grown = tallies.setdefault(key, _Tally(modifier + tally.zh, tally.en, original))
    grown.scores += tally.scores
    grown.signals |= tally.signals
    grown.occurrences += occurrences
    grown.holders |= tally.holders
    grown.inside_description |= tally.inside_description


def _context(zh: str, o: Occurrence) -> str:
    """The Chinese around an occurrence: the same in two places is one passage said twice."""
    return zh[max(0, o.zh_start - CONTEXT_CHARS) : o.zh_end + CONTEXT_CHARS]


def _content_word_before(tokens: list[EnToken], start: int) -> bool:
    """The English word just before `start` is a content word (it may say what the Chinese before says)."""
    before = [tok for tok in tokens if tok.end <= start]
    return bool(before) and before[-1].word and not before[-1].stop and bool(before[-1].stems)


def _said(word: ZhWord, tokens: list[EnToken], start: int, end: int, linked: list[SpanPair]) -> bool:
    """An English word glosses `word` next to the pair's English (start..end, NEAR_TOKENS either side)
    or inside the English of a pair that holds `word` (外办 in 市政府外办 ↔ … Foreign Affairs Office)."""
    inside = [k for k, tok in enumerate(tokens) if tok.end > start and tok.start < end]
    near = tokens[max(0, inside[0] - NEAR_TOKENS) : inside[-1] + NEAR_TOKENS + 1] if inside else []
    holders = [sp for sp in linked if sp.zh_start <= word.start and word.end <= sp.zh_end]
    return any(word.stems & tok.stems for tok in near) or any(
        word.stems & tok.stems for sp in holders for tok in tokens if sp.en_start <= tok.start and tok.end <= sp.en_end)


def _term_and_another(zh: str, en: str, renderings: dict[str, set[str]]) -> bool:
    """A term found on its own, then one more thing joined to it (对外交往|合作 ↔ foreign exchanges and
    cooperation): the English says the term's rendering and "and" another word, a coordination."""
    lower = en.lower()
    if not (" and " in lower or " & " in lower) or is_name(en):
        return False  # (Exchange Fund Bills and Notes: a name of its own)
    return any(zh.startswith(term) and zh != term and any(lower.startswith(f"{e} and ") or lower.startswith(f"{e} & ")
                                                         for e in renderings[term]) for term in renderings)


MIN_SET_PHRASE = 5  # characters of a dictionary headword that is a set phrase (four make many an everyday word)


def _set_phrase(zh: str) -> bool:
    """A CC-CEDICT headword of MIN_SET_PHRASE characters or more that names no place, person or body
    (中国特色社会主义, not 中华人民共和国): a fixed expression, a term of its own even when the text
    only says it inside a longer name."""
    if len(zh) < MIN_SET_PHRASE or zh not in cedict():
        return False
    words = zh_words(zh)
    return len(words) == 1 and words[0].tag[:2] not in ("ns", "nr", "nt")


def _word_casing(texts: Iterable[str]) -> dict[str, str]:
    """Every word that running text writes other than in capitals (lower case) → its most common
    form there: names keep their capital (Hong, Kong), all-capitals spellings aside."""
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for word in _LATIN_WORD.findall(text):
            if not word.isupper() or len(word) == 1:
                forms.setdefault(word.lower(), Counter())[word] += 1
    return {word: word if word in counts else counts.most_common(1)[0][0] for word, counts in forms.items()}


def _true_case(en: str, texts: list[str], casing: dict[str, str]) -> str:
    """An all-capitals rendering (a heading's) as running text writes it: like the phrase itself where
    the text has it otherwise; else each word in lower case, but a name (`casing`: written only
    capitalised) as it is written and a short word never written otherwise as it stands (HKMA):
    INTERNATIONAL FINANCIAL CENTRE → international financial centre."""
    words = _LATIN_WORD.findall(en)
    phrase = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
    written = next((m.group() for text in texts for m in phrase.finditer(text) if not m.group().isupper()), None)
    if written is not None:
        forms = iter(_LATIN_WORD.findall(written))
        return _LATIN_WORD.sub(lambda m: next(forms), en)

    def case(match: re.Match) -> str:
        word = match.group()
        found = casing.get(word.lower())
        if found is None and len(word) <= 5 and word.lower() not in STOPWORDS:
            return word  # never written otherwise: an acronym
        return found or word.lower()

    return _LATIN_WORD.sub(case, en)


_LATIN_WORD = re.compile(r"[A-Za-z]+")


def _find_all(terms: Iterable[str]) -> Callable[[str], Iterator[tuple[int, int]]]:
    """A finder of every (start, end) where one of `terms` occurs in a text, overlapping ones too."""
    import ahocorasick

    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for term in terms:
        automaton.add_word(term)
    if not len(automaton):
        return lambda text: iter(())
    automaton.make_automaton()
    return lambda text: ((end + 1 - length, end + 1) for end, length in automaton.iter(text))


def _titles_without_their_country(tallies: dict[tuple[str, str], _Tally], nested: dict[tuple[str, str], _Tally]) -> None:
    """A country before a title (德国 + 驻成都总领事, 外国 + 驻华大使) says whose official one person is:
    the title is the term, the whole a description (an office named with its country,
    意大利驻重庆总领事馆, is a name and stays)."""
    placed = []  # (key, the rest after its opening place) of the pairs that open with a place
    for key, tally in tallies.items():
        words = zh_words(tally.zh)
        if len(words) >= 2 and words[0].tag == "ns":
            placed.append((key, zh_key(tally.zh[words[1].start :])))
    rests = {rest for _, rest in placed}
    titles = {key: t for key, t in (nested | tallies).items() if key[0] in rests and guess_category(t.zh, t.en) == "title"}
    for key, rest in placed:
        found = [k for k in titles if k[0] == rest and key[1].endswith(k[1]) and k != key]
        if found:
            del tallies[key]
            for k in found:
                tallies.setdefault(k, titles[k])


def _without_truncations(candidates: list[TermCandidate]) -> list[TermCandidate]:
    """A rendering found only by the loose variant pass that is a piece of another rendering of the
    same term ("epidemic prevention" of "epidemic prevention and control") is that one cut short."""
    def spaced(en: str) -> str:
        return " " + " ".join(_NON_WORD.split(en.lower())).strip() + " "

    words: dict[str, list[str]] = {}
    for c in candidates:
        words.setdefault(zh_key(c.zh), []).append(spaced(c.en))

    def cut_short(c: TermCandidate) -> bool:
        mine = spaced(c.en)
        return c.signals == ("variant",) and any(mine in other and mine != other for other in words[zh_key(c.zh)])

    return [c for c in candidates if not cut_short(c)]


def _acronyms_as_defined(candidates: list[TermCandidate]) -> list[TermCandidate]:
    """An acronym the document defines ("Banking Ordinance (BO)", paired with 银行业条例) goes with the
    Chinese of its definition, a short form of it (保监局 of 保险业监管局: its characters in order) or a
    longer span holding it (not holding only a short form: 金管局联同银行公会 for HKAB); a Chinese the
    acronym only kept appearing with (业务员工纪录 ↔ BO, said in the same sentences) is something else the
    sentences say."""
    defined: dict[str, list[str]] = {}
    for c in candidates:
        if c.type == "acronym" and "acronym" in c.signals:
            defined.setdefault(_acronym_key(c.en), []).append(c.zh)
    names = {key: [zh for zh in spans if not any(zh != name and characters_in_order(zh, name) for name in spans)]
             for key, spans in defined.items()}  # (not the short forms: 银行公会 of 香港银行公会, both defined as HKAB)

    def as_defined(c: TermCandidate) -> bool:
        spans = defined.get(_acronym_key(c.en)) if c.type == "acronym" and "acronym" not in c.signals else None
        return not spans or any(characters_in_order(c.zh, zh) for zh in spans) \
            or any(zh in c.zh for zh in names[_acronym_key(c.en)])

    return [c for c in candidates if as_defined(c)]


def _without_glued_words(candidates: list[TermCandidate]) -> list[TermCandidate]:
    """An acronym's Chinese that is another of its Chinese in the document followed by whole words whose
    glosses open with none of its letters is that one with the sentence's next words glued on: 中国专家网络
    研讨会 ("seminar") beside 中国专家网络 for CEN, 温室气体排放 ("to emit") beside 温室气体 for GHG; not
    香港交易资料储存库 beside 香港交易 for HKTR ("repository" gives the R), nor 中小企 beside 中小 (one
    word: no word follows 中小 in it). Any gloss counts, so 生产总值带来 ("to produce") stays beside 生产总值."""
    spans: dict[str, set[str]] = {}
    for c in candidates:
        if c.type == "acronym":
            spans.setdefault(_acronym_key(c.en), set()).add(c.zh)

    def glued(c: TermCandidate) -> bool:
        if c.type != "acronym":
            return False
        letters = set(_acronym_key(c.en).lower())
        for shorter in spans[_acronym_key(c.en)]:
            if shorter != c.zh and c.zh.startswith(shorter) and len(shorter) in {w.end for w in zh_words(c.zh)}:
                tail = zh_words(c.zh[len(shorter):])
                if all(CJK_RE.match(w.text) for w in tail) and not {s[0] for w in tail for s in w.stems} & letters:
                    return True
        return False

    return [c for c in candidates if not glued(c)]


def _acronym_key(en: str) -> str:
    """An acronym without its plural s (AIs: AI)."""
    return en[:-1] if en.endswith("s") and en[:-1].isupper() else en


def _one_chinese_per_rendering(candidates: list[TermCandidate], only_nested: set[str] = frozenset()) -> list[TermCandidate]:
    """An English rendering (not an acronym) stands for one Chinese term in a document: when several
    spans were paired with it (在渝外籍人员 / 在渝外籍人士, 流程管理 / 管理流程), only the best supported
    stays; a span paired with it as a whole outranks one seen only inside longer pairs (`only_nested`
    zh keys: 卫生部 inside 卫生部副部长 ↔ deputy minister of health, against 卫生部部长 ↔ minister of health);
    between as well supported ones, a name the text defines with an acronym outranks the others (联系汇率制度
    （联汇制度） ↔ Linked Exchange Rate System (LERS), not 联系汇率)."""
    def rank(c: TermCandidate) -> tuple:
        return zh_key(c.zh) not in only_nested, len(c.occurrences), "defined" in c.signals, c.score, -len(c.zh)

    best: dict[str, TermCandidate] = {}
    for c in candidates:
        if c.type == "acronym":
            continue
        key = en_key(c.en)
        if key not in best or rank(c) > rank(best[key]):
            best[key] = c
    return [c for c in candidates if c.type == "acronym" or best[en_key(c.en)] is c]


__all__ = ["mine_pairs", "pair_spans", "MIN_SCORE"]

