"""HKMA annual-report documents from ../shared/external as glossary Documents (bench helper)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from glossary.keys import to_simplified
from glossary.models import Document, Paragraph

HKMA = Path(__file__).resolve().parents[1].parent / "shared" / "external" / "hkma-annual-reports"


def _clean(paragraph: str) -> str:
    return re.sub(r"^#+\s*", "", paragraph.strip())


def hkma_records() -> list[dict]:
    with (HKMA / "docs.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def split_paragraphs(text: str) -> list[str]:
    return [_clean(p) for p in text.split("\n\n")]


def block_document(record: dict) -> tuple[Document, int]:
    """Chinese paragraphs then English paragraphs as one Document; returns it and the paragraph count."""
    zh = split_paragraphs(record["zh"])
    en = split_paragraphs(record["en"])
    paragraphs = [Paragraph(k, "zh", to_simplified(t), t) for k, t in enumerate(zh)]
    paragraphs += [Paragraph(len(zh) + k, "en", t, t) for k, t in enumerate(en)]
    raw = (record["zh"] + record["en"]).encode()
    doc = Document(record["doc_id"], record["doc_id"], hashlib.sha256(raw).hexdigest(), tuple(paragraphs), size=len(raw))
    return doc, len(zh)
