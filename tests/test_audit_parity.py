"""Audit parity: the same ten actions from the CLI and from the web leave the same trail.

Two identical projects are built from small fixture files (one is a copy of
the other). On the first, ten actions run through the CLI (typer's CliRunner
on ``moksori.cli.app``, ``--coder`` naming the researcher where the command
has it, MOKSORI_CODER otherwise); on the second, the same ten through the web
app (FastAPI's TestClient, signed in as an owner of the same name):

code, uncode, create a code, move it, merge two codes, write a memo, set a
case attribute, review a finding (accept), reconcile one disagreement, and
export the coded segments as CSV.

The trails written after the set-up must be equal event by event: the same
action, the same target kinds, the same counts and choice, and every target
pointing at the same thing. Only timestamps and the GUIDs of records each
face created itself differ; each GUID is compared by where it first appears
in its trail, and the actor must be the researcher's name on both sides.
Every one of the ten actions has a web route (setting a case attribute:
``POST /api/cases/{id}/values``).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from moksori.cli.app import app as cli_app
from moksori.project import Project
from moksori.store import audit
from moksori.web.app import WebSettings, create_app
from tests.conftest import TEST_PASSPHRASE

RESEARCHER = "Researcher Han"
PASSWORD = "a long researcher password 7"
# Fictional testimony: names, places and numbers are invented.
INTERVIEW = (
    "면접자: 처음 국경을 넘을 때 어땠어요?\n"
    "응답자: 겨울에 강을 건넜어요. 너무 추웠어요.\n"
    "면접자: 연락은 어떻게 하세요?\n"
    "응답자: 브로커 전화 010-2345-6789 로만 연락해요.\n"
    "면접자: 가족은요?\n"
    "응답자: 어머니는 아직 고향에 계세요.\n"
)
CROSSING = "겨울에 강을 건넜어요"
FAMILY = "어머니는 아직 고향에 계세요"


def _build(folder: Path) -> Path:
    """One small study: a coded interview, two coders who disagree, a case, a scan."""
    texts = folder / "texts"
    texts.mkdir()
    (texts / "interview.ko.txt").write_text(INTERVIEW, encoding="utf-8")
    path = folder / "study.moksori"
    with Project.create(path, TEST_PASSPHRASE) as p:
        p.add([texts], workers=1)
        p.users.add(RESEARCHER, PASSWORD, "owner")  # also the coder of that name
        p.coders.add("Coder A")
        p.coders.add("Coder B")
        for name in ("Crossing", "Family", "Hardship", "Journey"):
            p.codebook.create(name)
        doc = p.documents()[0].id
        start = INTERVIEW.index(CROSSING)
        p.codings.apply("Crossing", doc, start, start + len(CROSSING), coder="Coder A")
        p.codings.apply("Crossing", doc, start, start + 5, coder="Coder B")
        p.cases.add("P01")
        p.cases.link("P01", doc)
        p.cases.define_attribute("age_band", "category", ["20s", "30s", "40s"])
        p.deid.scan(workers=1)
    return path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("parity"))


def _copy(template: Path, tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir()
    path = tmp_path / name / "study.moksori"
    shutil.copy(template, path)
    return path


class Setting:
    """What both faces need to know about the (identical) projects."""

    def __init__(self, path: Path) -> None:
        with Project.open(path, TEST_PASSPHRASE) as p:
            self.since = audit.last_id(p.conn)
            self.doc = p.documents()[0].id
            self.case = p.cases.get("P01").id
            self.hardship = p.codebook.get("Hardship").id
            phones = [f for f in p.deid.findings.select() if f.type == "phone"]
            assert phones, "the scan should find the phone number"
            self.finding = phones[0].id
            self.disputed = next(c.id for c in p.codings.list("Crossing") if c.coder == "Coder A")
        self.start = INTERVIEW.index(FAMILY)
        self.end = self.start + len(FAMILY)


def trail(path: Path, since: int) -> list[dict[str, Any]]:
    with Project.open(path, TEST_PASSPHRASE) as p:
        return [e for e in audit.entries(p.conn) if e["id"] > since]


# --- the CLI ----------------------------------------------------------------------
def run_cli(path: Path, s: Setting, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOKSORI_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("MOKSORI_CODER", RESEARCHER)  # for commands without --coder
    runner = CliRunner()
    me = ["--coder", RESEARCHER]

    def cli(*args: str) -> str:
        result = runner.invoke(cli_app, [str(a) for a in args])
        assert result.exit_code == 0, (args, result.output)
        return result.stdout

    p = str(path)
    made = json.loads(
        cli("code", "apply", p, "Family", "--doc", s.doc, "--start", s.start, "--end", s.end,
            "--json", *me)
    )  # fmt: skip
    cli("code", "remove", p, made[0]["id"], *me)
    cli("codebook", "add", p, "Shame", *me)
    cli("codebook", "move", p, "Shame", "Journey", *me)
    cli("codebook", "merge", p, "Hardship", "Family", *me)
    cli("memo", "add", p, "Family", "--on", "code", "--text", "silence as protection", *me)
    cli("case", "set", p, "P01", "age_band", "30s", *me)
    cli("deid", "review", p, "accept", "--id", s.finding, *me)
    cli("reconcile", p, "--coders", "Coder A,Coder B", "--adopt", "a", "--coding", s.disputed,
        *me)  # fmt: skip
    cli("retrieve", p, "Crossing", "--csv", out / "crossing.csv")


# --- the web ----------------------------------------------------------------------
def login(client: TestClient) -> str:
    page = client.get("/login")
    token = re.search(r'name="login_csrf" value="([^"]+)"', page.text)
    assert token
    response = client.post(
        "/login",
        data={"name": RESEARCHER, "password": PASSWORD, "login_csrf": token.group(1)},
        follow_redirects=True,
    )
    assert response.status_code == 200, response.text[:300]
    csrf = re.search(r'data-csrf="([^"]+)"', response.text)
    assert csrf
    return csrf.group(1)


def run_web(path: Path, s: Setting) -> int:
    """The ten actions through the web; returns the audit id after signing in."""
    with Project.open(path, TEST_PASSPHRASE) as project:
        app = create_app(project, WebSettings())
        with TestClient(app, headers={"accept": "text/html,*/*"}) as client:
            csrf = login(client)
            signed_in = audit.last_id(project.conn)  # the login is the web's own event
            h = {"X-CSRF-Token": csrf, "accept": "application/json"}

            def ok(response: Any) -> Any:
                assert response.status_code in (200, 201), response.text[:300]
                return response.json() if "json" in response.headers["content-type"] else None

            made = ok(
                client.post(
                    "/api/codings",
                    json={"document_id": s.doc, "code": "Family", "start16": s.start,
                          "end16": s.end},
                    headers=h,
                )
            )  # fmt: skip
            ok(client.delete(f"/api/codings/{made['id']}", headers=h))
            shame = ok(client.post("/api/codes", json={"name": "Shame"}, headers=h))
            ok(client.post(f"/api/codes/{shame['id']}/move", json={"parent": "Journey"}, headers=h))
            ok(client.post(f"/api/codes/{s.hardship}/merge", json={"into": "Family"}, headers=h))
            memo = {"target_kind": "code", "target": "Family", "text": "silence as protection"}
            ok(client.post("/api/memos", json=memo, headers=h))
            value = {"attribute": "age_band", "value": "30s"}
            ok(client.post(f"/api/cases/{s.case}/values", json=value, headers=h))
            review = {"decision": "accept", "ids": [s.finding]}
            ok(client.post("/api/deid/review", json=review, headers=h))
            resolve = {"a": "Coder A", "b": "Coder B", "adopt": "a", "coding_ids": [s.disputed]}
            ok(client.post("/api/reliability/resolve", json=resolve, headers=h))
            r = client.get("/coded/export", params={"code": "Crossing", "format": "csv"})
            assert r.status_code == 200, r.text[:300]
    return signed_in


# --- the comparison -------------------------------------------------------------------
def shape(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each event without its id, time and actor; each GUID replaced by the order in
    which the trail first names it (ids of records without GUIDs are kept)."""
    seen: dict[str, str] = {}

    def ref(r: Any) -> Any:
        if isinstance(r, str):
            return seen.setdefault(r, f"guid#{len(seen)}")
        return r

    out = []
    for e in events:
        d = e["detail"]
        out.append(
            {
                "action": e["action"],
                "targets": {k: [ref(r) for r in v] for k, v in d.get("targets", {}).items()},
                "counts": d.get("counts", {}),
                "choice": d.get("choice"),
            }
        )
    return out


def test_the_cli_and_the_web_leave_the_same_trail(
    template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_cli, by_web = _copy(template, tmp_path, "cli"), _copy(template, tmp_path, "web")
    s = Setting(by_cli)
    assert Setting(by_web).since == s.since
    run_cli(by_cli, s, tmp_path, monkeypatch)
    signed_in = run_web(by_web, s)
    cli_trail = trail(by_cli, s.since)
    web_trail = trail(by_web, signed_in)
    assert [e["action"] for e in trail(by_web, s.since)][0] == "login"

    actions = [e["action"] for e in cli_trail]
    assert actions == [
        "coding.add",
        "coding.delete",
        "code.create",
        "code.move",
        "code.merge",
        "memo.add",
        "attribute.set",
        "deid.review",
        "reconcile",
        "export",
    ]  # one event per action, in order
    assert shape(cli_trail) == shape(web_trail)
    assert {e["actor"] for e in cli_trail} == {RESEARCHER}
    assert {e["actor"] for e in web_trail} == {RESEARCHER}
