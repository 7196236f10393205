"""`glossary tui`: open the review and lookup screens on a termbase."""

from __future__ import annotations

import click

from ._common import command, db_path_from


@command("tui")
@click.option("--lookup", "start_lookup", is_flag=True, help="Start on the lookup screen instead of the review queue.")
@click.pass_context
def command(ctx: click.Context, db_path: str | None, start_lookup: bool) -> None:
    """Review mined candidates and look terms up as you type (F1 lists the keys)."""
    from tui.app import make_app

    make_app(db_path_from(ctx, db_path), mode="lookup" if start_lookup else "review").run()
