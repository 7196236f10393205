"""A rich termbase for the interchange tests: statuses, variants, acronyms, Traditional spellings, notes."""

from __future__ import annotations

from glossary.models import Entry, Term


def rich_entries() -> list[Entry]:
    """Entries exercising every field the formats carry (texts written for the tests, not from the corpus)."""
    return [
        Entry(
            terms=(
                Term("zh", "外防输入", part_of_speech="noun", source="press briefing", context="口岸城市把外防输入放在首位。"),
                Term("zh", "外防輸入", status="admitted", script="Hant"),
                Term("en", "import prevention", part_of_speech="noun", context="Import prevention remains the priority."),
                Term("en", "preventing imported cases", status="admitted"),
                Term("en", "guarding against imported cases", status="deprecated", note="too literal"),
            ),
            status="approved", category="policy", note="Epidemic control wording.", score=0.91,
            definition="Measures that stop infections arriving from abroad.", sources=("doc-a.txt",),
        ),
        Entry(
            terms=(
                Term("zh", "香港金融管理局"),
                Term("en", "Hong Kong Monetary Authority", part_of_speech="properNoun"),
                Term("en", "HKMA", status="admitted", type="acronym"),
                Term("zh", "金管局", status="admitted", type="abbreviation"),
            ),
            status="approved", category="org", score=0.88, sources=("doc-a.txt", "doc-b.txt"),
        ),
        Entry(
            terms=(
                Term("zh", "一带一路"),
                Term("en", "Belt and Road Initiative"),
                Term("en", "One Belt, One Road", status="superseded"),
                Term("en", 'the "Belt & Road" <plan>', status="forbidden"),
            ),
            status="candidate", category="program", note="Line one.\nLine two & more <tags>.", score=0.73,
            source="MFA style sheet",
        ),
        Entry(terms=(Term("zh", "发展"), Term("en", "development")), status="rejected", note="too general"),
        Entry(terms=(Term("zh", "國務院", script="Hant"), Term("zh", "国务院", status="admitted"),
                     Term("en", "State Council")), status="approved", category="org"),
        Entry(terms=(Term("zh", "双循环"),), status="candidate", score=0.4),
        Entry(terms=(Term("is", "eyðni"), Term("is", "alnæmi", status="admitted"),
                     Term("en", "acquired immune deficiency syndrome"), Term("en", "AIDS", status="admitted", type="acronym")),
              status="approved", category="biology"),
    ]
