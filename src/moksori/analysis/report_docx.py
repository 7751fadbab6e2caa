"""Write a `Report` as a Word document (.docx): what researchers write their papers in.

The content is the HTML report's (`report_render`), section for section: tables
are real Word tables, plots are embedded PNGs, quotes use the built-in Quote
style, headings the built-in Title/Heading styles, so a researcher restyles the
whole document from Word's style gallery.

Korean fonts, the document language, properties without author or dates and
fixed zip timestamps come from :mod:`moksori.word` (shared with the redacted
document export); LibreOffice on Debian renders the Hangul with Noto Sans CJK
(tests/analysis/test_report_docx_render.py). Pages are A4. Nothing leaks beyond
what the HTML shows: images carry the plot's caption as alt text, and the file is
byte-for-byte the same for the same report, so it can be diffed and archived.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from moksori import word
from moksori.analysis.report import Report, age_summary, left_summary
from moksori.analysis.report_render import _agreement_cells, _agreement_rows, counted_line
from moksori.analysis.tables import Table
from moksori.outputs import private_dir, write_output

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

FILE_NAME = "report.docx"
PAGE_CM, MARGIN_CM = (21.0, 29.7), 2.5  # A4
PLOT_WIDTH_CM = 15.0
TABLE_PT = 10  # a point under the body's, so seven figure columns fit their headers
MUTED = "666666"
QUOTE_RULE = "2A6F97"  # the HTML blockquote's rule
# what may follow w:pBdr in a w:pPr (the schema's order), so the border goes before them
_AFTER_BORDER = tuple(
    "w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap w:overflowPunct w:topLinePunct "
    "w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd w:snapToGrid w:spacing w:ind "
    "w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc w:textDirection "
    "w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle w:rPr w:sectPr "
    "w:pPrChange".split()
)


def write_docx(rep: Report, out_dir: Path) -> Path:
    """The report as ``report.docx`` in ``out_dir`` (written like every output: private, whole)."""
    private_dir(out_dir)
    return write_output(Path(out_dir) / FILE_NAME, render_docx(rep))


def render_docx(rep: Report) -> bytes:
    """The report as the bytes of a .docx file (the web serves these without a file)."""
    from docx.shared import Pt

    doc = word.new_document(rep.title)
    _a4(doc)
    _quote_style(doc)
    doc.styles["Table Grid"].font.size = Pt(TABLE_PT)
    _intro(doc, rep)
    _sample(doc, rep)
    _codebook(doc, rep)
    _themes(doc, rep)
    if rep.cooccurrence is not None and rep.cooccurrence.rows:
        _heading(doc, "Co-occurrence", level=1)
        _picture(doc, rep, rep.cooccurrence_plot, "heatmap of codes co-occurring")
    _reliability(doc, rep)
    _memos(doc, rep)
    return word.document_bytes(doc)


# --- the sections, in the HTML's order ---------------------------------------------


def _intro(doc: DocxDocument, rep: Report) -> None:
    _heading(doc, rep.title, level=0)
    _muted(doc.add_paragraph(), f"{rep.documents} documents · people appear only under pseudonyms.")
    _para(doc, counted_line(rep))
    for note in rep.notes:
        para = doc.add_paragraph()
        _run(para, "Note: ").bold = True
        _run(para, note)


def _sample(doc: DocxDocument, rep: Report) -> None:
    s = rep.sample
    _heading(doc, "Sample", level=1)
    _para(doc, f"{s.participants} participants; {age_summary(s)}; {left_summary(s)}.")
    if s.genders:
        _para(doc, ", ".join(f"{k}: {v}" for k, v in s.genders.items()))
    if s.provinces:
        _para(doc, "From: " + ", ".join(f"{k} ({v})" for k, v in s.provinces.items()))
    for descriptor in s.descriptors.values():
        _para(doc, descriptor, style="List Bullet")


def _codebook(doc: DocxDocument, rep: Report) -> None:
    from docx.shared import Cm, RGBColor

    _heading(doc, "Codebook", level=1)
    if rep.core:
        para = _para(doc, "Core category: ")
        run = _run(para, rep.core.path)
        run.bold = True
        run.font.color.rgb = RGBColor.from_string("8B1E6B")
    rows = [
        [c.name, c.definition, " / ".join(x for x in (c.inclusion, c.exclusion) if x)]
        for c in rep.codebook
    ]
    table = _table(doc, ["code", "definition", "include / exclude"], rows)
    for row, code in zip(table.rows[1:], rep.codebook, strict=True):
        para = row.cells[0].paragraphs[0]
        para.paragraph_format.left_indent = Cm(0.5 * code.depth)
        if code.colour:  # the code's colour as a swatch before its name, as in the HTML
            first = para.runs[0] if para.runs else None
            swatch = para.add_run("■ ")
            if first is not None:  # python-docx appends runs: move the swatch in front
                first._r.addprevious(swatch._r)
            swatch.font.color.rgb = RGBColor.from_string(code.colour.lstrip("#").upper())
    for k in rep.links:
        para = doc.add_paragraph(style="List Bullet")
        _run(para, f"{k.from_code} ")
        _run(para, k.relation).bold = True
        _run(para, f" {k.to_code}")


def _themes(doc: DocxDocument, rep: Report) -> None:
    from docx.shared import Pt

    _heading(doc, "Themes", level=1)
    for i, th in enumerate(rep.themes, 1):
        _heading(doc, f"{i}. {th.code.name}", level=2)
        if th.code.definition:
            _para(doc, th.code.definition)
        rows = [[c.path, str(n), str(people)] for c, n, people in th.codes]
        _table(doc, ["code", "codings", "participants"], rows, numeric=True)
        for attr, table, plot in th.by_attribute:
            label = doc.add_paragraph()
            label.paragraph_format.space_before = Pt(10)  # apart from the table above
            label.paragraph_format.keep_with_next = True
            _run(label, f"Participants by {attr}").bold = True
            _data_table(doc, table)
            _picture(doc, rep, plot, f"{th.code.name} by {attr}")
        for q in th.quotes:
            para = _para(doc, f"“{q.text}”", style="Quote")
            if q.beside:
                para.add_run().add_break()
                _muted(para, f"[{q.beside_lang or ''}] “{q.beside}”")
            para.add_run().add_break()
            _muted(para, f"— {q.who} ({q.code}; coded by {q.coders})")


def _reliability(doc: DocxDocument, rep: Report) -> None:
    _heading(doc, "Reliability", level=1)
    r = rep.reliability
    if r is None:
        _muted(doc.add_paragraph(), rep.reliability_note)
        return
    _para(
        doc,
        f"{' and '.join(r.coders)}, unit: {r.unit} ({r.units} units, {r.uncoded_units} coded "
        "by nobody). † = uncoded units left out.",
    )
    rows = [[label, *_agreement_cells(row)] for label, row in _agreement_rows(rep)]
    header = ["code", "agreement", "κ", "α", "agreement †", "κ †", "α †"]
    _table(doc, header, rows, numeric=True)


def _memos(doc: DocxDocument, rep: Report) -> None:
    if not rep.memos:
        return
    _heading(doc, "Memos", level=1)
    for m in rep.memos:
        _heading(doc, m.title or "(untitled)", level=3)
        _muted(
            doc.add_paragraph(),
            f"{m.author or '?'}, {m.created_at[:10]}, on {m.target_kind} {m.target or ''}",
        )
        for line in m.text.split("\n"):
            _para(doc, line)


# --- building blocks ---------------------------------------------------------------


def _a4(doc: DocxDocument) -> None:
    """A4 with 2.5 cm margins: the paper of Korean (and most) offices, not the template's
    US Letter."""
    from docx.shared import Cm

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))


def _safe(text: str) -> str:
    """Text as XML 1.0 allows it: free text typed into memos or definitions may hold a
    control character, which lxml refuses (the report must not fail on one)."""
    return word.xml_safe(text)


def _heading(doc: DocxDocument, text: str, level: int) -> Paragraph:
    return doc.add_heading(_safe(text), level=level)


def _para(doc: DocxDocument, text: str, style: str | None = None) -> Paragraph:
    return doc.add_paragraph(_safe(text), style=style)


def _run(para: Paragraph, text: str) -> Run:
    return para.add_run(_safe(text))


def _muted(para: Paragraph, text: str) -> None:
    from docx.shared import RGBColor

    run = _run(para, text)
    run.font.color.rgb = RGBColor.from_string(MUTED)


def _table(
    doc: DocxDocument, header: Sequence[str], rows: Sequence[Sequence[str]], numeric: bool = False
) -> DocxTable:
    """A Table Grid table: header row bold and repeated on each page, no row split across
    pages; with ``numeric`` the columns after the first right-aligned, as the HTML's are."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    head = table.rows[0]
    head._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(head.cells, header, strict=True):
        _run(cell.paragraphs[0], text).bold = True
    for row, values in zip(table.rows[1:], rows, strict=True):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row on one page
        for j, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            para = cell.paragraphs[0]
            _run(para, text)
            if numeric and j > 0:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if numeric:
        _widths(table, header, rows)
    return table


def _widths(table: DocxTable, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Figure columns as wide as their longest text (so "agreement" does not break
    mid-word), the label column the rest, at most half the page; set on the grid
    (LibreOffice) and on every cell (Word)."""
    from docx.shared import Cm, Length

    usable = PAGE_CM[0] - 2 * MARGIN_CM
    figures = [_text_cm([header[j], *(r[j] for r in rows)]) for j in range(1, len(header))]
    if sum(figures) > usable * 0.75:  # too many to fit: shrink them, the label keeps 25%
        figures = [f * usable * 0.75 / sum(figures) for f in figures]
    label = min(usable - sum(figures), usable / 2)
    spare = (usable - label - sum(figures)) / max(len(figures), 1)
    for column, width in zip(table.columns, [label, *(f + spare for f in figures)], strict=True):
        column.width = Length(Cm(width))
        for cell in column.cells:
            cell.width = Length(Cm(width))


def _text_cm(texts: Sequence[str]) -> float:
    """About how wide the widest text is at `TABLE_PT` in bold, cell margins included."""
    widest = max(
        sum(0.36 if unicodedata.east_asian_width(ch) in "WF" else 0.21 for ch in t) for t in texts
    )
    return widest + 0.5


def _data_table(doc: DocxDocument, t: Table) -> None:
    rows = [[r, *(str(v) for v in line)] for r, line in zip(t.rows, t.values, strict=True)]
    _table(doc, [t.row_header or "", *t.columns], rows, numeric=True)


def _picture(doc: DocxDocument, rep: Report, name: str | None, alt: str) -> None:
    """A plot as an inline picture; its alt text is its caption (what the HTML's alt says)."""
    from docx.shared import Cm

    if not name or name not in rep.plots:
        return
    doc.add_picture(io.BytesIO(rep.plots[name]), width=Cm(PLOT_WIDTH_CM))
    inline = doc.inline_shapes[len(doc.inline_shapes) - 1]._inline
    inline.docPr.set("descr", alt)
    inline.docPr.set("name", name)


def _quote_style(doc: DocxDocument) -> None:
    """The Quote style as the HTML's blockquote: upright, indented, a blue rule on its
    left (the template's is italic and flush, hard to tell from the text around it)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm

    style = doc.styles["Quote"]
    style.font.italic = False  # slanted hangul is a machine's, not a typesetter's; nor is the HTML
    style.paragraph_format.left_indent = Cm(0.6)
    p_pr = style.element.get_or_add_pPr()
    p_pr.insert_element_before(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="18" w:space="8" '
            f'w:color="{QUOTE_RULE}"/></w:pBdr>'
        ),
        *_AFTER_BORDER,
    )
