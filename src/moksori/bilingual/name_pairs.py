"""Pairing on add by file name, only when the two texts really are translations.

Files named ``x.ko.txt`` and ``x.en.txt`` are usually an interview and its translation,
but not always: two unrelated interviews can share a stem. So the two texts are aligned
first, and the pair is made only when the linked sentences mean the same thing; otherwise
it is proposed to the researcher, not made.

The fit is the mean cosine similarity of the sentence groups the aligner links (1-1, 1-2,
2-1; dropped sentences do not count). On the held-in excerpts of
benchmarks/bilingual/alignment.jsonl, 34 true translations score 0.443-0.683 (0.436 and up
when only the first half is translated) and all 1,122 pairings of two different interviews
on the same topics score at most 0.391; ``python benchmarks/alignment.py`` measures it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from moksori.bilingual.align import Unit, align
from moksori.bilingual.alignment import sentences
from moksori.bilingual.pairs import Pair, PairError, Pairs, name_language
from moksori.coding.audited import Action, Event, change
from moksori.semantic import encoder
from moksori.store.documents import document_labels, document_sources

FIT_THRESHOLD = 0.42  # between the two populations above, nearer the true pairs' floor


@dataclass(frozen=True)
class Proposal:
    """Two documents whose names say "translation" but whose texts do not align."""

    original_id: int
    translation_id: int
    original: str
    translation: str
    fit: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class NamePairing:
    made: list[Pair] = field(default_factory=list)
    proposed: list[Proposal] = field(default_factory=list)


def translation_fit(
    a: Sequence[Unit], b: Sequence[Unit], a_vecs: np.ndarray, b_vecs: np.ndarray
) -> float:
    """Mean cosine of the linked sentence groups of ``a`` and ``b`` (0.0 when nothing links)."""
    if not len(a) or not len(b):
        return 0.0
    sims: list[float] = []
    for link in align(a, b, a_vecs, b_vecs, encode=None):
        if link.a and link.b:
            va = a_vecs[list(link.a)].sum(axis=0)
            vb = b_vecs[list(link.b)].sum(axis=0)
            norm = float(np.linalg.norm(va) * np.linalg.norm(vb))
            sims.append(float(va @ vb) / norm if norm else 0.0)
    return float(np.mean(sims)) if sims else 0.0


def pair_by_names(pairs: Pairs, doc_ids: Iterable[int]) -> NamePairing:
    """Pair the added documents whose file names differ only by a ko/en tag and whose texts
    align; propose the others. Pairs that break a rule are left alone, not reported."""
    conn = pairs.conn
    wanted = set(doc_ids)
    by_stem: dict[tuple[str, str], dict[str, int]] = {}
    for doc_id, name, part in document_sources(conn):
        tagged = name_language(str(name))
        if tagged is not None:
            stem, lang = tagged
            by_stem.setdefault((stem, part or ""), {}).setdefault(lang, int(doc_id))
    candidates = [
        (sides["ko"], sides["en"])
        for sides in by_stem.values()
        if "ko" in sides and "en" in sides and {sides["ko"], sides["en"]} & wanted
    ]
    paired = {
        (p.original_id, p.translation_id) for c in candidates for p in pairs.of_document(c[0])
    }
    candidates = [c for c in candidates if c not in paired]
    result = NamePairing()
    if not candidates:
        return result
    fits = {c: _fit(pairs, *c) for c in candidates}  # slow part, outside the transaction
    made: list[int] = []
    with change(conn, pairs.actor) as ch:
        for (ko, en), fit in fits.items():
            if fit < FIT_THRESHOLD:
                labels = document_labels(conn, [ko, en])
                result.proposed.append(Proposal(ko, en, labels[ko], labels[en], round(fit, 3)))
                continue
            try:
                made.append(pairs.insert(ko, en))
            except PairError:
                continue
        if made:
            counts = {"pairs": len(made)}
            if result.proposed:
                counts["proposed"] = len(result.proposed)
            ch.record(Event(Action.PAIR_ADD, {"pair": list(made)}, counts, "by_name"))
    result.made = [pairs.get(p) for p in made]
    return result


def _fit(pairs: Pairs, ko: int, en: int) -> float:
    a = [Unit(s.text, s.speaker) for s in sentences(pairs.conn, ko)]
    b = [Unit(s.text, s.speaker) for s in sentences(pairs.conn, en)]
    if not a or not b:
        return 0.0
    vectors = encoder.encode([u.text for u in a + b])
    return translation_fit(a, b, vectors[: len(a)], vectors[len(a) :])
