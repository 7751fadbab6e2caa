"""Every replacement the redacted view writes is true of what it replaces.

A redacted text may lose detail; it must never say something false. So each
replacement is either a neutral tag, the original words (only when they are
already as coarse as the policy asks), or something true of the original: a
province, region or country containing every place the name may denote (the
oracle below reads the data files on its own), the year the date says or the part
of its decade that holds it, an age
band that holds the age, a plain word true of the role.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from moksori.project import Project
from moksori.protect import gazetteer as gz
from moksori.protect.export import export_documents
from moksori.protect.findings import Finding, Selector
from moksori.protect.policy import TAGS, Policy
from moksori.protect.redact import Renderer, build, replacements_for
from moksori.protect.spans import PiiType
from moksori.protect.vault import Vault
from moksori.protect.view import generalise_place

KO_PARTICLES = ("에서", "으로", "로", "은", "는", "이", "가", "에", "을", "를", "과", "와")
PLACE_TAGS = set(TAGS[PiiType.PLACE])


# --- the oracle: readings and true ancestors, straight from the data rows ------------
def _key(name: str) -> str:
    return gz.ko_key(name) if re.search(f"[\uac00-\ud7a3{gz.CJK}]", name) else gz.en_key(name)


@cache
def _by_key() -> dict[str, frozenset[gz.Place]]:
    out: dict[str, set[gz.Place]] = {}
    for p in gz.places():
        for name in (p.name_ko, p.name_en, *p.names_ko, *p.names_en):
            k = _key(name)
            if k:
                out.setdefault(k, set()).add(p)
    return {k: frozenset(v) for k, v in out.items()}


def readings(name: str) -> frozenset[gz.Place]:
    return _by_key().get(_key(name), frozenset())


def _row(name_ko: str) -> gz.Place:
    return next(p for p in gz.places() if p.name_ko == name_ko)


def _country(code: str) -> gz.Place | None:
    return next((p for p in gz.places() if p.level == "country" and p.country == code), None)


def ancestors(p: gz.Place) -> set[str]:
    """Names that are true of ``p`` at province level or coarser, both languages."""
    top = _row(p.province) if p.province else p
    out = {re.sub(r"\s*\([^)]*\)", "", top.name_ko), top.name_en, top.region_ko, top.region_en}
    country = _country(p.country)
    if country is not None:
        out |= {country.name_ko, country.name_en}
    return {x for x in out if x}


def truths(name: str) -> set[str]:
    """What every reading of ``name`` makes true (the empty set for an unknown name)."""
    sets = [ancestors(p) for p in readings(name)]
    return set.intersection(*sets) if sets else set()


def top_level(name: str) -> bool:
    """Every reading is a country or a top row: keeping the words leaks no unit."""
    found = readings(name)
    return bool(found) and all(not p.province for p in found)


def allowed_place(name: str, shown: str) -> bool:
    words = truths(name) | PLACE_TAGS | ({name} if top_level(name) else set())
    return any(
        shown == w or (shown.startswith(w) and shown[len(w) :] in KO_PARTICLES) for w in words
    )


# --- rendering as `deid export` does ----------------------------------------------------
def render(text: str, spans: list[tuple[int, int, str, dict[str, object]]], **actions: str):
    policy = Policy()
    for type_, action in actions.items():
        policy.actions[PiiType(type_)] = action
    findings = [
        Finding(i, 1, a, b, t, "test", 0.9, "accepted", None, info)
        for i, (a, b, t, info) in enumerate(spans)
    ]
    renderer = Renderer(text, policy, {}, generalise_place)
    reps = replacements_for(text, findings, renderer)
    return build(text, reps), reps


def all_names() -> Iterator[str]:
    seen: set[str] = set()
    for p in gz.places():
        for name in (*p.names_ko, *p.names_en):
            if name and name not in seen:
                seen.add(name)
                yield name


NAMES = sorted(all_names())


def sentence(name: str, i: int) -> tuple[str, int]:
    """A sentence holding ``name``; the position where it starts."""
    if re.search("[\uac00-\ud7a3]", name) or re.search(f"[{gz.CJK}]", name):
        particle = KO_PARTICLES[i % len(KO_PARTICLES)]
        return f"그 뒤로 {name}{particle} 한동안 지냈어요.", 5
    return f"After that I stayed in {name} for a while.", len("After that I stayed in ")


# --- places ---------------------------------------------------------------------------
@pytest.mark.parametrize("level", ["province", "region"])
def test_every_gazetteer_name_is_replaced_by_a_true_ancestor_or_the_tag(level: str) -> None:
    bad = []
    for i, name in enumerate(NAMES):
        text, at = sentence(name, i)
        _, reps = render(text, [(at, at + len(name), "place", {})], place=level)
        assert len(reps) == 1
        if not allowed_place(name, reps[0].text):
            bad.append((name, reps[0].text))
    assert not bad, bad[:20]


def test_a_detectors_info_never_decides_the_province() -> None:
    """A wrong ``info`` (a neighbour's province, a stale guess) changes nothing."""
    for i, name in enumerate(NAMES[::7]):
        text, at = sentence(name, i)
        lie = {"province": "함경북도", "country": "KP", "level": "city"}
        _, reps = render(text, [(at, at + len(name), "place", lie)])
        assert allowed_place(name, reps[0].text), (name, reps[0].text)


def test_a_particle_inside_the_span_changes_nothing() -> None:
    for i, name in enumerate(n for n in NAMES if re.search("[\uac00-\ud7a3]", n)):
        particle = KO_PARTICLES[i % len(KO_PARTICLES)]
        said = name + particle
        if readings(said):
            continue  # "강원" + "도" is a name of its own
        text = f"그 뒤로 {said} 한동안 지냈어요."
        _, reps = render(text, [(5, 5 + len(said), "place", {})])
        assert allowed_place(name, reps[0].text), (said, reps[0].text)


@pytest.mark.parametrize(
    "said",
    ["북", "남", "이북", "북쪽", "북한", "남한", "북조선", "남조선", "조선", "한국", "대한민국"]
    + ["the North", "North", "the South", "North Korea", "South Korea", "Korea", "DPRK"],
)
@pytest.mark.parametrize("level", ["province", "region", "mask"])
def test_the_two_states_are_never_made_more_specific(said: str, level: str) -> None:
    ko = bool(re.search("[\uac00-\ud7a3]", said))
    text = f"{said}에서 왔다는 말을 들었어요." if ko else f"She came from {said} in 2011."
    at = 0 if ko else len("She came from ")
    _, reps = render(text, [(at, at + len(said), "place", {"province": "함경북도"})], place=level)
    assert reps[0].text.removesuffix("에서") in {said} | PLACE_TAGS, reps[0].text


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("거제도", "경상남도"),
        ("Geoje Island", "South Gyeongsang"),
        ("강화도", "인천광역시"),
        ("백령도", "인천광역시"),
        ("Baengnyeong Island", "Incheon"),
        ("울릉도", "경상북도"),
        ("Ulleung Island", "North Gyeongsang"),
        ("순천", "[장소]"),  # in both Koreas: no province is true of both
        ("Tumen", "[place]"),  # the city or the river: the river is in no province
        ("중구", "대한민국"),  # a district name many South Korean cities share
        ("무산에서", "함경북도"),
        ("서울 양천구 신정동", "서울특별시"),
        ("Long Island", "United States"),
    ],
)
def test_islands_and_ambiguous_names(said: str, expected: str) -> None:
    ko = bool(re.search("[\uac00-\ud7a3]", said)) and expected != "[place]"
    text = f"{said} 근처에 살았어요." if ko else f"I lived near {said} then."
    at = 0 if ko else len("I lived near ")
    _, reps = render(text, [(at, at + len(said), "place", {})])
    assert reps[0].text == expected


KO_NAMES = [n for n in NAMES if re.fullmatch("[\uac00-\ud7a3]{2,}", n)]


@given(
    st.sampled_from(KO_NAMES),
    st.sampled_from(["당", "역전", "군인", "항일", "시민들", "냉면", " 인민위원회", " 보안서"]),
)
@settings(max_examples=200, deadline=None)
def test_a_place_inside_a_longer_word_or_an_organ_is_never_named_a_province(
    name: str, rest: str
) -> None:
    """The province would then name another thing (무산군당 → 함경북도당, 무산군
    인민위원회 → the provincial committee): the tag."""
    text = f"그 뒤로 {name}{rest}에서 지냈어요."
    view, reps = render(text, [(5, 5 + len(name), "place", {})])
    assert reps[0].text in PLACE_TAGS, (name, rest, reps[0].text)
    assert f"{rest}에서 지냈어요." in view.text


@given(st.sampled_from(NAMES), st.integers(0, 20))
@settings(max_examples=60, deadline=None)
def test_scanned_places_are_replaced_truthfully(name: str, i: int) -> None:
    """The whole path: the real detectors find the place, the view replaces it."""
    from moksori.protect.scan import detect_text

    text, _ = sentence(name, i)
    spans = [
        (s.start, s.end, s.type.value, dict(s.info))
        for s in detect_text(text)
        if s.type in (PiiType.PLACE, PiiType.PERSON)
    ]
    _, reps = render(text, spans)
    for rep in reps:
        if rep.type == "place":
            original = text[rep.start : rep.end]
            ok = allowed_place(name, rep.text) or rep.text == original
            assert ok, (name, original, rep.text)
            if rep.text == original:
                assert top_level(name) or name not in original, (name, rep.text)


# --- dates ----------------------------------------------------------------------------
DATE_TAGS = set(TAGS[PiiType.DATE])


@st.composite
def spoken_dates(draw: st.DrawFn) -> tuple[str, int, str]:
    year = draw(st.integers(1940, 2025))
    yy = f"{year % 100:02d}"
    said, lang = draw(
        st.sampled_from(
            [
                (f"{year}년", "ko"),
                (f"{year}년 추석", "ko"),
                (f"{year}년 3월 14일", "ko"),
                (f"{yy}년 배고플 때", "ko"),
                (f"{yy}년도", "ko"),
                (f"in {year}", "en"),
                (f"March {year}", "en"),
                (f"14 March {year}", "en"),
            ]
        )
    )
    return said, year, lang


@given(spoken_dates(), st.integers(-30, 30))
@settings(max_examples=300, deadline=None)
def test_a_date_keeps_only_the_year_it_says(case: tuple[str, int, str], skew: int) -> None:
    said, year, lang = case
    text = f"{said}에 떠났어요." if lang == "ko" else f"She left {said}."
    at = 0 if lang == "ko" else len("She left ")
    info = {"year": year + skew, "holiday": True}
    _, reps = render(text, [(at, at + len(said), "date", info)], date="year")
    shown = reps[0].text.removesuffix("에")
    if shown in DATE_TAGS:
        assert skew != 0 or not re.search(r"\d", said)
        return
    digits = re.findall(r"\d+", shown)
    assert digits in ([str(year)], [f"{year % 100:02d}"]), (said, info, shown)
    assert skew == 0 or (year + skew) % 100 == year % 100


_PERIOD = re.compile(
    r"(?:(?P<ko>\d{4})년대 (?P<third_ko>초반|중반|후반)"
    r"|the (?P<third_en>early |mid-|late )(?P<en>\d{4})s)"
)
_THIRD = {
    "초반": (0, 3),
    "중반": (4, 6),
    "후반": (7, 9),
    "early ": (0, 3),
    "mid-": (4, 6),
    "late ": (7, 9),
}


@given(spoken_dates(), st.integers(-30, 30))
@settings(max_examples=300, deadline=None)
def test_a_date_becomes_a_period_that_holds_its_year(case: tuple[str, int, str], skew: int) -> None:
    """The default policy: the part of the decade, which contains the year said, and no
    exact year; the tag when the year the finding claims is not in its words."""
    said, year, lang = case
    text = f"{said}에 떠났어요." if lang == "ko" else f"She left {said}."
    at = 0 if lang == "ko" else len("She left ")
    info = {"year": year + skew, "holiday": True}
    _, reps = render(text, [(at, at + len(said), "date", info)])
    shown = reps[0].text.removesuffix("에")
    if shown in DATE_TAGS:
        assert skew != 0
        return
    assert skew == 0 or (year + skew) % 100 == year % 100
    m = _PERIOD.search(shown)
    assert m, (said, shown)
    decade = int(m.group("ko") or m.group("en"))
    low, high = _THIRD[m.group("third_ko") or m.group("third_en")]
    assert decade + low <= year + skew <= decade + high, (said, info, shown)
    assert re.findall(r"\d+", shown) == [str(decade)], shown


@given(
    st.integers(1940, 2025),
    st.sampled_from(["봄", "여름", "늦가을", "겨울", "추석", "설날", "단오", "초", "말"]),
    st.sampled_from(["에", "까지", "이", "은", "부터", " 무렵에"]),
)
@settings(max_examples=200, deadline=None)
def test_a_season_beside_a_found_year_is_hidden_and_the_year_kept(
    year: int, season: str, after: str
) -> None:
    """The detector found the year only: the season goes, the year stays, no new time."""
    assume(season not in ("초", "말") or after not in ("이", "은"))  # not said so
    text = f"그 사람은 {year}년 {season}{after} 떠났어요."
    at = text.index(str(year))
    view, reps = render(text, [(at, at + 5, "date", {"year": year})], date="year")
    assert season not in view.text.replace("떠났", "")
    assert re.findall(r"\d+", reps[0].text) == [str(year)]
    assert re.fullmatch(r"\d{4}년(?: 어느 (?:날|때))?(?:가|이|는|은)?", reps[0].text), reps


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("She left in the spring of ", "She left in "),
        ("She left during the winter of ", "She left in "),
        ("She called at Chuseok in ", "She called in "),
        ("She was back by the autumn of ", "She was back by "),
        ("She left after the summer of ", "She left after a day in "),
    ],
)
def test_an_english_season_of_a_found_year_keeps_a_true_preposition(
    lead: str, expected: str
) -> None:
    text = f"{lead}2003."
    view, _ = render(text, [(len(lead), len(lead) + 4, "date", {"year": 2003})], date="year")
    assert view.text == f"{expected}2003."


@pytest.mark.parametrize(
    "said",
    ["재작년 단오", "작년 추석", "고난의 행군 때", "그해 겨울", "last spring", "that summer"],
)
def test_a_relative_date_never_gets_an_invented_year(said: str) -> None:
    text = f"{said}에 떠났어요."
    _, reps = render(text, [(0, len(said), "date", {"year": 1997, "relative": True})])
    assert reps[0].text.removesuffix("에") in DATE_TAGS


def test_a_year_range_stays_a_range() -> None:
    text = "I lived there 2003–2007."
    at = text.index("2003")
    view, _ = render(text, [(at, at + 9, "date", {"year": 2003, "year_to": 2007})], date="year")
    assert view.text == "I lived there 2003–2007."


# --- ages -----------------------------------------------------------------------------
NATIVE_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
NATIVE_UNITS = ["", "하나", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
EN_UNITS = "one two three four five six seven eight nine".split()
EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _native(age: int) -> str:
    tens = NATIVE_TENS[age // 10]
    if age // 10 == 2 and age % 10 == 0:
        tens = "스무"
    return tens + NATIVE_UNITS[age % 10]


@st.composite
def said_ages(draw: st.DrawFn) -> tuple[str, int, str]:
    age = draw(st.integers(20, 99))
    words = EN_TENS[age // 10] + (f"-{EN_UNITS[age % 10 - 1]}" if age % 10 else "")
    said, lang = draw(
        st.sampled_from(
            [
                (f"{age}세", "ko"),
                (f"{age}살", "ko"),
                (f"{_native(age)} 살", "ko"),
                (f"{age}-year-old", "en"),
                (f"{words}", "en"),
                (f"{age}", "en"),
            ]
        )
    )
    return said, age, lang


def _band_of(shown: str) -> tuple[int, int] | None:
    m = re.search(r"(\d+)대", shown) or re.search(r"(\d+)–(\d+)", shown)
    if m is None:
        return None
    low = int(m.group(1))
    return low, int(m.group(2)) if m.lastindex == 2 else low + 9


@given(said_ages(), st.integers(-15, 15))
@settings(max_examples=300, deadline=None)
def test_an_age_band_holds_the_age_the_words_say(case: tuple[str, int, str], skew: int) -> None:
    said, age, lang = case
    text = f"{said} 때 떠났어요." if lang == "ko" else f"She was {said} then."
    at = 0 if lang == "ko" else len("She was ")
    _, reps = render(text, [(at, at + len(said), "age", {"age": age + skew})])
    shown = reps[0].text
    if shown in TAGS[PiiType.AGE]:
        return
    band = _band_of(shown)
    assert band is not None, (said, shown)
    assert band[0] <= age <= band[1], (said, age + skew, shown)


# --- roles ----------------------------------------------------------------------------
ROLE_TAGS = set(TAGS[PiiType.ROLE])
ROLES = {
    "보위원": {"관리"},
    "보위부 지도원": {"관리", "간부"},
    "안전원": {"관리"},
    "인민반장": {"책임자"},
    "작업반장": {"책임자"},
    "당비서": {"간부"},
    "벌목공": {"노동자"},
    "해외 파견 노동자": {"노동자"},
    "국경경비대원": {"군인"},
    "a security officer": {"a state official"},
    "the party secretary of our farm": {"the cadre"},
    "the head of our neighbourhood unit": {"the person in charge"},
    "an overseas logger": {"a worker"},
    "logging workers": {"workers"},
    "the police": {"the authorities"},
    "a border guard": {"a soldier"},
    "the teacher": set(),  # no kind known: the tag
    "담당 선생": set(),
}


@given(st.sampled_from(sorted(ROLES)), st.sampled_from([{}, {"kind": "official"}]))
@settings(max_examples=80, deadline=None)
def test_a_role_becomes_a_word_true_of_it_or_the_tag(said: str, info: dict[str, object]) -> None:
    ko = bool(re.search("[\uac00-\ud7a3]", said))
    text = f"그때 {said}가 찾아왔어요." if ko else f"Then {said} came."
    at = 3 if ko else 5
    _, reps = render(text, [(at, at + len(said), "role", info)])
    shown = reps[0].text
    if ko:
        shown = re.sub("(?:이|가)$", "", shown)
    assert shown in ROLES[said] | ROLE_TAGS, (said, shown)
    assert ROLES[said] or shown in ROLE_TAGS


@pytest.mark.parametrize(("action", "expected"), [("mask", "[직책]"), ("keep", "보위원")])
def test_role_policy_actions(action: str, expected: str) -> None:
    text = "보위원이 왔어요."
    _, reps = render(text, [(0, 3, "role", {})], role=action)
    assert reps[0].text.startswith(expected)


# --- the whole path: scan, accept every proposal, export -------------------------------
FALSEHOODS_KO = (
    "참여자: 그 후에 거제도에서 배를 탔어요. 북에서 왔다는 말을 듣고 놀랐지요.\n"
    "참여자: 2017년 추석에 떠났어요. 재작년 단오에 연락이 왔어요.\n"
)
FALSEHOODS_EN = (
    "Participant: I worked on Geoje Island for two years, then on Baengnyeong Island.\n"
    "Participant: My mother stayed in the North. Everyone in the North knows that song.\n"
)


def test_accept_all_then_export_says_nothing_false(
    vault: Vault, testimony: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "islands"
    folder.mkdir()
    (folder / "islands-ko.txt").write_text(FALSEHOODS_KO, encoding="utf-8")
    (folder / "islands-en.txt").write_text(FALSEHOODS_EN, encoding="utf-8")
    assert testimony.add([folder], workers=1).count("added") == 2
    testimony.deid.scan(vault=vault, workers=1)
    testimony.deid.review(Selector(), "accepted", vault=vault)
    ids = [d.id for d in testimony.documents() if "islands" in d.source_name]
    report = export_documents(testimony.conn, sorted(ids), tmp_path / "out", "txt")
    out = "\n".join(Path(f).read_text(encoding="utf-8") for f in report.files)
    for false in ("Iceland", "아이슬란드", "Hamgyong", "함경", "Pyongan", "평안", "어느 지역"):
        assert false not in out, false
    assert "거제도" not in out and "Geoje" not in out and "Baengnyeong" not in out
    assert "경상남도에서" in out and "South Gyeongsang" in out
    assert "2010년대 후반에 떠났어요" in out and "추석" not in out and "단오" not in out


def test_every_role_word_the_detector_knows_gets_a_true_word_or_the_tag() -> None:
    """Security and police titles are officials or heads, never workers; a party
    secretary is a cadre; a labourer is a worker, never an official."""
    from importlib import resources

    from moksori.protect.role_words import neutral

    data = resources.files("moksori.protect") / "data" / "korean_roles.txt"
    words = [w.strip() for w in data.read_text(encoding="utf-8").splitlines()]
    for word in (w for w in words if w and not w.startswith("#")):
        shown = neutral(word, "ko")
        assert shown in {"관리", "간부", "책임자", "노동자", "군인", "일터", "부대", None}, word
        if re.search("보위|보안|안전원|분주소|검찰", word):
            # a military security officer (보위군관) is a soldier as truly as an official
            allowed = {"관리", "책임자", "군인"} if "군관" in word else {"관리", "책임자"}
            assert shown in allowed, (word, shown)
        if word.endswith("비서"):
            assert shown == "간부", (word, shown)
        if re.search("[노로]동자|벌목", word):
            assert shown == "노동자", (word, shown)


@given(st.text(alphabet="가나무산혜도시군 North-Island,강원중구' ", max_size=24))
@settings(max_examples=300, deadline=None)
def test_any_span_gives_the_tag_the_words_or_a_name_of_the_hierarchy(said: str) -> None:
    from moksori.protect import ancestry

    names = {n for p in gz.places() for n in (p.name_en, p.region_ko, p.region_en)}
    names |= {re.sub(r"\s*\([^)]*\)", "", p.name_ko) for p in gz.places()}
    for level in ("province", "region"):
        for lang in ("ko", "en"):
            shown = ancestry.generalise(said, level, lang)
            assert shown is None or shown == said or shown in names, (said, shown)
