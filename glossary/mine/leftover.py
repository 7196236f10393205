"""Names whose head noun the dictionary does not link: 金融稳定理事会 ↔ Financial Stability Board, where
CC-CEDICT glosses 理事会 only as "council". Every other word of the Chinese name translates a word of
the English Title Case name and the reverse; the one Chinese word left over is the name's last
word, the one English word left over its head noun, and neither translates anything else in the
sentence pair. Two heads left over at the same place of one name translate each other. With one
other word linked (财政司司长 ↔ Financial Secretary), the pair is a "leftover" pair: a term only
when the document says it in MIN_RECURRENCE sentence pairs or more.
"""

from __future__ import annotations

from glossary.keys import CJK_RE
from glossary.mine.pairing import SpanPair, stem_keys, zh_spans
from glossary.mine.tokens import EnToken, ZhWord

SCORE = 0.8  # below a pair the dictionary links whole
MAX_DRIFT = 0.25  # the names' places in their sentences, as shares of their lengths, differ by at most this
_NAME_INNER = {"of", "and", "for", "on"}  # lower-case words inside a Title Case name
_OF = {"of", "for", "on"}  # the head of "Monetary Authority of Macao" stands before these
MIN_LINKED = 2  # words of the name besides its head that the dictionary links; with one, the pair must recur
MIN_RECURRENCE = 2  # sentence pairs a name with one linked word besides its head must be found in


def _names(tokens: list[EnToken]) -> list[tuple[int, int]]:
    """Token ranges [i, j] of Title Case names: capitalised words, with "of"/"and"/"for"/"on"
    between two of them, not opening on "The"."""
    out, k, n = [], 0, len(tokens)
    while k < n:
        if not _capital(tokens[k]) or tokens[k].text == "The":
            k += 1
            continue
        i = j = k
        while j + 1 < n and (_capital(tokens[j + 1]) or tokens[j + 1].text in _NAME_INNER
                             and j + 2 < n and _capital(tokens[j + 2])):
            j += 1 if _capital(tokens[j + 1]) else 2
        if sum(1 for t in tokens[i : j + 1] if t.stems) >= 2:
            out.append((i, j))
        k = j + 1
    return out


def _capital(token: EnToken) -> bool:
    return token.word and bool(token.stems) and token.text[:1].isupper() and not token.text.isupper()


def _head(tokens: list[EnToken], i: int, j: int) -> int:
    """The head noun of the name tokens[i..j]: its last content word, or the last before "of"."""
    for k in range(i + 1, j):
        if tokens[k].text in _OF:
            return k - 1
    return j


def leftover_pairs(words: list[ZhWord], tokens: list[EnToken]) -> list[SpanPair]:
    """Chinese names paired with an English Title Case name whose heads the dictionary leaves unlinked
    (see the module docstring)."""
    names = _names(tokens)
    if not names:
        return []
    word_keys = [stem_keys(w.stems) for w in words]
    tokens_by_key: dict[str, set[int]] = {}
    for k, t in enumerate(tokens):
        for key in stem_keys(t.stems):
            tokens_by_key.setdefault(key, set()).add(k)
    links = [set().union(*(tokens_by_key.get(key, ()) for key in wk)) for wk in word_keys]  # word -> tokens it glosses
    linked_tokens = set().union(*links) if links else set()
    out = []
    for i, j in names:
        head = _head(tokens, i, j)
        if head in linked_tokens:
            out += _inner_word_left_over(words, tokens, links, linked_tokens, i, j)
            continue  # the head is translated: the dictionary pairing's work
        content = {k for k in range(i, j + 1) if tokens[k].stems and k != head}
        where = tokens[i].start / max(1, tokens[-1].end)
        spans = [(a, b) for a, b in zh_spans(words) if _split_head(words, links, content, a, b)
                 and _every_part_said(word_keys[a : b - 1], [tokens[k] for k in content])
                 and abs(words[a].start / max(1, words[-1].end) - where) <= MAX_DRIFT]
        if spans:
            a, b = min(spans, key=lambda s: s[1] - s[0])  # the tightest
            signal = "dictionary" if len(content) >= MIN_LINKED else "leftover"  # (one: if it recurs)
            out.append(SpanPair(words[a].start, words[b - 1].end, tokens[i].start, tokens[j].end, SCORE, signal))
    return out


def _every_part_said(word_keys: list[frozenset[str]], tokens: list[EnToken]) -> bool:
    """Every part of every token is translated by one of the words (China-ASEAN: 中国 and 东盟, so
    中国—东盟博览会 and not 东盟博览会 is the name)."""
    said = frozenset().union(*word_keys)
    return all(stem_keys(frozenset({s})) & said for t in tokens for s in t.stems)


def _split_head(words: list[ZhWord], links: list[set[int]], content: set[int], a: int, b: int) -> bool:
    """Words a..b-1 are the Chinese of the name: its last word a noun (or verbal noun, 活动) of two or more characters that
    translates nothing in the sentence pair, every other word translating a `content` token of the
    name, and every such token translated."""
    last = words[b - 1]
    if b - a < 2 or links[b - 1] or len(last.text) < 2 or not _noun(last):
        return False
    if any(0 <= w < len(words) and _noun(words[w]) and not links[w] for w in (a - 1, b)):
        return False  # the Chinese name goes on: its head, or a part, is another word (财资|市场公会)
    inside = [links[w] for w in range(a, b - 1) if CJK_RE.match(words[w].text)]  # (a dash joining two names: none)
    return all(found & content for found in inside) and content <= set().union(*inside)


def _noun(word: ZhWord) -> bool:
    """A noun, or a verb used as one (活动 "event" of 全球推介活动)."""
    return word.tag.startswith("n") or word.tag == "vn"


def _inner_word_left_over(words: list[ZhWord], tokens: list[EnToken], links: list[set[int]], linked_tokens: set[int],
                          i: int, j: int) -> list[SpanPair]:
    """A name whose head is linked but one inner word is not (江州国际传播中心 ↔ Jiangzhou International
    Communication Center, 传播 glossed only "disseminate"): one Chinese word and one English word left
    over, in the same place of names whose other words all link in order, neither translating anything
    else in the sentence pair; two other words linked at least."""
    content = [k for k in range(i, j + 1) if tokens[k].stems]
    free = [k for k in content if k not in linked_tokens]
    if len(free) != 1 or len(content) - 1 < MIN_LINKED:
        return []
    gap = free[0]
    where = tokens[i].start / max(1, tokens[-1].end)
    for a, b in zh_spans(words):
        unlinked = [w for w in range(a, b) if not links[w] and CJK_RE.match(words[w].text)]
        if len(unlinked) != 1 or a == unlinked[0] or len(words[unlinked[0]].text) < 2:
            continue
        k = unlinked[0]
        name = set(content)  # (a word may gloss the same name said again elsewhere: Jiangzhou's)
        before = set().union(*(links[w] & name for w in range(a, k)))
        after = set().union(*(links[w] & name for w in range(k + 1, b)))
        others = [w for w in range(a, b) if w != k and CJK_RE.match(words[w].text)]
        if before and after and all(links[w] & name for w in others) and all(t < gap for t in before) and all(t > gap for t in after) \
                and before | after == set(content) - {gap} and abs(words[a].start / max(1, words[-1].end) - where) <= MAX_DRIFT:
            return [SpanPair(words[a].start, words[b - 1].end, tokens[i].start, tokens[j].end, SCORE, "dictionary")]
    return []
