"""Participant descriptors: built from attributes, never from identity fields."""

from __future__ import annotations

import pytest

from moksori.coding.descriptors import looks_like_identity
from moksori.errors import CodingError
from moksori.project import Project

TEMPLATE = "{pseudonym} (in her {age_band}, left {year_left})"


@pytest.fixture
def cases(project: Project) -> Project:
    c = project.cases
    c.define_attribute("age_band", "ordinal", ["20s", "30s", "40s"])
    c.define_attribute("year_left", "integer")
    c.define_attribute("home province", "text")
    c.define_attribute("employed", "boolean")
    c.define_attribute("실명", "text")  # a careless team stored real names
    c.define_attribute("phone_number", "text")
    c.add("Eunbyeol")
    c.add("Haneul")
    c.set_value("Eunbyeol", "age_band", "30s")
    c.set_value("Eunbyeol", "year_left", "2010년")
    c.set_value("Eunbyeol", "home province", "양강도")
    c.set_value("Eunbyeol", "employed", "예")
    c.set_value("Eunbyeol", "실명", "Kim Real-Name")
    c.set_value("Haneul", "age_band", "20s")
    return project


def test_template_from_the_issue(cases: Project) -> None:
    assert cases.cases.descriptor("Eunbyeol", TEMPLATE) == "Eunbyeol (in her 30s, left 2010)"


def test_missing_value_shows_a_placeholder_or_raises(cases: Project) -> None:
    assert cases.cases.descriptor("Haneul", TEMPLATE) == "Haneul (in her 20s, left ?)"
    assert cases.cases.descriptor("Haneul", TEMPLATE, missing="n/a").endswith("left n/a)")
    with pytest.raises(CodingError, match="no value for 'year_left'"):
        cases.cases.descriptor("Haneul", TEMPLATE, missing=None)


def test_all_cases_at_once(cases: Project) -> None:
    assert cases.cases.descriptors("{case}, {HOME PROVINCE}, employed: {employed}") == {
        "Eunbyeol": "Eunbyeol, 양강도, employed: yes",
        "Haneul": "Haneul, ?, employed: ?",
    }


def test_literal_braces_and_korean_text(cases: Project) -> None:
    text = cases.cases.descriptor(
        "Eunbyeol", "{{참여자}} {pseudonym} ({age_band}, {year_left}년 탈북)"
    )
    assert text == "{참여자} Eunbyeol (30s, 2010년 탈북)"


@pytest.mark.parametrize(
    "field",
    ["실명", "name", "real_name", "Real Name", "이름", "phone_number", "주소", "address",
     "전화번호", "e-mail", "현주소"],
)  # fmt: skip
def test_identity_placeholders_are_refused(cases: Project, field: str) -> None:
    with pytest.raises(CodingError, match="identity field"):
        cases.cases.descriptor("Eunbyeol", f"{{pseudonym}} {{{field}}}")


def test_nothing_is_rendered_when_the_template_is_refused(cases: Project) -> None:
    with pytest.raises(CodingError) as caught:
        cases.cases.descriptors("{pseudonym} {실명}")
    assert "Kim Real-Name" not in str(caught.value)


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{pseudonym} {age}", "not an attribute"),
        ("{pseudonym} {", "unmatched brace"),
        ("{pseudonym} }", "unmatched brace"),
        ("{} x", "empty"),
        ("no placeholders", "no placeholders"),
    ],
)
def test_bad_templates(cases: Project, template: str, message: str) -> None:
    with pytest.raises(CodingError, match=message):
        cases.cases.descriptor("Eunbyeol", template)


@pytest.mark.parametrize(
    "field", ["age_band", "birth_year", "home province", "출신지역", "nickname_count", "학력"]
)
def test_ordinary_fields_are_not_identity(field: str) -> None:
    assert not looks_like_identity(field)


ISSUE = "{pseudonym} ({age_band}, left North Korea in {year_left})"
GENDERED = "{pseudonym} (in {her|his|their} {age_band}, left North Korea in {year_left})"


@pytest.fixture
def people(cases: Project) -> Project:
    c = cases.cases
    c.define_attribute("성별", "category", ["여", "남"])
    c.add("Jeonghyuk")
    c.set_value("Jeonghyuk", "성별", "남")
    c.set_value("Eunbyeol", "성별", "여")
    return cases


def test_a_missing_value_drops_its_clause(people: Project) -> None:
    c = people.cases
    assert c.descriptor("Jeonghyuk", ISSUE, missing="") == "Jeonghyuk"
    assert c.descriptor("Haneul", ISSUE, missing="") == "Haneul (20s)"
    assert c.descriptor("Eunbyeol", ISSUE, missing="") == (
        "Eunbyeol (30s, left North Korea in 2010)"
    )
    c.set_value("Jeonghyuk", "year_left", "2019")
    assert c.descriptor("Jeonghyuk", ISSUE, missing="") == "Jeonghyuk (left North Korea in 2019)"
    # clauses end at , ; ( ) [ ] and nothing dangles
    assert c.descriptor("Haneul", "{pseudonym}; {year_left}년 탈북; {age_band}", missing="") == (
        "Haneul; 20s"
    )
    assert c.descriptor("Haneul", "[{year_left}] {pseudonym}", missing="") == "Haneul"
    # the issue's report line: no "?" and no hole for a man with missing values
    assert c.descriptor("Jeonghyuk", "{pseudonym} (in {her|his|their} {age_band})", missing="") == (
        "Jeonghyuk"
    )


def test_gendered_words_follow_the_gender_attribute(people: Project) -> None:
    c = people.cases
    c.set_value("Jeonghyuk", "age_band", "40s")
    assert c.descriptor("Eunbyeol", GENDERED, missing="") == (
        "Eunbyeol (in her 30s, left North Korea in 2010)"
    )
    assert c.descriptor("Jeonghyuk", GENDERED, missing="") == "Jeonghyuk (in his 40s)"
    assert c.descriptor("Haneul", GENDERED, missing="") == "Haneul (in their 20s)"
    # two words: an unknown gender is a missing value
    assert c.descriptor("Haneul", "{pseudonym} ({she|he})", missing="") == "Haneul"
    assert c.descriptor("Haneul", "{pseudonym} ({she|he})") == "Haneul (?)"
    with pytest.raises(CodingError, match="gendered words"):
        c.descriptor("Haneul", "{pseudonym} {her|his|their|its}")
