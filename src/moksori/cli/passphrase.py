"""Getting passphrases without ever echoing, logging or storing them.

Four secrets, one way to ask: the project's, the vault's (its own, so the
project can be shared without it), that of a shared redacted copy, and a web
account's password. Each comes from its variable (``MOKSORI_PASSPHRASE``), from
a file named by ``<variable>_FILE`` (first line; ``/dev/fd/3`` works), or from
the terminal.

A secret read from the environment is removed from it at once (and all of them
when the CLI starts), so no process the CLI starts (the web server's workers, a
converter) inherits it. The CLI's own ``/proc/PID/environ`` still shows what it
was started with: on a shared server, use the prompt or a ``_FILE``.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from moksori.errors import PassphraseMissing

ENV_VAR = "MOKSORI_PASSPHRASE"
VAULT_ENV_VAR = "MOKSORI_VAULT_PASSPHRASE"
SHARE_ENV_VAR = "MOKSORI_SHARE_PASSPHRASE"
USER_PASSWORD_ENV_VAR = "MOKSORI_USER_PASSWORD"
SECRET_ENV_VARS = (ENV_VAR, VAULT_ENV_VAR, SHARE_ENV_VAR, USER_PASSWORD_ENV_VAR)
FILE_SUFFIX = "_FILE"
_MAX_FILE_BYTES = 64 * 1024

# Secrets taken out of the environment, kept for this process only (a command
# may need the project's passphrase twice, e.g. to compare it with the vault's),
# and the ``_FILE`` paths taken with them, read only when the secret is needed.
_taken: dict[str, str] = {}
_files: dict[str, str] = {}


def take_secrets() -> None:
    """Move every secret variable (and its ``_FILE``) out of the environment into memory."""
    for env_var in SECRET_ENV_VARS:
        _from_environment(env_var)


def _from_environment(env_var: str) -> None:
    """Pop ``env_var`` and its ``_FILE``; what is set now replaces what was taken before."""
    value = os.environ.pop(env_var, None)
    file = os.environ.pop(env_var + FILE_SUFFIX, None)
    if value:
        _taken[env_var] = value
        _files.pop(env_var, None)
    elif file:
        _files[env_var] = file
        _taken.pop(env_var, None)


def _secret(env_var: str) -> str | None:
    """The secret from the environment (now or earlier) or its file, if any."""
    _from_environment(env_var)
    if env_var not in _taken and env_var in _files:
        _taken[env_var] = _read_file(env_var, _files.pop(env_var))
    return _taken.get(env_var)


def _read_file(env_var: str, file: str) -> str:
    """The first line of ``file`` (its line end removed), never echoed."""
    try:
        with Path(file).open("rb") as fh:
            data = fh.read(_MAX_FILE_BYTES)
    except OSError as exc:
        raise PassphraseMissing(
            f"cannot read {env_var}{FILE_SUFFIX} ({file}): {exc.strerror or 'unreadable'}"
        ) from None
    try:
        line = data.decode("utf-8-sig").split("\n", 1)[0].removesuffix("\r")
    except UnicodeDecodeError:
        raise PassphraseMissing(f"{env_var}{FILE_SUFFIX} ({file}) is not UTF-8 text") from None
    if not line:
        raise PassphraseMissing(f"{env_var}{FILE_SUFFIX} ({file}) starts with an empty line")
    return line


def _ask(env_var: str, what: str, confirm: bool) -> str:
    """From the environment if set there, else asked (twice with ``confirm``) at the terminal."""
    value = _secret(env_var)
    if value:
        return value
    if not sys.stdin.isatty():
        raise PassphraseMissing(
            f"no {what}: set {env_var} or {env_var}{FILE_SUFFIX}, "
            "or run in a terminal to be asked for it"
        )
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
