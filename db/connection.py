"""Opening the termbase: location, pragmas, migrations, and clear errors for bad files.

sqlite-utils and the schema are imported when a database is opened, not with this module: the
path helpers are used by every command, and `glossary check` reads through plain sqlite3.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typing import TYPE_CHECKING

from glossary.errors import DatabaseError

if TYPE_CHECKING:
    from sqlite_utils import Database

ENV_VAR = "GLOSSARY_DB"
BUSY_TIMEOUT_MS = 5000
_SQLITE_MAGIC = b"SQLite format 3\x00"


def default_db_path() -> Path:
    """`GLOSSARY_DB` if set, else `glossary.db` in the user data directory."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("glossary", appauthor=False)) / "glossary.db"


def resolve_db_path(path: str | os.PathLike[str] | None) -> Path:
    return Path(path).expanduser() if path else default_db_path()


def open_db(path: str | os.PathLike[str], *, create: bool = True, thread_safe: bool = False) -> Database:
    """Open (or create) a termbase, apply pending migrations, turn on FKs, WAL, busy timeout.

    `thread_safe=True` gives the connection `check_same_thread=False` for a TUI worker thread.
    """
    from sqlite_utils import Database

    path = Path(path)
    if str(path) == ":memory:":
        return _prepare(Database(memory=True), path)
    if path.is_dir():
        raise DatabaseError(f"{path}: is a directory, not a glossary database")
    if path.exists():
        _check_sqlite_file(path)
    elif not create:
        raise DatabaseError(f"{path}: no such glossary database (run `glossary mine` or `glossary import` first)")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"{path}: cannot create the database folder: {exc.strerror}") from exc
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=not thread_safe)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot open database: {exc}") from exc
    return _prepare(Database(conn), path)


def discard_if_empty(db: Database, path: str | os.PathLike[str]) -> bool:
    """Close `db` and delete its file (with its WAL and shared-memory files) when it holds no entry and no
    document: a termbase a failed command or a dry run created, which would otherwise be left behind
    (`glossary --db new.db import broken.tbx` left an empty new.db). True when deleted."""
    empty = not db.execute("SELECT EXISTS (SELECT 1 FROM entries) OR EXISTS (SELECT 1 FROM documents)").fetchone()[0]
    db.close()
    if empty:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return empty


def open_db_readonly(path: str | os.PathLike[str]) -> Database:
    """Open an existing termbase for reading only (see connect_readonly): nothing can be written."""
    from sqlite_utils import Database

    return Database(connect_readonly(path))


def connect_readonly(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A plain sqlite3 connection to an existing termbase that cannot write (see open_db_readonly).

    Where the termbase and its folder are writable it is opened read-write with `PRAGMA query_only`:
    SQLite refuses every write all the same, and the last connection to close removes the WAL and
    shared-memory files a WAL-mode termbase needs while read (in `mode=ro` it cannot, so a `check`
    left t.db-wal and t.db-shm beside the termbase). Elsewhere (a read-only file or folder) `mode=ro`."""
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path}: is a directory, not a glossary database")
    if not path.exists():
        raise DatabaseError(f"{path}: no such glossary database (run `glossary mine` or `glossary import` first)")
    _check_sqlite_file(path)
    try:
        writable = os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)
        mode = "rw" if writable else "ro"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        if writable:
            conn.execute("PRAGMA query_only = ON")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot open database: {exc}") from exc
    if not {"entries", "terms"} <= tables:
        conn.close()
        raise DatabaseError(f"{path}: not a glossary database (no entries/terms tables)")
    return conn


def _check_sqlite_file(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except PermissionError as exc:
        raise DatabaseError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot read: {exc.strerror}") from exc
    if head and head != _SQLITE_MAGIC:
        raise DatabaseError(f"{path}: not a glossary database (not an SQLite file)")


def _prepare(db: Database, path: Path) -> Database:
    from .schema import migrations

    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        tables = set(db.table_names())
        if tables and "entries" not in tables and "_sqlite_migrations" not in tables:
            raise DatabaseError(f"{path}: not a glossary database (it holds other tables)")
        if str(path) != ":memory:" and not _readonly(path):
            db.execute("PRAGMA journal_mode = WAL")
        pending = migrations.pending(db)
        if pending:
            if _readonly(path):
                raise DatabaseError(f"{path}: read-only database needs an upgrade ({len(pending)} migrations pending)")
            migrations.apply(db)
    except DatabaseError:
        db.close()
        raise
    except sqlite3.DatabaseError as exc:
        db.close()
        msg = str(exc)
        if "locked" in msg or "busy" in msg:
            raise DatabaseError(f"{path}: database is locked by another process; try again when it finishes") from exc
        if "readonly" in msg or "read-only" in msg:
            raise DatabaseError(f"{path}: database is read-only") from exc
        raise DatabaseError(f"{path}: not a usable glossary database ({msg})") from exc
    return db


def _readonly(path: Path) -> bool:
    return str(path) != ":memory:" and path.exists() and not os.access(path, os.W_OK)


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """A transaction that takes the write lock up front (`BEGIN IMMEDIATE`).

    It waits (busy timeout) while another process writes, where a deferred transaction that
    has already read fails at once with "database is locked". Nested use is a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def schema_version(db: Database) -> list[str]:
    """Names of the applied migrations, oldest first."""
    from .schema import migrations

    return [m.name for m in migrations.applied(db)]


__all__ = ["open_db", "open_db_readonly", "connect_readonly", "default_db_path", "resolve_db_path", "schema_version"]
