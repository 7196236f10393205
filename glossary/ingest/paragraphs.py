"""Cleaned lines to tagged paragraphs: hard wraps joined, mixed lines split, Simplified text added."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from glossary.keys import to_simplified
from glossary.models import Paragraph

from .formats import BREAK, Line
from .language import split_by_language

WRAP_SHARE = 0.7  # a line at least this share of the wrap width was cut by the editor
MAX_WRAP_WIDTH = 120  # display columns; longer lines are paragraphs, not wrapped text
_CLOSING = tuple("。！？!?；;….:：”」』\"')）")
_FULLWIDTH_PUNCT = re.compile("([\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u3000-\u303f]+)")
_ENCLOSED = re.compile("([\u2460-\u24ff\u3200-\u32ff]+)")


def display_width(text: str) -> int:
    """Columns on a terminal: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The column an editor hard-wrapped this text at, or None when lines are paragraphs.

    Wrapped text shows as lines inside blocks (followed by another line, not a break) that
    mostly run to nearly the same width and do not end a sentence.
    """
    inner = [
        display_width(line.text)
        for line, following in zip(lines, lines[1:])
        if line.text != BREAK and following.text != BREAK
    ]
    if len(inner) < 3:
        return None
    width = sorted(inner)[int(len(inner) * 0.9)]
    if width > MAX_WRAP_WIDTH:
        return None
    near = sum(1 for w in inner if w >= WRAP_SHARE * width)
    return width if near * 2 >= len(inner) else None


def join_lines(lines: Sequence[Line], *, join_blocks: bool = False) -> Iterator[tuple[int, str]]:
    """(first line number, text) per paragraph.

    Blocks are separated by BREAK lines. `join_blocks` (Markdown) joins every block into one
    paragraph; otherwise lines are joined only where the text was hard-wrapped.
    """
    width = None if join_blocks else wrap_width(lines)
    number, parts, previous = 0, [], ""
    for line in lines:
        if line.text == BREAK:
            if parts:
                yield number, "".join(parts)
            parts, previous = [], ""
            continue
        if parts and (join_blocks or (width and display_width(previous) >= WRAP_SHARE * width)):
            parts.append(line.text if _ends_han(previous) and _starts_han(line.text) else " " + line.text)
        else:
            if parts:
                yield number, "".join(parts)
            number, parts = line.number, [line.text]
        previous = line.text
    if parts:
        yield number, "".join(parts)


def _ends_han(text: str) -> bool:
    return unicodedata.east_asian_width(text[-1]) in "WF"


def _starts_han(text: str) -> bool:
    return unicodedata.east_asian_width(text[0]) in "WF"


def safe_nfkc(text: str, lang: str) -> str:
    """NFKC, except what it would damage: circled numbers, and Chinese full-width punctuation."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    keep = _FULLWIDTH_PUNCT if lang == "zh" else _ENCLOSED
    parts = keep.split(text)
    return "".join(part if i % 2 else unicodedata.normalize("NFKC", part) for i, part in enumerate(parts))


def build_paragraphs(lines: Sequence[Line], *, join_blocks: bool = False) -> tuple[list[Paragraph], str]:
    """Tagged, normalized, Simplified paragraphs and the script of the Chinese (Hans/Hant/mixed)."""
    paragraphs: list[Paragraph] = []
    traditional = simplified = 0
    for number, text in join_lines(lines, join_blocks=join_blocks):
        for lang, part in split_by_language(text):
            original = safe_nfkc(part, lang)
            text_out = original
            if lang == "zh":
                converted = to_simplified(original)
                if converted != original:
                    traditional += 1
                    text_out = converted
                else:
                    simplified += 1
            paragraphs.append(Paragraph(seq=len(paragraphs) + 1, lang=lang, text=text_out, original=original, line=number))
    return paragraphs, document_script(traditional, simplified)


def document_script(traditional: int, simplified: int) -> str:
    """Hant when Traditional paragraphs dominate, Hans when the rest do, else mixed.

    A paragraph OpenCC leaves unchanged counts as Simplified, though it may be either.
    """
    if traditional and simplified * 4 <= traditional:
        return "Hant"
    if traditional * 4 <= simplified or not traditional:
        return "Hans"
    return "mixed"
