"""`moksori deid risk`, run through a small typer app that registers the command
the way the main app does (``deid_risk.register`` on a ``deid`` group)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from moksori.cli import deid_risk
from moksori.project import Project

# Fictional participants: age, year_left, home_province, religion.
PEOPLE = {
    "은별": (30, 2010, "함경북도", "none"),
    "하늘": (30, 2010, "함경북도", "christian"),
    "P03": (30, 2010, "함경북도", "none"),
    "P04": (30, 2010, "양강도", "none"),
    "P05": (30, 2010, "양강도", "none"),
    "P06": (41, 2015, "양강도", "buddhist"),
}


def _app() -> typer.Typer:
    app = typer.Typer()
    deid = typer.Typer()
    deid_risk.register(deid)
    app.add_typer(deid, name="deid")

    @app.callback()
    def main() -> None:
        """A stand-in for the moksori app."""

    return app


@pytest.fixture
def study(project_path: Path, passphrase: str) -> str:
    with Project.create(project_path, passphrase) as p:
        cases = p.cases
        cases.define_attribute("age", "integer")
        cases.define_attribute("year_left", "integer")
        cases.define_attribute("home_province", "text")
        cases.define_attribute("religion", "category", ["none", "christian", "buddhist"])
        cases.define_attribute("favourite_food", "text")
        for name, values in PEOPLE.items():
            cases.add(name)
            for attr, value in zip(
                ("age", "year_left", "home_province", "religion"), values, strict=True
            ):
                cases.set_value(name, attr, value)
    return str(project_path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(_app(), ["deid", "risk", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_output(study: str) -> None:
    code, stdout, _ = run(study, "--qi", "age", "--qi", "year_left", "--qi", "home_province",
                          "--sensitive", "religion", "--json")  # fmt: skip
    assert code == 0
    data = json.loads(stdout)
    assert data["k"] == 1 and data["safe"] is False
    assert data["quasi_identifiers"] == ["age", "year_left", "home_province"]
    assert data["chosen_automatically"] is False
    assert data["at_risk"] == ["P04", "P05", "P06"]
    assert data["sample_uniques"] == ["P06"]
    assert data["l_distinct"] == 1
    assert data["suggestions"] and all(s["k"] >= 3 for s in data["suggestions"])


def test_default_quasi_identifiers_are_named(study: str) -> None:
    code, stdout, _ = run(study, "--json")
    assert code == 0
    data = json.loads(stdout)
    assert data["chosen_automatically"] is True
    assert data["quasi_identifiers"] == ["age", "year_left", "home_province"]
    code, stdout, _ = run(study)
    assert code == 0 and "chosen from attribute names" in stdout


def test_table_output(study: str) -> None:
    code, stdout, _ = run(study, "--qi", "home_province", "--qi", "age", "--k", "4")
    assert code == 0
    assert "k = 1" in stdout and "below" in stdout
    assert "P06" in stdout and "groups smaller than 4" in stdout
    assert "34,000" in stdout
    assert "ways to raise k" in stdout


def test_mapping_file(study: str, tmp_path: Path) -> None:
    regions = tmp_path / "regions.csv"
    regions.write_text("함경북도,north\n양강도,north\n", encoding="utf-8")
    code, stdout, _ = run(
        study, "--qi", "home_province", "--k", "6", "--map", f"home_province={regions}", "--json"
    )
    assert code == 0
    best = json.loads(stdout)["suggestions"][0]
    assert best["levels"] == {"home_province": "mapped groups"} and best["k"] == 6


def test_unknown_attribute_is_one_line(study: str) -> None:
    code, stdout, stderr = run(study, "--qi", "hometown")
    assert code == 1 and stdout == ""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")
    assert "hometown" in lines[0] and "age, year_left, home_province" in lines[0]


def test_bad_map_spec(study: str) -> None:
    code, _, stderr = run(study, "--map", "home_province")
    assert code == 1 and "ATTRIBUTE=FILE" in stderr


def test_through_the_moksori_app(study: str) -> None:
    from moksori.cli.app import app

    if CliRunner().invoke(app, ["deid", "risk", "--help"]).exit_code != 0:
        pytest.skip("the moksori app has no `deid risk` command yet")
    result = CliRunner().invoke(app, ["deid", "risk", study, "--qi", "home_province", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["k"] == 3 and data["safe"] is True


def test_the_project_threshold_is_set_audited_and_used(study: str) -> None:
    from moksori.store import audit
    from tests.conftest import TEST_PASSPHRASE

    def threshold(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(_app(), ["deid", "threshold", study, *args])
        return result.exit_code, result.stdout, result.stderr

    assert threshold("--json")[:2] == (0, '{\n  "k_threshold": 3\n}\n')
    code, stdout, _ = threshold("4", "--coder", "owner")
    assert code == 0 and "k threshold: 4" in stdout
    code, stdout, _ = run(study, "--qi", "home_province", "--json")
    data = json.loads(stdout)
    assert data["threshold"] == 4 and data["k"] == 3 and data["safe"] is False
    code, _, stderr = threshold("1")
    assert code != 0 and len(stderr.strip().splitlines()) == 1
    with Project.open(study, TEST_PASSPHRASE) as p:
        [event] = audit.entries(p.conn, "deid.k_threshold")
    assert event["actor"] == "owner" and event["detail"] == {"counts": {"from": 3, "to": 4}}
