"""Many files on worker processes: errors come back intact, in input order."""

from __future__ import annotations

from pathlib import Path

from moksori.errors import EmptyFile, UnsupportedFormat
from moksori.ingest.batch import collect_files, ingest_many
from moksori.ingest.model import IngestedFile


def test_worker_errors_travel_back_with_their_type_and_file(tmp_path: Path) -> None:
    d = tmp_path / "batch"
    d.mkdir()
    (d / "a.txt").write_text("참여자: 저는 혜산에서 왔어요.\n", encoding="utf-8")
    (d / "b.txt").write_bytes(b"")
    (d / "c.xyz").write_text("unsupported", encoding="utf-8")
    (d / "d.txt").write_text("Participant: I crossed the river.\n", encoding="utf-8")
    (d / ".hidden.txt").write_text("skipped", encoding="utf-8")
    jobs, missing = collect_files([d, tmp_path / "nope"])
    assert [j.name for j in jobs] == ["batch/a.txt", "batch/b.txt", "batch/c.xyz", "batch/d.txt"]
    assert [m.source for m in missing] == [str(tmp_path / "nope")]

    results = list(ingest_many(jobs, workers=2))
    assert [j.name for j, _ in results] == [j.name for j in jobs]
    outcomes = [o for _, o in results]
    assert isinstance(outcomes[0], IngestedFile)
    assert isinstance(outcomes[1], EmptyFile) and outcomes[1].source == "batch/b.txt"
    assert isinstance(outcomes[2], UnsupportedFormat) and ".xyz" in outcomes[2].reason
    assert isinstance(outcomes[3], IngestedFile)
    assert outcomes[3].documents[0].lang == "en"
