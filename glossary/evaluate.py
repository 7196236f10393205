"""Precision and recall of mined term pairs against gold pairs (rules of shared/gold/GUIDELINE.md).

Every English term of an entry is one output pair (its Chinese = any of the entry's Chinese
terms). An output matching a loose gold pair neither counts for nor against the miner.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from glossary.errors import InputError
from glossary.keys import en_key, zh_key
from glossary.models import Entry


@dataclass(frozen=True, slots=True)
class GoldPair:
    zh: str
    en: str
    zh_keys: frozenset[str]
    en_keys: frozenset[str]
    core: bool
    loose: bool
    category: str | None = None
    doc: str = ""


@dataclass(frozen=True, slots=True)
class OutputPair:
    zh: str
    en: str
    zh_keys: frozenset[str]
    en_key: str
    entry_id: int | None = None
    category: str | None = None


@dataclass(frozen=True, slots=True)
class Evaluation:
    outputs: int
    true_positives: int
    loose_hits: int
    gold: int
    found: int
    core: int
    core_found: int
    misses: tuple[GoldPair, ...] = field(default=())
    false_positives: tuple[OutputPair, ...] = field(default=())
    categorized: int = 0  # true positives whose gold pair has a category
    category_agrees: int = 0  # … and the entry's guessed category is the same

    @property
    def category_accuracy(self) -> float:
        return self.category_agrees / self.categorized if self.categorized else 0.0

    @property
    def precision(self) -> float:
        judged = self.outputs - self.loose_hits
        return self.true_positives / judged if judged else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def core_recall(self) -> float:
        return self.core_found / self.core if self.core else 0.0

    def as_dict(self) -> dict:
        return {
            "outputs": self.outputs, "true_positives": self.true_positives, "loose_hits": self.loose_hits,
            "precision": round(self.precision, 4), "gold": self.gold, "found": self.found,
            "recall": round(self.recall, 4), "core": self.core, "core_found": self.core_found,
            "core_recall": round(self.core_recall, 4), "categorized": self.categorized,
            "category_agrees": self.category_agrees, "category_accuracy": round(self.category_accuracy, 4),
        }


def load_gold(paths: Iterable[str | Path]) -> list[GoldPair]:
    """Gold pairs from JSON Lines files; a bad line is an InputError naming file and line."""
    paths = list(paths)
    gold = []
    for path in paths:
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()  # Notepad writes a BOM
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: byte {exc.start}: not UTF-8 text (gold files are UTF-8 JSON Lines)") from exc
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}: line {number}: not a gold pair ({exc})") from exc
            problem = _gold_row_problem(row)
            if problem:
                raise InputError(f"{path}: line {number}: not a gold pair ({problem})")
            zh, en = row["zh"], row["en"]
            gold.append(GoldPair(
                zh=zh, en=en,
                zh_keys=frozenset(k for k in map(zh_key, [zh, *row.get("zh_variants", [])]) if k),
                en_keys=frozenset(k for k in map(en_key, [en, *row.get("en_variants", [])]) if k),
                core=bool(row.get("core", False)), loose=bool(row.get("loose", False)),
                category=row.get("category"), doc=row.get("doc", path.name),
            ))
    if not gold:
        raise InputError(f"{', '.join(map(str, paths))}: no gold pairs (one JSON object a line with \"zh\" and \"en\")")
    return gold


def _gold_row_problem(row) -> str | None:
    """What keeps a parsed line from being a gold pair, or None: `{"zh": 5, "en": "x"}` -> `"zh" is not text`."""
    if not isinstance(row, dict):
        return f"a JSON {type(row).__name__}, not an object"
    for key in ("zh", "en"):
        if key not in row:
            return f'no "{key}"'
        if not isinstance(row[key], str):
            return f'"{key}" is not text'
    for key in ("zh_variants", "en_variants"):
        variants = row.get(key, [])
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            return f'"{key}" is not a list of texts'
    return None


def entry_outputs(entries: Iterable[Entry]) -> list[OutputPair]:
    """The output pairs of termbase entries: each English term with the entry's Chinese terms."""
    out = []
    for entry in entries:
        zh_terms = [t.text for t in entry.terms_in("zh")]
        zh_keys = frozenset(k for k in map(zh_key, zh_terms) if k)
        if not zh_keys:
            continue
        for term in entry.terms_in("en"):
            key = en_key(term.text)
            if key:
                out.append(OutputPair(zh_terms[0], term.text, zh_keys, key, entry.id, entry.category))
    return out


def evaluate(outputs: Sequence[OutputPair], gold: Sequence[GoldPair]) -> Evaluation:
    by_zh: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        for k in g.zh_keys:
            by_zh.setdefault(k, []).append(i)
    found: set[int] = set()
    tp = loose = categorized = agrees = 0
    false_positives = []
    for out in outputs:
        matches = {i for k in out.zh_keys for i in by_zh.get(k, ()) if out.en_key in gold[i].en_keys}
        if any(not gold[i].loose for i in matches):
            tp += 1
            found |= {i for i in matches if not gold[i].loose}
            categories = {gold[i].category for i in matches if gold[i].category}
            if categories:
                categorized += 1
                agrees += out.category in categories
        elif matches:
            loose += 1
        else:
            false_positives.append(out)
    scored = [i for i, g in enumerate(gold) if not g.loose]
    core = [i for i, g in enumerate(gold) if g.core and not g.loose]
    return Evaluation(
        outputs=len(outputs), true_positives=tp, loose_hits=loose, gold=len(scored),
        found=sum(1 for i in scored if i in found), core=len(core),
        core_found=sum(1 for i in core if i in found),
        misses=tuple(gold[i] for i in scored if i not in found),
        false_positives=tuple(false_positives), categorized=categorized, category_agrees=agrees,
    )
