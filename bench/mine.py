"""Speed of `glossary mine` on the 111 HKMA reports (block layout files written to a temp folder).

Prints seconds, MB/s, peak memory, and the ratio to plain `jieba.lcut` over the same Chinese
text, measured in the same run. Run: uv run python bench/mine.py [--workers 2]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _hkma import hkma_records, split_paragraphs  # noqa: E402

from db import open_db  # noqa: E402
from db.mining import mine_paths  # noqa: E402


def write_block_files(folder: Path) -> tuple[int, str]:
    """One .txt per report: Chinese paragraphs, then English; returns bytes written and all Chinese."""
    size, chinese = 0, []
    for record in hkma_records():
        zh = split_paragraphs(record["zh"])
        en = split_paragraphs(record["en"])
        text = "\n\n".join(zh + en) + "\n"
        (folder / f"{record['doc_id']}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode())
        chinese.extend(zh)
    return size, "\n".join(chinese)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        size, chinese = write_block_files(folder)
        db = open_db(Path(tmp) / "bench.db")
        start, cpu_start = time.perf_counter(), time.process_time()
        summary = mine_paths(db, [folder], workers=args.workers)
        seconds, main_cpu = time.perf_counter() - start, time.process_time() - cpu_start
        db.close()

    import logging

    import jieba

    from glossary.keys import to_simplified

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    simplified = to_simplified(chinese)
    start, cpu_start = time.perf_counter(), time.process_time()
    jieba.lcut(simplified)
    jieba_seconds, jieba_cpu = time.perf_counter() - start, time.process_time() - cpu_start

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_cpu = children.ru_utime + children.ru_stime
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"documents: {summary.documents}  aligned pairs: {summary.pairs}  entries added: {summary.entries_added}")
    print(f"seconds: {seconds:.1f}  input: {size / 1e6:.2f} MB  MB/s: {size / 1e6 / seconds:.3f}  workers: {args.workers}")
    print(f"CPU seconds: main {main_cpu:.1f}, workers {workers_cpu:.1f} (less noisy than wall time on a shared machine)")
    print(f"peak memory: main {peak_self:.0f} MB, largest worker {peak_children:.0f} MB")
    print(f"jieba.lcut over the same {len(simplified):,} Chinese characters: {jieba_seconds:.2f} s  "
          f"ratio mine/jieba: {seconds / jieba_seconds:.1f}")
    print(f"CPU: jieba.lcut {jieba_cpu:.2f} s, mining (main + workers) / jieba: {(main_cpu + workers_cpu) / jieba_cpu:.1f}")


if __name__ == "__main__":
    main()
