"""The key vault: a separate SQLCipher file, with its own passphrase.

It holds what must never be in the analysis project: each entity's real
names and aliases, and the known-names list. The project knows entities only
by GUID and pseudonym, so it can be shared without the vault and reveals no
one. ``project_guid`` binds a vault to one project (and its shared copies).

Names are matched through :func:`moksori.protect.romanise.name_key`, so
김지민, Kim Ji-min and Jimin Kim reach the same person.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from moksori.errors import (
    KnownNamesError,
    ProjectError,
    ProjectNotFound,
    VaultError,
    VaultMismatch,
    WrongPassphrase,
    WrongVaultPassphrase,
)
from moksori.protect.romanise import name_key
from moksori.store.clock import now
from moksori.store.database import Connection, KeyedDatabase, create_keyed, open_keyed, transaction

VAULT_KIND = "moksori-vault"
VAULT_VERSION = "1"
ENV_PASSPHRASE = "MOKSORI_VAULT_PASSPHRASE"
ENV_PATH = "MOKSORI_VAULT"

SCHEMA = """
CREATE TABLE vault_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE person (
    entity_guid TEXT PRIMARY KEY,
    known       INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);
CREATE TABLE alias (
    id          INTEGER PRIMARY KEY,
    entity_guid TEXT NOT NULL REFERENCES person(entity_guid) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    key         TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('known', 'detected')),
    created_at  TEXT NOT NULL,
    UNIQUE (entity_guid, name)
);
CREATE INDEX alias_key ON alias(key);
"""


def default_path(project: Path) -> Path:
    """``study.moksori`` → ``study.vault`` beside it, unless MOKSORI_VAULT says otherwise."""
    env = os.environ.get(ENV_PATH)
    return Path(env) if env else project.with_suffix(".vault")


def clean_name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split())


@dataclass(frozen=True)
class Person:
    entity_guid: str
    known: bool
    aliases: tuple[str, ...]


class Vault:
    """An open vault. Methods that change it are each one transaction."""

    def __init__(self, path: Path, db: KeyedDatabase) -> None:
        self.path = path
        self.conn: Connection = db.conn

    # --- lifecycle ------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, passphrase: str, project_guid: str) -> Vault:
        path = Path(path)
        if not passphrase:
            raise VaultError("the vault needs a passphrase of its own")
        try:
            db = create_keyed(path, passphrase)
        except ProjectError as exc:
            raise VaultError(str(exc).replace("open it", "open the vault")) from None
        with transaction(db.conn) as c:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    c.execute(statement)
            c.executemany(
                "INSERT INTO vault_meta(key, value) VALUES (?, ?)",
                [
                    ("kind", VAULT_KIND),
                    ("version", VAULT_VERSION),
                    ("project_guid", project_guid),
                    ("created_at", now()),
                ],
            )
        return cls(path, db)

    @classmethod
    def open(cls, path: str | Path, passphrase: str, project_guid: str | None) -> Vault:
        """Open and check the vault; nothing on disk changes if any check fails."""
        path = Path(path)
        try:
            db = open_keyed(path, passphrase)
        except ProjectNotFound:
            raise VaultError(
                f"no vault at {path}; create one with: moksori deid vault init PROJECT"
            ) from None
        except WrongPassphrase:
            raise WrongVaultPassphrase(
                f"cannot open vault {path}: wrong vault passphrase, or not a vault"
            ) from None
        except ProjectError:
            raise VaultError(f"{path} is not a moksori vault") from None
        try:
            meta = dict(db.conn.execute("SELECT key, value FROM vault_meta").fetchall())
            db.conn.execute("SELECT entity_guid, name, key FROM alias LIMIT 0").fetchall()
        except sqlcipher3.DatabaseError:
            db.conn.close()
            raise VaultError(f"{path} is malformed: it is not a moksori vault") from None
        if meta.get("kind") != VAULT_KIND:
            db.conn.close()
            raise VaultError(f"{path} is malformed: it is not a moksori vault")
        if project_guid is not None and meta.get("project_guid") != project_guid:
            db.conn.close()
            raise VaultMismatch(f"the vault {path} belongs to another project")
        return cls(path, db)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def project_guid(self) -> str:
        row = self.conn.execute("SELECT value FROM vault_meta WHERE key = 'project_guid'")
        return str(row.fetchone()[0])

    # --- people -----------------------------------------------------------------
    def people(self) -> list[Person]:
        rows = self.conn.execute(
            "SELECT p.entity_guid, p.known, a.name FROM person p "
            "LEFT JOIN alias a ON a.entity_guid = p.entity_guid ORDER BY p.rowid, a.id"
        ).fetchall()
        out: dict[str, Person] = {}
        for guid, known, name in rows:
            prev = out.get(guid)
            aliases = (prev.aliases if prev else ()) + ((name,) if name else ())
            out[guid] = Person(guid, bool(known), aliases)
        return list(out.values())

    def person(self, entity_guid: str) -> Person | None:
        return next((p for p in self.people() if p.entity_guid == entity_guid), None)

    def known(self) -> list[Person]:
        return [p for p in self.people() if p.known]

    def entity_for(self, name: str) -> str | None:
        """The entity a name belongs to: an exact key, else a unique given-name match."""
        key = name_key(clean_name(name))
        if not key:
            return None
        rows = self.conn.execute(
            "SELECT DISTINCT entity_guid FROM alias WHERE key = ?", (key,)
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        return None

    def add_person(self, entity_guid: str, aliases: Sequence[str], *, known: bool) -> None:
        names = check_aliases(aliases)
        with transaction(self.conn) as c:
            c.execute(
                "INSERT INTO person(entity_guid, known, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT(entity_guid) DO UPDATE SET known = max(known, excluded.known)",
                (entity_guid, int(known), now()),
            )
            for name in names:
                self._add_alias(c, entity_guid, name, "known" if known else "detected")

    def add_alias(self, entity_guid: str, name: str, *, known: bool = False) -> None:
        with transaction(self.conn) as c:
            self._add_alias(c, entity_guid, clean_name(name), "known" if known else "detected")

    def _add_alias(self, c: Connection, guid: str, name: str, source: str) -> None:
        c.execute(
            "INSERT OR IGNORE INTO alias(entity_guid, name, key, source, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (guid, name, name_key(name), source, now()),
        )

    def merge(self, source_guid: str, target_guid: str) -> None:
        """Two entities are one person: the source's aliases move to the target."""
        with transaction(self.conn) as c:
            c.execute(
                "UPDATE OR IGNORE alias SET entity_guid = ? WHERE entity_guid = ?",
                (target_guid, source_guid),
            )
            c.execute(
                "UPDATE person SET known = max(known, (SELECT known FROM person "
                "WHERE entity_guid = ?)) WHERE entity_guid = ?",
                (source_guid, target_guid),
            )
            c.execute("DELETE FROM person WHERE entity_guid = ?", (source_guid,))

    def all_aliases(self) -> list[tuple[str, str]]:
        """(entity GUID, alias) pairs, longest alias first: for scrubbing free text."""
        rows = self.conn.execute("SELECT entity_guid, name FROM alias").fetchall()
        return sorted(((str(g), str(n)) for g, n in rows), key=lambda r: -len(r[1]))


def check_aliases(aliases: Iterable[str]) -> list[str]:
    """Cleaned aliases of one person; empty or repeated entries are errors, not guesses."""
    names: list[str] = []
    seen: set[str] = set()
    for i, raw in enumerate(aliases, 1):
        name = clean_name(raw)
        if not name:
            raise KnownNamesError(f"alias {i} is empty")
        if name.casefold() in seen:
            raise KnownNamesError(f"alias {i} repeats an earlier alias of the same person")
        seen.add(name.casefold())
        names.append(name)
    if not names:
        raise KnownNamesError("a known person needs at least one name")
    return names
