"""Check results as plain JSON-ready dicts (the `glossary check --json` schema, see the README)."""

from __future__ import annotations

from collections import Counter

from glossary.models import CheckResult, DraftIssue

from .checker import KIND_ORDER, SEVERITY_RANK, fails

SCHEMA_VERSION = 1


def issue_to_dict(issue: DraftIssue) -> dict:
    return {
        "kind": issue.kind, "severity": issue.severity, "segment": issue.segment, "line": issue.line,
        "source_term": issue.source_term, "expected": issue.expected, "found": issue.found,
        "message": issue.message, "entry_id": issue.entry_id,
        "source": issue.source_text, "target": issue.target_text,
        "spans": [{"side": side, "start": start, "end": end} for side, start, end in issue.spans],
    }


def result_to_dict(result: CheckResult, fail_on: str = "error") -> dict:
    severities = Counter(i.severity for i in result.issues)
    kinds = Counter(i.kind for i in result.issues)
    return {
        "schema": SCHEMA_VERSION,
        "draft": result.draft,
        "segments": result.segments,
        "counts": {s: severities.get(s, 0) for s in sorted(SEVERITY_RANK, key=SEVERITY_RANK.get, reverse=True)},
        "kinds": {k: kinds[k] for k in KIND_ORDER if kinds.get(k)},
        "fail_on": fail_on,
        "failed": fails(result.issues, fail_on),
        "findings": [issue_to_dict(i) for i in result.issues],
    }
