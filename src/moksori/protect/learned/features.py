"""Features of Kiwi tokens for the learned labeller.

Why these: a name is recognised by its shape (surname first, two or three
syllables, unknown to Kiwi), by the words around it (씨, 동무, 이 형, 어머니 …)
and by what the rule detectors already think of it. Gazetteer and name lists
are features, so the model learns when they mislead (an organisation named
after a city) instead of gating on them.

Kiwi cuts unknown names into odd pieces (최/운/정), so each token also sees
the space-delimited word it stands in: that word's stem (the word before its
particle), the stem's shape and lists, and the words around it. The rules'
findings are features in detail (which detector, its exact confidence, a
place's level and country): a rule's confidence encodes the evidence it saw.

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
    if len(form) >= 3:
        out += ["p3=" + form[:3], "s3=" + form[-3:]]
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


def rule_details(seq: Sequence[Tok], rules: Sequence[Span]) -> list[list[str]]:
    """Every rule span over each token, in detail: detector, exact confidence, place level.

    A rule's confidence says which evidence it saw (a cue word, a surname, Kiwi's
    proper noun), so the model can learn which of the rules' readings to trust.
    """
    out: list[list[str]] = [[] for _ in seq]
    if not rules or not seq:
        return out
    lo, hi = seq[0].start, seq[-1].end
    for s in rules:
        kind = _PERSON_TYPES.get(s.type)
        if kind is None or s.end <= lo or s.start >= hi:
            continue
        feats = [f"rd={kind}{s.detector}", f"rx={kind}{s.confidence:.2f}"]
        if s.info.get("level"):
            feats.append("rlv=" + str(s.info["level"]))
        if s.info.get("country"):
            feats.append("rct=" + str(s.info["country"]))
        if s.info.get("gender"):
            feats.append("rg")
        for i, t in enumerate(seq):
            if t.start < s.end and s.start < t.end:
                out[i] += feats
    return out


_STEM_TAGS = ("N", "SL", "SH", "SN", "XR", "XPN", "XSN", "W")  # a word's stem, not its particle


@lru_cache(maxsize=200_000)
def stem_features(stem: str) -> tuple[str, ...]:
    """Features of a word's stem: its shape, its ends, and what the lists say of it."""
    lex = lexicon()
    names = gazetteer.all_names()
    out = ["wsl=" + str(min(len(stem), 8)), "wp1=" + stem[:1], "ws1=" + stem[-1:]]
    if len(stem) >= 2:
        out += ["ws2=" + stem[-2:], "wp2=" + stem[:2]]
    if len(stem) <= 8:
        out.append("ws=" + stem)
    if 2 <= len(stem) <= 4 and (stem[:1] in lex.surnames or stem[:2] in lex.surnames):
        out.append(f"wsur{len(stem)}")  # 최운정 cut into three pieces is still a name's shape
    if stem in names:
        out.append("wgaz")
    elif len(stem) >= 3 and stem[:-1] in names:
        out.append("wgazs")
    if stem in lex.not_person:
        out.append("wnotps")
    if stem in lex.cues or stem in KINSHIP:
        out.append("wcue")
    if stem in lex.roles:
        out.append("wrole")
    return tuple(out)


def word_features(seq: Sequence[Tok], text: str) -> list[list[str]]:
    """Per token, features of the space-delimited word it stands in and of its neighbours."""
    words: list[list[int]] = []
    for i, t in enumerate(seq):
        if not words or any(c.isspace() for c in text[seq[i - 1].end : t.start]):
            words.append([])
        words[-1].append(i)
    stems: list[tuple[str, str]] = []  # per word: its stem, and the first form after it
    for w in words:
        k = 0
        while k < len(w) and seq[w[k]].tag.startswith(_STEM_TAGS):
            k += 1
        stem = text[seq[w[0]].start : seq[w[k - 1]].end] if k else ""
        stems.append((stem, seq[w[k]].form if k < len(w) else "_"))
    out: list[list[str]] = [[] for _ in seq]
    for wi, w in enumerate(words):
        stem, after = stems[wi]
        nxt = seq[words[wi + 1][0]].form if wi + 1 < len(words) else "EOS"
        prv = stems[wi - 1][0][-2:] if wi else "BOS"
        for pos, i in enumerate(w):
            out[i].append("wB" if pos == 0 else "wI")
            if stem and seq[i].start < seq[w[0]].start + len(stem):
                out[i] += stem_features(stem)
                out[i] += ["wj=" + after, "wn=" + nxt, "wpv=" + prv]
    return out


def featurise(seq: Sequence[Tok], text: str, rules: Sequence[Span] = ()) -> list[list[str]]:
    """One feature list per token of ``seq`` (tokens of one line, in order)."""
    own = [form_features(t.form, t.tag, t.oov) for t in seq]
    ctx = [_context_of(t.form, t.tag) for t in seq]
    marks = rule_marks(seq, rules)
    details = rule_details(seq, rules)
    words = word_features(seq, text)
    n = len(seq)
    out: list[list[str]] = []
    for i, t in enumerate(seq):
        f = list(own[i])
        f += ctx[i - 1][0] if i else ("BOS",)
        f += ctx[i + 1][1] if i + 1 < n else ("EOS",)
        if i >= 2:
            f += ("-2t=" + seq[i - 2].tag, "-2f=" + seq[i - 2].form)
        if i + 2 < n:
            f += ("+2t=" + seq[i + 2].tag, "+2f=" + seq[i + 2].form)
            if seq[i + 2].form in KINSHIP:
                f.append("+2cue")  # 영철 + 이 + 형
        if i and seq[i - 1].end == t.start:
            f.append("glued")  # no space before: a particle or suffix
        mark = marks[i]
        if mark is not None:
            f += ("r=" + mark[:3], "rc=" + mark[:4], "rb=" + mark[:3] + mark[4])
        f += details[i]
        f += words[i]
        out.append(f)
    return out
