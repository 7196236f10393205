"""Find glossary terms in running text: Aho-Corasick over normalized text, offsets kept.

Chinese matches on Simplified, width-folded text; English on folded tokens (case, plurals,
possessives, UK/US spelling, hyphen/space). Terms marked `exact`, and acronyms, match as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, combinations, repeat
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from glossary.lexicon import is_modifier_only, verb_inflections
from glossary.check.words import NEGATING, crossable, inner_strings, segmenter
from glossary.keys import (BOUNDARY, FUNCTION_WORDS, NO_WORDS, en_fold_token, en_fold_word, en_match_tokens,
                           en_match_words, en_plain_word, en_term_keys, en_words, to_simplified, zh_match_text)

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]*[A-Z0-9]$")
_ALNUM_RUN = re.compile(r"[^\W_]+")
_HYPHENS = re.compile(r"[-‐‑]")


class Hit(NamedTuple):
    """A term found in a text: its span in the original text and the keys' term ids."""

    start: int
    end: int
    term_ids: tuple[int, ...]


_new = tuple.__new__  # _new(Hit, values): the C constructor, no call of Hit's own (hits come by the hundred thousand)


_UNKNOWN_WORD = "\x01"  # stands for every word of a text that no key has
_CODE_DIGITS = 64  # a word's code: its number in this base, digit k from the k-th block of characters
_CODE_FIRST_CHAR = 0x100


def word_codes(words: Iterable[str]) -> dict[str, str]:
    """A code of the same few characters for each distinct word (BOUNDARY and _UNKNOWN_WORD too), so
    that an automaton runs over words: far fewer nodes than over letters, and few children per
    node (pyahocorasick looks a node's children up one by one). Each digit position has its own
    characters, so a code found in a text always starts at a word."""
    numbered = dict.fromkeys([BOUNDARY, _UNKNOWN_WORD, *words])
    width = 1
    while _CODE_DIGITS ** width < len(numbered):
        width += 1
    codes = {}
    for number, word in enumerate(numbered):
        digits = []
        for position in range(width):
            number, digit = divmod(number, _CODE_DIGITS)
            digits.append(chr(_CODE_FIRST_CHAR + position * _CODE_DIGITS + digit))
        codes[word] = "".join(digits)
    return codes

# a key no text has (matching drops spaces), made first: BOUNDARY, which begins no term but stands
# between every two clauses, is then the root's first child, not a scan through all of them
_BOUNDARY_NODE = BOUNDARY + " "
_NOT_INNER = ("", "")  # a key no dictionary word holds: nothing may stand before or after it


def _held_by(key: str, inner: dict[str, str]) -> tuple[str, str]:
    """The characters that stand before and after `key` in the dictionary words holding it (see
    words.inner_strings), with those before its prefixes and after its suffixes of two or more
    characters (a longer word may swallow its first or last word: 总领事 of 驻重庆总领事 in 总领事馆)."""
    before, after = inner[key].split(BOUNDARY) if key in inner else _NOT_INNER
    for cut in range(2, len(key)):
        if key[:cut] in inner:
            before += inner[key[:cut]].split(BOUNDARY)[0]
        if key[-cut:] in inner:
            after += inner[key[-cut:]].split(BOUNDARY)[1]
    return "".join(sorted(set(before))), "".join(sorted(set(after)))


def _holdable(norm: str, start: int, end: int, before: str, after: str) -> bool:
    """True when a longer dictionary word could hold norm[start:end]: a character that such words
    have before the key stands before it, or one they have after it stands after it; or when the
    sentence's words could cut across it, or a negating character before it could make it another
    word (see words.Segmenter.inside_longer_word)."""
    return (start > 0 and norm[start - 1] in before) or (end < len(norm) and norm[end] in after) \
        or (start > 0 and (norm[start - 1] in NEGATING or crossable(norm, start, end)))


def is_acronym(text: str) -> bool:
    return len(text) <= 10 and bool(_ACRONYM.match(text))


def term_keys(lang: str, text: str, *, simplified: bool = False, keep: frozenset[str] = NO_WORDS
              ) -> list[tuple[str, bool]]:
    """The match keys of one term as (key, derived); derived keys are looser spellings that lose
    to a term spelled that way (see keys.en_term_keys)."""
    if lang == "zh":
        key = zh_match_text(text, simplified=simplified)[0].strip(BOUNDARY)
        return [(key, False)] if key else []
    return en_term_keys(text, keep)


def words_of_their_own(groups: Iterable[list[tuple[int, str]]], chinese: dict[int, set[str]]) -> frozenset[str]:
    """English words ending in -s that a glossary uses as words of their own, not plurals: two
    one-word terms that fold together only through the -s, in entries whose Chinese differ
    ("customs" 海关 and "custom" 习俗; "banks" and "bank", both 银行, are one concept in two
    numbers, and so are "prices" 物价 and "price" 价格), or whose singular is only ever a modifier
    ("news" 新闻 and "new" 新). A capitalised word (a name, a label: Banks, Events) is no evidence.
    Longer terms never decide it: "central bank" 中央银行 and "central banks" 央行 are a plural, not
    two words. `groups` are the (entry, text) of terms with one key; `chinese` gives an entry's
    Chinese keys."""
    keep: set[str] = set()
    for members in groups:
        entries: dict[str, set[int]] = {}  # plain word -> the entries with it as a one-word term
        for entry, text in members:
            found = en_words(text)
            if len(found) == 1 and chinese.get(entry) and (not found[0][0].isupper() or text.isupper()):
                entries.setdefault(en_plain_word(found[0]), set()).add(entry)
        for singular, plural in combinations(sorted(entries, key=len), 2):
            if not plural.isalnum() or en_fold_word(plural) == en_fold_word(plural, frozenset((plural,))):
                continue
            if is_modifier_only(singular) or not any(
                    one == other or _one_concept(chinese[one], chinese[other])
                    for one in entries[singular] for other in entries[plural]):
                keep.add(plural)
    return frozenset(keep)


def _one_concept(chinese: set[str], other: set[str]) -> bool:
    """True when two entries' Chinese terms mostly agree: a pair shares half the characters of the
    longer one or more (新兴市场 and 新兴巿场, 风险管治架构 and 风险管治框架, 物价 and 价格)."""
    return any(2 * len(set(a) & set(b)) >= max(len(a), len(b)) for a in chinese for b in other)


class TermMatcher:
    """An Aho-Corasick automaton over the match keys of many terms in one language."""

    def __init__(self, lang: str, terms: Iterable[tuple[int, str, bool]], entry_of: list[int] | None = None,
                 chinese: dict[int, set[str]] | None = None) -> None:
        """`terms` are (term id, text, exact); exact terms (and English acronyms) match as written.
        `entry_of` maps a term id to its entry (by default each term is an entry of its own), and
        `chinese` an entry to its Chinese keys (what tells two English terms' concepts apart)."""
        self.lang = lang
        self._recent: dict[tuple, tuple[Hit, ...]] = {}  # recent texts' hits (not pickled)
        self.keep = NO_WORDS  # English -s words that are not plurals in this glossary
        self.keys: dict[int, str] = {}  # term id -> its primary key (what "the same rendering" means)
        folded: dict[str, tuple[list[int], list[int]]] = {}
        exact: dict[str, list[int]] = {}
        marked: list[int] = []  # the terms marked exact (not only written as an acronym)
        loose: list[tuple[int, str]] = []
        for term_id, text, is_exact in terms:
            text = " ".join(text.split())
            if not text:
                continue
            if is_exact or (lang == "en" and is_acronym(text)):
                exact.setdefault(text, []).append(term_id)
                if is_exact:
                    marked.append(term_id)
                self.keys.setdefault(term_id, text)  # (a term given in several cases: as first written)
            else:
                loose.append((term_id, text))
        all_keys = [term_keys(lang, converted, simplified=True)
                    for converted in _simplified_all(lang, [t for _, t in loose])]
        for (term_id, _), keys in zip(loose, all_keys):
            for key, derived in keys:
                folded.setdefault(key, ([], []))[derived].append(term_id)
        if lang == "en":
            self._keep_words_apart(loose, all_keys, folded, entry_of, chinese or {})
        for (term_id, _), keys in zip(loose, all_keys):
            if keys:
                self.keys[term_id] = keys[0][0]
        if lang == "zh":  # the value also has what must stand next to the key for a longer word to hold it
            inner = inner_strings()
            words = segmenter()
            self._folded = _automaton(chain(
                [(_BOUNDARY_NODE, None)] if folded else [],
                ((key, (len(key), tuple(primary or derived), *_held_by(key, inner)))
                 for key, (primary, derived) in
                 (words.common_characters_first(folded.items()) if words else folded.items()))))
        else:  # over words, a few characters each: a far smaller automaton than over letters
            self._vocab = word_codes(token for key in folded for token in key.split(" ") if token)
            self._closed = frozenset(  # the terms' closed words (not hyphenated ones: those have spaced keys)
                token for _, text in loose for word in en_words(text) if not _HYPHENS.search(word)
                for token in (en_fold_token(word, self.keep),) if len(token) >= 2 * _PART_MIN)
            self._folded = _automaton((code, (len(code), tuple(primary or derived)))
                                      for key, (primary, derived) in folded.items()
                                      for code in ("".join([self._vocab[t] for t in key.split(" ") if t]),))
        self._exact = _automaton((key, (len(key), tuple(ids))) for key, ids in exact.items())
        self._marked = frozenset(marked)

    def _keep_words_apart(self, loose: list[tuple[int, str]], all_keys: list[list[tuple[str, bool]]],
                          folded: dict[str, tuple[list[int], list[int]]], entry_of: list[int] | None,
                          chinese: dict[int, set[str]]) -> None:
        """Find the glossary's -s words of their own (words_of_their_own) and key again the terms
        that spell one, in `all_keys` and `folded`."""
        text_of = dict(loose)
        self.keep = words_of_their_own(
            ([(entry_of[t] if entry_of else t, text_of[t]) for t in primary]
             for primary, _ in folded.values() if len(primary) > 1), chinese)
        if not self.keep:
            return
        # inside a longer term such a word and its singular are one word in two numbers ("CAMEL ratings"
        # for "CAMEL rating"), unless the singular is only ever a modifier ("news conference" is no "new conference")
        numbers = {}  # plural -> singular, and singular -> plural
        for plural in self.keep:
            singular = en_fold_word(plural)
            if not is_modifier_only(singular):
                numbers[plural], numbers[singular] = singular, plural
        finder = _automaton((word, word) for word in chain(self.keep, numbers))
        for index, (term_id, text) in enumerate(loose):
            lowered = text.casefold()
            if next(finder.iter(lowered), None) is None:
                continue
            words = _ALNUM_RUN.findall(lowered)
            if self.keep.isdisjoint(words) and (len(words) < 2 or numbers.keys().isdisjoint(words)):
                continue
            for key, derived in all_keys[index]:
                folded[key][derived].remove(term_id)
                if folded[key] == ([], []):
                    del folded[key]
            keys = all_keys[index] = term_keys("en", text, keep=self.keep)
            if len(words) > 1:
                for word in set(words) & numbers.keys():
                    other = re.sub(rf"(?i)\b{word}\b", numbers[word], text)
                    keys += [(key, True) for key, _ in term_keys("en", other, keep=self.keep) if all(key != k for k, _ in keys)]
            for key, derived in keys:
                folded.setdefault(key, ([], []))[derived].append(term_id)

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_recent"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _recent={})

    def _remembered(self, find, text: str, breaks: tuple[int, ...]) -> list[Hit]:
        """find(text, breaks), from memory when the text came recently (drafts repeat segments)."""
        if len(text) > _REMEMBERED_LENGTH:
            return find(text, breaks)
        recent = self._recent
        key = (find.__name__, text, breaks)
        hits = recent.get(key)
        if hits is None:
            if len(recent) >= _REMEMBERED_TEXTS:
                recent = self._recent = {}
            hits = recent[key] = tuple(find(text, breaks))
        return list(hits)

    def find(self, text: str, breaks: tuple[int, ...] = ()) -> list[Hit]:
        """Every occurrence (overlaps included) of a term, in the original offsets of `text`, unordered.

        pyahocorasick's own iter_long is not used: it drops a match that follows a longer key's
        failed prefix (keys 胀 and 通胀率 in "#通胀" give nothing); `longest` picks from these."""
        return self._remembered(self._find, text, breaks)

    def find_longest(self, text: str, breaks: tuple[int, ...] = ()) -> list[Hit]:
        """longest(find(text, breaks)), sooner: only the hits `longest` would choose are tested for
        lying inside a longer word (dropping a hit it skips changes nothing it chooses). In Chinese a
        chosen hit gives way to a longer one starting inside it where the sentence's words part there
        (年金 to 金管局 in 过去几年金管局; see _parted_longest)."""
        return self._remembered(self._find_longest, text, breaks)

    def _find(self, text: str, breaks: tuple[int, ...]) -> list[Hit]:
        if self.lang != "zh":  # only Chinese keys can lie inside a longer word
            return self._find_english(text, breaks)
        hits, holdable, norm = self._candidates(text, breaks)
        spans = [span for span in holdable if span is not None]
        words = segmenter() if spans else None
        if words is None:
            return hits
        inside = words.inside_longer_word(norm, spans)
        return [hit for hit, span in zip(hits, holdable) if span is None or span not in inside]

    def _find_longest(self, text: str, breaks: tuple[int, ...]) -> list[Hit]:
        if self.lang != "zh" or not text:
            return longest(self._find(text, breaks))
        if self._exact or not self._folded:
            return _parted_longest(self._find(text, breaks), text, breaks)
        norm, offsets = zh_match_text(text, breaks)
        folded = self._folded
        # start -> the longest key found there (keys come by end, so a start's last key is its longest)
        cuts = _inside_numbers(norm)
        if cuts:  # (no key cuts a number: 图1 is not in 图10)
            at = {end - value[0] + 1: value for end, value in folded.iter(norm)
                  if end not in cuts and end - value[0] not in cuts}
        else:
            at = {end - value[0] + 1: value for end, value in folded.iter(norm)}
        starts = sorted(at)
        tested: set[tuple[int, int]] = set()
        while True:  # leftmost-longest on the normalized text (its offsets keep the order of spans)
            chosen = []
            untested = []  # the chosen spans a longer word could hold, not tested yet
            reach = -1
            for start in starts:
                if start >= reach:
                    value = at[start]
                    if value is not None:
                        chosen.append((start, value))
                        reach = start + value[0]
                        if (start, reach) not in tested and _holdable(norm, start, reach, value[2], value[3]):
                            untested.append((start, reach))
            overlapped = _overlapped(chosen, at)
            words = segmenter() if untested or overlapped else None
            if words is not None and overlapped:
                lost = [(start, later) for start, later in overlapped if words.parts_at(norm, later, start + at[start][0])]
                if lost:  # 年金 in 过去几年|金管局: the key the sentence's words give instead (金管局), or a shorter one there
                    for start, later in lost:
                        shorter = [value for found, value in folded.iter(norm, start, later)
                                   if found - value[0] + 1 == start and found not in cuts]
                        at[start] = shorter[-1] if shorter else None
                    continue
            if words is None or not untested:
                return [_new(Hit, (offsets[start], offsets[start + value[0] - 1] + 1, value[1]))
                        for start, value in chosen]
            tested.update((start, start + value[0]) for start, value in chosen)  # each span's verdict is final
            for start, end in words.inside_longer_word(norm, untested):  # the next longest key there instead
                shorter = [(found, value) for found, value in folded.iter(norm, start, end - 1)
                           if found - value[0] + 1 == start and found not in cuts]
                at[start] = shorter[-1][1] if shorter else None

    def _candidates(self, text: str, breaks: tuple[int, ...]) -> tuple[list[Hit], list, str]:
        """The hits in Chinese text before the longer-word test, with each one's span in the normalized
        text when a longer word could hold it (else None), and that text."""
        if not text:
            return [], [], ""
        hits, holdable, norm = self._find_folded_chinese(text, breaks) if self._folded else ([], [], "")
        exact = self._find_exact(text, breaks) if self._exact else None
        if exact:
            kept = _not_replaced(hits, exact, self._marked)
            if kept is not None:
                hits = [hits[k] for k in kept]
                holdable = [holdable[k] for k in kept]
            hits += exact
            holdable += [None] * len(exact)
        return hits, holdable, norm

    def _find_english(self, text: str, breaks: tuple[int, ...]) -> list[Hit]:
        if not text:
            return []
        hits = self._find_folded_english(text, breaks) if self._folded else []
        exact = self._find_exact(text, breaks) if self._exact else None
        if exact:
            kept = _not_replaced(hits, exact, self._marked)
            if kept is not None:
                hits = [hits[k] for k in kept]
            hits += exact
        return hits

    def _find_folded_chinese(self, text: str, breaks: tuple[int, ...]) -> tuple[list[Hit], list, str]:
        hits = []
        holdable = []
        norm, offsets = zh_match_text(text, breaks)
        cuts = _inside_numbers(norm)
        for end, (length, ids, before, after) in self._folded.iter(norm):
            start = end - length + 1
            if cuts and (end in cuts or start - 1 in cuts):
                continue  # 图1 is not in 图10
            hits.append(_new(Hit, (offsets[start], offsets[end] + 1, ids)))
            holdable.append((start, end + 1) if _holdable(norm, start, end + 1, before, after) else None)
        return hits, holdable, norm

    def _find_folded_english(self, text: str, breaks: tuple[int, ...]) -> list[Hit]:
        tokens, starts, ends = en_match_tokens(text, breaks, self.keep)
        hits = self._folded_hits(tokens, starts, ends)
        joined = _run_together(text, tokens, starts, ends, self._closed) if self._closed else None
        if joined:  # a term spelled as the text spells it wins ("data base" for "data base", not "database")
            have = {hit[:2] for hit in hits}
            hits += [hit for hit in self._folded_hits(*joined) if hit[:2] not in have]
        return hits

    def _folded_hits(self, tokens: list[str], starts: list[int], ends: list[int]) -> list[Hit]:
        vocab = self._vocab
        unknown = vocab[_UNKNOWN_WORD]
        norm = "".join(map(vocab.get, tokens, repeat(unknown)))
        width = len(unknown)
        return [_new(Hit, (starts[(end + 1 - length) // width], ends[end // width], ids))
                for end, (length, ids) in self._folded.iter(norm)]

    def _find_exact(self, text: str, breaks: tuple[int, ...]) -> list[Hit]:
        hits = []
        cuts = set(breaks)
        for end, (length, ids) in self._exact.iter(text):
            start, stop = end - length + 1, end + 1
            if any(start < b < stop for b in cuts):
                continue
            if self.lang != "zh":
                if start > 0 and text[start - 1].isalnum():
                    continue
                stop = _word_end(text, stop)
                if stop is None:
                    continue
            hits.append(Hit(start, stop, ids))
        return hits


_REMEMBERED_TEXTS = 2048  # texts whose hits a matcher keeps (by text and way of finding)
_REMEMBERED_LENGTH = 500  # longer texts are not kept (they seldom repeat; memory stays a few MB)


def folded_words(text: str, breaks: tuple[int, ...] = (), keep: frozenset[str] = NO_WORDS) -> list[str]:
    """The folded words of a text (punctuation between them dropped)."""
    return [token for token in en_match_tokens(text, breaks, keep)[0] if token != BOUNDARY]


@lru_cache(maxsize=65536)
def content_words(text: str) -> tuple[str, ...]:
    """The folded words of a text without function words, in order (renderings recur: cached)."""
    return tuple(word for word in en_match_words(text) if word not in FUNCTION_WORDS and word != BOUNDARY)


@lru_cache(maxsize=65536)
def _content_words(rendering: str, keep: frozenset[str]) -> tuple[frozenset[str], int]:
    """A rendering's content words, and how many words it has in all."""
    words = [en_fold_token(token, keep) for token in en_words(rendering)]
    return frozenset(w for w in words if w not in FUNCTION_WORDS), len(words)


def may_be_reordered(rendering: str, keep: frozenset[str] = NO_WORDS) -> bool:
    """True when a rendering has two or more content words (only those can be reordered)."""
    return len(_content_words(rendering, keep)[0]) >= 2


def reordered_in(rendering: str, words: list[str], present: set[str], keep: frozenset[str] = NO_WORDS,
                 text: str = "", breaks: tuple[int, ...] = ()) -> bool:
    """True when every content word of a multiword rendering occurs close together in `words`
    (`present` is their set): English puts one noun phrase in several orders ("resumption of
    work" / "work resumption"). With the `text` the words are of (and its inline-code `breaks`), a
    name's words said around "of" or "for" do not count where a capitalised word goes on after them:
    "Secretary for Financial Services" is another office's name, no "Financial Secretary"."""
    needed, length = _content_words(rendering, keep)
    if len(needed) < 2 or not needed <= present:
        return False
    span = length + 2
    going_on = _name_goes_on(text, breaks) if text and _is_name(rendering) else frozenset()
    for i, word in enumerate(words):
        if word not in needed:
            continue
        seen: set[str] = set()
        for j in range(i, min(i + span, len(words))):
            seen.add(words[j])
            if needed <= seen:
                if j not in going_on or not any(w in _NAME_LINKS for w in words[i:j]):
                    return True
                break
    return False


_NAME_LINKS = frozenset({"of", "for"})  # (as folded)


def _is_name(rendering: str) -> bool:
    """Every content word of the rendering begins with a capital (Financial Secretary)."""
    words = [w for w in en_words(rendering) if w.casefold() not in FUNCTION_WORDS]
    return bool(words) and all(w[:1].isupper() for w in words)


@lru_cache(maxsize=64)
def _name_goes_on(text: str, breaks: tuple[int, ...]) -> frozenset[int]:
    """The places k in folded_words(text, breaks) whose next word, with no punctuation between, is a
    capitalised word other than a function word: a name going on past word k."""
    tokens, starts, _ = en_match_tokens(text, breaks)
    out, k, after_word = set(), -1, False
    for token, start in zip(tokens, starts):
        if token == BOUNDARY:
            after_word = False
            continue
        k += 1
        if after_word and text[start].isupper() and token not in FUNCTION_WORDS:
            out.add(k - 1)
        after_word = True
    return frozenset(out)


_NAME = re.compile(r"^[A-Z][a-z]{3,}$")
_NAME_SUFFIXES = ("ese", "ean", "ian", "an", "n")


@lru_cache(maxsize=4096)
def name_adjectives(rendering: str) -> frozenset[str]:
    """The adjectives (and demonyms) English makes of a one-word place name by its ending: China ->
    Chinese, Japan -> Japanese, Korea -> Korean, Italy -> Italian, Canada -> Canadian, Germany ->
    German; empty for anything but one capitalized word."""
    if not _NAME.match(rendering):
        return frozenset()
    stems = [rendering] + ([rendering[:-1]] if rendering[-1] in "aeoy" else [])
    forms = {stem + suffix for stem in stems for suffix in _NAME_SUFFIXES}
    if rendering.endswith("y"):
        forms.add(rendering[:-1])
    return frozenset(forms - {rendering})


_CVC = re.compile(r"[^aeiou][aeiou][b-df-hj-npr-tvz]$")  # a final consonant English doubles: plan -> planned


@lru_cache(maxsize=16384)
def verb_forms(rendering: str) -> frozenset[str]:
    """The -ing and -ed forms of a one-word rendering, "to" before it or not, folded as the target's
    words are: made by the regular rules (work -> working, worked; plan -> planning; apply -> applied;
    to share -> sharing, shared), and the lexicon's (verb_inflections), irregular ones too (build ->
    built; program -> programed, besides programmed); empty for anything but one word."""
    word = rendering.casefold().removeprefix("to ")  # (a glossary's verb: "to promote")
    if not word.isalpha() or len(word) < 3:
        return frozenset()
    stems = [word[:-1]] if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) else [word]
    if _CVC.search(word):  # doubled or not (visited, occurred): a form nobody writes matches nothing
        stems.append(word + word[-1])
    forms = {stem + "ing" for stem in stems} | {stem + "ed" for stem in stems}
    if word.endswith("e"):
        forms.add(word + "d")
    if len(word) > 3 and word.endswith("y") and word[-2] not in "aeiou":
        forms.add(word[:-1] + "ied")
    forms.update(verb_inflections(word))  # the lexicon's, irregular ones too (build: built; write: wrote)
    return frozenset(en_fold_word(form) for form in forms - {word}) - {en_fold_word(word)}


# a noun's ending -> the endings of the verb or adjective it is made from, and whether that word's bare
# form counts (consolidation: consolidate; sustainability: sustainable; settlement: settled, not "settle";
# clearing: cleared), only those of verbs with -ment and -ing: "state" is no "statement", "bank" no "banking"
_NOUN_ENDINGS = (("isation", ("ise", "ize"), True), ("ization", ("ize", "ise"), True), ("ation", ("ate", "atory"), True),
                 ("ision", ("ise", "ize", "isory"), True), ("ability", ("able",), True), ("ibility", ("ible",), True),
                 ("ivity", ("ive",), True), ("ness", ("",), True), ("ance", ("ant",), True), ("ence", ("ent",), True),
                 ("ment", ("", "e"), False), ("ing", ("", "e"), False))
_NOUN_STEM_MIN = 4  # letters left before the ending (nation, station, being, thing: no word made from another)


@lru_cache(maxsize=16384)
def derived_forms(rendering: str) -> frozenset[str]:
    """The words a one-word noun rendering is made from, with their -ed and -ing forms (verb_forms), folded
    as the target's words are: a translation may say the term as a verb or an adjective ("consolidated
    total capital ratio" for 綜合 "consolidation"; "to digitalise" for 數碼化 "digitalisation"; "sustainable"
    for "sustainability"; "non-centrally cleared" for 結算 "clearing"); empty for anything but one word."""
    word = rendering.casefold()
    if not word.isalpha():
        return frozenset()
    for ending, replacements, bare in _NOUN_ENDINGS:
        stem = word.removesuffix(ending)
        if stem != word and len(stem) >= _NOUN_STEM_MIN:
            bases = [stem + replacement for replacement in replacements if not (replacement == "e" == stem[-1])]
            forms = set(chain.from_iterable(map(verb_forms, bases)))
            return frozenset(forms | {en_fold_word(base) for base in bases} if bare else forms)
    return frozenset()


_DIGIT_BEFORE_DIGIT = re.compile(r"\d(?=\d)")
_AMOUNT = re.compile(r"\d[\d,.]*(?![\w])")  # digits (with separators) ending a word


def _parted_longest(hits: list[Hit], text: str, breaks: tuple[int, ...]) -> list[Hit]:
    """longest(hits), a chosen hit that a longer one starting inside it runs past given up where the
    sentence's words part there (as _find_longest does: 年金 in 过去几年|金管局)."""
    while True:
        chosen = longest(hits)
        by_start = {}
        for hit in hits:
            if hit.end - hit.start > by_start.get(hit.start, (0, 0))[0]:
                by_start[hit.start] = (hit.end - hit.start, hit)
        pairs = [(hit, later) for hit in chosen for later in range(hit.start + 1, hit.end)
                 if later in by_start and later + by_start[later][0] > hit.end and by_start[later][0] > hit.end - hit.start]
        words = segmenter() if pairs else None
        if words is None:
            return chosen
        norm, offsets = zh_match_text(text, breaks)
        place = {offset: k for k, offset in enumerate(offsets)}
        lost = {hit for hit, later in pairs if later in place and hit.end in place
                and words.parts_at(norm, place[later], place[hit.end])}
        if not lost:
            return chosen
        hits = [hit for hit in hits if hit not in lost]


def _overlapped(chosen: list[tuple[int, tuple]], at: dict[int, tuple | None]) -> list[tuple[int, int]]:
    """(start, later) of each chosen key that a longer key starting inside it (at `later`) runs past:
    leftmost-longest took 年金 in 年金管局, where 金管局 may be the sentence's word."""
    out = []
    for start, value in chosen:
        reach = start + value[0]
        for later in range(start + 1, reach):
            other = at.get(later)
            if other is not None and later + other[0] > reach and other[0] > value[0]:
                out.append((start, later))
                break
    return out


def _inside_numbers(text: str) -> set[int]:
    """The positions in `text` of a digit that another digit follows: a match may not end there or
    start right after one."""
    return {m.start() for m in _DIGIT_BEFORE_DIGIT.finditer(text)}


_PART_MIN = 3  # the shortest part of a closed compound written as two words ("web site"; not "a long", "on line")


def _run_together(text: str, tokens: list[str], starts: list[int], ends: list[int], closed: frozenset[str]
                  ) -> tuple[list[str], list[int], list[int]] | None:
    """The tokens of `text` with each two neighbours, a space apart, that spell one of the glossary's
    `closed` words run together ("data base" as "database", "policy makers" as "policymaker", "health care"
    as "healthcare"): English writes a compound open or closed, as it writes it with a hyphen or not; None
    when no two do. Function words and parts under three letters never join ("in to", "on line")."""
    words: list[str] = []
    word_starts: list[int] = []
    word_ends: list[int] = []
    done = 0  # tokens[:done] are in words
    for k in range(len(tokens) - 1):
        first, second = tokens[k], tokens[k + 1]
        if len(first) < _PART_MIN or len(second) < _PART_MIN or first + second not in closed or k < done \
                or first in FUNCTION_WORDS or second in FUNCTION_WORDS or text[ends[k]:starts[k + 1]] != " ":
            continue
        words += tokens[done:k] + [first + second]
        word_starts += starts[done:k + 1]
        word_ends += ends[done:k] + [ends[k + 1]]
        done = k + 2
    if not done:
        return None
    return words + tokens[done:], word_starts + starts[done:], word_ends + ends[done:]


def _word_end(text: str, stop: int) -> int | None:
    """Where a whole-word match ending at `stop` ends, allowing a plural or possessive "s"; an
    amount right after the letters ends the word there (a currency code glued to it: RMB17 billion)."""
    for suffix in ("", "s", "'s", "’s"):
        if text.startswith(suffix, stop):
            end = stop + len(suffix)
            if end >= len(text) or not text[end].isalnum():
                return end
    if text[stop:stop + 1].isdigit() and text[stop - 1].isalpha() and _AMOUNT.match(text, stop):
        return stop
    return None


def _not_replaced(hits: list[Hit], exact: list[Hit], marked: frozenset[int]) -> list[int] | None:
    """The indexes of the hits that no exact hit of a term in `marked` replaces (a term marked exact,
    matched as written, beats a folded match of the same words: centre deprecated, center preferred;
    an acronym does not: SVF and SVFs are both right in "SVFs"), or None when it replaces none."""
    if marked:
        exact = [hit for hit in exact if not marked.isdisjoint(hit[2])]
    else:
        return None
    if not exact:
        return None
    ends = {hit[1] for hit in exact}
    spans = {hit[:2] for hit in exact}
    kept = [k for k, hit in enumerate(hits) if hit[1] not in ends or hit[:2] not in spans]
    return kept if len(kept) < len(hits) else None


def longest(hits: list[Hit]) -> list[Hit]:
    """Leftmost-longest, non-overlapping hits: a term never fires inside a longer known term."""
    chosen: list[Hit] = []
    reach = -1
    ordered = sorted(hits, key=itemgetter(1), reverse=True)
    ordered.sort(key=itemgetter(0))  # stable: by start, then longest first
    for hit in ordered:
        if hit.start >= reach:
            chosen.append(hit)
            reach = hit.end
    return chosen


def _simplified_all(lang: str, texts: list[str]) -> list[str]:
    """Chinese terms converted to Simplified in one OpenCC call (others unchanged)."""
    if lang != "zh" or not texts:
        return texts
    converted = to_simplified("\n".join(texts)).split("\n")
    return converted if len(converted) == len(texts) else [to_simplified(t) for t in texts]


def _automaton(items: Iterable[tuple[str, tuple]]) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton()
    for key, value in items:
        automaton.add_word(key, value)
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton
