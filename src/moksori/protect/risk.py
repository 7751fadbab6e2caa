"""Re-identification risk over case attributes: k-anonymity, l-diversity, suggestions.

Participants who share every quasi-identifier value (age band, home county,
year of leaving, ...) form an equivalence class; k is the size of the
smallest class. A participant in a class smaller than the threshold can be
picked out by anyone who knows those few facts about them. The population
matters too: only about 34,000 North Koreans have resettled in the South,
so a combination that is unique in a study is often unique in the country.

Missing values count as a value of their own, "(missing)": people without a
value group together, and one person without a value stands out. The
suggestions come from full-domain generalisation (see ``hierarchy``) plus
withholding the attributes of the few participants still at risk.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from moksori.coding.attributes import Attribute
from moksori.coding.cases import Cases
from moksori.errors import MoksoriError
from moksori.protect import hierarchy as hier
from moksori.protect.hierarchy import MISSING, Hierarchy, Node, display

__all__ = [
    "MISSING",
    "POPULATION",
    "EquivalenceClass",
    "RiskError",
    "RiskReport",
    "Suggestion",
    "assess",
    "assess_records",
    "default_quasi_identifiers",
    "equivalence_classes",
    "k_anonymity",
    "l_diversity",
]

# North Korean defectors who have arrived in South Korea (Ministry of Unification
# counts, a little over 34,000 by 2024). A rough figure, used only for the note.
POPULATION = 34_000
MAX_NODES = 20_000

Records = Mapping[str, Mapping[str, Any]]


class RiskError(MoksoriError):
    """A risk assessment cannot be run as asked (unknown attribute, no cases, ...)."""


@dataclass
class EquivalenceClass:
    """Participants who look the same on the quasi-identifiers."""

    values: dict[str, str]
    members: list[str]
    l_distinct: int | None = None
    l_entropy: float | None = None

    @property
    def size(self) -> int:
        return len(self.members)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"values": self.values, "size": self.size, "members": self.members}
        if self.l_distinct is not None:
            out |= {"l_distinct": self.l_distinct, "l_entropy": self.l_entropy}
        return out


def equivalence_classes(
    records: Records, quasi_identifiers: Sequence[str]
) -> list[EquivalenceClass]:
    """Group participants by their (displayed) quasi-identifier values; smallest first."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for name, values in records.items():
        key = tuple(display(values.get(q)) for q in quasi_identifiers)
        groups.setdefault(key, []).append(name)
    classes = [
        EquivalenceClass(dict(zip(quasi_identifiers, key, strict=True)), sorted(members))
        for key, members in groups.items()
    ]
    return sorted(classes, key=lambda c: (c.size, list(c.values.values())))


def k_anonymity(classes: Sequence[EquivalenceClass]) -> int:
    """The size of the smallest class (0 when there are no participants)."""
    return min((c.size for c in classes), default=0)


def l_diversity(
    classes: Sequence[EquivalenceClass], records: Records, sensitive: str
) -> tuple[int, float]:
    """Distinct and entropy l over ``sensitive``; fills in each class's own l.

    Distinct l: the fewest different sensitive values in any class. Entropy l:
    the smallest exp(entropy) of a class's values, which is lower when one
    value dominates. A missing value counts as the value "(missing)".
    """
    lows: list[tuple[int, float]] = []
    for c in classes:
        counts = Counter(display(records[m].get(sensitive)) for m in c.members)
        total = sum(counts.values())
        entropy = -sum(n / total * math.log(n / total) for n in counts.values())
        c.l_distinct, c.l_entropy = len(counts), round(math.exp(entropy), 3)
        lows.append((c.l_distinct, c.l_entropy))
    return min((x[0] for x in lows), default=0), min((x[1] for x in lows), default=0.0)


@dataclass
class Suggestion:
    """A way to raise k: a level per attribute, and who would be withheld."""

    kind: str  # "generalise", "generalise and withhold", "withhold"
    levels: dict[str, str]  # attribute -> level name ("exact", "5-year band", "*", ...)
    k: int  # smallest class among the participants kept
    withheld: list[str]
    loss: float  # mean precision loss, 0 (exact) .. 1 (all suppressed)
    classes: int
    population_cell: float
    l_distinct: int | None = None

    def describe(self) -> str:
        changes = [f"{a} → {lv}" for a, lv in self.levels.items() if lv != hier.EXACT]
        text = ", ".join(changes) if changes else "keep every value exact"
        if self.withheld:
            text += f"; withhold {len(self.withheld)} participant(s)"
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "description": self.describe(),
            "levels": self.levels,
            "k": self.k,
            "withheld": self.withheld,
            "loss": round(self.loss, 4),
            "classes": self.classes,
            "population_per_cell": round(self.population_cell, 2),
            "l_distinct": self.l_distinct,
        }


@dataclass
class RiskReport:
    quasi_identifiers: list[str]
    threshold: int
    participants: int
    k: int
    classes: list[EquivalenceClass]
    at_risk: list[str]
    class_size: dict[str, int]
    sample_uniques: list[str]
    missing: dict[str, int]
    population: int
    population_cell: float
    suggestions: list[Suggestion] = field(default_factory=list)
    sensitive: str | None = None
    l_distinct: int | None = None
    l_entropy: float | None = None
    automatic: bool = False
    exhaustive: bool = True
    nodes: int = 0
    notes: list[str] = field(default_factory=list)
    hierarchies: list[Hierarchy] = field(default_factory=list, repr=False)

    @property
    def safe(self) -> bool:
        return self.participants > 0 and self.k >= self.threshold

    def apply(self, records: Records, suggestion: Suggestion) -> dict[str, dict[str, str]]:
        """The records as a suggestion would publish them (withheld participants left out)."""
        index = {h.attribute: h for h in self.hierarchies}
        levels = {
            a: [lv.name for lv in index[a].levels].index(name)
            for a, name in suggestion.levels.items()
        }
        return {
            name: {a: index[a].generalise(values.get(a), lv) for a, lv in levels.items()}
            for name, values in records.items()
            if name not in suggestion.withheld
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "quasi_identifiers": self.quasi_identifiers,
            "chosen_automatically": self.automatic,
            "threshold": self.threshold,
            "participants": self.participants,
            "k": self.k,
            "safe": self.safe,
            "at_risk": self.at_risk,
            "class_size": self.class_size,
            "sample_uniques": self.sample_uniques,
            "missing": self.missing,
            "sensitive": self.sensitive,
            "l_distinct": self.l_distinct,
            "l_entropy": self.l_entropy,
            "population": self.population,
            "population_per_cell": round(self.population_cell, 2),
            "classes": [c.to_json() for c in self.classes],
            "suggestions": [s.to_json() for s in self.suggestions],
            "search": {"exhaustive": self.exhaustive, "nodes": self.nodes},
            "notes": self.notes,
        }


# --- from a project ---------------------------------------------------------------
def default_quasi_identifiers(attributes: Sequence[Attribute]) -> list[str]:
    """Attributes whose names suggest a quasi-identifier (age, 고향, year_left, ...)."""
    return [a.name for a in attributes if hier.looks_quasi_identifying(a.name, a.type)]


def assess(
    source: Any,
    quasi_identifiers: Sequence[str] | None = None,
    *,
    k: int = 3,
    sensitive: str | None = None,
    mappings: Mapping[str, Mapping[str, str]] | None = None,
    population: int = POPULATION,
    max_nodes: int = MAX_NODES,
    max_withheld: int | None = None,
    limit: int = 3,
) -> RiskReport:
    """Assess a project (a ``Project`` or its connection) over its case attributes.

    With no quasi-identifiers given, those whose names suggest one are used
    and the report says so (``automatic``).
    """
    cases = Cases(getattr(source, "conn", source))
    attrs = cases.attributes()
    by_name = {a.name.casefold(): a for a in attrs}
    existing = ", ".join(a.name for a in attrs) or "none yet"

    def resolve(name: str, role: str) -> Attribute:
        found = by_name.get(" ".join(name.split()).casefold())
        if found is None:
            raise RiskError(f"no attribute {name!r} to use as {role}; this project has: {existing}")
        return found

    automatic = not quasi_identifiers
    if automatic:
        qis = [by_name[n.casefold()] for n in default_quasi_identifiers(attrs)]
        if not qis:
            raise RiskError(
                "no attribute name looks like a quasi-identifier; name them with --qi "
                f"(attributes: {existing})"
            )
    else:
        qis = list(
            {
                a.id: a for a in (resolve(q, "a quasi-identifier") for q in quasi_identifiers or ())
            }.values()
        )
    sens = resolve(sensitive, "the sensitive attribute") if sensitive else None
    if sens is not None and sens.id in {a.id for a in qis}:
        if not automatic:
            raise RiskError(
                f"{sens.name!r} cannot be both a quasi-identifier and the sensitive attribute"
            )
        qis = [a for a in qis if a.id != sens.id]
    maps = {resolve(a, "a mapped attribute").name: dict(m) for a, m in (mappings or {}).items()}
    rows = cases.table()
    if not rows:
        raise RiskError("no cases in this project yet; add them with `moksori case add`")
    wanted = [a.name for a in qis] + ([sens.name] if sens else [])
    records = {str(r["case"]): {n: r[n] for n in wanted} for r in rows}
    report = assess_records(
        records,
        [a.name for a in qis],
        types={a.name: a.type for a in attrs},
        levels={a.name: a.levels for a in attrs},
        k=k,
        sensitive=sens.name if sens else None,
        mappings=maps,
        population=population,
        max_nodes=max_nodes,
        max_withheld=max_withheld,
        limit=limit,
    )
    report.automatic = automatic
    return report


# --- from plain records -------------------------------------------------------------
def _type_of(values: Sequence[Any]) -> str:
    present = [v for v in values if display(v) != MISSING]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "integer"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "float"
    if present and all(isinstance(v, dt.date) for v in present):
        return "date"
    return "text"


def assess_records(
    records: Records,
    quasi_identifiers: Sequence[str],
    *,
    types: Mapping[str, str] | None = None,
    levels: Mapping[str, Sequence[str]] | None = None,
    k: int = 3,
    sensitive: str | None = None,
    mappings: Mapping[str, Mapping[str, str]] | None = None,
    population: int = POPULATION,
    max_nodes: int = MAX_NODES,
    max_withheld: int | None = None,
    limit: int = 3,
) -> RiskReport:
    """The risk report for ``records`` (case name -> {attribute: value})."""
    if k < 2:
        raise RiskError("k must be at least 2 (k = 1 protects nobody)")
    qis = list(dict.fromkeys(quasi_identifiers))
    if not qis:
        raise RiskError("choose at least one quasi-identifier")
    names = list(records)
    columns = {q: [records[n].get(q) for n in names] for q in qis}
    hierarchies = [
        hier.build(
            q,
            (types or {}).get(q) or _type_of(columns[q]),
            columns[q],
            levels=(levels or {}).get(q, ()),
            mapping=(mappings or {}).get(q),
        )
        for q in qis
    ]
    classes = equivalence_classes(records, qis)
    class_size = {m: c.size for c in classes for m in c.members}
    report = RiskReport(
        quasi_identifiers=qis,
        threshold=k,
        participants=len(names),
        k=k_anonymity(classes),
        classes=classes,
        at_risk=sorted(m for c in classes if c.size < k for m in c.members),
        class_size=dict(sorted(class_size.items())),
        sample_uniques=sorted(m for c in classes if c.size == 1 for m in c.members),
        missing={q: n for q in qis if (n := sum(display(v) == MISSING for v in columns[q]))},
        population=population,
        population_cell=_cell(population, hierarchies, [0] * len(qis)),
        sensitive=sensitive,
        hierarchies=hierarchies,
    )
    if sensitive:
        report.l_distinct, report.l_entropy = l_diversity(classes, records, sensitive)
    if names:
        rows = [[records[n].get(q) for q in qis] for n in names]
        nodes, report.exhaustive = hier.search(hierarchies, rows, k, max_nodes)
        report.nodes = len(nodes)
        cap = max_withheld if max_withheld is not None else max(1, len(names) // 10)
        report.suggestions = _suggest(report, records, nodes, cap, limit)
    report.notes = _notes(report)
    return report


def _cell(population: int, hierarchies: Sequence[Hierarchy], levels: Sequence[int]) -> float:
    cells = math.prod(
        max(h.levels[lv].domain, 1.0) for h, lv in zip(hierarchies, levels, strict=True)
    )
    return population / cells


def _suggest(
    report: RiskReport, records: Records, nodes: list[Node], cap: int, limit: int
) -> list[Suggestion]:
    k = report.threshold
    if report.safe:
        return []  # nothing to raise
    picked: list[tuple[str, Node, bool]] = [
        ("generalise", n, False) for n in hier.minimal(nodes, k)[:limit]
    ]
    best = picked[0][1].loss if picked else math.inf
    partial = [n for n in nodes if 0 < n.at_risk <= cap and n.k_kept >= k and n.loss < best]
    partial = [n for n in partial if any(m != 0 for m in n.levels)]
    if partial:
        picked.append(
            ("generalise and withhold", min(partial, key=lambda n: (n.loss, n.at_risk)), True)
        )
    bottom = next((n for n in nodes if not any(n.levels)), None)
    if bottom is not None and bottom.at_risk and bottom.k_kept:
        picked.append(("withhold", bottom, True))
    out = []
    for kind, node, withhold in picked:
        levels = {
            h.attribute: h.levels[lv].name
            for h, lv in zip(report.hierarchies, node.levels, strict=True)
        }
        s = Suggestion(
            kind,
            levels,
            0,
            [],
            node.loss,
            0,
            _cell(report.population, report.hierarchies, node.levels),
        )
        if withhold:
            probe = equivalence_classes(report.apply(records, s), report.quasi_identifiers)
            s.withheld = sorted(m for c in probe if c.size < k for m in c.members)
        kept = report.apply(records, s)
        classes = equivalence_classes(kept, report.quasi_identifiers)
        s.k, s.classes = k_anonymity(classes), len(classes)
        if report.sensitive:
            sens = {n: {report.sensitive: records[n].get(report.sensitive)} for n in kept}
            s.l_distinct = l_diversity(classes, sens, report.sensitive)[0]
        out.append(s)
    return out


def _notes(r: RiskReport) -> list[str]:
    notes: list[str] = []
    qis = " × ".join(r.quasi_identifiers)
    if r.participants == 0:
        return ["no participants to assess"]
    notes.append(
        f"k = {r.k}: the smallest group of participants who share {qis} has {r.k} "
        f"member(s); {len(r.at_risk)} of {r.participants} are in groups smaller than {r.threshold}."
    )
    if r.sample_uniques:
        notes.append(
            f"{len(r.sample_uniques)} participant(s) are the only one in this study with their "
            f"combination of {qis} (sample uniques). Being unique in a study is not proof of "
            "being unique in the population, but this population is small."
        )
    notes.append(_population_note(r, qis))
    for q, n in r.missing.items():
        notes.append(
            f"{q}: {n} participant(s) have no value; {MISSING} counts as a value of its own, "
            "so they group together, and one person without a value stands out."
        )
    if r.sensitive and r.l_distinct is not None:
        same = sum(1 for c in r.classes if c.l_distinct == 1)
        notes.append(
            f"l-diversity of {r.sensitive}: distinct l = {r.l_distinct}, "
            f"entropy l = {r.l_entropy}. "
            + (
                f"In {same} group(s) everyone has the same {r.sensitive}: placing someone in "
                f"that group reveals it, whatever k is."
                if same
                else "No group shares a single value."
            )
        )
    if r.participants < r.threshold:
        notes.append(
            f"only {r.participants} participant(s): no generalisation reaches k = {r.threshold}; "
            "report these attributes only in aggregate, or not at all."
        )
    if not r.exhaustive:
        notes.append(
            f"the lattice of generalisation levels is larger than {MAX_NODES:,} nodes; the "
            "suggestions come from a greedy climb and may coarsen more than needed."
        )
    return notes


def _population_note(r: RiskReport, qis: str) -> str:
    cell = r.population_cell
    text = (
        f"About {r.population:,} North Koreans have resettled in South Korea. Spread evenly over "
        f"the possible combinations of {qis}, that is about {cell:,.1f} people per combination"
    )
    if cell < 1:
        text += (
            ": most combinations belong to one person or nobody, so a participant unique here is "
            "probably unique in the whole population"
        )
    elif cell < 20:
        text += ": few enough that someone who knows the community can single a person out"
    cells = hier.COUNTIES * hier.YEARS
    return text + (
        ". The spread is far from even (most came from North Hamgyong and Ryanggang, about "
        "seven in ten are women), so rare combinations are rarer still. For scale: home county "
        f"(~{hier.COUNTIES}) × year of leaving (~{hier.YEARS}) makes ~{cells:,} combinations, "
        f"~{r.population / cells:.0f} people each on average, "
        "often one."
    )
