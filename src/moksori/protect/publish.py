"""The case attributes a shared copy publishes, and the k-anonymity guard on them.

A hometown kept as a case attribute names a participant as surely as their
name when only one participant comes from there. Before a copy is written,
the values it would publish are worked out (place values generalised by the
place policy, text scrubbed, attributes the owner withholds left out, those
they generalise coarsened) and k is measured over the quasi-identifiers among
them. Below the project's threshold the copy is refused, naming the
attributes and k, unless the owner explicitly accepts the risk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from moksori.coding.attributes import Attribute
from moksori.coding.cases import Cases
from moksori.errors import DeidError
from moksori.protect import hierarchy as hier
from moksori.protect.policy import k_threshold
from moksori.protect.risk import equivalence_classes, k_anonymity
from moksori.protect.scrub import Scrubber
from moksori.store.database import Connection


class ShareRefused(DeidError):
    """The shared copy would let participants be picked out by their attributes."""


@dataclass
class ShareOptions:
    """What the owner decided about the attributes a copy publishes."""

    withhold: Sequence[str] = ()  # attribute names whose values are left out
    generalise: Mapping[str, str] = field(default_factory=dict)  # attribute → level name
    accept_risk: bool = False  # publish although k is below the threshold (audited)
    actor: str | None = None


@dataclass
class Publication:
    """The case values of the copy and the risk measured over them."""

    values: dict[tuple[int, int], str]  # (case id, attribute id) → published value
    retyped: set[int]  # attributes whose values changed: text in the copy, no levels
    withheld: list[str]
    generalised: dict[str, str]
    quasi_identifiers: list[str]
    k: int | None  # None when there is nothing to measure
    threshold: int
    alone: dict[str, int]  # k of each quasi-identifier on its own

    def to_json(self) -> dict[str, Any]:
        return {
            "withheld": self.withheld,
            "generalised": self.generalised,
            "quasi_identifiers": self.quasi_identifiers,
            "k": self.k,
            "threshold": self.threshold,
        }


def _resolve(attrs: Sequence[Attribute], name: str, option: str) -> Attribute:
    wanted = " ".join(name.split()).casefold()
    for a in attrs:
        if a.name.casefold() == wanted:
            return a
    have = ", ".join(a.name for a in attrs) or "none"
    raise DeidError(f"{option} {name!r}: no such case attribute (this project has: {have})")


def plan(conn: Connection, scrub: Scrubber, options: ShareOptions) -> Publication:
    """Published values, and the guard: raises ShareRefused when k is below the threshold."""
    cases = Cases(conn)
    attrs = cases.attributes()
    by_id = {a.id: a for a in attrs}
    withheld = {_resolve(attrs, n, "--withhold").id for n in options.withhold}
    rows = conn.execute("SELECT case_id, attribute_id, value FROM case_value").fetchall()
    coarsen: dict[int, tuple[hier.Hierarchy, int]] = {}
    generalised: dict[str, str] = {}
    for name, rule in options.generalise.items():
        a = _resolve(attrs, name, "--generalise")
        h = hier.build(
            a.name,
            a.type,
            [a.python(v) for _, i, v in rows if i == a.id],
            levels=a.levels,
            prune=False,
        )
        names = [lv.name for lv in h.levels]
        folded = [n.casefold() for n in names]
        if rule.strip().casefold() not in folded:
            raise DeidError(
                f"--generalise {a.name}={rule}: no such level for these values; "
                f"use one of: {', '.join(names)}"
            )
        coarsen[a.id] = (h, folded.index(rule.strip().casefold()))
        generalised[a.name] = names[coarsen[a.id][1]]
    values: dict[tuple[int, int], str] = {}
    retyped: set[int] = set()
    for case_id, attr_id, value in rows:
        a = by_id[attr_id]
        if attr_id in withheld:
            continue
        if attr_id in coarsen:
            h, level = coarsen[attr_id]
            new = scrub.deep(h.generalise(a.python(value), level)) or ""
        elif a.type in ("text", "category"):
            new = scrub.deep(value) or ""
        else:
            new = value
        if new != value:
            retyped.add(attr_id)
        values[(case_id, attr_id)] = new
    qis = [
        a
        for a in attrs
        if a.id not in withheld
        and (hier.looks_quasi_identifying(a.name, a.type) or a.id in retyped)
    ]
    # keyed by case id, not name: nothing here may print a participant's name
    records = {str(c.id): {a.name: values.get((c.id, a.id)) for a in qis} for c in cases.list()}
    threshold = k_threshold(conn)
    k = None
    alone: dict[str, int] = {}
    if qis and records:
        k = k_anonymity(equivalence_classes(records, [a.name for a in qis]))
        alone = {a.name: k_anonymity(equivalence_classes(records, [a.name])) for a in qis}
    pub = Publication(
        values,
        retyped,
        sorted(by_id[i].name for i in withheld),
        generalised,
        [a.name for a in qis],
        k,
        threshold,
        alone,
    )
    if k is not None and k < threshold and not options.accept_risk:
        raise ShareRefused(refusal(pub, len(records)))
    return pub


def refusal(pub: Publication, participants: int) -> str:
    """One line: which attributes, what k, and the three ways on."""
    worst = [f"{q} alone k = {n}" for q, n in pub.alone.items() if n < pub.threshold]
    detail = f" ({'; '.join(worst)})" if worst else ""
    first = next(iter(worst), pub.quasi_identifiers[0]).split(" alone")[0]
    return (
        f"not shared: the copy would publish the case attributes "
        f"{', '.join(pub.quasi_identifiers)} with k = {pub.k} over {participants} "
        f"participant(s), below the project's threshold of {pub.threshold}{detail}; "
        f"withhold them (--withhold {first}), generalise them (--generalise "
        f"{first}=LEVEL; moksori deid risk shows the levels) or pass --accept-risk "
        "(recorded in the audit trail)"
    )
