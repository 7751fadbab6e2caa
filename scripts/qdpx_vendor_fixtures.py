"""Write ``.qdpx`` packages in each producer's position convention (fictional text only).

Each package holds social-media-style comments full of what shifts positions:
emoji (astral, two UTF-16 units), an astral hanja, ZWJ sequences, flags,
variation selectors, a zero-width space, NFD Korean, a BOM and CRLF line ends,
each written the way that producer writes it, with positions counted the way
it counts them (see src/moksori/interop/positions.py for the sources):

- nvivo-win: UTF-16 code units, BOM written but not counted, CRLF (two units);
- nvivo-mac: UTF-16 code units, BOM not counted, LF, Korean in NFD;
- atlas: code points, CRLF counted as one, inner XML named after the project;
- maxqda: code points, CRLF counted as one;
- qualcoder: code points, BOM written but not counted, LF;
- anonymous: no origin at all, UTF-16 units (only the word-boundary check can tell).

Every package also carries a source variable ("platform") and a Description on
each source, and one annotation (a note on a range, no code) written the
producer's way: QualCoder a Note holding its own PlainTextSelection, NVivo an
uncoded selection with a NoteRef, the others an uncoded selection with a
Description.

Next to the packages, ``expected.json`` lists, per package, every selection's
code, source and the words it was meant to cover (as the logical LF/NFC text
has them). Tests import each package and compare; nothing is recorded from an
import. Deterministic: the same bytes on every run.

    python scripts/qdpx_vendor_fixtures.py [OUTDIR]   # default tests/interop/data/vendors
"""

from __future__ import annotations

import json
import sys
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

NS = "urn:QDA-XML:project:1.0"
BOM = "\ufeff"
ZWJ, ZWSP, VS16 = "\u200d", "\u200b", "\ufe0f"
FAMILY = f"👨{ZWJ}👩{ZWJ}👧"
HANJA = "\U00021a38"  # an astral (CJK Extension B) hanja
PLATFORMS = ["YouTube", "네이버 카페", "X"]
OUT = Path(__file__).resolve().parents[1] / "tests" / "interop" / "data" / "vendors"
_TIME = (2024, 1, 1, 0, 0, 0)

# Comments: (author, text); words in [brackets] are coded (code name after '|').
COMMENTS = [
    ("민지", "오늘 [두만강|route] 건넌 얘기 들었어요 😢😢 [정말 마음이 아파요|feeling] 🙏"),
    ("jay_k", "So [brave|feeling] 💪🏽 my grandma crossed in 1998 🇰🇷 and [never talked|silence]"),
    (
        "하늘",
        f"우리 가족 [{FAMILY}|family] 도 [압록강|route] 근처에서 왔어요 ❤{VS16} "
        "[고향|home] 생각나네요",
    ),
    ("leeSH", f"[{HANJA}字|home] 이름 쓰는 [할머니|family] 😊 [함경도|home] 출신이세요"),
    ("anon", f"[배고픔|feeling]{ZWSP}이 제일 무서웠대요 🍚🍚🍚 [옥수수죽{ZWSP}만|food] 먹고"),
    ("mina", "[Hyesan|home] 🏔️ winters 🥶🥶 were [the worst|feeling] she said"),
    ("박", f"👩{ZWJ}👧 엄마랑 딸 둘이서 [중국|route] 거쳐 [태국|route]까지 🚌🚌"),
    ("tom", "📚📚 reading her [memoir|silence] now, the part about [hunger|food] 😭"),
    ("은혜", "[브로커|route] 비용이 😰 너무 비쌌다고 [아버지|family]가 그러셨어요"),
    ("kr_news", "🇰🇷🇨🇳 [border|route] 📍 story: [families|family] split for 20 years"),
    ("소연", "저도 [탈북|route] 했어요 [🙋‍♀️|feeling] [말하기|silence] 어려운 기억이에요"),
    ("zz", "🔥🔥🔥 [respect|feeling] to all of them 🫶 [home|home] is where they are"),
]


@dataclass(frozen=True)
class Convention:
    name: str
    origin: str | None
    utf16: bool
    bom_written: bool
    bom_counted: bool
    crlf: bool
    crlf_one: bool
    nfd: bool = False
    qde_name: str = "project.qde"


CONVENTIONS = [
    Convention("nvivo-win", "NVivo 12 (Windows) 12.6", True, True, False, True, False),
    Convention("nvivo-mac", "NVivo 12 for Mac 12.7", True, True, False, False, False, nfd=True),
    Convention("atlas", "ATLAS.ti 23.2", False, False, False, True, True, qde_name="Comments.qde"),
    Convention("maxqda", "MAXQDA 2022 (Release 22.7)", False, False, False, True, True),
    Convention("qualcoder", "QualCoder 3.5", False, True, False, False, False),
    Convention("anonymous", None, True, False, False, False, False),
]


def _parse(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text of a bracketed comment, and its (start, end, code) spans in code points."""
    out, spans, i = [], [], 0
    while i < len(line):
        if line[i] == "[":
            close = line.index("]", i)
            words, code = line[i + 1 : close].split("|")
            start = sum(map(len, out))
            out.append(words)
            spans.append((start, start + len(words), code))
            i = close + 1
        else:
            out.append(line[i])
            i += 1
    return "".join(out), spans


def _written(text: str, c: Convention) -> str:
    """Text as the producer writes it (NFD, CRLF), without the BOM."""
    text = unicodedata.normalize("NFD", text) if c.nfd else text
    return text.replace("\n", "\r\n") if c.crlf else text


def _position(prefix: str, c: Convention) -> int:
    """How the producer counts the logical text before a position."""
    counted = _written(prefix, c)
    if c.crlf_one:
        counted = counted.replace("\r\n", "\n")
    n = len(counted.encode("utf-16-le")) // 2 if c.utf16 else len(counted)
    return n + (1 if c.bom_written and c.bom_counted else 0)


def _documents() -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """Three documents of four comments each: (name, logical text, spans)."""
    docs = []
    for d in range(3):
        lines, spans = [], []
        offset = 0
        for author, comment in COMMENTS[d * 4 : d * 4 + 4]:
            head = f"@{author}: "
            text, marks = _parse(comment)
            spans += [(offset + len(head) + a, offset + len(head) + b, k) for a, b, k in marks]
            line = head + text + "\n"
            lines.append(line)
            offset += len(line)
        docs.append((f"comments/thread-{d + 1}.txt", "".join(lines), spans))
    return docs


def build(c: Convention, out: Path) -> dict[str, object]:
    """Write one package; return what an importer must find in it."""
    ns = uuid.uuid5(uuid.NAMESPACE_URL, f"moksori-vendor-fixture:{c.name}")
    n = iter(range(10**6))

    def guid() -> str:
        return str(uuid.uuid5(ns, str(next(n)))).upper()

    def q(tag: str) -> str:
        return f"{{{NS}}}{tag}"

    root = etree.Element(q("Project"), nsmap={None: NS}, name=f"Comments {c.name}")
    if c.origin:
        root.set("origin", c.origin)
    users = etree.SubElement(root, q("Users"))
    user = guid()
    etree.SubElement(users, q("User"), guid=user, name="연구자 Han")
    codes_el = etree.SubElement(etree.SubElement(root, q("CodeBook")), q("Codes"))
    platform = guid()
    code_names = sorted({k for _, comment in COMMENTS for k in _codes(comment)})
    codes = {}
    for name in code_names:
        codes[name] = guid()
        etree.SubElement(codes_el, q("Code"), guid=codes[name], name=name, isCodable="true")
    variables = etree.SubElement(root, q("Variables"))
    etree.SubElement(
        variables, q("Variable"), guid=platform, name="platform", typeOfVariable="Text"
    )
    sources = etree.SubElement(root, q("Sources"))
    files: dict[str, bytes] = {}
    quotes = []
    attributes: dict[str, dict[str, str]] = {}
    annotation: dict[str, str] = {}
    note_el = None
    for d, (name, text, spans) in enumerate(_documents()):
        g = guid()
        el = etree.SubElement(
            sources, q("TextSource"), guid=g, name=name, plainTextPath=f"internal://{g}.txt"
        )
        desc = f"Thread {d + 1} of a public post, comments kept as written"
        etree.SubElement(el, q("Description")).text = desc
        attributes[name] = {"platform": PLATFORMS[d], "description": desc}
        body = (BOM if c.bom_written else "") + _written(text, c)
        files[f"sources/{g}.txt"] = body.encode()
        for a, b, code in spans:
            sel = etree.SubElement(
                el,
                q("PlainTextSelection"),
                guid=guid(),
                startPosition=str(_position(text[:a], c)),
                endPosition=str(_position(text[:b], c)),
                creatingUser=user,
            )
            coding = etree.SubElement(sel, q("Coding"), guid=guid(), creatingUser=user)
            etree.SubElement(coding, q("CodeRef"), targetGUID=codes[code])
            quotes.append({"code": code, "source": name, "text": text[a:b]})
        if d == 0:  # one annotation on the first comment's feeling span
            a, b, _ = spans[1]
            start, end = str(_position(text[:a], c)), str(_position(text[:b], c))
            note = "She says this twice in the interview too"
            annotation = {"source": name, "text": text[a:b], "note": note}
            if c.name == "qualcoder":
                note_g = guid()
                note_el = etree.Element(q("Note"), guid=note_g, creatingUser=user)
                etree.SubElement(note_el, q("PlainTextContent")).text = note
                etree.SubElement(
                    note_el,
                    q("PlainTextSelection"),
                    guid=guid(),
                    startPosition=start,
                    endPosition=end,
                )
                etree.SubElement(el, q("NoteRef"), targetGUID=note_g)
            else:
                sel = etree.Element(
                    q("PlainTextSelection"), guid=guid(), startPosition=start, endPosition=end
                )
                el.find(q("PlainTextSelection")).addprevious(sel)
                if c.name.startswith("nvivo"):
                    note_g = guid()
                    note_el = etree.Element(q("Note"), guid=note_g, creatingUser=user)
                    etree.SubElement(note_el, q("PlainTextContent")).text = note
                    etree.SubElement(sel, q("NoteRef"), targetGUID=note_g)
                else:
                    etree.SubElement(sel, q("Description")).text = note
        vv = etree.SubElement(el, q("VariableValue"))
        etree.SubElement(vv, q("VariableRef"), targetGUID=platform)
        etree.SubElement(vv, q("TextValue")).text = PLATFORMS[d]
    if note_el is not None:
        etree.SubElement(root, q("Notes")).append(note_el)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    path = out / f"{c.name}.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, data in [(c.qde_name, xml), *sorted(files.items())]:
            info = zipfile.ZipInfo(member, date_time=_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return {
        "file": path.name,
        "utf16": c.utf16,
        "quotes": quotes,
        "attributes": attributes,
        "annotation": annotation,
    }


def _codes(comment: str) -> list[str]:
    return [span[2] for span in _parse(comment)[1]]


def main(out: Path = OUT) -> dict[str, object]:
    out.mkdir(parents=True, exist_ok=True)
    expected = {c.name: build(c, out) for c in CONVENTIONS}
    text = json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (out / "expected.json").write_text(text, encoding="utf-8")
    return expected


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    for name, fx in main(folder).items():
        quotes = fx["quotes"]
        assert isinstance(quotes, list)
        print(f"{name}: {len(quotes)} selections")
