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
        try:
            entry = entry_from_dict(data) if "terms" in data else _from_summary(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise FormatError(f"{name}: line {number}: not a glossary entry ({exc.__class__.__name__}: {exc})") from None
        if "status" not in data:
            entry = _unspecified_status(entry)
        yield ReadEntry(entry, f"line {number}")


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
