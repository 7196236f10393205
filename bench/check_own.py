"""The checker's acceptance on documents it was not tuned on: mine a bilingual document, approve every
entry, then check the document's own official English against that glossary (`check --source ZH
--draft EN`, as a user types it). Every `missing` finding is a false alarm or a term the official
translation leaves out (a pronoun for the institution's name); `unapproved` are the official English's
other renderings. Prints the findings per document and in total.

Documents: ../shared/corpus 000, 001, 003 and every n-th HKMA annual-report chapter (its Chinese
paragraphs, then its English ones).

    uv run python bench/check_own.py [--every 10] [--show 5]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _hkma import hkma_records, split_paragraphs  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def glossary_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "glossary.cli", *args], capture_output=True, text=True, cwd=REPO)


def corpus_documents() -> list[tuple[str, list[str], list[str]]]:
    """(name, Chinese paragraphs, English paragraphs) of the corpus documents with gold pairs."""
    from glossary.ingest import read_document

    out = []
    for prefix in ("000", "001", "003"):
        path = next(CORPUS.glob(f"{prefix}_*.txt"))
        doc = read_document(path)
        out.append((path.stem, [p.original for p in doc.paragraphs if p.lang == "zh"],
                    [p.original for p in doc.paragraphs if p.lang == "en"]))
    return out


def hkma_documents(every: int) -> list[tuple[str, list[str], list[str]]]:
    return [(r["doc_id"], split_paragraphs(r["zh"]), split_paragraphs(r["en"])) for r in hkma_records()[::every]]


def mine_approved(folder: Path, name: str, chinese: list[str], english: list[str]) -> tuple[Path, Path, int]:
    """The document written in `folder` as one file (its Chinese, then its English), mined into a fresh
    termbase there with every entry approved: (the file, the termbase, its number of entries)."""
    both, db = folder / f"{name}.txt", folder / "termbase.db"
    both.write_text("\n\n".join(chinese + english) + "\n", encoding="utf-8")
    mined = glossary_cli("--db", str(db), "mine", str(both))
    if mined.returncode:
        raise SystemExit(f"{name}: mining failed: {mined.stderr.strip()}")
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE entries SET status = 'approved'")
        entries = connection.execute("SELECT count(*) FROM entries").fetchone()[0]
    return both, db, entries


def check_own(folder: Path, name: str, chinese: list[str], english: list[str]) -> tuple[int, dict]:
    """Mine the document into a fresh termbase, approve all, check its English: (entries, report)."""
    source, draft = folder / "source-zh.txt", folder / "draft-en.txt"
    source.write_text("\n\n".join(chinese) + "\n", encoding="utf-8")
    draft.write_text("\n\n".join(english) + "\n", encoding="utf-8")
    _, db, entries = mine_approved(folder, name, chinese, english)
    checked = glossary_cli("--db", str(db), "check", "--source", str(source), "--draft", str(draft), "--json",
                           "--fail-on", "never")
    if checked.returncode:
        raise SystemExit(f"{name}: check failed: {checked.stderr.strip()}")
    return entries, json.loads(checked.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=10, help="check every n-th HKMA chapter (111 in all)")
    parser.add_argument("--show", type=int, default=3, help="missing findings shown per document")
    args = parser.parse_args()
    totals: Counter[str] = Counter()
    for name, chinese, english in corpus_documents() + hkma_documents(args.every):
        with tempfile.TemporaryDirectory() as tmp:
            entries, report = check_own(Path(tmp), name, chinese, english)
        kinds = Counter(f["kind"] for f in report["findings"])
        totals.update(kinds, documents=1, entries=entries, segments=report["segments"])
        print(f"{name:28} {entries:4} entries, {report['segments']:4} segments: {kinds['missing']:3} missing, "
              f"{kinds['unapproved']:3} unapproved, {kinds['inconsistent']:3} inconsistent, {kinds['omitted']:3} omitted",
              flush=True)
        for f in [f for f in report["findings"] if f["kind"] == "missing"][:args.show]:
            print(f"    missing {f['source_term']} → “{f['expected']}”: {f['target'][:110]}")
    print(f"\n{totals['documents']} documents, {totals['entries']} approved entries, {totals['segments']} segments: "
          f"{totals['missing']} missing (errors), {totals['unapproved']} unapproved, {totals['inconsistent']} inconsistent "
          f"(warnings), {totals['omitted']} omitted (info: Chinese the aligner gives no English), "
          f"{totals['untranslated'] + totals['empty'] + totals['deprecated'] + totals['forbidden']} other")


if __name__ == "__main__":
    main()
