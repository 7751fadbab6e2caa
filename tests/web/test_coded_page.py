"""Coded segments: filters, blind coding, redaction for viewers, downloads with audit."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from moksori.project import Project
from moksori.store import audit
from tests.web.conftest import Browser

HOSTILE = "<img src=x onerror=alert(1)><script>alert(1)"  # code names cannot hold "/"


def _line(study: Project, doc_id: int, needle: str) -> tuple[int, int]:
    text = study.document(doc_id).text
    line = next(x for x in text.splitlines() if needle in x)
    return text.index(line), text.index(line) + len(line)


@pytest.fixture
def coded(study: Project) -> dict[str, int]:
    ko = next(d.id for d in study.documents() if d.lang == "ko")
    a = study.codings.apply("Crossing", ko, *_line(study, ko, "강을"), coder="Coder Lee")
    b = study.codings.apply("Crossing", ko, *_line(study, ko, "식당"), coder="Coder Choi")
    study.cases.add("P01")
    study.cases.define_attribute("gender", "category", ["female", "male"])
    study.cases.set_value("P01", "gender", "female")
    study.cases.link("P01", ko)
    return {"ko": ko, "lee": a.id, "choi": b.id}


def test_owner_sees_every_coder(as_owner: Browser, coded: dict[str, int]) -> None:
    r = as_owner.client.get("/coded", params={"code": "Crossing", "coder": "*"})
    assert r.status_code == 200
    assert "강을 건넜습니다" in r.text and "식당에서 일했어요" in r.text
    assert "2 coded segment(s)" in r.text


def test_two_coders_and_no_consensus_ask_whose_codings(
    as_owner: Browser, coded: dict[str, int]
) -> None:
    r = as_owner.client.get("/coded", params={"code": "Crossing"})
    assert r.status_code == 200 and "whose codings?" in r.text  # a question, not a failure
    assert "Coder Lee (coder, 1 codings), Coder Choi (coder, 1 codings)" in r.text
    both = as_owner.client.get(
        "/api/coded", params={"code": "Crossing", "coder": "Coder Lee,Coder Choi"}
    ).json()
    assert {s["coding_id"] for s in both["segments"]} == {coded["lee"], coded["choi"]}


def test_coder_sees_only_their_own_under_blind_coding(
    as_coder: Browser, coded: dict[str, int]
) -> None:
    r = as_coder.client.get("/coded", params={"code": "Crossing"})
    assert "강을 건넜습니다" in r.text and "식당에서 일했어요" not in r.text
    api = as_coder.client.get("/api/coded", params={"code": "Crossing"}).json()
    assert [s["coding_id"] for s in api["segments"]] == [coded["lee"]]


def test_filter_by_attribute_and_coder(as_owner: Browser, coded: dict[str, int]) -> None:
    api = as_owner.client.get(
        "/api/coded", params={"code": "Crossing", "attribute": "gender=female", "coder": "*"}
    ).json()
    assert {s["coding_id"] for s in api["segments"]} == {coded["lee"], coded["choi"]}
    none = as_owner.client.get(
        "/api/coded", params={"code": "Crossing", "attribute": "gender=male", "coder": "*"}
    ).json()
    assert none["segments"] == []
    one = as_owner.client.get(
        "/api/coded", params={"code": "Crossing", "coder": "Coder Choi"}
    ).json()
    assert [s["coding_id"] for s in one["segments"]] == [coded["choi"]]
    bad = as_owner.client.get("/coded", params={"attribute": "shoe size=42", "coder": "*"})
    assert bad.status_code == 400 and "shoe size" in bad.text


def test_viewer_reads_redacted_quotes_of_scanned_documents(
    as_viewer: Browser, study: Project, coded: dict[str, int]
) -> None:
    every = {"code": "Crossing", "coder": "*"}
    before = as_viewer.client.get("/coded", params=every)
    assert "강을 건넜습니다" not in before.text and "not yet checked" in before.text
    study.deid.scan(workers=1)
    r = as_viewer.client.get("/coded", params=every)
    assert "강을 건넜습니다" in r.text  # the quote, redacted
    assert "김순희" not in r.text and "혜산" not in r.text
    assert "interview-01" not in r.text  # documents by number only
    assert "original=true" not in r.text
    assert as_viewer.client.get("/coded/export", params={"original": "true"}).status_code == 403


def test_hostile_code_name_is_escaped(as_owner: Browser, study: Project) -> None:
    study.codebook.create(HOSTILE)
    ko = next(d.id for d in study.documents() if d.lang == "ko")
    study.codings.apply(HOSTILE, ko, *_line(study, ko, "강을"), coder="Owner Kim")
    r = as_owner.client.get("/coded", params={"code": HOSTILE})
    assert r.status_code == 200
    assert HOSTILE not in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)" in r.text


def test_csv_export_is_redacted_and_audited(
    as_owner: Browser, study: Project, coded: dict[str, int]
) -> None:
    study.deid.scan(workers=1)
    r = as_owner.client.get(
        "/coded/export", params={"code": "Crossing", "format": "csv", "coder": "*"}
    )
    assert r.status_code == 200
    assert r.headers["content-disposition"] == 'attachment; filename="coded-segments.csv"'
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["coding", "code", "document"]
    assert {int(x[0]) for x in rows[1:]} == {coded["lee"], coded["choi"]}
    assert "김순희" not in r.content.decode("utf-8-sig")
    entry = audit.entries(study.conn, "export")[-1]
    assert entry["actor"] == "Owner Kim" and entry["detail"]["choice"] == "csv"
    assert entry["detail"]["counts"]["rows"] == 2 and entry["detail"]["counts"]["redacted"] == 1


def test_xlsx_export_of_the_original_for_the_team(
    as_coder: Browser, study: Project, coded: dict[str, int]
) -> None:
    r = as_coder.client.get(
        "/coded/export", params={"code": "Crossing", "format": "xlsx", "original": "true"}
    )
    assert r.status_code == 200 and "ORIGINAL" in r.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(r.content)).active
    assert sheet is not None
    texts = [row[8] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(texts) == 1 and "김순희" in str(texts[0])  # blind coding: only Coder Lee's
    entry = audit.entries(study.conn, "export")[-1]
    assert entry["actor"] == "Coder Lee" and entry["detail"]["counts"]["redacted"] == 0


def test_unknown_format_is_refused(as_owner: Browser) -> None:
    r = as_owner.client.get("/coded/export", params={"format": "pdf"})
    assert r.status_code == 400 and "csv or xlsx" in r.text
