"""Reading drafts: TSV, XLIFF 1.2 / 2.0 (and SDL / memoQ flavours), TMX; bad and hostile input."""

from __future__ import annotations

import pytest
from conftest import shared

from glossary.check.readers import draft_format, read_draft
from glossary.errors import FormatError, InputError

BILINGUAL = shared("tbx", "fixtures-own", "bilingual")


def segments(path):
    return [(s.id, s.source, s.target) for s in read_draft(path)]


@pytest.mark.parametrize("name", ["zh-en_draft.tsv", "zh-en_draft.tmx14b.tmx"])
def test_tsv_and_tmx_fixtures(name):
    found = segments(BILINGUAL / name)
    assert [(s, t) for _, s, t in found] == [
        ("请备份数据库。", "Back up the database."), ("数据库已损坏。", "The data base is corrupt.")]


@pytest.mark.parametrize("name, ids", [
    ("zh-en_draft.xliff12.xlf", ["1", "2/1", "2/2"]), ("zh-en_draft.xliff20.xlf", ["u1", "u2/s1", "u2/s2"])])
def test_xliff_fixtures_split_into_segments_and_skip_untranslatable_units(name, ids):
    found = list(read_draft(BILINGUAL / name))
    assert [s.id for s in found] == ids
    assert [s.source for s in found] == ["请备份数据库。", "数据库已损坏。", "点击重试。"]
    assert found[0].target == "Back up the database."
    assert found[0].target_breaks == (12, 20)  # the inline code around "database"
    assert found[2].target_breaks == (6,) and found[2].source_breaks == (2,)


def test_tsv_line_without_tab_names_the_line(tmp_path):
    path = tmp_path / "draft.tsv"
    path.write_text("数据库\tdatabase\n\n数据库已损坏 The database is corrupt\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"draft.tsv: line 3: no tab"):
        list(read_draft(path))


def test_tsv_header_is_skipped_and_extra_columns_ignored(tmp_path):
    path = tmp_path / "draft.tsv"
    path.write_text("zh-CN\ten-US\tnote\n数据库\tdatabase\tok\n", encoding="utf-8")
    assert segments(path) == [("2", "数据库", "database")]


def test_tsv_in_utf16_with_bom(tmp_path):
    path = tmp_path / "draft.tsv"
    path.write_bytes("数据库\tdatabase\r\n".encode("utf-16"))
    assert segments(path) == [("1", "数据库", "database")]


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-8-sig"])
def test_tsv_in_the_encodings_ingestion_detects(tmp_path, encoding):
    path = tmp_path / "draft.tsv"
    path.write_bytes("資料庫已損壞\tThe database is corrupt\n".encode(encoding))
    assert segments(path) == [("1", "資料庫已損壞", "The database is corrupt")]


def test_tsv_in_an_unknown_encoding_is_a_one_line_error(tmp_path):
    path = tmp_path / "draft.tsv"
    path.write_bytes(b"abc\tdef\n\xff\xfe\xfa\xff\tx\n")
    with pytest.raises(InputError, match=r"draft.tsv: undecodable bytes at offset 8"):
        list(read_draft(path))


def test_malformed_xml_names_line_and_column(tmp_path):
    path = tmp_path / "draft.xlf"
    path.write_text('<?xml version="1.0"?>\n<xliff version="1.2">\n<file><body>\n'
                    '<trans-unit id="1"><source>数据库</source><target>database</source>\n', encoding="utf-8")
    with pytest.raises(FormatError, match=r"draft.xlf: line 4, column \d+: .*mismatch"):
        list(read_draft(path))


def test_entities_are_never_expanded_and_dtds_never_fetched(tmp_path):
    path = tmp_path / "evil.xlf"
    path.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE xliff [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>\n'
        '<xliff version="1.2"><file><body><trans-unit id="1"><source>数据库&c;</source>'
        '<target>database&ext;</target></trans-unit></body></file></xliff>\n', encoding="utf-8")
    with pytest.raises(FormatError, match="evil.xlf: line 2: the DOCTYPE declares entities; refused"):
        segments(path)  # refused like `glossary import` does: nothing expanded, nothing fetched


def test_sdlxliff_segments_inside_group_and_g_tags(tmp_path):
    path = tmp_path / "manual.docx.sdlxliff"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" '
        'version="1.2" sdl:version="1.0"><file original="manual.docx" source-language="zh-CN" '
        'target-language="en-US" datatype="x-sdlfilterframework2"><header/><body>'
        '<group><trans-unit translate="no" id="a"><source><x id="0"/></source></trans-unit>'
        '<trans-unit id="7"><source><g id="1">数据库已损坏。</g>请重试。</source>'
        '<seg-source><g id="1"><mrk mtype="seg" mid="3">数据库已损坏。</mrk></g><mrk mtype="seg" mid="4">请重试。</mrk>'
        '</seg-source><target><g id="1"><mrk mtype="seg" mid="3">The database is corrupt.</mrk></g>'
        '<mrk mtype="seg" mid="4">Please <g id="2">try</g> again.</mrk></target>'
        '<sdl:seg-defs><sdl:seg id="3" conf="Translated"/></sdl:seg-defs></trans-unit></group></body></file></xliff>',
        encoding="utf-8")
    found = list(read_draft(path))
    assert [(s.id, s.source, s.target) for s in found] == [
        ("7/3", "数据库已损坏。", "The database is corrupt."), ("7/4", "请重试。", "Please try again.")]


def test_mqxliff_native_code_content_is_dropped(tmp_path):
    path = tmp_path / "doc.mqxliff"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff"><file>'
        '<body><trans-unit id="1" mq:status="Confirmed"><source xml:space="preserve">'
        '<bpt id="1" ctype="bold">{}</bpt>数据库<ept id="1">{}</ept>已损坏。</source>'
        '<target xml:space="preserve"><bpt id="1" ctype="bold">{}</bpt>Database<ept id="1">{}</ept> corrupt.</target>'
        '</trans-unit></body></file></xliff>', encoding="utf-8")
    [seg] = read_draft(path)
    assert (seg.source, seg.target, seg.target_breaks) == ("数据库已损坏。", "Database corrupt.", (8,))


@pytest.mark.parametrize("content, message", [
    ("<html><body/></html>", "neither XLIFF nor TMX"),
    ("just some words without tabs\n", "unknown draft format"),
])
def test_unknown_formats_are_refused(tmp_path, content, message):
    path = tmp_path / "draft.dat"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        draft_format(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_draft(tmp_path / "nope.tsv"))


def test_tmx_written_from_english_still_reads_chinese_as_the_source(tmp_path):
    path = tmp_path / "en-zh.tmx"
    path.write_text(
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="en-US" segtype="sentence" o-tmf="x" '
        'adminlang="en" datatype="plaintext" creationtool="t" creationtoolversion="1"/><body>'
        '<tu><tuv lang="EN-US"><seg>The database</seg></tuv><tuv xml:lang="ZH-CN"><seg>数据库</seg></tuv></tu>'
        '</body></tmx>', encoding="utf-8")
    assert segments(path) == [("1", "数据库", "The database")]


XLIFF12_GROUPS = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.docx" '
    'source-language="zh-CN" target-language="en" datatype="plaintext"><body>'
    '<trans-unit id="1"><source>请备份数据库。</source><target>Back up the datastore.</target></trans-unit>'
    '<group id="legal" translate="no">'
    '<trans-unit id="2"><source>版权所有。</source><target>版权所有。</target></trans-unit>'
    '<group id="nested"><trans-unit id="3"><source>数据库</source><target>data bank</target></trans-unit></group>'
    '<trans-unit id="4" translate="yes"><source>请重试。</source><target>Retry.</target></trans-unit>'
    '</group>'
    '<trans-unit id="5"><source>数据库已损坏。</source><target>The database is corrupt.</target></trans-unit>'
    '</body></file></xliff>'
)
XLIFF20_GROUPS = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN" trgLang="en">'
    '<file id="f1"><unit id="u1"><segment><source>请备份数据库。</source><target>Back up the datastore.</target>'
    '</segment></unit>'
    '<group id="g1" translate="no"><unit id="u2"><segment><source>版权所有。</source><target>版权所有。</target>'
    '</segment></unit><group id="g2"><unit id="u3"><segment><source>数据库</source><target>data bank</target>'
    '</segment></unit></group>'
    '<unit id="u4" translate="yes"><segment><source>请重试。</source><target>Retry.</target></segment></unit></group>'
    '<unit id="u5"><segment><source>数据库已损坏。</source><target>The database is corrupt.</target></segment></unit>'
    '</file><file id="f2" translate="no"><unit id="u6"><segment><source>数据库</source><target>DB</target>'
    '</segment></unit></file></xliff>'
)


@pytest.mark.parametrize("text, ids", [(XLIFF12_GROUPS, ["1", "4", "5"]), (XLIFF20_GROUPS, ["u1", "u4", "u5"])],
                         ids=["xliff12", "xliff20"])
def test_translate_no_on_a_group_or_file_is_inherited_by_its_units(tmp_path, text, ids):
    from glossary.check import CheckGlossary, check_segments
    from glossary.models import Entry, Term

    path = tmp_path / "draft.xlf"
    path.write_text(text, encoding="utf-8")
    assert [s.id for s in read_draft(path)] == ids  # nested groups inherit; an explicit "yes" wins
    glossary = CheckGlossary([Entry((Term("zh", "数据库"), Term("en", "database")), status="approved", id=1)])
    result = check_segments(read_draft(path), glossary, name=path.name)
    assert [(f.kind, f.segment) for f in result.issues] == [("missing", ids[0])]  # nothing from the locked units
