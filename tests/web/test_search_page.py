"""The search page and API: offsets in UTF-16, viewers on redacted text, escaping."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from moksori.project import Project
from moksori.protect.view import document_view
from tests.web.conftest import Browser

HOSTILE_NAME = '"><img src=x onerror=alert(1)>'


def _utf16_slice(text: str, start16: int, end16: int) -> str:
    """What a browser's String.slice gives for these UTF-16 offsets."""
    return text.encode("utf-16-le")[2 * start16 : 2 * end16].decode("utf-16-le")


def _korean(study: Project) -> tuple[int, str]:
    doc = next(d for d in study.documents() if d.lang == "ko")
    return doc.id, study.document(doc.id).text


def test_hit_offsets_count_utf16_after_emoji(as_owner: Browser, study: Project) -> None:
    doc_id, text = _korean(study)
    r = as_owner.client.get(
        "/api/search", params={"q": "식당"}, headers={"accept": "application/json"}
    )
    assert r.status_code == 200, r.text
    hits = [h for h in r.json()["results"] if h["document_id"] == doc_id]
    assert len(hits) == 1
    hit = hits[0]
    line = next(x for x in text.splitlines() if "식당" in x)
    # two emoji stand before this turn: UTF-16 offsets are two more than code points
    assert hit["start16"] == text.index(line) + 2
    assert _utf16_slice(text, hit["start16"], hit["end16"]) == line
    assert "식당" in hit["snippet"]
    assert hit["speaker"] == "김순희"


def test_hit_on_the_emoji_turn_ends_after_the_surrogate_pair(
    as_owner: Browser, study: Project
) -> None:
    doc_id, text = _korean(study)
    r = as_owner.client.get("/api/search", params={"q": "건너다", "lang": "ko"})
    hits = [h for h in r.json()["results"] if h["document_id"] == doc_id]
    assert hits, r.json()
    line = next(x for x in text.splitlines() if "🌊" in x)
    assert _utf16_slice(text, hits[0]["start16"], hits[0]["end16"]) == line
    assert hits[0]["end16"] - hits[0]["start16"] == len(line) + 1  # 🌊 counts twice


def test_page_links_to_the_document_at_the_hit(as_owner: Browser, study: Project) -> None:
    doc_id, text = _korean(study)
    r = as_owner.client.get("/search", params={"q": "식당"})
    assert r.status_code == 200
    line = next(x for x in text.splitlines() if "식당" in x)
    start16 = text.index(line) + 2
    assert f'href="/documents/{doc_id}#at={start16}-{start16 + len(line)}"' in r.text
    assert "<mark>식당</mark>" in r.text


def test_bad_query_is_a_readable_400(as_owner: Browser) -> None:
    page = as_owner.client.get("/search", params={"q": "(강"})
    assert page.status_code == 400
    assert "unbalanced parenthesis" in page.text and "<form" in page.text
    api = as_owner.client.get("/api/search", params={"q": "NOT"})
    assert api.status_code == 400
    assert "NOT must be followed" in api.json()["error"]
    mode = as_owner.client.get("/api/search", params={"q": "강", "mode": "telepathy"})
    assert mode.status_code == 400 and "unknown search mode" in mode.json()["error"]


def test_login_required(app_client: TestClient) -> None:
    r = app_client.get("/api/search", params={"q": "강"})
    assert r.status_code == 401 and "error" in r.json()
    page = app_client.get("/search", params={"q": "강"}, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")


def test_hostile_document_name_is_escaped(
    as_owner: Browser, study: Project, tmp_path: Path
) -> None:
    path = tmp_path / f"{HOSTILE_NAME}.txt"
    path.write_text("A broker waited at the riverbank in the dark.\n", encoding="utf-8")
    study.add([path], workers=1)
    r = as_owner.client.get("/search", params={"q": "broker riverbank"})
    assert r.status_code == 200
    assert "<img src=x" not in r.text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in r.text
    api = as_owner.client.get("/api/search", params={"q": "riverbank"}).json()
    assert any(h["title"].startswith(HOSTILE_NAME) for h in api["results"])


def test_viewer_sees_nothing_of_unscanned_documents(as_viewer: Browser) -> None:
    r = as_viewer.client.get("/api/search", params={"q": "식당"})
    assert r.status_code == 200
    body = r.json()
    assert body["results"] == [] and body["unscanned_documents"] == 3
    assert body["redacted"] is True
    # the same note whatever is asked: it must not tell whether a name occurs
    other = as_viewer.client.get("/api/search", params={"q": "zzzqqq"}).json()
    assert other["unscanned_documents"] == 3
    page = as_viewer.client.get("/search", params={"q": "식당"})
    assert "김순희" not in page.text.replace("Viewer Park", "")
    assert "3 document(s) not yet checked for personal data are not searched" in page.text


def test_viewer_searches_the_redacted_text(as_viewer: Browser, study: Project) -> None:
    study.deid.scan(workers=1)
    doc_id, _ = _korean(study)
    redacted = document_view(study.conn, doc_id).text
    r = as_viewer.client.get("/api/search", params={"q": "식당"}).json()
    hits = [h for h in r["results"] if h["document_id"] == doc_id]
    assert len(hits) == 1
    hit = hits[0]
    assert hit["title"] == f"document {doc_id}"  # file names may carry names
    assert "김순희" not in (hit["speaker"] or "") and "김순희" not in hit["snippet"]
    shown = _utf16_slice(redacted, hit["start16"], hit["end16"])
    assert "식당" in shown and "김순희" not in shown and hit["snippet"] in shown
    # a name is found only where the redacted text still holds it: nowhere
    assert as_viewer.client.get("/api/search", params={"q": "김순희"}).json()["results"] == []
    page = as_viewer.client.get("/search", params={"q": "김순희 OR 식당"})
    assert "김순희</mark>" not in page.text and "식당" in page.text


def test_viewer_may_not_filter_by_speaker(as_viewer: Browser, study: Project) -> None:
    study.deid.scan(workers=1)
    r = as_viewer.client.get("/api/search", params={"q": "speaker:김순희 식당"})
    assert r.status_code == 403 and "speaker" in r.json()["error"]
    page = as_viewer.client.get("/search", params={"q": "speaker:김순희"})
    assert page.status_code == 403 and "<html" in page.text


def test_coder_reads_originals(as_coder: Browser) -> None:
    r = as_coder.client.get("/api/search", params={"q": "식당"}).json()
    assert r["redacted"] is False
    assert any("김순희" in h["snippet"] for h in r["results"])
