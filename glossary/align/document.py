"""Align a whole ingested document: sentences of every zh and en paragraph, one DP, segment pairs."""

from __future__ import annotations

from glossary.align.anchors import en_features, zh_features
from glossary.align.dp import EN_PER_ZH, AlignUnit, Bead, align_units
from glossary.align.rescue import rescue_skipped
from glossary.align.sentences import split_sentences
from glossary.models import Document, Paragraph, SegmentPair, Sentence


def document_sentences(paragraphs: tuple[Paragraph, ...] | list[Paragraph], lang: str) -> list[tuple[Sentence, str]]:
    """The sentences of the `lang` paragraphs in document order, each with its original-script text."""
    out = []
    for p in paragraphs:
        if p.lang != lang:
            continue
        same_length = len(p.original) == len(p.text)
        for s in split_sentences(p.text, lang, p.seq):
            out.append((s, p.original[s.start : s.end] if same_length else s.text))
    return out


# A side whose lines hold one sentence each (at most this many sentences per paragraph on average),
# against paragraphs of several sentences (at least LINES_OTHER) on the other, says nothing by its line breaks.
LINES_SENTENCES = 1.1
LINES_OTHER = 1.5
LINES_MISMATCH = 0.1  # (a share of the larger number of paragraphs)


def _units(sentences: list[tuple[Sentence, str]], lang: str, lines_only: bool = False) -> list[AlignUnit]:
    """`lines_only`: the side has a sentence per line, not paragraphs: one paragraph for the length model."""
    make = zh_features if lang == "zh" else en_features
    units, last_para = [], None
    for s, _ in sentences:
        para = -1 if lines_only else s.para_seq
        units.append(AlignUnit(para, para != last_para, make(s.text)))
        last_para = para
    return units


def _paragraphs(sentences: list[tuple[Sentence, str]]) -> int:
    return max(1, len({s.para_seq for s, _ in sentences}))


def _lines_only(side: list[tuple[Sentence, str]], other: list[tuple[Sentence, str]]) -> bool:
    """True when `side` is written a sentence per line while `other` has paragraphs of several sentences,
    or lines as many as its own sentences that are not as many as `side`'s: the line breaks of `side` are
    no paragraph borders to keep (English sentences on lines of their own against Chinese paragraphs).
    Two sides with a sentence per paragraph and as many paragraphs keep them."""
    paragraphs, other_paragraphs = _paragraphs(side), _paragraphs(other)
    if len(side) > LINES_SENTENCES * paragraphs:
        return False
    if len(other) >= LINES_OTHER * other_paragraphs:
        return True
    return abs(paragraphs - other_paragraphs) > LINES_MISMATCH * max(paragraphs, other_paragraphs)


def _pair(seq: int, bead: Bead, zh: list[tuple[Sentence, str]], en: list[tuple[Sentence, str]]) -> SegmentPair:
    zs = [zh[i][0] for i in bead.zh]
    es = [en[j][0] for j in bead.en]
    return SegmentPair(
        seq=seq, zh="".join(s.text for s in zs), en=" ".join(s.text for s in es),
        zh_paragraphs=tuple(dict.fromkeys(s.para_seq for s in zs)),
        en_paragraphs=tuple(dict.fromkeys(s.para_seq for s in es)),
        score=round(bead.score, 3), anchors=bead.anchors,
        zh_original="".join(zh[i][1] for i in bead.zh),
    )


# The document's own length ratio replaces the calibrated one when its confident beads hold
# this many Chinese characters and their ratio differs from it by more than RATIO_TOLERANCE.
RATIO_MIN_CHARS = 300
RATIO_TOLERANCE = 0.08
RATIO_CONFIDENT = 1.0  # bead score from which a bead counts towards the document's ratio
RATIO_RANGE = (2.5, 5.5)


def document_ratio(beads: list[Bead], zh: list[AlignUnit], en: list[AlignUnit]) -> float | None:
    """English characters per Chinese character over the confidently aligned beads, when it
    differs enough from the calibrated ratio to be worth a second pass (else None)."""
    zh_chars = en_chars = 0
    for bead in beads:
        if bead.zh and bead.en and bead.score >= RATIO_CONFIDENT:
            zh_chars += sum(zh[i].features.length for i in bead.zh)
            en_chars += sum(en[j].features.length for j in bead.en)
    if zh_chars < RATIO_MIN_CHARS:
        return None
    ratio = min(max(en_chars / zh_chars, RATIO_RANGE[0]), RATIO_RANGE[1])
    return ratio if abs(ratio / EN_PER_ZH - 1) > RATIO_TOLERANCE else None


def align_document(doc: Document) -> list[SegmentPair]:
    """Every bead of the document in order: zh+en pairs, and zh-only / en-only sentences
    (untranslated Chinese, English headings) as pairs with one side empty. A document whose
    translation runs longer or shorter than the calibration is aligned again at its own ratio."""
    zh = document_sentences(doc.paragraphs, "zh")
    en = document_sentences(doc.paragraphs, "en")
    zh_units, en_units = _units(zh, "zh", _lines_only(zh, en)), _units(en, "en", _lines_only(en, zh))
    beads = align_units(zh_units, en_units)
    ratio = document_ratio(beads, zh_units, en_units)
    if ratio is not None:
        beads = align_units(zh_units, en_units, ratio)
    beads = rescue_skipped(beads, zh_units, en_units, ratio or EN_PER_ZH)
    return [_pair(seq, bead, zh, en) for seq, bead in enumerate(beads)]


def aligned_pairs(pairs: list[SegmentPair]) -> list[SegmentPair]:
    """Only the pairs with text on both sides."""
    return [p for p in pairs if p.zh and p.en]
