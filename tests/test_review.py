"""Review operations in db.review: queue filters, decisions, merge, split, evidence, undo/redo."""

import pytest
from termbase_builder import ENTRIES, build_termbase

from db import open_db
from db.entries import entry_exists, get_entry, set_entry_status
from db.review import (
    ReviewError, ReviewFilter, accept, documents_held, evidence, merge_entries, queue_size, redo, reject,
    review_queue, split_term, undo,
)


@pytest.fixture
def built(tmp_path):
    path = tmp_path / "review.db"
    ids = build_termbase(path)
    db = open_db(path)
    yield db, ids, path
    db.close()


def occurrence_owner(db, en_term):
    return [r[0] for r in db.execute("SELECT entry_id FROM occurrences WHERE en_term = ? ORDER BY id", [en_term])]


def test_queue_is_best_score_first_and_filters(built):
    db, ids, _ = built
    rows = review_queue(db)
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    assert {r.status for r in rows} == {"candidate"}
    assert rows[0].zh == "外防输入" and rows[0].en == "import prevention" and rows[0].renderings == 2
    assert {r.zh for r in review_queue(db, ReviewFilter(category="org"))} == {"世界卫生组织", "国务院新闻办公室"}
    assert [r.zh for r in review_queue(db, ReviewFilter(min_score=0.86))] == ["外防输入", "粤港澳大湾区", "世界卫生组织"]
    assert len(review_queue(db, ReviewFilter(status=None))) == len(ENTRIES)
    whitepaper = dict((name, i) for i, name in documents_held(db))["whitepaper-2021.txt"]
    assert {r.zh for r in review_queue(db, ReviewFilter(document_id=whitepaper))} == {"世界卫生组织", "核酸检测", "精准扶贫", "乡村振兴"}
    for search, expected in (("核酸", "核酸检测"), ("shared future", "人类命运共同体"), ("xiangcun", "乡村振兴"), ("jzfp", "精准扶贫")):
        assert [r.zh for r in review_queue(db, ReviewFilter(search=search))] == [expected]
    assert queue_size(db, ReviewFilter(status="approved")) == 1


def test_evidence_spans_cover_the_term_on_both_sides(built):
    db, ids, _ = built
    items = evidence(db, ids[1])
    assert len(items) == 2
    for item in items:
        (zs, ze), (es, ee) = item.zh_spans[0], item.en_spans[0]
        assert item.zh[zs:ze] == "外防输入"
        assert item.en[es:ee] in ("import prevention", "preventing imported cases")


def test_merge_moves_terms_and_evidence_and_undoes_across_restart(built):
    db, ids, path = built
    testing, who = ids[5], ids[3]
    merged = merge_entries(db, testing, who)
    assert not entry_exists(db, testing)
    texts = {t.text: t.status for t in merged.terms}
    assert texts["核酸检测"] == "admitted" and texts["nucleic acid testing"] == "admitted"
    assert texts["World Health Organization"] == "preferred"
    assert set(occurrence_owner(db, "nucleic acid testing")) == {who}
    db.close()

    db = open_db(path)  # a restart: undo works from the log alone
    change = undo(db)
    assert change.action == "merge" and set(change.entry_ids) == {testing, who}
    assert entry_exists(db, testing)
    assert [t.text for t in get_entry(db, who).terms] == ["世界卫生组织", "World Health Organization", "WHO"]
    assert set(occurrence_owner(db, "nucleic acid testing")) == {testing}
    assert redo(db).action == "merge"
    assert not entry_exists(db, testing)
    assert set(occurrence_owner(db, "nucleic acid testing")) == {who}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()


def test_split_moves_a_rendering_and_its_evidence(built):
    db, ids, _ = built
    entry = get_entry(db, ids[1])
    rendering = next(t for t in entry.terms if t.text == "preventing imported cases")
    new = split_term(db, entry.id, rendering.id)
    assert [t.text for t in new.terms if t.lang == "en"] == ["preventing imported cases"]
    assert new.preferred("en").status == "preferred" and new.preferred("zh").text == "外防输入"
    assert "preventing imported cases" not in {t.text for t in get_entry(db, entry.id).terms}
    assert occurrence_owner(db, "preventing imported cases") == [new.id]
    assert occurrence_owner(db, "import prevention") == [entry.id]
    undo(db)
    assert not entry_exists(db, new.id)
    assert occurrence_owner(db, "preventing imported cases") == [entry.id]
    assert "preventing imported cases" in {t.text for t in get_entry(db, entry.id).terms}


def test_split_refuses_the_only_rendering(built):
    db, ids, _ = built
    entry = get_entry(db, ids[2])
    with pytest.raises(ReviewError, match="only"):
        split_term(db, entry.id, entry.preferred("en").id)


def test_undo_redo_order_and_new_decision_clears_redo(built):
    db, ids, _ = built
    accept(db, ids[1])
    reject(db, ids[2])
    assert undo(db).entry_ids == (ids[2],)
    assert undo(db).entry_ids == (ids[1],)
    assert get_entry(db, ids[1]).status == "candidate"
    assert redo(db).entry_ids == (ids[1],)
    assert get_entry(db, ids[1]).status == "approved"
    accept(db, ids[3])  # a new decision: the undone reject can no longer be redone
    assert redo(db) is None
    assert undo(db).entry_ids == (ids[3],)


def test_undo_refuses_to_overwrite_later_changes(built):
    db, ids, _ = built
    accept(db, ids[1])
    set_entry_status(db, ids[1], "rejected", action="import")  # changed outside the review
    with pytest.raises(ReviewError, match="changed"):
        undo(db)
    assert get_entry(db, ids[1]).status == "rejected"
