"""Hostile inputs (issue 14 items 5, 9b, 9c): misread encodings, expanding packages,
one-line files. Every one gives one clear outcome and the rest of the batch goes on."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from moksori.errors import FileTooLarge, UnsafeFile
from moksori.ingest.limits import Limits
from moksori.ingest.readers import read
from moksori.ingest.segment import MAX_PASSAGE_CHARS, segment
from moksori.project import Project
from tests.ingest.test_decode import damaged_korean

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NORMAL = "면담자: 고향이 어디세요?\n이은별: 함경북도 무산이에요. 두만강을 건넜어요.\n"


def _bomb_docx(fx: ModuleType, paragraphs: int, run: str = "가나다라마바사 " * 16) -> bytes:
    """A real docx whose document.xml holds ``paragraphs`` copies of one long paragraph:
    tiny compressed, far past any text cap once inflated."""
    body = f'<w:p><w:r><w:t xml:space="preserve">{run}</w:t></w:r></w:p>'.encode()

    def document() -> bytes:
        head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
        return head.encode() + body * paragraphs + b"</w:body></w:document>"

    src = zipfile.ZipFile(io.BytesIO(fx.make_docx(["placeholder"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = document() if info.filename == "word/document.xml" else src.read(info)
            zf.writestr(info.filename, data)
    return out.getvalue()


# --- packages that expand --------------------------------------------------------------
def test_docx_expanding_past_the_text_cap_is_refused_naming_the_file(fx: ModuleType) -> None:
    data = _bomb_docx(fx, paragraphs=20_000)  # ~2.6M characters from ~20 KB
    assert len(data) < 100_000
    limits = Limits(max_text_chars=500_000)
    with pytest.raises(UnsafeFile) as info:
        read(data, "bomb.docx", limits)
    assert str(info.value).startswith("bomb.docx: ")
    assert "zip bomb" in info.value.reason and "characters of text" in info.value.reason


def test_docx_under_the_cap_is_read_by_streaming(fx: ModuleType) -> None:
    (doc,) = read(_bomb_docx(fx, paragraphs=200), "big.docx", Limits(max_text_chars=500_000))
    assert len(doc.blocks) == 200
    assert doc.blocks[0].text.startswith("가나다라마바사 ")


def test_hwpx_expanding_past_the_text_cap_is_refused(fx: ModuleType) -> None:
    data = fx.make_hwpx(["두만강을 건넜습니다. " * 50] * 40)
    with pytest.raises(UnsafeFile) as info:
        read(data, "long.hwpx", Limits(max_text_chars=10_000))
    assert str(info.value).startswith("long.hwpx: ") and "zip bomb" in info.value.reason
    (doc,) = read(data, "long.hwpx", Limits())
    assert len(doc.blocks) == 40


def test_docx_bomb_in_a_batch_is_one_error_and_the_rest_is_added(
    project: Project, tmp_path: Path, fx: ModuleType
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "bomb.docx").write_bytes(_bomb_docx(fx, paragraphs=20_000))
    (folder / "interview.txt").write_text(NORMAL, encoding="utf-8")
    report = project.add([folder], limits=Limits(max_text_chars=500_000), workers=1)
    by_name = {Path(o.source).name: o for o in report.outcomes}
    assert by_name["bomb.docx"].status == "error"
    assert "zip bomb" in by_name["bomb.docx"].message
    assert by_name["interview.txt"].status == "added"
    assert [d.source_name for d in project.documents()] == ["batch/interview.txt"]


# --- encodings that cannot be told apart from damage -----------------------------------
def test_undecodable_file_is_kept_as_bytes_never_read_and_never_scanned(
    project: Project, tmp_path: Path
) -> None:
    odd = "Мы перешли реку ночью. Было холодно.\n".encode("cp1251")
    (tmp_path / "odd.txt").write_bytes(odd)
    (tmp_path / "interview.txt").write_text(NORMAL, encoding="utf-8")
    report = project.add([tmp_path / "odd.txt", tmp_path / "interview.txt"], workers=1)
    odd_outcome, normal = report.outcomes
    assert odd_outcome.status == "error" and normal.status == "added"
    assert odd_outcome.message.startswith("cannot tell how this file's text is encoded")
    assert "bytes are kept" in odd_outcome.message
    (doc_id,) = odd_outcome.document_ids
    stored = project.document(doc_id)
    assert stored.text == "" and stored.segments == []
    assert [d.quality for d in project.documents() if d.id == doc_id] == ["undecodable"]
    assert project.original(doc_id)[1] == odd  # the bytes, exactly
    report_scan = project.deid.scan()
    assert report_scan.skipped == [doc_id] and report_scan.documents == 1
    assert doc_id not in project.deid.findings.unscanned_documents()
    assert project.deid.findings.undecodable_documents() == [doc_id]
    scanned = {int(r[0]) for r in project.conn.execute("SELECT document_id FROM deid_scan")}
    assert doc_id not in scanned
    assert project.deid.scan(documents=[doc_id]).skipped == [doc_id]


def test_damaged_utf8_korean_is_stored_as_utf8_with_its_hangul(
    project: Project, tmp_path: Path
) -> None:
    (tmp_path / "damaged.txt").write_bytes(damaged_korean(72))
    (outcome,) = project.add([tmp_path / "damaged.txt"], workers=1).outcomes
    assert outcome.status == "added"
    (summary,) = project.documents()
    assert summary.quality == "damaged" and summary.encoding == "utf-8"
    text = project.document(summary.id).text
    assert "왔어요" in text and not any("\u0400" <= ch <= "\u04ff" for ch in text)


# --- one-line files ---------------------------------------------------------------------
def _one_line(n_sentences: int, middle: str) -> str:
    sentences = [
        f"{i}번째 이야기입니다. 어머니와 함께 시장에 갔어요. We walked to the river at night."
        for i in range(n_sentences)
    ]
    sentences.insert(n_sentences // 2, middle)
    return " ".join(sentences)


def test_a_long_line_is_cut_into_bounded_passages_with_exact_offsets() -> None:
    text = _one_line(3000, "김철수는 평양냉면을 좋아했다.")
    assert "\n" not in text and len(text) > 40 * MAX_PASSAGE_CHARS
    segments = segment(text, [(0, len(text), _block())])
    passages = [s for s in segments if s.kind != "sentence"]
    assert len(passages) > 40
    assert all(s.end - s.start <= MAX_PASSAGE_CHARS for s in segments)
    for s in segments:
        piece = text[s.start : s.end]
        assert piece == piece.strip() and piece
    # Passages tile the line: only the spaces between them are left out.
    for a, b in zip(passages, passages[1:], strict=False):
        assert a.end <= b.start and not text[a.end : b.start].strip()
    assert passages[0].start == 0 and passages[-1].end == len(text)
    # Cuts fall after sentence ends, not inside words.
    assert all(text[p.end - 1] in ".!?" for p in passages[:-1])


def test_a_one_line_file_is_searchable_from_its_middle(project: Project, tmp_path: Path) -> None:
    text = _one_line(1200, "김철수는 평양냉면을 좋아했다.")
    (tmp_path / "line.txt").write_text(text, encoding="utf-8")
    (outcome,) = project.add([tmp_path / "line.txt"], workers=1).outcomes
    assert outcome.status == "added"
    (doc_id,) = outcome.document_ids
    stored = project.document(doc_id)
    assert stored.text == text  # the stored text is never changed by cutting
    assert all(s.end - s.start <= MAX_PASSAGE_CHARS for s in stored.segments)
    result = project.search("평양냉면")
    assert result.total == 1
    (hit,) = result.hits
    assert "평양냉면" in stored.text[hit.start : hit.end]


def _block() -> object:
    from moksori.ingest.model import Block

    return Block("")


def test_kiwi_never_gets_more_than_a_passage(monkeypatch: pytest.MonkeyPatch) -> None:
    import moksori.ingest.segment as seg

    seen: list[int] = []
    real = seg.tokenize_many

    def spy(texts: list[str]) -> object:
        seen.extend(len(t) for t in texts)
        return real(texts)

    monkeypatch.setattr(seg, "tokenize_many", spy)
    monkeypatch.setattr(seg, "BATCH_CHARS", 20_000)  # several batches, as a big file has
    text = _one_line(600, "김철수는 평양냉면을 좋아했다.")
    analysed = seg.segment_and_index(text, [(0, len(text), _block())])
    assert seen and max(seen) <= MAX_PASSAGE_CHARS
    passages = [s for s in analysed.segments if s.kind != "sentence"]
    assert len(analysed.passage_terms) == len(passages)
    assert sum(seen) == sum(p.end - p.start for p in passages)


def test_a_text_file_over_the_text_cap_is_refused_with_advice() -> None:
    data = ("두만강을 건넜습니다. " * 3_000).encode()
    with pytest.raises(UnsafeFile) as info:
        read(data, "huge.txt", Limits(max_text_chars=20_000))
    assert str(info.value).startswith("huge.txt: ")
    assert "split it into smaller files" in info.value.reason


def test_a_web_page_over_the_html_cap_is_refused() -> None:
    page = b"<html><body>" + b"<p>We crossed the river at night.</p>" * 2_000 + b"</body></html>"
    with pytest.raises(FileTooLarge) as info:
        read(page, "page.html", Limits(max_html_bytes=10_000))
    assert "save the article as text" in info.value.reason


def test_docx_with_too_many_paragraphs_is_refused(fx: ModuleType) -> None:
    data = _bomb_docx(fx, paragraphs=300, run="가")
    with pytest.raises(UnsafeFile) as info:
        read(data, "many.docx", Limits(max_paragraphs=100))
    assert "more than 100 paragraphs" in info.value.reason


def test_a_run_per_character_costs_one_string_per_paragraph(fx: ModuleType) -> None:
    runs = "".join(f"<w:r><w:t>{ch}</w:t></w:r>" for ch in "두만강을 건넜어요" * 2000)
    src = zipfile.ZipFile(io.BytesIO(fx.make_docx(["placeholder"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = (
                    f'<w:document xmlns:w="{W}"><w:body><w:p>{runs}</w:p></w:body></w:document>'
                ).encode()
            zf.writestr(info.filename, data)
    (doc,) = read(out.getvalue(), "runs.docx", Limits())
    assert [b.text for b in doc.blocks] == ["두만강을 건넜어요" * 2000]


def test_a_text_of_millions_of_lines_is_refused_before_segmenting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import moksori.ingest.segment as seg

    monkeypatch.setattr(seg, "MAX_LINES", 1000)
    text = "가\n\n" * 600
    with pytest.raises(UnsafeFile) as info:
        seg.segment_and_index(text, [(0, len(text), _block())], source="lines.txt")
    assert str(info.value).startswith("lines.txt: ") and "split it" in info.value.reason
