"""Getting passphrases without ever echoing, logging or storing them.

Three secrets, one way to ask: the project's, the vault's (its own, so the
project can be shared without it), and that of a shared redacted copy.
"""

from __future__ import annotations

import getpass
import os
import sys

from moksori.errors import PassphraseMissing

ENV_VAR = "MOKSORI_PASSPHRASE"
VAULT_ENV_VAR = "MOKSORI_VAULT_PASSPHRASE"
SHARE_ENV_VAR = "MOKSORI_SHARE_PASSPHRASE"
USER_PASSWORD_ENV_VAR = "MOKSORI_USER_PASSWORD"


def _ask(env_var: str, what: str, confirm: bool) -> str:
    """``env_var`` if set, else asked twice (with ``confirm``) at the terminal."""
    value = os.environ.get(env_var)
    if value:
        return value
    if not sys.stdin.isatty():
        raise PassphraseMissing(f"no {what}: set {env_var} or run in a terminal to be asked for it")
    first = getpass.getpass(f"{what[0].upper()}{what[1:]}: ")
    if not first:
        raise PassphraseMissing(f"an empty {what} is not allowed")
    if confirm and getpass.getpass(f"Repeat {what}: ") != first:
        raise PassphraseMissing(f"the two entries of the {what} differ; nothing was created")
    return first


def get_passphrase(*, confirm: bool = False) -> str:
    return _ask(ENV_VAR, "passphrase", confirm)


def get_vault_passphrase(*, confirm: bool = False) -> str:
    """The vault's own passphrase: MOKSORI_VAULT_PASSPHRASE, or asked for at the terminal."""
    return _ask(VAULT_ENV_VAR, "vault passphrase", confirm)


def get_share_passphrase() -> str:
    """The passphrase of a shared redacted copy (MOKSORI_SHARE_PASSPHRASE, or asked twice)."""
    return _ask(SHARE_ENV_VAR, "passphrase for the shared copy", True)


def get_user_password(*, confirm: bool = True) -> str:
    """A web account's password: MOKSORI_USER_PASSWORD, or asked for at the terminal."""
    return _ask(USER_PASSWORD_ENV_VAR, "password for the account", confirm)
