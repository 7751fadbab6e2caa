"""The audit trail: who did what to which records, when.

One vocabulary of actions (:class:`Action`). An event names its targets by
GUID (or id, for tables without one), counts, and at most one short choice
word (a review decision, a reconcile side, an export format). It never holds
testimony text, code or case names, or people's names, so the trail can be
shown to anyone who may see the project's structure. What a destructive
change removed is kept whole in the ``trash`` table (also inside the
encrypted project), and the event points at it: nothing is lost.

Every event is written by the library use case that makes the change, inside
the same transaction, so the CLI and the web leave the same trail.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from moksori.errors import AuditError
from moksori.store.clock import now
from moksori.store.database import Connection


class Action(StrEnum):
    """Everything the trail can say. Values are stable: they are stored."""

    # sources
    FILE_ADD = "file.add"
    FILE_UPLOAD = "file.upload"
    DOCUMENT_DELETE = "document.delete"
    # coding
    CODING_ADD = "coding.add"
    CODING_DELETE = "coding.delete"
    CODING_MEMO = "coding.memo"
    CODING_QUERY = "coding.query"
    CODE_CREATE = "code.create"
    CODE_EDIT = "code.edit"
    CODE_MOVE = "code.move"
    CODE_MERGE = "code.merge"
    CODE_DELETE = "code.delete"
    CODE_CORE = "code.core"
    CODE_LINK = "code.link"
    CODE_UNLINK = "code.unlink"
    CODEBOOK_IMPORT = "codebook.import"
    BLIND = "coding.blind"
    MEMO_ADD = "memo.add"
    MEMO_EDIT = "memo.edit"
    MEMO_DELETE = "memo.delete"
    CASE_CREATE = "case.create"
    CASE_EDIT = "case.edit"
    CASE_DELETE = "case.delete"
    CASE_LINK = "case.link"
    CASE_UNLINK = "case.unlink"
    ATTRIBUTE_CREATE = "attribute.create"
    ATTRIBUTE_SET = "attribute.set"
    ATTRIBUTE_DELETE = "attribute.delete"
    RECONCILE = "reconcile"
    PROJECT_MERGE = "project.merge"
    PROJECT_IMPORT = "project.import"  # another tool's project (.qdpx, Taguette); choice: format
    CODER_ADD = "coder.add"
    # translations
    PAIR_ADD = "pair.add"  # choice: by_name when paired by file names on add
    PAIR_REMOVE = "pair.remove"
    PAIR_ALIGN = "pair.align"
    PAIR_LINK = "pair.link"  # a link set by hand
    CODING_PROJECT = "coding.project"  # codings copied onto a translation; choice: direction
    AUTO_PROJECT = "coding.auto_project"  # choice: on / off
    # de-identification
    DEID_SCAN = "deid.scan"
    DEID_MARK = "deid.mark"
    DEID_REVIEW = "deid.review"
    DEID_REVEAL = "deid.reveal"
    DEID_ENTITY_RENAME = "deid.entity.rename"  # a pseudonym chosen (never written here)
    DEID_ENTITY_MERGE = "deid.entity.merge"  # the merged entity kept in the trash
    DEID_POLICY = "deid.policy"
    DEID_SHARED_LIST = "deid.shared_list"
    DEID_K_THRESHOLD = "deid.k_threshold"
    DEID_REVIEWER = "deid.reviewer"
    DEID_EXPORT = "deid.export"
    DEID_SHARE = "deid.share"
    # outputs
    EXPORT = "export"
    REPORT = "report"
    # people
    USER_ADD = "user.add"
    USER_PASSWORD = "user.password"
    USER_ROLE = "user.role"
    USER_DISABLE = "user.disable"
    LOGIN = "login"
    LOGIN_FAILED = "login.failed"
    SHARED_RESCAN = "shared.rescan"


_CHOICE = re.compile(r"[a-z0-9][a-z0-9_.-]{0,31}")


@dataclass(frozen=True)
class Event:
    """What one audited change did: its targets, its counts and one choice word."""

    action: Action
    targets: Mapping[str, Sequence[str | int]] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    choice: str | None = None

    def detail(self) -> dict[str, Any]:
        for kind, refs in self.targets.items():
            if not all(isinstance(r, (str, int)) and not isinstance(r, bool) for r in refs):
                raise AuditError(f"audit target {kind!r} must be GUIDs or ids")
            if any(isinstance(r, str) and not _is_guid_like(r) for r in refs):
                raise AuditError(f"audit target {kind!r} must be GUIDs or ids, not text")
        for name, n in self.counts.items():
            if not isinstance(n, int) or isinstance(n, bool):
                raise AuditError(f"audit count {name!r} must be a whole number")
        if self.choice is not None and not _CHOICE.fullmatch(self.choice):
            raise AuditError("an audit choice is one short lower-case word")
        out: dict[str, Any] = {}
        if self.targets:
            out["targets"] = {k: list(v) for k, v in self.targets.items()}
        if self.counts:
            out["counts"] = dict(self.counts)
        if self.choice is not None:
            out["choice"] = self.choice
        return out


_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}")


def _is_guid_like(ref: str) -> bool:
    return bool(_GUID.fullmatch(ref.lower()))


def record(conn: Connection, event: Event, actor: str | None = None) -> int:
    """Write one event inside the use case's own transaction, so the change and its
    trace commit or roll back together."""
    cur = conn.execute(
        "INSERT INTO audit(at, actor, action, detail) VALUES (?, ?, ?, ?)",
        (now(), actor, str(event.action), json.dumps(event.detail(), ensure_ascii=False)),
    )
    return int(cur.lastrowid)


def keep(conn: Connection, kind: str, removed: Mapping[str, Any]) -> int:
    """Put what a destructive change removed in the trash; the event points at the id."""
    cur = conn.execute(
        "INSERT INTO trash(at, kind, content) VALUES (?, ?, ?)",
        (now(), kind, json.dumps(removed, ensure_ascii=False)),
    )
    return int(cur.lastrowid)


def trash(conn: Connection, trash_id: int) -> dict[str, Any]:
    row = conn.execute("SELECT content FROM trash WHERE id = ?", (trash_id,)).fetchone()
    return {} if row is None else dict(json.loads(row[0]))


def entries(
    conn: Connection,
    action: Action | str | None = None,
    *,
    actor: str | None = None,
    since: str | None = None,
    last: int | None = None,
) -> list[dict[str, Any]]:
    """Events in the order they happened. ``action`` is one action or a family
    ("code" matches code.create, code.merge …); ``since`` an ISO date or time
    (UTC, as stored); ``last`` keeps the newest N."""
    where, args = [], list[Any]()
    if action:
        where.append("(action = ? OR action LIKE ? ESCAPE '\\')")
        family = str(action).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        args += [str(action), family + ".%"]
    if actor is not None:
        where.append("actor = ?")
        args.append(actor)
    if since:
        where.append("at >= ?")
        args.append(since)
    sql = "SELECT id, at, actor, action, detail FROM audit"
    if where:
        sql += " WHERE " + " AND ".join(where)
    if last is not None:
        sql = f"SELECT * FROM ({sql} ORDER BY id DESC LIMIT ?)"
        args.append(max(0, last))
    rows = conn.execute(sql + " ORDER BY id", args).fetchall()
    return [
        {"id": i, "at": at, "actor": who, "action": act, "detail": json.loads(detail)}
        for i, at, who, act, detail in rows
    ]


def shown(entry: Mapping[str, Any]) -> dict[str, str]:
    """An entry of :func:`entries` as both faces print it: the time without its UTC
    offset, targets by id or a GUID's first 8 characters (five of a kind at most),
    counts, and the choice word."""
    detail = entry["detail"]
    targets = []
    for kind, refs in detail.get("targets", {}).items():
        first = [r[:8] if isinstance(r, str) else str(r) for r in refs[:5]]
        more = f" +{len(refs) - 5}" if len(refs) > 5 else ""
        targets.append(f"{kind} {', '.join(first)}{more}")
    return {
        "when": str(entry["at"]).replace("+00:00", "").replace("T", " "),
        "targets": "; ".join(targets),
        "counts": ", ".join(f"{k} {v}" for k, v in detail.get("counts", {}).items()),
        "choice": str(detail.get("choice") or ""),
    }


def last_id(conn: Connection) -> int:
    """The newest event's id (0 for none): a cheap 'has anything changed' stamp."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])
