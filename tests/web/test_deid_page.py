"""The de-identification queue, review decisions, the redacted preview and the risk table."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from moksori.errors import DeidError
from moksori.project import Project
from moksori.protect.deid import group_refs
from moksori.protect.findings import Selector
from moksori.store import audit
from tests.web.conftest import Browser, login


@pytest.fixture
def scanned(study: Project) -> Project:
    study.deid.scan(workers=1)
    return study


def _finding(study: Project, type_: str, text: str) -> int:
    found = study.deid.findings
    return next(f.id for f in found.select(Selector(types=[type_])) if found.text_of(f) == text)


def _status(study: Project, finding_id: int) -> str:
    return study.deid.findings.select(Selector(ids=[finding_id]))[0].status


def test_queue_shows_findings_in_context_to_coders(as_coder: Browser, scanned: Project) -> None:
    r = as_coder.client.get("/deid")
    assert r.status_code == 200
    assert "<mark>혜산</mark>" in r.text and "<mark>김순희</mark>" in r.text
    assert "await review" in r.text
    dates = as_coder.client.get("/api/deid/findings", params={"type": "date"}).json()
    assert dates["findings"] and {f["type"] for f in dates["findings"]} == {"date"}
    assert any(f["text"] == "2010년 겨울" for f in dates["findings"])  # the season too


def test_viewer_may_not_see_the_queue(as_viewer: Browser, scanned: Project) -> None:
    r = as_viewer.client.get("/deid")
    assert r.status_code == 403 and "may not code" in r.text and "혜산" not in r.text
    api = as_viewer.client.get("/api/deid/findings", headers={"accept": "application/json"})
    assert api.status_code == 403


def test_reject_one_changes_its_status_and_is_audited(as_owner: Browser, scanned: Project) -> None:
    fid = _finding(scanned, "place", "혜산")  # (로동신문, a newspaper, is no longer proposed)
    r = as_owner.post("/api/deid/review", json={"ids": [fid], "decision": "reject"})
    assert r.status_code == 200, r.text
    assert r.json() == {"status": "rejected", "changed": 1, "ids": [fid], "needs_vault": []}
    assert _status(scanned, fid) == "rejected"
    reviewed = scanned.deid.findings.select(Selector(ids=[fid]))[0]
    assert reviewed.reviewed_by == "Owner Kim"
    entry = audit.entries(scanned.conn, "deid.review")[-1]
    assert entry["actor"] == "Owner Kim" and entry["detail"]["targets"]["finding"] == [fid]


def test_coders_may_not_decide_redactions_unless_granted(
    as_coder: Browser, as_owner: Browser, scanned: Project
) -> None:
    place = _finding(scanned, "place", "혜산")
    as_owner.post("/api/deid/review", json={"ids": [place], "decision": "accept"})
    # a coder undoing the owner's redaction: refused, nothing changes
    r = as_coder.post("/api/deid/review", json={"ids": [place], "decision": "reject"})
    assert r.status_code == 403 and "owner" in r.json()["error"]
    assert _status(scanned, place) == "accepted"
    page = as_coder.client.get("/deid")
    assert page.status_code == 200 and 'class="review-one"' not in page.text
    assert "moksori deid grant" in page.text
    # a coder may not grant it to themselves
    with pytest.raises(DeidError):
        scanned.deid.reviewers.grant("Coder Lee", by="Coder Lee")
    scanned.deid.reviewers.grant("Coder Lee", by="Owner Kim")
    grant = audit.entries(scanned.conn, "deid.reviewer")[-1]
    lee = scanned.coders.get("Coder Lee").guid
    assert grant["actor"] == "Owner Kim"
    assert grant["detail"] == {"targets": {"coder": [lee]}, "choice": "grant"}
    assert 'class="review-one"' in as_coder.client.get("/deid").text
    r = as_coder.post("/api/deid/review", json={"ids": [place], "decision": "reject"})
    assert r.status_code == 200 and _status(scanned, place) == "rejected"
    entry = audit.entries(scanned.conn, "deid.review")[-1]
    assert entry["actor"] == "Coder Lee" and entry["detail"]["targets"]["finding"] == [place]
    scanned.deid.reviewers.revoke("Coder Lee", by="Owner Kim")
    r = as_coder.post("/api/deid/review", json={"ids": [place], "decision": "accept"})
    assert r.status_code == 403 and _status(scanned, place) == "rejected"


def test_bulk_accept_of_places_and_names_that_need_the_vault(
    as_coder: Browser, scanned: Project
) -> None:
    scanned.deid.reviewers.grant("Coder Lee")
    place = _finding(scanned, "place", "혜산")
    person = _finding(scanned, "person", "김순희")
    r = as_coder.post("/api/deid/review", json={"ids": [place, person], "decision": "accept"})
    body = r.json()
    assert body["changed"] == 1 and body["ids"] == [place] and body["needs_vault"] == [person]
    assert _status(scanned, place) == "accepted"
    assert _status(scanned, person) == "proposed"


def test_bulk_reject_by_type_touches_only_open_proposals(
    as_owner: Browser, scanned: Project
) -> None:
    dates = [f.id for f in scanned.deid.findings.select(Selector(types=["date"]))]
    as_owner.post("/api/deid/review", json={"ids": [dates[0]], "decision": "accept"})
    r = as_owner.post("/api/deid/review", json={"types": ["date"], "decision": "reject"})
    assert r.json()["changed"] == len(dates) - 1
    assert _status(scanned, dates[0]) == "accepted"
    assert all(_status(scanned, d) == "rejected" for d in dates[1:])


def test_review_checks_role_csrf_and_input(
    as_viewer: Browser,
    scanned: Project,
    app_client: TestClient,
) -> None:
    fid = _finding(scanned, "place", "혜산")
    viewer = as_viewer.post("/api/deid/review", json={"ids": [fid], "decision": "accept"})
    assert viewer.status_code == 403 and "error" in viewer.json()
    owner = login(app_client, "owner")
    stale = owner.client.post("/api/deid/review", json={"ids": [fid], "decision": "accept"})
    assert stale.status_code == 403
    assert _status(scanned, fid) == "proposed"
    for bad in (
        {"ids": [fid], "decision": "maybe"},
        {"decision": "accept"},
        {"ids": ["1"], "decision": "accept"},
        {"ids": [999999], "decision": "reject"},
    ):
        r = owner.post("/api/deid/review", json=bad)
        assert r.status_code == 400 and r.json()["error"], bad


def test_preview_is_redacted_for_viewers(as_viewer: Browser, study: Project) -> None:
    ko = next(d.id for d in study.documents() if d.lang == "ko")
    before = as_viewer.client.get(f"/deid/preview/{ko}")
    assert before.status_code == 403 and "not been scanned" in before.text
    study.deid.scan(workers=1)
    r = as_viewer.client.get(f"/deid/preview/{ko}")
    assert r.status_code == 200
    assert "김순희" not in r.text and "혜산" not in r.text and "interview-01" not in r.text
    assert '<mark class="replacement">' in r.text and "강을 건넜습니다 🌊" in r.text
    assert as_viewer.client.get("/deid/preview/999").status_code == 404
    # leaving proposals unredacted is for the team only
    bare = as_viewer.client.get(f"/deid/preview/{ko}", params={"accepted_only": "true"})
    assert bare.status_code == 403 and "김순희" not in bare.text


def test_preview_with_accepted_findings_only(as_owner: Browser, scanned: Project) -> None:
    ko = next(d.id for d in scanned.documents() if d.lang == "ko")
    place = _finding(scanned, "place", "혜산")
    as_owner.post("/api/deid/review", json={"ids": [place], "decision": "accept"})
    r = as_owner.client.get(f"/deid/preview/{ko}", params={"accepted_only": "true"})
    assert "김순희" in r.text  # a proposal, not redacted in this view
    assert "혜산에서" not in r.text  # accepted: generalised


def test_risk_table_over_case_attributes(as_owner: Browser, scanned: Project) -> None:
    cases = scanned.cases
    cases.define_attribute("gender", "category", ["female", "male"])
    cases.define_attribute("province", "text")
    for name, gender, province in [
        ("P01", "female", "<b>양강도</b>"),
        ("P02", "female", "함경북도"),
    ]:
        cases.add(name)
        cases.set_value(name, "gender", gender)
        cases.set_value(name, "province", province)
    r = as_owner.client.get("/deid")
    assert "Re-identification risk" in r.text and "k = 1" in r.text
    assert "&lt;b&gt;양강도&lt;/b&gt;" in r.text and "<b>양강도" not in r.text


# --- review per group ------------------------------------------------------------
def _group_of(study: Project, text: str) -> str:
    return next(g.id for g in study.deid.groups(status=None, with_text=True) if text in g.texts)


def test_grouped_view_joins_the_mentions_of_one_person(as_coder: Browser, scanned: Project) -> None:
    page = as_coder.client.get("/deid", params={"view": "groups"})
    assert page.status_code == 200 and 'class="groups"' in page.text
    assert "<mark>김순희</mark>" in page.text and "<mark>Kim Sunhee</mark>" in page.text
    assert 'class="review-group"' not in page.text  # a coder reads, the owner decides
    api = as_coder.client.get("/api/deid/groups").json()
    [person] = [g for g in api["groups"] if "김순희" in g["texts"]]
    assert "Kim Sunhee" in person["texts"] and person["size"] >= 4 and person["documents"] == 2
    assert api["total"] < len(scanned.deid.findings.select())
    # the finding-by-finding queue is still there
    assert "<mark>김순희</mark>" in as_coder.client.get("/deid").text


def test_viewer_may_not_see_the_groups(as_viewer: Browser, scanned: Project) -> None:
    r = as_viewer.client.get("/api/deid/groups", headers={"accept": "application/json"})
    assert r.status_code == 403 and "김순희" not in r.text


def test_owner_decides_a_whole_group_and_names_wait_for_the_vault(
    as_owner: Browser, scanned: Project
) -> None:
    place = _group_of(scanned, "혜산")
    members = next(g for g in scanned.deid.groups() if g.id == place).findings
    person = _group_of(scanned, "김순희")
    r = as_owner.post("/api/deid/review", json={"groups": [place, person], "decision": "accept"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["groups"] == [place] and body["needs_vault"] == [person]
    assert body["changed"] >= len(members) and all(
        _status(scanned, i) == "accepted" for i in members
    )
    entry = audit.entries(scanned.conn, "deid.review")[-1]
    assert entry["actor"] == "Owner Kim" and group_refs(entry["detail"]) == [place]
    # the same event as the CLI's: no "via" (tests/test_audit_parity.py)
    assert entry["detail"]["choice"] == "accept" and "혜산" not in str(entry)
    page = as_owner.client.get("/deid", params={"view": "groups"})
    assert 'class="review-group"' in page.text
    # a rejection of the person group needs no vault
    r = as_owner.post("/api/deid/review", json={"groups": [person], "decision": "reject"})
    assert r.json()["needs_vault"] == [] and r.json()["changed"] >= 2


def test_group_review_checks_its_input(as_owner: Browser, scanned: Project) -> None:
    place = _group_of(scanned, "혜산")
    for bad in (
        {"groups": "f1", "decision": "accept"},
        {"groups": [], "decision": "accept"},
        {"groups": [1], "decision": "accept"},
        {"groups": ["f999999"], "decision": "reject"},
        {"groups": [place], "ids": [1], "decision": "reject"},
    ):
        r = as_owner.post("/api/deid/review", json=bad)
        assert r.status_code == 400 and r.json()["error"], bad
    assert all(g.proposed for g in scanned.deid.groups(status=None) if g.id == place)
