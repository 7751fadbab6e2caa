"""Sentence alignment of an original and its translation (vecalign/bertalign style).

A dynamic programme over (sentences of A consumed, sentences of B consumed) picks
the best monotonic chain of links of type 1-1, 1-2, 2-1, 1-0 and 0-1. A link's
score combines the cosine of multilingual sentence embeddings (a merged group
is embedded as its concatenated text, the way vecalign does), a length prior
(Hangul is denser than Latin script: ~0.42 Hangul syllables per English
character, measured on the held-in set) and, where both sides carry speaker
labels, speaker agreement: labels are mapped across languages by order of first
appearance (면담자 ↔ Interviewer), a link must not join two turns on one side,
and a link whose speakers disagree is heavily penalised.

Each link's confidence is its posterior probability under the same scores
(forward-backward with a temperature), so a link that has a close competitor
gets a low confidence even when it won.

Long inputs are aligned inside a band around a first, cheap 1-1 chain (anchors
found among each sentence's most similar candidates), so the cost is O(n·w)
rather than O(n·m). Links set by hand (``fixed``) are kept unchanged; only the
stretches between them are aligned.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from moksori.errors import MoksoriError
from moksori.semantic.encoder import encode

Encode = Callable[[Sequence[str]], np.ndarray]

# Hangul syllables per English character in a faithful translation (held-in set).
HANGUL_RATIO = 0.42
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_SPACE = re.compile(r"\s")

# Link types (sentences of A, sentences of B) the programme may use.
TYPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))


class AlignError(MoksoriError):
    """The inputs of an alignment do not fit together."""


@dataclass(frozen=True)
class Unit:
    """One sentence to align, with the speaker of its turn if known."""

    text: str
    speaker: str | None = None


@dataclass(frozen=True)
class Link:
    """Consecutive sentence indices on each side (one side may be empty)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    confidence: float


@dataclass(frozen=True)
class Settings:
    """Weights of the score; tuned on the held-in benchmark (see benchmarks/alignment.py)."""

    base: float = 0.30  # cosine a 1-1 link must beat to be worth more than two skips
    merge: float = -0.20  # extra score of a 1-2 / 2-1 link (merged groups embed well)
    skip: float = 0.0  # score of a 1-0 / 0-1 link ...
    skip_length: float = 0.006  # ... less this per character: long sentences are rarely dropped
    length: float = 0.10  # weight of the squared log length ratio
    speaker: float = 1.0  # penalty of a link whose mapped speakers differ
    temperature: float = 0.10  # of the posterior behind each confidence
    band: int = 40  # half-width of the band for long inputs
    full_limit: int = 250_000  # (n+1)(m+1) above which the band is used


DEFAULT = Settings()


def text_length(text: str) -> float:
    """Length in English-character equivalents, so both languages compare directly."""
    hangul = len(_HANGUL.findall(text))
    other = len(_SPACE.sub("", text)) - hangul
    return hangul / HANGUL_RATIO + other


def coverage(a: Sequence[Unit], b: Sequence[Unit]) -> float:
    """Length of the translation ``b`` relative to what the original ``a`` predicts (1.0 = as
    expected; well below 1 means much has been left out). 1.0 when ``a`` is empty."""
    expected = sum(text_length(u.text) for u in a)
    if expected <= 0:
        return 1.0
    return sum(text_length(u.text) for u in b) / expected


def low_confidence_stretches(links: Sequence[Link], threshold: float) -> list[tuple[int, int]]:
    """Runs of consecutive links below ``threshold``, as (first, last) link indices."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for k, link in enumerate(links):
        if link.confidence < threshold:
            if start is None:
                start = k
        elif start is not None:
            out.append((start, k - 1))
            start = None
    if start is not None:
        out.append((start, len(links) - 1))
    return out


def _default_encode(texts: Sequence[str]) -> np.ndarray:
    return encode(texts)


class _Side:
    """One text's sentences prepared for scoring: vectors, pair vectors, lengths, turns."""

    def __init__(
        self,
        units: Sequence[Unit],
        vecs: np.ndarray,
        labels: list[int | None],
        encode: Encode | None,
    ) -> None:
        n = len(units)
        self.vecs = np.asarray(vecs, dtype=np.float32).reshape(n, -1) if n else vecs
        self.length = np.array([text_length(u.text) for u in units], dtype=np.float64)
        self.labels = labels
        # pair k joins sentences k and k+1, only within one turn (none after the last)
        self.merge_ok = np.array(
            [
                k + 1 < n
                and labels[k] == labels[k + 1]
                and units[k].speaker == units[k + 1].speaker
                for k in range(n)
            ],
            dtype=bool,
        )
        self.pairs = np.zeros((n, self.vecs.shape[1] if n else 1), dtype=np.float32)
        todo = np.flatnonzero(self.merge_ok)
        if len(todo) and encode is None:
            summed = self.vecs[todo] + self.vecs[todo + 1]
            self.pairs[todo] = summed / np.maximum(
                np.linalg.norm(summed, axis=1, keepdims=True), 1e-9
            )
        elif len(todo) and encode is not None:
            texts = [units[k].text + " " + units[k + 1].text for k in todo.tolist()]
            self.pairs[todo] = np.asarray(encode(texts), dtype=np.float32)


def _speaker_labels(a: Sequence[Unit], b: Sequence[Unit]) -> tuple[list[int | None], ...]:
    """Speaker labels as numbers that agree across languages: the k-th distinct label to
    appear on one side matches the k-th on the other. None where a side has no labels."""

    def order(units: Sequence[Unit]) -> dict[str, int]:
        seen: dict[str, int] = {}
        for u in units:
            if u.speaker and u.speaker not in seen:
                seen[u.speaker] = len(seen)
        return seen

    oa, ob = order(a), order(b)
    if not oa or not ob:
        return [None] * len(a), [None] * len(b)
    common = min(len(oa), len(ob))

    def number(u: Unit, o: dict[str, int]) -> int | None:
        k = o.get(u.speaker or "")
        return k if k is not None and k < common else None

    return [number(u, oa) for u in a], [number(u, ob) for u in b]


def align(
    a: Sequence[Unit],
    b: Sequence[Unit],
    a_vecs: np.ndarray,
    b_vecs: np.ndarray,
    *,
    fixed: Sequence[Link] = (),
    encode: Encode | None = _default_encode,
    settings: Settings = DEFAULT,
) -> list[Link]:
    """Monotonic links covering every sentence of ``a`` and ``b`` exactly once.

    ``a_vecs``/``b_vecs`` hold one L2-normalised row per sentence. ``encode`` embeds the
    concatenated text of two-sentence groups (default: moksori's encoder); pass None to
    approximate a group by the normalised sum of its sentence vectors (no model needed).
    ``fixed`` links are returned unchanged; the stretches between them are aligned.
    """
    n, m = len(a), len(b)
    if len(a_vecs) != n or len(b_vecs) != m:
        raise AlignError("there must be one vector per sentence on each side")
    anchors, dropped_a, dropped_b = _check_fixed(fixed, n, m)
    la, lb = _speaker_labels(a, b)
    sa, sb = _Side(a, a_vecs, la, encode), _Side(b, b_vecs, lb, encode)

    out: list[Link] = []
    prev_a, prev_b = 0, 0
    for anchor in [*anchors, None]:
        end_a = anchor.a[0] if anchor else n
        end_b = anchor.b[0] if anchor else m
        ia = [i for i in range(prev_a, end_a) if i not in dropped_a]
        ib = [j for j in range(prev_b, end_b) if j not in dropped_b]
        links = _align_stretch(sa, sb, ia, ib, settings)
        out.extend(_with_dropped(links, fixed, prev_a, end_a, prev_b, end_b))
        if anchor:
            out.append(anchor)
            prev_a, prev_b = anchor.a[-1] + 1, anchor.b[-1] + 1
    return out


def _check_fixed(fixed: Sequence[Link], n: int, m: int) -> tuple[list[Link], set[int], set[int]]:
    """Links with both sides (sorted), and the indices fixed as dropped on each side."""
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for link in fixed:
        for idx, size, seen, side in (
            (link.a, n, seen_a, "original"),
            (link.b, m, seen_b, "translation"),
        ):
            if any(i < 0 or i >= size for i in idx):
                raise AlignError(f"a fixed link points past the end of the {side}")
            if idx and list(idx) != list(range(idx[0], idx[0] + len(idx))):
                raise AlignError(f"a fixed link's {side} sentences are not consecutive")
            if seen & set(idx):
                raise AlignError(f"two fixed links share a sentence of the {side}")
            seen.update(idx)
        if not link.a and not link.b:
            raise AlignError("a fixed link has no sentences")
    anchors = sorted((x for x in fixed if x.a and x.b), key=lambda x: x.a[0])
    for p, q in zip(anchors, anchors[1:], strict=False):
        if q.b[0] <= p.b[-1]:
            raise AlignError("fixed links cross each other")
    dropped_a = {i for x in fixed if not x.b for i in x.a}
    dropped_b = {j for x in fixed if not x.a for j in x.b}
    for x in fixed:  # a one-sided link must not sit inside a two-sided one's span
        if not x.b and any(p.a[0] < x.a[0] < p.a[-1] for p in anchors):
            raise AlignError("fixed links cross each other")
        if not x.a and any(p.b[0] < x.b[0] < p.b[-1] for p in anchors):
            raise AlignError("fixed links cross each other")
    return anchors, dropped_a, dropped_b


def _with_dropped(
    links: list[Link], fixed: Sequence[Link], a0: int, a1: int, b0: int, b1: int
) -> list[Link]:
    """Insert the one-sided fixed links of a stretch where their index puts them."""
    extra = [x for x in fixed if (not x.b and a0 <= x.a[0] < a1) or (not x.a and b0 <= x.b[0] < b1)]
    if not extra:
        return links
    out = list(links)
    for x in sorted(extra, key=lambda x: x.a[0] if x.a else x.b[0]):
        side, key = ("a", x.a[0]) if x.a else ("b", x.b[0])
        pos = len(out)
        for k, link in enumerate(out):
            idx = link.a if side == "a" else link.b
            if idx and idx[0] > key:
                pos = k
                break
        out.insert(pos, x)
    return out


def _align_stretch(sa: _Side, sb: _Side, ia: list[int], ib: list[int], s: Settings) -> list[Link]:
    """Align the sentences ``ia`` of A with ``ib`` of B (global indices, increasing)."""
    n, m = len(ia), len(ib)
    if n == 0 or m == 0:
        return [Link((i,), (), 1.0) for i in ia] + [Link((), (j,), 1.0) for j in ib]
    lo, hi = _band(sa, sb, ia, ib, s)
    rows = _score_rows(sa, sb, ia, ib, s, lo, hi)
    _, back = _forward(rows, lo, hi, None)
    path: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        p, q = back[i][j - lo[i]]
        path.append((i - p, j - q, i, j))
        i, j = i - p, j - q
    path.reverse()
    post = _posteriors(rows, lo, hi, path, s.temperature)
    return [
        Link(tuple(ia[i0:i1]), tuple(ib[j0:j1]), conf)
        for (i0, j0, i1, j1), conf in zip(path, post, strict=True)
    ]


Rows = list[dict[tuple[int, int], list[float]]]  # per row i: type -> scores over the band


def _score_rows(
    sa: _Side, sb: _Side, ia: list[int], ib: list[int], s: Settings, lo: list[int], hi: list[int]
) -> Rows:
    """Score of each link type ending at each node (i, j) of the band; -inf where it
    does not fit (too near the start, or a merge across a turn or a fixed link)."""
    ib_arr = np.asarray(ib)
    rows: Rows = []
    for i in range(len(ia) + 1):
        js = np.arange(lo[i], hi[i] + 1)
        out: dict[tuple[int, int], list[float]] = {}
        for p, q in TYPES:
            a_idx = ia[max(i - p, 0) : i]
            ok = (js >= q) & (i >= p)
            if p == 2 and not (ok.any() and a_idx[1] == a_idx[0] + 1 and sa.merge_ok[a_idx[0]]):
                ok[:] = False
            first = ib_arr[np.clip(js - q, 0, len(ib) - 1)]  # first B sentence of the group
            second = ib_arr[np.clip(js - 1, 0, len(ib) - 1)]
            if q == 2:
                ok &= (second == first + 1) & sb.merge_ok[first]
            if not ok.any():
                out[(p, q)] = [-math.inf] * len(js)
                continue
            if q == 0:
                sc = np.full(len(js), s.skip - s.skip_length * float(sa.length[a_idx[0]]))
            elif p == 0:
                sc = s.skip - s.skip_length * sb.length[first]
            else:
                va = sa.vecs[a_idx[0]] if p == 1 else sa.pairs[a_idx[0]]
                vb = sb.vecs[first] if q == 1 else sb.pairs[first]
                len_b = sb.length[first] + (sb.length[second] if q == 2 else 0.0)
                ratio = np.log((float(sa.length[a_idx].sum()) + 10.0) / (len_b + 10.0))
                sc = (vb @ va - s.base) * (p + q) / 2 - s.length * ratio**2
                sc += s.merge if p + q == 3 else 0.0
                lab_a = sa.labels[a_idx[0]]
                if lab_a is not None:
                    clash = [sb.labels[x] is not None and sb.labels[x] != lab_a for x in first]
                    sc -= s.speaker * np.array(clash)
            out[(p, q)] = np.where(ok, sc, -np.inf).tolist()
        rows.append(out)
    return rows


def _forward(
    rows: Rows, lo: list[int], hi: list[int], temperature: float | None
) -> tuple[list[list[float]], list[list[tuple[int, int]]]]:
    """Best score (``temperature`` None, with back-pointers: the link type into each node)
    or log-sum of exp(score / temperature) over all paths from (0, 0) to each node."""
    total: list[list[float]] = []
    back: list[list[tuple[int, int]]] = []
    for i, row in enumerate(rows):
        here = [-math.inf] * (hi[i] - lo[i] + 1)
        arg: list[tuple[int, int]] = [(0, 0)] * len(here)
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                here[0] = 0.0
                continue
            terms: list[tuple[float, tuple[int, int]]] = []
            for t in TYPES:
                sc = row[t][j - lo[i]]
                pi, pj = i - t[0], j - t[1]
                if sc == -math.inf or not lo[pi] <= pj <= hi[pi]:
                    continue
                prev = here[pj - lo[i]] if pi == i else total[pi][pj - lo[pi]]
                terms.append((prev + (sc if temperature is None else sc / temperature), t))
            if not terms:
                continue
            if temperature is None:
                here[j - lo[i]], arg[j - lo[i]] = max(terms)
            else:
                here[j - lo[i]] = _logsumexp([x for x, _ in terms])
        total.append(here)
        back.append(arg)
    return total, back


def _posteriors(
    rows: Rows,
    lo: list[int],
    hi: list[int],
    path: list[tuple[int, int, int, int]],
    temperature: float,
) -> list[float]:
    """Posterior probability of each link of ``path`` among all monotonic alignments."""
    n, m = len(rows) - 1, hi[-1]
    fwd, _ = _forward(rows, lo, hi, temperature)
    bwd = [[-math.inf] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    bwd[n][m - lo[n]] = 0.0
    for i in range(n, -1, -1):
        for j in range(hi[i], lo[i] - 1, -1):
            terms = []
            for t in TYPES:
                ni, nj = i + t[0], j + t[1]
                if ni <= n and lo[ni] <= nj <= hi[ni] and rows[ni][t][nj - lo[ni]] != -math.inf:
                    terms.append(bwd[ni][nj - lo[ni]] + rows[ni][t][nj - lo[ni]] / temperature)
            if terms:
                bwd[i][j - lo[i]] = _logsumexp(terms)
    out = []
    for i0, j0, i1, j1 in path:
        sc = rows[i1][(i1 - i0, j1 - j0)][j1 - lo[i1]] / temperature
        logp = fwd[i0][j0 - lo[i0]] + sc + bwd[i1][j1 - lo[i1]] - fwd[n][m - lo[n]]
        out.append(math.exp(min(0.0, logp)))
    return out


def _logsumexp(terms: list[float]) -> float:
    if not terms:
        return -math.inf
    top = max(terms)
    if top == -math.inf:
        return top
    return top + math.log(sum(math.exp(x - top) for x in terms))


def _band(
    sa: _Side, sb: _Side, ia: list[int], ib: list[int], s: Settings
) -> tuple[list[int], list[int]]:
    """Columns allowed in each row: all of them for short stretches, else a band around a
    first 1-1 chain through each sentence's most similar candidates."""
    n, m = len(ia), len(ib)
    if (n + 1) * (m + 1) <= s.full_limit:
        return [0] * (n + 1), [m] * (n + 1)
    anchors = _anchor_chain(sa.vecs[ia], sb.vecs[ib])
    pts = [(0, 0), *[(i + 1, j + 1) for i, j in anchors], (n, m)]
    xs = [p[0] for p in pts]
    centre = []
    for i in range(n + 1):
        k = min(bisect_right(xs, i) - 1, len(pts) - 2)
        (x0, y0), (x1, y1) = pts[k], pts[k + 1]
        c = y0 if x1 == x0 else y0 + (y1 - y0) * (i - x0) / (x1 - x0)
        centre.append(c)
    lo = [max(0, int(c) - s.band) for c in centre]
    hi = [min(m, int(math.ceil(c)) + s.band) for c in centre]
    for i in range(1, n + 1):  # monotone and connected
        lo[i] = max(lo[i], lo[i - 1])
    for i in range(n - 1, -1, -1):
        hi[i] = min(hi[i], hi[i + 1])
    lo[0], hi[n] = 0, m
    for i in range(n):
        if lo[i + 1] > hi[i]:
            hi[i] = lo[i + 1]
        hi[i] = max(hi[i], lo[i])
    lo[n] = min(lo[n], m)
    return lo, hi


def _anchor_chain(va: np.ndarray, vb: np.ndarray) -> list[tuple[int, int]]:
    """Increasing chain of 1-1 pairs (i, best j of i) with the largest total margin over
    each sentence's runner-up: a rough path to centre the band on."""
    m = len(vb)
    cands: list[tuple[int, int, float]] = []
    for start in range(0, len(va), 512):
        sims = va[start : start + 512] @ vb.T
        order = np.argsort(-sims, axis=1)[:, :2]
        for r, cols in enumerate(order):
            second = float(sims[r, cols[1]]) if len(cols) > 1 else 0.0
            gain = float(sims[r, cols[0]]) - second + 0.05
            if gain > 0:
                cands.append((start + r, int(cols[0]), gain))
    if not cands:
        return []
    # heaviest chain increasing in i and j: a Fenwick tree of prefix maxima over j
    tree: list[tuple[float, int]] = [(0.0, -1)] * (m + 1)
    prev = [-1] * len(cands)
    value = [0.0] * len(cands)
    for idx, (_, j, gain) in enumerate(cands):  # one candidate per row, rows increasing
        pos, best = j, (0.0, -1)
        while pos > 0:
            best = max(best, tree[pos])
            pos -= pos & -pos
        value[idx], prev[idx] = best[0] + gain, best[1]
        pos = j + 1
        while pos <= m:
            tree[pos] = max(tree[pos], (value[idx], idx))
            pos += pos & -pos
    end = max(range(len(cands)), key=lambda x: value[x])
    chain = []
    while end >= 0:
        chain.append((cands[end][0], cands[end][1]))
        end = prev[end]
    return chain[::-1]
