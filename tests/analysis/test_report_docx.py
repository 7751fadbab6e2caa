"""The findings report in Word: the HTML's content, read back with python-docx;
Korean fonts declared; nothing about who wrote it, nothing unredacted."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from moksori.analysis.report import ReportOptions
from moksori.analysis.report_docx import render_docx
from moksori.errors import MoksoriError
from moksori.project import Project
from moksori.protect.findings import Selector
from moksori.protect.vault import Vault
from moksori.store import audit
from moksori.word import EAST_ASIAN_FONT
from tests.analysis.test_report import TEMPLATE, coded  # noqa: F401
from tests.coding.conftest import study  # noqa: F401
from tests.protect.conftest import PLANTED, doc_id, testimony, vault  # noqa: F401

TITLE = "탈북민 정착 연구 Findings"


def _parts_text(path: Path) -> dict[str, str]:
    """Every XML part of the package, and the text of its w:t runs joined (a name split
    across runs would hide from a search of the raw XML)."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                xml = z.read(name).decode("utf-8")
                runs = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
                out[name] = xml + "\n" + runs
    return out


def test_docx_has_the_reports_content(coded: Project, tmp_path: Path) -> None:  # noqa: F811
    opts = ReportOptions(
        title=TITLE, template=TEMPLATE, attributes=["gender"], counted_coders=["Coder A"]
    )
    files = coded.report(tmp_path / "r", opts, formats=("html", "md", "docx"))
    rep = files.report
    assert files.docx == tmp_path / "r" / "report.docx" and files.html and files.markdown
    doc = Document(str(files.docx))
    paras = doc.paragraphs
    headings = [(p.style.name, p.text) for p in paras if p.style.name.startswith(("Head", "Tit"))]
    assert headings[0] == ("Title", TITLE)
    assert [t for s, t in headings if s == "Heading 1"] == [
        "Sample",
        "Codebook",
        "Themes",
        "Co-occurrence",
        "Reliability",
        "Memos",
    ]
    assert [t for s, t in headings if s == "Heading 2"] == [
        "1. 정착 Resettlement",
        "2. 가족 Family",
    ]
    texts = "\n".join(p.text for p in paras)
    assert "left North Korea between 2010 and 2016" in texts
    assert "Core category: 정착 Resettlement/말투 Accent" in texts
    # the descriptors, as a bulleted list
    bullets = {p.text for p in paras if p.style.name == "List Bullet"}
    assert {"Youngmi (female, 20s, left 2016)", "Jun (male, 30s, left 2010)"} <= bullets
    # tables: the codebook, each theme's counts, by gender, reliability; figures as in Report
    cells = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    assert all(t.style.name == "Table Grid" for t in doc.tables)
    counts = next(t for t in cells if t[0] == ["code", "codings", "participants"])
    expected = [[c.path, str(n), str(people)] for c, n, people in rep.themes[0].codes]
    assert counts[1:] == expected
    assert ["정착 Resettlement/말투 Accent", "2", "2"] in counts  # Coder A: Youngmi and Jun
    assert "Counts are of the codings by Coder A;" in texts
    by_gender = rep.themes[0].by_attribute[0][1]
    gender_rows = next(t for t in cells if t[0][1:] == by_gender.columns)
    assert gender_rows[1:] == [
        [r, *map(str, line)] for r, line in zip(by_gender.rows, by_gender.values, strict=True)
    ]
    codebook = next(t for t in cells if t[0][0] == "code" and t[0][1] == "definition")
    assert ["말투 Accent", "How others hear them", ""] in [
        [row[0].lstrip("■ "), *row[1:]] for row in codebook
    ]
    reliability = next(t for t in cells if t[0][:3] == ["code", "agreement", "κ"])
    assert reliability[-1][0] == "overall (pooled)"
    # every plot embedded once, with its caption as alt text
    shapes = doc.inline_shapes
    assert len(shapes) == len(rep.plots) >= 2
    alts = [s._inline.docPr.get("descr") for s in shapes]
    assert "정착 Resettlement by gender" in alts and all(alts)
    # quotes in the Quote style, with their descriptors; Hangul text present
    quotes = [p.text for p in paras if p.style.name == "Quote"]
    assert len(quotes) == sum(len(t.quotes) for t in rep.themes)
    for q in (q for t in rep.themes for q in t.quotes):
        assert any(q.text in x and f"— {q.who} ({q.code}" in x for x in quotes)
    assert any("말투 때문에" in x and "Youngmi (female, 20s, left 2016)" in x for x in quotes)
    assert "억양이 정체를 드러낸다" in texts  # the memo


def test_docx_fonts_language_and_properties(coded: Project, tmp_path: Path) -> None:  # noqa: F811
    opts = ReportOptions(title=TITLE, template=TEMPLATE, counted_coders=["Coder A"])
    rep = coded.build_report(opts)
    out = tmp_path / "report.docx"
    out.write_bytes(render_docx(rep))
    doc = Document(str(out))
    styles = doc.styles.element
    fonts = list(styles.iter(qn("w:rFonts")))
    assert fonts and all(f.get(qn("w:eastAsia")) == EAST_ASIAN_FONT for f in fonts)
    assert not any(f.get(qn("w:eastAsiaTheme")) for f in fonts)  # a theme font would win
    default = styles.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert default is not None and default.get(qn("w:eastAsia")) == "ko-KR"
    quote = doc.styles["Quote"]
    assert quote.font.italic is False  # no slanted hangul
    assert quote.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:left')}") is not None
    assert round(doc.sections[0].page_width.cm, 1) == 21.0  # A4
    props = doc.core_properties
    assert props.title == TITLE and props.author == "" and props.last_modified_by == ""
    assert props.comments == "" and props.created is None and props.modified is None
    parts = _parts_text(out)
    assert not any("python-docx" in x for x in parts.values())
    assert f'w:name="{EAST_ASIAN_FONT}"' in parts["word/fontTable.xml"]
    with zipfile.ZipFile(out) as z:
        assert not any("thumbnail" in n for n in z.namelist())
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # the same report gives the same file
    assert render_docx(rep) == out.read_bytes()


def test_formats_choose_the_files(coded: Project, tmp_path: Path) -> None:  # noqa: F811
    opts = ReportOptions(counted_coders=["Coder B"])
    files = coded.report(tmp_path / "d", opts, formats=("docx",))
    assert files.html is None and files.markdown is None
    assert files.docx is not None and files.docx.stat().st_mode & 0o777 == 0o600
    assert not (tmp_path / "d" / "report.html").exists()
    default = coded.report(tmp_path / "h", opts)  # the callers before Word output: html and md
    assert default.html and default.markdown and default.docx is None
    before = len(audit.entries(coded.conn, "report"))
    for bad in (("pdf",), ()):
        with pytest.raises(MoksoriError, match="html, md, docx"):
            coded.report(tmp_path / "x", opts, formats=bad)
    assert len(audit.entries(coded.conn, "report")) == before  # refused before building
    assert not (tmp_path / "x").exists()


def test_control_characters_in_free_text_do_not_break_it(coded: Project) -> None:  # noqa: F811
    """A memo pasted with a form feed or a bell: XML 1.0 cannot hold them; they go."""
    coded.memos.add(
        "code", "가족 Family", "첫 줄\x0c둘째 줄\x07 끝", title="Paste\x0b", author="Coder A"
    )
    rep = coded.build_report(ReportOptions(counted_coders=["Coder A"]))
    doc = Document(io.BytesIO(render_docx(rep)))
    texts = [p.text for p in doc.paragraphs]
    assert "첫 줄둘째 줄 끝" in texts and "Paste" in texts


@pytest.fixture
def reviewed(vault: Vault, testimony: Project) -> Project:  # noqa: F811
    """Kim Soon-hee's testimony with her name reviewed as a known name (as test_exports)."""
    p = testimony
    p.deid.add_known(["김순희"], vault, pseudonym="Youngmi", pseudonym_ko="영미")
    p.deid.scan(vault=vault)
    p.deid.review(Selector(), "accepted", vault=vault)
    p.coders.add("a")
    p.codebook.create("가족 Family")
    for name in ("interview-ko", "interview-en"):
        d = doc_id(p, name)
        text = p.document(d).text
        first = text.index("\n") + 1
        p.codings.apply("가족 Family", d, first, len(text.rstrip("\n")), coder="a")
    return p


def test_nothing_unredacted_in_any_part(reviewed: Project, tmp_path: Path) -> None:
    opts = ReportOptions(quotes_per_theme=5)
    files = reviewed.report(tmp_path / "r", opts, formats=("html", "docx"))
    assert files.html is not None and files.docx is not None
    html = files.html.read_text("utf-8")
    assert "김순희" not in html and "영미" in html  # redacted in the HTML: the premise
    parts = _parts_text(files.docx)
    assert "영미" in parts["word/document.xml"]  # the quotes are there, redacted
    for name, text in parts.items():
        for planted in [*PLANTED, "interview-ko", "interview-en"]:
            assert planted not in text, (planted, name)
    # the check can fail: the research team's own original shows the name
    original = reviewed.report(
        tmp_path / "o", ReportOptions(redacted=False, quotes_per_theme=5), formats=("docx",)
    )
    assert original.docx is not None
    assert "김순희" in _parts_text(original.docx)["word/document.xml"]


def test_code_colours_come_before_the_name(coded: Project, tmp_path: Path) -> None:  # noqa: F811
    coded.codebook.edit("말투 Accent", colour="#2a6f97")
    opts = ReportOptions(title=TITLE, template=TEMPLATE, counted_coders=["Coder A"])
    files = coded.report(tmp_path / "r", opts, formats=("docx",))
    doc = Document(str(files.docx))
    cells = [t.rows[i].cells[0] for t in doc.tables for i in range(1, len(t.rows))]
    accent = next(c for c in cells if "말투 Accent" in c.text)
    runs = accent.paragraphs[0].runs
    assert runs[0].text == "■ " and str(runs[0].font.color.rgb) == "2A6F97"
    assert "말투 Accent" in "".join(r.text for r in runs[1:])
