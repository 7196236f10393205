"""The checker against known errors on documents it was not tuned on: mine a bilingual document, approve
every entry, turn its aligned sentence pairs into a bilingual TSV draft, then plant errors in the draft's
English where an approved term is rendered, one per segment, and check the draft as `glossary check`
does. Each planted error must give its finding at its segment; each harmless change (an inflection, a
spelling) must give none; the clean draft's findings are the baseline every other run is compared to.

Planted errors (the finding expected at the segment, for the entry's Chinese term):
- missing:      the rendering deleted                  → missing (or unapproved)
- untranslated: the rendering replaced by its Chinese  → untranslated
- deprecated:   the rendering replaced by another rendering of the entry, marked deprecated in the
                glossary (entries the miner gave two renderings) → deprecated
- missing in Traditional: the rendering deleted, the source in Traditional characters → missing
- wrong term:   the rendering replaced by another entry's rendering → missing (or unapproved)
- inconsistent: the rendering replaced by the entry's other admitted rendering where the draft
                uses the preferred one elsewhere → inconsistent (at this segment, or where the
                preferred one is used, when the other is the more frequent)
Harmless changes (no new finding for the entry at the segment): plural or singular, possessive 's,
title case, UK or US spelling, hyphen for space (and back), the source in Traditional characters.

Documents: ../shared/corpus 000, 001, 003 and every n-th HKMA annual-report chapter.

    uv run python bench/check_errors.py [--every 10] [--seed 1] [--show 5]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_own import corpus_documents, hkma_documents, mine_approved  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ERRORS = ("missing", "untranslated", "deprecated", "missing, Traditional", "wrong term", "inconsistent")
HARMLESS = ("number", "possessive", "title case", "spelling", "hyphen", "Traditional")
EXPECTED = {"missing": {"missing", "unapproved"}, "untranslated": {"untranslated"}, "deprecated": {"deprecated"},
            "missing, Traditional": {"missing", "unapproved"}, "wrong term": {"missing", "unapproved"},
            "inconsistent": {"inconsistent"}}
_UK_US = [(r"(?<=[a-z]{3})isation", "ization"), (r"(?<=[a-z]{3})ization", "isation"), (r"(?<=[a-z]{3})ise(?=[sd]?\b)", "ize"),
          (r"(?<=[a-z]{3})ize(?=[sd]?\b)", "ise"), (r"(?<=[a-z]{3})our(?=s?\b)", "or"), (r"\b([Cc])entre", r"\1enter"),
          (r"\b([Cc])enter", r"\1entre"), (r"\b([Pp])rogramme", r"\1rogram"), (r"\b([Ll])icence", r"\1icense"),
          (r"\b([Dd])efence", r"\1efense")]


def harmless(kind: str, rendering: str) -> str | None:
    """The rendering changed in a way the checker must accept as the same term, or None if this change
    does not apply to it."""
    words = rendering.split(" ")
    last = words[-1]
    if kind == "number":
        if not last.isalpha() or not last.islower() or len(last) < 3:  # (not a name: Zhang Yongwus)
            return None
        if last.endswith("ies"):
            changed = last[:-3] + "y"
        elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
            changed = last[:-1]
        elif last.endswith("y") and last[-2:-1] not in "aeiou":
            changed = last[:-1] + "ies"
        elif last.endswith(("s", "x", "ch", "sh")):
            changed = last + "es"
        else:
            changed = last + "s"
        return " ".join(words[:-1] + [changed])
    if kind == "possessive":
        return None if last.endswith("s") or not last.isalpha() else rendering + "’s"
    if kind == "title case":
        cased = " ".join(w if w.lower() in ("of", "and", "for", "the", "in", "on") else w[:1].upper() + w[1:]
                         for w in words)
        return cased if cased != rendering else None
    if kind == "spelling":
        for pattern, other in _UK_US:
            changed = re.sub(pattern, other, rendering, count=1)
            if changed != rendering:
                return changed
        return None
    if kind == "hyphen":
        if "-" in rendering:
            return rendering.replace("-", " ", 1)
        return rendering.replace(" ", "-", 1) if len(words) == 2 and all(w.isalpha() for w in words) else None
    raise ValueError(kind)


def plant(draft: list[tuple[str, str]], entries: list, chinese: set[str], rng: random.Random
          ) -> tuple[list[tuple[str, str]], list[dict]]:
    """The draft with changes planted (at most one per segment) and what was planted where (`chinese`:
    the Chinese terms of all the glossary's entries)."""
    rows = list(draft)
    planted: list[dict] = []
    used: set[int] = set()
    kinds = [k for k in ERRORS + HARMLESS if k not in ("deprecated", "inconsistent")]
    pairs = 0  # entries with two renderings planted so far (they alternate: deprecated, inconsistent)
    order = list(entries)
    rng.shuffle(order)
    order.sort(key=lambda e: len(e[3]) < 2)  # entries with two renderings first: they can take a deprecated one
    for n, (entry, zh, rendering, renderings, everything) in enumerate(order):
        def said(target: str, text: str) -> int:  # (as a word of a hyphenated compound too: Qianhai-based)
            return len(re.findall(rf"(?<!\w){re.escape(text)}(?!\w)", target, flags=re.IGNORECASE))

        at = [i for i, (source, target) in enumerate(rows) if i not in used and zh in source
              and said(target, rendering) == 1 and re.search(rf"(?<![\w-]){re.escape(rendering)}(?![\w-])", target,
                                                              flags=re.IGNORECASE) and not any(said(target, r) for r in everything if r.lower() != rendering.lower())
              and not any(zh in longer and longer in source for longer in chinese if longer != zh)]  # (not a piece
        # of a longer term there, which its own rendering, an acronym or a name, may still render)
        if not at:
            continue
        i = rng.choice(at)
        if len(renderings) > 1:
            kind = ("deprecated", "inconsistent")[pairs % 2]
            pairs += 1
        else:
            kind = kinds[n % len(kinds)]
        if kind in ("deprecated", "inconsistent"):
            new = renderings[1]
        elif kind == "wrong term":
            new = next((e[2] for e in order[n + 1:] + order[:n] if e[1] not in rows[i][0] and not e[2].isupper()
                        and e[2].lower() not in rows[i][1].lower() and not said(e[2], rendering)), "")  # (not a
            # rendering that says this one: "external audit functions" for "External audit" is no wrong term)
            if not new:
                continue
        elif kind.startswith("missing"):
            new = ""
        elif kind == "Traditional":
            new = rendering
        elif kind == "untranslated":
            new = zh
        else:
            new = harmless(kind, rendering)
            if new is None:
                continue
        source, target = rows[i]
        if kind.endswith("Traditional"):
            source = to_traditional(source)
        target = re.sub(rf"(?<![\w-]){re.escape(rendering)}(?![\w-])", new.replace("\\", r"\\"), target, count=1,
                        flags=re.IGNORECASE)
        target = re.sub(r"  +", " ", target).strip()
        if not target:
            continue
        rows[i] = (source, target)
        used.add(i)
        planted.append({"kind": kind, "segment": i + 1, "entry": entry, "zh": zh, "rendering": rendering, "new": new,
                        "source": source})
    return rows, planted


def to_traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def aligned_rows(path: Path) -> list[tuple[str, str]]:
    from glossary.align import align_document
    from glossary.ingest import read_document

    return [(p.zh.replace("\t", " "), p.en.replace("\t", " ")) for p in align_document(read_document(path))
            if p.zh.strip() and p.en.strip()]


def glossary_entries(db_path: Path) -> tuple[list[tuple[int, str, str, list[str], list[str]]], set[str]]:
    """(entry id, Chinese, preferred English, its other renderings but acronyms, all its English terms)
    of the approved entries whose preferred English is no acronym (an acronym is checked as written), and
    the Chinese terms of all approved entries."""
    from db import open_db
    from db.entries import iter_entries
    from glossary.check.matcher import folded_words
    from glossary.mine.cooccur import is_acronym

    db = open_db(db_path)
    out, chinese = [], set()
    for entry in iter_entries(db, status="approved"):
        zh = [t.text for t in entry.terms if t.lang == "zh"]
        chinese.update(zh)
        en = [t.text for t in entry.terms if t.lang == "en"]
        if zh and en and not en[0].isupper():
            others = [e for e in en[1:] if not is_acronym(e) and folded_words(e) != folded_words(en[0])]  # (not the
            out.append((entry.id, zh[0], en[0], [en[0]] + others, en))  # same words in another number or case)
    db.close()
    return out, chinese


def deprecate(db_path: Path, planted: list[dict]) -> None:
    """Mark the renderings planted as deprecated errors deprecated in the glossary."""
    from db import open_db
    from db.entries import get_entry, save_entry

    db = open_db(db_path)
    for p in planted:
        if p["kind"] == "deprecated":
            entry = get_entry(db, p["entry"])
            terms = tuple(replace(t, status="deprecated") if t.lang == "en" and t.text == p["new"] else t
                          for t in entry.terms)
            save_entry(db, replace(entry, terms=terms), log=False)
    db.close()


def check(db_path: Path, rows: list[tuple[str, str]], folder: Path, name: str) -> list:
    from db import connect_readonly
    from db.check import check_glossary
    from glossary.check import check_segments, read_draft

    draft = folder / f"{name}.tsv"
    draft.write_text("".join(f"{zh}\t{en}\n" for zh, en in rows), encoding="utf-8")
    db = connect_readonly(db_path)
    glossary = check_glossary(db, db_path)
    db.close()
    return list(check_segments(read_draft(draft), glossary, name=draft.name, workers=1).issues)


def key(issue) -> tuple:
    return issue.kind, issue.line, issue.entry_id, issue.found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=10, help="use every n-th HKMA chapter (111 in all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=5, help="failures shown per kind")
    parser.add_argument("--unapproved", action="store_true", help="list the planted errors found as unapproved")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    caught: Counter[str] = Counter()
    as_kind: dict[str, Counter[str]] = {kind: Counter() for kind in ERRORS}
    planted_total: Counter[str] = Counter()
    failures: dict[str, list[str]] = {}
    stray = 0
    for name, chinese, english in corpus_documents() + hkma_documents(args.every):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            both, db_path, _ = mine_approved(folder, name, chinese, english)
            clean = aligned_rows(both)
            baseline = {key(i) for i in check(db_path, clean, folder, "clean")}
            rows, planted = plant(clean, *glossary_entries(db_path), rng)
            deprecate(db_path, planted)
            found = [i for i in check(db_path, rows, folder, "planted") if key(i) not in baseline]
        explained = set()
        for p in planted:
            planted_total[p["kind"]] += 1
            zh = to_traditional(p["zh"]) if p["kind"].endswith("Traditional") else p["zh"]
            here = [i for i in found if i.line == p["segment"] and (i.entry_id == p["entry"] or i.kind in ("missing", "unapproved") and (
                    zh in i.source_term or i.source_term in zh))]  # (a longer or shorter term there: found as it)
            if p["kind"] == "inconsistent":  # (reported at the less used rendering's segments)
                here += [i for i in found if i.kind == "inconsistent" and i.entry_id == p["entry"] and i not in here]
            if p["kind"] == "untranslated":
                here += [i for i in found if i.line == p["segment"] and i.kind == "untranslated"]
            explained.update(map(key, here))
            wanted = EXPECTED.get(p["kind"], set())
            ok = any(i.kind in wanted for i in here) if wanted else not here
            caught[p["kind"]] += ok
            if ok and len(wanted) > 1:  # which of the kinds wanted it gave
                given = next(i for i in here if i.kind in wanted)
                as_kind[p["kind"]][given.kind] += 1
                if given.kind == "unapproved" and args.unapproved:
                    print(f"    {p['kind']}: {p['zh']} “{p['rendering']}” → “{p['new']}”: unapproved “{given.found}”")
            if not ok:
                got = ", ".join(sorted({f"{i.kind} “{i.found or i.expected}”" for i in here})) or "nothing"
                failures.setdefault(p["kind"], []).append(
                    f"{name} line {p['segment']}: {p['zh']} “{p['rendering']}” → “{p['new']}”: {got}")
        deprecated = {p["entry"] for p in planted if p["kind"] == "deprecated"}  # (the text's other uses of a rendering
        others = [i for i in found if key(i) not in explained  # now deprecated are found too: no stray findings)
                  and not (i.kind == "deprecated" and i.entry_id in deprecated)]
        stray += len(others)
        for i in others[:args.show]:
            failures.setdefault("other", []).append(f"{name} line {i.line}: {i.kind} {i.source_term} “{i.expected}” found “{i.found}”")
        print(f"{name:28} {len(planted):3} changes planted; other new findings: {len(others)}", flush=True)
    print()
    for kind in ERRORS + HARMLESS:
        n = planted_total[kind]
        what = "found" if kind in ERRORS else "no false alarm"
        given = ", ".join(f"{k} {v}" for k, v in as_kind.get(kind, Counter()).most_common())
        print(f"{kind:13} {caught[kind]:4}/{n:<4} {what} ({caught[kind] / n:.3f})" + (f": {given}" if given else "")
              if n else f"{kind:13}    0 planted")
        for line in failures.get(kind, [])[:args.show]:
            print(f"    {line}")
    for line in failures.get("other", []):
        print(f"    other: {line}")
    errors = sum(planted_total[k] for k in ERRORS)
    fine = sum(planted_total[k] for k in HARMLESS)
    print(f"\nplanted errors found: {sum(caught[k] for k in ERRORS)}/{errors}; harmless changes without a finding: "
          f"{sum(caught[k] for k in HARMLESS)}/{fine}; other new findings: {stray}")


if __name__ == "__main__":
    main()
