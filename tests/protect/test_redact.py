"""The redacted view and its offset map, property-tested: replacements change lengths."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moksori.protect.redact import RedactedView, Replacement, build

TEXT = "김순희: 2011년 3월 14일에 무산군에서 나왔어요. Kim Soon-hee left Musan."


@st.composite
def redactions(draw: st.DrawFn) -> tuple[str, list[Replacement]]:
    text = draw(st.text(alphabet="가나다abc \n", min_size=1, max_size=40))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    reps: list[Replacement] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if b > a:
            reps.append(Replacement(a, b, draw(st.text(alphabet="XY[]", max_size=6)), "person"))
    return text, reps


def test_build_replaces_and_maps_a_coding_exactly() -> None:
    d = TEXT.index("2011년")
    date = Replacement(d, d + len("2011년 3월 14일"), "2011년", "date")
    view = build(TEXT, [Replacement(0, 3, "P07", "person"), date])
    assert view.text.startswith("P07: 2011년에 무산군")
    start = TEXT.index("무산군")
    s, e = view.map_range(start, start + 3)
    assert view.text[s:e] == "무산군"
    # a range that ends inside the date grows to the whole replacement
    assert view.slice(0, 8) == "P07: 2011년"


@given(redactions())
@settings(max_examples=300, deadline=None)
def test_text_outside_replacements_keeps_its_place(case: tuple[str, list[Replacement]]) -> None:
    text, reps = case
    view = build(text, reps)
    covered = {i for r in reps for i in range(r.start, r.end)}
    for i, ch in enumerate(text):
        if i not in covered:
            j = view.map_start(i)
            assert view.text[j] == ch
            assert view.map_end(i + 1) == j + 1


@given(redactions(), st.data())
@settings(max_examples=300, deadline=None)
def test_a_range_maps_to_the_redaction_of_its_widened_original(
    case: tuple[str, list[Replacement]], data: st.DataObject
) -> None:
    text, reps = case
    view = build(text, reps)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    # widen [a, b) to whole replacements, then redact that slice on its own
    lo = min([a] + [r.start for r in reps if r.start <= a < r.end])
    hi = max([b] + [r.end for r in reps if r.start < b <= r.end])
    inner = [
        Replacement(r.start - lo, r.end - lo, r.text, r.type)
        for r in reps
        if lo <= r.start and r.end <= hi
    ]
    expected = build(text[lo:hi], inner).text
    s, e = view.map_range(a, b)
    assert 0 <= s <= e <= len(view.text)
    assert view.text[s:e] == expected


@given(redactions())
@settings(max_examples=200, deadline=None)
def test_map_is_monotone(case: tuple[str, list[Replacement]]) -> None:
    text, reps = case
    view: RedactedView = build(text, reps)
    starts = [view.map_start(i) for i in range(len(text) + 1)]
    assert starts == sorted(starts)
    assert view.map_end(len(text)) == len(view.text)


def test_korean_particles_agree_with_the_replacement() -> None:
    from moksori.protect.findings import Finding
    from moksori.protect.redact import replacements_for

    text = "무산은 춥고, 무산으로 갔다가 서울로 왔다. 순희가 말했다."

    def finding(word: str, nth: int = 0, type_: str = "place") -> Finding:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return Finding(0, 1, start, start + len(word), type_, "t", 0.9, "accepted", None, {})

    new = {"무산": "함경북도", "서울": "서울", "순희": "P07"}
    found = [finding("무산"), finding("무산", 1), finding("서울"), finding("순희", 0, "person")]
    view = build(text, replacements_for(text, found, lambda f: new[text[f.start : f.end]]))
    assert view.text == "함경북도는 춥고, 함경북도로 갔다가 서울로 왔다. P07이 말했다."  # 칠이


def test_a_removed_cohort_takes_its_particle_and_space() -> None:
    text = "하나원 142기로 수료했어요."
    start = text.index("142기")
    reps = [Replacement(start, start + 4, "", "cohort")]
    from moksori.protect.findings import Finding
    from moksori.protect.redact import replacements_for

    f = Finding(0, 1, start, start + 4, "cohort", "t", 0.9, "accepted", None, {})
    view = build(text, replacements_for(text, [f], lambda _: ""))
    assert view.text == "하나원 수료했어요."
    assert build(text, reps).text == "하나원 로 수료했어요."  # without the particle rule


@pytest.mark.parametrize(
    ("said", "info", "lang", "shown"),
    [
        ("42-year-old", {"age": 42, "gender": "f"}, "en", "40–49-year-old"),
        ("twelve", {"age": 12}, "en", "10–19"),
        ("in her 20s", {"band": 20, "gender": "f"}, "en", "in her 20s"),
        ("스물세 살", {"age": 23}, "ko", "20대"),
        ("85년생", {"born": 1985}, "ko", "1980년대생"),
    ],
)
def test_ages_become_decades_in_their_own_words(
    said: str, info: dict[str, object], lang: str, shown: str
) -> None:
    from moksori.protect.said_times import age_band as _age_band

    assert _age_band(said, info, lang) == shown


def _render(text: str, said: str, type_: str, info: dict[str, object], **actions: str) -> str:
    """Redact one finding over ``said`` as the exported view does."""
    from moksori.protect.findings import Finding
    from moksori.protect.policy import Policy
    from moksori.protect.redact import Renderer, replacements_for
    from moksori.protect.spans import PiiType
    from moksori.protect.view import generalise_place

    policy = Policy()
    for t, action in actions.items():
        policy.actions[PiiType(t)] = action
    start = text.index(said)
    f = Finding(0, 1, start, start + len(said), type_, "t", 0.9, "accepted", None, info)
    renderer = Renderer(text, policy, {}, generalise_place)
    return build(text, replacements_for(text, [f], renderer)).text


@pytest.mark.parametrize(
    ("text", "said", "info", "shown"),
    [
        # an island is not Iceland, whatever the detector guessed
        ("I worked on Geoje Island.", "Geoje Island", {}, "I worked on South Gyeongsang."),
        ("거제도에서 일했어요.", "거제도", {"province": "아이슬란드"}, "경상남도에서 일했어요."),
        # the North alone names no unit: the tag, never a province
        (
            "She stayed in the North.",
            "North",
            {"province": "함경북도"},
            "She stayed in the [place].",
        ),
        ("북에서 왔다는 말", "북", {}, "[장소]에서 왔다는 말"),
        # a country stays as said; an ambiguous name (in both Koreas) gets the tag
        ("북한에서 왔어요.", "북한", {}, "북한에서 왔어요."),
        ("순천에서 살았어요.", "순천", {"province": "평안남도"}, "[장소]에서 살았어요."),
        # 도문 is the city or the river (도문강): "crossed Jilin" would be false
        ("도문을 건너 갔어요.", "도문", {"province": "길림성"}, "[장소]를 건너 갔어요."),
        ("청진 수남시장에서 팔았어요.", "청진 수남시장", {}, "함경북도에서 팔았어요."),
        # a written sequence is never kept as said when it names a finer unit
        ("대구 중구에서 살았어요.", "대구 중구", {}, "대구광역시에서 살았어요."),
        ("평양 연봉동에서 살았어요.", "평양 연봉동", {}, "[장소]에서 살았어요."),  # contradictory
        ("평양 가나동에서 살았어요.", "평양 가나동", {}, "평양직할시에서 살았어요."),
        ("Hyesan, Ryanggang was home.", "Hyesan, Ryanggang", {}, "Ryanggang was home."),
    ],
)
def test_places_are_replaced_only_by_what_is_true(
    text: str, said: str, info: dict[str, object], shown: str
) -> None:
    assert _render(text, said, "place", info) == shown


@pytest.mark.parametrize(
    ("text", "said", "info", "shown"),
    [
        ("2017년 추석에 떠났어요.", "2017년 추석", {"year": 2017}, "2017년에 떠났어요."),
        ("97년 배고플 때 떠났어요.", "97년 배고플 때", {"year": 1997}, "97년 떠났어요."),
        ("재작년 단오에 왔어요.", "재작년 단오", {"year": 2024}, "[날짜]에 왔어요."),
        ("2011년 3월 14일에 왔어요.", "2011년 3월 14일", {"year": 2014}, "[날짜]에 왔어요."),
        # a date that anchors another keeps its day vague, never the bare year
        (
            "We crossed two days after Chuseok 2006.",
            "Chuseok 2006",
            {"year": 2006, "holiday": True},
            "We crossed two days after a day in 2006.",
        ),
        (
            "2011년 3월 14일 이후로 못 봤어요.",
            "2011년 3월 14일",
            {"year": 2011},
            "2011년 어느 날 이후로 못 봤어요.",
        ),
        ("2011년 3월 14일에 왔어요.", "2011년 3월 14일", {"year": 2011}, "2011년에 왔어요."),
        ("It was before 2011.", "2011", {"year": 2011}, "It was before 2011."),
        # a bare year beside Korean (a descriptor under a Korean pseudonym) gets no 년
        (
            "리영호 (left North Korea in 2012)",
            "2012",
            {"year": 2012},
            "리영호 (left North Korea in 2012)",
        ),
        ("2012 탈북", "2012", {"year": 2012}, "2012 탈북"),
        (
            "He lived there 2003–07.",
            "2003–07",
            {"year": 2003, "year_to": 2007},
            "He lived there 2003–07.",
        ),
    ],
)
def test_dates_keep_only_the_year_their_words_say(
    text: str, said: str, info: dict[str, object], shown: str
) -> None:
    assert _render(text, said, "date", info, date="year") == shown


@pytest.mark.parametrize(
    ("text", "said", "info", "shown"),
    [
        ("2017년 추석에 떠났어요.", "2017년 추석", {"year": 2017}, "2010년대 후반에 떠났어요."),
        ("97년 배고플 때 떠났어요.", "97년 배고플 때", {"year": 1997}, "1990년대 후반 떠났어요."),
        ("04년도에 왔어요.", "04년도", {"year": 2004}, "2000년대 중반에 왔어요."),
        ("재작년 단오에 왔어요.", "재작년 단오", {"year": 2024}, "[날짜]에 왔어요."),
        ("2011년 3월 14일에 왔어요.", "2011년 3월 14일", {"year": 2014}, "[날짜]에 왔어요."),
        (
            "2011년 3월 14일 이후로 못 봤어요.",
            "2011년 3월 14일",
            {"year": 2011},
            "2010년대 초반 어느 날 이후로 못 봤어요.",
        ),
        (
            "2003년 겨울에 강을 건넜어요.",
            "2003년 겨울",
            {"year": 2003},
            "2000년대 초반에 강을 건넜어요.",
        ),
        (
            "2008년 여름이 제일 힘들었어요.",
            "2008년 여름",
            {"year": 2008},
            "2000년대 후반 어느 때가 제일 힘들었어요.",
        ),
        (
            "1998~2002년에 있었어요.",
            "1998~2002년",
            {"year": 1998, "year_to": 2002},
            "1990년대 후반–2000년대 초반에 있었어요.",
        ),
        ("1990년대 후반에 왔어요.", "1990년대 후반", {"decade": 1990}, "1990년대 후반에 왔어요."),
        (
            "We crossed two days after Chuseok 2006.",
            "Chuseok 2006",
            {"year": 2006, "holiday": True},
            "We crossed two days after a day in the mid-2000s.",
        ),
        ("It was before 2011.", "2011", {"year": 2011}, "It was before the early 2010s."),
        ("She left in '04.", "'04", {"year": 2004}, "She left in the mid-2000s."),
        ("The 1997 famine took him.", "1997", {"year": 1997}, "The late 1990s famine took him."),
        ("1997 was the worst.", "1997", {"year": 1997}, "The late 1990s was the worst."),
        (
            "The summer of 2008 was dry.",
            "2008",
            {"year": 2008},
            "A time in the late 2000s was dry.",
        ),
        (
            "He lived there 2003–07.",
            "2003–07",
            {"year": 2003, "year_to": 2007},
            "He lived there in the 2000s.",
        ),
        (
            "He lived there 1999–2001.",
            "1999–2001",
            {"year": 1999, "year_to": 2001},
            "He lived there in the late 1990s–early 2000s.",
        ),
    ],
)
def test_dates_become_the_part_of_their_decade_by_default(
    text: str, said: str, info: dict[str, object], shown: str
) -> None:
    """The default policy (issue 15): early (0-3), mid (4-6) or late (7-9) of the decade."""
    assert _render(text, said, "date", info) == shown


@pytest.mark.parametrize(
    ("text", "said", "info", "shown"),
    [
        ("서른일곱 살 때 갔어요.", "서른일곱 살", {"age": 37}, "30대 때 갔어요."),
        ("My sister was 19.", "19", {"age": 19}, "My sister was 10–19."),
        ("Park Min-ji, 31, left.", "31", {"age": 31}, "Park Min-ji, 30–39, left."),
        ("two kids, aged 42", "two kids, aged 42", {"age": 42}, "two kids, aged 40–49"),
        ("서른일곱 살 때 갔어요.", "서른일곱 살", {"age": 27}, "[나이] 때 갔어요."),
    ],
)
def test_ages_become_a_band_holding_the_said_age(
    text: str, said: str, info: dict[str, object], shown: str
) -> None:
    assert _render(text, said, "age", info) == shown


@pytest.mark.parametrize(
    ("text", "said", "shown"),
    [
        ("보위원이 찾아왔어요.", "보위원", "관리가 찾아왔어요."),
        ("인민반장이 매일 왔지요.", "인민반장", "책임자가 매일 왔지요."),
        ("벌목공으로 러시아에 갔어요.", "벌목공", "노동자로 러시아에 갔어요."),
        (
            "Then the party secretary of our farm came.",
            "the party secretary of our farm",
            "Then the cadre came.",
        ),
        ("He was an overseas logger.", "an overseas logger", "He was a worker."),
        ("for the Bowibu agents' network", "Bowibu agents", "for the state officials' network"),
        ("Bowibu agents came.", "Bowibu agents", "State officials came."),
        ("The teacher told them.", "The teacher", "[role] told them."),
    ],
)
def test_roles_become_a_plain_word_true_of_them(text: str, said: str, shown: str) -> None:
    assert _render(text, said, "role", {"kind": "security"}) == shown
    assert said not in _render(text, said, "role", {}, role="mask")


def test_a_particle_is_never_fixed_into_the_next_finding() -> None:
    """ "왜국로" with 로 itself found: the particle fix of 왜국 must not swallow it (the
    overlapping replacements made the whole export fail)."""
    from moksori.protect.findings import Finding
    from moksori.protect.redact import replacements_for

    text = "그 뒤로 왜국로 지냈어요."
    found = [
        Finding(0, 1, 5, 7, "place", "t", 0.9, "accepted", None, {}),
        Finding(1, 1, 7, 8, "place", "t", 0.5, "accepted", None, {}),
    ]
    new = {"왜국": "일본", "로": "[장소]"}
    view = build(text, replacements_for(text, found, lambda f: new[text[f.start : f.end]]))
    assert view.text == "그 뒤로 일본[장소] 지냈어요."


@given(st.text(alphabet="무산은는이가을를으로과와에서 ]", min_size=1, max_size=30), st.data())
@settings(max_examples=300, deadline=None)
def test_any_findings_give_one_consistent_view(text: str, data: st.DataObject) -> None:
    """Whatever the findings and their words, the view builds (no overlapping edits)."""
    from moksori.protect.findings import Finding
    from moksori.protect.redact import replacements_for

    found = []
    for i in range(data.draw(st.integers(0, 6))):
        a = data.draw(st.integers(0, len(text) - 1))
        b = data.draw(st.integers(a + 1, len(text)))
        type_ = data.draw(st.sampled_from(["place", "person", "cohort", "role"]))
        found.append(Finding(i, 1, a, b, type_, "t", 0.5, "accepted", None, {}))
    words = data.draw(
        st.lists(st.sampled_from(["", "함경북도", "[장소]", "P07", "관리"]), min_size=7)
    )
    view = build(text, replacements_for(text, found, lambda f: words[f.id]))
    assert view.map_end(len(text)) == len(view.text)


@pytest.mark.parametrize(
    ("text", "said", "shown"),
    [
        # a season or holiday beside the found year goes with it; the year stays
        ("2003년 겨울에 강을 건넜어요.", "2003년", "2003년에 강을 건넜어요."),
        ("88년 여름이에요.", "88년", "88년이에요."),
        ("2012년 말에 떠났어요.", "2012년", "2012년에 떠났어요."),
        ("2010년 봄까지 거기 있었어요.", "2010년", "2010년 어느 날까지 거기 있었어요."),
        # the season as the subject is only some time of the year, not the whole year
        ("2008년 여름이 제일 힘들었어요.", "2008년", "2008년 어느 때가 제일 힘들었어요."),
        ("In the winter of 2004 we left.", "2004", "In 2004 we left."),
        ("She phoned at Seollal in 2016, from there.", "2016", "She phoned in 2016, from there."),
        ("The summer of 2008 was dry.", "2008", "A time in 2008 was dry."),
        ("In that winter of 2003 we hid.", "2003", "In 2003 we hid."),
        ("until the spring of 2009 we hid.", "2009", "until a day in 2009 we hid."),
        # a word that only starts like a season is not one
        ("2005년 설명을 들었어요.", "2005년", "2005년 설명을 들었어요."),
        ("2005년 말씀하셨죠.", "2005년", "2005년 말씀하셨죠."),
        ("97년 말도 안 되는 일이 있었어요.", "97년", "97년 말도 안 되는 일이 있었어요."),
        ("2001년 초까지 있었어요.", "2001년", "2001년 어느 날까지 있었어요."),
        ("We met in 2009 at a market.", "2009", "We met in 2009 at a market."),
    ],
)
def test_a_season_beside_a_found_year_goes_with_it(text: str, said: str, shown: str) -> None:
    year = int(re.search(r"\d+", said).group())  # type: ignore[union-attr]
    info: dict[str, object] = {"year": 1900 + year if year < 100 else year}
    assert _render(text, said, "date", info, date="year") == shown


@pytest.mark.parametrize(
    ("detector", "confidence", "shown"),
    [
        ("learned", 0.57, "[장소]에 다녔어요."),  # "a mine", or 광주's 광산구: not stated
        ("learned", 0.95, "광주광역시에 다녔어요."),
        ("places", 0.9, "광주광역시에 다녔어요."),
    ],
)
def test_a_place_only_guessed_by_the_model_is_never_named(
    detector: str, confidence: float, shown: str
) -> None:
    from moksori.protect.findings import Finding
    from moksori.protect.policy import Policy
    from moksori.protect.redact import Renderer, replacements_for
    from moksori.protect.view import generalise_place

    text = "광산에 다녔어요."
    f = Finding(0, 1, 0, 2, "place", detector, confidence, "accepted", None, {})
    renderer = Renderer(text, Policy(), {}, generalise_place)
    assert build(text, replacements_for(text, [f], renderer)).text == shown


def test_a_particle_agrees_with_how_a_pseudonym_number_is_read() -> None:
    from moksori.protect.findings import Finding
    from moksori.protect.redact import replacements_for

    text = "순희는 왔고 영철은 갔고 명수로 불렀다."
    found = [
        Finding(i, 1, text.index(w), text.index(w) + 2, "person", "t", 0.9, "accepted", None, {})
        for i, w in enumerate(("순희", "영철", "명수"))
    ]
    new = {"순희": "인물1", "영철": "인물4", "명수": "인물7"}
    view = build(text, replacements_for(text, found, lambda f: new[text[f.start : f.end]]))
    assert view.text == "인물1은 왔고 인물4는 갔고 인물7로 불렀다."


@pytest.mark.parametrize(
    ("text", "said", "shown"),
    [
        # a place inside a longer word gets the tag, the rest of the word stays: the
        # province there would name another thing (함경북도당, 평안북도역전)
        ("신의주역전에서 잤어요.", "신의주", "[장소]역전에서 잤어요."),
        ("무산군당 비서가 왔어요.", "무산군", "[장소]당 비서가 왔어요."),
        ("회령군인이었어요.", "회령", "[장소]군인이었어요."),
        ("청진시장에서는 팔았어요.", "청진시", "[장소]장에서는 팔았어요."),
        # an organ of the state named after its own unit: the province would be another body
        ("무산군 인민위원회 사람이 왔어요.", "무산군", "[장소] 인민위원회 사람이 왔어요."),
        ("무산 보안서에서 나왔대요.", "무산", "[장소] 보안서에서 나왔대요."),
        ("The Hyesan Security Bureau came.", "Hyesan", "The [place] Security Bureau came."),
        ("for the Musan County Party Committee", "Musan", "for the [place] County Party Committee"),
        # words that only start like one are not
        ("무산 당원들이 왔어요.", "무산", "함경북도 당원들이 왔어요."),
        ("무산 당시에는 추웠어요.", "무산", "함경북도 당시에는 추웠어요."),
        # a unit or facility word that still names a place goes with it
        ("혜산시에서 살았어요.", "혜산", "량강도에서 살았어요."),
        ("I sold rice at Hyesan Market then.", "Hyesan", "I sold rice at Ryanggang then."),
        # a particle alone is no longer word
        ("혜산에서 잤어요.", "혜산", "량강도에서 잤어요."),
        ("회령사람이었어요.", "회령", "함경북도사람이었어요."),
    ],
)
def test_a_place_finding_takes_the_finer_place_its_word_goes_on_to_name(
    text: str, said: str, shown: str
) -> None:
    assert _render(text, said, "place", {}) == shown


@pytest.mark.parametrize(
    ("text", "said", "shown"),
    [
        # the familiar 이 goes with the name: "인물2가 남편은" would say something else
        ("금실이 남편은 광부였어요.", "금실", "인물2 남편은 광부였어요."),
        ("우리 언니 금실이는 잡혔어요.", "금실", "우리 언니 인물2는 잡혔어요."),
        ("금실이랑 같이 갔어요.", "금실", "인물2랑 같이 갔어요."),
        # a copula or another word after 이 is not the familiar form
        ("그 사람이 금실이었어요.", "금실", "그 사람이 인물2이었어요."),
        ("금실이모가 왔어요.", "금실", "인물2이모가 왔어요."),
    ],
)
def test_the_familiar_i_of_a_name_goes_with_its_pseudonym(text: str, said: str, shown: str) -> None:
    from moksori.protect.entities import Entity
    from moksori.protect.findings import Finding
    from moksori.protect.policy import Policy
    from moksori.protect.redact import Renderer, replacements_for
    from moksori.protect.view import generalise_place

    start = text.index(said)
    f = Finding(0, 1, start, start + len(said), "person", "t", 0.9, "accepted", 7, {})
    entity = Entity(7, "g", "person", "P02", "인물2", False)
    renderer = Renderer(text, Policy(), {7: entity}, generalise_place)
    assert build(text, replacements_for(text, [f], renderer)).text == shown
