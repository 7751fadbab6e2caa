"""Everything that leaves the project reads through the redacted view."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from moksori.analysis.report import ReportOptions
from moksori.analysis.retrieval import retrieve
from moksori.project import Project
from moksori.protect.export import export_documents
from moksori.protect.findings import Selector
from moksori.protect.vault import Vault
from moksori.store import audit
from moksori.word import EAST_ASIAN_FONT
from tests.protect.conftest import doc_id


@pytest.fixture
def reviewed(vault: Vault, testimony: Project) -> Project:
    p = testimony
    # entered in hangul only: the English translation is matched through romanisation
    p.deid.add_known(["김순희"], vault, pseudonym="Youngmi", pseudonym_ko="영미")
    p.deid.scan(vault=vault)
    p.deid.review(Selector(), "accepted", vault=vault)
    p.coders.add("a")
    p.codebook.create("가족 Family")
    for name in ("interview-ko", "interview-en"):
        d = doc_id(p, name)
        text = p.document(d).text
        first = text.index("\n") + 1
        p.codings.apply("가족 Family", d, first, len(text.rstrip("\n")), coder="a")
    return p


def test_hangul_known_name_is_found_in_english(reviewed: Project) -> None:
    en = doc_id(reviewed, "interview-en")
    people = [f for f in reviewed.deid.findings.of_document(en) if f.detector == "known"]
    assert {reviewed.deid.findings.text_of(f) for f in people} >= {"Kim Soon-hee"}


def test_exported_documents_are_redacted_and_audited(reviewed: Project, tmp_path: Path) -> None:
    ids = [doc_id(reviewed, "interview-ko"), doc_id(reviewed, "interview-en")]
    report = export_documents(reviewed.conn, ids, tmp_path / "docx", "docx", actor="a")
    texts = ["\n".join(p.text for p in Document(f).paragraphs) for f in report.files]
    assert "영미: 저는" in texts[0] and "김순희" not in texts[0]
    assert "Youngmi:" in texts[1] and "Soon-hee" not in texts[1]
    assert "20–29" in texts[1] and "20대" in texts[0]  # "when I was 23", "스물세 살"
    [entry] = audit.entries(reviewed.conn, "deid.export")
    assert entry["detail"]["targets"]["document"] == ids and "김순희" not in str(entry)
    word = Document(report.files[0])
    fonts = list(word.styles.element.iter(qn("w:rFonts")))
    assert fonts and all(
        f.get(qn("w:eastAsia")) == EAST_ASIAN_FONT for f in fonts
    )  # hangul renders
    assert word.core_properties.author == "" and word.core_properties.created is None


def test_retrieved_quotes_are_redacted_on_request(reviewed: Project) -> None:
    plain = retrieve(reviewed.conn, "가족 Family")
    red = retrieve(reviewed.conn, "가족 Family", redacted=True)
    assert any("김순희" in e.text for e in plain)
    assert not any("김순희" in e.text or "010-2398-4417" in e.text for e in red)
    assert all(e.document.startswith("document ") for e in red)
    assert {e.speaker for e in plain} >= {"김순희"}
    assert "김순희" not in {e.speaker for e in red} and {e.speaker for e in red} & {"영미"}


def test_report_quotes_redacted_by_default(reviewed: Project, tmp_path: Path) -> None:
    files = reviewed.report(tmp_path / "r", ReportOptions(quotes_per_theme=5))
    html = files.html.read_text("utf-8") + files.markdown.read_text("utf-8")
    quotes = [q.text for t in files.report.themes for q in t.quotes]
    assert quotes and not any("김순희" in q or "Soon-hee" in q for q in quotes)
    assert "김순희" not in html and "interview-ko" not in html
    original = reviewed.report(tmp_path / "o", ReportOptions(redacted=False, quotes_per_theme=5))
    assert any("NOT DE-IDENTIFIED" in n for n in original.report.notes)
