"""decode_bytes: Korean encodings, mixed files, and refusing what is not text."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.errors import EmptyFile, NotText
from moksori.ingest.decode import decode_bytes

KO = "이은별: 함경북도 무산이에요. 어릴 때 장마당에서 국수를 팔았어요.\n"


def test_cp949_file_decodes_to_hangul(data_dir: Path) -> None:
    decoded = decode_bytes((data_dir / "interview_ko_cp949.txt").read_bytes(), "a.txt")
    assert decoded.encoding == "cp949"
    assert decoded.quality == "ok"
    assert "함경북도 무산이에요" in decoded.text
    assert "두만강이 얼어 있었습니다" in decoded.text


def test_euc_kr_bytes_are_read_as_cp949() -> None:
    decoded = decode_bytes("두만강을 건넜습니다".encode("euc_kr"), "a.txt")
    assert decoded.text == "두만강을 건넜습니다"
    assert decoded.encoding == "cp949"


def test_utf16_with_bom(data_dir: Path) -> None:
    decoded = decode_bytes((data_dir / "interview_ko_utf16.txt").read_bytes(), "a.txt")
    assert decoded.encoding == "utf-16-le"
    assert decoded.text.startswith("면담자: 고향이 어디세요?")
    assert "\ufeff" not in decoded.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec: str) -> None:
    decoded = decode_bytes(KO.encode(codec), "a.txt")
    assert decoded.text == KO
    assert decoded.encoding == codec


def test_utf8_bom_is_stripped() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbf" + KO.encode(), "a.txt")
    assert decoded.text == KO
    assert decoded.quality == "ok"


def test_mixed_utf8_and_cp949_lines_are_decoded_line_by_line(data_dir: Path) -> None:
    decoded = decode_bytes((data_dir / "mixed_utf8_cp949.txt").read_bytes(), "mixed.txt")
    assert decoded.quality == "repaired"
    assert decoded.replaced_chars == 0
    assert decoded.encoding == "utf-8+cp949"
    assert decoded.text.split("\n")[:3] == [
        "면담자: 첫 번째 질문입니다.",
        "이은별: 이 줄은 옛날 한글 윈도우에서 저장됐어요.",
        "면담자: 다시 UTF-8로 돌아왔습니다.",
    ]


def test_damaged_bytes_are_replaced_and_counted(data_dir: Path) -> None:
    decoded = decode_bytes((data_dir / "damaged_utf8.txt").read_bytes(), "damaged.txt")
    assert decoded.quality == "damaged"
    assert decoded.replaced_chars == 2
    lines = decoded.text.split("\n")
    assert lines[0] == "면담자: 이 파일은 일부가 손상됐습니다."
    assert lines[1] == "broken \ufffd\ufffd bytes here"
    assert lines[2] == "이은별: 나머지는 괜찮아요."


def test_cp949_line_with_damaged_line_is_damaged_not_dropped() -> None:
    data = "첫 줄\n".encode("cp949") + b"\xff\xff\n" + "셋째 줄\n".encode()
    decoded = decode_bytes(data, "a.txt")
    assert decoded.quality == "damaged"
    assert "첫 줄" in decoded.text and "셋째 줄" in decoded.text


def test_windows_1252_is_not_mistaken_for_cp949() -> None:
    # Smart quotes before letters are valid CP949 byte pairs (rare UHC syllables).
    data = "“Hello,” he said. “We crossed at night.”\n".encode("cp1252")
    decoded = decode_bytes(data, "a.txt")
    assert "Hello" in decoded.text and "crossed at night" in decoded.text
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in decoded.text)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n ", "  \n".encode("utf-16")])
def test_empty_or_whitespace_raises_empty_file(data: bytes) -> None:
    with pytest.raises(EmptyFile) as info:
        decode_bytes(data, "blank.txt")
    assert "blank.txt" in str(info.value)


def test_png_with_txt_extension_is_not_text() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    with pytest.raises(NotText) as info:
        decode_bytes(png, "photo.txt")
    assert str(info.value).startswith("photo.txt: ")
    assert "NUL" in info.value.reason


def test_control_garbage_without_nul_is_not_text() -> None:
    garbage = bytes(range(1, 32)) * 40 + b"abc"
    with pytest.raises(NotText) as info:
        decode_bytes(garbage, "garbage.txt")
    assert "binary" in info.value.reason
