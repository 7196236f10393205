"""Sentence splitting for Chinese and English paragraphs, with offsets into the paragraph.

A semicolon outside quotes and brackets also ends a unit: translators often render each
clause of a long semicolon-joined sentence as a sentence or clause of its own."""

from __future__ import annotations

import re

from glossary.models import Sentence

_ZH_END = re.compile(r"[。！？!?…]+[”’」』）)\]\"']*|[；;](?![”’」』）)\]\"'])|\n+")
# An English sentence ends at . ! ? (plus closing quotes/brackets) before a space and a capital,
# a digit, or an opening quote; abbreviations and initials are not ends. A clause ends at "; ".
_EN_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|;(?=\s)|\n+")
_HEADING_NUMBER = re.compile(r"(?:[IVXLC]{1,6}|[ivxlc]{1,6}|\d{1,3}(?:\.\d{1,3})*)")
_OPENERS, _CLOSERS = "“‘「『《（([", "”’」』》）)]"
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st no nos vol fig figs inc ltd co corp jr sr gen gov sen rep dept est approx
    jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e etc vs u.s u.k a.m p.m""".split()
)


def _spans(text: str, ends: list[int]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for end in [*ends, len(text)]:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
        start = end
    return spans


def _inside_quotes(text: str, end: int) -> bool:
    """True when a quote or bracket opened before `end` is still open there."""
    head = text[:end]
    if head.count('"') % 2:
        return True
    return sum(head.count(c) for c in _OPENERS) > sum(head.count(c) for c in _CLOSERS)


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _word_before(text: str, end: int) -> str:
    """The run of Latin letters and dots ending at `end` (or before a line break there), as
    `re.search(r"([A-Za-z.]+)$", text[:end])` finds it, without rescanning the text before it."""
    stop = end - 1 if end and text[end - 1] == "\n" else end
    start = stop
    while start and text[start - 1] in _WORD_CHARS:
        start -= 1
    return text[start:stop]


def _zh_ends(text: str) -> list[int]:
    return [m.end() for m in _ZH_END.finditer(text) if m.group() not in "；;" or not _inside_quotes(text, m.start())]


def _en_ends(text: str) -> list[int]:
    ends = []
    for m in _EN_END.finditer(text):
        if m.group() == ";" and _inside_quotes(text, m.start()):
            continue
        if m.group().startswith("."):
            token = _word_before(text, m.start()).lower()
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
                continue
            if _HEADING_NUMBER.fullmatch(text[: m.start()].strip()):  # "III. Major Tasks": a heading's number
                continue
        ends.append(m.end())
    return ends


def split_sentences(text: str, lang: str, para_seq: int = 0) -> list[Sentence]:
    """Sentences (and semicolon clauses) of one paragraph; `start`/`end` are offsets into `text`."""
    ends = _zh_ends(text) if lang == "zh" else _en_ends(text)
    return [Sentence(para_seq, lang, text[s:e], s, e) for s, e in _spans(text, ends)]
