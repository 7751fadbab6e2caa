"""Merging two copies of a study coded on different laptops."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from moksori.errors import MergeError
from moksori.project import Project
from moksori.store import audit
from tests.coding.conftest import span
from tests.conftest import TEST_PASSPHRASE


def _fingerprint(p: Project) -> list[tuple[object, ...]]:
    """Everything a merge must not change, as comparable rows."""
    rows: list[tuple[object, ...]] = []
    for table in ("source_file", "document", "segment", "coder", "code", "coding", "memo", "cases"):
        rows += [(table, *r) for r in p.conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
    return rows


@pytest.fixture
def two_copies(study: Project, tmp_path: Path) -> tuple[Path, Path]:
    """The lead sets up the study, then each coder gets a copy of the file."""
    study.coders.add("Dr Han", "owner")
    study.coders.add("Coder A")
    study.coders.add("Coder B")
    study.codebook.create("Silence", definition="Not speaking to avoid notice")
    study.codebook.create("Help-seeking")
    path_a = study.path
    study.close()
    path_b = tmp_path / "coder-b.moksori"
    shutil.copy(path_a, path_b)
    return path_a, path_b


def test_merge_brings_everything_and_duplicates_nothing(
    two_copies: tuple[Path, Path], tmp_path: Path
) -> None:
    path_a, path_b = two_copies
    with Project.open(path_a, TEST_PASSPHRASE) as a:
        d, s, e = span(a, "jun", "so I stopped talking at work")
        a.codings.apply("Silence", d, s, e, coder="Coder A")
        a.codebook.update("Help-seeking", definition="Who they turn to")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "minsu.en.txt").write_text(
        "Interviewer: And now?\nMinsu: Now I ask my church friends first.\n", encoding="utf-8"
    )
    with Project.open(path_b, TEST_PASSPHRASE) as b:
        b.add([extra], workers=1)
        d, s, e = span(b, "jun", "so I stopped talking at work")
        b.codings.apply("Silence", d, s, e, coder="Coder B", memo="at work only")
        b.codings.apply("Silence", d, s, e + 20, coder="Coder B")
        b.codebook.update("Help-seeking", definition="Where they ask for help")
        b.codebook.create("Church", parent="Help-seeking", colour="#884400")
        d2, s2, e2 = span(b, "minsu", "Now I ask my church friends first.")
        b.codings.apply("Help-seeking/Church", d2, s2, e2, coder="Coder B")
        b.conn.execute(
            "INSERT INTO memo(guid, target_kind, target_id, author_id, text, created_at, "
            "updated_at) VALUES ('memo-b', 'code', ?, ?, 'church as first stop', 'x', 'x')",
            (b.codebook.get("Church").id, b.coders.get("Coder B").id),
        )
        b_before = _fingerprint(b)
    with Project.open(path_a, TEST_PASSPHRASE) as a:
        report = a.merge_from(path_b, TEST_PASSPHRASE)
        assert report.added["files"] == 1 and report.matched["files"] == 2
        assert report.added["documents"] == 1 and report.matched["documents"] == 2
        assert report.added["codes"] == 1 and report.added["codings"] == 3
        assert {c["field"] for c in report.conflicts if c["kind"] == "code"} == {"definition"}
        assert len(a.documents()) == 3  # no document twice
        coded = a.codings.list("Silence")
        assert sorted(c.coder for c in coded) == ["Coder A", "Coder B", "Coder B"]
        assert [c.name for c in a.coders.list()] == ["Dr Han", "Coder A", "Coder B"]
        church = a.codings.list("Help-seeking/Church")
        assert church[0].text == "Now I ask my church friends first."
        assert a.codebook.get("Help-seeking").definition == "Who they turn to"  # A's kept
        memo = a.conn.execute("SELECT text, target_id FROM memo WHERE guid = 'memo-b'").fetchone()
        assert memo == ("church as first stop", a.codebook.get("Church").id)
        assert a.search("church").total == 1  # the new document is searchable
        assert audit.entries(a.conn, "project.merge")[0]["detail"]["counts"]["conflicts"]
        # merging again adds nothing
        again = a.merge_from(path_b, TEST_PASSPHRASE)
        assert not any(again.added.values())
    with Project.open(path_b, TEST_PASSPHRASE) as b:
        assert _fingerprint(b) == b_before  # B is never changed


def test_refused_merges_change_nothing(two_copies: tuple[Path, Path], tmp_path: Path) -> None:
    path_a, path_b = two_copies
    other = tmp_path / "other-pass.moksori"
    Project.create(other, "a different passphrase").close()
    with Project.open(path_a, TEST_PASSPHRASE) as a:
        before = _fingerprint(a)
        with pytest.raises(MergeError, match="passphrase"):
            a.merge_from(other, TEST_PASSPHRASE)
        with Project.open(path_b, TEST_PASSPHRASE) as b:
            b.conn.execute("UPDATE meta SET value = '1' WHERE key = 'analyser_version'")
        with pytest.raises(MergeError, match="indexed for search by another version"):
            a.merge_from(path_b, TEST_PASSPHRASE)
        with Project.open(path_b, TEST_PASSPHRASE) as b:  # opening it indexes it again
            b.conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        with pytest.raises(MergeError, match="schema 3"):
            a.merge_from(path_b, TEST_PASSPHRASE)
        assert _fingerprint(a) == before


def test_merge_carries_reconciliation_decisions_and_passage_memos(
    two_copies: tuple[Path, Path],
) -> None:
    """The owner reconciled in B; after the merge a bulk run in A keeps those decisions."""
    path_a, path_b = two_copies
    with Project.open(path_a, TEST_PASSPHRASE) as a:  # A's own copy: Coder A's coding
        d, s, e = span(a, "jun", "so I stopped talking at work")
        a.codings.apply("Silence", d, s, e, coder="Coder A")
    with Project.open(path_b, TEST_PASSPHRASE) as b:
        d, s, e = span(b, "jun", "so I stopped talking at work")
        b.codings.apply("Silence", d, s, e, coder="Coder A")  # the same coding, other GUID
        changed = b.codings.apply("Help-seeking", d, s, e, coder="Coder B")
        d2, s2, e2 = span(b, "jun", "I search online instead of asking people I know.")
        only_a = b.codings.apply("Silence", d2, s2, e2, coder="Coder A")
        pair = ["Coder A", "Coder B"]
        b.reconciler.reconcile(pair, "b", coding_ids=[changed.id], viewer=b.coders.get("Dr Han"))
        b.reconciler.reconcile(
            pair, "neither", coding_ids=[only_a.id], viewer=b.coders.get("Dr Han")
        )
        b.memos.add("document", d, "the workplace", author="Dr Han", span=(s, e))
    with Project.open(path_a, TEST_PASSPHRASE) as a:
        report = a.merge_from(path_b, TEST_PASSPHRASE)
        assert report.added["decisions"] == 2
        a.reconciler.reconcile(["Coder A", "Coder B"], "both")  # bulk: undecided units only
        consensus = a.coders.consensus()
        mine = [(c.code, c.text) for c in a.codings.list() if c.coder == consensus.name]
        assert mine == [("Help-seeking", "so I stopped talking at work")]  # 'b', 'neither'
        (memo,) = a.memos.ranges(d)
        assert memo.quote == "so I stopped talking at work" and memo.text == "the workplace"
        again = a.merge_from(path_b, TEST_PASSPHRASE)
        assert again.added.get("decisions", 0) == 0 and again.matched["decisions"] == 2
