"""Ingestion throughput: the HKMA annual-report texts, and optionally one large synthetic file.

    uv run python bench/ingest.py                 # 222 HKMA files into a temporary termbase
    uv run python bench/ingest.py --big-mb 200    # also a 200 MB synthetic document

Prints files/s, MB/s (wall and CPU; the machine may be shared) and peak memory (tracemalloc
for Python objects, ru_maxrss for the process).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
HKMA = REPO.parent / "shared" / "external" / "hkma-annual-reports" / "texts"

from db import open_db  # noqa: E402
from db.documents import document_summary, store_reader  # noqa: E402
from glossary.ingest import DocumentReader, find_input_files  # noqa: E402


def ingest_all(files: list[Path], db_path: Path) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, bytes, paragraphs) to read and store every file as `glossary ingest` does."""
    db = open_db(db_path)
    started, cpu_started = time.perf_counter(), time.process_time()
    size = paragraphs = 0
    for path in files:
        result = store_reader(db, DocumentReader(path))
        summary = document_summary(db, result.document_id)
        size += summary.size
        paragraphs += summary.zh + summary.en
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    db.close()
    return elapsed, cpu, size, paragraphs


def report(label: str, files: int, elapsed: float, cpu: float, size: int, paragraphs: int, memory: str) -> None:
    mb = size / 1e6
    print(
        f"{label}: {files} files, {mb:.1f} MB, {paragraphs} paragraphs in {elapsed:.2f} s wall / {cpu:.2f} s CPU -> "
        f"{files / elapsed:.1f} files/s, {mb / elapsed:.2f} MB/s ({mb / cpu:.2f} MB/s of CPU); {memory}"
    )


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_synthetic(path: Path, megabytes: int) -> None:
    """A bilingual document of `megabytes` MB, written in blocks, with web noise mixed in."""
    block = (
        "市政府外辦(bàn)積(jī)極(jí)推動(dòng)國(guó)際(jì)交往中心建設(shè)，服務國家總體外交和全市高質量發展。\n\n"
        "The Foreign Affairs Office promoted the building of an international exchange center.\n\n"
    ).encode("utf-8")
    noise = "版權所有：某某网站  ICP備案：某ICP備12345678號\n\n".encode("utf-8")
    target = megabytes * 1_000_000
    with path.open("wb") as fh:
        written = 0
        chunk = (block * 50 + noise) * (1_000_000 // (50 * len(block) + len(noise)))
        while written < target:
            fh.write(chunk)
            written += len(chunk)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mb", type=int, default=0, help="also ingest one synthetic file of this many MB")
    args = parser.parse_args()
    files = find_input_files([HKMA])
    print(f"python {sys.version.split()[0]}; {len(files)} HKMA files from {HKMA.relative_to(REPO.parent)}")
    with tempfile.TemporaryDirectory() as tmp:
        elapsed, cpu, size, paragraphs = ingest_all(files, Path(tmp) / "timed.db")
        again = ingest_all(files, Path(tmp) / "timed.db")  # every file unchanged: hashed, not parsed
        tracemalloc.start()  # a second, slower pass only to measure Python allocations
        ingest_all(files, Path(tmp) / "traced.db")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        report("hkma", len(files), elapsed, cpu, size, paragraphs, f"peak traced Python memory {peak / 1e6:.1f} MB")
        print(f"hkma again, all unchanged: {again[0]:.2f} s wall / {again[1]:.2f} s CPU")
        if args.big_mb:
            big = Path(tmp) / "big.txt"
            write_synthetic(big, args.big_mb)
            before = max_rss_mb()
            elapsed, cpu, size, paragraphs = ingest_all([big], Path(tmp) / "big.db")
            grown = max_rss_mb() - before
            report(f"synthetic {args.big_mb} MB", 1, elapsed, cpu, size, paragraphs,
                   f"peak RSS grew by {grown:.0f} MB (process peak {max_rss_mb():.0f} MB)")
    print(f"process peak RSS {max_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
