"""The analysis commands end to end, in real processes, on the study from tests/analysis."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from moksori.project import Project
from tests.analysis.conftest import ACCENT, DISCRIMINATION, FAMILY, HELP, build
from tests.cli.test_cli import moksori
from tests.conftest import TEST_PASSPHRASE, cli_env


@pytest.fixture(scope="module")
def proj(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("analysis-cli")
    with Project.create(tmp / "study.moksori", TEST_PASSPHRASE) as p:
        build(p, tmp)
    yield str(tmp / "study.moksori")


def as_han() -> dict[str, str]:
    return cli_env(MOKSORI_CODER="Han")


def test_freq_by_attribute_json_csv_and_xlsx(proj: str, tmp_path: Path) -> None:
    csv_path, xlsx_path = tmp_path / "f.csv", tmp_path / "f.xlsx"
    r = moksori(
        "freq", proj, "--by", "gender", "--count", "cases", "--json", "--coder", "Han,Mina",
        "--csv", str(csv_path), "--xlsx", str(xlsx_path), env=as_han(),
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    table = json.loads(r.stdout)
    assert table["columns"] == ["여성", "남성"] and table["meta"]["coders"] == "Han, Mina"
    assert dict(zip(table["rows"], table["values"], strict=True))[ACCENT] == [1, 2]
    assert csv_path.read_text(encoding="utf-8-sig").splitlines()[0] == "code,여성,남성"
    sheet = load_workbook(xlsx_path).active
    assert sheet is not None and sheet.cell(row=1, column=2).value == "여성"


def test_freq_rich_table_with_rollup_and_coder(proj: str) -> None:
    r = moksori("freq", proj, "--rollup", "--depth", "0", "--coder", "Mina", env=as_han())
    assert r.returncode == 0, r.stderr
    assert "정착" in r.stdout and "가족" in r.stdout and "interviews/jun.txt" in r.stdout


def test_blind_coding_asks_who_is_looking(proj: str) -> None:
    r = moksori("freq", proj, "--json")
    assert r.returncode == 1 and "--as NAME" in r.stderr and len(r.stderr.splitlines()) == 1
    r = moksori("freq", proj, "--json", "--as", "Mina")
    rows = json.loads(r.stdout)
    assert sum(map(sum, rows["values"])) == 3  # Mina sees only her three codings


def test_cooccur_and_matrix(proj: str) -> None:
    both = ("--coder", "Han", "--coder", "Mina")
    r = moksori("cooccur", proj, "--unit", "turn", "--json", *both, env=as_han())
    co = json.loads(r.stdout)
    i, j = co["rows"].index(HELP), co["columns"].index(FAMILY)
    # 영미's second answer and 순희's turn; Jun's holds Han's 가족 and Mina's 도움 찾기,
    # two coders' codings, which never co-occur
    assert co["values"][i][j] == co["values"][j][i] == 2
    r = moksori("matrix", proj, "--json", *both, env=as_han())
    m = json.loads(r.stdout)
    assert m["columns"] == ["Jun", "순희", "영미", "철수"]
    assert m["values"][m["rows"].index(DISCRIMINATION)] == [1, 0, 1, 0]
    r = moksori("cooccur", proj, "--unit", "chapter", "--coder", "Han", env=as_han())
    assert r.returncode == 1 and "unknown unit" in r.stderr


def test_retrieve_with_conditions(proj: str, tmp_path: Path) -> None:
    r = moksori(
        "retrieve", proj, "정착", "--where", "gender=남성", "--where", "children>=2",
        "--json", "--coder", "Han", "--csv", str(tmp_path / "r.csv"), env=as_han(),
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    found = json.loads(r.stdout)
    assert [(e["text"], e["cases"]) for e in found] == [
        ("교회에서 도움을 받아요.", ["철수"]),
        ("말투 때문에 힘들어요.", ["철수"]),
    ]
    assert "말투 때문에 힘들어요." in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    r = moksori("retrieve", proj, ACCENT, "--where", "gender<여성", "--coder", "Han", env=as_han())
    assert r.returncode == 1 and "compare it with = or !=" in r.stderr
    r = moksori("retrieve", proj, "가족", "--coder", "Han", env=as_han())
    assert r.returncode == 0 and "혜산" in r.stdout


def test_plots(proj: str, tmp_path: Path) -> None:
    heat, bars = tmp_path / "co.png", tmp_path / "gender.svg"
    r = moksori(
        "plot", proj, "heatmap", "--unit", "sentence", "--out", str(heat), "--coder", "Han",
        env=as_han(),
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert heat.read_bytes().startswith(b"\x89PNG")
    r = moksori(
        "plot", proj, "bars", "--by", "gender", "--out", str(bars), "--coder", "Mina",
        env=as_han(),
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "NanumGothic-" in bars.read_text(encoding="utf-8")
    r = moksori("plot", proj, "pie", "--out", str(tmp_path / "x.png"), env=as_han())
    assert r.returncode == 1 and "heatmap or bars" in r.stderr


def test_two_coders_without_consensus_must_be_chosen(proj: str) -> None:
    for command, *more in (("freq",), ("cooccur",), ("matrix",), ("retrieve", "가족")):
        r = moksori(command, proj, *more, "--json", env=as_han())
        assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, command
        assert "Han (owner, 10 codings), Mina (coder, 3 codings)" in r.stderr
        assert "--consensus" in r.stderr
    r = moksori("freq", proj, "--json", "--consensus", env=as_han())
    assert r.returncode == 1 and "no consensus yet" in r.stderr


def test_consensus_is_the_default_once_reconciled(tmp_path: Path) -> None:
    with Project.create(tmp_path / "s.moksori", TEST_PASSPHRASE) as p:
        build(p, tmp_path)
    path = str(tmp_path / "s.moksori")
    r = moksori("reconcile", path, "--coders", "Han,Mina", "--adopt", "a", env=as_han())
    assert r.returncode == 0, r.stderr
    r = moksori("freq", path, "--json", env=as_han())
    assert r.returncode == 0, r.stderr
    default = json.loads(r.stdout)
    assert default["meta"]["coders"] == "consensus"
    r = moksori("freq", path, "--json", "--consensus", env=as_han())
    assert json.loads(r.stdout)["values"] == default["values"]
    listed = json.loads(moksori("coder", "list", path, "--json", env=as_han()).stdout)
    agreed = next(c["codings"] for c in listed["coders"] if c["role"] == "consensus")
    assert sum(map(sum, default["values"])) == agreed > 0  # the consensus, counted once
    # a blind coder sees only their own codings and the consensus
    r = moksori("freq", path, "--json", "--as", "Mina", "--coder", "Han", env=cli_env())
    assert r.returncode == 1 and "blind coding is on" in r.stderr
    r = moksori("freq", path, "--json", "--as", "Mina", env=cli_env())
    assert r.returncode == 0 and json.loads(r.stdout)["meta"]["coders"] == "consensus"
