"""moksori deid policy: the per-type actions and the project's shared list, shown and edited."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_deid_cli import run


def test_policy_shows_and_edits_the_shared_list(tmp_path: Path) -> None:
    proj = str(tmp_path / "study.moksori")
    run("init", proj)
    shown = json.loads(run("deid", "policy", proj, "--json"))
    assert shown["place"] == "province"
    assert "north korea" in shown["shared"]["phrases"] and shown["shared"]["added"] == []
    text = run("deid", "policy", proj)
    assert "shared (never proposed)" in text and "하나원" in text

    added = json.loads(run("deid", "policy", proj, "allow", "Sunshine Church", "--json"))
    assert added["shared"]["added"] == ["sunshine church"]
    removed = json.loads(run("deid", "policy", proj, "deny", "Tumen River", "--json"))
    assert removed["shared"]["removed"] == ["tumen river"]
    assert "tumen river" not in removed["shared"]["phrases"]
    # the per-type actions still work beside it
    assert json.loads(run("deid", "policy", proj, "age", "mask", "--json"))["age"] == "mask"
    assert "give a phrase" in run("deid", "policy", proj, "allow", ok=False)
    assert "at most" in run("deid", "policy", proj, "allow", "x" * 200, ok=False)
