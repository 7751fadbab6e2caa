"""The Word report as a reader sees it: LibreOffice renders it to PDF, poppler to PNG.

Needs Debian's LibreOffice Writer and poppler-utils (scripts/install_libreoffice.sh);
without them the test is skipped with that command. It checks what python-docx cannot:
that the hangul comes out as hangul (a Korean font is used, the text extracts) and the
pages are not blank.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from moksori.analysis.report import ReportOptions
from moksori.project import Project
from tests.analysis.test_report import TEMPLATE, coded  # noqa: F401
from tests.coding.conftest import study  # noqa: F401

TITLE = "탈북민 정착 연구 Findings"
TOOLS = ("soffice", "pdftotext", "pdftoppm", "pdffonts")
MISSING = [t for t in TOOLS if shutil.which(t) is None]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(MISSING),
        reason=f"{', '.join(MISSING)} missing: install LibreOffice and poppler-utils with "
        "scripts/install_libreoffice.sh",
    ),
]


def _run(*args: str | Path) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=240, check=True
    )
    return done.stdout


def test_docx_renders_hangul_to_pdf_and_png(coded: Project, tmp_path: Path) -> None:  # noqa: F811
    opts = ReportOptions(title=TITLE, template=TEMPLATE, counted_coders=["Coder A"])
    files = coded.report(tmp_path / "r", opts, formats=("docx",))
    assert files.docx is not None
    pdf_dir = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()  # its own profile: no clash with a running one
    _run(
        "soffice",
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        pdf_dir,
        files.docx,
    )
    pdf = pdf_dir / "report.pdf"
    text = _run("pdftotext", "-enc", "UTF-8", pdf, "-")
    flat = " ".join(text.split())
    assert TITLE in flat
    assert "억양이 정체를 드러낸다" in flat  # the memo
    assert "말투 때문에 사람들이" in flat  # a quote
    assert "Counts are of the codings by Coder A" in flat
    fonts = _run("pdffonts", pdf)
    assert any(k in fonts for k in ("CJK", "Gothic", "Nanum", "UnDotum")), fonts  # a Hangul font
    _run("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", pdf, tmp_path / "page")
    (page,) = tmp_path.glob("page*.png")
    with Image.open(page) as image:
        grey = image.convert("L")
        inked = sum(grey.histogram()[:128])  # pixels darker than mid-grey
        assert inked / (grey.width * grey.height) > 0.005  # not a blank page
