"""Redaction decisions are the owner's; a grant lets a named coder decide (audited)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import moksori
from tests.conftest import cli_env
from tests.protect.conftest import TESTIMONY_KO

ENV = cli_env()


def run(*args: str, ok: bool = True) -> str:
    r = moksori(*args, env=ENV)
    assert (r.returncode == 0) == ok, r.stdout + r.stderr
    if not ok:
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
        return r.stderr
    return r.stdout


def test_only_owners_and_granted_coders_decide(tmp_path: Path) -> None:
    proj = str(tmp_path / "study.moksori")
    text = tmp_path / "1-ko.txt"
    text.write_text(TESTIMONY_KO, encoding="utf-8")
    run("init", proj)
    run("add", proj, str(text))
    run("coder", "add", proj, "Dr Han", "--role", "owner")
    run("coder", "add", proj, "Coder A")
    run("deid", "scan", proj)
    places = json.loads(run("deid", "findings", proj, "--type", "place", "--json"))
    first = str(places[0]["id"])
    run("deid", "review", proj, "accept", "--id", first, "--coder", "Dr Han")

    refused = run("deid", "review", proj, "reject", "--id", first, "--coder", "Coder A", ok=False)
    assert "owner" in refused and "moksori deid grant" in refused
    # a coder cannot grant it to themselves
    assert "only an owner" in run("deid", "grant", proj, "Coder A", "--coder", "Coder A", ok=False)
    assert "may now decide" in run("deid", "grant", proj, "Coder A", "--coder", "Dr Han")
    run("deid", "review", proj, "reject", "--id", first, "--coder", "Coder A")
    after = json.loads(run("deid", "findings", proj, "--type", "place", "--json"))
    assert next(f for f in after if str(f["id"]) == first)["status"] == "rejected"
    run("deid", "revoke", proj, "Coder A", "--coder", "Dr Han")
    run("deid", "review", proj, "accept", "--id", first, "--coder", "Coder A", ok=False)
    assert "holds no grant" in run("deid", "revoke", proj, "Coder A", ok=False)
