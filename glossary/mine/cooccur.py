"""Co-occurrence across the aligned pairs of a batch: an English acronym (SCO, BRI) that keeps
appearing with the same Chinese span is paired with it (Dice coefficient)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from glossary.mine.pairing import SpanPair, zh_spans
from glossary.mine.tokens import EnToken, ZhWord
from glossary.models import SegmentPair

ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}s?")
MIN_COOCCURRENCE = 2
MIN_DICE = 0.6


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.fullmatch(text)) and sum(c.isupper() for c in text) >= 2


def acronym_pairs_by_cooccurrence(
    analysed: Sequence[tuple[SegmentPair, list[ZhWord], list[EnToken]]],
) -> dict[int, list[SpanPair]]:
    """pair seq → acronym pairs supported by co-occurrence over all `analysed` pairs."""
    span_freq: Counter[str] = Counter()
    acronym_freq: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    distance: Counter[tuple[str, str]] = Counter()  # summed relative-position gaps: nearer pairs win ties
    where: dict[int, tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]] = {}
    for pair, words, tokens in analysed:
        spans: dict[str, tuple[int, int]] = {}
        span_count: Counter[str] = Counter()
        for a, b in zh_spans(words):
            start, end = words[a].start, words[b - 1].end
            if end - start >= 2:
                spans.setdefault(pair.zh[start:end], (start, end))
                span_count[pair.zh[start:end]] += 1
        acronyms: dict[str, tuple[int, int]] = {}
        acronym_count: Counter[str] = Counter()
        for t in tokens:
            if is_acronym(t.text) and t.text not in pair.zh:
                acronyms.setdefault(t.text, (t.start, t.end))
                acronym_count[t.text] += 1
        span_freq.update(span_count)
        acronym_freq.update(acronym_count)
        if acronyms:  # occurrences counted, so one sentence naming both twice is evidence too
            together.update({(s, a): min(n, m) for s, n in span_count.items() for a, m in acronym_count.items()})
            for s, (zs, _) in spans.items():
                for a, (es, _) in acronyms.items():
                    distance[(s, a)] += abs(zs / len(pair.zh) - es / len(pair.en))
            where[pair.seq] = (spans, acronyms)
    best: dict[str, tuple[float, float, int, str]] = {}
    for (span, acronym), count in together.items():
        if count < MIN_COOCCURRENCE:
            continue
        dice = 2 * count / (span_freq[span] + acronym_freq[acronym])
        # nearer in relative position first (in quarters), then the longer span (上合组织 over 组织)
        key = (round(dice, 3), -round(distance[(span, acronym)] * 4), len(span), span)
        if dice >= MIN_DICE and key > best.get(acronym, (0.0, -1e9, 0, "")):
            best[acronym] = key
    out: dict[int, list[SpanPair]] = {}
    for seq, (spans, acronyms) in where.items():
        for acronym, (en_start, en_end) in acronyms.items():
            if acronym in best and best[acronym][3] in spans:
                zh_start, zh_end = spans[best[acronym][3]]
                out.setdefault(seq, []).append(
                    SpanPair(zh_start, zh_end, en_start, en_end, round(best[acronym][0], 3), "cooccurrence"))
    return out
