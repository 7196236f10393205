"""Queue filters: search text, status, category, source document and minimum score."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Select

from db.review import ReviewFilter
from glossary.models import ENTRY_STATUSES

ALL = "all"


class FilterBar(Horizontal):
    """Posts `FilterBar.Changed` with a new `ReviewFilter` whenever a control changes."""

    @dataclass
    class Changed(Message):
        filters: ReviewFilter

    def compose(self) -> ComposeResult:
        yield Input(placeholder="/ search zh, en, pinyin", id="search", compact=True)
        yield Select([(s, s) for s in (*ENTRY_STATUSES, ALL)], value="candidate", allow_blank=False,
                     id="status", compact=True, tooltip="Status")
        yield Select([], prompt="any category", id="category", compact=True, tooltip="Category")
        yield Select([], prompt="any document", id="document", compact=True, tooltip="Source document")
        yield Input(placeholder="min score", id="min-score", type="number", compact=True, tooltip="Minimum score")

    _choices: dict[str, list] = {}

    def set_choices(self, categories: list[str], documents: list[tuple[int, str]]) -> None:
        self._set_options("#category", [(c, c) for c in categories])
        self._set_options("#document", [(name, doc_id) for doc_id, name in documents])

    def _set_options(self, selector: str, options: list) -> None:
        if self._choices.get(selector) == options:
            return
        self._choices = {**self._choices, selector: options}
        select = self.query_one(selector, Select)
        value = select.value
        with self.prevent(Select.Changed):
            select.set_options(options)
            if any(v == value for _, v in options):  # keep the user's choice
                select.value = value

    @property
    def filters(self) -> ReviewFilter:
        status = self.query_one("#status", Select).value
        category = self.query_one("#category", Select).value
        document = self.query_one("#document", Select).value
        try:
            min_score = float(self.query_one("#min-score", Input).value or 0)
        except ValueError:
            min_score = 0.0
        return ReviewFilter(
            status=None if status == ALL else status,
            category=None if category is Select.NULL else category,
            document_id=None if document is Select.NULL else document,
            min_score=min_score,
            search=self.query_one("#search", Input).value,
        )

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Changed(self.filters))
