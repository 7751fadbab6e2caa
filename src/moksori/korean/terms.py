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
* English words (SL): lowercased, diacritics folded (café → cafe),
  Snowball-stemmed (crossed → cross). Stopwords are indexed, so a phrase
  keeps its word order ("my accent" ≠ "accent my"), but a bare query word
  that is a stopword is dropped (:func:`query_terms`). Numbers (SN) kept as
  digit runs.
* Not indexed: particles, endings, suffixes, pronouns (NP), bound nouns (NNB),
  determiners, interjections, auxiliary verbs (VX), punctuation, emoji.

Term string format (``index_terms``)::

    primary primary ... primary zzzextra extra extra ...

Primary terms (one or more per source token) are in text order, so FTS5
phrase queries over consecutive primary terms match. Extra terms — compound
parts (혜산시 → 혜산, 조선로동당 → 조선, 노동당, 노동), ``noun + 하다`` for
``noun + 하`` (일했다 → 일하다) and the noun of ``X하다`` verbs, South Korean
words for North Korean vocabulary (닭알 → 달걀) — come after the sentinel
:data:`EXTRA_SEPARATOR`, deduplicated, so they can be matched as single terms
but never sit between two primaries. A real word equal to the sentinel is
indexed as ``zzzextra0``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

import Stemmer
from kiwipiepy import Token

from moksori.korean import kiwi as _kiwi
from moksori.korean.orthography import NK_VOCABULARY, to_south

EXTRA_SEPARATOR = "zzzextra"

# What each Kiwi tag contributes.
_NOUN, _PLAIN, _VERB, _LATIN, _NUMBER, _SPLIT = range(6)
_KIND: dict[str, int] = {
    "NNG": _NOUN,
    "NNP": _NOUN,
    "XR": _PLAIN,
    "NR": _PLAIN,
    "MAG": _PLAIN,
    "SH": _PLAIN,
    "VV": _VERB,
    "VA": _VERB,
    "VV-R": _VERB,
    "VV-I": _VERB,
    "VA-R": _VERB,
    "VA-I": _VERB,
    "SL": _LATIN,
    "SN": _NUMBER,
    "W_SERIAL": _SPLIT,
    "W_URL": _SPLIT,
    "W_EMAIL": _SPLIT,
    "W_HASHTAG": _SPLIT,
    "W_MENTION": _SPLIT,
}
# "하" that makes a verb of the noun before it (일+했다, 공부+하다).
_HA_TAGS = frozenset({"XSV", "XSA", "VV"})

# Adverbs that carry no searchable content (안 묻고 → 묻다).
KOREAN_STOPWORDS: frozenset[str] = frozenset({"안", "못", "잘", "더", "또", "좀", "다", "막"})
ENGLISH_STOPWORDS: frozenset[str] = frozenset(
    """a an and are as at be been but by did do does for from had has have he her him
    his i if in into is it its me my of on or our she so than that the their them then
    there these they this those to was we were what when where which who whom will with
    would you your s t d ll m re ve eg ie etc""".split()
)

# Administrative and common noun suffixes: 혜산시 → 혜산, 탈북민 → 탈북.
NOUN_SUFFIXES: frozenset[str] = frozenset("시군도구동리읍면민자인당들원족부")
_MIN_PART = 2  # syllables; shorter parts are too ambiguous to index
_KIWI_SPLIT_MIN = 4  # nouns this long are also split by Kiwi (3-syllable ones are mostly names)

_WORD = re.compile(r"[^\W_]+")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_HAS_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_STRIP_INSIDE = str.maketrans("", "", ".'’")
_APOSTROPHES = frozenset("'’")

_stemmer = Stemmer.Stemmer("english")

# Stored text keeps invisible characters (ingest.normalise). Kiwi runs a word on across a
# ZWSP (탈북\u200b민 → 탈북민) and cuts one at a soft hyphen or a joiner (탈\u00ad북민 →
# 탈, 북, 민), so it reads a view: a ZWSP is a space (a word boundary), ZWNJ, ZWJ, WJ,
# U+FEFF, the soft hyphen and variation selectors are left out. The same set as
# protect.visible, which this layer cannot import (a test keeps the two equal).
ZWSP = "\u200b"
HIDDEN = "\u200c\u200d\u2060\ufeff\u00ad\ufe00-\ufe0f\U000e0100-\U000e01ef"
_HIDDEN_RUN = re.compile(f"[{HIDDEN}]+")
_INVISIBLE = re.compile(f"[{ZWSP}{HIDDEN}]")

# Analysis of one morpheme: (primary terms, extra terms, noun to split by Kiwi).
_Analysis = tuple[tuple[str, ...], tuple[str, ...], str | None]
_cache: dict[tuple[str, int], _Analysis] = {}
_parts: dict[str, tuple[str, ...]] = {}
_CACHE_MAX = 300_000
_EMPTY: _Analysis = ((), (), None)


def _clean(terms: Iterable[str]) -> tuple[str, ...]:
    """Make every term one lowercase unicode61 token (split on anything else)."""
    out: list[str] = []
    for term in terms:
        for piece in _WORD.findall(term.lower()):
            out.append(piece + "0" if piece == EXTRA_SEPARATOR else piece)
    return tuple(out)


def _suffix_part(word: str) -> str | None:
    """혜산시 → 혜산: the word without a known suffix, if ≥ 2 syllables remain."""
    if len(word) > _MIN_PART and word[-1] in NOUN_SUFFIXES:
        return word[:-1]
    return None


def _noun_parts(word: str) -> list[str]:
    """Canonical form plus suffix-stripped part of one noun (or compound part)."""
    south = to_south(word)
    out = [south]
    stripped = _suffix_part(south)
    if stripped is not None:
        out.append(to_south(stripped))
    return out


def _fold_diacritics(word: str) -> str:
    """café → cafe, İstanbul → istanbul (as FTS5's unicode61 would fold them)."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _english(form: str) -> list[str]:
    out = []
    for word in _WORD.findall(_fold_diacritics(form.lower()).translate(_STRIP_INSIDE)):
        out.append(word if word.isdigit() else _stemmer.stemWord(word))
    return out


def _morpheme_terms(form: str, kind: int) -> _Analysis:
    """Terms of one (form, kind) pair; cached because forms repeat a lot."""
    if kind == _NOUN:
        primary = to_south(form)
        extras: list[str] = []
        stripped = _suffix_part(primary)
        if stripped is not None:
            extras.append(to_south(stripped))
        vocabulary = NK_VOCABULARY.get(form)
        if vocabulary is not None:
            extras.append(vocabulary)
        compound = form if len(form) >= _KIWI_SPLIT_MIN and _HANGUL_WORD.fullmatch(form) else None
        return _clean((primary,)), _clean(extras), compound
    if kind == _VERB:
        lemma = to_south(form + "다")
        extras = []
        if lemma.endswith("하다") and len(lemma) > 2:
            extras.append(lemma[:-2])  # 일하다 → 일, as if written 일+하다
        return _clean((lemma,)), _clean(extras), None
    if kind == _PLAIN:
        if form in KOREAN_STOPWORDS:
            return _EMPTY
        return _clean((to_south(form),)), (), None
    if kind == _LATIN:
        return _clean(_english(form)), (), None
    if kind == _NUMBER:
        return _clean(_WORD.findall(form.replace(",", ""))), (), None
    return _clean(_WORD.findall(form)), (), None


# A span found while scanning: (start, end, primaries, extras, compound noun).
_Span = tuple[int, int, tuple[str, ...], tuple[str, ...], str | None]


def _scan(
    tokens: Sequence[Token], spans: list[_Span] | None = None
) -> tuple[list[str], list[str], list[str]]:
    """Primary terms, extra terms and compound nouns (to split later) of a text."""
    primaries: list[str] = []
    extras: list[str] = []
    compounds: list[str] = []
    noun_end = -1  # end offset of the last noun token, for adjacency
    noun_start = 0
    noun_term = ""
    run: list[str] = []  # adjacent noun forms, for NK vocabulary (닭+알)
    # Kiwi cuts some Latin words before a final period ("sh" + "elter."), so
    # adjacent SL tokens are joined back into one word before analysis.
    latin = ""
    latin_start = latin_end = -1
    apostrophe_end = -1  # end of an apostrophe right after a Latin word ("couldn'|t")
    cache = _cache

    def terms_of(form: str, kind: int) -> _Analysis:
        analysis = cache.get((form, kind))
        if analysis is None:
            if len(cache) > _CACHE_MAX:
                cache.clear()
            analysis = cache[(form, kind)] = _morpheme_terms(form, kind)
        return analysis

    def flush_latin() -> None:
        primary = terms_of(latin, _LATIN)[0]
        primaries.extend(primary)
        if spans is not None and primary:
            spans.append((latin_start, latin_end, primary, (), None))

    for tk in tokens:
        tag = tk.tag
        form = tk.form
        start = tk.start
        if tag == "SL":
            if start == latin_end or (latin and start == apostrophe_end):
                latin += form
            else:
                if latin:
                    flush_latin()
                latin = form
                latin_start = start
            latin_end = start + tk.len
            noun_end = -1
            continue
        if latin and form in _APOSTROPHES and start == latin_end:
            # Kiwi splits couldn't / Kim's at the apostrophe; join the parts so
            # the word gives one term, not a stray "t" or "s".
            apostrophe_end = start + tk.len
            latin += form
            continue
        if latin:
            flush_latin()
            latin = ""
            latin_end = -1
        if start == noun_end and form == "하" and tag in _HA_TAGS:
            term = noun_term + "하다"
            extras.append(term)
            if spans is not None:
                spans.append((noun_start, tk.end, (), (term,), None))
            noun_end = -1
            continue
        kind = _KIND.get(tag)
        if kind is None:
            noun_end = -1
            continue
        primary, extra, compound = terms_of(form, kind)
        primaries.extend(primary)
        if extra:
            extras.extend(extra)
        if compound is not None:
            compounds.append(compound)
        end = start + tk.len
        if spans is not None and (primary or extra):
            spans.append((start, end, primary, extra, compound))
        if kind == _NOUN and primary:
            if start == noun_end:
                run.append(form)
                for size in (2, 3):
                    south = NK_VOCABULARY.get("".join(run[-size:])) if len(run) >= size else None
                    if south is not None:
                        extras.append(south)
                        if spans is not None:
                            spans.append((noun_start, end, (), (south,), None))
            else:
                run = [form]
                noun_start = start
            noun_end = end
            noun_term = primary[0]
        else:
            noun_end = -1
    if latin:
        flush_latin()
    return primaries, extras, compounds


def _resolve_compounds(nouns: Iterable[str]) -> None:
    """Split unseen long nouns with Kiwi (whole word blocked) into :data:`_parts`."""
    pending = sorted({n for n in nouns if n not in _parts})
    if not pending:
        return
    if len(_parts) > _CACHE_MAX:
        _parts.clear()
    blocklist = [f"{n}/{tag}" for n in pending for tag in ("NNG", "NNP")]
    for noun, tokens in zip(pending, _kiwi.tokenize_many_blocked(pending, blocklist), strict=True):
        parts: list[str] = []
        for tk in tokens:
            if tk.tag in ("NNG", "NNP") and len(tk.form) >= _MIN_PART and tk.form != noun:
                parts.extend(_noun_parts(tk.form))
        _parts[noun] = _clean(dict.fromkeys(parts))


def _terms_string(primaries: list[str], extras: list[str], compounds: list[str]) -> str:
    for noun in compounds:
        extras.extend(_parts[noun])
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
    return terms_of_tokens(_kiwi.tokenize_many([_view(t)[0] for t in texts]))


def terms_of_tokens(
    token_lists: Iterable[Sequence[Token]], texts: Sequence[str] | None = None
) -> list[str]:
    """:func:`index_terms` from Kiwi tokens already at hand.

    Ingest tokenises each passage once and uses the tokens for both sentence
    boundaries and index terms; Kiwi is most of the cost of ingest. With ``texts``
    (what the tokens were made of), a text holding invisible characters is analysed
    again from its view, as :func:`index_terms` would.
    """
    token_lists = list(token_lists)
    if texts is not None:
        redo = [i for i, t in enumerate(texts) if _INVISIBLE.search(t)]
        views = _kiwi.tokenize_many([_view(texts[i])[0] for i in redo])
        for i, tokens in zip(redo, views, strict=True):
            token_lists[i] = tokens
    scanned = [_scan(tokens) for tokens in token_lists]
    _resolve_compounds(noun for _, _, compounds in scanned for noun in compounds)
    return [_terms_string(p, e, c) for p, e, c in scanned]


# Contexts a bare query word is analysed in; Kiwi tags a lone word differently
# from the same word in a sentence (건너서 alone → 건느다), so the reading most
# contexts agree on wins. The first frame breaks ties.
_FRAMES = ("어제 {}.", "{} 그리고", "그때 {} 그래서", "{}")


def _primaries_in(text: str, start: int, end: int) -> tuple[str, ...]:
    tokens = [tk for tk in _kiwi.tokenize(text) if start <= tk.start < end]
    return tuple(_scan(tokens)[0])


def _query_primaries(text: str) -> list[str]:
    text = _view(unicodedata.normalize("NFC", text))[0].strip()
    if not text:
        return []
    if not _HAS_HANGUL.search(text):
        return list(_primaries_in(text, 0, len(text)))
    votes: Counter[tuple[str, ...]] = Counter()
    first_seen: dict[tuple[str, ...], int] = {}
    for rank, frame in enumerate(_FRAMES):
        framed = frame.format(text)
        at = frame.index("{}")
        reading = _primaries_in(framed, at, at + len(text))
        votes[reading] += 1
        first_seen.setdefault(reading, rank)
    best = max(votes, key=lambda r: (votes[r], bool(r), -first_seen[r]))
    return list(best)


def query_terms(word: str) -> list[str]:
    """Primary terms of one query word, to be AND-ed (건넜어요 → ['건너다']).

    A North Korean word with a South Korean equivalent (닭알) becomes that
    word (달걀), which the index holds for both. Returns ``[]`` when the word
    has nothing indexable (a particle, a pronoun, a stopword).
    """
    text = _view(unicodedata.normalize("NFC", word))[0].strip()
    if _fold_diacritics(text.lower()).strip(".,;:!?'\"") in ENGLISH_STOPWORDS:
        return []
    core = text
    if _HAS_HANGUL.search(text):
        content = [tk for tk in _kiwi.tokenize(text) if tk.tag in ("NNG", "NNP")]
        if content:
            core = text[content[0].start : content[-1].end]
    south = NK_VOCABULARY.get(core)
    if south is not None:
        return [south]
    return _query_primaries(text)


def phrase_terms(phrase: str) -> list[str]:
    """Primary terms of a quoted phrase, in order (for an FTS5 phrase query)."""
    return _query_primaries(phrase)


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
    owner = id(_kiwi.get_kiwi())
    if _span_cache_owner[0] != owner or len(_span_cache) > _SPAN_CACHE_MAX:
        _span_cache.clear()
        _span_cache_owner[0] = owner
    todo = list(dict.fromkeys(t for t in texts if t not in _span_cache))
    views = [_view(t) for t in todo]
    scanned: list[list[_Span]] = []
    for tokens, (_, where) in zip(_kiwi.tokenize_many([v for v, _ in views]), views, strict=True):
        spans: list[_Span] = []
        _scan(tokens, spans)
        if where is not None:  # view offsets -> offsets of the text, covering the span
            spans = [(where[a], where[b - 1] + 1, p, x, c) for a, b, p, x, c in spans]
        scanned.append(spans)
    _resolve_compounds(s[4] for spans in scanned for s in spans if s[4] is not None)
    fresh = {text: _trimmed(text, spans) for text, spans in zip(todo, scanned, strict=True)}
    for text, found in fresh.items():
        if len(text) <= _SPAN_CACHE_TEXT_MAX:
            _span_cache[text] = found
    return [fresh[t] if t in fresh else _span_cache[t] for t in texts]


def _trimmed(text: str, spans: list[_Span]) -> list[tuple[int, int, frozenset[str]]]:
    out: list[tuple[int, int, frozenset[str]]] = []
    for start, end, primary, extra, compound in spans:
        parts = _parts[compound] if compound is not None else ()
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start < end:
            out.append((start, end, frozenset(primary + extra + parts)))
    out.sort(key=lambda s: (s[0], s[1]))
    return out
