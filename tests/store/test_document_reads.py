"""store/documents.py (with store/passages.py) owns the document, segment and source_file
tables: their reads."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from moksori.errors import NotFound
from moksori.ingest.model import (
    PACKED_COLUMNS,
    IngestedDocument,
    IngestedFile,
    PackedSegments,
    SegmentSpan,
)
from moksori.project import Project
from moksori.store import audit, documents, passages

TEXT = "첫 문단입니다. 두만강을 건넜어요.\n\nSecond paragraph, in English."


def _one(project: Project, tmp_path: Path) -> int:
    path = tmp_path / "interview.txt"
    path.write_text(TEXT, encoding="utf-8")
    project.add([path], workers=1)
    (doc_id,) = documents.document_ids(project.conn)
    return doc_id


def test_text_excerpt_length_and_ids(project: Project, tmp_path: Path) -> None:
    doc = _one(project, tmp_path)
    text = documents.document_text(project.conn, doc)
    assert text == TEXT
    assert documents.document_length(project.conn, doc) == len(TEXT)
    assert documents.document_texts(project.conn, [doc, doc, 999]) == {doc: TEXT}
    # code points, end exclusive, like every stored offset
    assert documents.document_excerpt(project.conn, doc, 2, 5) == TEXT[2:5]
    assert documents.document_excerpt(project.conn, doc, 0, len(TEXT)) == TEXT
    assert documents.document_excerpt(project.conn, doc, 5, 5) == ""


def test_missing_document_is_named(project: Project) -> None:
    for read in (documents.document_text, documents.document_length):
        with pytest.raises(NotFound, match="no document with id 7"):
            read(project.conn, 7)
    with pytest.raises(NotFound):
        documents.document_excerpt(project.conn, 7, 0, 1)
    assert documents.document_ids(project.conn) == []


def test_packed_segments_are_read_back_field_by_field(project: Project) -> None:
    """The packing (ingest.model.PACKED_COLUMNS) and the SQL reading it agree."""
    # every field the store keeps is packed; only the index terms travel apart
    assert set(PACKED_COLUMNS) == {f.name for f in fields(SegmentSpan)} - {"terms"}
    text = "가나다라마바사 아자차카타파하"
    spans = [
        SegmentSpan("cue", 0, 15, "A", "ko", None, 1000, 2000, "f0", "가나다"),
        SegmentSpan("sentence", 8, 15, "B", "en", 0, 1500, 2500, "f1"),
    ]
    packed = PackedSegments.of(spans)
    assert packed.unpack() == spans
    doc = IngestedDocument("packed.srt", "srt", text, spans, "ko", packed=packed)
    ingested = IngestedFile("packed.srt", "0" * 64, text.encode(), "srt", [doc])
    (doc_id,) = documents.insert_file(project.conn, ingested)
    rows = project.conn.execute(
        'SELECT id, parent_id, kind, start, "end", speaker, lang, cue_start_ms, cue_end_ms, '
        "fingerprint FROM segment WHERE document_id = ? ORDER BY ordinal",
        (doc_id,),
    ).fetchall()
    first = rows[0][0]
    stored = [(None if p is None else p - first, *rest) for _, p, *rest in rows]
    assert stored == [
        (
            s.parent,
            s.kind,
            s.start,
            s.end,
            s.speaker,
            s.lang,
            s.cue_start_ms,
            s.cue_end_ms,
            s.fingerprint,
        )
        for s in spans
    ]


def test_listings_of_documents_and_passages(project: Project, tmp_path: Path) -> None:
    before = documents.content_state(project.conn)
    assert before == ((0, 0), (0, 0))
    doc = _one(project, tmp_path)
    assert documents.document_count(project.conn) == 1
    assert documents.document_lang(project.conn, doc) in ("ko", "mixed")
    ((sid, name, part),) = documents.document_sources(project.conn)
    assert (sid, part) == (doc, None) and name.endswith("interview.txt")
    ((aid, added),) = documents.documents_added(project.conn)
    assert aid == doc and added.startswith("20")
    assert documents.documents_with_text(project.conn) == [doc]
    assert documents.documents_of_quality(project.conn, "undecodable") == []
    after = documents.content_state(project.conn)
    assert after[0] == (1, doc) and after[1][0] > 0 and after != before
    found = list(passages.original_passages(project.conn))
    assert [p.document_id for p in found] == [doc, doc]
    assert [TEXT[p.start : p.end] for p in found] == TEXT.split("\n\n")
    with pytest.raises(NotFound):
        documents.document_lang(project.conn, doc + 1)


def test_the_use_case_not_the_store_audits_a_file(project: Project, tmp_path: Path) -> None:
    """insert_file writes no event of its own: adding a file leaves exactly one."""
    doc = _one(project, tmp_path)
    events = audit.entries(project.conn)
    assert [e["action"] for e in events] == [str(audit.Action.FILE_ADD)]
    assert events[0]["detail"]["targets"] == {"document": [doc]}


def test_speaker_and_sentences(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "turns.txt"
    path.write_text("면담자: 언제 오셨어요?\n참여자: 2011년에 왔어요. 겨울이었어요.\n", "utf-8")
    project.add([path], workers=1)
    (doc,) = documents.document_ids(project.conn)
    text = documents.document_text(project.conn, doc)
    assert passages.speaker_at(project.conn, doc, text.index("2011")) == "참여자"
    spans = passages.sentence_spans(project.conn, doc)
    assert spans and all(text[a:b] == t for a, b, _, t in spans)
    assert [a for a, *_ in spans] == sorted(a for a, *_ in spans)


# --- store/passages.py: what ranges of other tables point at ------------------------
ENGLISH = (
    "Interviewer: When did you leave?\n"
    "Participant: I left in 2012, in the winter.\n"
    "Interviewer: And then?\n"
    "Participant: I waited in China for two years.\n"
)


def _turns(project: Project, tmp_path: Path) -> tuple[int, str]:
    path = tmp_path / "en.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    project.add([path], workers=1)
    (doc,) = documents.document_ids(project.conn)
    return doc, documents.document_text(project.conn, doc)


def test_document_names_without_numbers(project: Project, tmp_path: Path) -> None:
    doc = _one(project, tmp_path)
    names = passages.document_names(project.conn, [doc, doc, 999])
    assert list(names) == [doc]
    assert names[doc].name.endswith("interview.txt") and names[doc].part is None
    assert names[doc].label == names[doc].name
    assert passages.DocumentName("a.docx", "2").label == "a.docx (2)"
    assert passages.document_names(project.conn, []) == {}


def test_excerpts_in_the_order_given(project: Project, tmp_path: Path) -> None:
    doc = _one(project, tmp_path)
    ranges = [(doc, 5, 9), (doc, 0, 2), (doc, 5, 9), (doc, 0, len(TEXT))]
    assert passages.excerpts(project.conn, ranges) == [TEXT[5:9], TEXT[0:2], TEXT[5:9], TEXT]
    assert passages.excerpts(project.conn, []) == []
    with pytest.raises(NotFound, match="no document with id 999"):
        passages.excerpts(project.conn, [(doc, 0, 1), (999, 0, 1)])


def test_speakers_of_passages(project: Project, tmp_path: Path) -> None:
    doc, text = _turns(project, tmp_path)
    left = text.index("I left")
    waited = text.index("I waited")
    question = text.index("And then")
    # a range inside one turn; one spanning two turns; one in no passage's text at all
    assert passages.passage_speakers(
        project.conn, [(doc, left, left + 6), (doc, question, waited + 3), (999, 0, 5)]
    ) == [{"Participant"}, {"Interviewer", "Participant"}, set()]
    assert passages.passage_speakers(project.conn, []) == []
    kinds = ("turn",)
    assert passages.first_speaker(project.conn, doc, question, waited + 3, kinds) == "Interviewer"
    assert passages.first_speaker(project.conn, doc, left, left + 1, ("cue",)) is None
    assert passages.speaker_label(project.conn, doc, " participant ") == "Participant"
    assert passages.speaker_label(project.conn, doc, "Jun") is None


def test_segments_of_a_document(project: Project, tmp_path: Path) -> None:
    doc, text = _turns(project, tmp_path)
    bounds = passages.segment_bounds(project.conn, doc, ("turn",))
    assert [text[a:b].split(":")[0] for a, b in bounds] == [
        "Interviewer",
        "Participant",
        "Interviewer",
        "Participant",
    ]
    assert bounds == sorted(bounds)
    turn_ids = [
        s.id for s in documents.get_document(project.conn, doc).segments if s.kind == "turn"
    ]
    first = turn_ids[0]
    assert passages.segment_range(project.conn, first) == (doc, *bounds[0])
    with pytest.raises(NotFound, match="no segment"):
        passages.segment_range(project.conn, 10**6)
    # (index of the range, segment id) for every turn a range overlaps
    a, c = bounds[1][0], bounds[2][0]
    over = passages.segments_over(project.conn, [(doc, a, a + 1), (doc, 0, c + 1)], ("turn",))
    assert sorted(over) == [(0, turn_ids[1]), (1, turn_ids[0]), (1, turn_ids[1]), (1, turn_ids[2])]
    assert passages.segments_over(project.conn, [], ("turn",)) == []


def test_corpus_figures(project: Project, tmp_path: Path) -> None:
    empty = passages.corpus_figures(project.conn)
    assert (empty.documents, empty.characters, empty.languages) == (0, 0, {})
    doc = _one(project, tmp_path)
    figures = passages.corpus_figures(project.conn)
    assert (figures.documents, figures.source_files, figures.characters) == (1, 1, len(TEXT))
    assert figures.original_bytes == len(TEXT.encode())
    assert figures.segments >= figures.passages_indexed == 2
    assert figures.languages == {documents.document_lang(project.conn, doc): 1}
    assert figures.formats == {"txt": 1}
