"""One use case: one transaction, one audit event naming the actor.

Every change method of the coding services runs inside :func:`change`. The
outermost use case records its event; a use case called inside another one's
transaction (an import creating codes, a project merge, a reconcile) stays
silent, because the caller records the one event that says what the person
did. What a destructive change removes always goes to the trash, nested or not.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from moksori.store import audit
from moksori.store.audit import Action, Event
from moksori.store.database import Connection, transaction

__all__ = ["Action", "Change", "Event", "change"]


class Change:
    """The audit side of one running use case."""

    def __init__(self, conn: Connection, actor: str | None, outermost: bool) -> None:
        self.conn = conn
        self.actor = actor
        self.outermost = outermost

    def record(self, event: Event) -> None:
        if self.outermost:
            audit.record(self.conn, event, actor=self.actor)

    def keep(self, kind: str, removed: Mapping[str, Any]) -> int:
        """Put what is being removed in the trash; returns the id the event points at."""
        return audit.keep(self.conn, kind, removed)


@contextmanager
def change(conn: Connection, actor: str | None) -> Iterator[Change]:
    """Open (or join) the transaction of one use case."""
    outermost = not conn.in_transaction
    with transaction(conn):
        yield Change(conn, actor, outermost)
