"""Word documents moksori writes (the report, redacted exports): Hangul that renders,
nothing about who made the file or when.

Every style names an East Asian font (``w:eastAsia``, which python-docx does not
set) and the theme's East Asian font is dropped from the styles, because a theme
font wins over a named one. The font is Malgun Gothic, the Korean UI font of
Windows Word; Mac Word and LibreOffice substitute a Hangul font they have for a
missing one (the font table declares it as Hangul, charset 81). The language is
English with Korean as the East Asian language. The core properties carry the
title only (python-docx's template names itself as author and stamps dates), and
the package's entries carry one fixed date, so the same content is the same file.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

EAST_ASIAN_FONT = "Malgun Gothic"  # 맑은 고딕; substituted where missing
EAST_ASIAN_ALT = "맑은 고딕"
LANGUAGE, EAST_ASIAN_LANGUAGE = "en-US", "ko-KR"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no build time in the file
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def new_document(title: str) -> DocxDocument:
    """An empty document with Korean fonts and anonymous properties."""
    from docx import Document  # lazy: python-docx and lxml only when Word output is asked

    doc = Document()
    _fonts_and_language(doc)
    _anonymous_properties(doc, title)
    return doc


def document_bytes(doc: DocxDocument) -> bytes:
    """The .docx file's bytes, every zip entry dated `ZIP_TIME`."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue())


def xml_safe(text: str) -> str:
    """Text as XML 1.0 allows it: free text (a memo, a pasted form feed) may hold a
    control character, which lxml refuses; a document must not fail on one."""
    return _NOT_XML.sub("", text)


def _fonts_and_language(doc: DocxDocument) -> None:
    """Hangul in every style: a named East Asian font in place of the theme's (which wins
    over a named one and is empty in python-docx's template), and Korean as the East
    Asian language, declared in the defaults, the settings and the font table."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
    if r_pr is not None and r_pr.find(qn("w:rFonts")) is None:
        r_pr.insert(0, OxmlElement("w:rFonts"))
    for fonts in styles.iter(qn("w:rFonts")):
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), EAST_ASIAN_LANGUAGE)
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.append(theme_lang)
    theme_lang.set(qn("w:val"), LANGUAGE)
    theme_lang.set(qn("w:eastAsia"), EAST_ASIAN_LANGUAGE)
    _declare_font(doc)


def _declare_font(doc: DocxDocument) -> None:
    """Malgun Gothic in the font table as a Hangul font (charset 81), so an application
    without it substitutes a Korean font rather than any font."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    part = doc.part.part_related_by(RT.FONT_TABLE)
    table = parse_xml(part.blob)
    table.append(
        parse_xml(
            f'<w:font {nsdecls("w")} w:name="{EAST_ASIAN_FONT}">'
            f'<w:altName w:val="{EAST_ASIAN_ALT}"/><w:charset w:val="81"/>'
            '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
        )
    )
    from lxml import etree

    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _anonymous_properties(doc: DocxDocument, title: str) -> None:
    """The title and nothing about who or when: python-docx's template says its own
    name as author; no dates, so the same report gives the same file."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    props = doc.core_properties
    props.title = title
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.revision = 1
    core = props._element
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for element in core.findall(qn(tag)):
            core.remove(element)
    package = doc.part.package
    for r_id, rel in list(package.rels.items()):  # the template's thumbnail: a blank page
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every entry dated `ZIP_TIME` (python-docx stamps the time of
    writing), in the same order, so equal reports are equal files."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
