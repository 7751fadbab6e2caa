"""The role-and-redaction matrix: every route, as owner, coder and viewer, over a
project whose titles, file names, attributes, memos, cases and text carry
real-looking (fictional) names, places, a phone number and an e-mail address.

No viewer response may hold any of them in any spelling, and a viewer's search
may never match on text the redaction hides (``김철수 AND 두만강`` must not
find the passage where the pseudonym stands).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from moksori.access.users import Users
from moksori.project import Project
from moksori.protect.deid import KnownEntry
from moksori.protect.findings import Selector
from moksori.web.app import WebSettings, create_app
from tests.conftest import TEST_PASSPHRASE
from tests.web.conftest import NAMES, PASSWORDS, ROLES, Browser, browser_client, login
from tests.web.test_routes import _api_routes

# Fictional: nobody here exists.
KO = """면접자: 어디에서 태어나셨어요?
김철수: 저는 회령에서 태어났어요. 1979년생입니다.
면접자: 어떻게 오셨어요?
김철수: 두만강을 건넜어요. 겨울이라 너무 추웠습니다.
면접자: 연락처를 남겨 주시겠어요?
김철수: 제 전화번호는 010-2398-4417 이고 이메일은 chulsoo.kim@example.org 입니다.
"""
EN = """Interviewer: Where were you born?
Kim Chol-su: I was born in Hoeryong in 1979.
Interviewer: How did you come?
Kim Chol-su: I crossed the Tumen river. It was winter and very cold.
"""
HTML = """<!doctype html><html><head><title>김철수 씨의 탈북 이야기</title></head>
<body><article><h1>김철수 씨의 탈북 이야기</h1>
<p>김철수 씨는 회령에서 자랐다. 그는 두만강을 건너 중국으로 갔다.</p>
<p>그는 지금 서울에서 일하고 있다고 말했다. 강을 건너던 밤은 잊을 수 없다고 했다.</p>
</article></body></html>
"""
LATE = "박영호: 저는 나중에 추가된 면담입니다. 두만강을 건넜어요.\n"

# Every spelling that must never reach a viewer.
SECRETS = [
    "김철수",
    "철수",
    "Kim Chol-su",
    "Chol-su",
    "Cholsu",
    "Chulsoo",
    "회령",
    "Hoeryong",
    "010-2398-4417",
    "2398-4417",
    "chulsoo.kim@example.org",
    "박영호",
    "Pak Yong-ho",
]


def _build(folder: Path) -> Path:
    texts = folder / "texts"
    texts.mkdir()
    (texts / "면담-김철수-2023.ko.txt").write_text(KO, encoding="utf-8")
    (texts / "interview-Kim-Chol-su.en.txt").write_text(EN, encoding="utf-8")
    (texts / "kim-chol-su-story.html").write_text(HTML, encoding="utf-8")
    path = folder / "study.moksori"
    with Project.create(path, TEST_PASSPHRASE) as p:
        p.add(sorted(texts.iterdir()), attributes={"interviewee": "김철수"}, workers=1)
        users = Users(p.conn)
        for key, name in NAMES.items():
            users.add(name, PASSWORDS[key], ROLES[key])
        vault = p.deid.create_vault(folder / "study.vault", TEST_PASSPHRASE)
        p.deid.add_known_many(
            [
                KnownEntry(1, ["김철수", "Kim Chol-su", "Chulsoo Kim"], "Youngho", "영호"),
                KnownEntry(2, ["박영호", "Pak Yong-ho"], "Minsu", "민수"),
            ],
            vault,
        )
        p.deid.scan(vault=vault, workers=1)
        p.deid.review(Selector(status="proposed"), "accepted", vault=vault)
        code = p.codebook.create(
            "Crossing",
            definition="How 김철수 and others left",
            examples=["김철수 씨가 회령에서 건넜다"],
        )
        ko = next(d for d in p.documents() if d.lang == "ko" and d.format == "txt")
        text = p.document(ko.id).text
        at = text.index("두만강을")
        p.codings.apply(
            code.id,
            ko.id,
            at,
            at + len("두만강을 건넜어요"),
            coder="Owner Kim",
            memo="김철수 crossed alone; call 010-2398-4417",
        )
        p.memos.add(
            "project", None, "김철수 (010-2398-4417) met us in Hoeryong", author="Owner Kim"
        )
        p.cases.add("P01", description="김철수, 회령 출신")
        p.cases.define_attribute("hometown", "text")
        p.cases.set_value("P01", "hometown", "회령")
        p.cases.link("P01", ko.id)
        en = next(d for d in p.documents() if d.lang == "en")
        p.cases.add("Kim Chol-su", description="from Hoeryong; chulsoo.kim@example.org")
        p.cases.link("Kim Chol-su", en.id)
        # added after the scan: never shown to a viewer, nor counted in its search
        late = folder / "late"
        late.mkdir()
        (late / "면담-박영호.ko.txt").write_text(LATE, encoding="utf-8")
        p.add([late / "면담-박영호.ko.txt"], attributes={"interviewee": "박영호"}, workers=1)
        vault.close()
    return path


@pytest.fixture(scope="module")
def leaky_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("leaky"))


@pytest.fixture
def leaky(leaky_template: Path, tmp_path: Path) -> Iterator[Project]:
    import shutil

    path = tmp_path / "study.moksori"
    shutil.copy(leaky_template, path)
    with Project.open(path, TEST_PASSPHRASE) as p:
        yield p


@pytest.fixture
def leaky_app(leaky: Project) -> FastAPI:
    return create_app(leaky, WebSettings(max_upload_bytes=2_000_000))


def _clients(app: FastAPI) -> dict[str, Browser]:
    return {role: login(browser_client(app), role) for role in ("owner", "coder", "viewer")}


def _get_paths(app: FastAPI, project: Project) -> list[str]:
    """Every GET route, with each document, code and report file filled in."""
    docs = [d.id for d in project.documents()]
    codes = [c.id for c in project.codebook.tree()]
    out: list[str] = []
    for route in _api_routes(app.routes):
        if "GET" not in route.methods or route.path in ("/", "/login"):
            continue
        path = route.path
        if "{doc_id}" in path:
            out += [path.replace("{doc_id}", str(d)) for d in docs]
        elif "{code_id}" in path:
            out += [path.replace("{code_id}", str(c)) for c in codes]
        elif "{name}" in path:
            out += [path.replace("{name}", n) for n in ("cooccurrence.png", "report.md")]
        else:
            out.append(path)
    return out


QUERIES = [
    "",
    "?status=coded",
    "?lang=ko",
    "?attribute=interviewee%3D김철수",
    "?attribute=hometown%3D회령",
    "?q=두만강",
    "?redacted=false",
    "?original=true",
    "?format=csv",
    "?format=xlsx",
]


def _leaks(body: bytes) -> list[str]:
    text = body.decode("utf-8", errors="replace")
    folded = text.casefold()
    return [s for s in SECRETS if s.casefold() in folded]


def test_no_viewer_response_names_anyone(leaky_app: FastAPI, leaky: Project) -> None:
    with browser_client(leaky_app):
        clients = _clients(leaky_app)
        paths = _get_paths(leaky_app, leaky)
        assert len(paths) >= 20
        seen_by_team = set()
        checked = 0
        for path in paths:
            for query in QUERIES:
                url = path + query
                for accept in ("text/html", "application/json"):
                    for role, browser in clients.items():
                        r = browser.client.get(url, headers={"accept": accept})
                        assert r.status_code < 500, (role, url, r.status_code)
                        leaks = _leaks(r.content)
                        if role == "viewer":
                            assert not leaks, (url, accept, r.status_code, leaks)
                            checked += 1
                        else:
                            seen_by_team.update(leaks)
        # the fixture really holds these, and the team reads them (so the test can fail)
        assert {"김철수", "회령", "010-2398-4417", "박영호"} <= seen_by_team
        assert checked > 300
        # once every document is scanned, viewers get the report: its quotes,
        # participant descriptors and tables must not name anyone either
        leaky.deid.scan(workers=1)
        viewer = clients["viewer"].client
        for url in (
            "/reports",
            "/reports/view",
            "/reports/download/report.md",
            "/reports/download/report.html",
            "/documents",
            "/coded",
            "/coded/export?format=csv",
            "/api/coded",
        ):
            r = viewer.get(url)
            assert r.status_code < 500, (url, r.status_code)
            assert not _leaks(r.content), (url, _leaks(r.content))


def test_viewer_state_changes_are_refused_without_naming_anyone(
    leaky_app: FastAPI, leaky: Project
) -> None:
    with browser_client(leaky_app):
        viewer = login(browser_client(leaky_app), "viewer")
        doc = leaky.documents()[0].id
        for method, path, body in [
            ("POST", "/api/codings", {"code": 1, "document": doc, "start": 0, "end": 3}),
            ("POST", "/api/memos", {"on": "project", "text": "x"}),
            ("POST", "/api/deid/review", {"all_proposed": True, "decision": "reject"}),
            ("POST", "/api/reliability/resolve", {}),
            ("POST", "/api/codes", {"name": "x"}),
        ]:
            r = viewer.client.request(
                method,
                path,
                json=body,
                headers={"accept": "application/json", "X-CSRF-Token": viewer.csrf},
            )
            assert r.status_code == 403, (path, r.status_code)
            assert not _leaks(r.content)


def _viewer_hits(viewer: Browser, q: str) -> list[tuple[int, int, int]]:
    r = viewer.client.get("/api/search", params={"q": q}, headers={"accept": "application/json"})
    assert r.status_code == 200, (q, r.text[:200])
    assert not _leaks(r.content), q
    return [(h["document_id"], h["start16"], h["end16"]) for h in r.json()["results"]]


def test_viewer_search_never_matches_hidden_text(leaky_app: FastAPI, leaky: Project) -> None:
    with browser_client(leaky_app):
        viewer = login(browser_client(leaky_app), "viewer")
        owner = login(browser_client(leaky_app), "owner")
        # the team's search finds the passage by the name; the viewer's never does
        r = owner.client.get("/api/search", params={"q": "김철수 AND 두만강"})
        assert r.json()["results"]
        crossing = _viewer_hits(viewer, "두만강")
        assert crossing  # the visible word is found in redacted text
        for hidden in ("김철수", "철수", "회령", "Hoeryong", "4417", "010-2398-4417", "박영호"):
            assert _viewer_hits(viewer, hidden) == [], hidden
            assert _viewer_hits(viewer, f"{hidden} AND 두만강") == [], hidden
            assert _viewer_hits(viewer, f'"{hidden}" OR 두만강') == crossing, hidden
            # NOT tells nothing either: the same hits as without it
            assert _viewer_hits(viewer, f"두만강 NOT {hidden}") == crossing, hidden
        assert _viewer_hits(viewer, "Hoeryong AND born") == []
        assert _viewer_hits(viewer, "born") != []
        # the pseudonym stands in the redacted text, so it is what a viewer finds
        assert _viewer_hits(viewer, "영호")
        # filters that could test a name, and meaning search over original text, are closed
        for q, mode in [
            ("두만강 speaker:김철수", "keyword"),
            ("두만강 attr:interviewee=김철수", "keyword"),
            ("두만강 doc:1", "keyword"),
            ("두만강", "semantic"),
            ("두만강", "hybrid"),
        ]:
            r = viewer.client.get(
                "/api/search", params={"q": q, "mode": mode}, headers={"accept": "application/json"}
            )
            assert r.status_code == 403, (q, mode, r.status_code)
        # the document added after the scan is not searched at all
        late = next(d.id for d in leaky.documents() if "박영호" in d.label)
        assert all(doc != late for doc, _, _ in _viewer_hits(viewer, "두만강"))


def test_viewer_search_follows_review_changes(leaky_app: FastAPI, leaky: Project) -> None:
    """The viewer's index is rebuilt when a redaction decision changes."""
    with browser_client(leaky_app):
        viewer = login(browser_client(leaky_app), "viewer")
        before = _viewer_hits(viewer, "겨울")
        assert before
        fid = leaky.deid.findings.add_manual(
            next(d.id for d in leaky.documents() if d.lang == "ko" and d.format == "txt"),
            KO.index("겨울"),
            KO.index("겨울") + 2,
            "date",
            "Owner Kim",
        ).id
        assert fid
        after = _viewer_hits(viewer, "겨울")
        assert len(after) == len(before) - 1


def test_documents_list_for_viewers(leaky_app: FastAPI, leaky: Project) -> None:
    with browser_client(leaky_app):
        viewer = login(browser_client(leaky_app), "viewer")
        owner = login(browser_client(leaky_app), "owner")
        team = owner.client.get("/documents", headers={"accept": "application/json"}).json()
        seen = viewer.client.get("/documents", headers={"accept": "application/json"}).json()
        assert len(team["documents"]) == len(leaky.documents())
        # the document added after the scan is left out; the rest are "document N"
        assert len(seen["documents"]) == len(team["documents"]) - 1
        for row in seen["documents"]:
            assert row["label"] == f"document {row['id']}"
            assert "attributes" not in row and "title" not in row
        page = viewer.client.get("/documents")
        assert page.status_code == 200 and not _leaks(page.content)
        assert re.search(r"document \d+", page.text)
        refused = viewer.client.get("/documents", params={"attribute": "interviewee=김철수"})
        assert refused.status_code == 403


def test_team_client_sees_originals(leaky_app: FastAPI) -> None:
    """Sanity: the same routes show the team what the viewer may not see."""
    with browser_client(leaky_app):
        owner: TestClient = login(browser_client(leaky_app), "owner").client
        assert "김철수" in owner.get("/documents").text
