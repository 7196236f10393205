"""Read drafts into DraftSegments: bilingual TSV, XLIFF 1.2 / 2.x (incl. .sdlxliff, .mqxliff), TMX.

XML is parsed incrementally with lxml, by local name, entities never expanded and DTDs never
fetched; inline codes become break offsets (a boundary for matching) where they stand between words,
never inside one (`data<x/>base` is the word "database").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from glossary.errors import FormatError, InputError
from glossary.formats.langs import parse_lang
from glossary.keys import CJK_RE
from glossary.models import DraftSegment

Progress = Callable[[int], None]  # called with the number of bytes read so far

XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")
TMX_SUFFIXES = (".tmx",)
TSV_SUFFIXES = (".tsv", ".tab")
# Inline elements whose content is native code (not text), and those that are empty markers.
_CODE_CONTENT = frozenset({"bpt", "ept", "ph", "it", "ut", "sub"})
_MARKERS = frozenset({"x", "bx", "ex", "sc", "ec", "cp"})
# Standalone codes that stand for content (an image, a variable, a line break), not formatting.
_PLACEHOLDERS = frozenset({"x", "ph", "cp", "ut"})
# Annotations (comments, term marks, tracked insertions): their text is the segment's, no boundary.
_ANNOTATIONS = frozenset({"mrk", "sm", "em"})
_DELETED = frozenset({"x-sdl-deleted"})  # mrk types whose content a tracked change has removed
_HEADER_CELL = re.compile(r"^(?:source|target|src|tgt|chinese|english|[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$",
                          re.IGNORECASE)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def shown(path: str | Path) -> str:
    """A draft's path as the user gave it, printable: errors and reports name it so, which tells
    apart two files of one name in different folders."""
    from glossary.keys import printable_path

    return printable_path(str(path))


def draft_format(path: Path) -> str:
    """`tsv`, `xliff` or `tmx`, from the suffix, else from the first bytes of the file."""
    if path.is_dir():
        raise InputError(f"{shown(path)}: is a folder, not a draft file")
    suffix = path.suffix.lower()
    if suffix in XLIFF_SUFFIXES:
        return "xliff"
    if suffix in TMX_SUFFIXES:
        return "tmx"
    if suffix in TSV_SUFFIXES:
        return "tsv"
    with _open_binary(path) as fh:
        head = fh.read(4096)
    text = head.decode("utf-8", "ignore").lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        lowered = text.lower()
        if "<xliff" in lowered:
            return "xliff"
        if "<tmx" in lowered:
            return "tmx"
        glossary = "<martif" in lowered or "<tbx" in lowered  # the termbase's own exchange format
        hint = " (a TBX glossary: bring it in with `glossary import`)" if glossary else ""
        raise FormatError(f"{shown(path)}: an XML file that is neither XLIFF nor TMX{hint}")
    if b"\t" in head:
        return "tsv"
    raise InputError(f"{shown(path)}: unknown draft format (use .tsv, .xlf/.xliff/.sdlxliff/.mqxliff or .tmx, "
                     "or --source/--draft for plain text)")


def read_draft(path: str | Path, on_progress: Progress | None = None) -> Iterator[DraftSegment]:
    """The segments of a bilingual draft file, streamed in file order."""
    path = Path(path)
    readers = {"tsv": read_tsv, "xliff": read_xliff, "tmx": read_tmx}
    reader = readers[draft_format(path)]
    with _open_binary(path) as fh:
        if not fh.read(1):
            raise InputError(f"{shown(path)}: empty file")
    return reader(path, on_progress)


def drafts_under(folder: Path) -> list[Path]:
    """The bilingual drafts (by suffix) in a folder and its subfolders, sorted."""
    suffixes = XLIFF_SUFFIXES + TMX_SUFFIXES + TSV_SUFFIXES
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)


# ---------------------------------------------------------------- TSV
def read_tsv(path: str | Path, on_progress: Progress | None = None) -> Iterator[DraftSegment]:
    """Bilingual TSV: source TAB target per line (more columns are ignored; a header line is skipped, and
    when it names the source and target columns, e.g. `id source target` or `zh-CN en-US`, those are read)."""
    path = Path(path)
    first = True
    source_at, target_at = 0, 1
    for number, line in _text_lines(path, on_progress):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        if "\t" not in line:
            raise FormatError(f"{shown(path)}: line {number}: no tab between source and target")
        cells = line.split("\t")
        if first:
            first = False
            header = [cell.strip().lower() for cell in cells]
            if all(_HEADER_CELL.match(cell) for cell in header[:2]):
                source_at, target_at = _tsv_columns(header)
                continue
        source = cells[source_at] if source_at < len(cells) else ""
        target = cells[target_at] if target_at < len(cells) else ""
        yield DraftSegment(str(number), source.strip(), target.strip(), line=number)


def _tsv_columns(header: list[str]) -> tuple[int, int]:
    """The source and target columns a header names (source/src/Chinese or zh*, target/tgt/English or en*),
    else the first two."""
    source = next((i for i, cell in enumerate(header) if cell in ("source", "src", "chinese") or cell.startswith("zh")),
                  None)
    target = next((i for i, cell in enumerate(header) if cell in ("target", "tgt", "english") or cell.startswith("en")),
                  None)
    if source is None or target is None or source == target:
        return 0, 1
    return source, target


def _text_lines(path: Path, on_progress: Progress | None) -> Iterator[tuple[int, str]]:
    """Numbered lines of a text file, decoded the way ingestion decodes (UTF-8/16/32 by BOM,
    UTF-8, GB18030 or Big5 by trial), streamed."""
    from glossary.ingest.decode import SAMPLE_SIZE, StreamStats, detect_encoding, iter_lines, iter_text

    with _open_binary(path) as fh:
        sample = fh.read(SAMPLE_SIZE + 1)
    if not sample:
        return
    encoding = detect_encoding(path, sample[:SAMPLE_SIZE], truncated=len(sample) > SAMPLE_SIZE)
    text_sample = sample[:SAMPLE_SIZE].decode(encoding.codec, "ignore")
    bytes_per_char = len(sample[:SAMPLE_SIZE]) / max(len(text_sample), 1)
    chars = 0
    for number, line in enumerate(iter_lines(iter_text(path, encoding, StreamStats())), 1):
        chars += len(line) + 1
        if on_progress and number % 4096 == 0:
            on_progress(int(chars * bytes_per_char))
        yield number, line.lstrip("\ufeff") if number == 1 else line


def _open_binary(path: Path):
    from glossary.ingest.decode import open_binary

    return open_binary(path)


# ---------------------------------------------------------------- XML
class _CountingReader:
    """A binary file that reports how many bytes lxml has read from it."""

    def __init__(self, raw, on_progress: Progress | None) -> None:
        self.raw, self.on_progress, self.done = raw, on_progress, 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.done += len(data)
        if self.on_progress:
            self.on_progress(self.done)
        return data


def _local(el) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _iter_xml(path: Path, tags: tuple[str, ...], on_progress: Progress | None):
    """(event, element) for the named elements (any namespace), parsed by the project's one
    safe XML reader (entities refused, no DTD, no network); errors name line and column."""
    from glossary.formats.xmlsafe import safe_iterparse

    raw = _open_binary(path)
    with raw:
        for event, el in safe_iterparse(_CountingReader(raw, on_progress), shown(path), events=("start", "end"),
                                        tag=[f"{{*}}{t}" for t in tags] + list(tags)):
            if event != "root":
                yield event, el


def _release(el) -> None:
    """Free a processed element and the siblings before it (constant memory on big files)."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def inline_text(el) -> tuple[str, tuple[int, ...]]:
    """The text of a segment element; inline codes become break offsets, their native code dropped;
    annotations (mrk, sm/em) are transparent, text a tracked change deleted is dropped. A code inside
    a word is no break (see _splits): `<target>The <g>data</g>base</target>` is ("The database", (4,))."""
    parts: list[str] = []
    codes: list[tuple[int, bool]] = []  # (offset, a placeholder)
    length = 0

    def walk(node) -> None:
        nonlocal length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            name = _local(child)
            if name in _ANNOTATIONS:
                if child.get("mtype") not in _DELETED:
                    walk(child)
            elif name:
                codes.append((length, name in _PLACEHOLDERS))
                if name not in _CODE_CONTENT and name not in _MARKERS:
                    walk(child)
                    codes.append((length, False))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    walk(el)
    text = "".join(parts)
    return text, tuple(sorted({at for at, placeholder in codes if _splits(text, at, placeholder)}))


def _splits(text: str, at: int, placeholder: bool) -> bool:
    """True when a code at `at` stands between words: next to a space or punctuation. Between two letters
    or digits it is inside a word (formatting on part of it, a tool's marker: `data<x/>base`), except a
    placeholder next to a Chinese character: Chinese puts no space around what it stands for
    (`点击<x/>重试`, "click [the button] to retry")."""
    if not 0 < at < len(text):
        return True
    left, right = text[at - 1], text[at]
    if not (left.isalnum() and right.isalnum()):
        return True
    return placeholder and bool(CJK_RE.match(left) or CJK_RE.match(right))


def _segment(seg_id: str, source_el, target_el, line: int) -> DraftSegment:
    source, source_breaks = inline_text(source_el) if source_el is not None else ("", ())
    target, target_breaks = inline_text(target_el) if target_el is not None else ("", ())
    lead_s, lead_t = len(source) - len(source.lstrip()), len(target) - len(target.lstrip())
    return DraftSegment(
        seg_id, source.strip(), target.strip(), line,
        tuple(b - lead_s for b in source_breaks if 0 < b - lead_s < len(source.strip())),
        tuple(b - lead_t for b in target_breaks if 0 < b - lead_t < len(target.strip())),
    )


def _child(el, name: str):
    for child in el:
        if _local(child) == name:
            return child
    return None


def _is_lang(lang: str, primary: str) -> bool:
    """The tag names that language in any region or spelling: en, en-US, EN-GB, en_gb, eng for "en"."""
    parsed = parse_lang(lang)
    return parsed is not None and parsed[0] == primary


class _TargetLanguages:
    """The languages a TMX or XLIFF draft declares, for its one rule on them: the targets are English. A
    target declared in another language is no English target, checked as empty (a unit of a multilingual
    memory not yet in English); a file with no English target at all is refused at its end, naming its
    languages (`draft.tmx: no English target (languages: zh-CN, fr-FR)`). Undeclared targets count as English."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.declared: dict[str, None] = {}  # in the order the file names them
        self.english = self.other = False

    def seen(self, *langs: str | None) -> None:
        self.declared.update(dict.fromkeys(lang for lang in langs if lang))

    def is_english(self, target: str | None) -> bool:
        english = not target or _is_lang(target, "en")
        self.english, self.other = self.english or english, self.other or not english
        return english

    def check(self) -> None:
        if self.other and not self.english:
            raise InputError(f"{shown(self.path)}: no English target (languages: {', '.join(self.declared)})")


# ---------------------------------------------------------------- XLIFF
def read_xliff(path: str | Path, on_progress: Progress | None = None) -> Iterator[DraftSegment]:
    """XLIFF 1.2 trans-units (seg-source/mrk segments when present) or XLIFF 2.x unit/segment pairs.
    Units marked translate="no", or inside a <file>/<group> so marked (unless they say "yes"), are skipped;
    the target language (1.2 <file target-language>, 2.x <xliff trgLang>) must be English (_TargetLanguages)."""
    path = Path(path)
    version = None
    translate = [True]  # the inherited translate flag of each open <file>/<group>
    target_lang = [""]  # the target language of each open <file>/<group>
    languages = _TargetLanguages(path)
    for event, el in _iter_xml(path, ("xliff", "file", "group", "trans-unit", "unit"), on_progress):
        name = _local(el)
        if name == "xliff":
            if event == "start":
                version = 2 if str(el.get("version", "1.2")).startswith("2") else 1
                target_lang[0] = el.get("trgLang") or ""
                languages.seen(el.get("srcLang"), el.get("trgLang"))
            continue
        if name in ("file", "group"):
            if event == "start":
                translate.append(_translatable(el, translate[-1]))
                target_lang.append(el.get("target-language") or target_lang[-1])
                languages.seen(el.get("source-language"), el.get("target-language"))
            else:
                translate.pop()
                target_lang.pop()
                _release(el)
            continue
        if event == "start":
            continue
        if version is None:
            raise FormatError(f"{shown(path)}: line {el.sourceline}: <{name}> outside an <xliff> element")
        if _translatable(el, translate[-1]) and name == ("trans-unit" if version == 1 else "unit"):
            segments = _xliff1_unit(el) if version == 1 else _xliff2_unit(el)
            if not languages.is_english(target_lang[-1]):
                segments = (replace(segment, target="", target_breaks=()) for segment in segments)
            yield from segments
        _release(el)
    if version is None:
        raise FormatError(f"{shown(path)}: not an XLIFF file (no <xliff> root element)")
    languages.check()


def _translatable(el, inherited: bool) -> bool:
    """The element's own translate="yes"/"no", else what its <file>/<group> says."""
    value = (el.get("translate") or "").strip().lower()
    return inherited if value not in ("yes", "no") else value == "yes"


def _seg_marks(el) -> dict[str, object]:
    if el is None:
        return {}
    return {m.get("mid", str(i)): m for i, m in enumerate(
        n for n in el.iter() if _local(n) == "mrk" and n.get("mtype") == "seg")}


def _xliff1_unit(unit) -> Iterator[DraftSegment]:
    unit_id = unit.get("id") or str(unit.sourceline)
    source, target = _child(unit, "source"), _child(unit, "target")
    source_marks = _seg_marks(_child(unit, "seg-source"))
    if not source_marks:
        yield _segment(unit_id, source, target, unit.sourceline or 0)
        return
    target_marks = _seg_marks(target)
    if target is not None and not target_marks and "".join(target.itertext()).strip():
        yield _segment(unit_id, source, target, unit.sourceline or 0)  # the target left unsegmented: the unit whole
        return
    for mid, mark in source_marks.items():
        seg_id = unit_id if len(source_marks) == 1 else f"{unit_id}/{mid}"
        yield _segment(seg_id, mark, target_marks.get(mid), mark.sourceline or unit.sourceline or 0)


def _xliff2_unit(unit) -> Iterator[DraftSegment]:
    unit_id = unit.get("id") or str(unit.sourceline)
    segments = [s for s in unit if _local(s) == "segment"]
    for i, seg in enumerate(segments, 1):
        seg_id = unit_id if len(segments) == 1 else f"{unit_id}/{seg.get('id') or i}"
        yield _segment(seg_id, _child(seg, "source"), _child(seg, "target"), seg.sourceline or 0)


# ---------------------------------------------------------------- TMX
def read_tmx(path: str | Path, on_progress: Progress | None = None) -> Iterator[DraftSegment]:
    """TMX 1.4b: per <tu>, the Chinese variant (else the header's srclang) against the English one."""
    path = Path(path)
    srclang = ""
    seen_root = False
    count = 0
    languages = _TargetLanguages(path)
    for event, el in _iter_xml(path, ("tmx", "header", "tu"), on_progress):
        name = _local(el)
        if name == "tmx":
            seen_root = True
            continue
        if event == "start":
            continue
        if name == "header":
            srclang = (el.get("srclang") or "").lower()
            continue
        count += 1
        tuvs = [t for t in el if _local(t) == "tuv"]
        variants = [t.get(_XML_LANG) or t.get("lang") or "" for t in tuvs]
        languages.seen(*variants)
        source_i = _pick(variants, lambda lang: _is_lang(lang, "zh"))  # a TMX has no direction: Chinese is the source
        if source_i is None and srclang not in ("", "*all*"):
            source_i = _pick(variants, lambda lang: lang.lower() == srclang)
        target_i = _pick(variants, lambda lang: _is_lang(lang, "en"), skip=source_i)
        if target_i is None:
            target_i = _pick(variants, lambda lang: True, skip=source_i)
        if target_i is not None and not languages.is_english(variants[target_i]):
            target_i = None
        source = _child(tuvs[source_i], "seg") if source_i is not None else None
        target = _child(tuvs[target_i], "seg") if target_i is not None else None
        yield _segment(el.get("tuid") or str(count), source, target, el.sourceline or 0)
        _release(el)
    if not seen_root:
        raise FormatError(f"{shown(path)}: not a TMX file (no <tmx> root element)")
    languages.check()


def _pick(langs: list[str], test, skip: int | None = None) -> int | None:
    return next((i for i, lang in enumerate(langs) if i != skip and test(lang)), None)
