"""One dynamic program over a document's zh and en sentences: Gale–Church length model plus anchors.

Beads 1-1, 1-2, 2-1, 2-2, 1-0 and 0-1. A bead's score adds dictionary coverage, matched
numbers, Latin tokens, pinyin names and quotes, minus a length penalty calibrated on the HKMA
paragraph pairs (`bench/calibrate_length.py`); the path with the highest total wins.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from glossary.align.anchors import EnFeatures, ZhFeatures

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
SKIP = -0.9  # per unaligned sentence
BEAD_PRIOR = {(1, 1): 0.0, (1, 2): -0.6, (2, 1): -0.6, (2, 2): -1.4}
CROSS_PARAGRAPH = -1.2  # a bead that glues sentences of two paragraphs of one side
PARAGRAPH_START = 0.5  # both sides start a paragraph together
BAND_CELLS = 6_000  # above this many cells, search only a band around the length diagonal


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


def bead_score(zs: Sequence[ZhFeatures], es: Sequence[EnFeatures]) -> tuple[float, tuple[str, ...]]:
    """How well zh sentences `zs` and en sentences `es` translate each other (higher is better)."""
    en_stems = es[0].stems if len(es) == 1 else es[0].stems | es[1].stems
    if en_stems:
        if len(zs) == 1:
            covered = len(en_stems & zs[0].stems)
        else:
            z0, z1 = zs[0].stems, zs[1].stems
            covered = sum(1 for s in en_stems if s in z0 or s in z1)
        coverage = covered / len(en_stems)
    else:
        coverage = COVERAGE_BASE
    score = COVERAGE_WEIGHT * (coverage - COVERAGE_BASE)
    anchors: list[str] = []

    zn = zs[0].numbers if len(zs) == 1 else zs[0].numbers | zs[1].numbers
    en_ = es[0].numbers if len(es) == 1 else es[0].numbers | es[1].numbers
    if zn or en_:
        same = zn & en_
        score += NUMBER_MATCH * len(same) - NUMBER_MISMATCH * (len(zn) + len(en_) - 2 * len(same))
        anchors.extend(sorted(same))
    zl = zs[0].latin if len(zs) == 1 else zs[0].latin | zs[1].latin
    if zl:
        el = es[0].latin if len(es) == 1 else es[0].latin | es[1].latin
        same = zl & el
        score += LATIN_MATCH * len(same) - NUMBER_MISMATCH * len(zl - el)
        anchors.extend(sorted(same))
    names = es[0].names if len(es) == 1 else es[0].names | es[1].names
    if names:
        for name in names:
            if any(z.reads_as(name) for z in zs):
                score += NAME_MATCH
                anchors.append(name)
    zq = sum(z.quotes for z in zs)
    if zq:
        score += QUOTE_MATCH * min(zq, sum(e.quotes for e in es))

    lz = sum(z.length for z in zs)
    le = sum(e.length for e in es)
    delta = (le - EN_PER_ZH * lz) / math.sqrt(LENGTH_VARIANCE * max(lz, 1))
    score -= LENGTH_WEIGHT * min(delta * delta / 2, LENGTH_CAP)
    return score, tuple(anchors)


def _band(n: int, m: int, zh: Sequence[AlignUnit], en: Sequence[AlignUnit]) -> list[tuple[int, int]]:
    """For each zh position, the en positions to search (all of them for small documents)."""
    if (n + 1) * (m + 1) <= BAND_CELLS:
        return [(0, m)] * (n + 1)
    total_z = sum(u.features.length for u in zh) or 1
    total_e = sum(u.features.length for u in en) or 1
    cum_e, acc = [0], 0
    for u in en:
        acc += u.features.length
        cum_e.append(acc)
    width = max(15, m // 8)
    bands, acc, k = [], 0, 0
    for i in range(n + 1):
        target = acc / total_z * total_e
        while k < m and cum_e[k + 1] <= target:
            k += 1
        bands.append((max(0, k - width), min(m, k + width)))
        if i < n:
            acc += zh[i].features.length
    return bands


def align_units(zh: Sequence[AlignUnit], en: Sequence[AlignUnit]) -> list[Bead]:
    """The best monotone bead path through the zh and en sentences of one document."""
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return [Bead((i,), (), SKIP) for i in range(n)] + [Bead((), (j,), SKIP) for j in range(m)]
    neg = -math.inf
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, tuple[str, ...], float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    bands = _band(n, m, zh, en)
    zf = [u.features for u in zh]
    ef = [u.features for u in en]
    for i in range(n + 1):
        lo, hi = bands[i]
        row = best[i]
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            top, arg = neg, None
            if i and best[i - 1][j] > neg:
                top, arg = best[i - 1][j] + SKIP, (1, 0, (), SKIP)
            if j and row[j - 1] + SKIP > top:
                top, arg = row[j - 1] + SKIP, (0, 1, (), SKIP)
            for (a, b), prior in BEAD_PRIOR.items():
                if a > i or b > j:
                    continue
                prev = best[i - a][j - b]
                if prev == neg:
                    continue
                score, anchors = bead_score(zf[i - a : i], ef[j - b : j])
                score += prior
                zs, es = zh[i - a : i], en[j - b : j]
                if (a == 2 and zs[0].para != zs[1].para) or (b == 2 and es[0].para != es[1].para):
                    score += CROSS_PARAGRAPH
                if zs[0].first and es[0].first:
                    score += PARAGRAPH_START
                if prev + score > top:
                    top, arg = prev + score, (a, b, anchors, score)
            row[j] = top
            back[i][j] = arg
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        if step is None:  # outside the band: fall back to skipping
            step = (1, 0, (), SKIP) if i else (0, 1, (), SKIP)
        a, b, anchors, score = step
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), score, anchors))
        i, j = i - a, j - b
    beads.reverse()
    return beads
