"""decode_bytes: Korean encodings, mixed files, and refusing what is not text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from moksori.errors import EmptyFile, NotText, Undecodable
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


# --- misreadings (issue 14 item 5) ------------------------------------------------------
_LINES = [
    "김철수: 저는 함경북도 회령에서 왔습니다.",
    "어머니 리영희와 함께 두만강을 건넜어요.",
    "장마당에서 국수를 팔았습니다.",
    "면담자: 언제 한국에 오셨어요?",
    "2015년에 왔어요. 처음에는 하나원에 있었어요.",
]


def damaged_korean(seed: int = 72) -> bytes:
    """Fictional UTF-8 testimony with a byte or two broken in every line.

    With seed 72 charset-normalizer's best guess for these 186 bytes is
    ptcp154 (Kazakh Cyrillic), the misreading the attack found.
    """
    rnd = random.Random(seed)
    out = bytearray()
    for _ in range(rnd.choice([3, 10, 30])):
        line = bytearray(rnd.choice(_LINES).encode())
        for _ in range(rnd.choice([1, 2])):
            line[rnd.randrange(len(line))] = rnd.choice([0xFF, 0xFE, 0xC0, 0xC1, 0x80, 0xA0, 0xBF])
        out += line + b"\n"
    return bytes(out)


def _cyrillic(text: str) -> int:
    return sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")


@pytest.mark.parametrize("seed", [72, 102])
def test_damaged_korean_utf8_is_read_as_utf8_never_as_cyrillic(seed: int) -> None:
    data = damaged_korean(seed)
    decoded = decode_bytes(data, "damaged.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.quality == "damaged"
    assert 0 < decoded.replaced_chars == decoded.text.count("\ufffd")
    assert _cyrillic(decoded.text) == 0
    # Only the broken bytes are lost: the rest reads as the Korean it was.
    assert len(decoded.text.split("\n")) == data.count(b"\n") + 1
    letters = [ch for ch in decoded.text if ch.isalpha()]
    assert sum("가" <= ch <= "힣" for ch in letters) == len(letters)
    assert "왔어요" in decoded.text


def test_a_name_survives_a_broken_byte_next_to_it() -> None:
    text = "어머니 리영희와 함께 두만강을 건넜어요. 김철수 씨도 같이 왔어요.\n" * 4
    data = bytearray(text.encode())
    data[text.encode().index("두만강".encode()) + 1] = 0xFF  # break 두
    decoded = decode_bytes(bytes(data), "a.txt")
    assert decoded.quality == "damaged" and decoded.encoding.startswith("utf-8")
    assert decoded.text.count("리영희") == 4 and decoded.text.count("김철수") == 4


def test_damaged_cp949_is_read_as_cp949_with_replacements() -> None:
    text = "두만강을 건넜습니다. 김철수 씨는 회령에서 왔어요. 어머니 리영희와 함께. " * 3
    data = bytearray(text.encode("cp949"))
    data[41] = 0xFF
    decoded = decode_bytes(bytes(data), "old.txt")
    assert decoded.encoding == "cp949" and decoded.quality == "damaged"
    assert decoded.replaced_chars >= 1
    assert decoded.text.count("리영희") == 3


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Le témoin est arrivé à Séoul en été. Il a traversé la rivière.\n", "latin-1"),
        ("„Wir sind über den Fluss gegangen“, sagte er.\n", "cp1252"),
        ("Café crème, naïve résumé façade — déjà vu.\n", "cp1252"),  # accent-heavy
    ],
)
def test_western_code_pages_still_decode(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec), "en.txt")
    assert decoded.text == text
    assert decoded.quality == "ok"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("Мы перешли реку ночью. Было холодно.\n".encode("cp1251"), id="cp1251"),
        pytest.param("我们晚上过了图们江。她在延吉等我们。\n".encode("gbk"), id="gbk-as-cp949"),
    ],
)
def test_code_pages_outside_our_material_are_undecodable(data: bytes) -> None:
    with pytest.raises(Undecodable) as info:
        decode_bytes(data, "other.txt")
    assert str(info.value).startswith("other.txt: cannot tell how this file's text is encoded")
    assert "bytes are kept" in info.value.reason


def test_double_encoded_korean_is_undecodable() -> None:
    text = "어머니 리영희와 함께 두만강을 건넜어요. 김철수 씨도 같이 왔어요.\n"
    garbled = text.encode().decode("cp1252", errors="ignore").encode()  # valid UTF-8 mojibake
    with pytest.raises(Undecodable) as info:
        decode_bytes(garbled, "mojibake.txt")
    assert "garbled" in info.value.reason


def test_a_short_double_encoded_name_is_undecodable() -> None:
    """Two words are enough: "김철수가 회령에서" read as Latin-1 and saved as UTF-8."""
    garbled = "김철수가 회령에서\n".encode().decode("latin-1").encode()
    with pytest.raises(Undecodable) as info:
        decode_bytes(garbled, "short.txt")
    assert "garbled" in info.value.reason


def test_english_with_one_stray_byte_is_kept() -> None:
    data = b"We crossed the river at night. " * 40 + b"\xff end.\n"
    decoded = decode_bytes(data, "en.txt")
    assert "We crossed the river" in decoded.text
