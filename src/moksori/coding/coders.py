"""Coders: the named people whose codings, memos and decisions are recorded.

Every coding has a coder. A CLI user names themself with --coder or
MOKSORI_CODER; a project with one coder needs neither, and a project with
none gets an 'owner' the first time someone codes.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import Any

from moksori.coding.audited import Action, Event, change
from moksori.errors import CodebookConflict, CodingError, UnknownCoder
from moksori.store.clock import now
from moksori.store.database import Connection
from moksori.store.ids import new_guid

ROLES = ("owner", "coder", "consensus")
DEFAULT_OWNER = "owner"
CODER_ENV = "MOKSORI_CODER"


@dataclass(frozen=True)
class Coder:
    id: int
    guid: str
    name: str
    role: str
    created_at: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


_COLUMNS = "id, guid, name, role, created_at"


class Coders:
    def __init__(self, conn: Connection, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor

    def list(self) -> list[Coder]:
        return [Coder(*r) for r in self.conn.execute(f"SELECT {_COLUMNS} FROM coder ORDER BY id")]

    def add(
        self, name: str, role: str = "coder", *, guid: str | None = None, implied: bool = False
    ) -> Coder:
        """A new coder, audited as ``coder.add``. ``implied``: made on first use by the
        change being made (the consensus coder of a reconcile, the first owner), which
        that change's own event stands for."""
        name = name.strip()
        if not name:
            raise CodingError("a coder needs a name")
        if role not in ROLES:
            raise CodingError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
        if self.find(name) is not None:
            raise CodebookConflict(f"there is already a coder called {name!r}")
        guid = guid or new_guid()
        with change(self.conn, self.actor) as ch:
            cur = self.conn.execute(
                "INSERT INTO coder(guid, name, role, created_at) VALUES (?, ?, ?, ?)",
                (guid, name, role, now()),
            )
            if not implied:
                ch.record(Event(Action.CODER_ADD, {"coder": [guid]}, choice=role))
        return self.get(int(cur.lastrowid))

    def find(self, ref: str | int) -> Coder | None:
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
            row = self.conn.execute(
                f"SELECT {_COLUMNS} FROM coder WHERE id = ?", (int(ref),)
            ).fetchone()
            if row is not None:
                return Coder(*row)
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM coder WHERE name = ? COLLATE NOCASE", (str(ref).strip(),)
        ).fetchone()
        return Coder(*row) if row else None

    def get(self, ref: str | int) -> Coder:
        coder = self.find(ref)
        if coder is None:
            names = ", ".join(c.name for c in self.list()) or "none yet"
            raise UnknownCoder(f"no coder {ref!r} in this project (coders: {names})")
        return coder

    def current(self, name: str | None = None) -> Coder:
        """The coder acting now: given, from MOKSORI_CODER, the only one, or a new owner."""
        name = name or os.environ.get(CODER_ENV) or None
        if name:
            return self.get(name)
        coders = [c for c in self.list() if c.role != "consensus"]
        if len(coders) == 1:
            return coders[0]
        if not coders:
            return self.add(DEFAULT_OWNER, "owner", implied=True)
        raise CodingError(f"{self.census()}; say who you are with --coder or {CODER_ENV}")

    def census(self) -> str:
        """The coders as `coder list` lists them, people told apart from the consensus:
        "this project has 4 coders: Han, Mina, Lee (people) and consensus (reconciled)"."""
        listed = self.list()
        people = [c.name for c in listed if c.role != "consensus"]
        agreed = [c.name for c in listed if c.role == "consensus"]
        text = f"this project has {len(listed)} coder{'s' if len(listed) != 1 else ''}: "
        text += f"{', '.join(people)} (people)" if people else "no people"
        if agreed:
            text += f" and {', '.join(agreed)} (reconciled codings)"
        return text

    def consensus(self) -> Coder:
        """The coder that reconciled codings are recorded under (made on first use)."""
        return self.consensus_if_any() or self.add("consensus", "consensus", implied=True)

    def consensus_if_any(self) -> Coder | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM coder WHERE role = 'consensus' ORDER BY id LIMIT 1"
        ).fetchone()
        return Coder(*row) if row else None
