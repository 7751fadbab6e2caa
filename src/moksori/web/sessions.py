"""Login sessions and the brake on password guessing.

A session is a random token in an HttpOnly, SameSite=Strict cookie; the
project stores only its SHA-256, with the session's CSRF token. Sessions end
after :data:`IDLE_SECONDS` without a request or :data:`MAX_SECONDS` in all.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass

from moksori.store.database import Connection, transaction
from moksori.web.users import User, Users

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


class LoginThrottle:
    """At most :attr:`limit` failed logins per account name and per client
    address in :attr:`window` seconds; then logins wait until the window passes."""

    def __init__(self, limit: int = 5, window: float = 300.0) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _keys(self, name: str, client: str) -> list[str]:
        return [f"name:{name.strip().casefold()}", f"client:{client}"]

    def retry_after(self, name: str, client: str) -> int:
        """Seconds until a login may be tried again; 0 if it may now."""
        now = time.monotonic()
        wait = 0.0
        with self._lock:
            for key in self._keys(name, client):
                times = self._failures.get(key)
                if not times:
                    continue
                while times and now - times[0] > self.window:
                    times.popleft()
                if len(times) >= self.limit:
                    wait = max(wait, self.window - (now - times[0]))
        return int(wait) + 1 if wait > 0 else 0

    def failed(self, name: str, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in self._keys(name, client):
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, name: str, client: str) -> None:
        with self._lock:
            self._failures.pop(self._keys(name, client)[0], None)
