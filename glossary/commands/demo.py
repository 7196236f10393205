"""`glossary demo`: a fresh demo termbase built from the bundled sample corpus in examples/."""

from __future__ import annotations

from pathlib import Path

import click

from ._common import command, console

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
        paths = [Path(r[0]) for r in db.execute("SELECT path FROM documents")]
        foreign = [p for p in paths if not p.is_relative_to(examples.resolve())]
        nothing_stored = not paths and not db.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        db.close()
    if foreign or not (paths or nothing_stored):
        raise DatabaseError(
            f"{path}: holds documents other than the demo corpus; the demo builds a fresh termbase, "
            "so give it a new file with --db"
        )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_demo(path: Path, *, progress: bool | None = None):
    """Create a fresh termbase at `path`, ingest the demo corpus into it, return it open.

    Later stages (align, mine) extend the demo by working on the returned database.
    """
    from db import open_db

    from .ingest import ingest_paths

    examples = examples_dir()
    remove_previous_demo(path, examples)
    db = open_db(path)
    report = ingest_paths(db, [str(examples)], progress=progress)
    if report.failures:
        from glossary.errors import IngestError

        db.close()
        raise IngestError(f"{examples}: {len(report.failures)} demo documents failed to ingest")
    return db


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
    out.print(f"Try: glossary --db {path} stats")


@command("demo")
@click.pass_context
def command(ctx: click.Context, db_path: str | None) -> None:
    """Build a fresh demo termbase from the bundled sample corpus and show what it holds.

    The demo termbase is demo.db in the user data folder unless --db names one;
    $GLOSSARY_DB is ignored, so the demo never touches your own termbase.
    """
    path = demo_db_path(ctx, db_path)
    db = build_demo(path)
    try:
        print_holdings(db, path)
    finally:
        db.close()
