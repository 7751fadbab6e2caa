"""Rules and model together: who decides what, for persons and places.

Rules stay in charge of structured identifiers (phones, ids, e-mails, dates,
ages, addresses) and of every line without hangul. For Korean persons and
places the model, which saw the rules' output as features, has the last word:
a rule span it gives almost no chance of being that type is dropped (an
organisation named after a city, a common noun), and an entity the rules
missed is added. A place on the gazetteer stays a place wherever it stands,
unless the model is sure the word is a name there (은정이랑). Speaker labels,
the vault's names and nicknames are never dropped. A weak model guess is still
proposed, with a low confidence the reviewer can sort by: recall matters more
than precision.
Thresholds were tuned out-of-fold on KLUE (benchmarks/deid.py --only klue).
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
        elif p >= KEEP[kind] and not (p < 0.5 and (probs.best(s, OTHER[kind]) or 0) >= SURE):
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
            if pii is None:
                continue  # organisations are not proposed: they only veto
            start, end = line.tokens[i].start, line.tokens[j - 1].end
            if end - start < 2 or not HANGUL.search(tokenised.text[start:end]):
                continue  # "강", "A:", "LPGA": too short, or for the English rules
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
    inside = {
        t.start
        for line in lines
        for t, lab in zip(line.tokens, line.labels, strict=True)
        if lab == "I-PS"
    }
    return _join_names(tokenised.text, out, inside)


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
