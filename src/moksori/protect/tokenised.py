"""A text plus its Kiwi tokens, computed once and shared by every detector."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from moksori.korean.kiwi import tokenize_many

HANGUL = re.compile(r"[\uac00-\ud7a3]")


class Tok(NamedTuple):
    form: str
    tag: str
    start: int  # code point in the whole text
    end: int
    oov: bool = False  # Kiwi did not know the word: unknown names often are


@dataclass
class TokenisedText:
    """The text a detector reads. ``tokens`` cover only lines with hangul.

    Kiwi is the expensive step, so English lines are never sent to it and a
    batch of texts is analysed in one multithreaded call (:func:`tokenise_all`).
    """

    text: str
    tokens: list[Tok] = field(default_factory=list)


def _korean_lines(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if HANGUL.search(line):
            out.append((pos, line))
        pos += len(line) + 1
    return out


def iter_tokenised(texts: Sequence[str]) -> Iterator[TokenisedText]:
    """Each text's :class:`TokenisedText` as soon as its lines are analysed.

    Kiwi analyses the whole batch in its own threads, ahead of the caller, so
    the detectors of one text run while Kiwi reads the next ones: on two cores
    that overlap is what keeps a scan at half the ingest speed.
    """
    owners: list[tuple[int, int]] = []
    lines: list[str] = []
    for i, text in enumerate(texts):
        for offset, line in _korean_lines(text):
            owners.append((i, offset))
            lines.append(line)
    analysed = iter(zip(owners, tokenize_many(lines), strict=True))
    pending = next(analysed, None)
    for i, text in enumerate(texts):
        tokenised = TokenisedText(text)
        while pending is not None and pending[0][0] == i:
            (_, offset), toks = pending
            tokenised.tokens.extend(
                Tok(t.form, t.tag, offset + t.start, offset + t.start + t.len, bool(t.oov))
                for t in toks
            )
            pending = next(analysed, None)
        yield tokenised


def tokenise_all(texts: Sequence[str]) -> list[TokenisedText]:
    """One :class:`TokenisedText` per text, with Kiwi run over all Korean lines at once."""
    return list(iter_tokenised(texts))


def tokenise(text: str) -> TokenisedText:
    return tokenise_all([text])[0]
