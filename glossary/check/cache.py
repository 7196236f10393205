"""The compiled-matcher cache: a CheckGlossary pickled to the user cache folder, keyed by the termbase's
revision (and jieba's dictionary as a segmenter, see words.py).

Building the automata for a large termbase takes seconds; loading them back takes a fraction of
that. The cache is only an accelerator: a missing, stale, corrupt or foreign file is rebuilt, and
a folder that cannot be written just means no cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
from pathlib import Path

from .checker import CheckGlossary, paused_gc
from .words import jieba_dictionary

MIN_CACHED_TERMS = 5000  # smaller glossaries build faster than a cache file loads
KEPT_FILES = 8  # cache files kept (one per termbase), least recently used removed first
_MAGIC = b"glossary-check-cache 1\n"
_HEADER_LIMIT = 4096
# the code that decides what the cached objects contain: a change to any of them makes old caches stale
_CODE = ("checker.py", "matcher.py", "words.py", "renderings.py", "cache.py", "../keys.py", "../models.py",
         "../lexicon.py", "../mine/tokens.py")


def cache_dir() -> Path:
    """`check` in glossary's cache folder (lexicon.cache_folder; e.g. ~/.cache/glossary/check)."""
    from glossary.lexicon import cache_folder

    return cache_folder() / "check"


def cache_file(db_path: str | os.PathLike[str]) -> Path:
    """The cache file of the termbase at `db_path` (one per termbase file)."""
    name = hashlib.sha256(os.fsencode(Path(db_path).resolve())).hexdigest()[:24]
    return cache_dir() / f"{name}.pickle"


def code_version(files: tuple[str, ...] = _CODE) -> str:
    """A digest of the code that makes the cached objects (`files`, relative to this folder), the
    Python version, the pyahocorasick build and jieba's dictionary: part of every cache key."""
    import ahocorasick

    from glossary.lexicon import lexicon_version

    digest = hashlib.sha256(sys.version.encode())
    digest.update(lexicon_version().encode())  # the dictionary the terms' evidence comes from
    here = Path(__file__).parent
    for name in files:
        digest.update((here / name).read_bytes())
    for path in (ahocorasick.__file__, jieba_dictionary()):  # the automaton format, the words segmented on
        if path:
            stat = os.stat(path)
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def _header(key: dict) -> bytes:
    return _MAGIC + json.dumps(key, sort_keys=True).encode() + b"\n"


def load(path: Path, key: dict, kind: type = CheckGlossary):
    """The object (a `kind`) cached at `path` under `key` (with a "code": code_version()), or None
    (no file, another key, unreadable)."""
    try:
        with path.open("rb") as fh:
            if fh.readline(_HEADER_LIMIT) != _MAGIC or fh.readline(_HEADER_LIMIT) != _header(key)[len(_MAGIC):]:
                return None
            with paused_gc():  # hundreds of thousands of small objects: no collection halfway
                found = pickle.load(fh)
            if isinstance(found, CheckGlossary):
                found.attach_evidence(fh.read())  # unpickled only if the check needs it
        os.utime(path)  # recently used: kept when old caches are trimmed
    except Exception:  # noqa: BLE001 - any damage to a cache file means "rebuild", never an error
        return None
    return found if isinstance(found, kind) else None


def save(path: Path, key: dict, found: object) -> bool:
    """Write the cache atomically (temporary file, then rename); False when it cannot be written."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-", suffix=".part",
                                         delete=False) as fh:
            temp = fh.name
            fh.write(_header(key))
            with paused_gc():
                pickle.dump(found, fh, protocol=pickle.HIGHEST_PROTOCOL)
                if isinstance(found, CheckGlossary):
                    fh.write(found.evidence_pickle())
        os.replace(temp, path)
        temp = None
    except (OSError, pickle.PicklingError, RecursionError):
        return False
    finally:
        if temp:
            Path(temp).unlink(missing_ok=True)
    _trim(path.parent)
    return True


def _trim(folder: Path) -> None:
    """Remove the least recently used termbase cache files beyond KEPT_FILES (jieba's stays)."""
    try:
        files = sorted(((p.stat().st_mtime, p) for p in folder.glob("[0-9a-f]*.pickle")), reverse=True)
        for _, old in files[KEPT_FILES:]:
            old.unlink(missing_ok=True)
    except OSError:  # another process trimmed or wrote at the same time
        pass
