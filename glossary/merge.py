"""Merging an incoming entry into an existing one without losing anything or overruling a reviewer.

New renderings become admitted variants (deprecated ones stay deprecated); fields fill only
where empty; notes are added, never replaced. A reviewed entry (approved or rejected) keeps its
status and its terms' statuses; a machine candidate takes the statuses of an approved incoming
entry (a curated glossary outranks a mined guess).
"""

from __future__ import annotations

from dataclasses import replace

from glossary.keys import is_traditional, match_key
from glossary.models import WRONG_STATUSES, Entry, Term

REVIEWED = ("approved", "rejected")


def term_identity(term: Term) -> tuple[str, str, bool]:
    """Two terms are the same rendering when language, match key and script (for zh) agree."""
    return term.lang, match_key(term.lang, term.text), term.lang == "zh" and is_traditional(term.text)


def spelled_apart(one: Term, other: Term) -> bool:
    """True for two terms of one identity whose spelling is the point: written differently, one a
    rendering not to use and the other not (internet deprecated for Internet, data base for database)."""
    return one.text != other.text and (one.status in WRONG_STATUSES) != (other.status in WRONG_STATUSES)


def same_term_at(terms: list[Term], positions: list[int], new: Term, keep_spellings: bool) -> int | None:
    """Which of terms[positions] (of `new`'s identity) `new` is: the one written the same, else the
    first not spelled apart from it (all of them with `keep_spellings` false); None: a term of its own."""
    for at in positions:
        if terms[at].text == new.text:
            return at
    return next((at for at in positions if not (keep_spellings and spelled_apart(terms[at], new))), None)


def merge_entry(existing: Entry, incoming: Entry) -> Entry:
    """`existing` with what `incoming` adds; `existing` is returned unchanged when it adds nothing."""
    authoritative = existing.status == "candidate" and incoming.status == "approved"
    status = existing.status
    if existing.status not in REVIEWED and incoming.status in REVIEWED:
        status = incoming.status
    terms = list(existing.terms)
    index: dict[tuple[str, str, bool], list[int]] = {}
    for i, t in enumerate(terms):
        index.setdefault(term_identity(t), []).append(i)
    for new in incoming.terms:
        # a spelling marked wrong is kept apart from its right one; a mined guess never splits them
        keep_spellings = new.status in WRONG_STATUSES or incoming.status in REVIEWED
        at = same_term_at(terms, index.get(term_identity(new), []), new, keep_spellings)
        if at is not None:
            old = terms[at]
            merged = _fill(old, new)
            if authoritative and new.status != old.status:
                merged = replace(merged, status=new.status)
            terms[at] = merged
            continue
        if authoritative:
            added = new
        elif new.status == "preferred" and any(t.lang == new.lang for t in terms):
            added = replace(new, status="admitted")
        else:
            added = new
        index.setdefault(term_identity(added), []).append(len(terms))
        terms.append(added)
    if authoritative:
        terms = _one_preferred(terms, incoming)
    merged = replace(
        existing,
        terms=tuple(terms), status=status,
        category=existing.category or incoming.category,
        definition=existing.definition or incoming.definition,
        source=existing.source or incoming.source,
        note=_add_note(existing.note, incoming.note),
        score=max(existing.score, incoming.score),
        sources=tuple(dict.fromkeys(existing.sources + incoming.sources)),
    )
    return existing if merged == existing else merged


def _fill(old: Term, new: Term) -> Term:
    """`old` with its empty fields filled from `new`; text and status stay."""
    return replace(
        old,
        part_of_speech=old.part_of_speech or new.part_of_speech, context=old.context or new.context,
        source=old.source or new.source, note=_add_note(old.note, new.note), count=max(old.count, new.count),
        type=old.type if old.type != "fullForm" else new.type,
    )


def _one_preferred(terms: list[Term], incoming: Entry) -> list[Term]:
    """Where the incoming entry names a preferred term, other preferred terms of that language step down."""
    preferred = {term_identity(t) for t in incoming.terms if t.status == "preferred"}
    langs = {key[0] for key in preferred}
    return [
        replace(t, status="admitted")
        if t.lang in langs and t.status == "preferred" and term_identity(t) not in preferred else t
        for t in terms
    ]


def _add_note(old: str | None, new: str | None) -> str | None:
    """The old note, then the lines of the new one it does not hold yet (two glossaries that share
    some lines of a note, "customerSubset: ACME", give them once)."""
    if not new or (old and new in old):
        return old
    if not old:
        return new
    held = set(old.splitlines())
    added = [line for line in new.splitlines() if line not in held]
    return "\n".join([old, *added]) if added else old
