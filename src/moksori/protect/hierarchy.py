"""Generalisation hierarchies for case attributes, and the lattice of their levels.

Full-domain generalisation (Samarati; Sweeney; the ARX tool): every value of
one attribute is coarsened to the same level, e.g. all ages to 5-year bands.
A combination of levels, one per quasi-identifier, is a node of a lattice;
the search tries the nodes and keeps the least coarse ones that reach k.

Each level also carries a rough count of how many distinct values it has in
the whole population of North Korean migrants (200 counties, 12 provinces,
30 years of leaving, ...). Those counts are deliberately rough; they only
serve to say how many people share a cell if they were spread evenly.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from moksori.errors import MoksoriError

MISSING = "(missing)"
SUPPRESSED = "*"
EXACT = "exact"
UNKNOWN_PLACE = "(place not in gazetteer)"

# Rough population domain sizes (general knowledge, order of magnitude only).
AGES, YEARS, COUNTIES, PROVINCES, REGIONS = 60, 30, 200, 12, 4
KIND_DOMAIN = {"gender": 2, "education": 5, "occupation": 20, "place": COUNTIES}
KIND_DOMAIN |= {"province": PROVINCES, "region": REGIONS, "age": AGES, "year": YEARS}

_PLACE_WORDS = {"county", "city", "town", "hometown", "village", "place", "birthplace"}
_PLACE_WORDS |= {"origin", "district", "home", "residence", "gun", "si"}
_WORDS: dict[str, set[str]] = {
    "age": {"age", "aged", "ages", "나이", "연령", "만나이"},
    "year": {"year", "years", "yr", "born", "birth", "birthyear", "cohort", "arrival", "arrived"},
    "date": {"date", "dob", "birthday", "생일", "생년월일"},
    "place": _PLACE_WORDS | {"고향", "출신", "출신지", "출생지", "거주지", "시군", "군", "시"},
    "province": {"province", "prov", "도", "출신도"},
    "region": {"region", "area", "지역", "권역"},
    "gender": {"gender", "sex", "성별", "성"},
    "education": {"education", "school", "schooling", "degree", "학력", "학교", "교육"},
    "occupation": {"occupation", "job", "work", "profession", "직업", "직종", "일"},
}
_YEAR_WORDS = {"left", "leaving", "exit", "entry", "defection", "escape", "departure"}
_YEAR_WORDS |= {"탈북", "입국", "출생", "생년", "년도", "연도", "년생", "입국년도", "탈북년도"}
_QI_EXTRA = {"marital", "married", "혼인", "결혼", "settled", "resettled", "정착"}


class HierarchyError(MoksoriError):
    """A generalisation mapping cannot be read or used."""


def words(name: str) -> list[str]:
    """An attribute name's words: ``homeProvince`` / ``home_province`` → home, province."""
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    return [w for w in re.split(r"[^0-9a-zA-Z가-힣]+", spaced.casefold()) if w]


def kind_of(name: str, type_: str) -> str:
    """What an attribute describes, judged from its name and type (``other`` if unsure)."""
    ws = words(name)
    joined = "".join(ws)
    korean = [w for w in ws if re.search("[가-힣]", w)]

    def has(kind: str) -> bool:
        vocab = _WORDS[kind]
        return any(w in vocab for w in ws) or any(
            v in w for w in korean for v in vocab if len(v) > 1
        )

    if type_ == "date" or has("date"):
        return "date"
    if has("age"):
        return "age"
    for kind in ("province", "region", "place"):
        if has(kind):
            return kind
    yearish = has("year") or any(w in _YEAR_WORDS for w in ws)
    yearish = yearish or any(v in joined for v in _YEAR_WORDS if re.search("[가-힣]", v))
    if yearish and type_ in ("integer", "float", "date", "text"):
        return "year"
    for kind in ("gender", "education", "occupation"):
        if has(kind):
            return kind
    return "other"


def looks_quasi_identifying(name: str, type_: str) -> bool:
    """Whether a name suggests a quasi-identifier (age, home county, year left, ...)."""
    if kind_of(name, type_) != "other":
        return True
    ws = words(name)
    return any(w in _QI_EXTRA or w in _YEAR_WORDS for w in ws)


@dataclass(frozen=True)
class Level:
    name: str  # "exact", "5-year band", "province", "*" ...
    domain: float  # rough number of distinct values in the population
    label: Callable[[Any], str]


@dataclass
class Hierarchy:
    """The levels one attribute can be coarsened to, from exact to suppressed."""

    attribute: str
    kind: str
    levels: list[Level]

    @property
    def height(self) -> int:
        return len(self.levels) - 1

    def generalise(self, value: Any, level: int) -> str:
        step = self.levels[level]
        if step.name == SUPPRESSED:
            return SUPPRESSED
        if value is None or (isinstance(value, str) and not value.strip()):
            return MISSING
        return step.label(value)

    def loss(self, level: int) -> float:
        """Precision loss of a level: 0 for exact, 1 for suppressed."""
        return level / self.height if self.height else 0.0


def display(value: Any) -> str:
    """A value as it appears in a class key: dates in ISO form, blanks as (missing)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _band(width: int) -> Callable[[Any], str]:
    def label(value: Any) -> str:
        number = value.year if isinstance(value, dt.date) else float(value)
        low = math.floor(number / width) * width
        return f"{low}–{low + width - 1}"

    return label


def _year(value: Any) -> str:
    return str(value.year) if isinstance(value, dt.date) else display(value)


def _ordinal_pairs(levels: Sequence[str]) -> Callable[[Any], str]:
    index = {x.casefold(): i for i, x in enumerate(levels)}

    def label(value: Any) -> str:
        i = index.get(str(value).casefold())
        if i is None:
            return display(value)
        pair = levels[i - i % 2 : i - i % 2 + 2]
        return "–".join(pair)

    return label


def _mapped(mapping: Mapping[str, str]) -> Callable[[Any], str]:
    folded = {k.strip().casefold(): v for k, v in mapping.items()}

    def label(value: Any) -> str:
        return folded.get(display(value).casefold(), display(value))

    return label


def gazetteer() -> Callable[[str, str], str] | None:
    """A place coarsener, ``(name, "province" | "region") -> label``, from
    ``moksori.protect.gazetteer`` when that module is present, else None.

    Unknown places all get the gazetteer's neutral label, so they group together.
    """
    try:
        module = importlib.import_module("moksori.protect.gazetteer")
    except ImportError:
        return None
    coarsen = getattr(module, "generalise", None)
    if callable(coarsen):

        def by_generalise(name: str, level: str) -> str:
            lang = "ko" if re.search("[가-힣]", name) else "en"
            return str(coarsen(name, level, lang))

        return by_generalise
    lookup = getattr(module, "lookup", None)
    if not callable(lookup):
        return None

    def by_lookup(name: str, level: str) -> str:
        place = lookup(name)
        if place is None:
            return UNKNOWN_PLACE
        part = getattr(place, "province" if level == "province" else "region_en", "")
        return str(part or getattr(place, "name_ko", "") or UNKNOWN_PLACE)

    return by_lookup


def _place_part(coarsen: Callable[[str, str], str], level: str) -> Callable[[Any], str]:
    def label(value: Any) -> str:
        try:
            return coarsen(display(value), level)
        except Exception:  # a gazetteer bug must not break the assessment
            return UNKNOWN_PLACE

    return label


def build(
    attribute: str,
    type_: str,
    values: Sequence[Any],
    *,
    levels: Sequence[str] = (),
    mapping: Mapping[str, str] | None = None,
    use_gazetteer: bool = True,
    prune: bool = True,
) -> Hierarchy:
    """The hierarchy for one attribute, pruned of levels that merge nothing in ``values``
    (``prune=False`` keeps every level: an owner may ask for one by name)."""
    kind = kind_of(attribute, type_)
    present = [v for v in values if display(v) != MISSING]
    observed = max(len({display(v) for v in present}), 1)
    exact_domain = float(len(levels) or KIND_DOMAIN.get(kind, observed))
    steps = [Level(EXACT, exact_domain, display)]
    if mapping:
        groups = len(set(mapping.values())) or 1
        steps.append(Level("mapped groups", float(groups), _mapped(mapping)))
    elif type_ == "date":
        steps += [Level("year", YEARS, _year), Level("5-year range", YEARS / 5, _band(5))]
    elif type_ in ("integer", "float") and kind == "age":
        steps += [
            Level("5-year band", AGES / 5, _band(5)),
            Level("10-year band", AGES / 10, _band(10)),
        ]
    elif type_ in ("integer", "float") and (kind == "year" or _all_years(present)):
        kind = "year"
        steps += [
            Level("2-year range", YEARS / 2, _band(2)),
            Level("5-year range", YEARS / 5, _band(5)),
            Level("10-year range", YEARS / 10, _band(10)),
        ]
    elif type_ in ("integer", "float"):
        steps += [
            Level("bands of 5", observed / 5, _band(5)),
            Level("bands of 10", observed / 10, _band(10)),
        ]
    elif type_ == "ordinal" and len(levels) > 2:
        steps.append(
            Level("adjacent levels paired", math.ceil(len(levels) / 2), _ordinal_pairs(levels))
        )
    elif type_ in ("text", "category") and kind in ("place", "province") and use_gazetteer:
        coarsen = gazetteer()
        if coarsen is not None:  # province level also merges spellings (양강도, 량강도)
            steps.append(Level("province", PROVINCES, _place_part(coarsen, "province")))
            steps.append(Level("region", REGIONS, _place_part(coarsen, "region")))
    steps.append(Level(SUPPRESSED, 1.0, lambda _v: SUPPRESSED))
    return Hierarchy(attribute, kind, _prune(steps, values) if prune else steps)


def _all_years(values: Sequence[Any]) -> bool:
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    return bool(numbers) and all(1900 <= v <= 2100 for v in numbers)


def _prune(steps: list[Level], values: Sequence[Any]) -> list[Level]:
    """Drop levels that split the data exactly as the level before: they cost, never help."""
    probe = Hierarchy("", "", steps)
    kept = [0]
    for i in range(1, len(steps)):
        if _partition(probe, values, i) != _partition(probe, values, kept[-1]):
            kept.append(i)
    return [steps[i] for i in kept]


def _partition(h: Hierarchy, values: Sequence[Any], level: int) -> list[int]:
    seen: dict[str, int] = {}
    return [seen.setdefault(h.generalise(v, level), len(seen)) for v in values]


def read_mapping(path: Path) -> dict[str, str]:
    """A two-column CSV/TSV (value, group), e.g. province → region; ``#`` lines are comments."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise HierarchyError(f"{path.name}: cannot read the mapping ({exc})") from None
    lines = [x for x in text.splitlines() if x.strip() and not x.lstrip().startswith("#")]
    delimiter = "\t" if lines and "\t" in lines[0] else ","
    mapping: dict[str, str] = {}
    for n, row in enumerate(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter), 1):
        cells = [c.strip() for c in row]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise HierarchyError(f"{path.name}: line {n} needs two columns: value, group")
        mapping[cells[0]] = cells[1]
    if not mapping:
        raise HierarchyError(f"{path.name}: the mapping is empty")
    return mapping


# --- the lattice ------------------------------------------------------------------
@dataclass(frozen=True)
class Node:
    """One combination of levels and what it achieves on the data."""

    levels: tuple[int, ...]
    k: int  # smallest class
    at_risk: int  # records in classes smaller than the threshold
    k_kept: int  # smallest class once those records are withheld (0 if none is left)
    loss: float  # mean precision loss over the attributes, 0..1


def codes(hierarchies: Sequence[Hierarchy], rows: Sequence[Sequence[Any]]) -> list[list[list[int]]]:
    """codes[a][level][r]: the generalised value of record r, as a small integer."""
    out: list[list[list[int]]] = []
    for a, h in enumerate(hierarchies):
        per_level = []
        for level in range(len(h.levels)):
            seen: dict[str, int] = {}
            per_level.append([seen.setdefault(h.generalise(r[a], level), len(seen)) for r in rows])
        out.append(per_level)
    return out


def evaluate(
    table: list[list[list[int]]],
    hierarchies: Sequence[Hierarchy],
    levels: tuple[int, ...],
    threshold: int,
) -> Node:
    columns = [table[a][lv] for a, lv in enumerate(levels)]
    sizes = Counter(zip(*columns, strict=True)).values() if columns else Counter().values()
    small = [s for s in sizes if s < threshold]
    big = [s for s in sizes if s >= threshold]
    loss = sum(h.loss(lv) for h, lv in zip(hierarchies, levels, strict=True)) / max(len(levels), 1)
    return Node(levels, min(sizes, default=0), sum(small), min(big, default=0), loss)


def search(
    hierarchies: Sequence[Hierarchy], rows: Sequence[Sequence[Any]], threshold: int, max_nodes: int
) -> tuple[list[Node], bool]:
    """Every node when the lattice is small enough (exhaustive), else a greedy climb.

    Returns the evaluated nodes and whether the search was exhaustive.
    """
    table = codes(hierarchies, rows)
    ranges = [range(len(h.levels)) for h in hierarchies]
    if math.prod(len(r) for r in ranges) <= max_nodes:
        nodes = [evaluate(table, hierarchies, lv, threshold) for lv in itertools.product(*ranges)]
        return nodes, True
    node = evaluate(table, hierarchies, tuple(0 for _ in hierarchies), threshold)
    seen = [node]
    while node.k < threshold:
        steps = [
            evaluate(
                table, hierarchies, node.levels[:a] + (lv + 1,) + node.levels[a + 1 :], threshold
            )
            for a, lv in enumerate(node.levels)
            if lv < hierarchies[a].height
        ]
        if not steps:
            break
        seen += steps
        node = min(steps, key=lambda n: (n.at_risk, -n.k, n.loss))
    return seen, False


def minimal(nodes: Sequence[Node], threshold: int) -> list[Node]:
    """Nodes that reach k while no node below them (every level lower or equal) does.

    One pass in lexicographic order of levels, which visits every node after
    all the nodes below it: ``below[n]`` says whether some node under n reaches k.
    """
    below: dict[tuple[int, ...], bool] = {}
    out = []
    for n in sorted(nodes, key=lambda n: n.levels):
        preds = [
            n.levels[:a] + (lv - 1,) + n.levels[a + 1 :] for a, lv in enumerate(n.levels) if lv
        ]
        under = any(below.get(p, False) for p in preds)
        good = n.k >= threshold
        below[n.levels] = under or good
        if good and not under:
            out.append(n)
    return sorted(out, key=lambda n: (n.loss, sum(n.levels), n.levels))
