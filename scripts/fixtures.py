"""Generate binary ingest test fixtures as bytes (no side effects on import).

Binary fixtures are built at test time instead of being committed, so the
tests show exactly what is inside each file and no real document (with real
people in it) can slip into the repository. All text is fictional.

    python scripts/fixtures.py OUTDIR   # write a sample set for manual testing
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

# --------------------------------------------------------------------------- docx

_XXE_DOCUMENT = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""

_BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"
 xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">
<hp:p><hp:run><hp:t>&lol9;</hp:t></hp:run></hp:p></hs:sec>"""


def make_docx(paragraphs: list[str], title: str | None = None, author: str | None = None) -> bytes:
    """A Word document with one paragraph per item (python-docx's default template)."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    props = document.core_properties
    props.title = title or ""
    props.author = author or ""
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _replace_members(package: bytes, replacements: Mapping[str, bytes]) -> bytes:
    """Copy a zip, swapping the content of the named members."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = replacements.get(info.filename, src.read(info))
            dst.writestr(info.filename, data, compress_type=info.compress_type)
    return out.getvalue()


def make_xxe_docx() -> bytes:
    """A docx whose main part declares an external entity pointing at /etc/passwd."""
    return _replace_members(make_docx(["placeholder"]), {"word/document.xml": _XXE_DOCUMENT})


def make_zip_bomb_docx(expanded_mib: int = 64) -> bytes:
    """A docx carrying a member of zeros that deflates about 1000:1."""
    out = io.BytesIO(make_docx(["작은 문서"]))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("word/media/padding.bin", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(expanded_mib):
                member.write(chunk)
    return out.getvalue()


# --------------------------------------------------------------------------- hwpx


def make_hwpx(paragraphs: list[str], title: str | None = None) -> bytes:
    """An HWPX package written by python-hwpx, with the title set in content.hpf."""
    from hwpx import HwpxDocument

    document = HwpxDocument.new()
    for text in paragraphs:
        document.add_paragraph(text)
    package = document.to_bytes()
    if title is None:
        return package
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        hpf = zf.read("Contents/content.hpf").decode("utf-8")
    escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    hpf = hpf.replace("<opf:title/>", f"<opf:title>{escaped}</opf:title>", 1)
    return _replace_members(package, {"Contents/content.hpf": hpf.encode("utf-8")})


def make_billion_laughs_hwpx() -> bytes:
    """An HWPX whose section XML defines nested entities (the billion laughs)."""
    return _replace_members(make_hwpx(["placeholder"]), {"Contents/section0.xml": _BILLION_LAUGHS})


# --------------------------------------------------------------------------- pdf

_KOREAN_FONT = "HYSMyeongJo-Medium"


def make_pdf(
    pages: list[str],
    title: str | None = None,
    *,
    user_password: str | None = None,
    owner_password: str | None = None,
) -> bytes:
    """A PDF with one page per item, drawn in a built-in Korean CID font.

    The CID font needs no font file and pypdf extracts Hangul from it intact.
    Lines are drawn as given (split on newlines), without wrapping. With a
    password the PDF is encrypted (an empty user password with an owner
    password gives the common "restrictions only" PDF that opens without one).
    """
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(_KOREAN_FONT))
    buf = io.BytesIO()
    encrypt = None
    if user_password is not None or owner_password is not None:
        encrypt = StandardEncryption(user_password or "", ownerPassword=owner_password)
    pdf = canvas.Canvas(buf, invariant=True, encrypt=encrypt)
    if title:
        pdf.setTitle(title)
    for text in pages:
        pdf.setFont(_KOREAN_FONT, 11)
        y = 760.0
        for line in text.split("\n"):
            pdf.drawString(56, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def make_pdf_without_text() -> bytes:
    """A one-page PDF with only vector drawing, like a scan with no text layer."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, invariant=True)
    pdf.rect(72, 500, 300, 200, fill=1)
    pdf.line(72, 480, 372, 480)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- hwp


def make_hwp(paragraphs: list[str], encrypted: bool = False) -> bytes:
    """A minimal HWP 5.0 document: FileHeader, DocInfo, BodyText/Section0, summary.

    "\\t" in a paragraph becomes HWP's 8-unit inline tab control and "\\n" a
    line-break control, so readers are exercised on both kinds of control.
    ``encrypted`` sets the password flag (the body is left readable; a reader
    must refuse on the flag alone).
    """
    flags = 0x1 | (0x2 if encrypted else 0)  # compressed, password
    version = (5 << 24) | (0 << 16) | (3 << 8) | 0  # 5.0.3.0
    header = struct.pack("<32sII", b"HWP Document File", version, flags).ljust(256, b"\0")
    # HWPTAG_DOCUMENT_PROPERTIES: section count, start numbers, caret position.
    doc_props = struct.pack("<7H3I", 1, 1, 1, 1, 1, 1, 1, 0, 0, 0)
    docinfo = _record(16, 0, doc_props)
    section = b"".join(
        _paragraph(text, last=i == len(paragraphs) - 1) for i, text in enumerate(paragraphs)
    )
    streams = {
        "FileHeader": header,
        "DocInfo": _deflate(docinfo),
        "BodyText/Section0": _deflate(section),
        "\x05HwpSummaryInformation": _property_set(
            {2: "면담 기록", 4: "연구자", 12: datetime(2019, 3, 14, 10, 30)}
        ),
    }
    return build_cfb(streams)


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _record(tag: int, level: int, payload: bytes) -> bytes:
    """One HWP record: 10-bit tag, 10-bit level, 12-bit size (0xFFF = size follows)."""
    if len(payload) < 0xFFF:
        return struct.pack("<I", tag | level << 10 | len(payload) << 20) + payload
    return struct.pack("<II", tag | level << 10 | 0xFFF << 20, len(payload)) + payload


def _paragraph(text: str, last: bool) -> bytes:
    units = bytearray()
    for ch in text:
        if ch == "\t":  # inline control: code, 12 bytes of parameters, code
            units += struct.pack("<H", 9) + bytes(12) + struct.pack("<H", 9)
        elif ch == "\n":
            units += struct.pack("<H", 10)
        else:
            units += ch.encode("utf-16-le")
    units += struct.pack("<H", 13)  # paragraph end
    count = len(units) // 2 | (0x80000000 if last else 0)
    # HWPTAG_PARA_HEADER: chars, control mask, para shape, style, break, counts, id, merge
    para_header = struct.pack("<IIHBBHHHIH", count, 0, 0, 0, 0, 1, 0, 0, 0, 0)
    char_shape = struct.pack("<II", 0, 0)
    return _record(66, 0, para_header) + _record(67, 1, bytes(units)) + _record(68, 1, char_shape)


def _property_set(values: Mapping[int, str | datetime]) -> bytes:
    """An OLE property set stream with VT_LPWSTR strings and VT_FILETIME dates
    (title=2, author=4, created=12), as in HwpSummaryInformation."""
    fmtid = bytes.fromhex("60B6A29F6110D411B4C6006097C09D8C")  # HwpSummaryInformation
    blob = b""
    offsets: list[tuple[int, int]] = []
    base = 8 + 8 * len(values)
    for pid, value in values.items():
        offsets.append((pid, base + len(blob)))
        if isinstance(value, datetime):
            ticks = (value - datetime(1601, 1, 1)) // timedelta(microseconds=1) * 10
            blob += struct.pack("<IQ", 0x40, ticks) + bytes(4)
        else:
            encoded = (value + "\0").encode("utf-16-le")
            item = struct.pack("<II", 0x1F, len(encoded) // 2) + encoded
            blob += item.ljust((len(item) + 3) // 4 * 4, b"\0")
    index = b"".join(struct.pack("<II", pid, offset) for pid, offset in offsets)
    body = struct.pack("<II", base + len(blob), len(values)) + index + blob
    head = struct.pack("<HHI16sI", 0xFFFE, 0, 0x00020005, bytes(16), 1)
    return head + fmtid + struct.pack("<I", len(head) + 20) + body


# A minimal writer for [MS-CFB] version 3 compound files (olefile cannot write).
# Layout: header, big streams, mini stream, MiniFAT, directory, FAT. Streams under
# 4096 bytes live in the mini stream, as the format requires. Sibling trees are
# balanced but all black: readers only need them to be valid search trees.
_SECTOR = 512
_MINI = 64
_CUTOFF = 4096
_END, _FREE, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
_ROOT, _STORAGE, _STREAM = 5, 1, 2


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    start: int = _END
    children: list[int] = field(default_factory=list)
    left: int = _NOSTREAM
    right: int = _NOSTREAM
    child: int = _NOSTREAM


def build_cfb(streams: Mapping[str, bytes]) -> bytes:
    """A compound file holding ``streams`` (paths like "BodyText/Section0")."""
    entries = [_Entry("Root Entry", _ROOT)]
    storages = {"": 0}
    for path, data in streams.items():
        *folders, name = path.split("/")
        parent = ""
        for folder in folders:
            key = f"{parent}/{folder}"
            if key not in storages:
                storages[key] = len(entries)
                entries[storages[parent]].children.append(len(entries))
                entries.append(_Entry(folder, _STORAGE, start=0))
            parent = key
        entries[storages[parent]].children.append(len(entries))
        entries.append(_Entry(name, _STREAM, data))

    sectors: list[bytes] = []
    fat: list[int] = []

    def place(payload: bytes) -> int:
        """Append ``payload`` as a chain of regular sectors; return its first sector."""
        if not payload:
            return _END
        first = len(sectors)
        count = (len(payload) + _SECTOR - 1) // _SECTOR
        for i in range(count):
            sectors.append(payload[i * _SECTOR : (i + 1) * _SECTOR].ljust(_SECTOR, b"\0"))
            fat.append(first + i + 1 if i < count - 1 else _END)
        return first

    mini = bytearray()
    minifat: list[int] = []
    for entry in entries:
        if entry.kind != _STREAM or not entry.data:
            continue
        if len(entry.data) >= _CUTOFF:
            entry.start = place(entry.data)
            continue
        entry.start = len(mini) // _MINI
        count = (len(entry.data) + _MINI - 1) // _MINI
        minifat += [entry.start + i + 1 for i in range(count - 1)] + [_END]
        mini += entry.data.ljust(count * _MINI, b"\0")
    entries[0].data = bytes(mini)
    entries[0].start = place(entries[0].data)
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat)
    minifat_start = place(minifat_bytes)

    for entry in entries:
        entry.child = _link_balanced(entries, entry.children)
    directory = b"".join(_dirent(entry) for entry in entries)
    dir_start = place(directory + bytes(-len(directory) % _SECTOR))

    per_sector = _SECTOR // 4
    n_fat = 1
    while len(sectors) + n_fat > n_fat * per_sector:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("fixture too large for a header-only DIFAT")
    fat_start = len(sectors)
    fat += [_FATSECT] * n_fat
    fat += [_FREE] * (n_fat * per_sector - len(fat))
    sectors.append(struct.pack(f"<{len(fat)}I", *fat))
    difat = [fat_start + i for i in range(n_fat)] + [_FREE] * (109 - n_fat)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        bytes(16),  # clsid
        0x3E,  # minor version
        3,  # major version: 512-byte sectors
        0xFFFE,  # little-endian
        9,  # sector shift
        6,  # mini sector shift
        bytes(6),
        0,  # directory sectors (always 0 in version 3)
        n_fat,
        dir_start,
        0,  # transaction signature
        _CUTOFF,
        minifat_start,
        (len(minifat_bytes) + _SECTOR - 1) // _SECTOR,
        _END,  # no DIFAT sectors
        0,
        *difat,
    )
    return header + b"".join(sectors)


def _link_balanced(entries: list[_Entry], ids: list[int]) -> int:
    """Link ``ids`` as a balanced search tree in CFB order; return the root id."""
    # CFB sibling order: shorter names first, then by upper-cased name.
    ordered = sorted(ids, key=lambda i: (len(entries[i].name), entries[i].name.upper()))

    def build(lo: int, hi: int) -> int:
        if lo >= hi:
            return _NOSTREAM
        mid = (lo + hi) // 2
        node = entries[ordered[mid]]
        node.left, node.right = build(lo, mid), build(mid + 1, hi)
        return ordered[mid]

    return build(0, len(ordered))


def _dirent(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\0\0"
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        entry.kind,
        1,  # black
        entry.left,
        entry.right,
        entry.child,
        bytes(16),  # clsid
        0,  # state bits
        0,  # created
        0,  # modified
        entry.start,
        len(entry.data) if entry.kind != _STORAGE else 0,
    )


# --------------------------------------------------------------------------- corrupt


def make_corrupt(kind: str) -> bytes:
    """Broken files of one kind: "docx", "pdf", "hwpx" or "hwp"."""
    if kind == "docx":
        whole = make_docx(["이 문서는 잘려 있습니다."] * 20)
        return whole[: len(whole) // 2]  # truncated: no central directory
    if kind == "pdf":
        return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n" + bytes(range(256)) * 4
    if kind == "hwpx":
        broken = '<?xml version="1.0"?><hs:sec xmlns:hs="x"><hp:p><hp:t>끊긴'.encode()
        return _replace_members(make_hwpx(["placeholder"]), {"Contents/section0.xml": broken})
    if kind == "hwp":
        whole = make_hwp(["손상된 문서"])
        return whole[:600]
    raise ValueError(f"unknown kind {kind!r}")


# --------------------------------------------------------------------------- cli

SAMPLE_KO = [
    "면담자: 언제 처음 국경을 건너셨어요?",
    "박순영: 2011년 겨울이었어요. 강이 얼어 있었습니다.",
]


def main(argv: list[str] | None = None) -> int:
    """Write a sample fixture set into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python scripts/fixtures.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "interview.docx": make_docx(SAMPLE_KO, title="면담 1", author="연구팀"),
        "interview.hwpx": make_hwpx(SAMPLE_KO, title="면담 2"),
        "interview.hwp": make_hwp(SAMPLE_KO),
        "interview.pdf": make_pdf(["\n".join(SAMPLE_KO)], title="면담 3"),
        "scanned.pdf": make_pdf_without_text(),
        "protected.hwp": make_hwp(SAMPLE_KO, encrypted=True),
        "bomb.docx": make_zip_bomb_docx(),
        "xxe.docx": make_xxe_docx(),
        "laughs.hwpx": make_billion_laughs_hwpx(),
        **{f"corrupt.{kind}": make_corrupt(kind) for kind in ("docx", "pdf", "hwpx", "hwp")},
    }
    for name, data in files.items():
        (out / name).write_bytes(data)
    print(f"wrote {len(files)} files to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
