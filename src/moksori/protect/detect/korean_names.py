"""Korean person names: Kiwi proper nouns, surname patterns and the words around a name.

Why several signals: Kiwi tags most well-known names NNP, but also places and
organisations, and it cuts names it does not know (North Korean spellings
such as 리철수, rare given names) into odd pieces (이/MM 성미/NNG, 김/NNP
태/NNG 용/XSN). A name is therefore a hangul word that (a) starts with a
surname, (b) is a proper noun or is cut oddly by Kiwi, and/or (c) sits next to
a person cue: an honorific or title after it ("씨", "동무", "할머니",
"교수"), or a role word before it ("탈북민", "참가자", "어머니"). More
evidence, more confidence; a lone weak signal is still reported (recall first)
with a low confidence the reviewer can sort by.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from moksori.protect.spans import PiiType, Span
from moksori.protect.textview import TextView, Tok

NAME = "korean_names"

_DATA = Path(__file__).resolve().parent.parent / "data"
HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")

# Particles and copula endings a name may carry ("김순희가", "철수야", "영철이라는").
_PARTICLES = (
    "이 가 은 는 을 를 의 에 에게 에게서 한테 한테서 께 께서 와 과 도 랑 이랑 하고 만 까지"
    " 부터 처럼 보다 로 으로 로서 으로서 에서 야 아 이야 이여 여 이다 다 이고 고 이며 며 이나 나"
    " 이든 든 이라 라 이라고 라고 이라는 라는 이라면 라면 이었다 였다 이었고 였고 이었는데 였는데"
    " 이에요 예요 이었어요 였어요 입니다 이죠 죠 인데 인 이요 요 네 조차 마저 뿐 밖에 같은"
    " 이란 란 이라서 라서 이지만 지만 이니까 니까 이면 면 이야말로 야말로 이었던 였던 이던 던"
    " 에겐 한텐 께선 이여서 여서 이어서 이랑은 랑은 이한테 이에게 씨 님"
).split()
_PARTICLE_ALT = "|".join(sorted(set(_PARTICLES), key=len, reverse=True))
# What may follow a name inside its word: a name suffix 이/네, up to two particles.
_TAIL = re.compile(rf"(?:들)?(?:이|네)?(?:{_PARTICLE_ALT})?(?:{_PARTICLE_ALT})?")
# Suffixes Kiwi may split off a name that still leave it a name (순희네, 영철이).
_NAME_SUFFIXES = frozenset({"들", "님", "씨", "네", "이"})
_CUE_TAGS = frozenset({"NNG", "NNB", "XSN", "NNP"})
# Honorifics after which anything may follow in the same word ("씨때문에").
_OPEN_HONORIFICS = frozenset({"씨"})
# Honorifics that make the word before them a name whatever it looks like.
_STRONG_HONORIFICS = frozenset({"씨", "님", "군", "양", "옹", "여사"})
# Single syllables that are surnames but, alone before a title, usually mean
# something else: 이 할머니 "this grandmother", 전 대통령 "former president".
_AMBIGUOUS_ALONE = frozenset("이그저전현고부구신주한두양제남여모각총대소수원")
_NOT_SURNAME_ALONE = frozenset("모")
# Public titles after which news uses the surname alone ("이 의원은", "이 9단").
_TITLES = frozenset(
    "의원 후보 장관 위원장 대표 총리 의장 원내대표 위원 감독 선수 교수 회장 지사 청장 총장 차관"
    " 판사 검사 변호사 간호사 대변인 비서관 이사장 전 단 원사 일병 경장".split()
)
_TITLE_SURNAMES = frozenset("이")  # 김 모 씨: 모 is the press's mask
# A Kiwi proper noun ending like this is a place or an organisation
# (함경북도, 대동강, 한국, 민주당); measured on KLUE NER, these endings are
# ten to thirty times more often LC/OG than PS.
_PLACE_ENDINGS = tuple(
    "도 군 구 동 읍 면 강 산 섬 역 항 국 당 청 본 울 대 북 관 단 회 부 처 교 원 사".split()
)
# Nouns that glued to a proper noun make it a place or an organisation (회령/NNP 시/NNG).
_PLACE_NOUNS = frozenset(
    "시 군 구 도 동 리 읍 면 강 산 섬 역 항 공항 대학교 대학 학교 고등학교 중학교 초등학교 병원"
    " 교회 성당 호텔 공원 시장 회사 은행 협회 위원회 당 청 부 처 원 국 관 단 회 사 클럽 그룹"
    " 센터 전자 자동차 일보 신문 방송 뉴스 로 길 거리 해 만 평야 고원 반도 지방 지역 군청 시청"
    " 농장 광산 탄광 기업소 공장 노동자구 로동자구 인민위원회 정부 대사관 영사관".split()
)
_PLACE_SUFFIXES = tuple(w for w in _PLACE_NOUNS if len(w) >= 2)
# Particles of place and direction: names take 에게/한테, places take 에/에서/로.
_PLACE_PARTICLES = frozenset({"에", "에서", "로", "으로", "에서는", "에서도", "까지"})
# Particles only people take: given to, by (honorific subject).
_PERSON_PARTICLES = frozenset(
    {"에게", "한테", "께서", "께", "에게서", "한테서", "께서는", "에게는"}
)
_CUE_PLACE_TAIL = frozenset({"에", "에서", "로", "으로", "에서는", "에서도", "에는", "에도"})
# Kiwi tags that a name (or a piece of an unknown name) may be read as.
_NAME_PIECE_TAGS = frozenset({"NNP", "NNG", "NNB", "NR", "MM", "XSN", "XPN", "MAG", "SL"})
# Noun suffixes that make a word, not a name (민주화, 현실적, 주민들).
_WORD_SUFFIXES = frozenset("들 적 화 성 권 층 상 님 별 식 감 력 형 률 법 론 계 측 급 쪽 분".split())
# A demonstrative or prefix read as MM before a known noun: 이영화 "this film".
_MM_PREFIXES = frozenset("이 그 저 전 한 각 모 현 구 신 고 두 세 새 옛 온 별 딴 총".split())
_OPEN_PAREN = "(（"
MM_CONF = 0.45
I_SUFFIX_CONF = 0.54
PIECES_CONF = 0.42
_DETERMINERS = frozenset(
    "한 이 그 저 두 네 몇 첫 전 각 모 현 새 옛 온 딴 총 별 왠 웬 맨 신 재 여".split()
)
_COUNTERS = frozenset(
    "번 개 명 대 잔 장 회 구 줄 방 권 살 곳 때 날 밤 해 달 주 분 초 차 편 쪽 층".split()
)
_PIECE_TAGS = frozenset({"NNG", "NNP", "NNB"})
# Nouns a determiner is often glued to in informal writing (이영화, 한시간, 이정도).
_MM_STOP = frozenset(
    "영화 사람 시간 정도 마디 순간 이후 이전 공학 동안 부분 장면 작품 배우 드라마 노래 가지 가족"
    " 나라 동네 세상 세계 얘기 이야기 내용 생각 느낌 사건 문제 경우 상황 정부 회사 학교 나이"
    " 자리 순간 마음 번째 가운데 가득 모금 마리 그릇 동안 평생 주일 개월 해외".split()
)
HANJA_RUN = re.compile(r"[\u4e00-\u9fff]{2,4}")


def read_data(name: str) -> list[list[str]]:
    """Rows of a data file: comment lines and blanks skipped, fields split on whitespace."""
    rows: list[list[str]] = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(line.split())
    return rows


@dataclass(frozen=True)
class _Lexicon:
    surnames: frozenset[str]  # common single and all double surnames
    rare_surnames: frozenset[str]  # count only with a proper noun or an honorific
    cues: dict[str, str | None]  # word after a name → implied gender
    roles: dict[str, str | None]  # word before a name → implied gender
    not_person: frozenset[str]  # proper nouns that are places or organisations


@cache
def lexicon() -> _Lexicon:
    common: set[str] = set()
    rare: set[str] = set()
    for row in read_data("korean_surnames.txt"):
        (rare if "rare" in row[1:] else common).add(row[0])
    cues = {r[0]: (r[1] if len(r) > 1 else None) for r in read_data("korean_person_cues.txt")}
    roles = {r[0]: (r[1] if len(r) > 1 else None) for r in read_data("korean_person_roles.txt")}
    not_person = frozenset(w for row in read_data("korean_not_person.txt") for w in row)
    return _Lexicon(frozenset(common), frozenset(rare), cues, roles, not_person)


def _surname_len(word: str, *, rare_ok: bool) -> int:
    """Length of the surname ``word`` starts with (2 for 남궁...), or 0."""
    lex = lexicon()
    if len(word) >= 3 and word[:2] in lex.surnames:
        return 2
    if word[:1] in lex.surnames or (rare_ok and word[:1] in lex.rare_surnames):
        return 1
    return 0


def _tail_ok(word: str) -> bool:
    return bool(_TAIL.fullmatch(word))


def _oov(t: Tok) -> bool:
    """Kiwi's unknown-word flag, when the view's tokens carry it (``Tok.oov``)."""
    return bool(getattr(t, "oov", False))


# Particles an unknown word may have swallowed ("세나와/NNG", "장혁이/NNG").
_SWALLOWED = tuple(
    sorted("이 가 은 는 을 를 의 와 과 도 랑 이랑 에게 한테 만 께서".split(), key=len, reverse=True)
)


@dataclass
class _Word:
    start: int
    end: int
    text: str


class _Analysis:
    """The hangul words of a text and quick access to Kiwi tokens by position."""

    def __init__(self, view: TextView) -> None:
        self.text = view.text
        self.tokens = sorted(view.tokens, key=lambda t: t.start)
        self.starts = [t.start for t in self.tokens]
        self.words = [_Word(m.start(), m.end(), m.group()) for m in HANGUL_RUN.finditer(view.text)]

    def toks(self, start: int, end: int) -> list[Tok]:
        """Tokens overlapping [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        while i > 0 and self.tokens[i - 1].end > start:
            i -= 1
        out: list[Tok] = []
        while i < len(self.tokens) and self.tokens[i].start < end:
            if self.tokens[i].end > start:
                out.append(self.tokens[i])
            i += 1
        return out

    def is_nnp(self, start: int, end: int) -> bool:
        """Kiwi reads exactly [start, end) as a proper noun."""
        toks = self.toks(start, end)
        return len(toks) == 1 and toks[0].tag == "NNP" and toks[0].end == end

    def nominal(self, start: int, end: int) -> bool:
        """Kiwi reads [start, end) as nouns and the like, never a verb or an ending."""
        toks = self.toks(start, end)
        return all(t.tag in _NAME_PIECE_TAGS for t in toks)

    def odd_cut(self, start: int, end: int) -> bool:
        """Kiwi does not read [start, end) as one ordinary word: a sign of an unknown name."""
        toks = self.toks(start, end)
        if not toks:
            return False
        if len(toks) == 1:
            t = toks[0]
            if t.start == start and t.tag in ("NNG", "NNP") and _oov(t):
                return True
            # An unknown word swallowed with its particle ("서영희의/NNG").
            swallowed = self.text[end : t.end]
            return t.start == start and t.tag == "NNG" and swallowed in _SWALLOWED
        if not all(t.tag in _NAME_PIECE_TAGS and t.end <= end for t in toks):
            return False
        last = toks[-1]
        two_syllables = len(toks) == 2 and toks[0].tag in ("NNG", "NNP") and end - start == 2
        if (last.tag == "NNB" and not two_syllables) or (
            last.tag == "XSN" and last.form in _WORD_SUFFIXES
        ):
            return False  # 철/NNG 호/NNB is a cut name; 세/MM 명/NNB a count
        if len(toks) == 2 and toks[0].tag == "MM" and toks[0].form in _MM_PREFIXES:
            return False  # 이영화 "this film", 전남편 "ex-husband"
        return any(t.end - t.start == 1 for t in toks)

    def mm_split(self, start: int, end: int) -> bool:
        """A surname Kiwi read as a determiner, glued to a given name it read as a noun.

        이요원 → 이/MM 요원/NNG, 한지혜 → 한/MM 지혜/NNG: Korean spaces a
        determiner from its noun, so the glued form is more often a name.
        """
        toks = self.toks(start, end)
        return (
            len(toks) == 2
            and toks[0].tag == "MM"
            and toks[0].start == start
            and toks[0].end == start + 1
            and toks[1].tag in ("NNG", "NNP", "NR")
            and toks[1].end == end
            and end - toks[1].start == 2
            and toks[1].form not in _MM_STOP
        )

    def two_pieces(self, start: int, end: int) -> int:
        """Kiwi cuts a two-syllable word into two one-syllable pieces: 규/원, 택/연, 김/탄.

        Korean given names are two syllables Kiwi mostly does not know. 2: two
        nouns; 1: a determiner, prefix or interjection then a noun (세/MM 나/NNG),
        weaker; 0: neither.
        """
        toks = self.toks(start, end)
        if not (
            len(toks) == 2
            and toks[0].start == start
            and toks[0].end == start + 1
            and toks[1].end == end
            and toks[1].tag in _PIECE_TAGS
            and toks[1].form not in _WORD_SUFFIXES
        ):
            return 0
        if toks[0].tag in _PIECE_TAGS:
            return 2
        first, second = toks
        if first.tag not in ("MM", "XPN", "IC") or second.tag == "NNB":
            return 0
        if first.form in _DETERMINERS or second.form in _COUNTERS:
            return 0  # 한개, 이날, 그밖, 세번: a determiner and a noun or a count
        return 1

    def glued_before(self, pos: int) -> bool:
        """A digit or a Latin letter right before ``pos``: 10년전, KT전 are not names."""
        return pos > 0 and self.text[pos - 1].isalnum()

    def i_suffix(self, pos: int, word_end: int) -> bool:
        """At ``pos`` the name suffix 이 then a particle: 초원이는, 기봉이가, 강산이도.

        Kiwi reads this 이 as a subject particle or a suffix; a second particle
        after a subject particle is not grammar unless the 이 belongs to a name.
        """
        if pos + 1 >= word_end or self.text[pos] != "이":
            return False
        toks = [t for t in self.toks(pos, pos + 2) if t.start >= pos]
        return (
            len(toks) == 2
            and toks[0].tag in ("JKS", "XSN")
            and toks[0].end == pos + 1
            and toks[1].start == pos + 1
            and (toks[1].tag.startswith("J") or toks[1].form == "네")
        )

    def known_word(self, start: int, end: int) -> bool:
        """Kiwi reads exactly [start, end) as one dictionary common noun."""
        toks = self.toks(start, end)
        return len(toks) == 1 and toks[0].tag == "NNG" and toks[0].end == end and not _oov(toks[0])

    def tail_ok(self, start: int, end: int) -> bool:
        """[start, end) is only particles and endings, by its spelling or by Kiwi's reading."""
        if _tail_ok(self.text[start:end]):
            return True
        toks = self.toks(start, end)
        if not toks or toks[0].start < start:
            return False  # a word runs across: 이메/일이 is 이메일이
        return all(
            t.tag[:1] in "JE" or t.tag == "VCP" or (t.tag == "XSN" and t.form in _NAME_SUFFIXES)
            for t in toks
        )

    def cue_at(self, pos: int, word: str) -> tuple[str, str | None] | None:
        """The person cue ``word`` (found at ``pos``) starts with, if Kiwi reads it as a noun."""
        cues = lexicon().cues
        for n in range(min(len(word), 6), 0, -1):
            head = word[:n]
            if head not in cues:
                continue
            rest = word[n:]
            if rest in _CUE_PLACE_TAIL:
                continue  # 수남시장에서: a market, not a mayor
            toks = self.toks(pos, pos + n)
            if not (toks and toks[0].start == pos and toks[0].tag in _CUE_TAGS):
                continue
            if _tail_ok(rest) or self.tail_ok(pos + n, pos + len(word)):
                return head, cues[head]
            if head in _OPEN_HONORIFICS and toks[0].end == pos + n:
                return head, cues[head]  # 이성미씨때문에, 한정현씨라는
        return None

    def gap_is_space(self, a: int, b: int) -> bool:
        gap = self.text[a:b]
        return 0 < len(gap) <= 2 and gap.strip(" \t") == ""


def _add(
    found: dict[tuple[int, int], Span], start: int, end: int, conf: float, gender: str | None
) -> None:
    info = {"gender": gender} if gender else {}
    prev = found.get((start, end))
    if prev is None or prev.confidence < conf:
        if prev is not None and prev.info and not info:
            info = prev.info
        found[(start, end)] = Span(start, end, PiiType.PERSON, round(conf, 2), NAME, info)


def _next_cue(an: _Analysis, idx: int) -> tuple[str, str | None] | None:
    """The cue word right after word ``idx`` ("김순희 씨"), if any."""
    if idx + 1 >= len(an.words):
        return None
    w, nxt = an.words[idx], an.words[idx + 1]
    if not an.gap_is_space(w.end, nxt.start):
        return None
    return an.cue_at(nxt.start, nxt.text)


def _prev_role(an: _Analysis, idx: int) -> tuple[str, str | None] | None:
    """The role word right before word ``idx`` ("탈북민 김순희", "제 어머니 박옥순")."""
    if idx == 0:
        return None
    w, prv = an.words[idx], an.words[idx - 1]
    if not an.gap_is_space(prv.end, w.start):
        return None
    roles = lexicon().roles
    if prv.text in roles:
        return prv.text, roles[prv.text]
    for n in range(min(len(prv.text) - 1, 6), 1, -1):
        if prv.text[-n:] in roles:  # 연구참여자, 큰어머니
            return prv.text[-n:], roles[prv.text[-n:]]
    return None


def _word_candidates(an: _Analysis, idx: int, found: dict[tuple[int, int], Span]) -> None:
    """Names at the start of word ``idx``, scored by the evidence around them."""
    lex = lexicon()
    w = an.words[idx]
    text = w.text
    next_cue = _next_cue(an, idx)
    role = _prev_role(an, idx)
    for k in range(1, min(len(text), 5) + 1):
        stem, rest = text[:k], text[k:]
        start, end = w.start, w.start + k
        inner = an.cue_at(end, rest) if rest else None
        if k == 1 and inner is None and rest[:1] == "씨" and _tail_ok(rest[1:]):
            inner = ("씨", None)  # 안씨는: Kiwi may read 안씨 as one word
        if rest and not inner and not an.tail_ok(end, w.end):
            continue
        if stem in lex.cues or stem in lex.roles or stem in lex.not_person:
            continue
        # A cue in the next word counts when this word ends at the name or its 이.
        cue = inner or (next_cue if rest in ("", "이") else None)
        cue_word, cue_gender = cue if cue else (None, None)
        gender = cue_gender or (role[1] if role else None)
        nnp = an.is_nnp(start, end)
        strong = cue_word in _STRONG_HONORIFICS
        s_len = _surname_len(stem, rare_ok=nnp or strong)
        if k == 1:
            # Surname alone: "김씨", "박 씨", "최 할머니"; not "이 할머니" (this grandmother).
            if s_len and cue_word and cue_word != "님" and stem not in _NOT_SURNAME_ALONE:
                if stem in _AMBIGUOUS_ALONE and cue_word != "씨":
                    if rest == "" and cue_word in _TITLES and stem in _TITLE_SURNAMES:
                        _add(found, start, end, 0.45, gender)  # 이 의원은, 이 후보는
                    continue
                _add(found, start, end, 0.75 if strong else 0.6, gender)
            continue
        if not (nnp or an.nominal(start, end)):
            continue
        if 2 <= k <= 3 and an.i_suffix(end, w.end):
            _add(found, start, end, I_SUFFIX_CONF, gender)
        if k == 2 and not an.glued_before(start):
            pieces = an.two_pieces(start, end)
            if pieces == 2 or (pieces == 1 and rest and rest != "이"):
                _add(found, start, end, PIECES_CONF if pieces == 2 else 0.41, gender)
        if s_len and 1 <= k - s_len <= 2:
            odd = an.odd_cut(start, end)
            mm = k == 3 and not odd and an.mm_split(start, end)
            if nnp and (cue or role):
                conf = 0.93
            elif cue and strong:
                conf = 0.85
            elif nnp:
                conf = 0.8 if k >= 3 else 0.6
            elif cue or role:
                if mm:
                    odd = True
                if not odd and an.known_word(start, end):
                    continue  # "대통령 이야기": Kiwi knows 이야기 as an ordinary word
                conf = 0.72 if odd else 0.5
            elif odd and (k == 3 or s_len == 2):
                conf = 0.6 if any(_oov(t) for t in an.toks(start, end)) else 0.45
            elif mm:
                conf = MM_CONF
            else:
                continue
            _add(found, start, end, conf, gender)
        elif role and not cue_word and 2 <= k <= 3:
            # Given name after a role word: "아들 철호는", "친구 광훈이랑".
            if nnp or an.odd_cut(start, end):
                _add(found, start, end, 0.6, gender)
        elif cue_word and 2 <= k <= 4:
            # Given name or unknown name before a cue: "선미 씨", "순희 언니".
            if strong and cue_word != "님":
                _add(found, start, end, 0.75, gender)
            elif nnp or an.odd_cut(start, end):
                _add(found, start, end, 0.65, gender)


def _placeish(an: _Analysis, t: Tok, surface: str) -> bool:
    """A proper noun shaped or placed like a place or an organisation."""
    if surface in lexicon().not_person:
        return True
    after = an.toks(t.end, t.end + 1)
    nxt = after[0] if after and after[0].start == t.end else None
    if nxt is not None and nxt.tag.startswith("J") and nxt.form in _PERSON_PARTICLES:
        return False  # 프라도에게: places are not given things
    if (
        len(surface) >= 2
        and surface.endswith(_PLACE_ENDINGS)
        and not _surname_len(surface, rare_ok=False)
    ):
        return True
    if nxt is not None and nxt.tag in _CUE_TAGS and nxt.form in _PLACE_NOUNS:
        if nxt.form != "역":
            return True
        # 메이역의 배우 is a role; 청진역에서 a station.
        after_yeok = an.toks(nxt.end, nxt.end + 1)
        return not after_yeok or after_yeok[0].tag in ("JKB", "NNG")
    return False


def _covered(an: _Analysis, found: dict[tuple[int, int], Span]) -> bytearray:
    """One byte per character of the text, set where a span was already found."""
    covered = bytearray(len(an.text))
    for s in found.values():
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
    return covered


def _nnp_candidates(an: _Analysis, found: dict[tuple[int, int], Span]) -> None:
    """Kiwi proper nouns not already covered and not shaped like a place."""
    covered = _covered(an, found)
    lex = lexicon()
    for t in an.tokens:
        if t.tag != "NNP":
            continue
        surface = an.text[t.start : t.end]
        if not HANGUL_RUN.match(surface) or any(covered[t.start : t.end]):
            continue
        if surface in lex.cues or surface in lex.roles:
            continue  # 오마니, 아바이: forms of address, not names
        if " " in t.form and surface not in lex.not_person:
            # Kiwi knows this as a two-word proper noun written solid ("말론브랜도"):
            # on KLUE NER these are persons nine times in ten.
            _add(found, t.start, t.end, 0.7, None)
            continue
        if _placeish(an, t, surface):
            continue
        word_end = _word_end(an, t.end)
        rest = an.text[t.end : word_end]
        cue = an.cue_at(t.end, rest) if rest else None
        if cue is None and not rest:
            nxt = HANGUL_RUN.match(an.text, t.end + 1)
            if nxt and an.gap_is_space(t.end, nxt.start()):
                cue = an.cue_at(nxt.start(), nxt.group())
        if cue:
            conf = 0.9
        elif rest in _PLACE_PARTICLES:
            if surface.endswith(("시", "리", "주", "현", "성")):
                continue  # 회령시에서, 광둥성으로
            conf = 0.35  # 뉴욕에서, 평양으로
        elif _surname_len(surface, rare_ok=True) and 3 <= len(surface) <= 4:
            conf = 0.75
        else:
            conf = 0.55
        _add(found, t.start, t.end, conf, cue[1] if cue else None)


def _unknown_words(an: _Analysis, found: dict[tuple[int, int], Span]) -> None:
    """Words Kiwi does not know, used like names: a weak guess.

    Foreign names in hangul (카즈마, 앤드류거필드) and unknown Korean given
    names (광훈, 성열) are unknown to Kiwi; so are slang and typos, hence the
    low confidence, and the need for a particle or an ending after a short one.
    """
    covered = _covered(an, found)
    word_at = {w.start: w for w in an.words}
    lex = lexicon()
    for t in an.tokens:
        if not (_oov(t) and t.tag in ("NNG", "NNP")):
            continue
        # Skip jamo laughter glued in front ("ㅎㅎ스텔론") and cut at the first non-syllable.
        m = HANGUL_RUN.search(an.text, t.start, t.end)
        if m is None:
            continue
        start, end = m.start(), m.end()
        word = word_at.get(start)
        if word is None or any(covered[start:end]):
            continue
        surface = an.text[start:end]
        for p in _SWALLOWED:
            if surface.endswith(p) and len(surface) - len(p) >= 2:
                end -= len(p)
                break
        stem = an.text[start:end]
        if end - start < 2 or stem in lex.not_person or stem in lex.cues or stem in lex.roles:
            continue
        if an.text[start:end].endswith(_PLACE_SUFFIXES):
            continue  # 수남시장, 칠성교회: a place Kiwi does not know
        if an.tail_ok(end, word.end) or end == word.end:
            conf = 0.4
        elif end - start >= 3 and _glued_predicate(an, end):
            conf = 0.35  # 레시라무나오고, 현치수보고: a name glued to its verb
        else:
            continue
        _add(found, start, end, conf, None)


def _glued_predicate(an: _Analysis, pos: int) -> bool:
    nxt = [t for t in an.toks(pos, pos + 1) if t.start == pos]
    return bool(nxt) and nxt[0].tag in ("VV", "VX", "VA")


def _word_end(an: _Analysis, pos: int) -> int:
    m = HANGUL_RUN.match(an.text, pos)
    return m.end() if m else pos


def _hanja_glosses(an: _Analysis, found: dict[tuple[int, int], Span]) -> None:
    """A name's hanja in brackets right after it: 원자바오(溫家寶)."""
    for s in list(found.values()):
        pos = s.end
        if pos < len(an.text) and an.text[pos] in _OPEN_PAREN and s.confidence >= 0.5:
            m = HANJA_RUN.match(an.text, pos + 1)
            if m:
                _add(found, m.start(), m.end(), s.confidence, None)


def _prune(spans: list[Span], size: int) -> list[Span]:
    """Of overlapping guesses keep the most confident (the longer on ties); linear in text."""
    out: list[Span] = []
    taken = bytearray(size)
    for s in sorted(spans, key=lambda x: (-x.confidence, x.start - x.end)):
        if not any(taken[s.start : s.end]):
            out.append(s)
            taken[s.start : s.end] = b"\x01" * (s.end - s.start)
    return sorted(out, key=lambda s: s.start)


def _surnames_alone(an: _Analysis, found: dict[tuple[int, int], Span]) -> None:
    """ "한 목사님" after "한경수 목사님": a surname alone is a name when the text has one.

    Alone, 한/이/전 before a title mostly mean "a", "this", "former"; once a full
    name with that surname is in the same text, the short form refers back to it.
    """
    text = an.text
    named = {
        text[s.start]
        for s in found.values()
        if s.confidence >= 0.6 and s.end - s.start == 3 and text[s.start] in _AMBIGUOUS_ALONE
    }
    named -= _NOT_SURNAME_ALONE
    if not named:
        return
    for idx, w in enumerate(an.words):
        if w.text in named:
            cue = _next_cue(an, idx)
            if cue and cue[0] != "님":
                _add(found, w.start, w.end, 0.6, cue[1])


def detect(view: TextView) -> list[Span]:
    an = _Analysis(view)
    found: dict[tuple[int, int], Span] = {}
    for idx in range(len(an.words)):
        _word_candidates(an, idx, found)
    _surnames_alone(an, found)
    _nnp_candidates(an, found)
    _unknown_words(an, found)
    _hanja_glosses(an, found)
    return _prune(list(found.values()), len(an.text))
