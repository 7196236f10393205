"""Chinese word boundaries for the checker: jieba's dictionary and its best-path segmentation,
without importing jieba (its start-up costs a second; this loads from the cache in milliseconds).

A glossary term found strictly inside a longer word of the sentence is not that term: 中国 in
发展中国家 ("developing countries"), 数据 in 数据库 ("database"), 大使 in 大使馆 ("embassy").
"""

from __future__ import annotations

import importlib.util
import math
from bisect import bisect_right
from functools import cache
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
        for word, freq in entries:
            if freq > 0 and len(word) < 1 << _LENGTH_BITS:
                cost = round((log_total - math.log(freq)) * 1000)
                if len(word) == 1:
                    self.single[word] = cost
                else:
                    self.automaton.add_word(word, cost << _LENGTH_BITS | len(word))
        self.automaton.make_automaton()

    def inside_longer_word(self, text: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
        """The spans of `text` (Simplified, BOUNDARY between clauses) that lie strictly inside one
        longer word of the text's segmentation, unless that word is a compound of the span and other
        words of two or more characters (香港特区 in 香港特区政府 is kept; 大使 in 大使馆 is not)."""
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
            matches = list(self.automaton.iter(text, start, stop))
            if not _any_held(matches, start, stop, found):
                continue  # no dictionary word holds any of them: nothing to segment
            words = self._words(text, start, stop, matches)
            starts = [w[0] for w in words]
            for span in found:
                word = words[bisect_right(starts, span[0]) - 1]
                if word[0] <= span[0] and span[1] <= word[1] and word[1] - word[0] > span[1] - span[0] \
                        and not self._compound(text[word[0]:span[0]], text[span[1]:word[1]]):
                    inside.add(span)
        return inside

    def _compound(self, *rest: str) -> bool:
        """True when what a word has around a term is made of words, not bound characters."""
        return all(not piece or (len(piece) > 1 and self.automaton.exists(piece)) for piece in rest)

    def _words(self, text: str, start: int, stop: int, matches: list | None = None) -> list[tuple[int, int]]:
        """The words of text[start:stop] as (start, end) offsets in `text`, left to right: the path
        of least cost, one pass over the dictionary matches (`matches`, else found here; they come
        in order of their end)."""
        size = stop - start
        mask = (1 << _LENGTH_BITS) - 1
        single = [self.single.get(c, self.unknown) for c in text[start:stop]]
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


def _any_held(matches: list[tuple[int, int]], start: int, stop: int, spans: list[tuple[int, int]]) -> bool:
    """True when one of the dictionary words matched in text[start:stop] holds one of the spans
    and is longer than it."""
    reach = [0] * (stop - start + 1)  # reach[i]: the furthest end of a word starting at or before start + i
    mask = (1 << _LENGTH_BITS) - 1
    for end, value in matches:
        i = end + 1 - (value & mask) - start
        if end >= reach[i]:
            reach[i] = end + 1
    for i in range(1, len(reach)):
        if reach[i - 1] > reach[i]:
            reach[i] = reach[i - 1]
    return any(reach[s - start] > e or s > start and reach[s - start - 1] >= e for s, e in spans)


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
