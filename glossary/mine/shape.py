"""Which mined pairs are terms: general vocabulary (a word CC-CEDICT already translates so,
everyday words put together), descriptions and whole clauses are left out."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

from glossary.align.anchors import en_numbers
from glossary.keys import CJK_RE, zh_key
from glossary.lexicon import (STOPWORDS, cedict, content_stems, english_word_class, is_dictionary_translation, is_verb_only, written_as_acronym,
                               zh_gloss_stems)
from glossary.mine.pairing import AGENT_NOUN, PERSON_STEM, ZH_NUMERAL, stem_keys
from glossary.mine.tokens import COMMON_WORD, ZhWord, cleared_on_new_words, dictionary_tag, token_stems, general_frequency, word_pieces, zh_words

_PRONOUNS = frozenset({"i", "we", "us", "our", "ours", "you", "your", "my", "me", "he", "him", "his", "she", "her",
                       "they", "them", "their", "it", "its"})
MAX_PHRASE_WORDS = 12
MAX_NAME_WORDS = 24  # titles of plans and laws run long ("Three-Year Action Plan of … (2024-2026)")
LONG_PHRASE_WORDS = 4  # lower-case renderings with this many different content words are descriptions
NAME_SIGNALS = frozenset({"pinyin", "transliteration"})  # a name read by its sound
COUNT_MODIFIER = re.compile(r"\b(\d+)-([A-Za-z]+)\b")  # 24-hour, 3-day: a count said of the noun, no content word


def is_name(en: str) -> bool:
    """A Title Case name of two or more words (Foreign Affairs Liaison Group): a term of its own
    even inside a longer description (but a piece of a longer name is not)."""
    content = [w for w in en.split() if w[:1].isalpha() and w.lower() not in STOPWORDS]  # (not "(2024-2026)")
    return len(content) >= 2 and all(w[:1].isupper() for w in content)


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _opens_on_adverb(zh: str) -> bool:
    """The Chinese opens on a word jieba tags as an adverb (the dictionary glosses it as a modifier:
    相互, 长期, 最新)."""
    words = zh_words(zh)
    return len(words) > 1 and words[0].tag == "d"


_CAUSATIVES = frozenset({"让", "使", "令"})  # let, make


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _opens_on_causative(zh: str) -> bool:
    """The Chinese opens on a causative verb of one character, then more words (令|流动性 "makes liquidity",
    让|与会者|分享 "lets participants share"): who is made to do what, a clause, no term."""
    words = zh_words(zh)
    return len(words) > 1 and words[0].text in _CAUSATIVES


def _general_phrase(zh: str) -> bool:
    """Everyday words put together (工作方法 work methods, 国际合作 international cooperation): every
    word of several characters and common in general Chinese. Known only by its dictionary
    translation, such a phrase is general language, not a term."""
    words = zh_words(zh)
    return len(words) > 1 and all(len(w.text) > 1 and general_frequency(w.text) >= COMMON_WORD for w in words)


COMMON_COORDINATED = 3_000  # two words joined by "and" are general language at a lower frequency


def _everyday_pair(zh: str, en: str) -> bool:
    """Two (or three) everyday words side by side that the English joins with "and" (交流合作 exchanges
    and cooperation, 健康安全 health and safety, 主要目标任务 main targets and tasks): a coordination
    of common words, not one concept; so are two places jieba does not know together (渝港 Chongqing and
    Hong Kong), and "A and the B" outside a name (党和国家 the Party and the country: two things, each
    with its article)."""
    return bool(re.search(r"\s(?:and|&)\s", en)) and (_few_everyday_words(zh) or _places_side_by_side(zh)) \
        or bool(_AND_THE.search(en)) and not is_name(en)


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _places_side_by_side(zh: str) -> bool:
    """Two places (abbreviations or names) that jieba does not know as one word (渝港 Chongqing and Hong
    Kong; 港澳, a word of its own, is a fixed pair): two places named side by side."""
    words = zh_words(zh)
    return len(words) == 2 and all(w.tag in _PLACE_OR_ABBREVIATION for w in words)


_PLACE_OR_ABBREVIATION = {"j", "ns"}


_AND_THE = re.compile(r"\sand\s+the\s", re.IGNORECASE)


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _few_everyday_words(zh: str) -> bool:
    """Two or three common words, jieba's or the dictionary pieces of a word jieba joined that the
    dictionary lacks (文化教育: 文化 + 教育)."""
    words = [piece for w in zh_words(zh) for piece in _dictionary_pieces(w)]
    return len(words) in (2, 3) and all(len(w) > 1 and general_frequency(w) >= COMMON_COORDINATED for w in words)


def _dictionary_pieces(word: ZhWord) -> list[str]:
    """The word itself when the dictionary has it, else the texts of its dictionary pieces."""
    if word.text in cedict() or len(word.pieces) < 2:
        return [word.text]
    ends = list(accumulate(length for length, _ in word.pieces))
    return [word.text[a:b] for a, b in zip([0] + ends, ends)]


_TIME_TAGS = {"t", "m", "mq", "q", "tg"}


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _time_expression(zh: str) -> bool:
    """A time or an amount said in words only (过去一年 past year, 今年上半年, 七天): no term."""
    words = zh_words(zh)
    if len(words) == 1:  # one time word that counts (七天 seven-day, 半世纪; not 两会 "two sessions", tagged m)
        return words[0].tag == "t" and bool(ZH_NUMERAL.match(zh))
    return all(w.tag in _TIME_TAGS for w in words)


_CJK_NUMERAL = re.compile(r"[〇零一二三四五六七八九十两百千万亿首第半单双]")


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _closes_on_count(zh: str, en: str) -> bool:
    """The Chinese closes on a count in words (jieba's numeral: 加息|三次 "three interest rate", 批出|首批 "first
    batch", 任期|两年 "two-year term") that the English says as a number: how many or which one said of a thing,
    no term. Not a name (两个一百年 ↔ Two Centenary Goals), nor a year in digits (香港金融科技周2024), nor a
    numeral word the English says as a noun (防疫一线 ↔ front line of epidemic prevention)."""
    words = zh_words(zh)
    return len(words) > 1 and words[-1].tag == "m" and bool(_CJK_NUMERAL.search(words[-1].text)) and not is_name(en) \
        and any(en_numbers(w) for w in en.split())


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _idiom(zh: str) -> bool:
    """One set idiom of general Chinese (jieba's "i": 安危冷暖 safety and well-being, 一视同仁): a
    turn of phrase the English paraphrases, not a term (a slogan the text marks comes as quoted)."""
    words = zh_words(zh)
    return len(words) == 1 and words[0].tag == "i"


_ADJECTIVE_SHAPE = re.compile(r"(?:ant|ent|able|ible|ful|ous|ive)$")


def _qualified_noun(zh: str, en: str) -> bool:
    """An adjective said of a noun (显著成效 significant results, 有利契机 favorable opportunity): a
    Chinese adjective, then one word, for an English adjective of an evaluating shape and its noun;
    a judgement on a thing, not a name for a concept (健康检测 health test opens on a noun)."""
    english = en.split()
    return (len(english) == 2 and english[0].islower() and bool(_ADJECTIVE_SHAPE.search(english[0]))
            and _adjective_then_word(zh))


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _adjective_then_word(zh: str) -> bool:
    words = zh_words(zh)
    return len(words) == 2 and words[0].tag == "a" and len(words[0].text) > 1


def is_term_shaped(zh: str, en: str, signals: set[str]) -> bool:
    """Leave out general vocabulary (a word CC-CEDICT already translates so, a short word for one
    English word) and whole clauses."""
    if zh_key(zh) == zh_key(en) or not CJK_RE.search(zh):  # KF94 ↔ KF94: nothing to translate; Latin
        return False  # words inside the Chinese (MarketingEvents Awards) are no Chinese term
    if _coordinates_alone(zh, en):
        return False  # two names for one: the Chinese span runs over "and" into the next name
    if _closes_on_unsaid_localiser(zh, en):
        return False  # 兑换范围内 "within the Convertibility Zone": the place said of the term, no part of it
    if _EN_NEGATION.search(en) and not _ZH_NEGATION.search(zh):
        return False  # 牟利机构 "profit-making body" ↔ not-for-profit organisation: the Chinese span lost its 非
    if _one_end_of_a_span(zh, en):
        return False  # 收入比率 ↔ price-to-income ratio: the Chinese says "income" and not "price"
    if _PREPOSITION_INSIDE.match(en) or _CONJOINED_PREPOSITION.search(en):
        return False  # "respect to cyber risk": cut out of "with respect to", a preposition and its object;
        # "Exchange Fund and of the Group": two phrases ("of the Exchange Fund and of the Group") cut in the first
    if signals & {"quoted", "acronym", "defined", "cooccurrence", "title", "compound"}:
        return True
    if _general_phrase(zh) or _everyday_pair(zh, en) or _qualified_noun(zh, en) or _time_expression(zh) or _idiom(zh) \
            or _closes_on_count(zh, en):
        return False
    words = en.replace("-", " ").split()  # foreign-aid: two words
    if any(w.lower() in _PRONOUNS and not w.isupper() and not written_as_acronym(w) for w in words):  # (IT is a field)
        return False  # "Review of Our Work": a writer speaking, not a name for a concept
    if _CLAUSE_OPENING.match(en) or _verb_at_edge(en):
        return False  # "sets the Base Rate", "cannot ensure": a verb opens a clause, not a name for a concept
    if _ends_on_adjective_or_verb(en):
        return False  # "banking supervisory", "help promote": cut short before its noun, or a clause
    if _count_unsaid(zh, en):
        return False  # "number of public enquiries" ↔ 公众查询: the English counts what the Chinese names
    if _predicate_said_first(zh, en) or _subject_and_verb(zh, en) or _lower_case_word_before_name(en):
        return False  # a state or an action said of a noun (robust credit, market continues), a piece of a name
    if _opening_word_then_its_object(zh, en):
        return False  # an action and what it is done to (use of data), a part and its whole (series of steps)
    if signals.isdisjoint(NAME_SIGNALS) and _function_character_glued(zh):  # (a name read by its sound may
        return False  # be any characters: 娜努尚 Nanushyan)
    if _opens_on_causative(zh):
        return False  # 让|商户|可|使用 "lets merchants use": someone made to do something, a clause
    if _opens_on_adverb(zh) and not is_name(en):
        return False  # 最新发展 latest developments, 仍然温和 still-moderate: said of something, unless a name
        # (长期增长组合 Long-Term Growth Portfolio, 快速支付系统 Faster Payment System)
    if (len(words) == 1 or len(zh) <= 2 or _everyday_compound(en)) and is_dictionary_translation(zh, en):
        return False
    if len(words) == 1 and not (en.isupper() or any(c.isdigit() for c in en)):
        return not signals.isdisjoint(NAME_SIGNALS) or _person_compound(zh, en)
    if _local_description(zh, en, signals):
        return False
    content = [w for w in COUNT_MODIFIER.sub(" ", _without_said_place(zh, en)).replace("-", " ").split()
               if w.lower() not in STOPWORDS and not _ordinal(w)]
    if len({w.lower() for w in content}) >= LONG_PHRASE_WORDS and not all(w[:1].isupper() or not w[:1].isalpha() for w in content) \
            and not _noun_compound(zh, en):
        return False  # a long lower-case phrase is a description, not a name someone must reuse (an order,
        # "first deputy minister of health", says no more of it)
    return len(words) <= (MAX_NAME_WORDS if is_name(en) else MAX_PHRASE_WORDS)


_ZH_CONJUNCTIONS = frozenset({"及", "以及", "和", "与", "或", "或者", "暨", "、"})  # and, or; 、 lists
_EN_COORDINATION = re.compile(r"\b(?:and|or|nor|with|between|versus|vs|to|plus)\b|[&/,+]|[A-Z][\w’']*[-–][A-Z]")


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _coordinates_alone(zh: str, en: str) -> bool:
    """The Chinese joins two things with a conjunction word (及, 和, 与, 、) the English does not say ("and",
    "or", "with", a list's comma, Hong Kong-Switzerland), and the English is no acronym
    (外汇基金票据及债券 ↔ EFBNs): a span run over the conjunction into the next name, paired with one of
    them (咨询委员会及接受存款公司咨询委员会 ↔ Banking Advisory Committee, HKMA 2024)."""
    if _EN_COORDINATION.search(en) or " " not in en and written_as_acronym(en):
        return False
    words = zh_words(zh)
    return any(w.text in _ZH_CONJUNCTIONS for w in words[1:-1])


_EN_NEGATION = re.compile(r"\b(?:non|not)-", re.IGNORECASE)  # non-executive, not-for-profit
_ZH_NEGATION = re.compile(r"[非不无未没免反]")
_FROM_TO = re.compile(r"\b([A-Za-z]+)-to-([A-Za-z]+)\b")  # loan-to-deposit, person-to-person
_ZH_LINKS = frozenset("到至对比")  # to, against: 国门|到|家门 border-to-home, 人|对|人
_MUTUAL = re.compile(r"[间互相]")  # between, mutual: 银行间


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _one_end_of_a_span(zh: str, en: str) -> bool:
    """An English "A-to-B" compound of two content words whose Chinese translates one end only (收入比率 ↔
    price-to-income ratio, HKMA 2015: no 价; 住宅按揭贷款 ↔ loan-to-value), or "A-to-A" for Chinese that says A
    once (个人 ↔ person-to-person): the Chinese cut to one end of the span the English names. Chinese that says
    the span ("to": 国门|到|家门 ↔ border-to-home; "between": 银行间) and a compound the dictionary has for a word
    (面对面 face-to-face) stay."""
    compound = _FROM_TO.search(en)
    if not compound or any(w.lower() in STOPWORDS for w in compound.groups()):
        return False  # (up-to-date)
    words = zh_words(zh)
    if any(is_dictionary_translation(w.text, compound.group(0).lower()) for w in words):
        return False
    if any(w.text in _ZH_LINKS for w in words) or _MUTUAL.search(zh):
        return False  # (the Chinese says the span itself)
    a, b = (w.lower() for w in compound.groups())
    said_a, said_b = ([w for w in words if _translates(w, end)] for end in (a, b))
    return len(said_a) < 2 if a == b else bool(said_a) != bool(said_b)


_LOCALISERS = frozenset("内外上中下间后前里时")  # within, outside, on, in, under, among, after, before, inside, when
_EN_LOCATIVE = re.compile(r"\b(?:in|within|inside|outside|out|on|upon|over|under|below|above|among|amid|between|after|before"
                          r"|during|following|prior|beyond|across|post|pre|inter|intra|extra|at|when|while|time)\b", re.IGNORECASE)


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _closes_on_unsaid_localiser(zh: str, en: str) -> bool:
    """The Chinese closes on a localiser ("within", "under", "after": 内, 下, 后) the English has no word
    for: jieba's word of that one character after another word (兑换|范围|内 ↔ Convertibility Zone, HKMA
    2015), or a word of jieba's that CC-CEDICT lacks, a CC-CEDICT word and the localiser (短期内 ↔ short-term,
    理事会|辖下 ↔ Financial Stability Board): a place or time said of the term, the span cut past its end."""
    words = zh_words(zh)
    last = words[-1].text
    if len(words) < 2 and len(last) < 3 or last[-1] not in _LOCALISERS or _EN_LOCATIVE.search(en):
        return False
    return len(last) == 1 or last not in cedict() and last[:-1] in cedict()


MIN_PERSON_COMPOUND = 3  # characters: 高者 "the higher one" is no coined name for people


def _person_compound(zh: str, en: str) -> bool:
    """A Chinese compound the dictionary lacks, a word then a piece meaning "person", for one English agent
    noun (外籍|人士 ↔ foreigners): the translator's one word for a coined Chinese compound."""
    if len(zh) < MIN_PERSON_COMPOUND or zh in cedict() or not AGENT_NOUN.fullmatch(en):
        return False
    pieces = [stems for w in zh_words(zh) for _, stems in w.pieces]
    return len(pieces) == 2 and PERSON_STEM in pieces[-1] and bool(stem_keys(pieces[0]) & stem_keys(token_stems(en)))


_COMPOUND_TAGS = frozenset({"n", "vn", "nz", "b", "j"})
_HEAD_BEFORE = frozenset({"for", "on"})  # a head said first, its modifiers after (process for epidemic prevention)


def _noun_compound(zh: str, en: str) -> bool:
    """Chinese nouns only, closing on a noun, for an English noun phrase without article whose head (its
    last word, or the word before "for"/"on") translates that closing noun (信息闭环管理流程 ↔ closed-loop
    information management process): a compound name for one concept, however long, not a description
    (no adjective, verb, place word or count says something of a term: 重要涉外企业, 海外领事保护事件)."""
    words = zh_words(zh)
    if len(words) < 2 or any(w.tag not in _COMPOUND_TAGS for w in words) or words[-1].tag != "n" or words[0].tag == "vn":
        return False  # (a verbal noun first takes the rest as its object: 使用|社交媒体平台 uses social media platforms)
    english = en.split()
    if not en.islower() or any(w in _ARTICLE_WORDS or w.endswith(_POSSESSIVE) for w in english):
        return False  # (a name inside, Foreign Affairs Office working group, is a name's part described; so is
        # a thing said of its owner, banks' technology risk management)
    at = next((k for k, w in enumerate(english) if w.lower() in _HEAD_BEFORE), len(english))
    if at == 0 or any(w.lower() in STOPWORDS for w in english[:at]):
        return False
    return bool(stem_keys(words[-1].stems) & stem_keys(token_stems(english[at - 1])))


_ARTICLE_WORDS = frozenset({"a", "an", "the"})
_POSSESSIVE = ("'", "’", "'s", "’s")


# a finite verb before an article (no noun phrase opens "NOUNs the" or "co-initiated a"), a modal, a subordinating
# conjunction ("whether the Group"), a gerund before an article or an owner ("meeting the country’s needs"), or a
# verb, an adverb and its preposition ("works closely with"; not "housing supply gap"), at the start
_CLAUSE_OPENING = re.compile(r"[a-z][a-z-]*(?:s|ed)\s+(?:the|a|an|its|their)\s|(?:cannot|can|could|will|would|shall|should|may|might|must)\s"
                             r"|(?:whether|if|unless|while|whereas|although|though|because)\s"
                             r"|[a-z]+ing\s+(?:the|a|an|its|their|our|this|these|those|(?:[A-Z][\w-]*\s+)*[A-Z][\w-]*[’']s)\s"
                             r"|[a-z]+(?:s|ed|ing)\s+[a-z]+ly\s+(?:with|to)\s")
# the noun and closing preposition of a complex preposition (with respect to, in line with, in view of)
_PREPOSITION_INSIDE = re.compile(r"(?:respect|regard|addition|relation)\s+to\s|(?:view|light|behalf|spite|virtue|lieu)\s+of\s"
                                 r"|(?:line|accordance)\s+with\s")
_CONJOINED_PREPOSITION = re.compile(r"\s(?:and|or)\s+(?:of|to|in|for|on|at|by|with|from)\s")
_PAST_BEFORE_COUNT = re.compile(r"[a-z]+ed\s+(\S+)\s")  # "introduced nine measures": a verb, then how many
_INFINITIVE_AFTER_TOO = re.compile(r"\btoo\s+\S+\s+to\s+\S+$")  # "too big to fail": one set construction


def _verb_at_edge(en: str) -> bool:
    """A lower-case English verb (one CC-CEDICT uses only as a verb) opening the rendering ("enhances
    banks", "continues to promote") or closing it after "to", a plural noun, an acronym, an adverb or
    another verb ("banks to identify", "member banks announce", "greatly improve"), or a past form before a
    count ("introduced nine measures"): a clause or a purpose said of a noun, not a name for a concept."""
    words = en.split()
    if len(words) < 2 or is_name(en):
        return False
    if words[0].islower() and _verb_form(words[0]):
        return True
    counted = _PAST_BEFORE_COUNT.match(en)
    if counted and en_numbers(counted.group(1)):
        return True
    last, before = words[-1], words[-2]
    if not (last.islower() and is_verb_only(last)) or _INFINITIVE_AFTER_TOO.search(en):
        return False
    return before == "to" or before.endswith("ly") or before.isupper() or is_verb_only(before.lower()) \
        or before.endswith("s") and not before.endswith("ss")


def _ends_on_adjective_or_verb(en: str) -> bool:
    """A lower-case phrase of two words or more closing on a word English uses only as an adjective or
    only as a verb (international supervisory, Hong Kong’s robust; help promote, IFFo organises). Not a
    name (Wealth Management Connect), nor a form in -ing or -ed, nouns and participles too (banking,
    funds raised)."""
    words = en.split()
    last = words[-1] if words else ""
    if len(words) < 2 or not last.isalpha() or not last.islower() or last.endswith(("ing", "ed")) or is_name(en):
        return False
    return english_word_class(last) is not None


def _verb_form(word: str) -> bool:
    """A verb-only word, bare or with the -s of the third person (enhances, continues)."""
    return is_verb_only(word) or word.endswith("s") and (is_verb_only(word[:-1]) or word.endswith("es") and is_verb_only(word[:-2]))


def _lower_case_word_before_name(en: str) -> bool:
    """A lower-case word, then only capitalised ones (strong-side Convertibility, average Liquidity, support
    Northbound, entire Monetary Base): a word of the sentence glued to a name or to a piece of one (not
    overseas Chinese citizen, where the capital is an adjective inside a common noun phrase)."""
    first, *rest = en.split(maxsplit=1)
    if not rest or not first[:1].islower():
        return False
    name = rest[0]
    return name[:1].isupper() and (is_name(name) or " " not in name and not name.isupper())


_PREDICATE_TAGS = frozenset({"a", "ad", "an", "v", "vd", "d"})  # jieba's adjectives, verbs and adverbs


def _predicate_word(word: ZhWord) -> bool:
    """An adjective, verb or adverb by jieba's tag, an idiom (与日俱增), or characters jieba joined that no
    dictionary has as a word (偏软 "soft", 高企 "high": a predicate made on the fly, no noun)."""
    return word.tag in _PREDICATE_TAGS or word.tag == "i" or _made_up_word(word.text)


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _predicate_said_first(zh: str, en: str) -> bool:
    """A Chinese noun and what is said of it (信贷|强劲 credit is robust, 金融状况|收紧, 范围|广泛) that the
    English turns into an adjective before the noun (robust credit, tighter financial conditions, broad
    range): the Chinese closes on a predicate word only the English first word translates. A state of
    something described, not a name for a concept (金融|稳定 ↔ financial stability keeps the order)."""
    english = en.split()
    words = zh_words(zh)
    if len(words) < 2 or len(english) < 2 or not _predicate_word(words[-1]) or not english[0].islower() \
            or english[1].lower() in STOPWORDS or is_name(en):
        return False
    return _translates(words[-1], english[0]) and not any(_translates(words[-1], w) for w in english[1:])


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _subject_and_verb(zh: str, en: str) -> bool:
    """A Chinese noun and the verb said of it (楼市|继续 ↔ market continues, 政府|宣布 ↔ Government announces):
    the English closes on a verb with the -s of the third person that the Chinese closing verb translates."""
    last = en.rsplit(maxsplit=1)[-1]
    if " " not in en or not last.islower() or not last.endswith("s") or not _verb_form(last) or is_name(en):
        return False
    words = zh_words(zh)
    return len(words) > 1 and words[-1].tag == "v" and _translates(words[-1], last)


_COUNT_OPENING = re.compile(r"(number|amount)\s+of\s", re.IGNORECASE)


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _count_unsaid(zh: str, en: str) -> bool:
    """The English opens on "number of" or "amount of" and no Chinese word translates it (公众查询 ↔ number of
    public enquiries, HKMA 2017-2023; 公众查询宗数 and 员工人数 say it): the English grown past the Chinese
    into the sentence's count."""
    opening = _COUNT_OPENING.match(en)
    return bool(opening) and not any(_translates(w, opening.group(1).lower()) for w in zh_words(zh))


_OPENING_THEN_PREPOSITION = re.compile(r"(\S+)\s+(?:of|to|for|on|with|in)\s")


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _opening_word_then_its_object(zh: str, en: str) -> bool:
    """The English's first word, then a preposition ("use of data", "response to scams", "series of steps"),
    translating the Chinese's first word, not its last (运用|数据, 应对|骗案, 连串|措施): the Chinese opens on
    an action or an amount and says what it is of after it, an action done to something, not a name for a
    concept; a term that says "A of B" closes on A in Chinese (人民币|国际化 ↔ internationalisation of the
    renminbi, 货品|出口 ↔ exports of goods)."""
    opening = _OPENING_THEN_PREPOSITION.match(en)
    if not opening or is_name(en):
        return False  # (互换函件 ↔ Exchange of Letters: a name says what it likes)
    words = zh_words(zh)
    return len(words) > 1 and _translates(words[0], opening.group(1)) and not _translates(words[-1], opening.group(1))


def _translates(word: ZhWord, en_word: str) -> bool:
    """The Chinese word's dictionary glosses say the English word."""
    return bool(stem_keys(word.stems) & stem_keys(token_stems(en_word)))


_CLOSING_FUNCTION_TAGS = frozenset({"c", "p", "d"})  # jieba's tags of 及 "and", 以 "by", 已 "already"


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _function_character_glued(zh: str) -> bool:
    """jieba glued a conjunction, preposition or adverb of the sentence to the span's first or last
    character, making a word no dictionary has (及净|利息收入, 可持续金融关注|组及, 三级|制已): the span is
    cut wrong, its Chinese no term as written."""
    words = zh_words(zh)
    if len(words) < 2:
        return False
    first, last = words[0].text, words[-1].text
    return _made_up_word(first) and dictionary_tag(first[0]) == "c" \
        or _made_up_word(last) and dictionary_tag(last[-1]) in _CLOSING_FUNCTION_TAGS


def _made_up_word(text: str) -> bool:
    """Characters jieba joined that neither its dictionary nor CC-CEDICT has as a word."""
    return len(text) > 1 and not dictionary_tag(text) and text not in cedict()


_CLOSING_PLACE = re.compile(r"\s(?:[a-z]+ed\s+)?(?:in|to|at)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)$")


def _without_said_place(zh: str, en: str) -> str:
    """The English without a closing "in/to/based in PLACE" when the Chinese says that place (香港驻渝机构 ↔
    Hong Kong agencies in Chongqing: 渝 is Chongqing): where the body is belongs to its name, no
    description added to a shorter term. A place in lower case (in foreign countries) only after a
    Chinese verb of place (驻外国使领馆)."""
    place = _CLOSING_PLACE.search(en)
    if not place:
        return en
    stems = content_stems(place.group(1))
    named = all(w[:1].isupper() for w in place.group(1).split())
    glossed = zh_gloss_stems(zh) if named else _after_verb_of_place(zh)
    if stems and all(s in glossed for s in stems) or _unglossed_place_said_first(zh, en[: place.start()], place.group(1)):
        return en[: place.start()]
    return en


PLACE_WORD_TAGS = frozenset({"ns", "nt"})  # jieba's places and bodies (中西部 is tagged nt)
PLACE_NAME_INNER = frozenset({"and", "of", "the"})  # lower-case words inside a place name (Central and Western China)


def _unglossed_place_said_first(zh: str, rest: str, place: str) -> bool:
    """A closing place name (capitalised words, "and/of/the" between) that the Chinese does not gloss whole,
    after a rendering that does not say the place word the Chinese opens on: that word is the place
    (中西部|国际交往中心 ↔ international exchange center in Central and Western China; CC-CEDICT
    glosses 中西部 only "midwest")."""
    words = zh_words(zh)
    if len(words) < 2 or words[0].tag not in PLACE_WORD_TAGS or len(words[0].text) < 2 \
            or not all(w[:1].isupper() or w in PLACE_NAME_INNER for w in place.split()):
        return False
    return not words[0].stems & set(content_stems(rest))


@cleared_on_new_words
@lru_cache(maxsize=65_536)
def _after_verb_of_place(zh: str) -> frozenset[str]:
    """The gloss stems of the Chinese after a one-character verb (驻 "stationed in") inside it."""
    words = zh_words(zh)
    at = next((k for k, w in enumerate(words[:-1]) if len(w.text) == 1 and w.tag == "v"), None)
    return frozenset() if at is None else frozenset(zh_gloss_stems(zh[words[at + 1].start :]))


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|[a-z]+th", re.IGNORECASE)


def _ordinal(word: str) -> bool:
    """An ordinal number (first, 3rd, twelfth): says where in an order, not what the thing is."""
    return bool(_ORDINAL.fullmatch(word)) and bool(en_numbers(word))


def _everyday_compound(en: str) -> bool:
    """One lower-case word of hyphened parts (high-quality), not a name (COVID-19, Proof-of-Concept)."""
    return "-" in en and en.replace("-", "").isalpha() and en.islower()


_PLACE_TAGS = ("ns", "nr")  # (jieba tags some foreign places as names: 乌克兰 nr)


def _local_description(zh: str, en: str, signals: set[str]) -> bool:
    """A place and everyday nouns said of it (重庆专家 Chongqing experts, 乌克兰总理 Ukrainian prime minister,
    意大利政府 Italian government): the English names the place, then lower-case words only, found by the
    dictionary alone."""
    words = [w.text for w in zh_words(zh)]
    if len(words) == 1:  # one word jieba knows whole (意大利政府 nt): its dictionary pieces
        pieces = [length for length, _ in word_pieces(zh)]
        words = [zh[sum(pieces[:k]) : sum(pieces[: k + 1])] for k in range(len(pieces))]
    if len(words) < 2 or dictionary_tag(words[0]) not in _PLACE_TAGS or signals != {"dictionary"}:
        return False
    rest = en.split()[1:]
    return bool(rest) and en[:1].isupper() and all(w[:1].islower() for w in rest)
