"""Find glossary terms in running text: Aho-Corasick over normalized text, offsets kept.

Chinese matches on Simplified, width-folded text; English on folded tokens (case, plurals,
possessives, UK/US spelling, hyphen/space). Terms marked `exact`, and acronyms, match as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from glossary.keys import BOUNDARY, en_match_text, zh_match_text

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]*[A-Z0-9]$")
_SPACED_WORDS = re.compile(r"^[^\W_]+(?:[\s\-‐‑]+[^\W_]+){1,3}$")


@dataclass(frozen=True, slots=True)
class Hit:
    """A term found in a text: its span in the original text and the keys' term ids."""

    start: int
    end: int
    term_ids: tuple[int, ...]


def _is_acronym(text: str) -> bool:
    return len(text) <= 10 and bool(_ACRONYM.match(text))


def term_keys(lang: str, text: str) -> list[tuple[str, bool]]:
    """The match keys of one term as (key, derived); derived keys are looser spellings
    (hyphens as spaces, words run together) that lose to a term spelled that way."""
    if lang == "zh":
        key = zh_match_text(text)[0].strip(BOUNDARY)
        return [(key, False)] if key else []
    key = en_match_text(text)[0].strip(BOUNDARY)
    if not key.strip():
        return []
    keys = [(key, False)]
    if _SPACED_WORDS.match(text.strip()):
        spaced = en_match_text(re.sub(r"[-‐‑]", " ", text))[0]
        joined = " " + "".join(spaced.split()) + " "
        keys += [(k, True) for k in (spaced, joined) if k != key]
    return keys


class TermMatcher:
    """An Aho-Corasick automaton over the match keys of many terms in one language."""

    def __init__(self, lang: str, terms: Iterable[tuple[int, str, bool]]) -> None:
        """`terms` are (term id, text, exact); exact terms (and English acronyms) match as written."""
        self.lang = lang
        folded: dict[str, tuple[list[int], list[int]]] = {}
        exact: dict[str, list[int]] = {}
        for term_id, text, is_exact in terms:
            text = text.strip()
            if not text:
                continue
            if is_exact or (lang == "en" and _is_acronym(text)):
                exact.setdefault(text, []).append(term_id)
                continue
            for key, derived in term_keys(lang, text):
                folded.setdefault(key, ([], []))[derived].append(term_id)
        self._folded = _automaton(
            (key, (len(key), tuple(primary or derived))) for key, (primary, derived) in folded.items()
        )
        self._exact = _automaton((key, (len(key), tuple(ids))) for key, ids in exact.items())

    def find(self, text: str, breaks: tuple[int, ...] = ()) -> list[Hit]:
        """Every occurrence (overlaps included) of a term, in the original offsets of `text`."""
        if not text:
            return []
        hits = self._find_folded(text, breaks) if self._folded else []
        if self._exact:
            hits += self._find_exact(text, breaks)
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def _find_folded(self, text: str, breaks: tuple[int, ...]) -> list[Hit]:
        hits = []
        if self.lang == "zh":
            norm, offsets = zh_match_text(text, breaks)
            for end, (length, ids) in self._folded.iter(norm):
                hits.append(Hit(offsets[end - length + 1], offsets[end] + 1, ids))
        else:
            norm, starts, ends = en_match_text(text, breaks)
            for end, (length, ids) in self._folded.iter(norm):
                start = end - length + 1
                if start in starts and end + 1 in ends:
                    hits.append(Hit(starts[start], ends[end + 1], ids))
        return hits

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


def _word_end(text: str, stop: int) -> int | None:
    """Where a whole-word match ending at `stop` ends, allowing a plural or possessive "s"."""
    for suffix in ("", "s", "'s", "’s"):
        if text.startswith(suffix, stop):
            end = stop + len(suffix)
            if end >= len(text) or not text[end].isalnum():
                return end
    return None


def longest(hits: list[Hit]) -> list[Hit]:
    """Leftmost-longest, non-overlapping hits: a term never fires inside a longer known term."""
    chosen: list[Hit] = []
    reach = -1
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if hit.start >= reach:
            chosen.append(hit)
            reach = hit.end
    return chosen


def _automaton(items: Iterable[tuple[str, tuple]]) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton()
    for key, value in items:
        automaton.add_word(key, value)
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton
