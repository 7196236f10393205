"""Cleaned lines to tagged paragraphs: hard wraps joined, mixed lines split, Simplified text added."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice

from glossary.keys import is_simplified, to_simplified
from glossary.models import Paragraph

from .formats import BREAK, Line
from .language import split_by_language

WRAP_SHARE = 0.7  # a line at least this share of the wrap width was cut by the editor
MAX_WRAP_WIDTH = 120  # display columns; longer lines are paragraphs, not wrapped text
WRAP_SAMPLE_LINES = 5000
_CLOSING = tuple("。！？!?；;….:：”」』\"')）")
_FULLWIDTH_PUNCT = re.compile("([\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u3000-\u303f]+)")
_ENCLOSED = re.compile("([\u2460-\u24ff\u3200-\u32ff]+)")
_HYPHEN_AT_END = re.compile(r"[A-Za-z]-$")  # a wrap after a word's hyphen (closed-|loop)
# what follows a hyphen a word processor put inside one word (manage-|ment), never a word of its own
_WORD_ENDING = re.compile(r"(?:ments?|tions?|sions?|ings?|ly|ity|ities|ness|ances?|ences?|able|ible|ous|ive|i[sz]ed?|i[sz]ation)\b")


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


def join_lines(lines: Iterable[Line], *, join_blocks: bool = False) -> Iterator[tuple[int, str]]:
    """(first line number, text) per paragraph, streamed.

    Blocks are separated by BREAK lines. `join_blocks` (Markdown) joins every block into one
    paragraph; otherwise lines are joined only where the text was hard-wrapped, judged on
    the first WRAP_SAMPLE_LINES lines.
    """
    lines = iter(lines)
    sample = list(islice(lines, WRAP_SAMPLE_LINES))
    width = None if join_blocks else wrap_width(sample)
    number, parts, previous = 0, [], ""
    for line in chain(sample, lines):
        if line.text == BREAK:
            if parts:
                yield number, "".join(parts)
            parts, previous = [], ""
            continue
        if parts and (join_blocks or (width and display_width(previous) >= WRAP_SHARE * width)):
            _continue(parts, previous, line.text)
        else:
            if parts:
                yield number, "".join(parts)
            number, parts = line.number, [line.text]
        previous = line.text
    if parts:
        yield number, "".join(parts)


def _continue(parts: list[str], previous: str, text: str) -> None:
    """Add a wrapped line to its paragraph's parts: Chinese runs on without a space (it puts none
    between words, and a Chinese line may break anywhere, after a half-width comma or inside a number);
    a line broken at a hyphen keeps it and runs on (closed-loop, China-Singapore), unless what follows
    is only the ending of the word the hyphen split (manage-ment: management); else a space."""
    if _ends_han(previous) and _starts_han(text) or _mostly_han(previous) and _mostly_han(text):
        parts.append(text)
    elif text[:1].isalpha() and _HYPHEN_AT_END.search(previous):
        if _WORD_ENDING.match(text):
            parts[-1] = parts[-1][:-1]
        parts.append(text)
    else:
        parts.append(" " + text)


def _mostly_han(text: str) -> bool:
    return 2 * display_width(text) > 3 * len(text)  # (over half the characters wide)


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


@dataclass
class ScriptTally:
    """Zh paragraphs with Traditional-only or Simplified-only characters, counted as they stream.

    Paragraphs whose characters are the same in both scripts count for neither.
    """

    traditional: int = 0
    simplified: int = 0

    def count(self, original: str, converted: str) -> None:
        if converted != original:
            self.traditional += 1
        elif is_simplified(original):
            self.simplified += 1

    @property
    def script(self) -> str:
        """Hant or Hans when one script has at least 4/5 of the evidence, else mixed; "" without Chinese."""
        if not self.traditional and not self.simplified:
            return ""
        if self.simplified * 4 <= self.traditional:
            return "Hant"
        if self.traditional * 4 <= self.simplified:
            return "Hans"
        return "mixed"


def iter_paragraphs(lines: Iterable[Line], tally: ScriptTally, *, join_blocks: bool = False) -> Iterator[Paragraph]:
    """Tagged, normalized paragraphs with Simplified `text`, streamed; `tally` counts scripts."""
    seq = 0
    for number, text in join_lines(lines, join_blocks=join_blocks):
        for lang, part in split_by_language(text):
            original = safe_nfkc(part, lang)
            text_out = original
            if lang == "zh":
                converted = to_simplified(original)
                tally.count(original, converted)
                if converted != original:
                    text_out = converted
            seq += 1
            yield Paragraph(seq=seq, lang=lang, text=text_out, original=original, line=number)
