"""Language of a paragraph (zh / en) by its share of Han characters; mixed lines split."""

from __future__ import annotations

import re

from glossary.keys import CJK_RANGES

_HAN = re.compile(f"[{CJK_RANGES}]")
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-]*")
_CHUNK = re.compile(r"\S+\s*")
_OPENING = "(（《「『〈[【“"
_CLOSING = ")）》」』〉]】”"
_ANY_OPENING = re.compile(f"[{re.escape(_OPENING)}]")
_INNERMOST_SPAN = re.compile(f"[{re.escape(_OPENING)}][^{re.escape(_OPENING + _CLOSING)}]*[{re.escape(_CLOSING)}]")
LATIN_PER_HAN = 3  # a Han character carries about as much as three Latin letters
MIN_HAN = 4  # a zh part worth its own paragraph
MIN_WORDS = 3  # an en part worth its own paragraph


def lang_counts(text: str) -> tuple[int, int]:
    """(Han characters, Latin letters) in `text`."""
    return len(_HAN.findall(text)), len(_LATIN.findall(text))


def outside_brackets(text: str) -> str:
    """The text with bracketed and quoted spans left out (a gloss does not set the language)."""
    previous = None
    while previous != text and _ANY_OPENING.search(text):
        previous, text = text, _INNERMOST_SPAN.sub("", text)
    return text


def paragraph_lang(text: str) -> str | None:
    """"zh" or "en" by weighted majority outside brackets; None when the text has neither."""
    han, latin = lang_counts(outside_brackets(text))
    if not han and not latin:
        han, latin = lang_counts(text)
        if not han and not latin:
            return None
    return "zh" if han * LATIN_PER_HAN >= latin else "en"


def _substantial(lang: str, text: str) -> bool:
    if lang == "zh":
        return len(_HAN.findall(text)) >= MIN_HAN
    words = _LATIN_WORD.findall(text)
    return len(words) >= MIN_WORDS and sum(len(w) for w in words) >= 12


def split_by_language(text: str) -> list[tuple[str, str]]:
    """[(lang, part)]: a line holding a Chinese and an English part becomes two paragraphs.

    Splits only between space-separated chunks outside brackets and quotes, and only when
    each part is substantial;
    anything else (an English name inside Chinese, a gloss in brackets) is tagged by majority.
    """
    han, latin = lang_counts(text)
    if not han or not latin:
        return [("zh" if han else "en", text)] if han or latin else []
    overall = paragraph_lang(text)
    if " " not in text:
        return [(overall, text)]
    groups: list[list[str]] = []  # [lang, text]
    depth = 0
    for match in _CHUNK.finditer(text):
        chunk = match.group()
        lang = paragraph_lang(chunk)
        inside = depth > 0 or chunk[0] in _OPENING  # a gloss belongs to what it glosses
        depth = max(0, depth + sum(chunk.count(c) for c in _OPENING) - sum(chunk.count(c) for c in _CLOSING))
        if groups and (inside or lang is None or lang == groups[-1][0]):
            groups[-1][1] += chunk
        else:
            groups.append([lang or overall, chunk])
    merged: list[list[str]] = []
    for lang, part in groups:
        if merged and (lang == merged[-1][0] or not _substantial(lang, part)):
            merged[-1][1] += part
        elif merged and not _substantial(merged[-1][0], merged[-1][1]):
            merged[-1] = [lang, merged[-1][1] + part]
        else:
            merged.append([lang, part])
    if len(merged) > 1 and not _substantial(merged[-1][0], merged[-1][1]):
        merged[-2][1] += merged.pop()[1]
    if len(merged) == 1:
        return [(overall, text)]
    return [(paragraph_lang(part) or lang, part.strip()) for lang, part in merged]
