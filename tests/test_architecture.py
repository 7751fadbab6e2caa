"""The layering of ARCHITECTURE.md is enforced, not only drawn.

The import-linter contracts live in pyproject.toml ([tool.importlinter]) and run in
``python3 tasks.py test``. These tests show that they catch a forbidden import, and
that the faces (cli/, web/) hold no store access of their own.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "moksori"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
FACES = (PACKAGE / "cli", PACKAGE / "web")
# What the faces must not hold: the store, a connection, SQL.
STORE_ACCESS = re.compile(r"moksori\.store|\.conn\b|execute\(")


def _lint(root: Path, *contracts: str) -> subprocess.CompletedProcess[str]:
    """Run lint-imports on the package found under ``root/src`` (first on the path)."""
    env = dict(os.environ, PYTHONPATH=str(root / "src"))
    args = [a for c in contracts for a in ("--contract", c)]
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", "--config", str(root / "pyproject.toml")]
        + args,
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The package's Python sources and the contracts, copied to tamper with."""
    shutil.copytree(
        PACKAGE,
        tmp_path / "src" / "moksori",
        ignore=lambda d, names: (
            [n for n in names if not n.endswith(".py") and not (Path(d) / n).is_dir()]
            + ["__pycache__"]
        ),
    )
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _inject(copy: Path, module: str, line: str) -> None:
    path = copy / "src" / Path(*module.split(".")).with_suffix(".py")
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")
def test_layers_hold_on_the_sources() -> None:
    result = _lint(REPO, "layers")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")
def test_an_upward_import_breaks_the_layers(copy: Path) -> None:
    assert _lint(copy, "layers").returncode == 0  # the copy itself is clean
    _inject(copy, "moksori.store.clock", "import moksori.project  # injected")
    result = _lint(copy, "layers")
    assert result.returncode != 0
    assert "Layers: each module imports only the layers below it BROKEN" in result.stdout
    assert "moksori.store.clock -> moksori.project" in result.stdout


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")
def test_a_face_importing_the_store_breaks_its_contract(copy: Path) -> None:
    before = _lint(copy, "faces-use-the-library").stdout
    assert "moksori.cli.display -> moksori.store.database" not in before
    _inject(copy, "moksori.cli.display", "import moksori.store.database  # injected")
    result = _lint(copy, "faces-use-the-library")
    assert result.returncode != 0
    assert "Faces (cli, web) call the library, never the store BROKEN" in result.stdout
    assert "moksori.cli.display -> moksori.store.database" in result.stdout


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")
def test_a_cycle_in_a_face_breaks_its_contract(copy: Path) -> None:
    assert _lint(copy, "acyclic").returncode == 0
    # the cycle issue 16 broke: the app imports its pages, a page imported the app
    _inject(copy, "moksori.web.pages.documents", "import moksori.web.app  # injected")
    result = _lint(copy, "acyclic")
    assert result.returncode != 0
    assert "No cycles are allowed in moksori.web." in result.stdout


# SQL on the tables that hold the testimony itself.
TEXT_TABLES = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE)\s+(?:document|segment|source_file)\b")
# store/documents.py owns them, with store/passages.py beside it (the stretches of text,
# passages and speakers that other tables' ranges point at). Every other module that
# still holds SQL on them, and why; the list only shrinks (issue 16: one owner per table).
TEXT_TABLE_OWNERS = {"store/documents.py", "store/passages.py"}
TEXT_TABLE_SQL_ELSEWHERE = {
    "store/search.py": "search ranks and filters passages inside the store",
    "store/migrations/v2_repeats.py": "a schema upgrade",
    "protect/share.py": "writes the redacted copy: another project file, same tables",
    "coding/merge.py": "copies another project's files, documents and passages in",
    "semantic/vectors.py": "joins passages to their vectors (semantic's own table)",
    "bilingual/pairs.py": "joins translation pairs to their documents' languages",
}


def test_one_module_owns_the_text_tables() -> None:
    elsewhere = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name not in TEXT_TABLE_OWNERS and TEXT_TABLES.search(path.read_text(encoding="utf-8")):
            elsewhere.add(name)
    assert elsewhere <= set(TEXT_TABLE_SQL_ELSEWHERE), (
        "SQL on document/segment/source_file belongs in store/documents.py or passages.py: "
        f"{sorted(elsewhere - set(TEXT_TABLE_SQL_ELSEWHERE))}"
    )


def _store_access() -> list[str]:
    found = []
    for face in FACES:
        for path in sorted(face.rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if STORE_ACCESS.search(line):
                    found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    return found


def test_faces_hold_no_store_access() -> None:
    assert _store_access() == []


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")
def test_every_contract_holds() -> None:
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout
