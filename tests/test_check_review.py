"""End-to-end review of the checker as a translator uses it: variants of an approved rendering that
must not raise a finding, on gold evidence of ../shared (built into drafts at test time)."""

from __future__ import annotations

import re

from test_check_findings import DOCS, entry, gold_rows, usable

from glossary.check import CheckGlossary, check_segments
from glossary.models import DraftSegment


def spaced_renderings(doc: str) -> list[tuple[int, dict]]:
    """Gold rows whose rendering is three or four plain words, all in its evidence."""
    return [(i, r) for i, r in enumerate(gold_rows(doc)) if usable(r) and re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+){2,3}", r["en"])]


def test_neighbouring_words_of_a_rendering_hyphenated_in_the_draft_still_match():
    """"foreign-affairs system" for the approved "foreign affairs system": a compound modifier
    hyphenated is the same rendering (the other way round already matched)."""
    rows = gold_rows(DOCS[0])
    glossary = CheckGlossary(entry(r, i) for i, r in enumerate(rows))
    picked = spaced_renderings(DOCS[0])
    assert len(picked) >= 5
    segments = []
    for i, r in picked:
        first, second, rest = r["en"].split(" ", 2)
        hyphenated = f"{first}-{second} {rest}"
        target = re.sub(re.escape(r["en"]), hyphenated, r["evidence_en"], flags=re.IGNORECASE)
        assert hyphenated.casefold() in target.casefold()
        segments.append(DraftSegment(str(i), r["evidence_zh"], target))
    result = check_segments(segments, glossary)
    own = [(f.kind, r["en"], f.found) for i, r in picked for f in result.issues
           if f.segment == str(i) and f.entry_id == i]
    assert own == []
