"""`moksori agreement`, `disagreements` and `reconcile` end to end."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from moksori.coding.reliability import Reliability
from moksori.project import Project
from tests.cli.test_cli import moksori as run
from tests.coding.test_reconcile import PASSAGES, held_text
from tests.coding.test_reconcile import study as reconcile_study
from tests.coding.test_reliability import CODINGS, build
from tests.conftest import cli_env


def moksori(*args: str) -> subprocess.CompletedProcess[str]:
    """As the project owner: under blind coding (the default) only they compare coders."""
    return run(*args, env=cli_env(MOKSORI_CODER="lead"))


def study(project_path: Path, passphrase: str, tmp_path: Path) -> str:
    with Project.create(project_path, passphrase) as p:
        p.coders.add("lead", "owner")
        build(p, tmp_path, CODINGS)
    return str(project_path)


def test_agreement_disagreements_reconcile(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    proj = study(project_path, passphrase, tmp_path)
    with Project.open(project_path, passphrase) as p:
        expected = Reliability(p.conn).agreement(["minji", "james"], unit="turn").to_json()

    r = moksori("agreement", proj, "--coders", "minji,james", "--unit", "turn", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == expected

    table = moksori("agreement", proj, "--coders", "minji,james,sora", "--unit", "char")
    assert table.returncode == 0, table.stderr
    assert "Crossing" in table.stdout and "overall" in table.stdout
    assert "uncoded units excluded" in table.stdout
    assert "kappa is defined for exactly two coders" in table.stderr

    only = moksori(
        "agreement", proj, "--coders", "minji,james", "--code", "Fear", "--doc", "en.txt",
        "--json",
    )  # fmt: skip
    data = json.loads(only.stdout)
    assert [c["code"] for c in data["codes"]] == ["Fear"] and len(data["documents"]) == 1

    listed = json.loads(moksori("disagreements", proj, "--coders", "minji,james", "--json").stdout)
    assert listed and {d["kind"] for d in listed} >= {"only_a", "only_b", "different_ranges"}
    human = moksori("disagreements", proj, "--coders", "minji,james", "--code", "Work")
    assert "공장에 다녔어요" in human.stdout

    r = moksori("reconcile", proj, "--coders", "minji,james", "--adopt", "both", "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["decisions"] == len(listed) and report["added"] > 0
    again = json.loads(
        moksori("reconcile", proj, "--coders", "minji,james", "--adopt", "both", "--json").stdout
    )
    assert (again["added"], again["removed"]) == (0, 0)
    after = json.loads(moksori("disagreements", proj, "--coders", "minji,james", "--json").stdout)
    assert {d["decided"] for d in after} == {"both"} and {d["state"] for d in after} == {"decided"}

    first = after[0]["b"][0]["coding_id"] if after[0]["b"] else after[0]["a"][0]["coding_id"]
    r = moksori(
        "reconcile", proj, "--coders", "minji,james", "--adopt", "a", "--coding", str(first)
    )
    assert r.returncode == 0 and "1 disagreement(s) decided" in r.stdout


def test_the_issue_study_through_the_cli(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    """Explicit decisions on five units, then a bulk run to carry the agreements: the
    consensus holds the 13 codings decided (the issue saw 16, this code before saw 18)."""
    with Project.create(project_path, passphrase) as p:
        p.coders.add("lead", "owner")
        ids = reconcile_study(p, tmp_path)
    proj, pair = str(project_path), ("--coders", "A,B")
    undecided = json.loads(moksori("disagreements", proj, *pair, "--undecided", "--json").stdout)
    assert len(undecided) == 6
    for coding, side in (("b7", "a"), ("a8", "b"), ("a9", "a"), ("b10", "a")):
        r = moksori("reconcile", proj, *pair, "--coding", str(ids[coding]), "--adopt", side)
        assert r.returncode == 0 and "1 disagreement(s) decided" in r.stdout, r.stderr
    r = moksori("reconcile", proj, *pair, "--coding", str(ids["a11"]), "--adopt", "new",
                "--new-code", "Family")  # fmt: skip
    assert r.returncode == 0, r.stderr
    bulk = moksori("reconcile", proj, *pair, "--adopt", "both")
    assert "1 disagreement(s) decided (both), 5 decided before and kept" in bulk.stdout
    with Project.open(project_path, passphrase) as p:
        held = held_text(p)
    assert len(held) == 13 and ("Help anonymously", PASSAGES[7]) not in held
    assert ("Family", PASSAGES[11]) in held and ("Barriers", PASSAGES[9]) not in held
    decided = json.loads(moksori("disagreements", proj, *pair, "--decided", "--json").stdout)
    assert [d["decided"] for d in decided] == ["a", "b", "a", "a", "new", "both"]
    assert decided[4]["new_code"] == "Family" and decided[5]["bulk"] is True
    assert moksori("disagreements", proj, *pair, "--undecided").stderr.strip() == (
        "no undecided disagreements"
    )
    table = moksori("disagreements", proj, *pair)
    assert "6 decided" in table.stdout and "new: Family" in table.stdout
    both = moksori("disagreements", proj, *pair, "--decided", "--undecided")
    assert both.returncode == 1 and "choose one of" in both.stderr


def test_reliability_errors_are_one_line(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    proj = study(project_path, passphrase, tmp_path)
    for args, message in (
        (("agreement", proj, "--coders", "minji"), "separated by commas"),
        (("agreement", proj, "--coders", "minji,nobody"), "no coder 'nobody'"),
        (("agreement", proj, "--coders", "minji,james", "--unit", "word"), "unknown unit"),
        (("reconcile", proj, "--coders", "minji,james", "--adopt", "c"), "--adopt must be"),
        (("disagreements", proj, "--coders", "minji,james,sora"), "exactly two"),
    ):
        r = moksori(*args)
        assert r.returncode == 1, (args, r.stderr)
        assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_blind_coding_keeps_coders_from_comparing(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    proj = study(project_path, passphrase, tmp_path)
    as_minji = cli_env(MOKSORI_CODER="minji")
    r = run("disagreements", proj, "--coders", "minji,james", env=as_minji)
    assert r.returncode == 1 and "blind coding is on" in r.stderr
    assert "무서웠어요" not in r.stdout + r.stderr
    r = run("agreement", proj, "--coders", "minji,james", "--coder", "james")
    assert r.returncode == 1 and "cannot see the codings of minji" in r.stderr
