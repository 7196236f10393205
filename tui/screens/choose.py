"""A modal list to pick one of a few options (e.g. which rendering to split off)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


class ChooseScreen(ModalScreen[Any]):
    """Dismisses with the chosen option's value, or None on escape."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="cancel-choice")]

    def __init__(self, title: str, options: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.choice_title = title
        self.values = [value for _, value in options]
        self.labels = [label for label, _ in options]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.choice_title, classes="dialog-title")
            yield OptionList(*(Option(label, id=str(i)) for i, label in enumerate(self.labels)), id="choices")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.values[event.option_index])
