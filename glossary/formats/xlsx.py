"""Excel glossaries in the Phrase/Excel layout (one column per language), with openpyxl's streaming modes."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from glossary.errors import FormatError
from glossary.models import Entry, ReadEntry

from .base import Warnings
from .tabular import Column, entry_row, rows_to_entries, table_columns

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def write_xlsx(entries: Iterable[Entry], out: BinaryIO | str | Path, languages: Iterable[tuple[str, str | None]],
               extras: Iterable[Column] = ()) -> int:
    """A write-only workbook, sheet `Glossary`, header row frozen; memory does not grow with entries."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    names, specs = table_columns(languages, extras)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Glossary")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for entry in entries:
        sheet.append([_ILLEGAL.sub("", value) or None for value in entry_row(entry, specs)])
        count += 1
    workbook.save(out)
    return count


def read_xlsx(path: Path, name: str, warnings: Warnings) -> Iterator[ReadEntry]:
    """Rows of the first worksheet (read-only mode, streamed); the first non-blank row is the header."""
    _check_package(path, name)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged package
        raise FormatError(f"{name}: not a readable Excel workbook ({exc.__class__.__name__}: {exc})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = (
            (number, ["" if v is None else str(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), 1)
        )
        yield from rows_to_entries(rows, name, warnings, place="row", short_rows_padded=True)
    finally:
        workbook.close()


def _check_package(path: Path, name: str) -> None:
    """An .xlsx is a zip of XML parts: refuse non-zips and parts that declare a DOCTYPE or entities."""
    if not zipfile.is_zipfile(path):
        raise FormatError(f"{name}: not an Excel .xlsx workbook (not a zip package)")
    with zipfile.ZipFile(path) as package:
        for info in package.infolist():
            if info.filename.endswith((".xml", ".rels")):
                with package.open(info) as part:
                    if _DOCTYPE.search(part.read(4096)):
                        raise FormatError(f"{name}: part {info.filename} declares a DOCTYPE or entities; refused")
