"""Exact nearest-neighbour search over passage vectors, in memory.

Why brute force: measured on this project's 2-core target (see
``benchmarks/semantic.py``), one float32 matrix-vector product over 100,000
512-d vectors takes ~10 ms (query p95 ~15 ms with the query's encoding) with
exact results, and the "index" is built in ~0.5 s from the stored vectors.
The graph indexes (usearch, hnswlib) answer in under a millisecond but need
12-40 s to build 100,000 vectors, reach only 0.87-0.94 recall@20 with default
settings, handle filters poorly, and to skip that build on every open would
have to be serialised into the encrypted database and kept in step with it.
sqlite-vec does load into SQLCipher, but it is a brute-force scan ~5x slower
than numpy. At 1,000,000 vectors brute force needs ~2 GB and ~110 ms a query:
past that size, revisit. The project is encrypted at rest, so the matrix lives
only in memory, built from the vectors stored in the encrypted database.

Storage: vectors are stored as little-endian float16 (1 KiB per 512-d vector,
half of float32); the rounding error (~1e-3 of a cosine) left the top-20 of
every measured query unchanged. They are widened to float32 in memory so the
product runs on BLAS (numpy has no fast float16 product).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from moksori.errors import MoksoriError

STORED_DTYPE = np.dtype("<f2")  # on disk (inside the encrypted database)
# Below this share of allowed rows, gather them and score only those; above,
# score everything (one BLAS pass) and pick the allowed scores out.
_GATHER_SHARE = 0.125


class VectorError(MoksoriError):
    """Stored or given vectors cannot be used."""


def to_blob(vec: np.ndarray) -> bytes:
    """One vector as stored in the project: float16, little-endian."""
    arr = np.asarray(vec)
    if arr.ndim != 1 or arr.size == 0:
        raise VectorError("a vector to store must be one non-empty row of numbers")
    if not np.all(np.isfinite(arr)):
        raise VectorError("a vector to store contains invalid numbers (NaN or infinity)")
    return arr.astype(STORED_DTYPE).tobytes()


def from_blobs(blobs: Iterable[bytes]) -> np.ndarray:
    """Stored vectors back into one float32 matrix, one row per blob."""
    items = [bytes(b) for b in blobs]
    if not items:
        return np.zeros((0, 0), dtype=np.float32)
    size = len(items[0])
    if size == 0 or size % STORED_DTYPE.itemsize or any(len(b) != size for b in items):
        raise VectorError(
            "stored vectors have inconsistent sizes; the project's vectors are damaged"
        )
    flat = np.frombuffer(b"".join(items), dtype=STORED_DTYPE)
    return flat.reshape(len(items), -1).astype(np.float32)


class VectorIndex:
    """Cosine nearest neighbours of a query among ``matrix`` rows, keyed by ``ids``.

    A float32 ``matrix`` is used as given, not copied (it may be ~200 MB), so
    the caller must not change it afterwards.
    """

    def __init__(self, ids: Sequence[int], matrix: np.ndarray) -> None:
        mat = np.asarray(matrix, dtype=np.float32)
        if mat.size == 0 and len(ids) == 0:
            mat = mat.reshape(0, mat.shape[-1] if mat.ndim == 2 else 0)
        if mat.ndim != 2:
            raise VectorError("vectors must form a matrix with one row per passage")
        if mat.shape[0] != len(ids):
            raise VectorError(f"{len(ids)} ids were given for {mat.shape[0]} vectors")
        self._ids = np.asarray(ids, dtype=np.int64)
        if len(np.unique(self._ids)) != len(self._ids):
            raise VectorError("the same passage id appears twice among the vectors")
        if not np.all(np.isfinite(mat)):
            # A damaged stored vector must not poison the ranking: it scores 0.
            mat = np.nan_to_num(mat, nan=0.0, posinf=0.0, neginf=0.0)
        # Scores are scaled by each row's inverse norm, so they are true cosines
        # even after float16 storage, without a second copy of the matrix; an
        # all-zero row (empty text) scores 0.
        self._matrix = np.ascontiguousarray(mat)
        sq = np.einsum("ij,ij->i", mat, mat)
        self._inv_norm = np.divide(1.0, np.sqrt(sq), out=np.zeros_like(sq), where=sq > 0)
        self._rows: dict[int, int] | None = None  # id -> row, built on first filtered search

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def dimensions(self) -> int:
        return int(self._matrix.shape[1])

    @property
    def nbytes(self) -> int:
        """Memory held by the vectors (for reports)."""
        return int(self._matrix.nbytes + self._ids.nbytes + self._inv_norm.nbytes)

    def search(
        self, query_vec: np.ndarray, k: int, allowed_ids: set[int] | None = None
    ) -> list[tuple[int, float]]:
        """The ``k`` nearest passages as (id, cosine), best first; ties by id.

        ``allowed_ids`` restricts the answer to those passages (filters).
        """
        q = np.asarray(query_vec, dtype=np.float32).reshape(-1)
        if k <= 0 or len(self._ids) == 0:
            return []
        if q.shape[0] != self.dimensions:
            raise VectorError(
                f"the query vector has {q.shape[0]} numbers but the index holds {self.dimensions}"
            )
        if not np.all(np.isfinite(q)):
            raise VectorError("the query vector contains invalid numbers (NaN or infinity)")
        norm = float(np.linalg.norm(q))
        if norm > 0:
            q = q / norm
        if allowed_ids is None:
            rows = None
            scores = (self._matrix @ q) * self._inv_norm
        else:
            rows = self._allowed_rows(allowed_ids)
            if len(rows) == 0:
                return []
            if len(rows) < _GATHER_SHARE * len(self._ids):
                scores = (self._matrix[rows] @ q) * self._inv_norm[rows]
            else:
                scores = ((self._matrix @ q) * self._inv_norm)[rows]
        top = _top(scores, k, self._ids if rows is None else self._ids[rows])
        picked = top if rows is None else rows[top]
        return [(int(self._ids[r]), float(scores[t])) for r, t in zip(picked, top, strict=True)]

    def _allowed_rows(self, allowed_ids: set[int]) -> np.ndarray:
        if self._rows is None:
            self._rows = {int(i): r for r, i in enumerate(self._ids.tolist())}
        rows = self._rows
        found = [rows[i] for i in allowed_ids if i in rows]
        return np.sort(np.asarray(found, dtype=np.int64))


def _top(scores: np.ndarray, k: int, ids: np.ndarray) -> np.ndarray:
    """Positions of the k best scores, best first, equal scores by ascending id."""
    if k < len(scores):
        # Take every candidate tied with the k-th score, so the id tie-break is exact.
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        cand = np.flatnonzero(scores >= kth)
    else:
        cand = np.arange(len(scores))
    order = np.lexsort((ids[cand], -scores[cand]))
    return cand[order[:k]]
