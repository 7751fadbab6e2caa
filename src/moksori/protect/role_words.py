"""The neutral word a role becomes: true of the original, or nothing (the tag).

Why a checked table: for a small community a role identifies ("the party
secretary of our farm"), so the default policy replaces it by a plain word.
That word must be true: a security officer is an official, an overseas logger
is a worker, not an official. The kind is read from the words of the role
itself, never taken from a detector's ``info``; a role whose words match no
kind, or match kinds with different words, gets the tag.
"""

from __future__ import annotations

import re

# kind → (Korean word, English word). English words start with a consonant sound,
# so an article left outside the span ("a security officer") stays right.
NEUTRAL: dict[str, tuple[str, str]] = {
    "official": ("관리", "state official"),
    "cadre": ("간부", "cadre"),
    "head": ("책임자", "person in charge"),
    "worker": ("노동자", "worker"),
    "soldier": ("군인", "soldier"),
    "workplace": ("일터", "workplace"),
    "unit": ("부대", "unit"),
}

# (pattern, kind), tried on the head of the role. Heads of units before the units
# ("작업반장" is a head, "작업반" a workplace); Korean heads are word-final.
_KO: list[tuple[str, str]] = [
    (r"초급당비서|당비서|비서", "cadre"),
    (
        r"(?:인민|작업|분|생산|소|중|대|세대주)?반장|분조장|조장|지배인|기사장|위원장|소장|부장|과장"
        r"|사장|대장|책임자|주임|서장|사무장|감방장|직장장|단장|그루빠장|국장|처장|실장|원장|선장|기관장"
        r"|분대장|갱장",
        "head",
    ),
    (
        r"보위원|보위지도원|보위부원|보위부|보위성|안전원|보안원|보안서원|안전부원|경찰관?|검찰일꾼"
        r"|검사|검사원|예심원|판사|교도관|계호원|세관원|상무|상무\s?성원",
        "official",
    ),
    (r"당일꾼|당간부|간부|일꾼|지도원|지도일꾼|정치지도원|정치위원", "cadre"),
    (
        r"벌목공|[노로]동자|광부|근로자|농장원|직장원|종업원|봉제공|어부|선원|미장공|목수|용접공|건설공"
        r"|운전수|운전사",
        "worker",
    ),
    (r"군인|병사|하전사|경비대원|국경경비대원|경비병|초병|군관|장교", "soldier"),
    (r"부대|경비대|국경경비대|초소", "unit"),
    (
        r"농장|협동농장|기업소|공장|광산|탄광|사업소|작업반|분조|직장|연합기업소|건설대|돌격대"
        r"|청년돌격대|회사",
        "workplace",
    ),
]
_EN: list[tuple[str, str]] = [
    (r"(?:party )?secretary", "cadre"),
    (
        r"(?:neighbou?rhood[- ]unit |inminban |work[- ]team |brigade |unit |team )?"
        r"(?:head|chief|leader|foreman|manager|director|chairman|chairwoman)|inminbanjang",
        "head",
    ),
    (
        r"(?:state )?security (?:officer|agent|official)|bowibu (?:officer|agent)|bowiwon"
        r"|boanwon|anjeonwon|police(?:man|woman| officer)?|prosecutor|judge|prison guard"
        r"|customs officer",
        "official",
    ),
    (r"cadre|party official|party cadre|official", "cadre"),
    (
        r"(?:overseas |logging |construction |mine |factory )?(?:worker|labou?rer|logger|miner)",
        "worker",
    ),
    (r"soldier|border guard|army officer|conscript", "soldier"),
    (r"military unit|army unit|border guard unit|garrison", "unit"),
    (
        r"(?:collective |co-?operative )?farm|factory|mine|coal mine|enterprise|work unit"
        r"|work team|brigade",
        "workplace",
    ),
]
_KO_SECURITY = re.compile(r"보위|반탐|보안|안전부|안전원|분주소|검찰|예심|교화소|집결소|109")
_EN_AGENCY = re.compile(
    r"\b(?:bowibu|bowiwon|boanseo|boanwon|anjeon\w*|mss|ssd|mps|secret police|security police"
    r"|state security|people'?s security)\b.*\b(?:agents?|officers?|officials?|m[ae]n"
    r"|investigators?|interrogators?|guards?)$"
)
_PREPOSITION = r"\s+(?:of|at|in|for|from|to)\s+"
_ADDRESS = frozenset({"동지", "동무", "동지가", "동지는", "동지한테", "동무가", "님", "씨"})
_PLURALS = {"person in charge": "people in charge", "state official": "state officials"}
_DETERMINER = re.compile(r"^(the|a|an|our|my|his|her|their|that|this|your)\s+", re.IGNORECASE)


def kind_of(said: str) -> str | None:
    """The kind of a role from its own words, or None when unknown or contradictory."""
    text = said.strip()
    if not text:
        return None
    if re.search("[가-힣]", text):
        return _ko_kind(text)
    whole = re.sub(r"[’']s\b", "", _DETERMINER.sub("", text.casefold()))
    head = re.split(_PREPOSITION, whole, maxsplit=1)[0]
    for pattern, kind in _EN:  # the head noun first: "the party secretary of our farm"
        if re.search(rf"(?:^|\s|-)(?:{pattern})s?$", head):
            return kind
    if _EN_AGENCY.search(whole):
        return "official"  # "Ministry of State Security officials"
    return None


def _plural(said: str) -> bool:
    head = re.split(_PREPOSITION, said.strip(), maxsplit=1)[0]
    if _EN_AGENCY.search(said.strip().casefold()):
        head = said.strip()
    return bool(re.search(r"(?:[^s]s|ies)$", head)) and not head.casefold().endswith("ss")


def _ko_kind(text: str) -> str | None:
    """The kind of the word-final role word ("우리 농장 당비서" is a head, not a farm)."""
    words = re.split(r"\s+", text)
    while len(words) > 1 and words[-1] in _ADDRESS:
        words.pop()
    last = words[-1]
    last = re.sub(r"(?:동지|동무|님|씨|이|가|은|는|을|를|의|한테|에게|들)$", "", last)
    for pattern, kind in _KO:
        if re.search(rf"(?:{pattern})$", last):
            if kind == "cadre" and _KO_SECURITY.search(text) and "비서" not in last:
                return "official"  # 보위부 지도원: an officer of the security service
            return kind
    if _KO_SECURITY.search(text) and re.search(r"(?:요원|성원|대원)$", last):
        return "official"  # 보위사령부 요원
    return None


def neutral(said: str, lang: str, sentence_start: bool = False) -> str | None:
    """The neutral word for a role in the line's language, or None for the tag.

    English keeps the determiner the span holds ("the party secretary of our
    farm" → "the cadre"), capitalised only at the start of a sentence; Korean
    gives the bare noun, whose particle the redactor makes agree.
    """
    kind = kind_of(said)
    if kind is None:
        return None
    ko, en = NEUTRAL[kind]
    if lang == "ko":
        return ko
    if kind == "official" and said.strip().casefold().endswith("police"):
        en = "authorities"  # "the police came": a body, not one person
    elif _plural(said):
        en = _PLURALS.get(en, en + "s")
    m = _DETERMINER.match(said.strip())
    word = en
    if m:
        det = m.group(1).casefold()
        word = f"{'a' if det == 'an' else det} {en}"
    return word[0].upper() + word[1:] if sentence_start else word
