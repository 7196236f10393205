"""Another rendering of a glossary term in a target: when none of an approved entry's renderings is
there, the miner's own pairing evidence tells a term translated some other way (an unapproved
rendering) from a term really missing.

The evidence is `dictionary_pairs` in its loose pass for variants of known terms (half the Chinese
and one end translated by CC-CEDICT pieces), with the term as one word, as the miner segments a
known term. The lexicon loads on the first would-be-missing term only.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from typing import TYPE_CHECKING

from glossary.lexicon import STOPWORDS, content_stems, en_stem

if TYPE_CHECKING:
    from glossary.mine.tokens import EnToken, ZhWord

_KNOWN_TERM_TAG = "nz"  # the part of speech the miner gives a known term it segments as one word
_LETTERS = re.compile(r"[A-Za-z]+")  # the parts of a token that get a stem (tokens.token_stems)
_SEPARATOR = "，"  # between the terms of one pass: punctuation, where no candidate span crosses


class TargetWords:
    """One target's words for the pairing, made once per segment for all its would-be-missing terms:
    first only the stems of its letter runs (cheap; they hold every stem its tokens have), its
    tokens on first use."""

    __slots__ = ("text", "stems", "_tokens", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.stems = {en_stem(w) for w in _LETTERS.findall(text) if w.lower() not in STOPWORDS}
        self._tokens: list[EnToken] | None = None
        self._starts: list[int] = []

    @property
    def tokens(self) -> list[EnToken]:
        if self._tokens is None:
            from glossary.mine.tokens import en_tokens  # the miner loads only when a term may be missing

            self._tokens = en_tokens(self.text)
            self._starts = [t.start for t in self._tokens]
        return self._tokens

    def tokens_within(self, start: int, end: int) -> list[EnToken]:
        """The tokens that start in text[start:end]."""
        tokens = self.tokens
        return tokens[bisect_left(self._starts, start):bisect_left(self._starts, end)]


class OtherRenderings:
    """Finds where a target renders a glossary term in words the glossary does not list."""

    def __init__(self) -> None:
        self._terms: dict[str, tuple[ZhWord, frozenset[str], bool]] = {}

    def _term(self, term: str) -> tuple[ZhWord, frozenset[str], bool]:
        """The term as one word; the stems that count as evidence of its rendering: those of its
        dictionary pieces of two or more characters (a lone character has too many glosses to tell
        anything), or of the term as one piece; and whether one is a number (not a letter run's stem)."""
        found = self._terms.get(term)
        if found is None:
            from glossary.mine.tokens import ZhWord, word_pieces, word_stems

            pieces = word_pieces(term)
            word = ZhWord(term, _KNOWN_TERM_TAG, 0, len(term), word_stems(term), pieces)
            evidence = frozenset().union(*(s for n, s in pieces if n > 1 or len(pieces) == 1))
            found = self._terms[term] = word, evidence, not all(s.isalpha() for s in evidence)
        return found

    def find(self, terms: list[str], target: TargetWords) -> dict[str, tuple[int, int]]:
        """Each of `terms` (Simplified) that the target renders, with the (start, end) of the phrase.

        A phrase counts when the miner's loose pairing accepts it and one of its words is a
        dictionary translation of a piece of the term (see _term) as such, not only by a shared
        prefix (認可 "approve" does not make "approach" a rendering)."""
        candidates = []
        for term in dict.fromkeys(terms):
            _, evidence, numeric = self._term(term)
            if numeric or not evidence.isdisjoint(target.stems):
                candidates.append(term)  # else no word of the target translates it: nothing to find (the common case)
        return {term: (start, end) for term, (start, end, _) in self._pairs(candidates, target).items()}

    def _pairs(self, terms: list[str], target: TargetWords) -> dict[str, tuple[int, int, float]]:
        """The phrases of `target` that render `terms`: term -> (start, end, score). One pairing pass
        serves all the terms: each is a word of its own, a comma between them (no span crosses it)."""
        if not terms:
            return {}
        from glossary.mine.pairing import dictionary_pairs
        from glossary.mine.tokens import ZhWord

        words: list[ZhWord] = []
        by_start: dict[int, str] = {}  # a term's start in the joined words -> the term
        at = 0
        for term in terms:
            word = self._term(term)[0]
            if words:
                words.append(ZhWord(_SEPARATOR, "x", at, at + 1, frozenset()))
                at += 1
            words.append(ZhWord(term, word.tag, at, at + len(term), word.stems, word.pieces))
            by_start[at] = term
            at += len(term)
        out = {}
        for pair in dictionary_pairs(words, target.tokens, variants_of=lambda _: True):
            term = by_start.get(pair.zh_start)
            if term is None or pair.zh_end != pair.zh_start + len(term):
                continue
            evidence = self._term(term)[1]
            if all(evidence.isdisjoint(t.stems) for t in target.tokens_within(pair.en_start, pair.en_end)):
                continue
            if term not in out or pair.score > out[term][2]:
                out[term] = (pair.en_start, pair.en_end, pair.score)
        return out


def same_words(found: str, renderings: list[str]) -> bool:
    """True when `found` has the content words of one of `renderings` up to the lexicon's crude
    stemming: words the matcher keeps apart on purpose ("new" is not "news" in a glossary that has
    both; a term marked exact), so they are no other rendering but the term missing."""
    stems = content_stems(found)
    return any(content_stems(r) == stems for r in renderings)
