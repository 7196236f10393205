"""Check a draft's segments against the glossary: missing, misused, inconsistent and untranslated terms.

Compute, then apply: this returns DraftIssue values; the CLI and the TUI show them.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import pickle
import re
import signal
import sys
from array import array
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator
from copy import copy
from dataclasses import dataclass, field, fields, replace
from itertools import chain, islice
from operator import attrgetter, itemgetter
from typing import NamedTuple

from glossary.errors import InputError
from glossary.gcpause import paused_gc
from glossary.keys import CJK_RE, FUNCTION_WORDS, INVISIBLE, en_fold_word, en_plain_word
from glossary.models import CheckResult, DraftIssue, DraftSegment, Entry, bulk_constructor, pickle_by_fields

from .renderings import OtherRenderings, TargetWords, acronym_letters, initials, rendering_words, same_words, term_evidence
from .matcher import (Hit, TermMatcher, folded_words, is_acronym, longest, may_be_reordered, name_adjectives,
                      reordered_in, term_keys, verb_forms, derived_forms)

GOOD_STATUSES = ("preferred", "admitted")
BAD_SEVERITY = {"forbidden": "error", "deprecated": "error", "superseded": "warning"}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
KIND_ORDER = ("missing", "unapproved", "forbidden", "deprecated", "superseded", "inconsistent", "untranslated", "empty",
              "omitted")
_KIND_RANK = {kind: rank for rank, kind in enumerate(KIND_ORDER)}
_SHORT_FORMS = ("acronym", "abbreviation")
_TERM_IDS = itemgetter(2)  # a Hit's term ids
_CJK_RUN = re.compile(rf"{CJK_RE.pattern}+(?:[\s\u3000-\u303f\uff00-\uffef]*{CJK_RE.pattern}+)*")
_ENGLISH_WORDS = re.compile(r"[A-Za-z]+[^A-Za-z\u3400-\u9fff]+[A-Za-z]+")  # two words or more: English between
_CAPITALIZED = re.compile(r"\b[A-Z][a-z]+(?:['’]s)?\b")
_HYPHEN = re.compile(r"(?<=\w)[-‐‑](?=\w)")  # inside a hyphenated compound
_COMPOUND = re.compile(r"\b\w++(?:[-‐‑]\w++)++")
_NOT_WORD = re.compile(r"[\W_]+")
_CJK_LETTERS = re.compile(f"{CJK_RE.pattern}+")
_LATIN_LETTERS = re.compile(r"[A-Za-z]+")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_LANGUAGE_SAMPLE = 200  # segments looked at to tell a wrong-language draft
_KEPT_USES = 200  # uses of one non-preferred rendering reported; more are counted (bounded memory)


def issue_for(segment: DraftSegment, kind: str, severity: str, source_term: str, expected: str, found: str,
              message: str, entry_id: int | None = None, spans: tuple = ()) -> DraftIssue:
    """A finding about one segment, carrying the segment's text for display."""
    return _new_issue(kind, severity, segment.id, source_term, expected, found, message,
                      segment.source, segment.target, entry_id, spans, segment.line)


_new_issue = bulk_constructor(DraftIssue)  # findings come by the ten thousand
_issue_fields = attrgetter(*(f.name for f in fields(DraftIssue)))  # a finding as a tuple (pickled ten times faster)
pickle_by_fields(DraftSegment)  # (segments go to the worker processes by the hundred)


GlossaryRow = tuple[int | None, str, str, str, str, str, bool]
"""One term as the checker reads it: (entry id, entry status, lang, text, status, type, exact),
rows of one entry next to each other, each entry's terms in their order."""


class CheckGlossary:
    """The termbase's entries prepared for checking: one automaton per language over all terms,
    and the terms' fields in plain lists (they pickle and load fast: see cache.py)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        entries = list(entries)
        self._build(  # grouped by position: entries made in memory may have no id
            (index, entry.status, term.lang, term.text, term.status, term.type, term.exact)
            for index, entry in enumerate(entries) for term in entry.terms
        )
        self.entry_ids = [entries[index].id for index in self.entry_ids]

    @classmethod
    def from_rows(cls, rows: Iterable[GlossaryRow]) -> CheckGlossary:
        """Build from rows (see GlossaryRow) without making Entry objects: the termbase's fast path."""
        glossary = cls.__new__(cls)
        glossary._build(rows)
        return glossary

    def _build(self, rows: Iterable[GlossaryRow]) -> None:
        with paused_gc():
            self._build_columns(rows)

    def _build_columns(self, rows: Iterable[GlossaryRow]) -> None:
        self.entry_ids: list[int | None] = []
        self.entry_status: list[str] = []
        self.first_term: list[int] = []  # entry index -> its first term id; its terms run to the next entry's
        self.entry_of: list[int] = []  # term id -> entry index
        self.lang: list[str] = []
        self.text: list[str] = []
        self.status: list[str] = []
        self.type: list[str] = []
        by_lang: dict[str, list[tuple[int, str, bool]]] = {"zh": [], "en": []}
        shared = {}  # one object per status/type/lang string: fewer objects, smaller pickle
        last_entry = object()
        for entry_id, entry_status, lang, text, status, type_, exact in rows:
            if entry_status == "rejected":
                continue
            lang = lang.lower()[:2]
            if lang not in by_lang:
                continue
            if entry_id != last_entry:
                last_entry = entry_id
                self.entry_ids.append(entry_id)
                self.entry_status.append(shared.setdefault(entry_status, entry_status))
                self.first_term.append(len(self.text))
            term_id = len(self.text)
            by_lang[lang].append((term_id, text, bool(exact)))
            self.entry_of.append(len(self.entry_ids) - 1)
            self.lang.append(shared.setdefault(lang, lang))
            self.text.append(text)
            self.status.append(shared.setdefault(status, status))
            self.type.append(shared.setdefault(type_, type_))
        self.first_term.append(len(self.text))
        self.good = [status in GOOD_STATUSES for status in self.status]
        self.misused_ids = frozenset(i for i, status in enumerate(self.status) if status in BAD_SEVERITY)
        by_lang["en"] = self._wrong_spellings_exact(by_lang["en"])
        self.zh = TermMatcher("zh", by_lang["zh"], self.entry_of)
        chinese: dict[int, set[str]] = {}  # entry index -> its Chinese keys
        for term_id, key in self.zh.keys.items():
            chinese.setdefault(self.entry_of[term_id], set()).add(key)
        self.en = TermMatcher("en", by_lang["en"], self.entry_of, chinese)
        first: dict[tuple[int, str], int] = {}
        # term id -> the entry's first term with the same match key: "plan" and "plans" are one rendering
        self.rendering = {t: first.setdefault((self.entry_of[t], key), t) for t, key in self.en.keys.items()}
        self._renderings: dict[int, list[str]] = {}
        self._good_terms: dict[int, list[int]] = {}
        self._evidence: dict[str, bytes] | None = {}  # see add_evidence
        self._evidence_pickle: bytes | None = None  # the evidence as cached, unpickled when first needed

    def _wrong_spellings_exact(self, terms: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
        """`terms` (term id, text, exact), a wrong rendering (deprecated, superseded, forbidden) that
        folds to the key of a right one of its entry marked exact: its spelling is what is wrong
        (internet for Internet, data base for database, centre for center); one whose letters are wrong
        is so in a sentence's, a title's or a heading's case too (Centre, CENTRE: added as terms of their own)."""
        entries = {self.entry_of[t] for t in self.misused_ids}
        if not entries:
            return terms
        key_of = {t: keys[0][0] for t, text, exact in terms
                  if not exact and self.entry_of[t] in entries and (keys := term_keys("en", text))}
        right = {(self.entry_of[t], key) for t, key in key_of.items() if self.good[t]}
        right_cased = {(self.entry_of[t], text.casefold()) for t, text, _ in terms if self.good[t]}
        out = []
        for t, text, exact in terms:
            wrong = not exact and t in self.misused_ids and (self.entry_of[t], key_of.get(t)) in right
            out.append((t, text, exact or wrong))
            if wrong and (self.entry_of[t], text.casefold()) not in right_cased:
                out += [(t, cased, True) for cased in _cased(text)]
        return out

    def add_evidence(self) -> None:
        """Look up now the lexicon's evidence for every Chinese term an approved entry may miss (what
        the search for other renderings needs), marshalled (loaded fast, opened term by term): done
        before caching, so a cached check never loads the lexicon."""
        keys = self.zh.keys
        for index, status in enumerate(self.entry_status):
            if status == "approved" and self.good_terms(index):
                for term_id in self.terms_of(index, "zh"):
                    term = keys.get(term_id)
                    if term and term not in self.evidence:
                        self.evidence[term] = marshal.dumps(term_evidence(term))

    @property
    def evidence(self) -> dict[str, bytes] | PackedEvidence:
        """Chinese term (match key) -> its evidence marshalled (see add_evidence; empty: look it up)."""
        if self._evidence is None:
            try:
                self._evidence = PackedEvidence(*pickle.loads(self._evidence_pickle)) if self._evidence_pickle else {}
            except Exception:  # noqa: BLE001 - a damaged cache only means looking the terms up
                self._evidence = {}
            self._evidence_pickle = None
        return self._evidence

    def evidence_pickle(self) -> bytes:
        """The evidence packed (see PackedEvidence) and pickled apart from the rest: a check that needs
        none (strict) never unpickles it."""
        return pickle.dumps(PackedEvidence.pack(self.evidence), protocol=pickle.HIGHEST_PROTOCOL)

    def attach_evidence(self, data: bytes) -> None:
        """Take the evidence as evidence_pickle gave it (unpickled on first use)."""
        self._evidence, self._evidence_pickle = None, data

    def __len__(self) -> int:
        """The number of entries."""
        return len(self.entry_ids)

    def terms_of(self, index: int, lang: str) -> list[int]:
        """The term ids of entry `index` in `lang`, in the entry's order."""
        return [t for t in range(self.first_term[index], self.first_term[index + 1]) if self.lang[t] == lang]

    def preferred(self, index: int, lang: str) -> str:
        """The text of the entry's preferred term in `lang` (else its first term in `lang`, else "")."""
        ids = self.terms_of(index, lang)
        chosen = next((t for t in ids if self.status[t] == "preferred"), ids[0] if ids else None)
        return "" if chosen is None else self.text[chosen]

    def good_terms(self, index: int) -> list[int]:
        """The term ids of the English an approved entry accepts (preferred and admitted)."""
        found = self._good_terms.get(index)
        if found is None:
            found = self._good_terms[index] = [t for t in self.terms_of(index, "en") if self.good[t]]
        return found

    def renderings(self, index: int) -> list[str]:
        """The English an approved entry accepts: preferred first, then admitted."""
        if index not in self._renderings:
            ids = sorted(self.good_terms(index), key=lambda t: self.status[t] != "preferred")
            self._renderings[index] = [self.text[t] for t in ids]
        return self._renderings[index]

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items()
                if k not in ("_renderings", "_good_terms", "_evidence", "_evidence_pickle")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _renderings={}, _good_terms={}, _evidence={}, _evidence_pickle=None)


class PackedEvidence:
    """Term -> its evidence marshalled, as cached: the terms sorted in one string, their evidence back to
    back in one bytes object (a hundred thousand terms load in milliseconds, not as many objects)."""

    __slots__ = ("_terms", "_offsets", "_blob")
    _SEPARATOR = "\n"

    def __init__(self, terms: str, offsets: bytes, blob: bytes) -> None:
        self._terms = terms.split(self._SEPARATOR) if terms else []
        self._offsets = array("Q")  # where each term's evidence starts in the blob, then where the last ends
        self._offsets.frombytes(offsets)
        self._blob = blob

    @classmethod
    def pack(cls, evidence: dict[str, bytes] | PackedEvidence) -> tuple[str, bytes, bytes]:
        """What __init__ takes, for `evidence` (a dict as add_evidence makes it)."""
        if isinstance(evidence, PackedEvidence):
            return cls._SEPARATOR.join(evidence._terms), evidence._offsets.tobytes(), evidence._blob
        terms = sorted(term for term in evidence if cls._SEPARATOR not in term)  # (a term is one line)
        offsets = array("Q", [0])
        for term in terms:
            offsets.append(offsets[-1] + len(evidence[term]))
        return cls._SEPARATOR.join(terms), offsets.tobytes(), b"".join(evidence[term] for term in terms)

    def get(self, term: str, default: bytes | None = None) -> bytes | None:
        """The evidence of `term`, else `default`."""
        at = bisect_left(self._terms, term)
        if at < len(self._terms) and self._terms[at] == term:
            return self._blob[self._offsets[at]:self._offsets[at + 1]]
        return default

    def __contains__(self, term: str) -> bool:
        return self.get(term) is not None

    def __len__(self) -> int:
        return len(self._terms)


class _Use(NamedTuple):
    """Where a rendering of a glossary term was used (kept for the inconsistency report)."""

    seq: int
    segment: DraftSegment
    hit: Hit
    source_hit: Hit | None


@dataclass
class _Segment:
    """One segment under check: its hits and what is still to be decided about it."""

    seq: int
    segment: DraftSegment
    active: dict[int, Hit] = field(default_factory=dict)  # entry index -> its term in the source
    good: dict[int, list[tuple[Hit, int]]] = field(default_factory=dict)  # active entry -> accepted renderings
    found: set[int] = field(default_factory=set)  # the term ids found in the target
    misused: set[int] = field(default_factory=set)  # entries already reported as misused here
    _words: tuple[list[str], set[str]] | None = None
    _target_words: TargetWords | None = None
    _accepted: list[tuple[int, int, int]] | None = None  # (start, end, entry) of the renderings in `good`, sorted
    _longest: int = 0  # the longest of them
    _in_compounds: set[int] | None = None
    _names: set[str] | None = None
    _compound_parts: set[str] | None = None

    def rendering_near(self, start: int, end: int) -> set[int]:
        """The entries whose renderings accepted here (`good`) overlap target[start:end], looked up in
        those renderings sorted (made once: `good` is complete when missing terms are decided)."""
        if self._accepted is None:
            self._accepted = sorted((hit.start, hit.end, index) for index, hits in self.good.items() for hit, _ in hits)
            self._longest = max((e - s for s, e, _ in self._accepted), default=0)
        accepted = self._accepted
        first, last = bisect_left(accepted, (start - self._longest,)), bisect_left(accepted, (end,))
        return {index for _, e, index in islice(accepted, first, last) if e > start}

    def target_words(self) -> TargetWords:
        """The target's tokens for the miner's pairing (made on first use: only for would-be-missing terms)."""
        if self._target_words is None:
            self._target_words = TargetWords(self.segment.target)
        return self._target_words

    def in_compounds(self, matcher: TermMatcher) -> set[int]:
        """The term ids found in the target when its hyphenated compounds are read as separate words
        ("people" in "people-centered"): a rendering is there, if only as part of a compound."""
        if self._in_compounds is None:
            target = self.segment.target
            spaced = _HYPHEN.sub(" ", target) if _HYPHEN.search(target) else ""
            self._in_compounds = set(chain.from_iterable(
                map(_TERM_IDS, matcher.find(spaced, self.segment.target_breaks)))) if spaced else set()
        return self._in_compounds

    def compound_parts(self) -> set[str]:
        """The folded words of the target's hyphenated compounds (a quick test before in_compounds)."""
        if self._compound_parts is None:
            target = self.segment.target
            self._compound_parts = {en_fold_word(part) for compound in _COMPOUND.findall(target)
                                    for part in _HYPHEN.split(compound)} if _HYPHEN.search(target) else set()
        return self._compound_parts

    def names(self) -> set[str]:
        """The target's capitalized words, without possessive or plural -s (Americans, China's)."""
        if self._names is None:
            words = (en_plain_word(w).capitalize() for w in _CAPITALIZED.findall(self.segment.target))
            self._names = {word[:-1] if word.endswith("s") else word for word in words}
        return self._names

    def words(self, keep: frozenset[str]) -> tuple[list[str], set[str]]:
        """The target's folded words and their set (made on first use: only segments with a
        missing term need them)."""
        if self._words is None:
            words = folded_words(self.segment.target, self.segment.target_breaks, keep)
            self._words = words, set(words)
        return self._words


class DraftChecker:
    """Checks one draft's segments in order; `window` lets a rendering in a neighbouring segment
    count (for drafts aligned automatically, whose segment borders are approximate); `strict`
    makes every term without an approved rendering missing, without looking for other renderings."""

    def __init__(self, glossary: CheckGlossary, *, name: str = "draft", english_only: bool = False,
                 window: int = 0, unlisted: bool = False, strict: bool = False) -> None:
        self.glossary = glossary
        self.strict = strict
        self.name = name
        self.english_only = english_only
        self.window = window
        self.issues: list[tuple[int, DraftIssue]] = []
        # entry -> rendering (term id) -> [segments using it, the first uses kept for reporting]
        self.usage: dict[int, dict[int, list]] = {}
        self.count = 0
        self.omitted = 0  # source text a plain draft leaves out: reported, not a segment of the draft
        self.kept: list[DraftSegment] | None = [] if unlisted and not english_only else None
        self.translated = 0
        self._short_form: dict[int, bool] = {}  # term id -> an acronym or abbreviation (not tallied)
        self._multiword: dict[int, list[str]] = {}  # entry index -> its renderings that can be reordered
        self._other_forms: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}  # entry index -> _other_forms
        self._said_as: dict[tuple[int, ...], str] = {}  # a source term's entries -> their renderings quoted
        self._words_of: dict[int, frozenset[tuple[str, ...]]] = {}  # entry index -> its renderings' words
        self._other_renderings: OtherRenderings | None = None
        self._names_of: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}  # entry index -> _names

    def run(self, segments: Iterable[DraftSegment], workers: int = 1) -> CheckResult:
        """Check the segments in order; `workers` > 1 checks batches of them in that many processes
        (this one and forked ones) when the draft is long enough to gain from it (same findings, same order)."""
        with paused_gc():
            return self._run(segments, workers)

    def _run(self, segments: Iterable[DraftSegment], workers: int) -> CheckResult:
        segments = self._checked_language(iter(segments))
        if self.kept is not None:
            segments = _kept_in(segments, self.kept)
        if workers > 1 and not self.window and _FORK is not None:
            self._check_in_workers(segments, workers)
        else:
            self._check_here(segments)
        if self.count and not self.translated:
            copied = any(issue.kind == "untranslated" for _, issue in self.issues)  # only copies when none is translated
            what = "every target is empty or a copy of its Chinese source" if copied else "no segment has a target text"
            raise InputError(f"{self.name}: {what} (is the draft translated?)")
        if not self.count:
            raise InputError(f"{self.name}: no segments to check")
        self._report_inconsistent()
        if self.kept:
            from .unlisted import unlisted_variants

            self.issues += unlisted_variants(self.kept, self.glossary)
        ordered = sorted(self.issues, key=lambda item: (item[0], _KIND_RANK[item[1].kind]))
        return CheckResult(tuple(issue for _, issue in ordered), self.count - self.omitted, self.name)

    def _check_here(self, segments: Iterable[DraftSegment]) -> None:
        recent: deque[_Segment] = deque()
        for segment in segments:
            recent.append(self._analyse(segment))
            if len(recent) > self.window:
                self._decide_missing(recent[-1 - self.window], recent)
            if len(recent) > 2 * self.window:
                recent.popleft()
        for current in list(recent)[-self.window:] if self.window else ():
            self._decide_missing(current, recent)

    def _check_in_workers(self, segments: Iterable[DraftSegment], workers: int) -> None:
        """Batches of segments checked by a copy of this checker, here and in `workers` - 1 forked
        processes (the glossary is shared, not sent), their findings and rendering tallies merged here
        in draft order. A draft too short to gain from it is checked here. Needs window 0: a segment
        is decided on its own."""
        global _FORKED_CHECKER
        batches = _batches(segments, _BATCH_SEGMENTS)
        ahead = list(islice(batches, _MIN_BATCHES))
        if len(ahead) < _MIN_BATCHES:
            self._check_here(chain.from_iterable(ahead))
            return
        from concurrent.futures import Future, ProcessPoolExecutor

        first = ahead[0]  # a few segments here first: what they load on first use, the workers inherit loaded
        self._check_here(first[:_WARM_UP_SEGMENTS])
        ahead[0] = first[_WARM_UP_SEGMENTS:]
        _FORKED_CHECKER = copy(self)  # what the workers inherit when forked (at the first submit), and use here
        queued = 2 * (workers - 1)  # batches kept waiting for the workers; when they have enough, one is checked here
        switching = sys.getswitchinterval()
        sys.setswitchinterval(_SWITCH_SECONDS)
        try:
            with ProcessPoolExecutor(workers - 1, mp_context=_FORK, initializer=_ignore_interrupts) as pool:
                pending: deque = deque()  # in draft order: a worker's future, or a batch's results made here
                try:
                    for batch in chain(ahead, batches):  # read as they are checked: bounded memory
                        if sum(1 for p in pending if isinstance(p, Future) and not p.done()) < queued:
                            pending.append(pool.submit(_check_batch, self.count, batch))
                        else:
                            pending.append(_check_batch(self.count, batch, sent=False))
                        self.count += len(batch)
                        while pending and (not isinstance(pending[0], Future) or pending[0].done()):
                            self._merge(*_results(pending.popleft()))
                    while pending:
                        self._merge(*_results(pending.popleft()))
                except BaseException:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
        finally:
            _FORKED_CHECKER = None
            sys.setswitchinterval(switching)

    def _merge(self, issues: list[tuple[int, DraftIssue]], usage: dict[int, dict[int, list]], translated: int) -> None:
        """Add one batch's findings and rendering tallies (batches come in draft order)."""
        self.issues += issues
        self.translated += translated
        tallies = self.usage
        for index, renderings in usage.items():
            mine = tallies.get(index)
            if mine is None:  # (the batch's tallies are its own: taken as they are)
                tallies[index] = renderings
                continue
            for rendering, tally in renderings.items():
                if rendering not in mine:
                    mine[rendering] = tally
                    continue
                uses, kept = tally
                tally = mine[rendering]
                tally[0] += uses
                tally[1] += kept[:_KEPT_USES - len(tally[1])]

    # ------------------------------------------------------------ per segment
    def _analyse(self, segment: DraftSegment) -> _Segment:
        self.count += 1
        if INVISIBLE.search(segment.target) or INVISIBLE.search(segment.source):
            segment = _without_invisible(segment)
        current = _Segment(self.count, segment)
        if segment.omitted:
            self.omitted += 1
            self._report_omitted(current)
            return current
        if not segment.target.strip():
            if segment.source.strip():
                self._add(current, "empty", "warning", "", "", "", "the target is empty")
            return current
        if segment.source.strip() == segment.target.strip() and CJK_RE.search(segment.target):
            self._add(current, "untranslated", "warning", "", "", segment.target,
                      "the target is a copy of the Chinese source", None, (("target", 0, len(segment.target)),))
            return current
        self.translated += 1
        g = self.glossary
        if not self.english_only:
            for hit in g.zh.find_longest(segment.source, segment.source_breaks):
                for term_id in hit.term_ids:
                    current.active.setdefault(g.entry_of[term_id], hit)
        target_hits = g.en.find(segment.target, segment.target_breaks)
        current.found = found = set(chain.from_iterable(map(_TERM_IDS, target_hits)))
        if self.english_only:
            wanted = {t for t in found if g.good[t]}
        else:  # only the source's entries need their renderings placed (a few, against many hits)
            good_terms = g.good_terms
            wanted = {t for index in current.active for t in good_terms(index) if t in found}
        if wanted:
            entry_of, accepted = g.entry_of, current.good
            for hit in target_hits:
                if not wanted.isdisjoint(hit[2]):
                    for term_id in hit[2]:
                        if term_id in wanted:
                            index = entry_of[term_id]
                            if index in accepted:
                                accepted[index].append((hit, term_id))
                            else:
                                accepted[index] = [(hit, term_id)]
        if g.misused_ids:
            for hit in longest(target_hits):
                self._check_misuse(current, hit)
        self._record_usage(current, target_hits)
        self._check_untranslated(current)
        return current

    def _report_omitted(self, current: _Segment) -> None:
        """Source text the draft has no English for (a plain-text check): information, naming the approved
        glossary terms it holds, which the draft therefore does not render either."""
        g, source = self.glossary, current.segment.source
        terms = dict.fromkeys(source[hit.start:hit.end] for hit in g.zh.find_longest(source, current.segment.source_breaks)
                              if any(g.entry_status[g.entry_of[t]] == "approved" for t in hit.term_ids))
        held = f" (glossary terms in it: {', '.join(terms)})" if terms else ""
        self._add(current, "omitted", "info", "", "", "", f"the draft has no English for this source text{held}",
                  None, (("source", 0, len(source)),))

    def _check_misuse(self, current: _Segment, hit: Hit) -> None:
        """A deprecated, superseded or forbidden rendering, unless the same words are right here."""
        g = self.glossary
        if g.misused_ids.isdisjoint(hit.term_ids):
            return
        bad = [(g.entry_of[t], t) for t in hit.term_ids if g.status[t] in BAD_SEVERITY]
        if not bad:
            return
        good_entries = {g.entry_of[t] for t in hit.term_ids if g.good[t]}
        if good_entries:
            if self.english_only or good_entries & current.active.keys():
                return
            if not {index for index, _ in bad} & current.active.keys():
                return
        in_source = [(i, t) for i, t in bad if i in current.active]
        index, term_id = min(in_source or bad, key=lambda it: list(BAD_SEVERITY).index(g.status[it[1]]))
        status = g.status[term_id]
        if index in current.misused:
            return
        current.misused.add(index)
        preferred = g.preferred(index, "en")
        source_hit = current.active.get(index)
        source_term = (current.segment.source[source_hit.start:source_hit.end] if source_hit
                       else g.preferred(index, "zh"))
        found = current.segment.target[hit.start:hit.end]
        use = f"; use “{preferred}”" if preferred and preferred != g.text[term_id] else ""
        what = {"forbidden": "a forbidden", "deprecated": "a deprecated", "superseded": "a superseded"}[status]
        spans = (("target", hit.start, hit.end),)
        if source_hit:
            spans = (("source", source_hit.start, source_hit.end), *spans)
        self._add(current, status, BAD_SEVERITY[status], source_term, preferred, found,
                  f"“{found}” is {what} rendering" + (f" of {source_term}" if source_term else "") + use,
                  index, spans)

    def _decide_missing(self, current: _Segment, neighbours: Iterable[_Segment]) -> None:
        g = self.glossary
        rendered, misused, entry_status = current.good, current.misused, g.entry_status
        segment, issues = current.segment, self.issues
        undecided = []  # (entry, its hit, its renderings) with no accepted rendering here
        nearby = [s.found for s in neighbours if s is not current and abs(s.seq - current.seq) <= self.window] \
            if self.window else ()
        # the source's terms an approved entry's rendering renders here: another approved entry of the same
        # Chinese is no missing term (HKMA's lists give 認可機構 as "AIs" and, apart, "authorized institutions")
        said = {hit for index, hit in current.active.items() if index in rendered and entry_status[index] == "approved"}
        for index, hit in current.active.items():
            if index in rendered or index in misused or entry_status[index] != "approved" or hit in said:
                continue
            if nearby and any(not found.isdisjoint(g.good_terms(index)) for found in nearby):
                said.add(hit)
                continue
            renderings = g.renderings(index)
            if not renderings:
                continue
            if self._said_otherwise(current, index, renderings):
                said.add(hit)
                continue
            undecided.append((index, hit, renderings))
        undecided = [item for item in undecided if item[1] not in said]
        if undecided and said:
            named = _defined_names(segment.source, {segment.source[hit.start:hit.end] for hit in said})
            if named:
                undecided = [item for item in undecided if not any(s <= item[1].start and item[1].end <= e for s, e in named)]
        if not undecided:
            return
        rendered_as = {} if self.strict else self._rendered_otherwise(current, undecided)
        by_hit: dict[Hit, list[tuple[int, list[str]]]] = {}  # one finding per source term: its entries' renderings together
        for index, hit, renderings in undecided:
            by_hit.setdefault(hit, []).append((index, renderings))
        for hit, entries in by_hit.items():
            source_term = segment.source[hit.start:hit.end]
            wanted = self._wanted(entries)
            index, span = self._said_instead(segment.target, entries, rendered_as)
            expected = g.renderings(index)[0]
            if span is None:
                issues.append((current.seq, issue_for(
                    segment, "missing", "error", source_term, expected, "",
                    f"{source_term} is in the source but {wanted} is not in the target",
                    g.entry_ids[index], (("source", hit.start, hit.end),))))
                continue
            found = segment.target[span[0]:span[1]]
            issues.append((current.seq, issue_for(
                segment, "unapproved", "warning", source_term, expected, found,
                f"{source_term} is rendered “{found}” here, not as the glossary's {wanted}",
                g.entry_ids[index], (("source", hit.start, hit.end), ("target", *span)))))

    def _said_instead(self, target: str, entries: list[tuple[int, list[str]]], rendered_as: dict[int, tuple[int, int]]
                      ) -> tuple[int, tuple[int, int] | None]:
        """Of a source term's entries (index, renderings) with no rendering here: the first whose term the
        target renders in other words, with those words' (start, end); else the first entry and None."""
        for index, renderings in entries:
            span = rendered_as.get(index)
            if span is not None and not same_words(target[span[0]:span[1]], self._rendering_words(index, renderings)):
                return index, span
        return entries[0][0], None

    def _wanted(self, entries: list[tuple[int, list[str]]]) -> str:
        """The renderings of a source term's approved entries quoted, "or" between them (made once per set
        of entries: findings come by the ten thousand): “AIs” (or “authorized institutions”)."""
        key = tuple(index for index, _ in entries)
        wanted = self._said_as.get(key)
        if wanted is None:
            first_spelled: dict[str, str] = {}  # (one of "AIs" and "AIS": as first spelled)
            for _, renderings in entries:
                for rendering in renderings:
                    first_spelled.setdefault(rendering.casefold(), rendering)
            renderings = list(first_spelled.values())
            others = f" (or {', '.join(f'“{r}”' for r in renderings[1:])})" if len(renderings) > 1 else ""
            wanted = self._said_as[key] = f"“{renderings[0]}”{others}"
        return wanted

    def _said_otherwise(self, current: _Segment, index: int, renderings: list[str]) -> bool:
        """True when the target says one of entry `index`'s renderings other than as written: its words
        reordered, inside a hyphenated compound, as a place name's adjective, or as a one-word verb inflected."""
        g, keep, segment = self.glossary, self.glossary.en.keep, current.segment
        multiword = self._multiword.get(index)
        if multiword is None:
            multiword = self._multiword[index] = [r for r in renderings if may_be_reordered(r, keep)]
        if multiword and any(reordered_in(r, *current.words(keep), keep, segment.target, segment.target_breaks)
                             for r in multiword):
            return True
        forms = self._other_forms.get(index)
        if forms is None:
            forms = self._other_forms[index] = _other_forms(renderings)
        plain, adjectives, inflected = forms
        parts = current.compound_parts()
        if parts and not parts.isdisjoint(plain) and not current.in_compounds(g.en).isdisjoint(g.good_terms(index)):
            return True
        if adjectives and not current.names().isdisjoint(adjectives):
            return True  # "Chinese characteristics" renders 中国 (China) as an adjective
        # "working" for "work": one word inflected (a compound's word too: well-written), a noun said as its verb
        return bool(inflected) and not (current.words(keep)[1].isdisjoint(inflected) and parts.isdisjoint(inflected))

    def _rendering_words(self, index: int, renderings: list[str]) -> frozenset[tuple[str, ...]]:
        """rendering_words of an entry's renderings, made once."""
        words = self._words_of.get(index)
        if words is None:
            words = self._words_of[index] = rendering_words(renderings)
        return words

    def _rendered_otherwise(self, current: _Segment, undecided: list[tuple[int, Hit, list[str]]]
                            ) -> dict[int, tuple[int, int]]:
        """Entry index -> where the target renders the entry's Chinese term (found at its hit) in
        words the glossary does not list, by the miner's pairing evidence; entries absent when
        nothing in the target can translate them."""
        g = self.glossary
        keys, entry_of = g.zh.keys, g.entry_of
        term_of = {}
        source, target = current.segment.source, current.segment.target
        for index, hit, _ in undecided:
            if source[hit.start:hit.end] in target:
                continue  # left in Chinese: not translated at all
            for t in hit.term_ids:  # the entry's term found there
                if entry_of[t] == index and t in keys:
                    if keys[t]:
                        term_of[index] = keys[t]
                    break
        if not term_of:
            return {}
        if self._other_renderings is None:
            self._other_renderings = OtherRenderings(g.evidence)
        target = current.target_words()
        found = self._other_renderings.find(list(term_of.values()), target)
        spans = {}
        for index, term in term_of.items():
            span = self._other_rendering(index, term, found, target)
            if span and current.good:
                span = self._unclaimed(current, index, term, span, target)
            if span:
                spans[index] = span
        return {index: _without_possessive(current.segment.target, span) for index, span in spans.items()}

    def _other_rendering(self, index: int, term: str, found: dict[str, tuple[int, int]], target: TargetWords
                         ) -> tuple[int, int] | None:
        """Where `target` renders entry `index` (its Chinese `term`) in other words: what find found
        (`found`), widened, else the glossary's rendering shortened, else None."""
        renderings = self.glossary.renderings(index)
        span = found.get(term)
        if span:
            return self._other_renderings.widened(span, renderings, target)
        return self._other_renderings.shortened(renderings, target)

    def _unclaimed(self, current: _Segment, index: int, term: str, span: tuple[int, int], target: TargetWords
                   ) -> tuple[int, int] | None:
        """`span` (words found rendering entry `index`, its Chinese `term`), unless they hold words that
        render another term of the source (see _claimed): then what the search finds without those words
        (and without those of the words it finds next, until it finds words of no other term, or none)."""
        hit, good = current.active[index], current.good
        near = current.rendering_near(*span)
        if all(current.active[other] is hit for other in near):
            return span  # (the common case: no other term's rendering there, or only its own Chinese's)
        claimed = self._claimed(current, index, {other: good[other] for other in near})
        own = {other: good[other] for other in good if current.active[other] is hit}
        seen = set(near)
        while claimed and any(s < span[1] and span[0] < e for s, e in claimed):
            masked = target.without(claimed)
            span = self._other_rendering(index, term, self._other_renderings.find([term], masked), masked)
            near = current.rendering_near(*span) - seen if span else None
            if not near:
                return span
            seen |= near
            claimed += self._claimed(current, index, {other: good[other] for other in near} | own)
        return span

    def _claimed(self, current: _Segment, index: int, good: dict[int, list[tuple[Hit, int]]]) -> list[tuple[int, int]]:
        """The (start, end) of the renderings (`good`: entry -> its accepted renderings in the target) of the
        segment's other source terms that render them and no other: "new trends", 新趋势's rendering, is no
        rendering of 开拓新机遇. Not those of a synonym or abbreviation of entry `index` (see _related), of
        another entry of its Chinese term, of a term whose characters stand in its term's in order or the
        other way round (住宅物业市场, 物业市场: the longer renders its part too), of a term said fewer times in
        the source than its renderings in the target (one may render another), nor of a term sharing
        characters with its term that do not say that term's last piece: the shared piece may be all they
        say ("financial industry", mined for 金融科技, renders 金融业)."""
        g, source, target = self.glossary, current.segment.source, current.segment.target
        term = source[current.active[index].start:current.active[index].end]
        claimed, own = [], []  # (own: the renderings of other entries of its Chinese term, which render it too)
        for other, hits in good.items():
            hit = current.active[other]
            said = source[hit.start:hit.end]
            if said == term:
                own += [(h.start, h.end) for h, _ in hits]
                continue
            if other == index or len(hits) > source.count(said) or self._related(index, other) \
                    or _spelled_within(said, term) or _spelled_within(term, said):
                continue
            if not set(term).isdisjoint(said):
                key = next((g.zh.keys.get(t) for t in hit.term_ids if g.entry_of[t] == other), None)
                hits = [(h, t) for h, t in hits if key and self._other_renderings.says_head(key, target[h.start:h.end])]
            claimed += [(h.start, h.end) for h, _ in hits]
        if own:  # ("HKMA", 金管局's rendering, in "HKMA Annual Report", 年报's)
            claimed = [(start, end) for start, end in claimed if not any(s < end and start < e for s, e in own)]
        return claimed

    def _related(self, index: int, other: int) -> bool:
        """True when entries `index` and `other` share a rendering or one's rendering is an acronym of
        the other's (金管局 "HKMA", 香港金融管理局 "Hong Kong Monetary Authority"): two names of one thing."""
        (mine, my_acronyms, my_initials), (theirs, their_acronyms, their_initials) = self._names(index), self._names(other)
        return not (mine.isdisjoint(theirs) and my_acronyms.isdisjoint(their_initials)
                    and their_acronyms.isdisjoint(my_initials))

    def _names(self, index: int) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """An entry's renderings folded for case, the letters of those written as acronyms and the initials
        of the others' content words, each sorted (see acronym_letters), made once."""
        names = self._names_of.get(index)
        if names is None:
            renderings = self.glossary.renderings(index)
            letters = {r: acronym_letters(r) for r in renderings}
            names = self._names_of[index] = (
                frozenset(r.casefold() for r in renderings), frozenset(a for a in letters.values() if a),
                frozenset(initials(r) for r, a in letters.items() if not a))
        return names

    def _record_usage(self, current: _Segment, target_hits: list[Hit]) -> None:
        """Which full-form rendering each glossary term got here, for the consistency check."""
        g = self.glossary
        if self.english_only:
            hits = [(h, t) for h in longest(target_hits) for t in h.term_ids]
            per_entry: dict[int, list[tuple[Hit, int]]] = {}
            for hit, term_id in hits:
                if g.good[term_id]:
                    per_entry.setdefault(g.entry_of[term_id], []).append((hit, term_id))
        else:
            per_entry = current.good
        short, usage, rendering_of = self._short_form, self.usage, g.rendering
        target = current.segment.target
        for index, found in per_entry.items():
            seen = set()
            defining = _defining(target, found, rendering_of) if len(found) > 1 else ()
            for hit, term_id in found:
                rendering = rendering_of[term_id]
                if rendering in seen or hit in defining:
                    continue
                is_short = short.get(term_id)
                if is_short is None:
                    is_short = short[term_id] = g.type[term_id] in _SHORT_FORMS or is_acronym(g.text[term_id])
                if is_short:
                    continue
                seen.add(rendering)
                tallies = usage.get(index)
                if tallies is None:
                    tallies = usage[index] = {}
                tally = tallies.get(rendering)
                if tally is None:
                    tally = tallies[rendering] = [0, []]
                tally[0] += 1
                if len(tally[1]) < _KEPT_USES and g.status[term_id] != "preferred":  # the preferred one is never reported
                    tally[1].append(_Use(current.seq, current.segment, hit, current.active.get(index)))

    def _check_untranslated(self, current: _Segment) -> None:
        target = current.segment.target
        if target.isascii():  # (known without reading it)
            return
        stretches = _chinese_stretches(target)
        if stretches:
            found = " … ".join(target[start:end] for start, end in stretches)
            self._add(current, "untranslated", "warning", "", "", found,
                      f"Chinese left in the target: {found}", None,
                      tuple(("target", start, end) for start, end in stretches))

    # ------------------------------------------------------------ across the draft
    def _report_inconsistent(self) -> None:
        g = self.glossary
        for index, renderings in self.usage.items():
            if len(renderings) < 2:
                continue
            preferred = [t for t in renderings if g.status[t] == "preferred"]
            dominant = preferred[0] if preferred else max(renderings, key=lambda t: renderings[t][0])
            expected, count = g.text[dominant], renderings[dominant][0]
            for term_id, (uses, kept) in renderings.items():
                if term_id == dominant:
                    continue
                more = f" (and {uses - len(kept)} more segments)" if uses > len(kept) else ""
                for use in kept:
                    segment, hit, source_hit = use.segment, use.hit, use.source_hit
                    found = segment.target[hit.start:hit.end]
                    spans = [("target", hit.start, hit.end)]
                    source_term = g.preferred(index, "zh")
                    if source_hit:
                        source_term = segment.source[source_hit.start:source_hit.end]
                        spans.insert(0, ("source", source_hit.start, source_hit.end))
                    self.issues.append((use.seq, issue_for(
                        segment, "inconsistent", "warning", source_term, expected, found,
                        f"{source_term or expected} is rendered “{found}” here but “{expected}” in "
                        f"{count} segment{'s' if count > 1 else ''}{more}",
                        g.entry_ids[index], tuple(spans))))

    def _add(self, current: _Segment, kind: str, severity: str, source_term: str, expected: str,
             found: str, message: str, index: int | None = None, spans: tuple = ()) -> None:
        entry_id = self.glossary.entry_ids[index] if index is not None else None
        self.issues.append((current.seq, issue_for(current.segment, kind, severity, source_term, expected,
                                                   found, message, entry_id, spans)))

    def _checked_language(self, segments: Iterator[DraftSegment]) -> Iterator[DraftSegment]:
        """The segments, after making sure the target is English and the source Chinese."""
        sample = list(islice(segments, _LANGUAGE_SAMPLE))
        target_cjk, target_latin = _script_counts(s.target for s in sample if s.target.strip() != s.source.strip())
        if target_cjk > target_latin:
            side = "draft" if self.english_only else "target text"
            hint = "" if self.english_only else " (are source and target swapped?)"
            raise InputError(f"{self.name}: the {side} is Chinese, not English{hint}")
        if not _english_like(s.target for s in sample):
            side = "draft" if self.english_only else "target text"
            raise InputError(f"{self.name}: the {side} is not English (this checks Chinese → English drafts)")
        if not self.english_only:
            source_cjk, source_latin = _script_counts(s.source for s in sample)
            if source_latin and source_cjk < source_latin / 10:
                raise InputError(f"{self.name}: the source text is not Chinese (this checks Chinese → English drafts)")
        return chain(sample, segments)


_BATCH_SEGMENTS = 100  # segments sent to a worker at a time
_MIN_BATCHES = 4  # a draft of fewer batches is checked in one process (forking would cost more)
_WARM_UP_SEGMENTS = 20  # checked before forking
# how soon the threads that feed the workers and read their findings get their turn while this
# process checks a batch (Python's default, 5 ms per turn, leaves a worker waiting on a full pipe)
_SWITCH_SECONDS = 0.0005
_FORK = multiprocessing.get_context("fork") if sys.platform == "linux" else None  # workers inherit the glossary
_FORKED_CHECKER: DraftChecker | None = None  # the checker a forked worker copies


def _ignore_interrupts() -> None:
    """Ctrl-C is the parent's to handle (it stops the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_batch(seq: int, batch: list[DraftSegment], sent: bool = True) -> tuple[list, dict, int]:
    """Check the segments numbered from seq + 1 with the batch checker (in a worker, its forked copy;
    its caches kept from batch to batch), and return their findings (`sent` to the parent: as their
    fields), rendering tallies and translated count."""
    checker = _FORKED_CHECKER
    checker.count, checker.issues, checker.usage, checker.translated = seq, [], {}, 0
    for segment in batch:
        checker._decide_missing(checker._analyse(segment), ())
    issues = [(seq, _issue_fields(issue)) for seq, issue in checker.issues] if sent else checker.issues
    return issues, checker.usage, checker.translated


def _results(pending) -> tuple[list, dict, int]:
    """What _check_batch returned, waited for if it is a worker's, with its findings made again."""
    if isinstance(pending, tuple):
        return pending
    issues, usage, translated = pending.result()
    return [(seq, _new_issue(*issue)) for seq, issue in issues], usage, translated


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _kept_in(segments: Iterable[DraftSegment], kept: list[DraftSegment]) -> Iterator[DraftSegment]:
    for segment in segments:
        kept.append(segment)
        yield segment


_OPENING = "「『“‘(（《〈"  # what opens a short form given after a name


def _defined_names(source: str, shorts: set[str]) -> list[tuple[int, int]]:
    """The (start, end) of the full names the source gives right before one of `shorts` (short forms the
    target renders) in brackets or quotes, the short form's characters standing in the name in order:
    深港股票市場交易互聯互通機制「深港通」, 證券及期貨事務監察委員會（證監會）. The terms inside such a name
    (股票, 監察) are the name's words, which the short form's rendering says ("Shenzhen-Hong Kong Stock Connect")."""
    names = []
    for short in shorts:
        at = source.find(short, 1)
        while at > 0:
            if source[at - 1] in _OPENING:
                end = start = at - 1
                while start > 0 and CJK_RE.match(source, start - 1):
                    start -= 1
                begins = [i for i in range(start, end) if source[i] == short[0] and _spelled_within(short, source[i:end])]
                if begins and end - begins[-1] > len(short):
                    names.append((begins[-1], end))
            at = source.find(short, at + 1)
    return names


def _cased(text: str) -> list[str]:
    """`text` as a sentence, a title or a heading may write it (Centre, CENTRE; Data Base), other than
    as given: a wrong spelling whose letters are wrong (not its case, as internet for Internet) is
    wrong in every case."""
    forms = [text[:1].upper() + text[1:], " ".join(w[:1].upper() + w[1:] for w in text.split(" ")), text.upper()]
    return [form for form in dict.fromkeys(forms) if form != text]


def _spelled_within(short: str, long: str) -> bool:
    """True when the characters of `short` stand in `long` in order (国际标准 in 国际监管标准)."""
    rest = iter(long)
    return all(char in rest for char in short)


def _without_possessive(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without the possessive ending its last word: the rendering is "financial industry" in
    "the financial industry’s recovery", "banks" in "banks’ capital"."""
    start, end = span
    if end - start > 2 and text[end - 2 : end] in ("’s", "'s"):
        return start, end - 2
    if end - start > 2 and text[end - 1] in "’'" and text[end - 2] == "s":
        return start, end - 1
    return span


def _script_counts(texts: Iterable[str]) -> tuple[int, int]:
    cjk = latin = 0
    for text in texts:
        cjk += sum(map(len, _CJK_LETTERS.findall(text)))
        latin += sum(map(len, _LATIN_LETTERS.findall(text)))
    return cjk, latin


def _other_forms(renderings: list[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Of an entry's renderings: their words folded, hyphens and dashes splitting them (to find them
    inside a target's compounds); the adjectives of a one-word place name (China: Chinese); the -ing
    and -ed forms of a one-word rendering (work: working, worked), and the words a one-word noun is made
    from (consolidation: consolidated; see derived_forms)."""
    plain = frozenset(en_fold_word(word) for r in renderings for word in _NOT_WORD.split(r) if word)
    return (plain, frozenset().union(*map(name_adjectives, renderings)),
            frozenset().union(*map(verb_forms, renderings), *map(derived_forms, renderings)))


_IN_PARENTHESES = re.compile(r"\s*[(（]\s*")


def _defining(target: str, found: list[tuple[Hit, int]], rendering_of: dict[int, int]) -> set[Hit]:
    """The hits of two renderings of one entry where one defines the other in parentheses right after it,
    "Generative Artificial Intelligence (GenAI)": a definition is no choice between the two (the draft's
    other uses tell which it uses), even where the glossary types neither as an acronym."""
    ordered = sorted(found, key=lambda pair: pair[0].start)
    out = set()
    for (first, first_id), (second, second_id) in zip(ordered, ordered[1:]):
        if rendering_of[first_id] != rendering_of[second_id] and target[second.end:second.end + 1] in (")", "）") \
                and _IN_PARENTHESES.fullmatch(target, first.end, second.start):
            out.update((first, second))
    return out


def _without_invisible(segment: DraftSegment) -> DraftSegment:
    """The segment without the invisible characters typesetting and web pages leave inside words
    (soft hyphens: gov-ern-ment; zero-width spaces between Chinese characters), its inline-code
    breaks moved to match."""
    def clean(text: str, breaks: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
        removed = [m.start() for m in INVISIBLE.finditer(text)]
        if not removed:
            return text, breaks
        return INVISIBLE.sub("", text), tuple(b - bisect_left(removed, b) for b in breaks)

    source, source_breaks = clean(segment.source, segment.source_breaks)
    target, target_breaks = clean(segment.target, segment.target_breaks)
    return replace(segment, source=source, target=target, source_breaks=source_breaks, target_breaks=target_breaks)


def _english_like(texts: Iterable[str]) -> bool:
    """False for Latin-script text of another language: accented letters more than 1 in 100 and
    English function words (the, of, and...) under 1 word in 20; short or term-list texts pass."""
    letters = accented = words = function = 0
    for text in texts:
        for word in _LATIN_WORD.findall(text):
            words += 1
            letters += len(word)
            if not word.isascii():
                accented += sum(1 for c in word if c > "\x7f")
            function += word.casefold() in FUNCTION_WORDS
    return letters < 200 or accented * 100 <= letters or function * 20 >= words


def check_segments(segments: Iterable[DraftSegment], glossary: CheckGlossary, *, name: str = "draft",
                   english_only: bool = False, window: int = 0, unlisted: bool = False,
                   strict: bool = False, workers: int | None = 1) -> CheckResult:
    """Check a draft's segments; raises InputError when the draft is empty or in the wrong language.
    `unlisted` also reports Chinese terms outside the glossary rendered several ways (runs the miner);
    `strict` reports a term rendered in words the glossary does not list as missing, not unapproved;
    `workers`: processes for a long draft (None: one per core, up to 4)."""
    workers = workers or min(os.cpu_count() or 1, 4)
    return DraftChecker(glossary, name=name, english_only=english_only, window=window,
                        unlisted=unlisted, strict=strict).run(segments, workers)


def worst_severity(issues: Iterable[DraftIssue]) -> str | None:
    worst = max((SEVERITY_RANK[i.severity] for i in issues), default=None)
    return None if worst is None else next(k for k, v in SEVERITY_RANK.items() if v == worst)


def fails(issues: Iterable[DraftIssue], fail_on: str) -> bool:
    """True when a finding reaches `fail_on` (error, warning, info); never for "never"."""
    if fail_on == "never":
        return False
    return any(SEVERITY_RANK[i.severity] >= SEVERITY_RANK[fail_on] for i in issues)


def _chinese_stretches(target: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of Chinese in a target, as written: runs of Chinese characters with only
    numbers, quotes, punctuation or a Latin acronym between them are one stretch (年，以下简称“市政府外办”）坚持
    stays whole; it was shown as 年，以下简称、市政府外办、坚持), English words between them part them."""
    stretches: list[tuple[int, int]] = []
    for run in _CJK_RUN.finditer(target):
        if stretches and not _ENGLISH_WORDS.search(target, stretches[-1][1], run.start()):
            stretches[-1] = (stretches[-1][0], run.end())
        else:
            stretches.append((run.start(), run.end()))
    return stretches
