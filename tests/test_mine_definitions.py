"""Names both sides of an aligned pair define with a short form in brackets (glossary.mine.definitions),
on sentences of the HKMA annual reports in ../shared/external."""

from __future__ import annotations

import sys
from functools import cache

from conftest import REPO, shared
from glossary.align import align_document
from glossary.keys import en_key, zh_key
from glossary.mine import mine_pairs
from glossary.mine.definitions import defined_name_pairs
from glossary.mine.tokens import en_tokens, zh_words


@cache
def report(doc_id: str):
    """The report's Chinese block and English block as one document, aligned (as bench/hkma_terms.py mines it)."""
    sys.path.insert(0, str(REPO / "bench"))
    from _hkma import block_document, hkma_records

    shared("external", "hkma-annual-reports", "docs.jsonl")
    record = next(r for r in hkma_records() if r["doc_id"] == doc_id)
    return [p for p in align_document(block_document(record)[0]) if p.zh and p.en]


def defined(doc_id: str, chinese: str) -> set[tuple[str, str]]:
    """What defined_name_pairs pairs in the report's sentences that say `chinese`."""
    out = set()
    for p in report(doc_id):
        if chinese in p.zh:
            for sp in defined_name_pairs(zh_words(p.zh), en_tokens(p.en), [], p.zh, p.en):
                out.add((p.zh[sp.zh_start:sp.zh_end], p.en[sp.en_start:sp.en_end]))
    return out


def test_a_name_and_its_short_form_pair_with_the_english_name_and_its_acronym():
    # 事务, 监察 and 委员会 ("committee") have no word in the English: only the brackets pair the names
    assert defined("hkma-ar-2019-02", "（证监会）") == {
        ("证券及期货事务监察委员会", "Securities and Futures Commission"), ("证监会", "SFC")}
    # the short form is the name's last words: the words before it that the English says open the name
    assert ("财务行动特别组织", "Financial Action Task Force") in defined("hkma-ar-2017-05", "（特别组织）")
    # a short form whose first character is not the name's first: the name opens on that character's word
    assert ("香港金融研究中心", "Hong Kong Institute for Monetary Research") in defined("hkma-ar-2017-04", "（研究中心）")
    # jieba's 中国人民银行 is one word: the name is the whole word
    assert ("中国人民银行", "People’s Bank of China") in defined("hkma-ar-2018-01", "（人民银行）")


def test_definitions_that_are_not_one_name_are_not_paired():
    # the English defines another name (Wealth Management Connect); Macao's authority is AMCM, unspelled
    assert not defined("hkma-ar-2020-06", "（澳门金管局）")
    # two Chinese brackets that may hold a short form against four English ones: no telling which is which
    assert not defined("hkma-ar-2022-03", "（洗钱）")
    # "(HKSAR) Government", "(OFDS) of the People's Government of Shenzhen Municipality": the acronym is of
    # a part of the name the Chinese gives whole (香港特别行政区政府, 深圳市人民政府金融发展服务办公室)
    assert not defined("hkma-ar-2022-04", "（特区政府）")
    assert not defined("hkma-ar-2018-06", "（深圳金融办）")


@cache
def mined(doc_id: str) -> set[tuple[str, str]]:
    return {(zh_key(c.zh), en_key(c.en)) for c in mine_pairs(report(doc_id))}


def test_mining_gives_the_defined_names_and_lets_the_definition_decide_between_spans():
    found = mined("hkma-ar-2019-02")
    assert {(zh_key("证券及期货事务监察委员会"), en_key("Securities and Futures Commission")),
            (zh_key("证监会"), en_key("SFC"))} <= found
    # 联系汇率 is paired with the name as often (co-occurrence), but the text defines 联系汇率制度 as it
    found = mined("hkma-ar-2015-02")
    assert (zh_key("联系汇率制度"), en_key("Linked Exchange Rate System")) in found
    assert (zh_key("联系汇率"), en_key("Linked Exchange Rate System")) not in found
    # 银行公会 is a short form of 香港银行公会, both defined as HKAB: a span holding the short form only is
    # something else the sentence says, not HKAB's Chinese
    found = mined("hkma-ar-2023-02")
    assert (zh_key("银行公会"), en_key("HKAB")) in found
    assert not [zh for zh, en in found if en == en_key("HKAB") and zh.startswith(zh_key("金管局"))]


def test_an_acronym_in_small_letters_too_is_an_acronym_term_beside_its_long_form():
    """PBoC (not all capitals) was a full form that outranked People's Bank of China in its entry."""
    found = {c.en: c.type for c in mine_pairs(report("hkma-ar-2018-01")) if c.zh == "中国人民银行"}
    assert found == {"PBoC": "acronym", "People’s Bank of China": "fullForm"}
