"""Sentence alignment of bilingual documents (zh ↔ en)."""

from glossary.align.document import align_document, aligned_pairs
from glossary.align.sentences import split_sentences

__all__ = ["align_document", "aligned_pairs", "split_sentences"]
