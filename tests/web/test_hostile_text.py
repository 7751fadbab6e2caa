"""Testimony that contains markup stays text on every page that shows it."""

from __future__ import annotations

from pathlib import Path

from moksori.project import Project
from tests.web.conftest import Browser

HOSTILE = (
    "참여자: 그때 <script>alert('doc')</script> 라고 적힌 쪽지를 받았어요.\n"
    'Participant: the note said "><img src=x onerror=alert(1)> and nothing else.\n'
)


def test_markup_in_a_document_is_shown_as_text_everywhere(
    as_coder: Browser, study: Project, tmp_path: Path
) -> None:
    path = tmp_path / "쪽지 <b>note<i>.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    report = study.add([path], workers=1)
    doc_id = report.outcomes[0].document_ids[0]
    text = study.document(doc_id).text
    study.codings.apply("Crossing", doc_id, 0, text.index("라고"), coder="Coder Lee")
    pages = [
        f"/documents/{doc_id}",
        "/documents",
        "/search?q=쪽지",
        "/search?q=note",
        "/coded?code=Crossing",
    ]
    for url in pages:
        html = as_coder.client.get(url).text
        assert "<script>alert(" not in html, url
        assert "<img src=x" not in html, url
        assert "<b>note<i>" not in html, url
    page = as_coder.client.get(f"/documents/{doc_id}").text
    assert "&lt;script&gt;alert(&#39;doc&#39;)&lt;/script&gt;" in page
    api = as_coder.client.get(f"/api/documents/{doc_id}", headers={"accept": "application/json"})
    assert api.json()["text"] == text  # the JSON carries the exact text; the page escapes it
