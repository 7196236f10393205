"""Language codes of glossary files to and from the termbase's (lang, script) pairs.

Chinese of any region is stored as `zh` (script Hant for zh-TW/zh-HK/zh-MO/zh-Hant), English of
any region as `en`; every other language keeps the code the file used (`is`, `ug-CN`, `sf`).
"""

from __future__ import annotations

import re
from functools import lru_cache

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_HANT_SUBTAGS = {"hant", "tw", "hk", "mo"}
_CHINESE = {"zh", "zho", "chi", "cmn"}
_ENGLISH = {"en", "eng"}
ZH_TAG = "zh-CN"
ZH_HANT_TAG = "zh-Hant"

# Spreadsheet headers that name a language in words (lower-cased).
_HEADER_NAMES = {
    "chinese": ("zh", None), "中文": ("zh", None), "汉语": ("zh", None), "漢語": ("zh", None),
    "简体中文": ("zh", "Hans"), "簡體中文": ("zh", "Hans"), "chinese (simplified)": ("zh", "Hans"),
    "simplified chinese": ("zh", "Hans"), "繁体中文": ("zh", "Hant"), "繁體中文": ("zh", "Hant"),
    "chinese (traditional)": ("zh", "Hant"), "traditional chinese": ("zh", "Hant"),
    "hk chinese": ("zh", "Hant"), "english": ("en", None), "英文": ("en", None), "英语": ("en", None),
    "英語": ("en", None),
}


@lru_cache(maxsize=1024)
def parse_lang(tag: str | None) -> tuple[str, str | None] | None:
    """`zh_TW` → ("zh", "Hant"), `en-US` → ("en", None), `ug-cn` → ("ug-CN", None); None if not a code."""
    if not tag:
        return None
    tag = tag.strip()
    if not _TAG.match(tag):
        return None
    parts = tag.replace("_", "-").split("-")
    primary = parts[0].lower()
    subtags = {p.lower() for p in parts[1:]}
    if primary in _CHINESE:
        if subtags & _HANT_SUBTAGS:
            return "zh", "Hant"
        return "zh", None  # Simplified or unmarked: the termbase detects the script from the text
    if primary in _ENGLISH:
        return "en", None
    return "-".join([primary] + [_case_subtag(p) for p in parts[1:]]), None


def _case_subtag(subtag: str) -> str:
    if len(subtag) == 4 and subtag.isalpha():
        return subtag.title()  # script
    if len(subtag) == 2 and subtag.isalpha():
        return subtag.upper()  # region
    return subtag.lower()


def header_lang(name: str) -> tuple[str, str | None] | None:
    """A spreadsheet column header naming a language: a code (zh-CN, en_US) or a name (Chinese, 中文)."""
    name = name.strip()
    named = _HEADER_NAMES.get(name.lower())
    if named:
        return named
    # Headers are words too ("note", "term"): only 2-letter codes, optionally with a region or script.
    if re.fullmatch(r"[A-Za-z]{2}(?:[-_][A-Za-z]{2,4})?", name) or name.lower().split("-")[0] in {"zho", "eng"}:
        return parse_lang(name)
    return None


def lang_tag(lang: str, script: str | None) -> str:
    """The code written to files: zh → zh-CN (zh-Hant for Traditional), others as stored."""
    if lang == "zh":
        return ZH_HANT_TAG if script == "Hant" else ZH_TAG
    return lang


def ordered_tags(tags: list[str]) -> list[str]:
    """zh-CN first (translate-toolkit takes the first language as the source), then en, others, zh-Hant."""
    rank = {ZH_TAG: 0, "en": 1, ZH_HANT_TAG: 3}
    return sorted(dict.fromkeys(tags), key=lambda t: (rank.get(t, 2), t))
