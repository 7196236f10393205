"""Browse a draft check's findings: a table grouped by severity and kind, and for the selected
finding its source and target segment with the terms highlighted. Findings in, UI out (no database)."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from glossary.models import CheckResult, DraftIssue
from tui.widgets.segment_view import SegmentView

SEVERITY_ORDER = ("error", "warning", "info")
KINDS = ("missing", "unapproved", "forbidden", "deprecated", "superseded", "inconsistent", "untranslated", "empty",
         "omitted")
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SOURCE_STYLE, TARGET_STYLE = "black on yellow", "black on red"


class CheckScreen(Screen):
    """The findings of `glossary check`, browsable; Escape closes the screen."""

    CSS_PATH = "check.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="check.close"),
        Binding("e", "severity('error')", "Errors", id="check.errors"),
        Binding("w", "severity('warning')", "Warnings+", id="check.warnings"),
        Binding("a", "severity('info')", "All", id="check.all"),
        Binding("k", "next_kind", "Kind", id="check.kind"),
        Binding("o", "open_entry", "Open entry", id="check.open_entry",
                tooltip="Ask the app to show the glossary entry behind the finding"),
    ]

    min_severity: reactive[str] = reactive("info")
    kind: reactive[str] = reactive("")  # "" = every kind

    class FindingSelected(Message):
        """The highlighted finding changed (the app may offer to open its entry)."""

        def __init__(self, issue: DraftIssue) -> None:
            super().__init__()
            self.issue = issue

    class OpenEntry(Message):
        """The user wants to see the glossary entry behind a finding (handled by the app)."""

        def __init__(self, entry_id: int) -> None:
            super().__init__()
            self.entry_id = entry_id

    def __init__(self, result: CheckResult | Sequence[DraftIssue], *, draft: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        if isinstance(result, CheckResult):
            self.issues, self.draft, self.segments = list(result.issues), draft or result.draft, result.segments
        else:
            self.issues, self.draft, self.segments = list(result), draft, None
        rank = {s: i for i, s in enumerate(SEVERITY_ORDER)}
        self.issues.sort(key=lambda i: (rank.get(i.severity, 9), KINDS.index(i.kind) if i.kind in KINDS else 99))
        self.shown: list[DraftIssue] = []
        self.current: DraftIssue | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="check-summary")
        yield DataTable(id="check-findings", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="check-detail"):
            yield SegmentView(id="check-source")
            yield SegmentView(id="check-target")
            yield Static(id="check-message")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#check-findings", DataTable)
        table.add_columns("severity", "kind", "segment", "term", "expected", "found")
        self.refresh_findings()
        table.focus()

    def watch_min_severity(self) -> None:
        if self.is_mounted:
            self.refresh_findings()

    def watch_kind(self) -> None:
        if self.is_mounted:
            self.refresh_findings()

    def refresh_findings(self) -> None:
        """Fill the table with the findings that pass the severity and kind filters."""
        limit = SEVERITY_ORDER.index(self.min_severity)
        self.shown = [i for i in self.issues if SEVERITY_ORDER.index(i.severity) <= limit
                      and (not self.kind or i.kind == self.kind)]
        table = self.query_one("#check-findings", DataTable)
        table.clear()
        for n, issue in enumerate(self.shown):
            table.add_row(f"[{SEVERITY_STYLE[issue.severity]}]{issue.severity}[/]", issue.kind, issue.segment,
                          issue.source_term, issue.expected, issue.found, key=str(n))
        counts = {s: sum(1 for i in self.issues if i.severity == s) for s in SEVERITY_ORDER}
        segments = f"{_counted(self.segments, 'segment')}, " if self.segments is not None else ""
        filters = f"  showing {len(self.shown)}" + (f" {self.kind}" if self.kind else "") + \
            ("" if self.min_severity == "info" else f" ({self.min_severity} and above)")
        self.query_one("#check-summary", Static).update(
            f"{self.draft}: {segments}{_counted(counts['error'], 'error')}, {_counted(counts['warning'], 'warning')}, "
            f"{counts['info']} info.{filters}")
        self.show_detail(self.shown[0] if self.shown else None)

    def show_detail(self, issue: DraftIssue | None) -> None:
        self.current = issue
        source = self.query_one("#check-source", SegmentView)
        target = self.query_one("#check-target", SegmentView)
        message = self.query_one("#check-message", Static)
        if issue is None:
            source.show("zh", "", (), SOURCE_STYLE)
            target.show("en", "", (), TARGET_STYLE)
            message.update("No findings." if not self.issues else "No findings match the filter.")
            return
        spans = {"source": [], "target": []}
        for side, start, end in issue.spans:
            spans.setdefault(side, []).append((start, end))
        where = f"segment {issue.segment}" + (f", line {issue.line}" if issue.line else "")
        source.show("zh", issue.source_text, spans["source"], SOURCE_STYLE)
        target.show("en", issue.target_text, spans["target"], TARGET_STYLE)
        message.update(f"{where}: {issue.message}")

    @on(DataTable.RowHighlighted, "#check-findings")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is None or event.row_key.value is None:
            return
        issue = self.shown[int(event.row_key.value)]
        self.show_detail(issue)
        self.post_message(self.FindingSelected(issue))

    def action_severity(self, level: str) -> None:
        self.min_severity = level

    def action_next_kind(self) -> None:
        present = [k for k in ("", *KINDS) if not k or any(i.kind == k for i in self.issues)]
        self.kind = present[(present.index(self.kind) + 1) % len(present)] if self.kind in present else ""

    def action_open_entry(self) -> None:
        if self.current is not None and self.current.entry_id is not None:
            self.post_message(self.OpenEntry(self.current.entry_id))
        else:
            self.notify("This finding is not about a glossary entry.", severity="warning")

    def action_close(self) -> None:
        self.dismiss()


def _counted(n: int, noun: str) -> str:
    """`1 error`, `2 errors`: the counts worded as `glossary check` prints them."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
