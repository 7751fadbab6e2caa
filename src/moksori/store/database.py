"""Opening the encrypted project file.

Every connection: SQLCipher keyed with an argon2id-derived key, foreign keys
on, WAL journal (crash-safe, and readers do not block the writer), temporary
tables in memory so no plaintext temp file ever reaches the disk.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from moksori.errors import ProjectError, ProjectExists, ProjectNotFound, WrongPassphrase
from moksori.store.crypto import (
    check_new_passphrase,
    derive_key,
    new_salt,
    read_salt,
    sqlcipher_key_pragma,
)
from moksori.store.impact import impact_terms

Connection = Any  # sqlcipher3.Connection has no stubs

BUSY_TIMEOUT_MS = 10_000
# Page cache in KiB. SQLCipher decrypts every page it reads, so keeping the
# FTS index hot is what makes repeated searches fast on a large project; the
# cache only grows as pages are read, so small projects stay small.
CACHE_KIB = 131_072


def _connect(path: Path, key: bytes, salt: bytes) -> Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    # SQLCipher logs decryption failures to stderr by default; a wrong
    # passphrase is reported by us, in one line.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(sqlcipher_key_pragma(key, salt))
    return conn


def _configure(conn: Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    # The index's impact column is computed in SQL as passages go in.
    conn.create_function("moksori_impact", 1, impact_terms, deterministic=True)


class KeyedDatabase:
    """An open project connection, and the means to open more read connections.

    A search ranks a large match set on two connections at once, one per core.
    The derived key stays in process memory only as long as the project is
    open, as it does inside SQLCipher itself; it is never written anywhere.
    """

    def __init__(self, path: Path, conn: Connection, key: bytes, salt: bytes) -> None:
        self.path = path
        self.conn = conn
        self._key = key
        self._salt = salt

    def another(self) -> KeyedDatabase:
        """A second full connection to the same project (another thread's own)."""
        conn = _connect(self.path, self._key, self._salt)
        _configure(conn)
        return KeyedDatabase(self.path, conn, self._key, self._salt)

    def open_reader(self) -> Connection:
        conn = _connect(self.path, self._key, self._salt)
        _configure(conn)
        conn.execute("PRAGMA query_only = ON")
        return conn


def _create_private(path: Path) -> None:
    """Make the empty file 0600 (whatever the umask) before SQLite opens it.

    SQLite creates its -wal and -shm files with the main file's permissions,
    so they are private too. O_EXCL: never take over a file made meanwhile.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise ProjectExists(f"{path} already exists; choose another name or open it") from None
    except OSError as exc:
        raise ProjectError(f"cannot create {path} ({exc.strerror or exc})") from None
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def create_keyed(path: Path, passphrase: str) -> KeyedDatabase:
    """A new encrypted file (project, vault or shared copy), readable by its owner only."""
    if path.exists():
        raise ProjectExists(f"{path} already exists; choose another name or open it")
    if not path.parent.exists():
        raise ProjectError(f"folder {path.parent} does not exist")
    check_new_passphrase(passphrase, path)
    salt = new_salt()
    key = derive_key(passphrase, salt)
    _create_private(path)
    try:
        conn = _connect(path, key, salt)
        _configure(conn)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return KeyedDatabase(path, conn, key, salt)


def open_keyed(path: Path, passphrase: str) -> KeyedDatabase:
    """Open an existing project; a wrong passphrase changes nothing on disk."""
    if not path.is_file():
        raise ProjectNotFound(f"no project file at {path}")
    salt = read_salt(path)
    if len(salt) < 16:
        raise ProjectError(f"{path} is not a moksori project (file too short)")
    key = derive_key(passphrase, salt)
    conn = _connect(path, key, salt)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise WrongPassphrase(
            f"cannot open {path}: wrong passphrase, or not a moksori project"
        ) from None
    _configure(conn)
    return KeyedDatabase(path, conn, key, salt)


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One all-or-nothing write. BEGIN IMMEDIATE takes the write lock up front.

    Inside an open transaction it joins it, so library calls compose into one
    all-or-nothing import: the outermost transaction commits or rolls back.
    """
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
