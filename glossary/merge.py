"""Merging an incoming entry into an existing one without losing anything or overruling a reviewer.

New renderings become admitted variants (deprecated ones stay deprecated); fields fill only
where empty; notes are added, never replaced. A reviewed entry (approved or rejected) keeps its
status and its terms' statuses; a machine candidate takes the statuses of an approved incoming
entry (a curated glossary outranks a mined guess).
"""

from __future__ import annotations

from dataclasses import replace

from glossary.keys import is_traditional, match_key
from glossary.models import Entry, Term

REVIEWED = ("approved", "rejected")


def term_identity(term: Term) -> tuple[str, str, bool]:
    """Two terms are the same rendering when language, match key and script (for zh) agree."""
    return term.lang, match_key(term.lang, term.text), term.lang == "zh" and is_traditional(term.text)


def merge_entry(existing: Entry, incoming: Entry) -> Entry:
    """`existing` with what `incoming` adds; `existing` is returned unchanged when it adds nothing."""
    authoritative = existing.status == "candidate" and incoming.status == "approved"
    status = existing.status
    if existing.status not in REVIEWED and incoming.status in REVIEWED:
        status = incoming.status
    terms = list(existing.terms)
    index = {term_identity(t): i for i, t in enumerate(terms)}
    for new in incoming.terms:
        at = index.get(term_identity(new))
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
        index[term_identity(added)] = len(terms)
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
    if not new or (old and new in old):
        return old
    return f"{old}\n{new}" if old else new
