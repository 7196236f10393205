"""Finding the documents to ingest among the paths a user gave."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from glossary.errors import IngestError

from .formats import SUPPORTED_EXTENSIONS


def find_input_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Supported files among `paths` (folders searched recursively, hidden entries skipped).

    A missing path, an unsupported file or a folder without text files is an IngestError.
    Each file appears once, in the order given (folder contents sorted).
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        for path in _files_under(Path(raw)):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found


def _files_under(path: Path) -> list[Path]:
    if not path.exists():
        raise IngestError(f"{path}: no such file or folder")
    if path.is_file():
        if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
            raise IngestError(f"{path}: unsupported file type (supported: {', '.join(SUPPORTED_EXTENSIONS)})")
        return [path]
    if not path.is_dir():
        raise IngestError(f"{path}: not a regular file or folder")
    files: list[Path] = []
    try:
        for root, dirs, names in os.walk(path, onerror=_raise_walk_error):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_EXTENSIONS:
                    files.append(Path(root) / name)
    except PermissionError as exc:
        raise IngestError(f"{exc.filename or path}: permission denied") from exc
    if not files:
        raise IngestError(f"{path}: no {', '.join(SUPPORTED_EXTENSIONS)} files in this folder")
    return files


def _raise_walk_error(exc: OSError) -> None:
    raise exc
