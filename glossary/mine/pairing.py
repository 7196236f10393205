"""Term pairs inside one aligned segment pair: candidate spans on both sides, paired by
compositional CC-CEDICT match, quotes, acronym definitions and pinyin of names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from glossary.align.anchors import acronyms_in_parentheses, is_pinyin_word
from glossary.keys import CJK_RE, pinyin_span
from glossary.mine.tokens import EnToken, ZhWord

# jieba tags that may sit inside a Chinese term, and those that may end one.
_INNER_TAGS = {"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "vn", "an", "ng", "j", "l", "i", "eng", "v", "vd",
               "a", "b", "f", "s", "m", "x", "k", "h", "g", "t", "tg", "vg", "ag", "u"}
_END_TAGS = {"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "vn", "an", "ng", "j", "l", "i", "eng", "k", "g"}
_DETERMINER = re.compile(r"^(?:全|各|本|我|该|此|每|诸|其|这|那|某|有关|相关|上述|广大)")
_START_BLOCK = {"v", "vd", "a", "m", "f", "u", "k", "x", "d", "h"}
_STEM_PREFIX = 5  # stems sharing this many letters match (resumption ~ resume)
_INNER_PARTICLES = {"之"}
_EN_INNER = {"of", "for", "and", "in", "the", "on", "with", "to", "a", "an", "at", "from"}
_MAX_ZH_WORDS = 6
_MAX_ZH_CHARS = 24
_MIN_ZH_COVERAGE = 0.6
_ZH_QUOTED = re.compile(r"“([^”]{2,40})”|「([^」]{2,40})」|《([^》]{2,60})》|『([^』]{2,40})』")
_EN_QUOTED = re.compile(r"\"([^\"]{2,80})\"|“([^”]{2,80})”")
_MAX_QUOTED_ZH = 16  # longer quotations are sentences, not terms
_MAX_QUOTED_EN_WORDS = 10
_CJK_PUNCT = re.compile(r"[，。、；：！？,.;:!?()（）]")


@dataclass(frozen=True, slots=True)
class SpanPair:
    """One zh span paired with one en span inside a segment pair (offsets into its zh/en)."""

    zh_start: int
    zh_end: int
    en_start: int
    en_end: int
    score: float
    signal: str  # dictionary, quoted, title, acronym, pinyin


def _is_capitalised(token: EnToken) -> bool:
    return token.word and token.text[:1].isupper()


def _word_ok_inside(word: ZhWord) -> bool:
    return (word.tag in _INNER_TAGS or word.text in _INNER_PARTICLES) and not _CJK_PUNCT.search(word.text)


def _starts_ok(words: list[ZhWord], a: int) -> bool:
    """A term does not start with a function word, a determiner (全市, 各类) or a verb, except the
    compact four-character formulas built of two verbs or nouns (复工复产, 联防联控)."""
    first = words[a]
    if first.text in _INNER_PARTICLES or not _word_ok_inside(first) or _DETERMINER.match(first.text):
        return False
    if first.tag == "m":
        return not any(c.isdigit() for c in first.text) and len(first.text) >= 2
    if first.tag == "b":
        return len(first.text) >= 2
    if first.tag in _START_BLOCK or first.tag in ("vn", "ad", "an"):
        nxt = words[a + 1] if a + 1 < len(words) else None
        return (first.tag == "v" and len(first.text) == 2 and nxt is not None and len(nxt.text) == 2
                and nxt.tag in ("v", "n", "vn", "j"))
    return True


def _ends_ok(words: list[ZhWord], a: int, b: int) -> bool:
    last = words[b - 1]
    if last.text in _INNER_PARTICLES:
        return False
    if last.tag in _END_TAGS:
        return True
    # a two-character verb closes a term after a noun (领事保护, 疫情防控): the English decides
    return last.tag == "v" and len(last.text) == 2 and b - a >= 2 and words[b - 2].tag in ("n", "vn", "j", "nz", "v")


def zh_spans(words: list[ZhWord]) -> list[tuple[int, int]]:
    """Word ranges [a, b) that may be terms: noun-phrase runs ending in a noun-like word."""
    spans = []
    n = len(words)
    for a in range(n):
        if not _starts_ok(words, a):
            continue
        chars = 0
        for b in range(a + 1, min(n, a + _MAX_ZH_WORDS) + 1):
            word = words[b - 1]
            if not _word_ok_inside(word):
                break
            chars += len(word.text)
            if chars > _MAX_ZH_CHARS:
                break
            if chars >= 2 and _ends_ok(words, a, b):
                spans.append((a, b))
    return spans


def _runs(hit: list[int], tokens: list[EnToken]) -> list[tuple[int, int]]:
    """Maximal token ranges [i, j] made of hit tokens joined by at most two function words."""
    runs: list[tuple[int, int]] = []
    seen: set[str] = set()
    for t in hit:
        if runs:
            i, j = runs[-1]
            between = tokens[j + 1 : t]
            repeats = bool(tokens[t].stems) and tokens[t].stems <= seen  # a second, parallel phrase
            names = _is_capitalised(tokens[j]) and _is_capitalised(tokens[t])  # a list of names may hold commas
            if not repeats and len(between) <= 2 and all(
                tok.stop and tok.text.lower() in _EN_INNER or tok.text == "-" or (tok.text == "," and names)
                for tok in between
            ):
                runs[-1] = (i, t)
                seen |= tokens[t].stems
                continue
        runs.append((t, t))
        seen = set(tokens[t].stems)
    return runs


def _expand_name(i: int, j: int, tokens: list[EnToken]) -> tuple[int, int]:
    """Grow a run that sits inside a Title Case name to the whole name (Ministry of Foreign Affairs)."""
    if not all(_is_capitalised(t) or t.stop or not t.word for t in tokens[i : j + 1]):
        return i, j
    while i > 0 and _is_capitalised(tokens[i - 1]) and tokens[i - 1].text.lower() != "the":
        i -= 1
    while j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if _is_capitalised(nxt):
            j += 1
        elif nxt.stop and nxt.text.lower() in ("of", "for", "and") and j + 2 < len(tokens) and _is_capitalised(tokens[j + 2]):
            j += 2
        else:
            break
    return i, j


def _en_end_ok(token: EnToken) -> bool:
    """An English term ends in a noun-like word, not an adverb or a past participle."""
    text = token.text.lower()
    return not (text.endswith("ly") or (text.endswith("ed") and not token.text[:1].isupper()))


def _en_start_ok(token: EnToken) -> bool:
    """An English term does not open with an inflected verb or an adverb (served, helping, actively)."""
    if token.text[:1].isupper() or "-" in token.text:
        return True
    return not token.text.endswith(("ing", "ly"))


def dictionary_pairs(words: list[ZhWord], tokens: list[EnToken]) -> list[SpanPair]:
    """zh noun-phrase spans whose words' dictionary glosses cover a contiguous English phrase;
    both ends of the Chinese span must be translated inside the English one."""
    by_stem: dict[str, set[int]] = {}
    for k, w in enumerate(words):
        for s in w.stems:
            by_stem.setdefault(s, set()).add(k)
            if len(s) > _STEM_PREFIX:
                by_stem.setdefault(s[:_STEM_PREFIX], set()).add(k)
    # for each token, per stem, the zh words that gloss it
    token_stem_words = [
        [by_stem.get(s, set()) | (by_stem.get(s[:_STEM_PREFIX], set()) if len(s) >= _STEM_PREFIX else set()) for s in tok.stems]
        for tok in tokens
    ]
    token_any = [set().union(*sw) if sw else set() for sw in token_stem_words]
    out = []
    for a, b in zh_spans(words):
        span = range(a, b)
        hit = [t for t, ws in enumerate(token_any) if any(k in span for k in ws)]
        if not hit:
            continue
        span_chars = sum(len(w.text) for w in words[a:b])
        best = None
        for i, j in _runs(hit, tokens):
            i, j = _expand_name(i, j, tokens)
            while i <= j and (tokens[i].stop or not tokens[i].word):
                i += 1
            while j >= i and (tokens[j].stop or not tokens[j].word):
                j -= 1
            if i > j or not _en_end_ok(tokens[j]) or not _en_start_ok(tokens[i]):
                continue
            content = [t for t in range(i, j + 1) if tokens[t].stems]
            covered = [t for t in content if all(any(k in span for k in ws) for ws in token_stem_words[t])]
            en_cov = len(covered) / len(content) if content else 0.0
            used = {k for t in covered for ws in token_stem_words[t] for k in ws if k in span}
            if a not in used or b - 1 not in used:
                continue
            zh_cov = sum(len(words[k].text) for k in used) / span_chars
            if zh_cov < _MIN_ZH_COVERAGE or en_cov < 0.66:
                continue
            key = (zh_cov * en_cov, j - i)
            if best is None or key > best[0]:
                best = (key, i, j)
        if best:
            (score, _), i, j = best
            out.append(SpanPair(words[a].start, words[b - 1].end, tokens[i].start, tokens[j].end, score, "dictionary"))
    return out


def quoted_pairs(zh: str, en: str) -> list[SpanPair]:
    """The k-th quoted span of zh with the k-th quoted span of en, when both sides quote equally often."""
    zq = [m for m in _ZH_QUOTED.finditer(zh) if not m.group(0).startswith("《")]
    eq = list(_EN_QUOTED.finditer(en))
    if not zq or len(zq) != len(eq):
        return []
    out = []
    for zm, em in zip(zq, eq):
        zg = next(g for g in range(1, 5) if zm.group(g))
        eg = 1 if em.group(1) else 2
        zh_text, en_text = zm.group(zg), em.group(eg)
        if (len(zh_text) > _MAX_QUOTED_ZH or len(en_text.split()) > _MAX_QUOTED_EN_WORDS
                or _CJK_PUNCT.search(zh_text) or en_text.rstrip()[-1:] in ".!?;,"):
            continue
        out.append(SpanPair(zm.start(zg), zm.end(zg), em.start(eg), em.end(eg), 0.9, "quoted"))
    return out


def acronym_pairs(tokens: list[EnToken], found: list[SpanPair], en: str) -> list[SpanPair]:
    """`Full Name (ABC)`: the zh span paired with the full name gets ABC too."""
    out = []
    for acronym, start, end in acronyms_in_parentheses(en):
        for sp in found:
            if 0 <= start - sp.en_end <= 3:
                initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", en[sp.en_start : sp.en_end]) if w[0].isupper())
                if acronym.rstrip("s")[:1] == initials[:1]:
                    out.append(SpanPair(sp.zh_start, sp.zh_end, start, end, sp.score, "acronym"))
    return out


def pinyin_pairs(words: list[ZhWord], tokens: list[EnToken]) -> list[SpanPair]:
    """Names spelled in pinyin (Zhang Yongwu, Chengdu) with the run of whole Chinese words they read as."""
    out = []
    ends = {w.end for w in words}
    text = "".join(w.text for w in words) if words else ""
    n = len(tokens)
    i = 0
    while i < n:
        if not (_is_capitalised(tokens[i]) and is_pinyin_word(tokens[i].text)) or tokens[i].text.isupper():
            i += 1
            continue
        j = i
        while j + 1 < n and _is_capitalised(tokens[j + 1]) and is_pinyin_word(tokens[j + 1].text) and j - i < 2:
            j += 1
        name = "".join(t.text for t in tokens[i : j + 1])
        if len(name) >= 5:
            for w in words:
                if not CJK_RE.match(w.text):
                    continue
                span = pinyin_span(name, text[w.start : w.start + 5])
                if span and span[0] == 0 and 2 <= span[1] <= 4 and w.start + span[1] in ends:
                    out.append(SpanPair(w.start, w.start + span[1], tokens[i].start, tokens[j].end, 0.8, "pinyin"))
                    break
        i = j + 1
    return out
