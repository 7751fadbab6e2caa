"""Bad input: every case raises the right IngestError, naming the file, quickly."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from types import ModuleType

import pytest

from moksori.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    FileTooLarge,
    IngestError,
    NoTextLayer,
    NotText,
    UnsafeFile,
    UnsupportedFormat,
)
from moksori.ingest.limits import Limits, open_zip_safely, read_member
from moksori.ingest.readers import read

LIMITS = Limits()


def expect(error: type[IngestError], data: bytes, name: str, limits: Limits = LIMITS) -> str:
    """Read and require ``error``; return its reason. The message must name the file."""
    with pytest.raises(error) as info:
        read(data, name, limits)
    assert str(info.value).startswith(f"{name}: ")
    assert info.value.source == name
    return info.value.reason


def test_unsupported_type_lists_supported_ones() -> None:
    reason = expect(UnsupportedFormat, b"data", "recording.mp3")
    assert ".mp3" in reason and ".docx" in reason and ".hwp" in reason
    assert "no extension" in expect(UnsupportedFormat, b"data", "README")


@pytest.mark.parametrize("name", ["empty.txt", "empty.docx", "empty.pdf", "empty.csv"])
def test_empty_file(name: str) -> None:
    expect(EmptyFile, b"", name)


def test_whitespace_only_text() -> None:
    expect(EmptyFile, b" \r\n\t\n", "blank.md")


def test_binary_garbage_with_text_extension() -> None:
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 16
    assert "binary" in expect(NotText, jpeg, "photo.txt")
    expect(NotText, jpeg, "answers.csv")
    expect(NotText, jpeg, "captions.srt")


@pytest.mark.parametrize("kind", ["docx", "pdf", "hwpx", "hwp"])
def test_corrupt_documents(fx: ModuleType, kind: str) -> None:
    expect(CorruptFile, fx.make_corrupt(kind), f"broken.{kind}")


def test_random_bytes_as_documents() -> None:
    junk = bytes((i * 7919) % 251 for i in range(4096))
    for name in ("x.docx", "x.hwpx", "x.hwp", "x.pdf"):
        expect(CorruptFile, junk, name)


def test_password_protected_hwp(fx: ModuleType) -> None:
    reason = expect(EncryptedFile, fx.make_hwp(["비밀"], encrypted=True), "locked.hwp")
    assert "password" in reason and "without a password" in reason


def test_password_protected_docx_is_an_ole_file() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)
    assert "password" in expect(EncryptedFile, ole, "locked.docx")


def test_password_protected_pdf(fx: ModuleType) -> None:
    expect(EncryptedFile, fx.make_pdf(["비밀"], user_password="secret"), "locked.pdf")


def test_scanned_pdf_has_no_text_layer(fx: ModuleType) -> None:
    assert "OCR" in expect(NoTextLayer, fx.make_pdf_without_text(), "scan.pdf")


def test_old_hwp3_is_unsupported() -> None:
    expect(
        UnsupportedFormat, b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + bytes(64), "o.hwp"
    )


def test_file_over_size_limit_is_checked_first() -> None:
    small = Limits(max_file_bytes=1024)
    assert "limit" in expect(FileTooLarge, b"a" * 2048, "big.txt", small)
    expect(FileTooLarge, bytes(2048), "big.unknown", small)  # before the type check
    read(b"a" * 1024, "ok.txt", small)  # exactly at the limit is fine


def test_zip_bomb_docx(fx: ModuleType) -> None:
    start = time.monotonic()
    assert "zip bomb" in expect(UnsafeFile, fx.make_zip_bomb_docx(), "bomb.docx")
    assert time.monotonic() - start < 5


def test_total_uncompressed_size_is_capped(fx: ModuleType) -> None:
    data = fx.make_docx(["보통 문서"] * 50)
    assert "zip bomb" in expect(UnsafeFile, data, "a.docx", Limits(max_uncompressed_bytes=4096))


def test_member_count_is_capped(fx: ModuleType) -> None:
    expect(UnsafeFile, fx.make_hwpx(["문단"]), "a.hwpx", Limits(max_zip_members=3))


def _lying_zip(declared: int, actual: int) -> bytes:
    """A zip whose member declares ``declared`` bytes but inflates to ``actual``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("part.xml", b"<a>" + b"x" * (actual - 7) + b"</a>")
    raw = bytearray(buf.getvalue())
    real = actual.to_bytes(4, "little")
    fake = declared.to_bytes(4, "little")
    for at in (22, raw.rfind(b"PK\x01\x02") + 24):  # local header, central directory
        assert raw[at : at + 4] == real
        raw[at : at + 4] = fake
    return bytes(raw)


def test_member_is_never_inflated_beyond_its_declared_size() -> None:
    data = _lying_zip(declared=100, actual=200_000)
    with open_zip_safely(data, "lie.docx", LIMITS) as zf:
        with pytest.raises(CorruptFile) as info:
            read_member(zf, "part.xml", LIMITS)
    assert str(info.value).startswith("lie.docx: ")


def test_read_budget_is_shared_across_members() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a", b"a" * 600)
        zf.writestr("b", b"b" * 600)
    limits = Limits(max_uncompressed_bytes=1000)
    with pytest.raises(UnsafeFile):
        open_zip_safely(buf.getvalue(), "two.zip", limits)
    roomy = Limits(max_uncompressed_bytes=1200)
    with open_zip_safely(buf.getvalue(), "two.zip", roomy) as zf:
        assert read_member(zf, "a", roomy) == b"a" * 600
        read_member(zf, "b", roomy)
        with pytest.raises(UnsafeFile):
            read_member(zf, "a", roomy)  # a second read would exceed the budget


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (lambda fx: fx.make_xxe_docx(), "xxe.docx"),
        (lambda fx: fx.make_billion_laughs_hwpx(), "laughs.hwpx"),
    ],
)
def test_xml_entity_attacks(fx: ModuleType, make: Callable[[ModuleType], bytes], name: str) -> None:
    data = make(fx)
    start = time.monotonic()
    reason = expect(UnsafeFile, data, name)
    assert time.monotonic() - start < 2
    assert "entit" in reason
    assert "root:" not in reason  # nothing from /etc/passwd leaks into the message


def test_vtt_without_header() -> None:
    expect(CorruptFile, b"00:00.000 --> 00:01.000\nhello\n", "a.vtt")


def test_srt_without_cues() -> None:
    expect(CorruptFile, "그냥 텍스트입니다.\n".encode(), "a.srt")


def test_csv_with_header_only() -> None:
    expect(EmptyFile, b"id,answer\n", "a.csv")
    expect(EmptyFile, b"id,answer\n1,\n2,  \n", "b.csv")


def test_unexpected_reader_failure_becomes_corrupt_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import moksori.ingest.readers.text as text_reader

    def boom(data: bytes, source: str, limits: Limits) -> list[object]:
        raise IndexError("secret document text")

    monkeypatch.setattr(text_reader, "read_text", boom)
    reason = expect(CorruptFile, b"hello", "a.txt")
    assert "secret" not in reason and "IndexError" in reason
