"""Term pairs inside one aligned segment pair: candidate spans on both sides, paired by
compositional CC-CEDICT match, quotes, acronym definitions, pinyin of names and the places of
list items."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain

from glossary.align.anchors import acronyms_in_parentheses, en_numbers, is_pinyin_word
from glossary.align.dp import EN_PER_ZH
from glossary.keys import CJK_RE, char_readings, fold_pinyin_query, pinyin_span
from glossary.lexicon import (cedict, content_stems, gloss_phrases, glossed_as_modifier, glosses_with, is_function_phrase, is_modifier_only,
                              is_proper_name, is_verb_only, is_verb_translation, zh_gloss_stems)
from glossary.mine.tokens import COMMON_WORD, EnToken, ZhWord, country_stems, en_tokens, general_frequency, token_stems

# Determiners that open a phrase but not a term (全市 "the whole city", 各类 "all kinds of"); a lone 全
# before a noun is a prefix the English keeps (全流程 "whole-process"), and the English decides.
_DETERMINER = re.compile(r"^(?:全(?=.)|各|本|我|该|此|每|诸|其|这|那|某|有关|相关|上述|广大)")
STEM_PREFIX = 5  # stems sharing this many letters match (resumption ~ resume)
_NAME_DASHES = {"—", "－", "–"}  # 中国—东盟博览会 China-ASEAN Expo: a dash joins two names inside one
_QUOTE_WORDS = {"“", "”", "「", "」", "『", "』"}  # “一带一路”地方合作论坛: a quoted name inside a longer one
_INNER_PARTICLES = {"之", "及"} | _NAME_DASHES | _QUOTE_WORDS
_NAME_AND = "及"  # the written "and" joins the parts of a name (证券及期货事务监察委员会) as well as two phrases
_COORDINATORS = {"and", "or", "&"}
_EN_INNER = {"of", "for", "in", "the", "on", "with", "to", "a", "an", "at", "from"} | _COORDINATORS
_MAX_ZH_WORDS = 8
_MAX_ZH_CHARS = 24
_MIN_ZH_COVERAGE = 0.8
_MIN_EN_COVERAGE = 0.75
_MIN_VARIANT_ZH_COVERAGE = 0.5  # another rendering of a term already paired may translate it loosely
_ZH_QUOTED = re.compile(r"“([^”]{2,40})”|「([^」]{2,40})」|《([^》]{2,60})》|『([^』]{2,40})』")
_EN_QUOTED = re.compile(r"\"([^\"]{2,80})\"|“([^”]{2,80})”")
_MAX_QUOTED_ZH = 16  # longer quotations are sentences, not terms
_MAX_QUOTED_EN_WORDS = 10
_MAX_QUOTE_RATIO = 2.5  # a lone English quotation this many times the usual length is another quotation
ZH_NUMERAL = re.compile(r"[0-9０-９〇零一二三四五六七八九十两百千万萬亿億半首第单双]")
_CJK_PUNCT = re.compile(r"[，。、；：！？,.;:!?()（）]")
_SENTENCE_PUNCT = re.compile(r"[。；：！？.;:!?()（）]")  # a quoted slogan may have two halves (以人为本，外交为民)


@dataclass(frozen=True, slots=True)
class SpanPair:
    """One zh span paired with one en span inside a segment pair (offsets into its zh/en)."""

    zh_start: int
    zh_end: int
    en_start: int
    en_end: int
    score: float
    signal: str  # dictionary, quoted, acronym, defined, cooccurrence, pinyin, list


def _is_capitalised(token: EnToken) -> bool:
    return token.word and token.text[:1].isupper()



_FUNCTION_TAGS = {"u", "uj", "ul", "uz", "ug", "ud", "uv", "p", "c", "r", "d", "x", "y", "e", "o", "q", "w", "zg"}


def content_word(word: ZhWord) -> bool:
    """A word that may belong to a term: not a function word or punctuation (POS is only a hint
    here; the English side decides)."""
    if _CJK_PUNCT.search(word.text) or _is_determiner(word.text):
        return False
    if word.tag == "r":  # jieba's pronouns hold words of their own (本地 local, 多边 multilateral)
        return word.text in cedict() and not is_function_phrase(word.text)
    if word.tag == "q":  # a measure word the dictionary glosses as a name names a thing (美元 US dollar; 系列 series)
        return is_proper_name(word.text)
    return word.tag not in _FUNCTION_TAGS


def modifying_adverb(word: ZhWord) -> bool:
    """A word jieba tags as an adverb that the dictionary glosses only as a modifier (相互 "mutual", 长期
    "long term", 快速 "fast"; not 逐步 "progressively"): it may open a name (长期增长组合 Long-Term Growth
    Portfolio), never stand inside a term."""
    return word.tag == "d" and len(word.text) > 1 and glossed_as_modifier(word.text)


@lru_cache(maxsize=65_536)
def _is_determiner(text: str) -> bool:
    """A word that opens with a determiner and is one (全市, 各国, 我国), not a word of its own that
    happens to (全球 global, 全国人民代表大会): the dictionary's first gloss of the word or of its
    opening decides; a determiner with one character after it that the dictionary lacks is one (全区)."""
    found = _DETERMINER.match(text)
    if not found:
        return False
    if text in cedict():
        return found.end() == len(text) or is_function_phrase(text)
    return len(text) <= found.end() + 1 or any(is_function_phrase(text[:k]) for k in range(2, len(text)))


def starts_ok(word: ZhWord) -> bool:
    """A term opens on a content word, not on a count (两支, 首批, 一例), an adverb (密切沟通) or a
    reduplicated adjective (扎扎实实打基础: AABB describes how something is done)."""
    return content_word(word) and word.tag not in ("m", "ad") and not _reduplicated(word.text)


def _reduplicated(text: str) -> bool:
    """An AABB word (扎扎实实, 认认真真)."""
    return len(text) == 4 and text[0] == text[1] and text[2] == text[3] and text[0] != text[2]


def _ends_ok(word: ZhWord) -> bool:
    """A term closes on a content word; one character closes it only as a noun (…部, …组), not as a
    prefix left dangling (卫生部副)."""
    if not content_word(word) or word.text in _INNER_PARTICLES:
        return False
    if word.tag == "m" and (any(c.isdigit() for c in word.text) or len(word.text) == 1):
        return False
    return len(word.text) > 1 or word.tag[:1] in ("n", "j", "k", "g")


def _suffix_shaped(word: ZhWord) -> bool:
    """One character that jieba may have split off the noun it closes (贷存比|率 ratio, 视频|会 meeting, 机场|组
    group): it may end a term after a content word when nothing but punctuation or a function word
    follows (a verb taking an object, 交易额达|100亿, 利率见|图, is none); the English must translate it."""
    return len(word.text) == 1 and word.tag in ("v", "zg") and bool(CJK_RE.match(word.text)) and word.text in cedict()


def _word_traits(word: ZhWord) -> tuple[bool, bool, bool, bool, bool, bool, bool]:
    """(content word, may stand inside a span, may open one, may close one, suffix-shaped, a count in
    digits, a modifying adverb that opens one only): what span finding asks of each word, which hangs
    on its text and tag only."""
    key = (word.text, word.tag)
    found = _TRAITS.get(key)
    if found is None:
        content, adverb = content_word(word), modifying_adverb(word)
        found = _TRAITS[key] = (content, content or word.text in _INNER_PARTICLES, starts_ok(word) or adverb,
                                _ends_ok(word), _suffix_shaped(word), word.tag == "m" and any(c.isdigit() for c in word.text),
                                adverb)
    return found


_TRAITS: dict[tuple[str, str], tuple[bool, bool, bool, bool, bool, bool, bool]] = {}


def zh_spans(words: list[ZhWord]) -> list[tuple[int, int]]:
    """Word ranges [a, b) that may be terms: runs of content words (up to six words, 24
    characters) that begin and end on a content word."""
    key = tuple([(w.text, w.tag) for w in words])  # all the spans depend on (cheaper to hash than the words)
    found = _SPANS.get(key)
    if found is None:
        if len(_SPANS) >= _SPANS_KEPT:
            _SPANS.clear()
        found = _SPANS[key] = _zh_spans(words)
    return list(found)


# mining asks for the spans of each sentence three times (co-occurrence, pairs, variants)
_SPANS: dict[tuple[tuple[str, str], ...], tuple[tuple[int, int], ...]] = {}
_SPANS_KEPT = 1024


def _zh_spans(words: list[ZhWord]) -> tuple[tuple[int, int], ...]:
    spans = []
    n = len(words)
    # each word's tests once (they do not depend on where the span starts); k > a: not the span's first word
    content, inner, opens, closes, suffix_shaped, count, adverb = zip(*map(_word_traits, words)) if words else ((),) * 7
    suffix_at = [suffix_shaped[k] and (k + 1 == n or not content[k + 1] and words[k + 1].tag != "m") for k in range(n)]
    place_after_verb = [k > 0 and w.tag in ("ns", "j") and words[k - 1].tag == "v" for k, w in enumerate(words)]
    for a in range(n):
        if not opens[a]:
            continue
        chars = 0
        for k in range(a, min(n, a + _MAX_ZH_WORDS)):
            suffix = k > a and suffix_at[k]
            if not (inner[k] or suffix or k == a and adverb[k]) or (count[k] and k > a):
                break
            chars += len(words[k].text)
            if chars > _MAX_ZH_CHARS:
                break
            if chars >= 2 and (closes[k] or suffix) and not (k > a and place_after_verb[k]):
                spans.append((a, k + 1))  # (not a verb and its destination: 商务人士来渝, 分赴阿尔及利亚)
            if suffix and not content[k]:
                break
    return tuple(spans)


def _runs(hit: list[int], tokens: list[EnToken], repeated: frozenset[str] = frozenset(), bridge: bool = False) -> list[tuple[int, int]]:
    """Maximal token ranges [i, j] made of hit tokens joined by at most two function words (with `bridge`,
    or by one lower-case adjective no Chinese word glosses, see _unlinked_inner_word).

    A word already in the run starts a new one (a second, parallel phrase), unless the Chinese
    says it twice too (`repeated` stems: 碳达峰碳中和 ↔ carbon peak and carbon neutrality); if the run had just
    joined over "and", the part after "and" moves to the new run ("…process and a closed-loop |
    management process" → "closed-loop management process")."""
    runs: list[list[int]] = []  # [start, end, end before the last "and" joint or -1, start after it]
    seen: set[str] = set()
    for t in hit:
        if runs:
            i, j, left_end, right_start = runs[-1]
            between = tokens[j + 1 : t]
            names = _is_capitalised(tokens[j]) and _is_capitalised(tokens[t])  # a list of names may hold commas
            lower_case = tokens[j].text.islower() and tokens[t].text.islower()
            joinable = len(between) <= 2 and _participle_of_place(tokens, j + 1, t) or bridge and _unlinked_inner_word(between) or len(between) <= 2 and all(  # (a comma, alone, between names: not "Police, the Digital…")
                tok.stop and tok.text.lower() in _EN_INNER or tok.text in _IMPLICIT_WORDS and lower_case or tok.text in ("-", "&") or (tok.text == "," and names and len(between) == 1)
                for tok in between
            )
            repeats = bool(tokens[t].stems) and not tokens[t].stems & repeated and (
                tokens[t].stems <= seen or any(tok.text == "," for tok in between) and bool(tokens[t].stems & seen))
            # (after a comma, a name that says a word again starts the next item: "China-South Korea, | China-Singapore")
            if joinable and not repeats:
                if any(tok.text.lower() in _COORDINATORS or tok.text == "," for tok in between):
                    runs[-1] = [i, t, j, t]
                else:
                    runs[-1] = [i, t, left_end, right_start]
                seen |= tokens[t].stems
                continue
            if joinable and left_end >= 0 and right_start <= j and t == j + 1 + len(between):
                runs[-1] = [i, left_end, -1, -1]
                runs.append([right_start, t, -1, -1])
                seen = {s for k in range(right_start, t + 1) for s in tokens[k].stems}
                continue
        runs.append([t, t, -1, -1])
        seen = set(tokens[t].stems)
    return [(i, j) for i, j, _, _ in runs]


def _unlinked_inner_word(between: list[EnToken]) -> bool:
    """One lower-case adjective that no Chinese piece glosses, between two linked words: a modifier the
    dictionary does not know, inside the phrase (chief state | sanitary | doctor for 国家首席医生); an
    unlinked noun there says something the Chinese does not (Hong Kong | dollar | interest rate)."""
    if len(between) != 1:
        return False
    tok = between[0]
    return tok.word and not tok.stop and bool(tok.stems) and tok.text.isalpha() and tok.text.islower() \
        and bool(ADJECTIVE_END.search(tok.text)) and not tok.text.endswith("ing") and not is_verb_only(tok.text)


def _stems(tokens: list[EnToken]) -> frozenset[str]:
    return frozenset().union(*(t.stems for t in tokens))


def _expand_name(i: int, j: int, tokens: list[EnToken], over_the: bool = False) -> tuple[int, int]:
    """Grow a run that sits inside a Title Case name to the whole name (Ministry of Foreign Affairs);
    `over_the`: also over "of the" into a name that follows (Affairs Office of the Municipal Government)."""
    if not all(_is_capitalised(t) or t.stop or not t.word for t in tokens[i : j + 1]):
        return i, j
    while i > 0:
        prev = tokens[i - 1]
        if _is_capitalised(prev) and prev.text.lower() != "the" and not prev.text.endswith(("'s", "’s")):
            i -= 1
        else:
            break
    while j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if _is_capitalised(nxt):
            j += 1
        elif nxt.stop and nxt.text.lower() in ("of", "for", "and") and j + 2 < len(tokens) and _is_capitalised(tokens[j + 2]) \
                and not (nxt.text.lower() == "and" and tokens[j + 2].stems and tokens[j + 2].stems <= _stems(tokens[i : j + 1])):
            j += 2  # (not over "and" into a name that starts again: "… for a New Era and Xi Jinping Thought")
        elif over_the and nxt.text.lower() in ("of", "for") and j + 3 < len(tokens) and tokens[j + 2].text == "the" \
                and _is_capitalised(tokens[j + 3]):
            j += 3
        else:
            break
    return i, j


def _en_end_ok(token: EnToken) -> bool:
    """An English term ends in a noun-like word, not an adverb, a past participle or a word that only
    ever stands before a noun ("embassies in foreign | countries")."""
    text = token.text.lower()
    if token.text[:1].isupper():
        return True
    return not (text.endswith(("ly", "ed")) or is_modifier_only(text))


ADJECTIVE_END = re.compile(r"(?:al|ic|ive|ous|ful|ian|ese|ary|ble|ing)$")


def _cut_inside_phrase(tokens: list[EnToken], j: int, next_word: ZhWord | None, glossed_next: bool = True) -> bool:
    """The English phrase ends on an adjective-shaped word that runs on into a lower-case word
    ("key technical | personnel", "Chongqing's international | exchanges") while the Chinese span
    stops there: a span cut mid noun phrase. Not a cut when both sides stop before words that
    translate each other."""
    if j + 1 >= len(tokens):
        return False
    nxt, last = tokens[j + 1], tokens[j]
    if nxt.text == "&" and j + 2 < len(tokens) and tokens[j + 2].word and tokens[j + 2].text[:1].islower():
        return True  # "epidemic prevention | & treatment": "&" joins two words into one phrase
    if not nxt.word or nxt.stop or not nxt.stems or not nxt.text[:1].islower() or nxt.text.isdigit():
        return False
    if next_word is not None and j + 2 < len(tokens) and not glossed_next and not nxt.text.endswith(("ed", "ly")) \
            and not last.text[:1].isupper() and tokens[j + 2].text[:1].islower() and next_word.stems & tokens[j + 2].stems:
        return True  # "chief state | sanitary doctor" for 国家首席|医生: the noun phrase runs on, over a word
        # no Chinese word glosses, to what the Chinese says next (a name ends with its capitals: "Shanghai
        # Cooperation Organization | member states")
    if not ADJECTIVE_END.search(last.text.lower()) or nxt.text.endswith(("ed", "ly")):
        return False
    return not (next_word is not None and next_word.stems & nxt.stems)


def _is_plural(word: str) -> bool:
    """A lower-case English noun in the plural (states, policies; not process, status, basis)."""
    return len(word) > 3 and word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def _opens_next_phrase(tokens: list[EnToken], i: int, j: int) -> bool:
    """The phrase ends "… and X" where X runs on into a lower-case word: X begins the next phrase
    (unless X is a plural, which closes a noun phrase: "provinces or states | combat")."""
    if j - 2 < i or tokens[j - 1].text.lower() not in _COORDINATORS or j + 1 >= len(tokens) or _is_plural(tokens[j].text):
        return False
    nxt = tokens[j + 1]
    return nxt.word and not nxt.stop and bool(nxt.stems) and nxt.text[:1].islower() and not nxt.text.isdigit()


def _has_inner_verb(tokens: list[EnToken], i: int, j: int) -> bool:
    """A past form after the first word ("announced at the Council") or a closing gerund after a
    preposition ("personnel in returning") makes the phrase a clause."""
    if j > i and tokens[j].text.endswith("ing") and tokens[j].text.islower() and tokens[j - 1].text in ("in", "to", "with", "by"):
        return True
    return any(t.text.endswith("ed") and t.text.islower() and "-" not in t.text and len(t.text) > 4
               and not _participle_of_place(tokens, k, j) for k, t in enumerate(tokens[i + 1 : j + 1], i + 1))


def _participle_of_place(tokens: list[EnToken], k: int, j: int) -> bool:
    """Past form k says where, before "in/at" and a name that closes the phrase ("organizations based in
    Chongqing"): it qualifies the noun before it, as "in" alone would, no clause."""
    participle = tokens[k].text
    return (k + 2 <= j and participle.endswith("ed") and participle.islower() and tokens[k + 1].text in _LOCATIVE_EN
            and all(_is_capitalised(t) for t in tokens[k + 2 : j + 1]))


_COUNT_TAGS = {"m", "q", "mq"}


def _en_start_ok(token: EnToken, zh_first: ZhWord, after: EnToken | None = None, modifier: bool = False,
                 counted: bool = False, determined: int = 0) -> bool:
    """An English term does not open with an inflected verb or an adverb (helping, actively), nor
    with a past form when the Chinese opens with a verb (服务… → served…); a gerund may open it
    when the Chinese opens with a noun that modifies the next word (`modifier`), not with a verb
    taking an object (管理资产 → "managing assets"), and so may a word in -ly that the dictionary
    gives for the Chinese word (友好 "friendly"; not 有效 "effectively")."""
    if token.text[:1].isupper() or "-" in token.text:
        return True
    if counted and token.text.endswith("ed") and after is not None and after.stems and not after.stop:
        return True  # a verb after a count (1500余名|滞留海外人员) modifies what is counted: "stranded overseas personnel"
    if token.text.endswith("ed") and (zh_first.tag in ("v", "vn") or after is not None and after.text in _PREPOSITIONS):
        return False  # "announced at the Council…" is a clause
    if zh_first.tag == "v" and is_verb_translation(zh_first.text, token.text, any_sense=True) \
            and not (determined == 1 and after is not None and after.stems and not after.stop) or is_verb_only(token.text):
        return False  # 促进资源共享 → "promote resource sharing" is a verb phrase, not a term (but right after an
        # article or a possessive and before a noun the word is a modifier: the city's open development)
    if token.text.endswith("ing") and modifier and after is not None and after.stems and not after.stop \
            and (zh_first.tag == "n" or zh_first.tag == "vn" and (determined or not is_verb_translation(zh_first.text, token.text))):
        return True  # a gerund before a noun for a Chinese noun before another: 银行体系 → "banking system"
    if token.text.endswith("ly") and modifier and glosses_with(zh_first.text, token.text) and after is not None \
            and after.stems and not after.stop:
        return True  # an adjective in -ly the dictionary gives for the Chinese: 友好交流城市 → "friendly exchange cities"
    return not token.text.endswith(("ing", "ly"))


_ARTICLES = {"a", "an", "the"}


def _determiner_distance(tokens: list[EnToken], i: int) -> int:
    """1 when token i follows an article or a possessive, 2 when it follows one over a lower-case adjective
    ("an efficient | working mechanism"), else 0: a word that stands inside a noun phrase modifies the
    noun after it, as a gerund may (a verb's form only right after the determiner: "the rural |
    revitalization" may still be a verb's object)."""
    def determiner(token: EnToken) -> bool:
        return token.text.lower() in _ARTICLES or _possessive(token.text)

    if i > 0 and determiner(tokens[i - 1]):
        return 1
    adjective = i > 1 and tokens[i - 1].word and not tokens[i - 1].stop and tokens[i - 1].text.islower() \
        and not tokens[i - 1].text.endswith("ing")
    return 2 if adjective and determiner(tokens[i - 2]) else 0


def _possessive(word: str) -> bool:
    """A possessive (city's, countries', or citys where a text dropped its apostrophes: a plural of a word
    in -y would end in -ies)."""
    return word.endswith(("'s", "’s", "s'", "s’")) or len(word) > 3 and word.islower() and word.endswith("ys") \
        and word[-3] not in "aeiou"


def _as_running_text(tokens: list[EnToken], i: int) -> EnToken:
    """Token i, in lower case when it opens the sentence and only its place capitalises it ("Relying on
    the …" is a verb, not a name; a name, "Chongqing", stays capitalised in the middle of text too)."""
    token = tokens[i]
    opening = i == 0 or tokens[i - 1].text in (".", "!", "?", ":", ";")
    if not opening or not token.text[:1].isupper() or token.text.isupper() or any(
            t.text == token.text for t in tokens[i + 1 :]):
        return token
    return replace(token, text=token.text.lower())


_FIRST_PART = re.compile(r"[A-Za-z]+|\d+")


def _uncounted_number(token: EnToken, words: list[ZhWord], a: int, b: int) -> bool:
    """English that opens on a number ("three-hour meeting") for Chinese that holds none (小时会议 of
    3个小时会议): the span was cut after the count."""
    return _opens_on_number(token.text) and not any(w.tag == "m" or ZH_NUMERAL.search(w.text) for w in words[a:b])


@lru_cache(maxsize=1 << 16)
def _opens_on_number(text: str) -> bool:
    """The token's first letters or digits are a number ("three-hour", "3-day")."""
    first = _FIRST_PART.match(text)
    return bool(first and en_numbers(first.group()))


_LOCATIVE_EN = {"in", "to", "at"}
_PREPOSITIONS = {"at", "in", "on", "to", "with", "by", "for", "from", "into", "as"}


def _locative_verb_before(word: ZhWord, tokens: list[EnToken], i: int, j: int) -> bool:
    """A one-character verb of place (驻 "stationed in") just before the span belongs to the term
    when the English says it inside the phrase (驻成都总领事 ↔ consul general in Chengdu); a
    preposition (在 "in") only describes where something is (在渝外籍人员 is no term)."""
    return (len(word.text) == 1 and word.tag == "v" and bool(CJK_RE.match(word.text))
            and any(t.text.lower() in _LOCATIVE_EN for t in tokens[i + 1 : j]))


def _verb_first(tokens: list[EnToken], token_stem_units: list[list[set[int]]], words: list[ZhWord], b: int,
                i: int, ua: int, ub: int) -> bool:
    """Chinese that ends on a verb whose English comes first and takes the rest as its object
    (外国驻渝领馆沟通 ↔ communication with foreign consulates in Chongqing): an action, not a term."""
    if words[b - 1].tag != "v" or i + 1 >= len(tokens) or tokens[i + 1].text.lower() not in _PREPOSITIONS:
        return False
    first = {u for us in token_stem_units[i] for u in us if ua <= u < ub}
    return bool(first) and min(first) >= ub - len(words[b - 1].pieces)


def _located(tokens: list[EnToken], token_stem_units: list[list[set[int]]], words: list[ZhWord], a: int, b: int,
             i: int, j: int, ua: int) -> bool:
    """A place, then what is there (渝外籍人员 ↔ foreign personnel in Chongqing, 香港离岸人民币市场 ↔
    offshore renminbi market in Hong Kong, 两地金融创新 ↔ financial innovation in the two places):
    English that ends "in …" with words translating only the opening Chinese word describes where,
    unless the Chinese says "stationed in" (驻, 驻华), as names of missions do (外国驻渝领馆)."""
    if j - i < 2 or any(w.text.startswith("驻") for w in words[max(a - 1, 0) : b]):
        return False
    at = next((k for k in range(j - 1, i, -1) if tokens[k].text.lower() in _LOCATIVE_EN), None)
    if at is None:
        return False
    place, ub = range(ua, ua + len(words[a].pieces)), ua + sum(len(w.pieces) for w in words[a:b])
    after = [{u for us in token_stem_units[t] for u in us if ua <= u < ub} for t in range(at + 1, j + 1) if tokens[t].stems]
    return bool(after) and all(units and all(u in place for u in units) for units in after)  # (in Hong Kong: two words)


def _reversed_coordination(tokens: list[EnToken], token_stem_units: list[list[set[int]]], i: int, j: int,
                           ua: int, ub: int) -> bool:
    """"A and B" whose B translates Chinese that comes wholly before A's: two phrases joined across
    the sentence ("New Era and Xi Jinping Thought" for 习近平新时代), not a coordination, which keeps
    its order (交流合作 → exchanges and cooperation)."""
    joints = [k for k in range(i + 1, j) if tokens[k].text.lower() in _COORDINATORS]
    if not joints:
        return False

    def pieces(lo: int, hi: int) -> set[int]:
        return {u for t in range(lo, hi) for us in token_stem_units[t] for u in us if ua <= u < ub}

    before, after = pieces(i, joints[-1]), pieces(joints[-1] + 1, j + 1)
    return bool(before and after) and max(after) < min(before)


def _min_zh_coverage(relaxed: bool) -> float:
    """The share of the Chinese span's weight the English must translate."""
    return _MIN_VARIANT_ZH_COVERAGE if relaxed else _MIN_ZH_COVERAGE


def _min_ends(relaxed: bool) -> int:
    """How many ends of the Chinese span (first and last piece) the English must translate."""
    return 1 if relaxed else 2


def _english_phrase(tokens: list[EnToken], i: int, j: int) -> tuple[int, int, list[int]] | None:
    """English tokens i..j trimmed of function words (and of a last word that opens the next phrase),
    with their content tokens; None when they cannot be a term whatever Chinese they stand for."""
    while i <= j and (tokens[i].stop or not tokens[i].word):
        i += 1
    while j >= i and (tokens[j].stop or not tokens[j].word):
        j -= 1
    if _opens_next_phrase(tokens, i, j):
        j -= 2  # "minister of health and chief | state sanitary doctor": the last word opens the next title
    if i <= j and _unsaid_head_after(tokens, i, j):
        j += 1  # "embassies … in foreign | countries" for 外国 "foreign (country)": the noun it implies
    if i > j or not _en_end_ok(tokens[j]) or _has_inner_verb(tokens, i, j):
        return None
    content = [t for t in range(i, j + 1) if tokens[t].stems]
    return (i, j, content) if content else None


def _unsaid_head_after(tokens: list[EnToken], i: int, j: int) -> bool:
    """The phrase stops on a word that only ever stands before a noun (foreign, medical) and a new
    lower-case noun follows: the head the Chinese word implies but its dictionary gloss leaves out."""
    if j + 1 >= len(tokens) or not is_modifier_only(tokens[j].text) or not tokens[j].text.islower():
        return False
    nxt = tokens[j + 1]
    return (nxt.word and not nxt.stop and bool(nxt.stems) and nxt.text.isalpha() and nxt.text.islower()
            and _en_end_ok(nxt) and not nxt.stems & _stems(tokens[i : j + 1]))


def _phrase_score(tokens: list[EnToken], token_stem_units: list[list[set[int]]], units: list[float],
                  words: list[ZhWord], a: int, b: int, english: tuple[int, int, list[int]] | None, ua: int, ub: int,
                  span_chars: float, relaxed: bool = False) -> tuple[float, int, int, int] | None:
    """How well an English phrase (`_english_phrase` of tokens i..j) translates Chinese words a..b:
    (zh coverage × en coverage, content words, i, j), or None when it does not. A token of several parts
    (foreign-related) counts by the share of its parts translated."""
    if english is None:
        return None
    i, j, content = english
    if _cut_inside_phrase(tokens, j, words[b] if b < len(words) else None, j + 1 < len(tokens) and any(token_stem_units[j + 1])) \
            or not _en_start_ok(_as_running_text(tokens, i), words[a], tokens[i + 1] if i + 1 < len(tokens) else None, b - a > 1,
                                a > 0 and words[a - 1].tag in _COUNT_TAGS, _determiner_distance(tokens, i)) \
            or _uncounted_number(tokens[i], words, a, b):
        return None
    span_units = range(ua, ub)
    share = {t: sum(1 for us in token_stem_units[t] if not us.isdisjoint(span_units)) / len(token_stem_units[t])
             for t in content}
    content = [t for t in content if share[t] or not (_implicit_word(tokens, t, i, j)
                                                      or t == i and _writers_nationality(tokens[t], words, a))] or content
    covered = [t for t in content if share[t] >= 0.5]
    if _unsaid_last_conjunct(tokens, share, i, j):
        return None
    en_cov = sum(share.values()) / len(content)
    used = {u for t in covered for us in token_stem_units[t] for u in us if ua <= u < ub}
    first_word, last_word = range(ua, ua + len(words[a].pieces)), range(ub - len(words[b - 1].pieces), ub)
    if ub - 1 not in used and _person_said_by_agent_noun(tokens, token_stem_units, words[b - 1], ub, content, used):
        used.add(ub - 1)
    ends = any(u in used for u in first_word) + any(u in used for u in last_word)  # (an end is a word, any piece)
    if ends == 2 and words[b - 1].tag in _PREDICATE_TAGS and not _last_word_said(token_stem_units, covered, words, a, b, ua):
        ends = 1
    if ends < _min_ends(relaxed) or content[0] not in covered:
        return None  # both ends of the Chinese and the opening English word translated
    if _reversed_coordination(tokens, token_stem_units, i, j, ua, ub) or _located(tokens, token_stem_units, words, a, b, i, j, ua) \
            or _verb_first(tokens, token_stem_units, words, b, i, ua, ub):
        return None
    zh_cov = sum(units[u] for u in used) / span_chars
    if zh_cov < _min_zh_coverage(relaxed) or en_cov < _MIN_EN_COVERAGE:
        return None
    return zh_cov * en_cov, len(content), i, j  # (more content words, not more function words, is more said)


_PREDICATE_TAGS = {"a", "v"}


def _unsaid_last_conjunct(tokens: list[EnToken], share: dict[int, float], i: int, j: int) -> bool:
    """"A and B" whose B the Chinese span does not translate at all: B is the next item of a list
    (美国纽约 ↔ "New York in the US and London": 英国伦敦 follows), not part of the term."""
    joint = next((k for k in range(j - 1, i, -1) if tokens[k].text.lower() in _COORDINATORS), None)
    return joint is not None and not any(share.get(t) for t in range(joint + 1, j + 1))
AGENT_NOUN = re.compile(r"[a-z]{3,}(?:er|or|ist|ian|ant|ent)s?")  # foreigners, depositors, applicants
PERSON_STEM = "person"  # the gloss stem of a Chinese piece that names a person (人士, 人员, 者)


def _person_said_by_agent_noun(tokens: list[EnToken], token_stem_units: list[list[set[int]]], last: ZhWord, ub: int,
                               content: list[int], used: set[int]) -> bool:
    """The span closes on a piece meaning "person" (人士, 人员, 者) and the English closes on an agent noun
    whose stem translates the piece before it (外籍|人士 ↔ foreigners): the suffix says the person."""
    if PERSON_STEM not in last.pieces[-1][1] or ub - 2 not in used:
        return False
    end = tokens[content[-1]]
    return bool(AGENT_NOUN.fullmatch(end.text)) and any(ub - 2 in us for us in token_stem_units[content[-1]]) \
        and not any(ub - 1 in us for t in content for us in token_stem_units[t])


_IMPLICIT_WORDS = {"Chinese"}


def _implicit_word(tokens: list[EnToken], t: int, i: int, j: int) -> bool:
    """Token t, inside phrase i..j between lower-case words, is a nationality the English adds that the Chinese
    leaves unsaid (海外公民 ↔ overseas Chinese citizens); inside a name (Chinese Embassy) it is said."""
    return i < t < j and tokens[t].text in _IMPLICIT_WORDS and tokens[t - 1].text.islower() and tokens[t + 1].text.islower()


_FIRST_PERSON = re.compile(r"我(?:们|国|方)?")


def _writers_nationality(token: EnToken, words: list[ZhWord], a: int) -> bool:
    """The English opens on the writer's nationality where the Chinese says "our" just before the span, or
    before its verb of place (我驻亚美尼亚大使馆 ↔ Chinese Embassy in Armenia): said, outside the span."""
    before = a - 1 if a > 1 and len(words[a - 1].text) == 1 and words[a - 1].tag == "v" else a
    return token.text in _IMPLICIT_WORDS and before > 0 and bool(_FIRST_PERSON.fullmatch(words[before - 1].text))


def _last_word_said(token_stem_units: list[list[set[int]]], covered: list[int], words: list[ZhWord], a: int, b: int,
                    ua: int) -> bool:
    """A closing predicate (紧缺 short of, 值守 on duty) is translated by a covered English token, but
    not by a one-word token that is all another word of the span has ("overseas supplies" for
    国外物资紧缺: "supplies" is 物资's, and 紧缺 "in short supply" goes unsaid)."""
    owner: dict[int, int] = {}  # piece → the span word it belongs to
    u = ua
    for k in range(a, b):
        for _ in words[k].pieces:
            owner[u] = k
            u += 1
    links = {t: {owner[u] for us in token_stem_units[t] for u in us if u in owner} for t in covered}
    mine = b - 1
    for t, found in links.items():
        if mine not in found:
            continue
        if len(token_stem_units[t]) > 1 or found == {mine}:
            return True
        if all(any(k in other for s, other in links.items() if s != t) for k in found - {mine}):
            return True
    return False


_NAME_NUMBER = re.compile(r"[A-Za-z]-\d")


def _name_stems(token: EnToken) -> frozenset[str]:
    """A token's stems, but a number hyphened to a name (COVID-19, G-20) is part of the name, not a
    count the Chinese must say too (a digit glued to a word, Fund3, is a footnote mark: kept)."""
    if not token.text[:1].isupper() or len(token.stems) < 2 or not _NAME_NUMBER.search(token.text):
        return token.stems
    return frozenset(s for s in token.stems if not s.isdigit()) or token.stems


@lru_cache(maxsize=65_536)
def stem_keys(stems: frozenset[str]) -> frozenset[str]:
    """A piece's stems and the prefixes of its long ones: the keys an English stem finds it by."""
    return stems | {s[:STEM_PREFIX] for s in stems if len(s) > STEM_PREFIX}


def _repeated_stems(unit_stems: list[frozenset[str]], ua: int, ub: int) -> frozenset[str]:
    """The stems that more than one of the pieces ua..ub glosses as."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for u in range(ua, ub):
        repeated |= seen & unit_stems[u]
        seen |= unit_stems[u]
    return frozenset(repeated)


def _only_translation(token_stem_units: list[list[set[int]]], t: int, lo: int, hi: int, ua: int, ub: int) -> bool:
    """Token `t` translates a piece of the span (units ua..ub) that no token in lo..hi translates."""
    mine = {u for us in token_stem_units[t] for u in us if ua <= u < ub}
    others = {u for k in range(lo, hi) for us in token_stem_units[k] for u in us}
    return bool(mine - others)


_NO_UNITS: frozenset[int] = frozenset()
_NO_HIT = [_NO_UNITS]


class PieceIndex:
    """The dictionary pieces of Chinese words in order (`units`: their weights, character lengths),
    found by the English stems that translate them: what pairing reads of the Chinese side."""

    __slots__ = ("units", "unit_stems", "first_unit", "by_stem")

    def __init__(self, words: list[ZhWord], keys: set[str] | None = None) -> None:
        """`keys`: index only these stem keys (those the English will look up), else all."""
        self.units: list[float] = []  # weight (character length) of each dictionary piece, in order
        self.unit_stems: list[frozenset[str]] = []
        self.first_unit: list[int] = []  # word → its first piece (and after the last word, the count)
        self.by_stem: dict[str, set[int]] = {}  # stem key → the pieces it finds
        for w in words:
            self.first_unit.append(len(self.units))
            for length, stems in w.pieces:
                u = len(self.units)
                # a lone character inside an unknown word (医用's 用) often goes untranslated: half weight; a dash none
                self.units.append(0 if w.text in _NAME_DASHES or w.text in _QUOTE_WORDS
                                  else length if length > 1 or len(w.pieces) == 1 else 0.5)
                self.unit_stems.append(stems)
                for key in stem_keys(stems) if keys is None else stem_keys(stems) & keys:
                    self.by_stem.setdefault(key, set()).add(u)
        self.first_unit.append(len(self.units))

    def token_units(self, tokens: list[EnToken]) -> list[list[set[int]]]:
        """For each token, the pieces each of its stems finds (see units_of)."""
        return list(map(self.units_of, tokens))

    def finds(self, token: EnToken) -> bool:
        """True when a stem of `token` finds one of the pieces (see units_of)."""
        if not token.stems:
            return False
        return not self.by_stem.keys().isdisjoint(stem_keys(_name_stems(token))) or (
            token.text[:1].isupper() and bool(country_stems(token.text)) and any(self.units_of(token)))

    def units_of(self, token: EnToken) -> list[set[int]]:
        """The pieces each stem of `token` finds (shared sets: read only): its own stem first; a
        shared prefix only when no piece has the stem (international is not interim). An adjective of
        nationality that finds none finds its country's pieces (Italian: those Italy finds)."""
        found = [self._stem_units(s) for s in _name_stems(token)]
        if len(found) == 1 and not found[0] and token.text[:1].isupper() and (countries := country_stems(token.text)):
            found = [set().union(*map(self._stem_units, countries))]
        return found

    def _stem_units(self, s: str) -> set[int]:
        get = self.by_stem.get
        return get(s) or (get(s[:STEM_PREFIX], _NO_UNITS) if len(s) >= STEM_PREFIX else _NO_UNITS)


class SentencePieces:
    """One sentence pair's Chinese pieces indexed by the stems its English looks up, the pieces each
    token finds and the tokens each piece is found by, with the English phrases worked out so far:
    what dictionary pairing and gap links read of it, made once per sentence pair."""

    __slots__ = ("index", "token_units", "unit_tokens", "word_tokens", "phrases_of", "named", "english_of")

    def __init__(self, words: list[ZhWord], tokens: list[EnToken]) -> None:
        countries = [country_stems(tok.text) for tok in tokens if tok.text[:1].isupper()]  # (see PieceIndex.units_of)
        looked_up = {k for stems in chain((tok.stems for tok in tokens), countries) for s in stems for k in (s, s[:STEM_PREFIX])}
        self.index = PieceIndex(words, looked_up)
        self.token_units = self.index.token_units(tokens)
        self.unit_tokens: list[set[int]] = [set() for _ in self.index.units]  # the tokens each piece glosses
        for t, su in enumerate(self.token_units):
            for us in su:
                for u in us:
                    self.unit_tokens[u].add(t)
        first = self.index.first_unit  # the tokens each word glosses (by any of its pieces; shared sets: read only)
        self.word_tokens: list[set[int]] = [set().union(*self.unit_tokens[first[k] : first[k + 1]]) for k in range(len(words))]
        self.phrases_of: dict[tuple, list[tuple[int, int]]] = {}  # (hit tokens, repeated stems) → their expanded runs
        self.named: dict[tuple[int, int], Grown] = {}  # run → _grown
        self.english_of: dict[tuple[int, int], tuple[int, int, list[int]] | None] = {}  # phrase → _english_phrase


def dictionary_pairs(words: list[ZhWord], tokens: list[EnToken], variants_of: Callable[[str], bool] | None = None,
                     spans: list[tuple[int, int]] | None = None, pieces: SentencePieces | None = None) -> list[SpanPair]:
    """zh noun-phrase spans whose dictionary pieces translate a contiguous English phrase: every
    English content word glossed, nearly every Chinese piece used, both ends of the Chinese included.
    With `variants_of`, only the spans it accepts (terms already paired elsewhere), matched loosely:
    half the Chinese and one end translated is enough for another rendering of a known term
    (外籍人士 → foreigners). `spans`: the word ranges to pair (default: zh_spans of the words); `pieces`:
    SentencePieces(words, tokens), if made already."""
    if variants_of is None and spans is None:
        key = (tuple(words), tuple(tokens))
        found = _SENTENCE_PAIRS.get(key)
        if found is None:
            found = _SENTENCE_PAIRS[key] = tuple(_dictionary_pairs(words, tokens, None, None, pieces))
            if len(_SENTENCE_PAIRS) > _SENTENCE_PAIRS_KEPT:
                _SENTENCE_PAIRS.popitem(last=False)
        else:
            _SENTENCE_PAIRS.move_to_end(key)
        return list(found)
    return _dictionary_pairs(words, tokens, variants_of, spans, pieces)


# the dictionary pairs of the latest sentence pairs (words and tokens): reports repeat sentences from year to
# year (a sixth of a worker's sentences)
_SENTENCE_PAIRS: OrderedDict[tuple[tuple[ZhWord, ...], tuple[EnToken, ...]], tuple[SpanPair, ...]] = OrderedDict()
_SENTENCE_PAIRS_KEPT = 4096


def _dictionary_pairs(words: list[ZhWord], tokens: list[EnToken], variants_of: Callable[[str], bool] | None,
                      spans: list[tuple[int, int]] | None, pieces: SentencePieces | None) -> list[SpanPair]:
    spans = zh_spans(words) if spans is None else spans
    if variants_of is not None:
        spans = [(a, b) for a, b in spans if variants_of("".join(w.text for w in words[a:b]))]
        if not spans:
            return []
    pieces = SentencePieces(words, tokens) if pieces is None else pieces
    index, token_stem_units, unit_tokens, word_tokens = pieces.index, pieces.token_units, pieces.unit_tokens, pieces.word_tokens
    first_unit = index.first_unit
    relaxed = variants_of is not None
    min_ends = _min_ends(relaxed)
    min_coverage = _min_zh_coverage(relaxed)
    glossed = [weight if said else 0 for weight, said in zip(index.units, unit_tokens)]  # (pieces some token finds)
    phrases_of, named, english_of = pieces.phrases_of, pieces.named, pieces.english_of
    bridged_of: dict[tuple, list[tuple[int, int]]] = {}  # (hit tokens, repeated stems) → the phrases only bridging makes
    bridgeable = [] if relaxed else [t for t in range(1, len(tokens) - 1) if not any(token_stem_units[t])
                                     and _unlinked_inner_word(tokens[t : t + 1])]
    out = []
    zh_chars, en_chars = max(1, words[-1].end if words else 1), max(1, tokens[-1].end if tokens else 1)
    for a, b in spans:
        ua, ub = first_unit[a], first_unit[b]
        if ub <= ua:
            continue
        first_tokens, last_tokens = word_tokens[a], word_tokens[b - 1]  # the tokens the span's first and last word gloss
        if bool(first_tokens) + bool(last_tokens) < min_ends:
            continue  # no English can translate enough ends of this span
        span_chars = sum(index.units[ua:ub])
        if span_chars and sum(glossed[ua:ub]) < min_coverage * span_chars - 1e-9:
            continue  # too few of its pieces found by any English word: no phrase covers enough of it
        hit = tuple(sorted(set().union(*word_tokens[a:b])))
        key = (hit, _repeated_stems(index.unit_stems, ua, ub) if ub - ua > 1 else frozenset())
        phrases = phrases_of.get(key)
        if phrases is None:
            phrases = phrases_of[key] = _phrases(hit, tokens, key[1], named)
        pair = _span_pair(words, tokens, index, token_stem_units, a, b, phrases, (first_tokens, last_tokens),
                          english_of, words[a].start / zh_chars, en_chars, relaxed)
        if pair is None and bridgeable and any(t - 1 in hit and t + 1 in hit for t in bridgeable):
            bridged = bridged_of.get(key)  # (no phrase of linked words: one over an unlinked inner adjective)
            if bridged is None:
                bridged = bridged_of[key] = [p for p in _phrases(hit, tokens, key[1], {}, bridge=True) if p not in phrases]
            if bridged:
                pair = _span_pair(words, tokens, index, token_stem_units, a, b, bridged, (first_tokens, last_tokens),
                                  english_of, words[a].start / zh_chars, en_chars, relaxed)
        if pair is not None:
            out.append(pair)
    return out


def known_term_pair(word: ZhWord, tokens: list[EnToken], index: PieceIndex) -> SpanPair | None:
    """What `dictionary_pairs([word], tokens, variants_of=lambda _: True, spans=[(0, 1)])` finds: the
    loose pair of one known term, with its pieces indexed once (index = PieceIndex([word])), since
    the draft checker asks term by term."""
    hit = [t for t, token in enumerate(tokens) if index.finds(token)]
    units = len(index.units)
    if not hit or not units:
        return None
    token_stem_units = [_NO_HIT] * len(tokens)  # (a token that finds no piece: as if each of its stems found none)
    for t in hit:
        token_stem_units[t] = index.units_of(tokens[t])
    found = set(hit)
    phrases = _phrases(hit, tokens, _repeated_stems(index.unit_stems, 0, units) if units > 1 else frozenset(), {})
    return _span_pair([word], tokens, index, token_stem_units, 0, 1, phrases, (found, found), {},
                      word.start / max(1, word.end), max(1, tokens[-1].end), relaxed=True)


def lone_word_phrase(token: EnToken) -> tuple[int, int] | None:
    """The (start, end) of the only phrase pairing makes of `token` when no other word near it finds a
    piece of the Chinese: the word itself, for a word in lower case that is not possessive (a name
    grows to the whole name; a possessive loses its 's); else None (pair to know)."""
    if token.text[:1].isupper() or token.text.endswith(("'s", "’s")):
        return None
    return token.start, token.end


Grown = tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None]  # see _grown


def _phrases(hit: list[int] | tuple[int, ...], tokens: list[EnToken], repeated: frozenset[str],
             named: dict[tuple[int, int], Grown], bridge: bool = False) -> list[tuple[int, int]]:
    """The English phrases the hit tokens make: their runs grown to whole names, then also over "of
    the", then names before a person (`named`: run → its `_grown`, shared by the spans of a sentence,
    whose runs recur; `bridge`: see _runs)."""
    runs = _runs(list(hit), tokens, repeated, bridge)
    grown = [named[run] if run in named else named.setdefault(run, _grown(run, tokens)) for run in runs]
    phrases = [whole for whole, _, _ in grown]
    phrases += [p for p in (over_the for _, over_the, _ in grown) if p not in phrases]
    phrases += [p for _, _, p in grown if p and p not in phrases]
    return phrases


def _grown(run: tuple[int, int], tokens: list[EnToken]) -> Grown:
    """A run grown to the whole name it sits in, grown also over "of the", and that name before a person
    who follows it (see _before_person, else None). The run "Office" of "the Foreign Affairs Office of
    the Municipal Government": "Foreign Affairs Office", that and "of the Municipal Government", None
    (as token ranges)."""
    whole = _expand_name(*run, tokens)
    return whole, _expand_name(*run, tokens, over_the=True), _before_person(whole, run, tokens)


def _before_person(phrase: tuple[int, int], run: tuple[int, int], tokens: list[EnToken]) -> tuple[int, int] | None:
    """A name grown right over a person's name in pinyin that follows it (counselor of Chinese Embassy in
    Armenia | Zhou Hongyou): the name before the person, else None."""
    added = tokens[run[1] + 1 : phrase[1] + 1]
    return (phrase[0], run[1]) if 2 <= len(added) <= 3 and all(is_pinyin_word(t.text) for t in added) else None


def _span_pair(words: list[ZhWord], tokens: list[EnToken], index: PieceIndex, token_stem_units: list[list[set[int]]],
               a: int, b: int, phrases: list[tuple[int, int]], ends: tuple[set[int], set[int]],
               english_of: dict[tuple[int, int], tuple[int, int, list[int]] | None], where: float, en_chars: int,
               relaxed: bool) -> SpanPair | None:
    """The best of `phrases` for Chinese words a..b (`ends`: the tokens its first and its last word
    gloss; `where`: its place in the sentence, 0 to 1), or None."""
    units, first_unit = index.units, index.first_unit
    ua, ub = first_unit[a], first_unit[b]
    first_tokens, last_tokens = ends
    min_ends = _min_ends(relaxed)
    span_chars = sum(units[ua:ub])
    best = None
    for i, j in phrases:
        phrase = range(i, j + 1)
        if (not first_tokens.isdisjoint(phrase)) + (not last_tokens.isdisjoint(phrase)) < min_ends:
            continue  # (a cheap bound on _phrase_score's test of the ends)
        if (i, j) not in english_of:
            english_of[i, j] = _english_phrase(tokens, i, j)
        scored = _phrase_score(tokens, token_stem_units, units, words, a, b, english_of[i, j], ua, ub, span_chars, relaxed)
        if scored is not None:  # equal phrases: the one nearest in position (the same term said twice)
            ranked = (scored[0], scored[1], -abs(tokens[scored[2]].start / en_chars - where))
            if best is None or ranked > best[0]:
                best = (ranked, scored[2], scored[3])
    if not best:
        return None
    if b - a > 1 and (_one_words_gloss(words[a:b], tokens[best[1] : best[2] + 1])
                      or _name_said_in_lower_case_part(words[a:b], tokens[best[1] : best[2] + 1])):
        return None
    if any(w.text == _NAME_AND for w in words[a:b]) and not _one_name_with_and(words[a:b], tokens[best[1] : best[2] + 1]):
        return None
    if _generic_head_first(tokens, token_stem_units, words, a, b, best[1], best[2], first_unit):
        return None
    if any(w.text in _QUOTE_WORDS for w in words[a:b]) and not all(_is_capitalised(t) for t in tokens[best[1] : best[2] + 1] if t.stems):
        return None  # (a quotation inside a span: a name inside a name, which the English capitalises)
    (score, *_), i, j = best
    if i < j and tokens[i].text.endswith(("'s", "’s")) and not tokens[i].text[:1].isupper() \
            and not _only_translation(token_stem_units, i, i + 1, j + 1, ua, ub):
        i += 1  # the city's gross regional product → gross regional product (not 国家总体外交's country's)
    if i < j and j + 1 < len(tokens) and tokens[j + 1].text == "up" and tokens[j].text.islower():
        j += 1  # a phrasal verb's particle belongs to the phrase (reform and opening up; not "set up")
    end = tokens[j].end - _possessive_length(tokens, j)
    start = words[a - 1].start if a and _locative_verb_before(words[a - 1], tokens, i, j) else words[a].start
    return SpanPair(start, words[b - 1].end, tokens[i].start, end, score, "variant" if relaxed else "dictionary")


def _possessive_length(tokens: list[EnToken], j: int) -> int:
    """How many letters at the end of English word j are a possessive: 's, or a bare s glued to a
    person's name spelled in pinyin by a text that drops its apostrophes (Xi Jinpings "two positions")."""
    word = tokens[j].text
    if word.endswith(("'s", "’s")):
        return 2
    name = j > 0 and _is_capitalised(tokens[j - 1]) and is_pinyin_word(tokens[j - 1].text)
    return 1 if name and word[:1].isupper() and word.endswith("s") and not is_pinyin_word(word) and is_pinyin_word(word[:-1]) else 0


def _generic_head_first(tokens: list[EnToken], token_stem_units: list[list[set[int]]], words: list[ZhWord], a: int,
                        b: int, i: int, j: int, first_unit: list[int]) -> bool:
    """English that opens on an everyday head word the Chinese ends on, then "of/in/for" and the rest
    (外资企业人员 ↔ staff of foreign-invested enterprises, 领事保护工作 ↔ work in consular
    protection): a general word said of a term, not a term of its own (the term inside pairs alone)."""
    if b - a < 2 or j - i < 2 or tokens[i + 1].text.lower() not in ("of", "in", "for", "on") \
            or tokens[i].text[:1].isupper() or general_frequency(words[b - 1].text) < COMMON_WORD:
        return False
    head = range(first_unit[b - 1], first_unit[b])
    linked = {u for us in token_stem_units[i] for u in us if first_unit[a] <= u < first_unit[b]}
    return bool(linked) and all(u in head for u in linked)


def _one_name_with_and(words: list[ZhWord], tokens: list[EnToken]) -> bool:
    """Chinese joined by the written "and" (及) is one name when the English is Title Case, the word
    before 及 is no name of its own and a shared head follows (货币及金融稳定委员会 ↔ Monetary and
    Financial Stability Committee), not two terms or two names (私募股权及房地产投资 ↔ private equity
    and real estate investments; 日本及欧盟 ↔ Japan and the European Union)."""
    at = next(k for k, w in enumerate(words) if w.text == _NAME_AND)
    if at == 0 or words[at - 1].tag[:2] in ("ns", "nt", "nr") or len(words) - at - 1 < 2:
        return False
    if not any(t.text.lower() in _COORDINATORS for t in tokens) or any(
            t.text.lower() == "and" and u.text.lower() == "the" for t, u in zip(tokens, tokens[1:])):
        return False  # (the English must say "and" too, once, inside the name)
    return all(t.text[:1].isupper() for t in tokens if t.stems)


def _one_words_gloss(words: list[ZhWord], tokens: list[EnToken]) -> bool:
    """The English is the whole dictionary gloss of one of several Chinese words and leaves another
    word's gloss mostly unsaid (韩国全罗南道 ↔ "South Korea": 韩国's gloss, one word of 全罗南道's
    "South Jeolla Province"): it translates that one word, not the longer span."""
    said = tuple(s for t in tokens for s in sorted(t.stems))
    if len(said) < 2 or not any(said in gloss_phrases(w.text) for w in words):
        return False
    keys = set(said) | {s[:STEM_PREFIX] for s in said}

    def unsaid(word: ZhWord) -> bool:
        phrases = gloss_phrases(word.text)
        return bool(phrases) and all(2 * sum(s in keys or s[:STEM_PREFIX] in keys for s in p) < len(p) for p in phrases)

    return any(unsaid(w) for w in words)


def _name_said_in_lower_case_part(words: list[ZhWord], tokens: list[EnToken]) -> bool:
    """A word CC-CEDICT glosses only as a name of several words (上海合作组织 "Shanghai Cooperation
    Organization") that the English links by lower-case words saying less than half of it ("cooperation
    with member" for 上海合作组织成员国): a common word that happens to occur in the name, not the name."""
    capital = stem_keys(frozenset(s for t in tokens if not t.text[:1].islower() for s in t.stems))
    lower = stem_keys(frozenset(s for t in tokens if t.text[:1].islower() for s in t.stems))
    for word in words:
        phrases = gloss_phrases(word.text)
        if not phrases or not is_proper_name(word.text) or stem_keys(word.stems) & capital \
                or not stem_keys(word.stems) & lower or any(len(p) < 2 for p in phrases):
            continue
        if all(2 * sum(bool(stem_keys(frozenset([s])) & lower) for s in p) < len(p) for p in phrases):
            return True
    return False


def gloss_coverage(zh: str, en: str) -> float:
    """Share of the English content words that a CC-CEDICT word inside `zh` translates."""
    stems = content_stems(en)
    if not stems:
        return 0.0
    glossed = zh_gloss_stems(zh)
    prefixes = {g[:STEM_PREFIX] for g in glossed}
    return sum(1 for s in stems if s in glossed or s[:STEM_PREFIX] in prefixes) / len(stems)


def quoted_pairs(zh: str, en: str, words: list[ZhWord] = ()) -> list[SpanPair]:
    """Quoted zh spans with the quoted en span they translate: the only quotation on each side,
    or the one the dictionary supports best. A word just after the Chinese quotation that the English
    quotation translates is part of the term (“两点”定位 ↔ "two positions")."""
    zq = [m for m in _ZH_QUOTED.finditer(zh) if not m.group(0).startswith("《")]
    eq = list(_EN_QUOTED.finditer(en))
    if not zq or not eq:
        return []

    def text(m: re.Match) -> tuple[int, str]:
        g = next(g for g in range(1, m.re.groups + 1) if m.group(g))
        return g, m.group(g)

    out, taken = [], set()
    for zm in zq:
        zg, zh_text = text(zm)
        if len(zh_text) > _MAX_QUOTED_ZH or _SENTENCE_PUNCT.search(zh_text):
            continue
        best, best_score = None, 0.0
        for k, em in enumerate(eq):
            en_text = text(em)[1]
            if k in taken or len(en_text.split()) > _MAX_QUOTED_EN_WORDS or en_text.rstrip()[-1:] in ".!?;,":
                continue
            score = gloss_coverage(zh_text, en_text)
            if score > best_score or best is None and len(zq) == len(eq) == 1:
                best, best_score = k, score
        if best is None:
            continue
        lone = len(zq) == len(eq) == 1 and len(text(eq[best])[1]) <= _MAX_QUOTE_RATIO * EN_PER_ZH * len(zh_text)
        if best_score < 0.3 and not lone:
            continue  # a lone quotation on each side pairs when its length could translate the Chinese
        taken.add(best)
        eg, en_text = text(eq[best])
        end = zm.end(zg)
        head = next((w for w in words if w.start == zm.end()), None)
        if head is not None and content_word(head) and head.tag[:1] in ("n", "v") and len(head.text) > 1 \
                and any(_links(head.stems, t.stems) for t in en_tokens(en_text) if t.stems):
            end = head.end
        out.append(SpanPair(zm.start(zg), end, eq[best].start(eg), eq[best].end(eg), 0.9, "quoted"))
        out += _slogan_halves(zm.start(zg), zh_text, eq[best].start(eg), en_text)
    return out


_ZH_HALVES = re.compile(r"[，,、]")
_EN_HALVES = re.compile(r",?\s+and\s+|,\s+")


def _slogan_halves(zh_at: int, zh: str, en_at: int, en: str) -> list[SpanPair]:
    """The two halves of a quoted slogan (“以人为本，外交为民” ↔ "putting people first and diplomacy
    for the people"), each a term too, when each side splits once into two: paired in order, unless
    the dictionary links them crosswise better (“国家所需、香港所长” ↔ "leveraging Hong Kong's
    advantages, meeting the country's needs": the English says them the other way round)."""
    zh_cuts, en_cuts = list(_ZH_HALVES.finditer(zh)), list(_EN_HALVES.finditer(en))
    if len(zh_cuts) != 1 or len(en_cuts) != 1:
        return []
    zc, ec = zh_cuts[0], en_cuts[0]
    if min(zc.start(), len(zh) - zc.end()) < 2 or min(len(en[: ec.start()].split()), len(en[ec.end() :].split())) < 1:
        return []
    zh_halves = ((zh_at, zh_at + zc.start()), (zh_at + zc.end(), zh_at + len(zh)))
    en_halves = [(en_at, en_at + ec.start()), (en_at + ec.end(), en_at + len(en))]

    def links(zh_half: tuple[int, int], en_half: tuple[int, int]) -> float:
        return gloss_coverage(zh[zh_half[0] - zh_at : zh_half[1] - zh_at], en[en_half[0] - en_at : en_half[1] - en_at])

    if links(zh_halves[0], en_halves[1]) + links(zh_halves[1], en_halves[0]) > \
            links(zh_halves[0], en_halves[0]) + links(zh_halves[1], en_halves[1]):
        en_halves.reverse()
    return [SpanPair(*z, *e, 0.9, "quoted") for z, e in zip(zh_halves, en_halves)]


ZH_PERIOD = re.compile(r"[（(]\s*(\d{4})\s*[—–\-－~至]+\s*(\d{4})\s*年?\s*[）)]")  # a plan's period: （2024—2026年）
_BOOK_TITLE = re.compile(r"《([^》]{2,60})》")
_TITLE_INNER = {"of", "for", "and", "on", "the", "to", "in", "with", "a", "an", "at", "by", "from", "against"}
MIN_TITLE_GLOSS = 0.4  # share of the English title's words the Chinese title's dictionary words gloss
MIN_TITLE_WORDS_GLOSSED = 2  # (one word in common is chance: 财政预算案 and "Financial Secretary")
TITLE_SCORE = 0.9  # as sure as a quotation


def book_title_pairs(zh: str, en: str, tokens: list[EnToken]) -> list[SpanPair]:
    """Titles of documents in book marks (《…通知》) with the Title Case run of the English that the
    dictionary glosses best (Notice on Further Strengthening …), when it glosses enough of it: a
    translator renders a title as a title even where some of its words are not a dictionary's."""
    titles = list(_BOOK_TITLE.finditer(zh))
    if not titles:
        return []
    runs = _title_case_runs(tokens)
    weight: dict[tuple[int, int], float] = {}  # (title, run) -> English words the title glosses, when enough
    for t, title in enumerate(titles):
        for r, (i, j) in enumerate(runs):
            english = en[tokens[i].start : tokens[j].end]
            share = gloss_coverage(title.group(1), english)
            glossed = share * len(content_stems(english))  # (the run the Chinese says most of, not a short one)
            if share >= MIN_TITLE_GLOSS and glossed >= MIN_TITLE_WORDS_GLOSSED:
                weight[t, r] = glossed
    out = []
    for t, r in _title_links(len(titles), len(runs), weight):
        title, (i, j) = titles[t], runs[r]
        period = ZH_PERIOD.search(title.group(1))  # (a plan's period joins both sides after: _with_period)
        end = title.start(1) + period.start() if period and period.end() == len(title.group(1)) else title.end(1)
        out.append(SpanPair(title.start(1), end, tokens[i].start, tokens[j].end, TITLE_SCORE, "quoted"))
    return out


def _title_links(titles: int, runs: int, weight: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """(title, run) links, each title and run in one at most: each title in turn takes the run it glosses
    most, unless linking them in the same order on both sides glosses as much in all (a list of five
    ordinances: 《存款保障计划条例》 is the fourth title and the Deposit Protection Scheme Ordinance the
    fourth run, although the Payment Systems and Stored Value Facilities Ordinance has more words its
    glosses reach)."""
    greedy, taken = [], set()
    for t in range(titles):
        best = max((r for r in range(runs) if (t, r) in weight and r not in taken), key=lambda r: weight[t, r], default=None)
        if best is not None:
            taken.add(best)
            greedy.append((t, best))
    total = [[0.0] * (runs + 1) for _ in range(titles + 1)]  # total[t][r]: the best in order over titles[:t], runs[:r]
    for t in range(1, titles + 1):
        for r in range(1, runs + 1):
            total[t][r] = max(total[t - 1][r], total[t][r - 1],
                              total[t - 1][r - 1] + weight[t - 1, r - 1] if (t - 1, r - 1) in weight else 0.0)
    if total[titles][runs] < sum(weight[link] for link in greedy):
        return greedy
    ordered, t, r = [], titles, runs
    while t and r:
        if total[t][r] == total[t - 1][r]:
            t -= 1
        elif total[t][r] == total[t][r - 1]:
            r -= 1
        else:
            ordered.append((t - 1, r - 1))
            t, r = t - 1, r - 1
    return ordered[::-1]


_YEAR = re.compile(r"(?:19|20)\d\d")


def _title_case_runs(tokens: list[EnToken]) -> list[tuple[int, int]]:
    """Token ranges [i, j] of Title Case runs: capitalised words (a year after one: Annual Report 2015),
    with lower-case function words between two of them, holding two capitalised content words or more.
    A sentence's first word, capitalised as any first word is, opens none when a function word
    follows it (Apart from the …), and "and the" joins two names, not one."""
    out, k, n = [], 0, len(tokens)
    while k < n:
        opening = k == 0 or tokens[k - 1].text in (".", "!", "?", ":", ";")
        if not _is_capitalised(tokens[k]) or tokens[k].stop or opening and k + 1 < n and tokens[k + 1].stop:
            k += 1
            continue
        i = j = k
        while k + 1 < n:
            nxt = tokens[k + 1]
            if _is_capitalised(nxt) or _YEAR.fullmatch(nxt.text) and k == j:
                k += 1
                j = k
            elif nxt.text == "(" and (close := _bracketed_words(tokens, k + 1)) is not None:
                k = j = close  # Banking (Exposure Limits) Code
            elif nxt.word and nxt.text in _TITLE_INNER and not (nxt.text == "the" and tokens[k].text == "and"):
                k += 1
            else:
                break
        if sum(1 for t in tokens[i : j + 1] if _is_capitalised(t) and not t.stop) >= 2:
            out.append((i, j))
        k = j + 1
    return out


def _bracketed_words(tokens: list[EnToken], at: int) -> int | None:
    """The index of the ")" closing the "(" at `at` around capitalised words, when a capitalised word
    follows it: a bracket inside a title; else None."""
    for k in range(at + 1, min(len(tokens), at + 8)):
        if tokens[k].text == ")":
            inside = tokens[at + 1 : k]
            if inside and all(_is_capitalised(t) or t.stop for t in inside) and k + 1 < len(tokens) and _is_capitalised(tokens[k + 1]):
                return k
            return None
    return None


MARKED_SCORE = 0.8  # the Chinese marked as a term, the English found loosely: below a quotation on both sides
_ZH_MARKED = re.compile(r"“([^”]{2,40})”|「([^」]{2,40})」|『([^』]{2,40})』|《([^》]{2,60})》")


def marked_pairs(zh: str, en: str, words: list[ZhWord], tokens: list[EnToken], found: list[SpanPair]) -> list[SpanPair]:
    """Chinese in quotation or book marks that the English does not mark (“成渝地区双城经济圈”建设 ↔
    construction of Chengdu-Chongqing economic circle): the marks fix the Chinese term, so its English
    needs only the loose match of another rendering of a known term (half of it and one end translated).
    A single marked word is the dictionary's to pair (“一把手” is no "work")."""
    paired = {(sp.zh_start, sp.zh_end) for sp in found}
    starts = {w.start: k for k, w in enumerate(words)}
    ends = {w.end: k + 1 for k, w in enumerate(words)}
    spans = []
    for mark in _ZH_MARKED.finditer(zh):
        g = next(g for g in range(1, 5) if mark.group(g))
        a, b = starts.get(mark.start(g)), ends.get(mark.end(g))
        if a is not None and b is not None and b - a > 1 and (mark.start(g), mark.end(g)) not in paired \
                and not _CJK_PUNCT.search(mark.group(g)):
            spans.append((a, b))
    if not spans:
        return []
    return [replace(sp, score=MARKED_SCORE, signal="quoted") for sp in dictionary_pairs(words, tokens, variants_of=lambda _: True, spans=spans)
            if len(content_stems(en[sp.en_start : sp.en_end])) > 1]  # (one English word for a compound: a piece of it)


def abbreviates(acronym: str, phrase: str) -> bool:
    """True when `acronym` can stand for `phrase`: its letters in order within the phrase, the first
    opening a word (Hong Kong Interbank Offered Rate: HIBOR), or the initials of the phrase's
    capitalised words in another order (Chinese Banking Association of Hong Kong: HKCBA); "Hong
    Kong" alone is not HKCBA."""
    letters = [c for c in (acronym[:-1] if acronym.endswith("s") and len(acronym) > 2 else acronym).lower() if c.isalpha()]
    if not letters:
        return False
    initials = sorted(w[0].lower() for w in re.findall(r"[A-Za-z]+", phrase) if w[0].isupper())
    if sorted(letters) == initials:
        return True
    text = phrase.lower()
    at = len(text)
    for k in range(len(letters) - 1, -1, -1):  # Schwartz and Hearst: right to left, the first letter at a word start
        at = text.rfind(letters[k], 0, at)
        while k == 0 and at > 0 and text[at - 1].isalnum():
            at = text.rfind(letters[k], 0, at)
        if at < 0:
            return False
    return True


def acronym_pairs(tokens: list[EnToken], found: list[SpanPair], en: str) -> list[SpanPair]:
    """`Full Name (ABC)`: the zh span paired with the full name gets ABC too."""
    out = []
    for acronym, start, end in acronyms_in_parentheses(en):
        full = []
        for sp in found:
            if 0 <= start - sp.en_end <= 3 and abbreviates(acronym, en[sp.en_start : sp.en_end]):
                full.append(sp)
        if full:  # the best-supported, then longest, Chinese for the full form (中国国际进口博览会, not …进口)
            sp = max(full, key=lambda s: (s.score, s.zh_end - s.zh_start))
            out.append(SpanPair(sp.zh_start, sp.zh_end, start, end, sp.score, "acronym"))
    return out


def definition_pairs(tokens: list[EnToken], found: list[SpanPair], en: str) -> list[SpanPair]:
    """`Long Form (ABC)` where ABC is paired with a Chinese span here (by co-occurrence) and nothing
    pairs the long form yet: the words whose initials spell ABC pair with that span too
    (authorized institutions (AIs) → 认可机构)."""
    out = []
    for acronym, start, end in acronyms_in_parentheses(en):
        chinese = [sp for sp in found if (sp.en_start, sp.en_end) == (start, end)]
        if not chinese:
            continue
        long_form = long_form_before(acronym, start, tokens)
        if long_form is not None and not any(sp.en_start <= long_form[0] and long_form[1] <= sp.en_end for sp in found):
            sp = max(chinese, key=lambda s: s.score)  # (a long form the dictionary pairs keeps its Chinese)
            out.append(SpanPair(sp.zh_start, sp.zh_end, *long_form, sp.score, "acronym"))
    return out


def long_form_before(acronym: str, start: int, tokens: list[EnToken]) -> tuple[int, int] | None:
    """The (start, end) of the words right before the "(" of `acronym` (which starts at `start`) whose
    initials spell it: "Securities and Futures Commission" before "(SFC)"; else None."""
    words = []  # the words just before "(", nearest first, up to the previous punctuation
    for tok in reversed([t for t in tokens if t.end <= start - 1]):
        if not tok.word or len(words) > 2 * len(acronym):
            break
        words.append(tok)
    first = _spelled_by_initials(acronym.rstrip("s") if acronym[-1:] == "s" and acronym[:-1].isupper() else acronym, words[::-1])
    return None if first is None else (first.start, words[0].end)


def _spelled_by_initials(acronym: str, words: list[EnToken]) -> EnToken | None:
    """The first word of the shortest tail of `words` whose initials spell `acronym` (a function word's
    initial may count or not: People's Bank of China → PBoC), or None."""
    letters = acronym.lower()
    for k in range(len(words) - 1, -1, -1):
        if not words[k].stop and words[k].text[:1].lower() == letters[:1] and _spells(letters, words, k, 0):
            return words[k]
    return None


def _spells(letters: str, words: list[EnToken], k: int, at: int) -> bool:
    """The initials of words[k:] spell letters[at:] (see _spelled_by_initials)."""
    if k == len(words):
        return at == len(letters)
    parts = [p[0].lower() for p in re.split(r"[-‐–]", words[k].text) if p]
    if words[k].stop and _spells(letters, words, k + 1, at):
        return True
    return letters.startswith("".join(parts), at) and _spells(letters, words, k + 1, at + len(parts)) \
        or letters.startswith(parts[0], at) and _spells(letters, words, k + 1, at + 1)


def _lost_apostrophe(word: str) -> bool:
    """A pinyin name with a possessive s glued on (Jinpings, Chongqings): the text lost its apostrophe."""
    return len(word) > 3 and word.endswith("s") and not is_pinyin_word(word) and is_pinyin_word(word[:-1])


def pinyin_pairs(words: list[ZhWord], tokens: list[EnToken]) -> list[SpanPair]:
    """Names spelled in pinyin (Zhang Yongwu, Chengdu) with the run of whole Chinese words they read as."""
    out = []
    ends = {w.end for w in words}
    text = "".join(" " * (w.start - (words[k - 1].end if k else 0)) + w.text for k, w in enumerate(words))  # (w.start indexes it)
    n = len(tokens)
    i = 0
    while i < n:
        if not (_is_capitalised(tokens[i]) and is_pinyin_word(tokens[i].text)) or tokens[i].text.isupper():
            i += 1
            continue
        j, cut = i, 0
        while j + 1 < n and _is_capitalised(tokens[j + 1]) and j - i < 2:
            if is_pinyin_word(tokens[j + 1].text):
                j += 1
            elif j > i - 1 and _lost_apostrophe(tokens[j + 1].text):
                j, cut = j + 1, 1  # Xi Jinpings “two positions”: a possessive whose apostrophe the text lost
                break
            else:
                break
        name = "".join(t.text for t in tokens[i : j + 1])[: len("".join(t.text for t in tokens[i : j + 1])) - cut]
        if len(name) >= 5 or (j > i and len(name) >= 4):
            folded = fold_pinyin_query(name)
            for w in words:
                if not CJK_RE.match(w.text):
                    continue
                chunk = text[w.start : w.start + 5]
                if not chunk or not any(folded.startswith(r) for r in char_readings(chunk[0])):
                    continue  # (no reading of its first character opens the name: no span from 0, a cheap test)
                span = pinyin_span(name, chunk)
                if span and span[0] == 0 and 2 <= span[1] <= 4 and w.start + span[1] in ends:
                    out.append(SpanPair(w.start, w.start + span[1], tokens[i].start, tokens[j].end - cut, 0.8, "pinyin"))
                    break
        i = j + 1
    return out


_ZH_CLAUSE = re.compile(r"[^，,；;。：:！？!?（）()“”‘’「」『』《》\n]+")
_LIST_MARK = "、"
_EN_LIST_WORDS = {"and", "or"}
_MAX_LIST_ITEM_WORDS = 6


MIN_COMPOUND_PARTS = 3  # two-part compounds (China-Europe) are mostly pieces of longer names


def compound_pairs(words: list[ZhWord], tokens: list[EnToken]) -> list[SpanPair]:
    """A Chinese word of single characters, each abbreviating one part of a hyphened English compound
    (铁公水空 ↔ railway-road-water-air): as many characters as parts, at least half of them glossing the
    part in their own place and none glossing a part in another place."""
    compounds = [(t, [token_stems(part) for part in t.text.split("-")]) for t in tokens
                 if t.word and t.text.count("-") >= MIN_COMPOUND_PARTS - 1 and t.text.replace("-", "").isalpha()]
    out = []
    for word in words if compounds else ():
        if len(word.text) < MIN_COMPOUND_PARTS or len(word.text) > 2 * MIN_COMPOUND_PARTS or not all(map(CJK_RE.match, word.text)):
            continue
        chars = [stem_keys(cedict().get(c, frozenset())) for c in word.text]
        for token, parts in compounds:
            if len(parts) != len(chars) or not all(parts):
                continue
            links = [[bool(chars[k] & stem_keys(part)) for part in parts] for k in range(len(chars))]
            own = sum(links[k][k] for k in range(len(chars)))
            crossed = any(links[k][m] and not links[k][k] for k in range(len(chars)) for m in range(len(parts)) if m != k)
            if 2 * own >= len(chars) and not crossed:
                out.append(SpanPair(word.start, word.end, token.start, token.end, 0.75 + 0.25 * own / len(chars), "compound"))
    return out


def _zh_list_items(zh: str, words: list[ZhWord]) -> list[list[tuple[int, int]]]:
    """The enumerations of a Chinese sentence (A、B、C), each as the word ranges [a, b) of its items:
    the text between two marks, and for the first and last items, everything up to the clause's edge."""
    lists = []
    for clause in _ZH_CLAUSE.finditer(zh):
        if _LIST_MARK not in clause.group():
            continue
        inside = [k for k, w in enumerate(words) if clause.start() <= w.start and w.end <= clause.end()]
        if not inside:
            continue
        items, a = [], inside[0]
        for k in inside:
            if words[k].text == _LIST_MARK:
                items.append((a, k))
                a = k + 1
        items.append((a, inside[-1] + 1))
        if all(b > a for a, b in items):
            lists.append(items)
    return lists


def _en_list_segments(tokens: list[EnToken], linked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges [i, j] between list separators (commas, semicolons, "and", "or", other
    punctuation) of an English sentence; a separator inside an English span already paired
    ("prevention and control") does not cut."""
    def inside_linked(tok: EnToken) -> bool:
        return any(s <= tok.start and tok.end <= e for s, e in linked)

    segments, start = [], 0
    for k, tok in enumerate(tokens):
        separator = (not tok.word and tok.text not in ("&", "-", "'", "’")) or tok.text.lower() in _EN_LIST_WORDS
        if separator and not inside_linked(tok):
            if k > start:
                segments.append((start, k - 1))
            start = k + 1
    if start < len(tokens):
        segments.append((start, len(tokens) - 1))
    return segments


def list_pairs(words: list[ZhWord], tokens: list[EnToken], found: list[SpanPair], zh: str) -> list[SpanPair]:
    """Items of a Chinese enumeration (A、B、C) with the English list items in the same places: when
    the items already paired sit in the English list (split at commas, "and", "or") all at the same
    distance from their Chinese places, the unpaired items pair by position (translators keep the
    order of a list; the dictionary often knows some items but not all)."""
    lists = _zh_list_items(zh, words)
    if not lists:
        return []
    linked = [(sp.en_start, sp.en_end) for sp in found if sp.signal != "acronym"]
    segments = _en_list_segments(tokens, linked)
    if len(segments) < 3:
        return []

    def content_range(i: int, j: int) -> tuple[int, int]:
        while i <= j and tokens[i].stop:
            i += 1
        while j >= i and tokens[j].stop:
            j -= 1
        return i, j

    segment_of_start = {tokens[content_range(i, j)[0]].start: s for s, (i, j) in enumerate(segments) if content_range(i, j)[0] <= j}
    segment_of_end = {tokens[j].end: s for s, (i, j) in enumerate(segments)}
    out = []
    for items in lists:
        offsets = set()
        anchored = set()
        for k, (a, b) in enumerate(items):
            start, end = words[a].start, words[b - 1].end
            for sp in found:
                if sp.signal == "acronym":
                    continue
                if (sp.zh_start == start or k == 0) and (sp.zh_end == end or k == len(items) - 1) \
                        and start <= sp.zh_start and sp.zh_end <= end:
                    s_start, s_end = segment_of_start.get(sp.en_start), segment_of_end.get(sp.en_end)
                    if s_start is not None and s_start == s_end:
                        offsets.add(s_start - k)
                        anchored.add(k)
        if len(offsets) != 1:
            continue
        shift = offsets.pop()
        spans = set(zh_spans(words))
        for k, (a, b) in enumerate(items):
            s = k + shift
            if k in anchored or not 0 <= s < len(segments):
                continue
            i, j = content_range(*segments[s])
            if i > j:
                continue
            if 0 < k < len(items) - 1:
                chosen = ((a, b), (i, j)) if (a, b) in spans else None
            else:
                chosen = _list_edge_item(words, tokens, spans, a, b, i, j, first=k == 0)
            if chosen is None:
                continue
            (a, b), (i, j) = chosen
            if any(w.tag == "c" or w.tag.startswith("nr") for w in words[a:b]):
                continue  # (an item joining two things, 处置机制及外汇基金投资, or naming a person is no term)
            if j - i + 1 > _MAX_LIST_ITEM_WORDS or not all(t.word for t in tokens[i : j + 1]) \
                    or not _en_end_ok(tokens[j]) or tokens[i].text.endswith("ly") or is_verb_only(tokens[i].text) \
                    or not tokens[i].text.endswith("ed") and is_verb_translation(words[a].text, tokens[i].text):
                continue  # (a verb and its object, 包括信用 ↔ including credit, is no item; between two
                # separators, a past form before a noun is an adjective: centralized quarantine)
            out.append(SpanPair(words[a].start, words[b - 1].end, tokens[i].start, tokens[j].end, 0.9, "list"))
    return out


def _links(stems: frozenset[str], other: frozenset[str]) -> bool:
    """Two sets of stems share a stem (or its first STEM_PREFIX letters)."""
    return bool(stem_keys(stems) & stem_keys(other))


def _list_edge_item(words: list[ZhWord], tokens: list[EnToken], spans: set[tuple[int, int]], a: int, b: int,
                    i: int, j: int, first: bool) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The term inside the first (or last) item of an enumeration, whose outer edge runs on into the
    clause (实现|信息交互、… ↔ realized … of | information exchange,): the longest Chinese span at the
    list's side with the whole English item when its opening is no verb, else the pair whose outer
    words translate each other."""
    chinese = sorted(((x, y) for x, y in spans if a <= x and y <= b and (y == b if first else x == a)),
                     key=lambda r: r[0] - r[1])
    if not chinese:
        return None
    (x, y) = chinese[0]
    if first and x > a and _said_before_separator(words[x - 1], tokens, i):
        return None  # (形成联防|联控、 ↔ joint prevention, | joint control: one Chinese item, two English ones)
    if all(not t.stop for t in tokens[i : j + 1]) and _en_start_ok(tokens[i], words[x], tokens[i + 1] if i < j else None, y - x > 1):
        return (x, y), (i, j)
    for x, y in chinese:
        outer = words[x] if first else words[y - 1]
        for k in (range(i, j + 1) if first else range(j, i - 1, -1)):
            lo, hi = (k, j) if first else (i, k)
            if not any(t.stop for t in tokens[lo : hi + 1]) and _links(outer.stems, tokens[lo if first else hi].stems) \
                    and not any(_links(w.stems, t.stems) for w in words[x:y] for t in tokens[i:lo] + tokens[hi + 1 : j + 1]):
                return (x, y), (lo, hi)  # (no word of the Chinese translates the rest of the English item)
    return None



def _said_before_separator(word: ZhWord, tokens: list[EnToken], i: int) -> bool:
    """The English words just before the separator that opens the item at token `i` translate `word`:
    the Chinese item runs on across a separator the Chinese list does not have."""
    k = i - 1
    while k >= 0 and not tokens[k].word:
        k -= 1
    if k == i - 1:
        return False  # (no separator there: the item opens the clause)
    lo = k
    while lo > 0 and tokens[lo - 1].word and not tokens[lo - 1].stop:
        lo -= 1
    return len(word.text) > 1 and any(_links(word.stems, t.stems) for t in tokens[lo : k + 1])


MAX_TITLE_WORDS = 3


def name_title_pairs(words: list[ZhWord], tokens: list[EnToken], found: list[SpanPair]) -> list[tuple[SpanPair, SpanPair]]:
    """A title beside a person's name paired by pinyin, linked by the dictionary or not (习近平主席 ↔
    President Xi Jinping; 习近平总书记 ↔ General Secretary Xi Jinping): the noun just before or after the
    Chinese name and the capitalised words just before the English name, when neither translates
    anything else in the sentence pair; each with the name it stands beside."""
    names = [sp for sp in found if sp.signal == "pinyin"]
    if not names:
        return []
    word_keys = [stem_keys(w.stems) for w in words]
    token_keys = [stem_keys(t.stems) for t in tokens]
    out = []
    for name in names:
        first = next((k for k, t in enumerate(tokens) if t.start == name.en_start), None)
        if first is None or sum(1 for t in tokens if name.en_start <= t.start < name.en_end) < 2:
            continue  # (a name of one word is mostly a place)
        i = first
        while i > 0 and first - i < MAX_TITLE_WORDS and _is_capitalised(tokens[i - 1]) and not tokens[i - 1].stop:
            i -= 1
        if i == first:
            continue
        title = range(i, first)
        for k, w in enumerate(words):
            if not ((w.end == name.zh_start or w.start == name.zh_end) and w.tag.startswith("n") and len(w.text) > 1
                    and w.text in cedict()):
                continue
            links = {t for t, keys in enumerate(token_keys) if word_keys[k] & keys}
            if links <= set(title) and not any(token_keys[t] & word_keys[x] for t in title for x in range(len(words)) if x != k):
                out.append((SpanPair(w.start, w.end, tokens[i].start, tokens[first - 1].end, 0.8, "title"), name))
    return out


_TITLE_TO_NAME = re.compile(r"\s+(?:(?:of|to|in|at)\s+[^\s,;.:()]+(?:\s+[^\s,;.:()]+){0,7}\s+)?")


def title_pairs(found: list[SpanPair], en: str) -> list[SpanPair]:
    """Titles in apposition to a person's name (副市长李波 ↔ vice mayor Li Bo; 大使馆参赞周宏友 ↔
    counselor of Chinese Embassy in Armenia Zhou Hongyou): a pair next to a name paired by pinyin,
    its English before the name or before what it is of. A name of two or more English words is
    a person's (a one-word pinyin name is mostly a place)."""
    names = [sp for sp in found if sp.signal == "pinyin" and len(en[sp.en_start : sp.en_end].split()) >= 2]
    out = []
    for name in names:
        for sp in found:
            if sp.signal not in ("pinyin", "acronym") and (sp.zh_end == name.zh_start or sp.zh_start == name.zh_end) \
                    and sp.en_end <= name.en_start and _TITLE_TO_NAME.fullmatch(en, sp.en_end, name.en_start):
                out.append(SpanPair(sp.zh_start, sp.zh_end, sp.en_start, sp.en_end, sp.score, "title"))
    return out
