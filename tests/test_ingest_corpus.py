"""Ingestion of the four real noisy documents in ../shared/corpus."""

import re

import pytest

from glossary.ingest import CENSOR_MARK, read_document
from glossary.keys import has_cjk, is_traditional, to_simplified

from conftest import shared

DOCS = {
    # name: (zh paragraphs, en paragraphs, script, drop reasons that must be seen)
    "000_c78274c5c2d54538.txt": (9, 8, "Hant", {"keyword-spam", "dateline", "journal-issue", "keywords", "byline", "related-links", "link-list", "noise-only"}),
    "001_a95d0c3c2ca6a01e.txt": (19, 18, "Hant", {"keyword-spam", "dateline", "journal-issue", "keywords", "related-links", "noise-only"}),
    "002_723aec7c0dc06fa0.txt": (71, 0, "Hans", {"breadcrumb", "dateline", "empty-field", "footer"}),
    "003_94c3ed148f7d08a4.txt": (9, 1, "Hant", set()),
}
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_NOTE = re.compile(rf"[(（][a-zü{TONED}]*[{TONED}][a-zü{TONED}]*[)）]")
LOOKS_LIKE_NOISE = re.compile(r"_.*_.*_|\|.*\|.*\||版[权權]所有|ICP|公[网網]安[备備]|返回[顶頂]部|猜你喜[欢歡]")


@pytest.fixture(scope="module")
def documents():
    return {name: read_document(shared("corpus", name)) for name in DOCS}


@pytest.mark.parametrize("name", DOCS)
def test_counts_script_and_drop_reasons(documents, name):
    doc = documents[name]
    zh, en, script, reasons = DOCS[name]
    assert doc.count_by_lang() == {"zh": zh, "en": en}
    assert doc.script == script
    assert reasons <= {d.reason for d in doc.dropped}
    assert [p.seq for p in doc.paragraphs] == list(range(1, len(doc.paragraphs) + 1))
    assert len(doc.sha256) == 64 and doc.size == shared("corpus", name).stat().st_size


@pytest.mark.parametrize("name", DOCS)
def test_noise_is_gone(documents, name):
    for p in documents[name].paragraphs:
        assert not PINYIN_NOTE.search(p.original), p.original[:80]
        assert "?" not in p.original, p.original[:80]
        assert not LOOKS_LIKE_NOISE.search(p.original), p.original[:80]


@pytest.mark.parametrize("name", DOCS)
def test_every_body_line_is_kept_with_its_language(documents, name):
    """Every long source line that is not spam or a link list survives, tagged by its script."""
    raw_lines = shared("corpus", name).read_text(encoding="utf-8").splitlines()
    paragraphs = documents[name].paragraphs
    for number, raw in enumerate(raw_lines, 1):
        if len(raw) < 80 or LOOKS_LIKE_NOISE.search(raw):
            continue
        kept = [p for p in paragraphs if p.line == number]
        assert len(kept) == 1, f"line {number} lost: {raw[:60]}"
        expected = "zh" if has_cjk(raw[:40]) else "en"
        assert kept[0].lang == expected
        head = PINYIN_NOTE.sub("", raw).replace("?", "")[:12]
        assert kept[0].original.startswith(head.strip())


def test_lost_characters_marked_not_glued(documents):
    """Runs garbled by a lost byte become one □ each; nothing rare is left in their place."""
    marks = {name: sum(p.original.count(CENSOR_MARK) for p in documents[name].paragraphs) for name in DOCS}
    assert marks == {"000_c78274c5c2d54538.txt": 4, "001_a95d0c3c2ca6a01e.txt": 2,
                     "002_723aec7c0dc06fa0.txt": 0, "003_94c3ed148f7d08a4.txt": 1}
    for name in DOCS:
        for p in documents[name].paragraphs:
            assert not re.search("[\u3040-\u30ff\ue000-\uf8ff]", p.original)  # no kana or private-use debris


def test_000_chinese_block_then_english_block(documents):
    doc = documents["000_c78274c5c2d54538.txt"]
    assert [p.lang for p in doc.paragraphs] == ["zh"] * 9 + ["en"] * 8
    assert all(len(p.text) > 100 for p in doc.paragraphs[1:])  # article bodies, not fragments


def test_001_interleaved_headings_and_paragraphs(documents):
    langs = "".join("z" if p.lang == "zh" else "e" for p in documents["001_a95d0c3c2ca6a01e.txt"].paragraphs)
    assert langs.startswith("zzeze")  # title, zh body, en body, zh heading, en heading
    assert langs.count("ze") >= 6


@pytest.mark.parametrize("name", ["000_c78274c5c2d54538.txt", "001_a95d0c3c2ca6a01e.txt", "003_94c3ed148f7d08a4.txt"])
def test_traditional_converted_original_kept(documents, name):
    zh = [p for p in documents[name].paragraphs if p.lang == "zh"]
    assert sum(is_traditional(p.original) for p in zh) >= len(zh) - 1
    for p in zh:
        assert p.text == to_simplified(p.original)
        assert not is_traditional(p.text)
    for p in documents[name].paragraphs:
        if p.lang == "en":
            assert p.text == p.original


def test_header_lines_dropped_with_their_text(documents):
    doc = documents["000_c78274c5c2d54538.txt"]
    by_reason = {d.reason: d for d in doc.dropped}
    assert by_reason["dateline"].line == 7 and by_reason["dateline"].text.startswith("2021-03-08")
    assert by_reason["byline"].line == 11
    assert doc.paragraphs[0].line == 5  # the title stays


def test_002_footer_and_poster_lines(documents):
    doc = documents["002_723aec7c0dc06fa0.txt"]
    footers = [d for d in doc.dropped if d.reason == "footer"]
    assert len(footers) == 4
    # the closing slogan lines are short, but they are the document's own text
    assert doc.paragraphs[-1].line > 190 and doc.paragraphs[-1].lang == "zh"


def test_hkma_chapters_tagged_by_language_and_script():
    """Real Traditional/English annual-report chapters: one language each, Hant for the Chinese."""
    folder = shared("external", "hkma-annual-reports", "texts", "2022")
    for path in sorted(folder.glob("*.txt")):
        doc = read_document(path)
        lang = "zh" if path.name.endswith(".zh.txt") else "en"
        wrong = [p.original[:60] for p in doc.paragraphs if p.lang != lang]
        assert len(wrong) <= 1, (path.name, wrong)  # a stray all-English title may stand alone
        assert doc.script == ("Hant" if lang == "zh" else "")
        assert not doc.dropped, (path.name, doc.dropped[:3])
        assert not any(p.original.startswith("#") for p in doc.paragraphs)
