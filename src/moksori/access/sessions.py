"""Sign-in, sessions and the brake on password guessing.

A session is a random token in an HttpOnly, SameSite=Strict cookie; the
project stores only its SHA-256, with the session's CSRF token. Sessions end
after :data:`IDLE_SECONDS` without a request or :data:`MAX_SECONDS` in all.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

from moksori.access.users import User, Users
from moksori.store import audit
from moksori.store.audit import Action, Event
from moksori.store.database import Connection, transaction

IDLE_SECONDS = 30 * 60
MAX_SECONDS = 12 * 60 * 60
# Recording "seen" at most this often keeps reads from writing on every request.
TOUCH_EVERY = 60


@dataclass(frozen=True)
class Session:
    token_hash: str
    user: User
    csrf_token: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Sessions:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def start(self, user: User) -> tuple[str, Session]:
        """A new session: (cookie token, session)."""
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        at = time.time()
        with transaction(self.conn):
            self.conn.execute(
                "DELETE FROM web_session WHERE seen_at < ? OR created_at < ?",
                (at - IDLE_SECONDS, at - MAX_SECONDS),
            )
            self.conn.execute(
                "INSERT INTO web_session(token_hash, user_id, csrf_token, created_at, seen_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (_hash(token), user.id, csrf, at, at),
            )
        return token, Session(_hash(token), user, csrf)

    def get(self, token: str | None) -> Session | None:
        """The live session of a cookie token, or None (unknown, expired, disabled)."""
        if not token:
            return None
        row = self.conn.execute(
            "SELECT user_id, csrf_token, created_at, seen_at FROM web_session WHERE token_hash = ?",
            (_hash(token),),
        ).fetchone()
        if row is None:
            return None
        user_id, csrf, created, seen = row
        at = time.time()
        if at - seen > IDLE_SECONDS or at - created > MAX_SECONDS:
            self.end(token)
            return None
        user = Users(self.conn).get(user_id)
        if user.disabled:
            return None
        if at - seen > TOUCH_EVERY:
            with transaction(self.conn):
                self.conn.execute(
                    "UPDATE web_session SET seen_at = ? WHERE token_hash = ?", (at, _hash(token))
                )
        return Session(_hash(token), user, csrf)

    def end(self, token: str) -> None:
        with transaction(self.conn):
            self.conn.execute("DELETE FROM web_session WHERE token_hash = ?", (_hash(token),))


class TooManyLogins(Exception):
    """The name or the address has used up its failed logins for now."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed logins; retry in {retry_after} s")
        self.retry_after = retry_after


def name_key(name: str) -> str:
    """The throttle's key for a typed name: a hash, so a password typed into the
    name box is never stored (the users' own names match without case)."""
    return hashlib.sha256(b"moksori login name\0" + name.strip().casefold().encode()).hexdigest()


class LoginThrottle:
    """At most :attr:`limit` failed logins per account name and per client
    address in :attr:`window` seconds; then logins wait until the window passes.

    The count lives in the project (``login_attempt``), not in memory: a login
    reserves its row in the same ``BEGIN IMMEDIATE`` transaction that counts,
    *before* its password is checked, so parallel guesses cannot all slip
    under the limit while the slow argon2 checks run. A reserved row counts as
    a failure until the login succeeds.
    """

    def __init__(self, conn: Connection, limit: int = 5, window: float = 300.0) -> None:
        self.conn = conn
        self.limit = limit
        self.window = window

    def reserve(self, name: str, client: str) -> int:
        """A slot for one login attempt (its id), or :class:`TooManyLogins`."""
        at = time.time()
        since = at - self.window
        key = name_key(name)
        with transaction(self.conn):
            self.conn.execute("DELETE FROM login_attempt WHERE at <= ?", (since,))
            wait = max(
                self._wait("name_key", key, since, at), self._wait("client", client, since, at)
            )
            if wait > 0:
                raise TooManyLogins(int(wait) + 1)
            cur = self.conn.execute(
                "INSERT INTO login_attempt(name_key, client, at) VALUES (?, ?, ?)",
                (key, client, at),
            )
        return int(cur.lastrowid)

    def _wait(self, column: str, value: str, since: float, at: float) -> float:
        """Seconds until fewer than ``limit`` attempts of this key are in the window."""
        rows = self.conn.execute(
            f"SELECT at FROM login_attempt WHERE {column} = ? AND at > ? ORDER BY at DESC",
            (value, since),
        ).fetchall()
        if len(rows) < self.limit:
            return 0.0
        # under the limit again once the limit-th newest attempt has left the window
        return max(0.0, float(rows[self.limit - 1][0]) + self.window - at)

    def failed(self, attempt: int) -> None:
        """Keep the reserved row: it counts until the window passes."""
        with transaction(self.conn):
            self.conn.execute("UPDATE login_attempt SET pending = 0 WHERE id = ?", (attempt,))

    def succeeded(self, attempt: int, name: str, client: str) -> None:
        """Free the slot, and forget this name's earlier failures from this address
        (a typo before the right password); failures from elsewhere still count."""
        with transaction(self.conn):
            self.conn.execute(
                "DELETE FROM login_attempt WHERE id = ? "
                "OR (name_key = ? AND client = ? AND pending = 0)",
                (attempt, name_key(name), client),
            )


def sign_in(
    conn: Connection, throttle: LoginThrottle, name: str, password: str, client: str
) -> tuple[str, Session] | int:
    """The sign-in use case: a new session (cookie token, session), or the seconds
    to wait before trying again (0: a wrong name or password).

    Audited either way: a success as LOGIN by the account, a failure as
    LOGIN_FAILED naming only its ``login_attempt`` row (never the name typed: it
    may be a password typed in the wrong box; the row holds the client address
    the brake counts).
    """
    try:
        attempt = throttle.reserve(name, client)  # before the slow password check
    except TooManyLogins as exc:
        return exc.retry_after
    user = Users(conn).verify(name, password)
    if user is None:
        with transaction(conn):
            throttle.failed(attempt)
            event = Event(Action.LOGIN_FAILED, targets={"login_attempt": [attempt]})
            audit.record(conn, event)
        return 0
    with transaction(conn):
        throttle.succeeded(attempt, name, client)
        started = Sessions(conn).start(user)
        audit.record(conn, Event(Action.LOGIN, targets={"user": [user.id]}), actor=user.name)
    return started


def attempt_client(conn: Connection, attempt: int) -> str | None:
    """The client address a failed sign-in was counted under (None once forgotten)."""
    row = conn.execute("SELECT client FROM login_attempt WHERE id = ?", (attempt,)).fetchone()
    return None if row is None else str(row[0])
