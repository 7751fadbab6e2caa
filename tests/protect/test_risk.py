"""Re-identification risk over case attributes, on small fictional projects.

Every expected k, class and l below is worked out by hand from the data in
this file; suggestions are checked by publishing the data as they say and
counting the groups again independently.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from moksori.errors import MoksoriError
from moksori.project import Project
from moksori.protect import hierarchy as hier
from moksori.protect.risk import (
    MISSING,
    RiskError,
    RiskReport,
    Suggestion,
    assess,
    assess_records,
    equivalence_classes,
    k_anonymity,
)

# Fictional participants: name, age, year_left, home_province, religion.
PEOPLE = [
    ("은별", 30, 2010, "함경북도", "none"),
    ("하늘", 30, 2010, "함경북도", "christian"),
    ("P03", 30, 2010, "함경북도", "none"),
    ("P04", 30, 2010, "양강도", "none"),
    ("P05", 30, 2010, "양강도", "none"),
    ("P06", 41, 2015, "양강도", "buddhist"),
]
QIS = ["age", "year_left", "home_province"]


def _fill(project: Project, people: list[tuple[Any, ...]]) -> None:
    cases = project.cases
    cases.define_attribute("age", "integer")
    cases.define_attribute("year_left", "integer")
    cases.define_attribute("home_province", "text")
    cases.define_attribute("religion", "category", ["none", "christian", "buddhist"])
    for name, age, year, province, religion in people:
        cases.add(name)
        for attr, value in zip(
            ("age", "year_left", "home_province", "religion"),
            (age, year, province, religion),
            strict=True,
        ):
            if value is not None:
                cases.set_value(name, attr, value)


@pytest.fixture
def study(project: Project) -> Project:
    _fill(project, PEOPLE)
    return project


def _records(people: list[tuple[Any, ...]]) -> dict[str, dict[str, Any]]:
    keys = ("age", "year_left", "home_province", "religion")
    return {p[0]: dict(zip(keys, p[1:], strict=True)) for p in people}


def _k_of(published: dict[str, dict[str, str]]) -> int:
    """k counted without the module: the smallest group of identical published rows."""
    counts = Counter(tuple(sorted(v.items())) for v in published.values())
    return min(counts.values())


# --- k, classes, participants at risk ------------------------------------------------
def test_k_and_participants_at_risk(study: Project) -> None:
    report = assess(study, QIS, k=3)
    assert report.participants == 6
    assert report.k == 1  # P06 alone
    assert sorted(c.size for c in report.classes) == [1, 2, 3]
    assert report.at_risk == ["P04", "P05", "P06"]
    assert report.sample_uniques == ["P06"]
    assert report.class_size["은별"] == 3 and report.class_size["P04"] == 2
    assert not report.safe
    smallest = report.classes[0]
    assert smallest.members == ["P06"]
    assert smallest.values == {"age": "41", "year_left": "2015", "home_province": "양강도"}


def test_one_coarse_attribute_is_safe(study: Project) -> None:
    report = assess(study, ["home_province"], k=3)
    assert report.k == 3 and report.safe and report.at_risk == []
    assert report.suggestions == []  # nothing to raise
    assert assess(study, ["home_province"], k=4).k == 3  # the same k, now below threshold


def test_threshold_is_respected(study: Project) -> None:
    report = assess(study, QIS, k=2)
    assert report.at_risk == ["P06"]


def test_missing_value_is_its_own_value(project: Project) -> None:
    _fill(project, [*PEOPLE, ("P07", 30, 2010, None, "none")])
    report = assess(project, QIS)
    alone = [c for c in report.classes if c.members == ["P07"]]
    assert alone and alone[0].values["home_province"] == MISSING
    assert report.missing == {"home_province": 1}
    assert any(MISSING in note for note in report.notes)


def test_population_note_explains_uniqueness(study: Project) -> None:
    report = assess(study, QIS)
    text = " ".join(report.notes)
    assert "34,000" in text and "sample unique" in text
    assert "year of leaving" in text
    # one coarse attribute spreads the population over few cells
    assert assess(study, ["home_province"]).population_cell > report.population_cell


# --- l-diversity ---------------------------------------------------------------------
def test_l_diversity_distinct_and_entropy(study: Project) -> None:
    report = assess(study, QIS, sensitive="religion")
    by_first = {c.members[0]: c for c in report.classes}
    assert by_first["P03"].l_distinct == 2  # none, christian, none
    assert by_first["P04"].l_distinct == 1  # none, none: religion disclosed
    assert by_first["P03"].l_entropy == pytest.approx(
        math.exp(-(2 / 3 * math.log(2 / 3) + 1 / 3 * math.log(1 / 3))), abs=1e-3
    )
    assert report.l_distinct == 1 and report.l_entropy == pytest.approx(1.0)
    by_province = assess(study, ["home_province"], sensitive="religion")
    assert by_province.l_distinct == 2  # {none, christian} and {none, buddhist}
    assert any("same religion" in n for n in report.notes)


# --- suggestions -----------------------------------------------------------------------
def _spread() -> list[tuple[Any, ...]]:
    """Everyone unique exactly, but 5-year age bands and 2-year ranges make pairs of 3."""
    return [
        ("A1", 31, 2010, "함경북도", "none"),
        ("A2", 32, 2011, "함경북도", "none"),
        ("A3", 34, 2010, "함경북도", "christian"),
        ("B1", 36, 2014, "양강도", "none"),
        ("B2", 37, 2015, "양강도", "buddhist"),
        ("B3", 39, 2014, "양강도", "none"),
    ]


def test_suggestions_raise_k_when_recounted(project: Project) -> None:
    people = _spread()
    _fill(project, people)
    report = assess(project, QIS, k=3, sensitive="religion")
    assert report.k == 1 and report.suggestions
    records = _records(people)
    for s in report.suggestions:
        published = report.apply(records, s)
        assert _k_of(published) >= 3, s.describe()
        assert _k_of(published) == s.k
        assert set(published) == set(records) - set(s.withheld)
    best = report.suggestions[0]
    assert best.kind == "generalise" and best.loss < 1
    assert best.levels["age"] == "5-year band"
    assert best.levels["home_province"] == "exact"  # age band alone already separates them
    assert best.k == 3 and best.l_distinct == 2


def test_suggestions_are_minimal(project: Project) -> None:
    people = _spread()
    _fill(project, people)
    report = assess(project, QIS, k=3)
    records = _records(people)
    for s in (x for x in report.suggestions if x.kind == "generalise"):
        for h in report.hierarchies:
            names = [lv.name for lv in h.levels]
            i = names.index(s.levels[h.attribute])
            if i == 0:
                continue
            lower = replace(s, levels={**s.levels, h.attribute: names[i - 1]})
            assert _k_of(report.apply(records, lower)) < 3, (s.describe(), h.attribute)


def test_withholding_says_how_many() -> None:
    people = [*_spread()[:3], ("A4", 31, 2010, "함경북도", "none")]
    people += [(f"C{i}", 31, 2010, "함경북도", "none") for i in range(3)]
    records = _records(people)
    report = assess_records(records, QIS, k=3)
    withhold = [s for s in report.suggestions if s.kind == "withhold"]
    assert withhold, [s.kind for s in report.suggestions]
    s = withhold[0]
    assert set(s.withheld) == {"A2", "A3"}  # the rest share 31, 2010, 함경북도
    assert all(lv == hier.EXACT for lv in s.levels.values())
    assert _k_of(report.apply(records, s)) >= 3 and "withhold 2" in s.describe()


def test_too_few_participants_cannot_reach_k() -> None:
    report = assess_records(_records(PEOPLE[:2]), QIS, k=3)
    assert report.suggestions == []
    assert any("no generalisation reaches" in n for n in report.notes)


def test_greedy_search_still_reaches_k() -> None:
    records = _records(_spread())
    report = assess_records(records, QIS, k=3, max_nodes=1)
    assert not report.exhaustive
    assert any("greedy" in n for n in report.notes)
    reaching = [s for s in report.suggestions if not s.withheld]
    assert reaching and all(_k_of(report.apply(records, s)) >= 3 for s in reaching)


def test_user_mapping_generalises_a_category(monkeypatch: pytest.MonkeyPatch) -> None:
    regions = {"함경북도": "north-east", "양강도": "north-east", "평안남도": "west"}
    records = {
        "A": {"home_province": "함경북도"},
        "B": {"home_province": "양강도"},
        "C": {"home_province": "함경북도"},
        "D": {"home_province": "평안남도"},
        "E": {"home_province": "평안남도"},
        "F": {"home_province": "평안남도"},
    }
    report = assess_records(records, ["home_province"], k=3, mappings={"home_province": regions})
    assert report.k == 1
    best = report.suggestions[0]
    assert best.levels == {"home_province": "mapped groups"} and best.k == 3
    monkeypatch.setattr(hier, "gazetteer", lambda: None)
    unmapped = assess_records(records, ["home_province"], k=3)
    assert unmapped.suggestions[0].levels == {"home_province": hier.SUPPRESSED}


def test_places_generalise_through_a_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    provinces = {"무산": "함경북도", "회령": "함경북도", "혜산": "양강도", "삼지연": "양강도"}
    regions = {"함경북도": "north-east", "양강도": "north"}

    def coarsen(name: str, level: str) -> str:
        province = provinces.get(name, "somewhere")
        return province if level == "province" else regions.get(province, "somewhere")

    monkeypatch.setattr(hier, "gazetteer", lambda: coarsen)
    names = ["무산", "회령", "회령", "혜산", "삼지연", "삼지연"]
    records = {f"P{i}": {"hometown": t} for i, t in enumerate(names)}
    report = assess_records(records, ["hometown"], k=3)
    # region splits these towns as province does, so it is no step of its own
    assert [lv.name for lv in report.hierarchies[0].levels] == ["exact", "province", "*"]
    best = report.suggestions[0]
    assert best.levels == {"hometown": "province"} and best.k == 3


def test_without_gazetteer_places_are_suppressed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hier, "gazetteer", lambda: None)
    h = hier.build("hometown", "text", ["무산", "회령", "회령"])
    assert [lv.name for lv in h.levels] == ["exact", "*"]


def test_real_gazetteer_if_present() -> None:
    if hier.gazetteer() is None:
        pytest.skip("moksori.protect.gazetteer is not there yet")
    names = ["무산군", "회령", "청진", "혜산", "삼지연", "혜산시"]
    records = {f"P{i}": {"고향": t} for i, t in enumerate(names)}
    report = assess_records(records, ["고향"], k=3)
    assert report.hierarchies[0].kind == "place"
    best = report.suggestions[0]
    assert best.levels == {"고향": "province"} and best.k == 3


def test_date_and_ordinal_hierarchies() -> None:
    dates = [dt.date(2009, 3, 1), dt.date(2009, 7, 9), dt.date(2011, 1, 2), dt.date(2012, 5, 5)]
    h = hier.build("arrival_date", "date", dates)
    assert [lv.name for lv in h.levels] == ["exact", "year", "5-year range", "*"]
    assert h.generalise(dates[0], 1) == "2009" and h.generalise(dates[3], 2) == "2010–2014"
    bands = ["10대", "20대", "30대", "40대", "50대"]
    o = hier.build("age_band", "ordinal", ["10대", "20대", "30대", "50대"], levels=bands)
    assert [lv.name for lv in o.levels] == ["exact", "adjacent levels paired", "*"]
    assert o.generalise("20대", 1) == "10대–20대" and o.generalise("30대", 1) == "30대–40대"
    assert o.generalise("50대", 1) == "50대"
    # pairing that merges nothing in the data is dropped
    unmerged = hier.build("age_band", "ordinal", ["20대", "30대"], levels=bands)
    assert [lv.name for lv in unmerged.levels] == ["exact", "*"]
    ages = hier.build("age", "integer", [23, 24, 27, 34])
    assert [ages.generalise(a, 1) for a in (23, 27)] == ["20–24", "25–29"]
    assert ages.generalise(27, 2) == "20–29" and ages.generalise(None, 1) == MISSING


def test_records_module_functions() -> None:
    records = _records(PEOPLE)
    classes = equivalence_classes(records, ["year_left"])
    assert k_anonymity(classes) == 1 and [c.size for c in classes] == [1, 5]
    assert k_anonymity([]) == 0


# --- default quasi-identifiers and errors ----------------------------------------------
def test_default_quasi_identifiers_from_names(project: Project) -> None:
    cases = project.cases
    for name, type_ in [
        ("나이", "integer"),
        ("탈북년도", "integer"),
        ("고향", "text"),
        ("성별", "text"),
        ("language", "text"),
        ("favourite_colour", "text"),
    ]:
        cases.define_attribute(name, type_)
    cases.add("P1")
    cases.set_value("P1", "나이", 30)
    report = assess(project)
    assert report.automatic
    assert report.quasi_identifiers == ["나이", "탈북년도", "고향", "성별"]
    assert report.to_json()["chosen_automatically"] is True


def test_unknown_attribute_lists_what_exists(study: Project) -> None:
    with pytest.raises(RiskError) as caught:
        assess(study, ["age", "hometown"])
    message = str(caught.value)
    assert "'hometown'" in message
    assert "age, year_left, home_province, religion" in message
    assert isinstance(caught.value, MoksoriError)
    with pytest.raises(RiskError, match="sensitive"):
        assess(study, QIS, sensitive="faith")
    with pytest.raises(RiskError, match="both"):
        assess(study, QIS, sensitive="age")
    with pytest.raises(RiskError, match="at least 2"):
        assess(study, QIS, k=1)


def test_no_cases_is_an_error(project: Project) -> None:
    project.cases.define_attribute("age", "integer")
    with pytest.raises(RiskError, match="no cases"):
        assess(project, ["age"])


def test_connection_works_like_project(study: Project) -> None:
    assert assess(study.conn, QIS).k == assess(study, QIS).k


def test_json_round_trip(study: Project) -> None:
    data = assess(study, QIS, sensitive="religion").to_json()
    assert data["k"] == 1 and data["at_risk"] == ["P04", "P05", "P06"]
    assert data["classes"][0]["members"] == ["P06"]
    assert all({"levels", "k", "withheld", "loss"} <= set(s) for s in data["suggestions"])


def test_read_mapping(tmp_path: Path) -> None:
    f = tmp_path / "regions.csv"
    f.write_text(
        "# province → region (fictional grouping)\n함경북도,north\n양강도,north\n", "utf-8"
    )
    assert hier.read_mapping(f) == {"함경북도": "north", "양강도": "north"}
    f.write_text("함경북도\n", "utf-8")
    with pytest.raises(hier.HierarchyError, match="two columns"):
        hier.read_mapping(f)


def test_report_type() -> None:
    report = assess_records(_records(PEOPLE), ["home_province"], k=3)
    assert isinstance(report, RiskReport)
    assert all(isinstance(s, Suggestion) for s in report.suggestions)
