"""How the TUI runs database work: thread workers that never take the app down on error."""

from __future__ import annotations

from functools import partial

from textual import work

db_work = partial(work, thread=True, exit_on_error=False)
"""`@db_work(group=..., exclusive=...)`: a thread worker; failures become an error dialog (see app)."""


class ShowsWorkerErrors:
    """Mixin for screens with workers: `Worker.StateChanged` does not bubble, so hand it to the app."""

    def on_worker_state_changed(self, event) -> None:
        self.app.show_worker_error(event)
