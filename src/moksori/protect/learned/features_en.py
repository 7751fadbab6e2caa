"""Words of English lines and their features, for the English labeller.

Why these: in English a name is recognised by its case and shape (Young-chul,
O'Neill, McDonald), by the lists the rules use (given names, surnames,
romanised Korean syllables, the gazetteer) and by the words around it (Mr.,
my cousin, from, in, named, said). The rules' own spans are features too, so
the model learns when the rules mislead ("North Korean", "Amnesty
International") instead of being gated by them.

Only lines without hangul that hold a capitalised word are read: Korean lines
belong to the Korean model, and a line with no capital letter names no one a
model could find. Per-word features are cached; nothing is written anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from moksori.protect import gazetteer
from moksori.protect.learned.arbitrate import NEVER_DROP
from moksori.protect.romanise import is_korean_given, romanised_surnames
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import HANGUL

# A word: letters with inner hyphens (Young-chul) and apostrophes (O'Neill), but the
# possessive 's is a word of its own, so "Soon-hee's" is read as the name "Soon-hee".
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\-‐](?=[^\W\d_])|['’](?![sS]\b)(?=[^\W\d_]))*|\d+|\S")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_SENT_END = frozenset('.!?:;"“”')
SURE_PERSON = 0.9  # a rule person this sure is not judged (nor read, for speed)
WEAK_PLACE = 0.8  # a rule place below this, not on the gazetteer, is the model's to judge
_MARKED = {PiiType.PERSON: "PS", PiiType.PLACE: "LC", PiiType.ADDRESS: "AD"}

DATA = Path(__file__).resolve().parent.parent / "data"
# Titles and the heads of organisation names: this module's own lists, so the model's
# features do not change when a rule detector's internals do.
_TITLES = frozenset(
    """mr mrs ms miss mx dr rev pastor professor prof sir madam dame lady lord captain capt
    officer sergeant sgt elder deacon father sister brother auntie uncle grandma grandpa
    granny grandmother grandfather aunt comrade teacher judge president minister senator
    general colonel major lieutenant chairman chairwoman secretary""".split()
)
_ORG = frozenset(
    """inc corp corporation ltd llc co company group bank university universities college
    institute institution foundation foundations center centers centre centres ministry
    association committee council agency agencies party church hospital school academy
    international watch times news daily ilbo sinmun press service services board
    commission organization organisation network alliance coalition federation union
    society fund office bureau department army force forces guard police court assembly
    congress parliament government initiative project programme program review quarterly
    journal herald post tribune broadcasting radio television partners holdings solutions
    systems technologies airlines airways records studios media club league mart store
    stores shop market supermarket restaurant hotel factory mill mine farm cooperative
    company's brothers associates partners consulting labs electronics motors""".split()
)
# Words that announce a person, a place or an organisation on their right.
_PERSON_LEFT = frozenset(
    """mr mrs ms miss mx dr rev pastor professor prof sir madam comrade officer elder deacon
    my his her their our your cousin aunt auntie uncle brother sister mother father mom mum
    dad son daughter wife husband friend neighbour neighbor grandmother grandfather grandma
    grandpa niece nephew named called nicknamed name interviewee participant respondent
    informant defector teacher boss colleague classmate""".split()
)
_PLACE_LEFT = frozenset(
    """from in to at near into across crossed reached via toward towards outside inside
    around born village town city county province district region hometown""".split()
)
_ORG_LEFT = frozenset("the of at joined by for with".split())
_PERSON_RIGHT = frozenset(
    """said says told asked recalled remembered explained added noted replied who whose was
    is and had has , ( ' ’s""".split()
)


class Word(NamedTuple):
    form: str
    start: int  # code point in the whole text
    end: int


def words(line: str, offset: int) -> list[Word]:
    """The words, numbers and punctuation marks of one line, with whole-text offsets."""
    return [Word(m.group(), offset + m.start(), offset + m.end()) for m in _WORD.finditer(line)]


# A sentence ends at . ! ? (and closing quotes) before a space, unless the full stop is
# a title's or an initial's ("Mr. Kim", "T. Maida").
_SENT_BREAK = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’\-‐][^\W\d_]+)*")
_LOWER_WORD = re.compile(r"(?<![\w'’\-‐])[a-zà-öø-ÿ][a-zà-öø-ÿ'’\-‐]*")
_PRONOUN_I = frozenset({"I", "I'm", "I'd", "I've", "I'll", "I’m", "I’d", "I’ve", "I’ll"})


def _sentences(line: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_BREAK.finditer(line):
        before = line[start : m.start()].rsplit(None, 1)
        last = before[-1].rstrip(".").lower() if before else ""
        if line[m.start() - 1] == "." and (last in _TITLES or len(last) == 1):
            continue
        out.append((start, m.start()))
        start = m.end()
    if start < len(line):
        out.append((start, len(line)))
    return out


# Capitalised words that name no one and that no rule marks: the model reading a sentence
# only for them could not change what the scan reports (a place they name is the rules').
_NAMES_NO_ONE = frozenset(
    """korean koreans chinese japanese russian russians american americans mongolian thai
    lao laotian vietnamese cambodian burmese asian asians european western christian
    christians buddhist catholic protestant english joseonjok hwagyo north south east west
    northern southern korea china interviewer int participant respondent um umm hmm uh
    oh ah mm yeah yes no okay ok well so anyway""".split()
)


@lru_cache(maxsize=50_000)
def _names_no_one(word: str) -> bool:
    low = _fold(word)
    if low in _NAMES_NO_ONE or low in _lists()[3]:
        return True
    place = gazetteer.candidates(word) if len(word) >= 3 else ()
    return bool(place) and place[0].level in ("country", "province", "region")


def _worth(
    sentence: str, offset: int, lower: frozenset[str] | set[str], covered: Sequence[int] | None
) -> list[int]:
    """Where a sentence holds a word the model could call a name or a place (offsets).

    Not "I", not a first word the text also writes in lower case ("At first I …"). With
    ``covered`` (a scan: starts and ends of rule spans, flattened and sorted), only a word
    no rule span covers and that is not a demonym, country or region counts: the rules'
    own spans are judged through ``judge`` in :func:`english_sentences`.
    """
    out: list[int] = []
    for m in _CAP_WORD.finditer(sentence):
        word = m.group()
        before = sentence[: m.start()]
        if len(word) < 2 or word in _PRONOUN_I or _tag(before, sentence[m.end() :]):
            continue
        prefix = before.rstrip(" \"“‘'(")
        if (not prefix or prefix[-1] in ":]–—") and _ordinary(word, lower):
            continue  # a sentence's (or a turn's) first word, written in lower case too
        if covered is not None:
            if bisect_right(covered, offset + m.start()) % 2 == 1 or _names_no_one(word):
                continue  # inside a rule span (odd position: between a start and an end)
        out.append(offset + m.start())
    return out


def _tag(before: str, after: str) -> bool:
    """ "[EN]", "[sighs]": a bracketed tag, not a word of the sentence."""
    return before.endswith("[") and after.startswith("]")


def _ordinary(word: str, lower: frozenset[str] | set[str]) -> bool:
    """A first word the text also writes in lower case, itself or its stem
    ("At", "It's", "Honestly", "Thinking"): capitalised by its place, not a name."""
    low = word.lower()
    if low in lower or low in _NAMES_NO_ONE:
        return True
    base = re.split(r"['’]", low)[0]
    if base != low and base in lower:
        return True
    if low.endswith("ly") and len(low) >= 5 and low[:-2] in lower:
        return True
    return low.endswith("ing") and len(low) >= 6 and (low[:-3] in lower or low[:-3] + "e" in lower)


class Window(NamedTuple):
    """A sentence's words and the part of it the model reads (context may lie outside)."""

    words: list[Word]
    lo: int
    hi: int


# Words read on each side of a word worth reading (features see ±2; the rest is the
# chain's context). Out-of-fold on presidio-synth 6 tags as the whole sentence does, 3
# lost two places; 6 still spends ~25% less time in the English model than whole sentences.
WINDOW = 6


def english_sentences(
    text: str, rules: Sequence[Span] | None = None
) -> tuple[list[Window], frozenset[str]]:
    """The sentences of lines without hangul worth tagging, cut into words; and the
    lower-case words of those lines (a capitalised word also written in lower case is a
    word, not a name: "Methods" where the text says "methods").

    With ``rules`` (a scan), a sentence is read when it holds a rule person or a weak
    rule place (to judge it) or a word the rules left alone (to add it), and only
    :data:`WINDOW` words around them; training passes None and reads every sentence
    that may name someone, whole.
    """
    lines: list[tuple[int, str]] = []
    lower: set[str] = set()
    pos = 0
    for line in text.split("\n"):
        if line and not HANGUL.search(line):
            lower.update(_LOWER_WORD.findall(line))
            if _UPPER.search(line):
                lines.append((pos, line))
        pos += len(line) + 1
    covered: list[int] | None = None
    judge: list[int] = []
    if rules is not None:
        covered = _flat(sorted((s.start, s.end) for s in rules))
        judge = _flat(sorted((s.start, s.end) for s in rules if judged(s)))
    out: list[Window] = []
    for offset, line in lines:
        for a, b in _sentences(line):
            start, end = offset + a, offset + b
            points = _worth(line[a:b], start, lower, covered)
            if not points and not _overlaps(judge, start, end):
                continue
            seq = words(line[a:b], start)
            if not seq:
                continue
            if rules is None:
                out.append(Window(seq, 0, len(seq)))
                continue
            firsts = [w.start for w in seq]
            keep = [bisect_right(firsts, p) - 1 for p in points]  # the word holding each
            keep += [i for i, w in enumerate(seq) if _overlaps(judge, w.start, w.end)]
            lo, hi = (min(keep), max(keep)) if keep else (0, len(seq) - 1)
            out.append(Window(seq, max(0, lo - WINDOW), min(len(seq), hi + WINDOW + 1)))
    return out, frozenset(lower)


def judged(s: Span) -> bool:
    """A rule span the arbitration may drop: a person short of sure (not a title's name or
    a full Korean name: out-of-fold, the model never rightly dropped one), or a place
    found by context alone; never a speaker label, the vault's names, a spread name or a
    nickname."""
    if s.detector in NEVER_DROP:
        return False
    if s.type == PiiType.PERSON:
        return s.confidence < SURE_PERSON
    return s.type == PiiType.PLACE and not s.info.get("province") and s.confidence < WEAK_PLACE


def _flat(spans: list[tuple[int, int]]) -> list[int]:
    """Overlapping intervals merged, as one sorted list: start, end, start, end …"""
    out: list[int] = []
    for a, b in spans:
        if out and a <= out[-1]:
            out[-1] = max(out[-1], b)
        else:
            out += [a, b]
    return out


def _overlaps(flat: list[int], start: int, end: int) -> bool:
    i = bisect_right(flat, start)
    return i % 2 == 1 or (i < len(flat) and flat[i] < end)


def _fold(word: str) -> str:
    if word.isascii():
        return word.lower()
    nfkd = unicodedata.normalize("NFKD", word)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=100_000)
def _low(form: str) -> str:
    return _fold(form).strip(".")


def _shape(form: str) -> str:
    """Xxxx, XX, xx-xx, dd …: runs of one character class squeezed to two."""
    out: list[str] = []
    for ch in form:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if len(out) >= 2 and out[-1] == c and out[-2] == c:
            continue
        out.append(c)
    return "".join(out)


def _load(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(_fold(w) for x in lines if not x.startswith("#") for w in x.split())


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Given names, surnames, romanised Korean surnames, words capitalised for other reasons."""
    return (
        _load("english_given_names.txt"),
        _load("english_surnames.txt"),
        romanised_surnames(),
        _load("english_not_names.txt"),
    )


@lru_cache(maxsize=200_000)
def form_features(form: str) -> tuple[str, ...]:
    """Features of one word that do not depend on its neighbours."""
    low = _fold(form).strip(".")
    out = ["b", "w=" + low, "sh=" + _shape(form), "len=" + str(min(len(form), 8))]
    if not form[:1].isalpha():
        return tuple(out)
    out += ["p3=" + low[:3], "s2=" + low[-2:], "s3=" + low[-3:]]
    if form[:1].isupper():
        out.append("cap")
        if form.isupper() and len(form) > 1:
            out.append("allcap")
    given, surnames, korean, common = _lists()
    if low in given:
        out.append("given")
    if low in surnames:
        out.append("surname")
    if low in korean:
        out.append("ksur")
    if len(low) >= 2 and low not in korean and is_korean_given(low):
        out.append("kgiven-h" if "-" in low else "kgiven")
    if low in common:
        out.append("common")
    if low in _ORG:
        out.append("orghead")
    if low in _TITLES:
        out.append("title")
    if low in _PERSON_LEFT:
        out.append("pcue")
    if low in _PLACE_LEFT:
        out.append("lcue")
    if form[:1].isupper() and len(low) >= 3:
        found = gazetteer.candidates(form)
        if found:
            out.append("gaz")
            out.append("gaz=" + found[0].level)
            if found[0].country in ("KP", "KR", "CN"):
                out.append("gazk")
    if low.endswith(("ese", "ish", "ian", "ean", "ans", "ians")) and form[:1].isupper():
        out.append("nrp")  # Korean, Chinese, Japanese, British …: demonyms look alike
    return tuple(out)


@lru_cache(maxsize=100_000)
def _context_of(form: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a word tells its right neighbour, and what it tells its left one."""
    low = _fold(form).strip(".")
    cap = "C" if form[:1].isupper() else "l" if form[:1].isalpha() else "p"
    left = ["-1w=" + low, "-1c=" + cap]
    right = ["+1w=" + low, "+1c=" + cap]
    if low in _PERSON_LEFT or low in _TITLES:
        left.append("-1pcue")
    if low in _PLACE_LEFT:
        left.append("-1lcue")
    if low in _ORG:
        right.append("+1org")
    if low in _PERSON_RIGHT:
        right.append("+1pcue")
    return tuple(left), tuple(right)


def rule_marks(seq: Sequence[Word], rules: Sequence[Span]) -> list[str | None]:
    """For each word, the rule span that covers it as a feature ("rPSh"), or None."""
    marks: list[str | None] = [None] * len(seq)
    if not rules or not seq:
        return marks
    lo, hi = seq[0].start, seq[-1].end
    for s in rules:
        kind = _MARKED.get(s.type)
        if kind is None or s.end <= lo or s.start >= hi:
            continue
        b = "h" if s.confidence >= 0.8 else "m" if s.confidence >= 0.5 else "l"
        first = True
        for i, w in enumerate(seq):
            if w.start < s.end and s.start < w.end:
                mark = f"r{kind}{b}{'B' if first else 'I'}"
                first = False
                if marks[i] is None or kind == "PS":
                    marks[i] = mark
    return marks


def _after_title(seq: Sequence[Word], i: int) -> bool:
    """ "Mr. Kim": the full stop of a title does not end a sentence."""
    return i >= 2 and seq[i - 1].form == "." and _fold(seq[i - 2].form) in _TITLES


def featurise(
    seq: Sequence[Word], rules: Sequence[Span] = (), lo: int = 0, hi: int | None = None
) -> list[list[str]]:
    """One feature list per word of ``seq[lo:hi]`` (the words of one sentence, in order;
    the words around the window are its context)."""
    n = len(seq)
    hi = n if hi is None else hi
    a, b = max(0, lo - 2), min(n, hi + 2)
    own = [form_features(w.form) for w in seq[lo:hi]]
    ctx = [_context_of(w.form) for w in seq[a:b]]  # ctx[k - a] for word k
    marks = rule_marks(seq[a:b], rules)
    out: list[list[str]] = []
    for i in range(lo, hi):
        f = list(own[i - lo])
        if i == 0 or (seq[i - 1].form in _SENT_END and not _after_title(seq, i)):
            f.append("first")  # capitalised by the sentence, not by a name
        f += ctx[i - 1 - a][0] if i else ("BOS",)
        f += ctx[i + 1 - a][1] if i + 1 < n else ("EOS",)
        if i >= 2:
            f.append("-2w=" + _low(seq[i - 2].form))
        if i + 2 < n:
            f.append("+2w=" + _low(seq[i + 2].form))
        mark = marks[i - a]
        if mark is not None:
            f += ("r=" + mark[:3], "rc=" + mark[:4], "rb=" + mark[:3] + mark[4])
            prev = marks[i - 1 - a] if i > a else None
            if prev is not None:
                f.append("-1r=" + prev[:3])
        out.append(f)
    return out
