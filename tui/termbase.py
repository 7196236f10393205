"""The TUI's own connection to the termbase, used from worker threads one call at a time."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from db import open_db
from glossary.errors import DatabaseError

T = TypeVar("T")


class Termbase:
    """One connection (`check_same_thread=False`) serialized by a lock: workers may overlap,
    SQLite calls on the connection never do."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.db = open_db(self.path, create=False, thread_safe=True)
        self._lock = threading.Lock()

    def run(self, work: Callable[..., T], *args, **kwargs) -> T:
        """Call `work(db, *args, **kwargs)`; SQLite failures come back as one-line DatabaseErrors."""
        with self._lock:
            try:
                return work(self.db, *args, **kwargs)
            except sqlite3.Error as exc:
                message = str(exc)
                if "locked" in message or "busy" in message:
                    message = "the termbase is busy (another process is writing); try again in a moment"
                elif "readonly" in message:
                    message = "the termbase is read-only; changes cannot be saved"
                raise DatabaseError(f"{self.path.name}: {message}") from exc

    def close(self) -> None:
        with self._lock:
            self.db.close()
