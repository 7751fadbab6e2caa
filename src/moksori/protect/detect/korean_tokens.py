"""How Kiwi reads the hangul words of a text: cuts, tags and particle tails.

Why a module of its own: telling a name from an ordinary word rests on small
questions about Kiwi's tokens ("is this a proper noun?", "did Kiwi cut this
word oddly?", "is the rest only particles?"). They are answered here, apart
from the name scoring in :mod:`moksori.protect.detect.korean_names`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from moksori.protect.tokenised import Tok, TokenisedText

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
CUE_TAGS = frozenset({"NNG", "NNB", "XSN", "NNP"})
# Honorifics after which anything may follow in the same word ("씨때문에").
_OPEN_HONORIFICS = frozenset({"씨"})
_CUE_PLACE_TAIL = frozenset({"에", "에서", "로", "으로", "에서는", "에서도", "에는", "에도"})
# Kiwi tags that a name (or a piece of an unknown name) may be read as.
_NAME_PIECE_TAGS = frozenset({"NNP", "NNG", "NNB", "NR", "MM", "XSN", "XPN", "MAG", "SL"})
# Noun suffixes that make a word, not a name (민주화, 현실적, 주민들).
_WORD_SUFFIXES = frozenset("들 적 화 성 권 층 상 님 별 식 감 력 형 률 법 론 계 측 급 쪽 분".split())
# A demonstrative or prefix read as MM before a known noun: 이영화 "this film".
_MM_PREFIXES = frozenset("이 그 저 전 한 각 모 현 구 신 고 두 세 새 옛 온 별 딴 총".split())
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


def is_tail(word: str) -> bool:
    """``word`` is only what may follow a name in its word: 이/네 and up to two particles."""
    return bool(_TAIL.fullmatch(word))


def oov(t: Tok) -> bool:
    """Kiwi's unknown-word flag, when the text's tokens carry it (``Tok.oov``)."""
    return bool(getattr(t, "oov", False))


# Particles an unknown word may have swallowed ("세나와/NNG", "장혁이/NNG").
SWALLOWED = tuple(
    sorted("이 가 은 는 을 를 의 와 과 도 랑 이랑 에게 한테 만 께서".split(), key=len, reverse=True)
)


@dataclass
class Word:
    """One run of hangul syllables: a word as written, with its particles."""

    start: int
    end: int
    text: str


class Reading:
    """Kiwi's reading of one text: its hangul words, and its tokens looked up by position."""

    def __init__(self, tokenised: TokenisedText, cues: Mapping[str, str | None]) -> None:
        self.text = tokenised.text
        self.cues = cues  # person cue word → implied gender
        self.tokens = sorted(tokenised.tokens, key=lambda t: t.start)
        self.starts = [t.start for t in self.tokens]
        self.words = [
            Word(m.start(), m.end(), m.group()) for m in HANGUL_RUN.finditer(tokenised.text)
        ]
        # spaced[i]: words i and i + 1 stand next to each other, one or two spaces apart.
        self.spaced = [self.gap_is_space(a.end, b.start) for a, b in pairwise(self.words)]

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

    def signature(self, start: int, end: int) -> tuple[tuple[str, str, int, int, bool], ...]:
        """Every token :meth:`toks` can see for a range inside [start, end), placed relative
        to ``start``: ranges inside two words with the same text and signature get the
        same answers from every method here (so their results may be reused)."""
        i = bisect.bisect_left(self.starts, start)
        while i > 0 and self.tokens[i - 1].end > start:
            i -= 1
        j = bisect.bisect_left(self.starts, end, i)
        return tuple(
            [(t.form, t.tag, t.start - start, t.end - start, t.oov) for t in self.tokens[i:j]]
        )

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
            if t.start == start and t.tag in ("NNG", "NNP") and oov(t):
                return True
            # An unknown word swallowed with its particle ("서영희의/NNG").
            swallowed = self.text[end : t.end]
            return t.start == start and t.tag == "NNG" and swallowed in SWALLOWED
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
        return len(toks) == 1 and toks[0].tag == "NNG" and toks[0].end == end and not oov(toks[0])

    def tail_ok(self, start: int, end: int) -> bool:
        """[start, end) is only particles and endings, by its spelling or by Kiwi's reading."""
        if is_tail(self.text[start:end]):
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
        cues = self.cues
        for n in range(min(len(word), 6), 0, -1):
            head = word[:n]
            if head not in cues:
                continue
            rest = word[n:]
            if rest in _CUE_PLACE_TAIL:
                continue  # 수남시장에서: a market, not a mayor
            toks = self.toks(pos, pos + n)
            if not (toks and toks[0].start == pos and toks[0].tag in CUE_TAGS):
                continue
            if is_tail(rest) or self.tail_ok(pos + n, pos + len(word)):
                return head, cues[head]
            if head in _OPEN_HONORIFICS and toks[0].end == pos + n:
                return head, cues[head]  # 이성미씨때문에, 한정현씨라는
        return None

    def gap_is_space(self, a: int, b: int) -> bool:
        """One or two spaces or tabs separate ``a`` from ``b``: the next word, same line."""
        gap = self.text[a:b]
        return 0 < len(gap) <= 2 and gap.strip(" \t") == ""
