"""Many case links at once from a map file: all or nothing, every bad row named,
one audit event of counts; --create adds the cases a project lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.coding.case_links import CaseLinks, LinkMapFailed, read_link_map
from moksori.errors import CodingError
from moksori.project import Project
from moksori.store import audit
from tests.coding.test_cases import docs  # noqa: F401  (the fixture)


def _map(tmp_path: Path, text: str, name: str = "participants.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _links(project: Project) -> set[tuple[str, int, int | None, int | None, str | None]]:
    return {(k.case, k.document_id, k.start, k.end, k.speaker) for k in project.cases.links()}


def test_a_map_links_every_row_in_one_event(
    project: Project,
    docs: dict[str, int],  # noqa: F811
    tmp_path: Path,
) -> None:
    project.cases.add("은별")
    project.cases.add("하늘")
    project.cases.add("P07")
    group, en = docs["group.txt"], docs["en.txt"]
    path = _map(
        tmp_path,
        "\ufeffCase,Document,Speaker,start,end,age_band\n"
        "은별,group.txt,은별,,,30s\n"
        "하늘,group.txt,하늘,,,\n"
        "은별,follow-up.txt,,,,\n"
        f"P07,{en},,0,10,\n"
        "\n"
        "은별,follow-up.txt,,,,\n",  # the same link twice is one link
    )
    table = read_link_map(path)
    assert table.ignored_columns == ["age_band"]
    since = audit.last_id(project.conn)
    report = CaseLinks(project.cases).link_map(table)
    assert (report.rows, report.linked, report.already_there) == (5, 4, 1)
    assert _links(project) == {
        ("은별", group, None, None, "은별"),
        ("하늘", group, None, None, "하늘"),
        ("은별", docs["follow-up.txt"], None, None, None),
        ("P07", en, 0, 10, None),
    }
    (event,) = [e for e in audit.entries(project.conn) if e["id"] > since]
    assert event["action"] == "case.link" and event["detail"]["choice"] == "map"
    assert event["detail"]["counts"] == {"links": 4, "already_there": 1, "cases_created": 0}
    assert len(event["detail"]["targets"]["case"]) == 3  # GUIDs, never names
    # running the same map again adds nothing
    again = CaseLinks(project.cases).link_map(read_link_map(path))
    assert (again.linked, again.already_there) == (0, 5)


def test_every_bad_row_is_named_and_nothing_is_linked(
    project: Project,
    docs: dict[str, int],  # noqa: F811
    tmp_path: Path,
) -> None:
    project.cases.add("은별")
    path = _map(
        tmp_path,
        "case\tdocument\tstart\tend\tspeaker\n"
        "은별\tgroup.txt\t\t\t\n"
        "Nobody\tgroup.txt\t\t\t\n"
        "은별\tmissing.txt\t\t\t\n"
        "은별\tgroup.txt\t5\t\t\n"
        "은별\tgroup.txt\t0\t99999\t\n"
        "은별\tgroup.txt\t\t\t하늘별\n"
        "은별\tgroup.txt\tfive\tsix\t\n",
        "links.tsv",
    )
    with pytest.raises(LinkMapFailed, match="6 of 7 rows") as caught:
        CaseLinks(project.cases).link_map(read_link_map(path))
    problems = caught.value.problems
    assert [p.line for p in problems] == [3, 4, 5, 6, 7, 8]
    assert "no case 'Nobody'" in problems[0].problem and "--create" in problems[0].problem
    assert "no document named 'missing.txt'" in problems[1].problem
    assert "both a start and an end" in problems[2].problem
    assert "does not fit" in problems[3].problem
    assert "no turns by that speaker" in problems[4].problem
    assert "whole number" in problems[5].problem
    assert str(problems[0]).startswith("line 3 (Nobody → group.txt): ")
    assert project.cases.links() == []  # the good first row was not linked either


def test_create_adds_missing_cases_and_a_header_less_file(
    project: Project,
    docs: dict[str, int],  # noqa: F811
    tmp_path: Path,
) -> None:
    path = _map(tmp_path, "은별,group.txt\n하늘,group.txt\n은별,follow-up.txt\n")
    with pytest.raises(LinkMapFailed, match="3 of 3"):
        CaseLinks(project.cases).link_map(read_link_map(path))
    assert project.cases.list() == []
    report = CaseLinks(project.cases).link_map(read_link_map(path), create=True)
    assert report.cases_created == ["은별", "하늘"] and report.linked == 3
    assert sorted(c.name for c in project.cases.list()) == ["은별", "하늘"]
    assert project.cases.documents_of("은별") == sorted([docs["group.txt"], docs["follow-up.txt"]])
    digits = _map(tmp_path, "case,document\n12,group.txt\n", "digits.csv")
    with pytest.raises(LinkMapFailed, match="only digits"):
        CaseLinks(project.cases).link_map(read_link_map(digits), create=True)


def test_unreadable_maps_are_refused(tmp_path: Path) -> None:
    with pytest.raises(CodingError, match="header row with case and document"):
        read_link_map(_map(tmp_path, "a,b,c\n1,2,3\n"))
    with pytest.raises(CodingError, match="no rows"):
        read_link_map(_map(tmp_path, "\n\n"))
    latin = tmp_path / "latin.csv"
    latin.write_bytes("case,document\nJosé,a.txt\n".encode("latin-1"))
    with pytest.raises(CodingError, match="UTF-8"):
        read_link_map(latin)
