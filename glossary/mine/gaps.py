"""Links for what the dictionary leaves unexplained in aligned pairs: a Chinese piece that no English
word of its pair glosses, right next to a piece that is glossed, and an unexplained English word on the
same side of that piece's English, fill the same gap. When a document fills a gap with the same two
words again (境外|捐赠 ↔ overseas | donations, 境外|重庆市民 ↔ overseas | Chongqing citizens: CC-CEDICT
glosses 境外 only "outside (a country's) borders"), says the two together in another aligned pair, or
a longer dictionary word holding the piece has the English word among its glosses, they translate
each other there; so do a head and the word after its neighbour's English when another dictionary word
glosses both that word and the head (工作者 "worker", 职工 "workers; staff" ↔ staff)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from glossary.keys import CJK_RE
from glossary.lexicon import glossed_as_synonym, glossed_inside_longer_word, is_verb_only
from glossary.mine.pairing import STEM_PREFIX, SentencePieces, content_word
from glossary.mine.tokens import EnToken, ZhWord, dictionary_tag
from glossary.models import SegmentPair

_GAP_WORDS = {"and"}  # "cadres and employees" for 干部职工: the English may join the two with these
_ARTICLES = {"a", "an", "the"}
_VERB_ENDINGS = ("ing", "ed")


def _free_word(token: EnToken) -> bool:
    """A content word in lower case that may translate a piece (no number, no name, no verb:
    "exchanges remains" says a verb after the noun)."""
    text = token.text
    return token.word and not token.stop and bool(token.stems) and text.islower() and text[:1].isalpha() \
        and not is_verb_only(text) and not (text.endswith("s") and is_verb_only(text[:-1]))


def _head_word(tokens: list[EnToken], t: int) -> bool:
    """Token t may close a noun phrase after its modifier: no verb form (prices retreating) and no
    verb taking an object (Office houses the Exchange)."""
    return not tokens[t].text.endswith(_VERB_ENDINGS) and not (t + 1 < len(tokens) and tokens[t + 1].text.lower() in _ARTICLES)


def gap_claims(words: list[ZhWord], tokens: list[EnToken], pieces: SentencePieces | None = None
               ) -> dict[int, tuple[int, bool]]:
    """Unexplained piece → the one unexplained English word beside its neighbour's translation, and whether
    the piece closes on its neighbour as a head does (its word after the neighbour's English), for the pieces
    that have exactly one such word and share it with no other piece (`pieces`: SentencePieces(words,
    tokens), if made already)."""
    pieces = SentencePieces(words, tokens) if pieces is None else pieces
    index, token_units, unit_tokens = pieces.index, pieces.token_units, pieces.unit_tokens
    owner = [k for k, w in enumerate(words) for _ in w.pieces]
    free_tokens = {t for t, tok in enumerate(tokens) if _free_word(tok) and not any(token_units[t])}
    if not free_tokens:
        return {}
    claims: dict[int, tuple[int, bool]] = {}
    for u, linked in enumerate(unit_tokens):
        w = words[owner[u]]
        if linked or not _noun(w) or index.units[u] < 2 and len(w.pieces) > 1:
            continue  # (a lone character inside a longer word often goes unsaid: 医用's 用)
        found: dict[int, bool] = {}
        for v, step in ((u + 1, -1), (u - 1, 1)):  # the piece before a glossed one: the word before its English
            if not 0 <= v < len(unit_tokens) or not unit_tokens[v] or not _adjacent(words, owner[u], owner[v]):
                continue
            for edge in unit_tokens[v]:  # (each place the neighbour is said)
                t = edge + step
                if 0 <= t < len(tokens) and tokens[t].text in _GAP_WORDS and step > 0:
                    t += step
                if t in free_tokens and (step < 0 or _head_word(tokens, t)):
                    found[t] = step > 0
        if len(found) == 1:
            claims[u] = found.popitem()
    shared = Counter(t for t, _ in claims.values())
    return {u: claim for u, claim in claims.items() if shared[claim[0]] == 1}


def piece_texts(words: list[ZhWord]) -> list[str]:
    """The text of each dictionary piece of the words, in order."""
    out = []
    for w in words:
        at = 0
        for length, _ in w.pieces:
            out.append(w.text[at : at + length])
            at += length
    return out


def with_links(words: list[ZhWord], extra: dict[int, frozenset[str]]) -> list[ZhWord]:
    """The words with pieces (by their index in order) given extra stems."""
    if not extra:
        return words
    out, u = [], 0
    for w in words:
        pieces = []
        for length, stems in w.pieces:
            pieces.append((length, stems | extra.get(u, frozenset())))
            u += 1
        out.append(w if pieces == list(w.pieces) else
                   replace(w, stems=w.stems.union(*(s for _, s in pieces)), pieces=tuple(pieces)))
    return out


MIN_GAP_RECURRENCE = 2  # aligned pairs that must fill a gap with, or say, the same piece and English word


def with_gap_links(analysed: Sequence[tuple[SegmentPair, list[ZhWord], list[EnToken]]],
                   pieces: Sequence[SentencePieces] | None = None) -> list[list[ZhWord]]:
    """For each analysed (pair, words, tokens), its words with the gap links the batch supports: a gap
    filled again by the same two words, the two said together in another pair, a longer CC-CEDICT
    word holding the piece that glosses the English word, or for a head a CC-CEDICT synonym (the same
    list when there are none). `pieces`: the SentencePieces of each, if made already."""
    found, heads = [], []
    count: Counter[tuple[str, frozenset[str]]] = Counter()
    for k, (_pair, words, tokens) in enumerate(analysed):
        claims = gap_claims(words, tokens, pieces[k] if pieces is not None else None)
        texts = piece_texts(words) if claims else []
        keyed = {u: (texts[u], tokens[t].stems) for u, (t, _) in claims.items()}
        count.update(keyed.values())
        found.append(keyed)
        heads.append({u for u, (_, head) in claims.items() if head})
    once = {key for keyed in found for key in keyed.values() if count[key] < MIN_GAP_RECURRENCE}
    together: Counter[tuple[str, frozenset[str]]] = Counter()  # pairs that say both, in a gap or not
    for pair, _words, tokens in analysed if once else ():
        said = {t.stems for t in tokens}
        together.update(key for key in once if key[1] in said and key[0] in pair.zh)
    out = []
    for (_pair, words, _tokens), keyed, head in zip(analysed, found, heads):
        out.append(with_links(words, {u: stems for u, (piece, stems) in keyed.items()
                                      if max(count[piece, stems], together[piece, stems]) >= MIN_GAP_RECURRENCE
                                      or glossed_inside_longer_word(piece, _prefixes(stems), STEM_PREFIX)
                                      or u in head and glossed_as_synonym(piece, _prefixes(stems), STEM_PREFIX)}))
    return out


def _prefixes(stems: frozenset[str]) -> frozenset[str]:
    return frozenset(s[:STEM_PREFIX] for s in stems)


_NOUN_TAGS = ("n", "b", "s", "j")


def _noun(word: ZhWord) -> bool:
    """A Chinese noun or noun modifier in jieba's dictionary (a verb's English is too free to pair by
    place; a word jieba made up, 有所 or 日予, is no sure noun)."""
    return dictionary_tag(word.text).startswith(_NOUN_TAGS) and word.tag != "nr" and bool(CJK_RE.match(word.text)) \
        and content_word(word)


def _adjacent(words: list[ZhWord], k: int, m: int) -> bool:
    """Words k and m are one word or stand right next to each other."""
    return k == m or abs(k - m) == 1 and (words[min(k, m)].end == words[max(k, m)].start)
