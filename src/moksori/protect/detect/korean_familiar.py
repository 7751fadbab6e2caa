"""The familiar 이 of a Korean given name: "영철이 형", "은별이가", "명철이랑".

Why a module of its own: North Korean and colloquial speech names people by the
given name and its familiar 이, which Kiwi reads as a particle. One rule decides
for every detector that the span is the name without its 이 (redacted "[이름]이
형"), so the given name alone is what spreads to "영철 형" and "영철은" elsewhere.
"""

from __future__ import annotations

import re

from moksori.protect.detect.korean_lexicon import lexicon
from moksori.protect.detect.korean_tokens import Reading
from moksori.protect.spans import Span

Candidate = tuple[int, float, str | None]  # (length from the word start, confidence, gender)
Cue = tuple[str, str | None]

# Particles after the familiar 이 of a given name: 철민이는, 은별이가, 명철이랑.
_FAMILIAR_TAILS = frozenset(
    "가 는 도 를 랑 한테 네 야 하고 에게 의 만 처럼 한테서 에게서 하구 랑은 가요 는요 도요".split()
)
_RX_FAMILIAR = re.compile(r"(?<![가-힣])([가-힣]{2})(이)([가-힣]{1,3})(?![가-힣])")
FAMILIAR_CONF = 0.45


def without_familiar_i(text: str, out: list[Candidate], next_cue: Cue | None) -> list[Candidate]:
    """ "영철이 형", "복순이 언니": the name is 영철; 이 is its familiar form before a
    kinship term."""
    if next_cue is None or len(text) < 3 or text[-1] != "이":
        return out
    return [(k - 1, c, g) if k == len(text) else (k, c, g) for k, c, g in out]


def familiar_words(an: Reading, covered: bytearray) -> list[tuple[int, int]]:
    """Given names Kiwi does not know, said with the familiar 이 ("은별이가", "명철이랑"),
    as (start, end) of the name without its 이, outside what ``covered`` marks.

    Kiwi reads 이 as a particle and misreads the rest (은/NNG 별/NNG 이/JKS 가/VV); a
    stem Kiwi knows as one word ("동생이가", "사람이가") is dialect, not a name.
    """
    lex = lexicon()
    out: list[tuple[int, int]] = []
    for m in _RX_FAMILIAR.finditer(an.text):
        a, i = m.start(1), m.start(2)
        tail = m.group(3)
        if tail not in _FAMILIAR_TAILS and "이" + tail not in _FAMILIAR_TAILS | {"이랑"}:
            continue
        stem = m.group(1)
        if any(covered[a : m.end()]) or stem in lex.cues or stem in lex.roles:
            continue
        if stem in lex.not_person or an.known_word(a, i):
            continue
        after = [t for t in an.toks(i, i + 1) if t.start == i]
        if not after or not after[0].form.startswith("이"):
            continue  # 고양이가: the 이 belongs to the word
        if not after[0].tag.startswith(("J", "XSN", "VCP")):
            continue
        if any(t.tag.startswith(("V", "E", "M")) for t in an.toks(a, i)):
            continue
        out.append((a, i))
    return out


def name_without_i(text: str, s: Span) -> Span:
    """ "철민이는" → 철민: the familiar 이 is never part of a span."""
    if s.end - s.start >= 3 and text[s.end - 1] == "이":
        m = re.match(r"[가-힣]{1,3}(?![가-힣])", text[s.end : s.end + 4])
        if m and m.group() in _FAMILIAR_TAILS:
            return Span(s.start, s.end - 1, s.type, s.confidence, s.detector, s.info)
    return s
