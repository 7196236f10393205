"""Snapshots of the main screens at 80×24 (no blinking cursor, no clock, fixed data)."""

import pytest
from termbase_builder import build_termbase
from textual.widgets import Input

from tui.app import make_app

SIZE = (80, 24)


@pytest.fixture
def app(tmp_path):
    path = tmp_path / "snapshot.db"
    build_termbase(path)
    return make_app(path, refresh_counts_every=None)


def settled(*keys: str, value: str | None = None):
    """A run_before that presses keys, fills the focused input, waits for workers, stops blinking."""

    async def run_before(pilot) -> None:
        app = pilot.app
        for _ in range(2):
            await app.workers.wait_for_complete()
            await pilot.pause()
        if keys:
            await pilot.press(*keys)
        if value is not None:
            app.focused.value = value
        for _ in range(4):
            await app.workers.wait_for_complete()
            await pilot.pause()
        for widget in app.screen.query(Input):
            widget.cursor_blink = False

    return run_before


def test_review_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=settled())


def test_lookup_screen_with_results(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=settled("f3", value="wai fang"))


def test_edit_form(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=settled("e"))


def test_help_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=settled("f1"))
