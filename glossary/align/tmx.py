"""Write aligned segment pairs as TMX 1.4b or as a two-column TSV."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from xml.sax.saxutils import escape, quoteattr

from glossary import __version__
from glossary.models import SegmentPair

ZH_LANG = "zh-CN"
EN_LANG = "en"


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot hold."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20 and c not in "\ufffe\uffff")


def tmx_text(pairs: Iterable[SegmentPair], *, source_name: str = "") -> str:
    """A TMX 1.4b document with one `tu` per pair that has text on both sides."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f'  <header creationtool="glossary" creationtoolversion={quoteattr(__version__)} datatype="plaintext" '
        f'segtype="sentence" adminlang="en" srclang="{ZH_LANG}" o-tmf="glossary" creationdate="{stamp}"/>',
        "  <body>",
    ]
    for pair in pairs:
        if not pair.zh or not pair.en:
            continue
        note = f"<prop type=\"x-document\">{escape(_clean(source_name))}</prop>" if source_name else ""
        lines.append(f'    <tu tuid="{pair.seq}">{note}')
        lines.append(f'      <tuv xml:lang="{ZH_LANG}"><seg>{escape(_clean(pair.zh))}</seg></tuv>')
        lines.append(f'      <tuv xml:lang="{EN_LANG}"><seg>{escape(_clean(pair.en))}</seg></tuv>')
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines)


def tsv_text(pairs: Iterable[SegmentPair]) -> str:
    """`zh<TAB>en` per aligned pair; tabs and line breaks inside a segment become spaces."""

    def flat(text: str) -> str:
        return " ".join(text.split())

    return "".join(f"{flat(p.zh)}\t{flat(p.en)}\n" for p in pairs if p.zh and p.en)
