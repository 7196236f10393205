"""The termbase on SQLite (sqlite-utils): migrations, and plain functions over a Database."""

from .connection import (
    connect_readonly,
    default_db_path,
    discard_if_empty,
    open_db,
    open_db_readonly,
    resolve_db_path,
    schema_version,
    write_transaction,
)

__all__ = ["open_db", "discard_if_empty", "open_db_readonly", "connect_readonly", "default_db_path", "resolve_db_path", "schema_version",
           "write_transaction"]
