"""`glossary demo`: a fresh demo termbase built from the bundled sample corpus in examples/."""

from __future__ import annotations

from pathlib import Path

import click

from ._common import command, console, progress_bar

DEMO_DB_NAME = "demo.db"


def examples_dir() -> Path:
    """The bundled demo corpus: examples/ beside the package in a clone, or packaged with it."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package.parent / "examples", package / "_examples"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    from glossary.errors import InputError

    raise InputError(f"{package.parent / 'examples'}: the demo corpus is missing (run from a clone of the repository)")


def default_demo_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("glossary", appauthor=False)) / DEMO_DB_NAME


def demo_db_path(ctx: click.Context, db_path: str | None) -> Path:
    """`--db` given on the command line (here or on the group), else demo.db in the user data folder.

    $GLOSSARY_DB is ignored on purpose: the demo must never touch the user's real termbase.
    """
    root = ctx.find_root()
    if db_path:
        return Path(db_path).expanduser()
    if root.get_parameter_source("db_path") == click.core.ParameterSource.COMMANDLINE:
        return Path(root.params["db_path"]).expanduser()
    return default_demo_path()


def remove_previous_demo(path: Path, examples: Path) -> None:
    """Delete an earlier demo termbase at `path`; refuse if it holds anything but the demo corpus."""
    if not path.exists():
        return
    from db import open_db
    from glossary.errors import DatabaseError

    db = open_db(path)
    try:
        # By file name, not path: a demo built from another clone (or a moved one) is still the demo.
        names = [r[0] for r in db.execute("SELECT name FROM documents")]
        demo_names = {p.name for p in examples.rglob("*") if p.is_file()}
        foreign = [n for n in names if n not in demo_names]
        nothing_stored = not names and not db.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        db.close()
    if foreign or not (names or nothing_stored):
        raise DatabaseError(
            f"{path}: holds documents other than the demo corpus; the demo builds a fresh termbase, "
            "so give it a new file with --db"
        )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_demo(path: Path, *, progress=None):
    """Create a fresh termbase at `path`, ingest, align and mine the demo corpus into it.

    Returns the open database and the mining summary. `progress(done, total, name)` is
    called after each document.
    """
    from db import open_db
    from db.mining import mine_paths

    examples = examples_dir()
    remove_previous_demo(path, examples)
    db = open_db(path)
    try:
        summary = mine_paths(db, [examples], progress=progress)
    except BaseException:
        db.close()
        raise
    return db, summary


def print_holdings(db, path: Path) -> None:
    """What the demo termbase holds: documents with paragraphs by language, and entries."""
    from rich.table import Table

    from db.documents import list_documents
    from db.entries import status_counts

    out = console()
    table = Table("document", "zh", "en", "script", "dropped lines", title=f"demo termbase: {path}")
    documents = list_documents(db)
    for d in documents:
        table.add_row(d.name, str(d.zh), str(d.en), d.script or "-", str(d.dropped))
    out.print(table)
    counts = status_counts(db)
    out.print(
        f"{len(documents)} documents, {sum(d.zh for d in documents)} zh and {sum(d.en for d in documents)} en "
        f"paragraphs; {sum(counts.values())} entries"
    )


@command("demo", db_help="Demo termbase file (default: the group's --db, else demo.db in the user data folder; "
                          "$GLOSSARY_DB is ignored).")
@click.option("--no-tui", is_flag=True, help="Only build the demo termbase and print what it holds.")
@click.pass_context
def command(ctx: click.Context, db_path: str | None, no_tui: bool) -> None:
    """Mine the bundled sample corpus into a fresh demo termbase and open the TUI on it.

    The demo termbase is demo.db in the user data folder unless --db names one;
    $GLOSSARY_DB is ignored, so the demo never touches your own termbase. When not on a
    terminal (or with --no-tui) it prints a summary instead of opening the TUI.
    """
    import sys

    path = demo_db_path(ctx, db_path)
    with progress_bar("mining the demo corpus") as progress:
        db, summary = build_demo(path, progress=progress)
    try:
        print_holdings(db, path)
        console().print(
            f"mined {summary.pairs} aligned sentence pairs: {summary.entries_added} candidate entries, "
            f"{summary.occurrences_added} occurrences"
        )
    finally:
        db.close()
    if no_tui or not (sys.stdin.isatty() and sys.stdout.isatty()):
        console().print(f"Review them: glossary --db {path} tui")
        return
    from tui.app import make_app

    make_app(path).run()
