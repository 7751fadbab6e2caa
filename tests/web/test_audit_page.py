"""The audit trail page: owners read who changed what, newest first, filtered like
`moksori audit`; coders and viewers may not; nothing on it is text or a name."""

from __future__ import annotations

from moksori.project import Project
from tests.web.conftest import Browser


def test_owners_read_the_trail_a_change_just_wrote(
    as_owner: Browser, as_coder: Browser, study: Project
) -> None:
    made = as_coder.post("/api/codes", json={"name": "Hunger", "definition": "going without"})
    assert made.status_code == 201, made.text
    events = as_owner.client.get("/api/audit", params={"action": "code", "last": 5}).json()
    newest = events["events"][-1]
    assert newest["action"] == "code.create" and newest["actor"] == as_coder.name
    [guid] = newest["detail"]["targets"]["code"]
    page = as_owner.client.get("/audit", params={"action": "code.create"})
    assert page.status_code == 200
    assert guid[:8] in page.text and as_coder.name in page.text
    assert "Hunger" not in page.text and "going without" not in page.text
    mine = as_owner.client.get("/api/audit", params={"actor": as_coder.name}).json()["events"]
    assert mine and {e["actor"] for e in mine} == {as_coder.name}
    assert as_owner.client.get("/api/audit", params={"since": "2999-01-01"}).json() == {
        "events": []
    }
    wrong = as_owner.client.get("/audit", params={"action": "nothing"})
    assert wrong.status_code == 400 and "no audited action" in wrong.text
    assert 'href="/audit"' in as_owner.client.get("/documents").text


def test_only_owners_read_the_trail(as_coder: Browser, as_viewer: Browser) -> None:
    for who in (as_coder, as_viewer):
        assert who.client.get("/audit").status_code == 403
        assert who.client.get("/api/audit").status_code == 403
        assert 'href="/audit"' not in who.client.get("/documents").text
