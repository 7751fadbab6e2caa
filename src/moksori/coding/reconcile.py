"""Reconciling two coders into the consensus coder, one stored decision per unit.

The units are defined in ``coding/disagreements.py``: overlapping places
where the two coders differ, across codes, so "A coded X where B coded Y" is
one unit with both alternatives. A decision on a unit is one of:

- ``a`` / ``b``: the consensus holds exactly that coder's codings of the unit
  (the other coder's alternatives there are rejected);
- ``both``: both coders' codings (each range and code once);
- ``neither``: nothing from the unit;
- ``new``: one new code over the unit's whole range.

A decision is stored in the project (``reconcile_decision``: GUID, who, when,
whether by bulk) with the consensus codings it created, and audited in the
same transaction. Deciding a unit explicitly (``coding_ids``) replaces its
decision; a bulk ``reconcile`` (no ``coding_ids``) decides only the units no
one has decided, and copies the agreements (from A). It never overrides a
decision, not even an earlier bulk one, nor one whose unit has changed since.
Consensus codings not made by a decision (made by hand) are never touched, and
deciding the same thing again changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from moksori.coding import disagreements as dis
from moksori.coding.audited import Action, Event, change
from moksori.coding.codebook import Codebook
from moksori.coding.coders import Coder, Coders
from moksori.coding.disagreements import CHOICES, STATES, Disagreement, Range, Unit
from moksori.coding.reliability import check_visible
from moksori.errors import CodingError
from moksori.store.clock import now
from moksori.store.database import Connection
from moksori.store.ids import new_guid

__all__ = ["ADOPT", "CHOICES", "Disagreement", "Range", "ReconcileReport", "Reconciler"]

ADOPT = ("a", "b", "both", "neither")  # what a bulk reconcile may adopt

Key = tuple[int, int, int]  # code id, start, end


@dataclass
class ReconcileReport:
    coders: list[str]
    consensus: str
    adopt: str
    decisions: int = 0  # units decided by this run
    agreements: int = 0  # agreed clusters copied or already in the consensus
    kept: int = 0  # units left alone: decided before (or changed since a decision)
    added: int = 0  # consensus codings created
    removed: int = 0  # consensus codings removed by a different decision
    unchanged: int = 0  # adopted codings that were already in the consensus
    decided: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Counts:
    added: int = 0
    removed: int = 0
    unchanged: int = 0


class Reconciler:
    """Disagreement units and their decisions between two coders."""

    def __init__(self, conn: Connection, *, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor  # named in the audit trail; else the deciding viewer

    def disagreements(
        self,
        coders: Sequence[str | int],
        *,
        codes: Sequence[str | int] | None = None,
        documents: Sequence[str | int] | None = None,
        state: str | None = None,
        viewer: Coder | None = None,
    ) -> list[Disagreement]:
        """Every unit where the two coders differ, in reading order; ``state``
        keeps only 'undecided', 'decided' or 'changed' ones."""
        if state is not None and state not in STATES:
            raise CodingError(f"state must be one of {', '.join(STATES)}, not {state!r}")
        a, b = self._pair(coders)
        check_visible(self.conn, viewer, [a, b])
        found, guids = dis.clusters(self.conn, a, b, documents)
        items = dis.involving(dis.units(found, guids), self._code_ids(codes))
        recorded = dis.states(self.conn, a, b, items)
        names = {c.id: c.path for c in Codebook(self.conn).tree()}
        out = dis.describe(self.conn, items, recorded, names)
        return [d for d in out if state is None or d.state == state]

    def reconcile(
        self,
        coders: Sequence[str | int],
        adopt: str,
        *,
        codes: Sequence[str | int] | None = None,
        documents: Sequence[str | int] | None = None,
        coding_ids: Sequence[int] | None = None,
        new_code: str | int | None = None,
        viewer: Coder | None = None,
    ) -> ReconcileReport:
        """Decide units into the consensus.

        With ``coding_ids``: the units holding those codings, explicitly (a
        decision there is replaced). Without: every undecided unit (bulk), and
        the agreements. ``adopt='new'`` puts ``new_code`` over the unit's range.
        The audit trail names the actor, or else the ``viewer`` deciding.
        """
        if adopt not in CHOICES:
            raise CodingError(f"adopt must be one of {', '.join(CHOICES)}, not {adopt!r}")
        if (adopt == "new") != (new_code is not None):
            raise CodingError("a new code is adopted with adopt 'new' and the code to put there")
        if adopt == "new" and not coding_ids:
            raise CodingError("a new code is decided one unit at a time: name a coding in it")
        a, b = self._pair(coders)
        check_visible(self.conn, viewer, [a, b])
        actor = self.actor if self.actor is not None else viewer.name if viewer else None
        consensus = Coders(self.conn, actor).consensus()
        code_id = Codebook(self.conn).get(new_code).id if new_code is not None else None
        found, guids = dis.clusters(self.conn, a, b, documents)
        items = dis.involving(dis.units(found, guids), self._code_ids(codes))
        report = ReconcileReport([a.name, b.name], consensus.name, adopt)
        recorded = dis.states(self.conn, a, b, items)
        if coding_ids:
            chosen = self._chosen(items, found, coding_ids, a, b)
            work: list[tuple[int, Unit | dis.Cluster]] = [(n, items[n]) for n in chosen]
        else:
            wanted = self._code_ids(codes)
            agreed = [c for c in found if c.agreed and (wanted is None or c.code_id in wanted)]
            work = [(n, u) for n, u in enumerate(items)] + [(-1, c) for c in agreed]
            work.sort(key=lambda w: (w[1].document_id, w[1].start, w[1].end))
        for n, item in work:
            if isinstance(item, dis.Cluster):
                counts = self._agreement(item, consensus, actor)
                report.agreements += 1
            elif not coding_ids and recorded[n].state != "undecided":
                report.kept += 1
                continue
            else:
                counts = self._decide(
                    item, adopt, code_id, (a, b), consensus, recorded[n], actor, not coding_ids
                )
                report.decisions += 1
                report.decided.append(
                    {
                        "document_id": item.document_id,
                        "start": item.start,
                        "end": item.end,
                        "adopted": adopt,
                    }
                )
            report.added += counts.added
            report.removed += counts.removed
            report.unchanged += counts.unchanged
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

    def _code_ids(self, refs: Sequence[str | int] | None) -> set[int] | None:
        if not refs:
            return None
        book = Codebook(self.conn)
        return {book.get(r).id for r in refs}

    def _chosen(
        self,
        items: list[Unit],
        found: list[dis.Cluster],
        coding_ids: Sequence[int],
        a: Coder,
        b: Coder,
    ) -> list[int]:
        """The units holding these codings (each once, in reading order)."""
        where = {i: n for n, u in enumerate(items) for i in u.ids()}
        agreed = {i for c in found if c.agreed for i in c.ids()}
        for i in coding_ids:
            if i in agreed:
                raise CodingError(
                    f"coding {i} is coded alike by {a.name} and {b.name}: nothing to decide"
                )
            if i not in where:
                raise CodingError(
                    f"coding {i} is not a coding of {a.name} or {b.name} "
                    "with the chosen codes and documents"
                )
        return sorted({where[i] for i in coding_ids})

    def _decide(
        self,
        unit: Unit,
        choice: str,
        code_id: int | None,
        pair: tuple[Coder, Coder],
        consensus: Coder,
        recorded: dis.State,
        actor: str | None,
        bulk: bool,
    ) -> _Counts:
        """One decision, one transaction: the unit's consensus becomes exactly *choice*."""
        wanted = _wanted(unit, choice, code_id)
        counts = _Counts()
        a, b = pair
        as_asked = dis.ordered(a, b)
        with change(self.conn, actor) as ch:
            touched = [d for d in [recorded.decision, *recorded.earlier] if d and d.row_id]
            # an earlier decision that also covers text outside this unit stays for that text
            replaced = [
                d.row_id
                for d in touched
                if d.row_id and unit.start <= d.start and d.end <= unit.end
            ]
            made: list[int] = []
            kept = self._held(unit, consensus, [d.row_id for d in touched if d.row_id])
            for cons_id, key in list(kept.items()):
                if key not in wanted:
                    self.conn.execute("DELETE FROM coding WHERE id = ?", (cons_id,))
                    counts.removed += 1
                    del kept[cons_id]
            by_key = {key: cons_id for cons_id, key in kept.items()}
            for key, source in wanted.items():
                if key in by_key:
                    made.append(by_key[key])
                    counts.unchanged += 1
                    self.conn.execute(
                        "UPDATE coding SET source_id = ? WHERE id = ? AND source_id IS NOT ?",
                        (source.coding_id if source else None, by_key[key], _id(source)),
                    )
                    continue
                if self._present(unit.document_id, key, consensus):  # by hand: leave it be
                    counts.unchanged += 1
                    continue
                made.append(self._insert(unit.document_id, key, source, consensus))
                counts.added += 1
            before = recorded.decision
            same = (
                before is not None
                and before.row_id is not None
                and not recorded.earlier
                and (before.choice, before.code_id) == (choice, code_id)
                and before.bulk == bulk
                and not counts.added
                and not counts.removed
            )
            if same:
                return counts
            if replaced:
                marks = ",".join("?" * len(replaced))
                self.conn.execute(f"DELETE FROM reconcile_decision WHERE id IN ({marks})", replaced)
            guid = new_guid()
            lo, hi = (a.id, b.id) if as_asked else (b.id, a.id)
            cur = self.conn.execute(
                "INSERT INTO reconcile_decision(guid, coder_a, coder_b, document_id, start, "
                '"end", codings, choice, code_id, bulk, decided_by, decided_at) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    guid,
                    lo,
                    hi,
                    unit.document_id,
                    unit.start,
                    unit.end,
                    unit.key,
                    dis.flip(choice, as_asked),
                    code_id,
                    int(bulk),
                    actor,
                    now(),
                ),
            )
            self.conn.executemany(
                "INSERT INTO reconcile_made(decision_id, coding_id) VALUES (?, ?)",
                [(cur.lastrowid, m) for m in made],
            )
            targets: dict[str, list[str | int]] = {
                "a": [unit.guids[r.coding_id] for r in unit.a],
                "b": [unit.guids[r.coding_id] for r in unit.b],
                "decision": [guid],
            }
            if code_id is not None:
                targets["code"] = [self._guid("code", code_id)]
            ch.record(
                Event(
                    Action.RECONCILE,
                    targets,
                    {"added": counts.added, "removed": counts.removed},
                    choice,
                )
            )
        return counts

    def _agreement(self, cluster: dis.Cluster, consensus: Coder, actor: str | None) -> _Counts:
        """An agreed cluster copied from A (one transaction; audited when it changes)."""
        counts = _Counts()
        wanted = {(cluster.code_id, r.start, r.end): r for r in cluster.a}
        with change(self.conn, actor) as ch:
            ids = cluster.ids()
            held = self.conn.execute(
                'SELECT g.id, g.start, g."end" FROM coding g '
                "WHERE g.coder_id = ? AND g.origin = 'consensus' "
                f"AND g.source_id IN ({','.join('?' * len(ids))})",
                [consensus.id, *ids],
            ).fetchall()
            have = set()
            for cons_id, start, end in held:
                if (cluster.code_id, start, end) in wanted:
                    have.add((cluster.code_id, start, end))
                else:
                    self.conn.execute("DELETE FROM coding WHERE id = ?", (cons_id,))
                    counts.removed += 1
            for key, source in wanted.items():
                if key in have or self._present(cluster.document_id, key, consensus):
                    counts.unchanged += 1
                    continue
                self._insert(cluster.document_id, key, source, consensus)
                counts.added += 1
            if counts.added or counts.removed:
                targets = {
                    "a": [self._guid("coding", r.coding_id) for r in cluster.a],
                    "b": [self._guid("coding", r.coding_id) for r in cluster.b],
                }
                counts_ = {"added": counts.added, "removed": counts.removed}
                ch.record(Event(Action.RECONCILE, targets, counts_, "agreed"))
        return counts

    def _held(self, unit: Unit, consensus: Coder, decisions: list[int]) -> dict[int, Key]:
        """Consensus codings a decision on this unit made: those the replaced decisions
        created over its text, and those adopted from its codings before schema 10."""
        ids = unit.ids()
        rows = self.conn.execute(
            'SELECT g.id, g.code_id, g.start, g."end" FROM coding g '
            'WHERE g.coder_id = ? AND g.document_id = ? AND g.start < ? AND g."end" > ? AND ('
            f"(g.origin = 'consensus' AND g.source_id IN ({','.join('?' * len(ids))})) "
            "OR g.id IN (SELECT coding_id FROM reconcile_made "
            f"WHERE decision_id IN ({','.join('?' * len(decisions)) or 'NULL'})))",
            [consensus.id, unit.document_id, unit.end, unit.start, *ids, *decisions],
        ).fetchall()
        return {i: (code, s, e) for i, code, s, e in rows}

    def _present(self, doc: int, key: Key, consensus: Coder) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM coding WHERE code_id = ? AND document_id = ? AND start = ? "
            'AND "end" = ? AND coder_id = ?',
            (key[0], doc, key[1], key[2], consensus.id),
        ).fetchone()
        return row is not None

    def _insert(self, doc: int, key: Key, source: Range | None, consensus: Coder) -> int:
        cur = self.conn.execute(
            'INSERT INTO coding(guid, code_id, document_id, start, "end", coder_id, '
            "created_at, memo, origin, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'consensus', ?)",
            (
                new_guid(),
                key[0],
                doc,
                key[1],
                key[2],
                consensus.id,
                now(),
                source.memo if source else None,
                _id(source),
            ),
        )
        return int(cur.lastrowid)

    def _guid(self, table: str, row_id: int) -> str:
        row = self.conn.execute(f"SELECT guid FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return str(row[0])


def _id(source: Range | None) -> int | None:
    return source.coding_id if source else None


def _wanted(unit: Unit, choice: str, code_id: int | None) -> dict[Key, Range | None]:
    """What a decision puts in the consensus, each with the coding it comes from."""
    if choice == "neither":
        return {}
    if choice == "new":
        assert code_id is not None
        return {(code_id, unit.start, unit.end): None}
    picked = unit.a if choice == "a" else unit.b if choice == "b" else unit.a + unit.b
    out: dict[Key, Range | None] = {}
    for r in picked:
        out.setdefault((r.code_id, r.start, r.end), r)
    return out
