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


class UsageError(GlossaryError):
    """A request that cannot be done as asked, whatever the files hold: options that do not go together
    (`check --source ZH.txt` without its draft), a format that no file name or option gives. The CLI
    exits 2 for these, as click does for its own usage errors; input errors exit 1."""

    title = "Usage error"


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
