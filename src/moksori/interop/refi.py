"""Shared REFI-QDA helpers: namespaces, GUIDs, colours, hardened XML, schemas.

Codebook (``.qdc``) and project (``.qdpx``) exchange both read files written
by other tools, so everything here is lenient about harmless variation
(GUIDs in braces, ``#RGB`` colours) and strict about danger: no REFI-QDA file
needs a DTD, so any DOCTYPE is refused before parsing, which stops entity
expansion ("billion laughs") and external entities; the parser also never
resolves entities and never touches the network.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from pathlib import Path

from lxml import etree

from moksori.errors import MoksoriError

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
NAMESPACES = (PROJECT_NS, CODEBOOK_NS)

_GUID = re.compile(
    r"\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?"
)
_RGB = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
_TRUE = frozenset({"true", "1"})
_FALSE = frozenset({"false", "0"})


class RefiError(MoksoriError):
    """A REFI-QDA file cannot be read or written: malformed, unsafe or of the wrong kind.

    Defined here rather than in errors.py so the interop package stays
    self-contained; it is a MoksoriError, so the CLI prints it as one line.
    """


def qname(tag: str, ns: str = PROJECT_NS) -> str:
    """``{namespace}tag``, the form lxml uses for qualified names."""
    return f"{{{ns}}}{tag}"


def local_name(el: etree._Element) -> str:
    """An element's tag without its namespace (comments and PIs give '')."""
    tag = el.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def namespace(el: etree._Element) -> str | None:
    tag = el.tag
    return etree.QName(tag).namespace if isinstance(tag, str) else None


def normalise_guid(value: str | None) -> str | None:
    """The canonical lower-case 8-4-4-4-12 form, braces removed; None if not a GUID."""
    if value is None:
        return None
    m = _GUID.fullmatch(value.strip())
    if not m or value.strip().startswith("{") != value.strip().endswith("}"):
        return None
    return m.group(1).lower()


def normalise_colour(value: str | None) -> str | None:
    """``#rrggbb`` in lower case from ``#RGB``/``#RRGGBB``; None if absent or not a colour."""
    if value is None:
        return None
    m = _RGB.fullmatch(value.strip())
    if not m:
        return None
    digits = m.group(1).lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def parse_bool(value: str | None) -> bool | None:
    """An ``xsd:boolean`` (true, false, 1, 0); None if absent or anything else."""
    if value is None:
        return None
    v = value.strip().lower()
    return True if v in _TRUE else False if v in _FALSE else None


class _Dtd(Exception):
    pass


class _Root(Exception):
    pass


def _refuse_dtd(data: bytes, what: str) -> None:
    """Raise if the prolog declares a DOCTYPE; stops at the root element, so it is cheap."""

    def on_doctype(*_: object) -> None:
        raise _Dtd

    def on_root(*_: object) -> None:
        raise _Root

    p = xml.parsers.expat.ParserCreate()
    p.StartDoctypeDeclHandler = on_doctype
    p.StartElementHandler = on_root
    try:
        p.Parse(data, True)
    except _Dtd:
        raise RefiError(
            f"{what} declares a DTD or entities, which REFI-QDA never uses "
            "(possible XML entity attack); refused"
        ) from None
    except (_Root, xml.parsers.expat.ExpatError):
        return  # fine so far, or malformed: lxml reports that below


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, what: str) -> etree._Element:
    """Parse untrusted REFI-QDA XML; ``what`` names the file in errors (e.g. 'codebook.qdc')."""
    if not data.strip():
        raise RefiError(f"{what} is empty")
    _refuse_dtd(data, what)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line = f" at line {exc.lineno}" if getattr(exc, "lineno", None) else ""
        raise RefiError(f"{what} is not well-formed XML{line}") from None
    except (ValueError, RecursionError):
        raise RefiError(f"{what} is not well-formed XML") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:  # belt and braces
        raise RefiError(f"{what} declares a DTD, which REFI-QDA never uses; refused")
    return root


def to_bytes(root: etree._Element) -> bytes:
    """UTF-8 XML with a declaration and no BOM, as the standard asks."""
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False, pretty_print=True)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + bytes(body)


def load_schema(path: Path) -> etree.XMLSchema:
    """Compile an XSD (e.g. Codebook.xsd) from a given path, offline."""
    if not path.is_file():
        raise RefiError(f"schema {path.name} not found")
    try:
        doc = etree.parse(str(path), _parser())
        return etree.XMLSchema(doc)
    except (etree.XMLSyntaxError, etree.XMLSchemaParseError) as exc:
        raise RefiError(
            f"schema {path.name} cannot be compiled ({exc.__class__.__name__})"
        ) from None


def schema_problems(root: etree._Element, schema: etree.XMLSchema) -> list[str]:
    """Every schema violation as 'line N, XPATH: message'; empty when the document is valid."""
    if schema.validate(root):
        return []
    tree = root.getroottree()
    out = []
    for e in schema.error_log:
        found = tree.xpath(e.path) if e.path else []
        where = readable_path(found[0]) if found and isinstance(found, list) else e.path
        out.append(f"line {e.line}, {where}: {e.message}")
    return out


def readable_path(el: etree._Element) -> str:
    """An XPath by local names, e.g. /CodeBook/Codes/Code[2]/Code[1] (lxml gives /*/*/*[2])."""
    steps: list[str] = []
    node: etree._Element | None = el
    while node is not None:
        parent = node.getparent()
        step = local_name(node)
        if parent is not None:
            same = [s for s in parent if s.tag == node.tag]
            step += f"[{same.index(node) + 1}]" if len(same) > 1 else ""
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps))
