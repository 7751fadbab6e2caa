"""Every write is one transaction: failures and kill -9 leave no half-ingested document."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from moksori.project import Project
from moksori.store import documents as docs_store
from tests.conftest import cli_env

PARAGRAPH_KO = (
    "저는 {n}년에 두만강을 건넜습니다. 모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요."
)
PARAGRAPH_EN = "Interview {n}. I crossed the river at night and my accent gave me away in Seoul."


def _write_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        body = "\n\n".join(
            (PARAGRAPH_KO if j % 2 else PARAGRAPH_EN).format(n=i * 100 + j) for j in range(40)
        )
        (folder / f"interview-{i:04d}.txt").write_text(body, encoding="utf-8")


def _assert_consistent(p: Project) -> None:
    c = p.conn
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every document has its segments and index rows; every file has its documents
    assert not c.execute(
        "SELECT id FROM document d WHERE NOT EXISTS (SELECT 1 FROM segment s "
        "WHERE s.document_id = d.id)"
    ).fetchall()
    assert not c.execute(
        "SELECT id FROM source_file f WHERE NOT EXISTS (SELECT 1 FROM document d "
        "WHERE d.source_file_id = f.id)"
    ).fetchall()
    passages = c.execute(
        "SELECT count(*) FROM segment WHERE kind IN ('paragraph','turn','cue','row')"
    ).fetchone()[0]
    assert c.execute("SELECT count(*) FROM segment_fts").fetchone()[0] == passages
    for doc in p.documents():
        # 40 paragraphs of two sentences each: 40 passages + 80 sentences
        assert doc.segments == 120, doc.label


def test_failure_inside_a_file_rolls_back_the_whole_file(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv = tmp_path / "answers.csv"
    csv.write_text(
        "respondent,answer\nR1,저는 청진에서 왔습니다.\nR2,I miss my mother.\n", encoding="utf-8"
    )
    real = docs_store._insert_document
    calls = {"n": 0}

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full (simulated)")
        return real(*args, **kwargs)

    monkeypatch.setattr(docs_store, "_insert_document", failing)
    with pytest.raises(RuntimeError):
        project.add([csv], workers=1)
    monkeypatch.setattr(docs_store, "_insert_document", real)
    c = project.conn
    for table in ("source_file", "document", "segment", "segment_fts", "document_attribute"):
        assert c.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    report = project.add([csv], workers=1)
    assert report.count("added") == 1
    assert len(project.documents()) == 2


@pytest.mark.slow
def test_kill_9_during_ingest_leaves_a_consistent_project(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    n_files = 150
    _write_corpus(corpus, n_files)
    Project.create(project_path, passphrase).close()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "moksori.cli.app",
            "add",
            str(project_path),
            str(corpus),
            "--workers",
            "2",
            "--json",
        ],
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with Project.open(project_path, passphrase) as p:
                n = p.conn.execute("SELECT count(*) FROM document").fetchone()[0]
            if n >= 5 or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "ingest finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    with Project.open(project_path, passphrase) as p:
        n_before = len(p.documents())
        assert 5 <= n_before < n_files
        _assert_consistent(p)
        # adding the folder again completes it: the finished files are recognised
        report = p.add([corpus], workers=1)
        assert report.count("duplicate") == n_before
        assert report.count("added") == n_files - n_before
        assert len(p.documents()) == n_files
        _assert_consistent(p)
