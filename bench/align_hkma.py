"""Paragraph accuracy of the aligner on the HKMA reports (block layout: all zh, then all en).

For each zh paragraph, the en paragraph receiving most of its aligned sentences must be its
true counterpart. Prints the share of the 4,722 paragraphs for which it is.
Run: uv run python bench/align_hkma.py [--workers 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _hkma import block_document, hkma_records  # noqa: E402

from glossary.align import align_document  # noqa: E402


def score_record(record: dict) -> tuple[str, int, int]:
    doc, n_zh = block_document(record)
    votes: dict[int, Counter] = {}
    for pair in align_document(doc):
        if not pair.zh or not pair.en:
            continue
        for zp in pair.zh_paragraphs:
            for ep in pair.en_paragraphs:
                votes.setdefault(zp, Counter())[ep - n_zh] += 1
    correct = sum(1 for k in range(n_zh) if k in votes and votes[k].most_common(1)[0][0] == k)
    return record["doc_id"], correct, n_zh


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    records = hkma_records()
    start = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        results = list(pool.map(score_record, records, chunksize=4))
    correct = sum(r[1] for r in results)
    total = sum(r[2] for r in results)
    worst = sorted(results, key=lambda r: r[1] / max(r[2], 1))[:5]
    print(f"documents: {len(results)}  paragraphs: {total}  correct: {correct}  accuracy: {correct / total:.4f}")
    print("weakest documents: " + ", ".join(f"{d} {c}/{n}" for d, c, n in worst))
    print(f"seconds: {time.perf_counter() - start:.1f}")


if __name__ == "__main__":
    main()
