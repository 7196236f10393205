"""`glossary ingest PATH...`: store cleaned, language-tagged paragraphs of documents."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field

import click

from ._common import command, console, stderr_progress, with_termbase


@command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help='Print one JSON line per kept paragraph: {"doc","seq","lang","text","original"}.')
@with_termbase(create=True)
def command(db, paths: tuple[str, ...], as_json: bool) -> None:
    """Ingest documents (.txt, .md, .html; folders searched recursively).

    Each document is stored in its own transaction: re-ingesting an unchanged file adds
    nothing, a changed file replaces its old version. Bad files are reported one per line
    and skipped; the exit status is 1 if any file failed.
    """
    report = ingest_paths(db, paths, echo_paragraphs=as_json)
    if not as_json:
        print_summary(report)
    if report.failures:
        sys.exit(1)


@dataclass
class IngestReport:
    """What one `ingest` run did: a row per stored document, a message per failed path."""

    rows: list[dict] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    interrupted: bool = False


def ingest_paths(db, paths, *, echo_paragraphs: bool = False, progress: bool | None = None) -> IngestReport:
    """Find, read and store every document under `paths`; bad files are reported, not fatal.

    Each file streams into its own transaction; an unchanged file is only hashed.
    """
    from db.documents import document_summary, dropped_reasons, iter_paragraphs, store_reader
    from glossary.errors import IngestError
    from glossary.ingest import DocumentReader, find_input_files
    from glossary.keys import printable_path

    report = IngestReport()
    files, seen = [], set()
    for path in paths:  # one at a time: a bad path is reported and the others still go in
        try:
            found = find_input_files([path])
        except IngestError as exc:
            _fail(report, exc.message)
            continue
        for file in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                files.append(file)
    if progress is None:
        progress = sys.stderr.isatty() and len(files) > 1
    with _progress_bar(progress, len(files)) as advance:
        try:
            for file in files:
                name = printable_path(file.name)
                advance(name)
                try:
                    result = store_reader(db, DocumentReader(file))
                except IngestError as exc:
                    _fail(report, exc.message)
                    continue
                summary = document_summary(db, result.document_id)
                report.rows.append({
                    "name": name, "id": result.document_id, "status": result.status, "zh": summary.zh,
                    "en": summary.en, "dropped": dropped_reasons(db, result.document_id),
                    "encoding": summary.encoding, "script": summary.script,
                })
                if echo_paragraphs:
                    for p in iter_paragraphs(db, result.document_id):
                        click.echo(json.dumps(
                            {"doc": name, "seq": p.seq, "lang": p.lang, "text": p.text, "original": p.original},
                            ensure_ascii=False,
                        ))
        except KeyboardInterrupt:
            report.interrupted = True
            print_summary(report, err=True)
            raise
    return report


def _fail(report: IngestReport, message: str) -> None:
    report.failures.append(message)
    click.echo(f"glossary: error: {message}", err=True)


class _progress_bar:
    """A rich progress bar on stderr when asked, else a no-op; yields `advance(label)`."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled, self.total, self.progress, self.task = enabled, total, None, None

    def __enter__(self):
        if not self.enabled:
            return lambda label: None
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn

        self.progress = stderr_progress(
            TextColumn("ingesting {task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        self.progress.start()
        self.task = self.progress.add_task("", total=self.total)
        started = [False]

        def advance(label: str) -> None:
            if started[0]:
                self.progress.advance(self.task)
            started[0] = True
            self.progress.update(self.task, description=label)

        return advance

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()


def print_summary(report: IngestReport, err: bool = False) -> None:
    from rich.table import Column, Table

    out = console(stderr=err)
    if report.rows:
        table = Table(
            Column("document", overflow="fold", ratio=3), "status", "zh", "en",
            Column("dropped lines", overflow="fold", ratio=2), "encoding", "script",
        )
        for row in report.rows:
            dropped = ", ".join(f"{reason} {n}" for reason, n in row["dropped"].items())
            table.add_row(row["name"], row["status"], str(row["zh"]), str(row["en"]), dropped or "-",
                          row["encoding"] or "-", row["script"] or "-")
        out.print(table)
    statuses = {s: sum(1 for r in report.rows if r["status"] == s) for s in ("added", "replaced", "unchanged")}
    line = ", ".join(f"{n} {s}" for s, n in statuses.items() if n) or "nothing stored"
    if report.failures:
        line += f"; {len(report.failures)} failed"
    if report.interrupted:
        line += "; interrupted (the documents listed are stored whole, the rest untouched)"
    out.print(line)
