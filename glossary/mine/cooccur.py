"""Co-occurrence across the aligned pairs of a batch: an English acronym (SCO, BRI) or Title Case
name that keeps appearing with the same Chinese span is paired with it (Dice coefficient); a name
must also be half glossed by the span, which the dictionary alone may not fully cover."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from glossary.keys import CJK_RE
from glossary.lexicon import cedict, en_stem, gloss_phrases, verb_glosses
from glossary.mine.pairing import STEM_PREFIX, SpanPair, content_word, gloss_coverage, zh_spans
from glossary.mine.tokens import EnToken, ZhWord, dictionary_tag
from glossary.models import SegmentPair

ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}s?")
MIN_COOCCURRENCE = 2
MIN_DICE = 0.6
MIN_NAME_GLOSS = 0.5  # a Title Case name needs half its words glossed by the Chinese span as well
MIN_ACRONYM_INITIALS = 0.5  # an acronym needs half its letters opening gloss words of the Chinese span
_NAME_JOINERS = {"of", "and", "for", "on", "the"}


def _names(tokens: Sequence[EnToken], en: str) -> list[tuple[str, int, int]]:
    """Title Case names of two or more capitalised words (Exchange Fund Advisory Committee), with offsets."""
    out, i, n = [], 0, len(tokens)
    while i < n:
        if not (tokens[i].word and tokens[i].text[:1].isupper() and not tokens[i].stop):
            i += 1
            continue
        j = k = i
        while k + 1 < n:
            nxt = tokens[k + 1]
            if nxt.word and nxt.text[:1].isupper() and not nxt.stop:
                k += 1
                j = k
            elif nxt.text.lower() in _NAME_JOINERS and k + 2 < n:
                k += 1
            else:
                break
        if sum(1 for t in tokens[i : j + 1] if t.text[:1].isupper() and not t.stop) >= 2:
            out.append((en[tokens[i].start : tokens[j].end], tokens[i].start, tokens[j].end))
        i = j + 1
    return out


def _initials_glossed(acronym: str, initials: set[str]) -> float:
    """The share of an acronym's capitals that open a gloss word of the Chinese span (`initials`,
    lower case): HKAB and 香港银行公会 (Hong Kong, bank, association) share all four."""
    capitals = [c.lower() for c in acronym if c.isupper()]
    return sum(c in initials for c in capitals) / len(capitals)


def _gloss_initials(words: Sequence[ZhWord], a: int, b: int) -> set[str]:
    """The first letters of the glosses of words a..b."""
    return {stem[0] for w in words[a:b] for _, stems in w.pieces for stem in stems}


def _opening_clause_word(word: ZhWord, after: ZhWord) -> bool:
    """A word of the sentence before a name that opens on a noun rather than of the name: a preposition
    (根据) or a verb of two or more characters the dictionary glosses as one (透过 "to pass through",
    偿还 "to repay"); not the verb of a name that is a verb phrase (兑换|保证 Convertibility Undertaking)."""
    return len(word.text) > 1 and after.tag[:1] in ("n", "j") and (
        word.tag == "p" or word.tag == "v" and bool(verb_glosses(word.text)))


def _closing_clause_word(word: ZhWord, before: ZhWord) -> bool:
    """A word of the sentence after a name that closes on a noun: a verb of two or more characters the
    dictionary glosses as one (香港会计师公会|颁布 "to issue") or a word of place (金融稳定理事会|辖下
    "under"); not a one-character one (跨境理财|通 Wealth Management Connect)."""
    return len(word.text) > 1 and before.tag[:1] in ("n", "j") and (
        word.tag == "v" and bool(verb_glosses(word.text)) or word.tag in ("f", "s"))


_CLAUSE_FOLLOWERS = {"r", "ul", "uz", "ug"}  # a pronoun or an aspect particle after a verb: 听取|其, 颁布|了
MIN_COVERB_VARIETY = 3  # a verb opening a span that precedes this many different words in the document is a coverb


def _without_clause_words(span: str, name: str, keys: dict[str, tuple[float, float, float, int, str]],
                          first_seen: dict[str, tuple[list[ZhWord], int, int]], counted: list,
                          followers: Callable[[str], int]) -> str:
    """`span` (the best ranked for the acronym or name `name`) without a verb, preposition or word of place
    at its edges that is the sentence's rather than the name's, when the span without it is a candidate too
    and either
    - the English says the word with one of its own, in lower case (not a word of the name), in half the
      sentences naming both: "the HKICPA has issued" (香港会计师公会颁布 → 香港会计师公会; 颁布 "to
      promulgate" only seemed to give the P); or
    - it is a word of place closing the span (金融稳定理事会|辖下 "under the FSB": 下 "below" gives no B); or
    - its glosses open with none of the name's capitals and its grammar makes it the sentence's: a verb
      opening the span that the document puts before many different words (透过 "through": 透过外汇基金咨询
      委员会, 透过传媒, ...; not 见习 of 见习经济师 Graduate Economist) or after an adverb (未|偿还外汇基金
      票据及债券 "outstanding EFBNs": 未 "not yet" says 偿还 "to repay" is a predicate), a verb closing it
      that a pronoun or an aspect particle follows (外汇基金咨询委员会听取|其 "the EFAC's advice"). 联合 "to
      combine" stays in 联合贷款组合管理计划 (Managed Co-lending Portfolio Program) though 组合 gives the C too."""
    while True:
        words, a, b = first_seen[span]
        at = words[a].start
        trims = []
        if b - a > 1 and _opening_clause_word(words[a], words[a + 1]):
            trims.append((a + 1, b, words[a], followers(words[a].text) >= MIN_COVERB_VARIETY
                          or a > 0 and words[a - 1].tag == "d"))
        if b - a > 1 and _closing_clause_word(words[b - 1], words[b - 2]):
            trims.append((a, b - 1, words[b - 1], b < len(words) and words[b].tag in _CLAUSE_FOLLOWERS))
        for a2, b2, word, by_grammar in trims:
            inner = span[words[a2].start - at : words[b2 - 1].end - at]
            if inner in keys and (word.tag in ("f", "s")
                                  or by_grammar and not _initials_glossed(name, _gloss_initials([word], 0, 1))
                                  or _said_elsewhere(word, span, name, counted)):
                span = inner
                break
        else:
            return span


def _said_elsewhere(word: ZhWord, span: str, name: str, counted: list) -> bool:
    """In at least half the sentences naming `span` and `name`, a lower-case English word glosses `word` (a
    verb by its verb senses): "issued by the HKICPA" says 颁布 "to issue"; "Personal Loan Guarantee Scheme"
    is the name's, no word saying 担保 "to guarantee" of 担保个人特惠贷款计划."""
    mine = _prefixes(verb_glosses(word.text) if word.tag == "v" else word.stems)
    both = [tokens for _, spans, _, names, _, _, tokens in counted if span in spans and name in names]
    said = sum(1 for tokens in both if any(_prefixes(t.stems) & mine for t in tokens if t.text.islower()))
    return 2 * said >= len(both) > 0


def _cut_from(span: str, name: str, counted: list, analysed: Sequence[tuple[SegmentPair, list[ZhWord], list[EnToken]]]
              ) -> tuple[str, str]:
    """The character before and the one after `span` that jieba cut it from ("" where none): the same one
    in every sentence naming `span` and `name` (in a word `_beside` accepts, and in one `_cut_word`
    accepts at least once), and beside every
    occurrence of `span` in the document that starts and ends where words do (积金 inside 公积金 is none):
    强 of 强积金 (…（强|积金）, 及强|积金 for MPF), 度 of 联汇制|度 (LERS), 企 of 中小|企在 (SMEs). A dictionary
    word beyond the span (香港会计师公会|颁布) leaves the span whole, as does another character beside
    one of its occurrences."""
    before, after = set(), set()
    cut = [False, False]  # some sentence has the character in a word `_cut_word` accepts, before and after
    for _, spans, _, names, _, words, _ in counted:
        if span in spans and name in names:
            start, end = spans[span]
            left = next((w for w in words if w.end == start), None)
            right = next((w for w in words if w.start == end), None)
            before.add(left.text[-1] if left and _beside(left) else "")
            after.add(right.text[0] if right and _beside(right) else "")
            cut = [cut[0] or bool(left and _cut_word(left)), cut[1] or bool(right and _cut_word(right))]
    grown = [edge.pop() if len(edge) == 1 and cut[k] else "" for k, edge in enumerate((before, after))]
    if grown == ["", ""]:
        return "", ""
    for pair, words, _ in analysed:
        at = pair.zh.find(span)
        if at < 0:
            continue
        starts, ends = {w.start for w in words}, {w.end for w in words}
        while at >= 0:
            end = at + len(span)
            if at in starts and end in ends:
                if pair.zh[at - 1 : at] != grown[0]:
                    grown[0] = ""
                if pair.zh[end : end + 1] != grown[1]:
                    grown[1] = ""
            at = pair.zh.find(span, at + 1)
    return grown[0], grown[1]


def _beside(word: ZhWord) -> bool:
    """A word whose character next to a span may be the span's: one `_cut_word` accepts, or a Chinese
    content word of several characters (企及 "to hope to reach" of 中小|企及, where 中小|企 is cut elsewhere)."""
    return _cut_word(word) or len(word.text) > 1 and bool(CJK_RE.match(word.text)) and content_word(word)


def _cut_word(word: ZhWord) -> bool:
    """A Chinese word a span's edge may have been cut from: one content character, not a count or a word
    of place (强, 度, 快 of 转数|快; not 年 of 2019年|流动性修订规则, 内 "within"), or several that jieba
    glued of its own accord, its dictionary and CC-CEDICT lacking them (企在 of 中小|企在)."""
    if not CJK_RE.match(word.text):
        return False
    if len(word.text) == 1:
        return (content_word(word) or word.tag == "zg") and word.tag not in ("m", "f")  # (zg: a bound morpheme, 度)
    return not dictionary_tag(word.text) and word.text not in cedict()


def _follower_counts(analysed: Sequence[tuple[SegmentPair, list[ZhWord], list[EnToken]]]) -> Callable[[str], int]:
    """word → how many different words follow it in the document's Chinese (worked out when first asked)."""
    table: dict[str, set[str]] = {}

    def count(text: str) -> int:
        if not table:
            for _, words, _ in analysed:
                for w, nxt in zip(words, words[1:]):
                    table.setdefault(w.text, set()).add(nxt.text)
        return len(table.get(text, ()))
    return count


def _singular(text: str) -> str:
    """An acronym's plural as its singular (AIs: AI); names unchanged."""
    return text[:-1] if text.endswith("s") and len(text) > 2 and text[-2].isupper() and is_acronym(text) else text


@lru_cache(maxsize=1 << 16)  # asked of every pair's English again and again by mining's passes (HKMA, SMEs, the)
def is_acronym(text: str) -> bool:
    """Two to six capitals, digits or "&", opening on a capital, two of them capitals, maybe with a plural's
    s: HKMA, SMEs, R&D (not G20, one capital; not Hong Kong)."""
    return bool(ACRONYM.fullmatch(text)) and sum(c.isupper() for c in text) >= 2


def glossed_inside_phrase(span: str, acronym: str) -> bool:
    """The dictionary glosses the span with phrases that hold the acronym as one word of several, never
    with the acronym alone (美元 "US dollar" for US; 美国 "US" is the acronym's)."""
    stem = en_stem(acronym)
    holding = [phrase for phrase in gloss_phrases(span) if stem in phrase]
    return bool(holding) and all(len(phrase) > 1 for phrase in holding)


def pairs_by_cooccurrence(
    analysed: Sequence[tuple[SegmentPair, list[ZhWord], list[EnToken]]],
) -> dict[int, list[SpanPair]]:
    """pair seq → acronym and name pairs supported by co-occurrence over all `analysed` pairs."""
    span_freq: Counter[str] = Counter()
    acronym_freq: Counter[str] = Counter()
    together: dict[tuple[str, str], int] = {}
    distance: dict[tuple[str, str], float] = {}  # summed relative-position gaps: nearer pairs win ties
    where: dict[int, tuple[str, dict[str, tuple[int, int]], dict[str, tuple[int, int]]]] = {}
    counted = []  # the pairs naming an acronym or name, with their span and name counts
    first_seen: dict[str, tuple[list[ZhWord], int, int]] = {}  # span -> its words where first seen (for its initials)
    for pair, words, tokens in analysed:
        spans: dict[str, tuple[int, int]] = {}
        span_count: Counter[str] = Counter()
        for a, b in zh_spans(words):
            start, end = words[a].start, words[b - 1].end
            if end - start >= 2:
                span = pair.zh[start:end]
                spans.setdefault(span, (start, end))
                span_count[span] += 1
                first_seen.setdefault(span, (words, a, b))
        acronyms: dict[str, tuple[int, int]] = {}
        acronym_count: Counter[str] = Counter()
        for text, start, end in [(t.text, t.start, t.end) for t in tokens if is_acronym(t.text)] + _names(tokens, pair.en):
            if text not in pair.zh:
                text = _singular(text)  # AI and AIs are one acronym, counted together
                acronyms.setdefault(text, (start, end))
                acronym_count[text] += 1
        span_freq.update(span_count)
        acronym_freq.update(acronym_count)
        if acronyms:
            where[pair.seq] = (pair.zh, spans, acronyms)
            counted.append((pair, spans, span_count, acronyms, acronym_count, words, tokens))
    for pair, spans, span_count, acronyms, acronym_count, _, _ in counted:
        # occurrences counted, so one sentence naming both twice is evidence too; a span or name seen
        # once in the batch cannot reach MIN_COOCCURRENCE, so its pairs are not counted
        en_at = [(a, m, acronyms[a][0] / len(pair.en)) for a, m in acronym_count.items()
                 if acronym_freq[a] >= MIN_COOCCURRENCE]
        for s, n in span_count.items():
            if span_freq[s] < MIN_COOCCURRENCE:
                continue
            zh_at = spans[s][0] / len(pair.zh)
            for a, m, at in en_at:
                key = (s, a)
                together[key] = together.get(key, 0) + min(n, m)
                distance[key] = distance.get(key, 0) + abs(zh_at - at)
    keyed: dict[str, dict[str, tuple[float, float, float, int, str]]] = {}  # name → its spans' ranking keys
    for (span, acronym), count in together.items():
        if count < MIN_COOCCURRENCE:
            continue
        dice = 2 * count / (span_freq[span] + acronym_freq[acronym])
        name = not is_acronym(acronym)
        coverage = gloss_coverage(span, acronym) if name else 0.0
        if name and coverage < MIN_NAME_GLOSS:
            continue
        letters = 0.0 if name else _initials_glossed(acronym, _gloss_initials(*first_seen[span]))
        if not name and (letters < MIN_ACRONYM_INITIALS or glossed_inside_phrase(span, acronym)):
            continue  # 申请 (application) is no SFGS however often they meet; 美元 "US dollar" is no US
        # a name: the span glossing more of it (外事联络组 over 市政府外办作为), at equal coverage the
        # shorter (fewer words the name does not render: 外事联络组 over 外事联络组牵头); then the
        # nearer in relative position (in quarters); an acronym: at about the same Dice, the span whose
        # glosses open with more of its letters (中小企 over 中小 for SME), then the longer (上合组织 over 组织)
        gap = -round(distance[(span, acronym)] * 4)
        key = (round(dice, 3), round(coverage, 2), gap, -len(span), span) if name else \
            (round(dice, 1), round(letters, 2), gap, len(span), span)
        if dice >= MIN_DICE:
            keyed.setdefault(acronym, {})[span] = key
    best: dict[str, tuple[float, float, float, int, str]] = {}
    grown: dict[str, tuple[str, str]] = {}  # name → the characters its span is cut from, before and after
    followers = _follower_counts(analysed)
    for acronym, keys in keyed.items():
        best[acronym] = keys[_without_clause_words(max(keys, key=keys.__getitem__), acronym, keys, first_seen, counted, followers)]
        grown[acronym] = _cut_from(best[acronym][4], acronym, counted, analysed)
    out: dict[int, list[SpanPair]] = {}
    for seq, (zh, spans, acronyms) in where.items():
        for acronym, (en_start, en_end) in acronyms.items():
            if acronym in best and best[acronym][4] in spans:
                zh_start, zh_end = spans[best[acronym][4]]
                before, after = grown[acronym]
                zh_start -= len(before) if zh[zh_start - len(before) : zh_start] == before else 0
                zh_end += len(after) if zh[zh_end : zh_end + len(after)] == after else 0
                out.setdefault(seq, []).append(
                    SpanPair(zh_start, zh_end, en_start, en_end, round(best[acronym][0], 3), "cooccurrence"))
    return out


MIN_LINK_COUNT = 3
MIN_LINK_DICE = 0.5
MAX_LINKS_PER_WORD = 3


@lru_cache(maxsize=1 << 13)
def _prefixes(stems: frozenset[str]) -> frozenset[str]:
    """The stems cut to STEM_PREFIX letters (cached: a word's stems are one shared frozenset)."""
    return frozenset(s[:STEM_PREFIX] for s in stems)


def learned_glosses(
    analysed: Sequence[tuple[SegmentPair, list[ZhWord], list[EnToken]]],
) -> dict[str, frozenset[str]]:
    """Chinese word → English stems learned from the batch where the dictionary is silent: in each
    aligned pair, the Chinese words and English words that no dictionary gloss explains are counted
    together, and a pair that keeps recurring (Dice) becomes a gloss (交往 ↔ exchanges); a
    capitalised English word (a name) is learned only for a word the dictionary lacks. Greedy
    competitive linking: the strongest links first, an English stem kept by its strongest partners."""
    zh_freq: Counter[str] = Counter()
    en_freq: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    known: dict[str, bool] = {}  # word → has dictionary glosses (names are learned only for unknown words)
    for _pair, words, tokens in analysed:
        en_prefixes = frozenset().union(*(_prefixes(t.stems) for t in tokens))
        zh_prefixes = frozenset().union(*(_prefixes(w.stems) for w in words))
        candidates = {w.text: w for w in words if len(w.text) > 1 and CJK_RE.match(w.text) and content_word(w) and w.tag != "m"}
        zh_freq.update(candidates.keys())
        known.update((text, bool(w.stems)) for text, w in candidates.items())
        residual_zh = {text for text, w in candidates.items() if not (_prefixes(w.stems) & en_prefixes)}
        residual_en = {
            s for t in tokens if t.stems and not (_prefixes(t.stems) & zh_prefixes) for s in t.stems
            if not s[:1].isdigit() or len(t.stems) > 1
        }
        en_freq.update(residual_en)
        names = {s for t in tokens if t.text[:1].isupper() for s in t.stems}
        together.update((w, s) for w in residual_zh for s in residual_en if not (s in names and known[w]))
    ranked = sorted(
        ((2 * n / (zh_freq[w] + en_freq[s]), n, w, s) for (w, s), n in together.items() if n >= MIN_LINK_COUNT),
        reverse=True,
    )
    links: dict[str, set[str]] = {}
    taken: dict[str, float] = {}
    for dice, _n, w, s in ranked:
        if dice < MIN_LINK_DICE:
            break
        if s in taken and taken[s] > dice or len(links.get(w, ())) >= MAX_LINKS_PER_WORD:
            continue
        taken[s] = dice
        links.setdefault(w, set()).add(s)
    return {w: frozenset(stems) for w, stems in links.items()}
