"""Plain data passed between pipeline stages: frozen, slotted dataclasses, never loose dicts."""

from __future__ import annotations

import copyreg
from collections.abc import Callable
from dataclasses import dataclass, field, fields, make_dataclass
from functools import cache
from operator import attrgetter
from typing import Literal, TypeVar

Lang = Literal["zh", "en"]
EntryStatus = Literal["candidate", "approved", "rejected"]
UsageStatus = Literal["preferred", "admitted", "deprecated", "superseded", "forbidden"]
TermType = Literal["fullForm", "acronym", "abbreviation", "variant"]
Severity = Literal["error", "warning", "info"]

ENTRY_STATUSES: tuple[str, ...] = ("candidate", "approved", "rejected")
USAGE_STATUSES: tuple[str, ...] = ("preferred", "admitted", "deprecated", "superseded", "forbidden")
WRONG_STATUSES: tuple[str, ...] = USAGE_STATUSES[2:]  # a rendering not to use
TERM_TYPES: tuple[str, ...] = ("fullForm", "acronym", "abbreviation", "variant")
CATEGORIES: tuple[str, ...] = (
    "org", "event", "program", "policy", "title", "document", "place", "person", "domain",
)


# ---------------------------------------------------------------- ingestion
@dataclass(frozen=True, slots=True)
class Paragraph:
    """One cleaned paragraph. `text` is Simplified for zh; `original` keeps the document's script."""

    seq: int
    lang: Lang
    text: str
    original: str
    line: int = 0  # 1-based line in the source file where the paragraph starts


@dataclass(frozen=True, slots=True)
class Dropped:
    """A line the cleaner removed, and why (kept for "why was this dropped?")."""

    line: int
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    path: str
    sha256: str
    paragraphs: tuple[Paragraph, ...]
    encoding: str = "utf-8"
    script: str = "Hans"  # Hans, Hant or mixed: the script of the Chinese as found
    size: int = 0
    dropped: tuple[Dropped, ...] = ()

    def count_by_lang(self) -> dict[str, int]:
        counts = {"zh": 0, "en": 0}
        for p in self.paragraphs:
            counts[p.lang] = counts.get(p.lang, 0) + 1
        return counts


# ---------------------------------------------------------------- alignment
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside a paragraph; offsets are into that paragraph's `text`."""

    para_seq: int
    lang: Lang
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SegmentPair:
    """An alignment bead: zero or more zh sentences against zero or more en sentences."""

    seq: int
    zh: str
    en: str
    zh_paragraphs: tuple[int, ...] = ()
    en_paragraphs: tuple[int, ...] = ()
    score: float = 0.0
    anchors: tuple[str, ...] = ()
    zh_original: str = ""  # `zh` in the document's own script (Traditional when it was), same offsets


# ---------------------------------------------------------------- mining
@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a term pair was seen: a segment pair and the character spans on both sides."""

    pair_seq: int
    zh_start: int
    zh_end: int
    en_start: int
    en_end: int
    document: str = ""


@dataclass(frozen=True, slots=True)
class TermCandidate:
    zh: str
    en: str
    score: float
    signals: tuple[str, ...] = ()
    category: str | None = None
    zh_original: str | None = None  # Traditional spelling when the text had one
    type: str = "fullForm"
    occurrences: tuple[Occurrence, ...] = ()


# ---------------------------------------------------------------- termbase
@dataclass(frozen=True, slots=True)
class Term:
    lang: Lang
    text: str
    status: str = "preferred"
    type: str = "fullForm"
    script: str | None = None  # Hans / Hant for zh
    source: str | None = None  # source / authority
    part_of_speech: str | None = None
    context: str | None = None
    note: str | None = None
    exact: bool = False  # the checker matches this term exactly (no folding)
    count: int = 0  # occurrences seen by the miner
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept: its terms in both languages and the review state."""

    terms: tuple[Term, ...]
    status: str = "candidate"
    category: str | None = None
    note: str | None = None
    score: float = 0.0
    source: str | None = None
    created: str | None = None
    updated: str | None = None
    sources: tuple[str, ...] = ()  # documents that support it
    id: int | None = None
    definition: str | None = None

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.lang == lang)

    def preferred(self, lang: str) -> Term | None:
        terms = self.terms_in(lang)
        for t in terms:
            if t.status == "preferred":
                return t
        return terms[0] if terms else None


@dataclass(frozen=True, slots=True)
class LookupHit:
    """One lookup result: the entry, the term that matched, and how it matched."""

    entry: Entry
    term: Term
    match: str  # exact, prefix or fuzzy
    key: str  # which key matched: term (match key), pinyin or initials
    score: float  # 100 for exact; share of the key covered (prefix) or similarity (fuzzy)


@dataclass(frozen=True, slots=True)
class Evidence:
    """An aligned sentence pair behind an entry, with the term's spans on each side (for KWIC)."""

    document: str
    pair_seq: int
    zh: str
    en: str
    zh_spans: tuple[tuple[int, int], ...] = ()
    en_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ReadEntry:
    """An entry read from a glossary file, and where it was (for the import report)."""

    entry: Entry
    where: str = ""  # "line 12", "row 7"


# ---------------------------------------------------------------- checking
@dataclass(frozen=True, slots=True)
class DraftSegment:
    """One unit of a draft: source and target text; `breaks` are offsets where inline codes stood."""

    id: str
    source: str
    target: str
    line: int = 0  # 1-based line in the draft file where the segment starts
    source_breaks: tuple[int, ...] = ()
    target_breaks: tuple[int, ...] = ()
    omitted: bool = False  # source text the draft leaves out (a plain-text check): `line` is the source file's


@dataclass(frozen=True, slots=True)
class DraftIssue:
    kind: str  # missing, unapproved, deprecated, superseded, forbidden, inconsistent, untranslated, empty, omitted
    severity: str
    segment: str  # segment id or line
    source_term: str
    expected: str
    found: str
    message: str = ""
    source_text: str = ""
    target_text: str = ""
    entry_id: int | None = None
    spans: tuple[tuple[str, int, int], ...] = field(default=())  # (side, start, end)
    line: int = 0  # 1-based line of the segment in the draft file, 0 when unknown


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What a draft check found, and over how much text."""

    issues: tuple[DraftIssue, ...]
    segments: int
    draft: str = ""  # the draft's file name


# ---------------------------------------------------------------- bulk construction
_Frozen = TypeVar("_Frozen")


def bulk_constructor(cls: type[_Frozen]) -> Callable[..., _Frozen]:
    """A constructor of `cls` taking every field positionally, about twice as fast (for bulk reads).

    A frozen dataclass's __init__ sets each field through object.__setattr__; this fills the same slots
    in a plain twin class and then reassigns the object's __class__ (allowed: identical slot layout).
    """
    if not hasattr(cls, "__slots__") or hasattr(cls, "__post_init__") or not all(f.init for f in fields(cls)):
        raise TypeError(f"{cls.__name__}: bulk construction needs a slotted dataclass with plain fields")

    def become(self) -> None:
        self.__class__ = cls

    return make_dataclass(f"_{cls.__name__}Shell", [f.name for f in fields(cls)], slots=True, eq=False,
                          repr=False, namespace={"__post_init__": become})


def pickle_by_fields(*classes: type) -> None:
    """Pickle these frozen slotted dataclasses as a tuple of their fields, rebuilt by `bulk_constructor`:
    dataclasses' own __getstate__/__setstate__ go a field at a time in Python, and mining sends
    about a hundred thousand such objects from its worker processes."""
    for cls in classes:
        values = attrgetter(*(f.name for f in fields(cls)))
        copyreg.pickle(cls, lambda obj, values=values: (_rebuild, (type(obj), values(obj))))


_shell = cache(bulk_constructor)


def _rebuild(cls: type[_Frozen], values: tuple) -> _Frozen:
    return _shell(cls)(*values)


# ---------------------------------------------------------------- plain-dict form
def term_to_dict(term: Term) -> dict:
    """A term as a JSON-ready dict (the lossless JSONL form and the review log use it)."""
    d = {"lang": term.lang, "text": term.text, "status": term.status, "type": term.type}
    for name in ("script", "source", "part_of_speech", "context", "note"):
        value = getattr(term, name)
        if value:
            d[name] = value
    if term.exact:
        d["exact"] = True
    if term.count:
        d["count"] = term.count
    return d


def term_from_dict(d: dict) -> Term:
    return Term(
        lang=d["lang"], text=d["text"], status=d.get("status", "preferred"),
        type=d.get("type", "fullForm"), script=d.get("script"), source=d.get("source"),
        part_of_speech=d.get("part_of_speech"), context=d.get("context"), note=d.get("note"),
        exact=bool(d.get("exact", False)), count=int(d.get("count", 0)),
    )


def entry_to_dict(entry: Entry) -> dict:
    return {
        "id": entry.id, "status": entry.status, "category": entry.category, "note": entry.note,
        "source": entry.source, "score": entry.score, "created": entry.created,
        "updated": entry.updated, "sources": list(entry.sources), "definition": entry.definition,
        "terms": [term_to_dict(t) for t in entry.terms],
    }


def entry_from_dict(d: dict) -> Entry:
    return Entry(
        terms=tuple(term_from_dict(t) for t in d.get("terms", ())),
        status=d.get("status", "candidate"), category=d.get("category"), note=d.get("note"),
        source=d.get("source"), score=float(d.get("score") or 0.0), created=d.get("created"),
        updated=d.get("updated"), sources=tuple(d.get("sources", ())), id=d.get("id"),
        definition=d.get("definition"),
    )


pickle_by_fields(Paragraph, Dropped, Document, SegmentPair, Occurrence, TermCandidate, Term, Entry)
