"""The spreadsheet layout shared by CSV, XLSX and OmegaT TSV: one row per entry, one column per language.

Synonyms share a cell joined by `|` (preferred first); deprecated renderings go to a
`<lang> deprecated` column; `status`, `category`, `note` and `definition` columns carry the rest.
Reading maps headers to languages (`zh`, `zh_CN`, `Chinese`, `中文`, `en-US`, `English`...) and
resolves `source`/`target` columns by which one holds Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

from glossary.errors import FormatError
from glossary.keys import has_cjk
from glossary.models import Entry, ReadEntry, Term

from .base import NOT_RECOMMENDED, Warnings, clean_note, clean_text, entry_status, preferred_first, with_default_statuses
from .langs import header_lang, lang_tag, ordered_tags

SEPARATOR = "|"
ENTRY_FIELDS = ("status", "category", "note", "definition")
_ROLE_SAMPLE = 200
_FIELD_NAMES = {
    "status": "status", "entry status": "status", "状态": "status",
    "category": "category", "subject": "category", "subjectfield": "category", "subject field": "category",
    "domain": "category", "类别": "category", "领域": "category",
    "note": "note", "notes": "note", "comment": "note", "comments": "note", "remark": "note",
    "remarks": "note", "备注": "note", "description": "note",
    "definition": "definition", "定义": "definition",
    "source": "source", "source term": "source", "term": "source", "原文": "source",
    "target": "target", "target term": "target", "translation": "target", "译文": "target",
}
_QUALIFIED = re.compile(
    r"^(?:(?P<lang>.*?)[\s_(\-]+)?(?P<kind>deprecated|forbidden|do not use|abbr|abbreviation|acronym)\)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Column:
    kind: str  # term, deprecated, acronym, status, category, note, definition, source, target, ignore
    lang: str | None = None
    script: str | None = None


# ---------------------------------------------------------------- writing
def table_columns(languages: Iterable[tuple[str, str | None]]) -> tuple[list[str], list[Column]]:
    """Header names and column specs for the termbase's languages: zh-CN, en, others, zh-Hant."""
    groups = {}
    for lang, script in languages:
        script = "Hant" if lang == "zh" and script == "Hant" else None  # Hans and unmarked share zh-CN
        groups[lang_tag(lang, script)] = (lang, script)
    tags = ordered_tags(list(groups))
    names = tags + list(ENTRY_FIELDS) + [f"{tag} deprecated" for tag in tags]
    specs = (
        [Column("term", *groups[t]) for t in tags] + [Column(f) for f in ENTRY_FIELDS]
        + [Column("deprecated", *groups[t]) for t in tags]
    )
    return names, specs


def entry_row(entry: Entry, specs: list[Column]) -> list[str]:
    row = []
    for spec in specs:
        if spec.kind in ("term", "deprecated"):
            terms = preferred_first(entry, spec.lang, spec.script)
            wanted = [t.text for t in terms if (t.status in NOT_RECOMMENDED) == (spec.kind == "deprecated")]
            row.append(SEPARATOR.join(wanted))
        else:
            row.append(getattr(entry, spec.kind) or "")
    return row


# ---------------------------------------------------------------- reading
def header_column(name: str) -> Column:
    """What a header cell names: a language's terms, its deprecated terms or acronyms, or an entry field."""
    text = clean_text(name)
    folded = text.lower().removeprefix("entry_").replace("_", " ") if text.lower().startswith("entry_") else text.lower()
    if folded in _FIELD_NAMES:
        return Column(_FIELD_NAMES[folded])
    parsed = header_lang(text)
    if parsed:
        return Column("term", *parsed)
    qualified = _QUALIFIED.match(text)
    if qualified:
        kind = qualified.group("kind").lower()
        kind = "acronym" if kind in ("abbr", "abbreviation", "acronym") else "deprecated"
        lang_part = (qualified.group("lang") or "").strip()
        parsed = header_lang(lang_part) if lang_part else None
        if parsed or not lang_part:
            return Column(kind, *(parsed or (None, None)))
    return Column("ignore")


def rows_to_entries(rows: Iterator[tuple[int, list[str]]], name: str, warnings: Warnings,
                    place: str = "line") -> Iterator[ReadEntry]:
    """Entries from (line number, cells) rows whose first non-blank row is the header."""
    header_line, header = next(((n, r) for n, r in rows if any(clean_text(c) for c in r)), (0, None))
    if header is None:
        raise FormatError(f"{name}: the file is empty")
    columns = [header_column(cell or "") for cell in header]
    for cell, column in zip(header, columns):
        if column.kind == "ignore" and clean_text(cell):
            warnings.add(f"column {clean_text(cell)!r} ignored: not a language code or a known field",
                         f"{place} {header_line}")
    sample: list[tuple[int, list[str]]] = []
    if any(c.kind in ("source", "target") for c in columns):
        for item in rows:
            sample.append(item)
            if len(sample) >= _ROLE_SAMPLE:
                break
        if not sample:
            return
        columns = _resolve_roles(columns, [r for _, r in sample], name, header_line, place)
    if not any(c.kind == "term" for c in columns):
        found = ", ".join(repr(clean_text(c)) for c in header if clean_text(c)) or "nothing"
        raise FormatError(
            f"{name}: {place} {header_line}: no column names a language (found {found}); "
            "head the term columns with language codes such as zh-CN and en"
        )
    columns = _attach_acronyms(columns)
    width = len(header)
    for number, row in chain(sample, rows):
        if not any(clean_text(c) for c in row):
            continue
        if len(row) > width and any(clean_text(c) for c in row[width:]):
            raise FormatError(
                f"{name}: {place} {number}: {len(row)} fields but the header has {width} "
                "(an unquoted delimiter inside a term?)"
            )
        yield ReadEntry(_row_entry(row, columns, warnings, f"{place} {number}"), f"{place} {number}")


def _resolve_roles(columns: list[Column], sample: list[list[str]], name: str, line: int, place: str) -> list[Column]:
    """`source`/`target` columns get languages from their content: the one holding Chinese is zh."""
    def chinese_share(index: int) -> float:
        cells = [clean_text(r[index]) for r in sample if index < len(r) and clean_text(r[index])]
        return sum(has_cjk(c) for c in cells) / len(cells) if cells else 0.0

    roles = {c.kind: i for i, c in enumerate(columns) if c.kind in ("source", "target")}
    shares = {kind: chinese_share(i) for kind, i in roles.items()}
    chinese = [kind for kind, share in shares.items() if share >= 0.5]
    if len(chinese) != 1:
        raise FormatError(
            f"{name}: {place} {line}: cannot tell the languages of the {' and '.join(repr(k) for k in roles)} "
            "columns (one of them should hold Chinese); head them with language codes such as zh-CN and en"
        )
    out = list(columns)
    for kind, index in roles.items():
        out[index] = Column("term", *(("zh", None) if kind == chinese[0] else ("en", None)))
    return out


def _attach_acronyms(columns: list[Column]) -> list[Column]:
    """An acronym column without a language belongs to English (else to the first non-Chinese language)."""
    langs = [c.lang for c in columns if c.kind == "term"]
    default = "en" if "en" in langs else next((lang for lang in langs if lang != "zh"), langs[0])
    return [Column(c.kind, default, None) if c.kind in ("acronym", "deprecated") and c.lang is None else c
            for c in columns]


def _row_entry(row: list[str], columns: list[Column], warnings: Warnings, where: str) -> Entry:
    terms: list[Term] = []
    fields: dict[str, str] = {}
    for cell, column in zip(row, columns):
        value = clean_text(cell)
        if not value or column.kind == "ignore":
            continue
        if column.kind in ("term", "deprecated", "acronym"):
            status = {"term": "", "deprecated": "deprecated", "acronym": "admitted"}[column.kind]
            kind = "acronym" if column.kind == "acronym" else "fullForm"
            for text in value.split(SEPARATOR):
                text = clean_text(text)
                if text:
                    terms.append(Term(column.lang, text, status=status, type=kind, script=column.script))
        elif column.kind == "status":
            status = entry_status(value)
            if status:
                fields["status"] = status
            else:
                warnings.add(f"unknown status {value!r} ignored (use candidate, approved or rejected)", where)
        else:
            fields[column.kind] = clean_note(cell)
    return Entry(
        terms=with_default_statuses(terms), status=fields.get("status", ""), category=fields.get("category"),
        note=fields.get("note"), definition=fields.get("definition"),
    )
