"""Co-occurrence across the aligned pairs of a batch: an English acronym (SCO, BRI) or Title Case
name that keeps appearing with the same Chinese span is paired with it (Dice coefficient); a name
must also be half glossed by the span, which the dictionary alone may not fully cover."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from glossary.mine.pairing import SpanPair, gloss_coverage, zh_spans
from glossary.mine.tokens import EnToken, ZhWord
from glossary.models import SegmentPair

ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}s?")
MIN_COOCCURRENCE = 2
MIN_DICE = 0.6
MIN_NAME_GLOSS = 0.5  # a Title Case name needs half its words glossed by the Chinese span as well
_NAME_JOINERS = {"of", "and", "for", "on", "the"}


def _names(tokens: Sequence[EnToken], en: str) -> list[tuple[str, int, int]]:
    """Title Case names of two or more capitalised words (Exchange Fund Advisory Committee), with offsets."""
    out, i, n = [], 0, len(tokens)
    while i < n:
        if not (tokens[i].word and tokens[i].text[:1].isupper() and not tokens[i].stop):
            i += 1
            continue
        j = k = i
        while k + 1 < n:
            nxt = tokens[k + 1]
            if nxt.word and nxt.text[:1].isupper() and not nxt.stop:
                k += 1
                j = k
            elif nxt.text.lower() in _NAME_JOINERS and k + 2 < n:
                k += 1
            else:
                break
        if sum(1 for t in tokens[i : j + 1] if t.text[:1].isupper() and not t.stop) >= 2:
            out.append((en[tokens[i].start : tokens[j].end], tokens[i].start, tokens[j].end))
        i = j + 1
    return out


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.fullmatch(text)) and sum(c.isupper() for c in text) >= 2


def pairs_by_cooccurrence(
    analysed: Sequence[tuple[SegmentPair, list[ZhWord], list[EnToken]]],
) -> dict[int, list[SpanPair]]:
    """pair seq → acronym and name pairs supported by co-occurrence over all `analysed` pairs."""
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
        for text, start, end in [(t.text, t.start, t.end) for t in tokens if is_acronym(t.text)] + _names(tokens, pair.en):
            if text not in pair.zh:
                acronyms.setdefault(text, (start, end))
                acronym_count[text] += 1
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
        if not is_acronym(acronym) and gloss_coverage(span, acronym) < MIN_NAME_GLOSS:
            continue
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
