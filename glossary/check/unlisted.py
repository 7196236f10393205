"""Terms the glossary does not hold, rendered in more than one way across a draft (info findings).

The miner's candidate spans find the Chinese terms and their renderings in each segment; a
Chinese term with two renderings that are not one inside the other is reported where the less
common one is used.
"""

from __future__ import annotations

from collections import Counter

from glossary.keys import BOUNDARY, en_term_keys, to_simplified, zh_match_text
from glossary.models import DraftIssue, DraftSegment, SegmentPair

from .checker import CheckGlossary, issue_for


def unlisted_variants(segments: list[DraftSegment], glossary: CheckGlossary) -> list[tuple[int, DraftIssue]]:
    """(segment number, info finding) for each use of a minority rendering of an unlisted term."""
    from glossary.mine import mine_pairs

    pairs = [SegmentPair(seq=i, zh=to_simplified(s.source), en=s.target, zh_original=s.source)
             for i, s in enumerate(segments) if s.source.strip() and s.target.strip()]
    listed = set(glossary.zh.keys.values())
    by_term: dict[str, dict[str, list]] = {}
    for candidate in mine_pairs(pairs):
        zh = zh_match_text(candidate.zh, simplified=True)[0].strip(BOUNDARY)
        keys = en_term_keys(candidate.en)
        if not zh or zh in listed or not keys:
            continue
        by_term.setdefault(zh, {}).setdefault(keys[0][0], []).append(candidate)
    issues = []
    for renderings in by_term.values():
        if len(renderings) < 2:
            continue
        uses = Counter({key: sum(len(c.occurrences) for c in found) for key, found in renderings.items()})
        dominant = uses.most_common(1)[0][0]
        expected = renderings[dominant][0].en
        for key, found in renderings.items():
            if key == dominant or key.strip() in dominant or dominant.strip() in key:
                continue
            for candidate in found:
                for occ in candidate.occurrences:
                    segment = segments[occ.pair_seq]
                    same_length = len(to_simplified(segment.source)) == len(segment.source)
                    source_term = segment.source[occ.zh_start:occ.zh_end] if same_length else candidate.zh
                    rendered = segment.target[occ.en_start:occ.en_end]
                    spans = (("source", occ.zh_start, occ.zh_end),) if same_length else ()
                    issues.append((occ.pair_seq + 1, issue_for(
                        segment, "inconsistent", "info", source_term, expected, rendered,
                        f"{source_term} (not in the glossary) is rendered “{rendered}” here but "
                        f"“{expected}” in {uses[dominant]} other place{'s' if uses[dominant] > 1 else ''}",
                        None, (*spans, ("target", occ.en_start, occ.en_end)),
                    )))
    return issues
