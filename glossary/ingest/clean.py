"""Cleaning noisy web and magazine text, by the shape of the noise (never by its words).

Small steps, one driver (STYLE §3): a *step* is `text -> text`; a *filter* looks at one
cleaned line and returns None to keep it or a drop reason; a *block filter* looks at a
run of lines (the page header above the first prose line, the "related articles" tail
below the last). `clean_lines` runs them in order, streaming, counts the reasons and
keeps every dropped line as a `Dropped` record.

Censored spans (`***`, `××`) and runs garbled in transcoding are not guessed: they become
CENSOR_MARK (□, the typographers' mark for a missing character), a symbol that is not a
word character in either language, so a miner never makes it part of a term.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from glossary.keys import CJK_RANGES, INVISIBLE
from glossary.models import Dropped

from .decode import common_hanzi
from .formats import BREAK, Line

CENSOR_MARK = "\u25a1"  # □, the typographers' mark for a missing or illegible character
_H = f"[{CJK_RANGES}]"  # one Han character
SENTENCE_END = "。！？!?；;…"

Step = Callable[[str], str]
LineFilter = Callable[[str], "str | None"]
BlockFilter = Callable[[list["Line | Dropped"]], dict[int, str]]


# ---------------------------------------------------------------- steps: text -> text
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def normalize_spaces(text: str) -> str:
    """Invisible characters removed; every run of spaces (incl. NBSP, ideographic) to one space."""
    if not text.isascii():
        text = INVISIBLE.sub("", text)
    elif "  " not in text and "\t" not in text:
        return text.strip()
    return _SPACES.sub(" ", text).strip()


def _syllable_pattern() -> str:
    tones = {"a": "aāáǎà", "e": "eēéěè", "i": "iīíǐì", "o": "oōóǒò", "u": "uūúǔù", "ü": "üǖǘǚǜv"}
    finals = (
        "iang iong uang ueng ang eng ing ong ian iao uai uan üan ai ao an ei en er ia ie in iu ou ua ue ui un uo "
        "üe ün a o e i u ü"
    ).split()
    final = "|".join("".join(f"[{tones[c]}]" if c in tones else c for c in f) for f in finals)
    return rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:{final})"


_SYLLABLE = _syllable_pattern()
_TONE_MARK = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = rf"(?=[^)）]*[{_TONE_MARK}1-4])(?:{_SYLLABLE}[1-4]?)(?: ?{_SYLLABLE}[1-4]?){{0,3}}"
_PINYIN_AFTER_HAN = re.compile(rf"(?<=\S)[(（]{_PINYIN}[)）]")
# An annotation whose character and "(" were lost: "?zhí)".
_PINYIN_FRAGMENT = re.compile(rf"\?{_PINYIN}[)）]")


def strip_pinyin_annotations(text: str) -> str:
    """`戰(zhàn)` → `戰`: tone-marked pinyin in brackets glued to a character goes.

    A fragment whose character was lost (`?zhí)`) becomes CENSOR_MARK, keeping its `?` so
    that a garbled run after it is found too.
    """
    if ")" not in text and "）" not in text:
        return text
    return _PINYIN_FRAGMENT.sub("?" + CENSOR_MARK, _PINYIN_AFTER_HAN.sub("", text))


_LOST_RULES = (
    (re.compile(r"(?<=[A-Za-z])\?+(?=[A-Za-z])"), " "),  # glued between two words
    (re.compile(rf"\?+(?={_H}|{CENSOR_MARK})|(?<={CENSOR_MARK})\?+"), ""),  # before Han, or by a mark
    (re.compile(rf"(?<={_H})(?<![吗呢么嗎麼吧乎])\?+"), ""),  # after one (a question keeps its ?)
    (re.compile(r"(?<=[,;:，；：、])(\s*)\?+"), r"\1"),  # right after a comma-like mark
    (re.compile(r"(?<=\w)\?+(?=\s+[a-z])"), ""),  # mid-sentence: a question ends before a capital
    (re.compile(r"\?+(?=[,;:，。；：、])"), ""),  # right before punctuation
    (re.compile(r"(?:^|(?<=\s))\?+(?=\s|$)"), ""),  # standing alone
    (re.compile(rf"(?<=[{CJK_RANGES}{CENSOR_MARK}])[\\^`]+(?={_H})"), ""),  # byte debris among Han
)


_RUN_STOP = re.compile(r"[?\s,.，。、；：！!（）()“”《》]")
_KANA = re.compile("[\u3040-\u30ff]")
MAX_GARBLED_RUN = 12


def _suspicious(ch: str) -> bool:
    """A character that does not belong in running Chinese: rare hanzi, kana, ASCII or private-use debris."""
    if ch.isascii():
        return not ch.isdigit()
    if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd" or _KANA.match(ch):
        return True
    return bool(re.match(_H, ch)) and ch not in common_hanzi()


def mark_garbled_runs(text: str) -> str:
    """After a `?`, a run of rare characters decoded out of step becomes one CENSOR_MARK.

    The run is the longest stretch (up to MAX_GARBLED_RUN) ending on a suspicious character
    in which at least half are suspicious; the sound text after it is left alone.
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        out.append(ch)
        i += 1
        if ch != "?":
            continue
        window = text[i:i + MAX_GARBLED_RUN]
        stop = _RUN_STOP.search(window)
        window = window[: stop.start()] if stop else window
        if not re.search(f"{_H}|{_KANA.pattern}", window):
            continue
        flags = [_suspicious(c) for c in window]
        end = 0
        for j in range(len(window)):
            if flags[j] and sum(flags[: j + 1]) * 2 >= j + 1 and sum(flags[: j + 1]) >= 2:
                end = j + 1
        if end:
            out.append(CENSOR_MARK)
            i += end
    return "".join(out)


def remove_lost_characters(text: str) -> str:
    """Drop the `?` that stand for characters lost in an encoding round trip (runs → □)."""
    if "?" not in text and "^" not in text and "`" not in text:
        return text
    if "?" in text:
        text = mark_garbled_runs(text)
    for pattern, replacement in _LOST_RULES:
        text = pattern.sub(replacement, text)
    return text


_CENSORED = re.compile(r"\*{3,}|＊{2,}|×{2,}")


def mark_censored(text: str) -> str:
    """`***` (and `＊＊`, `××`) to one CENSOR_MARK per span: kept visible, never guessed."""
    if "*" not in text and "＊" not in text and "×" not in text:
        return text
    return _CENSORED.sub(CENSOR_MARK, text)


_SPACED_DIGITS = re.compile(rf"(?<!\d)\d(?: \d){{2,}}(?!\d)(?= ?{_H})|(?<={_H}) ?\d(?: \d){{2,}}(?!\d)")
_THREE_SPACED_DIGITS = re.compile(r"\d \d \d")  # what every match holds: a quick test first


def join_spaced_digits(text: str) -> str:
    """`2 0 1 5 年` → `2015 年`: digits spread out by PDF extraction, next to Chinese text."""
    if " " not in text or not _THREE_SPACED_DIGITS.search(text):
        return text
    return _SPACED_DIGITS.sub(lambda m: m.group().replace(" ", ""), text)


STEPS: tuple[tuple[str, Step], ...] = (
    ("spaces", normalize_spaces),
    ("pinyin-annotations", strip_pinyin_annotations),
    ("lost-characters", remove_lost_characters),
    ("censor-marks", mark_censored),
    ("spaced-digits", join_spaced_digits),
    ("spaces-again", normalize_spaces),
)


# ---------------------------------------------------------------- filters: one line -> keep / reason
_SENTENCE_PUNCT = re.compile(r"[。，,；;！!？]|\.(?:\s|$)")


def keyword_spam(text: str) -> str | None:
    """Search-engine spam titles: three or more phrases joined by `_` with no sentence in them."""
    parts = [p for p in text.split("_") if p.strip()]
    if len(parts) >= 3 and not _SENTENCE_PUNCT.search(text) and all(len(p) <= 40 for p in parts):
        return "keyword-spam"
    return None


_LIST_SEPARATORS = re.compile(r"\s*[|｜]\s*")


def link_list(text: str) -> str | None:
    """Runs of short names joined by `|` (place-name lists, footer link bars); not table rows."""
    if "|" not in text and "｜" not in text or text.startswith("|"):
        return None
    parts = [p for p in _LIST_SEPARATORS.split(text) if p]
    if len(parts) >= 3 and max(len(p) for p in parts) <= 20:
        return "link-list"
    return None


_BREADCRUMB = re.compile(r"^[^>»›]{1,20}(?:\s*[>»›]\s*[^>»›]{1,20}){1,6}$")


def breadcrumb(text: str) -> str | None:
    """`首页 > 部门动态`, `Home » News`: site navigation trails."""
    if len(text) <= 80 and (">" in text or "»" in text or "›" in text) and _BREADCRUMB.match(text) \
            and not _SENTENCE_PUNCT.search(text):
        return "breadcrumb"
    return None


_FOOTER = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|all rights reserved|版权所有|版權所有|"
    r"ICP\s*[备備证證]|公[网網]安[备備]|[网網]站[标標][识識][码碼]|"
    r"^(返回|回到)[顶頂]部$|^back to top$|^top\s*[↑^]?$",
    re.IGNORECASE,
)


def footer(text: str) -> str | None:
    """Copyright notices, ICP / public-security registration numbers, "back to top" links."""
    if len(text) <= 160 and _FOOTER.search(text):
        return "footer"
    return None


_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_NUMERIC_DATE = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_DATELINE = re.compile(
    rf"^(?:[^\d\s:：]{{1,8}}\s*[:：]\s*{_DATE}(?:\s*{_TIME})?|{_DATE}\s*{_TIME}|{_NUMERIC_DATE})\s*\S{{0,12}}$"
)


def dateline(text: str) -> str | None:
    """A web page's publication stamp: `2021-03-08 09:41 byline`, `日期: 2022-01-18`.

    A date written out on its own (`2020年4月3日` under a signature) is text, and stays.
    """
    if len(text) <= 40 and _DATELINE.match(text):
        return "dateline"
    return None


_KEYWORDS = re.compile(r"^(?:关键词|關鍵詞|关键字|關鍵字|标签|標籤|keywords?|tags?)\s*[:：]", re.IGNORECASE)


def keyword_line(text: str) -> str | None:
    """`关键词: …` / `Keywords: …` header lines."""
    return "keywords" if _KEYWORDS.match(text) else None


_ISSUE = re.compile(
    r"^\S.{0,24}?\s*(?:\d{4}\s*年\s*(?:第\s*)?\d{1,3}\s*[期号號]|(?:vol\.?|volume)\s*\d+\s*,?\s*(?:no\.?|issue)\s*\d+)\S{0,12}$",
    re.IGNORECASE,
)


def journal_issue(text: str) -> str | None:
    """`某某杂志 2021年1期`, `Journal, Vol. 3, No. 2`: the issue a magazine article came from."""
    return "journal-issue" if len(text) <= 60 and _ISSUE.match(text) else None


_WORDY = re.compile(rf"[A-Za-z]|{_H}")


def no_words(text: str) -> str | None:
    """Lines without a letter or Han character (rules, page numbers, a lone censor mark)."""
    return None if _WORDY.search(text) else "no-words"


FILTERS: tuple[tuple[str, LineFilter], ...] = (
    ("keyword-spam", keyword_spam),
    ("link-list", link_list),
    ("breadcrumb", breadcrumb),
    ("footer", footer),
    ("dateline", dateline),
    ("keywords", keyword_line),
    ("journal-issue", journal_issue),
    ("no-words", no_words),
)


# ---------------------------------------------------------------- block filters: the sequence -> drops
_HEADER_REASONS = frozenset({"dateline", "keywords", "journal-issue", "breadcrumb"})
_EMPTY_FIELD = re.compile(r"^[^\s:：]{1,6}[:：]$")
_BYLINE = re.compile(rf"^(?:{_H}{{2,4}}|(?:by|author|作者)\s*[:：]?\s*\S.{{0,40}})$", re.IGNORECASE)


def is_body_text(text: str) -> bool:
    """A line of running prose (long, with sentence punctuation), not a heading or a label."""
    return len(text) >= 40 and bool(_SENTENCE_PUNCT.search(text))


def page_header(items: list[Line | Dropped]) -> dict[int, str]:
    """Above the first prose line: empty form labels (`字体:`) and bylines under a dateline."""
    drops: dict[int, str] = {}
    last_reason: str | None = None
    for index, item in enumerate(items):
        if isinstance(item, Dropped):
            last_reason = item.reason
            continue
        if item.text == BREAK:
            continue
        if is_body_text(item.text):
            break
        if _EMPTY_FIELD.match(item.text):
            drops[index] = "empty-field"
        elif _BYLINE.match(item.text) and last_reason in _HEADER_REASONS:
            drops[index] = "byline"
        last_reason = drops.get(index)
    return drops


_TITLE_ENDS = tuple(SENTENCE_END + ".")
_LIST_MARKER = re.compile(r"^(?:[-*+•·▪]|\d{1,3}[.)、])\s*")


def _is_title_like(text: str) -> bool:
    if text.endswith(_TITLE_ENDS) or "。" in text:
        return False
    if len(text) <= 40:
        return True
    han = len(re.findall(_H, text))
    return han <= 40 if han else len(text.split()) <= 16


def _display_width(text: str) -> int:
    return len(text) + len(re.findall(_H, text))


def related_tail(items: list[Line | Dropped]) -> dict[int, str]:
    """A "related articles" / 猜你喜欢 tail: a short heading over 3+ article titles, at the end.

    The run has no blank lines in it, its items are not a list (no markers), they read like
    titles (typically 8+ characters or 4+ words), and the heading is shorter than they are
    and is no lead-in (no colon) — so an address block or a closing list is kept.
    """
    run: list[int] = []
    for index in range(len(items) - 1, -1, -1):
        item = items[index]
        if isinstance(item, Dropped):
            continue
        if item.text == BREAK:
            if run:
                break
            continue
        if not _is_title_like(item.text) or _LIST_MARKER.match(item.text):
            break
        run.append(index)
    if len(run) < 4:
        return {}
    run.reverse()
    heading = items[run[0]].text
    widths = sorted(_display_width(items[i].text) for i in run[1:])
    median = widths[len(widths) // 2]
    if (
        median < 16
        or _display_width(heading) > 24
        or len(heading.split()) > 4
        or _display_width(heading) >= median
        or heading.endswith((":", "："))
    ):
        return {}
    return {i: "related-links" for i in run}


HEAD_FILTERS: tuple[tuple[str, BlockFilter], ...] = (("page-header", page_header),)
TAIL_FILTERS: tuple[tuple[str, BlockFilter], ...] = (("related-tail", related_tail),)


# ---------------------------------------------------------------- driver
@dataclass
class CleanReport:
    """Filled while `clean_lines` runs: every dropped line, and the count per reason."""

    dropped: list[Dropped] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)


def clean_lines(
    items: Iterable[Line | Dropped],
    report: CleanReport,
    steps: tuple[tuple[str, Step], ...] = STEPS,
    filters: tuple[tuple[str, LineFilter], ...] = FILTERS,
    head_filters: tuple[tuple[str, BlockFilter], ...] = HEAD_FILTERS,
    tail_filters: tuple[tuple[str, BlockFilter], ...] = TAIL_FILTERS,
) -> Iterator[Line]:
    """Kept lines (BREAK lines separate paragraphs), streamed; drops go to `report`.

    Steps and line filters run on every line. Block filters see a bounded window: head
    filters the lines up to the first prose line, tail filters the trailing run of
    title-like lines; everything else streams straight through, so memory stays flat.
    """
    buffer: list[Line | Dropped] = []
    in_head = True

    def flush(block_filters) -> Iterator[Line]:
        for _name, block_filter in block_filters:
            for index, reason in block_filter(buffer).items():
                line = buffer[index]
                buffer[index] = Dropped(line.number, reason, line.text)
        for item in buffer:
            if isinstance(item, Dropped):
                report.dropped.append(item)
                report.counts[item.reason] += 1
            else:
                yield item
        buffer.clear()

    for item in items:
        if not isinstance(item, Dropped) and item.text != BREAK:
            item = _clean_line(item, steps, filters, buffer)
        buffer.append(item)
        if isinstance(item, Line) and item.text != BREAK:
            if in_head and is_body_text(item.text):
                yield from flush(head_filters)
                in_head = False
            elif not in_head and not _is_title_like(item.text):
                yield from flush(())  # a tail can only start after this line
    yield from flush((head_filters if in_head else ()) + tail_filters)


def _clean_line(line: Line, steps, filters, buffer: list) -> Line | Dropped:
    text = line.text
    for _name, step in steps:
        text = step(text)
    if not text:
        if line.text.strip():
            buffer.append(Dropped(line.number, "noise-only", line.text))
        return Line(line.number, BREAK)
    for _name, line_filter in filters:
        reason = line_filter(text)
        if reason:
            return Dropped(line.number, reason, line.text)
    return Line(line.number, text)
