"""Findings in the store: proposals from a scan, and the reviewer's decisions.

A rescan keeps every decision already taken: accepted and rejected findings
stay as they are, proposals that are still detected stay, proposals no longer
detected go. Only spans are stored, never the matched string.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from moksori.errors import DeidError, NotFound
from moksori.protect.spans import PiiType, Span
from moksori.store import documents
from moksori.store.clock import now
from moksori.store.database import Connection, transaction

STATUSES = ("proposed", "accepted", "rejected")
_COLUMNS = (
    'id, document_id, start, "end", type, detector, confidence, status, entity_id, info, '
    "reviewed_by, reviewed_at"
)


@dataclass
class Finding:
    id: int
    document_id: int
    start: int
    end: int
    type: str
    detector: str
    confidence: float
    status: str
    entity_id: int | None
    info: dict[str, Any]
    reviewed_by: str | None = None
    reviewed_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _row(r: Sequence[Any]) -> Finding:
    return Finding(
        int(r[0]),
        int(r[1]),
        int(r[2]),
        int(r[3]),
        str(r[4]),
        str(r[5]),
        float(r[6]),
        str(r[7]),
        r[8],
        json.loads(r[9]),
        r[10],
        r[11],
    )


@dataclass
class Selector:
    """Which findings a listing or a bulk review is about; empty means all."""

    ids: Sequence[int] = ()
    status: str | None = None
    types: Sequence[str] = ()
    detectors: Sequence[str] = ()
    documents: Sequence[int] = ()
    text: str | None = None  # the exact matched string (compared in Python, never stored)
    min_confidence: float | None = None
    max_confidence: float | None = None

    def where(self) -> tuple[str, list[Any]]:
        parts: list[str] = []
        args: list[Any] = []

        def among(column: str, values: Sequence[Any]) -> None:
            if values:
                parts.append(f"{column} IN ({','.join('?' * len(values))})")
                args.extend(values)

        among("f.id", list(self.ids))
        among("f.type", list(self.types))
        among("f.detector", list(self.detectors))
        among("f.document_id", list(self.documents))
        if self.status:
            if self.status not in STATUSES:
                raise DeidError(f"unknown status {self.status!r}; use one of {', '.join(STATUSES)}")
            parts.append("f.status = ?")
            args.append(self.status)
        if self.min_confidence is not None:
            parts.append("f.confidence >= ?")
            args.append(self.min_confidence)
        if self.max_confidence is not None:
            parts.append("f.confidence <= ?")
            args.append(self.max_confidence)
        return (" WHERE " + " AND ".join(parts)) if parts else "", args


class Findings:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def select(self, sel: Selector | None = None, *, limit: int | None = None) -> list[Finding]:
        sel = sel or Selector()
        where, args = sel.where()
        sql = f"SELECT {_COLUMNS} FROM finding f"
        sql += where + ' ORDER BY f.document_id, f.start, f."end", f.type'
        rows = [_row(r) for r in self.conn.execute(sql, args)]
        if sel.text is not None:
            wanted = sel.text
            texts = self.texts_of({f.document_id for f in rows})
            rows = [f for f in rows if texts[f.document_id][f.start : f.end] == wanted]
        return rows[:limit] if limit is not None else rows

    def texts_of(self, doc_ids: Iterable[int]) -> dict[int, str]:
        return documents.document_texts(self.conn, sorted(set(doc_ids)))

    def text_of(self, finding: Finding) -> str:
        """The matched string, read from the document: for the reviewer's screen only."""
        try:
            return documents.document_excerpt(
                self.conn, finding.document_id, finding.start, finding.end
            )
        except NotFound:
            return ""

    def of_document(self, doc_id: int) -> list[Finding]:
        return self.select(Selector(documents=[doc_id]))

    def store_scan(self, doc_id: int, spans: Sequence[Span], version: str) -> tuple[int, int]:
        """Merge a document's new detections; returns (added, dropped). One transaction."""
        added = dropped = 0
        stamp = now()
        with transaction(self.conn) as c:
            existing = {
                (s, e, t): (fid, status)
                for fid, s, e, t, status in c.execute(
                    'SELECT id, start, "end", type, status FROM finding WHERE document_id = ?',
                    (doc_id,),
                )
            }
            fresh = {(s.start, s.end, s.type.value): s for s in spans}
            for key, (fid, status) in existing.items():
                if key not in fresh and status == "proposed":
                    c.execute("DELETE FROM finding WHERE id = ?", (fid,))
                    dropped += 1
            for key, span in fresh.items():
                info = {k: v for k, v in span.info.items() if k != "entity"}
                entity = span.info.get("entity_id")
                info.pop("entity_id", None)
                if key in existing:
                    c.execute(
                        "UPDATE finding SET confidence = max(confidence, ?), "
                        "entity_id = coalesce(entity_id, ?) WHERE id = ?",
                        (span.confidence, entity, existing[key][0]),
                    )
                    continue
                c.execute(
                    'INSERT INTO finding(document_id, start, "end", type, detector, confidence, '
                    "entity_id, info, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc_id,
                        span.start,
                        span.end,
                        span.type.value,
                        span.detector,
                        round(span.confidence, 3),
                        entity,
                        json.dumps(info, ensure_ascii=False),
                        stamp,
                    ),
                )
                added += 1
            c.execute(
                "INSERT INTO deid_scan(document_id, version, scanned_at) VALUES (?, ?, ?) "
                "ON CONFLICT(document_id) DO UPDATE SET version = excluded.version, "
                "scanned_at = excluded.scanned_at",
                (doc_id, version, stamp),
            )
        return added, dropped

    def add_manual(
        self, doc_id: int, start: int, end: int, type_: str, actor: str | None = None
    ) -> Finding:
        """A span the reviewer marks by hand: accepted at once."""
        PiiType(type_)
        try:
            length = documents.document_length(self.conn, doc_id)
        except NotFound:
            length = 0
        if not 0 <= start < end <= length:
            raise DeidError(f"range {start}..{end} is outside the document")
        stamp = now()
        with transaction(self.conn) as c:
            c.execute(
                'INSERT INTO finding(document_id, start, "end", type, detector, confidence, '
                "status, reviewed_by, reviewed_at, created_at) "
                "VALUES (?, ?, ?, ?, 'manual', 1.0, 'accepted', ?, ?, ?) "
                'ON CONFLICT(document_id, start, "end", type) DO UPDATE SET '
                "status = 'accepted', reviewed_by = excluded.reviewed_by, "
                "reviewed_at = excluded.reviewed_at",
                (doc_id, start, end, type_, actor, stamp, stamp),
            )
        row = self.conn.execute(
            f'SELECT {_COLUMNS} FROM finding WHERE document_id = ? AND start = ? AND "end" = ? '
            "AND type = ?",
            (doc_id, start, end, type_),
        ).fetchone()
        return _row(row)

    def set_status(self, ids: Sequence[int], status: str, actor: str | None = None) -> int:
        if status not in STATUSES:
            raise DeidError(f"unknown status {status!r}")
        stamp = now()
        n = 0
        with transaction(self.conn) as c:
            for i in range(0, len(ids), 500):
                chunk = list(ids[i : i + 500])
                cur = c.execute(
                    f"UPDATE finding SET status = ?, reviewed_by = ?, reviewed_at = ? "
                    f"WHERE id IN ({','.join('?' * len(chunk))})",
                    [status, actor, stamp, *chunk],
                )
                n += cur.rowcount
        return n

    def counts(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT type, status, count(*) FROM finding GROUP BY type, status ORDER BY type"
        ).fetchall()
        table: dict[str, dict[str, Any]] = {}
        for t, status, n in rows:
            table.setdefault(t, {"type": t, "proposed": 0, "accepted": 0, "rejected": 0})
            table[t][status] = n
        return list(table.values())

    def unreviewed(self) -> int:
        row = self.conn.execute("SELECT count(*) FROM finding WHERE status = 'proposed'")
        return int(row.fetchone()[0])

    def unscanned_documents(self) -> list[int]:
        """Documents with text never scanned; undecodable ones have none to scan."""
        scanned = {int(r[0]) for r in self.conn.execute("SELECT document_id FROM deid_scan")}
        return [d for d in documents.documents_with_text(self.conn) if d not in scanned]

    def undecodable_documents(self) -> list[int]:
        """Files kept as bytes only (ingest/quarantine.py): never scanned, no text to show."""
        return documents.documents_of_quality(self.conn, "undecodable")
