"""Disagreements between two coders, and reconciling them into the consensus coder.

Disagreements are listed per coding range, because reconciliation acts on
codings: in each document, the codings of A and B with the same code are
grouped into clusters of overlapping ranges. A cluster where A's ranges are
exactly B's is an agreement; any other cluster (only A coded there, only B,
or both with different ranges) is one disagreement, shown with the text it
covers and what each coder has.

A decision adopts A's codings of a cluster, B's, or both into the consensus
coder (``Coders.consensus()``), as codings with origin 'consensus' whose
source_id is the adopted coding. Each decision is one transaction and sets
the cluster's consensus to exactly what was adopted, so running it again
changes nothing and a later decision replaces an earlier one. Consensus
codings not adopted from the cluster (made by hand) are never touched.
Agreements are adopted too (from A), so the consensus is complete.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from moksori.coding.audited import Action, Event, change
from moksori.coding.codebook import Codebook
from moksori.coding.coders import Coder, Coders
from moksori.coding.reliability import check_visible
from moksori.errors import CodingError
from moksori.store import audit
from moksori.store.clock import now
from moksori.store.database import Connection
from moksori.store.documents import document_excerpt, document_labels, resolve_document
from moksori.store.ids import new_guid

ADOPT = ("a", "b", "both")
EXCERPT_CHARS = 160


@dataclass
class Range:
    coding_id: int
    start: int
    end: int
    memo: str | None = None


@dataclass
class Disagreement:
    document_id: int
    document: str
    code_id: int
    code: str
    start: int  # the cluster: from the first start to the last end of its codings
    end: int
    excerpt: str
    kind: str  # 'only_a', 'only_b' or 'different_ranges'
    a: list[Range]
    b: list[Range]
    decided: str | None = None  # 'a', 'b' or 'both' when the consensus holds one of them

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ReconcileReport:
    coders: list[str]
    consensus: str
    adopt: str
    decisions: int = 0  # disagreements decided
    agreements: int = 0  # agreed clusters copied or already in the consensus
    added: int = 0  # consensus codings created
    removed: int = 0  # consensus codings replaced by a different decision
    unchanged: int = 0  # adopted codings that were already in the consensus
    decided: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Cluster:
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


class Reconciler:
    """Disagreement list and reconciliation between two coders."""

    def __init__(self, conn: Connection, *, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor  # named in the audit trail; else the deciding viewer

    def disagreements(
        self,
        coders: Sequence[str | int],
        *,
        codes: Sequence[str | int] | None = None,
        documents: Sequence[str | int] | None = None,
        viewer: Coder | None = None,
    ) -> list[Disagreement]:
        """Every cluster where the two coders differ, in reading order."""
        a, b = self._pair(coders)
        check_visible(self.conn, viewer, [a, b])
        clusters = [c for c in self._clusters(a, b, codes, documents) if not c.agreed]
        found = self._describe(clusters)
        found.sort(key=lambda d: (d.document_id, d.start, d.end, d.code))  # reading order
        return found

    def reconcile(
        self,
        coders: Sequence[str | int],
        adopt: str,
        *,
        codes: Sequence[str | int] | None = None,
        documents: Sequence[str | int] | None = None,
        coding_ids: Sequence[int] | None = None,
        viewer: Coder | None = None,
    ) -> ReconcileReport:
        """Adopt A's, B's or both coders' codings of each disagreement into the consensus.

        With ``coding_ids`` only the disagreements holding one of those codings
        are decided (and no agreements are copied): one decision at a time.
        The audit trail names the actor, or else the ``viewer`` deciding.
        """
        if adopt not in ADOPT:
            raise CodingError(f"adopt must be one of {', '.join(ADOPT)}, not {adopt!r}")
        a, b = self._pair(coders)
        check_visible(self.conn, viewer, [a, b])
        actor = self.actor if self.actor is not None else viewer.name if viewer else None
        consensus = Coders(self.conn, actor).consensus()
        clusters = self._clusters(a, b, codes, documents)
        if coding_ids:
            wanted = set(coding_ids)
            clusters = [c for c in clusters if wanted & set(c.ids())]
            found = {i for c in clusters for i in c.ids()}
            missing = sorted(wanted - found)
            if missing:
                raise CodingError(
                    f"coding {missing[0]} is not a coding of {a.name} or {b.name} "
                    "with the chosen codes and documents"
                )
            clusters = [c for c in clusters if not c.agreed]
        report = ReconcileReport([a.name, b.name], consensus.name, adopt)
        recorded = self._recorded()
        for cluster in clusters:
            side = "a" if cluster.agreed else adopt
            added, removed, unchanged = self._decide(cluster, side, consensus, recorded, actor)
            report.added += added
            report.removed += removed
            report.unchanged += unchanged
            if cluster.agreed:
                report.agreements += 1
            else:
                report.decisions += 1
                report.decided.append(
                    {
                        "document_id": cluster.document_id,
                        "code_id": cluster.code_id,
                        "start": cluster.start,
                        "end": cluster.end,
                        "adopted": side,
                    }
                )
        return report

    # --- the parts ------------------------------------------------------------
    def _pair(self, refs: Sequence[str | int]) -> tuple[Coder, Coder]:
        reg = Coders(self.conn)
        if len(refs) != 2:
            raise CodingError("name exactly two coders, e.g. --coders A,B")
        a, b = reg.get(refs[0]), reg.get(refs[1])
        if a.id == b.id:
            raise CodingError("name two different coders")
        for c in (a, b):
            if c.role == "consensus":
                raise CodingError(f"{c.name} is the consensus coder; compare two coders")
        return a, b

    def _clusters(
        self,
        a: Coder,
        b: Coder,
        code_refs: Sequence[str | int] | None,
        doc_refs: Sequence[str | int] | None,
    ) -> list[_Cluster]:
        where = ["g.coder_id IN (?, ?)"]
        params: list[Any] = [a.id, b.id]
        if code_refs:
            book = Codebook(self.conn)
            ids = [book.get(r).id for r in code_refs]
            where.append(f"g.code_id IN ({','.join('?' * len(ids))})")
            params += ids
        if doc_refs:
            docs = [resolve_document(self.conn, str(r)) for r in doc_refs]
            where.append(f"g.document_id IN ({','.join('?' * len(docs))})")
            params += docs
        else:  # documents both have coded: elsewhere one of them has not started yet
            where.append(
                "g.document_id IN (SELECT document_id FROM coding WHERE coder_id IN (?, ?) "
                "GROUP BY document_id HAVING count(DISTINCT coder_id) = 2)"
            )
            params += [a.id, b.id]
        rows = self.conn.execute(
            'SELECT g.id, g.document_id, g.code_id, g.start, g."end", g.coder_id, g.memo '
            f"FROM coding g WHERE {' AND '.join(where)} "
            'ORDER BY g.document_id, g.code_id, g.start, g."end", g.id',
            params,
        ).fetchall()
        clusters: list[_Cluster] = []
        for cid, doc, code, start, end, coder, memo in rows:
            last = clusters[-1] if clusters else None
            if last is None or (last.document_id, last.code_id) != (doc, code) or start >= last.end:
                last = _Cluster(doc, code, start, end, [], [])
                clusters.append(last)
            last.end = max(last.end, end)
            (last.a if coder == a.id else last.b).append(Range(cid, start, end, memo))
        return clusters

    def _describe(self, clusters: list[_Cluster]) -> list[Disagreement]:
        labels = document_labels(self.conn, sorted({c.document_id for c in clusters}))
        paths = {c.id: c.path for c in Codebook(self.conn).tree()}
        recorded = self._recorded()
        out = []
        for c in clusters:
            excerpt = document_excerpt(
                self.conn, c.document_id, c.start, c.start + min(c.end - c.start, EXCERPT_CHARS + 1)
            )
            if c.end - c.start > EXCERPT_CHARS:
                excerpt = excerpt[:EXCERPT_CHARS] + "…"
            kind = "only_a" if not c.b else "only_b" if not c.a else "different_ranges"
            out.append(
                Disagreement(
                    c.document_id,
                    labels.get(c.document_id, str(c.document_id)),
                    c.code_id,
                    paths.get(c.code_id, str(c.code_id)),
                    c.start,
                    c.end,
                    excerpt,
                    kind,
                    c.a,
                    c.b,
                    self._decided(c, recorded),
                )
            )
        return out

    def _guids(self, ranges: list[Range]) -> list[str | int]:
        """The GUIDs of these codings, in the same order."""
        ids = [r.coding_id for r in ranges]
        rows = self.conn.execute(
            f"SELECT id, guid FROM coding WHERE id IN ({','.join('?' * len(ids))})", ids
        )
        by_id = dict(rows.fetchall())
        return [by_id[i] for i in ids]

    def _adopted(self, cluster: _Cluster) -> dict[tuple[int, int], tuple[int, int]]:
        """Consensus codings adopted from this cluster: range → (id, source_id)."""
        ids = cluster.ids()
        rows = self.conn.execute(
            'SELECT g.id, g.start, g."end", g.source_id FROM coding g '
            "JOIN coder r ON r.id = g.coder_id AND r.role = 'consensus' "
            f"WHERE g.source_id IN ({','.join('?' * len(ids))})",
            ids,
        ).fetchall()
        return {(s, e): (i, src) for i, s, e, src in rows}

    def _recorded(self) -> dict[frozenset[int], str]:
        """The last decision recorded for each cluster (by its codings), from the audit trail.

        Events name the codings by GUID (``targets`` a and b, ``choice`` the side);
        events written before issue 16 named them by id (``a``, ``b``, ``adopted``).
        """
        events = audit.entries(self.conn, Action.RECONCILE)
        guids = [g for e in events for side in ("a", "b") for g in _targets(e, side)]
        ids = dict(
            self.conn.execute(
                "SELECT c.guid, c.id FROM json_each(?) j JOIN coding c ON c.guid = j.value",
                (json.dumps(guids),),
            ).fetchall()
        )
        out: dict[frozenset[int], str] = {}
        for e in events:
            detail = e["detail"]
            if "targets" in detail:
                refs = _targets(e, "a") + _targets(e, "b")
                out[frozenset(ids[g] for g in refs if g in ids)] = str(detail.get("choice"))
            else:
                out[frozenset(detail["a"] + detail["b"])] = detail["adopted"]
        return out

    def _decided(self, cluster: _Cluster, recorded: dict[frozenset[int], str]) -> str | None:
        """Which side the consensus holds now. Adopting a side with no codings there
        leaves nothing in the consensus, so that decision is read from the audit trail."""
        held = set(self._adopted(cluster))
        last = recorded.get(frozenset(cluster.ids()))
        sides = [s for s in ADOPT if held == set(_wanted(cluster, s))]
        if last in sides:
            return last
        return sides[0] if held and sides else None

    def _decide(
        self,
        cluster: _Cluster,
        side: str,
        consensus: Coder,
        recorded: dict[frozenset[int], str],
        actor: str | None,
    ) -> tuple[int, int, int]:
        """One decision, one transaction: the cluster's consensus becomes exactly *side*."""
        wanted = _wanted(cluster, side)
        added = removed = unchanged = 0
        with change(self.conn, actor) as ch:
            before = None if cluster.agreed else self._decided(cluster, recorded)
            held = self._adopted(cluster)
            for rng, (cons_id, source) in held.items():
                if rng not in wanted:
                    self.conn.execute("DELETE FROM coding WHERE id = ?", (cons_id,))
                    removed += 1
                elif source != wanted[rng].coding_id:
                    self.conn.execute(
                        "UPDATE coding SET source_id = ? WHERE id = ?",
                        (wanted[rng].coding_id, cons_id),
                    )
            for rng, src in wanted.items():
                if rng in held:
                    unchanged += 1
                    continue
                present = self.conn.execute(
                    "SELECT 1 FROM coding WHERE code_id = ? AND document_id = ? AND start = ? "
                    'AND "end" = ? AND coder_id = ?',
                    (cluster.code_id, cluster.document_id, rng[0], rng[1], consensus.id),
                ).fetchone()
                if present:  # the consensus coded this range by hand; leave it be
                    unchanged += 1
                    continue
                self.conn.execute(
                    'INSERT INTO coding(guid, code_id, document_id, start, "end", coder_id, '
                    "created_at, memo, origin, source_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'consensus', ?)",
                    (
                        new_guid(),
                        cluster.code_id,
                        cluster.document_id,
                        rng[0],
                        rng[1],
                        consensus.id,
                        now(),
                        src.memo,
                        src.coding_id,
                    ),
                )
                added += 1
            if added or removed or (not cluster.agreed and before != side):
                targets = {"a": self._guids(cluster.a), "b": self._guids(cluster.b)}
                counts = {"added": added, "removed": removed}
                ch.record(Event(Action.RECONCILE, targets, counts, side))
        if not cluster.agreed:
            recorded[frozenset(cluster.ids())] = side
        return added, removed, unchanged


def _targets(event: dict[str, Any], side: str) -> list[str]:
    return [str(g) for g in event["detail"].get("targets", {}).get(side, [])]


def _wanted(cluster: _Cluster, side: str) -> dict[tuple[int, int], Range]:
    """The ranges a decision adopts, each with the coding it comes from (A's first)."""
    picked = cluster.a if side == "a" else cluster.b if side == "b" else cluster.a + cluster.b
    out: dict[tuple[int, int], Range] = {}
    for r in picked:
        out.setdefault((r.start, r.end), r)
    return out
