"""Who may decide what is redacted.

A rejected finding is text a viewer and a shared copy will read in clear, so
redaction decisions belong to the project's owners. An owner may grant them
to a named coder (and take them back); both are audited. The grant list lives
in the ``setting`` table (``deid.reviewers``, a JSON list of coder names).
"""

from __future__ import annotations

import json

from moksori.errors import DeidError
from moksori.store import audit
from moksori.store.audit import Action, Event
from moksori.store.database import Connection, transaction

SETTING = "deid.reviewers"


class Reviewers:
    def __init__(self, conn: Connection, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor  # audited when a grant or revoke names no ``by``

    def granted(self) -> list[str]:
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", (SETTING,)).fetchone()
        if row is None:
            return []
        names = json.loads(row[0])
        return sorted(str(n) for n in names) if isinstance(names, list) else []

    def may_review(self, name: str | None, role: str | None = None) -> bool:
        """Owners always; coders only when granted; viewers never.

        ``role`` is the web account's role when known; otherwise the coder's role
        in the project. A CLI run with no coder named is the passphrase holder.
        """
        if name is None:
            return role is None
        if role is None:
            row = self.conn.execute("SELECT role FROM coder WHERE name = ?", (name,)).fetchone()
            role = str(row[0]) if row else "owner"
        if role == "owner":
            return True
        if role == "coder":
            return name.casefold() in {n.casefold() for n in self.granted()}
        return False

    def require(self, name: str | None, role: str | None = None) -> None:
        if not self.may_review(name, role):
            who = name or "this account"
            raise DeidError(
                f"{who} may not change redaction decisions: they are the owner's; an owner "
                f'can grant them with: moksori deid grant PROJECT "{who}"'
            )

    def _owner(self, by: str | None) -> None:
        """Grants are the owner's alone (a granted coder may not pass it on)."""
        if by is None:
            return
        row = self.conn.execute("SELECT role FROM coder WHERE name = ?", (by,)).fetchone()
        if row is not None and row[0] != "owner":
            raise DeidError(f"only an owner can grant or revoke redaction decisions, not {by}")

    def grant(self, name: str, *, by: str | None = None) -> list[str]:
        self._owner(by)
        row = self.conn.execute("SELECT role FROM coder WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise DeidError(f"no coder named {name!r}; add them first (moksori coder add)")
        if row[0] == "owner":
            raise DeidError(f"{name} is an owner and may already decide redactions")
        if row[0] != "coder":
            raise DeidError(f"{name} is not a coder (role {row[0]}); only coders can be granted")
        names = sorted({*self.granted(), name})
        self._save(names, "grant", name, by)
        return names

    def revoke(self, name: str, *, by: str | None = None) -> list[str]:
        self._owner(by)
        current = self.granted()
        if name not in current:
            raise DeidError(f"{name} holds no grant to decide redactions")
        names = [n for n in current if n != name]
        self._save(names, "revoke", name, by)
        return names

    def _save(self, names: list[str], choice: str, name: str, by: str | None) -> None:
        row = self.conn.execute("SELECT guid FROM coder WHERE name = ?", (name,)).fetchone()
        coder = [str(row[0])] if row is not None and row[0] else []
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO setting(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (SETTING, json.dumps(names, ensure_ascii=False)),
            )
            audit.record(
                self.conn,
                Event(Action.DEID_REVIEWER, targets={"coder": coder}, choice=choice),
                actor=by if by is not None else self.actor,
            )
