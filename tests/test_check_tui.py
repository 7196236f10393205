"""The check screen: findings in, a browsable table with highlighted segments out (no database)."""

from __future__ import annotations

from conftest import shared
from textual.app import App
from textual.widgets import DataTable, Static

from glossary.check import CheckGlossary, check_segments, read_draft
from glossary.models import DraftSegment, Entry, Term
from tui.screens.check import SOURCE_STYLE, TARGET_STYLE, CheckScreen
from tui.widgets.segment_view import SegmentView


def fixture_result():
    glossary = CheckGlossary([
        Entry((Term("zh", "数据库"), Term("en", "database"), Term("en", "data base", status="deprecated")),
              status="approved", id=1),
        Entry((Term("zh", "重试"), Term("en", "try again")), status="approved", id=2),
    ])
    draft = shared("tbx", "fixtures-own", "bilingual", "zh-en_draft.xliff20.xlf")
    segments = [*read_draft(draft)]
    segments.append(DraftSegment("u9", "请重试", "Please 重试 again"))
    return check_segments(segments, glossary, name=draft.name)


class CheckApp(App):
    def __init__(self, result) -> None:
        super().__init__()
        self.result = result
        self.selected = []
        self.opened = []

    def on_mount(self) -> None:
        self.push_screen(CheckScreen(self.result))

    def on_check_screen_finding_selected(self, message: CheckScreen.FindingSelected) -> None:
        self.selected.append(message.issue)

    def on_check_screen_open_entry(self, message: CheckScreen.OpenEntry) -> None:
        self.opened.append(message.entry_id)


def table_rows(screen) -> list[tuple[str, str]]:
    table = screen.query_one("#check-findings", DataTable)
    return [(str(table.get_row_at(i)[1]), str(table.get_row_at(i)[2])) for i in range(table.row_count)]


async def test_findings_table_detail_and_filters():
    result = fixture_result()
    assert {i.kind for i in result.issues} == {"deprecated", "missing", "unapproved", "untranslated"}
    app = CheckApp(result)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckScreen)
        assert table_rows(screen) == [("missing", "u9"), ("deprecated", "u2/s1"), ("unapproved", "u2/s2"),
                                      ("untranslated", "u9")]
        assert len(table_rows(screen)) == len(result.issues)
        summary = str(screen.query_one("#check-summary", Static).render())
        assert "zh-en_draft.xliff20.xlf" in summary and "errors" in summary

        deprecated_row = next(i for i, (k, _) in enumerate(table_rows(screen)) if k == "deprecated")
        screen.query_one(DataTable).move_cursor(row=deprecated_row)
        await pilot.pause()
        issue = app.selected[-1]
        assert issue.kind == "deprecated" and issue.found == "data base"
        target = screen.query_one("#check-target", SegmentView).text
        assert "The data base is corrupt." in target.plain
        assert any(span.style == TARGET_STYLE and target.plain[span.start:span.end] == "data base"
                   for span in target.spans)
        source = screen.query_one("#check-source", SegmentView).text
        assert any(span.style == SOURCE_STYLE and source.plain[span.start:span.end] == "数据库" for span in source.spans)

        await pilot.press("o")
        assert app.opened == [1]

        await pilot.press("w")
        assert {k for k, _ in table_rows(screen)} == {"deprecated", "missing", "unapproved", "untranslated"}
        await pilot.press("e")
        assert {k for k, _ in table_rows(screen)} == {"deprecated", "missing"}
        await pilot.press("a", "k")
        assert {k for k, _ in table_rows(screen)} == {"missing"}
        await pilot.press("k")
        assert {k for k, _ in table_rows(screen)} == {"unapproved"}
        await pilot.press("k")
        assert {k for k, _ in table_rows(screen)} == {"deprecated"}
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CheckScreen)


async def test_summary_counts_one_finding_in_the_singular():
    """The summary said "1 segments, 1 errors, 0 warnings" where `glossary check` prints "1 segment ...
    1 error, 0 warnings": the two now word the counts alike."""
    glossary = CheckGlossary([Entry((Term("zh", "数据库"), Term("en", "database")), status="approved", id=1)])
    result = check_segments([DraftSegment("1", "数据库已损坏。", "The repository is corrupt.")], glossary,
                            name="one.tsv", strict=True)
    assert [i.kind for i in result.issues] == ["missing"]
    app = CheckApp(result)
    async with app.run_test() as pilot:
        await pilot.pause()
        summary = str(app.screen.query_one("#check-summary", Static).render())
        assert summary.startswith("one.tsv: 1 segment, 1 error, 0 warnings, 0 info."), summary


async def test_no_findings_says_so():
    glossary = CheckGlossary([Entry((Term("zh", "数据库"), Term("en", "database")), status="approved", id=1)])
    result = check_segments([DraftSegment("1", "数据库", "database")], glossary, name="clean.tsv")
    app = CheckApp(result)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert table_rows(app.screen) == []
        assert "No findings." in str(app.screen.query_one("#check-message", Static).render())
