"""Ingestion: noisy bilingual documents in, cleaned and language-tagged paragraphs out.

Pure core (no sqlite): `read_document(path) -> Document`, `find_input_files(paths)`.
Formats .txt/.md/.html/.htm; encodings UTF-8 (± BOM), UTF-16/32 (BOM), GB18030/GBK, Big5,
detected deterministically; files are streamed and hashed chunk by chunk. Cleaning is by
the shape of the noise (see `clean`); censored spans become CENSOR_MARK.
"""

from __future__ import annotations

from .clean import CENSOR_MARK, CleanReport, clean_lines
from .decode import file_sha256
from .files import find_input_files
from .formats import SUPPORTED_EXTENSIONS
from .reader import DocumentReader, read_document

__all__ = [
    "CENSOR_MARK", "CleanReport", "DocumentReader", "SUPPORTED_EXTENSIONS", "clean_lines", "file_sha256", "find_input_files", "read_document",
]
