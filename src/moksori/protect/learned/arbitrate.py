"""Rules and model together: who decides what, for persons and places.

Rules stay in charge of structured identifiers (phones, ids, e-mails, dates,
ages, addresses) and of every line without hangul. For Korean persons and
places the model, which saw the rules' output as features, has the last word:
a rule span it gives almost no chance of being that type is dropped (an
organisation named after a city, a common noun), and an entity the rules
missed is added. A place on the gazetteer stays a place wherever it stands,
unless the model is sure the word is a name there (은정이랑); a person the
rules read inside such a place (원주시, 연희동) is dropped when the model
prefers a place or an organisation there. A rule's person or place the model
is sure is an organisation is dropped too. Speaker labels,
the vault's names and nicknames are never dropped. A weak model guess is still
proposed, with a low confidence the reviewer can sort by: recall matters more
than precision.
KEEP and ADD_LOW were tuned out-of-fold on KLUE (benchmarks/deid.py --only klue);
the vetoes reuse SURE and the best type, no threshold of their own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from moksori.protect import gazetteer
from moksori.protect.detect.korean_lexicon import lexicon
from moksori.protect.detect.speakers import generic_labels
from moksori.protect.learned.labeller import Tagged, korean
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import HANGUL, Tok, TokenisedText

DETECTOR = "learned"
KIND_TYPE = {"PS": PiiType.PERSON, "LC": PiiType.PLACE}
TYPE_KIND = {PiiType.PERSON: "PS", PiiType.PLACE: "LC"}
KEEP = {"PS": 0.04, "LC": 0.01}  # a rule span below this model probability is dropped
OTHER = {"PS": "LC", "LC": "PS"}
SURE = 0.8  # the model this sure of the other type: a rule's doubtful type is dropped
ADD_LOW = 0.25  # a model span this likely (but not on the best path) is still proposed
NEVER_DROP = frozenset({"speakers", "known", "spread", "nickname"})  # labels, the vault, nicknames
# Words after a name that make it a place: a geographic head (코르소 거리, 훗타라케 섬) or a
# word of location (회령 근처, 무산 일대, 애틀랜타 인근). Nobody's name stands before them.
PLACE_HEADS = frozenset(
    "거리 광장 섬 화산 산맥 반도 해수욕장 해변 공항 호수 계곡 폭포 평야 사막 고원 항구 "
    "근처 인근 일대 소재 부근 시내".split()
)


def _spans_of(line: Tagged) -> list[tuple[int, int, str, float]]:
    """Entities on the best path, then weaker runs: (first token, end token, kind, p)."""
    out: list[tuple[int, int, str, float]] = []
    i, n = 0, len(line.tokens)
    while i < n:
        label = line.labels[i]
        if label != "O":
            kind = label[2:]
            j = i + 1
            while j < n and line.labels[j] == "I-" + kind:
                j += 1
            p = min(line.probs[k][kind] for k in range(i, j))
            out.append((i, j, kind, p))
            i = j
            continue
        if line.probs[i]["O"] > 1.0 - ADD_LOW:
            i += 1
            continue
        best = max(KIND_TYPE, key=lambda k: line.probs[i].get(k, 0.0))
        if line.probs[i].get(best, 0.0) >= ADD_LOW:
            j = i + 1
            while j < n and line.labels[j] == "O" and line.probs[j].get(best, 0.0) >= ADD_LOW:
                j += 1
            p = min(line.probs[k][best] for k in range(i, j))
            out.append((i, j, best, p))
            i = j
            continue
        i += 1
    return out


class _Probs:
    """Every token of a tokenised text with its probabilities, found by position in O(log n)."""

    def __init__(self, lines: Sequence[Tagged]) -> None:
        self.tokens = [t for line in lines for t in line.tokens]
        self.probs = [p for line in lines for p in line.probs]
        self.ends = [t.end for t in self.tokens]
        self.starts = [t.start for t in self.tokens]

    def best(self, span: Span, kind: str) -> float | None:
        """The highest probability of ``kind`` over the tokens of ``span`` (None: no tokens)."""
        best: float | None = None
        i = bisect_right(self.ends, span.start)
        while i < len(self.tokens) and self.tokens[i].start < span.end:
            best = max(best or 0.0, self.probs[i].get(kind, 0.0))
            i += 1
        return best


def combine(tokenised: TokenisedText, rules: list[Span]) -> list[Span]:
    """``rules`` with Korean persons and places judged, and the model's own finds added."""
    model = korean()  # even for an English text: a missing model stops every scan
    if not tokenised.tokens:
        return rules
    lines = model.tag(tokenised, rules)
    probs = _Probs(lines)
    out: list[Span] = []
    for s in rules:
        kind = TYPE_KIND.get(s.type)
        if (
            kind is None
            or s.detector in NEVER_DROP
            or not HANGUL.search(tokenised.text[s.start : s.end])
        ):
            out.append(s)  # the model reads Korean: a Latin name in a Korean line is the rules'
            continue
        if s.type == PiiType.PLACE and s.info.get("province"):
            if (probs.best(s, "PS") or 0.0) < SURE:  # unless surely a name (은정이랑)
                out.append(s)  # on the gazetteer: a place wherever it stands (옌지의 한 교회)
            continue
        p = probs.best(s, kind)
        if p is None:  # an English line: the rules alone
            out.append(s)
            continue
        other = max(probs.best(s, OTHER[kind]) or 0.0, probs.best(s, "OG") or 0.0)
        if kind == "PS" and p < other and _in_listed_place(s, rules):
            continue  # 원주시, 연희동: a gazetteer place the model reads as a place, not a name
        if p >= KEEP[kind] and not (p < 0.5 and other >= SURE):
            s.confidence = round(max(s.confidence, p), 2) if p >= 0.5 else s.confidence
            out.append(s)
    ruled = sorted(out, key=lambda r: r.start)  # the model's own spans never overlap
    ruled_starts = [r.start for r in ruled]
    longest = max((r.end - r.start for r in ruled), default=0)

    def overlapping(start: int, end: int) -> list[Span]:
        a = bisect_left(ruled_starts, start - longest)
        b = bisect_left(ruled_starts, end)
        return [r for r in ruled[a:b] if r.end > start]

    for line in lines:
        for i, j, kind, p in _spans_of(line):
            pii = KIND_TYPE.get(kind)
            while i < j and _punctuation(line.tokens[i].tag):
                i += 1  # "답:" is the label 답, ":" no part of a name
            while j > i and _punctuation(line.tokens[j - 1].tag):
                j -= 1
            if pii is None or i == j:
                continue  # organisations are not proposed: they only veto
            start, end = line.tokens[i].start, line.tokens[j - 1].end
            said = tokenised.text[start:end]
            if not (HANGUL.search(said) or _hanja(said)) or (end - start < 2 and p < 0.5):
                continue  # "A:", "LPGA": for the English rules; "강" only if on the best path
            if _listed_no_name(line.tokens[i:j], pii):
                continue  # "답변자:", "오마니가": the lists know the word is no one's name
            near = overlapping(start, end)
            same = [r for r in near if r.type == pii]
            if any(r.start == start and r.end == end for r in same):
                continue
            if same and (p < 0.5 or any(r.start <= start and end <= r.end for r in same)):
                continue  # a weak guess, or inside what the rules found: the rules' span
            if any(r.info.get("province") or r.type == PiiType.ROLE for r in near):
                continue  # a gazetteer place or a role is not also a person or a place
            info = _place_info(tokenised.text[start:end]) if pii == PiiType.PLACE else {}
            out.append(Span(start, end, pii, round(min(p, 0.95), 2), DETECTOR, info))
    out = [_as_place(tokenised, s, probs) for s in out]
    inside = {
        t.start
        for line in lines
        for t, lab in zip(line.tokens, line.labels, strict=True)
        if lab == "I-PS"
    }
    return _join_names(tokenised.text, out, inside)


def _as_place(tokenised: TokenisedText, s: Span, probs: _Probs) -> Span:
    """A person the rules or the model read before a place head (코르소 거리) is that place."""
    if s.type != PiiType.PERSON or s.detector in NEVER_DROP or (probs.best(s, "PS") or 0) >= SURE:
        return s
    i = bisect_left(probs.starts, s.end)
    if i == len(probs.tokens) or tokenised.text[s.end : probs.tokens[i].start] not in ("", " "):
        return s
    head = probs.tokens[i]
    if head.form not in PLACE_HEADS or not head.tag.startswith("NN"):
        return s
    said = tokenised.text[s.start : s.end]
    return Span(s.start, s.end, PiiType.PLACE, s.confidence, s.detector, _place_info(said))


def _punctuation(tag: str) -> bool:
    """Kiwi's tags for punctuation and symbols (SF, SP, SSO, SW …), not foreign words or numbers."""
    return tag.startswith("S") and tag not in ("SL", "SH", "SN")


def _in_listed_place(span: Span, rules: Sequence[Span]) -> bool:
    """Whether a rules' gazetteer place covers ``span`` (the person read inside 원주시)."""
    return any(
        r.type == PiiType.PLACE
        and r.info.get("province")
        and r.start <= span.start
        and span.end <= r.end
        for r in rules
    )


def _hanja(said: str) -> bool:
    """A name in Chinese characters in a Korean line (杜德偉): no English rule reads it."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in said)


def _listed_no_name(tokens: Sequence[Tok], pii: PiiType) -> bool:
    """A word the rules' lists call no name: a speaker role (답변자), a term of address
    (아바이, 아주마이) or a cue said after names; for a person also a listed place or body."""
    said = "".join(t.form for t in tokens if not t.tag.startswith("J"))
    if said in generic_labels():
        return True
    lex = lexicon()
    return pii == PiiType.PERSON and (said in lex.not_person or said in lex.cues)


def _place_info(said: str) -> dict[str, Any]:
    """What generalisation needs of a place the model found (as the place rules give it)."""
    place = gazetteer.lookup(said)
    if place is None:
        return {}
    return {"province": place.top.name_ko, "country": place.country, "level": place.level}


def _join_names(text: str, spans: list[Span], inside: set[int]) -> list[Span]:
    """ "톰 행크스" as one name: person spans one space apart, the model reading one name."""
    persons = sorted((s for s in spans if s.type == PiiType.PERSON), key=lambda s: s.start)
    joined: list[Span] = []
    for s in persons:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.end < s.start
            and text[prev.end : s.start] == " "
            and s.start in inside
            and prev.detector != "speakers"
            and s.detector != "speakers"
        ):
            joined[-1] = Span(
                prev.start, s.end, PiiType.PERSON, max(prev.confidence, s.confidence), prev.detector
            )
        else:
            joined.append(s)
    return [s for s in spans if s.type != PiiType.PERSON] + joined
