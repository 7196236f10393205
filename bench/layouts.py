"""The miner on other layouts of the same documents: ../shared/corpus 000, 001 and 003 rewritten as a
translator may receive them (English first, hard-wrapped, a sentence per line, tables, other
encodings, HTML, Markdown, Simplified script ...), each set mined into a fresh termbase and scored
against the gold pairs as `glossary eval` scores it. A robust pipeline gives every layout the
figures of the plain block layout.

    uv run python bench/layouts.py [--only NAME ...]
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"
DOCUMENTS = ("000", "001", "003")

from db import open_db  # noqa: E402
from db.entries import iter_entries  # noqa: E402
from db.mining import mine_paths  # noqa: E402
from glossary.align import align_document, split_sentences  # noqa: E402
from glossary.evaluate import entry_outputs, evaluate, load_gold  # noqa: E402
from glossary.ingest import read_document  # noqa: E402
from glossary.keys import has_cjk, to_simplified  # noqa: E402

Sides = tuple[list[str], list[str], list[tuple[str, str]]]  # Chinese paragraphs, English ones, aligned (zh, en)


def sides(path: Path) -> Sides:
    """The document's Chinese and English paragraphs as written, and its paragraph pairs as the aligner
    finds them (for the layouts that put each Chinese paragraph beside its English)."""
    doc = read_document(path)
    zh = [p.original for p in doc.paragraphs if p.lang == "zh"]
    en = [p.original for p in doc.paragraphs if p.lang == "en"]
    text = {p.seq: p.original for p in doc.paragraphs}
    english_of: dict[int, list[int]] = {}
    used: set[int] = set()
    for pair in align_document(doc):
        if pair.zh_paragraphs and pair.en_paragraphs:
            english_of.setdefault(min(pair.zh_paragraphs), [])
            english_of[min(pair.zh_paragraphs)] += [s for s in pair.en_paragraphs if s not in used]
            used.update(pair.en_paragraphs)
    pairs = [(text[z], " ".join(text[e] for e in dict.fromkeys(english_of[z]))) for z in sorted(english_of)]
    return zh, en, pairs


def sentence_lines(paragraph: str) -> str:
    lang = "zh" if has_cjk(paragraph) else "en"
    return "\n".join(s.text for s in split_sentences(paragraph, lang, 0))


def wrapped(paragraph: str) -> str:
    return "\n".join(textwrap.wrap(paragraph, 36 if has_cjk(paragraph) else 72))  # 72 columns


def table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td>{html.escape(z)}</td><td>{html.escape(e)}</td></tr>\n" for z, e in rows)
    return f'<html><head><meta charset="utf-8"></head><body><table>{cells}</table></body></html>'


def page(zh: list[str], en: list[str]) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in zh + en)
    return f'<html><head><meta charset="utf-8"><title>report</title></head><body>{body}</body></html>'


def blocks(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


# name -> (file suffix, encoding, the file's text from the document's sides; or the texts of a Chinese file
# and its translation, mined as `mine --pair ZH EN`)
LAYOUTS: dict[str, tuple[str, str, Callable[[Sides], str | tuple[str, str]]]] = {
    "block (Chinese, then English)": (".txt", "utf-8", lambda s: blocks(s[0] + s[1])),
    "English first": (".txt", "utf-8", lambda s: blocks(s[1] + s[0])),
    "interleaved paragraphs": (".txt", "utf-8", lambda s: blocks([p for z, e in s[2] for p in (z, e)])),
    "interleaved, English first": (".txt", "utf-8", lambda s: blocks([p for z, e in s[2] for p in (e, z)])),
    "one line per paragraph, no blank lines": (".txt", "utf-8", lambda s: "\n".join(s[0] + s[1]) + "\n"),
    "hard-wrapped at 72 columns": (".txt", "utf-8", lambda s: blocks([wrapped(p) for p in s[0] + s[1]])),
    "English a sentence per line": (".txt", "utf-8", lambda s: blocks(s[0] + [sentence_lines(p) for p in s[1]])),
    "Chinese a sentence per line": (".txt", "utf-8", lambda s: blocks([sentence_lines(p) for p in s[0]] + s[1])),
    "both a sentence per line": (".txt", "utf-8", lambda s: blocks([sentence_lines(p) for p in s[0] + s[1]])),
    "Chinese and English on one line, tab between": (".txt", "utf-8", lambda s: "\n".join(f"{z}\t{e}" for z, e in s[2]) + "\n"),
    "Simplified script": (".txt", "utf-8", lambda s: blocks([to_simplified(p) for p in s[0]] + s[1])),
    "GB18030": (".txt", "gb18030", lambda s: blocks(s[0] + s[1])),
    "Big5-HKSCS": (".txt", "big5hkscs", lambda s: blocks(s[0] + s[1])),
    "UTF-16": (".txt", "utf-16", lambda s: blocks(s[0] + s[1])),
    "UTF-8 with BOM, CRLF": (".txt", "utf-8-sig", lambda s: blocks(s[0] + s[1]).replace("\n", "\r\n")),
    "HTML paragraphs": (".html", "utf-8", lambda s: page(s[0], s[1])),
    "HTML table, a row per paragraph pair": (".html", "utf-8", lambda s: table(s[2])),
    "Markdown": (".md", "utf-8", lambda s: "# Report\n\n" + blocks(s[0] + s[1])),
    "Chinese and English in two files (--pair)": (".txt", "utf-8", lambda s: (blocks(s[0]), blocks(s[1]))),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="layouts whose name holds one of these words")
    args = parser.parse_args()
    documents = {prefix: next((SHARED / "corpus").glob(f"{prefix}_*.txt")) for prefix in DOCUMENTS}
    gold = load_gold([next((SHARED / "gold").glob(f"{prefix}_*.jsonl")) for prefix in DOCUMENTS])
    document_sides = {prefix: sides(path) for prefix, path in documents.items()}
    print(f"{'layout':46} precision         core recall       recall")
    for name, (suffix, encoding, write) in LAYOUTS.items():
        if args.only and not any(word.lower() in name.lower() for word in args.only):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "documents"
            folder.mkdir()
            pairs = []
            for prefix, path in documents.items():
                text = write(document_sides[prefix])
                if isinstance(text, tuple):  # a Chinese file and its translation
                    pairs.append((folder / f"{path.stem}-zh{suffix}", folder / f"{path.stem}-en{suffix}"))
                    for file, part in zip(pairs[-1], text):
                        file.write_bytes(part.encode(encoding))
                else:
                    (folder / f"{path.stem}{suffix}").write_bytes(text.encode(encoding))
            db = open_db(Path(tmp) / "termbase.db")
            mine_paths(db, [] if pairs else [folder], workers=1, pairs=pairs)
            result = evaluate(entry_outputs(list(iter_entries(db))), gold)
            db.close()
        judged = result.outputs - result.loose_hits
        print(f"{name:46} {result.precision:.3f} ({result.true_positives}/{judged})  "
              f"{result.core_recall:.3f} ({result.core_found}/{result.core})  {result.recall:.3f} ({result.found}/{result.gold})",
              flush=True)


if __name__ == "__main__":
    main()
