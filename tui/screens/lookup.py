"""The lookup screen: type Chinese (either script), English, pinyin, initials or an acronym."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input

from db.lookup import lookup
from db.review import evidence
from glossary.models import LookupHit

from ..messages import EvidenceLoaded, LookupResults
from ..widgets.entry_detail import EntryDetail
from ..widgets.kwic import KwicPanel
from ..workers import ShowsWorkerErrors, db_work

RESULT_LIMIT = 30


class LookupScreen(ShowsWorkerErrors, Screen):
    AUTO_FOCUS = "#query"
    BINDINGS = [
        Binding("ctrl+y", "copy", "Copy English", id="copy", tooltip="Copy the preferred English (enter does too)"),
        Binding("down", "cursor(1)", "Next result", id="next-result", show=False, tooltip="Next result"),
        Binding("up", "cursor(-1)", "Previous result", id="previous-result", show=False, tooltip="Previous result"),
        Binding("escape", "clear", "Clear", id="clear", tooltip="Clear the query"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[LookupHit] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Input(placeholder="外防输入 · 外防輸入 · import prevention · waifangshuru · wfsr · WHO", id="query")
        with Horizontal(id="lookup-main"):
            yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
            with Vertical(id="hit-pane"):
                yield EntryDetail(id="hit-detail")
                yield KwicPanel(id="hit-kwic")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#results", DataTable)
        table.add_column("match", key="match", width=8)
        table.add_column("中文", key="zh")
        table.add_column("English", key="en")
        table.add_column("status", key="status", width=9)
        self.query_one(EntryDetail).show(None, "Type to look a term up.")

    def on_screen_resume(self) -> None:
        self.query_one("#query", Input).focus()

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @db_work(group="lookup", exclusive=True)
    def search(self, query: str) -> None:
        hits = self.app.termbase.run(lookup, query, limit=RESULT_LIMIT) if query.strip() else []
        self.post_message(LookupResults(query, hits))

    def on_lookup_results(self, message: LookupResults) -> None:
        if message.query != self.query_one("#query", Input).value:
            return  # typed on since: a newer search is running
        self.hits = message.hits
        table = self.query_one("#results", DataTable)
        table.clear()
        for i, hit in enumerate(message.hits):
            zh, en = hit.entry.preferred("zh"), hit.entry.preferred("en")
            match = hit.match if hit.key == "term" else hit.key
            table.add_row(match, zh.text if zh else "", en.text if en else "", hit.entry.status, key=str(i))
        self._show(0 if message.hits else None)

    @on(DataTable.RowHighlighted, "#results")
    def _result_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, index: int | None) -> None:
        hit = self.hits[index] if index is not None and index < len(self.hits) else None
        empty = "No match." if self.query_one("#query", Input).value.strip() else "Type to look a term up."
        self.query_one(EntryDetail).show(hit.entry if hit else None, empty)
        self.query_one(KwicPanel).show([])
        if hit:
            self.load_evidence(hit.entry.id)

    @db_work(group="evidence", exclusive=True)
    def load_evidence(self, entry_id: int) -> None:
        self.post_message(EvidenceLoaded(entry_id, self.app.termbase.run(evidence, entry_id, limit=10)))

    def on_evidence_loaded(self, message: EvidenceLoaded) -> None:
        hit = self.current_hit
        if hit and hit.entry.id == message.entry_id:
            self.query_one(KwicPanel).show(message.evidence)

    @property
    def current_hit(self) -> LookupHit | None:
        table = self.query_one("#results", DataTable)
        if not self.hits or table.cursor_row >= len(self.hits):
            return None
        return self.hits[table.cursor_row]

    @on(Input.Submitted, "#query")
    def action_copy(self) -> None:
        hit = self.current_hit
        english = hit.entry.preferred("en") if hit else None
        if english is None:
            self.notify("Nothing to copy.", severity="warning")
            return
        self.app.copy_to_clipboard(english.text)
        self.notify(f"Copied “{english.text}”", timeout=2)

    def action_cursor(self, step: int) -> None:
        table = self.query_one("#results", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.cursor_row + step, table.row_count - 1)))

    def look_up(self, text: str) -> None:
        """Search for `text` as if typed (used when another screen opens an entry here)."""
        self.query_one("#query", Input).value = text

    def action_clear(self) -> None:
        self.query_one("#query", Input).value = ""
