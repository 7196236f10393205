"""Check drafts against the glossary: read a draft, match terms, report DraftIssues."""

from .checker import CheckGlossary, check_segments, fails, worst_severity
from .readers import draft_format, read_draft

__all__ = ["CheckGlossary", "check_segments", "fails", "worst_severity", "draft_format", "read_draft"]
