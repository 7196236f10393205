"""Messages that worker threads post to screens (attributes down, messages up)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from db.review import QueueRow, ReviewFilter
from glossary.models import Entry, Evidence, LookupHit


@dataclass
class CountsLoaded(Message):
    counts: dict[str, int]


@dataclass
class QueueLoaded(Message):
    rows: list[QueueRow]
    total: int | None  # None: the queue is longer than what was loaded; a QueueCounted follows
    select_id: int | None = None


@dataclass
class QueueCounted(Message):
    filters: ReviewFilter
    total: int


@dataclass
class EntryLoaded(Message):
    entry: Entry
    evidence: list[Evidence]


@dataclass
class EntryChanged(Message):
    """A decision was stored: `entry_id` now holds `entry` (None when it no longer exists)."""

    entry_id: int
    entry: Entry | None
    summary: str
    reload: bool = False  # the queue itself changed (merge, split, undo)
    select_id: int | None = None
    advance: bool = False  # move the cursor to the next entry (a decision was taken)


@dataclass
class LookupResults(Message):
    query: str
    hits: list[LookupHit]


@dataclass
class EvidenceLoaded(Message):
    entry_id: int
    evidence: list[Evidence]
