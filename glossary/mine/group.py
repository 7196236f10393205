"""Group term candidates into entries: one per Chinese concept, the best-supported English
preferred, other well-supported renderings admitted, acronyms as acronym terms, Traditional
spellings as Hant variants."""

from __future__ import annotations

import re

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from glossary.keys import en_key, zh_key
from glossary.models import Entry, Term, TermCandidate, pickle_by_fields

# A second English rendering is kept only with this much support (occurrences) and score, unless
# it was found as another rendering of a term already paired (signal "variant").
VARIANT_MIN_OCCURRENCES = 2
VARIANT_MIN_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class MinedEntry:
    """An entry to store and the candidates (with their occurrences) behind each of its terms."""

    entry: Entry
    candidates: tuple[TermCandidate, ...]


pickle_by_fields(MinedEntry)  # (sent from the worker processes)


def _support(c: TermCandidate) -> float:
    return len(c.occurrences) * (0.5 + c.score)


def group_candidates(candidates: Iterable[TermCandidate]) -> list[MinedEntry]:
    """One entry per Chinese match key; weakly supported extra renderings are dropped."""
    by_zh: dict[str, list[TermCandidate]] = {}
    for c in candidates:
        by_zh.setdefault(zh_key(c.zh), []).append(c)
    out = []
    for group in by_zh.values():
        out.append(_entry_for(group))
    out.sort(key=lambda m: -m.entry.score)
    return out


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=\S)")


def _without_article(en: str) -> str:
    """A rendering as a glossary writes it: no leading lower-case article ("the Office" → "Office")."""
    return _LEADING_ARTICLE.sub("", en)


def _entry_for(group: Sequence[TermCandidate]) -> MinedEntry:
    full = sorted((c for c in group if c.type != "acronym"), key=_support, reverse=True)
    acronyms = sorted((c for c in group if c.type == "acronym"), key=_support, reverse=True)
    ranked = full or acronyms
    best = ranked[0]
    zh_spellings = Counter(c.zh for c in group for _ in c.occurrences)
    zh_text = zh_spellings.most_common(1)[0][0]
    terms = [Term("zh", zh_text, "preferred", "fullForm", "Hans", count=sum(len(c.occurrences) for c in group))]
    for original in dict.fromkeys(c.zh_original for c in group if c.zh_original and c.zh_original != zh_text):
        terms.append(Term("zh", original, "admitted", "variant", "Hant"))
    kept = [best]
    top = _support(best)
    seen = {en_key(best.en)}
    for c in ranked[1:]:
        key = en_key(c.en)
        if key in seen:
            continue
        if "variant" in c.signals or len(c.occurrences) >= VARIANT_MIN_OCCURRENCES and _support(c) >= VARIANT_MIN_SHARE * top:
            kept.append(c)
            seen.add(key)
    for c in acronyms if full else acronyms[1:]:
        if en_key(c.en) not in seen:
            kept.append(c)
            seen.add(en_key(c.en))
    for i, c in enumerate(kept):
        terms.append(Term("en", _without_article(c.en), "preferred" if i == 0 else "admitted",
                          "acronym" if c.type == "acronym" else "fullForm", count=len(c.occurrences)))
    entry = Entry(terms=tuple(terms), status="candidate", category=best.category, score=best.score,
                  source="mined")
    return MinedEntry(entry, tuple(kept))
