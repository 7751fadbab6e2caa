"""The findings report: redacted by default, original for the team, plots by name only."""

from __future__ import annotations

import pytest

from moksori.project import Project
from moksori.store import audit
from tests.web.conftest import Browser


@pytest.fixture
def coded(study: Project) -> Project:
    ko = next(d.id for d in study.documents() if d.lang == "ko")
    text = study.document(ko).text
    line = next(x for x in text.splitlines() if "강을" in x)
    study.codings.apply(
        "Crossing", ko, text.index(line), text.index(line) + len(line), coder="Coder Lee"
    )
    study.cases.add("P01")
    study.cases.define_attribute("gender", "category", ["female", "male"])
    study.cases.set_value("P01", "gender", "female")
    study.cases.link("P01", ko)
    return study


def test_owner_gets_the_redacted_report_with_its_plots(as_owner: Browser, coded: Project) -> None:
    coded.deid.scan(workers=1)
    page = as_owner.client.get("/reports")
    assert page.status_code == 200, page.text[:500]
    plots = [p for p in page.text.split('src="/reports/plots/')[1:]]
    assert plots, "the page shows the report's plots"
    name = plots[0].split('"')[0]
    png = as_owner.client.get(f"/reports/plots/{name}")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    report = as_owner.client.get("/reports/view")
    assert report.status_code == 200
    assert "강을 건넜습니다" in report.text and "김순희" not in report.text
    csp = report.headers["content-security-policy"]
    assert "script-src" not in csp and "default-src 'none'" in csp  # still no script at all
    assert "style-src 'unsafe-inline'" in csp
    assert audit.entries(coded.conn, "report")[-1]["actor"] == "Owner Kim"


def test_report_is_cached_until_the_project_changes(as_owner: Browser, coded: Project) -> None:
    coded.deid.scan(workers=1)
    as_owner.client.get("/reports")
    as_owner.client.get("/reports/view")
    assert len(audit.entries(coded.conn, "report")) == 1
    coded.codings.apply("Family", 3, 0, 5, coder="Coder Lee")
    as_owner.client.get("/reports/view")
    assert len(audit.entries(coded.conn, "report")) == 2


def test_original_report_for_the_team_only(as_coder: Browser, coded: Project) -> None:
    r = as_coder.client.get("/reports/view", params={"original": "true"})
    assert r.status_code == 200 and "김순희" in r.text
    md = as_coder.client.get("/reports/download/report.md", params={"original": "true"})
    assert md.status_code == 200
    assert md.headers["content-disposition"] == 'attachment; filename="report-ORIGINAL.md"'


def test_word_download_is_the_redacted_report(as_viewer: Browser, coded: Project) -> None:
    import io
    import zipfile

    coded.deid.scan(workers=1)
    r = as_viewer.client.get("/reports/download/report.docx")
    assert r.status_code == 200
    assert r.headers["content-disposition"] == 'attachment; filename="report.docx"'
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "Findings" in body and "김순희" not in body
    assert "report.docx" in as_viewer.client.get("/reports").text


def test_viewer_only_when_it_can_be_redacted(as_viewer: Browser, coded: Project) -> None:
    refused = as_viewer.client.get("/reports")
    assert refused.status_code == 403 and "not been scanned" in refused.text
    coded.deid.scan(workers=1)
    ok = as_viewer.client.get("/reports/view")
    assert ok.status_code == 200 and "김순희" not in ok.text
    original = as_viewer.client.get("/reports/view", params={"original": "true"})
    assert original.status_code == 403 and "김순희" not in original.text


@pytest.mark.parametrize(
    "name", ["..%2F..%2Fetc%2Fpasswd", "..%2Fstudy.moksori", ".hidden.png", "report.html"]
)
def test_plot_names_cannot_leave_the_report(as_owner: Browser, coded: Project, name: str) -> None:
    coded.deid.scan(workers=1)
    r = as_owner.client.get(f"/reports/plots/{name}")
    assert r.status_code == 404
    assert as_owner.client.get("/reports/download/..%2Freport.html").status_code == 404


def test_empty_codebook_is_a_readable_error(as_owner: Browser, study: Project) -> None:
    for code in study.codebook.tree():
        study.codebook.delete(code.id)
    r = as_owner.client.get("/reports")
    assert r.status_code == 400 and "codebook is empty" in r.text


def test_report_counts_the_consensus_or_the_chosen_coder(as_owner: Browser, coded: Project) -> None:
    coded.deid.scan(workers=1)
    ko = next(d.id for d in coded.documents() if d.lang == "ko")
    text = coded.document(ko).text
    line = next(x for x in text.splitlines() if "강을" in x)
    coded.codings.apply(
        "Crossing", ko, text.index(line), text.index(line) + len(line), coder="Coder Choi"
    )
    asked = as_owner.client.get("/reports")
    assert asked.status_code == 200 and "whose codings?" in asked.text
    assert "Coder Lee (coder, 1 codings), Coder Choi (coder, 1 codings)" in asked.text
    coded.reconciler.reconcile(["Coder Lee", "Coder Choi"], "both")
    page = as_owner.client.get("/reports")
    assert page.status_code == 200 and "Every count is of the codings by consensus." in page.text
    view = as_owner.client.get("/reports/view")
    assert "Counts are of the codings by consensus; project coders: " in view.text
    lee = as_owner.client.get("/reports", params={"coder": "Coder Lee"})
    assert "Every count is of the codings by Coder Lee." in lee.text
    assert "/reports/view?coder=Coder%20Lee" in lee.text  # its links ask for the same report
    view = as_owner.client.get("/reports/view", params={"coder": "Coder Lee,Coder Choi"})
    assert "Counts are of the codings by Coder Lee, Coder Choi; project coders: " in view.text
