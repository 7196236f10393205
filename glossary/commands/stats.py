"""`glossary stats`: counts by status, category and document."""

from __future__ import annotations

import json

import click

from ._common import command, console, with_termbase


@command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@with_termbase(create=False)
def command(db, as_json: bool) -> None:
    """Counts of entries by status and category, and the documents held."""
    from db.entries import status_counts

    counts = status_counts(db)
    categories = {r["category"] or "-": r["n"] for r in db.query(
        "SELECT category, count(*) AS n FROM entries GROUP BY category ORDER BY n DESC")}
    documents = [dict(r) for r in db.query(
        """SELECT d.name, count(p.id) AS paragraphs,
                  sum(p.lang = 'zh') AS zh, sum(p.lang = 'en') AS en
           FROM documents d LEFT JOIN paragraphs p ON p.document_id = d.id
           GROUP BY d.id ORDER BY d.name""")]
    if as_json:
        click.echo(json.dumps({"entries": counts, "categories": categories, "documents": documents}, ensure_ascii=False))
        return
    from rich.table import Table

    out = console()
    out.print(f"entries: {sum(counts.values())}  " + "  ".join(f"{k}: {v}" for k, v in counts.items()))
    if categories:
        out.print("categories: " + ", ".join(f"{k if k != '-' else 'none'} {v}" for k, v in categories.items()))
    if not documents:  # an imported glossary: an empty table would look like a failure
        out.print("documents: none (`glossary mine FILE` adds bilingual documents)")
        return
    table = Table("document", "paragraphs", "zh", "en")
    for d in documents:
        table.add_row(d["name"], str(d["paragraphs"]), str(d["zh"] or 0), str(d["en"] or 0))
    out.print(table)
