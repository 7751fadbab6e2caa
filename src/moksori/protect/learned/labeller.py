"""The shipped CRF model: loaded once, checked against its manifest, run in memory.

Why refuse rather than fall back: a scan without the model finds fewer names
and would look like a clean result. A missing or damaged model file is one
clear error (:class:`ModelMissing`), and the scan does not run.
"""

from __future__ import annotations

import hashlib
import json
import threading
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycrfsuite

from moksori.errors import ModelMissing
from moksori.protect.learned.features import featurise, sequences
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import Tok, TokenisedText

DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_KO = "ner_ko.crfsuite"
MANIFEST = "manifest.json"
KINDS = ("PS", "LC", "OG")
_MARKED = (PiiType.PERSON, PiiType.PLACE, PiiType.ADDRESS)  # rule types that are features
_CAN_BE_NAME = ("N", "S", "X", "U", "W", "MM")  # nouns, foreign/unknown words, roots
_SURELY_O = {"O": 1.0, "PS": 0.0, "LC": 0.0, "OG": 0.0}  # shared, never mutated
_REINSTALL = "the de-identification model file {} is missing or damaged; reinstall moksori"


@dataclass
class Tagged:
    """One line of tokens with the model's labels and per-token entity probabilities."""

    tokens: list[Tok]
    labels: list[str]  # BIO labels of the best path
    probs: list[dict[str, float]]  # per token: PS / LC / OG / O marginals


class Model:
    """A CRF opened from bytes; one tagger per thread (crfsuite taggers are not shared)."""

    def __init__(self, data: bytes, name: str) -> None:
        self._data = data
        self.name = name
        self._local = threading.local()
        self._tagger()  # fail now, not in the middle of a scan

    def _tagger(self) -> pycrfsuite.Tagger:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = pycrfsuite.Tagger()
            try:
                tagger.open_inmemory(self._data)
            except Exception as err:  # crfsuite says only "invalid model"
                raise ModelMissing(_REINSTALL.format(self.name)) from err
            self._local.tagger = tagger
        return tagger

    def tag(self, tokenised: TokenisedText, rules: Sequence[Span] = ()) -> list[Tagged]:
        """Every hangul line of ``tokenised``, labelled; rule spans are features."""
        tagger = self._tagger()
        out: list[Tagged] = []
        marked = sorted((s for s in rules if s.type in _MARKED), key=lambda s: s.start)
        starts = [s.start for s in marked]
        longest = max((s.end - s.start for s in marked), default=0)
        for seq in sequences(tokenised.tokens, tokenised.text):
            a = bisect_left(starts, seq[0].start - longest)
            b = bisect_left(starts, seq[-1].end)
            tagger.set(featurise(seq, tokenised.text, marked[a:b]))
            labels = tagger.tag()
            probs: list[dict[str, float]] = []
            for i, t in enumerate(seq):
                if labels[i] == "O" and not t.tag.startswith(_CAN_BE_NAME):
                    probs.append(_SURELY_O)  # a particle, ending or verb: never a name
                    continue
                p_o = tagger.marginal("O", i)
                if p_o >= 0.99:
                    probs.append(_SURELY_O)
                    continue
                p = {"O": p_o}
                for kind in KINDS:
                    p[kind] = _marginal(tagger, "B-" + kind, i) + _marginal(tagger, "I-" + kind, i)
                probs.append(p)
            out.append(Tagged(list(seq), labels, probs))
        return out


def _marginal(tagger: pycrfsuite.Tagger, label: str, i: int) -> float:
    try:
        return float(tagger.marginal(label, i))
    except ValueError:  # a label the model never saw in training
        return 0.0


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load(path: Path, expected: str | None) -> Model:
    """Read ``path`` and check its SHA-256 against ``expected`` (None: a test's own file)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ModelMissing(_REINSTALL.format(path.name)) from err
    if expected is not None and sha256(data) != expected:
        raise ModelMissing(_REINSTALL.format(path.name))
    return Model(data, path.name)


def _expected(name: str) -> str:
    try:
        manifest = json.loads((DATA_DIR / MANIFEST).read_text("utf-8"))
        return str(manifest["models"][name]["sha256"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ModelMissing(_REINSTALL.format(MANIFEST)) from err


@cache
def _shipped(data_dir: Path) -> Model:
    return load(data_dir / MODEL_KO, _expected(MODEL_KO))


_override: list[Model] = []


def korean() -> Model:
    """The model the scan uses: the shipped one, unless a benchmark or test overrides it."""
    if _override:
        return _override[-1]
    return _shipped(DATA_DIR)


@contextmanager
def using(model_path: Path) -> Iterator[Model]:
    """Run scans with another model file (cross-validation folds, tests); never shipped."""
    model = load(model_path, None)
    _override.append(model)
    try:
        yield model
    finally:
        _override.remove(model)


def clear_cache() -> None:
    """Forget the loaded model (tests that damage a copy of it)."""
    _shipped.cache_clear()
