"""Guess a term's category from general shape cues: English head nouns and Chinese heads."""

from __future__ import annotations

import re

_EN_HEADS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("document", ("law", "laws", "regulation", "regulations", "rules", "plan", "procedures", "procedure", "guide",
                  "guidelines", "measures", "outline", "report", "notice", "opinions", "white paper", "ordinance", "guidebook",
                  "handbook", "manual")),
    ("event", ("forum", "expo", "fair", "meeting", "conference", "summit", "festival", "games", "exhibition",
               "dialogue", "week", "ceremony", "campaign", "session", "symposium", "seminar", "congress", "lecture",
               "lectures")),
    ("org", ("office", "council", "committee", "ministry", "department", "bureau", "group", "association",
             "company", "bank", "authority", "commission", "government", "administration", "agency", "center",
             "centre", "institute", "university", "consulate", "consulates", "embassy", "organization",
             "organisation", "federation", "union", "system", "court", "chamber", "corporation", "fund", "party",
             "unit")),
    ("program", ("initiative", "project", "program", "programme", "corridor", "mechanism", "platform", "zone",
                 "hotline", "scheme", "network", "channel", "cooperation", "partnership", "route", "belt", "road")),
    ("title", ("mayor", "director", "director-general", "secretary", "president", "minister", "consul",
               "consul general", "chairman", "governor", "ambassador", "premier", "leader", "leaders", "chief",
               "commissioner", "deputy", "vice", "official", "officials", "officer", "officers")),
    ("place", ("district", "county", "city", "province", "municipality", "airport", "port", "region", "town",
               "village", "prefecture", "building", "area")),
    ("policy", ("thought", "theory", "principle", "strategy", "vision", "spirit", "development", "opening", "reform",
                "aspiration", "mission", "socialism", "philosophy")),
)
_ZH_HEADS: tuple[tuple[str, str], ...] = (
    ("document", "法|条例|规划|计划|方案|流程|指南|意见|办法|规定|通知|报告|纲要|手册"),
    ("event", "论坛|博览会|交易会|会议|峰会|节|(?<!发)展|大会|研讨会|洽谈会|视频会|活动|讲堂"),
    ("org", "办公室|委员会|理事会|部|局|厅|署|委|办|组|协会|公司|银行|中心|机构|领馆|领事馆|大使馆|政府|议会|组织|系统|党"),
    ("program", "项目|通道|机制|平台|工程|倡议|计划|合作|热线|走廊|区$"),
    ("title", "市长|主任|书记|主席|总理|部长|领事|大使|总统|局长|厅长|处长|省长|委员|官员"),
    ("place", "区|县|市|省|镇|乡|村|机场|港|大楼"),
    ("policy", "思想|理论|原则|战略|精神"),
)
_PARTICLES = {"up", "out"}
_PREPOSITION = re.compile(r"\s(?:of|in|for|on|at|to|with)\s")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
_ZH_HEAD_ENDS = tuple((category, re.compile(f"(?:{pattern})$")) for category, pattern in _ZH_HEADS)
_PLACE_END = dict(_ZH_HEAD_ENDS)["place"]


def guess_category(zh: str, en: str, *, quoted: bool = False, title: bool = False, name: bool = False,
                   person_title: bool = False) -> str:
    """One of the GUIDELINE categories, from the shape of the pair (`title`: a 《》 title; `person_title`:
    said of a person, next to a name)."""
    if title:
        return "document"
    if person_title:
        return "title"
    words = _EN_WORD.findall(en.lower())
    while len(words) > 1 and words[-1] in _PARTICLES:
        words.pop()  # opening up: the head is "opening"
    last = words[-1] if words else ""
    head = _EN_WORD.findall(_PREPOSITION.split(en.lower(), 1)[0])  # "Office | in Chongqing"
    if name:
        for category, heads in _EN_HEADS:
            if category == "place" and last in heads:
                return "place"
        if _PLACE_END.search(zh) or _place_word(zh):
            return "place"  # 设拉子市 Shiraz; 重庆 (jieba knows it as a place) Chongqing
        return "person" if en[:1].isupper() and len(words) <= 3 else "place"
    for candidate in dict.fromkeys([head[-1] if head else "", last]):  # the head before "of/in…" first
        for category, heads in _EN_HEADS:
            if candidate in heads or category != "place" and _singular(candidate) in heads:
                return category  # (districts and counties: kinds of place, no place)
    for category, heads in _EN_HEADS:
        if category == "title" and words and words[0] in heads and en[:1].isupper() is False:
            return category
    for category, pattern in _ZH_HEAD_ENDS:
        if pattern.search(zh) and (category != "place" or not en.islower()):  # (区县 districts and counties:
            return category  # kinds of place, no place)
    if quoted or _PARALLEL_FORMULA.fullmatch(zh) or _WIDENED_FORMULA.fullmatch(zh) and en[:1].islower():
        return "policy"
    return "domain"


_PARALLEL_FORMULA = re.compile(r"(\w)\w\1\w")  # 群防群治, 复工复产, 联防联控: one character twice, a slogan's rhythm
_WIDENED_FORMULA = re.compile(r"大\w{2}")  # 大外事, 大开放 (greater opening up): a field taken as a whole, a policy
# formula (大湾区, the Greater Bay Area, is a name)


def _singular(word: str) -> str:
    """The singular of a regular English plural (routes → route, agencies → agency)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _place_word(zh: str) -> bool:
    """The Chinese is one word jieba's dictionary tags as a place name (重庆 ns)."""
    from glossary.mine.tokens import zh_words

    words = zh_words(zh)
    return len(words) == 1 and words[0].tag == "ns"
