"""The glossary TUI: review screen and lookup screen one key apart, counts in the header."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from db.entries import get_entry, status_counts
from glossary.errors import GlossaryError

from .messages import CountsLoaded
from .screens.error import ErrorScreen
from .screens.help import HelpScreen
from .screens.lookup import LookupScreen
from .screens.review import ReviewScreen
from .termbase import Termbase
from .workers import db_work

COUNTS_EVERY_SECONDS = 10.0


class GlossaryApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "glossary"
    MODES = {"review": ReviewScreen, "lookup": LookupScreen}
    DEFAULT_MODE = "review"
    BINDINGS = [
        Binding("f1", "help", "Help", id="help", tooltip="List every key"),
        Binding("f2", "switch_mode('review')", "Review", id="review", tooltip="The review queue"),
        Binding("f3", "switch_mode('lookup')", "Lookup", id="lookup", tooltip="Look terms up as you type"),
        Binding("ctrl+t", "change_theme", "Theme", id="theme", show=False, tooltip="Choose a colour theme"),
        Binding("ctrl+q", "quit", "Quit", id="quit", show=False, tooltip="Quit (every decision is already saved)"),
    ]

    def __init__(self, termbase: Termbase, initial_screen: Screen | Callable[[], Screen] | None = None,
                 *, mode: str = "review", theme: str | None = None, refresh_counts_every: float | None = COUNTS_EVERY_SECONDS) -> None:
        super().__init__()
        self.termbase = termbase
        self.initial_screen = initial_screen
        self.start_mode = mode
        self.refresh_counts_every = refresh_counts_every
        self.title = f"glossary · {termbase.path.name}"
        if theme:
            self.theme = theme

    def on_mount(self) -> None:
        self.call_after_refresh(self.refresh_counts)  # after the screen has asked for its queue
        if self.refresh_counts_every:
            self.set_interval(self.refresh_counts_every, self.refresh_counts)
        if self.start_mode != self.DEFAULT_MODE:
            self.switch_mode(self.start_mode)
        if self.initial_screen is not None:
            screen = self.initial_screen() if callable(self.initial_screen) else self.initial_screen
            self.push_screen(screen)

    def on_unmount(self) -> None:
        self.termbase.close()

    @db_work(group="counts", exclusive=True)
    def refresh_counts(self) -> None:
        self.post_message(CountsLoaded(self.termbase.run(status_counts)))

    def on_counts_loaded(self, message: CountsLoaded) -> None:
        c = message.counts
        self.sub_title = f"to review {c['candidate']} · approved {c['approved']} · rejected {c['rejected']}"

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.show_worker_error(event)

    def show_worker_error(self, event: Worker.StateChanged) -> None:
        """A failed worker becomes an error dialog with the problem's title and message."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if isinstance(error, GlossaryError):
            self.show_error(error.title, error.message)
        else:
            self.show_error("Unexpected error", f"{type(error).__name__}: {error}")

    def on_check_screen_open_entry(self, message) -> None:
        """The check screen asks for a finding's glossary entry: show it on the lookup screen."""
        self.open_entry(message.entry_id)

    @db_work(group="open-entry", exclusive=True)
    def open_entry(self, entry_id: int) -> None:
        entry = self.termbase.run(get_entry, entry_id)
        term = entry.preferred("zh") or (entry.terms[0] if entry.terms else None)
        if term is not None:
            self.call_from_thread(self._look_up, term.text)

    async def _look_up(self, text: str) -> None:
        await self.switch_mode("lookup")
        self.screen.look_up(text)

    def show_error(self, title: str, message: str) -> None:
        self.push_screen(ErrorScreen(title, message))

    def key_sections(self) -> list[tuple[str, list]]:
        return [
            ("Everywhere", [*self.BINDINGS, Binding("ctrl+p", "command_palette", "Command palette")]),
            ("Review", ReviewScreen.BINDINGS),
            ("Lookup", [*LookupScreen.BINDINGS, Binding("enter", "copy", "Copy the preferred English")]),
        ]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_sections()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for title, bindings in self.key_sections():
            for binding in Binding.make_bindings(bindings):
                if binding.description and binding.action not in ("command_palette", "quit", "change_theme"):
                    yield SystemCommand(f"{title}: {binding.description}", binding.tooltip or binding.description,
                                        _runner(self, screen, binding.action))


def _runner(app: App, screen: Screen, action: str) -> Callable[[], object]:
    """Run an action on the screen it belongs to, else on the app."""
    return lambda: app.run_action(action, screen if not action.startswith(("switch_mode", "help")) else app)


def make_app(db_path: str | Path, initial_screen: Screen | Callable[[], Screen] | None = None, **options) -> GlossaryApp:
    """The app on the termbase at `db_path` (which must exist); `initial_screen` opens on top of
    the review screen at start. Raises DatabaseError for a missing, locked or foreign file."""
    return GlossaryApp(Termbase(db_path), initial_screen, **options)
