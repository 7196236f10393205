"""Shared option decorators and helpers for the CLI commands."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from glossary import __version__


class OneLineError(click.ClickException):
    """Printed as `glossary: error: <message>` on stderr, exit status 1 (2 for a usage error)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"glossary: error: {self.format_message()}", err=True)


class FilePath(click.Path):
    """click.Path for one file (never a folder): a folder given for it is an unusable file, a one-line
    error with exit status 1 like a missing one (`import terms/` -> `terms: a folder, not a file`), not
    click's usage message with exit status 2."""

    def __init__(self, **kwargs) -> None:
        super().__init__(dir_okay=False, **kwargs)

    def convert(self, value, param, ctx):
        if not (self.allow_dash and value == "-") and os.path.isdir(value):
            raise OneLineError(f"{os.fsdecode(value)}: a folder, not a file")
        return super().convert(value, param, ctx)


DB_HELP = "Termbase file (default: the group's --db, $GLOSSARY_DB, or the user data folder)."


def db_option(func: Callable, help: str = DB_HELP) -> Callable:
    """`--db PATH` on a command (overrides the group's `--db` and `GLOSSARY_DB`)."""
    return click.option("--db", "db_path", type=FilePath(), default=None, help=help)(func)


def version_option(func: Callable) -> Callable:
    return click.version_option(__version__, "--version", prog_name="glossary")(func)


def command(name: str, db_help: str = DB_HELP, **kwargs) -> Callable:
    """A glossary subcommand: `--db`, `--version` and `--help` on every one. `db_help` says where a
    command's termbase is when `--db` is not given, for a command that differs (`demo` ignores
    $GLOSSARY_DB and builds demo.db)."""

    def decorate(func: Callable) -> click.Command:
        return click.command(name, context_settings={"help_option_names": ["-h", "--help"]}, **kwargs)(
            version_option(db_option(func, db_help))
        )

    return decorate


def db_path_from(ctx: click.Context, db_path: str | None):
    """The termbase path: the command's --db, else the group's, else GLOSSARY_DB/default."""
    from db import resolve_db_path

    root = ctx.find_root()
    return resolve_db_path(db_path or (root.obj or {}).get("db_path"))


def with_termbase(create: bool = True) -> Callable:
    """Decorator: pass an open termbase as `db` instead of `db_path`; close it afterwards. A termbase the
    command created is removed again if it is still empty (a bad file, a dry run: nothing left behind)."""

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        @click.pass_context
        def wrapper(ctx: click.Context, *args, db_path: str | None = None, **kwargs):
            from db import discard_if_empty, open_db

            path = db_path_from(ctx, db_path)
            created = create and not path.exists()
            db = open_db(path, create=create)
            try:
                return ctx.invoke(func, *args, db=db, **kwargs)
            finally:
                if created:
                    discard_if_empty(db, path)
                else:
                    db.close()

        return wrapper

    return decorate


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def stderr_progress(*columns):
    """A transient rich Progress on stderr, shown on a terminal only: in a log or a pipe it would
    leave nothing but a stray blank line."""
    from rich.progress import Progress

    out = console(stderr=True)
    return Progress(*columns, console=out, transient=True, disable=not out.is_terminal)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int, str], None]]:
    """A transient rich progress bar on stderr; yields `update(done, total, name)`."""
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn

    with stderr_progress(TextColumn(f"[bold]{label}[/]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                         TextColumn("{task.description}")) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=name)

        yield update
