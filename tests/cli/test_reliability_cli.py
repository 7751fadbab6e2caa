"""`moksori agreement`, `disagreements` and `reconcile` end to end."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from moksori.coding.reliability import Reliability
from moksori.project import Project
from tests.cli.test_cli import moksori as run
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
    assert {d["decided"] for d in after} == {"both"}

    first = after[0]["b"][0]["coding_id"] if after[0]["b"] else after[0]["a"][0]["coding_id"]
    r = moksori(
        "reconcile", proj, "--coders", "minji,james", "--adopt", "a", "--coding", str(first)
    )
    assert r.returncode == 0 and "1 disagreement(s) decided" in r.stdout


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
