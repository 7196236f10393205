"""`glossary lookup QUERY`: the TUI's search engine on the command line."""

from __future__ import annotations

import json

import click

from ._common import command, console, with_termbase


@command("lookup")
@click.argument("query")
@click.option("--limit", "-n", type=click.IntRange(1, 1000), default=10, show_default=True, help="Most results to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as a JSON array: per entry its JSONL export line (zh, en, terms...) "
                   "and matched, match, key, match_score.")
@with_termbase(create=False)
def command(db, query: str, limit: int, as_json: bool) -> None:
    """Look a term up: Chinese (Simplified or Traditional), English (typos tolerated),
    pinyin with or without tones and spaces, pinyin initials, acronyms.

    Exit status 1 when no entry matches (as grep: `glossary lookup 外防输入 || ...` in a script).
    """
    from db.lookup import lookup
    from glossary.errors import UsageError
    from glossary.formats.jsonl import entry_summary
    from glossary.models import entry_to_dict

    if not query.strip():
        raise UsageError("the query is empty; give a term, pinyin or acronym to look up")
    hits = lookup(db, query, limit=limit)
    if as_json:
        click.echo(json.dumps(
            [{**entry_summary(h.entry), **entry_to_dict(h.entry),  # the entry as a JSONL export line
              "matched": h.term.text, "match": h.match, "key": h.key,
              "match_score": h.score}  # "score" stays the entry's own (the miner's confidence)
             for h in hits],
            ensure_ascii=False,
        ))
    elif hits:
        _print_table(hits)
    if not hits:
        click.echo(f"no entry matches {query}", err=True)
        click.get_current_context().exit(1)


def _print_table(hits) -> None:
    from rich.table import Table

    table = Table("match", "中文", "English", "status", "other renderings")
    for hit in hits:
        zh, en = hit.entry.preferred("zh"), hit.entry.preferred("en")
        others = [t.text + ("" if t.status == "admitted" else f" ({t.status})")
                  for t in hit.entry.terms if t.lang == "en" and t is not en]
        match = hit.match if hit.key == "term" else f"{hit.key} {hit.match}"
        table.add_row(match, zh.text if zh else "", en.text if en else "", hit.entry.status, "; ".join(others))
    console().print(table)
