"""The document page and its writes over HTTP: roles, CSRF, offsets, escaping, two coders."""

from __future__ import annotations

import html
import time
from pathlib import Path

from fastapi.testclient import TestClient

from moksori.project import Project
from moksori.store import audit
from tests.web.conftest import Browser, browser_client, login

KO, EN = "interview-01.ko.txt", "interview-01.en.txt"
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
JSON = {"accept": "application/json"}


def doc_id(study: Project, name: str) -> int:
    return next(d.id for d in study.documents() if d.source_name.endswith(name))


def u16(text: str, i: int) -> int:
    return len(text[:i].encode("utf-16-le")) // 2


def slice16(text: str, start16: int, end16: int) -> str:
    """What a browser's text.slice(start16, end16) gives."""
    return text.encode("utf-16-le")[2 * start16 : 2 * end16].decode("utf-16-le")


def code_text(b: Browser, study: Project, doc: int, quote: str, code: str = "Crossing") -> dict:
    """Code a quote the way the browser does: UTF-16 offsets of the selection."""
    text = study.document(doc).text
    i = text.index(quote)
    r = b.post(
        "/api/codings",
        json={"document_id": doc, "code": code, "start16": u16(text, i),
              "end16": u16(text, i + len(quote))},
    )  # fmt: skip
    assert r.status_code == 201, r.text
    return dict(r.json())


def test_coder_sees_the_stored_text_by_turns_with_the_translation_beside(
    as_coder: Browser, study: Project
) -> None:
    ko = doc_id(study, KO)
    page = as_coder.client.get(f"/documents/{ko}")
    assert page.status_code == 200
    assert "김순희: 2010년 겨울에 혜산에서 떠났어요." in page.text
    assert 'id="code-popup"' in page.text and "/static/document.js" in page.text
    assert "Kim Sunhee: I left Hyesan in the winter of 2010." in page.text  # turn beside turn
    data = as_coder.client.get(f"/api/documents/{ko}", headers=JSON).json()
    assert set(data) == {"id", "title", "lang", "length16", "text", "passages", "codings"}
    assert data["text"] == study.document(ko).text and data["lang"] == "ko"
    assert data["length16"] == u16(data["text"], len(data["text"]))  # two emoji: +2
    assert data["length16"] == len(data["text"]) + 2
    turns = data["passages"]
    assert [p["speaker"] for p in turns] == ["면접자", "김순희"] * 3
    assert all(set(p) == {"kind", "speaker", "start16", "end16"} for p in turns)
    second = turns[1]
    said = slice16(data["text"], second["start16"], second["end16"])
    assert said == "김순희: 2010년 겨울에 혜산에서 떠났어요. 강을 건넜습니다 🌊 너무 추웠어요."
    # the page answers JSON too, when asked for it
    same = as_coder.client.get(f"/documents/{ko}", headers=JSON).json()
    assert same == data


def test_emoji_and_korean_offsets_store_exactly_the_selection(
    as_coder: Browser, study: Project
) -> None:
    ko = doc_id(study, KO)
    text = study.document(ko).text
    quotes = ("🌊 너무 추웠어요", "남았고요 😢", "😢", "로동신문")
    for quote in quotes:
        got = code_text(as_coder, study, ko, quote)
        stored = study.codings.get(got["id"])
        assert text[stored.start : stored.end] == quote
        assert (got["start"], got["end"]) == (stored.start, stored.end)
        assert got["start16"] == u16(text, stored.start) and got["coder"] == "Coder Lee"
        assert got["code"] == "Crossing" and got["code_id"] == stored.code_id
    listed = as_coder.client.get(f"/api/documents/{ko}", headers=JSON).json()["codings"]
    widths = sorted(c["end16"] - c["start16"] for c in listed)
    assert widths == sorted(len(q.encode("utf-16-le")) // 2 for q in quotes) == [2, 4, 7, 10]
    wave = u16(text, text.index("🌊"))
    for start16, end16 in ((wave + 1, wave + 4), (0, u16(text, len(text)) + 1), (-1, 3), (5, 5)):
        r = as_coder.post(
            "/api/codings",
            json={"document_id": ko, "code": 1, "start16": start16, "end16": end16},
        )
        assert r.status_code == 400, (start16, end16)
        assert r.json()["error"]
    assert (
        "inside a character"
        in as_coder.post(
            "/api/codings",
            json={"document_id": ko, "code": 1, "start16": wave + 1, "end16": wave + 3},
        ).json()["error"]
    )
    entries = [e for e in audit.entries(study.conn, "coding.add")]
    assert len(entries) == 4 and {e["actor"] for e in entries} == {"Coder Lee"}


def test_overlapping_codings_all_show_on_the_page(as_coder: Browser, study: Project) -> None:
    ko = doc_id(study, KO)
    outer = code_text(as_coder, study, ko, "강을 건넜습니다 🌊 너무", "Crossing")
    inner = code_text(as_coder, study, ko, "건넜습니다", "Family")
    page = as_coder.client.get(f"/documents/{ko}").text
    assert f'data-c="{outer["id"]} {inner["id"]}">건넜습니다</span>' in page
    assert f'data-c="{outer["id"]}">강을 </span>' in page
    assert 'class="hl hl-d2"' in page
    assert page.count('class="coding"') == 2


def test_viewer_reads_only_the_redacted_text(
    as_viewer: Browser, as_coder: Browser, study: Project
) -> None:
    ko, en = doc_id(study, KO), doc_id(study, EN)
    refused = as_viewer.client.get(f"/documents/{ko}")  # not scanned yet: refused
    assert refused.status_code == 403 and "김순희" not in refused.text
    assert as_viewer.client.get(f"/api/documents/{ko}", headers=JSON).status_code == 403
    made = code_text(as_coder, study, ko, "김순희: 어머니는 남으셨어요.", "Family")
    study.codings.set_memo(made["id"], "Kim Sunhee cried when she said this")
    study.memos.add("document", ko, "김순희 told us about her mother", author="Coder Lee")
    study.deid.scan()
    for doc in (ko, en):
        page = as_viewer.client.get(f"/documents/{doc}")
        data = as_viewer.client.get(f"/api/documents/{doc}", headers=JSON)
        assert page.status_code == 200 and data.status_code == 200
        for shown in (page.text, data.text):
            assert "김순희" not in shown and "Kim Sunhee" not in shown
            assert "Sunhee" not in shown
        assert 'id="code-popup"' not in page.text and "memo-form" not in page.text
        body = data.json()
        assert body["text"] != study.document(doc).text
        assert ("[이름]" if doc == ko else "[name]") in body["text"]
        assert body["length16"] == u16(body["text"], len(body["text"]))
    body = as_viewer.client.get(f"/api/documents/{ko}", headers=JSON).json()
    (c,) = body["codings"]
    assert slice16(body["text"], c["start16"], c["end16"]) == "[이름]: 어머니는 남으셨어요."
    assert {p["speaker"] for p in body["passages"]} == {"면접자", "[이름]"}
    assert "told us about her mother" in as_viewer.client.get(f"/documents/{ko}").text
    assert c["memo"] and "cried when she said this" in c["memo"]


def test_viewer_may_not_write(as_viewer: Browser, as_coder: Browser, study: Project) -> None:
    ko = doc_id(study, KO)
    made = code_text(as_coder, study, ko, "로동신문")
    selection = {"document_id": ko, "code": 1, "start16": 0, "end16": 3}
    csrf = {"X-CSRF-Token": as_viewer.csrf}
    attempts = [
        as_viewer.post("/api/codings", json=selection),
        as_viewer.client.delete(f"/api/codings/{made['id']}", headers=csrf),
        as_viewer.post(f"/api/codings/{made['id']}/memo", json={"memo": "x"}),
        as_viewer.post("/api/memos", json={"target_kind": "project", "text": "x"}),
    ]  # fmt: skip
    for r in attempts:
        assert r.status_code == 403 and "viewer" in r.json()["error"]
    page = as_viewer.post(
        "/api/memos", json={"target_kind": "project", "text": "x"}, headers={"accept": "text/html"}
    )
    assert page.status_code == 403
    assert study.conn.execute("SELECT count(*) FROM coding").fetchone()[0] == 1
    assert study.conn.execute("SELECT count(*) FROM memo").fetchone()[0] == 0


def test_writes_without_the_csrf_header_are_refused(as_coder: Browser, study: Project) -> None:
    ko = doc_id(study, KO)
    r = as_coder.client.post(
        "/api/codings", json={"document_id": ko, "code": 1, "start16": 0, "end16": 3}
    )
    assert r.status_code == 403
    r = as_coder.client.post("/api/memos", json={"target_kind": "project", "text": "x"})
    assert r.status_code == 403
    r = as_coder.post(
        "/api/codings",
        json={"document_id": ko, "code": 1, "start16": 0, "end16": 3},
        headers={"X-CSRF-Token": "forged"},
    )
    assert r.status_code == 403
    assert study.conn.execute("SELECT count(*) FROM coding").fetchone()[0] == 0


def test_hostile_memos_and_code_names_are_escaped(
    as_coder: Browser, as_owner: Browser, study: Project
) -> None:
    ko = doc_id(study, KO)
    r = as_coder.post("/api/codes", json={"name": HOSTILE[1], "definition": HOSTILE[0]})
    assert r.status_code == 201, r.text
    made = code_text(as_coder, study, ko, "로동신문", HOSTILE[1])
    assert made["code"] == HOSTILE[1]
    r = as_coder.post(f"/api/codings/{made['id']}/memo", json={"memo": HOSTILE[0]})
    assert r.status_code == 200 and r.json()["memo"] == HOSTILE[0]
    for kind, target in (("document", ko), ("project", None), ("coding", made["id"])):
        r = as_coder.post(
            "/api/memos",
            json={"target_kind": kind, "target": target, "text": HOSTILE[0], "title": HOSTILE[1]},
        )
        assert r.status_code == 201, r.text
        assert r.json()["author"] == "Coder Lee"
    page = as_coder.client.get(f"/documents/{ko}").text
    for bad in HOSTILE:
        assert bad not in page
    assert html.escape(HOSTILE[0], quote=False) in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page  # code name, memo titles
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4
    assert {e["actor"] for e in audit.entries(study.conn, "memo.add")} == {"Coder Lee"}
    assert audit.entries(study.conn, "coding.memo")[0]["actor"] == "Coder Lee"
    owner_page = as_owner.client.get(f"/documents/{ko}").text  # the owner sees the coding too
    assert HOSTILE[1] not in owner_page and "coding-delete" in owner_page


def test_two_coders_code_the_same_document_and_both_land(
    app_client: TestClient, as_coder: Browser, as_owner: Browser, study: Project
) -> None:
    ko = doc_id(study, KO)
    second = login(browser_client(app_client.app), "coder2")  # another browser
    first = code_text(as_coder, study, ko, "강을 건넜습니다")
    other = code_text(second, study, ko, "강을 건넜습니다")
    assert first["id"] != other["id"]
    assert (first["coder"], other["coder"]) == ("Coder Lee", "Coder Choi")
    rows = study.conn.execute(
        'SELECT k.name, g.start, g."end" FROM coding g JOIN coder k ON k.id = g.coder_id '
        "ORDER BY g.id"
    ).fetchall()
    assert [r[0] for r in rows] == ["Coder Lee", "Coder Choi"] and rows[0][1:] == rows[1][1:]
    # blind coding: each coder sees their own; the owner sees both
    mine = second.client.get(f"/api/documents/{ko}", headers=JSON).json()["codings"]
    assert [c["coder"] for c in mine] == ["Coder Choi"]
    both = as_owner.client.get(f"/api/documents/{ko}", headers=JSON).json()["codings"]
    assert sorted(c["coder"] for c in both) == ["Coder Choi", "Coder Lee"]
    # a coder may not delete another's coding; the maker and the owner may
    gone = second.client.delete(
        f"/api/codings/{first['id']}", headers={"X-CSRF-Token": second.csrf}
    )
    assert gone.status_code == 403
    assert second.post(f"/api/codings/{first['id']}/memo", json={"memo": "x"}).status_code == 403
    ok = second.client.delete(f"/api/codings/{other['id']}", headers={"X-CSRF-Token": second.csrf})
    assert ok.status_code == 200
    ok = as_owner.client.delete(
        f"/api/codings/{first['id']}", headers={"X-CSRF-Token": as_owner.csrf}
    )
    assert ok.status_code == 200
    assert study.conn.execute("SELECT count(*) FROM coding").fetchone()[0] == 0
    deletes = audit.entries(study.conn, "coding.delete")
    assert [e["actor"] for e in deletes] == ["Coder Choi", "Owner Kim"]
    kept = audit.trash(study.conn, deletes[1]["detail"]["targets"]["trash"][0])
    assert kept["id"] == first["id"]


def test_aligned_sentences_sit_beside_their_passage(
    as_coder: Browser, as_viewer: Browser, study: Project
) -> None:
    ko = doc_id(study, KO)
    (pair,) = study.pairs.of_document(ko)
    study.alignments.set_link(pair.id, [1], [1])  # 2010년 겨울에… ↔ I left Hyesan…
    page = as_coder.client.get(f"/documents/{ko}").text
    assert "aligned sentence by sentence" in page
    assert '1.00">I left Hyesan in the winter of 2010.</span>' in page  # title: confidence
    assert "Interviewer: What happened to your family?" not in page  # not linked: not shown
    en_page = as_coder.client.get(f"/documents/{doc_id(study, EN)}").text
    assert '1.00">2010년 겨울에 혜산에서 떠났어요.</span>' in en_page
    study.deid.scan()  # the viewer reads both sides redacted, still sentence by sentence
    seen = as_viewer.client.get(f"/documents/{ko}").text
    assert "aligned sentence by sentence" in seen and '1.00">I left ' in seen
    for real in ("혜산", "Hyesan", "김순희", "Kim Sunhee"):
        assert real not in seen


def test_errors_and_unknown_documents(as_coder: Browser, study: Project) -> None:
    assert as_coder.client.get("/documents/999").status_code == 404
    assert as_coder.client.get("/api/documents/999", headers=JSON).json()["error"]
    r = as_coder.post(
        "/api/codings", json={"document_id": 999, "code": 1, "start16": 0, "end16": 1}
    )
    assert r.status_code == 404
    ko = doc_id(study, KO)
    for bad in ({"document_id": ko, "code": "Nope", "start16": 0, "end16": 3},
                {"document_id": "x", "code": 1, "start16": 0, "end16": 3},
                {"document_id": ko, "code": None, "start16": 0, "end16": 3}):  # fmt: skip
        r = as_coder.post("/api/codings", json=bad)
        assert r.status_code in (400, 404) and r.json()["error"], bad
    assert (
        as_coder.client.delete(
            "/api/codings/999", headers={"X-CSRF-Token": as_coder.csrf}
        ).status_code
        == 404
    )
    r = as_coder.post("/api/memos", json={"target_kind": "planet", "text": "x"})
    assert r.status_code == 400
    r = as_coder.post("/api/memos", json={"target_kind": "document", "target": ko, "text": "  "})
    assert r.status_code == 400


def test_a_long_document_with_500_codings_renders_fast(
    as_coder: Browser, study: Project, tmp_path: Path
) -> None:
    lines = []
    for i in range(1000):  # ~20,000 words in 1,000 turns
        who = "면접자" if i % 2 == 0 else "참여자"
        lines.append(
            f"{who}: 그때 강을 건넜습니다 🌊 and then we walked for a very long time "
            f"through the hills near the river number {i} 어머니는 남으셨어요 😢"
        )
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (long_id,) = study.add([path], workers=1).outcomes[0].document_ids
    text = study.document(long_id).text
    step = len(text) // 500
    for k in range(500):
        study.codings.apply(1 + k % 2, long_id, k * step, k * step + step + 40, coder="Coder Lee")
    as_coder.client.get(f"/documents/{long_id}")  # warm the thread's connection
    t0 = time.perf_counter()
    page = as_coder.client.get(f"/documents/{long_id}")
    elapsed = time.perf_counter() - t0
    assert page.status_code == 200 and page.text.count('class="coding"') == 500
    assert elapsed < 1.5, f"the page took {elapsed:.3f}s"  # the benchmark asks < 0.3 s


def test_a_memo_on_a_selected_passage(
    as_coder: Browser, as_viewer: Browser, study: Project
) -> None:
    ko = doc_id(study, KO)
    text = study.document(ko).text
    quote = "너무 추웠어요"
    i = text.index(quote)
    assert u16(text, i) > i  # an emoji before it: browser and stored offsets differ
    r = as_coder.post(
        "/api/memos",
        json={"target_kind": "document", "target": ko, "text": "추위",
              "start16": u16(text, i), "end16": u16(text, i + len(quote))},
    )  # fmt: skip
    assert r.status_code == 201, r.text
    memo = r.json()
    assert (memo["start"], memo["end"], memo["quote"]) == (i, i + len(quote), quote)
    page = as_coder.client.get(f"/documents/{ko}").text
    assert 'class="range-memo"' in page and f'<q lang="ko">{quote}</q>' in page
    r = as_coder.post(
        "/api/memos",
        json={"target_kind": "project", "text": "x", "start16": 0, "end16": 2},
    )
    assert r.status_code == 400 and "passage needs the document" in r.text
    # a viewer reads the memo with its passage as the de-identified page shows it
    named = "김순희: 어머니는 남으셨어요."
    j = text.index(named)
    study.memos.add("document", ko, "her mother", author="Coder Lee", span=(j, j + len(named)))
    study.deid.scan()
    shown = as_viewer.client.get(f"/documents/{ko}").text
    assert "김순희" not in shown and '<q lang="ko">[이름]: 어머니는 남으셨어요.</q>' in shown
