"""Words of a Chinese segment (jieba, with part-of-speech from jieba's dictionary) and tokens of
an English segment, both with offsets, and the CC-CEDICT stems each one can translate to."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from glossary.align.anchors import zh_numbers, en_numbers
from glossary.keys import CJK_RE
from glossary.lexicon import STOPWORDS, cedict, en_stem, is_stopword, zh_gloss_stems
from glossary.models import bulk_constructor

_CURRENCY_SIGNS = "$¥£€"
# a currency sign with the letters of its country before a number (US$26, HK$7.80, RMB¥5, NT$ 1, and in
# capitals with a space between: US $5) is one token and no word, as "$" alone is: not the acronym US
_EN_TOKEN = re.compile(rf"(?:[A-Za-z]{{1,3}}|[A-Z]{{2,3}} )[{_CURRENCY_SIGNS}](?=\s?\d)|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?"
                       r"|[A-Za-z0-9][A-Za-z0-9'’]*(?:[-‐–][A-Za-z0-9'’]+)*|[,;:()\"“”]|[^\sA-Za-z0-9]")
_PARTS = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")
_LOWER = re.compile(r"[a-z]")


@dataclass(frozen=True, slots=True)
class ZhWord:
    text: str
    tag: str
    start: int
    end: int
    stems: frozenset[str]
    pieces: tuple[tuple[int, frozenset[str]], ...] = ()  # dictionary pieces: (length, stems)


@dataclass(frozen=True, slots=True)
class EnToken:
    text: str
    start: int
    end: int
    stems: frozenset[str]  # content stems of its parts (empty for function words and punctuation)
    word: bool  # a word, not punctuation
    stop: bool  # a function word


_new_zh_word, _new_en_token = bulk_constructor(ZhWord), bulk_constructor(EnToken)  # one per word of every sentence


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba, *_jieba_tables()


@cache
def _jieba_tables() -> tuple[dict[str, str], dict[str, int]]:
    """jieba's tags and frequencies (see _dictionary), without loading its segmenter."""
    import jieba

    return _dictionary(jieba)


def _dictionary(jieba) -> tuple[dict[str, str], dict[str, int]]:
    """Part-of-speech tags and corpus frequencies of jieba's dictionary words, read straight from its
    dict.txt (importing jieba.posseg for the tags costs a second per process)."""
    tags, freqs = {}, {}
    with jieba.dt.get_dict_file() as handle:
        for line in handle.read().decode("utf-8").splitlines():
            parts = line.split(" ")
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
                freqs[parts[0]] = int(parts[1])
    return tags, freqs


COMMON_WORD = 12_000  # a word this frequent in jieba's general-language counts is everyday Chinese


def general_frequency(word: str) -> int:
    """How often `word` occurs in general Chinese (jieba's dictionary counts; 0 if it is not there)."""
    return _jieba()[2].get(word, 0)


def dictionary_tag(word: str) -> str:
    """jieba's part-of-speech tag for `word` ("" if its dictionary lacks it)."""
    return _jieba_tables()[0].get(word, "")


_CACHES_OF_CUTS: list = []  # caches whose answers hang on how jieba cuts text or on its tags


def cleared_on_new_words(cached):
    """Mark a cached function whose answer depends on how jieba cuts text or tags a word
    (`zh_words`, `dictionary_tag`): `add_user_words` clears it, as a new word changes both
    (应急处置 added: 应急 | 处置 "respond to emergencies, deal with" becomes one noun)."""
    _CACHES_OF_CUTS.append(cached)
    return cached


def add_user_words(words: Iterable[str]) -> None:
    """Make jieba keep these (approved termbase terms) as single words; what was cached of the
    old cuts and tags is forgotten."""
    jieba, tags, _ = _jieba()
    added = False
    for word in words:
        if word and CJK_RE.search(word) and word not in tags:
            jieba.add_word(word, freq=50_000, tag="nz")
            tags[word] = "nz"
            added = True
    if added:
        for cached in _CACHES_OF_CUTS:
            cached.cache_clear()


def _guess_tag(word: str) -> str:
    if not CJK_RE.search(word):
        return "m" if word[:1].isdigit() else ("eng" if word[:1].isalpha() else "x")
    return "n"


@cache
def word_stems(word: str) -> frozenset[str]:
    """English stems a Chinese word can translate to: its CC-CEDICT glosses, else those of its parts."""
    found = cedict().get(word)
    if found:
        return found
    if not CJK_RE.search(word):  # Latin inside Chinese (APEC, 5G) stands for itself
        return token_stems(word) | {word.lower()}
    stems = set(zh_gloss_stems(word))
    stems |= {n.split(".")[0] for n in zh_numbers(word)}
    return frozenset(stems)


@cache
def word_pieces(word: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """A word as CC-CEDICT pieces (longest match first), so that each piece must be translated:
    a dictionary word is one piece; 港澳办 is 港澳 + 办."""
    table = cedict()
    if word in table or not CJK_RE.search(word):
        return ((len(word), word_stems(word)),)
    freqs = _jieba_tables()[1]
    # best[j]: (pieces, -sum of log frequencies, where the last piece starts) of the best split of word[:j]:
    # the fewest pieces, then the most common ones (大 + 开放, not 大开 + 放)
    best: list[tuple[int, float, int]] = [(0, 0.0, 0)] + [(len(word) + 1, 0.0, 0)] * len(word)
    for i in range(len(word)):
        count, cost, _ = best[i]
        for j in range(i + 1, min(len(word), i + 4) + 1):
            piece = word[i:j]
            if piece in table or j == i + 1:
                candidate = (count + 1, cost - math.log(freqs.get(piece, 0) + 1), i)
                if candidate[:2] < best[j][:2]:
                    best[j] = candidate
    cuts, j = [], len(word)
    while j:
        cuts.append(best[j][2])
        j = best[j][2]
    pieces = []
    for i, j in zip(reversed(cuts), [*reversed(cuts[:-1]), len(word)]):
        piece = word[i:j]
        pieces.append((len(piece), word_stems(piece) if piece in table or not CJK_RE.match(piece) else frozenset()))
    return tuple(pieces)


_GLUED_TAGS = ("v", "p", "c", "d")  # a verb, preposition, conjunction or adverb of one character


def _unglued(words: list[str], tags: dict[str, str]) -> list[str]:
    """jieba's words with a made-up word (one its guesser made, or a "name" in its dictionary, but no
    CC-CEDICT word) cut where it is a dictionary word of two characters or more and then a one-character
    verb, preposition, conjunction or adverb (美元兑 → 美元 | 兑 "against", in 美元兑一篮子货币)."""
    table = cedict()
    out = []
    for word in words:
        head, last = word[:-1], word[-1:]
        if len(word) >= 3 and tags.get(word, "nr") == "nr" and word not in table and head in tags and CJK_RE.match(word) \
                and tags.get(last, "").startswith(_GLUED_TAGS) and tags[last] != "vn":
            out += [head, last]
        else:
            out.append(word)
    return out


def _join_dictionary_words(words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Rejoin jieba's pieces of a longer CC-CEDICT headword (一带 + 一路 → 一带一路), or single
    characters it cut apart that make one (初 + 心 → 初心); each word comes with the pieces it was
    joined from."""
    table = cedict()
    out, k = [], 0
    while k < len(words):
        for n in (3, 2):
            joined = "".join(words[k : k + n])
            if k + n <= len(words) and (len(joined) >= 3 or len(joined) == n) and joined in table and CJK_RE.match(joined):
                out.append((joined, tuple(words[k : k + n])))
                k += n
                break
        else:
            out.append((words[k], (words[k],)))
            k += 1
    return out


MIN_HEADWORD = 4  # characters of a CC-CEDICT headword that wins over jieba's cut


@cache
def _long_headwords():
    """An automaton over the CC-CEDICT headwords of MIN_HEADWORD characters or more (None if there are none)."""
    import ahocorasick

    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for word in cedict():
        if len(word) >= MIN_HEADWORD and CJK_RE.fullmatch(word[0]) and CJK_RE.fullmatch(word[-1]):
            automaton.add_word(word)
    automaton.make_automaton()
    return automaton


def _with_long_headwords(text: str, words: list[str], jieba) -> list[str]:
    """jieba's words, re-cut where a long CC-CEDICT headword is cut apart only by short words that run
    over its edges (向上|合|组织 → 向|上合组织): the dictionary's longer word is the likelier reading."""
    starts, at = {}, 0
    for k, word in enumerate(words):
        starts[at] = k
        at += len(word)
    ends = {start + len(words[k]): k for start, k in starts.items()}
    found = []
    for end, length in _long_headwords().iter(text):
        start, end = end - length + 1, end + 1
        if start in starts and end in ends:
            continue  # on jieba's boundaries already (joined later if jieba split it)
        first = max(k for s, k in starts.items() if s <= start)
        last = min(k for e, k in ends.items() if e >= end)
        if first == last or any(len(words[k]) > 2 for k in (first, last) if k is not None):
            continue  # inside one jieba word, or over the edge of a long one: jieba's reading stands
        found.append((start, end, first, last))
    if not found:
        return words
    out, k = [], 0
    for start, end, first, last in sorted(found):
        if first < k:
            continue  # (overlaps a re-cut already made)
        out += words[k:first]
        head = "".join(words[first:last + 1])
        offset = sum(len(w) for w in words[:first])
        out += jieba.lcut(head[: start - offset]) if start > offset else []
        out.append(text[start:end])
        out += jieba.lcut(head[end - offset :]) if end - offset < len(head) else []
        k = last + 1
    return out + words[k:]


def zh_words(text: str) -> list[ZhWord]:
    """The words of a Chinese text with their tags, offsets and dictionary stems."""
    return list(_segmented(text))


@cleared_on_new_words
@lru_cache(maxsize=1 << 16)  # mining segments each candidate term again (shape tests) and corpora repeat sentences
def _segmented(text: str) -> tuple[ZhWord, ...]:
    jieba, tags, _ = _jieba()
    out, pos = [], 0
    for word, parts in _join_dictionary_words(_with_long_headwords(text, _unglued(jieba.lcut(text), tags), jieba)):
        end = pos + len(word)
        if word.strip():
            stems, pieces = word_stems(word), word_pieces(word)
            if len(parts) > 1:  # a joined word keeps its parts' glosses too (副市长: deputy mayor, vice)
                stems = stems.union(*(word_stems(p) for p in parts))
                pieces = ((len(word), stems),)
            out.append(_new_zh_word(word, tags.get(word) or _guess_tag(word), pos, end, stems, pieces))
        pos = end
    return tuple(out)


@cache
def token_stems(token: str) -> frozenset[str]:
    stems = set()
    for part in _PARTS.findall(token):
        if part[0].isdigit():
            stems |= {n.split(".")[0] for n in en_numbers(part)}
        elif not is_stopword(part):
            stems.add(en_stem(part))
    return frozenset(stems)


_DEMONYM = re.compile(r"([A-Z][a-z]{2,}?)(ian|an|ese)")
_COUNTRY_ENDINGS = {"ian": ("y", "ia", "e", ""), "an": ("a", "y", ""), "ese": ("a", "")}


@cache
def country_stems(word: str) -> frozenset[str]:
    """Stems of the country names a capitalised adjective of nationality may come from (Italian: Italy,
    Italia; Armenian: Armenia; Japanese: Japan), for a word the dictionary cannot link as it stands."""
    found = _DEMONYM.fullmatch(word)
    if not found:
        return frozenset()
    stem, suffix = found.groups()
    return frozenset(en_stem(stem + ending) for ending in _COUNTRY_ENDINGS[suffix]) - {en_stem(word)}


_NOT_A_WORD = (frozenset(), False, False)  # (stems, word, stop) of punctuation or a currency sign


@lru_cache(maxsize=1 << 16)  # words recur from sentence to sentence
def _token_facts(token: str) -> tuple[frozenset[str], bool, bool]:
    """(stems, word, stop) of a token of mixed-case text, as EnToken has them: "Banks" (bank stems,
    a word, no function word); "the" (no stems, a word, a function word); "US" (an acronym, no "us")."""
    if not (token[0].isalnum() and token[-1] not in _CURRENCY_SIGNS):
        return _NOT_A_WORD
    if is_stopword(token):
        return frozenset(), True, True
    return token_stems(token), True, False


def en_tokens(text: str) -> list[EnToken]:
    """The tokens of an English text with their offsets and stems ("the HKMA's reserves": the, HKMA's,
    reserves); each distinct token's facts are worked out once (_token_facts)."""
    out = []
    append, new, facts = out.append, _new_en_token, _token_facts  # (a hot loop)
    if _LOWER.search(text):
        for m in _EN_TOKEN.finditer(text):
            token = m.group()
            append(new(token, m.start(), m.end(), *facts(token)))
        return out
    for m in _EN_TOKEN.finditer(text):  # in capitals throughout, US may be "us"
        token = m.group()
        word = facts(token)[1]
        stop = word and token.lower() in STOPWORDS
        append(new(token, m.start(), m.end(), token_stems(token) if word and not stop else frozenset(), word, stop))
    return out
