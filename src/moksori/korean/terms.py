"""Text → FTS5 index terms, Korean and English in one Kiwi pass.

Kiwi tokenises mixed text in one go (Latin words come out tagged ``SL``), so
one analyser serves both languages and the index, the query side and the
highlighter all agree on what a "term" is.

Terms (each one token under FTS5's default ``unicode61`` tokenizer: letters
and digits only, lowercase):

* Korean nouns (NNG, NNP), roots (XR), numerals (NR), adverbs (MAG, minus a
  few function-like ones) and hanja (SH) as written; verbs and adjectives
  (VV, VA and their irregular variants) as lemma ``stem + 다``
  (건넜습니다 → 건너다). Every Korean term is folded to South Korean spelling
  by :func:`moksori.korean.orthography.to_south` (로동 → 노동).
* English words (SL): lowercased, diacritics folded (café → cafe), irregular
  forms to their lemma (left → leave, children → child:
  :mod:`moksori.korean.english_forms`), Snowball-stemmed (crossed → cross).
  Stopwords are indexed, so a phrase
  keeps its word order ("my accent" ≠ "accent my"), but a bare query word
  that is a stopword is dropped (:func:`query_terms`). Numbers (SN) kept as
  digit runs.
* Not indexed: particles, endings, suffixes, pronouns (NP), bound nouns (NNB),
  determiners, interjections, punctuation, emoji; auxiliary verbs (VX) only
  after ``-아/어``, as extras (below).

Term string format (``index_terms``)::

    primary primary ... primary zzzextra extra extra ...

Primary terms (one or more per source token) are in text order, so FTS5
phrase queries over consecutive primary terms match. Extra terms — compound
parts (혜산시 → 혜산, 조선로동당 → 조선, 노동당, 노동), compound verbs' parts
(도와주다 → 돕다, 주다), compounds as written, joined or apart (하나원, 로동 단련대 →
노동단련대, 도와 줬어요 → 도와주다), ``noun + 하다`` for ``noun + 하`` (일했다 →
일하다) and the noun of ``X하다`` verbs, South Korean words for North Korean
vocabulary (닭알 → 달걀) — come after the sentinel
:data:`EXTRA_SEPARATOR`, deduplicated, so they can be matched as single terms
but never sit between two primaries. A real word equal to the sentinel is
indexed as ``zzzextra0``.

A query word asks for the whole of what it names (:func:`query_terms`): a compound
is its one term (하나원 never matches 하나도), a verb its verb (일하다 never matches 일
년 or a bare 일), so a compound found by its parts is a match of the parts' query
only. The scan itself is :mod:`moksori.korean.scan`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from moksori.korean import compounds
from moksori.korean.compounds import EXTRA_SEPARATOR, NOUN_SUFFIXES
from moksori.korean.orthography import NK_VOCABULARY
from moksori.korean.scan import ENGLISH_STOPWORDS, HAS_HANGUL, Span, fold_diacritics, scan

if TYPE_CHECKING:
    from kiwipiepy import Token

__all__ = ["EXTRA_SEPARATOR", "NOUN_SUFFIXES", "index_terms", "query_terms", "phrase_terms"]

# Bump when what a text is indexed under changes: a project indexed by another version
# is indexed again when opened (moksori.store.reindex). 3: Kiwi without its multi-word
# dictionary (korean/kiwi.py), so a multi-word proper noun is indexed as its words.
ANALYSER_VERSION = 5

# Stored text keeps invisible characters (ingest.normalise). Kiwi runs a word on across a
# ZWSP (탈북\u200b민 → 탈북민) and cuts one at a soft hyphen or a joiner (탈\u00ad북민 →
# 탈, 북, 민), so it reads a view: a ZWSP is a space (a word boundary), ZWNJ, ZWJ, WJ,
# U+FEFF, the soft hyphen and variation selectors are left out. The same set as
# protect.visible, which this layer cannot import (a test keeps the two equal).
ZWSP = "\u200b"
HIDDEN = "\u200c\u200d\u2060\ufeff\u00ad\ufe00-\ufe0f\U000e0100-\U000e01ef"
_HIDDEN_RUN = re.compile(f"[{HIDDEN}]+")
_INVISIBLE = re.compile(f"[{ZWSP}{HIDDEN}]")


def _terms_string(primaries: list[str], extras: list[str], keys: list[str]) -> str:
    for key in keys:
        extras.extend(compounds.PARTS[key])
    text = " ".join(primaries)
    if extras:
        seen = set(primaries)
        rest = [t for t in dict.fromkeys(extras) if t not in seen]
        if rest:
            return f"{text} {EXTRA_SEPARATOR} {' '.join(rest)}" if text else " ".join(rest)
    return text


def _view(text: str) -> tuple[str, list[int] | None]:
    """``text`` as Kiwi reads it, and the stored offset of each view offset (None: same)."""
    if _INVISIBLE.search(text) is None:
        return text, None
    pieces: list[str] = []
    where: list[int] = []
    done = 0
    for m in _HIDDEN_RUN.finditer(text):
        pieces.append(text[done : m.start()])
        where.extend(range(done, m.start()))
        done = m.end()
    pieces.append(text[done:])
    where.extend(range(done, len(text) + 1))
    return "".join(pieces).replace(ZWSP, " "), where


def index_terms(texts: list[str]) -> list[str]:
    """Space-separated FTS5 terms for each text (format in the module docstring)."""
    from moksori.korean import kiwi as _kiwi  # lazy: start-up (kiwipiepy)

    views = [_view(t)[0] for t in texts]
    return terms_of_tokens(_kiwi.tokenize_many(views), views)


def terms_of_tokens(
    token_lists: Iterable[Sequence[Token]], texts: Sequence[str] | None = None
) -> list[str]:
    """:func:`index_terms` from Kiwi tokens already at hand.

    Ingest tokenises each passage once and uses the tokens for both sentence
    boundaries and index terms; Kiwi is most of the cost of ingest. With ``texts``
    (what the tokens were made of), a text holding invisible characters is analysed
    again from its view, as :func:`index_terms` would.
    """
    from moksori.korean import kiwi as _kiwi  # lazy: start-up (kiwipiepy)

    token_lists = list(token_lists)
    read: list[str | None] = [None] * len(token_lists)
    if texts is not None:
        read = list(texts)
        redo = [i for i, t in enumerate(texts) if _INVISIBLE.search(t)]
        for i in redo:
            read[i] = _view(texts[i])[0]
        views = _kiwi.tokenize_many([read[i] or "" for i in redo])
        for i, tokens in zip(redo, views, strict=True):
            token_lists[i] = tokens
    scanned = [scan(tokens, text) for tokens, text in zip(token_lists, read, strict=True)]
    compounds.resolve(key for _, _, keys in scanned for key in keys)
    return [_terms_string(p, e, k) for p, e, k in scanned]


# Contexts a bare query word is analysed in; Kiwi tags a lone word differently
# from the same word in a sentence (건너서 alone → 건느다, 지었어요 alone → 지다), so
# the reading most contexts agree on wins; a reading with terms beats one without,
# and the first frame breaks ties.
_FRAMES = ("어제 {}.", "{} 그리고", "그때 {} 그래서", "{}", "저는 {}.", "그 사람이 {}.")


def _primaries_in(text: str, start: int, end: int, query: bool) -> tuple[str, ...]:
    from moksori.korean import kiwi as _kiwi  # lazy: start-up (kiwipiepy)

    tokens = [tk for tk in _kiwi.tokenize(text) if start <= tk.start < end]
    return tuple(scan(tokens, text, query=query)[0])


def _query_primaries(text: str, query: bool) -> list[str]:
    text = _view(unicodedata.normalize("NFC", text))[0].strip()
    if not text:
        return []
    if not HAS_HANGUL.search(text):
        return list(_primaries_in(text, 0, len(text), query))
    votes: Counter[tuple[str, ...]] = Counter()
    first_seen: dict[tuple[str, ...], int] = {}
    for rank, frame in enumerate(_FRAMES):
        framed = frame.format(text)
        at = frame.index("{}")
        reading = _primaries_in(framed, at, at + len(text), query)
        votes[reading] += 1
        first_seen.setdefault(reading, rank)
    best = max(votes, key=lambda r: (bool(r), votes[r], -first_seen[r]))
    return list(best)


def query_terms(word: str) -> list[str]:
    """Primary terms of one query word, to be AND-ed (건넜어요 → ['건너다']).

    A North Korean word with a South Korean equivalent (닭알) becomes that
    word (달걀), which the index holds for both. Returns ``[]`` when the word
    has nothing indexable (a particle, a pronoun, a stopword).
    """
    from moksori.korean import kiwi as _kiwi  # lazy: start-up (kiwipiepy)

    text = _view(unicodedata.normalize("NFC", word))[0].strip()
    if fold_diacritics(text.lower()).strip(".,;:!?'\"") in ENGLISH_STOPWORDS:
        return []
    core = text
    if HAS_HANGUL.search(text):
        content = [tk for tk in _kiwi.tokenize(text) if tk.tag in ("NNG", "NNP")]
        if content:
            core = text[content[0].start : content[-1].end]
    south = NK_VOCABULARY.get(core)
    if south is not None:
        return [south]
    return _query_primaries(text, query=True)


def phrase_terms(phrase: str) -> list[str]:
    """Primary terms of a quoted phrase, in order (for an FTS5 phrase query)."""
    return _query_primaries(phrase, query=False)


def term_spans(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """Surface spans of *text* with the terms (primary and extra) each produced.

    For highlighting: a span whose set meets the query's terms is a hit.
    Offsets are code points into *text*; spans are trimmed to letters/digits.
    """
    return term_spans_many([text])[0]


# Spans of recently highlighted passages. A researcher pages through hits and
# refines a query, and the common words' best passages come back again; Kiwi
# is most of a search's fixed cost, so each passage is analysed once. The
# cache belongs to one Kiwi instance (its options decide the spans).
_SPAN_CACHE_MAX = 20_000
_SPAN_CACHE_TEXT_MAX = 2_000  # characters; longer texts are rarely hits twice
_span_cache: dict[str, list[tuple[int, int, frozenset[str]]]] = {}
_span_cache_owner: list[int] = [0]


def term_spans_many(texts: list[str]) -> list[list[tuple[int, int, frozenset[str]]]]:
    """:func:`term_spans` of several texts in one Kiwi call (the hits of a search)."""
    from moksori.korean import kiwi as _kiwi  # lazy: start-up (kiwipiepy)

    owner = id(_kiwi.get_kiwi())
    if _span_cache_owner[0] != owner or len(_span_cache) > _SPAN_CACHE_MAX:
        _span_cache.clear()
        _span_cache_owner[0] = owner
    todo = list(dict.fromkeys(t for t in texts if t not in _span_cache))
    views = [_view(t) for t in todo]
    scanned: list[list[Span]] = []
    for tokens, (view, where) in zip(
        _kiwi.tokenize_many([v for v, _ in views]), views, strict=True
    ):
        spans: list[Span] = []
        scan(tokens, view, spans)
        if where is not None:  # view offsets -> offsets of the text, covering the span
            spans = [(where[a], where[b - 1] + 1, p, x, c) for a, b, p, x, c in spans]
        scanned.append(spans)
    compounds.resolve(s[4] for spans in scanned for s in spans if s[4] is not None)
    fresh = {text: _trimmed(text, spans) for text, spans in zip(todo, scanned, strict=True)}
    for text, found in fresh.items():
        if len(text) <= _SPAN_CACHE_TEXT_MAX:
            _span_cache[text] = found
    return [fresh[t] if t in fresh else _span_cache[t] for t in texts]


def _trimmed(text: str, spans: list[Span]) -> list[tuple[int, int, frozenset[str]]]:
    out: list[tuple[int, int, frozenset[str]]] = []
    for start, end, primary, extra, key in spans:
        parts = compounds.PARTS[key] if key is not None else ()
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start < end:
            out.append((start, end, frozenset(primary + extra + parts)))
    out.sort(key=lambda s: (s[0], s[1]))
    return out
