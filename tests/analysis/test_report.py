"""The findings report on a small two-coder study: every section, pseudonyms only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from moksori.analysis.report import ReportOptions, age_summary, describe_sample
from moksori.analysis.report_render import coefficient, percent
from moksori.project import Project
from tests.coding.conftest import INTERVIEW_EN, INTERVIEW_KO, span, study  # noqa: F401

TEMPLATE = "{pseudonym} ({gender}, {age_band}, left {year_left})"


@pytest.fixture
def coded(study: Project) -> Project:  # noqa: F811
    p = study
    p.coders.add("Dr Han", "owner")
    p.coders.add("Coder A")
    p.coders.add("Coder B")
    p.codebook.create("정착 Resettlement", codable=False, definition="Life after arrival")
    p.codebook.create("말투 Accent", parent="정착 Resettlement", definition="How others hear them")
    p.codebook.create("도움 찾기 Help-seeking", parent="정착 Resettlement")
    p.codebook.create("가족 Family", definition="Family left behind")
    p.codebook.set_core("말투 Accent")
    cases = p.cases
    cases.define_attribute("gender", "category", ["female", "male"])
    cases.define_attribute("age_band", "ordinal", ["20s", "30s", "40s"])
    cases.define_attribute("birth_year", "integer")
    cases.define_attribute("year_left", "integer")
    for name, gender, band, born, left, doc, speaker in (
        ("Youngmi", "female", "20s", 2000, 2016, "youngmi.ko.txt", "영미"),
        ("Jun", "male", "30s", 1990, 2010, "jun.en.txt", "Jun"),
    ):
        cases.add(name)
        for attr, value in (
            ("gender", gender),
            ("age_band", band),
            ("birth_year", born),
            ("year_left", left),
        ):
            cases.set_value(name, attr, value)
        cases.link(name, doc, speaker=speaker)
    accent_ko = "말투 때문에 사람들이 자꾸 어디서 왔냐고 물었어요."
    accent_en = "People asked about my accent all the time, so I stopped talking at work."
    help_ko = "모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요."
    family = "어머니는 아직 혜산에 계세요."
    for coder in ("Coder A", "Coder B"):
        p.codings.apply_quote("말투 Accent", "youngmi.ko.txt", accent_ko, coder=coder)
        p.codings.apply_quote("말투 Accent", "jun.en.txt", accent_en, coder=coder)
        p.codings.apply_quote("가족 Family", "youngmi.ko.txt", family, coder=coder)
    p.codings.apply_quote("도움 찾기 Help-seeking", "youngmi.ko.txt", help_ko, coder="Coder A")
    p.memos.add(
        "code", "말투 Accent", "억양이 정체를 드러낸다", title="Why accent", author="Coder A"
    )
    return p


def test_report_sections_and_numbers(coded: Project, tmp_path: Path) -> None:
    out = tmp_path / "report"
    opts = ReportOptions(
        title="Demo",
        template=TEMPLATE,
        attributes=["gender"],
        counted_coders=["Coder A", "Coder B"],  # both, added up: no consensus here
    )
    files = coded.report(out, opts)
    rep = files.report
    md = files.markdown.read_text(encoding="utf-8")
    html = files.html.read_text(encoding="utf-8")
    # sample: two participants, ages from birth years, years of leaving
    assert rep.sample.participants == 2
    assert rep.sample.years_left == [2010, 2016]
    assert "left North Korea between 2010 and 2016" in md
    assert "Youngmi (female, 20s, left 2016)" in md and "Jun (male, 30s, left 2010)" in md
    # codebook with definitions and the core category
    assert "Counts are of the codings by Coder A, Coder B; project coders: " in md
    assert "Core category: **정착 Resettlement/말투 Accent**" in md
    assert "How others hear them" in md and "How others hear them" in html
    # themes: the top-level categories, with counts and the table by gender
    assert [t.code.name for t in rep.themes] == ["정착 Resettlement", "가족 Family"]
    resettlement = rep.themes[0]
    counts = {c.name: (n, people) for c, n, people in resettlement.codes}
    assert counts["말투 Accent"] == (4, 2) and counts["도움 찾기 Help-seeking"] == (1, 1)
    ((attr, table, plot),) = resettlement.by_attribute
    assert attr == "gender" and table.cell("정착 Resettlement", "female") == 1
    assert table.cell("정착 Resettlement/말투 Accent", "male") == 1
    assert plot and (out / plot).stat().st_size > 1000
    # quotes: most-agreed passages, one per participant first, with descriptors
    quotes = resettlement.quotes
    assert {q.who for q in quotes[:2]} == {
        "Youngmi (female, 20s, left 2016)",
        "Jun (male, 30s, left 2010)",
    }
    assert all(q.coders == 2 for q in quotes[:2])
    # reliability of the two coders, memos
    assert rep.reliability is not None and rep.reliability.coders == ["Coder A", "Coder B"]
    assert "| overall (pooled) |" in md
    assert "Why accent" in md and "억양이 정체를 드러낸다" in html
    # the HTML is self-contained: plots inlined, nothing fetched
    assert "data:image/png;base64," in html
    assert not re.search(r'src="(?!data:)', html)
    for name in re.findall(r"\]\(([^)]+\.png)\)", md):
        assert (out / name).is_file()


def test_descriptors_never_use_identity_fields(coded: Project, tmp_path: Path) -> None:
    coded.cases.define_attribute("real_name", "text")
    with pytest.raises(Exception, match="real_name|identity|name"):
        coded.report(tmp_path / "r", ReportOptions(template="{real_name} ({gender})"))


def test_agreement_prints_as_a_percentage_and_coefficients_with_few_decimals() -> None:
    assert [percent(x) for x in (0.997, 1.0, 0.5, 0.9999, 0.0, None)] == [
        "99.7%", "100%", "50%", "99.99%", "0%", "—",
    ]  # fmt: skip
    assert [coefficient(x) for x in (0.853, 0.9, 1.0, -0.1234, None)] == [
        "0.853", "0.90", "1.00", "-0.123", "—",
    ]  # fmt: skip


def test_report_reliability_table_is_in_percent(coded: Project, tmp_path: Path) -> None:
    files = coded.report(tmp_path / "r", ReportOptions(counted_coders=["Coder A"]))
    md = files.markdown.read_text(encoding="utf-8")
    (row,) = [ln for ln in md.splitlines() if ln.startswith("| overall (pooled) |")]
    cells = [c.strip() for c in row.strip("|").split("|")][1:]
    assert cells[0].endswith("%") and cells[3].endswith("%")
    assert all(not c.endswith("%") for c in (cells[1], cells[2], cells[4], cells[5]))


def test_sample_reads_age_bands(project: Project) -> None:
    cases = project.cases
    cases.define_attribute("연령대", "ordinal", ["20대", "30대", "40대"])
    for name, band in (("A", "30대"), ("B", "20대"), ("C", "30대"), ("D", None)):
        cases.add(name)
        cases.set_value(name, "연령대", band)
    sample = describe_sample(project.conn, "{pseudonym}")
    assert sample.age_bands == {"20대": 1, "30대": 2}
    assert age_summary(sample) == "ages by band: 20대 (1), 30대 (2) (attribute 연령대)"


def test_quotes_spread_over_participants_and_sources(study: Project) -> None:  # noqa: F811
    """One participant interviewed twice: the second quote comes from the other
    interview although the first holds better-agreed passages."""
    p = study
    p.coders.add("A")
    p.coders.add("B")
    p.codebook.create("Theme")
    p.cases.add("Youngmi")
    p.cases.link("Youngmi", "youngmi.ko.txt")
    p.cases.link("Youngmi", "jun.en.txt")  # a second session, say
    for text in (
        "말투 때문에 사람들이 자꾸 어디서 왔냐고 물었어요.",
        "어머니는 아직 혜산에 계세요.",
    ):
        for coder in ("A", "B"):
            p.codings.apply_quote("Theme", "youngmi.ko.txt", text, coder=coder)
    p.codings.apply_quote("Theme", "jun.en.txt", "I search online", coder="A")
    rep = p.build_report(ReportOptions(counted_coders=["A"], quotes_per_theme=2))
    quotes = rep.themes[0].quotes
    assert len({q.document_id for q in quotes}) == 2
    assert quotes[0].coders == 2 and quotes[1].coders == 1
    three = p.build_report(ReportOptions(counted_coders=["A"], quotes_per_theme=3))
    assert len(three.themes[0].quotes) == 3  # then the same source again
