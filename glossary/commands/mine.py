"""`glossary mine PATH...`: ingest, align and mine bilingual documents into the termbase."""

from __future__ import annotations

import click

from ._common import command, console, with_termbase


@command("mine")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--workers", type=click.IntRange(1, 16), default=None,
              help="Worker processes for reading and mining (default: one per core).")
@with_termbase(create=True)
def command(db, paths: tuple[str, ...], workers: int | None) -> None:
    """Mine term pairs from bilingual documents (files or folders) into the termbase."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from db.mining import mine_paths

    out = console(stderr=True)
    with Progress(TextColumn("[bold]mining[/]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=out, transient=True) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=name)

        summary = mine_paths(db, paths, progress=progress, workers=workers)
    click.echo(
        f"documents: {summary.documents} (already mined: {summary.already_mined}, "
        f"Chinese only: {summary.chinese_only})  aligned pairs: {summary.pairs}  "
        f"entries added: {summary.entries_added}  merged: {summary.entries_merged}  "
        f"occurrences: {summary.occurrences_added}"
    )
