"""Adding files from the browser: the ingest path, per-file errors, nothing on disk."""

from __future__ import annotations

import tempfile

import pytest

from moksori.project import Project
from moksori.store import audit
from tests.web.conftest import Browser

TESTIMONY = "참여자: 2011년에 두만강을 건넜어요. 너무 무서웠습니다.\n".encode()


def test_owner_uploads_files_and_each_gets_its_outcome(as_owner: Browser, study: Project) -> None:
    before = len(study.documents())
    files = [
        ("files", ("interview-02.txt", TESTIMONY, "text/plain")),
        ("files", ("notes.xyz", b"whatever", "application/octet-stream")),
        ("files", ("empty.txt", b"", "text/plain")),
        ("files", ("copy.txt", TESTIMONY, "text/plain")),
    ]
    r = as_owner.post(
        "/upload",
        files=files,
        data={"attributes": "wave=2\nsite = Seoul"},
        headers={"accept": "application/json"},
    )
    assert r.status_code == 207
    outcomes = {f["source"]: f for f in r.json()["files"]}
    assert outcomes["interview-02.txt"]["status"] == "added"
    assert outcomes["notes.xyz"]["status"] == "error" and ".xyz" in outcomes["notes.xyz"]["message"]
    assert outcomes["empty.txt"]["status"] == "error"
    assert outcomes["copy.txt"]["status"] == "duplicate"
    assert "interview-02.txt" in outcomes["copy.txt"]["message"]
    assert len(study.documents()) == before + 1
    doc_id = outcomes["interview-02.txt"]["document_ids"][0]
    doc = study.document(doc_id)
    assert doc.summary.attributes == {"wave": "2", "site": "Seoul"}
    assert study.original(doc_id)[1] == TESTIMONY  # the original bytes are kept
    assert study.search("건너다").hits  # indexed like any ingested file
    uploads = audit.entries(study.conn, "file.upload")
    assert uploads[-1]["actor"] == as_owner.name


def test_the_upload_page_lists_outcomes_escaped(as_owner: Browser) -> None:
    hostile = "<img src=x onerror=alert(1)>.xyz"
    r = as_owner.post("/upload", files=[("files", (hostile, b"data", "text/plain"))])
    assert r.status_code == 207
    assert "<img src=x" not in r.text and "&lt;img src=x onerror=alert(1)&gt;.xyz" in r.text


def test_coders_and_viewers_cannot_upload(as_coder: Browser, as_viewer: Browser) -> None:
    for who in (as_coder, as_viewer):
        r = who.post(
            "/upload",
            files=[("files", ("x.txt", TESTIMONY, "text/plain"))],
            headers={"accept": "application/json"},
        )
        assert r.status_code == 403 and "may not manage" in r.json()["error"]


def test_uploads_never_spool_to_a_temporary_file(
    as_owner: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    def on_disk(self: tempfile.SpooledTemporaryFile[bytes]) -> None:
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr(tempfile.SpooledTemporaryFile, "rollover", on_disk)
    big = ("참여자: 강을 건넜어요.\n" * 60_000).encode()  # about 1.6 MB, over Starlette's 1 MB
    r = as_owner.post(
        "/upload",
        files=[("files", ("long.txt", big, "text/plain"))],
        headers={"accept": "application/json"},
    )
    assert r.status_code == 200 and r.json()["added"] == 1
