"""Person names written in Latin script: Western names and romanised Korean names.

Why: English summaries, field notes and translated transcripts name interviewees
("Kim Ji-min", "Ri Chol-su", "my friend Jane Doe", "Mr. Park"). A capitalised run
of words is a name when something vouches for it; the evidence sets the confidence:

* title (Mr., Dr., Pastor ...) or romanised Korean surname + given syllables: 0.9;
* a given name from the list (+ more capitalised words): 0.85, alone 0.7;
* a listed surname beside another capitalised word: 0.75, alone 0.55;
* a romanised Korean given name alone ("Okhee", "Seonwoo", two Korean syllables no list
  or gazetteer knows): 0.6 mid-sentence or beside a cue, 0.45 at a sentence start;
* only context ("my name is X", "X said", "X:", "founders: X, Y and Z") or a
  name-like shape (diacritics, -sson, -ová, -ski ...): 0.45, below the spreading
  threshold so a weak guess does not multiply itself through a document.

Words that are capitalised for other reasons (sentence starts, months, weekdays,
countries, organisations, "North Korea", "Hanawon") are not names. Titles are not
part of the span: "Ms. Jones" reports "Jones". Single-letter masks ("Ms. P") are
never reported. The evidence lists and cue patterns are in :mod:`english_cues`, the
romanised Korean forms in :mod:`romanised_names`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from moksori.protect.detect import sparse
from moksori.protect.detect.english_cues import (
    _COMMON,
    _FROM_PERSON,
    _GIVEN_SOMETHING,
    _KIN_TITLE_BEFORE,
    _KOREAN_PLACE,
    _LATIN,
    _LEFT_CUES,
    _NAME_SHAPE,
    _NAMING,
    _NOT_NAMES,
    _ORG_HEADS,
    _ORG_WORDS,
    _PARTICLES,
    _PLACE_LEFT,
    _REGIME,
    _RIGHT_CUES,
    _STREETY,
    _STRONG_LEFT,
    _STRONG_TITLES,
    _TITLES,
    _WORD_NAMES,
    _WORD_SHAPE,
    _fold,
    _load,
    address_zones,
    firm_zones,
)
from moksori.protect.detect.english_cues import (
    DATA as DATA,
)
from moksori.protect.detect.english_cues import (
    common_word as common_word,
)
from moksori.protect.detect.romanised_names import (
    given_alone,
    korean_full,
    korean_given,
    korean_over_common,
)
from moksori.protect.romanise import romanised_surnames
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import TokenisedText

NAME = "english_names"
TITLE = 0.9
KOREAN = 0.9
GIVEN_FULL = 0.85
KOREAN_GIVEN = 0.8
SURNAME_FULL = 0.75
GIVEN_ALONE = 0.7
KOREAN_ALONE = 0.6  # a romanised Korean given name alone, mid-sentence or cued
SURNAME_ALONE = 0.55
CONTEXT = 0.45

# A letter of any alphabet but Hangul, kana and Han: "Jenny라는" is the name "Jenny" and a
# Korean particle, so a Latin word ends where Korean or Chinese script begins.
_L = r"[^\W\d_\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7a3]"
_WORD = re.compile(rf"{_L}(?:{_L}|['’\-‐](?={_L}))*\.?")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_ORIGIN_LEFT = re.compile(
    r"\b(?:originally\s+from|grew\s+up\s+in|(?:was|were)\s+born\s+in|native\s+of)\s+$", re.I
)


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return _load("english_given_names.txt"), _load("english_surnames.txt"), romanised_surnames()


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    key: str  # folded, no trailing dot
    lower_line: bool = False  # in a line written all in lowercase

    @property
    def initial(self) -> bool:
        return len(self.key) == 1 and self.text[0].isupper()

    @property
    def cap(self) -> bool:
        return self.text[0].isupper() or self.lower_line


def _lower_lines(text: str) -> list[tuple[int, int]]:
    """Lines with letters but no capital: chat-style text where names are lowercase too."""
    out, pos = [], 0
    for line in text.split("\n"):
        if re.search(r"[a-z]", line) and not any(c.isupper() for c in line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    append = out.append  # a word at a time over every text: kept lean
    lower = _lower_lines(text)
    lower_starts = [a for a, _ in lower]
    for m in sparse.finditer(_WORD, text):
        word = m.group()
        start, end = m.span()
        if word[-1] == "." and len(word.rstrip(".")) > 1 and word[:-1].lower() not in _TITLES:
            word, end = word[:-1], end - 1  # a full stop, not an initial's dot
        if word.endswith(("'s", "’s")):
            word, end = word[:-2], end - 2
        low = False
        if lower:  # most texts have no all-lowercase line
            k = bisect.bisect_right(lower_starts, start) - 1
            low = k >= 0 and start < lower[k][1]
        if word.isascii():
            key = word.lower().strip(".")  # what _fold gives an ASCII word
        else:
            key = _fold(word)
            if key in _COMMON:
                key = word.lower().strip(".")  # "Ján" the name, not "Jan" the month
        append(_Tok(word, start, end, key, low))
    return out


def _joined(text: str, a: _Tok, b: _Tok) -> bool:
    """Two tokens belong to one name run: only a space (or an initial's dot) between."""
    gap = text[a.end : b.start]
    return gap in (" ", ". ") if a.initial or a.key in _TITLES else gap == " "


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;•-–—*"


def _runs(text: str, toks: list[_Tok]) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for t in toks:
        cap = t.cap
        ok = cap or (cur and t.key in _PARTICLES)
        if ok and cur and _joined(text, cur[-1], t):
            cur.append(t)
            continue
        if cur:
            runs.append(cur)
        cur = [t] if cap else []
    if cur:
        runs.append(cur)
    return runs


_LAST_WORD = re.compile(r"(\w+)\.?$")


def _trim(run: list[_Tok], text: str) -> tuple[list[_Tok], bool]:
    """Drop titles and capitalised non-names at the edges; say whether a title preceded."""
    titled = False
    while run and (run[0].key in _TITLES or run[0].key in _COMMON or run[0].key in _PARTICLES):
        titled = titled or run[0].key in _STRONG_TITLES
        run = run[1:]
    while run and (run[-1].key in _COMMON or run[-1].key in _PARTICLES):
        run = run[:-1]
    if run and not titled:
        before = text[max(0, run[0].start - 40) : run[0].start].rstrip()  # a window: O(n)
        m = _LAST_WORD.search(before)
        titled = bool(m and m.group(1).lower() in _STRONG_TITLES)
    return run, titled


def _split_at_common(run: list[_Tok]) -> list[list[_Tok]]:
    parts: list[list[_Tok]] = [[]]
    for t in run:
        if t.key in _COMMON or t.key in _TITLES and parts[-1]:
            parts.append([])
            if t.key in _TITLES:
                parts[-1].append(t)
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """The run is all its line says, bar list marks: a signature, a form field, a heading."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start].strip(" \t>?*•|#-–")
    after = text[end:] if line_end == -1 else text[end:line_end]
    return before == "" and line_end != -1 and after.strip() == ""


def _middle_initial(run: list[_Tok]) -> bool:
    """ "Faina D. Yefremova", "benjamin a seiler": word, one letter, word."""
    return (
        len(run) == 3
        and len(run[1].key) == 1
        and not run[0].initial
        and not run[2].initial
        and len(run[0].key) > 1
        and len(run[2].key) > 1
    )


def _score_lower(run: list[_Tok], keys: list[str], text: str) -> float:
    """A line in lowercase: only the lists, a middle initial or a strong cue vouch for names."""
    given, surnames, _ = _lists()
    start, end = run[0].start, run[-1].end
    listed_first = keys[0] in given and keys[0] not in _COMMON
    multi = len(keys) >= 2
    if multi and listed_first and len(keys) <= 3:
        return GIVEN_ALONE
    any_listed = any((k in given or k in surnames) and k not in _COMMON for k in keys)
    if _middle_initial(run) and any_listed:
        return GIVEN_ALONE
    if multi and len(keys) <= 3 and any_listed and _alone_on_line(text, start, end):
        return CONTEXT
    left = text[max(0, start - 40) : start]
    if not multi and listed_first and keys[0] not in _WORD_NAMES and _STRONG_LEFT.search(left):
        return GIVEN_ALONE
    return 0.0


def _score(run: list[_Tok], text: str, titled: bool) -> float:
    given, surnames, _ = _lists()
    keys = [t.key for t in run if not t.initial and t.key not in _PARTICLES]
    if not keys:
        return 0.0
    start, end = run[0].start, run[-1].end
    left = text[max(0, start - 40) : start]
    right = text[end : end + 30]
    multi = len(keys) >= 2
    if titled:
        return TITLE
    naming = _NAMING.search(left) or _GIVEN_SOMETHING.match(right)
    if naming and len(keys) <= 3 and not any(k in _COMMON or k in _ORG_WORDS for k in keys):
        listed_first = keys[0] in given and keys[0] not in _WORD_NAMES
        return max(CONTEXT, GIVEN_ALONE if listed_first else 0.0)
    if run[0].lower_line:
        return _score_lower(run, keys, text)
    if any(k in _ORG_WORDS for k in keys) or not _LATIN.search(text[start:end]):
        return 0.0
    if _STREETY.match(right) or re.search(r"\d[ \t]*$", left):
        return 0.0
    listed = any(k in given or k in surnames for k in keys)
    caps = all(t.text.isupper() for t in run if not t.initial)
    if _middle_initial(run) and not caps:
        return GIVEN_FULL  # "Valida M. Ibragimov": places and firms rarely have a middle initial
    right_cue = bool(_RIGHT_CUES.match(right))
    left_cue = bool(_LEFT_CUES.search(left))
    placey = _PLACE_LEFT.search(left) and not left_cue and not (multi and right_cue)
    if not listed and (caps or placey):
        return 0.0
    if _ORIGIN_LEFT.search(left):
        return 0.0  # "originally from Dolores", "grew up in Shelly Park": a home town
    if keys[0] in given and multi:
        return GIVEN_FULL
    if any(k in surnames for k in keys) and multi:
        return SURNAME_FULL
    initial_pos = _sentence_initial(text, start)
    cue = left_cue or right_cue
    if keys[0] in given:
        if not multi and initial_pos and keys[0] in _WORD_NAMES and not cue:
            return 0.0
        return GIVEN_ALONE
    if not multi and initial_pos and right_cue and keys[0] not in _COMMON:
        return CONTEXT
    if _alone_on_line(text, start, end) and multi and len(keys) <= 3:
        return CONTEXT
    if any(k in surnames for k in keys):
        return SURNAME_ALONE if (cue or not initial_pos) else CONTEXT
    named = [t for t in run if not t.initial and t.key not in _PARTICLES]
    suffixed = any(_NAME_SHAPE.search(t.key) and not _WORD_SHAPE.search(t.key) for t in named)
    shaped = suffixed or any(t.key != t.text.lower() for t in named)
    if cue and (not initial_pos or multi or shaped):
        return CONTEXT
    if shaped and multi and not initial_pos:
        return CONTEXT
    if suffixed and (multi or not initial_pos) and len(keys) <= 3:
        return CONTEXT  # "than early Bulgakov", "Amadeo Vitorović from ..."
    return 0.0


_COORD_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|&)\s*")


def _coordinated(text: str, spans: list[Span], runs: list[list[_Tok]]) -> list[Span]:
    """Names in a list with a found name: "founders: Eklund, Michael and Hodge"."""
    out: list[Span] = []
    found = sorted((s.start, s.end) for s in spans)
    starts = [s for s, _ in found]
    for run in runs:
        if len(run) > 3 or any(t.key in _COMMON or t.key in _ORG_WORDS for t in run):
            continue
        a, b = run[0].start, run[-1].end
        i = bisect.bisect_right(starts, a)  # found[i - 1] starts at or before the run
        near = found[max(0, i - 2) : i + 2]  # the neighbours on each side: O(log n) a run
        if any(s <= a < e for s, e in near):
            continue
        for s, e in near:
            gap = text[e:a] if e <= a else text[b:s] if b <= s else None
            if gap is not None and _COORD_GAP.fullmatch(gap):
                out.append(Span(a, b, PiiType.PERSON, CONTEXT, NAME))
                break
    return out


_LIST_GAP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")


def _name_lists(text: str, toks: list[_Tok]) -> list[Span]:
    """Single words in a list where most are known names: "silvana, adam, chad and caleb"."""
    given, surnames, _ = _lists()
    out: list[Span] = []
    chain: list[_Tok] = []

    def flush() -> None:
        known = [t for t in chain if _listed(t.key, given, frozenset())]  # firms list surnames
        if len(chain) >= 3 and len(known) >= 2 and 2 * len(known) >= len(chain):
            for t in chain:
                if t.key not in _COMMON and (t.cap or t.lower_line):
                    conf = GIVEN_ALONE if t in known else CONTEXT
                    out.append(Span(t.start, t.end, PiiType.PERSON, conf, NAME))

    out += _lower_initials(text, toks, given, surnames)
    words = [t for t in toks if t.key not in ("and", "or")]  # the gap test reads them
    for prev, t in zip([None, *words], words, strict=False):
        if prev is not None and chain and chain[-1] is prev:
            if _LIST_GAP.fullmatch(text[prev.end : t.start]):
                chain.append(t)
                continue
        flush()
        chain = [t]
    flush()
    return out


def _lower_initials(
    text: str, toks: list[_Tok], given: frozenset[str], surnames: frozenset[str]
) -> list[Span]:
    """ "benjamin a seiler" in a lowercase line: word, one letter, word, one of them a name."""
    out: list[Span] = []
    for a, mid, b in zip(toks, toks[1:], toks[2:], strict=False):
        if not (a.lower_line and len(mid.key) == 1 and len(a.key) > 1 and len(b.key) > 1):
            continue
        if text[a.end : mid.start] != " " or text[mid.end : b.start] not in (" ", ". "):
            continue
        if _STREETY.match(text[b.end : b.end + 12]) or re.search(
            r"\d", text[a.start - 8 : a.start]
        ):
            continue  # "5670 r josé a madeira 1": a street
        if _listed(a.key, given, frozenset()) or _listed(b.key, frozenset(), surnames):
            out.append(Span(a.start, b.end, PiiType.PERSON, GIVEN_ALONE, NAME))
    return out


def _listed(key: str, given: frozenset[str], surnames: frozenset[str]) -> bool:
    return (key in given or key in surnames) and key not in _COMMON and key not in _WORD_NAMES


def detect(tokenised: TokenisedText) -> list[Span]:
    text = tokenised.text
    _, _, korean_surnames = _lists()
    spans: list[Span] = []
    leftovers: list[list[_Tok]] = []
    toks = _tokens(text)
    for raw in _runs(text, toks):
        orgish = len(raw) >= 2 and raw[0].key not in _STRONG_TITLES
        if orgish and any(t.key in _ORG_HEADS for t in raw[1:]):
            continue  # "Korea Hana Foundation": an organisation
        pieces = [raw]
        kor = korean_over_common(raw, korean_surnames)
        if kor is not None:  # "Choe Kum Sun", "Park Ji Young": syllables that are words too
            spans.append(Span(raw[kor[0]].start, raw[kor[1] - 1].end, PiiType.PERSON, KOREAN, NAME))
            pieces = [raw[: kor[0]], raw[kor[1] :]]
        for part in (p for piece in pieces for p in _split_at_common(piece)):
            run, titled = _trim(part, text)
            if not run or all(t.initial for t in run):
                continue
            if " ".join(t.key for t in run) in _NOT_NAMES:
                continue
            kor = korean_full(run, korean_surnames)
            if kor is not None:
                i, j = kor
                spans.append(Span(run[i].start, run[j - 1].end, PiiType.PERSON, KOREAN, NAME))
                rest = [run[:i], run[j:]]
                leftovers += [r for r in rest if r]
                continue
            if len(run) == 1 and _KOREAN_PLACE.search(run[0].text) and not titled:
                if not _RIGHT_CUES.match(text[run[0].end : run[0].end + 30]):
                    continue  # "near the Mok-dong apartments": a neighbourhood
            if len(run) == 1 and "-" in run[0].text and korean_given(run[0].text, 1):
                conf = TITLE if titled else KOREAN_GIVEN
                spans.append(Span(run[0].start, run[0].end, PiiType.PERSON, conf, NAME))
                continue
            if text[run[-1].end : run[-1].end + 1] == "@" or text[
                run[0].start - 1 : run[0].start
            ] in (
                "@",
                "/",
            ):
                continue  # part of an e-mail or web address, reported as such
            if _REGIME.match(text, run[-1].end) and not titled:
                continue  # "the Kim regime", "the Park administration": a government
            conf = _score(run, text, titled)
            if conf == 0 and len(run) == 1 and run[0].key in korean_surnames:
                if _KIN_TITLE_BEFORE.search(text, max(0, run[0].start - 24), run[0].start):
                    conf = SURNAME_ALONE
            if len(run) == 1 and conf < KOREAN_ALONE and given_alone(run[0].text, run[0].key):
                conf = max(conf, _alone_score(text, run[0]))
            before = text[max(0, run[0].start - 8) : run[0].start]
            after = text[run[0].end : run[0].end + 1]
            if len(run) == 1 and conf <= CONTEXT and after == "," and _THE_BEFORE.search(before):
                conf = 0.0  # "Marie, the Packager, said": a title, not a name
            if conf > 0:
                spans.append(Span(run[0].start, run[-1].end, PiiType.PERSON, conf, NAME))
            else:
                leftovers.append(run)
    spans += _coordinated(text, spans, leftovers)
    taken = {(sp.start, sp.end) for sp in spans}
    spans += [sp for sp in _name_lists(text, toks) if (sp.start, sp.end) not in taken]
    if zones := address_zones(text) + firm_zones(text):  # a street, a town, a firm
        spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in zones)]
    return employers(text, sorted(spans, key=lambda s: (s.start, s.end)))


_OF = re.compile(r"\s+of\s+")
_POSSESSIVE = re.compile(r"['’]s\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?")


def employers(text: str, spans: list[Span]) -> list[Span]:
    """Without the body a full name is said with: "Josef Mališ of Importio", "Panjiva's
    Riku Andou" (a possessive straight before a full name is a firm's, not a person's)."""
    full = {s.end: s for s in spans if s.confidence >= GIVEN_FULL and " " in text[s.start : s.end]}
    starts = {s.start: s for s in full.values()}
    out = []
    for s in spans:
        if s.start not in starts and (m := _POSSESSIVE.match(text, s.end)) and m.end() in starts:
            continue
        before = text[max(0, s.start - 6) : s.start]
        if (m := _OF.search(before)) and m.end() == len(before):
            if s.start - len(before) + m.start() in full:
                continue
        out.append(s)
    return out


def _alone_score(text: str, tok: _Tok) -> float:
    """A romanised given name alone ("As Okhee put it", "not Seonwoo"): sure enough to
    spread mid-sentence or beside a cue; at a sentence start without a cue, a weak guess;
    after "in", "to", "from" without a cue, a place the gazetteer does not know."""
    left = text[max(0, tok.start - 40) : tok.start]
    cue = _LEFT_CUES.search(left) or _RIGHT_CUES.match(text, tok.end)
    if cue or _FROM_PERSON.search(left):
        return KOREAN_ALONE
    if _PLACE_LEFT.search(left) or _THE_BEFORE.search(left):
        return 0.0  # "in Dongsan", "near the Yanghwa fish factory": a place or a works
    return CONTEXT if _sentence_initial(text, tok.start) else KOREAN_ALONE


def listed_name(word: str) -> bool:
    """A word on the given-name or surname lists: for filters outside this detector."""
    given, surnames, romanised = _lists()
    key = _fold(word)
    return key in given or key in surnames or key in romanised
