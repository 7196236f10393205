"""Keyword in context: the aligned sentence pairs behind an entry, the term highlighted on both sides."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from glossary.models import Evidence

HIGHLIGHT = "bold reverse"


def highlighted(text: str, spans: tuple[tuple[int, int], ...]) -> Text:
    out = Text(text)
    for start, end in spans:
        out.stylize(HIGHLIGHT, start, end)
    return out


def evidence_text(item: Evidence) -> Text:
    out = Text(f"{item.document} · pair {item.pair_seq}\n", style="dim")
    out.append_text(highlighted(item.zh, item.zh_spans))
    out.append("\n")
    out.append_text(highlighted(item.en, item.en_spans))
    return out


class KwicPanel(VerticalScroll):
    """Scrollable list of evidence pairs."""

    def show(self, evidence: list[Evidence]) -> None:
        if not self.is_attached:  # an answer arriving while the app closes
            return
        self.remove_children()
        if not evidence:
            self.mount(Static(Text("No aligned sentences recorded for this entry.", style="dim")))
            return
        self.mount_all(Static(evidence_text(item), classes="evidence") for item in evidence)
        self.scroll_home(animate=False)
