"""A fictional study for review at scale: 12 people and 8 places over 13 testimonies.

Every name here is invented. Each Korean testimony names four people in the
forms people use (full name, given name with the familiar 이, with a kinship
word, with 씨) and three places with particles; the English summaries use the
romanised names.
"""

from __future__ import annotations

from pathlib import Path

PEOPLE = [
    ("김영철", "Kim Young-chol"),
    ("박옥단", "Park Ok-dan"),
    ("리순희", "Ri Sun-hui"),
    ("최명수", "Choi Myong-su"),
    ("한복순", "Han Bok-sun"),
    ("정광혁", "Jong Kwang-hyok"),
    ("강미향", "Kang Mi-hyang"),
    ("오광수", "O Kwang-su"),
    ("윤경애", "Yun Kyong-ae"),
    ("문철진", "Mun Chol-jin"),
    ("장혜련", "Jang Hye-ryon"),
    ("송태성", "Song Tae-song"),
]
PLACES = [
    ("회령시", "회령"),
    ("무산군", "무산"),
    ("혜산시", "혜산"),
    ("청진시", "청진"),
    ("온성군", "온성"),
    ("연길시", "연길"),
    ("길주군", "길주"),
    ("단둥시", "단둥"),
]


def _familiar(given: str) -> str:
    """영철 → 영철이, 순희 → 순희 (이 after a final consonant only)."""
    return given + "이" if (ord(given[-1]) - 0xAC00) % 28 else given


def korean_testimony(i: int) -> str:
    people = [PEOPLE[(i * 4 + k) % len(PEOPLE)] for k in range(4)]
    places = [PLACES[(i * 3 + k) % len(PLACES)] for k in range(3)]
    lines = ["면담자: 그때 이야기를 해 주세요."]
    for full, _ in people:
        given = full[1:]
        lines += [
            f"응답자: 우리 동네에 {_familiar(full)}라는 사람이 있었어요.",
            f"응답자: {_familiar(given)}가 먼저 강을 건넜어요.",
            f"응답자: {given} 언니는 장마당에서 장사를 했어요.",
            f"응답자: 나중에 {full} 씨가 우리를 도와줬어요.",
        ]
    for full, bare in places:
        lines += [f"응답자: {full}에서 살다가 나왔어요.", f"응답자: {bare}으로 다시 갔어요."]
    return "\n".join(lines) + "\n"


def english_summary(i: int) -> str:
    people = [PEOPLE[(i * 5 + k) % len(PEOPLE)] for k in range(3)]
    lines = ["Interviewer: Who helped you on the way?"]
    for _, roman in people:
        given = roman.split(" ", 1)[1]
        lines += [
            f"Respondent: {roman} helped me at the border.",
            f"Respondent: Later {given} sent money to my mother.",
        ]
    return "\n".join(lines) + "\n"


def write_study(folder: Path, korean: int = 10, english: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(korean):
        (folder / f"testimony-{i:02d}.txt").write_text(korean_testimony(i), encoding="utf-8")
    for i in range(english):
        (folder / f"summary-{i:02d}.txt").write_text(english_summary(i), encoding="utf-8")
    return folder
