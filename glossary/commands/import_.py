"""`glossary import`: merge a TBX, CSV, OmegaT TSV, XLSX or JSONL glossary into the termbase."""

from __future__ import annotations

import click

from glossary.formats import FORMATS

from ._common import FilePath, command, stderr_progress, with_termbase


@command("import")
@click.argument("file", type=FilePath())
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Default: from the extension, else the content.")
@click.option("--dry-run", is_flag=True, help="Report what the import would do; write nothing.")
@click.option("--status", "default_status", type=click.Choice(("approved", "candidate")), default="approved",
              show_default=True, help="Status of imported entries whose file does not give one "
                                      "(candidate: review them first).")
@with_termbase(create=True)
def command(db, file: str, fmt: str | None, dry_run: bool, default_status: str) -> None:
    """Import the glossary FILE: entries merge into existing ones by their normalized terms.

    Conflicting renderings become admitted variants; reviewed entries keep their decisions.
    """
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    from db.interchange import import_glossary

    with stderr_progress(SpinnerColumn(), TextColumn("importing: {task.completed:,} entries read"),
                         TimeElapsedColumn()) as bar:
        task = bar.add_task("import", total=None)
        report = import_glossary(db, file, fmt, default_status=default_status, dry_run=dry_run,
                                 progress=lambda n: bar.update(task, completed=n))
    for line in report.lines():
        click.echo(line)
