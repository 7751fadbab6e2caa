"""Build the fictional demo corpus from the UTF-8 sources in ``demo/corpus-src/``.

Usage: ``python demo/build_corpus.py [OUT_DIR] [--text-only]`` (default OUT_DIR: ``demo/corpus``).

Text formats are written from their sources (one is re-encoded to CP949, the SRT gets a BOM
and CRLF line ends, as Windows tools write them). Binary formats (.docx, .pdf, .hwp, .hwpx) are
made by the pure byte builders in ``scripts/fixtures.py``; their sources are plain text with
one paragraph per line (``<<<PAGE>>>`` separates PDF pages). The output is deterministic:
zip timestamps and document dates are pinned, so every run writes the same bytes.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Literal

DEMO_DIR = Path(__file__).resolve().parent
SOURCE_DIR = DEMO_DIR / "corpus-src"
DEFAULT_OUT = DEMO_DIR / "corpus"
SCRIPTS_DIR = DEMO_DIR.parent / "scripts"

NOTICE_MARK = "FICTIONAL SAMPLE"
NOTICE_KO = "가상의 예시"
PAGE_BREAK = "<<<PAGE>>>"
PDF_LINE_CHARS = 84  # fits an A4 line at 11 pt in make_pdf's font
# Pinned date for every timestamp the builders would otherwise take from the clock.
FIXED_ZIP_TIME = (2023, 11, 1, 0, 0, 0)
FIXED_ISO = "2023-11-01T00:00:00Z"

Kind = Literal["text", "cp949", "docx", "pdf", "hwp", "hwpx"]
BINARY_KINDS: frozenset[str] = frozenset({"docx", "pdf", "hwp", "hwpx"})


@dataclass(frozen=True)
class Item:
    """One file of the demo corpus."""

    name: str  # output file name in the corpus folder
    source: str  # file in corpus-src/
    kind: Kind
    lang: str  # "ko", "en" or "mixed"
    shows: str  # what the file demonstrates
    title: str | None = None
    author: str | None = None
    bom: bool = False
    crlf: bool = False


ITEMS: tuple[Item, ...] = (
    Item(
        "interview-01.ko.txt",
        "interview-01.ko.txt",
        "cp949",
        "ko",
        "Korean interview saved as CP949 (legacy Windows encoding); crossing the Tumen "
        "(두만강을 건넜습니다), accent, work as a care worker, family left in Musan.",
    ),
    Item(
        "interview-02.en.docx",
        "interview-02.en.docx.txt",
        "docx",
        "en",
        "English Word interview with title/author metadata; Q:/A: turns, 'my accent', asking "
        "the internet, father left behind in Hoeryong.",
        title="Interview 02 — Youngmi (FICTIONAL SAMPLE)",
        author="R. Han (fictional interviewer)",
    ),
    Item(
        "interview-03.ko.txt",
        "interview-03.ko.txt",
        "text",
        "ko",
        "Korean original of a translation pair (면접자:/참여자: turns): "
        "'모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요'.",
    ),
    Item(
        "interview-03.en.txt",
        "interview-03.en.txt",
        "text",
        "en",
        "Faithful English translation of interview-03.ko.txt with the same number of Q:/A: "
        "turns (bilingual pair alignment).",
    ),
    Item(
        "interview-04.en.pdf",
        "interview-04.en.pdf.txt",
        "pdf",
        "en",
        "Three-page English PDF transcript; page-aware text extraction, Chongjin, food truck.",
        title="Interview 04 — Sungho (FICTIONAL SAMPLE)",
    ),
    Item(
        "ngo-news-2020-12.html",
        "ngo-news-2020-12.html",
        "text",
        "ko",
        "News-style HTML page of a fictional NGO: nav, cookie banner, share buttons, related "
        "links and footer around one article (HTML boilerplate removal).",
    ),
    Item(
        "ngo-blog-2021-04.txt",
        "ngo-blog-2021-04.txt",
        "text",
        "ko",
        "Web capture saved as plain text: menu, 후원하기/Donate now banner, tag cloud, archive "
        "months, footer; repeats the 2020-12 post under 'Check these out' (duplicate detection).",
    ),
    Item(
        "testimony-eunji.en.srt",
        "testimony-eunji.en.srt",
        "text",
        "en",
        "Subtitled video testimony (SRT, UTF-8 BOM, CRLF) with INTERVIEWER:/EUNJI: speaker "
        "prefixes and timestamps.",
        bom=True,
        crlf=True,
    ),
    Item(
        "podcast-sujin.ko.vtt",
        "podcast-sujin.ko.vtt",
        "text",
        "ko",
        "Korean podcast transcript (WebVTT) with <v 화자> voice tags; accent at work, "
        "crossing the frozen river.",
    ),
    Item(
        "survey-open-answers.csv",
        "survey-open-answers.csv",
        "text",
        "mixed",
        "Open survey answers, one document per row (respondent, age_band, year_left, province, "
        "answer), Korean and English answers.",
    ),
    Item(
        "research-memo.md",
        "research-memo.md",
        "text",
        "en",
        "Markdown research memo with headings, list, table and Korean quotations (coding themes).",
    ),
    Item(
        "counselling-2008.ko.hwp",
        "counselling-2008.ko.hwp.txt",
        "hwp",
        "ko",
        "Legacy binary HWP (Hangul 5) counselling record with 문:/답: turns; sewing factory, "
        "PC방, son left in Hoeryong.",
    ),
    Item(
        "memoir-chongjin.ko.hwpx",
        "memoir-chongjin.ko.hwpx.txt",
        "hwpx",
        "ko",
        "HWPX memoir written in North Korean orthography (로동, 녀성, 리용, 력사, 련락, 래일) "
        "for spelling-variant search.",
        title="나의 고향 청진 (FICTIONAL SAMPLE)",
    ),
)


def fixtures_available() -> bool:
    """Whether ``scripts/fixtures.py`` (the binary document builders) exists."""
    return (SCRIPTS_DIR / "fixtures.py").is_file()


def load_fixtures() -> ModuleType:
    """Import ``scripts/fixtures.py`` by putting the repo's scripts/ dir on ``sys.path``."""
    if not fixtures_available():
        raise FileNotFoundError(f"{SCRIPTS_DIR / 'fixtures.py'} is missing")
    if str(SCRIPTS_DIR) not in sys.path:
        sys.path.insert(0, str(SCRIPTS_DIR))
    import fixtures

    return fixtures


def read_source(item: Item) -> str:
    """The UTF-8 source text of ``item`` with LF line ends."""
    text = (SOURCE_DIR / item.source).read_text(encoding="utf-8")
    return text.replace("\r\n", "\n")


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of ``text``: each source line is one document paragraph."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap counting wide (Hangul) characters as two columns."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and _display_width(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current]


def pages(text: str, width: int = PDF_LINE_CHARS) -> list[str]:
    """Split a PDF source into page texts at ``<<<PAGE>>>`` lines, wrapped to ``width``.

    ``make_pdf`` draws lines as given, so long paragraphs are wrapped here, with a blank
    line between paragraphs, the way a word processor would export them.
    """
    parts = re.split(rf"^{re.escape(PAGE_BREAK)}$", text, flags=re.MULTILINE)
    out = []
    for part in parts:
        if not part.strip():
            continue
        lines: list[str] = []
        for para in paragraphs(part):
            if lines and para.startswith("Q:"):
                lines.append("")
            lines.extend(_wrap(para, width))
        out.append("\n".join(lines))
    return out


def _stable_zip(data: bytes) -> bytes:
    """Re-pack a zip (docx/hwpx) with pinned timestamps and metadata dates.

    Entry order, names and compression are kept, so ``mimetype`` stays first and stored;
    HWPX paragraph ids, random in python-hwpx, are renumbered in document order.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.endswith((".xml", ".hpf", ".rdf")):
                body = _pin_xml_dates(body)
            if re.fullmatch(r"Contents/section\d+\.xml", info.filename):
                body = _renumber_paragraph_ids(body)
            new = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            new.compress_type = info.compress_type
            new.external_attr = info.external_attr
            new.create_system = 0
            dst.writestr(new, body)
    return out.getvalue()


_XML_DATE_PATTERNS: tuple[re.Pattern[bytes], ...] = (
    # docx core properties
    re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)"),
    # hwpx/opf meta dates, e.g. <opf:meta name="CreatedDate" content="text">...</opf:meta>
    re.compile(rb'(<opf:meta name="(?:CreatedDate|ModifiedDate|date)"[^>]*>)[^<]*(</opf:meta>)'),
    re.compile(rb"(<dc:date>)[^<]*(</dc:date>)"),
)


_HWPX_PARA_ID = re.compile(rb'(<hp:p id=")(\d+)(")')


def _renumber_paragraph_ids(body: bytes) -> bytes:
    """Replace python-hwpx's random paragraph ids (uuid4-based) with 1, 2, 3, ..."""
    ids: dict[bytes, bytes] = {b"0": b"0"}

    def sub(m: re.Match[bytes]) -> bytes:
        new = ids.setdefault(m.group(2), str(len(ids)).encode())
        return m.group(1) + new + m.group(3)

    return _HWPX_PARA_ID.sub(sub, body)


def _pin_xml_dates(body: bytes) -> bytes:
    for pattern in _XML_DATE_PATTERNS:
        body = pattern.sub(lambda m: m.group(1) + FIXED_ISO.encode() + m.group(2), body)
    return body


@contextmanager
def _reportlab_invariant() -> Iterator[None]:
    """Make reportlab omit creation dates and random document ids while building."""
    try:
        from reportlab import rl_config
    except ImportError:  # make_pdf does not use reportlab: nothing to pin
        yield
        return
    old = rl_config.invariant
    rl_config.invariant = 1
    try:
        yield
    finally:
        rl_config.invariant = old


def render(item: Item, fixtures: ModuleType | None = None) -> bytes:
    """The bytes of one corpus file."""
    text = read_source(item)
    if item.kind == "text":
        if item.crlf:
            text = text.replace("\n", "\r\n")
        return ("\ufeff" if item.bom else "").encode("utf-8") + text.encode("utf-8")
    if item.kind == "cp949":
        return text.encode("cp949")
    if fixtures is None:
        raise ValueError(f"{item.name}: binary format {item.kind} needs scripts/fixtures.py")
    if item.kind == "docx":
        data = fixtures.make_docx(paragraphs(text), title=item.title, author=item.author)
        return _stable_zip(data)
    if item.kind == "hwpx":
        return _stable_zip(fixtures.make_hwpx(paragraphs(text), title=item.title))
    if item.kind == "pdf":
        with _reportlab_invariant():
            return bytes(fixtures.make_pdf(pages(text), title=item.title))
    if item.kind == "hwp":
        return bytes(fixtures.make_hwp(paragraphs(text)))
    raise ValueError(f"unknown kind {item.kind!r}")


def build_corpus(
    out_dir: Path = DEFAULT_OUT,
    *,
    include_binary: bool = True,
    log: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write the demo corpus into ``out_dir`` and return the written paths.

    With ``include_binary=False`` the .docx/.pdf/.hwp/.hwpx files are skipped (for when
    ``scripts/fixtures.py`` is not there). Existing files of other names are left alone.
    """
    fixtures = load_fixtures() if include_binary else None
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for item in ITEMS:
        if item.kind in BINARY_KINDS and fixtures is None:
            continue
        path = out_dir / item.name
        path.write_bytes(render(item, fixtures))
        written.append(path)
        if log is not None:
            log(f"wrote {path} ({path.stat().st_size} bytes)")
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--text-only",
        action="store_true",
        help="skip .docx/.pdf/.hwp/.hwpx (no scripts/fixtures.py needed)",
    )
    args = parser.parse_args(argv)
    if not args.text_only and not fixtures_available():
        print(
            f"error: {SCRIPTS_DIR / 'fixtures.py'} not found; binary formats need it "
            "(use --text-only to build the text formats only)",
            file=sys.stderr,
        )
        return 2
    paths = build_corpus(args.out_dir, include_binary=not args.text_only, log=print)
    print(f"{len(paths)} files in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
