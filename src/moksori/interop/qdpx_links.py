"""Links and Sets of an imported project file.

A Link between two codes is an axial link of the codebook (its name the
relation, its Note the link's memo). moksori links only codes, so a Link
that touches a source, a selection or a case is skipped and counted. The
one Set moksori writes, "Core category" with one code, marks the core
category again; moksori has no other sets, so the rest are skipped with
their members.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from moksori.interop.qde_reader import child, children, ref_guid
from moksori.interop.refi import normalise_guid
from moksori.store.clock import now

if TYPE_CHECKING:
    from moksori.interop.qdpx_import import _Writer

CORE_SET = "Core category"  # the Set qdpx_export writes for the grounded-theory core
UNNAMED_RELATION = "linked to"


def import_links(w: _Writer) -> None:
    holder = child(w.root, "Links")
    for el in children(holder, "Link") if holder is not None else []:
        w.ledger.mark(el)
        a = w.codes.get(ref_guid(el, "originGUID") or "")
        b = w.codes.get(ref_guid(el, "targetGUID") or "")
        if a is None or b is None or a == b:
            w.report.skip("Link: not between two codes (moksori links codes)")
            continue
        relation = " ".join((el.get("name") or "").split()) or UNNAMED_RELATION
        row = w.conn.execute(
            "SELECT id FROM code_link WHERE from_code = ? AND to_code = ? AND relation = ?",
            (a, b, relation),
        ).fetchone()
        if row is None:
            cur = w.conn.execute(
                "INSERT INTO code_link(from_code, to_code, relation, memo, created_at) "
                "VALUES (?, ?, ?, NULL, ?)",
                (a, b, relation, el.get("creationDateTime") or now()),
            )
            row = (cur.lastrowid,)
            w.report.links += 1
        else:
            w.report.links_existing += 1
        guid = normalise_guid(el.get("guid"))
        if guid:
            w.link_ids[guid] = int(row[0])


def import_sets(w: _Writer) -> None:
    holder = child(w.root, "Sets")
    for el in children(holder, "Set") if holder is not None else []:
        members = [w.codes.get(ref_guid(m) or "") for m in children(el, "MemberCode")]
        others = len(el) - len(children(el, "MemberCode")) - len(children(el, "Description"))
        if (
            (el.get("name") or "").strip() == CORE_SET
            and len(members) == 1
            and members[0] is not None
            and not others
        ):
            w.ledger.mark(el, *children(el, "MemberCode"))
            has_core = w.conn.execute("SELECT 1 FROM code WHERE is_core = 1").fetchone()
            if has_core is None:  # a project that chose its core keeps it
                w.conn.execute("UPDATE code SET is_core = 1 WHERE id = ?", (members[0],))
            is_core = w.conn.execute("SELECT is_core FROM code WHERE id = ?", (members[0],))
            w.report.core = int(is_core.fetchone()[0])
            continue
        reason = "Set (moksori has no code or document sets)"
        w.ledger.skip_tree(el, w.report, "a skipped Set", reason)
