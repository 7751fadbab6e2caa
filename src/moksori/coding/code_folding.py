"""The two codebook changes that make a code disappear: folding it into another
code (merge) and deleting it with everything under it.

These are the row-level parts; :class:`~moksori.coding.codebook.Codebook`
checks the request, holds the transaction, keeps what is removed in the
trash and records the audit event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from moksori.errors import CodebookConflict
from moksori.store.database import Connection

if TYPE_CHECKING:
    from moksori.coding.codebook import Code

_CODING_FIELDS = (
    "id",
    "guid",
    "code",
    "document_id",
    "start",
    "end",
    "coder",
    "memo",
    "origin",
    "created_at",
)


@dataclass
class MergeReport:
    source: str
    target: str
    codings_moved: int = 0
    codings_already_there: int = 0
    children_moved: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def fold(c: Connection, src: Code, dst: Code) -> MergeReport:
    """Move src's sub-codes, codings, links and memos to dst, then delete src
    (inside the caller's transaction)."""
    report = MergeReport(src.path, dst.path)
    taken = {
        r[0].casefold() for r in c.execute("SELECT name FROM code WHERE parent_id = ?", (dst.id,))
    }
    kids = c.execute("SELECT id, name FROM code WHERE parent_id = ? ORDER BY id", (src.id,))
    kids = kids.fetchall()
    clash = [n for _, n in kids if n.casefold() in taken]
    if clash:
        raise CodebookConflict(
            f"{dst.path!r} already has sub-codes named {', '.join(clash)}; "
            "rename or merge those first"
        )
    for kid_id, kid_name in kids:
        c.execute("UPDATE code SET parent_id = ? WHERE id = ?", (dst.id, kid_id))
        report.children_moved.append(kid_name)
    # codings: move, unless the target already has the same range by the same coder
    dup = c.execute(
        "SELECT s.id, t.id, s.memo FROM coding s JOIN coding t ON t.code_id = ? "
        'AND t.document_id = s.document_id AND t.start = s.start AND t."end" = s."end" '
        "AND t.coder_id = s.coder_id WHERE s.code_id = ?",
        (dst.id, src.id),
    ).fetchall()
    for s_id, t_id, memo in dup:
        if memo:
            c.execute(
                "UPDATE coding SET memo = CASE WHEN memo IS NULL OR memo = '' THEN ? "
                "ELSE memo || char(10) || ? END WHERE id = ?",
                (memo, memo, t_id),
            )
        c.execute("UPDATE coding SET source_id = ? WHERE source_id = ?", (t_id, s_id))
        c.execute("DELETE FROM coding WHERE id = ?", (s_id,))
    report.codings_already_there = len(dup)
    moved = c.execute("UPDATE coding SET code_id = ? WHERE code_id = ?", (dst.id, src.id))
    report.codings_moved = int(moved.rowcount)
    for column, other in (("from_code", "to_code"), ("to_code", "from_code")):
        c.execute(
            f"UPDATE OR IGNORE code_link SET {column} = ? WHERE {column} = ? AND {other} != ?",
            (dst.id, src.id, dst.id),
        )
    c.execute("DELETE FROM code_link WHERE from_code = ? OR to_code = ?", (src.id,) * 2)
    c.execute(
        "UPDATE memo SET target_id = ? WHERE target_kind = 'code' AND target_id = ?",
        (dst.id, src.id),
    )
    if src.is_core:
        c.execute("UPDATE code SET is_core = 1 WHERE id = ?", (dst.id,))
    c.execute("DELETE FROM code WHERE id = ?", (src.id,))
    return report


def removal_record(c: Connection, codes: Sequence[Code]) -> dict[str, Any]:
    """Everything deleting these codes removes: the codes, their codings and memos."""
    ids = [code.id for code in codes]
    marks = ",".join("?" * len(ids))
    codings = [
        dict(zip(_CODING_FIELDS, r, strict=True))
        for r in c.execute(
            'SELECT g.id, g.guid, g.code_id, g.document_id, g.start, g."end", k.name, '
            "g.memo, g.origin, g.created_at FROM coding g "
            f"JOIN coder k ON k.id = g.coder_id WHERE g.code_id IN ({marks}) ORDER BY g.id",
            ids,
        )
    ]
    memos = [
        {"target_id": t, "title": title, "text": text, "created_at": at}
        for t, title, text, at in c.execute(
            "SELECT target_id, title, text, created_at FROM memo "
            f"WHERE target_kind = 'code' AND target_id IN ({marks})",
            ids,
        )
    ]
    return {"codes": [code.to_json() for code in codes], "codings": codings, "memos": memos}


def remove_codes(c: Connection, ids: Sequence[int]) -> None:
    """Delete codes (parents first in ``ids``) with their codings and memos."""
    marks = ",".join("?" * len(ids))
    c.execute(f"DELETE FROM coding WHERE code_id IN ({marks})", ids)
    c.execute(f"DELETE FROM memo WHERE target_kind = 'code' AND target_id IN ({marks})", ids)
    for code_id in reversed(ids):  # children before parents
        c.execute("DELETE FROM code WHERE id = ?", (code_id,))
