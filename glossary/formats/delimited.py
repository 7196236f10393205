"""CSV glossaries (UTF-8 with BOM, comma) and OmegaT glossaries (`source<TAB>target<TAB>comment`)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain
from typing import BinaryIO, TextIO

from glossary.errors import FormatError
from glossary.models import Entry, ReadEntry

from .base import ENTRY_STATUS_NOTE, NOT_RECOMMENDED, UNAPPROVED, Warnings, preferred_first
from .tabular import Column, entry_row, header_column, rows_to_entries, table_columns
from .text import decoded_lines

_DELIMITERS = (",", ";", "\t")
OMEGAT_HEADER = ["source", "target", "comment"]


def write_csv(entries: Iterable[Entry], out: TextIO, languages: Iterable[tuple[str, str | None]],
              extras: Iterable[Column] = ()) -> int:
    """CSV that Excel opens with Chinese intact: UTF-8 with BOM, comma, CRLF, a header of language codes."""
    names, specs = table_columns(languages, extras)
    writer = csv.writer(out, lineterminator="\r\n")
    out.write("\ufeff")
    writer.writerow(names)
    count = 0
    for entry in entries:
        writer.writerow(entry_row(entry, specs))
        count += 1
    return count


def read_csv(fh: BinaryIO, name: str, warnings: Warnings) -> Iterator[ReadEntry]:
    lines = decoded_lines(fh, name)
    first = next(lines, "")
    delimiter = max(_DELIMITERS, key=first.count) if any(d in first for d in _DELIMITERS) else ","
    reader = csv.reader(chain([first], lines), delimiter=delimiter, strict=True)
    yield from rows_to_entries(_numbered(reader, name), name, warnings)


def _numbered(reader, name: str) -> Iterator[tuple[int, list[str]]]:
    """Rows with the physical line each starts on (csv's line_num counts the row's last line); a quote
    left open (which would swallow the rest of the file into one term) is an error naming its line."""
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problem = "a quote opened here is never closed" if "end of data" in str(exc) else str(exc)
            raise FormatError(f"{name}: line {start}: {problem}") from exc
        yield start, row
        start = reader.line_num + 1


def write_tsv(entries: Iterable[Entry], out: TextIO, languages: Iterable[tuple[str, str | None]] = (("zh", None),)) -> int:
    """OmegaT glossary: one line per rendering, for the one language pair of an OmegaT project (omegat_pair
    of the termbase's languages: zh to en); returns the entries written, those without both left out (an
    Icelandic-English entry in a Chinese termbase came back with its Icelandic as Chinese)."""
    source_lang, target_lang = omegat_pair([lang for lang, _ in languages])
    out.write("# Glossary in tab-separated format -*- coding: utf-8 -*-\n")
    if (source_lang, target_lang) != ("zh", "en"):  # OmegaT skips it; read_tsv takes the languages from it
        out.write(f"# languages: {source_lang} {target_lang}\n")
    count = 0
    for entry in entries:
        lines = list(omegat_lines(entry, source_lang, target_lang))
        for source, target, comment in lines:
            out.write(f"{_cell(source)}\t{_cell(target)}\t{_comment_cell(comment)}\n")
        count += bool(lines)
    return count


def omegat_pair(langs: list[str]) -> tuple[str, str]:
    """(source, target) languages of an OmegaT export: Chinese to English when the termbase has them, else
    its other language to English (is, en → is to en), else its first two."""
    langs = list(dict.fromkeys(langs)) or ["zh", "en"]
    source = "zh" if "zh" in langs else next((lang for lang in langs if lang != "en"), langs[0])
    target = "en" if "en" in langs and source != "en" else next((lang for lang in langs if lang != source), "en")
    return source, target


def omegat_lines(entry: Entry, source_lang: str = "zh", target_lang: str = "en") -> Iterator[tuple[str, str, str]]:
    """(source, target, comment) for every target rendering, then for every other source-language term;
    nothing for an entry without terms in both languages."""
    if not (entry.terms_in(source_lang) and entry.terms_in(target_lang)):
        return
    sources = _by_preference(entry, source_lang)
    targets = _by_preference(entry, target_lang)
    head = sources[0]
    for target in targets:
        yield head.text, target.text, _comment(entry, target)
    for other in sources[1:]:
        yield other.text, targets[0].text, _comment(entry, other)


def _by_preference(entry: Entry, lang: str):
    terms = preferred_first(entry, lang) + preferred_first(entry, lang, "Hant")
    return sorted(terms, key=lambda t: (t.status in NOT_RECOMMENDED, t.status != "preferred"))


def _comment(entry: Entry, term) -> str:
    status = "" if term.status == "preferred" else (
        f"{term.status}: do not use" if term.status in NOT_RECOMMENDED else term.status)
    kind = term.type if term.type != "fullForm" else ""
    category = f"{_CATEGORY}{entry.category}" if entry.category else ""
    unapproved = f"{ENTRY_STATUS_NOTE}{entry.status}" if entry.status in UNAPPROVED else ""
    return "; ".join(p for p in (status, kind, category, unapproved, entry.note) if p)


def _cell(text: str) -> str:
    return " ".join(text.split("\t")).replace("\r", " ").replace("\n", " ")


def _comment_cell(text: str) -> str:
    r"""A comment on one line: a line break becomes the two characters \n, which OmegaT shows as written
    and read_tsv turns back; a backslash that would read as part of one (before n, another backslash or
    a line end) is doubled. The note "See:" / "C:\new" is written `See:\nC:\\new`."""
    lines = (_ESCAPABLE.sub(r"\\\\", line) for line in text.split("\n"))
    return _cell("\\n".join(lines))


def _unescape_comment(cell: str) -> str:
    r"""The comment as written before _comment_cell: \n is a line break, a doubled backslash one backslash."""
    return _ESCAPE.sub(lambda m: "\n" if m[1] == "n" else "\\", cell)


_ESCAPABLE = re.compile(r"\\(?=[\\n]|$)")
_ESCAPE = re.compile(r"\\([\\n])")


_LANGUAGES_COMMENT = re.compile(r"^#\s*languages:\s*(?P<source>[A-Za-z][\w-]*)\s+(?P<target>[A-Za-z][\w-]*)\s*$")


def read_tsv(fh: BinaryIO, name: str, warnings: Warnings) -> Iterator[ReadEntry]:
    """OmegaT glossary lines; `#` lines are comments; the column holding Chinese is zh, the other en,
    unless a first line of language codes or a `# languages: is en` comment names them."""
    def rows() -> Iterator[tuple[int, list[str]]]:
        header_given = False
        for number, line in enumerate(decoded_lines(fh, name), 1):
            line = line.rstrip("\r\n")
            if line.startswith("\ufeff"):
                line = line[1:]
            named = _LANGUAGES_COMMENT.match(line)
            if named and not header_given:  # write_tsv's "# languages: is en" names the columns
                header_given = True
                yield number, [named["source"], named["target"], "comment"]
                continue
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if "\t" not in line:
                raise FormatError(f"{name}: line {number}: no tab between the source and target terms")
            cells = line.split("\t")
            if len(cells) > 3:
                cells = cells[:2] + ["; ".join(c for c in cells[2:] if c.strip())]
            if len(cells) == 3:
                cells[2] = _unescape_comment(cells[2])
            if not header_given:
                header_given = True
                if len(cells) >= 2 and all(header_column(c).kind == "term" for c in cells[:2]):
                    # a header of language codes (zh<TAB>en) names the columns; a third is OmegaT's comment
                    yield number, cells if len(cells) > 2 else [*cells, OMEGAT_HEADER[2]]
                    continue
                yield 0, OMEGAT_HEADER
            yield number, cells

    yield from _with_comment_statuses(rows_to_entries(rows(), name, warnings))


_DO_NOT_USE = ": do not use"
_COMMENT_STATUSES = frozenset(("preferred", "admitted", *NOT_RECOMMENDED))
_COMMENT_TYPES = frozenset(("acronym", "abbreviation", "variant"))
_CATEGORY = "category: "


def _comment_marks(note: str | None) -> tuple[str, str, str | None, str, str | None]:
    """(term status, type, category, entry status, rest of the note) from a comment that opens as
    write_tsv's do ("deprecated: do not use; ...", "admitted; acronym; category: org; entry status:
    candidate; ..."); ("", "", None, "", note) for any other comment."""
    parts = note.split("; ") if note else []
    status = kind = entry_status = ""
    category = None
    if parts and parts[0].removesuffix(_DO_NOT_USE) in _COMMENT_STATUSES:
        status = parts.pop(0).removesuffix(_DO_NOT_USE)
    if parts and parts[0] in _COMMENT_TYPES:
        kind = parts.pop(0)
    if parts and parts[0].startswith(_CATEGORY):
        category = parts.pop(0).removeprefix(_CATEGORY).strip() or None
    if parts and parts[0].startswith(ENTRY_STATUS_NOTE) and parts[0].removeprefix(ENTRY_STATUS_NOTE) in UNAPPROVED:
        entry_status = parts.pop(0).removeprefix(ENTRY_STATUS_NOTE)
    return status, kind, category, entry_status, "; ".join(parts) or None


def _with_comment_statuses(read: Iterable[ReadEntry]) -> Iterator[ReadEntry]:
    """A line's comment status and term type go to its term, not into the note. write_tsv puts an
    entry's lines together, the preferred pair first: a line whose comment marks it and whose target
    is that pair's target, under another source term, gives the entry that source term (资料库 deprecated
    beside 数据库 → database), instead of making it an entry of its own with that term preferred."""
    head: tuple | None = None  # (source term, target term) of the entry's first line
    for item in read:
        entry = item.entry
        status, kind, category, entry_status, note = _comment_marks(entry.note)
        entry = replace(entry, note=note, category=entry.category or category, status=entry.status or entry_status)
        if len(entry.terms) != 2 or not (status or kind):
            if len(entry.terms) == 2:
                head = entry.terms
            yield replace(item, entry=entry)
            continue
        source, target = entry.terms
        marks = {"type": kind or "fullForm", **({"status": status} if status else {})}
        if head and source.text != head[0].text and target.text == head[1].text:
            terms = (head[0], replace(source, **marks), head[1])
        else:
            terms = (source, replace(target, **marks))
            if not head or source.text != head[0].text:
                head = (source, target)
        yield replace(item, entry=replace(entry, terms=terms))
