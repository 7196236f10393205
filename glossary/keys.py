"""Normalized match keys for terms: one definition shared by import, lookup, eval and check.

Heavy libraries (opencc, pypinyin) load on first use so that `glossary --help` stays fast.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
CJK_RANGES = _CJK  # for building other regexes over Han characters
CJK_RE = re.compile(f"[{_CJK}]")
# Punctuation and spacing that never distinguishes two Chinese terms.
_ZH_NOISE = re.compile(r"[\s\-‐‑‒–—―·・•.,，、。:：;；!！?？'\"‘’“”「」『』《》〈〉()（）\[\]【】〔〕<>]+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_EN_NOISE = re.compile(r"[\s\-‐‑‒–—―_'\"`.]+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC; Simplified text comes back unchanged."""
    if not text or not CJK_RE.search(text):
        return text
    return _t2s().convert(text)


def has_cjk(text: str) -> bool:
    return bool(CJK_RE.search(text))


def is_traditional(text: str) -> bool:
    """True when OpenCC would change the text, i.e. it holds Traditional-only characters."""
    return has_cjk(text) and to_simplified(text) != text


def fold_width(text: str) -> str:
    """Full-width ASCII and spaces to half-width (NFKC), leaving CJK punctuation alone."""
    return unicodedata.normalize("NFKC", text)


def zh_key(text: str) -> str:
    """Chinese match key: NFKC, Simplified, punctuation and spaces removed."""
    return _ZH_NOISE.sub("", to_simplified(fold_width(text)))


def en_key(text: str) -> str:
    """English match key: case-folded, leading article, hyphens, spaces and quotes folded."""
    text = fold_width(text).translate(_QUOTES).strip()
    text = _LEADING_ARTICLE.sub("", text)
    return _EN_NOISE.sub("", text.casefold())


@lru_cache(maxsize=1 << 16)
def match_key(lang: str, text: str) -> str:
    """The key for `text` in `lang`: Chinese rules for zh (any region), English-style folding otherwise."""
    return zh_key(text) if lang.lower().startswith("zh") else en_key(text)


@cache
def _pinyin():
    import pypinyin

    return pypinyin


def pinyin_syllables(text: str) -> list[str]:
    """Toneless pinyin syllables of the CJK characters in `text` (other characters dropped)."""
    if not has_cjk(text):
        return []
    pypinyin = _pinyin()
    syllables = pypinyin.lazy_pinyin(to_simplified(text), style=pypinyin.Style.NORMAL, errors="ignore")
    return [s.replace("ü", "v").lower() for s in syllables if s.isalpha()]


def pinyin_key(text: str) -> str:
    """`外防输入` → `waifangshuru`."""
    return "".join(pinyin_syllables(text))


def pinyin_initials(text: str) -> str:
    """`外防输入` → `wfsr`."""
    return "".join(s[0] for s in pinyin_syllables(text))


_TONE_MARKS = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ",
    "aaaaeeeeiiiioooouuuuvvvvvAAAAEEEEIIIIOOOOUUUUVVVVV",
)


def fold_pinyin_query(text: str) -> str:
    """A typed pinyin query to key form: tone marks and digits, spaces and apostrophes gone."""
    text = fold_width(text).translate(_TONE_MARKS).lower()
    return re.sub(r"[\s'’\-0-9]+", "", text)


@cache
def _char_readings() -> dict[str, tuple[str, ...]]:
    from pypinyin.pinyin_dict import pinyin_dict

    table = {}
    for code, readings in pinyin_dict.items():
        folded = tuple(dict.fromkeys(r.translate(_TONE_MARKS).lower().replace("v", "v") for r in readings.split(",")))
        table[chr(code)] = folded
    return table


def char_readings(char: str) -> tuple[str, ...]:
    """Every toneless pinyin reading of one character (重 → zhong, chong, tong)."""
    return _char_readings().get(char, ())


def pinyin_span(name: str, text: str) -> tuple[int, int] | None:
    """The first span of `text` whose characters can be read as the pinyin `name`
    (any reading of each character, so 重庆 matches `chongqing`), or None."""
    name = fold_pinyin_query(name)
    if not name:
        return None
    readings = _char_readings()

    def extend(pos: int, at: int) -> int | None:
        if at == len(name):
            return pos
        if pos >= len(text):
            return None
        for r in readings.get(text[pos], ()):
            if name.startswith(r, at):
                end = extend(pos + 1, at + len(r))
                if end is not None:
                    return end
        return None

    for start, char in enumerate(text):
        if any(name.startswith(r) for r in readings.get(char, ())):
            end = extend(start, 0)
            if end is not None:
                return start, end
    return None


LOOKUP_GRAMS_PER_KEY = 64


def lookup_grams(key: str) -> list[str]:
    """Distinct character n-grams of a match key for the fuzzy lookup index.

    Padded bigrams when the key holds CJK (two characters carry a word), padded trigrams
    otherwise; capped so a pathological key cannot flood the index.
    """
    if not key:
        return []
    n = 2 if CJK_RE.search(key) else 3
    padded = f" {key} "
    grams = dict.fromkeys(padded[i : i + n] for i in range(len(padded) - n + 1))
    return list(grams)[:LOOKUP_GRAMS_PER_KEY]
