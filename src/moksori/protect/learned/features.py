"""Features of Kiwi tokens for the learned labeller.

Why these: a name is recognised by its shape (surname first, two or three
syllables, unknown to Kiwi), by the words around it (씨, 동무, 이 형, 어머니 …)
and by what the rule detectors already think of it. Gazetteer and name lists
are features, so the model learns when they mislead (an organisation named
after a city) instead of gating on them.

Per-form features are cached: forms repeat, so most tokens cost one lookup.
Nothing here is written anywhere; features live only in memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from moksori.protect import gazetteer
from moksori.protect.detect.korean_names import lexicon
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import Tok

# Kinship, address and title words that follow a familiar name ("영철이 형").
KINSHIP = frozenset(
    "형 형님 오빠 언니 누나 동생 아저씨 아줌마 아주머니 할머니 할아버지 삼촌 이모 고모 "
    "씨 님 동무 동지 선생 선생님 교수 사장 대표 의원 장관 감독 선수 기자 아나운서 작가 "
    "여사 군 양 옹 부장 과장 대리 반장 비서 위원장".split()
)
_PERSON_TYPES = {PiiType.PERSON: "PS", PiiType.PLACE: "LC", PiiType.ADDRESS: "LC"}


def _bucket(confidence: float) -> str:
    return "h" if confidence >= 0.8 else "m" if confidence >= 0.5 else "l"


@lru_cache(maxsize=200_000)
def form_features(form: str, tag: str, oov: bool) -> tuple[str, ...]:
    """Features of one (form, tag) that do not depend on its neighbours."""
    lex = lexicon()
    out = [
        "b",
        "f=" + form,
        "t=" + tag,
        "t1=" + tag[:2],
        "len=" + str(min(len(form), 6)),
        "p1=" + form[:1],
        "s1=" + form[-1:],
    ]
    if len(form) >= 2:
        out += ["p2=" + form[:2], "s2=" + form[-2:]]
    if oov:
        out.append("oov")
    if form[:1] in lex.surnames or form[:2] in lex.surnames:
        out.append("sur")
    elif form[:1] in lex.rare_surnames:
        out.append("rsur")
    if form in lex.surnames or form in lex.rare_surnames:
        out.append("issur")
    if form in lex.cues or form in KINSHIP:
        out.append("cue")
    if form in lex.roles:
        out.append("role")
    if form in lex.not_person:
        out.append("notps")
    names = gazetteer.all_names()
    if form in names:
        out.append("gaz")
    elif len(form) >= 3 and form[:-1] in names:
        out.append("gazs")  # 혜산시 when only 혜산 is listed, or the reverse
    if not any("\uac00" <= ch <= "\ud7a3" for ch in form):
        out.append("nohan")
    return tuple(out)


@lru_cache(maxsize=200_000)
def _context_of(form: str, tag: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a token tells its right neighbour, and what it tells its left one."""
    lex = lexicon()
    cue = form in lex.cues or form in KINSHIP
    left = ("-1f=" + form, "-1t=" + tag) + (("-1role",) if form in lex.roles else ())
    right = ("+1f=" + form, "+1t=" + tag) + (("+1cue",) if cue else ())
    return left, right


def sequences(tokens: Sequence[Tok], text: str) -> list[list[Tok]]:
    """Tokens cut into lines: the model reads one line (or sentence) at a time."""
    out: list[list[Tok]] = []
    cur: list[Tok] = []
    for t in tokens:
        if cur and "\n" in text[cur[-1].end : t.start]:
            out.append(cur)
            cur = []
        cur.append(t)
    if cur:
        out.append(cur)
    return out


def rule_marks(seq: Sequence[Tok], rules: Sequence[Span]) -> list[str | None]:
    """For each token, the rule span that covers it as a feature ("rPS-h-B"), or None."""
    marks: list[str | None] = [None] * len(seq)
    if not rules or not seq:
        return marks
    lo, hi = seq[0].start, seq[-1].end
    for s in rules:
        kind = _PERSON_TYPES.get(s.type)
        if kind is None or s.end <= lo or s.start >= hi:
            continue
        first = True
        for i, t in enumerate(seq):
            if t.start < s.end and s.start < t.end:
                mark = f"r{kind}{_bucket(s.confidence)}{'B' if first else 'I'}"
                first = False
                if marks[i] is None or kind == "PS":  # a person wins over a place
                    marks[i] = mark
    return marks


def featurise(seq: Sequence[Tok], text: str, rules: Sequence[Span] = ()) -> list[list[str]]:
    """One feature list per token of ``seq`` (tokens of one line, in order)."""
    own = [form_features(t.form, t.tag, t.oov) for t in seq]
    ctx = [_context_of(t.form, t.tag) for t in seq]
    marks = rule_marks(seq, rules)
    n = len(seq)
    out: list[list[str]] = []
    for i, t in enumerate(seq):
        f = list(own[i])
        f += ctx[i - 1][0] if i else ("BOS",)
        f += ctx[i + 1][1] if i + 1 < n else ("EOS",)
        if i >= 2:
            f.append("-2t=" + seq[i - 2].tag)
        if i + 2 < n:
            f.append("+2t=" + seq[i + 2].tag)
            if seq[i + 2].form in KINSHIP:
                f.append("+2cue")  # 영철 + 이 + 형
        if i and seq[i - 1].end == t.start:
            f.append("glued")  # no space before: a particle or suffix
        mark = marks[i]
        if mark is not None:
            f += ("r=" + mark[:3], "rc=" + mark[:4], "rb=" + mark[:3] + mark[4])
        out.append(f)
    return out
