"""`moksori export … --format qdpx`, run through a small typer app that registers the command
the way the main app does (``interop.register(app)``)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
import typer
from lxml import etree
from typer.testing import CliRunner

from moksori.cli import interop
from moksori.project import Project
from tests.conftest import SHARED
from tests.interop.test_qdpx_export import EN, KO, PLANTED

VAULT = "vault passphrase (interop cli test)"


def _app() -> typer.Typer:
    app = typer.Typer()
    interop.register(app)

    @app.callback()
    def main() -> None:
        """A stand-in for the moksori app."""

    return app


@pytest.fixture
def study(project_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Two coded documents; names known to the vault and scanned, but not yet reviewed."""
    monkeypatch.setenv("MOKSORI_VAULT_PASSPHRASE", VAULT)
    folder = project_path.parent / "in"
    folder.mkdir()
    (folder / "ko.txt").write_text(KO, encoding="utf-8")
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    with Project.create(project_path, passphrase) as p:
        p.add([folder], workers=1)
        ko, en = (next(d.id for d in p.documents() if n in d.source_name) for n in ("ko", "en"))
        p.codebook.create("가족 Family")
        p.codings.apply_quote("가족 Family", ko, "남동생 리철수랑 같이 왔어요 😢")
        p.codings.apply_quote("가족 Family", en, "with my brother Ri Chol-su")
        with p.deid.create_vault(project_path.with_suffix(".vault"), VAULT) as v:
            p.deid.add_known(["김순희", "Kim Soon-hee", "순희", "Soon-hee"], v)
            p.deid.add_known(["리철수", "Ri Chol-su"], v)
            p.deid.scan(vault=v)
    return str(project_path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(_app(), ["export", *args])
    return result.exit_code, result.stdout, result.stderr


def _members(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return b"".join(z.read(n) for n in z.namelist())


def test_export_json(study: str, tmp_path: Path) -> None:
    out = tmp_path / "study.qdpx"
    code, stdout, stderr = run(study, str(out), "--format", "qdpx", "--json")
    assert code == 0, stderr
    data = json.loads(stdout)
    assert data["sources"] == 2 and data["selections"] == 2 and data["redacted"] is False
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("project.qde"))
    xsd = SHARED / "refi-qda" / "Project.xsd"
    if xsd.is_file():
        assert etree.XMLSchema(etree.parse(str(xsd))).validate(root)
    assert "리철수".encode() in _members(out)


def test_redacted_waits_for_review(study: str, tmp_path: Path) -> None:
    out = tmp_path / "red.qdpx"
    code, _, stderr = run(study, str(out), "--redacted")
    assert code == 1 and "await review" in stderr and "--unreviewed-ok" in stderr
    assert len(stderr.strip().splitlines()) == 1 and not out.exists()


def test_redacted_export(study: str, tmp_path: Path) -> None:
    out = tmp_path / "red.qdpx"
    code, stdout, stderr = run(study, str(out), "--redacted", "--unreviewed-ok")
    assert code == 0, stderr
    assert "redacted project" in stdout and "names scrubbed" in stdout
    raw = (out.read_bytes() + _members(out)).lower()
    for name in PLANTED:
        assert name.lower().encode() not in raw


def test_unknown_format(study: str, tmp_path: Path) -> None:
    code, _, stderr = run(study, str(tmp_path / "x.csv"), "--format", "csv")
    assert code == 1 and "unknown export format" in stderr
    assert not (tmp_path / "x.csv").exists()


def test_through_the_moksori_app(study: str, tmp_path: Path) -> None:
    from moksori.cli.app import app

    if CliRunner().invoke(app, ["export", "--help"]).exit_code != 0:
        pytest.skip("the moksori app has no `export` command yet")
    out = tmp_path / "via-app.qdpx"
    result = CliRunner().invoke(app, ["export", study, str(out), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["sources"] == 2 and zipfile.is_zipfile(out)


def test_import_positions_and_export_for_nvivo(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    vendors = Path(__file__).parents[1] / "interop" / "data" / "vendors"
    Project.create(project_path, passphrase).close()
    runner = CliRunner()
    got = runner.invoke(
        _app(),
        ["import", str(project_path), str(vendors / "nvivo-win.qdpx"), "--coder", "PI", "--json"],
    )
    assert got.exit_code == 0, got.stderr
    report = json.loads(got.stdout)
    assert report["producer"] == "nvivo" and report["codings"] == 27
    assert report["owner"] == "PI" and report["blind"] is False
    assert report["positions"].startswith("UTF-16 code units, BOM not counted")
    bad = runner.invoke(
        _app(), ["import", str(project_path), str(vendors / "atlas.qdpx"), "--positions", "x"]
    )
    assert bad.exit_code != 0 and "unknown position unit" in bad.stderr
    out = tmp_path / "for-nvivo.qdpx"
    code, stdout, stderr = run(str(project_path), str(out), "--for", "nvivo")
    assert code == 0, stderr
    qde = zipfile.ZipFile(out).read("project.qde").decode()
    assert "positions: UTF-16 code units, BOM not counted, CRLF as two; for nvivo" in qde
    code, _, stderr = run(str(project_path), str(tmp_path / "y.qdpx"), "--for", "dedoose")
    assert code != 0 and "unknown export target" in stderr


def test_import_says_what_it_skipped(project_path: Path, passphrase: str, tmp_path: Path) -> None:
    from tests.interop.test_qdpx_accounting import _package

    Project.create(project_path, passphrase).close()
    got = CliRunner().invoke(_app(), ["import", str(project_path), str(_package(tmp_path))])
    assert got.exit_code == 0, got.stderr
    assert "1 code links" in got.stdout
    assert "accounted for all 22 elements of the file: 11 imported or merged, 11 skipped" in (
        " ".join(got.stdout.split())
    )
    assert "skipped 1 × Set (moksori has no code or document sets)" in got.stderr
