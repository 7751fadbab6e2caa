"""Opening the vault from the command line: the ``--vault`` option and its default.

Shared by every ``moksori deid`` module (scan, review, export, share), which
import it from here rather than from each other.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from moksori.cli.passphrase import get_vault_passphrase
from moksori.project import Project
from moksori.protect.vault import Vault, default_path

VaultOpt = Annotated[
    Path | None,
    typer.Option(
        "--vault", help="The vault file (default: PROJECT with .vault, or $MOKSORI_VAULT)."
    ),
]


def vault_path(project: Path, vault: Path | None) -> Path:
    return vault if vault is not None else default_path(project)


@contextlib.contextmanager
def opened_vault(
    p: Project, vault: Path | None, *, required: bool = True
) -> Iterator[Vault | None]:
    """The project's vault, or None when it does not exist and is not required."""
    path = vault_path(p.path, vault)
    if not path.exists() and not required:
        yield None
        return
    v = p.deid.open_vault(path, get_vault_passphrase())
    try:
        yield v
    finally:
        v.close()
