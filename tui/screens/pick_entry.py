"""Pick another entry by fuzzy search (the lookup engine), e.g. the target of a merge."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from db.lookup import lookup

from ..messages import LookupResults
from ..workers import ShowsWorkerErrors, db_work


class PickEntryScreen(ShowsWorkerErrors, ModalScreen[int | None]):
    """Dismisses with the chosen entry id, or None."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="cancel-pick"),
        Binding("down", "focus_results", "Results", show=False),
    ]

    def __init__(self, title: str, exclude_id: int | None = None, query: str = "") -> None:
        super().__init__()
        self.pick_title, self.exclude_id, self.initial_query = title, exclude_id, query

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pick-box"):
            yield Label(self.pick_title, classes="dialog-title")
            yield Input(self.initial_query, placeholder="search zh, en, pinyin…", id="pick-query")
            yield OptionList(id="pick-results")

    def on_mount(self) -> None:
        self.search(self.initial_query)

    @on(Input.Changed, "#pick-query")
    def _typed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @db_work(group="pick", exclusive=True)
    def search(self, query: str) -> None:
        hits = self.app.termbase.run(lookup, query, limit=30) if query.strip() else []
        self.post_message(LookupResults(query, [h for h in hits if h.entry.id != self.exclude_id]))

    def on_lookup_results(self, message: LookupResults) -> None:
        if message.query != self.query_one("#pick-query", Input).value:
            return  # a newer query is on its way
        results = self.query_one("#pick-results", OptionList)
        results.clear_options()
        for hit in message.hits:
            zh, en = hit.entry.preferred("zh"), hit.entry.preferred("en")
            label = f"#{hit.entry.id}  {zh.text if zh else ''}  {en.text if en else ''}  [{hit.entry.status}]"
            results.add_option(Option(label, id=str(hit.entry.id)))
        if message.hits:
            results.highlighted = 0

    @on(Input.Submitted, "#pick-query")
    def _submitted(self) -> None:
        results = self.query_one("#pick-results", OptionList)
        if results.highlighted is not None:
            self.dismiss(int(results.get_option_at_index(results.highlighted).id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_focus_results(self) -> None:
        self.query_one("#pick-results").focus()
