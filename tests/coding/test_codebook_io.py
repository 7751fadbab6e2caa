"""Codebook YAML and CSV: round trips, merges by path, and bad files that change nothing."""

from __future__ import annotations

import pytest
import yaml

from moksori.coding.codebook_io import export_csv, export_yaml, import_csv, import_yaml
from moksori.errors import CodingError
from moksori.project import Project
from tests.conftest import TEST_PASSPHRASE


def _build(project: Project) -> None:
    book = project.codebook
    book.create("정착 Resettlement", codable=False, colour="#336699")
    book.create(
        "말투 Accent",
        parent="정착 Resettlement",
        alt_name="Speech",
        definition="Remarks about a northern accent",
        inclusion="Others notice or comment on it",
        exclusion="Dialect words alone",
        examples=["말투 때문에 사람들이 자꾸 물었어요", "asked about my accent"],
    )
    book.create("침묵 Silence", parent="정착 Resettlement")
    book.link("말투 Accent", "침묵 Silence", "causes", memo="interviews 1, 3")
    book.set_core("침묵 Silence")


def _shape(project: Project) -> list[tuple[object, ...]]:
    return [
        (
            c.path,
            c.alt_name,
            c.definition,
            c.inclusion,
            c.exclusion,
            c.examples,
            c.colour,
            c.is_core,
            c.codable,
        )
        for c in project.codebook.tree()
    ]


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
def test_round_trip_into_an_empty_project(project: Project, tmp_path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    _build(project)
    text = export_yaml(project.codebook) if fmt == "yaml" else export_csv(project.codebook)
    with Project.create(tmp_path / "other.moksori", TEST_PASSPHRASE) as other:
        report = (import_yaml if fmt == "yaml" else import_csv)(other.codebook, text)
        assert len(report.created) == 3
        assert _shape(other) == _shape(project)
        if fmt == "yaml":  # links travel in YAML only
            assert [
                (k.from_code, k.relation, k.to_code, k.memo) for k in other.codebook.links()
            ] == [
                (
                    "정착 Resettlement/말투 Accent",
                    "causes",
                    "정착 Resettlement/침묵 Silence",
                    "interviews 1, 3",
                )
            ]
        # importing again is a no-op
        again = (import_yaml if fmt == "yaml" else import_csv)(other.codebook, text)
        assert again.created == [] and again.links == 0
        assert _shape(other) == _shape(project)


def test_import_merges_by_path_and_never_deletes(project: Project) -> None:
    _build(project)
    text = yaml.safe_dump(
        {
            "codebook": [
                {
                    "name": "정착 Resettlement",
                    "children": [
                        {"name": "말투 accent", "definition": "Updated definition"},
                        "일 Work",
                    ],
                }
            ]
        },
        allow_unicode=True,
    )
    report = import_yaml(project.codebook, text)
    assert report.created == ["정착 Resettlement/일 Work"]
    assert report.updated == ["정착 Resettlement/말투 Accent"]
    accent = project.codebook.get("정착 Resettlement/말투 Accent")
    assert accent.definition == "Updated definition"
    assert accent.examples  # untouched fields stay
    assert project.codebook.find("정착 Resettlement/침묵 Silence") is not None


def test_csv_creates_missing_categories(project: Project) -> None:
    text = (
        "\ufeffpath,definition,examples,colour\nFamily/Mother/Contact,Keeping in touch,a | b,#f00\n"
    )
    report = import_csv(project.codebook, text)
    assert report.created == ["Family", "Family/Mother", "Family/Mother/Contact"]
    contact = project.codebook.get("Contact")
    assert contact.examples == ["a", "b"] and contact.colour == "#ff0000"


def test_a_bad_row_changes_nothing(project: Project) -> None:
    _build(project)
    before = _shape(project)
    bad = "path,colour\nNew code,#00ff00\nOther code,not-a-colour\n"
    with pytest.raises(CodingError, match="row 3: colour 'not-a-colour'"):
        import_csv(project.codebook, bad)
    assert _shape(project) == before
    with pytest.raises(CodingError, match="YAML"):
        import_yaml(project.codebook, "codebook: [unclosed")
    with pytest.raises(CodingError, match="links item 1"):
        import_yaml(project.codebook, "codebook: [A]\nlinks: [{from: A}]\n")
    assert _shape(project) == before
