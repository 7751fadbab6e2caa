"""Accounts of the web workspace: who may do what.

Roles: ``owner`` does everything (accounts, the vault, exports); ``coder``
codes and writes memos; ``viewer`` reads redacted views only. Owners and
coders code as a coder of the same name, so codings made in the browser and
on the command line meet in one codebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from moksori.coding.coders import Coders
from moksori.errors import MoksoriError, NotFound
from moksori.store import audit
from moksori.store.audit import Action, Event
from moksori.store.clock import now
from moksori.store.database import Connection, transaction

Role = Literal["owner", "coder", "viewer"]
ROLES: tuple[Role, ...] = ("owner", "coder", "viewer")
MIN_PASSWORD = 10  # characters

# argon2id with the library's defaults (RFC 9106 low-memory profile).
_hasher = PasswordHasher()
# Verifying against this when the name is unknown takes as long as a real
# check, so response times do not tell which names exist.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class UserError(MoksoriError):
    """An account cannot be created or changed as asked."""


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role
    coder_id: int | None
    language: str
    disabled: bool

    def can(self, action: str) -> bool:
        """``read`` (everyone), ``code`` (owner, coder), ``manage`` (owner)."""
        if self.disabled:
            return False
        if action == "read":
            return True
        if action == "code":
            return self.role in ("owner", "coder")
        return self.role == "owner"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "language": self.language,
            "disabled": self.disabled,
        }


_COLUMNS = "id, name, role, coder_id, language, disabled"


def _user(row: tuple[Any, ...]) -> User:
    return User(row[0], row[1], row[2], row[3], row[4], bool(row[5]))


class Users:
    """Account administration; each change audited as ``by``, else ``actor``."""

    def __init__(self, conn: Connection, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor

    def _audit(
        self, action: Action, user_id: int, by: str | None, choice: str | None = None
    ) -> None:
        """Accounts by id (``web_user`` has no GUID): a name may be a person's own."""
        event = Event(action, targets={"user": [user_id]}, choice=choice)
        audit.record(self.conn, event, actor=by if by is not None else self.actor)

    def list(self) -> list[User]:
        rows = self.conn.execute(f"SELECT {_COLUMNS} FROM web_user ORDER BY name").fetchall()
        return [_user(r) for r in rows]

    def find(self, name: str) -> User | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM web_user WHERE name = ?", (name.strip(),)
        ).fetchone()
        return _user(row) if row else None

    def get(self, user_id: int) -> User:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM web_user WHERE id = ?", (user_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no account with id {user_id}")
        return _user(row)

    def add(
        self,
        name: str,
        password: str,
        role: str = "coder",
        *,
        language: str = "en",
        by: str | None = None,
    ) -> User:
        name = " ".join(name.split())
        if not name:
            raise UserError("an account needs a name")
        if role not in ROLES:
            raise UserError(f"unknown role {role!r}; use owner, coder or viewer")
        if language not in ("en", "ko"):
            raise UserError("the interface language is en or ko")
        _check_password(password)
        if self.find(name) is not None:
            raise UserError(f"an account named {name!r} already exists")
        with transaction(self.conn):
            coder_id = None
            if role != "viewer":
                coders = Coders(self.conn)
                coder = coders.find(name) or coders.add(
                    name, "owner" if role == "owner" else "coder"
                )
                coder_id = coder.id
            cur = self.conn.execute(
                "INSERT INTO web_user(name, role, password_hash, coder_id, language, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (name, role, _hasher.hash(password), coder_id, language, now()),
            )
            self._audit(Action.USER_ADD, int(cur.lastrowid), by, role)
        return self.get(int(cur.lastrowid))

    def set_password(self, name: str, password: str, *, by: str | None = None) -> None:
        user = self._existing(name)
        _check_password(password)
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE web_user SET password_hash = ? WHERE id = ?",
                (_hasher.hash(password), user.id),
            )
            # a new password ends every session of the account
            self.conn.execute("DELETE FROM web_session WHERE user_id = ?", (user.id,))
            self._audit(Action.USER_PASSWORD, user.id, by)

    def set_role(self, name: str, role: str, *, by: str | None = None) -> User:
        user = self._existing(name)
        if role not in ROLES:
            raise UserError(f"unknown role {role!r}; use owner, coder or viewer")
        with transaction(self.conn):
            self.conn.execute("UPDATE web_user SET role = ? WHERE id = ?", (role, user.id))
            self._audit(Action.USER_ROLE, user.id, by, role)
        return self.get(user.id)

    def disable(self, name: str, *, by: str | None = None) -> User:
        user = self._existing(name)
        with transaction(self.conn):
            self.conn.execute("UPDATE web_user SET disabled = 1 WHERE id = ?", (user.id,))
            self.conn.execute("DELETE FROM web_session WHERE user_id = ?", (user.id,))
            self._audit(Action.USER_DISABLE, user.id, by)
        return self.get(user.id)

    def has_owner(self) -> bool:
        return any(u.role == "owner" for u in self.list())

    def verify(self, name: str, password: str) -> User | None:
        """The account if the password is right and the account enabled; else None."""
        row = self.conn.execute(
            f"SELECT {_COLUMNS}, password_hash FROM web_user WHERE name = ?", (name.strip(),)
        ).fetchone()
        stored = row[6] if row else _DUMMY_HASH
        try:
            _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        if row is None or row[5]:
            return None
        if _hasher.check_needs_rehash(stored):
            with transaction(self.conn):
                self.conn.execute(
                    "UPDATE web_user SET password_hash = ? WHERE id = ?",
                    (_hasher.hash(password), row[0]),
                )
        return _user(row[:6])

    def _existing(self, name: str) -> User:
        user = self.find(name)
        if user is None:
            raise NotFound(f"no account named {name!r}")
        return user


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"a password needs at least {MIN_PASSWORD} characters")
