"""Agreement between coders who coded the same documents independently.

The unit of analysis is always explicit, because the figures depend on it:

* a segment kind (``sentence``, ``turn``, ``paragraph``, ``cue``, ``row``, or
  ``passage`` for any passage kind): coder C coded unit u with code X when
  one of C's codings with X overlaps u by at least one code point;
* ``char``: every code point of the document text is a unit (speaker labels
  and line breaks included: use the uncoded-excluded figures). Characters are
  never materialised one by one: the text is cut at every coding boundary into
  runs that no coding starts or ends inside, and each run is one weighted unit,
  so a long document costs as much as its codings, not its length.

Per code, each unit is a binary decision (present/absent) per coder.
**Overall** is pooled over every code×unit decision: the per-code tables are
stacked, so the figure weighs codes by how many units they are decided on and
gives partial credit when coders agree on one of two codes in a unit. It is
the natural summary of the per-code figures and is not dominated by one code
used everywhere. As a stricter second view, **overall_sets** treats the set
of chosen codes a coder gave a unit as one nominal category (``{A, B}`` and
``{A}`` disagree completely), which is what Krippendorff's alpha over
multi-valued units means.

Every figure is also given with **uncoded units excluded**: units that no
chosen coder coded with any chosen code. Counting text nobody coded as
agreement ("both left it blank") inflates agreement, most of all with
character units; the excluded figures show what agreement remains. The same
unit set is used for every code, so per-code and overall figures stay
comparable.

Percent agreement is the share of units on which all coders gave the same
value. Cohen's kappa needs exactly two coders; Krippendorff's alpha (nominal)
takes two or more. Every coder rates every unit, so alpha has no missing
values. A figure that is undefined (one category only: expected agreement is
perfect) is ``None`` with the reason in ``notes``, never a crash or a NaN.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from moksori.coding.codebook import Codebook
from moksori.coding.coders import Coder, Coders
from moksori.coding.codings import Codings
from moksori.errors import CodingError
from moksori.ingest.model import PASSAGE_KINDS
from moksori.store.database import Connection
from moksori.store.documents import document_labels, document_length, resolve_document
from moksori.store.passages import segment_bounds

UNITS = ("sentence", "turn", "paragraph", "cue", "row", "passage", "char")
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass
class Figures:
    """Agreement figures over one set of rated items.

    ``units`` counts the rated items: segments, code points for ``char``, and
    unit×code decisions for the pooled overall figure.
    """

    units: int
    percent_agreement: float | None
    kappa: float | None
    alpha: float | None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CodeAgreement:
    code_id: int | None  # None for the overall rows
    code: str
    coded_by: dict[str, int]  # units each coder coded with this code
    all_units: Figures
    coded_only: Figures  # units no coder coded with any chosen code left out

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AgreementReport:
    unit: str
    coders: list[str]
    documents: list[dict[str, Any]]  # id and label of each document counted
    units: int  # all units (code points for 'char')
    uncoded_units: int
    codes: list[CodeAgreement]
    overall: CodeAgreement  # pooled over code×unit decisions
    overall_sets: CodeAgreement  # the set of codes per unit as one category
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# --- the statistics ------------------------------------------------------------
def figures(cats: IntArray, weights: IntArray) -> Figures:
    """Percent agreement, kappa and alpha of ``cats[coder, unit]`` with unit weights.

    Categories are small non-negative integers. Every coder rates every unit.
    Weights let one column stand for a run of identical units (characters).
    """
    tally = _Tally(cats.shape[0])
    tally.add(cats, weights)
    return tally.figures()


@dataclass
class _Tally:
    """Sufficient statistics of the three figures, additive over units.

    Pooling codes is adding their tallies, so the pooled overall figure never
    builds a coders × (codes·units) array.
    """

    n_coders: int
    total: int = 0
    agree: float = 0.0
    observed: float = 0.0  # Krippendorff's disagreeing pairs, each unit / (m - 1)
    values: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    first: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    second: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))

    def add(self, cats: IntArray, weights: IntArray) -> None:
        m = self.n_coders
        if cats.shape[1] == 0:
            return
        w = weights.astype(np.float64)
        size = int(cats.max()) + 1
        self.total += int(weights.sum())
        self.agree += float(w[(cats == cats[0]).all(axis=0)].sum())
        same = np.zeros(len(w))
        for i in range(m):
            for j in range(m):
                same += cats[i] == cats[j]
        self.observed += float((w * (m * m - same)).sum()) / (m - 1)
        for i in range(m):
            self.values = _plus(self.values, _counts(cats[i], w, size))
        self.first = _plus(self.first, _counts(cats[0], w, size))
        self.second = _plus(self.second, _counts(cats[-1], w, size))

    def __iadd__(self, other: _Tally) -> _Tally:
        self.total += other.total
        self.agree += other.agree
        self.observed += other.observed
        self.values = _plus(self.values, other.values)
        self.first = _plus(self.first, other.first)
        self.second = _plus(self.second, other.second)
        return self

    def figures(self) -> Figures:
        total = self.total
        if total == 0:
            return Figures(0, None, None, None, ["no units to compare"])
        notes: list[str] = []
        percent = self.agree / total
        n = float(self.n_coders * total)
        expected = n * n - float((self.values * self.values).sum())
        alpha: float | None = None
        if expected <= 0:
            notes.append("alpha undefined: only one value in the data (no expected disagreement)")
        else:
            alpha = 1.0 - (n - 1.0) * self.observed / expected
        kappa: float | None = None
        if self.n_coders != 2:
            notes.append("Cohen's kappa is defined for exactly two coders")
        else:
            chance = float((self.first * self.second).sum()) / (total * total)
            if chance >= 1.0 - 1e-12:
                notes.append(
                    "kappa undefined: both coders used one and the same category throughout"
                )
            else:
                kappa = (percent - chance) / (1.0 - chance)
        return Figures(total, _round(percent), _round(kappa), _round(alpha), notes)


def _counts(cats: IntArray, w: npt.NDArray[np.float64], size: int) -> npt.NDArray[np.float64]:
    return np.asarray(np.bincount(cats, weights=w, minlength=size), dtype=np.float64)


def _plus(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    size = max(len(a), len(b))
    out = np.zeros(size)
    out[: len(a)] += a
    out[: len(b)] += b
    return out


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


def _covered(starts: IntArray, ends: IntArray, iv_starts: IntArray, iv_ends: IntArray) -> BoolArray:
    """Which units [starts, ends) overlap any interval (intervals need not be disjoint).

    Intervals sorted by start with a running maximum of ends: the intervals
    starting before a unit's end reach furthest at the last of them.
    """
    out = np.zeros(len(starts), dtype=bool)
    if len(iv_starts) == 0:
        return out
    order = np.argsort(iv_starts, kind="stable")
    s = iv_starts[order]
    reach = np.maximum.accumulate(iv_ends[order])
    idx = np.searchsorted(s, ends, side="left") - 1
    ok = idx >= 0
    out[ok] = reach[idx[ok]] > starts[ok]
    return out


# --- gathering the data ------------------------------------------------------------
@dataclass
class _Selection:
    coders: list[Coder]
    codes: list[tuple[int, str, list[int]]]  # id, path, code ids that count as it
    documents: list[int]
    notes: list[str]


class Reliability:
    """Agreement figures for chosen coders, codes and documents."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def agreement(
        self,
        coders: Sequence[str | int],
        *,
        codes: Sequence[str | int] | None = None,
        documents: Sequence[str | int] | None = None,
        unit: str = "sentence",
        include_subcodes: bool = False,
        viewer: Coder | None = None,
    ) -> AgreementReport:
        """Figures per code and overall, with and without uncoded units.

        Defaults: the documents every chosen coder has coded (a document only
        one coder has reached yet would count as pure disagreement), and the
        codes any of them used there. With ``include_subcodes`` a coding with a
        sub-code counts as its chosen ancestor (agreement on categories). A
        ``viewer`` must be allowed to see every chosen coder's codings.
        """
        if unit not in UNITS:
            raise CodingError(f"unknown unit {unit!r}; use one of {', '.join(UNITS)}")
        sel = self._select(coders, codes, documents, include_subcodes)
        check_visible(self.conn, viewer, sel.coders)
        states, weights, used_docs, notes = self._states(sel, unit)
        notes = sel.notes + notes
        if not used_docs:
            raise CodingError(f"the chosen documents have no {unit} units to compare")
        names = [c.name for c in sel.coders]
        coded: BoolArray = np.asarray(states.any(axis=(0, 1)), dtype=bool)
        rows = [
            _code_row(cid, path, names, states[:, k, :], weights, coded)
            for k, (cid, path, _) in enumerate(sel.codes)
        ]
        every, only = _Tally(len(names)), _Tally(len(names))
        for k in range(len(sel.codes)):
            cats = states[:, k, :].astype(np.int64)
            every.add(cats, weights)
            only.add(cats[:, coded], weights[coded])
        overall = CodeAgreement(
            None,
            "overall (pooled)",
            {nm: int(weights[states[i].any(axis=0)].sum()) for i, nm in enumerate(names)},
            every.figures(),
            only.figures(),
        )
        sets = _set_categories(states)
        overall_sets = CodeAgreement(
            None,
            "overall (code sets)",
            overall.coded_by,
            figures(sets, weights),
            figures(sets[:, coded], weights[coded]),
        )
        labels = document_labels(self.conn, used_docs)
        return AgreementReport(
            unit=unit,
            coders=names,
            documents=[{"id": d, "label": labels[d]} for d in used_docs],
            units=int(weights.sum()),
            uncoded_units=int(weights[~coded].sum()),
            codes=rows,
            overall=overall,
            overall_sets=overall_sets,
            notes=notes,
        )

    def _select(
        self,
        coder_refs: Sequence[str | int],
        code_refs: Sequence[str | int] | None,
        doc_refs: Sequence[str | int] | None,
        include_subcodes: bool,
    ) -> _Selection:
        reg = Coders(self.conn)
        chosen = [reg.get(r) for r in coder_refs]
        if len({c.id for c in chosen}) != len(chosen):
            raise CodingError("each coder can be named only once")
        if len(chosen) < 2:
            raise CodingError("agreement needs at least two coders, e.g. --coders A,B")
        ids = [c.id for c in chosen]
        marks = ",".join("?" * len(ids))
        notes: list[str] = []
        if doc_refs:
            docs = list(dict.fromkeys(resolve_document(self.conn, str(r)) for r in doc_refs))
            for d in docs:
                have = {
                    r[0]
                    for r in self.conn.execute(
                        f"SELECT DISTINCT coder_id FROM coding WHERE document_id = ? "
                        f"AND coder_id IN ({marks})",
                        [d, *ids],
                    )
                }
                missing = [c.name for c in chosen if c.id not in have]
                if missing:
                    notes.append(f"document {d}: no codings yet by {', '.join(missing)}")
        else:
            docs = [
                int(r[0])
                for r in self.conn.execute(
                    f"SELECT document_id FROM coding WHERE coder_id IN ({marks}) "
                    "GROUP BY document_id HAVING count(DISTINCT coder_id) = ? "
                    "ORDER BY document_id",
                    [*ids, len(ids)],
                )
            ]
            if not docs:
                who = ", ".join(c.name for c in chosen)
                raise CodingError(f"no document has been coded by all of {who}")
        book = Codebook(self.conn)
        codes: list[tuple[int, str, list[int]]] = []
        if code_refs:
            for ref in code_refs:
                code = book.get(ref)
                counted = book.descendants(code.id) if include_subcodes else [code.id]
                codes.append((code.id, code.path, counted))
        else:
            dmarks = ",".join("?" * len(docs))
            used = {
                int(r[0])
                for r in self.conn.execute(
                    f"SELECT DISTINCT code_id FROM coding WHERE coder_id IN ({marks}) "
                    f"AND document_id IN ({dmarks})",
                    [*ids, *docs],
                )
            }
            codes = [(c.id, c.path, [c.id]) for c in book.tree() if c.id in used]
        if not codes:
            raise CodingError("no codes to compare: these coders coded nothing here")
        return _Selection(chosen, codes, docs, notes)

    def _states(
        self, sel: _Selection, unit: str
    ) -> tuple[BoolArray, IntArray, list[int], list[str]]:
        """states[coder, code, unit] and unit weights, all documents concatenated."""
        coder_index = {c.id: i for i, c in enumerate(sel.coders)}
        code_slots: dict[int, list[int]] = {}
        for k, (_, _, counted) in enumerate(sel.codes):
            for cid in counted:
                code_slots.setdefault(cid, []).append(k)
        shape = (len(sel.coders), len(sel.codes))
        parts: list[BoolArray] = []
        weights: list[IntArray] = []
        used: list[int] = []
        notes: list[str] = []
        cmarks = ",".join("?" * len(coder_index))
        kmarks = ",".join("?" * len(code_slots))
        for doc in sel.documents:
            rows = self.conn.execute(
                f'SELECT coder_id, code_id, start, "end" FROM coding WHERE document_id = ? '
                f"AND coder_id IN ({cmarks}) AND code_id IN ({kmarks})",
                [doc, *coder_index, *code_slots],
            ).fetchall()
            arr = np.array(rows, dtype=np.int64).reshape(-1, 4)
            starts, ends = self._units(doc, unit, arr)
            if len(starts) == 0:
                notes.append(f"document {doc} has no {unit} units; left out")
                continue
            doc_states = np.zeros((*shape, len(starts)), dtype=bool)
            for cid, i in coder_index.items():
                for code_id, slots in code_slots.items():
                    pick = (arr[:, 0] == cid) & (arr[:, 1] == code_id)
                    if not pick.any():
                        continue
                    hit = _covered(starts, ends, arr[pick, 2], arr[pick, 3])
                    for k in slots:
                        doc_states[i, k] |= hit
            parts.append(doc_states)
            weights.append(ends - starts if unit == "char" else np.ones(len(starts), np.int64))
            used.append(doc)
        if not parts:
            return np.zeros((*shape, 0), bool), np.zeros(0, np.int64), used, notes
        return np.concatenate(parts, axis=2), np.concatenate(weights), used, notes

    def _units(self, doc: int, unit: str, codings: IntArray) -> tuple[IntArray, IntArray]:
        if unit == "char":
            length = document_length(self.conn, doc)
            cuts = np.concatenate(([0, length], codings[:, 2], codings[:, 3]))
            cuts = np.unique(np.clip(cuts, 0, length))
            return cuts[:-1], cuts[1:]
        kinds = PASSAGE_KINDS if unit == "passage" else (unit,)
        rows = segment_bounds(self.conn, doc, kinds)
        arr = np.array(rows, dtype=np.int64).reshape(-1, 2)
        return arr[:, 0], arr[:, 1]


def _code_row(
    code_id: int,
    path: str,
    names: list[str],
    states: BoolArray,
    weights: IntArray,
    coded: BoolArray,
) -> CodeAgreement:
    cats = states.astype(np.int64)
    return CodeAgreement(
        code_id,
        path,
        {nm: int(weights[states[i]].sum()) for i, nm in enumerate(names)},
        figures(cats, weights),
        figures(cats[:, coded], weights[coded]),
    )


def _set_categories(states: BoolArray) -> IntArray:
    """One category id per coder and unit: the set of codes given, as a bit pattern."""
    n_coders, n_codes, n_units = states.shape
    packed = np.packbits(states.transpose(0, 2, 1), axis=2).reshape(n_coders * n_units, -1)
    if packed.shape[1] == 0:
        return np.zeros((n_coders, n_units), np.int64)
    _, inverse = np.unique(packed, axis=0, return_inverse=True)
    return inverse.reshape(n_coders, n_units).astype(np.int64)


def check_visible(conn: Connection, viewer: Coder | None, coders: Sequence[Coder]) -> None:
    """Comparing coders shows their codings, so blind coding limits who may compare.

    Under blind coding a coder may compare themself with the consensus, and
    the owner anyone; ``viewer=None`` (library callers) is not limited.
    """
    visible = Codings(conn).visible_coder_ids(viewer)
    hidden = [c.name for c in coders if visible is not None and c.id not in visible]
    if viewer is not None and hidden:
        raise CodingError(
            f"blind coding is on: {viewer.name} cannot see the codings of {', '.join(hidden)}; "
            "ask the project owner, who can compare coders or turn blind coding off"
        )
