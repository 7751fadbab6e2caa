"""Read a ``.qdpx`` package safely, and carry positions onto moksori's stored text.

Everything in the package is untrusted: the ZIP is read in memory (never
extracted), its declared and actual sizes are capped so a ZIP bomb stops
early, and the XML goes through the hardened parser in :mod:`refi`.

Other tools write sources with a BOM, CRLF line ends or NFD Korean; moksori
stores NFC/LF text without a leading BOM (invisible characters inside the text
are kept). :func:`canonical` builds the stored text together with a position
map, so a selection keeps covering the same words after the text is normalised.

Position conventions differ by producer (UTF-16 units or code points, BOM
counted or not, CRLF as one or two): :mod:`positions` picks the reading, and
each source's :class:`PositionMap` turns a file position into a code point of
the text without its BOM, which the :class:`MappedText` carries onto stored text.

Where a text is: ``internal://`` under ``sources/``; ``relative://`` is looked
up inside the package (never on disk) and skipped with its reason when absent;
``absolute://`` is never read, since it points outside the package.
"""

from __future__ import annotations

import zipfile
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from lxml import etree

from moksori.errors import IngestError
from moksori.ingest.model import IngestedFile
from moksori.interop.canonical_text import MappedText, beyond_nfc, canonical
from moksori.interop.positions import (
    BOM,
    PositionMap,
    Reading,
    best_reading,
    candidates,
    on_boundary,
    reading_for,
)
from moksori.interop.refi import RefiError, local_name, normalise_guid, parse_xml, readable_path
from moksori.store.ids import new_guid

# Caps against ZIP bombs; module constants so tests can lower them.
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_RATIO = 200  # uncompressed / compressed, checked for members over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
SOURCE_DIRS = ("sources",)  # compared case-insensitively: Sources/ or sources/


@dataclass
class Package:
    """The inner XML (parsed) and the raw bytes of every member under ``sources/``."""

    qde_name: str
    root: etree._Element
    sources: dict[str, bytes]  # lower-cased file name inside sources/ -> bytes
    others: dict[str, bytes] = field(default_factory=dict)  # relative:// targets, lower-cased

    def source(self, name: str) -> bytes | None:
        return self.sources.get(name.lower())

    def relative(self, target: str) -> bytes | None:
        """A ``relative://`` text, looked up inside the package only (``..`` never escapes)."""
        key = _member_key(target)
        if key is None:
            return None
        found = self.others.get(key)
        head, _, rest = key.partition("/")
        return found if found is not None else self.source(rest if head in SOURCE_DIRS else key)


def _member_key(target: str) -> str | None:
    parts = [p for p in unquote(target).replace("\\", "/").split("/") if p not in ("", ".")]
    return None if not parts or ".." in parts else "/".join(parts).lower()


def read_package(path: Path) -> Package:
    """Open a ``.qdpx`` in memory; refuses non-ZIPs, bombs and packages without one .qde."""
    path = Path(path)
    if not path.is_file():
        raise RefiError(f"no file at {path.name}")
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise RefiError(f"{path.name} is not a .qdpx package (not a ZIP file)") from None
    with z:
        infos = [i for i in z.infolist() if not i.is_dir()]
        _check_sizes(path.name, infos)
        qdes = [i for i in infos if "/" not in i.filename and i.filename.lower().endswith(".qde")]
        if not qdes:
            raise RefiError(f"{path.name} holds no project XML (.qde) at its top level")
        if len(qdes) > 1:
            named = [i for i in qdes if i.filename.lower() == "project.qde"]
            if len(named) != 1:
                raise RefiError(f"{path.name} holds {len(qdes)} project XML files; expected one")
            qdes = named
        budget = [MAX_TOTAL_BYTES]
        qde = qdes[0]
        root = parse_xml(_read(z, qde, budget), qde.filename)
        wanted = {
            key
            for el in root.iter()
            if isinstance(el.tag, str)
            and (el.get("plainTextPath") or "").startswith("relative://")
            and (key := _member_key(el.get("plainTextPath", "")[11:])) is not None
        }
        sources: dict[str, bytes] = {}
        others: dict[str, bytes] = {}
        for info in infos:
            parts = PurePosixPath(info.filename).parts
            if len(parts) == 2 and parts[0].lower() in SOURCE_DIRS:
                sources[parts[1].lower()] = _read(z, info, budget)
            elif info.filename.lower() in wanted:
                others[info.filename.lower()] = _read(z, info, budget)
    return Package(qde.filename, root, sources, others)


def _check_sizes(name: str, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise RefiError(
            f"{name} would unpack to {total / 1e6:.0f} MB, over the "
            f"{MAX_TOTAL_BYTES / 1e6:.0f} MB limit (possible ZIP bomb); refused"
        )
    for i in infos:
        if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise RefiError(
                f"{name}: a member compresses {i.file_size // max(i.compress_size, 1)}:1, "
                "far beyond any real text (possible ZIP bomb); refused"
            )


def _read(z: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> bytes:
    """A member's bytes, never more than its declared size or what is left of the cap."""
    limit = min(info.file_size, budget[0])
    try:
        with z.open(info) as f:
            data = f.read(limit + 1)
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError):
        raise RefiError(f"member {info.filename} of the package cannot be read") from None
    if len(data) > limit:
        raise RefiError(
            f"member {info.filename} unpacks to more than it declares or the size cap "
            "(possible ZIP bomb); refused"
        )
    budget[0] -= len(data)
    return data


def decode_source(data: bytes, what: str) -> str:
    """Text of a plain-text source: UTF-8 as the standard says (a BOM is kept, then mapped)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise RefiError(f"{what} is not UTF-8 text, as REFI-QDA requires") from None


def children(el: etree._Element, name: str) -> list[etree._Element]:
    """Direct children with this local name, whatever their namespace."""
    return [c for c in el if local_name(c) == name]


def child(el: etree._Element, name: str) -> etree._Element | None:
    found = children(el, name)
    return found[0] if found else None


def text_of(el: etree._Element | None) -> str:
    return "" if el is None else (el.text or "")


# --- the project file, checked before anything is written ---------------------------
NON_TEXT_SOURCES = ("PDFSource", "PictureSource", "AudioSource", "VideoSource")


@dataclass
class TextSourceIn:
    """A TextSource of the file: its element, raw bytes and the map onto stored text."""

    guid: str
    el: etree._Element
    mapped: MappedText
    raw: bytes
    name: str
    text: str = ""  # the decoded file, BOM included
    positions: PositionMap | None = None  # file positions -> code points (see positions)
    doc_id: int = 0
    ingested: IngestedFile | IngestError | Future[Any] | None = None  # see TextIngester

    def ingest_result(self) -> IngestedFile | IngestError | None:
        """The ingest pipeline's result for this text (waits for a worker process)."""
        out = self.ingested
        return out.result() if isinstance(out, Future) else out

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A selection's file positions as a range of the stored text."""
        assert self.positions is not None
        s, e, _ = self.positions.span(start, end)
        return self.mapped.span(s, e)

    @property
    def reading(self) -> str:
        assert self.positions is not None
        return self.positions.reading.describe()

    @property
    def length(self) -> int:
        """The source's length in the units its positions count."""
        assert self.positions is not None
        return self.positions.length

    @property
    def file_name(self) -> str:
        return self.name if self.name.lower().endswith(".txt") else f"{self.name}.txt"


def check_guids(root: etree._Element, report: Any) -> dict[str, etree._Element]:
    """Every element with an identity, by canonical GUID; a repeated GUID is an error."""
    out: dict[str, etree._Element] = {}
    for el in root.iter():
        raw = el.get("guid") if isinstance(el.tag, str) else None
        if raw is None:
            continue
        guid = normalise_guid(raw)
        if guid is None:
            report.warnings.append(f"{readable_path(el)}: guid {raw!r} is not a GUID")
            continue
        if guid in out:
            raise RefiError(f"the GUID {guid} is used twice in the project file; refused")
        out[guid] = el
    return out


def ref_guid(el: etree._Element, attr: str = "targetGUID") -> str | None:
    return normalise_guid(el.get(attr))


SKIP_OUTSIDE = "TextSource: points outside the package"
SKIP_RELATIVE = "TextSource: relative path not in the package"
SKIP_NO_TEXT = "TextSource without readable text"


def content(pkg: Package, el: etree._Element, what: str) -> bytes | None:
    """A text's bytes: PlainTextContent, or plainTextPath inside the package; None if neither."""
    inline = child(el, "PlainTextContent")
    if inline is not None:
        return text_of(inline).encode()
    target = el.get("plainTextPath") or ""
    if target.startswith("internal://"):
        data = pkg.source(target[len("internal://") :])
        if data is None:
            raise RefiError(f"{what}: its text {target} is missing from the package")
        return data
    if target.startswith("relative://"):
        return pkg.relative(target[len("relative://") :])
    return None  # absolute:// and anything else: never read from disk


def skip_reason(el: etree._Element) -> str:
    """Why a text source without content was skipped, for the report."""
    target = el.get("plainTextPath") or ""
    if target.startswith("relative://"):
        return SKIP_RELATIVE
    return SKIP_OUTSIDE if target.startswith("absolute://") else SKIP_NO_TEXT


def read_sources(
    pkg: Package, root: etree._Element, report: Any, units: str = "auto"
) -> list[TextSourceIn]:
    """Every readable TextSource, its positions read by the rule that fits (see positions)."""
    out: list[TextSourceIn] = []
    holder = child(root, "Sources")
    for el in holder if holder is not None else []:
        kind = local_name(el)
        if kind in NON_TEXT_SOURCES:  # what it holds is counted by the importer's ledger
            report.skip(kind)
            continue
        if kind != "TextSource":
            continue
        guid = normalise_guid(el.get("guid")) or new_guid()
        what = f"source {guid}"
        data = content(pkg, el, what)
        if data is None:
            reason = skip_reason(el)
            report.skip(reason)
            report.warnings.append(f"{readable_path(el)}: {reason.split(': ')[-1]}; skipped")
            continue
        raw = decode_source(data, what)
        mapped = canonical(raw.removeprefix(BOM))
        name = " ".join((el.get("name") or "").split()) or f"source {len(out) + 1}"
        if changed := beyond_nfc(raw.removeprefix(BOM)):
            report.warnings.append(
                f"{readable_path(el)}: stored text differs from the file beyond NFC and line "
                f"ends: {changed}; selections are carried across"
            )
        out.append(TextSourceIn(guid, el, mapped, data, name, raw))
    first = reading_for(root, pkg.qde_name, units)
    reading, why = first, ""
    if units == "auto":
        others = candidates([s.text for s in out], first)[1:]
        reading, why = best_reading(first, others, lambda r: _fit(out, r))
    for src in out:
        src.positions = PositionMap(src.text, reading)
    if why:
        report.warnings.append(why)
    if hasattr(report, "positions"):
        report.positions = reading.describe()
    return out


def _fit(sources: list[TextSourceIn], reading: Reading) -> tuple[int, int]:
    """(selections whose both edges fall on word boundaries, all selections) under a reading."""
    good = total = 0
    for src in sources:
        pm = PositionMap(src.text, reading)
        lo, hi, text = src.mapped.lo, src.mapped.hi, src.mapped.text
        for sel in children(src.el, "PlainTextSelection"):
            total += 1
            try:
                start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
            except ValueError:
                continue
            if not 0 <= start < end <= pm.length:
                continue
            s, e, split = pm.span(start, end)
            if split or e >= len(lo):
                continue
            a, b = lo[s], hi[e]
            good += a < b and on_boundary(text, a) and on_boundary(text, b)
    return good, total


def check_selections(sources: list[TextSourceIn], guids: dict[str, etree._Element]) -> None:
    """Positions inside their source and CodeRefs to existing codes, before any write."""
    for src in sources:
        length = src.length
        for sel in children(src.el, "PlainTextSelection"):
            gid = normalise_guid(sel.get("guid")) or sel.get("guid") or "?"
            try:
                start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
            except ValueError:
                raise RefiError(f"selection {gid} has no valid start and end position") from None
            if not 0 <= start < end <= length:
                raise RefiError(
                    f"selection {gid} ({start}-{end}) lies outside its source, "
                    f"which has {length} positions counted as {src.reading}; "
                    "another --positions may fit"
                )
            _check_codings(sel, f"selection {gid}", guids)
        _check_codings(src.el, f"source {src.guid}", guids)


def _check_codings(el: etree._Element, what: str, guids: dict[str, etree._Element]) -> None:
    for coding in children(el, "Coding"):
        ref = child(coding, "CodeRef")
        target = ref_guid(ref) if ref is not None else None
        if target is None or local_name(guids.get(target, el)) != "Code":
            raise RefiError(f"{what} refers to a code {target or '(none)'} that is not in the file")


# --- NVivo-style cases ------------------------------------------------------------
CASE_FOLDERS = frozenset({"cases", "case", "사례"})


def case_codes(root: etree._Element) -> tuple[dict[str, str], set[str]]:
    """Codes that stand for cases: code GUID -> case name, and the folders holding them.

    A code is a case when a Case names it with CodeRef (NVivo, QualCoder), or when
    it sits under a top-level code named "Cases" (or "사례"); a non-codable code
    there is a folder. Their codings become case links, not codings.
    """
    out: dict[str, str] = {}
    folders: set[str] = set()
    holder = child(root, "Cases")
    for case in children(holder, "Case") if holder is not None else []:
        for ref in children(case, "CodeRef"):
            if (g := ref_guid(ref)) is not None:
                out[g] = case.get("name") or f"case {normalise_guid(case.get('guid'))}"
    book = child(root, "CodeBook")
    codes = child(book if book is not None else root, "Codes")
    for top in children(codes, "Code") if codes is not None else []:
        if " ".join((top.get("name") or "").split()).casefold() not in CASE_FOLDERS:
            continue
        for el in top.iter():
            g = normalise_guid(el.get("guid")) if local_name(el) == "Code" else None
            if g is None or g in out:
                continue
            if el is top or (el.get("isCodable") or "").strip().lower() in ("false", "0"):
                folders.add(g)
            else:
                out[g] = " ".join((el.get("name") or "").split()) or f"case {g}"
    return out, folders
