"""Recall of the miner on HKMA against the organisers' per-document term lists.

Only pairs whose two sides both occur verbatim in the document count (the list is noisy).
Prints recall and the kinds of pair missed. Run: uv run python bench/hkma_terms.py [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _hkma import HKMA, block_document, hkma_records  # noqa: E402

from glossary.keys import en_key, zh_key  # noqa: E402
from glossary.mine.cooccur import is_acronym  # noqa: E402
from glossary.mine.pipeline import mine_document  # noqa: E402


def reference_pairs(record: dict, terms: dict) -> list[tuple[str, str]]:
    """(zh, en) pairs of the term list whose sides both occur verbatim in the document."""
    pairs = []
    for src, targets in terms["terms"].items():
        for tgt in targets:
            zh, en = (tgt, src) if terms["direction"] == "en-zh" else (src, tgt)
            if zh in record["zh"] and en in record["en"]:
                pairs.append((zh, en))
    return pairs


def all_pairs(terms: dict) -> list[tuple[str, str]]:
    """Every (zh, en) pair of a document's term list."""
    return [(tgt, src) if terms["direction"] == "en-zh" else (src, tgt)
            for src, targets in terms["terms"].items() for tgt in targets]


def kind(zh: str, en: str) -> str:
    if re.search(r"\d", zh + en):
        return "number or amount"
    if en.isupper() or re.fullmatch(r"[A-Z]{2,}s?", en):
        return "acronym"
    words = en.split()
    if len(words) == 1:
        return "one English word"
    if all(w[:1].isupper() for w in words if w.lower() not in ("of", "and", "for", "the", "in", "on")):
        return "capitalised name"
    return "multiword common term"


def mined_keys(record: dict) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """The (zh, en) match keys of every pair mined from the document, and of those whose English is an acronym."""
    doc, _ = block_document(record)
    mined = mine_document(doc)
    keys, acronyms = set(), set()
    for item in mined.entries:
        zh_keys = {zh_key(t.text) for t in item.entry.terms_in("zh")}
        for term in item.entry.terms_in("en"):
            pairs = {(z, en_key(term.text)) for z in zh_keys}
            keys |= pairs
            if is_acronym(term.text):
                acronyms |= pairs
    return keys, acronyms


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    records = hkma_records()
    with (HKMA / "terms_per_doc_filtered.jsonl").open(encoding="utf-8") as handle:
        terms = {t["doc_id"]: t for t in map(json.loads, handle)}
    with ProcessPoolExecutor(args.workers) as pool:
        mined = list(pool.map(mined_keys, records, chunksize=4))
    total = found = 0
    missed, hit = Counter(), Counter()
    for record, (keys, _) in zip(records, mined):
        for zh, en in reference_pairs(record, terms[record["doc_id"]]):
            total += 1
            k = kind(zh, en)
            if (zh_key(zh), en_key(en)) in keys:
                found += 1
                hit[k] += 1
            else:
                missed[k] += 1
    right = wrong = unknown = 0  # mined acronym pairs judged by the document's term list
    for record, (_, acronym_keys) in zip(records, mined):
        listed: dict[str, set[str]] = {}
        for zh, en in all_pairs(terms[record["doc_id"]]):
            if kind(zh, en) == "acronym":
                listed.setdefault(en_key(en).removesuffix("s"), set()).add(zh_key(zh))
        for zh, en in acronym_keys:
            chinese = listed.get(en.removesuffix("s"))
            right += bool(chinese) and zh in chinese
            wrong += bool(chinese) and zh not in chinese
            unknown += not chinese
    print(f"reference pairs (both sides verbatim in the document): {total}")
    print(f"found: {found}  recall: {found / total:.3f}")
    print("by kind (found / total):")
    for k in sorted(set(missed) | set(hit), key=lambda k: -(missed[k] + hit[k])):
        print(f"  {k:24s} {hit[k]:5d} / {hit[k] + missed[k]:5d}  missed {missed[k]}")
    print(f"mined acronym pairs whose acronym the term list gives: {right + wrong}, with the list's Chinese "
          f"{right} (precision {right / max(right + wrong, 1):.3f}); acronyms the list lacks: {unknown}")


if __name__ == "__main__":
    main()
