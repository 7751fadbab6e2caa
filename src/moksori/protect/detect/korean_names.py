"""Korean person names: Kiwi proper nouns, surname patterns and the words around a name.

Why several signals: Kiwi tags most well-known names NNP, but also places and
organisations, and it cuts names it does not know (North Korean spellings
such as 리철수, rare given names) into odd pieces (이/MM 성미/NNG, 김/NNP
태/NNG 용/XSN). A name is therefore a hangul word that (a) starts with a
surname, (b) is a proper noun or is cut oddly by Kiwi, and/or (c) sits next to
a person cue: an honorific or title after it ("씨", "동무", "할머니",
"교수"), or a role word before it ("탈북민", "참가자", "어머니"). More
evidence, more confidence; a lone weak signal is still reported (recall first)
with a low confidence the reviewer can sort by. How Kiwi reads each word is
asked of :mod:`moksori.protect.detect.korean_tokens`, the word lists of
:mod:`.korean_lexicon`, the familiar 이 of :mod:`.korean_familiar`; this module
scores names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from moksori.protect import gazetteer as gz
from moksori.protect.detect.korean_familiar import (
    FAMILIAR_CONF,
    Candidate,
    Cue,
    familiar_words,
    name_without_i,
    without_familiar_i,
)
from moksori.protect.detect.korean_lexicon import lexicon, surname_len
from moksori.protect.detect.korean_lexicon import read_data as read_data  # for its users
from moksori.protect.detect.korean_tokens import (
    CUE_TAGS,
    HANGUL_RUN,
    SWALLOWED,
    Reading,
    is_tail,
    oov,
)
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import Tok, TokenisedText

NAME = "korean_names"

# Titles of a party committee's officials: "X당비서" is the secretary of X's committee.
_PARTY_TITLES = ("비서", "책임비서", "조직비서", "선전비서", "위원장", "일꾼", "간부", "지도원")
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
_OPEN_PAREN = "(（"
MM_CONF = 0.45
# Sino-Korean numerals: "월급 백팔십만 원", "공일공 칠칠사일" read out.
_NUMERAL_WORD = re.compile("[공영일이삼사오육륙칠팔구십백천만억]+")
I_SUFFIX_CONF = 0.54
PIECES_CONF = 0.42
HANJA_RUN = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _add(
    found: dict[tuple[int, int], Span], start: int, end: int, conf: float, gender: str | None
) -> None:
    info = {"gender": gender} if gender else {}
    prev = found.get((start, end))
    if prev is None or prev.confidence < conf:
        if prev is not None and prev.info and not info:
            info = prev.info
        found[(start, end)] = Span(start, end, PiiType.PERSON, round(conf, 2), NAME, info)


def _next_cue(an: Reading, idx: int) -> tuple[str, str | None] | None:
    """The cue word right after word ``idx`` ("김순희 씨"), if any."""
    if idx + 1 >= len(an.words) or not an.spaced[idx]:
        return None
    nxt = an.words[idx + 1]
    return an.cue_at(nxt.start, nxt.text)


def _prev_role(an: Reading, idx: int) -> tuple[str, str | None] | None:
    """The role word right before word ``idx`` ("탈북민 김순희", "제 어머니 박옥순")."""
    if idx == 0 or not an.spaced[idx - 1]:
        return None
    return _role_of(an.words[idx - 1].text)


@lru_cache(maxsize=65_536)
def _role_of(word: str) -> tuple[str, str | None] | None:
    """The role word ``word`` is or ends with; asked of the same words again and again."""
    roles = lexicon().roles
    if word in roles:
        return word, roles[word]
    for n in range(min(len(word) - 1, 6), 1, -1):
        if word[-n:] in roles:  # 연구참여자, 큰어머니
            return word[-n:], roles[word[-n:]]
    return None


# Candidates of a word, by everything they depend on (see _word_key). Interviews repeat
# their words, so most words are scored once per process; cleared when it grows too big.
_WORD_CACHE: dict[tuple[object, ...], list[Candidate]] = {}
_WORD_CACHE_MAX = 50_000


def _word_key(an: Reading, idx: int, next_cue: Cue | None, role: Cue | None) -> tuple[object, ...]:
    """All that :func:`_word_candidates` reads about word ``idx``: its text, the character
    before it, its neighbours' cue and role words, and Kiwi's tokens around it."""
    w = an.words[idx]
    return (w.text, an.glued_before(w.start), next_cue, role, an.signature(w.start, w.end))


def _all_words(an: Reading, found: dict[tuple[int, int], Span]) -> None:
    """Candidates at the start of every word, each word's scored once per :func:`_word_key`."""
    for idx, w in enumerate(an.words):
        next_cue = _next_cue(an, idx)
        role = _prev_role(an, idx)
        key = _word_key(an, idx, next_cue, role)
        adds = _WORD_CACHE.get(key)
        if adds is None:
            if len(_WORD_CACHE) >= _WORD_CACHE_MAX:
                _WORD_CACHE.clear()
            adds = _WORD_CACHE[key] = _word_candidates(an, idx, next_cue, role)
        for k, conf, gender in adds:  # in the order found: ties in _prune keep it
            _add(found, w.start, w.start + k, conf, gender)


def _word_candidates(
    an: Reading, idx: int, next_cue: Cue | None, role: Cue | None
) -> list[Candidate]:
    """Names at the start of word ``idx``, scored by the evidence around them.

    ``next_cue`` and ``role`` are the cue word after it and the role word before it.
    """
    lex = lexicon()
    w = an.words[idx]
    text = w.text
    out: list[Candidate] = []
    for k in range(1, min(len(text), 5) + 1):
        stem, rest = text[:k], text[k:]
        start, end = w.start, w.start + k
        inner = an.cue_at(end, rest) if rest else None
        if k == 1 and inner is None and rest[:1] == "씨" and is_tail(rest[1:]):
            inner = ("씨", None)  # 안씨는: Kiwi may read 안씨 as one word
        if rest and not inner and not an.tail_ok(end, w.end):
            continue
        if stem in lex.cues or stem in lex.roles or stem in lex.not_person:
            continue
        if 2 <= k <= 3 and not rest and _home_after(an, idx) and gz.lookup(stem) is not None:
            continue  # "정주 외갓집", "회령 사람": a town of the gazetteer and whose home it is
        if k >= 3 and _NUMERAL_WORD.fullmatch(stem):
            continue  # 백팔십, 공일공: a number said in words, not 백 or 공 and a given name
        if stem.endswith("당") and rest.startswith(_PARTY_TITLES):
            continue  # 리당비서, 군당 책임비서: the party committee of a unit, not Mr 리당
        # A cue in the next word counts when this word ends at the name or its 이.
        cue = inner or (next_cue if rest in ("", "이") else None)
        cue_word, cue_gender = cue if cue else (None, None)
        gender = cue_gender or (role[1] if role else None)
        nnp = an.is_nnp(start, end)
        strong = cue_word in _STRONG_HONORIFICS
        s_len = surname_len(stem, rare_ok=nnp or strong)
        if k == 1:
            # Surname alone: "김씨", "박 씨", "최 할머니"; not "이 할머니" (this grandmother).
            if s_len and cue_word and cue_word != "님" and stem not in _NOT_SURNAME_ALONE:
                if inner and _gazetteer_word(text):
                    continue  # "심양은" is the city, not Miss 심; "단군" not Master 단
                if stem in _AMBIGUOUS_ALONE and cue_word != "씨":
                    if rest == "" and cue_word in _TITLES and stem in _TITLE_SURNAMES:
                        out.append((k, 0.45, gender))  # 이 의원은, 이 후보는
                    continue
                out.append((k, 0.75 if strong else 0.6, gender))
            continue
        if not (nnp or an.nominal(start, end)):
            continue
        if 2 <= k <= 3 and an.i_suffix(end, w.end):
            out.append((k, I_SUFFIX_CONF, gender))
        if k == 2 and not an.glued_before(start):
            pieces = an.two_pieces(start, end)
            if pieces == 2 or (pieces == 1 and rest and rest != "이"):
                out.append((k, PIECES_CONF if pieces == 2 else 0.41, gender))
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
                conf = 0.6 if any(oov(t) for t in an.toks(start, end)) else 0.45
            elif mm:
                conf = MM_CONF
            else:
                continue
            out.append((k, conf, gender))
        elif role and not cue_word and 2 <= k <= 3:
            # Given name after a role word: "아들 철호는", "친구 광훈이랑".
            if nnp or an.odd_cut(start, end):
                out.append((k, 0.6, gender))
        elif cue_word and 2 <= k <= 4:
            # Given name or unknown name before a cue: "선미 씨", "순희 언니".
            if strong and cue_word != "님":
                out.append((k, 0.75, gender))
            elif nnp or an.odd_cut(start, end):
                out.append((k, 0.65, gender))
    return without_familiar_i(text, out, next_cue)


# Words after a town that say it is someone's home or origin, not a person.
_HOME_AFTER = re.compile(
    "(?:외갓집|외가|친정|시댁|시집|본가|큰집|집|고향|사람|사람들|출신|쪽|근처|일대|시내|읍내|장마당|태생)"
    "(?:에서|에|으로|로|은|는|이|을|의|도|까지)?$"
)


def _home_after(an: Reading, idx: int) -> bool:
    """The next word, after a space, says whose home or which side the word before is."""
    if idx + 1 >= len(an.words) or not an.spaced[idx]:
        return False
    return bool(_HOME_AFTER.match(an.words[idx + 1].text))


@lru_cache(maxsize=4096)
def _gazetteer_word(word: str) -> bool:
    """The word is a gazetteer place of two or three syllables, with a particle or nothing."""

    for n in (3, 2):
        if len(word) >= n and is_tail(word[n:]) and gz.lookup(word[:n]) is not None:
            return True
    return False


def _placeish(an: Reading, t: Tok, surface: str) -> bool:
    """A proper noun shaped or placed like a place or an organisation."""
    if surface in lexicon().not_person:
        return True
    nxt_word = re.match(r"[ \t](\S+)", an.text[t.end : t.end + 14])
    if nxt_word and _HOME_AFTER.match(nxt_word.group(1)) and gz.lookup(surface) is not None:
        return True  # "정주 외갓집": a town and whose home it is
    after = an.toks(t.end, t.end + 1)
    nxt = after[0] if after and after[0].start == t.end else None
    if nxt is not None and nxt.tag.startswith("J") and nxt.form in _PERSON_PARTICLES:
        return False  # 프라도에게: places are not given things
    if (
        len(surface) >= 2
        and surface.endswith(_PLACE_ENDINGS)
        and not surname_len(surface, rare_ok=False)
    ):
        return True
    if nxt is not None and nxt.tag in CUE_TAGS and nxt.form in _PLACE_NOUNS:
        if nxt.form != "역":
            return True
        # 메이역의 배우 is a role; 청진역에서 a station.
        after_yeok = an.toks(nxt.end, nxt.end + 1)
        return not after_yeok or after_yeok[0].tag in ("JKB", "NNG")
    return False


def _covered(an: Reading, found: dict[tuple[int, int], Span]) -> bytearray:
    """One byte per character of the text, set where a span was already found."""
    covered = bytearray(len(an.text))
    for s in found.values():
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
    return covered


def _nnp_candidates(an: Reading, found: dict[tuple[int, int], Span]) -> None:
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
        if len(surface) == 1 and _gazetteer_word(an.text[t.start : _word_end(an, t.start)]):
            continue  # 심/NNP 양: the word is the city 심양
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
        if cue and len(surface) == 1 and an.glued_before(t.start):
            continue  # 여/NNG 맹/NNP 위원장: a syllable inside a title (여맹위원장) is no name
        if cue:
            conf = 0.9
        elif rest in _PLACE_PARTICLES:
            if surface.endswith(("시", "리", "주", "현", "성")):
                continue  # 회령시에서, 광둥성으로
            conf = 0.35  # 뉴욕에서, 평양으로
        elif surname_len(surface, rare_ok=True) and 3 <= len(surface) <= 4:
            conf = 0.75
        else:
            conf = 0.55
        _add(found, t.start, t.end, conf, cue[1] if cue else None)


def _unknown_words(an: Reading, found: dict[tuple[int, int], Span]) -> None:
    """Words Kiwi does not know, used like names: a weak guess.

    Foreign names in hangul (카즈마, 앤드류거필드) and unknown Korean given
    names (광훈, 성열) are unknown to Kiwi; so are slang and typos, hence the
    low confidence, and the need for a particle or an ending after a short one.
    """
    covered = _covered(an, found)
    word_at = {w.start: w for w in an.words}
    lex = lexicon()
    for t in an.tokens:
        if not (oov(t) and t.tag in ("NNG", "NNP")):
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
        for p in SWALLOWED:
            if surface.endswith(p) and len(surface) - len(p) >= 2:
                end -= len(p)
                break
        stem = an.text[start:end]
        if end - start < 2 or stem in lex.not_person or stem in lex.cues or stem in lex.roles:
            continue
        if an.text[start:end].endswith(_PLACE_SUFFIXES):
            continue  # 수남시장, 칠성교회: a place Kiwi does not know
        if _DIALECT_ENDING.search(an.text, start, word.end):
            continue  # 했슴둥, 갔재임: a verb with a Hamgyong ending Kiwi does not know
        if an.tail_ok(end, word.end) or end == word.end:
            conf = 0.4
        elif end - start >= 3 and _glued_predicate(an, end):
            conf = 0.35  # 레시라무나오고, 현치수보고: a name glued to its verb
        else:
            continue
        _add(found, start, end, conf, None)


# Sentence endings of Hamgyong and Yanbian speech (했슴둥, 있슴다, 갔재임, 하지비, 했음둥):
# a word ending so is a verb, whatever Kiwi makes of it.
_DIALECT_ENDING = re.compile(r"(?:슴둥|슴다|슴메|슴니|음둥|음메|재임|재이|잼다|지비|꾸마|습메)$")


def _glued_predicate(an: Reading, pos: int) -> bool:
    nxt = [t for t in an.toks(pos, pos + 1) if t.start == pos]
    return bool(nxt) and nxt[0].tag in ("VV", "VX", "VA")


def _word_end(an: Reading, pos: int) -> int:
    m = HANGUL_RUN.match(an.text, pos)
    return m.end() if m else pos


def _hanja_glosses(an: Reading, found: dict[tuple[int, int], Span]) -> None:
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


def _surnames_alone(an: Reading, found: dict[tuple[int, int], Span]) -> None:
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


def detect(tokenised: TokenisedText) -> list[Span]:
    an = Reading(tokenised, lexicon().cues)
    found: dict[tuple[int, int], Span] = {}
    _all_words(an, found)
    _surnames_alone(an, found)
    _nnp_candidates(an, found)
    _unknown_words(an, found)
    for a, i in familiar_words(an, _covered(an, found)):
        _add(found, a, i, FAMILIAR_CONF, None)
    _hanja_glosses(an, found)
    return [name_without_i(an.text, s) for s in _prune(list(found.values()), len(an.text))]
