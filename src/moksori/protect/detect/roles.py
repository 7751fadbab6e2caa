"""Identifying roles and units: 보위원, 인민반장, 초급당비서, "무산광산 3작업반", "러시아 벌목공".

Why a role is an identifier: in a town of a few thousand people there is one party
secretary of the farm and one security official for the street, and a migrant's
family is known by "the daughter of the 인민반장". Roles are found from a hand-made
list (protect/data/korean_roles.txt) and a few patterns: a named work unit (a proper
noun glued to 광산, 농장, 기업소 …, or a numbered work team), overseas labour of a
named trade in a named country, and the English equivalents. Institutions alone
(보위부, 하나원, 국정원) and generic words (로동자, 군인, worker) are not roles.
A role span takes in every unit said before it ("보위부 반탐과 지도원", "10호 초소
보위원"): left beside the neutral word, the unit alone still points at one person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from pathlib import Path

from moksori.protect import gazetteer as gz
from moksori.protect.detect import sparse
from moksori.protect.detect.roles_en import EN_ATTRIBUTED, EN_RX, EN_WORDS
from moksori.protect.detect.voice import is_testimony
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import TokenisedText

NAME = "role"
H = "\uac00-\ud7a3"
_DATA = Path(__file__).resolve().parent.parent / "data"

CONF_ROLE = 0.7
CONF_UNIT = 0.6
CONF_TEAM = 0.5
CONF_ABROAD = 0.65

# What may follow a role word in the same word: a particle, a copula, a plural.
_TAIL = (
    r"(?=$|[^" + H + r"]|들|님|이|가|은|는|을|를|의|에게|한테|께|도|만|과|와|랑|이랑|하고|였|이었"
    r"|이라|라|이고|이며|이던|인|이니|이요|예요|이에요|입니|에|으로|로|질|동지|동무|아바이|아매|네"
    r"|까지|부터|로서|으로서|처럼|보다|밖에|조차|마저|였던|이었던|할|하던|했던|노릇)"
)


# Roles the data list does not hold: a class teacher, an army officer, and the few South
# Koreans assigned to one arrival (the protection detective, the Hana Center counsellor).
_MORE_ROLES = (
    "담임", "담임선생", "담임선생님", "담임 선생님", "담임교원", "분단위원장", "소년단 분단위원장",
    "소년단 위원장", "소년단 지도원", "검열성원", "분대장", "참모장", "련대장", "연대장", "려단장",
    "여단장", "사단장", "군단장", "중대 정치지도원", "대대 정치지도원", "신변보호관",
    "신변보호 담당관", "신변보호담당관", "신변보호 형사", "신변보호 담당 형사", "담당 형사",
    "담당형사", "담당 경찰관", "취업상담사", "전문상담사", "동사무소 사무장", "신변보호 경찰관",
    "신변보호경찰관", "신변보호 담당 경찰관", "지도교수", "지도 교수", "담임교수",
    "공장장", "부공장장", "촌장", "마을 촌장", "위생반장", "참전 로병", "참전로병", "전쟁로병",
    "영예군인", "선장", "기관장", "감방장", "역장", "촌 서기", "촌서기", "당서기", "지부 서기",
)  # fmt: skip


@cache
def _role_words() -> tuple[str, ...]:
    words = list(_MORE_ROLES)
    for line in (_DATA / "korean_roles.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line)
    return tuple(sorted(set(words), key=len, reverse=True))


@cache
def _role_regex() -> re.Pattern[str]:
    body = "|".join(r"\s?".join(map(re.escape, w.split())) for w in _role_words())
    first = "".join(sorted({w[0] for w in _role_words()}))
    return re.compile(rf"(?=[{first}])(?<![{H}])(?:{body}){_TAIL}")


# A named work unit: a proper name glued (or spaced) to what it names.
_UNIT_HEADS = (
    "연합기업소|련합기업소|기업소|광산|탄광|청년탄광|협동농장|농장|목장|돌격대|건설대|사업소|림산사업소|수산사업소"
    "|작업소|제련소|발전소|무역회사|외화벌이기지|외화벌이사업소|공장|제철소|직동탄광|군부대|부대"
)
_NAMED_BY_ANY = frozenset({"돌격대", "건설대", "외화벌이기지", "외화벌이사업소"})
_RX_HEAD = re.compile(
    rf"(?=[{''.join(sorted({w[0] for w in _UNIT_HEADS.split('|')}))}])(?P<head>{_UNIT_HEADS})"
    rf"(?:\s?(?P<team>(?:제\s?)?\d{{1,2}}\s?(?:작업반|분조|직장|갱|소대|중대|반)))?{_TAIL}"
)
# The name before a unit word, read back from it: the whole word, or the word before a space.
_RX_NAME = re.compile(rf"(?<![{H}\d.])(?:\d{{1,2}}\.\d{{1,2}}\s?)?[{H}]{{2,8}}\s?$")
# "9군단에 있었어요", "제3사단", "해군 8전대", "8총국": a numbered unit of the army, the
# navy or a construction bureau, said in testimony.
_MIL = r"(?:군단|사단|려단|여단|련대|연대|대대|중대|소대|전대|총국|군부대|돌격대|건설대)"
_BRANCH = r"(?:(?:해군|공군|항공군|륙군|육군|인민군|국경경비대|경비대|호위사령부|보위사령부)\s?)?"
# A chain is one unit: "제1군단 산하 2사단 17연대", "9군단 산하 경보병려단", "8총국 건설 돌격대".
_RX_MILITARY = re.compile(
    rf"(?<![{H}\d]){_BRANCH}(?:제\s?)?\d{{1,5}}\s?{_MIL}(?!장)"
    rf"(?:\s?(?:산하|소속|직속)?\s?(?:(?:제\s?)?\d{{1,5}}\s?|[{H}]{{1,5}}\s?){_MIL}(?!장))*{_TAIL}"
)
# "3작업반", "23인민반": a numbered team or neighbourhood unit.
_RX_TEAM = re.compile(
    rf"(?<![{H}\d])(?:제\s?)?\d{{1,3}}\s?(?:작업반|분조|갱|직장|인민반)(?!장){_TAIL}"
)
# Prefixes that say what kind of unit it is, not which one: 신발공장, 협동농장, 군수공장.
_GENERIC = frozenset(
    "협동 국영 집단 지방 중앙 국가 개인 군수 무역 건설 우리 그 이 저 한 어느 다른 같은 옆 근처 시골"
    " 동네 석탄 금 철 수산 림산 임산 식료 방직 신발 옷 종이 벽돌 시멘트 탄광 광산 화학 기계 비료"
    " 담배 술 식품 가구 목재 제약 피복 옷공장 지역 도 시 군 작은 큰 새 다음 여러 모든 각 해외 외화"
    " 외화벌이 청년 돌격 인민 조선 인민군 군 농촌 국영농장 탄 금광 은광 동광 통조림"
    " 기초식품".split()
)
_ABROAD = (
    "러시아|로씨야|로씨아|쏘련|소련|시베리아|연해주|쿠웨이트|카타르|아랍에미리트|중동|몽골|리비아|앙골라"
    "|폴란드|체코|말레이시아|아프리카|해외|외국"
)
_TRADES = (
    r"벌목공|벌목\s?[로노]동자|벌목장|벌목소|건설\s?[로노]동자|건설공|건설장|건설현장|파견\s?[로노]동자"
    r"|[로노]동자|식당\s?종업원|종업원|봉제공|광부|어부|선원|미장공|목수|용접공|벌목\s?사업소"
)
_ABROAD_FIRST = "".join(sorted({w[0] for w in _ABROAD.split("|")}))
_RX_ABROAD = re.compile(
    rf"(?=[{_ABROAD_FIRST}])(?<![{H}])(?:{_ABROAD})(?:에서|에|으로|로)?\s?"
    rf"(?:[{H}]{{2,5}}(?:주|지방|변강|지역)\s)?"  # "로씨야 아무르주 벌목 사업소"
    r"(?:(?:나가|나간|간|가서|파견된|파견\s?간|가\s?있던|나가\s?있던)\s?)?"
    rf"(?:{_TRADES}){_TAIL}"
)
# "쿠웨이트 건설 나갔다가", "로씨야 벌목으로 갔어요": a trade said as a verb's aim abroad.
_RX_ABROAD_GO = re.compile(
    rf"(?=[{_ABROAD_FIRST}])(?<![{H}])(?!해외|외국)(?:{_ABROAD})"
    r"(?:에서|에|으로|로)?\s?(?:건설|벌목|벌목장|광산|파견|외화벌이)"
    r"(?=\s?(?:으로|로|에|하러)?\s?(?:나가|나갔|갔|가서|파견|다녀|보내))"
)


def _unit_named(tokenised: TokenisedText, start: int, head: int, unit: str) -> bool:
    """The word before the unit word names one unit: a proper noun, a place, a number."""
    name = tokenised.text[start:head].strip()
    if not name or name in _GENERIC or name.endswith("의"):
        return False
    if re.match(r"\d", name) or (unit in _NAMED_BY_ANY and " " not in tokenised.text[start:head]):
        return True  # 2.8직동청년탄광; 속도전청년돌격대: a brigade is always a named one
        return True  # 2.8직동청년탄광
    if gz.lookup(name) is not None or gz.lookup(re.sub(r"[시군구읍리동]$", "", name)):
        return True
    i = bisect_left(tokenised.tokens, start, key=lambda t: t.start)
    toks = []
    while i < len(tokenised.tokens) and tokenised.tokens[i].start < head:
        toks.append(tokenised.tokens[i])
        i += 1
    if any(t.tag.startswith(("J", "E", "V", "M")) for t in toks):
        return False  # "아바이는 탄광": a word with its particle names nothing
    return any(t.tag == "NNP" for t in toks) or (bool(toks) and all(t.oov for t in toks))


# A unit said before a role names which official ("보위부 반탐과 지도원", "벌목 사업소
# 당비서", "10호 초소 보위원", "아오지탄광 갱장"): left beside the neutral word, it alone
# still points at one person, so the role span takes in every unit word before it.
_UNIT_END = (
    "(?:반탐|수사|예심|외사|감찰|정치|경비|기술|[로노]동|계획|자재|경리|후방|작전|순찰|간부|조직|선전)과"
    "|부|소|대|반|분조|작업반|회사|공장|농장|탄광|광산|사업소|기업소|초소|동맹|당|위원회|직장|갱"
    "|중대|소대|대대|련대|연대|사단|려단|여단|지부|세관|관리소|교화소|합숙|지휘부|돌격대|건설대"
    "|단체|경찰서|보안계|보안과|센터|병원|학교|대리점|지점|사무소|요양원|유치원|학원|복지관|교회|성당|업체"
    "|철도국|보위국|보안국|안전국|체신국|상업국|관리국|작업조|구청|시청|군청|도청|주민센터"
)
_RX_UNIT_BEFORE = re.compile(
    rf"(?<![{H}\d.])(?P<u>(?:(?:제\s?)?\d{{1,3}}(?:\.\d{{1,2}})?\s?호?\s?)?[{H}]{{0,8}}(?:{_UNIT_END})"
    rf"|[{H}]{{1,6}}\d{{1,2}}\s?(?:팀|반|조|작업반|분조|직장)"
    rf"|(?:제\s?)?\d{{1,3}}(?:\.\d{{1,2}})?\s?호?)\s?$"
)
# Words before a unit that say its trade, part of its name ("외화벌이 회사", "벌목 사업소").
_UNIT_MODIFIER = re.compile(
    rf"(?<![{H}])(?:외화벌이|벌목|수산|무역|건설|군수|청년|국경|협동|국영|림산|임산|광업|철도|교화"
    rf"|정치|보위|보안|안전|경비|열차|철도|역전|시장|장마당|국경)\s?$"
)
# Common words that end like a unit word but name none (장소, 시대, 결과, 간부 …).
_NOT_UNIT = frozenset(
    "장소 주소 시대 세대 반대 상대 일부 전부 부부 여부 간부 결과 사과 효과 절반 식당 그대 우리"
    " 정부 때문 대부 이부 아부 신부 주부 과부 남부 북부 동부 서부 중부 내부 외부 본부 모두 모소"
    " 대소 반 담당 정당 식당 본당 성당".split()
)
# A word that heads a role only after its unit: "청년동맹 비서", "외화벌이 회사 사장".
_RX_HEAD_AFTER_UNIT = re.compile(
    rf"(?<=[{H}\d])\s?(?:비서|사장|반장|부장|과장|소장|대장|지배인|책임자|지도원|부원|대원|성원|갱장"
    rf"|직장장|부위원장|위원장|참모장|관리원|기사장|부소장|지휘관|선장|기관장|운전수|운전사|경리원|부기원"
    rf"|통계원|참모|정치위원|분대장|조장|사무장|기사|의사|간호원|교원|상담사|취업상담사|상담원"
    rf"|형사|신변보호관|검열성원|원장|목사|전도사|관리자|국장|부국장|처장|부처장|판매원|주무관|위생반장|타자수|타자원"
    rf"|교환수|순찰대|규찰대|검열대|순찰대원|규찰대원|검사|예심원|안전원|보위원|보안원|감찰원|계호원|서기장|서기"
    rf"|세관원|군관|장교|정치부장|참모){_TAIL}"
)
# A bare kind of workplace names none: "우리 회사 사장" is anyone's boss.
_BARE_UNITS = frozenset(
    "회사 공장 농장 직장 기업소 사업소 탄광 광산 식당 상점 부대 당 하나센터 센터 병원 학교 경찰서"
    " 대리점 지점 사무소 인민병원".split()
)
# "새터민 담당 전도사", "탈북민 담당 형사": who is in charge of someone, one person.
_RX_IN_CHARGE = re.compile(
    rf"(?<![{H}])[{H}]{{2,6}}\s?(?:담당|전담)\s?(?:전도사|목사|형사|경찰관|경찰|선생님|선생|상담사|상담관"
    rf"|상담원|교사|직원|공무원|관|복지사|간사){_TAIL}"
)
# "보안서 예심과", "보위부 반탐과": a department of the security office, a handful of men.
_RX_AGENCY_DEPT = re.compile(
    rf"(?<![{H}])(?:보위부|보안서|안전부|안전서|보위국|보안부|보안국|안전국|분주소|보위성|안전성|검찰소)"
    rf"\s?[{H}]{{2,4}}(?:과|처|국|부|소){_TAIL}"
)
_RX_109 = re.compile(rf"(?<![\d.])109\s?(?:그루빠|그룹|상무|련합지휘부|연합지휘부){_TAIL}")
# A numbered unit alone: "제26호 공장", "6.18 돌격대", "10호 초소".
_RX_NUMBERED = re.compile(
    rf"(?<![{H}\d.])(?:제\s?)?(?:\d{{1,3}}\s?호|\d{{1,2}}\.\d{{1,2}}|(?<=제)\d{{1,5}}|(?<=제\s)\d{{1,5}})\s?"
    rf"(?:청년)?(?:공장|초소|관리소|교화소|수용소|병원|창고|광산|탄광|갱|돌격대|건설대|기업소|사업소"
    rf"|가내작업반|작업반|작업소|상무|그루빠|훈련소|훈련대|교도대|군관학교|련대|연대|대대|중대|려단|여단"
    rf"|사단|군단|초대소|분소|집결소){_TAIL}"
)
# Morphology rather than lists: an office word glued to 장 is the head of that office
# ("관리소장", "상업부장", "감찰과장", "돌격대장", "우체국장", "도서관장"), and a rank word
# glued after any qualifier is still that rank ("승무안전원", "철도보안원", "리당비서").
# Common words that end the same way are named below.
_RX_OFFICE_HEAD = re.compile(
    rf"(?<![{H}])(?:[{H}]{{1,6}}(?:소|부|과|국|처|실|단|서|대|반|원|관|조|방|갱|역)|[{H}]{{0,6}}기지)장"
    rf"{_TAIL}"
)
_NOT_OFFICE_HEAD = re.compile(
    r"^(?:무역장|가부장|몸단장|꽃단장|새단장|옷단장|겉단장|화단장|침대장|일대장|원대장|연대장부|부대장부"
    r"|문서장|도서장|보관장|수원장|공원장|정원장|국무위원장|중앙위원장|당중앙위원장)"
)
_RX_RANK_COMPOUND = re.compile(
    rf"(?<![{H}])(?:[{H}]{{1,4}}(?:지도원|관리원|(?:당|세포|단체|동맹|책임|조직|선전)\s?비서)"
    rf"|[{H}]{{0,4}}(?:안전원|보안원|보위원|감찰원|검열원|예심원|계호원|세관원|보위군관)"
    # the security trades' stems with a unit and 원: 보위부원, 규찰대원, 보안서원, 수사과원
    rf"|(?:보위|안전|보안|경비|규찰|순찰|검열|단속|수사|반탐|감찰|국경경비)(?:부|대|서|과|반|소)원){_TAIL}"
)
# "중국 파견 봉제공", "해외 파견 근로자": a worker the state sent abroad is one of a listed few.
_RX_DISPATCHED = re.compile(
    rf"(?<![{H}])(?:[{H}]{{2,5}}\s)?파견\s?[{H}]{{0,4}}(?:공|원|자|인력|근로자|[로노]동자){_TAIL}"
)
# "검열그루빠", "규찰대", "109상무": a squad of a few named officials.
_RX_SQUAD = re.compile(
    rf"(?<![{H}])[{H}]{{1,6}}(?:그루빠|규찰대|순찰대|검열대|검열단|단속반|검열반)(?:원)?{_TAIL}"
)


# In a paper a role counts where it is said of one person: "인민반장을 지낸 어머니".
_ATTRIBUTED = re.compile(
    r"(?:을|를)\s?(?:지낸|했던|하던|하였던|맡았던|지냈던)|이었던|였던|출신(?![가-힣])"
)


# "너희 중대장", "우리 담임": a role someone calls theirs is one person, even in a letter
# or a diary written in the plain style the voice test reads as prose.
_ATTRIBUTED_UNIT = re.compile(r"(?:으로|로|에)\s?(?:갔|배치|입대|나갔|복무|있었)")
_OWNED = re.compile(r"(?<![가-힣])(?:우리|너희|저희|내|제|네|니)\s?$")


_RX_TRADE_WORD = re.compile(rf"(?<![{H}])[{H}]{{1,3}}\s?$")
# A town said before a bare unit names it: "새별군 인민병원", "양주 경찰서".
_RX_TOWN_BEFORE = re.compile(rf"(?<![{H}])(?P<t>[{H}]{{2,5}}(?:시|군|구역|구|읍|면|리|동))\s?$")


def _placed(text: str, start: int) -> int:
    """Where a town named right before ``start`` begins (``start`` if none)."""
    m = _RX_TOWN_BEFORE.search(text, max(0, start - 8), start)
    return m.start() if m and m.end() == start else start


def _unit_before(text: str, start: int) -> int:
    """Where the unit words said right before ``start`` begin (``start`` if none)."""
    while True:
        m = _RX_UNIT_BEFORE.search(text, max(0, start - 16), start)
        if not m or m.group("u").strip() in _NOT_UNIT or m.end() != start:
            break
        start = m.start()
    m = _UNIT_MODIFIER.search(text, max(0, start - 8), start)
    return m.start() if m and m.end() == start and start < len(text) else start


def _with_units(text: str, spans: list[Span]) -> list[Span]:
    """Each Korean role widened over the units said before it."""
    out = []
    for s in spans:
        start = _unit_before(text, s.start) if re.match(f"[{H}\\d]", text[s.start]) else s.start
        out.append(s if start == s.start else Span(start, s.end, s.type, s.confidence, s.detector))
    return out


def detect(tokenised: TokenisedText) -> list[Span]:
    text = tokenised.text
    out: list[Span] = []
    # In a paper or a report a role is a kind of person: only named units identify there.
    spoken = is_testimony(text)
    if re.search(f"[{H}]", text):
        out += [
            Span(m.start(), m.end(), PiiType.ROLE, CONF_ROLE, NAME)
            for m in sparse.finditer(_role_regex(), text)
            if spoken
            or _ATTRIBUTED.match(text, m.end())
            or _OWNED.search(text, max(0, m.start() - 4), m.start())
        ]
        for m in sparse.finditer(_RX_HEAD_AFTER_UNIT, text):
            start = _unit_before(text, m.start())
            if start == m.start():  # "봉제공장 미싱 반장": one word of trade between
                w = _RX_TRADE_WORD.search(text, max(0, m.start() - 5), m.start())
                u = _unit_before(text, w.start()) if w and w.end() == m.start() else m.start()
                if w and u < w.start() and text[u : w.start()].strip() not in _BARE_UNITS:
                    start = u
            if start < m.start() and text[start : m.start()].strip() in _BARE_UNITS:
                start = _placed(text, start)  # "새별군 인민병원 의사": the town names it
            if start < m.start() and text[start : m.start()].strip() not in _BARE_UNITS:
                out.append(Span(start, m.end(), PiiType.ROLE, CONF_UNIT, NAME))
        out += [
            Span(m.start(), m.end(), PiiType.ROLE, CONF_UNIT, NAME)
            for rx in (_RX_NUMBERED, _RX_AGENCY_DEPT, _RX_109)
            for m in sparse.finditer(rx, text)
        ]
        out += [
            Span(m.start(), m.end(), PiiType.ROLE, CONF_UNIT, NAME)
            for rx in (_RX_IN_CHARGE, _RX_OFFICE_HEAD, _RX_RANK_COMPOUND, _RX_DISPATCHED, _RX_SQUAD)
            for m in (sparse.finditer(rx, text) if spoken else ())
            if not _NOT_OFFICE_HEAD.match(m.group())
        ]
        out = _with_units(text, out)
        for m in sparse.finditer(_RX_HEAD, text):
            head = m.start("head")
            name = _RX_NAME.search(text, max(0, head - 12), head)
            if name and _unit_named(tokenised, name.start(), head, m.group("head")):
                out.append(Span(name.start(), m.end(), PiiType.ROLE, CONF_UNIT, NAME))
            elif m.group("team"):
                out.append(Span(m.start("team"), m.end(), PiiType.ROLE, CONF_TEAM, NAME))
        out += [
            Span(m.start(), m.end(), PiiType.ROLE, CONF_TEAM, NAME)
            for m in sparse.finditer(_RX_TEAM, text)
        ]
        out += [
            Span(m.start(), m.end(), PiiType.ROLE, CONF_ABROAD, NAME)
            for rx in (_RX_ABROAD, _RX_ABROAD_GO, _RX_MILITARY)
            for m in sparse.finditer(rx, text)
            if spoken
            or _OWNED.search(text, max(0, m.start() - 4), m.start())
            or rx is _RX_MILITARY
            and _ATTRIBUTED_UNIT.match(text, m.end())
        ]
    low = text.lower()
    for words, rx in zip(EN_WORDS, EN_RX, strict=True):
        if not any(w in low for w in words):
            continue  # a substring test is ten times cheaper than the regex
        g = "r" if "r" in rx.groupindex else 0
        out += [
            Span(m.start(g), m.end(g), PiiType.ROLE, CONF_ROLE, NAME)
            for m in sparse.finditer(rx, text)
            if spoken or EN_ATTRIBUTED.search(text, max(0, m.start() - 24), m.start())
        ]
    return _longest(out)


def _longest(spans: list[Span]) -> list[Span]:
    """Overlapping role spans as one: "보위부 지도원", not also "지도원"; "대흥 수산사업소" and
    "수산사업소 선장" are one role, "대흥 수산사업소 선장"."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and s.start < out[-1].end:
            last = out[-1]
            if s.end > last.end:
                conf = max(last.confidence, s.confidence)
                out[-1] = Span(last.start, s.end, last.type, conf, last.detector, last.info)
            continue
        out.append(s)
    return out
