"""Partial translations built from the HKMA reports: the Chinese of several reports, the English
of some of them only. For each translated Chinese paragraph, the English paragraph receiving most
of its aligned sentences must be its counterpart; untranslated Chinese must stay unaligned.
Prints accuracy over the translated paragraphs, the aligned pairs that touch untranslated
Chinese, and CPU seconds.
Run: uv run python bench/align_partial.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _hkma import hkma_records, split_paragraphs  # noqa: E402

from glossary.align import align_document  # noqa: E402
from glossary.keys import to_simplified  # noqa: E402
from glossary.models import Document, Paragraph  # noqa: E402

# (first report, reports of Chinese, translated reports counted from the first)
CASES = [(0, 6, (2, 3)), (10, 6, (0,)), (20, 8, (3,)), (30, 5, (4,)), (40, 10, (1, 5)), (60, 4, (0, 1, 2, 3))]


def run(first: int, count: int, translated: tuple[int, ...], records: list[dict]) -> tuple[int, int, int, float]:
    """(correct, translated zh paragraphs, stray aligned pairs, cpu seconds) for one case."""
    zh_of = [split_paragraphs(r["zh"]) for r in records[first : first + count]]
    starts = [sum(len(z) for z in zh_of[:k]) for k in range(count)]
    zh = [t for z in zh_of for t in z]
    en, truth = [], {}
    for k in translated:
        paragraphs = split_paragraphs(records[first + k]["en"])
        truth.update({starts[k] + q: len(en) + q for q in range(len(paragraphs))})
        en += paragraphs
    paragraphs = [Paragraph(k, "zh", to_simplified(t), t) for k, t in enumerate(zh)]
    paragraphs += [Paragraph(len(zh) + k, "en", t, t) for k, t in enumerate(en)]
    start = time.process_time()
    pairs = align_document(Document("partial", "partial", "0", tuple(paragraphs)))
    cpu = time.process_time() - start
    votes: dict[int, Counter] = {}
    stray = 0
    for pair in pairs:
        if pair.zh and pair.en:
            stray += any(zp not in truth for zp in pair.zh_paragraphs)
            for zp in pair.zh_paragraphs:
                for ep in pair.en_paragraphs:
                    votes.setdefault(zp, Counter())[ep - len(zh)] += 1
    correct = sum(1 for z, e in truth.items() if z in votes and votes[z].most_common(1)[0][0] == e)
    return correct, len(truth), stray, cpu


def main() -> None:
    records = hkma_records()
    totals = [0, 0, 0, 0.0]
    for first, count, translated in CASES:
        result = run(first, count, translated, records)
        totals = [a + b for a, b in zip(totals, result, strict=True)]
        correct, total, stray, cpu = result
        print(f"reports {first}-{first + count - 1}, English of {translated}: {correct}/{total} paragraphs, {stray} stray pairs, {cpu:.2f} s")
    correct, total, stray, cpu = totals
    print(f"accuracy: {correct / total:.4f} ({correct}/{total})  stray pairs: {stray}  cpu seconds: {cpu:.1f}")


if __name__ == "__main__":
    main()
