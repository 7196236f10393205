"""Chinese word boundaries for the checker: jieba's dictionary and its best-path segmentation,
without importing jieba (its start-up costs a second; this loads from the cache in milliseconds).

A glossary term found strictly inside a longer word of the sentence is not that term: 中国 in
发展中国家 ("developing countries"), 数据 in 数据库 ("database"), 大使 in 大使馆 ("embassy").
"""

from __future__ import annotations

import importlib.util
import math
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import repeat
from pathlib import Path

import ahocorasick

from glossary.keys import BOUNDARY

_LENGTH_BITS = 6  # a word's length is kept in the low bits of its automaton value, its cost above


def jieba_dictionary() -> Path | None:
    """jieba's main dictionary file (word, frequency, tag per line), found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "dict.txt"
    return path if path.is_file() else None


class Segmenter:
    """jieba's dictionary segmentation (its DAG and best route, HMM off) over an Aho-Corasick
    automaton of the dictionary; costs are whole milli-nats of -log(probability)."""

    def __init__(self, dictionary: Path) -> None:
        entries: list[tuple[str, int]] = []
        with dictionary.open(encoding="utf-8") as fh:
            for line in fh:
                word, _, rest = line.partition(" ")
                freq = rest.split(" ", 1)[0]
                if word and freq.isdigit():
                    entries.append((word, int(freq)))
        log_total = math.log(sum(f for _, f in entries) or 1)
        self.unknown = round(log_total * 1000)  # a character the dictionary lacks counts as frequency 1
        self.single: dict[str, int] = {}  # one-character words, by cost (kept out of the automaton: fewer matches)
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self.rank = _character_ranks(entries)
        for word, freq in self.common_characters_first(entries):
            if freq > 0 and len(word) < 1 << _LENGTH_BITS:
                cost = round((log_total - math.log(freq)) * 1000)
                if len(word) == 1:
                    self.single[word] = cost
                else:
                    self.automaton.add_word(word, cost << _LENGTH_BITS | len(word))
        self.automaton.make_automaton()

    def common_characters_first(self, items: Iterable[tuple[str, object]]) -> list[tuple[str, object]]:
        """(key, value) in the order to add to an automaton: by their characters' frequency, most common
        first, so that a node's common children come first (pyahocorasick scans a node's children in
        order). Stable: a repeated key keeps its last value."""
        rank, rare = self.rank, len(self.rank)
        return sorted(items, key=lambda item: [rank.get(char, rare) for char in item[0]])

    def inside_longer_word(self, text: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
        """The spans of `text` (Simplified, BOUNDARY between clauses) that lie strictly inside one
        longer word of the text's segmentation, or whose first or last word (segmented alone, two
        characters or more) a longer word of the text swallows with more beyond the span (驻重庆总领事 in 驻重庆总领事馆:
        总领事馆), unless what that word adds is a word of two or more characters (香港特区 in
        香港特区政府 is kept; 大使 in 大使馆 is not; a one-character term inside a longer word never is)."""
        inside = set()
        spans = sorted(spans)
        k = 0
        while k < len(spans):  # clause by clause (a term never crosses a BOUNDARY)
            start = text.rfind(BOUNDARY, 0, spans[k][0]) + 1
            stop = text.find(BOUNDARY, spans[k][0])
            stop = len(text) if stop < 0 else stop
            found = []
            while k < len(spans) and spans[k][0] < stop:
                found.append(spans[k])
                k += 1
            starts, ends = self._clause_words(text[start:stop])
            for span_start, span_end in found:
                at = bisect_right(starts, span_start - start) - 1
                word_start, word_end = starts[at] + start, ends[at] + start
                if span_end <= word_end:
                    if word_end - word_start > span_end - span_start and (
                            span_end - span_start < 2  # one character inside a word is a bound morpheme (书 in 书桌上)
                            or not self._compound(text[word_start:span_start], text[span_end:word_end])):
                        inside.add((span_start, span_end))
                    continue
                own_starts, own_ends = self._clause_words(text[span_start:span_end])
                last = bisect_right(starts, span_end - 1 - start) - 1
                last_start, last_end = starts[last] + start, ends[last] + start
                if (word_start < span_start and span_start + own_ends[0] <= word_end and own_ends[0] > 1
                        and not self._compound(text[word_start:span_start])) or \
                        (span_end < last_end and last_start <= span_start + own_starts[-1] < span_end - 1
                         and not self._compound(text[span_end:last_end])):
                    inside.add((span_start, span_end))  # its first or last word swallowed by a longer one
                elif word_start < span_start and span_end < last_end:
                    inside.add((span_start, span_end))  # the sentence's words cut across it: 国会 in 中国|会议
            for span_start, span_end in found:
                at = bisect_right(starts, span_start - start - 1) - 1
                if at >= 0 and starts[at] + start == span_start - 1 == ends[at] + start - 1 \
                        and text[span_start - 1] in NEGATING:
                    inside.add((span_start, span_end))  # 非|现场审查 "off-site review" is no 现场审查 "on-site examination"
        return inside

    def parts_at(self, text: str, cut: int, end: int) -> bool:
        """True when the words of the clause holding text[cut] part at `cut` and not at `end` (a later
        position): a term ending at `end` loses its characters from `cut` on to the next word (年金 in
        过去几年|金管局, parted at 金, not after it)."""
        first = text.rfind(BOUNDARY, 0, cut) + 1
        stop = text.find(BOUNDARY, cut)
        starts, _ = self._clause_words(text[first:len(text) if stop < 0 else stop])
        at = set(starts)
        return cut - first in at and end - first not in at

    @lru_cache(maxsize=4096)  # clauses recur: in the next round of a sentence's longest match, in boilerplate
    def _clause_words(self, clause: str) -> tuple[list[int], list[int]]:
        """Where the words of a clause start, and where they end."""
        words = self._words(clause, 0, len(clause))
        return [w[0] for w in words], [w[1] for w in words]

    def _compound(self, *rest: str) -> bool:
        """True when what a word has around a term is made of words, not bound characters."""
        return all(not piece or (len(piece) > 1 and self.automaton.exists(piece)) for piece in rest)

    def _words(self, text: str, start: int, stop: int, matches: list | None = None) -> list[tuple[int, int]]:
        """The words of text[start:stop] as (start, end) offsets in `text`, left to right: the path
        of least cost, one pass over the dictionary matches (`matches`, else found here; they come
        in order of their end)."""
        size = stop - start
        mask = (1 << _LENGTH_BITS) - 1
        single = list(map(self.single.get, text[start:stop], repeat(self.unknown)))
        best = [0] + [1 << 62] * size  # best[j]: least cost of text[start:start + j]
        back = list(range(-1, size))  # back[j]: where the last word of that best path starts
        done = 0  # best[:done + 1] is final
        for end, value in self.automaton.iter(text, start, stop) if matches is None else matches:
            j = end + 1 - start
            while done < j - 1:
                cost = best[done] + single[done]
                done += 1
                if cost < best[done]:
                    best[done], back[done] = cost, done - 1
            i = j - (value & mask)
            cost = best[i] + (value >> _LENGTH_BITS)
            if cost < best[j] or (cost == best[j] and i < back[j]):  # on a tie the longer word
                best[j], back[j] = cost, i
        while done < size:
            cost = best[done] + single[done]
            done += 1
            if cost < best[done]:
                best[done], back[done] = cost, done - 1
        words = []
        j = size
        while j > 0:
            words.append((start + back[j], start + j))
            j = back[j]
        words.reverse()
        return words


def _character_ranks(entries: list[tuple[str, int]]) -> dict[str, int]:
    """Each character's rank by its frequency in the dictionary's words (0: the most common)."""
    weight: dict[str, int] = {}
    for word, freq in entries:
        for char in word:
            weight[char] = weight.get(char, 0) + freq
    return {char: number for number, char in enumerate(sorted(weight, key=weight.__getitem__, reverse=True))}


# characters that, as a word of their own before a noun or an adjective, make its opposite: 非|现场审查
# "off-site review", 不|公平 "unfair", 无|抵押 "unsecured", 未|上市 "unlisted" (as part of a longer word,
# 并非 "not", 无论 "whether", they are not)
NEGATING = frozenset("非不无未")


def crossable(text: str, start: int, end: int) -> bool:
    """True when the characters on both sides of text[start:end] make two-character dictionary words
    with its first and its last character (中国|会议 around 国会): the sentence's words may cut across it."""
    words = segmenter()
    return words is not None and end < len(text) and words.automaton.exists(text[start - 1 : start + 1]) \
        and words.automaton.exists(text[end - 1 : end + 1])


@cache
def segmenter() -> Segmenter | None:
    """The segmenter, from the cache folder when it is there (built and cached on first use);
    None when jieba's dictionary cannot be found (then no term is suppressed)."""
    return _from_dictionary("jieba-words.pickle", Segmenter, Segmenter)


@cache
def inner_strings() -> dict[str, str]:
    """Every string that is a proper part of a dictionary word, with the characters that stand just
    before it and just after it in those words ("before" BOUNDARY "after"): only a term among these
    can lie inside a longer word, and only where the sentence has one of those characters next to it."""
    def make(_dictionary: Path) -> tuple[str, str]:
        before: dict[str, set[str]] = {}
        after: dict[str, set[str]] = {}
        for word in segmenter().automaton.keys():
            size = len(word)
            for i in range(size):
                for j in range(i + 1, size + 1 if i else size):
                    part = word[i:j]
                    if i:
                        before.setdefault(part, set()).add(word[i - 1])
                    if j < size:
                        after.setdefault(part, set()).add(word[j])
        parts = sorted(before.keys() | after.keys())
        neighbours = ("".join(sorted(before.get(p, ()))) + BOUNDARY + "".join(sorted(after.get(p, ()))) for p in parts)
        return "\n".join(parts), "\n".join(neighbours)  # two strings: they load far faster than a dict

    packed = _from_dictionary("jieba-inner.pickle", tuple, make)
    return dict(zip(packed[0].split("\n"), packed[1].split("\n"))) if packed else {}


def _from_dictionary(name: str, kind: type, make):
    """`make(jieba's dictionary)`, cached in the cache folder as `name` (None without the dictionary)."""
    from . import cache as check_cache

    dictionary = jieba_dictionary()
    if dictionary is None:
        return None
    stat = dictionary.stat()
    key = {"dictionary": str(dictionary), "size": stat.st_size, "mtime": stat.st_mtime_ns,
           "code": check_cache.code_version(("words.py",))}
    path = check_cache.cache_dir() / name
    found = check_cache.load(path, key, kind)
    if found is None:
        found = make(dictionary)
        check_cache.save(path, key, found)
    return found
