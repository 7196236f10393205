"""Source formats to numbered lines: plain text, Markdown (markup removed), HTML (text blocks).

Every reader yields `Line`s; an empty line is a paragraph break. Lines a format knows to
be no prose (code blocks, table rules, scripts, navigation) come out as `Dropped`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from glossary.models import Dropped

TEXT_EXTENSIONS = (".txt", ".text")
MARKDOWN_EXTENSIONS = (".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS + MARKDOWN_EXTENSIONS + HTML_EXTENSIONS


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line in the source file
    text: str


BREAK = ""  # text of a paragraph-break line


def text_lines(lines: Iterable[str]) -> Iterator[Line | Dropped]:
    """Plain text: every line as it is, except `# heading` lines, which stand alone."""
    for number, text in enumerate(lines, 1):
        heading = _HEADING.match(text) if text.startswith("#") else None
        if heading:
            yield from (Line(number, BREAK), Line(number, heading.group(1)), Line(number, BREAK))
        else:
            yield Line(number, text)


# ---------------------------------------------------------------- Markdown
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT_RULE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)]*)\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])")
_CODE_SPAN = re.compile(r"`([^`]+)`")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->")


def strip_inline_markdown(text: str) -> str:
    """Links, images, emphasis, code spans and inline HTML to their plain text."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = _CODE_SPAN.sub(r"\1", text)
    return _HTML_TAG.sub("", text)


def markdown_lines(lines: Iterable[str]) -> Iterator[Line | Dropped]:
    """Markdown to prose lines: headings, list items and table cells become their own paragraphs."""
    in_fence = False
    in_comment = False
    previous: Line | None = None
    for number, raw in enumerate(lines, 1):
        if in_fence or _FENCE.match(raw):
            if _FENCE.match(raw):
                in_fence = not in_fence
            yield Dropped(number, "code-block", raw)
            continue
        if in_comment or raw.lstrip().startswith("<!--"):
            in_comment = "-->" not in raw
            yield Dropped(number, "comment", raw)
            continue
        if _LINK_DEF.match(raw):
            yield Dropped(number, "link-definition", raw)
            continue
        if _TABLE_RULE.match(raw) and "|" in raw or _THEMATIC_BREAK.match(raw):
            yield Dropped(number, "rule", raw)
            yield Line(number, BREAK)
            continue
        if previous is not None and previous.text and _SETEXT_RULE.match(raw):
            yield Line(number, BREAK)  # the line above was a heading
            continue
        heading = _HEADING.match(raw)
        if heading:
            yield from (Line(number, BREAK), Line(number, strip_inline_markdown(heading.group(1))), Line(number, BREAK))
            previous = None
            continue
        stripped = raw.strip()
        if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
            for cell in stripped.strip("|").split("|"):
                yield from (Line(number, strip_inline_markdown(cell.strip())), Line(number, BREAK))
            previous = None
            continue
        text = _QUOTE.sub("", raw)
        if _LIST_ITEM.match(text):
            yield Line(number, BREAK)
            text = _LIST_ITEM.sub("", text, count=1)
        line = Line(number, strip_inline_markdown(text).rstrip())
        previous = line
        yield line


# ---------------------------------------------------------------- HTML
_SKIPPED_TAGS = frozenset(
    "script style noscript template nav aside form select button iframe svg canvas head".split()
)
_PAGE_CHROME = frozenset({"header", "footer"})  # the site's, skipped; an article's own are kept
_CONTENT_TAGS = frozenset({"article", "main"})
_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd blockquote pre td th caption figcaption title div section article main body "
    "address center table tr ul ol dl".split()
)


_HTML_SPACE = re.compile(r"\s+")


def _block_text(element) -> str:
    """Text of an element with <br> as a line break; nested skipped elements left out."""
    parts: list[str] = []
    preformatted = isinstance(element.tag, str) and element.tag.lower() == "pre"

    def add(text: str | None) -> None:
        if text:
            parts.append(text if preformatted else _HTML_SPACE.sub(" ", text))

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIPPED_TAGS:
            return
        if tag == "br":
            parts.append("\n")
        else:
            add(el.text)
        for child in el:
            walk(child)
            add(child.tail)

    walk(element)
    return "".join(parts)


def html_lines(chunks: Iterable[str]) -> Iterator[Line | Dropped]:
    """Text blocks of an HTML page in reading order, parsed incrementally with lxml.

    Scripts, styles, navigation, asides and the site's header and footer are left out (an
    article's own header, with its title, stays). Each block is emptied once read, so
    memory stays flat however long the page.
    """
    from lxml import etree

    parser = etree.HTMLPullParser(
        events=("start", "end"), no_network=True, remove_comments=True, remove_pis=True, recover=True,
    )  # an HTML parser loads no DTD and expands only the built-in HTML entities
    skipped_depth = content_depth = 0
    chrome_skipped: list[bool] = []  # one per open header/footer: is it the site's?

    def skipped(event: str, tag: str) -> bool:
        nonlocal content_depth
        if tag in _CONTENT_TAGS:
            content_depth += 1 if event == "start" else -1
        if tag in _PAGE_CHROME:
            if event == "start":
                chrome_skipped.append(content_depth == 0)
                return chrome_skipped[-1]
            return chrome_skipped.pop()
        return tag in _SKIPPED_TAGS

    def drain() -> Iterator[Line | Dropped]:
        nonlocal skipped_depth
        for event, element in parser.read_events():
            tag = element.tag.lower() if isinstance(element.tag, str) else ""
            if skipped(event, tag):
                if event == "start":
                    skipped_depth += 1
                else:
                    skipped_depth -= 1
                    if tag != "head":
                        yield Dropped(element.sourceline or 0, f"html-{tag}", " ".join(_all_text(element).split())[:200])
                    _clear(element)
                continue
            if event != "end" or tag not in _BLOCK_TAGS:
                continue
            if skipped_depth == 0:
                text = _block_text(element)
                if text.strip():
                    number = element.sourceline or 0
                    yield Line(number, BREAK)
                    for piece in text.splitlines():
                        yield Line(number, piece)
                    yield Line(number, BREAK)
            _clear(element)

    for chunk in chunks:
        parser.feed(chunk)
        yield from drain()
    parser.close()
    yield from drain()


def _all_text(element) -> str:
    return "".join(t for t in element.itertext() if isinstance(t, str))


def _clear(element) -> None:
    """Empty a finished element (keeping its tail, which belongs to the parent's text)."""
    tail = element.tail
    element.clear()
    element.tail = tail
