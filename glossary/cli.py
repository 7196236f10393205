"""The `glossary` command line: a lazy click group over the modules in `glossary/commands/`.

Each command lives in its own module exposing `command`; heavy libraries (jieba, opencc,
textual) are imported inside command bodies so that `glossary --help` starts fast.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
import sys

import click

from glossary import __version__
from glossary.errors import GlossaryError, UsageError

from . import commands as _commands_pkg
from .commands._common import FilePath, OneLineError


class LazyGroup(click.Group):
    """Commands are discovered from `glossary.commands` and imported only when needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(
            m.name.rstrip("_").replace("_", "-")
            for m in pkgutil.iter_modules(_commands_pkg.__path__)
            if not m.name.startswith("_")
        )

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = cmd_name.replace("-", "_")
        for candidate in (module_name, module_name + "_"):
            try:
                module = importlib.import_module(f"glossary.commands.{candidate}")
            except ModuleNotFoundError as exc:
                if exc.name == f"glossary.commands.{candidate}":
                    continue
                raise
            return module.command
        return None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise OneLineError(f"{exc.message} (see glossary {ctx.invoked_subcommand} --help)", exit_code=2) from exc
        except GlossaryError as exc:
            raise OneLineError(exc.message) from exc
        except sqlite3.OperationalError as exc:
            msg = str(exc)
            if "locked" in msg or "busy" in msg:
                msg = "the termbase is locked by another process; try again when it finishes"
            raise OneLineError(f"database error: {msg}") from exc
        except BrokenPipeError:
            _quiet_stdout()  # the reader (head, less) has closed the pipe: stop without a message, like cat
            ctx.exit(141)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise OneLineError(f"{where}{exc.strerror or exc}") from exc
        except KeyboardInterrupt:
            click.echo(f"glossary: interrupted; {INTERRUPTED.get(ctx.invoked_subcommand, NOTHING_KEPT)}", err=True)
            ctx.exit(130)


# What Ctrl-C leaves: ingest stores each document in its own transaction; every other command writes
# in one transaction (mine, import, demo) or to a temporary file moved into place (export), or not at all.
NOTHING_KEPT = "nothing of this run was kept, nothing half-written"
INTERRUPTED = {"ingest": "completed files were kept, nothing half-written"}


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit raises no second BrokenPipeError."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test runner's stdout)
        pass


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db", "db_path", type=FilePath(), envvar="GLOSSARY_DB",
    help="Termbase file (default: $GLOSSARY_DB, else glossary.db in the user data folder).",
)
@click.version_option(__version__, "--version", prog_name="glossary")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None) -> None:
    """Chinese–English terminology: mine term pairs, review, look up, exchange, check drafts."""
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path


def main() -> None:
    cli(prog_name="glossary")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
