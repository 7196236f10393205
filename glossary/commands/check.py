"""`glossary check`: check a draft against the glossary (missing, unapproved, misused, inconsistent and
untranslated terms)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from ._common import FilePath, command, console, db_path_from

_FILE = FilePath(path_type=Path)


@command("check")
@click.argument("draft_files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--source", "source_path", type=_FILE, help="Chinese source as plain text; aligned with --draft.")
@click.option("--draft", "draft_path", type=_FILE, help="English draft as plain text (alone: English-only check, or aligned first when it is a "
                   "bilingual document).")
@click.option("--json", "as_json", is_flag=True,
              help="Print the findings as one JSON object per draft (schema in the README).")
@click.option("--unlisted", is_flag=True,
              help="Also report Chinese terms missing from the glossary that the draft renders in several "
                   "ways (info; runs the miner, slower).")
@click.option("--strict", is_flag=True,
              help="Report every approved term without an approved rendering as missing (error), without "
                   "looking for the words the draft used instead (faster on very large drafts).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding reaches this severity.")
@click.option("--workers", type=click.IntRange(1, 16), default=None,
              help="Processes for long drafts (default: one per core, up to 4).")
@click.option("--tui", "browse", is_flag=True,
              help="Browse the findings in the TUI (source and target segments with the terms highlighted).")
@click.pass_context
def command(ctx: click.Context, db_path: str | None, draft_files: tuple[Path, ...], source_path: Path | None,
            draft_path: Path | None, as_json: bool, unlisted: bool, strict: bool, fail_on: str, workers: int | None,
            browse: bool) -> None:
    """Check drafts against the glossary.

    DRAFT_FILES are bilingual TSV, XLIFF (.xlf, .xliff, .sdlxliff, .mqxliff) or TMX files (or an
    English-only .txt, or a bilingual .txt, aligned first), or folders of them, each checked on its own.
    Plain text: `--source ZH.txt --draft EN.txt` (aligned first) or `--draft EN.txt` alone. Exit status 1
    when a finding reaches --fail-on (default: error).
    """
    from db import connect_readonly
    from db.check import check_glossary
    from glossary.check import check_segments, fails
    from glossary.errors import GlossaryError

    inputs = _draft_inputs(draft_files, source_path, draft_path)
    path = db_path_from(ctx, db_path)
    db = connect_readonly(path)  # plain sqlite3: the check never writes, and starts faster without sqlite-utils
    try:
        glossary = check_glossary(db, path)
    finally:
        db.close()
    failed = False
    results = []
    for draft in inputs:
        try:
            if isinstance(draft, GlossaryError):
                raise draft
            read, size, name, english_only, window = draft
            with _progress(size, enabled=not as_json) as advance:
                result = check_segments(read(advance), glossary, name=name, english_only=english_only,
                                        window=window, unlisted=unlisted, strict=strict, workers=workers)
        except (GlossaryError, OSError) as exc:
            if len(inputs) == 1:
                raise
            message = exc.message if isinstance(exc, GlossaryError) else f"{exc.filename}: {exc.strerror or exc}"
            click.echo(f"glossary: error: {message}", err=True)  # the other drafts are still checked
            failed = True
            continue
        if as_json:
            from glossary.check.report import result_to_dict

            click.echo(json.dumps(result_to_dict(result, fail_on), ensure_ascii=False))
        else:
            _print_table(result, fail_on, len(glossary), glossary.entry_status.count("approved"))
        failed = failed or fails(result.issues, fail_on)
        results.append(result)
    if browse:
        _browse(db_path_from(ctx, db_path), results)
    if failed:
        ctx.exit(1)


def _browse(path: Path, results: list) -> None:
    """Open the TUI on the termbase with the findings of every draft checked on the check screen."""
    from glossary.models import CheckResult
    from tui.app import make_app
    from tui.screens.check import CheckScreen

    from dataclasses import replace

    several = len(results) > 1  # a segment id is told apart by its draft's name (its path if names repeat)
    names = [Path(r.draft).name for r in results]
    label = dict(zip((r.draft for r in results), names)) if len(set(names)) == len(names) else {}
    combined = CheckResult(issues=tuple(replace(i, segment=f"{label.get(r.draft, r.draft)}:{i.segment}") if several else i
                                        for r in results for i in r.issues),
                           segments=sum(r.segments for r in results),
                           draft=", ".join(r.draft for r in results if r.draft))
    make_app(path, initial_screen=lambda: CheckScreen(combined)).run()


def _draft_inputs(draft_files: tuple[Path, ...], source_path: Path | None, draft_path: Path | None) -> list:
    """The drafts named on the command line, each as _draft_input gives it; unknown formats and
    missing files fail here, before the termbase is opened."""
    from glossary.check.readers import drafts_under
    from glossary.errors import InputError, UsageError

    expanded: list[Path] = []
    for path in draft_files:
        found = drafts_under(path) if path.is_dir() else [path]
        if not found:
            raise InputError(f"{path}: no drafts in this folder (.xlf, .xliff, .sdlxliff, .mqxliff, .tmx, .tsv)")
        expanded += found
    draft_files = tuple(expanded)
    if len(draft_files) > 1 and (source_path or draft_path):
        raise UsageError("--source/--draft take one plain-text pair; give bilingual files without them")
    if len(draft_files) > 1:
        return [_checked_input(path) for path in draft_files]
    return [_draft_input(draft_files[0] if draft_files else None, source_path, draft_path)]


def _checked_input(path: Path):
    """_draft_input for one of several drafts, or the error that stops it (the others go on)."""
    from glossary.check.readers import shown
    from glossary.errors import GlossaryError, InputError

    try:
        if not path.exists():
            raise InputError(f"{shown(path)}: no such file")
        return _draft_input(path, None, None)
    except GlossaryError as exc:
        return exc


def _draft_input(draft_file: Path | None, source_path: Path | None, draft_path: Path | None):
    """(read(progress), size, name, english_only, window) for the input form on the command line."""
    from glossary.check import draft_format, read_draft
    from glossary.check.readers import shown
    from glossary.errors import UsageError

    if draft_file and draft_path:
        raise UsageError("give the draft either as an argument or with --draft, not both")
    if source_path and not (draft_path or draft_file):
        raise UsageError("--source needs the English draft: --source ZH.txt --draft EN.txt")
    bilingual = _bilingual(draft_path or draft_file)
    if source_path and bilingual:
        raise UsageError(f"{shown(bilingual)}: a bilingual draft holds its own source; check it without --source")
    if bilingual:  # `--draft draft.xlf`: the same as `check draft.xlf`
        draft_file, draft_path = bilingual, None
    plain = draft_path or (draft_file if source_path else None)
    if plain is None and draft_file is None:
        raise UsageError("no draft given: glossary check DRAFT.tsv|.xlf|.tmx, or --source ZH.txt --draft EN.txt")
    if plain is None and draft_file.suffix.lower() in (".txt", ".md", ".text"):
        plain = draft_file
    if plain is not None:
        from glossary.check.plain import read_aligned, read_plain

        size = _size(plain) + (_size(source_path) if source_path else 0)
        if source_path:
            return lambda advance: read_aligned(source_path, plain), size, shown(plain), False, 1
        segments, english_only = read_plain(plain)  # read now: its content says how to check it
        return lambda advance: iter(segments), size, shown(plain), english_only, 0 if english_only else 1
    draft_format(draft_file)
    return lambda advance: read_draft(draft_file, advance), _size(draft_file), shown(draft_file), False, 0


def _bilingual(path: Path | None) -> Path | None:
    """`path` when its suffix names a bilingual draft format (XLIFF, TMX, TSV)."""
    from glossary.check.readers import TMX_SUFFIXES, TSV_SUFFIXES, XLIFF_SUFFIXES

    return path if path and path.suffix.lower() in XLIFF_SUFFIXES + TMX_SUFFIXES + TSV_SUFFIXES else None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class _progress:
    """A transient progress bar over the draft's bytes, on a terminal only."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled, self.bar = total, enabled, None

    def __enter__(self):
        out = console(stderr=True) if self.enabled and self.total > 1_000_000 else None
        if out is not None and out.is_terminal:
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("checking"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                                console=out, transient=True)
            self.bar.start()
            task = self.bar.add_task("check", total=self.total)
            return lambda done: self.bar.update(task, completed=done)
        return None

    def __exit__(self, *exc) -> None:
        if self.bar:
            self.bar.stop()


_TITLES = {
    "missing": "Missing terms", "unapproved": "Unapproved renderings", "forbidden": "Forbidden renderings", "deprecated": "Deprecated renderings",
    "superseded": "Superseded renderings", "inconsistent": "Inconsistent renderings",
    "untranslated": "Untranslated Chinese", "empty": "Empty targets", "omitted": "Source text without English",
}
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_COLUMNS = {
    "term": ("segment", "line", "source term", "expected", "found"),
    "inconsistent": ("segment", "line", "severity", "source term", "expected", "found", "note"),
    "untranslated": ("segment", "line", "found"),
    "empty": ("segment", "line", "source"),
    "omitted": ("segment", "source", "note"),
}


def _note(issue) -> str:
    """What the table's other columns do not say already: where the expected rendering is used (the
    message without its source term, found and expected), and whether the term is in the glossary."""
    if issue.kind != "inconsistent" or " here but " not in issue.message:
        return issue.message
    where = re.sub(r"^“[^”]*” ", "", issue.message.split(" here but ", 1)[1])
    return f"“expected” used {where}" + ("; not in the glossary" if issue.entry_id is None else "")


def _informative(column: str, issues: list) -> bool:
    """False for a column that would only repeat what the others say: severity when all rows share
    one (the table's kind gives it), line when every line is the segment id (TSV, English-only), found
    when it is empty in every row."""
    if column == "severity":
        return len({i.severity for i in issues}) > 1
    if column == "line":
        return any(str(i.line) != i.segment for i in issues)
    if column == "found":
        return any(i.found for i in issues)  # never for missing terms: the draft has nothing there
    return True


def _print_table(result, fail_on: str, glossary_size: int, approved: int) -> None:
    from rich.table import Table

    from glossary.check.checker import KIND_ORDER

    out = console()
    by_kind: dict[str, list] = {}
    for issue in result.issues:
        by_kind.setdefault(issue.kind, []).append(issue)
    for kind in KIND_ORDER:
        issues = by_kind.get(kind)
        if not issues:
            continue
        table = Table(title=f"{_TITLES[kind]} ({len(issues)})", title_justify="left")
        columns = [c for c in _COLUMNS.get(kind, _COLUMNS["term"]) if _informative(c, issues)]
        for column in columns:
            table.add_column(column, overflow="fold", no_wrap=column in ("segment", "line"))
        for i in issues:
            values = {"segment": i.segment, "line": str(i.line or ""), "source term": i.source_term,
                      "expected": i.expected, "found": i.found, "source": i.source_text, "note": _note(i),
                      "severity": f"[{_STYLE[i.severity]}]{i.severity}[/]"}
            table.add_row(*(values[c] for c in columns))
        out.print(table)
    counts = {s: sum(1 for i in result.issues if i.severity == s) for s in ("error", "warning", "info")}
    summary = ", ".join(f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in counts.items())
    segments = f"{result.segments} segment{'s' if result.segments != 1 else ''}"
    entries = f"{glossary_size} entr{'ies' if glossary_size != 1 else 'y'} ({approved} approved)"
    out.print(f"{result.draft}: {segments} checked against {entries}: {summary}")
    if glossary_size == 0:
        out.print("[yellow]the glossary is empty: only untranslated and empty segments were checked[/]")
    elif approved == 0:
        out.print("[yellow]no entry is approved: missing terms are looked for only for approved entries "
                  "(review the candidates with `glossary tui`)[/]")
