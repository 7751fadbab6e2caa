"""Passphrase → SQLCipher key, with argon2id (memory-hard) instead of home-made crypto.

SQLCipher keeps a random 16-byte salt in the first bytes of the file. We pass
SQLCipher a raw key *with that salt* (``x'<key><salt>'``), so the one project
file carries everything needed to re-derive the key, and the passphrase never
touches SQLCipher's weaker default PBKDF2.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw

from moksori.errors import WeakPassphrase

SALT_BYTES = 16
KEY_BYTES = 32
# A new file's passphrase: at least 12 characters (code points, so 12 Hangul
# syllables count as 12). argon2id slows each guess, but a stolen laptop gives
# an attacker unlimited offline time; 12 characters of four short words or a
# sentence resist that, and one rule is easier to say than a word count.
# Files made before this rule still open with whatever they were made with.
MIN_PASSPHRASE_CHARS = 12


def check_new_passphrase(passphrase: str, path: Path) -> None:
    """Refuse a passphrase too short for a new project, vault or shared copy."""
    n = len(unicodedata.normalize("NFC", passphrase).strip())
    if n < MIN_PASSPHRASE_CHARS or len(set(passphrase.strip())) < 4:
        raise WeakPassphrase(
            f"the passphrase for {path.name} is too weak: a new project, vault or shared copy "
            f"needs at least {MIN_PASSPHRASE_CHARS} characters, not one repeated "
            "(e.g. four or more random words); nothing was created"
        )


@dataclass(frozen=True)
class KdfParams:
    """argon2id cost. Recorded in the project so it can change in a later version."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2

    def describe(self) -> str:
        return f"argon2id t={self.time_cost} m={self.memory_kib}KiB p={self.parallelism}"


DEFAULT_KDF = KdfParams()


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def read_salt(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(SALT_BYTES)


def derive_key(passphrase: str, salt: bytes, params: KdfParams = DEFAULT_KDF) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def sqlcipher_key_pragma(key: bytes, salt: bytes) -> str:
    """The PRAGMA that hands SQLCipher a raw key plus explicit salt."""
    return f"PRAGMA key = \"x'{key.hex()}{salt.hex()}'\""
