"""Kiwi tokens → index terms: what each morpheme, word and compound contributes.

The one scan behind :mod:`moksori.korean.terms` (index, query and highlighting alike):
primaries in text order, extras after them, and the keys of compounds whose parts
:mod:`moksori.korean.compounds` finds. What is indexed is described in
:mod:`moksori.korean.terms`; here is how: a noun word (nouns, numerals and their
suffixes written together: 하나원, 로동단련대) also gives the whole word, and two
noun words written apart give the two joined (로동 단련대 → 노동단련대), so a compound
is one term whichever way it is written; a verb + ``-아/어`` + auxiliary gives the
compound as written (도와 줬어요 → 도와주다) and the auxiliary; ``noun + 하다`` gives
the verb. A query (``query=True``) asks for the whole: the compound or the verb
replaces the terms of its parts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

import Stemmer

from moksori.korean import compounds, english_forms
from moksori.korean.compounds import clean, verb_key
from moksori.korean.orthography import NK_VOCABULARY, to_south

if TYPE_CHECKING:
    from kiwipiepy import Token

# Alternatives in one query term (as moksori.store.query reads them), which this layer
# cannot import: "a|b c" is the term a or the phrase "b c".
ALTERNATIVES = "|"

# What each Kiwi tag contributes.
_NOUN, _PLAIN, _VERB, _LATIN, _NUMBER, _SPLIT, _PROPER = range(7)
_KIND: dict[str, int] = {
    "NNG": _NOUN,
    "NNP": _PROPER,
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
# Suffix verbs that make a verb of the noun before them (일+했다, 조사+받고, 무산+됐다),
# and whether the suffix is a verb of its own as well (받다: 조사받다 is received).
_NOUN_VERBS: dict[str, bool] = {"하": False, "되": False, "시키": False, "받": True, "당하": True}
_NOUN_VERB_TAGS = frozenset({"XSV", "XSA", "VV"})
# A noun word: nouns and numerals written together (하나원, 로동단련대), with attached
# suffixes and bound nouns (단련+대), but not the plural 들 (녀성들 is 여성).
_WORD_HEAD = frozenset({"NNG", "NNP", "NR"})
_WORD_TAIL = frozenset({"XSN", "NNB"})
_PLURAL = "들"
# Endings after which a one-syllable stem may have lost a ㄹ (사+세요 → 살다).
_RIEUL_DROP = re.compile(r"^(?:시|셨|세|셔|십|는$)")
_RIEUL_TAGS = frozenset({"EP", "EF", "ETM"})

# Adverbs that carry no searchable content (안 묻고 → 묻다).
KOREAN_STOPWORDS: frozenset[str] = frozenset({"안", "못", "잘", "더", "또", "좀", "다", "막"})
ENGLISH_STOPWORDS: frozenset[str] = frozenset(
    """a an and are as at be been but by did do does for from had has have he her him
    his i if in into is it its me my of on or our she so than that the their them then
    there these they this those to was we were what when where which who whom will with
    would you your s t d ll m re ve eg ie etc""".split()
)

# Nouns this long are also split by Kiwi; proper nouns of three syllables are mostly
# names (국정원, 김철수), common nouns of three mostly compounds (중학교, 연락책).
_SPLIT_MIN = {_NOUN: 3, _PROPER: 4}

_WORD = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
HAS_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_STRIP_INSIDE = str.maketrans("", "", ".'’")
_APOSTROPHES = frozenset("'’")

_stemmer = Stemmer.Stemmer("english")


# Analysis of one morpheme: (primary terms, extra terms, compound key for
# :mod:`moksori.korean.compounds`).
_Analysis = tuple[tuple[str, ...], tuple[str, ...], str | None]
_cache: dict[tuple[str, int], _Analysis] = {}
_CACHE_MAX = 300_000
_EMPTY: _Analysis = ((), (), None)


def fold_diacritics(word: str) -> str:
    """café → cafe, İstanbul → istanbul (as FTS5's unicode61 would fold them)."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _english(form: str) -> list[str]:
    out = []
    for word in _WORD.findall(fold_diacritics(form.lower()).translate(_STRIP_INSIDE)):
        out.append(word if word.isdigit() else _stemmer.stemWord(english_forms.lemma(word)))
    return out


def _morpheme_terms(form: str, kind: int) -> _Analysis:
    """Terms of one (form, kind) pair; cached because forms repeat a lot."""
    if kind in (_NOUN, _PROPER):
        primary = to_south(form)
        extras: list[str] = []
        stripped = compounds.suffix_part(primary)
        if stripped is not None:
            extras.append(to_south(stripped))
        vocabulary = NK_VOCABULARY.get(form)
        if vocabulary is not None:
            extras.append(vocabulary)
        long = len(form) >= _SPLIT_MIN[kind] and _HANGUL_WORD.fullmatch(form)
        return clean((primary,)), clean(extras), form if long else None
    if kind == _VERB:
        lemma = to_south(form + "다")
        extras = []
        if lemma.endswith("하다") and len(lemma) > 2:
            extras.append(lemma[:-2])  # 일하다 → 일, as if written 일+하다
        return clean((lemma,)), clean(extras), verb_key(form)
    if kind == _PLAIN:
        if form in KOREAN_STOPWORDS:
            return _EMPTY
        return clean((to_south(form),)), (), None
    if kind == _LATIN:
        return clean(_english(form)), (), None
    if kind == _NUMBER:
        return clean(_WORD.findall(form.replace(",", ""))), (), None
    return clean(_WORD.findall(form)), (), None


_compounds: dict[str, tuple[str, ...]] = {}


def _compound(whole: str) -> tuple[str, ...]:
    """The term of a compound written as ``whole`` (cached: compounds repeat)."""
    found = _compounds.get(whole)
    if found is None:
        if len(_compounds) > _CACHE_MAX:
            _compounds.clear()
        found = _compounds[whole] = clean((whole,))
    return found


def _with_parts(whole: tuple[str, ...], parts: list[str]) -> list[str]:
    """A compound query word, or also its parts in a row when its last part is one
    syllable that Kiwi may read as part of an ending (노동단련대로 → 노동 단련 + 대로)."""
    heads = list(parts)
    while heads and len(heads[-1]) == 1:
        heads.pop()
    if len(whole) != 1 or len(heads) < 2 or len(heads) == len(parts):
        return list(whole)
    return [f"{whole[0]}{ALTERNATIVES}{' '.join(heads)}"]


# A span found while scanning: (start, end, primaries, extras, compound key).
Span = tuple[int, int, tuple[str, ...], tuple[str, ...], str | None]


def scan(
    tokens: Sequence[Token],
    text: str | None = None,
    spans: list[Span] | None = None,
    query: bool = False,
) -> tuple[list[str], list[str], list[str]]:
    """Primary terms, extra terms and compound keys (to resolve later) of a text.

    With ``text`` (what the tokens were made of), words written together or as
    ``verb-아/어 + verb`` also give the compound as written (하나원, 노동단련대,
    도와주다). With ``query``, such a compound replaces the terms of its parts, and
    ``noun + 하다`` gives the verb, not the noun: a query word asks for the whole.
    """
    primaries: list[str] = []
    extras: list[str] = []
    keys: list[str] = []
    noun_end = -1  # end offset of the last noun token, for adjacency
    noun_start = 0
    noun_term = ""
    noun_at = -1  # start of the last noun token and the index of its primary
    noun_index = 0
    run: list[str] = []  # adjacent noun forms, for NK vocabulary (닭+알)
    # The noun word being read: its tokens' surfaces, span and first primary's index,
    # and the previous word (surface, start, end) for two written apart (로동 단련대).
    word: list[str] = []
    word_start = word_end = -1
    word_index = 0
    last_word: tuple[str, int, int] | None = None
    # A verb, then its -아/어 ending: (state 1, 2), where it starts and its primary's index.
    verb_state = 0
    verb_start = verb_index = 0
    rieul: tuple[str, int] | None = None  # a one-syllable stem just read (사), for 살다
    previous = ("", -1, "")  # the token before: tag, end, form
    # Kiwi cuts some Latin words before a final period ("sh" + "elter."), so
    # adjacent SL tokens are joined back into one word before analysis.
    latin = ""
    latin_start = latin_end = -1
    apostrophe_end = -1  # end of an apostrophe right after a Latin word ("couldn'|t")
    left: tuple[int, int, str] | None = None  # "left" waiting for the word after it
    previous_latin = ""
    cache = _cache

    def terms_of(form: str, kind: int) -> _Analysis:
        analysis = cache.get((form, kind))
        if analysis is None:
            if len(cache) > _CACHE_MAX:
                cache.clear()
            analysis = cache[(form, kind)] = _morpheme_terms(form, kind)
        return analysis

    def add_extra(terms: tuple[str, ...], start: int, end: int, key: str | None = None) -> None:
        extras.extend(terms)
        if key is not None:
            keys.append(key)
        if spans is not None:
            spans.append((start, end, (), terms, key))

    def add_primary(terms: tuple[str, ...], start: int, end: int) -> None:
        primaries.extend(terms)
        if spans is not None and terms:
            spans.append((start, end, terms, (), None))

    def settle_left(after: str) -> None:
        nonlocal left
        if left is not None:
            a, b, before = left
            direction = english_forms.direction_left(before.lower(), after.lower())
            add_primary(("left",) if direction else terms_of("leave", _LATIN)[0], a, b)
            left = None

    def flush_latin() -> None:
        nonlocal left, previous_latin
        if left is not None:
            settle_left(latin)
        if len(latin) == 4 and latin.lower() == "left":
            left = (latin_start, latin_end, previous_latin)
        else:
            primary = terms_of(latin, _LATIN)[0]
            primaries.extend(primary)
            if spans is not None and primary:
                spans.append((latin_start, latin_end, primary, (), None))
        previous_latin = latin

    def close_word() -> None:
        nonlocal word, last_word
        whole = "".join(word)
        if len(word) > 1:
            term = _compound(whole)
            if query:
                primaries[word_index:] = _with_parts(term, primaries[word_index:])
            else:
                add_extra(term, word_start, word_end)
        if last_word is not None and not query and text is not None:
            before, start, end = last_word
            if end + 1 == word_start and text[end] == " ":
                add_extra(_compound(before + whole), start, word_end)
        last_word = (whole, word_start, word_end)
        word = []

    for tk in tokens:
        tag = tk.tag
        form = tk.form
        start = tk.start
        end = start + tk.len
        before_tag, before_end, before_form = previous
        previous = (tag, end, form)
        if tag in _WORD_HEAD or (query and tag == "IC"):
            if word and start != word_end:
                close_word()
            if not word:
                word_start, word_index = start, len(primaries)
            word.append(to_south(text[start:end] if text is not None else form))
            word_end = end
        elif word:
            if start == word_end and tag in _WORD_TAIL and form != _PLURAL:
                word.append(text[start:end] if text is not None else form)
                word_end = end
            else:
                close_word()
        if before_tag == "IC" and before_end == start and not query:
            # An ending on an "interjection" is a verb Kiwi misread: 아+세요 (알다).
            rieul = (before_form, start - len(before_form))
        if rieul is not None and tag in _RIEUL_TAGS and _RIEUL_DROP.match(form):
            key = compounds.rieul_key(rieul[0])
            if key is not None:
                add_extra((), rieul[1], end, key)
        rieul = None
        if tag == "SL":
            if start == latin_end or (latin and start == apostrophe_end):
                latin += form
            else:
                if latin:
                    flush_latin()
                latin = form
                latin_start = start
            latin_end = end
            noun_end = -1
            continue
        if latin and form in _APOSTROPHES and start == latin_end:
            # Kiwi splits couldn't / Kim's at the apostrophe; join the parts so
            # the word gives one term, not a stray "t" or "s".
            apostrophe_end = end
            latin += form
            continue
        if latin:
            flush_latin()
            latin = ""
            latin_end = -1
        if start == noun_end and form in _NOUN_VERBS and tag in _NOUN_VERB_TAGS:
            term = clean((noun_term + form + "다",))
            if query and noun_index < len(primaries):
                primaries[noun_index:] = term
            else:
                add_extra(term, noun_at, end)
                if _NOUN_VERBS[form]:
                    add_extra(clean((form + "다",)), start, end)
            verb_state, verb_start, verb_index = 1, noun_at, noun_index
            noun_end = -1
            continue
        if verb_state == 2 and (tag == "VX" or (form in compounds.AUX_STEMS and tag[:2] == "VV")):
            if text is not None:
                whole = to_south(_SPACES.sub("", text[verb_start:start])) + form + "다"
                term = clean((whole,))
                if query:
                    primaries[verb_index:] = term
                else:
                    add_extra(term + clean((form + "다",)), verb_start, end)
            verb_state = 1
            if tag == "VX" or query:
                noun_end = -1
                continue
        elif tag == "EC" and verb_state == 1 and form in compounds.INFINITIVE_ENDINGS:
            verb_state = 2
        elif not (verb_state == 2 and tag == "EP"):
            verb_state = 0
        kind = _KIND.get(tag)
        if kind is None and query and tag == "IC":
            kind = _NOUN  # a query word is no interjection: 아이 (child), not 아이 (oh)
        elif tag == "VX" and before_tag != "EC" and not query:
            # An auxiliary with no verb before it is a verb: 만드셨어요 (만들/VX). Not in a
            # query word: there the frames' vote sets a lone word's reading (지었어요).
            kind = _VERB
        if kind is None:
            noun_end = -1
            continue
        primary, extra, key = terms_of(form, kind)
        if kind == _VERB:
            verb_state, verb_start, verb_index = 1, start, len(primaries)
            if tag[:2] == "VV" and not query:
                rieul = (form, start)
        primaries.extend(primary)
        if extra:
            extras.extend(extra)
        if key is not None:
            keys.append(key)
        if spans is not None and (primary or extra):
            spans.append((start, end, primary, extra, key))
        if kind in (_NOUN, _PROPER) and primary:
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
            noun_at, noun_index = start, len(primaries) - len(primary)
        else:
            noun_end = -1
    if word:
        close_word()
    if latin:
        flush_latin()
    settle_left("")
    return primaries, extras, keys
