"""Pilot tests of the TUI flows: each decision is checked in the database, not only on screen."""

import io
import sqlite3

import pytest
from click.testing import CliRunner
from rich.console import Console
from termbase_builder import build_termbase
from textual.widgets import Checkbox, DataTable, Input, Select

from db import open_db
from db.entries import add_entry, get_entry
from glossary.cli import cli
from glossary.errors import DatabaseError
from glossary.models import Entry, Term
from tui.app import make_app
from tui.screens.choose import ChooseScreen
from tui.screens.edit_entry import EditEntryScreen, TermRow
from tui.screens.error import ErrorScreen
from tui.screens.help import HelpScreen, keys_table
from tui.screens.lookup import LookupScreen
from tui.screens.pick_entry import PickEntryScreen
from tui.screens.review import ReviewScreen
from tui.widgets.queue_table import QueueTable

SIZE = (100, 30)


@pytest.fixture
def termbase(tmp_path):
    path = tmp_path / "tui.db"
    return path, build_termbase(path)


async def settle(app, pilot, rounds: int = 6) -> None:
    """Let workers finish and their messages land (workers start more workers)."""
    for _ in range(rounds):
        try:
            await app.workers.wait_for_complete()
        except Exception:  # a failed worker is shown as UI; the test asserts on that
            pass
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            return


async def until(app, pilot, ready, seconds: float = 10.0) -> None:
    """Settle until `ready()` holds (a debounced lookup starts its worker only after a timer)."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        await settle(app, pilot)
        if ready() or time.monotonic() > deadline:
            return
        await pilot.pause(0.05)


def status_of(path, entry_id):
    db = open_db(path)
    try:
        return get_entry(db, entry_id).status
    finally:
        db.close()


def queue(app) -> QueueTable:
    return app.screen.query_one(QueueTable)


def new_app(path, **kw):
    return make_app(path, refresh_counts_every=None, **kw)


async def test_accept_writes_at_once_and_moves_to_next(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert queue(app).current_id == ids[1]  # best-scoring candidate first
        assert "to review 8" in app.sub_title
        await pilot.press("a")
        await settle(app, pilot)
        assert status_of(path, ids[1]) == "approved"  # written before anything else happens
        assert queue(app).current_id == ids[2]
        assert str(ids[1]) not in queue(app).rows
        assert "to review 7 · approved 2" in app.sub_title


async def test_reject_and_next_previous(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "n")
        assert queue(app).current_id == ids[3]
        await pilot.press("p")
        await settle(app, pilot)
        assert queue(app).current_id == ids[2]
        await pilot.press("r")
        await settle(app, pilot)
        assert status_of(path, ids[2]) == "rejected"
        assert queue(app).current_id == ids[3]


async def test_detail_and_kwic_show_the_selected_entry(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = str(app.screen.query_one("#entry-detail").render())
        assert "外防輸入" in detail and "Traditional" in detail and "preventing imported cases" in detail
        evidence = [str(w.render()) for w in app.screen.query(".evidence")]
        assert len(evidence) == 2 and "口岸城市加强外防输入工作" in evidence[1]
        highlighted = app.screen.query(".evidence").first().render()
        spans = {str(highlighted)[s.start:s.end] for s in highlighted.spans}
        assert {"外防输入", "import prevention"} <= spans


async def open_edit_form(app, pilot) -> list[TermRow]:
    """Open the edit form on the current entry; its English term rows."""
    await pilot.press("e")
    await settle(app, pilot)
    assert isinstance(app.screen, EditEntryScreen)
    return [r for r in app.screen.query(TermRow) if r.term.lang == "en"]


def stored_entry(path, entry_id):
    db = open_db(path)
    try:
        return get_entry(db, entry_id)
    finally:
        db.close()


async def test_edit_form_saves_renderings_statuses_and_note(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        english = await open_edit_form(app, pilot)
        form = app.screen
        english[0].query_one(".term-status", Select).value = "deprecated"
        english[1].query_one(".term-status", Select).value = "preferred"
        form.query_one("#note", Input).value = "Use the verb form in headings."
        form.query_one("#source", Input).value = "State Council style sheet"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
    entry = stored_entry(path, ids[1])
    assert entry.preferred("en").text == "preventing imported cases"
    assert {t.text: t.status for t in entry.terms}["import prevention"] == "deprecated"
    assert entry.note == "Use the verb form in headings." and entry.source == "State Council style sheet"


async def test_edit_form_marks_a_rendering_exact_for_the_checker(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        english = await open_edit_form(app, pilot)
        assert not any(r.query_one(".term-exact", Checkbox).value for r in english)
        await pilot.click(english[1].query_one(".term-exact", Checkbox))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        await open_edit_form(app, pilot)  # the form shows what was saved
        shown = {r.term.text: r.query_one(".term-exact", Checkbox).value for r in app.screen.query(TermRow)}
        assert shown == {"外防输入": False, "外防輸入": False, "import prevention": False, "preventing imported cases": True}
    assert {t.text: t.exact for t in stored_entry(path, ids[1]).terms} == shown


async def test_edit_form_refuses_two_preferred(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        english = await open_edit_form(app, pilot)
        english[1].query_one(".term-status", Select).value = "preferred"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditEntryScreen)
        assert "Only one" in str(app.screen.query_one("#edit-error").render())


async def test_merge_picks_the_target_by_fuzzy_search(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "n", "n", "n")  # 核酸检测
        await settle(app, pilot)
        assert queue(app).current_id == ids[5]
        await pilot.press("m")
        await settle(app, pilot)
        assert isinstance(app.screen, PickEntryScreen)
        app.screen.query_one("#pick-query", Input).value = "World Helth Organisation"
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert queue(app).current_id == ids[3]
    db = open_db(path)
    merged = get_entry(db, ids[3])
    gone = db.execute("SELECT count(*) FROM entries WHERE id = ?", [ids[5]]).fetchone()[0]
    db.close()
    assert gone == 0 and "nucleic acid testing" in {t.text for t in merged.terms}


async def test_split_a_rendering_off(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert queue(app).row_count == 9
    db = open_db(path)
    rows = db.execute("SELECT entry_id FROM terms WHERE text = 'preventing imported cases'").fetchall()
    db.close()
    assert len(rows) == 1 and rows[0][0] not in ids


async def test_undo_across_a_restart_then_redo(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
    assert status_of(path, ids[1]) == "approved"
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert str(ids[1]) not in queue(app).rows
        await pilot.press("u")
        await settle(app, pilot)
        assert status_of(path, ids[1]) == "candidate"
        assert queue(app).current_id == ids[1]
        await pilot.press("U")
        await settle(app, pilot)
        assert status_of(path, ids[1]) == "approved"


async def test_filters_and_search_narrow_the_queue(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.screen.query_one("#category", Select).value = "org"
        await settle(app, pilot)
        assert set(queue(app).rows) == {str(ids[3]), str(ids[6])}
        app.screen.query_one("#category", Select).clear()
        app.screen.query_one("#status", Select).value = "all"
        app.screen.query_one("#min-score", Input).value = "0.9"
        await settle(app, pilot)
        assert set(queue(app).rows) == {str(ids[0]), str(ids[1]), str(ids[2])}
        await pilot.press("slash", *"wfsr")
        await settle(app, pilot)
        assert list(queue(app).rows) == [str(ids[1])]
        await pilot.press("escape")
        assert app.focused is queue(app)


async def test_refresh_picks_up_entries_mined_by_another_process(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        other = open_db(path)  # another connection, as the miner would hold
        new_id = add_entry(other, Entry(terms=(Term("zh", "疫苗接种"), Term("en", "vaccination")), score=0.99))
        other.close()
        await pilot.press("f5")
        await settle(app, pilot)
        assert queue(app).current_id == ids[1]  # the cursor stays where it was
        assert str(new_id) in queue(app).rows and "to review 9" in app.sub_title


@pytest.mark.parametrize(
    ("query", "expected_en"),
    [
        ("外防输入", "import prevention"),
        ("外防輸入", "import prevention"),
        ("Import prevention", "import prevention"),
        ("nucleic acid tetsing", "nucleic acid testing"),
        ("wai fang shu ru", "import prevention"),
        ("waifangshuru", "import prevention"),
        ("wfsr", "import prevention"),
        ("BRI", "Belt and Road Initiative"),
    ],
)
async def test_lookup_each_kind_of_key_and_copy(termbase, query, expected_en):
    path, _ = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        assert isinstance(app.screen, LookupScreen)
        await pilot.press(*query) if query.isascii() else None
        if not query.isascii():
            app.screen.query_one("#query", Input).value = query
        await settle(app, pilot)
        results = app.screen.query_one("#results", DataTable)
        assert results.get_row_at(0)[2] == expected_en
        assert expected_en in str(app.screen.query_one("#hit-detail").render())
        await pilot.press("enter")
        assert app.clipboard == expected_en


async def test_lookup_drops_stale_results_and_copies_the_selected_row(termbase):
    path, _ = termbase
    app = new_app(path, mode="lookup")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        query = screen.query_one("#query", Input)
        query.value = "g"
        await settle(app, pilot)
        stale = list(screen.hits)
        query.value = "乡村"
        await settle(app, pilot)
        from tui.messages import LookupResults

        screen.post_message(LookupResults("g", stale))  # a slow answer to an old query
        await pilot.pause()
        assert [h.entry.preferred("zh").text for h in screen.hits] == ["乡村振兴"]
        query.value = "g"
        await settle(app, pilot)
        assert len(screen.hits) == 2
        await pilot.press("down", "ctrl+y")
        assert app.clipboard == screen.hits[1].entry.preferred("en").text


async def test_help_lists_every_key_and_palette_has_the_actions(termbase):
    path, _ = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, record=True, file=io.StringIO())
        console.print(keys_table(app.screen.sections))
        text = console.export_text()
        for screen_class in (type(app), ReviewScreen, LookupScreen):
            for binding in screen_class.BINDINGS:
                assert binding.tooltip in text, binding.key
        await pilot.press("escape")
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Review: Accept", "Review: Merge", "Lookup: Copy English", "Theme"} <= titles


async def test_theme_can_be_changed(termbase):
    path, _ = termbase
    app = new_app(path, theme="textual-light")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-light"


@pytest.mark.parametrize(
    ("sqlite_message", "shown"),
    [("database is locked", "busy"), ("attempt to write a readonly database", "read-only")],
)
async def test_worker_failure_is_shown_not_raised(termbase, monkeypatch, sqlite_message, shown):
    path, ids = termbase
    from db import review

    def fails(db, entry_id):
        raise sqlite3.OperationalError(sqlite_message)

    monkeypatch.setattr(review, "accept", fails)
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorScreen)
        assert shown in str(app.screen.query_one("#error-message").render())
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        assert queue(app).current_id == ids[1]  # nothing moved: the decision was not stored


def test_bad_databases_give_one_line_errors(tmp_path):
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("just some notes")
    foreign = tmp_path / "music.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE songs (id INTEGER)")
    conn.commit()
    conn.close()
    for path, message in ((tmp_path / "missing.db", "no such glossary database"),
                          (not_sqlite, "not a glossary database"), (foreign, "not a glossary database")):
        with pytest.raises(DatabaseError, match=message):
            make_app(path)
        result = CliRunner().invoke(cli, ["--db", str(path), "tui"])
        assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


async def test_lookup_answers_while_a_write_waits_for_another_process(termbase):
    path, ids = termbase
    app = new_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        miner = sqlite3.connect(path)
        miner.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            await pilot.press("a")  # the decision waits for the lock in its worker
            await pilot.press("f3")
            app.screen.query_one("#query", Input).value = "wfsr"
            results = app.screen.query_one("#results", DataTable)
            for _ in range(200):  # the write holds its worker; the lookup answers meanwhile
                await pilot.pause(0.01)
                if results.row_count:
                    break
            assert results.get_row_at(0)[2] == "import prevention"
            assert any(w.group == "write" and w.is_running for w in app.workers)
        finally:
            miner.rollback()
            miner.close()
        await settle(app, pilot)
    assert status_of(path, ids[1]) == "approved"


async def test_check_screen_opens_a_findings_entry_in_lookup(termbase):
    from tui.screens.check import CheckScreen

    path, ids = termbase
    app = new_app(path, initial_screen=lambda: CheckScreen([]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, CheckScreen)
        app.screen.post_message(CheckScreen.OpenEntry(ids[3]))
        await until(app, pilot, lambda: isinstance(app.screen, LookupScreen)
                    and app.screen.query_one("#results", DataTable).row_count > 0)
        assert isinstance(app.screen, LookupScreen)
        assert app.screen.query_one("#query", Input).value == "世界卫生组织"
        assert app.screen.query_one("#results", DataTable).get_row_at(0)[2] == "World Health Organization"
