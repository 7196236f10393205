"""The TUI's own connection to the termbase, used from worker threads one call at a time."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlite_utils import Database

from db import open_db
from glossary.errors import DatabaseError

T = TypeVar("T")


class Termbase:
    """A reading and a writing connection (`check_same_thread=False`), each serialized by a lock:
    workers may overlap, SQLite calls on one connection never do, and lookups never queue
    behind a write waiting for another process's lock (WAL lets reads through)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.db = open_db(self.path, create=False, thread_safe=True)
        self._lock = threading.Lock()
        self._writer: Database | None = None
        self._write_lock = threading.Lock()

    def run(self, work: Callable[..., T], *args, **kwargs) -> T:
        """Call `work(db, *args, **kwargs)` on the reading connection."""
        with self._lock:
            return self._call(self.db, work, *args, **kwargs)

    def write(self, work: Callable[..., T], *args, **kwargs) -> T:
        """Call `work(db, *args, **kwargs)` on the writing connection (opened on first use), in
        one `BEGIN IMMEDIATE` transaction: it waits (busy timeout) for another process's write
        lock up front, where a deferred transaction that has already read would fail at once."""
        with self._write_lock:
            if self._writer is None:
                self._writer = open_db(self.path, create=False, thread_safe=True)
            return self._call(self._writer, self._immediately, work, *args, **kwargs)

    @staticmethod
    def _immediately(db: Database, work: Callable[..., T], *args, **kwargs) -> T:
        db.execute("BEGIN IMMEDIATE")
        try:
            result = work(db, *args, **kwargs)
        except BaseException:
            db.conn.rollback()
            raise
        db.execute("COMMIT")
        return result

    def _call(self, db: Database, work: Callable[..., T], *args, **kwargs) -> T:
        """SQLite failures come back as one-line DatabaseErrors."""
        try:
            return work(db, *args, **kwargs)
        except sqlite3.Error as exc:
            message = str(exc)
            if "locked" in message or "busy" in message:
                message = "the termbase is busy (another process is writing); try again in a moment"
            elif "readonly" in message:
                message = "the termbase is read-only; changes cannot be saved"
            raise DatabaseError(f"{self.path.name}: {message}") from exc

    def close(self) -> None:
        with self._lock, self._write_lock:
            self.db.close()
            if self._writer is not None:
                self._writer.close()
