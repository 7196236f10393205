"""`glossary eval --gold FILE...`: precision and recall of the termbase against gold pairs."""

from __future__ import annotations

import json

import click

from ._common import FilePath, command, console, with_termbase


@command("eval")
@click.argument("more_gold", nargs=-1, metavar="[GOLD]...", type=FilePath())
@click.option("--gold", "gold_files", multiple=True, required=True, type=FilePath(),
              help="Gold pairs (JSON Lines: zh, en and optional zh_variants, en_variants, category, core, loose, as in "
                   "examples/demo-gold.jsonl); several files: repeat --gold, "
                   "or list them after it (--gold gold/*.jsonl).")
@click.option("--show", is_flag=True, help="List the gold pairs missed and the false positives.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@with_termbase(create=False)
def command(db, more_gold: tuple[str, ...], gold_files: tuple[str, ...], show: bool, as_json: bool) -> None:
    """Score every entry the termbase holds (except rejected ones) against gold pairs."""
    from db.entries import iter_entries
    from glossary.evaluate import entry_outputs, evaluate, load_gold

    gold = load_gold(gold_files + more_gold)
    entries = [e for e in iter_entries(db) if e.status != "rejected"]
    result = evaluate(entry_outputs(entries), gold)
    if as_json:
        data = result.as_dict()
        if show:
            data["misses"] = [{"zh": g.zh, "en": g.en, "core": g.core} for g in result.misses]
            data["false_positives"] = [{"zh": o.zh, "en": o.en, "id": o.entry_id} for o in result.false_positives]
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    out = console()
    out.print(
        f"precision {result.precision:.3f} ({result.true_positives}/{result.outputs - result.loose_hits} output pairs; "
        f"{result.loose_hits} loose hits not judged)\n"
        f"recall    {result.recall:.3f} ({result.found}/{result.gold} gold pairs)\n"
        f"core      {result.core_recall:.3f} ({result.core_found}/{result.core} core pairs)\n"
        f"category  {result.category_accuracy:.3f} ({result.category_agrees}/{result.categorized} correct pairs "
        "whose guessed category is the gold one)"
    )
    if show:
        from rich.table import Table

        misses = Table("core", "zh", "en", title="missed gold pairs")
        for g in result.misses:
            misses.add_row("yes" if g.core else "", g.zh, g.en)
        wrong = Table("id", "zh", "en", title="false positives")
        for o in result.false_positives:
            wrong.add_row(str(o.entry_id or ""), o.zh, o.en)
        out.print(misses)
        out.print(wrong)
