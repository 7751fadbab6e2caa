"""Tolerant quotes: a quote typed on one line finds a wrapped, typographic stored text,
and the coding covers exactly the stored code points it matched; never a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.coding.coding_io import QuoteImportFailed, import_quotes, read_entries
from moksori.coding.quote_match import AmbiguousQuote, find_all, fold, locate
from moksori.errors import RangeOutsideDocument
from moksori.project import Project
from moksori.store import audit

# As a PDF gives it: wrapped mid-sentence, double spaces, curly quotes, an em dash,
# a hyphen at a line end, a non-breaking and a zero-width space, a decomposed 가.
PDF_EN = (
    "Interviewer: How did the money reach your mother?\n"
    "Jun: Through a broker. “We  sent the\nremittance through a broker” — every\n"
    "month, and the broker took a third.\u00a0It was a well-\nknown arrangement and the remit-\n"
    "tance always came late. We sent the\nremittance again.\u200b\n"
)
PDF_KO = (
    "면접자: 연락은 어떻게 하셨어요?\n"
    "영미: 어머니는 아직  혜산에\n계세요. 연락은 브로커를 통해서만 해요‥ ‘돈’은\n"
    "중국 돈으로 보내요.\n"
    "영미: 어머니는 아직 혜산에 계세요.\n"
    "영미: 사람들이 \u1100\u1161끔 물어봐요.\n"
)


@pytest.fixture
def pdf_study(project: Project, tmp_path: Path) -> Project:
    folder = tmp_path / "pdf"
    folder.mkdir()
    (folder / "jun-pdf.en.txt").write_text(PDF_EN, encoding="utf-8")
    (folder / "youngmi-pdf.ko.txt").write_text(PDF_KO, encoding="utf-8")
    assert project.add([folder], workers=1).count("added") == 2
    project.codebook.create("Remittance")
    return project


def _text(project: Project, name: str) -> str:
    doc = next(d.id for d in project.documents() if name in d.source_name)
    return project.document(doc).text


def test_fold_keeps_the_stored_span_of_every_character() -> None:
    text = "a  “b”\u200b —\nc-\ndef ﬁ"
    folded = fold(text)
    assert folded.text == 'a "b"-cdef fi'  # "c-\ndef": a word split at a line end
    for k, ch in enumerate(folded.text):
        stored = text[folded.starts[k] : folded.ends[k]]
        assert stored, (k, ch)
        assert fold(stored).text.strip() in (ch, "fi") or ch == " "


@pytest.mark.parametrize(
    ("quote", "stored"),
    [
        (
            '"We sent the remittance through a broker" - every month',
            "“We  sent the\nremittance through a broker” — every\nmonth",
        ),
        ("the broker took a third. It was", "the broker took a third.\u00a0It was"),
        ("a well-known arrangement", "a well-\nknown arrangement"),
        ("the remittance always came late", "the remit-\ntance always came late"),
        ("＂We sent the remittance", "“We  sent the\nremittance"),
        ("We sent the remittance again.", "We sent the\nremittance again."),
        ("“month, and the broker took a third.”", "month, and the broker took a third."),
    ],
)
def test_english_quote_matches_across_wraps_and_typography(quote: str, stored: str) -> None:
    (span,) = find_all(PDF_EN, quote)
    assert PDF_EN[span[0] : span[1]] == stored


def test_korean_quote_matches_across_a_line_break_and_double_space() -> None:
    spans = find_all(PDF_KO, "어머니는 아직 혜산에 계세요.")
    assert [PDF_KO[s:e] for s, e in spans] == [
        "어머니는 아직  혜산에\n계세요.",
        "어머니는 아직 혜산에 계세요.",
    ]
    (s, e) = locate(PDF_KO, "'돈'은 중국 돈으로", None, "doc")
    assert PDF_KO[s:e] == "‘돈’은\n중국 돈으로"
    (s, e) = locate(PDF_KO, "가끔 물어봐요", None, "doc")  # NFC typed, NFD stored
    assert PDF_KO[s:e] == "\u1100\u1161끔 물어봐요"


def test_ambiguous_quote_lists_the_candidates_and_occurrence_picks_one() -> None:
    with pytest.raises(AmbiguousQuote) as caught:
        locate(PDF_KO, "어머니는 아직 혜산에 계세요", None, "document 7")
    exc = caught.value
    assert [(c.line, PDF_KO[c.start : c.end]) for c in exc.candidates] == [
        (2, "어머니는 아직  혜산에\n계세요"),
        (5, "어머니는 아직 혜산에 계세요"),
    ]
    message = str(exc)
    assert "matches 2 places in document 7" in message
    assert "line 2 (" in message and "line 5 (" in message and "occurrence" in message
    second = locate(PDF_KO, "어머니는 아직 혜산에 계세요", 2, "doc")
    assert second == (exc.candidates[1].start, exc.candidates[1].end)
    with pytest.raises(RangeOutsideDocument, match="3 times \\(only 2\\)"):
        locate(PDF_KO, "어머니는 아직 혜산에 계세요", 3, "doc")
    with pytest.raises(RangeOutsideDocument, match="does not contain"):
        locate(PDF_KO, "아버지는 아직", None, "doc")


def test_apply_quote_stores_offsets_into_the_stored_text(pdf_study: Project) -> None:
    text = _text(pdf_study, "jun-pdf")
    c = pdf_study.codings.apply_quote(
        "Remittance", "jun-pdf.en.txt", "We sent the remittance through a broker"
    )
    assert text[c.start : c.end] == "We  sent the\nremittance through a broker"
    (seg,) = pdf_study.codings.list("Remittance")
    assert seg.text == text[c.start : c.end]
    ko = _text(pdf_study, "youngmi-pdf")
    with pytest.raises(AmbiguousQuote, match="2 places"):
        pdf_study.codings.apply_quote("Remittance", "youngmi-pdf.ko.txt", "어머니는 아직 혜산에")
    assert len(pdf_study.codings.list()) == 1  # the ambiguous quote coded nothing
    c2 = pdf_study.codings.apply_quote(
        "Remittance", "youngmi-pdf.ko.txt", "어머니는 아직 혜산에 계세요.", occurrence=1
    )
    assert ko[c2.start : c2.end] == "어머니는 아직  혜산에\n계세요."


def test_import_reports_every_bad_entry_and_codes_nothing(
    pdf_study: Project, tmp_path: Path
) -> None:
    source = tmp_path / "codings.yaml"
    source.write_text(
        '- {doc: jun-pdf.en.txt, quote: "We sent the remittance through a broker", '
        "code: Remittance}\n"
        '- {doc: youngmi-pdf.ko.txt, quote: "어머니는 아직 혜산에", code: Remittance}\n'
        '- {doc: jun-pdf.en.txt, quote: "never said", code: Remittance}\n'
        '- {doc: nowhere.txt, quote: "x", code: Remittance}\n'
        '- {doc: jun-pdf.en.txt, quote: "a well-known arrangement", code: "No such"}\n'
        '- {doc: jun-pdf.en.txt, quote: "", code: Remittance}\n'
        '- {doc: youngmi-pdf.ko.txt, quote: "어머니는 아직 혜산에", code: Remittance, '
        "occurrence: 2}\n",
        encoding="utf-8",
    )
    entries = read_entries(source)
    with pytest.raises(QuoteImportFailed, match="5 of 7 entries") as caught:
        import_quotes(pdf_study.codings, entries)
    problems = caught.value.problems
    assert [p.entry for p in problems] == [2, 3, 4, 5, 6]
    assert "2 places" in problems[0].problem and "line 2" in problems[0].problem
    assert "does not contain" in problems[1].problem
    assert problems[2].doc == "nowhere.txt" and "no document" in problems[2].problem
    assert "No such" in problems[3].problem
    assert "missing quote" in problems[4].problem
    assert pdf_study.codings.list() == []  # nothing at all was imported
    since = audit.last_id(pdf_study.conn)

    report = import_quotes(pdf_study.codings, entries, skip_bad=True)
    assert (report.codings, report.already_there) == (2, 0)
    assert [p.entry for p in report.skipped] == [2, 3, 4, 5, 6]
    ko = _text(pdf_study, "youngmi-pdf")
    texts = sorted(s.text for s in pdf_study.codings.list())
    assert "어머니는 아직 혜산에 계세요." not in texts
    assert any(t == "어머니는 아직 혜산에" for t in texts)
    coded = next(s for s in pdf_study.codings.list() if s.text.startswith("어머니"))
    assert ko.index("어머니는 아직 혜산에 계세요.") == coded.start  # the 2nd, line 5
    (event,) = [e for e in audit.entries(pdf_study.conn) if e["id"] > since]
    assert event["action"] == "coding.add"
    assert event["detail"]["counts"] == {"added": 2, "already_there": 0, "skipped": 5}


def test_every_match_maps_back_to_text_that_folds_to_the_quote() -> None:
    """Random texts of the awkward pieces; a quote cut on piece boundaries is found, and
    each stored span found folds back to the quote (no off-by-one in the offsets)."""
    import random

    pieces = ["a", "b", "가", "나", " ", "  ", "\n", "-", "—", "“", "”", "’", "\u00a0",
              "\u200b", "ﬁ", "e\u0301", "\u1100\u1161", "－", "."]  # fmt: skip
    rng = random.Random(17)
    checked = 0
    for _ in range(1500):
        parts = [rng.choice(pieces) for _ in range(rng.randint(5, 30))]
        i = rng.randrange(len(parts))
        j = rng.randint(i + 1, len(parts))
        text, quote = "".join(parts), "".join(parts[i:j])
        needle = fold(quote).text.strip()
        if not needle or needle.strip("\"' -") != needle:
            continue  # a quote that starts or ends in a mark may match in a shorter reading
        spans = find_all(text, quote)
        assert spans, (text, quote)
        for s, e in spans:
            assert fold(text[s:e]).text.strip() == needle, (text, quote, s, e)
        checked += 1
    assert checked > 300
