"""moksori deid groups and review --group in a real process: one decision per person or place."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_deid_cli import run
from tests.protect.study_corpus import PEOPLE, PLACES, write_study


def test_groups_listed_without_names_and_decided_whole(tmp_path: Path) -> None:
    proj = str(tmp_path / "study.moksori")
    run("init", proj)
    run("add", proj, str(write_study(tmp_path / "in", korean=4, english=2)))
    run("deid", "vault", "init", proj)
    run("deid", "scan", proj)

    listing = run("deid", "groups", proj)
    data = json.loads(run("deid", "groups", proj, "--json"))
    everything = listing + json.dumps(data, ensure_ascii=False)
    for full, roman in PEOPLE:  # no text unless asked
        assert full not in everything and roman not in everything
    groups = data["groups"]
    assert data["total"] == len(groups) <= 1.2 * (len(PEOPLE) + len(PLACES))
    assert all(g["proposed"] and g["id"][0] in "ef" for g in groups)
    assert "decide one with" in listing

    shown = json.loads(run("deid", "groups", proj, "--json", "--show-text"))["groups"]
    [young] = [g for g in shown if "김영철" in g["texts"]]
    assert "Kim Young-chol" in young["texts"]

    # the group's findings in context, for the reviewer who asks
    context = json.loads(run("deid", "findings", proj, "--group", young["id"], "--json"))
    assert {f["id"] for f in context} == set(young["findings"])
    assert {f["text"] for f in context} == set(young["texts"])

    report = json.loads(run("deid", "review", proj, "accept", "--group", young["id"], "--json"))
    assert report["changed"] == young["size"] and report["entities_created"] == 1
    left = json.loads(run("deid", "groups", proj, "--json"))["groups"]
    assert young["id"] not in {g["id"] for g in left}
    for g in left:
        run("deid", "review", proj, "accept", "--group", g["id"])
    assert json.loads(run("deid", "status", proj, "--json"))["unreviewed"] == 0

    assert "unknown status" in run("deid", "groups", proj, "--status", "maybe", ok=False)
    settled = json.loads(run("deid", "groups", proj, "--status", "all", "--json"))["groups"]
    assert settled and all(g["accepted"] and not g["proposed"] for g in settled)
    assert "no group" in run("deid", "review", proj, "reject", "--group", "f99999", ok=False)
    assert "do not mix" in run(
        "deid", "review", proj, "reject", "--group", young["id"], "--all", ok=False
    )
