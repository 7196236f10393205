"""Normalized match keys for terms: one definition shared by import, lookup, eval and check.

Heavy libraries (opencc, pypinyin) load on first use so that `glossary --help` stays fast.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import accumulate

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
CJK_RANGES = _CJK  # for building other regexes over Han characters
CJK_RE = re.compile(f"[{_CJK}]")
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")  # zero-width spaces and joiners, BOM, soft hyphen: nothing to read
# Punctuation and spacing that never distinguishes two Chinese terms.
_ZH_NOISE = re.compile(r"[\s\-‐‑‒–—―·・•.,，、。:：;；!！?？'\"‘’“”「」『』《》〈〉()（）\[\]【】〔〕<>]+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_EN_NOISE = re.compile(r"[\s\-‐‑‒–—―_'\"`.]+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_LEADING_WORD = re.compile(r"^\s*(?:[Tt]he|to)\s+(?=\w)")  # the article, a verb's "to" ("a"/"an" stay: "A shares")


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC; Simplified text comes back unchanged."""
    if not text or not CJK_RE.search(text):
        return text
    return _t2s().convert(text)


@cache
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def is_simplified(text: str) -> bool:
    """True when the text holds Simplified-only characters (OpenCC s2t would change it)."""
    return has_cjk(text) and _s2t().convert(text) != text


def has_cjk(text: str) -> bool:
    return bool(CJK_RE.search(text))


def is_traditional(text: str) -> bool:
    """True when OpenCC would change the text, i.e. it holds Traditional-only characters."""
    return has_cjk(text) and to_simplified(text) != text


def fold_width(text: str) -> str:
    """Full-width ASCII and spaces to half-width (NFKC), leaving CJK punctuation alone."""
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=1 << 14)  # mining asks for the keys of the same spans many times over
def zh_key(text: str) -> str:
    """Chinese match key: NFKC, Simplified, punctuation and spaces removed."""
    return _ZH_NOISE.sub("", to_simplified(fold_width(text)))


@lru_cache(maxsize=1 << 14)
def en_key(text: str) -> str:
    """English match key: case-folded, leading article, hyphens, spaces and quotes folded."""
    text = fold_width(text).translate(_QUOTES).strip()
    text = _LEADING_ARTICLE.sub("", text)
    return _EN_NOISE.sub("", text.casefold())


def printable_path(path: str) -> str:
    """A path as text that can be stored and printed: undecodable bytes of a file name become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@lru_cache(maxsize=1 << 12)  # a term's key is asked for several times in a row; a small cache keeps memory flat
def match_key(lang: str, text: str) -> str:
    """The key for `text` in `lang`: Chinese rules for zh (any region), English-style folding otherwise."""
    return zh_key(text) if lang.lower().startswith("zh") else en_key(text)


@cache
def _pinyin():
    """pypinyin.lazy_pinyin's reader (its converter, with its defaults), remembering the readings of
    each word it segments: storing mined terms reads the same words again and again."""
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin

    class RememberingConverter(UltimateConverter):
        @lru_cache(maxsize=1 << 15)
        def convert(self, words, style, heteronym, errors, strict, **kwargs):
            return tuple(map(tuple, super().convert(words, style, heteronym, errors, strict, **kwargs)))

    return Pinyin(RememberingConverter())


def pinyin_syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin syllables of the CJK characters in `text` (other characters dropped): those of
    pypinyin.lazy_pinyin(text, style=Style.NORMAL, errors="ignore"), e.g. 金融管理局 → jin rong guan li ju."""
    if not has_cjk(text):
        return ()
    return _simplified_syllables(to_simplified(text))


@lru_cache(maxsize=1 << 14)  # storing mined terms asks for each term again and again: its Traditional spelling,
def _simplified_syllables(simplified: str) -> tuple[str, ...]:  # and every term of an entry a merge rewrites
    from pypinyin import Style

    syllables = _pinyin().lazy_pinyin(simplified, style=Style.NORMAL, errors="ignore")
    return tuple(s.replace("ü", "v").lower() for s in syllables if s.isalpha())






_TONE_MARKS = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ",
    "aaaaeeeeiiiioooouuuuvvvvvAAAAEEEEIIIIOOOOUUUUVVVVV",
)


def fold_pinyin_query(text: str) -> str:
    """A typed pinyin query to key form: tone marks and digits, spaces and apostrophes gone."""
    text = fold_width(text).translate(_TONE_MARKS).lower()
    return re.sub(r"[\s'’\-0-9]+", "", text)


# ---------------------------------------------------------------- draft matching
# The checker matches terms inside running text, so its normalizers keep the original offset of
# every character. Keys for terms are made by the same functions, so text and keys always agree.
BOUNDARY = "\x1f"  # stands for punctuation or an inline code: a match never crosses it
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}  # length-preserving, unlike NFKC
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")  # what _WIDTH changes
_WIDTH_AND_CASE = _WIDTH | {c: c + 32 for c in range(0x41, 0x5B)} | {c: c - 0xFEE0 + 32 for c in range(0xFF21, 0xFF3B)}
# the same as a list by code point (str.translate looks a list up faster than a dict; past its end, unchanged)
_WIDTH_AND_CASE_LIST = [_WIDTH_AND_CASE.get(c, c) for c in range(max(_WIDTH_AND_CASE) + 1)]
_ZH_SOFT = frozenset(" \t\r\n\u00a0\u3000-‐‑‒–—―·・•'\"‘’“”「」『』《》〈〉()（）[]【】〔〕<>")
_ZH_HARD = frozenset(".,，、。:：;；!！?？…")
_ZH_HARD_RE = re.compile("[" + re.escape("".join(sorted(_ZH_HARD))) + "]")  # re.sub: faster than translate on CJK
_ZH_KEPT = re.compile("[^" + re.escape("".join(sorted(_ZH_SOFT))) + "]+")
# possessive (++, *+): the same matches, found without keeping places to backtrack to
_EN_WORD = re.compile(r"&|[^\W_]++(?:['’][^\W_]++)*+(?:[-‐‑][^\W_]++(?:['’][^\W_]++)*+)*+")
_EN_WORD_SPLIT = re.compile(f"({_EN_WORD.pattern})")
_EN_SOFT_GAP = re.compile(r"[\s\"'‘’“”«»_\-‐‑‒–]*")
_HYPHENS = re.compile(r"[-‐‑]")
_DASHES = ("–", "‒")  # en and figure dash: joining two words, as a hyphen does
_SPELLING = (  # UK -> US, applied to a singular, lower-case word
    (re.compile(r"(?<=\w{3})our(?=(?:ed|ing|er|ers|ite|ites|able|ably|al|hood|less)?$)"), "or"),
    (re.compile(r"(?<=\w)([tb])re(d?)$"), r"\1er\2"),
    (re.compile(r"(?<=\w{2})([iy])s(e|ed|ing|er|ation|ational|able)$"), r"\1z\2"),
    (re.compile(r"(?<=\w)ogue$"), "og"),
    (re.compile(r"^(\w*[aeiou]\w*[aeiou])ll(ed|ing|er|or)$"), r"\1l\2"),
    (re.compile(r"(?<=\w{2})ence$"), "ense"),
    (re.compile(r"(?<=\w{3})mme$"), "m"),
    (re.compile(r"dgement$"), "dgment"),
    (re.compile(r"(?<=[b-df-hj-np-tv-z])ae(?=[b-df-hj-np-tv-z])"), "e"),  # paediatric, anaemia, haemorrhage
    (re.compile(r"(?<=\w{2}[aeiou])ll(ment|ful)?$"), r"l\1"),  # fulfil(l), enrol(l)ment, skil(l)ful
    (re.compile(r"(?<=\wg)eing$"), "ing"),  # ageing
)
_SPELLING_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _SPELLING))
# the endings _SPELLING needs, unless the word has "our", "ll" or "ae": tested first (most words have none)
_SPELLING_ENDINGS = ("re", "red", "se", "sed", "sing", "ser", "sation", "sational", "sable", "ogue", "ence", "mme",
                     "dgement", "eing")


def zh_match_text(text: str, breaks: tuple[int, ...] = (), *, simplified: bool = False) -> tuple[str, list[int]]:
    """Chinese text for term matching (full-width and case folded, Simplified, spacing and quotes
    dropped, clause punctuation and inline codes as BOUNDARY) and each character's offset in `text`.
    `simplified=True` skips the OpenCC step for text already converted."""
    folded = text.translate(_WIDTH_AND_CASE_LIST)
    if not simplified:
        converted = to_simplified(folded)
        if len(converted) != len(folded):  # OpenCC changed a length: convert char by char
            converted = "".join(c if len(s := to_simplified(c)) != 1 else s for c in folded)
        folded = converted
    marked = _ZH_HARD_RE.sub(BOUNDARY, folded)
    if not breaks and _ZH_KEPT.fullmatch(marked):
        return marked, list(range(len(marked)))
    chars: list[str] = []
    offsets: list[int] = []
    cuts = sorted(b for b in set(breaks) if 0 < b < len(marked))
    for piece_start, piece_end in zip([0, *cuts], [*cuts, len(marked)]):
        if piece_start:
            chars.append(BOUNDARY)
            offsets.append(piece_start)
        for m in _ZH_KEPT.finditer(marked, piece_start, piece_end):
            chars.append(m.group())
            offsets.extend(range(m.start(), m.end()))
    return "".join(chars), offsets


NO_WORDS: frozenset[str] = frozenset()
FUNCTION_WORDS = frozenset("the a an of and in on for to with by at from".split())  # as folded


_ACRONYM_PLURAL = re.compile(r"[A-Z](?:[a-z]?[A-Z])+s['’]?$")  # AIs, MoUs, CUs’ (not Us, IDEAS)


def en_plain_word(word: str) -> str:
    """An English word case-folded, its possessive and apostrophes removed (the form `keep` holds)."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w.replace("'", "")


@lru_cache(maxsize=262144)
def en_fold_word(word: str, keep: frozenset[str] = NO_WORDS) -> str:
    """One English word folded for matching: case, possessive, simple plural, UK/US spelling.
    Words in `keep` (plain forms) are words of their own, not plurals: "news" is not "new". An acronym's
    plural is its singular however short (AIs, CUs, MoUs: AI, CU, MoU)."""
    if _ACRONYM_PLURAL.match(word):
        word = word[: word.rindex("s")]
    w = en_plain_word(word)
    if len(w) > 3 and w.isalpha() and w not in keep:
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith(("sses", "xes", "ches", "shes", "zzes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
    if len(w) > 4 and ("our" in w or "ll" in w or "ae" in w or w.endswith(_SPELLING_ENDINGS)) and _SPELLING_ANY.search(w):
        for pattern, repl in _SPELLING:
            w = pattern.sub(repl, w)
    return w


@lru_cache(maxsize=262144)
def en_fold_token(token: str, keep: frozenset[str] = NO_WORDS) -> str:
    """A token (a hyphenated compound is one token) folded; hyphens join its parts."""
    if token == "&":
        return "and"
    if token.isalnum():
        return en_fold_word(token, keep)
    return "".join(en_fold_word(part, keep) for part in _HYPHENS.split(token))


def en_words(text: str) -> list[str]:
    """The word tokens of English text as matching sees them (a hyphenated compound is one token)."""
    return _EN_WORD.findall(text.translate(_WIDTH))


_OTHER_NUMBER = tuple((re.compile(pattern), repl) for pattern, repl in (  # singular <-> plural by ending
    (r"man$", "men"), (r"men$", "man"),  # man, spokesman, chairwoman
    (r"(?<=\w{2})sis$", "ses"), (r"(?<=\w{3})ses$", "sis"),  # analysis, crisis, basis
    (r"child$", "children"), (r"children$", "child"),
    (r"(?<=\w{2}[^aeiou])o$", "oes"),  # hero, embargo, veto
    (r"(?<=\w)([lr])f$", r"\1ves"), (r"(?<=\w)([lr])ves$", r"\1f"), (r"(?<=\w)eaf$", "eaves"),  # half, shelf, leaf
    (r"ife$", "ives"),  # life, wife, knife
    (r"(?<=\w{3})um$", "a"), (r"(?<=\w{2})rion$", "ria"), (r"(?<=\w{2})enon$", "ena"),  # medium, criterion
    (r"(?<=\w{3}[^aeiou])us$", "i"),  # stimulus, nucleus
    (r"(?<=\w)us$", "uses"), (r"(?<=\w{2})uses$", "us"),  # focus, virus, bonus, status (the plain plural rule: "focuse")
    (r"(?<=\w{2})[ei]x$", "ices"), (r"(?<=\w{2}[dt])ices$", "ex"), (r"(?<=\w{2}[rt])ices$", "ix"),  # index, matrix
))

_OTHER_NUMBER_ENDINGS = ("man", "men", "sis", "ses", "child", "children", "o", "f", "ves", "ife", "um", "rion", "enon",
                         "us", "uses", "ex", "ix", "ices")  # what the patterns need at the end: tested first (terms come by the hundred thousand)


def en_other_numbers(word: str) -> list[str]:
    """The forms of an English word in the other grammatical number that simple plural folding misses
    (spokesman/spokesmen, crisis/crises, child/children, hero/heroes, medium/media), by their
    endings; lower-case alphabetic words of three letters or more only (not names or acronyms)."""
    if len(word) < 3 or not word.isalpha() or not word.islower() or not word.endswith(_OTHER_NUMBER_ENDINGS):
        return []
    return [pattern.sub(repl, word) for pattern, repl in _OTHER_NUMBER if pattern.search(word)]


def en_term_keys(text: str, keep: frozenset[str] = NO_WORDS) -> list[tuple[str, bool]]:
    """Match keys of an English term, as (key, derived): its words as en_match_tokens gives them, each
    padded as " token " (BOUNDARY between two that punctuation separates), then looser spellings
    marked derived: hyphens as spaces, en dashes as hyphens, a word in its other number, for a
    short term its words run together or two of them hyphenated; and the keys of the term without a
    leading "the" or a verb's "to", as its own (a glossary's "the Government" is said in "the US
    government" and "Government policy", its "to promote" in "promotes", whatever other term a
    glossary spells "government" or "promote")."""
    keys = _en_term_keys(text, keep)
    rest = _LEADING_WORD.sub("", text, count=1)
    if rest != text and keys:
        keys += [(key, derived) for key, derived in _en_term_keys(rest, keep) if all(key != have for have, _ in keys)]
    for inflected in _inflected_verb_phrases(rest, told=text.lstrip().startswith("to ")):
        key = _en_term_keys(inflected, keep)[:1]
        if key and all(key[0][0] != have for have, _ in keys):
            keys.append((key[0][0], True))
    return keys


_JOINED_VERBS = re.compile(r"[a-z]+(?:, [a-z]+)*,? (?:and|or) [a-z]+(?=\b(?![-'’]))")  # prevent and control; review, monitor and report
_WORD = re.compile(r"[a-z]+")


def _inflected_verb_phrases(phrase: str, told: bool) -> list[str]:
    """A phrase of two words or more opening on a verb, with the verb in each of its other forms
    ("strengthen cooperation": strengthened, strengthening, strengthens cooperation; "build a
    community": built a community), and verbs joined to it by "and" / "or" in the same form with it
    ("prevent and control": prevented and controlled, preventing and controlling; "review, monitor and
    report"): the first verb is the glossary's ("to" before it, `told`) or a word English uses only as
    a verb (strengthen, promote; not build, which is a noun too, unless told)."""
    words = phrase.split(" ", 1)
    first = words[0].removesuffix(",")
    if len(words) < 2 or not first.isalpha() or not first.islower():
        return []
    from glossary.lexicon import english_word_class, verb_forms_by_tense, verb_inflections

    if not told and english_word_class(first) != "verb":
        return []
    joined = _JOINED_VERBS.match(phrase)
    verbs = _WORD.findall(joined.group()) if joined else []
    tenses = [verb_forms_by_tense(verb) for verb in verbs if verb not in ("and", "or")]
    if not joined or not all(tenses):
        return [f"{form} {words[1]}" for form in verb_inflections(first)] if first == words[0] else []
    out = []
    for spellings in zip(*tenses):  # (past, participle, -ing, -s: each verb's forms of one tense)
        for k in range(max(map(len, spellings))):  # (controlled, then controled)
            forms = iter(forms[min(k, len(forms) - 1)] for forms in spellings)
            said = _WORD.sub(lambda m: m.group() if m.group() in ("and", "or") else next(forms), joined.group())
            out.append(said + phrase[joined.end():])
    return [said for said in dict.fromkeys(out) if said != phrase]


def _en_term_keys(text: str, keep: frozenset[str]) -> list[tuple[str, bool]]:
    text = text.translate(_WIDTH)
    pieces = _EN_WORD_SPLIT.split(text)  # gap, token, gap, token, ..., gap
    tokens = pieces[1::2]
    if not tokens:
        return []
    folded = [en_fold_token(t, keep) for t in tokens]
    gaps = pieces[2:-1:2]
    if gaps.count(" ") < len(gaps):
        hard = [gap != " " and not _EN_SOFT_GAP.fullmatch(gap) for gap in gaps]
        if True in hard:  # punctuation inside the term: no looser spellings
            return [(f" {folded[0]} " + "".join((BOUNDARY if h else "") + f" {f} " for h, f in zip(hard, folded[1:])),
                     False)]
    key = " " + "  ".join(folded) + " "
    keys = [(key, False)]
    if any(gap in _DASHES for gap in gaps):  # China–ASEAN, which a draft writes China-ASEAN: one token there
        joined = [folded[0]]
        for gap, fold in zip(gaps, folded[1:]):
            if gap in _DASHES:
                joined[-1] += fold
            else:
                joined.append(fold)
        keys.append((" " + "  ".join(joined) + " ", True))
    for i, token in enumerate(tokens):  # a word in its other number, where English does not add -s
        for other in en_other_numbers(token):
            derived = " " + "  ".join([*folded[:i], en_fold_token(other, keep), *folded[i + 1:]]) + " "
            if all(derived != k for k, _ in keys):
                keys.append((derived, True))
    hyphenated = "-" in text or "‐" in text or "‑" in text
    parts = [en_fold_word(p, keep) for t in tokens for p in _HYPHENS.split(t)] if hyphenated else folded
    derived_keys = [" " + "  ".join(parts) + " "]  # hyphens as spaces (or en dashes), whatever the length
    if len(tokens) <= 4 and len(parts) > 1:
        derived_keys.append(" " + "".join(parts) + " ")  # words run together
        # two neighbouring words hyphenated in the draft ("foreign-affairs system") are one token there
        if len(parts) > 2:
            derived_keys += [" " + "  ".join([*parts[:i], parts[i] + parts[i + 1], *parts[i + 2:]]) + " "
                             for i in range(len(parts) - 1)
                             if parts[i] not in FUNCTION_WORDS and parts[i + 1] not in FUNCTION_WORDS]
    for derived in derived_keys:
        if all(derived != k for k, _ in keys):
            keys.append((derived, True))
    return keys


class _FoldedTokens(dict):
    """token -> en_fold_token(token, keep), filled on first sight (a plain dict: faster than lru_cache)."""

    def __init__(self, keep: frozenset[str]) -> None:
        super().__init__()
        self.keep = keep

    def __missing__(self, token: str) -> str:
        fold = self[token] = en_fold_token(token, self.keep)
        return fold


_FOLDED: dict[frozenset[str], _FoldedTokens] = {}  # keep -> its folded tokens
_FOLDED_LIMIT = 262144  # tokens kept per `keep`


def en_match_words(text: str, keep: frozenset[str] = NO_WORDS) -> list[str]:
    """The folded tokens en_match_tokens gives `text` (without breaks), without their offsets and the
    BOUNDARY marks: the words of a short phrase, sooner."""
    if not text.isascii() and _FULL_WIDTH.search(text):
        text = text.translate(_WIDTH)
    folded = _FOLDED.get(keep)
    if folded is None or len(folded) > _FOLDED_LIMIT:
        folded = _FOLDED[keep] = _FoldedTokens(keep)
    return list(map(folded.__getitem__, _EN_WORD_SPLIT.split(text)[1::2]))


@lru_cache(maxsize=16)  # the checker asks again for a segment that has a missing term
def en_match_tokens(text: str, breaks: tuple[int, ...] = (), keep: frozenset[str] = NO_WORDS
                    ) -> tuple[list[str], list[int], list[int]]:
    """English text for term matching: its folded tokens in order, BOUNDARY between two tokens that
    punctuation separates; inline codes (`breaks`) split tokens like a space. Returns the tokens and
    each one's start and end offset in `text` (a BOUNDARY gets the offsets of the gap).
    A term's key (en_term_keys) is its tokens the same way, each padded as " token "."""
    if not text.isascii() and _FULL_WIDTH.search(text):
        text = text.translate(_WIDTH)
    folded = _FOLDED.get(keep)
    if folded is None or len(folded) > _FOLDED_LIMIT:
        folded = _FOLDED[keep] = _FoldedTokens(keep)
    cuts = sorted(b for b in set(breaks) if 0 < b < len(text)) if breaks else []
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for piece_start, piece_end in zip([0, *cuts], [*cuts, len(text)]):
        parts = _EN_WORD_SPLIT.split(text[piece_start:piece_end] if cuts else text)  # gap, token, ..., gap
        bounds = list(accumulate(map(len, parts), initial=piece_start))  # bounds[k]: where parts[k] starts
        words += parts[1::2]
        starts += bounds[1:-1:2]
        ends += bounds[2::2]
    tokens = list(map(folded.__getitem__, words))
    gaps = [text[end:start] for end, start in zip(ends, starts[1:])] if cuts else parts[2:-1:2]
    soft_gap = _EN_SOFT_GAP.fullmatch
    hard = [i for i, gap in enumerate(gaps) if gap != " " and not soft_gap(gap)]
    if not hard:
        return tokens, starts, ends
    marked: list[str] = []  # with a BOUNDARY in each hard gap, which gets the gap's offsets
    marked_starts: list[int] = []
    marked_ends: list[int] = []
    done = 0
    for i in hard:
        after = i + 1
        marked += tokens[done:after]
        marked.append(BOUNDARY)
        marked_starts += starts[done:after]
        marked_starts.append(ends[i])
        marked_ends += ends[done:after]
        marked_ends.append(starts[after])
        done = after
    return marked + tokens[done:], marked_starts + starts[done:], marked_ends + ends[done:]


@cache
def _char_readings() -> dict[str, tuple[str, ...]]:
    """Character → its toneless readings (重: zhong, chong, tong), from pypinyin's table of 41,000 code
    points, folded as one text (one translate over all of it, not one per reading: it is loaded before
    mining starts, while nothing else runs)."""
    from pypinyin.pinyin_dict import pinyin_dict

    folded = "\n".join(pinyin_dict.values()).translate(_TONE_MARKS).lower().split("\n")
    return {chr(code): tuple(dict.fromkeys(readings.split(","))) for code, readings in zip(pinyin_dict, folded)}


def char_readings(char: str) -> tuple[str, ...]:
    """Every toneless pinyin reading of one character (重 → zhong, chong, tong)."""
    return _char_readings().get(char, ())


def pinyin_span(name: str, text: str) -> tuple[int, int] | None:
    """The first span of `text` whose characters can be read as the pinyin `name`
    (any reading of each character, so 重庆 matches `chongqing`), or None."""
    name = fold_pinyin_query(name)
    if not name:
        return None
    readings = _char_readings()
    for start, char in enumerate(text):
        if any(name.startswith(r) for r in readings.get(char, ())):
            end = _read_as(name, text, readings, start, 0)
            if end is not None:
                return start, end
    return None


def _read_as(name: str, text: str, readings: dict[str, tuple[str, ...]], pos: int, at: int) -> int | None:
    """Where a reading of `text` from `pos` spells the rest of `name` (from `at`) ends, or None."""
    if at == len(name):
        return pos
    if pos >= len(text):
        return None
    for r in readings.get(text[pos], ()):
        if name.startswith(r, at):
            end = _read_as(name, text, readings, pos + 1, at + len(r))
            if end is not None:
                return end
    return None


LOOKUP_GRAMS_PER_KEY = 64


def lookup_gram_size(key: str) -> int:
    """The n of a key's lookup n-grams: 2 when it holds CJK, else 3."""
    return 2 if CJK_RE.search(key) else 3


def lookup_grams(key: str) -> list[str]:
    """Distinct character n-grams of a match key for the fuzzy lookup index.

    Padded bigrams when the key holds CJK (two characters carry a word), padded trigrams
    otherwise; capped so a pathological key cannot flood the index.
    """
    if not key:
        return []
    n = lookup_gram_size(key)
    padded = f" {key} "
    grams = dict.fromkeys(padded[i : i + n] for i in range(len(padded) - n + 1))
    return list(grams)[:LOOKUP_GRAMS_PER_KEY]
