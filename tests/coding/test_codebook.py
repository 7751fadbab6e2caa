"""The codebook as grounded theory reshapes it: create, rename, move, merge, delete, link."""

from __future__ import annotations

import pytest

from moksori.errors import CodebookConflict, CodingError, UnknownCode
from moksori.project import Project
from moksori.store import audit
from tests.coding.conftest import span


def test_hierarchy_paths_and_lookup(project: Project) -> None:
    book = project.codebook
    book.create("정착 Resettlement", colour="#ABC", definition="Life after arrival")
    book.create("언어 Language", parent="정착 Resettlement", alt_name="Accent")
    book.create("말투 Accent", parent="정착 Resettlement/언어 Language", examples=["말투 때문에"])
    tree = book.tree()
    assert [c.path for c in tree] == [
        "정착 Resettlement",
        "정착 Resettlement/언어 Language",
        "정착 Resettlement/언어 Language/말투 Accent",
    ]
    assert [c.depth for c in tree] == [0, 1, 2]
    assert tree[0].colour == "#aabbcc"
    assert book.get("말투 accent").examples == ["말투 때문에"]  # unique name, case-insensitive
    assert book.get("정착 resettlement / 언어 language").alt_name == "Accent"
    assert book.get(tree[2].id).name == "말투 Accent"
    assert book.descendants("정착 Resettlement") == [c.id for c in tree]
    with pytest.raises(UnknownCode):
        book.get("Nothing")


def test_names_are_unique_among_siblings_only(project: Project) -> None:
    book = project.codebook
    book.create("Family")
    book.create("Work")
    book.create("Fear", parent="Family")
    book.create("Fear", parent="Work")  # same name, other category: fine
    with pytest.raises(CodebookConflict, match="already exists"):
        book.create("fear", parent="Family")
    with pytest.raises(CodebookConflict, match="several codes"):
        book.get("Fear")
    with pytest.raises(CodingError, match="cannot contain"):
        book.create("A/B")
    with pytest.raises(CodingError, match="hex colour"):
        book.create("Colourful", colour="blue")


def test_rename_and_move_keep_codings(study: Project) -> None:
    book, codings = study.codebook, study.codings
    book.create("Categories", codable=False)
    book.create("Accent")
    d, s, e = span(study, "jun", "People asked about my accent")
    codings.apply("Accent", d, s, e)
    book.rename("Accent", "Accent shame")
    moved = book.move("Accent shame", "Categories")
    assert moved.path == "Categories/Accent shame"
    assert [c.code for c in codings.list("Accent shame")] == ["Categories/Accent shame"]
    with pytest.raises(CodebookConflict, match="under itself"):
        book.move("Categories", "Categories/Accent shame")
    with pytest.raises(CodingError, match="folder"):
        codings.apply("Categories", d, s, e)


def test_merge_moves_codings_children_links_and_memos(study: Project) -> None:
    book, codings = study.codebook, study.codings
    for name in ("Hiding accent", "Silence", "Shame", "Work"):
        book.create(name)
    book.create("At the office", parent="Silence")
    book.link("Shame", "Silence", "causes")
    book.link("Silence", "Work", "context of")
    d, s, e = span(study, "youngmi", "그래서 말을 안 하게 됐어요")
    d2, s2, e2 = span(study, "jun", "so I stopped talking at work")
    codings.apply("Silence", d, s, e, memo="silence as protection")
    codings.apply("Hiding accent", d, s, e, memo="same passage")  # same range, same coder
    codings.apply("Silence", d2, s2, e2)
    study.conn.execute(
        "INSERT INTO memo(guid, target_kind, target_id, text, created_at, updated_at) "
        "VALUES ('m1', 'code', ?, 'why silence', 'now', 'now')",
        (book.get("Silence").id,),
    )
    report = book.merge("Silence", "Hiding accent")
    assert report.codings_moved == 1 and report.codings_already_there == 1
    assert report.children_moved == ["At the office"]
    merged = codings.list("Hiding accent")
    assert [(c.document_id, c.start, c.end) for c in merged] == sorted([(d, s, e), (d2, s2, e2)])
    assert "silence as protection" in (merged[0].memo or "") or "silence as protection" in (
        merged[1].memo or ""
    )
    assert book.find("Silence") is None
    assert book.get("Hiding accent/At the office")
    assert {(k.from_code, k.relation, k.to_code) for k in book.links()} == {
        ("Shame", "causes", "Hiding accent"),
        ("Hiding accent", "context of", "Work"),
    }
    (target,) = study.conn.execute("SELECT target_id FROM memo WHERE guid = 'm1'").fetchone()
    assert target == book.get("Hiding accent").id
    (merged,) = audit.entries(study.conn, "code.merge")
    kept = audit.trash(study.conn, merged["detail"]["targets"]["trash"][0])
    assert kept["source"]["name"] == "Silence"


def test_merge_refuses_clashing_children_and_changes_nothing(project: Project) -> None:
    book = project.codebook
    book.create("A")
    book.create("B")
    book.create("X", parent="A")
    book.create("X", parent="B")
    with pytest.raises(CodebookConflict, match="already has sub-codes named X"):
        book.merge("A", "B")
    assert [c.path for c in book.tree()] == ["A", "A/X", "B", "B/X"]


def test_delete_refuses_then_forced_delete_keeps_a_record(study: Project) -> None:
    book, codings = study.codebook, study.codings
    book.create("Broker")
    book.create("Payment", parent="Broker")
    d, s, e = span(study, "youngmi", "연락은 브로커를 통해서만 해요")
    codings.apply("Broker/Payment", d, s, e, memo="only contact")
    with pytest.raises(CodebookConflict, match="1 coding.* and 1 sub-code"):
        book.delete("Broker")
    assert len(book.tree()) == 2
    result = book.delete("Broker", force=True)
    assert result["deleted"] == ["Broker", "Broker/Payment"] and result["codings"] == 1
    assert book.tree() == [] and codings.list() == []
    event = audit.entries(study.conn, "code.delete")[0]["detail"]
    record = audit.trash(study.conn, event["targets"]["trash"][0])
    assert [c["name"] for c in record["codes"]] == ["Broker", "Payment"]
    assert record["codings"][0]["start"] == s and record["codings"][0]["memo"] == "only contact"


def test_links_and_core_category(project: Project) -> None:
    book = project.codebook
    for name in ("Fear of exposure", "Self-censorship", "Becoming invisible"):
        book.create(name)
    book.link("Fear of exposure", "Self-censorship", "causes", memo="from interviews 1-3")
    book.link("Self-censorship", "Becoming invisible", "strategy for")
    with pytest.raises(CodebookConflict):
        book.link("Fear of exposure", "Self-censorship", "causes")
    with pytest.raises(CodebookConflict):
        book.link("Fear of exposure", "Fear of exposure", "causes")
    book.set_core("Becoming invisible")
    book.set_core("Self-censorship")
    assert book.core() is not None and book.core().name == "Self-censorship"  # type: ignore[union-attr]
    assert sum(c.is_core for c in book.tree()) == 1
    assert book.unlink("Fear of exposure", "Self-censorship") == 1
    assert [k.relation for k in book.links()] == ["strategy for"]
    # deleting a linked code removes its links with it
    book.delete("Becoming invisible")
    assert book.links() == []
