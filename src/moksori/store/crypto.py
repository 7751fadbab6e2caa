"""Passphrase → SQLCipher key, with argon2id (memory-hard) instead of home-made crypto.

SQLCipher keeps a random 16-byte salt in the first bytes of the file. We pass
SQLCipher a raw key *with that salt* (``x'<key><salt>'``), so the one project
file carries everything needed to re-derive the key, and the passphrase never
touches SQLCipher's weaker default PBKDF2.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw

SALT_BYTES = 16
KEY_BYTES = 32


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
