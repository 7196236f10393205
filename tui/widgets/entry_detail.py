"""The selected entry: every term with its status, type and count, then score, category, note, sources."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from glossary.models import Entry

_STATUS_STYLE = {"preferred": "bold", "admitted": "", "deprecated": "yellow", "superseded": "yellow", "forbidden": "red"}
_ENTRY_STYLE = {"approved": "green", "candidate": "cyan", "rejected": "red"}


def entry_text(entry: Entry) -> Text:
    """The entry as styled text (also used by the lookup detail pane)."""
    out = Text()
    out.append(f"#{entry.id} ", style="dim")
    out.append(entry.status, style=_ENTRY_STYLE.get(entry.status, ""))
    out.append(f"  score {entry.score:.2f}  {entry.category or 'no category'}\n", style="dim")
    for lang_label, in_zh in (("中文", True), ("English", False)):
        terms = [t for t in entry.terms if t.lang.startswith("zh") == in_zh]
        if not terms:
            continue
        out.append(f"{lang_label}\n", style="bold underline")
        for term in terms:
            out.append(f"  {term.text}", style=_STATUS_STYLE.get(term.status, ""))
            details = [term.status]
            if term.type != "fullForm":
                details.append(term.type)
            if term.script == "Hant":
                details.append("Traditional")
            if term.count:
                details.append(f"×{term.count}")
            if term.source:
                details.append(f"source: {term.source}")
            out.append(f"  ({', '.join(details)})\n", style="dim")
    if entry.note:
        out.append("Note: ", style="bold")
        out.append(entry.note + "\n")
    if entry.source:
        out.append("Authority: ", style="bold")
        out.append(entry.source + "\n")
    if entry.sources:
        out.append("Seen in: ", style="bold")
        out.append(", ".join(entry.sources) + "\n")
    return out


class EntryDetail(Static):
    """Shows one entry, or a hint when there is none."""

    def show(self, entry: Entry | None, empty: str = "No entry selected.") -> None:
        self.update(entry_text(entry) if entry else Text(empty, style="dim"))
