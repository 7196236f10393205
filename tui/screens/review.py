"""The review screen: the candidate queue, the selected entry with its evidence, and the decisions."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label

from db import review
from db.entries import get_entry
from db.review import ReviewFilter
from glossary.models import Entry

from ..messages import EntryChanged, EntryLoaded, QueueCounted, QueueLoaded
from ..widgets.entry_detail import EntryDetail
from ..widgets.filter_bar import FilterBar
from ..widgets.kwic import KwicPanel
from ..widgets.queue_table import QueueTable
from ..workers import ShowsWorkerErrors, db_work
from .choose import ChooseScreen
from .edit_entry import EditEntryScreen
from .pick_entry import PickEntryScreen


class ReviewScreen(ShowsWorkerErrors, Screen):
    AUTO_FOCUS = "#queue"
    BINDINGS = [
        Binding("a", "accept", "Accept", id="accept", tooltip="Approve the entry and move to the next"),
        Binding("r", "reject", "Reject", id="reject", tooltip="Reject the entry and move to the next"),
        Binding("e", "edit", "Edit", id="edit", tooltip="Edit terms, statuses, category, note, source"),
        Binding("m", "merge", "Merge", id="merge", tooltip="Merge this entry into another (fuzzy search)"),
        Binding("s", "split", "Split", id="split", tooltip="Split a rendering off into its own entry"),
        Binding("u", "undo", "Undo", id="undo", tooltip="Undo the last decision (kept across restarts)"),
        Binding("U", "redo", "Redo", id="redo", show=False, tooltip="Redo the last undone decision"),
        Binding("c", "reopen", "Reopen", id="reopen", show=False, tooltip="Set the entry back to candidate"),
        Binding("n,j", "next", "Next", id="next", show=False, tooltip="Next entry"),
        Binding("p,k", "previous", "Previous", id="previous", show=False, tooltip="Previous entry"),
        Binding("slash", "search", "Search", id="search", show=False, tooltip="Search and filter the queue"),
        Binding("escape", "focus_queue", "Queue", id="focus-queue", show=False, tooltip="Back to the queue"),
        Binding("f5", "refresh", "Refresh", id="refresh", show=False, tooltip="Reload the queue (picks up newly mined entries)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filters = ReviewFilter()
        self.entry: Entry | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield FilterBar(id="filters")
        with Horizontal(id="review-main"):
            with Vertical(id="queue-pane"):
                yield QueueTable(id="queue")
                yield Label("", id="queue-status")
            with Vertical(id="entry-pane"):
                yield EntryDetail(id="entry-detail")
                yield KwicPanel(id="kwic")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load_queue()  # first: the queue is what the first paint needs
        self.load_choices()

    @property
    def table(self) -> QueueTable:
        return self.query_one(QueueTable)

    # ------------------------------------------------------------ loading
    @db_work(group="queue", exclusive=True)
    def load_queue(self, select_id: int | None = None) -> None:
        filters = self.filters
        rows = self.app.termbase.run(review.review_queue, filters)
        self.post_message(QueueLoaded(rows, len(rows) if len(rows) < filters.limit else None, select_id))
        if len(rows) == filters.limit:  # counting a long queue takes a moment: after the rows are shown
            self.post_message(QueueCounted(filters, self.app.termbase.run(review.queue_size, filters)))

    @db_work(group="choices", exclusive=True)
    def load_choices(self) -> None:
        categories = self.app.termbase.run(review.categories_in_use)
        documents = self.app.termbase.run(review.documents_held)
        self.app.call_from_thread(self.query_one(FilterBar).set_choices, categories, documents)

    @db_work(group="entry", exclusive=True)
    def load_entry(self, entry_id: int) -> None:
        entry = self.app.termbase.run(get_entry, entry_id)
        self.post_message(EntryLoaded(entry, self.app.termbase.run(review.evidence, entry_id)))

    def on_queue_loaded(self, message: QueueLoaded) -> None:
        self.table.show_rows(message.rows, message.select_id)
        self._show_total(len(message.rows), message.total)

    def on_queue_counted(self, message: QueueCounted) -> None:
        if message.filters == self.filters:
            self._show_total(self.table.row_count, message.total)

    def _show_total(self, shown: int, total: int | None) -> None:
        if total is None:
            text = f"first {shown} entries shown"
        elif total > shown:
            text = f"{total:,} entries (first {shown} shown; refine the filters)"
        else:
            text = f"{total:,} entries"
        self.query_one("#queue-status", Label).update(text)

    @on(QueueTable.EntryHighlighted)
    def _highlighted(self, message: QueueTable.EntryHighlighted) -> None:
        if message.entry_id is None:
            self.entry = None
            self.query_one(EntryDetail).show(None, "Nothing to review with these filters.")
            self.query_one(KwicPanel).show([])
        elif self.entry is None or self.entry.id != message.entry_id:
            self.load_entry(message.entry_id)

    def on_entry_loaded(self, message: EntryLoaded) -> None:
        if message.entry.id != self.table.current_id:
            return  # the cursor moved on
        self.entry = message.entry
        self.query_one(EntryDetail).show(message.entry)
        self.query_one(KwicPanel).show(message.evidence)

    @on(FilterBar.Changed)
    def _filters_changed(self, message: FilterBar.Changed) -> None:
        self.filters = message.filters
        self.load_queue()

    # ------------------------------------------------------------ decisions
    @db_work(group="write")
    def write(self, verb: str, work, *args, entry_id: int, reload: bool = False, select_id: int | None = None,
              advance: bool = False) -> None:
        """Run one decision now (a crash after this loses nothing) and report what changed."""
        result = self.app.termbase.write(work, *args)
        entry = result if isinstance(result, Entry) and result.id == entry_id else None
        if entry is None and not reload:
            entry = self.app.termbase.write(get_entry, entry_id)
        summary = verb if result is not None else f"Nothing to {verb.lower()}"
        if isinstance(result, review.Change):
            summary = f"{verb}: {result.action} of #{', #'.join(map(str, result.entry_ids))}"
            select_id = result.entry_ids[0]
        self.post_message(EntryChanged(entry_id, entry, summary, reload=reload, select_id=select_id, advance=advance))

    def on_entry_changed(self, message: EntryChanged) -> None:
        self.app.refresh_counts()
        self.notify(message.summary, timeout=3)
        if message.reload:
            self.entry = None
            self.load_queue(message.select_id)
            return
        entry = message.entry
        if entry is None or (self.filters.status and entry.status != self.filters.status):
            self.table.remove_entry(message.entry_id)
            return
        zh, en = entry.preferred("zh"), entry.preferred("en")
        self.table.update_row(review.QueueRow(entry.id, zh.text if zh else "", en.text if en else "", entry.score,
                                              entry.status, entry.category, len(entry.terms_in("en"))))
        self.entry = None
        if message.advance:
            self.table.action_cursor_down()
        else:
            self.load_entry(entry.id)

    def _current(self) -> int | None:
        entry_id = self.table.current_id
        if entry_id is None:
            self.notify("No entry selected.", severity="warning")
        return entry_id

    def action_accept(self) -> None:
        if (entry_id := self._current()) is not None:
            self.write(f"Accepted #{entry_id}", review.accept, entry_id, entry_id=entry_id, advance=True)

    def action_reject(self) -> None:
        if (entry_id := self._current()) is not None:
            self.write(f"Rejected #{entry_id}", review.reject, entry_id, entry_id=entry_id, advance=True)

    def action_reopen(self) -> None:
        if (entry_id := self._current()) is not None:
            self.write(f"Reopened #{entry_id}", review.reopen, entry_id, entry_id=entry_id, advance=True)

    def action_edit(self) -> None:
        if self._current() is None or self.entry is None:
            return

        def save(edited: Entry | None) -> None:
            if edited is not None:
                self.write(f"Saved #{edited.id}", review.edit_entry, edited, entry_id=edited.id)

        self.app.push_screen(EditEntryScreen(self.entry), save)

    def action_merge(self) -> None:
        if (source_id := self._current()) is None:
            return
        zh = self.entry.preferred("zh") if self.entry else None

        def merge(target_id: int | None) -> None:
            if target_id is not None:
                self.write(f"Merged #{source_id} into #{target_id}", review.merge_entries, source_id, target_id,
                           entry_id=target_id, reload=True, select_id=target_id)

        title = f"Merge #{source_id} into which entry?"
        self.app.push_screen(PickEntryScreen(title, exclude_id=source_id, query=zh.text if zh else ""), merge)

    def action_split(self) -> None:
        if self._current() is None or self.entry is None:
            return
        entry = self.entry
        renderings = [t for t in entry.terms if not t.lang.startswith("zh")]
        if len(renderings) < 2:
            self.notify("This entry has a single rendering; nothing to split off.", severity="warning")
            return

        def split(term_id: int | None) -> None:
            if term_id is not None:
                self.write(f"Split a rendering off #{entry.id}", review.split_term, entry.id, term_id,
                           entry_id=entry.id, reload=True, select_id=entry.id)

        options = [(f"{t.text}  ({t.status})", t.id) for t in renderings]
        self.app.push_screen(ChooseScreen("Split which rendering into its own entry?", options), split)

    def action_undo(self) -> None:
        self.write("Undo", review.undo, entry_id=0, reload=True)

    def action_redo(self) -> None:
        self.write("Redo", review.redo, entry_id=0, reload=True)

    def action_next(self) -> None:
        self.table.action_cursor_down()

    def action_previous(self) -> None:
        self.table.action_cursor_up()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_queue(self) -> None:
        self.table.focus()

    def action_refresh(self) -> None:
        self.load_choices()
        self.load_queue()
        self.app.refresh_counts()
