"""Word (.docx) transcripts: one block per paragraph, table cells included.

The main part is streamed through the hardened parser (``untrusted_xml.stream_member``)
rather than loaded by python-docx: an 8 MB docx can inflate to 300 MiB of XML,
which as a tree takes gigabytes. We keep only the paragraphs' text, and stop
at ``Limits.max_text_chars``. Paragraphs come in document order, table cells
row by row (a merged cell once), text boxes after the paragraph holding them;
deleted revisions and field codes are left out, as Word shows them.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from xml.etree.ElementTree import Element

from moksori.errors import CorruptFile, EmptyFile, EncryptedFile
from moksori.ingest.limits import Limits, open_zip_safely
from moksori.ingest.model import Block, Extracted
from moksori.ingest.untrusted_xml import Paragraphs, read_small_part, stream_member

# Password-protected Office files are OLE compound files, not zips.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# WordprocessingML, transitional and strict.
_W = (
    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}",
    "{http://purl.oclc.org/ooxml/wordprocessingml/main}",
)
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Elements inside a run that stand for characters.
_INLINE = {"tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}
_OFFICE_DOCUMENT = re.compile(r"/(?:officeDocument|relationships/officeDocument)$")
_DEFAULT_MAIN = "word/document.xml"


def read_docx(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """Paragraphs and table-cell paragraphs in document order; core properties as metadata."""
    if data.startswith(OLE_SIGNATURE):
        raise EncryptedFile(
            source,
            "password-protected or old-format (.doc) Word file; "
            "save it as .docx without a password and add it again",
        )
    with open_zip_safely(data, source, limits) as zf:
        names = set(zf.namelist())
        if "[Content_Types].xml" not in names:
            raise CorruptFile(source, "not a Word document (no [Content_Types].xml)")
        main = _main_part(zf, names, source, limits)
        target = ParagraphTarget(source, limits)
        stream_member(zf, main, target, source, limits)
        core = read_small_part(zf, "docProps/core.xml", source, limits)
    blocks = [Block(text) for text in target.paragraphs if text.strip()]
    if not blocks:
        raise EmptyFile(source, "Word document contains no text")
    props = core_properties(core) if core is not None else {}
    return [
        Extracted(
            blocks=blocks,
            format="docx",
            title=props.get("title"),
            author=props.get("creator"),
            date=props.get("created"),
            metadata={"paragraphs": len(blocks)},
        )
    ]


def _main_part(zf: zipfile.ZipFile, names: set[str], source: str, limits: Limits) -> str:
    """The main document part the package relationships name (word/document.xml)."""
    rels = read_small_part(zf, "_rels/.rels", source, limits)
    main = _DEFAULT_MAIN
    if rels is not None:
        for rel in rels.iter():
            if rel.tag.endswith("Relationship") and _OFFICE_DOCUMENT.search(rel.get("Type", "")):
                main = posixpath.normpath(rel.get("Target", "").lstrip("/")) or main
                break
    if main not in names:
        raise CorruptFile(source, "damaged or not a Word document (no main document part)")
    return main


class ParagraphTarget:
    """Collects the text of each ``w:p`` from a stream of parser events.

    Only ``w:t`` text counts (not ``w:delText`` or ``w:instrText``); the
    ``mc:Fallback`` copy of a drawing is skipped. Paragraph order and budgets:
    :class:`~moksori.ingest.untrusted_xml.Paragraphs`.
    """

    def __init__(self, source: str, limits: Limits) -> None:
        self.text = Paragraphs(source, limits)
        self._in_text = 0  # depth inside w:t
        self._skip = 0  # depth inside mc:Fallback

    @property
    def paragraphs(self) -> list[str]:
        return self.text.done

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self._skip or tag == _MC_FALLBACK:
            self._skip += 1
            return
        name = _w_local(tag)
        if name == "p":
            self.text.open()
        elif not self.text.inside:
            return
        elif name == "t":
            self._in_text += 1
        elif name == "br":
            if attrib.get(f"{tag[: tag.index('}') + 1]}type", "textWrapping") == "textWrapping":
                self.text.add("\n")
        elif name in _INLINE:
            self.text.add(_INLINE[name])

    def end(self, tag: str) -> None:
        if self._skip:
            self._skip -= 1
            return
        name = _w_local(tag)
        if name == "t" and self._in_text:
            self._in_text -= 1
        elif name == "p":
            self.text.close()

    def data(self, data: str) -> None:
        if self._in_text and not self._skip and self.text.inside:
            self.text.add(data)

    def close(self) -> None:
        self.text.finish()


def _w_local(tag: str) -> str | None:
    """Local name of a WordprocessingML element; None for other namespaces."""
    for ns in _W:
        if tag.startswith(ns):
            return tag[len(ns) :]
    return None


def core_properties(root: Element) -> dict[str, str]:
    """title, creator and created (YYYY-MM-DD) from docProps/core.xml."""
    out: dict[str, str] = {}
    for node in root.iter():
        name = node.tag.rsplit("}", 1)[-1]
        value = (node.text or "").strip()
        if not value or name in out:
            continue
        if name in ("title", "creator"):
            out[name] = value
        elif name == "created" and re.match(r"\d{4}-\d{2}-\d{2}", value):
            out[name] = value[:10]
    return out
