"""Which sentences get a vector of their own, and the passage each one belongs to.

One vector per passage blurs a long turn: a question that paraphrases one of its six
sentences lands far down the list, because the turn's vector is the average of everything
said in it. So the sentences of a long passage (``MIN_SENTENCES`` or more) are embedded
too, and a passage scores by its own vector or its best sentence, whichever is nearer.
Short passages need no sentence vectors: their own vector already is the sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from moksori.store.database import Connection
from moksori.store.passages import passage_and_sentence_spans

MIN_SENTENCES = 3


def sentence_owners(conn: Connection) -> dict[int, int]:
    """Sentence id -> passage id, for every sentence of a passage that has at least
    ``MIN_SENTENCES`` sentences and is not a repeat of another document's passage."""
    owners: dict[int, int] = {}
    for passages, sentences in _documents(conn):
        starts = [p[1] for p in passages]
        inside: dict[int, list[int]] = {}
        for sid, start, end in sentences:
            k = bisect_right(starts, start) - 1
            if k >= 0 and end <= passages[k][2]:
                inside.setdefault(passages[k][0], []).append(sid)
        for pid, sids in inside.items():
            if len(sids) >= MIN_SENTENCES:
                owners.update(dict.fromkeys(sids, pid))
    return owners


def _documents(
    conn: Connection,
) -> Iterator[tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]]:
    """Per document: its passages (id, start, end) without repeats, and its sentences."""
    current: int | None = None
    passages: list[tuple[int, int, int]] = []
    sentences: list[tuple[int, int, int]] = []
    for doc_id, sid, is_sentence, start, end, repeat in passage_and_sentence_spans(conn):
        if doc_id != current:
            if current is not None:
                yield passages, sentences
            current, passages, sentences = doc_id, [], []
        if is_sentence:
            sentences.append((sid, start, end))
        elif not repeat:
            passages.append((sid, start, end))
    if current is not None:
        yield passages, sentences
