"""Disagreement units between two coders, and the decisions recorded on them.

How the two coders' codings of one document are cut into units:

1. The codings of A and B with the same code are grouped into clusters of
   overlapping ranges (ranges that only touch do not overlap). A cluster where
   A's ranges are exactly B's is an *agreement*; it is no part of any unit.
2. Every other cluster (only A coded there, only B, or both with different
   ranges) is a *difference*. Differences whose ranges overlap, whatever their
   code, are chained into one *unit* (transitively). So "A coded X where B
   coded Y" over the same or overlapping text is ONE unit holding both
   alternatives, and a unit never swallows the text both coders agree on.
3. A unit spans from its first start to its last end. Its kind is ``only_a``
   or ``only_b`` (one coder coded nothing there), ``different_codes`` (the
   coders used different codes) or ``different_ranges`` (the same codes over
   different text).

A unit is named by the GUIDs of the codings in it, so when a coder changes a
coding in a decided unit the unit is a new one: its state is then ``changed``
(the earlier decision is kept and shown, and only an explicit decision
replaces it). The states are ``undecided``, ``decided`` and ``changed``.

Decisions come from the ``reconcile_decision`` table (schema 10), or, for a
project reconciled before schema 10, from the audit trail, which named each
per-code cluster decided: a unit whose clusters were all decided the same way
is decided that way; one where they were decided differently, or only some of
them, is ``changed``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from moksori.coding.codebook import Codebook
from moksori.coding.coders import Coder
from moksori.store import audit
from moksori.store.audit import Action
from moksori.store.database import Connection
from moksori.store.documents import document_excerpt, document_labels, resolve_document

CHOICES = ("a", "b", "both", "neither", "new")
STATES = ("undecided", "decided", "changed")
EXCERPT_CHARS = 160


@dataclass
class Range:
    """One coder's coding inside a unit."""

    coding_id: int
    code_id: int
    code: str  # the code's path in the codebook
    start: int
    end: int
    memo: str | None = None


@dataclass
class Disagreement:
    """One unit where the two coders differ, with its decision if any."""

    document_id: int
    document: str
    start: int  # from the unit's first start to its last end
    end: int
    excerpt: str
    kind: str  # 'only_a', 'only_b', 'different_codes' or 'different_ranges'
    a: list[Range]
    b: list[Range]
    state: str = "undecided"  # 'undecided', 'decided' or 'changed'
    decided: str | None = None  # 'a', 'b', 'both', 'neither' or 'new'
    new_code: str | None = None  # the code adopted by a 'new' decision
    decided_by: str | None = None
    decided_at: str | None = None
    bulk: bool = False  # decided by a bulk reconcile rather than one by one
    earlier: list[str] = field(default_factory=list)  # choices made before the codings changed

    @property
    def codes(self) -> list[str]:
        return sorted({r.code for r in self.a + self.b})

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "codes": self.codes}


@dataclass
class Cluster:
    """The codings of A and B with one code whose ranges overlap."""

    document_id: int
    code_id: int
    start: int
    end: int
    a: list[Range]
    b: list[Range]

    @property
    def agreed(self) -> bool:
        return [(r.start, r.end) for r in self.a] == [(r.start, r.end) for r in self.b]

    def ids(self) -> list[int]:
        return [r.coding_id for r in self.a + self.b]


@dataclass
class Unit:
    """Overlapping differences of any code: what one decision is about."""

    document_id: int
    start: int
    end: int
    parts: list[Cluster]
    guids: dict[int, str]  # coding id -> GUID

    @property
    def a(self) -> list[Range]:
        return sorted((r for c in self.parts for r in c.a), key=_order)

    @property
    def b(self) -> list[Range]:
        return sorted((r for c in self.parts for r in c.b), key=_order)

    def ids(self) -> list[int]:
        return [i for c in self.parts for i in c.ids()]

    @property
    def key(self) -> str:
        """The unit's name in ``reconcile_decision.codings``."""
        return json.dumps(sorted(self.guids[i] for i in self.ids()))

    @property
    def kind(self) -> str:
        a, b = self.a, self.b
        if not b:
            return "only_a"
        if not a:
            return "only_b"
        if {r.code_id for r in a} != {r.code_id for r in b}:
            return "different_codes"
        return "different_ranges"


@dataclass
class Decision:
    """A recorded decision, its choice as seen from the pair in the order asked."""

    choice: str
    code_id: int | None = None
    by: str | None = None
    at: str | None = None
    bulk: bool = False
    row_id: int | None = None  # None: read from the audit trail (before schema 10)
    start: int = 0  # the text the decided unit covered
    end: int = 0


@dataclass
class State:
    """What is recorded about one unit."""

    state: str = "undecided"
    decision: Decision | None = None
    earlier: list[Decision] = field(default_factory=list)


def _order(r: Range) -> tuple[int, int, str]:
    return (r.start, r.end, r.code)


def ordered(a: Coder, b: Coder) -> bool:
    """Whether the pair is stored as asked (decisions keep the lower coder id first)."""
    return a.id < b.id


def flip(choice: str, as_asked: bool) -> str:
    """A choice between the stored order and the asked order (a and b swap)."""
    if as_asked:
        return choice
    return {"a": "b", "b": "a"}.get(choice, choice)


def clusters(
    conn: Connection,
    a: Coder,
    b: Coder,
    doc_refs: Sequence[str | int] | None,
) -> tuple[list[Cluster], dict[int, str]]:
    """Every same-code cluster of the two coders, in documents both have coded
    (elsewhere one of them has not started yet), and the codings' GUIDs."""
    where = ["g.coder_id IN (?, ?)"]
    params: list[Any] = [a.id, b.id]
    if doc_refs:
        docs = [resolve_document(conn, str(r)) for r in doc_refs]
        where.append(f"g.document_id IN ({','.join('?' * len(docs))})")
        params += docs
    else:
        where.append(
            "g.document_id IN (SELECT document_id FROM coding WHERE coder_id IN (?, ?) "
            "GROUP BY document_id HAVING count(DISTINCT coder_id) = 2)"
        )
        params += [a.id, b.id]
    rows = conn.execute(
        'SELECT g.id, g.guid, g.document_id, g.code_id, g.start, g."end", g.coder_id, g.memo '
        f"FROM coding g WHERE {' AND '.join(where)} "
        'ORDER BY g.document_id, g.code_id, g.start, g."end", g.id',
        params,
    ).fetchall()
    paths = {c.id: c.path for c in Codebook(conn).tree()}
    out: list[Cluster] = []
    guids: dict[int, str] = {}
    for cid, guid, doc, code, start, end, coder, memo in rows:
        guids[cid] = guid
        last = out[-1] if out else None
        if last is None or (last.document_id, last.code_id) != (doc, code) or start >= last.end:
            last = Cluster(doc, code, start, end, [], [])
            out.append(last)
        last.end = max(last.end, end)
        rng = Range(cid, code, paths.get(code, str(code)), start, end, memo)
        (last.a if coder == a.id else last.b).append(rng)
    return out, guids


def units(found: list[Cluster], guids: dict[int, str]) -> list[Unit]:
    """Differences chained by overlap into units, in reading order."""
    diffs = sorted(
        (c for c in found if not c.agreed), key=lambda c: (c.document_id, c.start, c.end)
    )
    out: list[Unit] = []
    for c in diffs:
        last = out[-1] if out else None
        if last is None or last.document_id != c.document_id or c.start >= last.end:
            last = Unit(c.document_id, c.start, c.end, [], {})
            out.append(last)
        last.end = max(last.end, c.end)
        last.parts.append(c)
        last.guids.update({i: guids[i] for i in c.ids()})
    return out


def involving(items: list[Unit], code_ids: set[int] | None) -> list[Unit]:
    """The units where one of these codes is coded (all units for None)."""
    if code_ids is None:
        return items
    return [u for u in items if code_ids & {r.code_id for p in u.parts for r in p.a + p.b}]


def states(conn: Connection, a: Coder, b: Coder, items: list[Unit]) -> dict[int, State]:
    """What is recorded for each unit (by its index in ``items``)."""
    as_asked = ordered(a, b)
    lo, hi = (a.id, b.id) if as_asked else (b.id, a.id)
    docs = sorted({u.document_id for u in items})
    rows = (
        conn.execute(
            'SELECT id, document_id, start, "end", codings, choice, code_id, bulk, decided_by, '
            "decided_at FROM reconcile_decision WHERE coder_a = ? AND coder_b = ? "
            f"AND document_id IN ({','.join('?' * len(docs))})",
            [lo, hi, *docs],
        ).fetchall()
        if docs
        else []
    )
    legacy = _legacy(conn)
    by_doc: dict[int, list[Any]] = {}
    for row in rows:
        by_doc.setdefault(row[1], []).append(row)
    out: dict[int, State] = {}
    for n, u in enumerate(items):
        st = State()
        key = u.key
        for rid, _, start, end, codings, choice, code_id, bulk, by, at in by_doc.get(
            u.document_id, []
        ):
            if start >= u.end or end <= u.start:
                continue
            d = Decision(flip(choice, as_asked), code_id, by, at, bool(bulk), rid, start, end)
            if codings == key:
                st.decision = d
            else:
                st.earlier.append(d)
        if st.decision is not None:  # decisions on text split off from it are not its own
            st.earlier = []
        if st.decision is None and not st.earlier:
            parts = [legacy.get(frozenset(p.ids())) for p in u.parts]
            seen = [d for d in parts if d is not None]
            sides = {d.choice for d in seen}
            if len(seen) == len(parts) and len(sides) == 1:
                st.decision = seen[-1]
            else:
                st.earlier = seen
        st.state = "decided" if st.decision else "changed" if st.earlier else "undecided"
        out[n] = st
    return out


def _legacy(conn: Connection) -> dict[frozenset[int], Decision]:
    """Decisions from the audit trail, before schema 10: the last one per per-code
    cluster, named by its codings (GUIDs since issue 16, ids before)."""
    events = [
        e
        for e in audit.entries(conn, Action.RECONCILE)
        if "decision" not in e["detail"].get("targets", {})
        and e["detail"].get("choice") != "agreed"
    ]
    guids = [
        str(g) for e in events for side in ("a", "b")
        for g in e["detail"].get("targets", {}).get(side, [])
    ]  # fmt: skip
    ids = dict(
        conn.execute(
            "SELECT c.guid, c.id FROM json_each(?) j JOIN coding c ON c.guid = j.value",
            (json.dumps(guids),),
        ).fetchall()
    )
    out: dict[frozenset[int], Decision] = {}
    for e in events:
        detail = e["detail"]
        if "targets" in detail:
            refs = [str(g) for side in ("a", "b") for g in detail["targets"].get(side, [])]
            found = frozenset(ids[g] for g in refs if g in ids)
            choice = str(detail.get("choice"))
        else:
            found = frozenset(detail["a"] + detail["b"])
            choice = str(detail["adopted"])
        if choice in CHOICES:
            out[found] = Decision(choice, None, e["actor"], e["at"])
    return out


def describe(
    conn: Connection, items: list[Unit], recorded: dict[int, State], code_names: dict[int, str]
) -> list[Disagreement]:
    """The units as researchers read them: document label, excerpt, decision."""
    labels = document_labels(conn, sorted({u.document_id for u in items}))
    out = []
    for n, u in enumerate(items):
        stop = u.start + min(u.end - u.start, EXCERPT_CHARS + 1)
        excerpt = document_excerpt(conn, u.document_id, u.start, stop)
        if u.end - u.start > EXCERPT_CHARS:
            excerpt = excerpt[:EXCERPT_CHARS] + "…"
        st = recorded[n]
        d = st.decision
        out.append(
            Disagreement(
                u.document_id,
                labels.get(u.document_id, str(u.document_id)),
                u.start,
                u.end,
                excerpt,
                u.kind,
                u.a,
                u.b,
                st.state,
                d.choice if d else None,
                code_names.get(d.code_id) if d and d.code_id is not None else None,
                d.by if d else None,
                d.at if d else None,
                bool(d and d.bulk),
                [e.choice for e in st.earlier],
            )
        )
    return out
