"""Benchmark `glossary check`: a 1 MB bilingual draft against a 100,000-entry glossary, and a
100 MB draft streamed. Prints seconds and peak memory per stage, for a cold run (no compiled-matcher
cache for the termbase yet) and warm runs (the cache it wrote), by default and with --strict (no search
for other renderings of would-be-missing terms: what that search costs). Target: the 1 MB check in <= 1 s.

The draft is HKMA annual-report paragraphs (Traditional Chinese | English) from ../shared/external;
the glossary is HKMA's own term list plus CC-CEDICT entries up to the size asked.

    uv run python bench/check.py [--entries 100000] [--mb 1] [--big-mb 100] [--big-format tsv|xlf]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
EXTERNAL = REPO.parent / "shared" / "external"
CACHE_ENV = "GLOSSARY_CACHE"  # the caches go to the benchmark's temporary folder
CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /([^/]+)/")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def glossary_pairs(limit: int, cedict: bool = True) -> list[tuple[str, str]]:
    """(zh, en) pairs: HKMA's terms (they occur in the draft), the Microsoft and OGCIO IT glossaries,
    then CC-CEDICT headwords of two or more characters (single characters are not terms)."""
    pairs: dict[tuple[str, str], None] = {}
    for line in (EXTERNAL / "hkma-annual-reports" / "terms_per_doc_filtered.jsonl").open(encoding="utf-8"):
        terms = json.loads(line)
        for source, targets in terms["terms"].items():  # (a report's list runs en-zh or zh-en: its "direction")
            for target in targets:
                pairs.setdefault((target, source) if terms["direction"] == "en-zh" else (source, target), None)
    if not cedict:
        return list(pairs)
    with (EXTERNAL / "ms-terminology-zh-cn" / "Termbase.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pairs.setdefault((row["zh_CN"], row["en"]), None)
    with (EXTERNAL / "hk-ogcio-it-glossary" / "hkglossary.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pairs.setdefault((row["HK Chinese"], row["English"]), None)
    for line in (EXTERNAL / "cc-cedict" / "cedict_ts.u8").open(encoding="utf-8"):
        if len(pairs) >= limit:
            break
        m = CEDICT_LINE.match(line)
        if m and not line.startswith("#") and len(m.group(2)) >= 2:
            gloss = re.sub(r"\([^)]*\)|CL:.*|\bsb\b|\bsth\b", "", m.group(3).split(";")[0]).strip()
            if gloss:
                pairs.setdefault((m.group(2), gloss), None)
    return [p for p in pairs if p[0].strip() and p[1].strip()][:limit]


def build_termbase(path: Path, pairs: list[tuple[str, str]]) -> None:
    from db import open_db
    from db.entries import now, term_row
    from glossary.models import Term

    db = open_db(path)
    stamp = now()
    with db.atomic():
        db.table("entries").insert_all(
            ({"id": i, "status": "approved", "score": 1.0, "created": stamp, "updated": stamp} for i in range(1, len(pairs) + 1)),
            batch_size=5000)
        db.table("terms").insert_all(
            (row for i, (zh, en) in enumerate(pairs, 1)
             for row in (term_row(i, Term("zh", zh), 0), term_row(i, Term("en", en), 1))), batch_size=5000)
    db.close()


def write_draft(path: Path, megabytes: float) -> int:
    """HKMA paragraph pairs as a bilingual draft of about `megabytes` (TSV, or XLIFF 1.2 when
    `path` ends in .xlf); returns its size."""
    from xml.sax.saxutils import escape

    limit = int(megabytes * 1_000_000)
    xliff = path.suffix == ".xlf"
    with (EXTERNAL / "hkma-annual-reports" / "paragraphs.tsv").open(encoding="utf-8") as src:
        rows = [row for row in (line.rstrip("\n").split("\t") for line in src)][1:]
    rows = [(zh, en) for *_, zh, en in (r for r in rows if len(r) >= 4) if zh.strip() and en.strip()]
    written = 0
    with path.open("w", encoding="utf-8") as out:
        if xliff:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                      'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="hkma" '
                      'source-language="zh-HK" target-language="en" datatype="plaintext"><body>\n')
        n = 0
        while written < limit:
            for zh, en in rows:
                n += 1
                line = (f'<trans-unit id="{n}"><source>{escape(zh)}</source><target>{escape(en)}</target></trans-unit>\n'
                        if xliff else f"{zh}\t{en}\n")
                out.write(line)
                written += len(line.encode("utf-8"))
                if written >= limit:
                    break
        if xliff:
            out.write("</body></file></xliff>\n")
    return written


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children (the check's worker processes)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class Clock:
    """Wall and CPU seconds per stage (CPU time, workers included, is the fairer figure on a shared machine)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), cpu_seconds()
        lap = (round(wall - self.wall, 3), round(cpu - self.cpu, 3))
        self.wall, self.cpu = wall, cpu
        return lap


def run_check(db_path: Path, draft: Path, strict: bool = False) -> dict:
    """One check as `glossary check` runs it, timed by stage, in this process: open the termbase and
    get the prepared glossary (built, or loaded from the compiled-matcher cache), then check
    (`strict`: as `check --strict`, without the search for other renderings of would-be-missing terms)."""
    from db import connect_readonly
    from db.check import check_glossary
    from glossary.check import check_segments, read_draft

    clock = Clock()
    db = connect_readonly(db_path)
    glossary = check_glossary(db, db_path)
    db.close()
    load = clock.lap()
    result = check_segments(read_draft(draft), glossary, name=draft.name, strict=strict, workers=None)  # as the CLI
    check = clock.lap()
    kinds: dict[str, int] = {}
    for issue in result.issues:
        kinds[issue.kind] = kinds.get(issue.kind, 0) + 1
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker (shares the glossary's pages)
    return {"load": load, "check": check, "segments": result.segments, "findings": kinds,
            "peak_rss_mb": round(peak_mb(), 1), "worker_rss_mb": round(worker_mb, 1), "entries": len(glossary)}


def child(*args: Path, strict: bool = False) -> dict:
    """run_check in a fresh process (what a user's run costs, imports included)."""
    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # imports as an installed tool does
    wall, cpu = time.perf_counter(), children_cpu()
    out = subprocess.run([sys.executable, __file__, "--child", *map(str, args), *(["--strict"] if strict else [])],
                         capture_output=True, text=True, check=True, env=env)
    total = (round(time.perf_counter() - wall, 3), round(children_cpu() - cpu, 3))
    return {**json.loads(out.stdout), "total": total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--big-mb", type=float, default=100.0, help="size of the streamed draft (0 to skip)")
    parser.add_argument("--big-format", choices=["tsv", "xlf"], default="tsv", help="format of the streamed draft")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--strict", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_check(Path(args.child[0]), Path(args.child[1]), args.strict)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        pairs = glossary_pairs(args.entries)
        build_termbase(tmp / "big.db", pairs)
        build_termbase(tmp / "hkma.db", glossary_pairs(len(pairs), cedict=False))
        print(f"termbase: {len(pairs)} entries ({2 * len(pairs)} terms) built in {time.perf_counter() - t:.1f} s")
        size = write_draft(tmp / "draft.tsv", args.mb)
        runs = [(f"{args.mb:g} MB draft x {len(pairs):,}-entry glossary", tmp / "big.db", tmp / "draft.tsv", size),
                (f"{args.mb:g} MB draft x HKMA glossary (a real termbase's size)", tmp / "hkma.db", tmp / "draft.tsv",
                 size)]
        if args.big_mb:
            big_path = tmp / f"big.{args.big_format}"
            big = write_draft(big_path, args.big_mb)
            runs.append((f"{args.big_mb:g} MB {args.big_format} draft x HKMA glossary (streamed)", tmp / "hkma.db",
                         big_path, big))
        os.environ[CACHE_ENV] = str(tmp / "cache")
        child(tmp / "hkma.db", tmp / "draft.tsv")  # the lexicon and jieba's dictionary, made once per machine, are cached there
        summary: dict[str, dict[str, list[dict]]] = {}
        for label, db_path, draft, nbytes in runs:
            print(f"{label}: {nbytes / 1e6:.1f} MB")
            for f in (tmp / "cache" / "check").glob("[0-9a-f]*.pickle"):  # the termbase's matcher cache: a cold start
                f.unlink()
            small = nbytes < 10e6
            for run in ("cold", "warm", "warm", "warm --strict")[:4 if small else 1]:  # cold: no matcher cache yet
                r = child(db_path, draft, strict=run.endswith("--strict"))
                stages = {f"{run}: load+build" if run == "cold" else f"{run}: load (cached)": r["load"],
                          "  check step": r["check"], "  total (whole process, imports included)": r["total"]}
                for stage, (wall, cpu) in stages.items():
                    print(f"  {stage:44}: {wall:7.3f} s wall, {cpu:7.3f} s CPU")
                print(f"    {r['segments']} segments, {r['entries']} entries, peak RSS {r['peak_rss_mb']} MB "
                      f"(largest worker {r['worker_rss_mb']} MB), "
                      f"check speed {nbytes / 1e6 / max(r['check'][1], 1e-9):.1f} MB per CPU second")
                if run in ("cold", "warm --strict"):
                    print(f"    findings: {r['findings']}")
                summary.setdefault(label, {}).setdefault(run.split(":")[0].removeprefix("warm").strip() or "warm",
                                                         []).append(r)
        print(f"\nsummary (wall / CPU seconds, CPU of the worker processes included; {os.cpu_count()} cores; "
              "warm: the better of two runs; target: check step <= 1 s):")
        for label, by_run in summary.items():
            for run, results in by_run.items():
                best = min(results, key=lambda r: r["check"][0])
                print(f"  {label[:52]:52} {run:9}: check step {best['check'][0]:6.3f} / {best['check'][1]:6.3f} s, "
                      f"whole process {best['total'][0]:6.3f} / {best['total'][1]:6.3f} s, peak RSS "
                      f"{best['peak_rss_mb']:6.1f} MB")


if __name__ == "__main__":
    main()
