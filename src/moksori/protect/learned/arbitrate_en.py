"""Rules and the English model together, for lines without hangul.

As for Korean (:mod:`moksori.protect.learned.arbitrate`): rules stay in charge
of structured identifiers and addresses; for persons the model, which saw the
rules' output as features, judges every rule span on an English line. A rule
person it gives almost no chance of being a person while it reads an
organisation or a common word ("North Korean", "Amnesty International", "Hana
Center") is dropped. Places on the gazetteer, or found surely, are kept: a
gazetteer place is a place wherever it stands, and "the North" is the
expository logic's business, not the model's. A weak place found by context
alone ("University of Technology") is judged like a person. Names and places
the rules missed are added with the model's probability as confidence (capped:
a guess is never sure), unless every capitalised word of one is also written in
lower case in the same text (a heading, "Methods": a name is not). Speaker
labels, the vault's names and nicknames are never dropped. Thresholds were
tuned out-of-fold on presidio-synth (benchmarks/deid.py --only presidio-oof).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from moksori.protect.detect.english_cues import (
    _ORG_HEADS,
    _ORG_WORDS,
    _fold,
    address_zones,
    firm_zones,
)
from moksori.protect.detect.english_names import employers
from moksori.protect.gazetteer import lookup
from moksori.protect.learned.features_en import judged
from moksori.protect.learned.labeller_en import TaggedLine, english, tag
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import HANGUL, TokenisedText

DETECTOR = "learned_en"
KIND_TYPE = {"PS": PiiType.PERSON, "LC": PiiType.PLACE}
DROP_PS = 0.1  # a rule person below this model probability …
DROP_OTHER = 0.6  # … that the model reads as an organisation or O this surely is dropped
RAISE = 0.8  # a rule person the model reads this surely gets at least its probability
ADD = {"PS": 0.5, "LC": 0.5}  # a model span this likely the rules missed is proposed
ADD_CAP = 0.75  # the model's own finds never claim more than this confidence
TYPE_KIND = {PiiType.PERSON: "PS", PiiType.PLACE: "LC"}
# A firm's legal form ends a body's name, never a place's ("Drake PLC", "Scale Unlimited").
_FIRM = frozenset("inc ltd llc plc gmbh corp corporation company co group holdings".split())
_FIRM |= frozenset("partners associates unlimited".split())
_STREET_END = frozenset("street road avenue lane drive boulevard".split())


def _in_zone(text: str, start: int, end: int) -> bool:
    """Whether a find lies in a postal address or a firm's name, as the name rules see
    them (:func:`address_zones`, :func:`firm_zones`), read from the lines around it."""
    a = start
    for _ in range(3):  # the line, the one before it and the one before that
        a = text.rfind("\n", 0, max(0, a - 1)) + 1 if a else 0
    a = max(a, start - 400)
    b = end
    for _ in range(2):  # the line and the one after it
        nl = text.find("\n", b + 1)
        b = len(text) if nl < 0 else nl
    b = min(b, end + 400)
    near = text[a:b]
    zones = address_zones(near) + firm_zones(near)
    return any(x <= start - a and end - a <= y for x, y in zones)


def _employer(text: str, start: int, end: int, spans: Sequence[Span]) -> bool:
    """Whether a find is the body a full name nearby is said with ("Panjiva's Riku Andou",
    "Josef Mališ of Importio"), as the name rules judge it (``spans``: rule persons)."""
    find = Span(start, end, PiiType.PERSON, 0.5, DETECTOR)
    near = [s for s in spans if start - 200 <= s.end and s.start <= end + 200]
    return all(s is not find for s in employers(text, [*near, find]))


def _body(said: str, pii: PiiType) -> bool:
    """Whether a model find names an organisation or a street: a person with an
    organisation word ("Sp Capital Iq"), as the name rules hold, or ending in a street
    word ("John Street"); a place ending in a firm's form."""
    keys = [_fold(w) for w in said.split()]
    if pii == PiiType.PERSON:
        if keys[-1] in _STREET_END or any(k in _ORG_WORDS for k in keys):
            return True
        return any(k in _ORG_HEADS for k in keys[1:])
    return keys[-1] in _FIRM


class _Probs:
    """Per word of the tagged lines: its probabilities, found by position in O(log n)."""

    def __init__(self, lines: Sequence[TaggedLine]) -> None:
        self.words = [w for line in lines for w in line.words]
        self.probs = [p for line in lines for p in line.probs]
        self.ends = [w.end for w in self.words]

    def over(self, span: Span) -> list[dict[str, float]]:
        out = []
        i = bisect_right(self.ends, span.start)
        while i < len(self.words) and self.words[i].start < span.end:
            out.append(self.probs[i])
            i += 1
        return out


def _spans_of(line: TaggedLine) -> list[tuple[int, int, str, float]]:
    """Entities on the best path: (first word, end word, kind, lowest probability)."""
    out: list[tuple[int, int, str, float]] = []
    i, n = 0, len(line.words)
    while i < n:
        label = line.labels[i]
        if label == "O":
            i += 1
            continue
        kind = label[2:]
        j = i + 1
        while j < n and line.labels[j] == "I-" + kind:
            j += 1
        out.append((i, j, kind, min(line.probs[k].get(kind, 0.0) for k in range(i, j))))
        i = j
    return out


def combine(tokenised: TokenisedText, rules: list[Span]) -> list[Span]:
    """``rules`` with persons on English lines judged, and the model's own finds added."""
    model = english()  # even for a Korean text: a missing model stops every scan
    lines, lower = tag(model, tokenised.text, rules)
    if not lines:
        return rules
    probs = _Probs(lines)
    out: list[Span] = []
    for s in rules:
        kind = TYPE_KIND.get(s.type)
        if kind is None or not judged(s):
            out.append(s)
            continue
        over = probs.over(s)
        if not over or HANGUL.search(tokenised.text[s.start : s.end]):
            out.append(s)  # not on an English line: the Korean side judges it
            continue
        ps = max(p.get(kind, 0.0) for p in over)
        other = max(p.get("OG", 0.0) + p.get("O", 0.0) for p in over)
        if kind == "LC":
            if not (ps < DROP_PS and other >= DROP_OTHER):
                out.append(s)
            continue
        if ps < DROP_PS and other >= DROP_OTHER:
            continue
        if ps >= RAISE:  # the model agrees: a weak rule guess ("Bora") is worth spreading
            s.confidence = round(max(s.confidence, min(ps, ADD_CAP)), 2)
        out.append(s)
    taken = sorted((s.start, s.end) for s in out)
    starts = [a for a, _ in taken]
    longest = max((b - a for a, b in taken), default=0)
    persons = [s for s in out if s.type == PiiType.PERSON]
    for line in lines:
        for i, j, kind, p in _spans_of(line):
            pii = KIND_TYPE.get(kind)
            if pii is None or p < ADD[kind]:
                continue
            start, end = line.words[i].start, line.words[j - 1].end
            said = tokenised.text[start:end]
            if not any(ch.isupper() for ch in said) or end - start < 2:
                continue
            if all(w.form.lower() in lower for w in line.words[i:j] if w.form[:1].isupper()):
                continue  # "Methods" where the text also says "methods": a heading, a word
            if _body(said, pii):
                continue
            if pii == PiiType.PERSON and _in_zone(tokenised.text, start, end):
                continue
            if pii == PiiType.PERSON and _employer(tokenised.text, start, end, persons):
                continue
            lo, hi = bisect_left(starts, start - longest), bisect_left(starts, end)
            if any(b > start for _, b in taken[lo:hi]):
                continue  # the rules' span (or another type) stands
            info: dict[str, Any] = {}
            if pii == PiiType.PLACE and (place := lookup(said)) is not None:
                top = place.top.name_ko
                info = {"province": top, "country": place.country, "level": place.level}
            out.append(Span(start, end, pii, round(min(p, ADD_CAP), 2), DETECTOR, info))
    return out
