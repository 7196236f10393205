"""The spreadsheet layout shared by CSV, XLSX and OmegaT TSV: one row per entry, one column per language.

Synonyms share a cell joined by `|` (preferred first); deprecated renderings go to a
`<lang> deprecated` column; `status`, `category`, `note` and `definition` columns carry the rest.
What else a termbase holds gets columns of its own, only when some term has it, so that a glossary
exported to Excel, edited and imported again loses nothing: `<lang> superseded` and `<lang> forbidden`
renderings, `<lang> acronym` / `abbreviation` / `variant` and `<lang> exact match` listing which of the
language's terms are of that type, `<lang> part of speech` / `context` / `source` / `note` with one
`term: text` line per term, `zh preferred` for an entry whose preferred Chinese is a Traditional
spelling beside Simplified ones, and `entry source`. A CAT tool maps the language columns and ignores (or
lets you map) the others. Reading maps headers to languages (`zh`, `zh_CN`, `Chinese`, `中文`, `en-US`,
`English`...) and resolves `source`/`target` columns by which one holds Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
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
    "definition": "definition", "定义": "definition", "entry source": "entry source",
    "source": "source", "source term": "source", "term": "source", "原文": "source",
    "target": "target", "target term": "target", "translation": "target", "译文": "target",
}
# Per-language columns: header word → (column kind, value). `wrong` columns hold renderings not to use
# (with that status), `type` and `exact` columns mark terms of the language, `field` columns hold
# `term: text` lines for one Term field.
_QUALIFIERS = {
    "deprecated": ("wrong", "deprecated"), "do not use": ("wrong", "deprecated"),
    "forbidden": ("wrong", "forbidden"), "superseded": ("wrong", "superseded"),
    "abbr": ("type", "acronym"), "acronym": ("type", "acronym"), "abbreviation": ("type", "abbreviation"),
    "variant": ("type", "variant"), "exact match": ("exact", None), "preferred": ("preferred", None),
    "part of speech": ("field", "part_of_speech"), "context": ("field", "context"),
    "source": ("field", "source"), "note": ("field", "note"),
}
_QUALIFIED = re.compile(rf"^(?:(?P<lang>.*?)[\s_(\-]+)?(?P<kind>{'|'.join(_QUALIFIERS)})\)?$", re.IGNORECASE)
_TERM_TYPES = ("acronym", "abbreviation", "variant")
_TERM_FIELDS = ("part_of_speech", "context", "source", "note")
_WRONG = ("deprecated", "superseded", "forbidden")


@dataclass(frozen=True, slots=True)
class Column:
    """What one column holds. kind: term, wrong, type, exact, field (per language; `value` says which
    status, type or Term field), status, category, note, definition, entry source, source, target, ignore."""

    kind: str
    lang: str | None = None
    script: str | None = None
    value: str | None = None
    also: tuple[str, ...] = ()  # a wrong column written also with these statuses (they have no column)


# ---------------------------------------------------------------- writing
def extra_columns(terms: Iterable[Term], entry_source: bool = False) -> list[Column]:
    """The columns beyond languages, entry fields and `<lang> deprecated` that terms like these need,
    in header order: `[Term("en", "", "superseded")]` → the `en superseded` column."""
    present, sections = set(), set()
    for t in terms:
        script = _group_script(t.lang, t.script)
        if t.status in _WRONG[1:]:
            present.add(Column("wrong", t.lang, script, t.status))
        if t.type in _TERM_TYPES:
            present.add(Column("type", t.lang, script, t.type))
        if t.exact:
            present.add(Column("exact", t.lang, script))
        present.update(Column("field", t.lang, script, name) for name in _TERM_FIELDS if getattr(t, name))
        sections.add((t.lang, script, t.status == "preferred"))
    order = {(kind, value): n for n, (kind, value) in enumerate(
        [("wrong", w) for w in _WRONG[1:]] + [("type", k) for k in _TERM_TYPES] + [("exact", None)]
        + [("field", f) for f in _TERM_FIELDS])}
    tags = ordered_tags([lang_tag(c.lang, c.script) for c in present])
    columns = sorted(present, key=lambda c: (order[c.kind, c.value], tags.index(lang_tag(c.lang, c.script))))
    # A preferred Traditional term beside Simplified ones: the zh-CN cell's first term would read as preferred.
    traditional_first = ("zh", "Hant", True) in sections and {("zh", None, True), ("zh", None, False)} & sections
    return (columns + ([Column("preferred", "zh")] if traditional_first else [])
            + ([Column("entry source")] if entry_source else []))


def table_columns(languages: Iterable[tuple[str, str | None]],
                  extras: Iterable[Column] = ()) -> tuple[list[str], list[Column]]:
    """Header names and column specs for the termbase's languages: zh-CN, en, others, zh-Hant, the
    entry fields, `<lang> deprecated`, then the `extras` (from extra_columns)."""
    extras = list(extras)
    groups = {}
    for lang, script in chain(languages, ((c.lang, c.script) for c in extras if c.lang)):
        script = _group_script(lang, script)
        groups[lang_tag(lang, script)] = (lang, script)
    tags = ordered_tags(list(groups))
    own = {(c.lang, c.script, c.value) for c in extras if c.kind == "wrong"}
    deprecated = [Column("wrong", *groups[t], "deprecated",
                         tuple(w for w in _WRONG[1:] if (*groups[t], w) not in own)) for t in tags]
    specs = [Column("term", *groups[t]) for t in tags] + [Column(f) for f in ENTRY_FIELDS] + deprecated + extras
    return [_header(spec) for spec in specs], specs


def _group_script(lang: str, script: str | None) -> str | None:
    return "Hant" if lang == "zh" and script == "Hant" else None  # Hans and unmarked share zh-CN


def _header(spec: Column) -> str:
    if spec.lang is None:
        return spec.kind
    if spec.kind == "preferred":
        return f"{spec.lang} preferred"  # every script of the language: zh preferred
    tag = lang_tag(spec.lang, spec.script)
    words = {"term": "", "exact": "exact match", "field": (spec.value or "").replace("_", " ")}
    word = words.get(spec.kind, spec.value)
    return f"{tag} {word}" if word else tag


def entry_row(entry: Entry, specs: list[Column]) -> list[str]:
    sections: dict[tuple[str, str | None], list[Term]] = {}  # each language section sorted once per row
    row = []
    for spec in specs:
        if spec.lang is None:
            row.append((entry.source if spec.kind == "entry source" else getattr(entry, spec.kind)) or "")
        elif spec.kind == "preferred":
            row.append(_preferred_cell(entry, spec.lang))
        else:
            key = (spec.lang, spec.script)
            terms = sections.get(key)
            if terms is None:
                terms = sections[key] = preferred_first(entry, spec.lang, spec.script)
            row.append(_cell(terms, spec))
    return row


def _cell(terms: list[Term], spec: Column) -> str:
    """One language column's cell from that language section's terms, preferred first."""
    if spec.kind == "term":
        return SEPARATOR.join(t.text for t in terms if t.status not in NOT_RECOMMENDED)
    if spec.kind == "wrong":
        return SEPARATOR.join(t.text for t in terms if t.status == spec.value or t.status in spec.also)
    if spec.kind == "type":
        return SEPARATOR.join(t.text for t in terms if t.type == spec.value)
    if spec.kind == "exact":
        return SEPARATOR.join(t.text for t in terms if t.exact)
    return "\n".join(f"{t.text}: {getattr(t, spec.value)}" for t in terms if getattr(t, spec.value))


def _preferred_cell(entry: Entry, lang: str) -> str:
    """The language's preferred terms when reading its cells would not make them so (the first term of its
    first cell is preferred, the rest admitted): 國務院 for an entry whose zh-CN cell holds 国务院, admitted."""
    usable = [t for script in (None, "Hant") for t in preferred_first(entry, lang, script) if t.status not in NOT_RECOMMENDED]
    read_as = ["preferred" if n == 0 else "admitted" for n in range(len(usable))]
    if [t.status for t in usable] == read_as:
        return ""
    return SEPARATOR.join(t.text for t in usable if t.status == "preferred")


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
        kind, value = _QUALIFIERS[qualified.group("kind").lower()]
        lang_part = (qualified.group("lang") or "").strip()
        parsed = header_lang(lang_part) if lang_part else None
        if parsed or not lang_part:
            return Column(kind, *(parsed or (None, None)), value)
    return Column("ignore")


def rows_to_entries(rows: Iterator[tuple[int, list[str]]], name: str, warnings: Warnings,
                    place: str = "line", short_rows_padded: bool = False) -> Iterator[ReadEntry]:
    """Entries from (line number, cells) rows whose first non-blank row is the header. A text row that
    ends before a language column lost that language (a line broken by a stray quote or line end): an
    error naming the line, unless `short_rows_padded` (a workbook stores no empty cells, so its short
    rows only leave off empty ones). Columns the row does reach may be empty: the Microsoft layout
    `en,zh_CN,pos,description` has rows of two fields."""
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
    reach = 0 if short_rows_padded else 1 + max(i for i, c in enumerate(columns) if c.kind == "term")
    for number, row in chain(sample, rows):
        if not any(clean_text(c) for c in row):
            continue
        if len(row) > width and any(clean_text(c) for c in row[width:]):
            raise FormatError(
                f"{name}: {place} {number}: {len(row)} fields but the header has {width} "
                "(an unquoted delimiter inside a term?)"
            )
        if len(row) < reach:
            lost = next(clean_text(header[i]) for i in range(len(row), reach) if columns[i].kind == "term")
            fields = f"{len(row)} field{'s' * (len(row) != 1)}"
            raise FormatError(f"{name}: {place} {number}: {fields} but the header has {width} "
                              f"(the row ends before its {lost!r} column)")
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
        held = "both hold" if chinese else "neither holds"
        if not line:  # an OmegaT glossary: no header line at all
            raise FormatError(
                f"{name}: cannot tell the languages of the source and target columns ({held} Chinese); make the "
                "first line name them with language codes, such as is<TAB>en<TAB>comment"
            )
        raise FormatError(
            f"{name}: {place} {line}: cannot tell the languages of the {' and '.join(repr(k) for k in roles)} "
            f"columns ({held} Chinese); head them with language codes such as zh-CN and en"
        )
    out = list(columns)
    for kind, index in roles.items():
        out[index] = Column("term", *(("zh", None) if kind == chinese[0] else ("en", None)))
    return out


def _attach_acronyms(columns: list[Column]) -> list[Column]:
    """A qualified column without a language (`Abbr`, `deprecated`) belongs to English (else to the first
    non-Chinese language)."""
    langs = [c.lang for c in columns if c.kind == "term"]
    default = "en" if "en" in langs else next((lang for lang in langs if lang != "zh"), langs[0])
    return [replace(c, lang=default) if c.kind in _PER_LANGUAGE and c.lang is None else c for c in columns]


_PER_LANGUAGE = ("wrong", "type", "exact", "field", "preferred")
_MARKS = {"type": lambda kind: {"type": kind}, "exact": lambda _: {"exact": True},
          "preferred": lambda _: {"status": "preferred"}}


def _row_entry(row: list[str], columns: list[Column], warnings: Warnings, where: str) -> Entry:
    terms: list[Term] = []
    marks: list[tuple[Column, str]] = []
    fields: dict[str, str] = {}
    for cell, column in zip(row, columns):
        value = clean_text(cell)
        if not value or column.kind == "ignore":
            continue
        if column.kind in ("term", "wrong"):
            status = column.value if column.kind == "wrong" else ""
            terms += [Term(column.lang, text, status=status, script=column.script) for text in _split(value)]
        elif column.kind in ("type", "exact", "field", "preferred"):
            marks.append((column, cell))
        elif column.kind == "status":
            status = entry_status(value)
            if status:
                fields["status"] = status
            else:
                warnings.add(f"unknown status {value!r} ignored (use candidate, approved or rejected)", where)
        else:
            fields[column.kind] = clean_note(cell)
    for column, cell in marks:
        terms = _marked(terms, column, cell, warnings, where)
    return Entry(
        terms=with_default_statuses(terms), status=fields.get("status", ""), category=fields.get("category"),
        note=fields.get("note"), definition=fields.get("definition"), source=fields.get("entry source"),
    )


def _split(cell: str) -> list[str]:
    return [text for text in (clean_text(part) for part in cell.split(SEPARATOR)) if text]


def _marked(terms: list[Term], column: Column, cell: str, warnings: Warnings, where: str) -> list[Term]:
    """The row's terms with a type, exact-match, preferred or field column applied to the language's terms
    it names.
    A type column's term that no other column gives is a term of its own (an `English_Abbr` column:
    HKMA beside Hong Kong Monetary Authority, admitted); a field line `term: text` goes to that term, a
    line naming none to the term of the line before (a note of several lines), else to the language's
    first term (a third-party column of plain notes)."""
    index = {t.text: n for n, t in enumerate(terms) if t.lang == column.lang}
    terms = list(terms)
    if column.kind == "field":
        first = next(iter(index.values()), None)
        if first is None:
            warnings.add(f"{_header(column)} given for no {column.lang} term; ignored", where)
            return terms
        for named, text in _field_lines(cell, sorted(index, key=len, reverse=True)):
            n = index[named] if named else first
            old = getattr(terms[n], column.value)
            terms[n] = replace(terms[n], **{column.value: "\n".join(filter(None, (old, text)))})
        return terms
    for text in _split(cell):
        if text in index:
            terms[index[text]] = replace(terms[index[text]], **_MARKS[column.kind](column.value))
        elif column.kind == "type":
            terms.append(Term(column.lang, text, status="admitted", type=column.value, script=column.script))
        else:
            warnings.add(f"{_header(column)} names a term the row does not have; ignored", where)
    return terms


def _field_lines(cell: str, texts: list[str]) -> Iterator[tuple[str | None, str]]:
    """(term, text) for each `term: text` line of a field cell, the term longest first; (None, line) for
    a line that names no term of the language, which belongs to the term before it."""
    current = None
    for line in clean_note(cell).splitlines():
        named = next((t for t in texts if line.startswith(f"{t}: ")), None)
        if named is not None:
            current, line = named, line[len(named) + 2:]
        yield current, line
