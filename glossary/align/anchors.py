"""Anchors shared by a sentence and its translation: numbers in every written form, Latin
tokens and acronyms, quoted spans, pinyin of names, and CC-CEDICT word overlap."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from glossary.keys import pinyin_span
from glossary.lexicon import STOPWORDS, en_stem, zh_gloss_stems

_ZH_MULTIPLIERS = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_EN_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                   "trillion": 1_000_000_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_EN_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_EN_NUMBER_WORDS.update({w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split())})
_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_DIGIT = re.compile(r"\d")
_ZH_DATE = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# Digits inside a Latin token (COVID-19, G20, KF94) are part of that token, not a number.
_NOT_IN_TOKEN = r"(?<![A-Za-z\d.])(?<![A-Za-z]-)"
_ZH_NUMBER = re.compile(_NOT_IN_TOKEN + r"(\d[\d,]*(?:\.\d+)?)\s*([十百千万萬亿億]*)")
# A Chinese numeral counts only before a measure word, so 一线 or 一带一路 are not numbers.
_ZH_NUMERAL = re.compile(r"第?([零〇一二两兩三四五六七八九十]{1,3})(?=[个個名次项項家场場位批届屆年月日天小周週轮輪种種条條份])")


def _first_letters(words: dict[str, int]) -> str:
    """A lookahead on the first letters of `words`: a quick refusal before an alternation (same matches, faster)."""
    return "(?=[" + "".join(sorted({w[0] for w in words})) + "])"


_EN_DATE = re.compile(r"\b" + _first_letters(_MONTHS) + "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})\b", re.IGNORECASE)
_EN_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_EN_NUMBER = re.compile(_NOT_IN_TOKEN + r"(\d[\d,]*(?:\.\d+)?)(?:\s*(hundred|thousand|million|billion|trillion|mn|bn)\b)?", re.IGNORECASE)
_EN_NUMBER_WORD = re.compile(r"\b" + _first_letters(_EN_NUMBER_WORDS) + "(" + "|".join(_EN_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*|\d+[A-Za-z]+")
_ACRONYM_IN_PARENS = re.compile(r"[(（]\s*([A-Z][A-Za-z&]*[A-Z]s?)\s*[)）]")
_ZH_QUOTED = re.compile(r"“[^”]{1,40}”|「[^」]{1,40}」|《[^》]{1,60}》|『[^』]{1,40}』")
_EN_QUOTED = re.compile(r"\"[^\"]{1,80}\"|“[^”]{1,80}”")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)*")

_INITIALS = "zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]"
_FINALS = ("iang|iong|uang|ang|eng|ing|ong|ian|iao|uan|uai|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|"
           "iu|ua|uo|ue|ve|ui|a|o|e|i|u|v")
PINYIN_WORD = re.compile(f"(?:(?:{_INITIALS})?(?:{_FINALS}))+", re.IGNORECASE)


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _fmt(value: float) -> str:
    return f"{value:.10g}"


def _zh_numeral(text: str) -> int | None:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _ZH_DIGITS.get(tens, 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0)
    return _ZH_DIGITS.get(text) if len(text) == 1 else None


def zh_numbers(text: str) -> set[str]:
    """Canonical numbers in Chinese text: 626.97万 → 6269700, 2020年 → 2020, 3月24日 → 3/24."""
    found: set[str] = set()
    if _DIGIT.search(text):  # dates and numbers in digits
        for m in _ZH_DATE.finditer(text):
            found.add(f"{int(m.group(1))}/{int(m.group(2))}")
        for m in _ZH_NUMBER.finditer(text):
            value = _number(m.group(1))
            if value is None:
                continue
            for unit in m.group(2):
                value *= _ZH_MULTIPLIERS[unit]
            found.add(_fmt(value))
    for m in _ZH_NUMERAL.finditer(text):
        value = _zh_numeral(m.group(1))
        if value is not None:
            found.add(_fmt(value))
    return found


def en_numbers(text: str) -> set[str]:
    """Canonical numbers in English text: 6.2697 million → 6269700, 38 percent → 38, March 24 → 3/24."""
    found: set[str] = set()
    if _DIGIT.search(text):  # dates and numbers in digits
        for m in _EN_DATE.finditer(text):
            found.add(f"{_MONTHS[m.group(1).lower()]}/{int(m.group(2))}")
        for m in _EN_DAY_MONTH.finditer(text):
            found.add(f"{_MONTHS[m.group(2).lower()]}/{int(m.group(1))}")
        for m in _EN_NUMBER.finditer(text):
            value = _number(m.group(1))
            if value is None:
                continue
            if m.group(2):
                value *= _EN_MULTIPLIERS[m.group(2).lower()]
            found.add(_fmt(value))
    for m in _EN_NUMBER_WORD.finditer(text):
        found.add(_fmt(_EN_NUMBER_WORDS[m.group(1).lower()]))
    return found


def latin_tokens(text: str) -> set[str]:
    """Latin-script tokens of two or more characters (acronyms, COVID-19, 5G), case-folded."""
    return {t.casefold() for t in _LATIN.findall(text) if len(t) >= 2}


def acronyms_in_parentheses(text: str) -> list[tuple[str, int, int]]:
    """`(SCO)`-style acronym definitions: the acronym and its span."""
    return [(m.group(1), m.start(1), m.end(1)) for m in _ACRONYM_IN_PARENS.finditer(text)]


@lru_cache(maxsize=1 << 16)
def is_pinyin_word(word: str) -> bool:
    return bool(PINYIN_WORD.fullmatch(word))


def pinyin_names(text: str) -> set[str]:
    """Capitalised words and names of English text that are spelled in pinyin (Chongqing, Li Bo)."""
    names = set()
    for m in _CAPITALISED.finditer(text):
        words = re.split(r"[\s-]", m.group())
        run = [w.lower() for w in words if is_pinyin_word(w)]
        if run and len(run) == len(words):
            joined = "".join(run)
            if len(joined) >= 4:
                names.add(joined)
    return names


@cache
def name_openings(name: str) -> frozenset[str]:
    """The prefixes of a pinyin name one syllable could spell (its first one to six letters)."""
    return frozenset(name[:k] for k in range(1, 7))


@dataclass(slots=True)
class ZhFeatures:
    length: int
    stems: set[str]
    numbers: set[str]
    latin: set[str]
    quotes: int
    text: str
    _names: dict[str, bool] = field(default_factory=dict)

    def reads_as(self, name: str, first_chars: set[str] | frozenset[str]) -> bool:
        """True when some characters of this sentence read as the pinyin `name`; `first_chars`
        are the characters read as its first syllable, where such a reading must start."""
        found = self._names.get(name)
        if found is None:
            # a reading spans at most one character per letter of the name
            text = self.text
            found = not first_chars.isdisjoint(text) and any(
                pinyin_span(name, text[p : p + len(name)]) is not None for p, char in enumerate(text) if char in first_chars)
            self._names[name] = found
        return found


@dataclass(slots=True)
class EnFeatures:
    length: int
    stems: frozenset[str]
    numbers: set[str]
    latin: set[str]
    quotes: int
    names: set[str]


# Reports repeat headings and boilerplate sentences from year to year: features are computed
# once per sentence text (shared, never changed but for the names a sentence was found to read as).
FEATURE_CACHE = 1 << 13


@lru_cache(maxsize=FEATURE_CACHE)
def zh_features(text: str) -> ZhFeatures:
    return ZhFeatures(
        length=len(text) - text.count(" "), stems=zh_gloss_stems(text, min_len=2),
        numbers=zh_numbers(text), latin=latin_tokens(text), quotes=len(_ZH_QUOTED.findall(text)), text=text,
    )


@lru_cache(maxsize=FEATURE_CACHE)
def en_features(text: str) -> EnFeatures:
    words = [w for w in _EN_WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 1]
    return EnFeatures(
        length=len(text), stems=frozenset(en_stem(w) for w in words), numbers=en_numbers(text),
        latin={t for t in latin_tokens(text) if not t.isalpha() or t.upper() in text}, quotes=len(_EN_QUOTED.findall(text)),
        names=pinyin_names(text),
    )
