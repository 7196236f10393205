"""Ingestion: noisy bilingual documents in, cleaned and language-tagged paragraphs out.

Pure core (no sqlite): `read_document(path) -> Document`, `find_input_files(paths)`.
Formats .txt/.md/.html/.htm; encodings UTF-8 (± BOM), UTF-16/32 (BOM), GB18030/GBK, Big5,
detected deterministically; files are streamed and hashed chunk by chunk. Cleaning is by
the shape of the noise (see `clean`); censored spans become CENSOR_MARK.
"""

from __future__ import annotations

from importlib import import_module

_HOME = {  # name -> its module: loaded on first use, so a reader of .decode alone skips cleaning's regexes
    "CENSOR_MARK": "clean", "CleanReport": "clean", "clean_lines": "clean", "file_sha256": "decode",
    "find_input_files": "files", "SUPPORTED_EXTENSIONS": "formats", "DocumentReader": "reader",
    "read_document": "reader", "read_document_pair": "reader",
}

__all__ = [
    "CENSOR_MARK", "CleanReport", "DocumentReader", "SUPPORTED_EXTENSIONS", "clean_lines", "file_sha256", "find_input_files", "read_document",
    "read_document_pair",
]


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value
