"""Generated training sentences for the learned labeller: spoken testimony, labelled.

KLUE is news and film reviews. Testimony speaks differently: familiar names
with 이 and a kinship word ("영철이 형"), North Korean spellings (리, 로),
places with every particle, and organisations that are not people. These
templates were written for moksori (none is taken from any evaluation set);
names are drawn from the repo's surname list and a syllable list, places from
the repo's gazetteer. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from moksori.protect import gazetteer  # noqa: E402
from moksori.protect.detect.korean_names import lexicon  # noqa: E402

GIVEN_1 = list("영철순옥명혜경수미정은성광현춘금복희선숙진동혁남향일주")
GIVEN_2 = list("철희호숙자순남수미영옥실란림화석진국일혁민주애향심")
NK_SURNAMES = ["리", "림", "로", "류", "라"]
ORGS = [
    "국가보위성", "인민보안성", "조선로동당", "로동신문", "통일부", "국정원", "하나원",
    "유엔", "국제앰네스티", "휴먼라이츠워치", "조선중앙통신", "삼성전자", "대한적십자사",
    "경찰청", "외교부", "북한인권정보센터", "김일성종합대학", "인민군", "청년동맹",
    "여맹", "농장관리위원회", "국경경비대", "중국 공안", "연합뉴스", "국가정보원",
]  # fmt: skip
KIN = ["형", "오빠", "언니", "누나", "동생", "아저씨", "아줌마", "삼촌", "이모", "할머니"]
HONORIFIC = ["씨", "동무", "동지", "선생", "선생님", "님", "여사", "할머니", "아바이"]
ROLES_BEFORE = ["어머니", "아버지", "친구", "남편", "언니", "동생", "참가자", "탈북민", "이웃"]
# Kin said before a bare given name ("딸 은실이를", "오빠 광철이는"): how testimony names family.
KIN_BEFORE = "딸 아들 오빠 누나 형 언니 남동생 여동생 조카 손녀 막내".split()

# {P} full name, {G} given name, {F} familiar form (영철이), {L} place, {O} organisation;
# a slot may be followed by a particle pair in brackets: {P}[은/는].
TEMPLATES = [
    "{P} {H}{i}[은/는] {L}에서 태어났어요.",
    "{F} {K}[이/가] 그때 {L}[으로/로] 갔다 그러더라고.",
    "{G} {K}[은/는] 지금 {L}에 산대요.",
    "우리 {L} 사람들은 다 {O}[을/를] 무서워했지.",
    "{O}에서 나온 사람들이 {P}[을/를] 데려갔어요.",
    "{P} {H}[이/가] {L} 장마당에서 장사를 했습니다.",
    "{R} {P}[은/는] {L}[으로/로] 시집을 갔어요.",
    "{L}에서 {L2}까지 걸어서 사흘 걸렸어.",
    "그 사람이 {O} 사람이라고 {F}[이/가] 말해줬어.",
    "{F} {K}하고 같이 {L}[을/를] 떠났습니다.",
    "{L}[은/는] 겨울이 엄청 추워요.",
    "나중에 {O}[이/가] 그 집을 다 뒤졌어.",
    "{P}[이/가] {O}에 끌려간 건 그 다음 해였어요.",
    "{R} {G}[이/가] 먼저 {L}[을/를] 건넜어요.",
    "{L} 역 앞에서 {F}[을/를] 만났지.",
    "{P} {H}, 그분이 {L} 출신이에요.",
    "저는 {L}에서 왔고 {G}[은/는] {L2}에서 왔어요.",
    "{O} 얘기는 하지 마세요.",
    "{F}[은/는] 원래 {L} 사람이 아니야.",
    "{F}네 집은 {L} 쪽이었어.",
    "{P}[과/와] {P2}[은/는] 같은 {O}에서 일했어요.",
    "I met {E} in {LE} in 2009.",
    "우리 {K}[은/는] 그냥 {F}라고 불렀어요.",
    "{L}[이/가] 고향이라고 하면 다 알아.",
    "{G}[이/가] 그러는데 {O}[이/가] 또 단속을 한대.",
    "{B} {G}[을/를] {L}에 두고 왔다고 맨날 울었어요.",
    "{B} {F}[은/는] 거기서 {O}에 들어갔어요.",
    "{G}[은/는] 그때 열 살이라 했어요.",
    "{B} {F}[이/가] 제일 보고 싶어요.",
    "{F}[은/는] 지금 어디서 사는지 몰라요.",
    "우리 {B} {G}[과/와] 같이 {L}까지 갔지.",
]
NEGATIVES = [
    "그때는 정말 배가 고파서 아무 생각도 없었어요.",
    "이번에는 우리가 먼저 가자고 했지.",
    "정말 고생 많이 했어요, 다들.",
    "장마당에 가면 없는 게 없었어.",
    "강을 건널 때 물이 허리까지 찼어요.",
    "그 사람들한테 돈을 주고 나왔지.",
    "선생님들이 다 좋았어요.",
    "형이 있었으면 좋았을 텐데.",
    "조국을 떠난다는 게 쉬운 일이 아니었지요.",
    "동무들이 다 모여서 회의를 했습니다.",
    "한국에 와서 처음에는 말투 때문에 힘들었어요.",
    "북에서 왔다는 걸 말하기 싫었어요.",
    "남한 사람들은 잘 몰라요.",
    "철수하라는 명령이 떨어졌어요.",
    "정말 무서웠습니다.",
]
_PARTICLE = re.compile(r"\[([^/\]]+)/([^\]]+)\]")


def _batchim(ch: str) -> bool:
    return "가" <= ch <= "힣" and (ord(ch) - 0xAC00) % 28 != 0


def _name(rng: random.Random) -> tuple[str, str]:
    lex = lexicon()
    surnames = sorted(s for s in lex.surnames if len(s) == 1) + NK_SURNAMES * 4
    given = rng.choice(GIVEN_1) + rng.choice(GIVEN_2)
    return rng.choice(surnames) + given, given


def _places(rng: random.Random) -> list[str]:
    names = sorted(
        n
        for p in gazetteer.places()
        if p.country in ("KP", "CN", "KR") and p.level not in ("province", "region", "landmark")
        for n in p.names_ko
        if len(n) >= 2
    )
    rng.shuffle(names)
    return names


def sentence(rng: random.Random, places: list[str]) -> dict[str, Any]:
    """One sentence and its entities ({"start", "end", "label"}, code points)."""
    if rng.random() < 0.12:
        return {"text": rng.choice(NEGATIVES), "entities": []}
    template = rng.choice(TEMPLATES)
    full, given = _name(rng)
    full2, _ = _name(rng)
    fam = given + ("이" if _batchim(given[-1]) else "")
    slots: dict[str, tuple[str, str | None, int]] = {  # text, label, labelled length
        "P": (full, "PS", len(full)),
        "P2": (full2, "PS", len(full2)),
        "G": (given, "PS", len(given)),
        "F": (fam, "PS", len(given)),
        "L": (rng.choice(places), "LC", 0),
        "L2": (rng.choice(places), "LC", 0),
        "O": (rng.choice(ORGS), "OG", 0),
        "K": (rng.choice(KIN), None, 0),
        "H": (rng.choice(HONORIFIC), None, 0),
        "R": (rng.choice(ROLES_BEFORE), None, 0),
        "B": (rng.choice(KIN_BEFORE), None, 0),
        "i": ("", None, 0),
        "E": (rng.choice(["Kim Young-chul", "Ri Sun-hee", "Pak Ok-sun"]), "PS", 0),
        "LE": (rng.choice(["Hyesan", "Musan", "Yanji", "Shenyang"]), "LC", 0),
    }
    text = ""
    entities: list[dict[str, Any]] = []
    pos = 0
    for m in re.finditer(r"\{(\w+)\}|\[[^\]]+\]", template):
        text += template[pos : m.start()]
        pos = m.end()
        if m.group(1) is None:
            a, b = _PARTICLE.fullmatch(m.group()).groups()  # type: ignore[union-attr]
            text += a if text and _batchim(text[-1]) else b
            continue
        value, label, length = slots[m.group(1)]
        if label is not None and value:
            entities.append(
                {"start": len(text), "end": len(text) + (length or len(value)), "label": label}
            )
        text += value
    text += template[pos:]
    return {"text": text, "entities": entities}


def generate(n: int, seed: int = 15) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    places = _places(rng)
    return [sentence(rng, places) for _ in range(n)]


if __name__ == "__main__":
    for row in generate(int(sys.argv[1]) if len(sys.argv) > 1 else 10):
        print(
            row["text"], [(row["text"][e["start"] : e["end"]], e["label"]) for e in row["entities"]]
        )
