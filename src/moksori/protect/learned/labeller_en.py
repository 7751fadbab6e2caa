"""The shipped English CRF: loaded once, checked against its manifest, run in memory.

Same contract as the Korean model (:mod:`moksori.protect.learned.labeller`): a
missing or damaged file is :class:`ModelMissing` and the scan does not run,
because a scan without the model would look like a clean result.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from moksori.protect.learned import labeller
from moksori.protect.learned.features_en import Word, english_sentences, featurise
from moksori.protect.spans import PiiType, Span

MODEL_EN = "ner_en.crfsuite"
KINDS = ("PS", "LC", "OG")
_RULE_TYPES = (PiiType.PERSON, PiiType.PLACE, PiiType.ADDRESS)
_SURELY_O = {"O": 1.0, "PS": 0.0, "LC": 0.0, "OG": 0.0}  # shared, never mutated


@dataclass
class TaggedLine:
    """One English line: its words, the best labels and per-word entity probabilities."""

    words: list[Word]
    labels: list[str]
    probs: list[dict[str, float]]


def tag(
    model: labeller.Model, text: str, rules: Sequence[Span] = ()
) -> tuple[list[TaggedLine], frozenset[str]]:
    """The English sentences of ``text`` worth reading, labelled (rule spans are features),
    and the words the text writes in lower case.

    A word that is not capitalised and is off the best path is surely O: its
    marginals are not computed (most words of a line, so most of the cost).
    """
    lines, lower = english_sentences(text, rules)
    if not lines:
        return [], lower
    tagger = model._tagger()
    marked = sorted((s for s in rules if s.type in _RULE_TYPES), key=lambda s: s.start)
    out: list[TaggedLine] = []
    starts = [s.start for s in marked]
    longest = max((s.end - s.start for s in marked), default=0)
    for seq, lo, hi in lines:
        a, b = seq[max(0, lo - 2)].start, seq[min(len(seq), hi + 2) - 1].end
        near = marked[bisect_left(starts, a - longest) : bisect_left(starts, b)]
        tagger.set(featurise(seq, [s for s in near if s.end > a], lo, hi))
        labels = tagger.tag()
        probs: list[dict[str, float]] = []
        for i, w in enumerate(seq[lo:hi]):
            if labels[i] == "O" and not w.form[:1].isupper():
                probs.append(_SURELY_O)
                continue
            p_o = tagger.marginal("O", i)
            if p_o >= 0.995:
                probs.append(_SURELY_O)
                continue
            p = {"O": p_o}
            for kind in KINDS:
                p[kind] = _marginal(tagger, "B-" + kind, i) + _marginal(tagger, "I-" + kind, i)
            probs.append(p)
        out.append(TaggedLine(seq[lo:hi], labels, probs))
    return out, lower


def _marginal(tagger: object, label: str, i: int) -> float:
    try:
        return float(tagger.marginal(label, i))  # type: ignore[attr-defined]
    except ValueError:  # a label the model never saw in training
        return 0.0


@cache
def _shipped(data_dir: Path) -> labeller.Model:
    return labeller.load(data_dir / MODEL_EN, labeller._expected(MODEL_EN))


_override: list[labeller.Model] = []


def english() -> labeller.Model:
    """The model the scan uses: the shipped one, unless a benchmark or test overrides it."""
    if _override:
        return _override[-1]
    return _shipped(labeller.DATA_DIR)


@contextmanager
def using(model_path: Path) -> Iterator[labeller.Model]:
    """Run scans with another English model file (cross-validation folds, tests)."""
    model = labeller.load(model_path, None)
    _override.append(model)
    try:
        yield model
    finally:
        _override.remove(model)


def clear_cache() -> None:
    """Forget the loaded model (tests that damage a copy of it)."""
    _shipped.cache_clear()
