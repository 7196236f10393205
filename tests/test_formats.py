"""Glossary formats (pure core): writers validate against the official TBX schemas, readers accept
the real-world samples, and bad or hostile input is refused with one clear line."""

from __future__ import annotations

import io
import re
import socket
import threading

import pytest
from conftest import shared
from interchange_data import rich_entries
from lxml import etree

from glossary.errors import FormatError, InputError
from glossary.formats import Warnings, read_glossary, write_glossary
from glossary.formats.jsonl import entry_summary
from glossary.formats.langs import header_lang, parse_lang
from glossary.models import Entry, Term

SAFE = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
LANGUAGES = [("zh", "Hans"), ("en", None), ("zh", "Hant"), ("is", None)]


def _written(fmt: str, entries=None) -> str:
    out = io.StringIO()
    write_glossary(entries if entries is not None else rich_entries(), fmt, out, LANGUAGES)
    return out.getvalue()


def _write_file(tmp_path, fmt: str, suffix: str, entries=None):
    path = tmp_path / f"out{suffix}"
    if fmt == "xlsx":
        with path.open("wb") as fh:
            write_glossary(entries or rich_entries(), fmt, fh, LANGUAGES)
    else:
        path.write_text(_written(fmt, entries), encoding="utf-8", newline="")
    return path


def _read(path, fmt=None):
    warnings = Warnings()
    return [item.entry for item in read_glossary(path, fmt, warnings)], warnings


def _entry_count(path) -> int:
    """Independent count: termEntry/conceptEntry elements, whatever their namespace."""
    return sum(
        1 for _ in etree.iterparse(str(path), tag=("{*}termEntry", "{*}conceptEntry"), load_dtd=False,
                                   no_network=True, resolve_entities=False)
    )


# ---------------------------------------------------------------- official schemas
def test_tbx_v2_export_is_valid_tbx_basic_rng_and_dtd():
    doc = etree.fromstring(_written("tbx").encode(), SAFE).getroottree()
    rng = etree.RelaxNG(etree.parse(str(shared("tbx", "v2", "basic", "TBXBasicRNGV02.rng"))))
    dtd = etree.DTD(str(shared("tbx", "v2", "basic", "TBXBasiccoreStructV02.dtd")))
    assert rng.validate(doc), rng.error_log
    assert dtd.validate(doc), dtd.error_log
    root = doc.getroot()
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    first = root.find(".//termEntry")
    assert first.get("id") == "c1"
    assert first.find("langSet").get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    statuses = {e.text for e in root.iter("termNote") if e.get("type") == "administrativeStatus"}
    assert statuses == {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                        "supersededTerm-admn-sts"}


def test_tbx_v3_export_is_valid_against_the_core_rng():
    doc = etree.fromstring(_written("tbx3").encode(), SAFE).getroottree()
    rng = etree.RelaxNG(etree.parse(str(shared("tbx", "v3", "core", "TBXcoreStructV03.rng"))))
    assert rng.validate(doc), rng.error_log
    root = doc.getroot()
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx" and root.get("style") == "dca"
    assert len(root.findall(".//{urn:iso:std:iso:30042:ed-2}conceptEntry")) == len(rich_entries())


def test_translate_toolkit_reads_every_entry_source_and_target(tmp_path):
    from translate.storage import tbx

    path = _write_file(tmp_path, "tbx", ".tbx")
    units = tbx.tbxfile.parsefile(str(path)).units
    entries = rich_entries()
    assert len(units) == len(entries)
    for unit, entry in zip(units, entries):
        source_lang = "zh" if entry.terms_in("zh") else entry.terms[0].lang
        first_group = [t for t in entry.terms_in(source_lang) if t.script != "Hant"]  # zh-CN langSet
        source = sorted(first_group, key=lambda t: t.status != "preferred")[0]
        assert unit.source == source.text
        target = entry.preferred("en") if source_lang != "en" else None
        assert (unit.target or "") == (target.text if target else "")


# ---------------------------------------------------------------- samples
VALID_SAMPLES = [
    ("tbx", "v2", "basic", "samples", "TBX-basic-sample.tbx"),
    ("tbx", "v2", "default", "samples", "good.tbx"),
    ("tbx", "v2", "default", "samples", "bad.tbx"),  # invalid against its XCS only: still a usable glossary
    ("tbx", "v2", "basic", "samples", "tbx_basic_sample_badattribute.tbx"),  # value errors: kept, warned
    ("tbx", "v2", "basic", "samples", "tbx_basic_sample_badelementcontent.tbx"),
    ("tbx", "v3", "samples", "TBX-Basic_Example_Astronomy_DCA_VALID.tbx"),
    ("tbx", "v3", "samples", "TBX-Basic_Example_Astronomy_DCT_VALID.tbx"),
    ("tbx", "v3", "samples", "TBX-Core_Example_Astronomy_DCA_VALID.tbx"),
    ("tbx", "v3", "samples", "TBX-Min_Example_Astronomy_DCA_VALID.tbx"),
    ("tbx", "v3", "samples", "basic-v4", "TBX-Basic-sample-valid.tbx"),
    ("tbx", "v3", "samples", "ltac-test-files", "basic_good.tbx"),
    ("tbx", "v3", "samples", "ltac-test-files", "min_good.tbx"),
    ("tbx", "v3", "samples", "ltac-test-files", "core_structure_good.tbx"),
    ("tbx", "v3", "samples", "ltac-test-files", "basic_bad.tbx"),  # dialect rules only
    ("tbx", "v3", "samples", "ltac-test-files", "min_bad.tbx"),
    ("tbx", "fixtures-own", "zh-en_TBX-Basic_V4-style_rich.tbx"),
    ("tbx", "fixtures-own", "zh-en_TBX-Basic_v2_minimal.tbx"),
    ("tbx", "fixtures-own", "zh-en_TBX-Basic_v2_rich.tbx"),
    ("tbx", "fixtures-own", "zh-en_TBX-Basic_v3_minimal.tbx"),
    ("tbx", "fixtures-own", "zh-en_TBX-Basic_v3_rich.tbx"),
    ("external", "tbx", "kde-cn-lokalize-terms.en-US_zh-CN.tbx"),
    ("external", "tbx", "tbx3-basic-dca-astronomy-example.tbx"),
]


@pytest.mark.parametrize("parts", VALID_SAMPLES, ids=lambda p: p[-1])
def test_every_valid_sample_reads_every_entry(parts):
    path = shared(*parts)
    entries, _ = _read(path)
    assert len(entries) == _entry_count(path)
    assert all(e.terms for e in entries) or parts[-1].startswith("kde")


def test_rich_fixture_maps_every_field():
    (entry,), warnings = _read(shared("tbx", "fixtures-own", "zh-en_TBX-Basic_v2_rich.tbx"))
    zh = entry.terms_in("zh")
    assert [(t.text, t.status) for t in zh] == [("数据库", "preferred"), ("资料库", "deprecated")]
    db, abbreviation = entry.terms_in("en")
    assert (db.text, db.context, db.source, db.part_of_speech) == (
        "database", "The database stores all user records.", "User guide, ch. 2", "noun")
    assert (abbreviation.type, abbreviation.status, abbreviation.note) == ("abbreviation", "admitted", "Use only in UI labels.")
    assert entry.category == "Information technology" and entry.updated == "2025-03-01"
    assert entry.definition.startswith("按照数据结构")
    assert "customerSubset: ACME" in entry.note  # data categories without a field stay readable


def test_v3_dct_style_reads_module_elements():
    entries, _ = _read(shared("tbx", "v3", "samples", "TBX-Basic_Example_Astronomy_DCT_VALID.tbx"))
    assert any(e.category for e in entries)
    assert any(t.part_of_speech for e in entries for t in e.terms)


def test_v3_dct_style_keeps_the_entry_dates_as_the_dca_style_does():
    """DCT style writes the transaction type as <basic:transactionType>, DCA as <transac type=...>: only the
    DCA one was read, so the same 45 astronomy entries lost their dates (2010-04-17, 2010-05-01) in DCT."""
    dct, _ = _read(shared("tbx", "v3", "samples", "TBX-Basic_Example_Astronomy_DCT_VALID.tbx"))
    dca, _ = _read(shared("tbx", "v3", "samples", "TBX-Basic_Example_Astronomy_DCA_VALID.tbx"))
    assert (dca[0].created, dca[0].updated) == ("2010-04-17", "2010-05-01")
    assert [(e.created, e.updated) for e in dct] == [(e.created, e.updated) for e in dca]


def test_what_a_transaction_holds_beyond_its_type_and_date_is_reported_not_kept():
    """The person responsible for a change (<transacNote type="responsibility">) and transactions on a
    language section or term have no field in the termbase; they were dropped without a word, while every
    other element left out is reported."""
    _, rich = _read(shared("tbx", "fixtures-own", "zh-en_TBX-Basic_v2_rich.tbx"))
    assert rich.lines() == ["responsibility of a transaction not kept (1×, first at line 25)"]
    _, sample = _read(shared("tbx", "v2", "basic", "samples", "TBX-basic-sample.tbx"))
    assert "<transacGrp> of a term not kept (the termbase dates whole entries) (2×, first at line 201)" in sample.lines()


@pytest.mark.parametrize(("parts", "message"), [
    (("tbx", "v2", "basic", "samples", "tbx_basic_sample_notwellformed.tbx"), "line 45, column 16: Opening and ending tag mismatch"),
    (("tbx", "v3", "samples", "ltac-test-files", "poorly_formed_xml.tbx"), "line 42, column 16"),
    (("tbx", "v2", "basic", "samples", "tbx_basic_sample_badelement.tbx"), "line 39: unknown element <transaction>"),
    (("tbx", "v2", "basic", "samples", "tbx_basic_sample_badelementorder.tbx"), "line 77: <term> directly inside <langSet>"),
    (("tbx", "v3", "samples", "ltac-test-files", "core_structure_bad.tbx"), "holds 2 <term> elements"),
], ids=lambda p: p[-1] if isinstance(p, tuple) else "")
def test_broken_samples_are_rejected_with_the_place(parts, message):
    with pytest.raises(FormatError, match=message) as info:
        _read(shared(*parts))
    assert str(info.value).startswith(f"{shared(*parts)}: line ")  # the path as given
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------- hostile XML
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE martif [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry><langSet xml:lang="en"><tig><term>&lol2;</term></tig></langSet></termEntry></body></text></martif>
"""


def test_billion_laughs_is_refused_without_expansion(tmp_path):
    path = tmp_path / "lol.tbx"
    path.write_text(BILLION_LAUGHS)
    with pytest.raises(FormatError, match=r"lol.tbx: line 3: the DOCTYPE declares entities; refused"):
        _read(path)


def test_xxe_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    path = tmp_path / "xxe.tbx"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<martif type="TBX" xml:lang="en"><text><body><termEntry><langSet xml:lang="en"><tig>'
        "<term>&xxe;</term></tig></langSet></termEntry></body></text></martif>\n"
    )
    with pytest.raises(FormatError, match="declares entities"):
        _read(path)


def test_external_dtd_is_never_fetched(tmp_path):
    """A DOCTYPE naming a DTD on a (local) server: the file imports and the server sees no request."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.5)
    port = server.getsockname()[1]
    hits = []

    def accept() -> None:
        try:
            hits.append(server.accept())
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    path = tmp_path / "dtd.tbx"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "http://127.0.0.1:{port}/TBXcoreStructV02.dtd">\n'
        '<martif type="TBX" xml:lang="en"><text><body><termEntry><langSet xml:lang="zh-CN"><tig><term>数据库</term>'
        '</tig></langSet><langSet xml:lang="en"><tig><term>database</term></tig></langSet></termEntry>'
        "</body></text></martif>\n"
    )
    try:
        entries, _ = _read(path)
    finally:
        thread.join()
        server.close()
    assert [t.text for t in entries[0].terms] == ["数据库", "database"]
    assert hits == []


def test_external_dtd_entities_are_not_resolved(tmp_path):
    (tmp_path / "evil.dtd").write_text('<!ENTITY secret "LEAKED">')
    path = tmp_path / "ref.tbx"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "evil.dtd">\n<martif type="TBX" xml:lang="en"><text><body>'
        '<termEntry><langSet xml:lang="en"><tig><term>a &secret; b</term></tig></langSet></termEntry>'
        "</body></text></martif>\n"
    )
    try:
        entries, _ = _read(path)
    except FormatError as exc:
        assert "line 3" in str(exc)
    else:
        assert "LEAKED" not in entries[0].terms[0].text


def test_not_tbx_and_empty(tmp_path):
    html = tmp_path / "page.tbx"
    html.write_text("<html><body><p>hi</p></body></html>")
    with pytest.raises(FormatError, match=r"page.tbx: line 1: root element <html> is not TBX"):
        _read(html)
    for suffix in (".tbx", ".csv", ".tsv", ".jsonl"):
        empty = tmp_path / f"empty{suffix}"
        empty.write_bytes(b"")
        with pytest.raises(InputError, match=f"empty{suffix}: the file is empty"):
            _read(empty)


# ---------------------------------------------------------------- CSV, TSV, XLSX, JSONL
def test_csv_layout_and_round_trip(tmp_path):
    text = _written("csv")
    assert text.startswith("\ufeffzh-CN,en,is,zh-Hant,status,category,note,definition,")
    path = _write_file(tmp_path, "csv", ".csv")
    back, _ = _read(path)
    first = back[0]
    assert [t.text for t in first.terms_in("en")] == [
        "import prevention", "preventing imported cases", "guarding against imported cases"]
    assert first.terms_in("en")[2].status == "deprecated"
    assert first.status == "approved" and first.category == "policy"
    assert [(t.text, t.script) for t in first.terms_in("zh")] == [("外防输入", None), ("外防輸入", "Hant")]
    assert back[2].note == "Line one.\nLine two & more <tags>."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"])
def test_csv_encodings_are_detected(tmp_path, encoding):
    rows = "zh,en\n领事保护,consular protection\n外交部,Ministry of Foreign Affairs\n"
    if encoding == "big5":
        rows = "zh,en\n領事保護,consular protection\n外交部,Ministry of Foreign Affairs\n"
    path = tmp_path / "g.csv"
    path.write_bytes(rows.encode(encoding))
    entries, _ = _read(path)
    assert [e.terms[0].text for e in entries] == [line.split(",")[0] for line in rows.splitlines()[1:]]


def test_csv_mixed_encoding_names_the_line(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes("zh,en\n领事保护,consular protection\n".encode() + "外交部,MFA\n".encode("gb18030"))
    with pytest.raises(InputError, match=r"mixed.csv: line 3: bytes that are not valid UTF-8"):
        _read(path)
    legacy = tmp_path / "legacy.csv"
    gb_rows = "zh,en\n" + "领事保护,consular protection\n外交部,Ministry of Foreign Affairs\n" * 20
    legacy.write_bytes(gb_rows.encode("gb18030") + "国务院,State Council\n".encode())
    with pytest.raises(InputError, match=r"legacy.csv: line 42: bytes that are not valid GB18030"):
        _read(legacy)


def test_csv_ragged_rows_and_unknown_headers(tmp_path):
    short = tmp_path / "short.csv"
    short.write_text("en,zh_CN,pos,description\nlog off,注销\n")  # the Microsoft layout: short rows are fine
    (entry,), _ = _read(short)
    assert [(t.lang, t.text) for t in entry.terms] == [("en", "log off"), ("zh", "注销")]
    long = tmp_path / "long.csv"
    long.write_text("zh,en\n数据库,data,base\n")
    with pytest.raises(FormatError, match=r"long.csv: line 2: 3 fields but the header has 2"):
        _read(long)
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("Begriff;Benennung\nA;B\n")
    with pytest.raises(FormatError, match=r"unknown.csv: line 1: no column names a language \(found 'Begriff', 'Benennung'\)"):
        _read(unknown)


def test_csv_headers_map_to_languages(tmp_path):
    path = tmp_path / "named.csv"
    path.write_text("中文;English;English_Abbr;Notes\n香港金融管理局;Hong Kong Monetary Authority;HKMA;regulator\n")
    (entry,), _ = _read(path)
    assert [(t.lang, t.text, t.type) for t in entry.terms] == [
        ("zh", "香港金融管理局", "fullForm"), ("en", "Hong Kong Monetary Authority", "fullForm"), ("en", "HKMA", "acronym")]
    assert entry.note == "regulator"
    roles = tmp_path / "roles.csv"
    roles.write_text("source\ttarget\ncontrol\t控制\n")
    (entry,), _ = _read(roles)
    assert [(t.lang, t.text) for t in entry.terms] == [("en", "control"), ("zh", "控制")]
    assert parse_lang("zh_TW") == ("zh", "Hant") and parse_lang("ug-cn") == ("ug-CN", None)
    assert header_lang("Chinese (Traditional)") == ("zh", "Hant") and header_lang("note") is None


def test_real_csv_glossaries():
    ms, warnings = _read(shared("external", "ms-terminology-zh-cn", "Termbase.csv"))
    assert len(ms) == 28620 and all(len(e.terms) == 2 for e in ms[:50])
    hk, _ = _read(shared("external", "hk-ogcio-it-glossary", "hkglossary.csv"))
    assert len(hk) == 1421
    assert any(t.type == "acronym" for e in hk for t in e.terms)
    assert all(t.script == "Hant" for e in hk[:20] for t in e.terms_in("zh") if t.text != "".join(t.text.split()) or True)


def test_omegat_and_csv_fixtures():
    omegat, _ = _read(shared("tbx", "fixtures-own", "zh-en_glossary_omegat.utf8"))
    assert [[(t.lang, t.text) for t in e.terms] for e in omegat] == [
        [("zh", "数据库"), ("en", "database")], [("zh", "资料库"), ("en", "database")]]
    assert omegat[1].note == "TW variant, deprecated"
    csv_entries, _ = _read(shared("tbx", "fixtures-own", "zh-en_glossary_utf8bom.csv"))
    assert [e.terms[0].text for e in csv_entries] == ["数据库", "资料库"]


def test_omegat_export_one_line_per_rendering():
    lines = [line.split("\t") for line in _written("tsv").splitlines() if not line.startswith("#")]
    first = [line for line in lines if line[0] in ("外防输入", "外防輸入")]
    assert first[0][:2] == ["外防输入", "import prevention"]
    assert ["外防输入", "preventing imported cases"] == first[1][:2] and first[1][2].startswith("admitted")
    assert first[2][2].startswith("deprecated: do not use")
    assert ["外防輸入", "import prevention"] == first[3][:2]
    assert all(len(line) == 3 for line in lines)


def test_a_file_refused_in_one_format_names_the_format_its_content_looks_like(tmp_path):
    """JSON Lines saved as .txt (read as OmegaT by its extension), a CSV read with --format tbx: the error
    named only the failed line; it now also names the format the content looks like. A file that is
    broken in its own format gets no such hint, and neither does an error after the first entry."""
    jsonl = tmp_path / "all.txt"
    jsonl.write_text(_written("jsonl"), encoding="utf-8")
    with pytest.raises(FormatError, match=rf"^{re.escape(str(jsonl))}: line 1: no tab between the source and target terms "
                                          r"\(the content looks like jsonl: give --format jsonl\)$"):
        _read(jsonl)
    assert len(_read(jsonl, "jsonl")[0]) == len(rich_entries())
    csv_path = shared("tbx", "fixtures-own", "zh-en_glossary_utf8bom.csv")
    with pytest.raises(FormatError, match=r"\(the content looks like csv: give --format csv\)$"):
        _read(csv_path, "tbx")
    with pytest.raises(FormatError) as broken:
        _read(shared("tbx", "v3", "samples", "ltac-test-files", "poorly_formed_xml.tbx"))
    assert "looks like" not in broken.value.message
    document = tmp_path / "report.txt"  # a document, not a glossary: nothing marks a format, so no guess
    document.write_text("江州市人民政府外事办公室2023年工作总结\nSummary of the work\n", encoding="utf-8")
    with pytest.raises(FormatError) as prose:
        _read(document)
    assert prose.value.message == f"{document}: line 1: no tab between the source and target terms"
    late = tmp_path / "late.tsv"
    late.write_text("数据库\tdatabase\n" * 300 + "重试 try again\n", encoding="utf-8")
    with pytest.raises(FormatError) as no_tab:
        _read(late)
    assert no_tab.value.message == f"{late}: line 301: no tab between the source and target terms"


def test_omegat_glossary_without_chinese_names_the_fix_not_line_0(tmp_path):
    """An OmegaT file has no header, so with no Chinese column the languages are unknown: the error said
    "line 0" and "head them"; it says what to add, and the header it suggests is read. Our own export
    of such a termbase could not be imported back; it now names its languages in a comment."""
    path = tmp_path / "is.tsv"
    path.write_text("eyðni\tAIDS\t\nalnæmi\tacquired immune deficiency syndrome\t\n", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        _read(path)
    assert caught.value.message == (
        f"{path}: cannot tell the languages of the source and target columns (neither holds Chinese); make the "
        "first line name them with language codes, such as is<TAB>en<TAB>comment")
    path.write_text("is\ten\tcomment\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    entries, _ = _read(path)
    assert [[(t.lang, t.text) for t in e.terms] for e in entries] == [
        [("is", "eyðni"), ("en", "AIDS")], [("is", "alnæmi"), ("en", "acquired immune deficiency syndrome")]]
    # our own export of a termbase without Chinese names its pair in a comment OmegaT skips, and reads back
    out = io.StringIO()
    entries = [Entry(terms=tuple(e.terms), status="approved") for e in entries]
    assert write_glossary(entries, "tsv", out, [("is", None), ("en", None)]) == 2
    assert out.getvalue().splitlines()[1] == "# languages: is en"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert [e.terms for e in _read(path)[0]] == [e.terms for e in entries]


def test_omegat_comment_keeps_line_breaks_and_backslashes(tmp_path):
    r"""A multi-line note is one OmegaT line with \n between its lines (OmegaT shows the comment as
    written); a backslash of the note that could be read as part of one is doubled, so a Windows path
    or a regular expression comes back as it was."""
    note = "Line one.\nSee C:\\new\\\nregex \\d+ and \\\\n, end\\"
    entry = Entry(terms=(Term("zh", "数据库"), Term("en", "database")), status="approved", note=note)
    line = _written("tsv", [entry]).splitlines()[1]
    assert line == "数据库\tdatabase\tLine one.\\nSee C:\\\\new\\\\\\nregex \\d+ and \\\\\\\\n, end\\\\"
    (back,), _ = _read(_write_file(tmp_path, "tsv", ".tsv", [entry]))
    assert back.note == note


def test_xlsx_round_trip(tmp_path):
    path = _write_file(tmp_path, "xlsx", ".xlsx")
    back, _ = _read(path)
    assert len(back) == len(rich_entries())
    assert [t.text for t in back[1].terms_in("en")] == ["Hong Kong Monetary Authority", "HKMA"]
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a zip")
    with pytest.raises(FormatError, match="broken.xlsx: not an Excel .xlsx workbook"):
        _read(broken)


def test_jsonl_lines_carry_summary_and_full_model(tmp_path):
    import json

    lines = [json.loads(line) for line in _written("jsonl").splitlines()]
    first = lines[0]
    assert {"id", "zh", "en", "zh_variants", "en_variants", "status", "category", "score", "sources"} <= set(first)
    assert (first["zh"], first["en"]) == ("外防输入", "import prevention")
    assert first["zh_variants"] == ["外防輸入"] and len(first["en_variants"]) == 2
    assert first["terms"][0]["context"] == "口岸城市把外防输入放在首位。" and first["definition"]
    path = _write_file(tmp_path, "jsonl", ".jsonl")
    back, _ = _read(path)
    assert [e.terms for e in back] == [e.terms for e in rich_entries()]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"zh": "a", "en": "b"}\n{"zh": broken\n')
    with pytest.raises(FormatError, match=r"bad.jsonl: line 2, column 8: not JSON"):
        _read(bad)


def test_jsonl_summary_only_lines_are_accepted(tmp_path):
    path = tmp_path / "mined.jsonl"
    path.write_text('{"id": 3, "zh": "外防输入", "en": "import prevention", "zh_variants": [], '
                    '"en_variants": ["preventing imported cases"], "status": "candidate", "score": 0.8}\n')
    (entry,), _ = _read(path)
    assert entry_summary(entry)["en_variants"] == ["preventing imported cases"]
    assert entry.status == "candidate" and entry.id == 3


def test_unusable_language_sections_are_skipped_with_a_warning(tmp_path):
    path = tmp_path / "langs.tbx"
    path.write_text(
        '<martif type="TBX" xml:lang="en"><text><body><termEntry><langSet xml:lang="??"><tig><term>x</term></tig>'
        '</langSet><langSet xml:lang="en"><tig><term>y</term></tig></langSet></termEntry></body></text></martif>'
    )
    (entry,), warnings = _read(path)
    assert [t.text for t in entry.terms] == ["y"]
    assert "unusable xml:lang '??'" in warnings.lines()[0]


def test_writers_escape_markup():
    entry = Entry(terms=(Term("zh", "a<b>&c"), Term("en", 'x "y" & z\x01')), id=7)
    xml = _written("tbx", [entry])
    assert "<term>a&lt;b&gt;&amp;c</term>" in xml and '<termEntry id="c7">' in xml
    etree.fromstring(xml.encode(), SAFE)


def test_omegat_glossary_headed_by_language_codes_keeps_its_comment_column(tmp_path):
    """A header of two language codes (zh-CN<TAB>en) named two columns, so every row with OmegaT's third,
    comment column was refused: `line 2: 3 fields but the header has 2`. The comment column stays."""
    original = shared("tbx", "fixtures-own", "zh-en_glossary_omegat.utf8")
    headed = tmp_path / "headed.tsv"
    headed.write_text("zh-CN\ten\n" + original.read_text(encoding="utf-8"), encoding="utf-8")
    expected, _ = _read(original, "tsv")
    assert expected[1].note == "TW variant, deprecated"
    assert _read(headed)[0] == expected
