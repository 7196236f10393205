"""`glossary mine PATH...`: ingest, align and mine bilingual documents into the termbase."""

from __future__ import annotations

import os

import click

from ._common import FilePath, command, progress_bar, with_termbase


@command("mine")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--pair", "pairs", nargs=2, multiple=True, metavar="ZH EN", type=FilePath(),
              help="A Chinese file and its English translation, mined as one document (repeat for more).")
@click.option("--workers", type=click.IntRange(1, 16), default=None,
              help="Worker processes for reading and mining (default: one per core, up to 4, and no more "
                   "than the documents).")
@with_termbase(create=True)
def command(db, paths: tuple[str, ...], pairs: tuple[tuple[str, str], ...], workers: int | None) -> None:
    """Mine term pairs from bilingual documents (files or folders) into the termbase."""
    from db.mining import mine_paths
    from glossary.errors import GlossaryError, UsageError

    if not paths and not pairs:
        raise UsageError("give the documents to mine: files or folders, or --pair ZH EN")
    try:
        with progress_bar("mining") as progress:
            summary = mine_paths(db, paths, progress=progress, workers=workers, pairs=pairs)
    except GlossaryError as exc:  # one transaction for the whole run: say that nothing was kept
        if len(paths) + len(pairs) > 1 or paths and os.path.isdir(paths[0]):
            raise type(exc)(f"{exc.message}; nothing was mined (fix or leave out that file and run again)",
                            exc.title) from exc
        raise
    click.echo(
        f"documents: {summary.documents} (already mined: {summary.already_mined}, "
        f"Chinese only: {summary.chinese_only}"
        + (f", no Chinese: {summary.english_only}" if summary.english_only else "")
        + f")  aligned pairs: {summary.pairs}  "
        f"entries added: {summary.entries_added}  merged: {summary.entries_merged}  "
        f"occurrences: {summary.occurrences_added}"
    )
