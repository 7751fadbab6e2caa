"""Reliability: figures, disagreements side by side, and resolving them (owner only)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from moksori.project import Project
from moksori.store import audit
from tests.web.conftest import Browser

HOSTILE = "<img src=x onerror=alert(1)>"
PAIR = {"a": "Coder Lee", "b": "Coder Choi"}


def _line(text: str, needle: str) -> tuple[int, int]:
    line = next(x for x in text.splitlines() if needle in x)
    return text.index(line), text.index(line) + len(line)


@pytest.fixture
def two_coders(study: Project) -> dict[str, int]:
    """Lee and Choi agree on one turn and disagree on two others."""
    ko = next(d.id for d in study.documents() if d.lang == "ko")
    text = study.document(ko).text
    study.codebook.create(HOSTILE)
    apply = study.codings.apply
    apply("Family", ko, *_line(text, "어머니"), coder="Coder Lee")
    apply("Family", ko, *_line(text, "어머니"), coder="Coder Choi")
    river = apply("Crossing", ko, *_line(text, "강을"), coder="Coder Lee")
    s, e = _line(text, "식당")
    work = apply(HOSTILE, ko, s, e, coder="Coder Choi")
    return {"ko": ko, "river": river.id, "work": work.id, "river_start": _line(text, "강을")[0]}


def test_owner_sees_figures_and_disagreements(
    as_owner: Browser, two_coders: dict[str, int]
) -> None:
    r = as_owner.client.get("/reliability", params=PAIR)
    assert r.status_code == 200
    assert "kappa" in r.text and "overall (pooled)" in r.text
    assert "Disagreements (2)" in r.text
    # side by side: Lee's range has the river text, Choi's column says not coded
    assert "강을 건넜습니다 🌊" in r.text and "식당에서 일했어요" in r.text
    assert f'data-coding="{two_coders["river"]}"' in r.text
    assert 'class="resolve"' in r.text
    assert HOSTILE not in r.text and "&lt;img src=x onerror=alert(1)&gt;" in r.text


def test_coder_under_blind_coding_gets_the_reason(
    as_coder: Browser, two_coders: dict[str, int]
) -> None:
    r = as_coder.client.get("/reliability", params=PAIR)
    assert r.status_code == 200
    assert "blind coding is on" in r.text
    assert "식당에서 일했어요" not in r.text and 'class="resolve"' not in r.text


def test_viewer_sees_redacted_disagreements_without_buttons(
    as_viewer: Browser, study: Project, two_coders: dict[str, int]
) -> None:
    hidden = as_viewer.client.get("/reliability", params=PAIR)
    assert "강을 건넜습니다" not in hidden.text and "not yet checked" in hidden.text
    study.deid.scan(workers=1)
    r = as_viewer.client.get("/reliability", params=PAIR)
    assert "강을 건넜습니다" in r.text
    assert "김순희" not in r.text and "혜산" not in r.text
    assert 'class="resolve"' not in r.text and "Only the project owner" in r.text


def test_resolve_adopts_coder_a_into_the_consensus(
    as_owner: Browser, study: Project, two_coders: dict[str, int]
) -> None:
    r = as_owner.post(
        "/api/reliability/resolve",
        json={**PAIR, "adopt": "a", "coding_ids": [two_coders["river"]]},
    )
    assert r.status_code == 200, r.text
    assert r.json()["decisions"] == 1 and r.json()["added"] == 1
    consensus = study.coders.consensus()
    rows = study.conn.execute(
        "SELECT start, source_id, origin FROM coding WHERE coder_id = ?", (consensus.id,)
    ).fetchall()
    assert rows == [(two_coders["river_start"], two_coders["river"], "consensus")]
    assert audit.entries(study.conn, "reconcile")[-1]["actor"] == "Owner Kim"
    page = as_owner.client.get("/reliability", params=PAIR)
    assert '<td class="decided">a</td>' in page.text


def test_resolve_both_then_b_replaces(
    as_owner: Browser, study: Project, two_coders: dict[str, int]
) -> None:
    body = {**PAIR, "coding_ids": [two_coders["work"]]}
    assert (
        as_owner.post("/api/reliability/resolve", json={**body, "adopt": "b"}).json()["added"] == 1
    )
    again = as_owner.post("/api/reliability/resolve", json={**body, "adopt": "a"}).json()
    assert again["removed"] == 1  # A coded nothing there: the consensus drops Choi's coding
    consensus = study.coders.consensus()
    n = study.conn.execute("SELECT count(*) FROM coding WHERE coder_id = ?", (consensus.id,))
    assert n.fetchone()[0] == 0


def test_decisions_are_kept_from_a_bulk_run_and_shown(
    as_owner: Browser, study: Project, two_coders: dict[str, int]
) -> None:
    body = {**PAIR, "coding_ids": [two_coders["work"]]}
    r = as_owner.post("/api/reliability/resolve", json={**body, "adopt": "neither"})
    assert r.status_code == 200 and r.json()["added"] == 0
    study.reconciler.reconcile(["Coder Lee", "Coder Choi"], "both")  # the bulk run
    consensus = study.coders.consensus()
    held = study.conn.execute(
        "SELECT source_id FROM coding WHERE coder_id = ? ORDER BY start", (consensus.id,)
    ).fetchall()
    assert two_coders["work"] not in {h[0] for h in held}  # 'neither' was kept
    page = as_owner.client.get("/reliability", params=PAIR)
    assert '<td class="decided">neither</td>' in page.text
    assert '<td class="decided">both <small>(bulk)</small></td>' in page.text
    assert 'data-adopt="neither"' in page.text
    # a new code is typed or picked beside its button, from the codable codes
    assert 'data-adopt="new"' in page.text and 'list="code-paths"' in page.text
    assert '<datalist id="code-paths">' in page.text and '<option value="Family">' in page.text
    assert "decided: 2" in page.text
    undecided = as_owner.client.get("/reliability", params={**PAIR, "state": "undecided"})
    assert "Disagreements (0)" in undecided.text
    decided = as_owner.client.get("/reliability", params={**PAIR, "state": "decided"})
    assert "Disagreements (2)" in decided.text
    new = as_owner.post("/api/reliability/resolve", json={**body, "adopt": "new", "code": "Family"})
    assert new.status_code == 200 and new.json()["added"] == 1
    page = as_owner.client.get("/reliability", params=PAIR)
    assert '<td class="decided">new code: Family</td>' in page.text


def test_only_the_owner_resolves(as_coder: Browser, two_coders: dict[str, int]) -> None:
    r = as_coder.post(
        "/api/reliability/resolve",
        json={**PAIR, "adopt": "a", "coding_ids": [two_coders["river"]]},
        headers={"accept": "application/json"},
    )
    assert r.status_code == 403 and "may not manage" in r.json()["error"]


def test_resolve_needs_the_csrf_token_and_good_input(
    as_owner: Browser, study: Project, two_coders: dict[str, int]
) -> None:
    body = {**PAIR, "adopt": "a", "coding_ids": [two_coders["river"]]}
    stale = as_owner.client.post("/api/reliability/resolve", json=body)
    assert stale.status_code == 403 and "error" in stale.json()
    assert (
        study.conn.execute("SELECT count(*) FROM coder WHERE role = 'consensus'").fetchone()[0] == 0
    )
    bad = as_owner.post("/api/reliability/resolve", json={**body, "adopt": "mine"})
    assert bad.status_code == 400 and "adopt" in bad.json()["error"]
    none = as_owner.post("/api/reliability/resolve", json={**body, "coding_ids": []})
    assert none.status_code == 400


class _Attributes(HTMLParser):
    """Every tag's attribute names, and inline script bodies, as a browser parses them."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.inline_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names |= {name for name, _ in attrs}
        if tag == "script" and not (dict(attrs).get("src") or "").startswith("/static/"):
            self.inline_scripts += 1


def test_pages_keep_to_the_content_security_policy(
    as_owner: Browser, study: Project, two_coders: dict[str, int]
) -> None:
    """No inline script, style attribute or event handler on any of these pages."""
    study.deid.scan(workers=1)
    for url in ("/search?q=강", "/coded", "/reliability", "/deid", "/deid/preview/3", "/reports"):
        r = as_owner.client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        parsed = _Attributes()
        parsed.feed(r.text)
        assert parsed.inline_scripts == 0, url
        assert "style" not in parsed.names, url
        assert not {n for n in parsed.names if n.startswith("on")}, url
    assert as_owner.client.get("/static/review.js").status_code == 200
