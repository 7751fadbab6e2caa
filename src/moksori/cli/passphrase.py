"""Getting the passphrase without ever echoing, logging or storing it."""

from __future__ import annotations

import getpass
import os
import sys

from moksori.errors import PassphraseMissing

ENV_VAR = "MOKSORI_PASSPHRASE"


def get_passphrase(*, confirm: bool = False) -> str:
    value = os.environ.get(ENV_VAR)
    if value:
        return value
    if not sys.stdin.isatty():
        raise PassphraseMissing(
            f"no passphrase: set {ENV_VAR} or run in a terminal to be asked for it"
        )
    first = getpass.getpass("Project passphrase: ")
    if not first:
        raise PassphraseMissing("an empty passphrase is not allowed")
    if confirm and getpass.getpass("Repeat passphrase: ") != first:
        raise PassphraseMissing("the two passphrases differ; nothing was created")
    return first


VAULT_ENV_VAR = "MOKSORI_VAULT_PASSPHRASE"


def get_vault_passphrase(*, confirm: bool = False) -> str:
    """The vault's own passphrase: MOKSORI_VAULT_PASSPHRASE, or asked for at the terminal."""
    value = os.environ.get(VAULT_ENV_VAR)
    if value:
        return value
    if not sys.stdin.isatty():
        raise PassphraseMissing(
            f"no vault passphrase: set {VAULT_ENV_VAR} or run in a terminal to be asked for it"
        )
    first = getpass.getpass("Vault passphrase: ")
    if not first:
        raise PassphraseMissing("an empty vault passphrase is not allowed")
    if confirm and getpass.getpass("Repeat vault passphrase: ") != first:
        raise PassphraseMissing("the two vault passphrases differ; nothing was created")
    return first
