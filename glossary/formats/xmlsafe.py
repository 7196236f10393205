"""Untrusted XML, read safely: no DTD loading, no entity expansion, no network, clear errors.

Entity declarations (XXE, billion laughs) are refused before parsing; a DOCTYPE that only names an
external DTD is allowed, and that DTD is never fetched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from glossary.errors import FormatError

_PROLOG_LIMIT = 1 << 20
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def check_prolog(head: bytes, name: str) -> None:
    """Refuse entity declarations in the DOCTYPE (XXE, billion laughs) without expanding anything."""
    text = _decode_head(head)
    doctype = _DOCTYPE.search(text)
    if not doctype:
        return
    rest = text[doctype.start():]
    declaration = _ENTITY_DECL.search(rest)
    root = _first_element_after_doctype(rest)
    if declaration and (root is None or declaration.start() < root):
        line = text[: doctype.start() + declaration.start()].count(b"\n") + 1
        raise FormatError(
            f"{name}: line {line}: the DOCTYPE declares entities; refused (entity expansion and external "
            "entities are a security risk, and no glossary needs them)"
        )


def _decode_head(head: bytes) -> bytes:
    """UTF-16 files are scanned as their ASCII bytes so that markup is still visible."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(head) > 1 and (head[0] == 0 or head[1] == 0)):
        return head.replace(b"\x00", b"")
    return head


def _first_element_after_doctype(rest: bytes) -> int | None:
    """Offset of the root element's start tag after a DOCTYPE (skipping an internal subset)."""
    depth = 0
    i = 0
    while i < len(rest):
        c = rest[i : i + 1]
        if c == b"[":
            depth += 1
        elif c == b"]":
            depth -= 1
        elif c == b">" and depth <= 0:
            match = _ROOT_START.search(rest, i)
            return match.start() if match else None
        i += 1
    return None


def safe_iterparse(fh: BinaryIO, name: str, events=("end",), tag=None) -> Iterator[tuple[str, object]]:
    """lxml iterparse with entities off, DTDs never loaded, no network; errors become FormatError.

    After the document's events comes ("root", root element) so a caller filtering by tag still sees it.
    """
    from lxml import etree

    head = fh.read(_PROLOG_LIMIT)
    if not head.strip():
        raise FormatError(f"{name}: the file is empty")
    check_prolog(head, name)
    stream = _Prepend(head, fh)
    parser = etree.iterparse(
        stream, events=events, load_dtd=False, no_network=True, resolve_entities=False,
        remove_comments=True, remove_pis=True, huge_tree=False, tag=tag,
    )
    try:
        yield from parser
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"{name}: {xml_error_place(exc)}") from None
    yield "root", parser.root


def xml_error_place(exc) -> str:
    """"line 12, column 5: Opening and ending tag mismatch" from an lxml syntax error."""
    line, column = (exc.position if getattr(exc, "position", None) else (exc.lineno, 0))
    message = str(exc.msg if hasattr(exc, "msg") and exc.msg else exc)
    message = re.sub(r",? line \d+, column \d+$", "", message).strip()
    if "Detected an entity reference loop" in message or "amplification" in message:
        message = "entity expansion refused"
    return f"line {line}, column {column}: {message}"


class _Prepend:
    """A read-only binary stream that first returns `head`, then the rest of `fh`."""

    def __init__(self, head: bytes, fh: BinaryIO) -> None:
        self._head = head
        self._fh = fh

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size is None or size < 0:
                data, self._head = self._head + self._fh.read(), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._fh.read(size)
