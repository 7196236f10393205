"""Pieces every glossary format shares: value mappings, term clean-up, default statuses, warnings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from glossary.models import ENTRY_STATUSES, Entry, Term


# TBX administrativeStatus / usageStatus / normativeAuthorization values and friendly spellings.
_STATUS_VALUES = {
    "preferredterm-admn-sts": "preferred", "preferred": "preferred", "standardizedterm-admn-sts": "preferred",
    "admittedterm-admn-sts": "admitted", "admitted": "admitted", "proposed": "admitted",
    "deprecatedterm-admn-sts": "deprecated", "deprecated": "deprecated", "notrecommended": "deprecated",
    "supersededterm-admn-sts": "superseded", "superseded": "superseded", "obsolete": "superseded",
    "forbidden": "forbidden", "legalterm-admn-sts": "preferred", "regulatedterm-admn-sts": "preferred",
}
TBX_STATUS = {
    "preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts", "superseded": "supersededTerm-admn-sts",
    # TBX-Basic has no "forbidden": the closest allowed value is deprecated (notRecommended).
    "forbidden": "deprecatedTerm-admn-sts",
}
_TYPE_VALUES = {
    "fullform": "fullForm", "acronym": "acronym", "initialism": "acronym", "abbreviation": "abbreviation",
    "shortform": "abbreviation", "variant": "variant", "abbreviatedform": "abbreviation",
}
TBX_POS = {"noun", "verb", "adjective", "adverb", "propernoun", "other"}
NOT_RECOMMENDED = ("deprecated", "superseded", "forbidden")
# Formats without an entry status (TBX-Basic, OmegaT) carry an unapproved entry's as a note in this
# form, which a CAT tool shows to the translator and import reads back; approved entries carry none.
ENTRY_STATUS_NOTE = "entry status: "
UNAPPROVED = ("candidate", "rejected")


def clean_text(text: str | None) -> str:
    """Collapse runs of white space and strip: a term never carries line breaks or padding."""
    return " ".join(text.split()) if text else ""  # split() breaks at exactly the characters regex \s matches


def clean_note(text: str | None) -> str:
    """Free text (notes, definitions, contexts): spaces collapsed in each line, line breaks kept."""
    if not text:
        return ""
    return "\n".join(line for line in (clean_text(part) for part in text.splitlines()) if line)


def usage_status(value: str | None) -> str | None:
    """A TBX status value (preferredTerm-admn-sts, notRecommended, ...) as the termbase's word."""
    return _STATUS_VALUES.get(clean_text(value).replace(" ", "").lower()) if value else None


def term_type(value: str | None) -> str:
    """A TBX termType as the termbase's; synonyms, phrases and unknown kinds are full forms."""
    return _TYPE_VALUES.get(clean_text(value).replace(" ", "").lower(), "fullForm") if value else "fullForm"


def part_of_speech(value: str | None) -> str | None:
    """`Noun` → `noun`, `proper noun` → `properNoun`; other values kept as written."""
    value = clean_text(value)
    if not value:
        return None
    folded = value.replace(" ", "").lower()
    if folded in TBX_POS:
        return "properNoun" if folded == "propernoun" else folded
    return value


def entry_status(value: str | None) -> str | None:
    value = clean_text(value).lower()
    return value if value in ENTRY_STATUSES else None


def with_default_statuses(terms: Iterable[Term]) -> tuple[Term, ...]:
    """Terms without a status: in each language the first usable one is preferred, the rest admitted.

    Readers leave `status=""` on terms whose file gave none.
    """
    terms = list(terms)
    statuses = default_statuses([(t.lang, t.status) for t in terms])
    return tuple(t if t.status else _with_status(t, status) for t, status in zip(terms, statuses))


def default_statuses(terms: list[tuple[str, str]]) -> list[str]:
    """The statuses of (lang, status) pairs with the empty ones filled as with_default_statuses does."""
    has_preferred = {lang for lang, status in terms if status == "preferred"}
    out = []
    for lang, status in terms:
        if not status:
            status = "admitted" if lang in has_preferred else "preferred"
            has_preferred.add(lang)
        out.append(status)
    return out


def _with_status(term: Term, status: str) -> Term:
    return Term(term.lang, term.text, status, term.type, term.script, term.source, term.part_of_speech,
                term.context, term.note, term.exact, term.count, term.id)


def join_notes(*notes: str | None) -> str | None:
    """Distinct non-empty notes, one per line."""
    parts = list(dict.fromkeys(n.strip() for n in notes if n and n.strip()))
    return "\n".join(parts) or None


def preferred_first(entry: Entry, lang: str, script: str | None = None) -> list[Term]:
    """The entry's terms of one language (and script group for zh), preferred first, then file order."""
    terms = [t for t in entry.terms if t.lang == lang and term_script(t) == script]
    return sorted(terms, key=lambda t: t.status != "preferred")


def term_script(term: Term) -> str | None:
    """Hant for Traditional Chinese terms, None otherwise (Hans and other languages share one group)."""
    return section_script(term.lang, term.script)


def section_script(lang: str, script: str | None) -> str | None:
    """The script that sets a term's language section apart: Hant for Traditional Chinese, else None."""
    return "Hant" if lang == "zh" and script == "Hant" else None


class Warnings:
    """Things a reader noticed but could carry on past: counted, with the first place each was seen."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.first: dict[str, str] = {}

    def add(self, message: str, where: str = "") -> None:
        self.counts[message] += 1
        self.first.setdefault(message, where)

    def lines(self) -> list[str]:
        out = []
        for message, n in self.counts.most_common():
            where = self.first.get(message)
            out.append(f"{message} ({n}×{', first at ' + where if where else ''})")
        return out
