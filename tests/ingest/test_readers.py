"""Each reader on well-formed input: text, structure and metadata come through."""

from __future__ import annotations

import io
import struct
from pathlib import Path
from types import ModuleType

import pytest

from moksori.ingest.limits import Limits
from moksori.ingest.model import Extracted
from moksori.ingest.readers import SUPPORTED_EXTENSIONS, read
from moksori.ingest.readers.hwp import para_text, section_paragraphs

LIMITS = Limits()
KO_PARAGRAPHS = [
    "면담자: 북한에서 어떤 일을 하셨어요?",
    "최한결: 탄광에서 일했어요.\t하루 열두 시간씩이요.",
    "Interviewer: And after you arrived in Seoul?",
]


def texts(doc: Extracted) -> list[str]:
    return [block.text for block in doc.blocks]


def test_supported_extensions() -> None:
    assert set(SUPPORTED_EXTENSIONS) >= {
        ".txt", ".md", ".docx", ".pdf", ".hwpx", ".hwp", ".srt", ".vtt", ".csv", ".html", ".htm"
    }  # fmt: skip


def test_extension_is_matched_case_insensitively(data_dir: Path) -> None:
    (doc,) = read((data_dir / "interview_ko_cp949.txt").read_bytes(), "OLD/NOTES.TXT", LIMITS)
    assert doc.format == "txt"


def test_txt_is_one_block_and_a_web_capture_candidate(data_dir: Path) -> None:
    (doc,) = read((data_dir / "interview_ko_cp949.txt").read_bytes(), "a.txt", LIMITS)
    assert len(doc.blocks) == 1 and doc.blocks[0].kind is None
    assert "두만강이 얼어 있었습니다" in doc.blocks[0].text
    assert doc.encoding == "cp949" and doc.quality == "ok"
    assert doc.web_capture_candidate is True


def test_txt_carries_decode_quality(data_dir: Path) -> None:
    (doc,) = read((data_dir / "damaged_utf8.txt").read_bytes(), "d.txt", LIMITS)
    assert (doc.quality, doc.replaced_chars) == ("damaged", 2)


def test_markdown_title_and_heading_markers(data_dir: Path) -> None:
    (doc,) = read((data_dir / "interview_en.md").read_bytes(), "a.md", LIMITS)
    assert doc.format == "md"
    assert doc.title == "Interview 7: Choi Hangyeol"
    text = doc.blocks[0].text
    assert text.startswith("Interview 7: Choi Hangyeol\n\nBackground\n")
    assert "# not a heading: inside a code fence" in text
    assert doc.web_capture_candidate is True


def test_srt_cues(data_dir: Path) -> None:
    (doc,) = read((data_dir / "interview.srt").read_bytes(), "a.srt", LIMITS)
    cues = doc.blocks
    assert [b.kind for b in cues] == ["cue", "cue", "cue"]
    assert [(b.cue_start_ms, b.cue_end_ms) for b in cues] == [
        (1000, 4500),
        (5000, 9250),
        (62040, 65000),
    ]
    assert (cues[0].speaker, cues[0].text) == ("면담자", "처음 도착했을 때 어땠어요?")
    assert cues[1].speaker == "이은별"
    assert cues[1].text == "모든 게 낯설었어요.\n지하철이 너무 복잡했어요."
    assert (cues[2].speaker, cues[2].text) == (None, "(웃음)")


def test_vtt_cues_voices_and_tags(data_dir: Path) -> None:
    (doc,) = read((data_dir / "interview.vtt").read_bytes(), "a.vtt", LIMITS)
    cues = doc.blocks
    assert len(cues) == 3  # NOTE and STYLE blocks are not cues
    assert (cues[0].cue_start_ms, cues[0].cue_end_ms) == (500, 3000)
    assert (cues[0].speaker, cues[0].text) == ("Interviewer", "How did you & your sister travel?")
    assert cues[1].speaker == "최한결"
    assert cues[1].text == "We took a bus to Yanji,\nthen walked at night."
    assert (cues[1].cue_start_ms, cues[1].cue_end_ms) == (3200, 7000)
    assert (cues[2].speaker, cues[2].text) == ("Interviewer", "Thank you.")


def test_csv_rows_become_documents_with_attributes(data_dir: Path) -> None:
    docs = read((data_dir / "survey.csv").read_bytes(), "survey.csv", LIMITS)
    assert [d.part for d in docs] == ["row 2", "row 4", "row 6"]
    first = docs[0]
    assert first.format == "csv"
    assert first.blocks[0].kind == "row"
    assert first.blocks[0].text == "탈북 후 처음 한 일은 은행 계좌를 만든 것이었어요."
    assert first.attributes == {"respondent": "R01", "age_group": "20대", "arrival_year": "2015"}
    assert docs[2].attributes["notes"] == "multi\nline note"
    assert first.metadata["text_column"] == "응답"
    assert first.metadata["skipped_empty_rows"] == 1


def test_csv_picks_longest_column_and_sniffs_delimiter() -> None:
    data = (
        "id;group;comment\n"
        "1;A;처음에는 남한 말투를 알아듣기 어려웠어요\n"
        "2;B;Work was hard to find without references\n"
    ).encode()
    docs = read(data, "s.csv", LIMITS)
    assert [d.blocks[0].text[:4] for d in docs] == ["처음에는", "Work"]
    assert docs[1].attributes == {"id": "2", "group": "B"}


def test_docx_round_trip(fx: ModuleType) -> None:
    data = fx.make_docx(KO_PARAGRAPHS, title="면담 3", author="연구팀")
    (doc,) = read(data, "interview.docx", LIMITS)
    assert doc.format == "docx"
    assert texts(doc) == KO_PARAGRAPHS
    assert (doc.title, doc.author) == ("면담 3", "연구팀")


def test_docx_table_cells_are_read_in_order() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("표 앞 문단")
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).text = "2015년"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "중국 연길"
    document.add_paragraph("표 뒤 문단")
    buf = io.BytesIO()
    document.save(buf)
    (doc,) = read(buf.getvalue(), "t.docx", LIMITS)
    assert texts(doc) == ["표 앞 문단", "2015년", "중국 연길", "표 뒤 문단"]


def test_hwpx_round_trip(fx: ModuleType) -> None:
    (doc,) = read(fx.make_hwpx(KO_PARAGRAPHS, title="수기"), "memoir.hwpx", LIMITS)
    assert doc.format == "hwpx"
    assert texts(doc) == KO_PARAGRAPHS
    assert doc.title == "수기"


def test_hwpx_table_cells_follow_their_paragraph() -> None:
    from hwpx import HwpxDocument

    document = HwpxDocument.new()
    document.add_paragraph("표 앞")
    table = document.add_table(1, 2)
    table.set_cell_text(0, 0, "셀 하나")
    table.set_cell_text(0, 1, "셀 둘")
    document.add_paragraph("표 뒤")
    (doc,) = read(document.to_bytes(), "t.hwpx", LIMITS)
    assert texts(doc) == ["표 앞", "셀 하나", "셀 둘", "표 뒤"]


def test_hwp_round_trip(fx: ModuleType) -> None:
    paragraphs = [*KO_PARAGRAPHS, "첫 줄\n둘째 줄"]
    (doc,) = read(fx.make_hwp(paragraphs), "counselling.hwp", LIMITS)
    assert doc.format == "hwp"
    assert texts(doc) == paragraphs
    assert (doc.title, doc.author, doc.date) == ("면담 기록", "연구자", "2019-03-14")
    assert doc.quality == "ok"


def test_hwp_fixture_is_valid_for_an_independent_reader(fx: ModuleType) -> None:
    """python-hwpx's own HWP 5.0 reader accepts what the fixture generator writes."""
    from hwpx.hwp5.bodytext import iter_paragraphs
    from hwpx.hwp5.reader import read_hwp5

    parsed = read_hwp5(fx.make_hwp(["가나다", "라\t마"]))
    chunks = [
        [c.text if c.kind == "text" else c.code for c in p.chunks]
        for section in parsed.sections
        for p in iter_paragraphs(section.roots)
    ]
    assert chunks == [["가나다", 13], ["라", 9, "마", 13]]


def _rec(tag: int, level: int, payload: bytes) -> bytes:
    return struct.pack("<I", tag | level << 10 | len(payload) << 20) + payload


def test_hwp_controls_and_skipped_headers() -> None:
    table = struct.pack("<H", 11) + b"tbl "[::-1] + bytes(8) + struct.pack("<H", 11)
    body = "본문".encode("utf-16-le") + table + "끝".encode("utf-16-le") + b"\r\x00"
    assert para_text(body) == "본문끝"
    header_ctrl = b"head"[::-1] + bytes(8)
    stream = (
        _rec(67, 1, "머리말 앞".encode("utf-16-le"))
        + _rec(71, 1, header_ctrl)
        + _rec(67, 3, "쪽 머리말".encode("utf-16-le"))
        + _rec(67, 1, "본문 문단".encode("utf-16-le"))
    )
    assert section_paragraphs(stream) == (["머리말 앞", "본문 문단"], True)
    assert section_paragraphs(stream[:-3]) == (["머리말 앞"], False)


def test_hwpx_package_named_hwp_is_read(fx: ModuleType) -> None:
    (doc,) = read(fx.make_hwpx(["확장자가 틀린 문서"]), "wrong-extension.hwp", LIMITS)
    assert doc.format == "hwpx"
    assert texts(doc) == ["확장자가 틀린 문서"]


def test_pdf_round_trip_keeps_hangul(fx: ModuleType) -> None:
    pages = [
        "면담자: 처음 일자리는 어디였어요?\n최한결: 봉제 공장이었어요.",
        "Second page in English.",
    ]
    (doc,) = read(fx.make_pdf(pages, title="증언 4"), "testimony.pdf", LIMITS)
    assert doc.format == "pdf"
    assert [t.strip() for t in texts(doc)] == pages
    assert doc.title == "증언 4"
    assert doc.metadata["pages"] == 2


def test_pdf_with_owner_password_only_is_read(fx: ModuleType) -> None:
    (doc,) = read(fx.make_pdf(["인쇄만 막힌 문서"], owner_password="owner"), "r.pdf", LIMITS)
    assert texts(doc)[0].strip() == "인쇄만 막힌 문서"


@pytest.mark.parametrize("name", ["a.html", "b.HTM"])
def test_html_is_dispatched_to_the_html_reader(name: str) -> None:
    """Registered even before the HTML reader exists: either it reads, or says why not."""
    from moksori.errors import IngestError

    data = "<html><body><p>탈북 후 첫 겨울</p></body></html>".encode()
    try:
        docs = read(data, name, LIMITS)
    except IngestError as exc:
        assert "not installed" in exc.reason
    else:
        assert any("탈북 후 첫 겨울" in b.text for d in docs for b in d.blocks)


def test_hwp_long_paragraphs_and_big_streams(fx: ModuleType) -> None:
    """Records over 4095 bytes use the extended size field; big streams leave the
    mini stream for regular sectors."""
    # Syllables in a scrambled order, so that the section does not compress away.
    noise = "".join(chr(0xAC00 + (i * 7919) % 11172) for i in range(6000))
    paragraphs = [noise[:3000]] + [noise[i : i + 30] for i in range(3000, 6000, 30)]
    data = fx.make_hwp(paragraphs)
    import olefile

    ole = olefile.OleFileIO(io.BytesIO(data))
    assert ole.get_size("BodyText/Section0") >= 4096
    (doc,) = read(data, "long.hwp", LIMITS)
    assert texts(doc) == paragraphs


def test_decoding_keeps_line_breaks_of_mixed_files() -> None:
    data = "하나\r\n".encode() + "둘\r\n".encode("cp949") + "셋\r".encode() + b"four"
    (doc,) = read(data, "m.txt", LIMITS)
    assert doc.blocks[0].text == "하나\r\n둘\r\n셋\rfour"
    assert doc.quality == "repaired"
