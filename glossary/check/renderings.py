"""Another rendering of a glossary term in a target: when none of an approved entry's renderings is
there, the miner's own evidence tells a term translated some other way (an unapproved rendering)
from a term really missing.

The evidence: CC-CEDICT pieces of the term (the term as one word, as the miner segments a known
term) translated by target words, as much of it as the miner's loose pass for variants of known
terms asks (half the Chinese, one end included); the words reported are the phrase its
`dictionary_pairs` pairs with the term (pairing.known_term_pair) when it finds one. A cached glossary
brings each term's evidence (CheckGlossary.add_evidence), so the lexicon's glosses never load; else
they load on the first would-be-missing term.
"""

from __future__ import annotations

import marshal
import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, chain

from typing import TYPE_CHECKING

from glossary.lexicon import content_stems, en_stem, is_modifier_only, is_stopword

from .matcher import content_words

if TYPE_CHECKING:
    from glossary.mine.pairing import PieceIndex
    from glossary.mine.tokens import EnToken

_ACRONYM_TOKEN = re.compile(r"[A-Z](?:[a-z]?[A-Z]){1,6}s?")  # BRI, NGOs, PBoC (its capitals: the initials)
_ACRONYM_KEY = "\x00"  # an acronym's letters after this are a "stem": the initials of a gloss (never a real stem)
_KNOWN_TERM_TAG = "nz"  # the part of speech the miner gives a known term it segments as one word
_LETTERS = re.compile(r"[A-Za-z]+")  # the parts of a token that get a stem (tokens.token_stems)
_HYPHENED = re.compile(r"[-‐‑]")  # the parts of a hyphened word (Anti-Money)
_ACRONYM_RENDERING = re.compile(r"([A-Z][A-Z&]*[A-Z])s?")  # SVF, SVFs, AML: its letters (not & or the plural s)
_MASK = ";"  # what TargetWords.without puts for words taken out: a punctuation mark
_MIN_BLEND_PART = 3  # letters of a word's opening that stand for it in a blend (Fin, Reg)
_ANSWERS_KEPT = 20_000  # answers remembered for repeated segments (bounded memory on a long draft)
_UNSEEN = object()  # (a cache's marker for a key not seen yet, when None is an answer)
_PHRASE_REACH = 6  # tokens either side of the translating words where the miner's phrase for them may reach


class TargetWords:
    """One target's words for the search, made once per segment for all its would-be-missing terms:
    first only the stems of its letter runs (cheap; they hold every stem its tokens have), its
    tokens on first use."""

    __slots__ = ("text", "_stems", "_tokens", "_starts", "_by_stem", "_blockers", "_token_stems", "_runs", "_blends", "_acronyms")

    def __init__(self, text: str) -> None:
        self.text = text
        self._stems: set[str] | None = None
        self._tokens: list[EnToken] | None = None
        self._runs: set[str] = set()  # its letter runs (made with stems)
        self._blends: dict[str, list[str]] | None = None  # its runs long enough to be blends, by opening (blend_of)
        self._acronyms: set[tuple[str, ...]] | None = None

    @property
    def stems(self) -> set[str]:
        if self._stems is None:
            self._runs = set(_LETTERS.findall(self.text))
            self._stems = set(chain.from_iterable(map(_run_stems, self._runs)))
        return self._stems

    @property
    def starts(self) -> list[int]:
        """Where each token starts."""
        self.tokens
        return self._starts

    @property
    def tokens(self) -> list[EnToken]:
        if self._tokens is None:
            from glossary.mine.tokens import en_tokens  # the miner loads only when a term may be missing

            self._index(en_tokens(self.text))
        return self._tokens

    def without(self, spans: list[tuple[int, int]]) -> TargetWords:
        """This target with the words in `spans` made punctuation (offsets and token positions kept, its
        index reused): words no search may take or join across."""
        from glossary.mine.tokens import EnToken

        tokens = self.tokens
        chars, taken = list(self.text), set()
        for start, end in spans:
            chars[start:end] = _MASK + " " * (end - start - 1)
            taken.update(range(bisect_left(self._starts, start), bisect_left(self._starts, end)))
        masked = TargetWords("".join(chars))
        masked._tokens, masked._starts = list(tokens), self._starts
        masked._token_stems, masked._by_stem = list(self._token_stems), dict(self._by_stem)
        for k in taken:
            token = tokens[k]
            masked._tokens[k] = EnToken(_MASK, token.start, token.end, frozenset(), False, False)
            masked._token_stems[k] = frozenset()
            for stem in self._token_stems[k]:
                masked._by_stem[stem] = [at for at in masked._by_stem[stem] if at != k]
        masked._blockers = list(accumulate((bool(t.stems) or not t.word for t in masked._tokens), initial=0))
        return masked

    def _index(self, tokens: list[EnToken]) -> None:
        """Keep the target's tokens with what the search looks up in them."""
        self._tokens = tokens
        self._starts = [t.start for t in tokens]
        by_stem: dict[str, list[int]] = {}  # stem -> the tokens that have it
        blockers = [0]  # blockers[k]: content words and punctuation among tokens[:k]
        token_stems = []  # each token's stems, an acronym's key among them
        blocked = 0
        for k, token in enumerate(tokens):
            stems = token.stems
            if stems or not token.word:
                blocked += 1
            if token.text[0].isupper() and (key := _acronym_key(token.text)):
                stems = stems | {key}
            if stems:
                for stem in stems:
                    if stem in by_stem:
                        by_stem[stem].append(k)
                    else:
                        by_stem[stem] = [k]
            token_stems.append(stems)
            blockers.append(blocked)
        self._by_stem, self._blockers, self._token_stems = by_stem, blockers, token_stems

    def acronym_of(self, stems: list[str]) -> tuple[int, int] | None:
        """The (start, end) of an acronym in the target made of the initials of `stems` in any order
        (HKCBA for "Chinese Banking Association of Hong Kong"), else None."""
        letters = sorted(stem[0].upper() for stem in stems)
        if not 2 <= len(letters) <= 6:
            return None
        if self._acronyms is None:  # each acronym's letters, sorted
            self._acronyms = {tuple(sorted(key[1:])) for key in self.stems if key[0] == _ACRONYM_KEY}
        if tuple(letters) not in self._acronyms:
            return None
        tokens = self.tokens
        return next(((t.start, t.end) for k, t in enumerate(tokens) for key in self._token_stems[k]
                     if key[0] == _ACRONYM_KEY and sorted(key[1:]) == letters), None)

    def spelled_out(self, letters: str) -> tuple[int, int] | None:
        """The (start, end) of capitalised words whose initials are `letters` in order (Financial
        Secretary for FS; Payment Systems and Stored Value Facilities Ordinance for PSSVFO), function
        words between them allowed, each part of a hyphened word counted, the first opening a name (an
        acronym may stand before it: the HKMA Fintech Facilitation Office), else None."""
        tokens = self.tokens
        for first, token in enumerate(tokens):
            if token.text[0] != letters[0] or token.stop or (
                    first and tokens[first - 1].text.istitle() and not tokens[first - 1].stop):
                continue  # (the words start a name: Financing Facilitation Office inside IFFO's is not FFO)
            said, k = 0, first
            while k < len(tokens) and said < len(letters):
                parts = _HYPHENED.split(tokens[k].text)
                if tokens[k].stop and said and not tokens[k].text[0].isupper():
                    k += 1
                    continue  # (of, and, the between the words)
                if not all(p[:1].isupper() for p in parts) or "".join(p[0] for p in parts) != letters[said:said + len(parts)]:
                    break
                said += len(parts)
                k += 1
            if said == len(letters):
                return token.start, tokens[k - 1].end
        return None

    def blend_of(self, stems: list[str]) -> tuple[int, int] | None:
        """The (start, end) of a word blended from the openings of `stems`' words in order, three letters or
        more each, in any case (FinTech or fintech for "financial technology", RegTech), else None."""
        if self._blends is None:  # the words that may be blends, by their opening
            self.stems
            self._blends = {}
            for run in self._runs:
                if len(run) >= 2 * _MIN_BLEND_PART:
                    self._blends.setdefault(run[:_MIN_BLEND_PART].lower(), []).append(run)
        found = [m.span() for run in self._blends.get(stems[0][:_MIN_BLEND_PART], ())
                 if _blended(run.lower(), stems) and (m := re.search(rf"\b{run}\b", self.text))]
        return min(found) if found else None  # (the first)

    def stems_at(self, position: int) -> frozenset[str]:
        """The stems of token `position` (an acronym's key among them)."""
        return self._token_stems[position]

    def having(self, stems: frozenset[str]) -> set[int]:
        """The tokens that have one of `stems`."""
        if not self.tokens:
            return set()
        return {k for stem in stems for k in self._by_stem.get(stem, ())}

    def only_function_words(self, first: int, last: int) -> bool:
        """True when every token strictly between tokens `first` and `last` is a function word."""
        return self._blockers[last] == self._blockers[first + 1]

    def tokens_within(self, start: int, end: int) -> list[EnToken]:
        """The tokens that start in text[start:end]."""
        tokens = self.tokens
        return tokens[bisect_left(self._starts, start):bisect_left(self._starts, end)]


TermEvidence = tuple[tuple[tuple[int, frozenset[str]], ...], frozenset[str], tuple[frozenset[tuple[str, ...]], ...]]
"""What the lexicon says about a term: its dictionary pieces (length, gloss stems), its stems as one
word, and each piece's glosses as content stems."""


def term_evidence(term: str) -> TermEvidence:
    """The lexicon's evidence for `term` (Simplified), as the miner segments a known term."""
    from glossary.lexicon import gloss_phrases
    from glossary.mine.tokens import word_pieces, word_stems

    pieces = word_pieces(term)
    glosses, at = [], 0
    for length, _ in pieces:
        glosses.append(gloss_phrases(term[at:at + length]))
        at += length
    return pieces, word_stems(term), tuple(glosses)


class _Known:
    """What the search needs of one glossary term (Simplified), made once per term: the term as one
    word (its dictionary pieces in `word.pieces`); the stems of each piece that count as evidence of
    its rendering (those of a piece of two or more characters, or of the term as one piece: a lone
    character has too many glosses to tell anything) and all of them; whether one is a number (not a
    letter run's stem); each piece's glosses as content stems; for _enough_said, the coverage needed
    and (length, evidence stems, glosses, at an end) of each piece with evidence; and its pieces
    indexed for the miner's pairing (made on first use)."""

    __slots__ = ("text", "word", "evidence", "every", "numeric", "glosses", "needed", "checks", "index")

    def __init__(self, term: str, evidence: TermEvidence) -> None:
        from glossary.mine.pairing import _MIN_VARIANT_ZH_COVERAGE
        from glossary.mine.tokens import ZhWord

        pieces, stems, piece_glosses = evidence
        self.text = term
        self.word = ZhWord(term, _KNOWN_TERM_TAG, 0, len(term), stems, pieces)
        # a piece counts as translated only by the whole of one of its glosses ("Hong" alone does not
        # render 港元 "Hong Kong dollar"); an acronym of a gloss says the whole of it
        acronyms = [{key for gloss in g for key in _acronym_keys(gloss)} for g in piece_glosses]  # (made once)
        self.glosses = glosses = [g | {(key,) for key in keys} for g, keys in zip(piece_glosses, acronyms)]
        self.evidence = [stems | keys if length > 1 or len(pieces) == 1 else frozenset()
                         for (length, stems), keys in zip(pieces, acronyms)]
        self.every = every = frozenset().union(*self.evidence)
        self.numeric = not all(s.isalpha() or s[0] == _ACRONYM_KEY for s in every)
        last = len(pieces) - 1
        self.needed = _MIN_VARIANT_ZH_COVERAGE * len(term)
        self.checks = [(piece[0], stems, piece_glosses, k in (0, last))
                       for k, (piece, stems, piece_glosses) in enumerate(zip(pieces, self.evidence, glosses)) if stems]
        self.index: PieceIndex | None = None

    def enough_said(self, said: set[str]) -> bool:
        """True when the stems `said` (a whole target's) hold translations of enough pieces of the term
        (see OtherRenderings.find), wherever they stand: what _translating_words then looks for in
        adjacent words."""
        covered, an_end = 0, False
        for length, stems, glosses, at_end in self.checks:
            if not stems.isdisjoint(said) and (not glosses or any(said.issuperset(gloss) for gloss in glosses)):
                covered += length
                an_end = an_end or at_end
        return an_end and covered >= self.needed


class OtherRenderings:
    """Finds where a target renders a glossary term in words the glossary does not list."""

    def __init__(self, known: dict[str, bytes] | None = None) -> None:
        self._evidence = known or {}  # term -> its evidence marshalled, made when the glossary was cached (no lexicon needed)
        self._known: dict[str, _Known] = {}
        self._answers: dict[tuple[str, str], tuple[int, int] | None] = {}  # (term, target) -> find's answer
        self._content_stems: dict[str, tuple[list[str], frozenset[str]] | None] = {}  # a rendering -> its content stems (None: fewer than two)
        self._rendering_stems: dict[tuple[str, ...], frozenset[str]] = {}  # an entry's renderings -> all their content stems
        self._heads: dict[tuple[str, str], bool] = {}  # (term, words) -> says_head

    def _term(self, term: str) -> _Known:
        found = self._known.get(term)
        if found is None:
            packed = self._evidence.get(term)
            found = self._known[term] = _Known(term, marshal.loads(packed) if packed is not None else term_evidence(term))
        return found

    def find(self, terms: list[str], target: TargetWords) -> dict[str, tuple[int, int]]:
        """Each of `terms` (Simplified) that the target renders, with the (start, end) of its rendering.

        A term is rendered when adjacent words of the target translate dictionary pieces covering
        as much of it as the miner's loose pass for variants asks (half, one end included), each by
        a gloss as such, not only by a shared prefix (認可 "approve" does not make "approach" a
        rendering). The words reported are the phrase the miner's pairing finds for the term when it
        finds one, else those words."""
        found = {}
        answers = self._answers
        if len(answers) > _ANSWERS_KEPT:
            answers.clear()
        for term in dict.fromkeys(terms):
            key = (term, target.text)
            if key in answers:  # a repeated segment (translation memories have many)
                span = answers[key]
            else:
                span = answers[key] = self._rendering(term, target)
            if span is not None:
                found[term] = span
        return found

    def says_head(self, term: str, words: str) -> bool:
        """True when `words` translate the last dictionary piece of `term` (Simplified) by a whole gloss of
        it, a lone character's too: "green finance" says 绿色金融's 金融; "financial industry" does not say
        金融科技's 科技."""
        key = (term, words)
        said = self._heads.get(key)
        if said is None:
            known = self._term(term)
            glosses = known.glosses[-1] if known.glosses else ()
            stems = TargetWords(words).stems if glosses else set()
            said = self._heads[key] = any(stems.issuperset(gloss) for gloss in glosses)
        return said

    def widened(self, span: tuple[int, int], renderings: list[str], target: TargetWords) -> tuple[int, int]:
        """`span` (words `find` reported) grown over the adjacent words that the glossary's own renderings
        say ("stress testing" where CC-CEDICT glosses 压力 only "pressure" and the glossary has "stress
        tests"): the rendering the draft used, not a part of it."""
        tokens = target.tokens
        first = bisect_left(target.starts, span[0])
        last = bisect_left(target.starts, span[1]) - 1
        if not 0 <= first <= last < len(tokens):
            return span
        key = tuple(renderings)
        stems = self._rendering_stems.get(key)
        if stems is None:
            stems = self._rendering_stems[key] = frozenset(chain.from_iterable(map(content_stems, renderings)))
        start, end = span
        while first > 0 and not target.stems_at(first - 1).isdisjoint(stems):
            first -= 1
            start = tokens[first].start
        while last + 1 < len(tokens) and not target.stems_at(last + 1).isdisjoint(stems):
            last += 1
            end = tokens[last].end
        return start, end

    def shortened(self, renderings: list[str], target: TargetWords) -> tuple[int, int] | None:
        """The (start, end) of adjacent target words (function words between them allowed) that say at
        least half the content words of one of `renderings`, its first or last among them: the
        glossary's rendering shortened or reworded ("disclosures" for "public disclosure"), or of its
        acronym or blend (FinTech), or of words an acronym rendering stands for ("Financial Secretary"
        for FS), else None."""
        for rendering in renderings:
            acronym = _ACRONYM_RENDERING.fullmatch(rendering)
            if acronym and (written := target.spelled_out(acronym.group(1).replace("&", ""))):
                return written
            shape = self._content_stems.get(rendering, _UNSEEN)
            if shape is _UNSEEN:
                stems = content_stems(rendering)
                shape = self._content_stems[rendering] = (stems, frozenset(stems)) if len(set(stems)) >= 2 else None
            if shape is None:
                continue  # (one content word: nothing to shorten)
            stems, wanted = shape
            short = target.acronym_of(stems) or target.blend_of(stems)
            if short:
                return short
            if stems[0] not in target.stems and stems[-1] not in target.stems:
                continue
            tokens = target.tokens
            for position in sorted(target.having(frozenset((stems[0], stems[-1])))):
                first = last = position
                while first > 0 and (tokens[first - 1].stop or target.stems_at(first - 1) & wanted):
                    first -= 1
                while last + 1 < len(tokens) and (tokens[last + 1].stop or target.stems_at(last + 1) & wanted):
                    last += 1
                said = [k for k in range(first, last + 1) if target.stems_at(k) & wanted]
                if 2 * len(wanted.intersection(set().union(*(target.stems_at(k) for k in said)))) >= len(wanted):
                    end = said[-1]
                    if end + 1 < len(tokens) and tokens[end + 1].stems and is_modifier_only(tokens[end].text):
                        end += 1  # "medical" says the noun it qualifies too: medical materials
                    return tokens[said[0]].start, tokens[end].end
        return None

    def _rendering(self, term: str, target: TargetWords) -> tuple[int, int] | None:
        known = self._term(term)
        if not known.numeric and (known.every.isdisjoint(target.stems) or not known.enough_said(target.stems)):
            return None  # the target's words cannot translate enough of it (the common case: no tokens needed)
        run = self._translating_words(known, target)
        if not run:
            return None
        first, last, head_said = run
        span = self._phrase(known, target, first, last)
        if not head_said and len(target.tokens_within(*span)) == 1:
            return None  # one word for the term's modifier only ("financial" of 金融资产): no rendering of it
        return span

    def _translating_words(self, known: _Known, target: TargetWords) -> tuple[int, int, bool] | None:
        """The first and last token of the adjacent target words (function words between them allowed,
        none saying what another said) that translate enough of `term` (see find).
        Unlike the miner's pairing, they need not make a term of their own: "foreign" in
        "foreign … cases" renders 外籍人员 (foreign personnel)."""
        pieces, evidence, glosses, needed = known.word.pieces, known.evidence, known.glosses, known.needed
        translating: dict[int, set[int]] = {}  # token -> the pieces it translates
        for k, stems in enumerate(evidence):
            for position in target.having(stems) if stems else ():
                translating.setdefault(position, set()).add(k)
        best, best_cover = None, 0.0
        run: list[int] = []
        covered: set[int] = set()
        said: set[str] = set()  # the stems of the run's words

        def close() -> None:
            nonlocal best, best_cover
            done = {k for k in covered if not glosses[k] or any(said.issuperset(gloss) for gloss in glosses[k])}
            if not done or (0 not in done and len(pieces) - 1 not in done):
                return
            cover = sum(pieces[k][0] for k in done)
            if cover >= needed and cover > best_cover:
                best, best_cover = (run[0], run[-1], len(pieces) - 1 in done), cover

        for position in sorted(translating):
            stems = target.stems_at(position)
            if run and target.only_function_words(run[-1], position) and not stems <= said:
                run.append(position)
            else:  # (a word said already starts another phrase, as in the miner's runs)
                close()
                run, covered, said = [position], set(), set()
            covered |= translating[position]
            said |= stems
        close()
        return best

    def _phrase(self, known: _Known, target: TargetWords, first: int, last: int) -> tuple[int, int]:
        """The (start, end) of the phrase the miner's loose pairing finds for `term` around the
        translating tokens first..last (within _PHRASE_REACH tokens of them, sharing a word with
        them, holding a word that translates a piece as such), else of those tokens."""
        from glossary.mine.pairing import PieceIndex, known_term_pair, lone_word_phrase

        tokens = target.tokens
        word, evidence = known.word, known.every
        index = known.index
        if index is None:
            index = known.index = PieceIndex([word])
        start = max(0, first - _PHRASE_REACH)
        near = tokens[start:last + _PHRASE_REACH + 1]
        if first == last and (alone := lone_word_phrase(tokens[first])) \
                and not any(index.finds(token) for token in near[:first - start] + near[first - start + 1:] if token.stems):
            return alone  # the pair, if any, is the word itself (the common case: no pairing needed)
        pair = known_term_pair(word, near, index)
        if pair and pair.en_start <= tokens[last].start and tokens[first].start < pair.en_end and any(
                not evidence.isdisjoint(t.stems) for t in target.tokens_within(pair.en_start, pair.en_end)):
            return pair.en_start, pair.en_end
        return tokens[first].start, tokens[last].end


@lru_cache(maxsize=65_536)  # names recur from segment to segment
def _acronym_key(word: str) -> str | None:
    """The key of a word written as an acronym (its capitals), else None."""
    if not word[:1].isupper() or word[1:].islower() or not _ACRONYM_TOKEN.fullmatch(word):
        return None
    return _ACRONYM_KEY + "".join(c for c in word if c.isupper())


@lru_cache(maxsize=1 << 16)  # words recur from segment to segment
def _run_stems(run: str) -> tuple[str, ...]:
    """What one letter run of a target gives TargetWords.stems: its stem, unless a function word (US, in
    capitals, is a word), and its acronym key, if written as one ("Banks": bank; "the": none; "HKMA": hkma
    and the key of its initials H, K, M, A)."""
    stems = () if is_stopword(run) else (en_stem(run),)
    key = _acronym_key(run) if run[0].isupper() else None
    return stems + (key,) if key else stems


def _blended(word: str, stems: list[str]) -> bool:
    """True when `word` (lower case) is the openings of `stems` in order, _MIN_BLEND_PART letters or more
    each: fintech of ["financi", "technolog"]."""
    if len(stems) == 1:
        return len(word) >= _MIN_BLEND_PART and stems[0].startswith(word)
    return any(stems[0].startswith(word[:cut]) and _blended(word[cut:], stems[1:])
               for cut in range(_MIN_BLEND_PART, len(word) - _MIN_BLEND_PART + 1))


def _acronym_keys(gloss: tuple[str, ...]) -> tuple[str, ...]:
    """The acronym a gloss of two or more content words makes ("Belt and Road Initiative": BRI), as a key."""
    return (_ACRONYM_KEY + "".join(stem[0] for stem in gloss).upper(),) if 2 <= len(gloss) <= 6 else ()


def acronym_letters(rendering: str) -> str:
    """The letters of a rendering written as an acronym, sorted ("HKMA": "AHKM"; "SVFs": "FSV"), else ""."""
    acronym = _ACRONYM_RENDERING.fullmatch(rendering)
    return "".join(sorted(acronym.group(1).replace("&", ""))) if acronym else ""


def initials(rendering: str) -> str:
    """The initials of a rendering's content words, capitalised and sorted ("Hong Kong Monetary Authority":
    "AHKM"): an acronym with these letters (acronym_letters) stands for it, in any order."""
    return "".join(sorted(stem[0].upper() for stem in content_stems(rendering)))


def rendering_words(renderings: list[str]) -> frozenset[tuple[str, ...]]:
    """The content words of each of an entry's `renderings`, for same_words."""
    return frozenset(map(content_words, renderings))


def same_words(found: str, words: frozenset[tuple[str, ...]]) -> bool:
    """True when `found` has the content words of one of an entry's renderings (`words`:
    rendering_words) as the matcher folds words without a glossary's exceptions: words it keeps
    apart on purpose ("new" is not "news" in a glossary that has both; a term marked exact), so they
    are no other rendering but the term missing. Other forms of its words ("independently assesses"
    for "independent assessment") are another rendering."""
    return content_words(found) in words
