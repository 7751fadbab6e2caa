"""The codebook page and API: the tree with counts; create, edit, move, merge; roles."""

from __future__ import annotations

from moksori.project import Project
from moksori.store import audit
from tests.web.conftest import Browser

HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
JSON = {"accept": "application/json"}


def ko_id(study: Project) -> int:
    return next(d.id for d in study.documents() if d.source_name.endswith("interview-01.ko.txt"))


def codes(b: Browser) -> dict[str, dict]:
    r = b.client.get("/api/codes", headers=JSON)
    assert r.status_code == 200
    return {c["path"]: c for c in r.json()["codes"]}


def test_tree_with_counts_including_sub_codes(as_coder: Browser, study: Project) -> None:
    r = as_coder.post("/api/codes", json={"name": "River", "parent": "Crossing"})
    assert r.status_code == 201 and r.json()["path"] == "Crossing/River"
    ko = ko_id(study)
    study.codings.apply("Crossing/River", ko, 0, 5, coder="Coder Lee")
    study.codings.apply("Crossing/River", ko, 10, 15, coder="Coder Lee")
    study.codings.apply("Crossing", ko, 20, 25, coder="Coder Choi")
    got = codes(as_coder)
    assert list(got) == ["Crossing", "Crossing/River", "Family"]  # parents before children
    assert (got["Crossing"]["count"], got["Crossing"]["total"]) == (1, 3)
    assert (got["Crossing/River"]["count"], got["Crossing/River"]["depth"]) == (2, 1)
    assert got["Family"]["count"] == got["Family"]["total"] == 0
    page = as_coder.client.get("/codebook").text
    assert "1 / 3" in page and 'class="depth-1"' in page
    assert 'id="code-create"' in page and 'id="code-merge"' not in page  # merge: owner only
    assert as_coder.client.get("/codebook", headers=JSON).json() == {"codes": list(got.values())}


def test_create_edit_and_move_are_audited(as_coder: Browser, study: Project) -> None:
    since = audit.last_id(study.conn)  # the fixture's own codes are audited too
    made = as_coder.post(
        "/api/codes", json={"name": "Hunger", "definition": "going without food", "colour": "#abc"}
    ).json()
    assert made["colour"] == "#aabbcc" and made["definition"] == "going without food"
    r = as_coder.client.patch(
        f"/api/codes/{made['id']}",
        json={"name": "Food", "definition": "food and hunger", "colour": "#1f77b4"},
        headers={"X-CSRF-Token": as_coder.csrf},
    )
    assert r.status_code == 200, r.text
    assert (r.json()["name"], r.json()["colour"]) == ("Food", "#1f77b4")
    moved = as_coder.post(f"/api/codes/{made['id']}/move", json={"parent": "Family"})
    assert moved.status_code == 200 and moved.json()["path"] == "Family/Food"
    top = as_coder.post(f"/api/codes/{made['id']}/move", json={"parent": None})
    assert top.json()["path"] == "Food"
    family = study.codebook.get("Family").id
    r = as_coder.post(f"/api/codes/{family}/move", json={"parent": "Family"})
    assert r.status_code == 400 and "under itself" in r.json()["error"]
    assert as_coder.post("/api/codes", json={"name": "food"}).status_code == 400  # taken
    r = as_coder.post("/api/codes", json={"name": "Bad colour", "colour": "red"})
    assert r.status_code == 400 and "hex colour" in r.json()["error"]
    for action in ("code.create", "code.edit", "code.move"):
        entries = [e for e in audit.entries(study.conn, action) if e["id"] > since]
        assert entries and {e["actor"] for e in entries} == {"Coder Lee"}, action
    edit = [e for e in audit.entries(study.conn, "code.edit") if e["id"] > since][0]["detail"]
    assert audit.trash(study.conn, edit["targets"]["trash"][0])["name"] == "Hunger"
    (guid,) = edit["targets"]["code"]
    assert study.conn.execute("SELECT name FROM code WHERE guid = ?", (guid,)).fetchone() == (
        "Food",
    )


def test_merge_is_for_the_owner(as_coder: Browser, as_owner: Browser, study: Project) -> None:
    ko = ko_id(study)
    study.codings.apply("Family", ko, 0, 5, coder="Coder Lee")
    family, crossing = study.codebook.get("Family").id, study.codebook.get("Crossing").id
    r = as_coder.post(f"/api/codes/{family}/merge", json={"into": crossing})
    assert r.status_code == 403
    assert study.codebook.find("Family") is not None
    r = as_owner.post(f"/api/codes/{family}/merge", json={"into": "Crossing"})
    assert r.status_code == 200 and r.json()["codings_moved"] == 1
    assert study.codebook.find("Family") is None
    assert codes(as_owner)["Crossing"]["count"] == 1
    (entry,) = audit.entries(study.conn, "code.merge")
    assert entry["actor"] == "Owner Kim"
    assert 'id="code-merge"' in as_owner.client.get("/codebook").text


def test_viewer_reads_but_may_not_change(as_viewer: Browser, study: Project) -> None:
    assert set(codes(as_viewer)) == {"Crossing", "Family"}
    page = as_viewer.client.get("/codebook")
    assert page.status_code == 200 and "code-create" not in page.text
    crossing = study.codebook.get("Crossing").id
    attempts = [
        as_viewer.post("/api/codes", json={"name": "X"}),
        as_viewer.client.patch(
            f"/api/codes/{crossing}", json={"name": "X"}, headers={"X-CSRF-Token": as_viewer.csrf}
        ),
        as_viewer.post(f"/api/codes/{crossing}/move", json={"parent": "Family"}),
        as_viewer.post(f"/api/codes/{crossing}/merge", json={"into": "Family"}),
    ]
    assert [r.status_code for r in attempts] == [403] * 4
    assert [c.path for c in study.codebook.tree()] == ["Crossing", "Family"]


def test_writes_need_the_csrf_header(as_coder: Browser, study: Project) -> None:
    r = as_coder.client.post("/api/codes", json={"name": "Sneaky"})
    assert r.status_code == 403
    crossing = study.codebook.get("Crossing").id
    r = as_coder.client.patch(f"/api/codes/{crossing}", json={"name": "Sneaky"})
    assert r.status_code == 403
    assert study.codebook.find("Sneaky") is None


def test_hostile_names_and_definitions_are_escaped(
    as_coder: Browser, as_viewer: Browser, study: Project
) -> None:
    r = as_coder.post(
        "/api/codes", json={"name": HOSTILE[1], "definition": HOSTILE[0], "parent": "Family"}
    )
    assert r.status_code == 201, r.text
    study.deid.scan()
    for b in (as_coder, as_viewer):
        page = b.client.get("/codebook").text
        for bad in HOSTILE:
            assert bad not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
        doc = b.client.get(f"/documents/{ko_id(study)}").text
        assert HOSTILE[1] not in doc
    # a name a script may hold is still refused where it would break code paths
    assert as_coder.post("/api/codes", json={"name": HOSTILE[0]}).status_code == 400
