"""English birth years are ages, like 1979년생: found, and generalised to a decade that
stays true in the sentence around it (fictional sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.project import Project
from moksori.protect.detect import temporal
from moksori.protect.said_times import age_band as _age_band
from moksori.protect.view import ViewCache


def found(text: str) -> list[tuple[str, str, dict[str, object]]]:
    return [(text[s.start : s.end], s.type.value, s.info) for s in temporal.find(text)]


@pytest.mark.parametrize(
    ("text", "span", "year"),
    [
        ("I was born in 1979.", "born in 1979", 1979),
        ("She was born 3 March 1979 in a village.", "born 3 March 1979", 1979),
        ("He was born on March 3, 1981, they say.", "born on March 3, 1981", 1981),
        ("Kim Soon-hee (b. 1979) spoke first.", "b. 1979", 1979),
        ("Date of birth: 14 May 1981", "Date of birth: 14 May 1981", 1981),
        ("DOB 1979, female", "DOB 1979", 1979),
        # the place between "born" and the year is not part of the finding
        ("I was born in Hoeryong in 1979.", "in 1979", 1979),
        ("She was born … in 1979, in winter.", "in 1979", 1979),
        ("I was born in a small village near Musan in 1979.", "in 1979", 1979),
        ("My daughter was born in Seoul on 2 June 2005.", "on 2 June 2005", 2005),
        # Korean said with a verb, like 1985년생 said with 생
        ("저는 1985년에 함경북도 무산에서 태어났어요.", "1985년", 1985),
        ("85년에 태어났어요.", "85년", 1985),
        ("1985년 3월 14일에 태어났다.", "1985년 3월 14일", 1985),
        ("1992년도에 출생했습니다.", "1992년도", 1992),
    ],
)
def test_english_birth_years_are_ages(text: str, span: str, year: int) -> None:
    assert (span, "age", {"born": year}) in found(text)
    assert all(t != "date" for _, t, _ in found(text))  # never also kept as a year


@pytest.mark.parametrize(
    "text",
    [
        "I was born in Musan and left in 1998.",  # another event's year
        "We crossed the river in 1998.",
        "The firstborn came in 1990.",
        "She was born in the 1970s.",  # a decade already
        "2011년에 왔어요. 동생은 한국에서 태어났어요.",  # another sentence
    ],
)
def test_other_years_stay_dates(text: str) -> None:
    assert all(t == "date" for _, t, _ in found(text)), found(text)


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("born in 1979", "born in the 1970s"),
        ("b. 1979", "born in the 1970s"),
        ("born 3 March 1979", "born in the 1970s"),
        ("Date of birth: 14 May 1979", "born in the 1970s"),
        ("in 1979", "in the 1970s"),  # "born in Hoeryong in 1979": born is said already
        ("on 3 March 1979", "in the 1970s"),
    ],
)
def test_birth_years_render_as_their_decade(said: str, shown: str) -> None:
    assert _age_band(said, {"born": 1979}, "en") == shown


def test_korean_birth_years_render_in_their_own_words() -> None:
    assert _age_band("79년생", {"born": 1979}, "ko") == "1970년대생"
    assert _age_band("1979년", {"born": 1979}, "ko") == "1970년대"  # 1970년대에 태어났어요


def test_a_two_digit_duration_is_no_birth_year() -> None:
    assert found("20년 동안 살면서 태어나서 처음 봤어요.") == []


def test_redacted_text_says_the_decade_not_the_year(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(
        "Interviewer: Where are you from?\n"
        "Participant: I was born in Hoeryong in 1979. My sister was born 3 March 1983.\n"
        "Participant: Our mother (b. 1951) stayed behind.\n",
        encoding="utf-8",
    )
    project.add([folder], workers=1)
    project.deid.scan()
    doc = project.documents()[0].id
    text = ViewCache(project.conn)(doc).text
    for year in ("1979", "1983", "1951", "3 March"):
        assert year not in text
    assert "in the 1970s." in text and "was born in the 1980s." in text
    assert "(born in the 1950s)" in text
    assert "born in the 1970s" not in text  # only what the sentence said: born in … in the 1970s
