"""`glossary export`: write the termbase as TBX, CSV, OmegaT TSV, XLSX or JSONL for CAT tools."""

from __future__ import annotations

import click

from glossary.formats import FORMATS

from ._common import FilePath, command, stderr_progress, with_termbase


@command("export")
@click.argument("out", type=FilePath(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="tbx (TBX-Basic v2, default for .tbx), tbx3 (ISO 30042:2019), csv, tsv (OmegaT), xlsx, jsonl. "
                   "Default: from OUT's extension.")
@click.option("--status", type=click.Choice(("approved", "all", "candidate", "rejected")), default="approved",
              show_default=True, help="Which entries to export.")
@with_termbase(create=False)
def command(db, out: str, fmt: str | None, status: str) -> None:
    """Export the glossary to OUT (`-` for standard output)."""
    from db.interchange import export_glossary
    from db.entries import status_counts
    from glossary.formats import format_for

    total = sum(status_counts(db).values()) if status == "all" else status_counts(db).get(status, 0)
    if out == "-":
        export_glossary(db, out, fmt, status=status)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn

    with stderr_progress(TextColumn("exporting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()) as bar:
        task = bar.add_task("export", total=total)
        count = export_glossary(db, out, fmt, status=status, progress=lambda n: bar.update(task, completed=n))
    hint = "" if count or status == "all" else " (use --status all to include unreviewed candidates)"
    if count < total and format_for(out, fmt) == "tsv":
        hint = f" ({total - count:,} without terms in both languages left out: an OmegaT glossary holds one pair)"
    which = "" if status == "all" else f" {status}"
    click.echo(f"{out}: {count:,}{which} {'entry' if count == 1 else 'entries'} written{hint}")
