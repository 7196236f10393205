"""Names defined on both sides of an aligned pair: 证券及期货事务监察委员会（证监会） ↔ Securities and Futures
Commission (SFC). Official texts give a name's short form in brackets where they first use it, in both
languages; the brackets mark where each name ends, the short forms tell which Chinese name goes with
which English one, and a Chinese short form, made of the name's characters in order, where its name
starts. The dictionary need not translate the name: 事务 and 监察 have no word in "Securities and
Futures Commission", so no other signal pairs it.
"""

from __future__ import annotations

import re

from glossary.align.anchors import acronyms_in_parentheses
from glossary.keys import CJK_RE
from glossary.mine.pairing import SpanPair, long_form_before
from glossary.mine.tokens import EnToken, ZhWord, dictionary_tag

# A bracketed Chinese short form, with the words that may introduce it (简称 "for short", 下称 "hereinafter",
# 统称 "collectively") and its quotation marks: （证监会）, （下称「证监会」）, （CMU系统）.
_ZH_SHORT_FORM = re.compile(r"[（(](?:以下简称|以下称|简称为|简称|下称|统称为|统称|下同)?[「“]?"
                            r"([^（）()「」“”，。、；：:,\s]{1,10})[」”]?[）)]")
_EN_SHORT_FORM = re.compile(r"\(([^()\s]{1,12})\)")  # (SFC), (ML/TF), (Suptech): what may stand beside a Chinese short form
_NAME_GOES_ON = re.compile(r"\s*[)）]\s+(?:of\s+(?:the\s+)?)?[A-Z][a-z]")  # "(HKSAR) Government", "(OFDS) of the
# People's Government of Shenzhen Municipality": the acronym is of a part of the name
_LONGEST_NAME = 30  # characters of a Chinese name before its short form
_NOT_IN_A_NAME = re.compile(r"[^\u3400-\u9fffA-Za-z0-9·]")  # punctuation or a space: no name crosses it
_STOPS_A_NAME = frozenset({"v", "p", "r", "d", "u", "uj", "ul", "m", "x"})  # an unsaid verb, preposition, pronoun...
_FUNCTION_TAGS = frozenset({"c", "p", "r", "d", "u", "uj", "ul", "m", "x"})  # words that say no part of a name
_JOINS = frozenset({"c", "p"})  # a conjunction or preposition jieba glues onto a name's first word
_SCORE = 0.9

Spans = tuple[tuple[int, int], tuple[int, int]]  # (a name's span, its short form's span)


def defined_name_pairs(words: list[ZhWord], tokens: list[EnToken], found: list[SpanPair], zh: str, en: str
                       ) -> list[SpanPair]:
    """Pairs of names that both sides define with a short form (see the module's docstring): the Chinese
    name with the English one, and a Chinese short form with the acronym (证监会 ↔ SFC). Each English
    long form must be said by the Chinese name, half its content words at least (澳门金融管理局 is no
    Wealth Management Connect), and the name's first word by the long form. A Chinese name paired with
    more English than the long form keeps it."""
    english: list[Spans] = []
    for acronym, start, end in acronyms_in_parentheses(en):
        long_form = long_form_before(acronym, start, tokens)
        if long_form is not None and not _NAME_GOES_ON.match(en, end):
            english.append((long_form, (start, end)))
    if not english:
        return []
    chinese: list[Spans] = []
    for m in _ZH_SHORT_FORM.finditer(zh):
        name = _chinese_name(words, zh, m.start(), m.group(1), tokens, english)
        if name is not None:
            chinese.append((name, m.span(1)))
    out = []
    for (name, short), (long_form, acronym) in _matched(chinese, english, found, zh, en):
        content = [t.stems for t in tokens if long_form[0] <= t.start and t.end <= long_form[1] and t.stems]
        inside = [w for w in words if name[0] <= w.start and w.end <= name[1] and w.tag not in _FUNCTION_TAGS]
        glossed = frozenset().union(*(w.stems for w in inside))
        if 2 * sum(not stems.isdisjoint(glossed) for stems in content) < len(content) \
                or inside and not _says(inside[0].stems, frozenset().union(*content)) or any(
                (sp.zh_start, sp.zh_end) == name and sp.en_start <= long_form[0] and long_form[1] <= sp.en_end
                and sp.en_end - sp.en_start > long_form[1] - long_form[0] for sp in found):
            continue  # (粤港澳大湾区 is paired with "Guangdong-Hong Kong-Macao Greater Bay Area" already: not with less)
        out.append(SpanPair(*name, *long_form, _SCORE, "defined"))
        if all(CJK_RE.match(ch) for ch in zh[short[0]:short[1]]):  # (开放API is no Chinese for API)
            out.append(SpanPair(*short, *acronym, _SCORE, "acronym"))
    return out


def _says(stems: frozenset[str], english: frozenset[str]) -> bool:
    """A word's glosses say one of `english`'s stems, or a word of the same opening (亚洲 "Asia" for Asian)."""
    return not stems.isdisjoint(english) or any(a[:4] == b[:4] for a in stems if len(a) >= 4 for b in english)


def _matched(chinese: list[Spans], english: list[Spans], found: list[SpanPair], zh: str, en: str
             ) -> list[tuple[Spans, Spans]]:
    """The Chinese definitions with the English ones they are: by a short form that is the acronym itself
    (（EMEAP）, （CMU系统）) or one the batch pairs with it (co-occurrence), else by place, when both sides
    have as many brackets that may hold a short form and the two are the same one counting from the first
    (in 洗钱及恐怖分子资金筹集（洗钱）, the second Chinese bracket, and "anti-money laundering (AML)", the
    second of four English ones, are not one name)."""
    linked = {((sp.zh_start, sp.zh_end), (sp.en_start, sp.en_end)) for sp in found}
    out, left, unmatched = [], list(english), []
    for c in chinese:
        letters = "".join(ch for ch in zh[c[1][0]:c[1][1]] if ch.isascii() and ch.isalpha()).removesuffix("s")
        e = next((e for e in left if letters and en[e[1][0]:e[1][1]].removesuffix("s") == letters
                  or (c[1], e[1]) in linked), None)
        if e is None:
            unmatched.append(c)
        else:
            out.append((c, e))
            left.remove(e)
    zh_brackets = [m.start() for m in _ZH_SHORT_FORM.finditer(zh)]  # (not one holding an English gloss, as in
    en_brackets = [m.start() for m in _EN_SHORT_FORM.finditer(en)]  # 分布式分类帐技术(distributed ledger technology))
    if unmatched and len(zh_brackets) == len(en_brackets):
        places = {en_brackets.index(max(b for b in en_brackets if b < e[1][0])): e for e in left}
        for c in unmatched:
            bracket = max(b for b in zh_brackets if b < c[1][0])
            e = places.get(zh_brackets.index(bracket))
            if e is not None:
                out.append((c, e))
    return out


def _chinese_name(words: list[ZhWord], zh: str, bracket: int, short: str, tokens: list[EnToken],
                  english: list[Spans]) -> tuple[int, int] | None:
    """The (start, end) of the Chinese name whose short form opens at `bracket`, else None. A Chinese
    short form (证监会) has its name's characters in order, the first opening the name's first word;
    the name then takes in the words before it that the English long forms say (香港 of 香港金融管理局,
    "Hong Kong"). A Latin one (EMEAP) says nothing of the Chinese: the name is the words before the
    bracket that the English says, one unsaid word allowed between two said ones (东亚及太平洋地区中央
    银行会议 ↔ Executives' Meeting of East Asia-Pacific Central Banks)."""
    starts = {w.start: k for k, w in enumerate(words)}
    if bracket not in starts:
        return None
    said = frozenset().union(*(t.stems for t in tokens for (start, end), _ in english if start <= t.start and t.end <= end))
    cjk = "".join(CJK_RE.findall(short))
    if cjk == short:
        first = _short_form_start(zh, bracket, short)
        if first is None:
            return None
        k = next(k for k, w in enumerate(words) if w.start <= first < w.end)
        if words[k].start < first and dictionary_tag(zh[words[k].start:first]) in _JOINS:
            return first, bracket  # (jieba's 及香港: the name is 香港交易资料储存库, after "and")
        k = _said_before(words, k, starts[bracket], said)
    else:
        k = _said_before(words, starts[bracket], starts[bracket], said)
    if words[k].start == bracket or zh[words[k].start:bracket] == short:
        return None  # (no name, or only the short form again: 财务行动特别组织 needs the words before 特别组织)
    return words[k].start, bracket


def _short_form_start(zh: str, bracket: int, short: str) -> int | None:
    """Where the name that `short` abbreviates starts: the nearest character before `bracket` that is
    the short form's first, with the rest of the short form after it in order, and no punctuation
    between; None when there is none."""
    for at in range(bracket - 1, max(-1, bracket - _LONGEST_NAME - 1), -1):
        if _NOT_IN_A_NAME.match(zh, at):
            return None
        if zh[at] == short[0] and characters_in_order(short[1:], zh[at + 1:bracket]):
            return at
    return None


def characters_in_order(short: str, long: str) -> bool:
    """Every character of `short` is in `long`, in the same order (金管局 in 香港金融管理局): a Chinese
    short form of a name keeps characters of its words."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def _said_before(words: list[ZhWord], k: int, end: int, said: frozenset[str]) -> int:
    """The index of the first of the words before words[k] (the name's words up to words[end]) that say
    English words the words after them do not (集团 "corporation" says nothing 公司 did not: 世界银行集团
    成员国际金融公司 is International Finance Corporation's 国际金融公司), one unsaid word allowed between two
    said ones, never across
    punctuation or an unsaid verb, preposition, pronoun...; k when the word before it says nothing new."""
    first, at = k, k - 1
    covered = frozenset().union(*(w.stems for w in words[k:end])) & said  # (what the name's words so far say)
    while at >= 0 and CJK_RE.match(words[at].text):
        new = (words[at].stems & said) - covered if words[at].tag not in _FUNCTION_TAGS else ()  # (及 "time" says nothing)
        if new:
            first, covered = at, covered | new
        elif first - at > 1 or words[at].tag in _STOPS_A_NAME:  # (first - at > 1: the word after it is unsaid too)
            break
        at -= 1
    return first
