#!/usr/bin/env python3
"""One entry point for a fresh machine that has only python3.

    python3 tasks.py demo    # venv + pinned deps, build the sample corpus, ingest, search, report
    python3 tasks.py test    # venv + pinned deps, lint, type-check, the whole test suite
    python3 tasks.py bench   # venv + pinned deps, the benchmarks (table + JSON)

Everything installs from this repo's own files: requirements.lock pins every
package, so a fresh machine installs exactly what CI tested.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("MOKSORI_VENV", ROOT / ".venv"))
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".moksori-lock-sha256"
PY = VENV / "bin" / "python"


def run(*cmd: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True, env=env)


def ensure_venv() -> None:
    """Create .venv and install the lock; re-install only when the lock changed."""
    wanted = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PY.exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        try:
            venv.create(VENV, with_pip=True)
        except Exception as exc:  # Debian without python3-venv
            sys.exit(f"cannot create a venv ({exc}); run: apt-get install -y python3-venv")
    run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", LOCK)
    run(PY, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", ".")
    STAMP.write_text(wanted)


TAGUETTE_VENV = ROOT / ".venv-taguette"
TAGUETTE_LOCK = ROOT / "requirements-taguette.lock"
TAGUETTE_PY = TAGUETTE_VENV / "bin" / "python"


def ensure_taguette_venv() -> None:
    """A side venv with Taguette, whose old pins (SQLAlchemy 1.4) must stay out of .venv.

    The Taguette import tests build real Taguette projects with it.
    """
    stamp = TAGUETTE_VENV / ".moksori-lock-sha256"
    wanted = hashlib.sha256(TAGUETTE_LOCK.read_bytes()).hexdigest()
    if TAGUETTE_PY.exists() and stamp.exists() and stamp.read_text().strip() == wanted:
        return
    if not TAGUETTE_PY.exists():
        print(f"creating virtual environment in {TAGUETTE_VENV}", flush=True)
        venv.create(TAGUETTE_VENV, with_pip=True)
    pip = (TAGUETTE_PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check")
    run(*pip, "-r", TAGUETTE_LOCK)
    stamp.write_text(wanted)


def tool_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    if TAGUETTE_PY.exists():
        env.setdefault("MOKSORI_TAGUETTE_PYTHON", str(TAGUETTE_PY))
    return env


def cmd_test(args: list[str]) -> None:
    ensure_venv()
    ensure_taguette_venv()
    env = tool_env()
    run(PY, "-m", "ruff", "check", "src", "tests", "benchmarks", "scripts", "demo", env=env)
    run(PY, "-m", "mypy", "src/moksori", env=env)
    # the layering of ARCHITECTURE.md: contracts in pyproject.toml [tool.importlinter]
    run(VENV / "bin" / "lint-imports", "--no-cache", "--no-logo", env=env)
    run(PY, "-m", "pytest", "-p", "no:cacheprovider", *args, env=env)


def cmd_demo(args: list[str]) -> None:
    ensure_venv()
    run(PY, ROOT / "demo" / "run_demo.py", *args, env=tool_env())


def cmd_bench(args: list[str]) -> None:
    ensure_venv()
    run(PY, ROOT / "benchmarks" / "run.py", *args, env=tool_env())


COMMANDS = {"test": cmd_test, "demo": cmd_demo, "bench": cmd_bench}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    try:
        COMMANDS[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)


if __name__ == "__main__":
    main()
