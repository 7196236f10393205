"""`glossary align FILE [TRANSLATION] -o OUT`: align one bilingual document (or a Chinese file and its
translation), write TMX 1.4b or TSV."""

from __future__ import annotations

from pathlib import Path

import click

from ._common import FilePath, command, console


@command("align", db_help="Not used: align reads and writes only files (every command takes --db).")
@click.argument("files", nargs=-1, required=True, type=FilePath(path_type=Path))
@click.option("-o", "--output", type=FilePath(path_type=Path), required=True,
              help="Where to write the aligned pairs.")
@click.option("--format", "fmt", type=click.Choice(["tmx", "tsv"]), default=None,
              help="Output format (default: from the output's extension: .tsv, .tab or .txt for tsv; .tmx, .xml "
                   "or none for tmx).")
def command(files: tuple[Path, ...], output: Path, fmt: str | None, db_path: str | None = None) -> None:
    """Align the Chinese and English sentences of one bilingual document, or of a Chinese file and
    its translation given as two files."""
    from glossary.align import align_document
    from glossary.align.tmx import tmx_text, tsv_text
    from glossary.errors import UsageError
    from glossary.ingest import read_document, read_document_pair

    if len(files) > 2:
        raise UsageError("give one bilingual file, or a Chinese file and its translation")
    fmt = fmt or _format_for(output)
    doc = read_document_pair(*files) if len(files) == 2 else read_document(files[0])
    pairs = align_document(doc)
    text = tsv_text(pairs) if fmt == "tsv" else tmx_text(pairs, source_name=doc.name)
    output.write_text(text, encoding="utf-8")
    both = sum(1 for p in pairs if p.zh and p.en)
    zh_only = sum(1 for p in pairs if p.zh and not p.en)
    en_only = sum(1 for p in pairs if p.en and not p.zh)
    console(stderr=True).print(
        f"{doc.name}: {_count(both, 'aligned pair')}, {_count(zh_only, 'Chinese sentence')} without English, "
        f"{_count(en_only, 'English sentence')} without Chinese → {output}"
    )


def _format_for(output: Path) -> str:
    """tsv for .tsv, .tab and .txt, tmx for .tmx, .xml or no extension; any other extension is a usage
    error rather than a TMX file under a name that says otherwise (out.xlsx, out.csv)."""
    from glossary.errors import UsageError

    suffix = output.suffix.lower()
    if suffix in (".tsv", ".tab", ".txt"):
        return "tsv"
    if suffix in (".tmx", ".xml", ""):
        return "tmx"
    raise UsageError(f"{output}: cannot tell the format from the extension {suffix}; name the output .tmx or .tsv, "
                     "or give --format tmx|tsv")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
