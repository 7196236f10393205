"""The review queue as a table: one row per entry, best score first."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import DataTable

from db.review import QueueRow


STATUS_MARK = {"candidate": "·", "approved": "✓", "rejected": "✗"}


class QueueTable(DataTable):
    """Rows keyed by entry id; posts `EntryHighlighted` as the cursor moves."""

    @dataclass
    class EntryHighlighted(Message):
        entry_id: int | None

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_column(" ", key="status", width=1)
        self.add_column("score", key="score", width=5)
        self.add_column("中文", key="zh", width=14)
        self.add_column("English", key="en")

    def show_rows(self, rows: list[QueueRow], select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_id
        self.clear()
        for row in rows:
            self.add_row(*self._cells(row), key=str(row.id))
        if keep is not None and str(keep) in self.rows:
            self.move_cursor(row=self.get_row_index(str(keep)), animate=False)
        self._announce()

    def update_row(self, row: QueueRow) -> None:
        for column, value in zip(("status", "score", "zh", "en"), self._cells(row)):
            self.update_cell(str(row.id), column, value)

    @staticmethod
    def _cells(row: QueueRow) -> tuple[str, str, str, str]:
        en = row.en + (f" +{row.renderings - 1}" if row.renderings > 1 else "")
        return STATUS_MARK.get(row.status, "?"), f"{row.score:.2f}", row.zh, en

    @property
    def current_id(self) -> int | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return int(key.value)

    def remove_entry(self, entry_id: int) -> None:
        """Drop a row; the cursor lands on what followed it."""
        if str(entry_id) in self.rows:
            index = self.get_row_index(str(entry_id))
            self.remove_row(str(entry_id))
            if self.row_count:
                self.move_cursor(row=min(index, self.row_count - 1), animate=False)
        self._announce()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._announce()

    def _announce(self) -> None:
        self.post_message(self.EntryHighlighted(self.current_id))
