"""One dynamic program over a document's zh and en sentences: Gale–Church length model plus anchors.

Beads 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0 and 0-1. A bead's score adds dictionary coverage, matched
numbers, Latin tokens, pinyin names and quotes, minus a length penalty calibrated on the HKMA
paragraph pairs (`bench/calibrate_length.py`); the path with the highest total wins. Skipping
a sentence costs more in the middle of the other side's paragraph than between paragraphs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from glossary.align.anchors import EnFeatures, ZhFeatures, name_openings
from glossary.align.band import search_band
from glossary.keys import char_readings

# English characters per Chinese character and the variance of the normalized difference,
# measured on the 4,721 HKMA paragraph pairs (bench/calibrate_length.py).
EN_PER_ZH = 3.74
LENGTH_VARIANCE = 20.7

COVERAGE_WEIGHT = 5.0
COVERAGE_BASE = 0.22
NUMBER_MATCH = 1.2
NUMBER_MISMATCH = 0.4
LATIN_MATCH = 1.0
NAME_MATCH = 1.0
QUOTE_MATCH = 0.4
LENGTH_WEIGHT = 0.35
LENGTH_CAP = 8.0
SKIP = -0.9  # per unaligned sentence, at a paragraph boundary of the other side
SKIP_INSIDE = -1.5  # per unaligned sentence while the other side is inside a paragraph
BEAD_PRIOR = {(1, 1): 0.0, (1, 2): -0.6, (2, 1): -0.6, (2, 2): -1.4, (1, 3): -1.2, (3, 1): -1.2}
# A three-sentence bead is tried only when its lengths fit this well (in standard deviations):
# a long Chinese sentence the English splits in three, or the reverse.
TRIPLE_MAX_DELTA = 3.0
CROSS_PARAGRAPH = -1.2  # a bead that glues sentences of two paragraphs of one side
PARAGRAPH_START = 0.5  # both sides start a paragraph together
CEILING_MARGIN = 1e-6  # keeps a bead's score ceiling above its score despite rounding


@dataclass(frozen=True, slots=True)
class Bead:
    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AlignUnit:
    """A sentence to align: its paragraph, whether it opens that paragraph, and its anchors."""

    para: int
    first: bool
    features: ZhFeatures | EnFeatures


@dataclass(frozen=True, slots=True)
class Span:
    """One or two consecutive sentences of one side, with their anchors merged once."""

    stems: frozenset[str] | set[str]
    numbers: set[str]
    latin: set[str]
    quotes: int
    length: int
    names: frozenset[str]  # en: its pinyin names; zh: the document's names its characters read as
    bonus: float  # CROSS_PARAGRAPH when it glues two paragraphs
    first: bool  # it opens a paragraph
    scale: float  # divisor: en, its number of stems; zh, the length model's standard deviation


def merged_span(group: Sequence[AlignUnit], names: Sequence[frozenset[str]], is_zh: bool) -> Span:
    """The merged anchors of `group` (consecutive sentences, or any for a rescued bead);
    `names` are the pinyin names of each of its units (en) or those it reads as (zh)."""
    if len(group) == 1:
        f = group[0].features
        stems, numbers, latin, read, quotes, length = f.stems, f.numbers, f.latin, names[0], f.quotes, f.length
    else:
        fs = [u.features for u in group]
        stems = fs[0].stems.union(*(f.stems for f in fs[1:]))
        numbers, latin = set().union(*(f.numbers for f in fs)), set().union(*(f.latin for f in fs))
        read = frozenset().union(*names)
        quotes, length = sum(f.quotes for f in fs), sum(f.length for f in fs)
    scale = math.sqrt(LENGTH_VARIANCE * max(length, 1)) if is_zh else len(stems) or 1
    cross = group[0].para != group[-1].para
    return Span(stems, numbers, latin, quotes, length, read, CROSS_PARAGRAPH if cross else 0.0, group[0].first, scale)


def _spans(units: Sequence[AlignUnit], size: int, names: Sequence[frozenset[str]]) -> list[Span | None]:
    """For each end position k, the span of the `size` sentences ending at k (None if too short,
    or three sentences across a paragraph break); `names[k]` as in `merged_span`."""
    out: list[Span | None] = [None] * (len(units) + 1)
    is_zh = bool(units) and isinstance(units[0].features, ZhFeatures)
    for k in range(size, len(units) + 1):
        group = units[k - size : k]
        if size > 2 and group[0].para != group[-1].para:
            continue  # three sentences are one bead only inside one paragraph
        out[k] = merged_span(group, names[k - size : k], is_zh)
    return out


def names_read(zh: Sequence[AlignUnit], en: Sequence[AlignUnit]) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Pinyin names of each en sentence, and the names among all of them each zh sentence reads as."""
    en_names = [frozenset(u.features.names) for u in en]
    every = frozenset().union(*en_names)
    if not every:
        return [frozenset()] * len(zh), en_names
    # a name's reading starts at a character read as its first syllable (one to six letters)
    chars: set[str] = set()
    for u in zh:
        chars.update(u.features.text)
    by_reading: dict[str, set[str]] = {}
    for char in chars:
        for reading in char_readings(char):
            by_reading.setdefault(reading, set()).add(char)
    found: list[list[str]] = [[] for _ in zh]
    for name in every:
        first = {c for opening in name_openings(name) for c in by_reading.get(opening, ())}
        if not first:
            continue
        for k, u in enumerate(zh):
            if not first.isdisjoint(u.features.text) and u.features.reads_as(name, first):
                found[k].append(name)
    return [frozenset(names) for names in found], en_names


def span_score(z: Span, e: Span, en_per_zh: float = EN_PER_ZH) -> float:
    """How well the zh span `z` and the en span `e` translate each other (higher is better)."""
    score = COVERAGE_WEIGHT * (len(e.stems & z.stems) / e.scale - COVERAGE_BASE) if e.stems else 0.0
    zn, en_ = z.numbers, e.numbers
    if zn or en_:
        same = len(zn & en_)
        score += NUMBER_MATCH * same - NUMBER_MISMATCH * (len(zn) + len(en_) - 2 * same)
    if z.latin:
        score += LATIN_MATCH * len(z.latin & e.latin) - NUMBER_MISMATCH * len(z.latin - e.latin)
    if e.names and z.names:
        score += NAME_MATCH * len(e.names & z.names)
    if z.quotes:
        score += QUOTE_MATCH * min(z.quotes, e.quotes)
    delta = (e.length - en_per_zh * z.length) / z.scale
    return score - LENGTH_WEIGHT * min(delta * delta / 2, LENGTH_CAP)


def span_anchors(z: Span, e: Span) -> tuple[str, ...]:
    """The numbers, Latin tokens and pinyin names the two spans share."""
    return tuple(sorted(z.numbers & e.numbers) + sorted(z.latin & e.latin) + sorted(z.names & e.names))


def _skip_costs(units: Sequence[AlignUnit]) -> list[float]:
    """For each position between this side's sentences, the cost of skipping a sentence of the
    other side there: SKIP at a paragraph boundary (or either end), SKIP_INSIDE within a paragraph."""
    n = len(units)
    return [SKIP if k in (0, n) or units[k].first else SKIP_INSIDE for k in range(n + 1)]


def align_units(zh: Sequence[AlignUnit], en: Sequence[AlignUnit], en_per_zh: float = EN_PER_ZH) -> list[Bead]:
    """The best monotone bead path through the zh and en sentences of one document, the length
    model expecting `en_per_zh` English characters per Chinese one."""
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return [Bead((i,), (), SKIP) for i in range(n)] + [Bead((), (j,), SKIP) for j in range(m)]
    neg = -math.inf
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    bands = search_band(zh, en, en_per_zh)
    zh_names, en_names = names_read(zh, en)
    zspans = {k: _spans(zh, k, zh_names) for k in (1, 2, 3)}
    espans = {k: _spans(en, k, en_names) for k in (1, 2, 3)}
    # span_score inlined, with each span's anchors unpacked once: the DP's inner loop. Change both together
    # (test_the_dynamic_program_scores_each_bead_as_span_score_does checks they agree)
    efields = {k: [None if e is None else (e.length, e.stems, e.scale, e.numbers, len(e.numbers), e.latin, e.names,
                                           e.quotes, e.bonus, e.first) for e in espans[k]] for k in (1, 2, 3)}
    beads = [(a, b, prior, zspans[a], efields[b], TRIPLE_MAX_DELTA if a + b == 4 else None)
             for (a, b), prior in BEAD_PRIOR.items()]
    # Untranslated Chinese sits between English paragraphs, English headings between Chinese ones:
    # skipping a sentence costs more while the other side is in the middle of a paragraph.
    skip_en = [(0, 1, cost) for cost in _skip_costs(zh)]  # an en sentence skipped at zh position i
    skip_zh = [(1, 0, cost) for cost in _skip_costs(en)]  # a zh sentence skipped at en position j
    for i in range(n + 1):
        lo, hi = bands[i]
        row, up = best[i], best[i - 1] if i else None
        back_row = back[i]
        skip_here = skip_en[i]
        skip_cost = skip_here[2]
        row_beads = []
        for a, b, prior, zs, ef, max_delta in beads:
            z = zs[i] if a <= i else None
            if z is not None:
                # the most this zh span can score before its length penalty, with any en span
                ceiling = (COVERAGE_WEIGHT * (1 - COVERAGE_BASE) + NUMBER_MATCH * len(z.numbers) + LATIN_MATCH * len(z.latin)
                           + NAME_MATCH * len(z.names) + QUOTE_MATCH * z.quotes + prior
                           + (PARAGRAPH_START if z.first else 0.0) + CEILING_MARGIN)
                row_beads.append((a, b, prior, best[i - a], ef, z.stems, z.numbers, len(z.numbers), z.latin, z.names,
                                  z.quotes, en_per_zh * z.length, z.scale,
                                  None if max_delta is None else max_delta * z.scale, z.bonus, z.first, ceiling))
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            top, arg = neg, None
            if i and up[j] > neg:
                arg = skip_zh[j]
                top = up[j] + arg[2]
            if j and row[j - 1] + skip_cost > top:
                arg = skip_here
                top = row[j - 1] + skip_cost
            for (a, b, prior, prev_row, ef, zst, zn, nzn, zl, znames, zq, predicted, zscale, limit, zbonus,
                 zfirst, ceiling) in row_beads:
                if b > j:
                    continue
                prev = prev_row[j - b]
                if prev + ceiling <= top:
                    continue  # cannot beat the best way into this cell found so far, even at the right length
                e = ef[j]
                if e is None:
                    continue
                diff = e[0] - predicted
                if limit is not None and abs(diff) > limit:
                    continue
                delta = diff / zscale
                half = delta * delta / 2
                penalty = LENGTH_WEIGHT * (LENGTH_CAP if LENGTH_CAP < half else half)
                if prev + (ceiling - penalty) <= top:
                    continue  # cannot beat the best way into this cell found so far
                _, est, escale, en_, nen, el, enames, eq, ebonus, efirst = e
                score = COVERAGE_WEIGHT * (len(est & zst) / escale - COVERAGE_BASE) if est else 0.0
                if zn or en_:
                    same = len(zn & en_)
                    score += NUMBER_MATCH * same - NUMBER_MISMATCH * (nzn + nen - 2 * same)
                if zl:
                    score += LATIN_MATCH * len(zl & el) - NUMBER_MISMATCH * len(zl - el)
                if enames and znames:
                    score += NAME_MATCH * len(enames & znames)
                if zq:
                    score += QUOTE_MATCH * (eq if eq < zq else zq)
                score = score - penalty + prior + (zbonus or ebonus)
                if zfirst and efirst:
                    score += PARAGRAPH_START
                if prev + score > top:
                    top, arg = prev + score, (a, b, score)
            row[j] = top
            back_row[j] = arg
    path: list[Bead] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        if step is None:  # outside the band: fall back to skipping
            step = skip_zh[j] if i else skip_en[i]
        a, b, score = step
        anchors = span_anchors(zspans[a][i], espans[b][j]) if a and b else ()
        path.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), score, anchors))
        i, j = i - a, j - b
    path.reverse()
    return path

