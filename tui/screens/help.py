"""Every key of the app, screen by screen."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


def keys_table(sections: list[tuple[str, list[BindingType]]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for title, bindings in sections:
        table.add_row("", "")
        table.add_row(f"[underline]{title}[/]", "")
        for binding in Binding.make_bindings(bindings):
            if binding.description:
                keys = " / ".join(_key_label(k) for k in binding.key.split(","))
                table.add_row(keys, binding.tooltip or binding.description)
    return table


def _key_label(key: str) -> str:
    return {"slash": "/", "question_mark": "?"}.get(key, key)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close", id="close-help")]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-box"):
            yield Label("Keys  (esc closes; ctrl+p opens the command palette)", classes="dialog-title")
            with VerticalScroll():
                yield Static(keys_table(self.sections), id="help-keys")
