"""Which cells of the alignment DP to search on long documents: a band around the length
diagonal, widened by the rectangles between sure anchors when the translation is partial.

The length diagonal suits full translations. A partial translation (far less or more English
than the Chinese predicts) leaves it far off the true path, so sentence pairs that share a
number or Latin token found once on each side are chained (longest monotone chain) and every
monotone path between two consecutive links, a rectangle, is searched too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossary.align.dp import AlignUnit

BAND_CELLS = 6_000  # up to this many cells, search them all
BAND_MIN_WIDTH = 15  # sentences either side of the diagonal (or m // 8 when wider)
ANCHOR_MARGIN = 8  # sentences either side of an anchor rectangle
ANCHOR_MAX_CELLS = 1_500_000  # rectangles too large to search (too few anchors): diagonal only
FULL_TRANSLATION = (0.6, 1.6)  # English length over the length the Chinese predicts


def _length_band(m: int, zh: Sequence[AlignUnit], en: Sequence[AlignUnit], total_z: int, total_e: int) -> list[tuple[int, int]]:
    """For each zh position, the en positions near the diagonal of cumulative lengths."""
    cum_e, acc = [0], 0
    for u in en:
        acc += u.features.length
        cum_e.append(acc)
    width = max(BAND_MIN_WIDTH, m // 8)
    bands, acc, k = [], 0, 0
    for i in range(len(zh) + 1):
        target = acc / total_z * total_e
        while k < m and cum_e[k + 1] <= target:
            k += 1
        bands.append((max(0, k - width), min(m, k + width)))
        if i < len(zh):
            acc += zh[i].features.length
    return bands


def _unique_positions(units: Sequence[AlignUnit]) -> dict[str, int]:
    """Numbers and Latin tokens found in exactly one sentence of this side, with that sentence."""
    seen: dict[str, int] = {}
    for k, u in enumerate(units):
        for token in u.features.numbers | u.features.latin:
            seen[token] = -1 if token in seen and seen[token] != k else k
    return {t: k for t, k in seen.items() if k >= 0}


def anchor_chain(zh: Sequence[AlignUnit], en: Sequence[AlignUnit]) -> list[tuple[int, int]]:
    """Sentence pairs (i, j) sharing a token unique on both sides: the longest chain increasing in both."""
    zpos, epos = _unique_positions(zh), _unique_positions(en)
    points = sorted({(zpos[t], epos[t]) for t in zpos.keys() & epos.keys()}, key=lambda p: (p[0], -p[1]))
    tails: list[int] = []  # tails[k]: the smallest j ending a chain of k + 1 points
    tail_point: list[int] = []
    parent: list[int] = []
    for idx, (_, j) in enumerate(points):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_point.append(idx)
        else:
            tails[k], tail_point[k] = j, idx
        parent.append(tail_point[k - 1] if k else -1)
    chain, idx = [], tail_point[-1] if tail_point else -1
    while idx >= 0:
        chain.append(points[idx])
        idx = parent[idx]
    return chain[::-1]


def search_band(zh: Sequence[AlignUnit], en: Sequence[AlignUnit], en_per_zh: float) -> list[tuple[int, int]]:
    """For each zh position 0..n, the range of en positions the DP searches."""
    n, m = len(zh), len(en)
    if (n + 1) * (m + 1) <= BAND_CELLS:
        return [(0, m)] * (n + 1)
    total_z = sum(u.features.length for u in zh) or 1
    total_e = sum(u.features.length for u in en) or 1
    bands = _length_band(m, zh, en, total_z, total_e)
    if FULL_TRANSLATION[0] <= total_e / (en_per_zh * total_z) <= FULL_TRANSLATION[1]:
        return bands
    links = [(0, 0), *anchor_chain(zh, en), (n, m)]
    spans = [(0, -1)] * (n + 1)
    for (ia, ja), (ib, jb) in zip(links, links[1:]):
        lo, hi = max(0, ja - ANCHOR_MARGIN), min(m, jb + ANCHOR_MARGIN)
        for i in range(max(0, ia - ANCHOR_MARGIN), min(n, ib + ANCHOR_MARGIN) + 1):
            a, b = spans[i]
            spans[i] = (lo, hi) if b < a else (min(a, lo), max(b, hi))
    if sum(b - a + 1 for a, b in spans) > ANCHOR_MAX_CELLS:
        return bands
    return [(min(a, c), max(b, d)) for (a, b), (c, d) in zip(bands, spans, strict=True)]
