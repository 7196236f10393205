"""The edit form: Chinese terms, English renderings with their usage status (which one is
preferred, deprecated, forbidden...), category, note and source/authority."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from glossary.models import CATEGORIES, TERM_TYPES, USAGE_STATUSES, Entry, Term


class TermRow(Horizontal):
    """One term: its text, usage status, type and whether the checker matches it exactly as
    written (case and spelling: no folding)."""

    def __init__(self, term: Term) -> None:
        super().__init__(classes="term-row")
        self.term = term

    def compose(self) -> ComposeResult:
        yield Input(self.term.text, placeholder="term (leave empty to remove)", classes="term-text", compact=True)
        yield Select([(s, s) for s in USAGE_STATUSES], value=self.term.status, allow_blank=False,
                     classes="term-status", compact=True)
        yield Select([(t, t) for t in TERM_TYPES], value=self.term.type, allow_blank=False,
                     classes="term-type", compact=True)
        yield Checkbox("exact", self.term.exact, classes="term-exact", compact=True,
                       tooltip="check drafts for this term exactly as written: case, spelling, hyphens")

    def edited(self) -> Term | None:
        text = self.query_one(".term-text", Input).value.strip()
        if not text:
            return None
        status = self.query_one(".term-status", Select).value
        kind = self.query_one(".term-type", Select).value
        script = self.term.script if text == self.term.text else None  # recomputed for new text
        exact = self.query_one(".term-exact", Checkbox).value
        return replace(self.term, text=text, status=status, type=kind, script=script, exact=exact)


class EditEntryScreen(ModalScreen[Entry | None]):
    """Dismisses with the edited entry (same id), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save-edit"),
        Binding("escape", "dismiss(None)", "Cancel", id="cancel-edit"),
    ]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        entry = self.entry
        with Vertical(classes="dialog", id="edit-box"):
            yield Label(f"Edit entry #{entry.id}  (ctrl+s save · esc cancel)", classes="dialog-title")
            with VerticalScroll(id="edit-fields"):
                for lang, label in (("zh", "中文"), ("en", "English renderings")):
                    yield Label(label, classes="field-label")
                    with Vertical(id=f"terms-{lang}"):
                        for term in entry.terms:
                            if term.lang.startswith("zh") == (lang == "zh"):
                                yield TermRow(term)
                    yield Button(f"+ add {label.split()[0]} term", id=f"add-{lang}", compact=True)
                yield Label("Category", classes="field-label")
                yield Select([(c, c) for c in CATEGORIES], value=entry.category if entry.category in CATEGORIES else Select.NULL,
                             prompt="no category", id="category", compact=True)
                yield Label("Note", classes="field-label")
                yield Input(entry.note or "", id="note", compact=True)
                yield Label("Source / authority", classes="field-label")
                yield Input(entry.source or "", id="source", compact=True)
            yield Label("", id="edit-error")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#add-zh")
    @on(Button.Pressed, "#add-en")
    def _add_term(self, event: Button.Pressed) -> None:
        lang = event.button.id.removeprefix("add-")
        row = TermRow(Term(lang, "", status="admitted"))
        self.query_one(f"#terms-{lang}").mount(row)
        self.call_after_refresh(lambda: row.query_one(Input).focus())

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        terms = [t for row in self.query(TermRow) if (t := row.edited())]
        problem = self._problem(terms)
        if problem:
            self.query_one("#edit-error", Label).update(problem)
            return
        category = self.query_one("#category", Select).value
        self.dismiss(replace(
            self.entry, terms=tuple(_one_preferred(terms)),
            category=None if category is Select.NULL else category,
            note=self.query_one("#note", Input).value.strip() or None,
            source=self.query_one("#source", Input).value.strip() or None,
        ))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @staticmethod
    def _problem(terms: list[Term]) -> str:
        for in_zh, label in ((True, "Chinese term"), (False, "English rendering")):
            same = [t for t in terms if t.lang.startswith("zh") == in_zh]
            if not same:
                return f"An entry needs at least one {label}."
            if sum(t.status == "preferred" for t in same) > 1:
                return f"Only one {label} can be preferred."
        return ""


def _one_preferred(terms: list[Term]) -> list[Term]:
    """Make the first term of a language preferred when none of that language is."""
    out = list(terms)
    for in_zh in (True, False):
        same = [i for i, t in enumerate(out) if t.lang.startswith("zh") == in_zh]
        if same and not any(out[i].status == "preferred" for i in same):
            out[same[0]] = replace(out[same[0]], status="preferred")
    return out
