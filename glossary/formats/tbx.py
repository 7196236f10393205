"""TBX glossaries: TBX-Basic 2008 (v2, `<martif>`) and ISO 30042:2019 TBX-Basic DCA (v3), both ways.

Writing streams text (one entry at a time); reading streams with iterparse and clears each entry,
so memory stays flat whatever the file size. The reader accepts tig and ntig/termGrp (v2), termSec
(v3), DCT-style data-category elements, with or without a DOCTYPE.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import BinaryIO, TextIO

from glossary import __version__
from glossary.errors import FormatError
from glossary.models import Entry, ReadEntry, Term

from .base import (
    ENTRY_STATUS_NOTE, TBX_POS, TBX_STATUS, UNAPPROVED, Warnings, clean_note, clean_text, default_statuses,
    entry_status, join_notes, part_of_speech, section_script, term_type, usage_status,
)
from .langs import lang_tag, parse_lang
from .xmlsafe import safe_iterparse

TBX3_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ID = re.compile(r"^c(\d+)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_ENTRY = {"termEntry", "conceptEntry"}
_ENTRY_TAGS = tuple(f"{{{ns}}}{local}" if ns else local for ns in ("", TBX3_NS) for local in sorted(_ENTRY))
_LANG = {"langSet", "langSec"}
_TERM_GROUP = {"tig", "ntig", "termSec"}
_GROUPS = {"descripGrp", "adminGrp", "termNoteGrp", "termGrp"}
_CARRIERS = {"descrip", "admin", "termNote", "note", "descripNote", "adminNote"}
_IGNORED = {"ref", "xref", "termCompList", "termComp", "termCompGrp", "termCompSec", "transacNote"}
_CORE = _ENTRY | _LANG | _TERM_GROUP | _GROUPS | _CARRIERS | _IGNORED | {
    "term", "transacGrp", "transac", "date", "hi", "foreign", "bpt", "ept", "ph", "sc", "ec",
}


# ---------------------------------------------------------------- writing
_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _esc(text: str) -> str:
    if _NEEDS_ESCAPE.search(text) is None:  # the common case: nothing to do
        return text
    text = _XML_ILLEGAL.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _esc(text).replace('"', "&quot;")


class _Names:
    """The element names of one TBX version and the fixed markup built from them (computed once per export).

    Markup that depends on a few distinct values (status and type, language, dates, part of speech) is
    built on first use and cached: the writer's inner loop mostly looks strings up.
    """

    def __init__(self, version: int) -> None:
        self.entry, self.lang, self.term = (
            ("termEntry", "langSet", "tig") if version == 2 else ("conceptEntry", "langSec", "termSec")
        )
        ind = "          "  # a term group's indentation
        self.entry_open = f'      <{self.entry} id="c'
        self.term_open = f"{ind}<{self.term}>\n{ind}  <term>"
        self.term_close = f"{ind}</{self.term}>\n"
        self.lang_close = f"        </{self.lang}>\n"
        self.entry_close = f"      </{self.entry}>\n"
        self.notes: dict[tuple[str, str], str] = {}
        self.groups: dict[tuple[str, str | None], tuple[str, str | None]] = {}
        self.lang_opens: dict[tuple[str, str | None], str] = {}
        self.dates: dict[tuple[str, str], str] = {}
        self.parts_of_speech: dict[str, str] = {}

    def term_notes(self, status: str, kind: str) -> str:
        """The end of <term> and the status and type notes."""
        ind = "            "
        text = self.notes[status, kind] = (
            f'</term>\n{ind}<termNote type="administrativeStatus">{TBX_STATUS[status]}</termNote>\n'
            f'{ind}<termNote type="termType">{kind}</termNote>\n'
        )
        return text

    def group(self, lang: str, script: str | None) -> tuple[str, str | None]:
        """The language section (lang, Hant or None) of a term with this language and script."""
        group = self.groups[lang, script] = (lang, section_script(lang, script))
        return group

    def lang_open(self, group: tuple[str, str | None]) -> str:
        text = self.lang_opens[group] = f'        <{self.lang} xml:lang="{_attr(lang_tag(*group))}">\n'
        return text

    def transactions(self, created: str | None, updated: str | None) -> str:
        """The creation and modification transacGrps (each "" without a valid date), keyed by their days."""
        key = (created or "")[:10], (updated or "")[:10]
        if (text := self.dates.get(key)) is None:
            text = self.dates[key] = _transaction("origination", key[0]) + _transaction("modification", key[1])
        return text

    def part_of_speech(self, value: str) -> str:
        """The partOfSpeech termNote ("" for a value TBX-Basic does not allow)."""
        if (text := self.parts_of_speech.get(value)) is None:
            text = f'{_TERM_IND}<termNote type="partOfSpeech">{value}</termNote>\n' if value.lower() in TBX_POS else ""
            if len(self.parts_of_speech) < 1000:  # free text from imports must not grow the cache without end
                self.parts_of_speech[value] = text
        return text


def _transaction(kind: str, day: str) -> str:
    ind = "        "
    return (
        f'{ind}<transacGrp>\n{ind}  <transac type="transactionType">{kind}</transac>\n'
        f"{ind}  <date>{day}</date>\n{ind}</transacGrp>\n"
    ) if _DATE.match(day) else ""


def write_tbx(entries: Iterable[Entry], out: TextIO, *, version: int = 2, title: str = "Glossary") -> int:
    """Write TBX-Basic (v2 martif, or v3 DCA); returns the number of entries written."""
    names = _Names(version)
    stamp = datetime.now(timezone.utc).date().isoformat()
    source = f"Exported by glossary {__version__} on {stamp}"
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    if version == 2:
        out.write('<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n')
        out.write('<martif type="TBX-Basic" xml:lang="zh-CN">\n  <martifHeader>\n')
    else:
        out.write(f'<tbx type="TBX-Basic" style="dca" xml:lang="zh-CN" xmlns="{TBX3_NS}">\n  <tbxHeader>\n')
    out.write(
        f"    <fileDesc>\n      <titleStmt>\n        <title>{_esc(title)}</title>\n      </titleStmt>\n"
        f"      <sourceDesc>\n        <p>{_esc(source)}</p>\n      </sourceDesc>\n    </fileDesc>\n"
    )
    if version == 2:
        out.write('    <encodingDesc>\n      <p type="XCSURI">TBXBasicXCSV02.xcs</p>\n    </encodingDesc>\n')
        out.write("  </martifHeader>\n")
    else:
        out.write("  </tbxHeader>\n")
    out.write("  <text>\n    <body>\n")
    count = _write_entries(entries, names, out)
    out.write("    </body>\n  </text>\n")
    out.write("</martif>\n" if version == 2 else "</tbx>\n")
    return count


def _write_entries(entries: Iterable[Entry], names: _Names, out: TextIO) -> int:
    """Write the entries' markup in blocks; returns their number.

    The innermost loop of every TBX export: one function with its lookups bound once, not one call per entry.
    """
    parts: list[str] = []
    add = parts.append
    needs_escape = _NEEDS_ESCAPE.search
    entry_open, entry_close, lang_close = names.entry_open, names.entry_close, names.lang_close
    term_open, term_close = names.term_open, names.term_close
    notes, groups_of, lang_opens, dates = names.notes, names.groups, names.lang_opens, names.dates
    parts_of_speech = names.parts_of_speech
    ind = "        "
    count = 0
    for count, entry in enumerate(entries, 1):
        add(f'{entry_open}{count if entry.id is None else entry.id}">\n')
        if entry.category:
            add(f'{ind}<descrip type="subjectField">{_esc(entry.category)}</descrip>\n')
        if entry.definition or entry.source:
            add(_definition_xml(entry))
        created, updated = entry.created, entry.updated
        add(dates.get(((created or "")[:10], (updated or "")[:10])) or names.transactions(created, updated))
        if entry.note:
            add(f"{ind}<note>{_esc(entry.note)}</note>\n")
        if entry.status in UNAPPROVED:
            add(f"{ind}<note>{ENTRY_STATUS_NOTE}{entry.status}</note>\n")
        groups: dict[tuple[str, str | None], list[Term]] = {}
        for term in entry.terms:
            key = (term.lang, term.script)
            group = groups_of.get(key) or names.group(*key)
            if group in groups:
                groups[group].append(term)
            else:
                groups[group] = [term]
        order = list(groups)
        if len(order) > 1 and (order[0] != _ZH_CN or _ZH_HANT in groups):  # else zh-CN leads and the rest tie
            order.sort(key=_language_rank)
        for group in order:
            add(lang_opens.get(group) or names.lang_open(group))
            terms = groups[group]
            if len(terms) > 1:
                terms = sorted(terms, key=_not_preferred)  # stable: file order after the preferred
            for term in terms:
                text = term.text
                if needs_escape(text) is not None:
                    text = _esc(text)
                status, kind = term.status, term.type
                head = f"{term_open}{text}{notes.get((status, kind)) or names.term_notes(status, kind)}"
                pos, context, source, note = term.part_of_speech, term.context, term.source, term.note
                if not (pos or context or source or note):
                    add(f"{head}{term_close}")
                    continue
                add(head)
                if pos:
                    add(parts_of_speech.get(pos) or names.part_of_speech(pos))
                if context:
                    add(f'{_TERM_IND}<descrip type="context">{_esc(context)}</descrip>\n')
                if source:
                    add(f'{_TERM_IND}<admin type="source">{_esc(source)}</admin>\n')
                if note:
                    add(f"{_TERM_IND}<note>{_esc(note)}</note>\n")
                add(term_close)
            add(lang_close)
        add(entry_close)
        if len(parts) > 5000:  # write in blocks: one write per entry costs more than the markup
            out.write("".join(parts))
            parts.clear()
    out.write("".join(parts))
    return count


def _definition_xml(entry: Entry) -> str:
    """The entry's definition and source (grouped when it has both)."""
    ind = "        "
    if entry.definition and entry.source:
        return (
            f'{ind}<descripGrp>\n{ind}  <descrip type="definition">{_esc(entry.definition)}</descrip>\n'
            f'{ind}  <admin type="source">{_esc(entry.source)}</admin>\n{ind}</descripGrp>\n'
        )
    if entry.definition:
        return f'{ind}<descrip type="definition">{_esc(entry.definition)}</descrip>\n'
    return f'{ind}<admin type="source">{_esc(entry.source)}</admin>\n'


def _not_preferred(term: Term) -> bool:
    return term.status != "preferred"


_ZH_CN, _ZH_HANT = ("zh", None), ("zh", "Hant")
_TERM_IND = "            "  # a term group's children


def _language_rank(group: tuple[str, str | None]) -> int:
    """zh-CN first (translate-toolkit's source), zh-Hant last (never taken as the target), others in entry order."""
    lang, script = group
    return 0 if lang == "zh" and script is None else 2 if lang == "zh" else 1


# ---------------------------------------------------------------- reading
@lru_cache(maxsize=512)
def _split(tag: str) -> tuple[str, str]:
    if tag[0] == "{":
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def read_tbx(fh: BinaryIO, name: str, warnings: Warnings | None = None) -> Iterator[ReadEntry]:
    """Entries of a TBX v2 or v3 file, one at a time; FormatError for files that are not usable TBX."""
    warnings = warnings if warnings is not None else Warnings()
    root_checked = False
    for event, el in safe_iterparse(fh, name, tag=_ENTRY_TAGS):
        if event == "root":
            if el is None:
                raise FormatError(f"{name}: no XML elements found")
            if not root_checked:
                _check_root(el, name)
            return
        if not root_checked:
            _check_root(el.getroottree().getroot(), name)
            root_checked = True
        yield _EntryReader(name, warnings).read(el)
        el.clear(keep_tail=False)
        parent = el.getparent()
        if parent is not None:
            while el.getprevious() is not None:
                del parent[0]


def _check_root(root, name: str) -> None:
    _ns, local = _split(root.tag)
    if local not in ("martif", "tbx"):
        raise FormatError(
            f"{name}: line {root.sourceline}: root element <{local}> is not TBX (expected <martif> or <tbx>)"
        )


@lru_cache(maxsize=512)
def _tag_kind(tag: str) -> tuple[str, str | None, bool]:
    """(local name, data-category type fixed by the name, known) of an element tag: a DCT-style
    element (another namespace) is a descrip whose type is its name; a TBX one must be core."""
    ns, local = _split(tag)
    if ns in ("", TBX3_NS):
        return local, "note" if local == "note" else None, local in _CORE
    return "descrip", local, True


def _text(el) -> str:
    """All the text inside an element (its tail excluded)."""
    return (el.text or "") if not len(el) else "".join(el.itertext())


class _EntryReader:
    """Collects one termEntry/conceptEntry into an Entry; structural errors raise FormatError."""

    def __init__(self, name: str, warnings: Warnings) -> None:
        self.name = name
        self.warnings = warnings
        self.categories: list[str] = []
        self.definitions: list[str] = []
        self.notes: list[str] = []
        self.sources: list[str] = []
        self.created: str | None = None
        self.updated: str | None = None
        self.terms: list[tuple] = []  # Term arguments; statuses are defaulted once the entry is read
        self.status = ""

    def fail(self, el, message: str) -> FormatError:
        return FormatError(f"{self.name}: line {el.sourceline}: {message}")

    def read(self, el) -> ReadEntry:
        where = f"line {el.sourceline}"
        for child, local, dtype in self.children(el):
            if local in _LANG:
                self.language(child)
            elif local == "transacGrp":
                self.transaction(child)
            elif local in _TERM_GROUP or local == "term":
                raise self.fail(child, f"<{local}> directly inside <{_split(el.tag)[1]}>; terms belong in a language section")
            else:
                self.datcat(child, dtype)
        match = _ID.match(el.get("id") or "")
        statuses = default_statuses([(args[0], args[2]) for args in self.terms])
        entry = Entry(
            terms=tuple(Term(lang, text, status, *rest) for (lang, text, _s, *rest), status in zip(self.terms, statuses)),
            status=self.status,  # "" when the file does not say: the importer decides
            category="; ".join(dict.fromkeys(self.categories)) or None,
            note=join_notes(*self.notes) if self.notes else None,
            source=join_notes(*self.sources) if self.sources else None,
            definition=join_notes(*self.definitions) if self.definitions else None,
            created=self.created, updated=self.updated, id=int(match.group(1)) if match else None,
        )
        return ReadEntry(entry, where)

    def children(self, el) -> Iterator[tuple]:
        """(element, local name, data-category type) of the element children, unknown TBX elements refused."""
        for child in el:
            tag = child.tag
            if tag.__class__ is not str:  # an unexpanded entity reference
                continue
            local, dtype, known = _tag_kind(tag)
            if not known:
                raise self.fail(child, f"unknown element <{local}> in <{_split(el.tag)[1]}> (not TBX)")
            yield child, local, dtype or child.get("type")

    def language(self, el) -> None:
        parsed = parse_lang(el.get(XML_LANG))
        if parsed is None:
            self.warnings.add(f"language section with an unusable xml:lang {el.get(XML_LANG)!r} skipped",
                              f"line {el.sourceline}")
            return
        lang, script = parsed
        for child, local, dtype in self.children(el):
            if local in _TERM_GROUP:
                self.term_group(child, lang, script)
            elif local == "term":
                raise self.fail(child, f"<term> directly inside <{_split(el.tag)[1]}>; it must be inside a <tig> or <termSec>")
            elif local == "transacGrp":
                self.dropped_transaction(child, "language section")
            else:
                self.datcat(child, dtype)

    def term_group(self, el, lang: str, script: str | None) -> None:
        fields: dict[str, str] = {}
        texts: list[str] = []
        self.term_fields(el, fields, texts)
        if len(texts) > 1:
            raise self.fail(el, f"<{_split(el.tag)[1]}> holds {len(texts)} <term> elements; one term per group")
        text = clean_text(texts[0]) if texts else ""
        if not text:
            self.warnings.add("term group without a term skipped", f"line {el.sourceline}")
            return
        get = fields.get
        self.terms.append((lang, text, get("status", ""), term_type(get("termType")), script, get("source"),
                           part_of_speech(get("partOfSpeech")), get("context"), get("note")))

    def term_fields(self, el, fields: dict[str, str], texts: list[str]) -> None:
        for child, local, dtype in self.children(el):
            if local == "term":
                texts.append(_text(child))
            elif local in _GROUPS:
                self.term_fields(child, fields, texts)
            elif local == "transacGrp":
                self.dropped_transaction(child, "term")
            elif local in _IGNORED:
                self.warnings.add(f"<{local}> not kept", f"line {child.sourceline}")
            else:
                value = clean_note(_text(child))
                if not value:
                    continue
                if dtype in ("administrativeStatus", "usageStatus", "normativeAuthorization"):
                    status = usage_status(value)
                    if status:
                        fields["status"] = status
                    else:
                        self.warnings.add(f"unknown {dtype} value {value!r} ignored", f"line {child.sourceline}")
                elif dtype in ("termType", "partOfSpeech", "context", "source"):
                    fields[dtype] = join_notes(fields.get(dtype), value) if dtype in ("context", "source") else value
                elif dtype == "note":
                    fields["note"] = join_notes(fields.get("note"), value)
                elif dtype == "definition":
                    self.definitions.append(value)
                else:  # a data category the termbase has no field for stays readable in the note
                    fields["note"] = join_notes(fields.get("note"), f"{dtype or local}: {value}")

    def datcat(self, el, dtype: str | None) -> None:
        """A descriptive element at entry or language level."""
        _ns, local = _split(el.tag)
        if local in _GROUPS:
            for child, _local, child_type in self.children(el):
                self.datcat(child, child_type)
            return
        if local in _IGNORED:
            self.warnings.add(f"<{local}> not kept", f"line {el.sourceline}")
            return
        value = clean_note(_text(el))
        if not value:
            return
        if dtype == "subjectField":
            self.categories.append(value)
        elif dtype == "definition":
            self.definitions.append(value)
        elif dtype == "note" and value.startswith(ENTRY_STATUS_NOTE) and entry_status(value[len(ENTRY_STATUS_NOTE):]):
            self.status = entry_status(value[len(ENTRY_STATUS_NOTE):])
        elif dtype == "note":
            self.notes.append(value)
        elif dtype == "source":
            self.sources.append(value)
        else:
            self.notes.append(f"{dtype or local}: {value}")

    def dropped_transaction(self, el, level: str) -> None:
        """A transaction below the entry: the termbase dates entries only, so it is reported, not kept."""
        self.warnings.add(f"<transacGrp> of a {level} not kept (the termbase dates whole entries)",
                          f"line {el.sourceline}")

    def transaction(self, el) -> None:
        kind = date = None
        for child, local, dtype in self.children(el):
            if dtype == "transactionType":  # <transac type="transactionType"> or DCT <basic:transactionType>
                kind = clean_text(child.text)
            elif local == "date":
                date = clean_text(child.text)
            elif clean_text(_text(child)):  # who made it (transacNote type="responsibility"): no field holds it
                self.warnings.add(f"{dtype or local} of a transaction not kept", f"line {child.sourceline}")
        if not date:
            return
        if kind in ("origination", "creation") and not self.created:
            self.created = date
        elif kind == "modification":
            self.updated = max(self.updated or "", date)
