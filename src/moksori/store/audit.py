"""The audit trail: who did what, when (adds, forced deletes, merges, exports).

Details are JSON. They may hold testimony text a user deleted (so nothing is
lost) but never a passphrase or key; the whole table is inside the encrypted
project like everything else.
"""

from __future__ import annotations

import json
from typing import Any

from moksori.store.clock import now
from moksori.store.database import Connection


def record(conn: Connection, action: str, detail: dict[str, Any], actor: str | None = None) -> int:
    cur = conn.execute(
        "INSERT INTO audit(at, actor, action, detail) VALUES (?, ?, ?, ?)",
        (now(), actor, action, json.dumps(detail, ensure_ascii=False)),
    )
    return int(cur.lastrowid)


def entries(conn: Connection, action: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT id, at, actor, action, detail FROM audit"
    rows = conn.execute(
        sql + (" WHERE action = ? ORDER BY id" if action else " ORDER BY id"),
        (action,) if action else (),
    ).fetchall()
    return [
        {"id": i, "at": at, "actor": actor, "action": act, "detail": json.loads(detail)}
        for i, at, actor, act, detail in rows
    ]
