"""A small realistic termbase for the lookup, review and TUI tests (terms and sentences written
for these tests), built through db/entries.py plus documents, segment pairs and occurrences."""

from __future__ import annotations

from pathlib import Path

from db import open_db
from db.entries import add_entry, now
from glossary.models import Entry, Term


def _entry(zh, en, *, others=(), score=0.5, category=None, status="candidate", acronym=None, hant=None, note=None):
    terms = [Term("zh", zh, count=3)]
    if hant:
        terms.append(Term("zh", hant, status="admitted", type="variant", script="Hant"))
    terms.append(Term("en", en, count=3))
    terms += [Term("en", text, status=usage, count=1) for text, usage in others]
    if acronym:
        terms.append(Term("en", acronym, status="admitted", type="acronym"))
    return Entry(terms=tuple(terms), status=status, category=category, score=score, note=note)


ENTRIES = [
    _entry("一带一路倡议", "Belt and Road Initiative", acronym="BRI", score=0.95, category="program", status="approved"),
    _entry("外防输入", "import prevention", others=[("preventing imported cases", "admitted")], score=0.92,
           category="policy", hant="外防輸入"),
    _entry("粤港澳大湾区", "Guangdong-Hong Kong-Macao Greater Bay Area", score=0.9, category="place"),
    _entry("世界卫生组织", "World Health Organization", acronym="WHO", score=0.88, category="org"),
    _entry("人类命运共同体", "community with a shared future for mankind",
           others=[("community of common destiny", "deprecated")], score=0.85, category="policy"),
    _entry("核酸检测", "nucleic acid testing", others=[("nucleic acid test", "admitted")], score=0.81, category="domain"),
    _entry("国务院新闻办公室", "State Council Information Office", acronym="SCIO", score=0.77, category="org"),
    _entry("精准扶贫", "targeted poverty alleviation", score=0.7, category="policy"),
    _entry("乡村振兴", "rural revitalization", score=0.65, category="policy"),
    _entry("新闻发布会", "press conference", score=0.3, category="event", status="rejected"),
]

# (document, [(zh sentence, en sentence, [(entry index, zh term, en term)])])
DOCUMENTS = [
    ("briefing-2020.txt", [
        ("我们坚持外防输入、内防反弹的总策略。",
         "We keep to the overall strategy of import prevention and rebound prevention at home.",
         [(1, "外防输入", "import prevention")]),
        ("口岸城市加强外防输入工作，扩大核酸检测范围。",
         "Port cities stepped up work on preventing imported cases and widened nucleic acid testing.",
         [(1, "外防输入", "preventing imported cases"), (5, "核酸检测", "nucleic acid testing")]),
        ("国务院新闻办公室举行新闻发布会。",
         "The State Council Information Office held a press conference.",
         [(6, "国务院新闻办公室", "State Council Information Office"), (9, "新闻发布会", "press conference")]),
    ]),
    ("whitepaper-2021.txt", [
        ("世界卫生组织肯定了中国的核酸检测能力。",
         "The World Health Organization recognised China's nucleic acid testing capacity.",
         [(3, "世界卫生组织", "World Health Organization"), (5, "核酸检测", "nucleic acid testing")]),
        ("精准扶贫与乡村振兴有效衔接。",
         "Targeted poverty alleviation is linked effectively with rural revitalization.",
         [(7, "精准扶贫", "Targeted poverty alleviation"), (8, "乡村振兴", "rural revitalization")]),
    ]),
]


def build_termbase(path: Path) -> list[int]:
    """Create the termbase at `path`; returns the entry ids in ENTRIES order."""
    db = open_db(path)
    ids = [add_entry(db, entry) for entry in ENTRIES]
    with db.atomic():
        for doc_no, (name, pairs) in enumerate(DOCUMENTS):
            doc_id = db.table("documents").insert({
                "name": name, "path": f"corpus/{name}", "sha256": f"{doc_no:064d}", "ingested": now()}).last_pk
            for seq, (zh, en, found) in enumerate(pairs):
                pair_id = db.table("segment_pairs").insert(
                    {"document_id": doc_id, "seq": seq, "zh": zh, "en": en, "score": 0.9}).last_pk
                for index, zh_term, en_term in found:
                    zs, es = zh.index(zh_term), en.index(en_term)
                    db.table("occurrences").insert({
                        "entry_id": ids[index], "segment_pair_id": pair_id, "zh_term": zh_term, "en_term": en_term,
                        "zh_start": zs, "zh_end": zs + len(zh_term), "en_start": es, "en_end": es + len(en_term)})
    db.close()
    return ids
