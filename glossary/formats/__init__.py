"""Glossary files in and out: TBX v2/v3, CSV, OmegaT TSV, XLSX, JSONL (pure: entries in, files out, and back).

`read_glossary(path)` streams `ReadEntry`s; `write_glossary(entries, fmt, out)` streams a file.
"""

from __future__ import annotations

import codecs

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from glossary.errors import InputError, UsageError
from glossary.keys import printable_path
from glossary.models import Entry, ReadEntry

from .base import Warnings
from .tabular import Column, extra_columns

FORMATS = ("tbx", "tbx3", "csv", "tsv", "xlsx", "jsonl")
# Term lists (one row per rendering or per term pair) rather than concept-oriented termbases:
# rows with the same source term in one file describe the same entry.
TERM_LIST_FORMATS = ("csv", "tsv", "xlsx")
# Formats with one column per language: their writers take the termbase's (lang, script) pairs.
LANGUAGE_COLUMN_FORMATS = ("csv", "xlsx")
_EXTENSIONS = {
    ".tbx": "tbx", ".tbx3": "tbx3", ".xml": "tbx", ".csv": "csv", ".tsv": "tsv", ".txt": "tsv",
    ".utf8": "tsv", ".tab": "tsv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl",
}

__all__ = [
    "FORMATS", "LANGUAGE_COLUMN_FORMATS", "TERM_LIST_FORMATS", "Column", "Warnings", "extra_columns", "format_for",
    "read_glossary", "write_glossary",
]


def format_for(path: str | Path, explicit: str | None = None, *, sniff: bool = False) -> str:
    """The format named, else the one the extension implies, else (reading) what the content looks like."""
    if explicit:
        return explicit
    fmt = _EXTENSIONS.get(Path(str(path)).suffix.lower())
    if fmt:
        return fmt
    if sniff and str(path) != "-":
        fmt = _sniff(Path(path))
        if fmt:
            return fmt
    where = "standard output (-) has no extension" if str(path) == "-" else f"{path}: cannot tell the format from the extension"
    raise UsageError(f"{where}; give --format ({'|'.join(FORMATS)})")


def _sniff(path: Path, fallback: str | None = "csv") -> str | None:
    """The format the first 4 kB look like; `fallback` when nothing marks one (a CSV needs no mark, but a
    hint that a file "looks like csv" needs a comma or semicolon in its first line)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return fallback  # binary (a compressed or an old .xls file): no text format fits, whatever bytes it holds
    if stripped.startswith(b"<"):
        return "tbx"
    if stripped.startswith(b"{"):
        return "jsonl"
    if b"\t" in head:
        return "tsv"
    first = stripped.split(b"\n", 1)[0]
    return "csv" if b"," in first or b";" in first else fallback


def read_glossary(path: str | Path, fmt: str | None = None, warnings: Warnings | None = None) -> Iterator[ReadEntry]:
    """Stream the entries of a glossary file; FormatError/InputError with file and place for bad input,
    the file named as given (`client/terms.csv: line 3: ...`, not `terms.csv`: two clients' files may
    share a name)."""
    name = printable_path(str(path))
    path = Path(path)
    fmt = format_for(path, fmt, sniff=True)
    warnings = warnings if warnings is not None else Warnings()
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a glossary file")
    if fmt == "xlsx":
        from .xlsx import read_xlsx

        yield from _hinted(read_xlsx(path, name, warnings), path, fmt)
        return
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    with fh:
        yield from _hinted(_readers(fmt)(fh, name, warnings), path, fmt)


def _hinted(entries: Iterator[ReadEntry], path: Path, fmt: str) -> Iterator[ReadEntry]:
    """The reader's entries; a file refused before its first entry whose content looks like another format
    says so: `all.txt: line 1: no tab between the source and target terms (the content looks like jsonl:
    give --format jsonl)` for JSON Lines saved as .txt, which the extension made an OmegaT glossary."""
    started = False
    try:
        for item in entries:
            started = True
            yield item
    except InputError as exc:
        looks = None if started else _sniff(path, fallback=None)
        if looks is None or looks == fmt or {looks, fmt} == {"tbx", "tbx3"}:
            raise
        raise type(exc)(f"{exc.message} (the content looks like {looks}: give --format {looks})", exc.title) from None


def _readers(fmt: str):
    if fmt in ("tbx", "tbx3"):
        from .tbx import read_tbx

        return read_tbx
    if fmt == "csv":
        from .delimited import read_csv

        return read_csv
    if fmt == "tsv":
        from .delimited import read_tsv

        return read_tsv
    if fmt == "jsonl":
        from .jsonl import read_jsonl

        return read_jsonl
    raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_glossary(entries: Iterable[Entry], fmt: str, out: TextIO | BinaryIO,
                   languages: Iterable[tuple[str, str | None]] = (("zh", None), ("en", None)),
                   extras: Iterable[Column] = ()) -> int:
    """Write entries in `fmt` to `out` (binary for xlsx, text otherwise); returns the number written.

    `languages` (the termbase's (lang, script) pairs) and `extras` (tabular.extra_columns of what its
    terms hold) set the columns of csv and xlsx; `languages` the language pair of tsv (OmegaT).
    """
    if fmt in ("tbx", "tbx3"):
        from .tbx import write_tbx

        return write_tbx(entries, out, version=3 if fmt == "tbx3" else 2)
    if fmt == "csv":
        from .delimited import write_csv

        return write_csv(entries, out, languages, extras)
    if fmt == "tsv":
        from .delimited import write_tsv

        return write_tsv(entries, out, languages)
    if fmt == "xlsx":
        from .xlsx import write_xlsx

        return write_xlsx(entries, out, languages, extras)
    if fmt == "jsonl":
        from .jsonl import write_jsonl

        return write_jsonl(entries, out)
    raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
