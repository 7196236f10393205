"""Interchange speed and memory: export/import of 100,000 generated entries and of liford.tbx.

    uv run python bench/interchange.py            # 100k export/import, liford import, memory flatness
    uv run python bench/interchange.py --big-mb 500   # also a ~500 MB TBX (dry-run import, streaming)

Each measurement runs in its own process so that its peak RSS is its own. Targets: 100k export
<= 3 s, liford import <= 3 s, import memory flat in file size (5x the file, about the same peak).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
LIFORD = REPO.parent / "shared" / "external" / "tbx" / "icelandic-term-bank" / "liford.tbx"
FORMATS = ("tbx", "tbx3", "csv", "tsv", "jsonl", "xlsx")
# Characters and words for synthetic terms: random, so nothing here is a real term list.
_HANZI = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _synthetic_entries(n: int, seed: int = 7):
    from glossary.models import Entry, Term

    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(_LETTERS) for _ in range(rng.randint(3, 9)))

    for i in range(n):
        zh = "".join(rng.choice(_HANZI) for _ in range(rng.randint(2, 6))) + str(i)
        en = " ".join(word() for _ in range(rng.randint(1, 4))) + f" {i}"
        terms = [Term("zh", zh, part_of_speech="noun"), Term("en", en, context=f"The {en} is used here.")]
        if i % 3 == 0:
            terms.append(Term("en", en.upper()[:6] + str(i), status="admitted", type="acronym"))
        if i % 5 == 0:
            terms.append(Term("en", en + " variant", status="deprecated"))
        yield Entry(terms=tuple(terms), status="approved", category=rng.choice(("org", "policy", "title")),
                    note="generated" if i % 7 == 0 else None, score=rng.random())


def _build(db_path: Path, n: int) -> None:
    from db import open_db
    from db.entries import add_entries

    db = open_db(db_path)
    batch = []
    for entry in _synthetic_entries(n):
        batch.append(entry)
        if len(batch) == 5000:
            add_entries(db, batch, log=False)
            batch = []
    add_entries(db, batch, log=False)
    db.close()


def _step(args: argparse.Namespace) -> None:
    """One measured operation (run in a child process): prints time and peak RSS as JSON."""
    from db import open_db
    from db.interchange import export_glossary, import_glossary

    db = open_db(args.db)
    start, cpu_start = time.perf_counter(), time.process_time()
    if args.step == "export":
        count = export_glossary(db, args.file, args.format, status="all")
    else:
        report = import_glossary(db, args.file, dry_run=args.dry_run)
        count = report.read
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    db.close()
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": _peak_rss_mb(), "count": count}))


def _peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM: unlike ru_maxrss it is not inherited from the parent)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(*argv: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _synthetic_tbx(target: Path, n: int, seed: int) -> None:
    """A TBX file of `n` distinct generated entries, written as a stream."""
    from glossary.formats import write_glossary

    with target.open("w", encoding="utf-8") as out:
        write_glossary(_synthetic_entries(n, seed), "tbx", out)


def _big_tbx(source: Path, target: Path, megabytes: int) -> int:
    """A TBX of about `megabytes` MB: the entries of `source` repeated (streamed, never held in memory)."""
    text = source.read_text(encoding="utf-8")
    head, _, rest = text.partition("<body>\n")
    body, _, tail = rest.rpartition("</body>")
    repeats = max(1, megabytes * 1_000_000 // len(body.encode()))
    with target.open("w", encoding="utf-8") as out:
        out.write(head + "<body>\n")
        for _ in range(repeats):
            out.write(body)
        out.write("</body>" + tail)
    return repeats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--big-mb", type=int, default=0, help="also import a TBX of about this many MB (dry run)")
    parser.add_argument("--flat-entries", type=int, default=10_000, help="entries of the 1x file (5x has five times)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="export formats to time")
    parser.add_argument("--step", choices=("export", "import"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--format", help=argparse.SUPPRESS)
    parser.add_argument("--dry-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        _step(args)
        return
    with tempfile.TemporaryDirectory(prefix="bench-interchange-") as tmp:
        tmp = Path(tmp)
        source_db = tmp / "source.db"
        start = time.perf_counter()
        _build(source_db, args.entries)
        print(f"built {args.entries:,} generated entries with db.entries.add_entries in {time.perf_counter() - start:.1f} s",
              flush=True)
        print("(peak MB = the measuring process's peak RSS; pypinyin's dictionaries alone take ~60 MB once Chinese is stored)")
        print("(cpu s = the process's CPU time: the wall time an idle machine would show, near enough)")
        print(f"\n{'step':<40}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}")

        def show(label: str, result: dict) -> None:
            print(f"{label:<40}{result['seconds']:>9.2f}{result.get('cpu', 0):>9.2f}{result['peak_mb']:>9.0f}", flush=True)

        for fmt in args.formats.split(","):
            out = tmp / f"all.{fmt}"
            show(f"export {args.entries:,} -> {fmt}", _run("--step", "export", "--db", str(source_db), "--file", str(out),
                                                           "--format", fmt))
        for fmt in [f for f in ("tbx", "jsonl") if f in args.formats.split(",")]:
            target = tmp / f"import-{fmt}.db"
            show(f"import {args.entries:,} <- {fmt}", _run("--step", "import", "--db", str(target), "--file",
                                                           str(tmp / f"all.{fmt}")))
        liford_db = tmp / "liford.db"
        show("import liford.tbx (9,967)", _run("--step", "import", "--db", str(liford_db), "--file", str(LIFORD)))
        show("export liford -> tbx", _run("--step", "export", "--db", str(liford_db), "--file", str(tmp / "l.tbx"),
                                          "--format", "tbx"))

        print("\nmemory flatness: dry-run import of a TBX 1x and 5x the size (distinct generated entries)")
        one = tmp / "one.tbx"
        five = tmp / "five.tbx"
        _synthetic_tbx(one, args.flat_entries, seed=11)
        _synthetic_tbx(five, 5 * args.flat_entries, seed=13)
        for label, path in (("1x", one), ("5x", five)):
            result = _run("--step", "import", "--db", str(tmp / f"flat-{label}.db"), "--file", str(path), "--dry-run")
            show(f"{label} {path.stat().st_size / 1e6:.0f} MB, {result['count']:,} entries", result)
        if args.big_mb:
            big = tmp / "big.tbx"
            _big_tbx(tmp / "all.tbx", big, args.big_mb)
            result = _run("--step", "import", "--db", str(tmp / "big.db"), "--file", str(big), "--dry-run")
            show(f"{big.stat().st_size / 1e6:.0f} MB TBX, {result['count']:,} entries", result)


if __name__ == "__main__":
    main()
