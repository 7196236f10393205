"""Second look at the sentences the DP left unaligned: one joins the bead whose other side it
explains. A skipped Chinese sentence may join any bead within reach (a summary condenses
sentences from anywhere, out of order); a skipped English sentence joins a neighbouring bead (a
long Chinese sentence the translation splits more ways than a bead allows)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from glossary.align.dp import AlignUnit, Bead, merged_span, names_read, span_anchors, span_score

# A skipped sentence joins a bead when it shares this many content words (numbers, Latin
# tokens) with the bead's other side that the bead's own side does not already hold, they make
# at least this share of the English involved, and the joined bead's English stays within
# RESCUE_MAX_STRETCH times the length its Chinese predicts.
RESCUE_MIN_WORDS = 4
RESCUE_MIN_SHARE = 0.25
RESCUE_MAX_STRETCH = 2.0
RESCUE_REACH = 200  # a Chinese sentence looks this many English beads either way (all, in most documents)


def _members(bead: Bead, lang: str) -> tuple[int, ...]:
    return bead.zh if lang == "zh" else bead.en


class _Side:
    """The running content of one side of each bead: words, numbers and Latin tokens, length."""

    def __init__(self, path: list[Bead], units: Sequence[AlignUnit], lang: str) -> None:
        self.units = units
        members = [_members(bead, lang) for bead in path]
        self.stems = [set().union(*(units[x].features.stems for x in xs)) for xs in members]
        self.tokens = [set().union(*(units[x].features.numbers | units[x].features.latin for x in xs)) for xs in members]
        self.length = [sum(units[x].features.length for x in xs) for xs in members]

    def add(self, k: int, x: int) -> None:
        f = self.units[x].features
        self.stems[k] |= f.stems
        self.tokens[k] |= f.numbers | f.latin
        self.length[k] += f.length


def _rescue(path: list[Bead], zh: Sequence[AlignUnit], en: Sequence[AlignUnit], lang: str, en_per_zh: float) -> list[Bead]:
    """Beads of `path` after its skipped `lang` sentences have joined the beads they fit: any bead
    for a Chinese sentence, the nearest bead before or after for an English one."""
    is_zh = lang == "zh"
    other_lang = "en" if is_zh else "zh"
    skipped = [k for k, bead in enumerate(path) if _members(bead, lang) and not _members(bead, other_lang)]
    anchored = [k for k, bead in enumerate(path) if _members(bead, other_lang)]
    if not skipped or not anchored:
        return path
    own = _Side(path, zh if is_zh else en, lang)
    other = _Side(path, en if is_zh else zh, other_lang)

    def targets(s: int) -> list[int]:
        at = bisect_left(anchored, s)
        if is_zh:
            return anchored[max(0, at - RESCUE_REACH) : at + RESCUE_REACH]
        return anchored[max(0, at - 1) : at + 1]

    def gain(x: int, k: int) -> int:
        f = own.units[x].features
        new = len((f.stems & other.stems[k]) - own.stems[k])
        new += len(((f.numbers | f.latin) & other.tokens[k]) - own.tokens[k])
        english = len(other.stems[k]) if is_zh else len(f.stems)
        if new < RESCUE_MIN_WORDS or new < RESCUE_MIN_SHARE * english:
            return 0
        zh_length, en_length = (own.length[k] + f.length, other.length[k]) if is_zh else (other.length[k], own.length[k] + f.length)
        return new if en_length <= RESCUE_MAX_STRETCH * en_per_zh * zh_length else 0

    candidates = sorted(((g, s, k) for s in skipped for k in targets(s) if (g := gain(_members(path[s], lang)[0], k))), reverse=True)
    joined: dict[int, list[int]] = {}
    rescued: set[int] = set()
    for _, s, k in candidates:
        x = _members(path[s], lang)[0]
        if s not in rescued and gain(x, k):  # gains shrink as a bead takes sentences
            rescued.add(s)
            joined.setdefault(k, []).append(x)
            own.add(k, x)
    out = []
    for k, bead in enumerate(path):
        if k in rescued:
            continue
        if k in joined:
            members = tuple(sorted(_members(bead, lang) + tuple(joined[k])))
            bead = Bead(members, bead.en, bead.score) if is_zh else Bead(bead.zh, members, bead.score)
        out.append(bead)
    return out


def rescue_skipped(path: list[Bead], zh: Sequence[AlignUnit], en: Sequence[AlignUnit], en_per_zh: float) -> list[Bead]:
    """`path` with skipped Chinese, then skipped English sentences joined to the beads they fit;
    a changed bead is scored and anchored again."""
    before = {(bead.zh, bead.en) for bead in path}
    path = _rescue(_rescue(path, zh, en, "zh", en_per_zh), zh, en, "en", en_per_zh)
    changed = [(bead.zh, bead.en) not in before for bead in path]
    if not any(changed):
        return path
    zh_names, en_names = names_read(zh, en)
    out = []
    for bead, new in zip(path, changed, strict=True):
        if new:
            z = merged_span([zh[i] for i in bead.zh], [zh_names[i] for i in bead.zh], True)
            e = merged_span([en[j] for j in bead.en], [en_names[j] for j in bead.en], False)
            bead = Bead(bead.zh, bead.en, span_score(z, e, en_per_zh), span_anchors(z, e))
        out.append(bead)
    return out
