"""One error family: the CLI prints these as one line, the TUI shows them in a modal."""

from __future__ import annotations


class GlossaryError(Exception):
    """A problem the user can act on; `message` is one line naming the file and place."""

    title = "Error"

    def __init__(self, message: str, title: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if title is not None:
            self.title = title

    def __str__(self) -> str:
        return self.message


class InputError(GlossaryError):
    """A file that cannot be read: missing, unreadable, binary, undecodable, malformed."""

    title = "Unreadable input"


class IngestError(InputError):
    title = "Ingest failed"


class FormatError(InputError):
    """A glossary or draft file (TBX, CSV, XLIFF, TMX...) that does not parse."""

    title = "Malformed file"


class DatabaseError(GlossaryError):
    """The termbase cannot be opened or written (locked, read-only, not a glossary DB)."""

    title = "Termbase error"


class NotFoundError(GlossaryError):
    title = "Not found"
