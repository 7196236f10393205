"""JSON Lines: the lossless full model, one entry per line, plus the summary keys scripts read.

Each line holds every field of the entry and its terms (`terms`, `definition`, `created`...) and
also `id, zh, en, zh_variants, en_variants, status, category, score, sources` (zh/en preferred).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO, TextIO

from glossary.errors import FormatError
from glossary.models import Entry, ReadEntry, Term, entry_from_dict, entry_to_dict

from .base import Warnings, with_default_statuses
from .text import decoded_lines


def entry_summary(entry: Entry) -> dict:
    """The summary keys: preferred zh/en and the other renderings of each."""
    out: dict = {"id": entry.id}
    for lang in ("zh", "en"):
        preferred = entry.preferred(lang)
        out[lang] = preferred.text if preferred else None
    for lang in ("zh", "en"):
        preferred = entry.preferred(lang)
        out[f"{lang}_variants"] = [t.text for t in entry.terms_in(lang) if t is not preferred]
    out.update(status=entry.status, category=entry.category, score=entry.score, sources=list(entry.sources))
    return out


def entry_json(entry: Entry) -> str:
    return json.dumps({**entry_summary(entry), **entry_to_dict(entry)}, ensure_ascii=False)


def write_jsonl(entries: Iterable[Entry], out: TextIO) -> int:
    count = 0
    for entry in entries:
        out.write(entry_json(entry))
        out.write("\n")
        count += 1
    return count


def read_jsonl(fh: BinaryIO, name: str, warnings: Warnings) -> Iterator[ReadEntry]:
    for number, line in enumerate(decoded_lines(fh, name), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FormatError(f"{name}: line {number}, column {exc.colno}: not JSON ({exc.msg})") from None
        if not isinstance(data, dict):
            raise FormatError(f"{name}: line {number}: expected a JSON object per line")
        problem = _shape_problem(data)
        if problem:
            raise FormatError(f"{name}: line {number}: not a glossary entry ({problem})")
        try:
            entry = entry_from_dict(data) if "terms" in data else _from_summary(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise FormatError(f"{name}: line {number}: not a glossary entry ({exc.__class__.__name__}: {exc})") from None
        if "status" not in data:
            entry = _unspecified_status(entry)
        yield ReadEntry(entry, f"line {number}")


_TEXT_KEYS = ("zh", "en", "status", "category", "note", "source", "definition", "created", "updated")
_TERM_TEXT_KEYS = ("status", "type", "script", "source", "part_of_speech", "context", "note")
_LIST_KEYS = ("zh_variants", "en_variants", "sources")


def _shape_problem(data: dict) -> str | None:
    """What in a line's JSON has the wrong type, or None. A wrong type was stored as it came or crashed:
    `"sources": "abc"` gave the entry three sources a, b and c, `"exact": "no"` made a term exact,
    `"note": 5` and a term's `"text": 5` ended in a traceback."""
    problem = _wrong_types(data, _TEXT_KEYS, _LIST_KEYS)
    if problem or "terms" not in data:
        return problem
    terms = data["terms"]
    if not isinstance(terms, list) or not all(isinstance(t, dict) for t in terms):
        return '"terms" is not a list of objects'
    for n, term in enumerate(terms, 1):
        for key in ("lang", "text"):
            if not isinstance(term.get(key), str):
                return f'term {n}: "{key}" is missing or not text'
        problem = _wrong_types(term, _TERM_TEXT_KEYS, ())
        if problem:
            return f"term {n}: {problem}"
        if not isinstance(term.get("exact", False), bool):
            return f'term {n}: "exact" is not true or false'
    return None


def _wrong_types(data: dict, text_keys: tuple[str, ...], list_keys: tuple[str, ...]) -> str | None:
    for key in text_keys:
        if data.get(key) is not None and not isinstance(data[key], str):
            return f'"{key}" is not text'
    for key in list_keys:
        value = data.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return f'"{key}" is not a list of texts'
    return None


def _from_summary(data: dict) -> Entry:
    """An entry from the summary keys only (zh, en, *_variants): variants become admitted terms."""
    terms = []
    for lang in ("zh", "en"):
        if data.get(lang):
            terms.append(Term(lang, str(data[lang]), status=""))
        terms.extend(Term(lang, str(v), status="admitted") for v in data.get(f"{lang}_variants") or () if v)
    return Entry(
        terms=with_default_statuses(terms), status=data.get("status") or "", category=data.get("category"),
        score=float(data.get("score") or 0.0), sources=tuple(data.get("sources") or ()), id=data.get("id"),
    )


def _unspecified_status(entry: Entry) -> Entry:
    from dataclasses import replace

    return replace(entry, status="")
