"""Foreign names written in Chinese by their sound (什梅加尔 ↔ Shmigal, 娜努尚 ↔ Nanushyan): the
readings of the Chinese characters and the English spelling are both reduced to rough consonant
classes, and a name pairs with the Chinese whose classes it nearly repeats. Pinyin names (Zhang
Yongwu) are `pinyin_pairs`' work; this finds the names Chinese only approximates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from glossary.keys import CJK_RE, char_readings
from glossary.lexicon import cedict
from glossary.mine.pairing import SpanPair
from glossary.mine.tokens import COMMON_WORD, EnToken, ZhWord, general_frequency

MIN_SIMILARITY = 0.8  # share of the longer class string the two agree on
MIN_CLASSES = 3  # a name of fewer consonant classes matches too much by chance
EVERYDAY_PIECE = 1_000  # a dictionary piece this frequent in general Chinese is a word, not a sound
MIN_CHARS, MAX_CHARS = 3, 5  # Chinese characters in one transliterated name (two match by chance)
_NAME_TAGS = ("n", "x")  # nouns (nr, ns, nrt, nz ...) and words jieba does not know
_SENTENCE_ENDS = frozenset(".!?")
_VOWEL = "V"  # a name that opens on a vowel sound
_EITHER = {"J": "SK", "W": "WF"}  # pinyin j/q/x write both "g/k" and "s/ch" sounds (加 ga); w writes w and v

_PINYIN_INITIALS = (("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("d", "T"), ("t", "T"),
                    ("g", "K"), ("k", "K"), ("h", ""), ("j", "J"), ("q", "J"), ("x", "J"), ("z", "S"), ("c", "S"),
                    ("s", "S"), ("m", "M"), ("n", "N"), ("l", "L"), ("r", "L"), ("f", "F"), ("w", "W"), ("y", ""))
_ENGLISH_SOUNDS = re.compile(r"sch|tch|sh|ch|zh|ts|tz|th|ph|kh|ck|gh|ng|qu|c(?=[eiy])|[a-z]")
_ENGLISH_CLASS = {"sch": "S", "tch": "S", "sh": "S", "ch": "S", "zh": "S", "ts": "S", "tz": "S", "th": "T",
                  "ph": "F", "kh": "K", "ck": "K", "gh": "K", "ng": "N", "qu": "K", "c": "K", "x": "KS", "b": "P",
                  "p": "P", "d": "T", "t": "T", "g": "K", "k": "K", "q": "K", "j": "S", "s": "S", "z": "S",
                  "m": "M", "n": "N", "l": "L", "r": "L", "f": "F", "v": "F", "w": "W"}


_GAP = "-"  # a vowel between two consonants: the same class either side of it is said twice


def _joined(classes: list[str]) -> str:
    """The classes without gaps, a class said twice without a vowel between (ll, nn) said once."""
    out = []
    for k, c in enumerate(classes):
        if c and c != _GAP and not (k and classes[k - 1] == c):
            out.append(c)
    return "".join(out)


@cache
def english_sounds(name: str) -> str:
    """The consonant classes of an English spelling (Shmigal → SMKL), a leading vowel as V."""
    word = name.lower()
    out = [_VOWEL] if word[:1] in "aeiouy" else []
    for m in _ENGLISH_SOUNDS.finditer(word):
        sound = m.group()
        if sound in "aeiouy":
            out.append(_GAP)
        elif sound == "c" and m.end() < len(word) and word[m.end()] in "eiy":
            out.append("S")
        else:
            out += _ENGLISH_CLASS.get(sound, "")
    return _joined(out)


def _syllable_sounds(reading: str, first: bool) -> list[str]:
    if reading == "er":
        return [_GAP, "L"]  # 尔 writes a final l or r
    initial = next(((i, c) for i, c in _PINYIN_INITIALS if reading.startswith(i)), ("", ""))
    out = [_GAP, _VOWEL if first and (not initial[0] or initial[0] == "y") else initial[1], _GAP]
    if reading.endswith(("n", "ng")) and len(reading) > len(initial[0]) + 1:
        out.append("N")
    return out


_MAX_READINGS = 16  # combinations of the characters' readings tried for one span


def chinese_sounds(text: str) -> list[str]:
    """The consonant classes of Chinese characters read in pinyin (什梅加尔 → SMJL), one string for
    each combination of the readings of characters that have several (few), none when a character
    has no reading."""
    combos: list[list[str]] = [[]]
    for k, char in enumerate(text):
        readings = char_readings(char)
        if not readings:
            return []
        if len(combos) * len(readings) > _MAX_READINGS:
            readings = readings[:1]
        combos = [done + _syllable_sounds(r, k == 0) for done in combos for r in readings]
    return list(dict.fromkeys(_joined(c) for c in combos))


def _agree(zh: str, en: str) -> bool:
    return zh == en or en in _EITHER.get(zh, "")


def similarity(zh: str, en: str) -> float:
    """1 - the edit distance between two class strings over the longer one's length."""
    previous = list(range(len(en) + 1))
    for i, a in enumerate(zh, 1):
        current = [i]
        for j, b in enumerate(en, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (not _agree(a, b))))
        previous = current
    return 1 - previous[-1] / max(len(zh), len(en), 1)


def _is_name_word(word: ZhWord) -> bool:
    """A Chinese word that may write part of a foreign name: a noun or unknown word, no everyday
    word of two or more characters among its dictionary pieces (货币|政策)."""
    if not word.tag.startswith(_NAME_TAGS) or not all(CJK_RE.match(c) for c in word.text) \
            or general_frequency(word.text) >= COMMON_WORD:
        return False
    at = 0
    for length, _ in word.pieces:
        if length > 1 and general_frequency(word.text[at:at + length]) >= EVERYDAY_PIECE:
            return False
        at += length
    return True


def _unexplained(token: EnToken, glossed: frozenset[str]) -> bool:
    """A capitalised word no Chinese word of the segment glosses: a name, not a translated word."""
    return (token.word and token.text[:1].isupper() and token.text[1:].islower() and token.text.isalpha()
            and token.stems.isdisjoint(glossed))


def transliteration_pairs(words: list[ZhWord], tokens: list[EnToken], claimed: Sequence[SpanPair] = (),
                          lower_case: frozenset[str] = frozenset()) -> list[SpanPair]:
    """Each foreign name in the English whose sound a run of Chinese name words repeats (scored by
    how nearly); the English takes the whole name around it (Denis Shmigal ↔ 什梅加尔). Each Chinese
    word and English name pairs once, best first, none inside the `claimed` names found otherwise
    (pinyin: 于骏 Yu Jun). A name opens no sentence and is no word written in lower case elsewhere
    (`lower_case`: Futures, Balance)."""
    glossed = frozenset().union(*(w.stems for w in words)) if words else frozenset()
    names = [k for k, t in enumerate(tokens)
             if k and tokens[k - 1].text not in _SENTENCE_ENDS and _unexplained(t, glossed)
             and t.text.lower() not in lower_case and len(english_sounds(t.text)) >= MIN_CLASSES
             and not any(c.en_start <= t.start < c.en_end for c in claimed)]
    if not names:
        return []
    out, used_words, used_names = [], set(), set()
    for score, _, a, b, k in sorted(_scored(words, tokens, names, claimed), reverse=True):
        if k in used_names or used_words.intersection(range(a, b)):
            continue
        used_names.add(k)
        used_words.update(range(a, b))
        first, last = k, k  # the whole name: given names before, a surname after
        while first > 1 and k - first < 2 and _unexplained(tokens[first - 1], glossed) \
                and _adjacent(tokens[first - 1], tokens[first]):
            first -= 1
        while last + 1 < len(tokens) and last - first < 2 and _unexplained(tokens[last + 1], glossed) \
                and _adjacent(tokens[last], tokens[last + 1]):
            last += 1
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        end = words[b].end if b < len(words) and _place_suffix(words[b], after) else words[b - 1].end
        out.append(SpanPair(words[a].start, end, tokens[first].start, tokens[last].end, round(score, 3),
                            "transliteration"))
    return out


def _scored(words: list[ZhWord], tokens: list[EnToken], names: list[int], claimed: Sequence[SpanPair]
            ) -> list[tuple[float, int, int, int, int]]:
    """(similarity, words, first word, end word, name token) of each run of Chinese name words that
    sounds like one of the `names` tokens."""
    said = frozenset().union(*(t.stems for t in tokens))
    headwords = cedict()
    scored = []
    for a in range(len(words)):
        for b in range(a + 1, len(words) + 1):
            last = words[b - 1]
            if last.end - words[a].start > MAX_CHARS or not _is_name_word(last) \
                    or (b - a > 1 and last.start != words[b - 2].end) \
                    or any(c.zh_start < last.end and last.start < c.zh_end for c in claimed):
                break
            text = "".join(w.text for w in words[a:b])
            if len(text) < MIN_CHARS or text in headwords \
                    or any(w.text in headwords and not w.stems.isdisjoint(said) for w in words[a:b]):
                continue  # a word the dictionary has, or a word of it the English translates, is no sound of a name
            sounds = [s for s in chinese_sounds(text) if len(s) >= MIN_CLASSES]
            for k in names:
                score = max((similarity(s, english_sounds(tokens[k].text)) for s in sounds), default=0.0)
                if score >= MIN_SIMILARITY:
                    scored.append((score, b - a, a, b, k))
    return scored


def _adjacent(left: EnToken, right: EnToken) -> bool:
    """Two words of one name: a space apart, neither shorter than three letters (Mr, Le)."""
    return left.end + 1 == right.start and len(left.text) > 2 and len(right.text) > 2


def _place_suffix(word: ZhWord, after: EnToken | None) -> bool:
    """A one-character noun after a name that the English name leaves unsaid (设拉子|市 Shiraz, not
    "Shiraz City"): part of the Chinese name."""
    return (len(word.text) == 1 and word.tag.startswith("n") and bool(CJK_RE.match(word.text))
            and (after is None or word.stems.isdisjoint(after.stems)))
