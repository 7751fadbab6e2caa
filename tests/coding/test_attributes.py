"""Attribute types: what each accepts, its canonical stored text, and what it refuses."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from moksori.coding.attributes import canonical, clean_levels, infer_type, to_python
from moksori.errors import AttributeValueError, CodingError


@pytest.mark.parametrize(
    ("type_", "raw", "stored", "value"),
    [
        ("text", "  고등중학교  졸업 ", "고등중학교  졸업", "고등중학교  졸업"),
        ("text", 3.0, "3", "3"),
        ("integer", "1990", "1990", 1990),
        ("integer", "1990년", "1990", 1990),
        ("integer", "1990년생", "1990", 1990),
        ("integer", "32세", "32", 32),
        ("integer", "32 살", "32", 32),
        ("integer", "１９９０", "1990", 1990),  # full-width digits
        ("integer", "1,990", "1990", 1990),
        ("integer", "-3", "-3", -3),
        ("integer", 1990.0, "1990", 1990),  # a spreadsheet number
        ("integer", "1990.0", "1990", 1990),
        ("float", "2.5", "2.5", 2.5),
        ("float", "1,234.5", "1234.5", 1234.5),
        ("float", 7, "7.0", 7.0),
        ("float", ".5", "0.5", 0.5),
        ("date", "2010-03-05", "2010-03-05", dt.date(2010, 3, 5)),
        ("date", "2010.3.5", "2010-03-05", dt.date(2010, 3, 5)),
        ("date", "2010. 3. 5.", "2010-03-05", dt.date(2010, 3, 5)),
        ("date", "2010/03/05", "2010-03-05", dt.date(2010, 3, 5)),
        ("date", "2010년 3월 5일", "2010-03-05", dt.date(2010, 3, 5)),
        ("date", "2010-03-05T10:00:00Z", "2010-03-05", dt.date(2010, 3, 5)),
        ("date", dt.datetime(2010, 3, 5, 0, 0), "2010-03-05", dt.date(2010, 3, 5)),
        ("boolean", "예", "true", True),
        ("boolean", "아니오", "false", False),
        ("boolean", "아니요", "false", False),
        ("boolean", "Yes", "true", True),
        ("boolean", "no", "false", False),
        ("boolean", "1", "true", True),
        ("boolean", "0", "false", False),
        ("boolean", 0, "false", False),
        ("boolean", True, "true", True),
        ("boolean", "TRUE", "true", True),
        ("boolean", "없음", "false", False),
    ],
)
def test_accepted_values(type_: str, raw: Any, stored: str, value: Any) -> None:
    assert canonical(type_, raw) == stored
    assert to_python(type_, stored) == value


@pytest.mark.parametrize(
    ("type_", "raw"),
    [
        ("integer", "1990.5"),
        ("integer", "천구백구십"),
        ("integer", "1990s"),
        ("integer", True),
        ("integer", 2.5),
        ("float", "nan"),
        ("float", "inf"),
        ("float", "2,5"),
        ("float", "about 3"),
        ("date", "2010"),  # a year alone belongs in an integer attribute
        ("date", "2010년 3월"),
        ("date", "2010-02-30"),
        ("date", "05/03/2010"),  # day and month order is ambiguous
        ("boolean", "maybe"),
        ("boolean", "2"),
        ("boolean", 2),
        ("text", "   "),
    ],
)
def test_refused_values(type_: str, raw: Any) -> None:
    with pytest.raises(AttributeValueError):
        canonical(type_, raw)


def test_errors_never_repeat_the_value() -> None:
    with pytest.raises(AttributeValueError) as caught:
        canonical("integer", "김철수")
    assert "김철수" not in str(caught.value)
    assert "whole number" in str(caught.value)


def test_levels() -> None:
    levels = ["20대", "30대", "40대"]
    assert canonical("ordinal", "30대", levels) == "30대"
    assert canonical("category", "HIGH SCHOOL", ["high school", "university"]) == "high school"
    with pytest.raises(AttributeValueError, match=r"\(in order\): 20대, 30대, 40대"):
        canonical("ordinal", "50대", levels)
    with pytest.raises(AttributeValueError, match="levels: a, b"):
        canonical("category", "c", ["a", "b"])
    assert clean_levels("ordinal", [" 20대 ", "30대"]) == ["20대", "30대"]
    with pytest.raises(CodingError, match="empty"):
        clean_levels("category", ["a", " "])
    assert clean_levels("text", None) == []


@pytest.mark.parametrize(
    ("values", "type_"),
    [
        (["1988", "1991년", "", None], "integer"),
        ([1988, 1991.0], "integer"),
        (["0", "1", "1"], "integer"),  # 0/1 stays a number
        (["예", "아니오", "yes"], "boolean"),
        ([True, False], "boolean"),
        (["2.5", "3"], "float"),
        (["2010-03-05", "2012.1.2"], "date"),
        ([dt.datetime(2010, 3, 5)], "date"),
        (["여", "남"], "text"),  # categories are a researcher's decision
        (["1988", "unknown"], "text"),
        ([], "text"),
        (["", None], "text"),
    ],
)
def test_infer_type(values: list[Any], type_: str) -> None:
    assert infer_type(values) == type_
