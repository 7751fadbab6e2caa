"""Hardened XML parsing for parts of untrusted packages.

Office and HWPX parts never need a DTD, so any DOCTYPE is refused outright:
that stops billion-laughs expansion and external entities (which could read
local files) before either can happen.
"""

from __future__ import annotations

import zipfile
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from moksori.errors import CorruptFile, UnsafeFile
from moksori.ingest.limits import Limits, read_member

_XML_SUFFIXES = (".xml", ".rels", ".hpf", ".rdf")


def parse_xml(data: bytes, source: str, part: str) -> Element:
    """Parse one XML part; UnsafeFile for DTDs/entities, CorruptFile for bad XML."""
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise UnsafeFile(
            source, f"part {part!r} declares a DTD or entities (possible XML entity attack)"
        ) from None
    except (ParseError, ValueError, RecursionError):
        raise CorruptFile(source, f"part {part!r} is not well-formed XML") from None


def looks_like_xml(name: str, head: bytes) -> bool:
    """Whether a package member is XML, by name or by its first bytes."""
    if name.lower().endswith(_XML_SUFFIXES):
        return True
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<", b"\xff\xfe<", b"\xfe\xff\x00<"))


def check_xml_parts(zf: zipfile.ZipFile, source: str, limits: Limits) -> None:
    """Parse every XML member once with the hardened parser before anyone else reads it.

    Libraries such as python-docx parse parts themselves; this check makes sure
    none of those parts carries a DTD.
    """
    for info in zf.infolist():
        if info.is_dir():
            continue
        data = read_member(zf, info.filename, limits)
        if looks_like_xml(info.filename, data[:64]):
            parse_xml(data, source, info.filename)
