"""Chinese terms inside longer words: the checker's segmentation (jieba's dictionary and best path)
and the rule that a term strictly inside a longer word does not fire, on the corpus's own text."""

from __future__ import annotations

import re

import pytest
from conftest import shared

from glossary.check.matcher import TermMatcher
from glossary.check.words import segmenter
from glossary.ingest import read_document
from glossary.keys import zh_match_text

HAN_RUN = re.compile(r"[\u4e00-\u9fd5]+")


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    """The Chinese paragraphs of the corpus, normalized as the matcher sees them."""
    found = []
    for path in sorted(shared("corpus").glob("*.txt")):
        found += [zh_match_text(p.text)[0] for p in read_document(path).paragraphs if p.lang == "zh"]
    return found


def test_segmentation_agrees_with_jieba_on_the_corpus(paragraphs):
    import jieba

    reference = jieba.Tokenizer()  # its own: mining adds the glossary's terms to jieba's global one
    words = segmenter()
    runs = [m.group() for text in paragraphs for m in HAN_RUN.finditer(text)]
    assert len(runs) > 300
    for run in runs:
        ours = [run[a:b] for a, b in words._words(run, 0, len(run))]
        assert ours == reference.lcut(run, HMM=False)


@pytest.mark.parametrize("term, bound", [("大使", "馆"), ("总领事", "馆")])
def test_a_term_does_not_fire_inside_a_longer_word_of_the_corpus(paragraphs, term, bound):
    """大使 (ambassador) fires where the text names an ambassador, never inside 大使馆 (embassy)."""
    matcher = TermMatcher("zh", [(0, term, False)])
    inside = standalone = 0
    for text in paragraphs:
        expected = [m.start() for m in re.finditer(term, text) if not text.startswith(bound, m.end())]
        inside += len(re.findall(term + bound, text))
        standalone += len(expected)
        assert [h.start for h in matcher.find(text)] == expected, text
    assert inside and standalone  # the corpus has both


def test_a_term_inside_a_compound_of_words_still_fires(paragraphs):
    """香港特区 in 香港特区政府 (HKSAR + government) is the term itself."""
    matcher = TermMatcher("zh", [(0, "香港特区", False), (1, "市政府", False)])
    texts = [t for t in paragraphs if "香港特区政府" in t or "重庆市政府" in t]
    assert texts
    for text in texts:
        assert len(matcher.find(text)) == text.count("香港特区") + text.count("市政府")


def test_developing_countries_are_not_china():
    matcher = TermMatcher("zh", [(0, "中国", False), (1, "数据", False)])
    assert matcher.find("发展中国家的数据库") == []
    assert [("中国的数据"[h.start:h.end]) for h in matcher.find("中国的数据")] == ["中国", "数据"]


def test_only_terms_inside_dictionary_words_need_segmenting_and_nothing_is_lost(paragraphs):
    """The matcher segments a sentence only for a term that is a proper part of some dictionary
    word; on the corpus that gives exactly what segmenting for every term gives."""
    import json

    from glossary.check.words import inner_strings
    from glossary.keys import to_simplified

    gold = sorted({json.loads(line)["zh"] for path in sorted(shared("gold").glob("*.jsonl"))
                   for line in path.read_text(encoding="utf-8").splitlines() if line.strip()})
    matcher = TermMatcher("zh", [(i, term, False) for i, term in enumerate(gold)])
    terms = {zh_match_text(to_simplified(term))[0].strip("\x1f") for term in gold} - {""}  # as the matcher keys them
    inner = inner_strings()
    assert 0 < sum(term in inner for term in terms) < len(terms)
    words = segmenter()
    dropped = 0
    for text in paragraphs:
        spans = [(m.start(), m.start() + len(term)) for term in terms for m in re.finditer(f"(?={re.escape(term)})", text)]
        inside = words.inside_longer_word(text, spans)
        dropped += len(inside)
        assert sorted((h.start, h.end) for h in matcher.find(text)) == sorted(set(spans) - inside)
    assert dropped


def test_a_term_whose_last_word_a_longer_word_swallows_does_not_fire(paragraphs):
    """001 names two consuls general in Chongqing (驻重庆总领事 + a name) and one consulate general
    (驻重庆总领事馆): the term for the consul fires at the first two only, since 总领事馆 swallows its
    last word 总领事; where a longer word only joins its last character (试验|区内), a term still fires."""
    matcher = TermMatcher("zh", [(0, "驻重庆总领事", False)])
    found = [text[hit.end:hit.end + 1] for text in paragraphs for hit in matcher.find_longest(text)]
    assert sorted(found) == ["毕", "渡"]
    assert paragraphs and sum(text.count("驻重庆总领事馆") for text in paragraphs) == 1
    words = segmenter()
    assert words.inside_longer_word("自贸试验区内企业", [(0, 5)]) == set()
