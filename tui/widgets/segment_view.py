"""A segment's text with spans highlighted (terms found, missing or misused)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widgets import Static


def highlighted(text: str, spans: Iterable[tuple[int, int]], style: str) -> Text:
    """`text` as rich Text with each (start, end) span styled."""
    out = Text(text)
    for start, end in spans:
        if 0 <= start < end <= len(text):
            out.stylize(style, start, end)
    return out


class SegmentView(Static):
    """One side of a segment, labelled, with its spans highlighted."""

    text: Text = Text()

    def show(self, label: str, text: str, spans: Iterable[tuple[int, int]], style: str) -> None:
        body = highlighted(text, spans, style) if text else Text("(empty)", style="dim italic")
        self.text = Text.assemble((f"{label}  ", "bold"), body)
        self.update(self.text)
