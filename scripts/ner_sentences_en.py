"""Generated English training sentences for the English labeller: testimony and papers.

presidio-synth is about customers and addresses. Translated testimony and papers
about North Korean migrants speak differently: romanised Korean names in every
spelling ("my cousin Kim Young-chul", "Chol-nam, 34, from Hoeryong"), border
towns and rivers, security organs and NGOs ("the Bowibu", "Hana Center",
"Amnesty International": organisations, not persons), demonyms and "the North"
(not names, not places to hide), and citations. The templates were written for
moksori (none is taken from any evaluation set); names are romanised by the
repo's own romaniser from its surname and syllable lists, places come from its
gazetteer. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from moksori.protect import gazetteer  # noqa: E402
from moksori.protect.detect.english_names import DATA  # noqa: E402
from moksori.protect.romanise import romanise_name  # noqa: E402

SURNAMES = list(
    "김이리박최정강조윤장임림한오서신권황안송류전홍고문양손배백허남심노로하곽성차주우구민진"
)
GIVEN_1 = list("영철순옥명혜경수미정은성광현춘금복희선숙진동혁남향일주지민승")
GIVEN_2 = list("철희호숙자순남수미영옥실란림화석진국일혁민주애향심우준")
ORGS = [
    "the Bowibu", "the Ministry of State Security", "the Ministry of People's Security",
    "the Workers' Party of Korea", "the Korean Workers' Party", "Hana Center", "Hana Centers",
    "Hanawon", "the Korea Hana Foundation", "Amnesty International", "Human Rights Watch",
    "the United Nations", "the UN Human Rights Council", "Daily NK", "Radio Free Asia",
    "the Ministry of Unification", "the National Intelligence Service", "Rodong Sinmun",
    "the Korean Central News Agency", "the Red Cross", "Samsung", "Yonhap",
    "the Kim Il Sung Socialist Youth League", "the Chinese public security bureau",
    "Liberty in North Korea", "the Database Center for North Korean Human Rights",
    "Seoul National University", "the Korean People's Army", "the Socialist Women's Union",
    "Durihana Church", "the Committee for Human Rights in North Korea", "NK News",
    "Kim Chaek University of Technology", "Kim Il Sung University", "Hyesan Mining College",
    "Chongjin Teachers' College", "Pyongyang University of Foreign Studies",
    "the Hoeryong Silk Mill", "the Musan Mine", "Lotte Mart", "Hyundai Heavy Industries",
    "the Yanbian Korean Autonomous Prefecture government", "Shenyang Railway Bureau",
]  # fmt: skip
# Given names of other neighbours of the route (Chinese pinyin, Russian diminutives, Thai
# and Lao): written from general knowledge, for names no Korean or English list holds.
OTHER_GIVEN = """Xiaomei Lihua Jianguo Wei Fang Yan Hui Lei Ming Xiuying Guiying Laowang Laoliu
    Xiaolong Meiling Chunhua Dongmei Zhenya Tolya Sasha Misha Natasha Olya Vanya Kolya Dima
    Lena Katya Galya Volodya Seryozha Somchai Noi Kham Bounmy Sokhom Malee Nok Dao""".split()
ADVERBS = ["Later", "Then", "Yesterday", "Afterwards", "Finally", "Once", "Soon", "Sometimes"]
DEMONYMS = [
    "North Korean", "South Korean", "Chinese", "Korean", "Japanese", "Russian", "American",
    "North Koreans", "South Koreans", "Korean-Chinese", "Joseonjok", "Han Chinese",
]  # fmt: skip
NORTH = ["the North", "the South", "North", "South", "the peninsula", "the border"]
STATES = ["North Korea", "South Korea", "China", "Russia", "the DPRK", "the ROK", "Mongolia"]
KIN = [
    "cousin", "aunt", "uncle", "brother", "sister", "mother", "father", "friend", "neighbour",
    "husband", "wife", "niece", "nephew", "grandmother", "classmate", "elder sister",
]  # fmt: skip
TITLES = ["Mr.", "Mrs.", "Ms.", "Dr.", "Pastor", "Professor", "Comrade", "Auntie", "Uncle"]

# {P} full name, {G} given name alone, {S} surname alone, {W} a Western full name,
# {L} a place, {O} an organisation, {D} a demonym, {N} "the North", {C} a state,
# {K} a kinship word, {T} a title, {A} an age, {Y} a year.
TEMPLATES = [
    "My {K} {P} stayed behind in {L}.",
    "{G}, {A}, from {L}, crossed the river in {Y}.",
    "We crossed to {L} at night and hid in a house near the station.",
    "{T} {S} told us that {O} was looking for us.",
    "{P} was taken by {O} in the spring of {Y}.",
    "After three months in {L} we reached {L2} by bus.",
    "The interviewee, {G}, said her {K} still lives in {L}.",
    "{O} helped {P} find a job in {L}.",
    "Many {D} defectors pass through {O} before settling in {L}.",
    "She left {N} in {Y} and arrived in {C} a year later.",
    "According to {O}, {D} women are often sold in {L}.",
    '"We were hungry all the time," {G} recalled.',
    "{W} met {P} at {O} in {L}.",
    "I called my {K}, {G}, from a phone in {L}.",
    "{P} ({A}) was born in {L} and worked at a mine there.",
    "A broker named {G} took us from {L} to {L2}.",
    "Life in {N} was hard, and the {D} police were everywhere.",
    "{D} officials denied the report by {O}.",
    "Previous studies (e.g., {S}, {Y}; {S2} and {S3}, {Y2}) describe the journey.",
    "As {S} ({Y}) argues, {D} migrants face discrimination in {C}.",
    "{O} reported that {C} forcibly returned hundreds of {D} refugees.",
    "{G} and {G2} grew up together in {L}.",
    "We stayed with {T} {S}'s family in {L} for two weeks.",
    "In {Y}, {P} joined {O} as a volunteer.",
    "Everyone in {L} knew {G}'s father.",
    "{K} {G} sold rice at the market in {L}.",
    "The guard from {O} asked {G} where she was going.",
    "{W} is a researcher at {O}.",
    "My name is {G} and I come from {L}.",
    "Participants were recruited through {O} in {L}.",
    "They say {G} is now in {C}, but nobody knows.",
    "We walked along the river from {L} to {L2}.",
    "{P}, a former soldier, now lives in {L}.",
    "The {D} government and {O} have different figures.",
    "When {G} was {A}, the family moved to {L}.",
    "{S} and colleagues ({Y}) interviewed {D} women in {L}.",
    "{V} {G} married a farmer from {L}.",
    "When I reached {L}, {G} from the church met me.",
    "{V} {X} drove us to {L} in a small truck.",
    "I shared a room with {X} and {G} in {L}.",
    "{X}, the {D} foreman, paid us in cash.",
    "{V} {G} came back from {L} without her son.",
    "We studied at {O} before the famine.",
    "{G} from {O} called me twice.",
]
NEGATIVES = [
    "We were hungry all the time and nobody helped us.",
    "The North Korean economy collapsed in the 1990s.",
    "Most defectors arrive in the South after years in China.",
    "North Koreans who reach South Korea first stay at a resettlement centre.",
    "The border is guarded more closely since the pandemic.",
    "I do not want to talk about that time.",
    "Table 2 shows the characteristics of the participants.",
    "The South Korean government provides housing support.",
    "Chinese brokers charge more every year.",
    "In the North, the market became the centre of daily life.",
    "Korean is my first language, but I learned Chinese there.",
    "Data were analysed using thematic analysis.",
    "She said it was the worst winter she remembered.",
    "Amnesty International and Human Rights Watch have documented forced returns.",
    "Hana Centers offer counselling in every province.",
]
# A paper's or report's headings: capitalised words alone on a line are not places.
HEADINGS = [
    "Abstract", "Introduction", "Background", "Methods", "Method", "Methodology", "Data",
    "Results", "Findings", "Discussion", "Conclusion", "Conclusions", "Limitations",
    "References", "Acknowledgements", "Appendix", "Notes", "Summary", "Overview",
    "Literature Review", "Data and Methods", "Policy Implications", "Recommendations",
    "Key Findings", "Executive Summary", "Table of Contents", "Funding", "Ethics",
]  # fmt: skip
HEADING_WORDS = [
    "control", "debt", "trust", "family", "work", "memory", "silence", "shame", "money",
    "faith", "belonging", "identity", "stigma", "labour", "marriage", "health", "hunger",
    "markets", "borders", "networks", "education", "settlement", "church", "language",
]  # fmt: skip
# Slots a rule detector may wrongly read as a person: organisations, demonyms, "the North",
# states. The trainer marks some of them as rule persons, so the model learns to overrule.
DECOY_SLOTS = frozenset({"O", "D", "N", "C"})
_SLOT = re.compile(r"\{(\w+)\}")


def _korean_name(rng: random.Random) -> tuple[str, str, str]:
    """A romanised Korean name in one of its spellings: (full, given, surname)."""
    hangul = rng.choice(SURNAMES) + rng.choice(GIVEN_1) + rng.choice(GIVEN_2)
    spelled = rng.choice(romanise_name(hangul)[:12])
    surname, _, given = spelled.partition(" ")
    if rng.random() < 0.15:  # given name first, as passports and English papers write it
        return f"{given} {surname}", given, surname
    return spelled, given, surname


def _list(name: str) -> list[str]:
    lines = (DATA / name).read_text("utf-8").splitlines()
    return sorted({x.strip().title() for x in lines if x.strip() and not x.startswith("#")})


def _places() -> list[str]:
    """English place names, Korean and Chinese ones twice: testimony names them most."""
    out: list[str] = []
    for p in gazetteer.places():
        if p.name_en and p.level not in ("region", "landmark") and p.name_en[:1].isupper():
            name = gazetteer.strip_marks(p.name_en).replace("'", "")  # Hwasŏng → Hwasong
            out += [name] * (2 if p.country in ("KP", "KR", "CN") else 1)
    return sorted(out)


def _heading(rng: random.Random) -> str:
    """A heading alone on its line: "Methods", "3.2 Control and debt", "Trust and Shame"."""
    if rng.random() < 0.4:
        return rng.choice(HEADINGS)
    a, b = rng.sample(HEADING_WORDS, 2)
    title = f"{a.title()} and {b}" if rng.random() < 0.5 else f"{a.title()} and {b.title()}"
    number = rng.choice(
        ["", "", f"{rng.randint(1, 6)}. ", f"{rng.randint(1, 6)}.{rng.randint(1, 4)} "]
    )
    return number + title


def sentence(rng: random.Random, pools: dict[str, list[str]]) -> dict[str, Any]:
    """One sentence and its entities ({"start", "end", "label"}, code points)."""
    roll = rng.random()
    if roll < 0.08:
        return {"text": rng.choice(NEGATIVES), "entities": []}
    if roll < 0.14:
        heading = _heading(rng)
        return {"text": heading, "entities": [], "decoys": [(0, len(heading))]}
    template = rng.choice(TEMPLATES)
    k1, k2 = _korean_name(rng), _korean_name(rng)
    western = f"{rng.choice(pools['given'])} {rng.choice(pools['surname'])}"
    slots: dict[str, tuple[str, str | None]] = {
        "P": (k1[0] if rng.random() < 0.8 else western, "PS"),
        "G": (k1[1] if rng.random() < 0.8 else rng.choice(pools["given"]), "PS"),
        "G2": (k2[1], "PS"),
        "S": (k1[2] if rng.random() < 0.6 else rng.choice(pools["surname"]), "PS"),
        "S2": (k2[2], "PS"),
        "S3": (rng.choice(pools["surname"]), "PS"),
        "W": (western, "PS"),
        "X": (rng.choice(OTHER_GIVEN), "PS"),
        "V": (rng.choice(ADVERBS), None),
        "L": (rng.choice(pools["place"]), "LC"),
        "L2": (rng.choice(pools["place"]), "LC"),
        "O": (rng.choice(ORGS), "OG"),
        "D": (rng.choice(DEMONYMS), None),
        "N": (rng.choice(NORTH), None),
        "C": (rng.choice(STATES), "LC"),
        "K": (rng.choice(KIN), None),
        "T": (rng.choice(TITLES), None),
        "A": (str(rng.randint(14, 80)), None),
        "Y": (str(rng.randint(1994, 2023)), None),
        "Y2": (str(rng.randint(1994, 2023)), None),
    }
    text = ""
    entities: list[dict[str, Any]] = []
    decoys: list[tuple[int, int]] = []  # not persons, though a rule might say so
    pos = 0
    for m in _SLOT.finditer(template):
        text += template[pos : m.start()]
        pos = m.end()
        value, label = slots[m.group(1)]
        if value.startswith("the ") and not text:
            value = "The " + value[4:]  # a sentence that starts with an organisation
        if label is not None:
            start = len(text) + (4 if label == "OG" and value.lower().startswith("the ") else 0)
            entities.append({"start": start, "end": len(text) + len(value), "label": label})
        if m.group(1) in DECOY_SLOTS:
            decoys.append(
                (len(text) + (4 if value.lower().startswith("the ") else 0), len(text) + len(value))
            )
        text += value
    text += template[pos:]
    return {"text": text, "entities": entities, "decoys": decoys}


def generate(n: int, seed: int = 15) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    pools = {
        "given": _list("english_given_names.txt"),
        "surname": _list("english_surnames.txt"),
        "place": _places(),
    }
    return [sentence(rng, pools) for _ in range(n)]


if __name__ == "__main__":  # a look at a few, in the terminal only
    for row in generate(int(sys.argv[1]) if len(sys.argv) > 1 else 10):
        print(
            row["text"], [(row["text"][e["start"] : e["end"]], e["label"]) for e in row["entities"]]
        )
