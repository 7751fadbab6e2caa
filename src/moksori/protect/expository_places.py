"""Where expository text locates no one: places, an organisation's contact block, its voice.

Why a module of its own: a report names countries, provinces, big cities in statistics,
the city an institute or a charity sits in, the city of a dateline and the address in its
footer; none of them places a person, and each costs a reviewer a decision. The towns a
text tells one person's life by (a hometown, where she lives, where he was held) stay
findings: a place is dropped only where neither its sentence nor the one before it names
a person, an age, a pronoun or a relative. Also the sentence context ``expository`` reads
for years (who a sentence is about, whether it counts many).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from moksori.protect import gazetteer
from moksori.protect.detect.english_cues import _ORG_HEADS
from moksori.protect.detect.voice import (
    _FIRST_EN,
    _FIRST_KO,
    _QUOTED,
    _SPOKEN_END,
    _WE_EN,
    is_testimony,
)
from moksori.protect.spans import PiiType, Span

# Regions as large as a province (the default policy prints a place as its province): in
# a report "연변에서 장기간 체류한 경우가 많다" or "수도권이 62%" locates no one. Small
# regions (a mining district, a logging camp, a station) stay findings everywhere.
_BROAD_REGIONS = frozenset(
    {
        "연변조선족자치주",
        "수도권",
        "경상도",
        "충청도",
        "전라도",
        "황해도",
        "함경도",
        "평안도",
        "연해주",
    }
)
# A metropolitan city is a province in the gazetteer but a city to the people who live there:
# "now lives in Daejeon" places one woman, "reach Seoul each year" no one.
_METRO = re.compile(r"(?:광역시|특별시|특별자치시)$")
_KO_PARTICLE_END = re.compile(
    r"(?<=[가-힣])(?:에서|으로|에는|의|은|는|이|가|을|를|에|로|과|와|도)$"
)
_DATELINE_AFTER = re.compile(
    r"\s*(?:,\s*(?:[A-Z][a-z]{2,9}\.?\s+\d|\d{1,2}\s+[A-Z][a-z]{2,9}|\(|[A-Z][A-Za-z]+\s*[(—–])"
    r"|\s*[—–(]|\s+--)"
)
_DATELINE_KO = re.compile(r"[(\[（]\s*$")  # "(서울=연합뉴스)": the city the story was filed in
_DATELINE_KO_AFTER = re.compile(r"\s?=\s?\S")
# "Seoul correspondent", "베이징 특파원": where a journalist is posted.
_BYLINE_AFTER = re.compile(r"\s?(?:correspondent|bureau|특파원|지국|주재)", re.IGNORECASE)
# Where a body is, not a person: "a charity based in Seoul", "Seoul-based", "an office in
# Toronto", "a researcher at the Asan Institute for Policy Studies in Seoul".
_BASED_BEFORE = re.compile(
    r"(?:\bbased|\bheadquartered|\boffices?|\bbranch(?:es)?|\bregistered)\s+in\s+$"
)
_BASED_AFTER = re.compile(
    r"-based\b|\s+(?:office|offices|bureau|branch|headquarters|chapter)\s+of\b"
)
_AFFILIATION_BEFORE = re.compile(
    r"\b(?:at|of|from|with)\s+the\s+((?:[A-Z][\w'’\-]*\s+)+(?:(?:for|of|on|and|&)\s+"
    r"(?:[A-Z][\w'’\-]*\s+)+)*)in\s+$"
)
# "crossed the Tumen in 1998", "a town on the Tumen, where": a town's name used for its river.
_TERMINAL = re.compile(r"(?i)\s(?:international\s+)?airport$|[가-힣]\s?(?:국제)?공항$")
_TERMINAL_AFTER = re.compile(r"\s(?:International\s+)?Airport\b|\s?(?:국제)?공항")
_THE_RIVER_BEFORE = re.compile(r"(?<![A-Za-z])the\s+$")
_THE_RIVER_AFTER = re.compile(r"(?:\s*[,.;:)]|\s+(?:in|into|and|or|to|at|where|when|from)\b)")

SENTENCE_END = re.compile(r"[.!?]\s|\n")
# Beside these a year dates one person's life: a pronoun, a relative, a life event.
ONE_PERSON = re.compile(
    r"(?i)\b(?:she|he|her|his|him|participant|interviewee|respondent|woman|man|girl|boy"
    r"|mother|father|sister|brother|son|daughter|husband|wife|neighbou?r|my|me)\b|(?-i:\bI\b)"
    r"|(?<![가-힣])(?:엄마|아빠|어머니|아버지|언니|오빠|누나|형님|동생|남동생|여동생|아들|딸|남편"
    r"|아내|할머니|할아버지|이모|삼촌|고모|너|네가|당신)(?:는|가|이|의|를|을|도|와|랑|한테|에게)?"
    r"(?![가-힣])"
    r"|그는|그가|그녀|그의|그를|씨[는가의도(]|(?<![가-힣])한\s?(?:여성|남성|참여자|탈북민|응답자)"
    r"|[(（](?!(?:Table|Figure|Fig\.|Chapter|Section|Box|Appendix|Case|표|그림|부록)\s)"
    r"[^()（）\n]{0,12}(?<!\d)\d{1,2}\s?(?:세|살)?\s?[)）]"  # "A씨(45)", "(female, 45)"
)
LIFE = re.compile(
    r"(?i)\b(?:left|born|arrived|fled|escaped|crossed|defected|came|moved|married|died"
    r"|lived|lives|entered|reached|arrested|repatriated|held|detained|grew\s+up|works|worked"
    r"|studies|studied)\b"
    r"|입국|탈북[하한해했]|출생|태어|떠나|떠났|건너|넘어|도착|결혼|사망|체포|북송[되된됐]"
    r"|이탈[하한해했]|살[았고며면아]|사는|산다|일[하한했해]|다니|다녀|머물|지내|지냈|붙잡|수감|구금|끌려"
)
# …unless the sentence counts many ("30,000 North Koreans have crossed", "1,047명"):
# then the event is history, not one life.
MANY = re.compile(
    r"(?i)\b(?:thousands|hundreds|millions|dozens)\b|\d[\d,.]*\s?(?:명|만|%|percent\b|people\b)"
    r"|\b[A-Z][a-z]+(?:ans|ers|ees|ants)\s+(?:have|had|were)\b"
    # A count of people: "196 defectors arrived", "a few hundred now reach Seoul".
    r"|\d[\d,]*\s+(?:[a-z]+\s+)?(?:people|persons|defectors|refugees|migrants|women|men"
    r"|children|arrivals|returnees|households|families|workers|North\s+Koreans)\b"
    r"|\b(?:most|many|some|several|others|few)\s+(?:of\s+them\s+)?[a-z]+ed\b"  # "Most crossed"
    r"|\b(?:a\s+few|several)\s+(?:hundred|thousand|dozen)\b|\b(?:tens|hundreds)\s+of\s+thousands\b"
    # A class as subject: "Participants who left after 2018", "women who crossed", "most of them".
    r"|\b(?:participants|interviewees|respondents|informants|women|men|people|refugees|migrants"
    r"|defectors|returnees|arrivals|families|households|those|others|most|many|some|several"
    r"|half|all)(?:\s+of\s+(?:them|these|those|the\s+\w+))?\s+(?:who|that|had|have|were|are)\b"
    r"|퍼센트|프로(?![가-힣])|대부분|상당수|절반|[가-힣]+들(?:이|은|가|의|도)\s"
    r"|(?:[일이삼사오육칠팔구십백천]+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|수십|수백|수천)\s?명"
)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span: from the last full stop or line break to the next."""
    a = max((m.end() for m in SENTENCE_END.finditer(text, max(0, start - 400), start)), default=0)
    m = SENTENCE_END.search(text, end)
    return a, m.start() + 1 if m else len(text)


def line(text: str, start: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return a, b if b >= 0 else len(text)


_ORG_VOICE_MIN = 1500  # characters: a page long enough that a witness would have said "I"
_SINGULAR_KO = re.compile(r"(?:나|저|내|제)(?:는|가|도|를|을|한테|에게|랑|하고|의|네)?")


def organisation_voice(text: str) -> bool:
    """A long page in which only "we" speaks: an organisation on its own work ("we fund safe
    houses", "our caseworkers"). ``detect.voice`` weighs "we" as half a witness, so such a
    page reads as testimony; a witness would have said "I" or spoken at least once."""
    if len(text) < _ORG_VOICE_MIN:
        return False
    own = _QUOTED.sub('""', text)
    if _FIRST_EN.search(own) or _SPOKEN_END.search(own):
        return False
    if any(_SINGULAR_KO.fullmatch(m.group()) for m in _FIRST_KO.finditer(own)):
        return False
    return len(_WE_EN.findall(own)) >= 3


# A block (lines between blank lines) that gives a body's contact details: "Contact us",
# "Tel", "주소:", "발행처", an office. An organisation's public address, phone and e-mail
# protect no one, nor do the city, weekdays and holidays of its office hours beside them.
_CONTACT_CUE = re.compile(
    r"(?i)\b(?:contact|call\s+us|write\s+to|tel|telephone|phone|fax|e-?mail|offices?"
    r"|address|headquarters|registered|charity|visit\s+us|find\s+us)\b|©"
    r"|주소|전화|팩스|이메일|발행처|발행인|문의|대표\s?번호|사무실|사무국|연락처|오시는\s?길"
)
# …and says whose they are: a body ("Riverstone Refugee Trust", "한국이주정책연구소"), its
# office, a copyright. A letter or a story giving one person's address has none of these.
_BODY_CUE = re.compile(
    r"(?i)\b(?:office|offices|headquarters|charity|registered|contact\s*(?:us|:)|call\s+us"
    r"|write\s+to\s+us|find\s+us|visit\s+us)\b|©|copyright|발행처|발행인|사무실|사무국"
    r"|대표\s?전화|오시는\s?길|[가-힣](?:연구소|연구원|재단|센터|협회|단체|본부|법인|학회|위원회)"
    r"(?![가-힣])"
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def _has_body_name(block: str) -> bool:
    """A capitalised head of a body's name: "… Trust", "Center for …", "… Institute"."""
    return any(w.casefold() in _ORG_HEADS for w in _CAPITALISED.findall(block))


_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_STRUCTURED = frozenset({PiiType.PHONE, PiiType.EMAIL, PiiType.ADDRESS, PiiType.POSTCODE})
_CONTACT_BLOCK_MAX = 800


def contact_blocks(
    text: str, spans: Sequence[Span], names: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Blocks that hold an address, phone, e-mail or postcode next to a contact word and no
    one's life: no pronoun, relative or participant's name (``names``)."""
    where = sorted(s.start for s in spans if s.type in _STRUCTURED)
    out: list[tuple[int, int]] = []
    for m in _BLOCK.finditer(text):
        a, b = m.span()
        if b - a > _CONTACT_BLOCK_MAX or not any(a <= w < b for w in where):
            continue
        block = m.group()
        if not _CONTACT_CUE.search(block) or ONE_PERSON.search(block):
            continue
        if not (_BODY_CUE.search(block) or _has_body_name(block)):
            continue  # "엄마는 지금 청주에 산다 … 주소는 …": a letter's own address
        if any(n in block for n in names):
            continue
        out.append((a, b))
    return out


def _previous_sentence_start(text: str, a: int) -> int:
    """Where the sentence before the one starting at ``a`` starts (``a`` after a blank line:
    a paragraph is its own context)."""
    if a < 2 or text[a - 2 : a] == "\n\n":
        return a
    return sentence(text, a - 1, a - 1)[0]


def _place_of_no_one(text: str, span: Span, people: Sequence[int]) -> bool:
    """A town or city that places no one: a dateline or a byline's post, the seat of a body
    ("based in", "at the X Institute in"), or named in a sentence that, with the one before
    it, has no person, age, pronoun or relative, and counts many or tells no life event."""
    line_a, _ = line(text, span.start)
    head = text[line_a : span.start]
    if span.start < 600 and not head.strip() and _DATELINE_AFTER.match(text, span.end):
        return True  # "SEOUL, April 9 —", "SEOUL — The number …"
    if _DATELINE_KO.search(head) and _DATELINE_KO_AFTER.match(text, span.end):
        return True
    if _BYLINE_AFTER.match(text, span.end):
        return True
    before = text[max(0, span.start - 80) : span.start]
    if _BASED_BEFORE.search(before) or _BASED_AFTER.match(text, span.end):
        return True
    m = _AFFILIATION_BEFORE.search(before)
    if m and any(w.casefold() in _ORG_HEADS for w in m.group(1).split()):
        return True
    if is_testimony(text) and not organisation_voice(text):
        return False  # a report of interview answers: its towns are the speakers'
    a, b = sentence(text, span.start, span.end)
    p = _previous_sentence_start(text, a)
    if any(p <= x < b for x in people) or ONE_PERSON.search(text, p, b):
        return False
    if _SPOKEN_END.search(text, a, b):
        return False  # "처음엔 청주에 살았고, 지금은 서울에서 회사 다녀요": someone's answer
    return not LIFE.search(text, a, b) or bool(MANY.search(text, a, b))


# Where one lives, works or studies: a big city is a place only then.
_HOME = re.compile(
    r"(?i)\b(?:live[sd]?|living|settled|resettled|works?|worked|working|studies|studied"
    r"|studying|runs|residence|moved\s+to|home\s+in|school|college|attends|job|shop|factory"
    r"|café|restaurant|flat|apartment)\b"
    r"|살[았고며면아어]|사는|산다|거주|정착|일하|일했|다니|다녀|이사|학교|대학|회사|공장|식당|가게"
)


def _home(text: str, span: Span, people: Sequence[int]) -> bool:
    """A big city (a metropolitan city) names where one person lives, works or studies: in a
    table row beside a name, or in a sentence saying so of someone."""
    a, b = line(text, span.start)
    if ("|" in text[a:b] or "\t" in text[a:b]) and any(a <= x < b for x in people):
        return True  # "Mi-ran | 38 | Musan | 2008 | Ulsan"
    s, e = sentence(text, span.start, span.end)
    return bool(_HOME.search(text, s, e)) and not _place_of_no_one(text, span, people)


def drops(text: str, span: Span, bare: str, people: Sequence[int]) -> bool:
    """Whether a place finding in expository text locates no one (the gazetteer's level
    first, then the sentence around it)."""
    level = span.info.get("level")
    if _TERMINAL.search(bare) or _TERMINAL_AFTER.match(text, span.end):
        return True  # "landed at Incheon Airport": everyone passes there
    if level == "region":
        place = gazetteer.lookup(bare)
        # "South-East Asia", "동북아": a region of no one country locates no one.
        return place is not None and (place.name_ko in _BROAD_REGIONS or not place.country)
    named = gazetteer.candidates(_KO_PARTICLE_END.sub("", bare))
    if level == "country" or (
        named
        and all(
            p.level == "country" or (p.level == "province" and not _METRO.search(p.name_ko))
            for p in named
        )
    ):
        return True  # also "중국" spread from "중국 연길" with the town's level
    if level == "province":
        place = gazetteer.lookup(bare)
        if place is None or not _METRO.search(place.name_ko):
            return True
        if not _home(text, span, people):
            return True  # "arriving in Seoul", "reached Busan": everyone's big city
    if (
        " " not in bare
        and _THE_RIVER_BEFORE.search(text, max(0, span.start - 5), span.start)
        and _THE_RIVER_AFTER.match(text, span.end)
    ):
        return True  # "crossed the Tumen in 1998": the river, not the town
    return _place_of_no_one(text, span, people)
