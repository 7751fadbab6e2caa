"""The bundled fictional demo corpus builds, covers every format and is marked fictional."""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import sys
import zipfile
import zlib
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
BUILD_SCRIPT = REPO / "demo" / "build_corpus.py"
FORMATS = {".txt", ".md", ".html", ".docx", ".pdf", ".hwp", ".hwpx", ".srt", ".vtt", ".csv"}
BINARY_FORMATS = {".docx", ".pdf", ".hwp", ".hwpx"}
NO_FIXTURES = (
    "scripts/fixtures.py is missing: binary demo formats (.docx/.pdf/.hwp/.hwpx) not built"
)


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_build_corpus", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bc = _load_builder()
HAVE_FIXTURES: bool = bc.fixtures_available()
needs_fixtures = pytest.mark.skipif(not HAVE_FIXTURES, reason=NO_FIXTURES)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo-corpus")
    bc.build_corpus(out, include_binary=HAVE_FIXTURES)
    return out


def _hwp_para_text(body: bytes) -> str:
    """Text of the HWPTAG_PARA_TEXT records of an HWP 5 body stream."""
    out: list[str] = []
    pos = 0
    while pos + 4 <= len(body):
        header = int.from_bytes(body[pos : pos + 4], "little")
        tag, size = header & 0x3FF, header >> 20
        pos += 4
        if size == 0xFFF:
            size = int.from_bytes(body[pos : pos + 4], "little")
            pos += 4
        if tag == 67:  # HWPTAG_PARA_TEXT
            out.append(body[pos : pos + size].decode("utf-16-le", errors="ignore"))
        pos += size
    return "\n".join(out)


def _text_of(path: Path) -> str:
    """Readable text of a corpus file, enough to look for the notice."""
    data = path.read_bytes()
    suffix = path.suffix
    if suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    if suffix == ".hwpx":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = sorted(n for n in zf.namelist() if re.search(r"section\d+\.xml$", n))
            parts = [zf.read(n).decode("utf-8") for n in names]
        return re.sub(r"<[^>]+>", "", "\n".join(parts))
    if suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    if suffix == ".hwp":
        import olefile

        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            raw = ole.openstream("BodyText/Section0").read()
            header = ole.openstream("FileHeader").read()
        compressed = bool(header[36] & 1)
        return _hwp_para_text(zlib.decompress(raw, -15) if compressed else raw)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp949")


def test_every_item_is_built(corpus: Path) -> None:
    names = {p.name for p in corpus.iterdir()}
    for item in bc.ITEMS:
        if item.kind in bc.BINARY_KINDS and not HAVE_FIXTURES:
            continue
        assert item.name in names
    assert 8 <= len({i.source for i in bc.ITEMS}) <= 13


def test_every_format_is_covered_by_manifest() -> None:
    assert {Path(i.name).suffix for i in bc.ITEMS} == FORMATS


def test_text_formats_present(corpus: Path) -> None:
    suffixes = {p.suffix for p in corpus.iterdir()}
    assert FORMATS - BINARY_FORMATS <= suffixes


@needs_fixtures
def test_binary_formats_present(corpus: Path) -> None:
    suffixes = {p.suffix for p in corpus.iterdir()}
    assert suffixes >= BINARY_FORMATS


def test_sources_are_utf8_text() -> None:
    for path in bc.SOURCE_DIR.iterdir():
        text = path.read_bytes().decode("utf-8")
        assert "\x00" not in text, path.name


def test_cp949_interview(corpus: Path) -> None:
    data = (corpus / "interview-01.ko.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp949")
    assert "두만강을 건넜습니다" in text
    assert "억양" in text


@pytest.mark.parametrize("item", bc.ITEMS, ids=lambda i: i.name)
def test_fictional_notice(corpus: Path, item: object) -> None:
    name = item.name  # type: ignore[attr-defined]
    path = corpus / name
    if not path.exists():
        pytest.skip(NO_FIXTURES)
    text = _text_of(path)
    assert bc.NOTICE_MARK in text, name
    assert bc.NOTICE_KO in text, name
    # The notice is the first thing in every file, except the CSV (header row first).
    first = text.lstrip("\ufeff").split("\n", 2)
    head = "\n".join(first[:2]) if name.endswith(".csv") else text[:300]
    assert bc.NOTICE_MARK in head, name


def test_sources_start_with_notice() -> None:
    for item in bc.ITEMS:
        first = bc.read_source(item).split("\n", 1)[0]
        if item.name.endswith(".csv"):
            continue
        if item.name.endswith((".srt", ".html")):
            first = bc.read_source(item)[:200]
        assert bc.NOTICE_MARK in first, item.name


def test_translation_pair_has_same_turns(corpus: Path) -> None:
    ko = (corpus / "interview-03.ko.txt").read_text(encoding="utf-8")
    en = (corpus / "interview-03.en.txt").read_text(encoding="utf-8")
    ko_turns = re.findall(r"^(면접자|참여자):", ko, flags=re.MULTILINE)
    en_turns = re.findall(r"^(Q|A):", en, flags=re.MULTILINE)
    assert len(ko_turns) >= 10
    mapping = {"면접자": "Q", "참여자": "A"}
    assert [mapping[t] for t in ko_turns] == en_turns
    assert "모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요" in ko


def test_ngo_page_embeds_earlier_post(corpus: Path) -> None:
    html = (corpus / "ngo-news-2020-12.html").read_text(encoding="utf-8")
    blog = (corpus / "ngo-blog-2021-04.txt").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    body = re.findall(r"<p>([^<]+)</p>", article)
    assert len(body) >= 5
    embedded = blog.split("Check these out", 1)[1]
    for paragraph in body:
        assert paragraph in embedded
    for marker in ("후원하기", "Donate now", "태그 클라우드", "보관함", "2021년 3월", "Copyright"):
        assert marker in blog


def test_survey_csv(corpus: Path) -> None:
    text = (corpus / "survey-open-answers.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["respondent", "age_band", "year_left", "province", "answer"]
    assert 10 <= len(rows) <= 15
    answers = [r["answer"] for r in rows]
    assert any(re.search(r"[가-힣]", a) for a in answers)
    assert any(re.fullmatch(r"[ -~]+", a) for a in answers)


def test_subtitles(corpus: Path) -> None:
    srt = (corpus / "testimony-eunji.en.srt").read_bytes()
    assert srt.startswith(b"\xef\xbb\xbf") and b"\r\n" in srt
    srt_text = srt.decode("utf-8-sig")
    assert len(re.findall(r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}", srt_text)) >= 20
    assert "INTERVIEWER:" in srt_text and "EUNJI:" in srt_text
    vtt = (corpus / "podcast-sujin.ko.vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT")
    assert "<v 수진>" in vtt and "<v 진행자>" in vtt


def test_nk_orthography_item() -> None:
    item = next(i for i in bc.ITEMS if i.kind == "hwpx")
    text = bc.read_source(item)
    for word in ("로동", "녀성", "리용", "력사"):
        assert word in text


@needs_fixtures
def test_build_is_deterministic(corpus: Path, tmp_path: Path) -> None:
    bc.build_corpus(tmp_path)
    for item in bc.ITEMS:
        assert (tmp_path / item.name).read_bytes() == (corpus / item.name).read_bytes(), item.name
