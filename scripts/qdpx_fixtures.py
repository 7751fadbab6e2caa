"""Build ``.qdpx`` packages that mimic what other tools write (fictional text only).

Each builder writes one package reproducing vendor quirks listed in
``../shared/refi-qda/NOTES.md`` and returns a :class:`Fixture`: where the file
is and what an importer must find in it (the words every selection quotes,
skipped counts, memos, cases and typed values). Tests compare against this
intent, never against a recorded import. The XML is written here with lxml.

Position conventions, the same ones moksori's importer follows:

- positions count Unicode code points of the source file's text from 0,
  end exclusive; CR and LF are two positions (MAXQDA-style CRLF files);
- a leading BOM counts as position 0 (a tool that counted its file as it
  wrote it), except in QualCoder packages (``Project/@origin`` starts with
  "QualCoder"): QualCoder adds the BOM on export but counts positions on its
  stored text, which has none, so there the BOM is not counted.

    python scripts/qdpx_fixtures.py OUTDIR    # every fixture plus a small large one
"""

from __future__ import annotations

import random
import sys
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

NS = "urn:QDA-XML:project:1.0"
ORDER = ("Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets")
BOM = "\ufeff"
_SEED = uuid.UUID("6d6f6b73-6f72-4900-8000-000000000000")


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@dataclass
class Quote:
    """A selection as intended: its code's path, its source's name and the quoted words."""

    code: str
    source: str
    words: str


@dataclass
class Fixture:
    """A written package and what importing it must give."""

    name: str
    path: Path
    sources: list[str] = field(default_factory=list)  # names of text sources imported
    quotes: list[Quote] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    memos: list[str] = field(default_factory=list)
    # case -> (source name, quoted words or None for the whole source)
    links: dict[str, set[tuple[str, str | None]]] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # case -> variable -> value
    types: dict[str, str] = field(default_factory=dict)  # variable -> REFI-QDA type
    codes: list[str] = field(default_factory=list)  # code paths that must exist
    users: list[str] = field(default_factory=list)


def marked(*parts: str | tuple[str, str]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text from pieces; ``(key, words)`` pieces are remembered as spans (code points)."""
    text, spans = "", {}
    for p in parts:
        if isinstance(p, tuple):
            spans[p[0]] = (len(text), len(text) + len(p[1]))
            p = p[1]
        text += p
    return text, spans


class Builder:
    """A REFI-QDA project being written: sections kept apart, assembled in schema order."""

    def __init__(self, name: str, origin: str, *, braces: bool = False) -> None:
        self.root = etree.Element(_q("Project"), nsmap={None: NS}, name=name, origin=origin)
        self.sections: dict[str, etree._Element] = {}
        self.files: dict[str, bytes] = {}
        self.braces, self.name, self.n = braces, name, 0
        self.paths: dict[str, str] = {}  # code guid -> path
        self.codes: dict[str, etree._Element] = {}  # code guid -> element

    def guid(self) -> str:
        self.n += 1
        return str(uuid.uuid5(_SEED, f"{self.name}/{self.n}"))

    def g(self, guid: str) -> str:
        """A GUID as this vendor writes it (ATLAS.ti: upper case in braces)."""
        return "{" + guid.upper() + "}" if self.braces else guid

    def section(self, tag: str) -> etree._Element:
        if tag not in self.sections:
            self.sections[tag] = etree.Element(_q(tag))
        return self.sections[tag]

    def user(self, name: str) -> str:
        guid = self.guid()
        etree.SubElement(self.section("Users"), _q("User"), guid=self.g(guid), name=name)
        return guid

    def code(
        self, name: str, parent: str | None = None, *, codable: bool = True, desc: str = ""
    ) -> str:
        guid = self.guid()
        if parent is None:
            book = self.section("CodeBook")
            holder = book.find(_q("Codes"))
            holder = etree.SubElement(book, _q("Codes")) if holder is None else holder
        else:
            holder = self.codes[parent]
        el = etree.SubElement(
            holder, _q("Code"), guid=self.g(guid), name=name, isCodable=str(codable).lower()
        )
        if desc:
            etree.SubElement(el, _q("Description")).text = desc
        self.codes[guid] = el
        self.paths[guid] = f"{self.paths[parent]}/{name}" if parent else name
        return guid

    def variable(self, name: str, type_: str) -> str:
        guid = self.guid()
        etree.SubElement(
            self.section("Variables"),
            _q("Variable"),
            guid=self.g(guid),
            name=name,
            typeOfVariable=type_,
        )
        return guid

    def case(
        self,
        name: str,
        *,
        values: Sequence[tuple[str, str, str]] = (),
        code: str | None = None,
        sources: Sequence[str] = (),
        selections: Sequence[str] = (),
    ) -> str:
        """A Case; ``values`` are (variable guid, REFI type, value)."""
        guid = self.guid()
        el = etree.SubElement(self.section("Cases"), _q("Case"), guid=self.g(guid), name=name)
        if code:
            etree.SubElement(el, _q("CodeRef"), targetGUID=self.g(code))
        for var, type_, value in values:
            vv = etree.SubElement(el, _q("VariableValue"))
            etree.SubElement(vv, _q("VariableRef"), targetGUID=self.g(var))
            etree.SubElement(vv, _q(f"{type_}Value")).text = value
        for s in sources:
            etree.SubElement(el, _q("SourceRef"), targetGUID=self.g(s))
        for s in selections:
            etree.SubElement(el, _q("SelectionRef"), targetGUID=self.g(s))
        return guid

    def text(
        self,
        name: str,
        text: str,
        *,
        folder: str = "sources",
        bom: bool = False,
        crlf: bool = False,
        inline: bool = False,
        path: str | None = None,
        tag: str = "TextSource",
        holder: str = "Sources",
    ) -> tuple[str, etree._Element]:
        """A text source (or Note); ``text`` uses LF and is written as the vendor would."""
        guid = self.guid()
        el = etree.SubElement(self.section(holder), _q(tag), guid=self.g(guid), name=name)
        body = text.replace("\n", "\r\n") if crlf else text
        if inline:
            etree.SubElement(el, _q("PlainTextContent")).text = body
        elif path is not None:
            el.set("plainTextPath", path)
        else:
            el.set("plainTextPath", f"internal://{guid}.txt")
            self.files[f"{folder}/{guid}.txt"] = ((BOM if bom else "") + body).encode()
        return guid, el

    def select(
        self,
        src: etree._Element,
        start: int,
        end: int,
        code: str,
        user: str | None = None,
        memo: str = "",
    ) -> str:
        guid = self.guid()
        sel = etree.Element(
            _q("PlainTextSelection"),
            guid=self.g(guid),
            startPosition=str(start),
            endPosition=str(end),
        )
        if memo:
            etree.SubElement(sel, _q("Description")).text = memo
        coding = etree.SubElement(sel, _q("Coding"), guid=self.g(self.guid()))
        if user:
            coding.set("creatingUser", self.g(user))
        etree.SubElement(coding, _q("CodeRef"), targetGUID=self.g(code))
        anchor = src.find(_q("Coding"))  # selections come before source-level codings
        if anchor is None:
            anchor = src.find(_q("NoteRef"))
        if anchor is None:
            src.append(sel)
        else:
            anchor.addprevious(sel)
        return guid

    def code_whole(self, src: etree._Element, code: str) -> None:
        """A Coding directly under the source: the whole source coded (NVivo cases)."""
        coding = etree.SubElement(src, _q("Coding"), guid=self.g(self.guid()))
        etree.SubElement(coding, _q("CodeRef"), targetGUID=self.g(code))

    def note(self, text: str, *, inline: bool = True, desc_only: bool = False) -> str:
        """A Note: inline text, a file under sources/, or (ATLAS.ti) a Description only."""
        if desc_only:
            guid = self.guid()
            el = etree.SubElement(self.section("Notes"), _q("Note"), guid=self.g(guid))
            etree.SubElement(el, _q("Description")).text = text
            return guid
        guid, _ = self.text("", text, inline=inline, tag="Note", holder="Notes")
        return guid

    def note_ref(self, owner: etree._Element, note: str) -> None:
        etree.SubElement(owner, _q("NoteRef"), targetGUID=self.g(note))

    def media(self, kind: str, ext: str) -> None:
        guid = self.guid()
        etree.SubElement(
            self.section("Sources"),
            _q(kind),
            guid=self.g(guid),
            name=f"{kind} {self.n}.{ext}",
            path=f"internal://{guid}.{ext}",
        )
        self.files[f"sources/{guid}.{ext}"] = b"\x00fictional media\x00"

    def write(self, path: Path, qde_name: str = "project.qde") -> Path:
        present = [self.sections[t] for t in ORDER if t in self.sections]
        for i, section in enumerate(present):  # before any project-level NoteRef
            self.root.insert(i, section)
        xml = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(qde_name, xml)
            for name, data in self.files.items():
                z.writestr(name, data)
        return path


# --- one package per quirk ----------------------------------------------------------
def qualcoder(out: Path) -> Fixture:
    """BOM sources counted without it, NVivo-style case codings, inline-only Notes."""
    b = Builder("탈북 면담 QualCoder", "QualCoder 3.5")
    fx = Fixture("qualcoder", out / "qualcoder.qdpx")
    me = b.user("연구자 Kim")
    theme = b.code("경로 Route", codable=False)
    river = b.code("강 River", theme)
    folder = b.code("Cases", codable=False)
    p01, p02 = b.code("P01", folder), b.code("P02", folder)
    t1, s1 = marked(
        "면담자: 언제 떠나셨어요?\n박영희: ",
        ("river", "두만강을 건넜어요 🌊"),
        " 2009년 겨울에.\nInterviewer: And then? ",
        ("p01", "We walked at night 🌙"),
        ".\n",
    )
    t2, s2 = marked("최철수: ", ("river", "압록강 near Hyesan 🏞"), " was frozen.\n")
    g1, e1 = b.text("면담 01", t1, bom=True)
    g2, e2 = b.text("Interview 02", t2, bom=True)
    sel = b.select(e1, *s1["river"], river, me)
    b.select(e1, *s1["p01"], p01, me)
    b.select(e2, *s2["river"], river, me)
    b.code_whole(e2, p02)
    b.case("P01", code=p01)
    b.case("P02", code=p02)
    note = b.note("강을 건넌 순간 memo 🌊", inline=True)
    b.note_ref(e1.find(_q("PlainTextSelection")), note)
    del sel
    b.write(fx.path)
    fx.sources = ["면담 01", "Interview 02"]
    fx.quotes = [
        Quote("경로 Route/강 River", "면담 01", "두만강을 건넜어요 🌊"),
        Quote("경로 Route/강 River", "Interview 02", "압록강 near Hyesan 🏞"),
    ]
    fx.links = {"P01": {("면담 01", "We walked at night 🌙")}, "P02": {("Interview 02", None)}}
    fx.memos = ["강을 건넌 순간 memo 🌊"]
    fx.users = ["연구자 Kim"]
    return fx


def atlas(out: Path) -> Fixture:
    """Inner XML named after the project, braced GUIDs, Description-only memos, Sources/."""
    b = Builder("Interviews 2024", "ATLAS.ti 23", braces=True)
    fx = Fixture("atlas", out / "atlas.qdpx")
    me = b.user("Analyst 이")
    food = b.code("음식 Food", desc="Talk about hunger 🍚")
    t, s = marked("Lee: 그때는 ", ("food", "옥수수죽만 먹었어요 🍚"), ". Every day.\n")
    _, el = b.text("Lee 면담", t, folder="Sources")
    b.select(el, *s["food"], food, me)
    memo1 = b.note("Hunger memo 배고픔 😔", desc_only=True)
    memo2 = b.note("Project memo 전체 🗂", desc_only=True)
    b.note_ref(b.codes[food], memo1)
    b.note_ref(b.root, memo2)
    b.write(fx.path, "Interviews 2024.qde")
    fx.sources = ["Lee 면담"]
    fx.quotes = [Quote("음식 Food", "Lee 면담", "옥수수죽만 먹었어요 🍚")]
    fx.memos = ["Hunger memo 배고픔 😔", "Project memo 전체 🗂"]
    fx.codes = ["음식 Food"]
    fx.users = ["Analyst 이"]
    return fx


def maxqda(out: Path) -> Fixture:
    """CRLF sources whose positions count CR and LF (two each), NFC Korean, lower sources/."""
    b = Builder("MAXQDA 프로젝트", "MAXQDA 2022")
    fx = Fixture("maxqda", out / "maxqda.qdpx")
    work = b.code("일 Work")
    t, s = marked(
        "Q: 무슨 일을 하셨어요?\nA: 장마당에서 ",
        ("w1", "신발을 팔았어요 👟"),
        ".\nQ: And later?\nA: ",
        ("w2", "I drove a truck\nto Hamhung 🚚"),
        ".\n",
    )
    crlf = t.replace("\n", "\r\n")
    _, el = b.text("장마당 interview", t, crlf=True)
    for key in ("w1", "w2"):
        a, e = s[key]
        a, e = a + t[:a].count("\n"), e + t[:e].count("\n")  # each LF became CR LF
        assert crlf[a:e] == t[slice(*s[key])].replace("\n", "\r\n")
        b.select(el, a, e, work)
    b.write(fx.path)
    fx.sources = ["장마당 interview"]
    fx.quotes = [
        Quote("일 Work", "장마당 interview", "신발을 팔았어요 👟"),
        Quote("일 Work", "장마당 interview", "I drove a truck\nto Hamhung 🚚"),
    ]
    return fx


def inline_and_notes(out: Path) -> Fixture:
    """PlainTextContent sources, Notes as text sources (a file and inline), NoteRefs."""
    b = Builder("Inline 인라인", "NVivo 14")
    fx = Fixture("inline", out / "inline.qdpx")
    c = b.code("가족 Family")
    t, s = marked("Park: ", ("fam", "어머니가 보고 싶어요 💌"), " every day.\n")
    _, el = b.text("Inline 면담", t, inline=True)
    b.select(el, *s["fam"], c)
    file_note = b.note("File note 파일 메모 📎\nsecond line", inline=False)
    inline_note = b.note("Inline note 인라인 메모 📝", inline=True)
    b.note_ref(el, file_note)
    b.note_ref(b.codes[c], inline_note)
    b.write(fx.path)
    fx.sources = ["Inline 면담"]
    fx.quotes = [Quote("가족 Family", "Inline 면담", "어머니가 보고 싶어요 💌")]
    fx.memos = ["File note 파일 메모 📎\nsecond line", "Inline note 인라인 메모 📝"]
    return fx


def variables_and_cases(out: Path) -> Fixture:
    """Every variable type on cases; cases linked by SourceRef, SelectionRef and codings."""
    b = Builder("Cases 사례", "MAXQDA 2022")
    fx = Fixture("cases", out / "cases.qdpx")
    typed = {
        "고향 hometown": ("Text", "무산 Musan 🏔"),
        "married": ("Boolean", "true"),
        "birth_year": ("Integer", "1979"),
        "weight_kg": ("Float", "61.5"),
        "arrived": ("Date", "2012-03-01"),
        "interviewed": ("DateTime", "2024-05-06T14:30:00"),
    }
    vars_ = {name: b.variable(name, t) for name, (t, _) in typed.items()}
    c = b.code("건강 Health")
    cased = b.code("P03 case code", codable=True)
    t1, s1 = marked("A: ", ("h", "병원에 못 갔어요 🏥"), ".\nB: ", ("p", "I was alone 😶"), ".\n")
    g1, e1 = b.text("Health 면담", t1)
    g2, _ = b.text("Second 면담", "두 번째 면담입니다 📼.\n")
    sel_h = b.select(e1, *s1["h"], c)
    sel_p = b.select(e1, *s1["p"], c)
    values = [(vars_[n], t, v) for n, (t, v) in typed.items()]
    b.case("P01", values=values, sources=[g2])
    b.case("P02", values=values[:2], selections=[sel_p])
    b.case("P03", code=cased)
    b.select(e1, *s1["h"], cased)
    del sel_h
    b.write(fx.path)
    fx.sources = ["Health 면담", "Second 면담"]
    fx.quotes = [
        Quote("건강 Health", "Health 면담", "병원에 못 갔어요 🏥"),
        Quote("건강 Health", "Health 면담", "I was alone 😶"),
    ]
    fx.types = {n: t for n, (t, _) in typed.items()}
    fx.values = {"P01": {n: v for n, (_, v) in typed.items()}}
    fx.values["P02"] = {n: v for n, (_, v) in list(typed.items())[:2]}
    fx.links = {
        "P01": {("Second 면담", None)},
        "P02": {("Health 면담", "I was alone 😶")},
        "P03": {("Health 면담", "병원에 못 갔어요 🏥")},
    }
    return fx


def media(out: Path) -> Fixture:
    """Non-text sources next to one text source: each kind must be listed as skipped."""
    b = Builder("Media 미디어", "NVivo 14")
    fx = Fixture("media", out / "media.qdpx")
    c = b.code("소리 Sound")
    t, s = marked("녹음 설명: ", ("s", "라디오를 몰래 들었어요 📻"), ".\n")
    _, el = b.text("Radio 면담", t)
    b.select(el, *s["s"], c)
    kinds = [("PDFSource", "pdf"), ("PDFSource", "pdf"), ("PictureSource", "jpg")]
    kinds += [("AudioSource", "m4a"), ("VideoSource", "mp4")]
    for kind, ext in kinds:
        b.media(kind, ext)
    b.write(fx.path)
    fx.sources = ["Radio 면담"]
    fx.quotes = [Quote("소리 Sound", "Radio 면담", "라디오를 몰래 들었어요 📻")]
    fx.skipped = {"PDFSource": 2, "PictureSource": 1, "AudioSource": 1, "VideoSource": 1}
    return fx


REL_MISSING = "TextSource: relative path not in the package"
ABS_SKIPPED = "TextSource: points outside the package"


def paths(out: Path, outside: Path | None = None) -> Fixture:
    """relative:// inside the ZIP (read), relative:// missing and absolute:// (both skipped).

    ``outside``: a real file the absolute:// path names, so a test can show it is never read.
    """
    b = Builder("Paths 경로", "MAXQDA 2022")
    fx = Fixture("paths", out / "paths.qdpx")
    c = b.code("탈출 Escape")
    t, s = marked("Kang: ", ("e", "밤에 국경을 넘었어요 🌌"), " quietly.\n")
    _, el = b.text("Relative 면담", t, path="relative://texts/kang.txt")
    b.files["texts/kang.txt"] = t.encode()
    b.select(el, *s["e"], c)
    b.text("Missing 면담", "없는 파일 missing 🕳\n", path="relative://elsewhere/gone.txt")
    target = outside or Path("/nonexistent/moksori/secret.txt")
    b.text("Absolute 면담", "", path=f"absolute://{target.as_posix()}")
    b.write(fx.path)
    fx.sources = ["Relative 면담"]
    fx.quotes = [Quote("탈출 Escape", "Relative 면담", "밤에 국경을 넘었어요 🌌")]
    fx.skipped = {REL_MISSING: 1, ABS_SKIPPED: 1}
    return fx


QUIRKS = (qualcoder, atlas, maxqda, inline_and_notes, variables_and_cases, media, paths)


# --- the large fixture ----------------------------------------------------------------
_KO = ["두만강을 건넜어요", "장마당에서 일했어요", "어머니가 보고 싶어요", "배가 고팠어요"]
_KO += ["기차를 오래 탔어요", "학교에 다녔어요", "국경 경비대를 피했어요", "친구를 만났어요"]
_EN = ["we crossed at night", "the market was busy", "I missed my mother", "we were hungry"]
_EN += ["the train was slow", "I went to school", "we avoided the guards", "I met a friend"]
_EMOJI = "🌊🌙🍚🚂🏫👟📻💌😢🙂"


@dataclass
class Large:
    path: Path
    sources: int
    selections: int
    codes: int
    users: int
    cases: int
    quotes: list[Quote]


def make_large(path: Path, sources: int = 200, selections: int = 20000, seed: int = 0) -> Large:
    """A big package: ``sources`` interviews with ``selections`` coded lines among them."""
    rng = random.Random(seed)
    b = Builder(f"Large 대형 {sources}x{selections}", "moksori fixture")
    users = [b.user(f"coder {i} 코더") for i in range(3)]
    codes: list[str] = []
    for i in range(8):
        top = b.code(f"주제 {i} Theme", codable=False)
        codes += [b.code(f"코드 {i}.{j} code", top) for j in range(6)]
    per = -(-selections // sources)
    lines_per = max(per + 10, 40)
    quotes: list[Quote] = []
    left = selections
    case_vars = [b.variable("birth_year", "Integer"), b.variable("region", "Text")]
    for n in range(sources):
        lines = []
        for k in range(lines_per):
            ko, en = rng.choice(_KO), rng.choice(_EN)
            lines.append(f"화자{k % 2 + 1}: {n}-{k} {ko} {rng.choice(_EMOJI)} — {en}.")
        text = "\n".join(lines) + "\n"
        name = f"면담 {n:04d} interview"
        guid, el = b.text(name, text)
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        take = min(per, left)
        left -= take
        for k in sorted(rng.sample(range(lines_per), take)):
            line = lines[k]
            a = starts[k] + line.index(" ", line.index(" ") + 1) + 1  # after "화자N: n-k "
            e = starts[k] + len(line) - 1  # before the final full stop
            code = rng.choice(codes)
            b.select(el, a, e, code, rng.choice(users))
            quotes.append(Quote(b.paths[code], name, text[a:e]))
        if n % 5 == 0:
            values = [(case_vars[0], "Integer", str(1960 + n % 40)), (case_vars[1], "Text", "북부")]
            b.case(f"P{n:04d}", values=values, sources=[guid])
    b.write(path)
    return Large(path, sources, len(quotes), len(codes) + 8, len(users), -(-sources // 5), quotes)


def write_all(out: Path) -> list[Fixture]:
    out.mkdir(parents=True, exist_ok=True)
    return [build(out) for build in QUIRKS]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python scripts/qdpx_fixtures.py OUTDIR")
    folder = Path(sys.argv[1])
    for fx in write_all(folder):
        print(f"{fx.path}  {len(fx.quotes)} quotes, skipped {fx.skipped or 'nothing'}")
    big = make_large(folder / "large-small.qdpx", sources=20, selections=2000)
    print(f"{big.path}  {big.sources} sources, {big.selections} selections")
