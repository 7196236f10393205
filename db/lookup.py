"""The one search engine behind `glossary lookup` and the TUI (DESIGN §6).

Exact and prefix hits come from b-tree indexes on match keys, pinyin and initials; fuzzy
candidates come from the `term_grams` n-gram index (keyed by gram and key length, read for
the query's rarest grams only), re-ranked with rapidfuzz `ratio` (and `token_set_ratio` for
English; WRatio favours 1–2 character fragments in CJK).
Exact beats prefix beats a key inside a longer term beats fuzzy. Any string is a valid query: parameters are always bound,
never spliced into SQL, and unprintable characters are dropped.
"""

from __future__ import annotations

import math
import re
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from glossary.keys import en_key, fold_pinyin_query, has_cjk, lookup_grams, zh_key
from glossary.models import LookupHit

from .entries import get_entries

MAX_QUERY_CHARS = 200  # no term is longer; a 10,000-character paste is cut here
PREFIX_CANDIDATES = 200
FUZZY_CANDIDATES = 200
RARITY_CAP = 300  # grams with more postings than this are all just "common" when picking the rarest
POSTINGS_PER_GRAM = 1000  # postings read per chosen gram
MIN_SHARED = 0.5  # a fuzzy candidate shares at least this share of the query's n-grams
QUERY_GRAMS = 24
FUZZY_MIN_SCORE = 60.0

MIN_INSIDE_CHARS = {True: 2, False: 3}  # (CJK?) a shorter query inside longer terms finds too many
INSIDE_CANDIDATES = 100
INSIDE_GRAMS = 3  # of the query's grams, this many (spread over it) are weighed to pick the rarest

# Tiers, best first: exact beats prefix beats inside beats fuzzy; full keys beat pinyin beats initials.
(TIER_EXACT, TIER_PINYIN, TIER_PREFIX, TIER_PINYIN_PREFIX, TIER_INITIALS, TIER_INITIALS_PREFIX, TIER_INSIDE,
 TIER_FUZZY) = range(8)
_TIER_MATCH = {TIER_EXACT: ("exact", "term"), TIER_PINYIN: ("exact", "pinyin"), TIER_PREFIX: ("prefix", "term"),
               TIER_PINYIN_PREFIX: ("prefix", "pinyin"), TIER_INITIALS: ("exact", "initials"),
               TIER_INITIALS_PREFIX: ("prefix", "initials"), TIER_INSIDE: ("inside", "term"), TIER_FUZZY: ("fuzzy", "term")}
_ENTRY_RANK = {"approved": 0, "candidate": 1, "rejected": 2}
_TERM_RANK = {"preferred": 0, "admitted": 1}
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]+")
_PINYIN_ONLY = re.compile(r"[a-z]+")
_TOP = "\U0010ffff"
_WORD_BREAK = re.compile(r"[\s\-‐‑–/]+")  # (Hong in Guangdong-Hong Kong starts a word)
_TERM_SELECT = (
    "SELECT t.id, t.entry_id, t.text, t.match_key, t.pinyin, t.initials, t.status, e.status AS entry_status "
    "FROM terms t JOIN entries e ON e.id = t.entry_id"
)


@dataclass(frozen=True, slots=True)
class QueryKeys:
    """What a typed query is looked up by."""

    text: str  # cleaned query
    key: str  # match key: zh rules when the query holds CJK, English folding otherwise
    pinyin: str  # folded pinyin / initials form, "" when the query is not pinyin-like


def query_keys(query: str) -> QueryKeys:
    text = _UNPRINTABLE.sub(" ", query)[:MAX_QUERY_CHARS].strip()
    if not text:
        return QueryKeys("", "", "")
    key = zh_key(text) if has_cjk(text) else en_key(text)
    folded = fold_pinyin_query(text)
    return QueryKeys(text, key, folded if _PINYIN_ONLY.fullmatch(folded) else "")


def lookup(db: Database, query: str, *, limit: int = 20) -> list[LookupHit]:
    """Entries matching `query`, best first, one hit per entry."""
    q = query_keys(query)
    if not q.key and not q.pinyin or limit <= 0:
        return []
    best: dict[int, tuple] = {}  # entry id -> (rank tuple, term id, tier, score)

    def offer(scored, tier: int) -> None:
        for row, score in scored:
            entry_rank = _ENTRY_RANK.get(row["entry_status"], 3)
            rank = (tier, entry_rank == _ENTRY_RANK["rejected"], -score, entry_rank, _TERM_RANK.get(row["status"], 2),
                    len(row["match_key"]), row["entry_id"])
            if row["entry_id"] not in best or rank < best[row["entry_id"]][0]:
                best[row["entry_id"]] = (rank, row["id"], tier, score)

    if q.key:
        offer(_exact(db, "match_key", q.key), TIER_EXACT)
        offer(_prefix(db, "match_key", q.key), TIER_PREFIX)
    if q.pinyin:
        offer(_exact(db, "pinyin", q.pinyin), TIER_PINYIN)
        offer(_prefix(db, "pinyin", q.pinyin), TIER_PINYIN_PREFIX)
        offer(_exact(db, "initials", q.pinyin), TIER_INITIALS)
        offer(_prefix(db, "initials", q.pinyin), TIER_INITIALS_PREFIX)
    if q.key and len(best) < limit and not any(tier == TIER_EXACT for _, _, tier, _ in best.values()):
        offer(_inside(db, q.key), TIER_INSIDE)  # (a term typed whole: what holds it is less likely wanted)
    if q.key and len(best) < limit:
        offer(_fuzzy(db, q), TIER_FUZZY)

    ranked = sorted(best.values())[:limit]
    entries = {e.id: e for e in get_entries(db, [rank[-1] for rank, *_ in ranked])}
    hits = []
    for rank, term_id, tier, score in ranked:
        entry = entries.get(rank[-1])
        term = next((t for t in entry.terms if t.id == term_id), None) if entry else None
        if term is not None:
            match, key = _TIER_MATCH[tier]
            hits.append(LookupHit(entry=entry, term=term, match=match, key=key, score=round(score, 1)))
    return hits


def _exact(db: Database, column: str, key: str) -> list[tuple[sqlite3.Row, float]]:
    """Rows whose `column` equals `key` (short initials like `zg` can match thousands: capped)."""
    rows = _rows(db, f"{_TERM_SELECT} WHERE t.{column} = ? LIMIT ?", [key, PREFIX_CANDIDATES])
    return [(row, 100.0) for row in rows]


def _prefix(db: Database, column: str, key: str) -> list[tuple[sqlite3.Row, float]]:
    """Rows whose `column` starts with `key` (but is not equal to it), scored by the share covered."""
    rows = _rows(
        db, f"{_TERM_SELECT} WHERE t.{column} > ? AND t.{column} < ? ORDER BY t.{column} LIMIT ?",
        [key, key + _TOP, PREFIX_CANDIDATES],
    )
    return [(row, 100.0 * len(key) / max(len(row[column]), 1)) for row in rows]


def _inside(db: Database, key: str) -> list[tuple[sqlite3.Row, float]]:
    """Longer terms holding `key` after their start: English from the start of a word on ("health
    organization", "health org" as it is typed, in "world health organization"), Chinese anywhere
    (外事 in 市政府外事办公室); scored by the share covered. Candidates share the query's rarest n-gram
    (of the index's grams, those inside the key: it stands inside the term, and may end inside a word)."""
    cjk = has_cjk(key)
    if len(key) < MIN_INSIDE_CHARS[cjk]:
        return []
    grams = [g for g in lookup_grams(key) if not g.startswith(" ") and not g.endswith(" ")]
    if not grams:
        return []
    grams = grams[:: max(1, math.ceil(len(grams) / INSIDE_GRAMS))]
    counts = {g: db.execute("SELECT count(*) FROM (SELECT 1 FROM term_grams WHERE gram = ? AND length > ? LIMIT ?)",
                            [g, len(key), RARITY_CAP]).fetchone()[0] for g in grams}
    rarest = min(grams, key=counts.__getitem__)
    if not counts[rarest]:
        return []
    candidates = [r[0] for r in db.execute("SELECT term_id FROM term_grams WHERE gram = ? AND length > ? LIMIT ?",
                                           [rarest, len(key), INSIDE_CANDIDATES])]
    marks = ",".join("?" * len(candidates))
    out = []
    for row in _rows(db, f"{_TERM_SELECT} WHERE t.id IN ({marks})", candidates):
        if row["match_key"].find(key) > 0 and (cjk or _at_a_word(row["text"], key)):  # (at 0: a prefix, found already)
            out.append((row, 100.0 * len(key) / max(len(row["match_key"]), 1)))
    return out


def _at_a_word(text: str, key: str) -> bool:
    """True when the English match key `key` starts at a word of `text` after its first (the key has no spaces)."""
    words = _WORD_BREAK.split(text)
    return any(en_key(" ".join(words[k:])).startswith(key) for k in range(1, len(words)))


def _rows(db: Database, sql: str, params: list) -> list[sqlite3.Row]:
    cursor = db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params).fetchall()


def length_window(length: int) -> tuple[int, int]:
    """Key lengths worth comparing with a query key of `length` (typos and reordering keep it close)."""
    slack = max(2, length // 4)
    return max(1, length - slack), length + slack


def _fuzzy(db: Database, q: QueryKeys) -> list[tuple[sqlite3.Row, float]]:
    """Terms of similar length sharing the query's rarest n-grams, scored by rapidfuzz similarity.

    Prefix filtering: a term sharing at least MIN_SHARED of the query's grams must share one of
    its k rarest, so only those k posting lists (restricted to similar lengths, and capped) are read.
    """
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process

    grams = lookup_grams(q.key)[:QUERY_GRAMS]
    if len(q.key) < 2 or not grams:
        return []
    low, high = length_window(len(q.key))
    frequency = {
        g: db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM term_grams WHERE gram = ? AND length BETWEEN ? AND ? LIMIT ?)",
            [g, low, high, RARITY_CAP],
        ).fetchone()[0]
        for g in grams
    }
    rarest = sorted(grams, key=frequency.__getitem__)[: len(grams) - math.ceil(MIN_SHARED * len(grams)) + 1]
    rarest = [g for g in rarest if frequency[g]]
    if not rarest:
        return []
    postings = " UNION ALL ".join(
        ["SELECT * FROM (SELECT term_id FROM term_grams WHERE gram = ? AND length BETWEEN ? AND ? LIMIT ?)"] * len(rarest)
    )
    candidates = [
        r[0]
        for r in db.execute(
            f"SELECT term_id FROM ({postings}) GROUP BY term_id ORDER BY count(*) DESC, term_id LIMIT ?",
            [*(p for g in rarest for p in (g, low, high, POSTINGS_PER_GRAM)), FUZZY_CANDIDATES],
        )
    ]
    if not candidates:
        return []
    cjk = has_cjk(q.key)
    words = default_process(q.text)
    out = []
    marks = ",".join("?" * len(candidates))
    for row in _rows(db, f"{_TERM_SELECT} WHERE t.id IN ({marks})", candidates):
        if has_cjk(row["match_key"]) != cjk:
            continue
        similarity = fuzz.ratio(q.key, row["match_key"])
        if not cjk:
            similarity = max(similarity, 0.9 * fuzz.token_set_ratio(words, default_process(row["text"])))
        if similarity >= FUZZY_MIN_SCORE:
            out.append((row, similarity))
    return out
