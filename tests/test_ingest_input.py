"""Encodings, formats and bad input for `glossary.ingest` (files made in tmp_path)."""

import hashlib
import os
import textwrap
import tracemalloc

import pytest
from conftest import shared

from glossary.errors import IngestError
from glossary.ingest import CENSOR_MARK, find_input_files, read_document
from glossary.ingest.clean import (
    breadcrumb, footer, keyword_spam, link_list, mark_censored, remove_lost_characters, strip_pinyin_annotations,
)
from glossary.ingest.decode import CHUNK_SIZE, SAMPLE_SIZE
from glossary.keys import has_cjk

SIMPLIFIED = "市政府外事办公室积极推进国际友好城市交流合作，服务全市高质量发展。"
TRADITIONAL = "香港特別行政區政府與內地省市加強經貿合作，推動區域協調發展。"
ENGLISH = "The Foreign Affairs Office promoted exchanges with international sister cities."


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- encodings
@pytest.mark.parametrize(
    ("codec", "text", "expected"),
    [
        ("utf-8", SIMPLIFIED, "utf-8"),
        ("utf-8-sig", SIMPLIFIED, "utf-8"),
        ("utf-16", TRADITIONAL, "utf-16"),
        ("gbk", SIMPLIFIED, "gb18030"),
        ("gb18030", TRADITIONAL, "gb18030"),
        ("big5", TRADITIONAL, "big5"),
    ],
)
def test_encodings_detected(tmp_path, codec, text, expected):
    path = write(tmp_path, "doc.txt", f"{text}\n\n{ENGLISH}\n".encode(codec))
    doc = read_document(path)
    assert doc.encoding == expected
    assert [p.lang for p in doc.paragraphs] == ["zh", "en"]
    assert doc.paragraphs[0].original == text
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_big5_not_mistaken_for_gb18030(tmp_path):
    """Big5 bytes usually decode as GB18030 too; the plausibility score must pick Big5."""
    raw = (TRADITIONAL * 3).encode("big5")
    raw.decode("gb18030")  # the trap: this does not fail
    doc = read_document(write(tmp_path, "big5.txt", raw))
    assert doc.encoding == "big5" and doc.script == "Hant"


# ---------------------------------------------------------------- bad input
def test_empty_file(tmp_path):
    with pytest.raises(IngestError, match=r"empty\.txt: empty file"):
        read_document(write(tmp_path, "empty.txt", b""))


def test_blank_file(tmp_path):
    with pytest.raises(IngestError, match=r"blank\.txt: no text left"):
        read_document(write(tmp_path, "blank.txt", b" \n\n\t\n"))


def test_binary_file(tmp_path):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(IngestError, match=r"image\.txt: binary file \(NUL byte at offset 8\)"):
        read_document(write(tmp_path, "image.txt", data))


def test_control_characters_mean_binary(tmp_path):
    data = (b"abc\x01\x02\x03\x04\x05\x06\x07\x0e\x0f" * 50)
    with pytest.raises(IngestError, match=r"ctl\.txt: binary file"):
        read_document(write(tmp_path, "ctl.txt", data))


def test_undecodable_bytes_name_the_offset(tmp_path):
    data = b"plain start " + bytes([0x80, 0xFF, 0xFE, 0x81]) * 20
    with pytest.raises(IngestError, match=r"bad\.txt: undecodable bytes at offset 12"):
        read_document(write(tmp_path, "bad.txt", data))


def test_a_gbk_file_with_a_corrupt_byte_names_that_byte(tmp_path):
    """A GB18030 document broken after some text: the offset is the bad byte's, where the legacy
    encoding stops reading, not the first byte UTF-8 could not read (offset 0)."""
    doc = read_document(shared("corpus", "002_723aec7c0dc06fa0.txt"))
    head = "\n".join(p.original for p in doc.paragraphs[:3]).encode("gb18030")
    path = write(tmp_path, "gbk.txt", head + b"\xff\xff\xff" + head)
    with pytest.raises(IngestError, match=rf"gbk\.txt: undecodable bytes at offset {len(head)} .*GB18030 reads up to there"):
        read_document(path)


def test_undecodable_bytes_after_the_sample(tmp_path):
    """A file that starts as UTF-8 and breaks beyond the detection sample: error with the offset."""
    head = (ENGLISH + "\n").encode() * (SAMPLE_SIZE // len(ENGLISH) + 10)
    path = write(tmp_path, "late.txt", head + b"\xff\xfe broken\n")
    with pytest.raises(IngestError, match=rf"late\.txt: undecodable bytes at offset {len(head)} \(not valid utf-8\)"):
        read_document(path)


def test_permission_denied(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", ENGLISH.encode())
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the open fail the way it would for a user
        real_open = type(path).open

        def denied(self, *args, **kwargs):
            if self.name == "secret.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(type(path), "open", denied)
    with pytest.raises(IngestError, match=r"secret\.txt: permission denied"):
        read_document(path)


def test_missing_path_and_folder_without_text(tmp_path):
    with pytest.raises(IngestError, match=r"nowhere: no such file or folder"):
        find_input_files([tmp_path / "nowhere"])
    (tmp_path / "pics").mkdir()
    write(tmp_path / "pics", "a.png", b"\x89PNG")
    with pytest.raises(IngestError, match=r"pics: no \.txt.* files in this folder"):
        find_input_files([tmp_path / "pics"])
    with pytest.raises(IngestError, match=r"a\.png: unsupported file type"):
        find_input_files([tmp_path / "pics" / "a.png"])


def test_find_input_files_recursive_sorted_once(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel in ("b/c/z.md", "b/a.HTML", "x.txt", ".hidden/y.txt", "b/notes.pdf"):
        write(tmp_path, rel, b"x")
    found = find_input_files([tmp_path, tmp_path / "x.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["x.txt", "b/a.HTML", "b/c/z.md"]


def test_large_file_is_streamed(tmp_path):
    """Several read chunks, a multi-byte character cut by every chunk boundary, flat memory.

    The real 200 MB run is in bench/ingest.py; this checks the same streaming path quickly.
    """
    block = f"{SIMPLIFIED}\n\n{ENGLISH}\n\n".encode()
    count = (3 * CHUNK_SIZE) // len(block) + 1
    path = write(tmp_path, "big.txt", block * count)
    size = path.stat().st_size
    assert size > 3 * CHUNK_SIZE
    tracemalloc.start()
    doc = read_document(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert doc.count_by_lang() == {"zh": count, "en": count}
    assert doc.size == size and doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert all(p.original == SIMPLIFIED for p in doc.paragraphs if p.lang == "zh")
    assert peak < 8 * size  # text and paragraph objects, not copies of the bytes


# ---------------------------------------------------------------- cleaning steps and filters
def test_pinyin_annotations():
    assert strip_pinyin_annotations("在大戰(zhàn)大考中展現(xiàn)責(zé)任") == "在大戰大考中展現責任"
    assert strip_pinyin_annotations("鄉(xiāng)村振興") == "鄉村振興"
    assert strip_pinyin_annotations("張?zhí)阚") == f"張?{CENSOR_MARK}阚"  # its character was lost
    kept = "依托国际传播中心(iChongqing)与行动计划(2020—2022年)和(a)项"
    assert strip_pinyin_annotations(kept) == kept


def test_lost_characters():
    assert remove_lost_characters("取得成效?;回顾") == "取得成效;回顾"
    assert remove_lost_characters("countries?and contribute") == "countries and contribute"
    assert remove_lost_characters("the process? and the plan") == "the process and the plan"
    assert remove_lost_characters("work,? enabled") == "work, enabled"
    assert remove_lost_characters("Nobuyuki, ?Japanese") == "Nobuyuki, Japanese"
    assert remove_lost_characters("深入^县") == "深入县"


def test_garbled_runs_become_one_mark():
    """Characters decoded out of step after a lost byte are marked, the sound text kept."""
    assert remove_lost_characters("取得成效?;仡櫼荒陙?,全市") == f"取得成效{CENSOR_MARK},全市"
    assert remove_lost_characters("的38%??挂邍H合作是全年") == f"的38%{CENSOR_MARK}合作是全年"
    assert remove_lost_characters(strip_pinyin_annotations("為當?shù)乜挂吖ぷ靼l(fā)揮了作用")) == f"為當{CENSOR_MARK}揮了作用"
    assert remove_lost_characters("成效?;全市外事系统") == "成效;全市外事系统"  # nothing rare after it
    assert remove_lost_characters("Is it ready? Yes.") == "Is it ready? Yes."
    assert remove_lost_characters("你去吗?") == "你去吗?"


def test_censor_marks_are_visible_not_guessed():
    assert mark_censored("会见了***一行") == f"会见了{CENSOR_MARK}一行"
    assert mark_censored("met ＊＊ and ×× in") == f"met {CENSOR_MARK} and {CENSOR_MARK} in"
    assert mark_censored("a * b ** c") == "a * b ** c"


def test_line_filters():
    assert keyword_spam("甲乙丙丁_戊己庚辛_壬癸子丑") == "keyword-spam"
    assert keyword_spam("file_name_here, said the report.") is None
    assert link_list("甲县| 乙县| 丙市| 丁区") == "link-list"
    assert link_list("| 行政区划 | Administrative division |") is None
    assert breadcrumb("首页 > 新闻动态") == "breadcrumb"
    assert footer("Copyright © 2024 Some Office. All rights reserved.") == "footer"
    assert footer("京ICP备12345678号") == "footer"
    assert footer("Back to top") == "footer"
    assert footer("The office kept a copy of the agreement.") is None


def test_related_articles_tail_and_censor_in_document(tmp_path):
    text = (
        "重庆举办国际友城合作论坛，来自二十个国家的代表出席，会见了***一行并签署合作备忘录。\n\n"
        "The city hosted the International Sister Cities Cooperation Forum, attended by delegates from twenty countries.\n\n"
        "相关阅读\n某市召开对外开放工作会议部署全年任务\n某区组织企业赴东南亚开展经贸洽谈活动\n"
        "外事部门举办涉外礼仪培训班提升服务水平\n"
    )
    doc = read_document(write(tmp_path, "tail.txt", text.encode()))
    assert [p.lang for p in doc.paragraphs] == ["zh", "en"]
    assert CENSOR_MARK in doc.paragraphs[0].text
    assert [d.reason for d in doc.dropped] == ["related-links"] * 4


def test_short_closing_lines_and_address_blocks_stay(tmp_path):
    text = (
        "审计报告正文说明了基金的财务状况以及本年度的经营成果，并按照有关准则编制。\n\n"
        "审计署\n26楼\n入境事务大楼\n香港湾仔\n"
    )
    doc = read_document(write(tmp_path, "signed.txt", text.encode()))
    assert len(doc.paragraphs) == 5 and not doc.dropped


# ---------------------------------------------------------------- formats
def test_markdown(tmp_path):
    text = (
        "# 政府工作报告\n\n"
        "本报告**回顾**了过去一年的工作，并提出今年的\n主要任务。\n\n"
        "- 推进[陆海新通道](https://example.org)建设\n"
        "- 深化对外交往合作\n\n"
        "```\ncode = 1\n```\n\n"
        "| 中文 | English |\n|---|---|\n| 外事办公室 | Foreign Affairs Office |\n"
    )
    doc = read_document(write(tmp_path, "r.md", text.encode()))
    assert [p.original for p in doc.paragraphs] == [
        "政府工作报告", "本报告回顾了过去一年的工作，并提出今年的主要任务。", "推进陆海新通道建设", "深化对外交往合作",
        "中文", "English", "外事办公室", "Foreign Affairs Office",
    ]
    assert {"code-block", "rule"} <= {d.reason for d in doc.dropped}


def test_html_blocks_without_navigation(tmp_path):
    html = (
        "<html><head><title>站点</title><style>p{color:red}</style></head><body>"
        "<header>网站首页 新闻 关于</header><nav><a>Home</a> | <a>News</a></nav>"
        "<article><header><h1>外事工作\n综述</h1></header><p>今年，市政府外办<b>积极</b>推进对外交往。<br>第二行内容在此。</p>"
        "<p>The Foreign Affairs Office\n   actively promoted exchanges.</p>"
        "<script>var x = '脚本';</script></article><aside>猜你喜欢</aside>"
        "<footer>版权所有 © 2024</footer></body></html>"
    )
    doc = read_document(write(tmp_path, "page.html", html.encode()))
    assert [(p.lang, p.original) for p in doc.paragraphs] == [
        ("zh", "外事工作 综述"), ("zh", "今年，市政府外办积极推进对外交往。"), ("zh", "第二行内容在此。"),
        ("en", "The Foreign Affairs Office actively promoted exchanges."),
    ]
    assert {"html-nav", "html-script", "html-footer", "html-aside"} <= {d.reason for d in doc.dropped}


def test_mixed_line_split_and_width_folding(tmp_path):
    text = "外事大讲堂 Foreign Affairs Lectures\n\nＡＰＥＣ会议在２０２４年举行（第三十一次）。\n"
    doc = read_document(write(tmp_path, "mixed.txt", text.encode()))
    assert [(p.lang, p.original) for p in doc.paragraphs] == [
        ("zh", "外事大讲堂"), ("en", "Foreign Affairs Lectures"), ("zh", "APEC会议在2024年举行（第三十一次）。"),
    ]
    assert doc.paragraphs[0].line == doc.paragraphs[1].line == 1


def test_hard_wrapped_english_is_joined(tmp_path):
    words = ("The municipal government continued to promote high-level opening up and foreign "
             "exchanges with partner cities across the region during the year under review. ") * 4
    lines, line = [], ""
    for word in words.split():
        if len(line) + len(word) > 70:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    lines.append(line)
    text = "\n".join(lines) + "\n\nSecond paragraph.\n"
    doc = read_document(write(tmp_path, "wrapped.txt", text.encode()))
    assert [p.original for p in doc.paragraphs] == [" ".join(words.split()), "Second paragraph."]


def test_text_wrapped_at_hyphens_keeps_its_compounds(tmp_path):
    """000 and 001 hard-wrapped as an editor wraps them (a line may end after a compound's hyphen:
    closed-|loop, director-|general) read back as the same paragraphs; a hyphen that only split a word
    at its ending (manage-|ment) goes."""
    paragraphs = [p.original for name in ("000", "001")
                  for p in read_document(next(shared("corpus").glob(f"{name}_*.txt"))).paragraphs]
    wrapped = ["\n".join(textwrap.wrap(p, 36 if has_cjk(p) else 72)) for p in paragraphs]  # (72 columns)
    assert sum(line.endswith("-") for text in wrapped for line in text.split("\n")) >= 5  # (breaks at hyphens)
    doc = read_document(write(tmp_path, "wrapped.txt", "\n\n".join(wrapped).encode()))
    assert [p.original for p in doc.paragraphs] == paragraphs
    lines = ["The municipal office improved its crisis and emergency manage-",
             "ment and its cooperation with partner cities through closed-",
             "loop procedures for arrivals, with foreign consulates in the",
             "city and with the departments of the municipal government."]
    doc = read_document(write(tmp_path, "split.txt", "\n".join(lines * 2).encode()))
    assert "emergency management and its cooperation with partner cities through closed-loop procedures" \
        in doc.paragraphs[0].original


def test_storing_a_large_file_keeps_memory_flat(tmp_path, tmp_db, monkeypatch):
    """store_reader streams: peak memory stays the same when the file is 4x larger.

    Chunk, sample and batch sizes are scaled down so that a 1 MB file behaves like a
    file hundreds of times larger; the real 200 MB run is in bench/ingest.py.
    """
    import db.documents
    import glossary.ingest.decode
    import glossary.ingest.paragraphs
    from db.documents import store_reader
    from glossary.ingest import DocumentReader

    monkeypatch.setattr(glossary.ingest.decode, "CHUNK_SIZE", 16 * 1024)
    monkeypatch.setattr(glossary.ingest.paragraphs, "WRAP_SAMPLE_LINES", 100)
    monkeypatch.setattr(db.documents, "INSERT_BATCH", 100)
    block = f"{SIMPLIFIED}\n\n{ENGLISH}\n\n".encode()
    peaks, sizes = [], []
    for name, kilobytes in (("small.txt", 256), ("large.txt", 1024)):
        path = write(tmp_path, name, block * (kilobytes * 1024 // len(block)))
        sizes.append(path.stat().st_size)
        tracemalloc.start()
        result = store_reader(tmp_db, DocumentReader(path))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert result.status == "added"
    assert peaks[1] < 1.5 * peaks[0]
    assert peaks[1] < sizes[1] / 2
    stored = tmp_db.execute("SELECT count(*) FROM paragraphs p JOIN documents d ON d.id = p.document_id "
                            "WHERE d.name = 'large.txt'").fetchone()[0]
    assert stored == 2 * (1024 * 1024 // len(block))
