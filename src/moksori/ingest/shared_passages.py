"""Long passages one document shares with another, found whatever their wrapping.

An NGO page may end with an article that another page also carries, merged into
a speaker's turn or wrapped and punctuated differently, so paragraph
fingerprints (:mod:`.duplicates`) miss it. Here a document is read as its
letters and digits only (NFKC, casefolded: spaces, line breaks, punctuation and
case are gone), every K-letter window is hashed, and winnowing keeps the
smallest hash of each W windows. Any common run of W + K - 1 letters shares
at least one kept hash, so the store can look a new document's hashes up in an
index instead of comparing it with every other document. Each shared hash is a
seed: it is extended letter by letter to the longest common run, runs a few
letters apart are joined (a changed word), and what is left is kept when it is
long enough and mostly not interview questions (the same questions are asked
of every participant, and that is not a shared article).
"""

from __future__ import annotations

import bisect
import json
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from moksori.korean.terms import EXTRA_SEPARATOR

if TYPE_CHECKING:
    import numpy as np

K = 20  # letters per hashed window
W = 40  # windows per winnowing window: a fingerprint every ~20 letters
MIN_WEIGHT = 270  # weighted length (duplicates.py's: Hangul/CJK count twice) to count
MIN_LETTERS = MIN_WEIGHT // 3  # fewer letters cannot weigh MIN_WEIGHT (Hangul: ~2.4 each)
MIN_SEEDS = 2  # shared fingerprints on one alignment before a document is compared
BAND_SEEDS = 3  # ... and on it or beside it (SLIP), near them: a run of 139 letters holds 3
SLIP = 2  # letters a scan's slip moves the alignment by (_EDITS)
GAP = 40  # letters of difference two runs may have between them and still be one passage
MAX_QUESTION_SHARE = 0.5  # a passage mostly made of questions is an interview guide
MAX_STOCK_SHARE = 0.5  # a passage mostly made of phrases other documents also use is stock
# Stock phrases joined by chance stay short; a run three times the floor whose phrases are
# a report's templates (each copy's own figures and places between them) is a copy.
LONG_WEIGHT = 3 * MIN_WEIGHT
MAX_STOCK_SHARE_LONG = 0.65
# A letter-for-letter stretch this long is a copy even of formulaic sentences; stock
# answers strung together by chance reached 281 (four in a row, in synthetic interviews).
VERBATIM_WEIGHT = 320
VERBATIM_LETTERS = VERBATIM_WEIGHT * 10 // 24  # the fewest letters that weigh it (Hangul)
WHOLE = 0.8  # a document holding this share of a passage's fingerprints holds the passage
VERSION = 1  # bump when the normalisation or hashing changes (store recomputes)

_WORD = re.compile(r"[^\W_]+")
_WIDE = re.compile("[\uac00-\ud7a3\u3130-\u318f\u4e00-\u9fff]")
_MASK = (1 << 62) - 1


@dataclass(frozen=True)
class Letters:
    """A text's letters and digits (normalised) and where each sits in the text."""

    chars: str
    offsets: np.ndarray  # int32, code point offset in the text of each letter

    def span(self, a: int, b: int, text: str) -> tuple[int, int]:
        """Text offsets (end exclusive) of letters a..b, with closing punctuation."""
        start = int(self.offsets[a])
        end = int(self.offsets[b - 1]) + 1
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        return start, end


_CLOSERS = frozenset(".!?。…)]}\"'”’»」』")


# Earlier documents' letters, most recently used last, at most EARLIER_LETTERS in all.
# A new document is compared with the earliest holders of its hashes (HOLDERS), so the
# same early documents come back again and again: on the 50 MB benchmark corpus 128
# documents answered 95% of the reads (8 answered 1%). Only the letters are kept (2
# bytes each for Hangul), not their offsets, which are made again for a passage found.
EARLIER_LETTERS = 10_000_000
_earlier: OrderedDict[tuple[int, int], str] = OrderedDict()
_earlier_size = 0
_earlier_lock = threading.Lock()  # a web server may add to two projects at once


def earlier_chars(text: str) -> str:
    """``letters(text).chars`` of an earlier document, cached (keyed by length and the
    process's salted string hash, so the cache holds no copy of the text)."""
    global _earlier_size
    key = (len(text), hash(text))
    with _earlier_lock:
        chars = _earlier.get(key)
        if chars is not None:
            _earlier.move_to_end(key)
            return chars
    chars = letters(text).chars
    with _earlier_lock:
        if key not in _earlier:
            _earlier[key] = chars
            _earlier_size += len(chars)
        while _earlier_size > EARLIER_LETTERS and len(_earlier) > 1:
            _earlier_size -= len(_earlier.popitem(last=False)[1])
    return chars


def forget_earlier() -> None:
    """Drop the cached letters (testimony, if only its letters): for when a project
    is closed or locked."""
    global _earlier_size
    with _earlier_lock:
        _earlier.clear()
        _earlier_size = 0


@lru_cache(maxsize=1)
def _alnum_table() -> np.ndarray:
    """Whether each code point is a letter or digit (``str.isalnum``, what ``_WORD``
    matches): one lookup per character instead of a regex match per word."""
    import numpy as np  # lazy: start-up (the store reads shared spans without numpy)

    return np.fromiter((chr(c).isalnum() for c in range(0x110000)), dtype=bool, count=0x110000)


def letters(text: str) -> Letters:
    """Casefolded NFKC letters and digits of ``text``, each with its offset."""
    import numpy as np  # lazy: start-up (the store reads shared spans without numpy)

    if unicodedata.is_normalized("NFKC", text):
        folded = text.casefold()
        if len(folded) == len(text):  # no ß → ss: offsets carry over as they are
            codes = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
            keep = _alnum_table()[codes]  # what _WORD matches, for every code point at once
            return Letters(
                codes[keep].tobytes().decode("utf-32-le"),
                np.flatnonzero(keep).astype(np.int32),
            )
    parts: list[str] = []
    offs: list[int] = []
    for m in _WORD.finditer(text):
        word = m.group()
        norm = unicodedata.normalize("NFKC", word).casefold()
        if len(norm) == len(word) and norm.isalnum():
            parts.append(norm)
            offs.extend(range(m.start(), m.end()))
            continue
        for i, ch in enumerate(word):  # rare: a ligature, a circled digit …
            for c in unicodedata.normalize("NFKC", ch).casefold():
                if c.isalnum():
                    parts.append(c)
                    offs.append(m.start() + i)
    return Letters("".join(parts), np.asarray(offs, dtype=np.int32))


def fingerprints(chars: str) -> list[tuple[int, int]]:
    """Winnowed (hash, letter position) pairs of a text's letters; stable across runs."""
    import numpy as np  # lazy: start-up (the store reads shared spans without numpy)

    n = len(chars) - K + 1
    if n <= 0:
        return []
    codes = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    base = np.uint64(1_000_003)
    with np.errstate(over="ignore"):
        for t in range(K):
            h = h * base + codes[t : t + n]
        h ^= h >> np.uint64(31)
        h *= np.uint64(0x9E3779B97F4A7C15)
        h ^= h >> np.uint64(29)
    h &= np.uint64(_MASK)
    if n <= W:
        picks = np.asarray([int(np.argmin(h))])
    else:
        windows = np.lib.stride_tricks.sliding_window_view(h, W)
        picks = np.unique(np.argmin(windows, axis=1) + np.arange(n - W + 1))
    return [(int(h[i]), int(i)) for i in picks]


def fingerprint_json(text: str) -> str:
    """A document's fingerprints as the store looks them up (``[[hash, pos], ...]``),
    computed where the document is read (an ingest worker), not where it is written."""
    return json.dumps(fingerprints(letters(text).chars), separators=(",", ":"))


@dataclass(frozen=True)
class Match:
    """One shared run: letter ranges in the new document and in the other one."""

    start: int
    end: int
    other_start: int
    other_end: int
    exact_start: int = 0  # the longest run inside it that is letter for letter the same
    exact_end: int = 0


def _back(a: str, i: int, b: str, j: int) -> int:
    """How many letters before a[i] and b[j] are the same."""
    lo = 0
    step = 64
    while step:
        while (
            step <= i - lo
            and step <= j - lo
            and a[i - lo - step : i - lo] == b[j - lo - step : j - lo]
        ):
            lo += step
        step //= 4
    return lo


def _ahead(a: str, i: int, b: str, j: int) -> int:
    """How many letters from a[i] and b[j] on are the same."""
    hi = 0
    step = 256
    while step:
        while a[i + hi : i + hi + step] == b[j + hi : j + hi + step] and (
            i + hi + step <= len(a) and j + hi + step <= len(b)
        ):
            hi += step
        step //= 4
    return hi


# A scan's slips: a letter dropped from either text, doubled, or misread.
_EDITS = ((1, 0), (0, 1), (1, 1), (2, 0), (0, 2))
BRIDGE = 8  # letters that must agree after a slip for a run to go on through it


def _figure(slipped: str) -> bool:
    """A digit is no slip: reports of one series differ in their figures only."""
    return any(c.isdigit() for c in slipped)


def _extend(a: str, i: int, b: str, j: int, length: int) -> Match:
    """The longest common run through a[i:i+length] == b[j:j+length], carried on
    through single slips (a letter dropped, doubled or misread, as OCR makes them)
    when the next BRIDGE letters agree again; the slips' neighbours have no seeds
    of their own, so without this a scanned copy falls apart into short runs."""
    back = _back(a, i, b, j)
    ahead = length + _ahead(a, i + length, b, j + length)
    start, other_start, end, other_end = i - back, j - back, i + ahead, j + ahead
    exact = (start, end)
    while True:  # on through slips
        for da, db in _EDITS:
            x, y = end + da, other_end + db
            if a[x : x + BRIDGE] != b[y : y + BRIDGE] or _figure(a[end:x] + b[other_end:y]):
                continue
            if (n := _ahead(a, x, b, y)) >= BRIDGE:
                if n > exact[1] - exact[0]:
                    exact = (x, x + n)
                end, other_end = x + n, y + n
                break
        else:
            break
    while True:  # back through slips
        for da, db in _EDITS:
            x, y = start - da, other_start - db
            if x < BRIDGE or y < BRIDGE or a[x - BRIDGE : x] != b[y - BRIDGE : y]:
                continue
            if not _figure(a[x:start] + b[y:other_start]):
                n = _back(a, x, b, y)
                if n > exact[1] - exact[0]:
                    exact = (x - n, x)
                start, other_start = x - n, y - n
                break
        else:
            break
    return Match(start, end, other_start, other_end, exact[0], exact[1])


def worth_comparing(
    seeds: Iterable[tuple[int, int]], docs_at: Mapping[int, Set[int]], partner: int
) -> bool:
    """Do some seeds line up (same offset between the two texts) as a copied run's do,
    and not as stock phrases do? Two on one alignment, and a third on it or a slip away
    near them (:func:`_band`): a verbatim run of 139 letters holds three (a Korean
    passage of ~180 characters; the floor's ~115 letters hold two, but a stock sentence
    also holds two: those were 3/4 of the comparisons on the benchmark corpus, which
    found 2 runs of its stock answers in them). The stock test is :func:`stock_share`'s,
    on the seeds alone, so most documents sharing only the corpus's phrases are never
    read."""
    return bool(_alignments(seeds, docs_at, partner))


def _alignments(
    seeds: Iterable[tuple[int, int]], docs_at: Mapping[int, Set[int]], partner: int
) -> list[int]:
    """The alignments (new position - other position) whose seeds make the two
    documents worth comparing (:func:`worth_comparing`)."""
    diagonals: dict[int, list[int]] = {}
    for i, j in seeds:
        diagonals.setdefault(i - j, []).append(i)
    found: list[int] = []
    for diagonal, positions in diagonals.items():
        if len(positions) < MIN_SEEDS:
            continue
        ordered = sorted(set(positions))
        if (
            _stock_share(ordered, docs_at, partner) <= MAX_STOCK_SHARE
            or _seeded_stretch(ordered) >= VERBATIM_LETTERS  # maybe verbatim (passage_counts)
        ) and _band(diagonal, ordered, diagonals) >= BAND_SEEDS:
            found.append(diagonal)
    return found


def promising(
    seeds: Sequence[tuple[int, int]], docs_at: Mapping[int, Set[int]], partner: int
) -> list[tuple[int, int]]:
    """The seeds worth extending: those within GAP of an alignment that makes the two
    documents worth comparing (a scan's slips move a copy's alignment a few letters
    at a time), none if there is none. A seed far off every such alignment is a stock
    phrase that happens to be in both; extending each of them was 3/4 of the work on
    the benchmark corpus, and a copy found from it alone would not have made the two
    documents worth comparing either."""
    alignments = sorted(_alignments(seeds, docs_at, partner))
    if not alignments:
        return []
    keep: list[tuple[int, int]] = []
    for i, j in seeds:
        k = bisect.bisect_left(alignments, i - j - GAP)
        if k < len(alignments) and alignments[k] <= i - j + GAP:
            keep.append((i, j))
    return keep


def _band(diagonal: int, ordered: Sequence[int], diagonals: Mapping[int, list[int]]) -> int:
    """Seeds on this alignment or one a slip or two away (±SLIP), no further than a
    winnowing window from its seeds: a stock sentence's two seeds stand alone."""
    lo, hi = ordered[0] - (W + K - 1), ordered[-1] + (W + K - 1)
    near = {
        (d, i)
        for d in range(diagonal - SLIP, diagonal + SLIP + 1)
        for i in diagonals.get(d, ())
        if lo <= i <= hi
    }
    return len(near)


def _seeded_stretch(positions: Sequence[int]) -> int:
    """Letters covered by the longest chain of seeds no more than a winnowing window
    apart (a verbatim run holds a seed in every W + K - 1 letters)."""
    best, start = 0, positions[0]
    for a, b in zip(positions, positions[1:], strict=False):
        if b - a > W + K - 1:
            start = b  # the chain breaks: a new one starts here
        else:
            best = max(best, b + K - start)
    return best


def shared_runs(new: str, other: str, seeds: Iterable[tuple[int, int]]) -> list[Match]:
    """Maximal common runs through seeds (new position, other position), joined
    across small differences, in order of position in ``new``."""
    runs: list[Match] = []
    for i, j in sorted(set(seeds)):
        if any(r.start <= i < r.end and r.start - r.other_start == i - j for r in runs[-4:]):
            continue  # inside a run already found on the same alignment
        if new[i : i + K] != other[j : j + K]:
            continue  # a hash collision
        runs.append(_extend(new, i, other, j, K))
    runs.sort(key=lambda r: (r.start, r.other_start))
    joined: list[Match] = []
    for r in runs:
        last = joined[-1] if joined else None
        if (
            last is not None
            and -K <= r.start - last.end <= GAP
            and -K <= r.other_start - last.other_end <= GAP
        ):
            longer = r if r.end - r.start > last.exact_end - last.exact_start else last
            joined[-1] = Match(
                last.start,
                max(last.end, r.end),
                min(last.other_start, r.other_start),
                max(last.other_end, r.other_end),
                longer.exact_start,
                longer.exact_end,
            )
        elif last is None or r.end > last.end:
            joined.append(r)
    return [r for r in joined if r.end - r.start >= MIN_LETTERS]


def weight(text: str) -> int:
    """Length as :mod:`.duplicates` weighs it: words one space apart, wide letters twice."""
    norm = " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))
    return len(norm) + len(_WIDE.findall(norm))


# A sentence or line that asks: ends with a question mark or a Korean asking ending,
# or is said by the interviewer.
_SENTENCE = re.compile(r"[^\n.!?。？]+[.!?。？]*")
_ASKING = re.compile(
    r"(\?|？|까요|나요|습니까|니까|ㅂ니까|세요|는지요|을까|ㄹ까|는가요|인가요)[\s\"'”’)]*$"
)
_STAMP = r"(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\)?\]?\s*)?"  # [00:01:02] before a label
_INTERVIEWER = re.compile(
    rf"^\s*{_STAMP}(Q\d*|I\d*|Interviewer\s*\d*|Int|Moderator|Researcher|Facilitator|"
    r"질문|문|면담자|면접자|면접원|면접관|연구자|조사자|조사원|진행자|사회자|인터뷰어)"
    r"\s*[:.)：]",
    re.IGNORECASE,
)
_LABEL = re.compile(rf"^\s*{_STAMP}\S{{1,20}}\s*[:：]")


def in_interviewer_line(text: str, at: int) -> bool:
    """Does ``text[at]`` sit in a line the interviewer's label opens? A passage found
    from its first shared letter on starts after the label ("I: ", "면담자: "), so
    :func:`question_share` would take the interviewer's opening turn for an answer."""
    return bool(_INTERVIEWER.match(text[text.rfind("\n", 0, at) + 1 : at]))


def question_share(text: str, interviewer: bool = False) -> float:
    """Share of a passage's weight in questions or interviewer lines (``interviewer``:
    its first line is the interviewer's, labelled before the passage starts)."""
    total = asked = 0
    for line in text.split("\n"):
        if _INTERVIEWER.match(line):
            interviewer = True
        elif _LABEL.match(line):
            interviewer = False  # another speaker's label
        for m in _SENTENCE.finditer(line):
            w = weight(m.group())
            total += w
            if interviewer or _ASKING.search(m.group().strip()):
                asked += w
    return asked / total if total else 0.0


def matched_weight(text: str, run: Match, letters_in_span: int) -> float:
    """The weight of a passage's text, less the differences its runs were joined across."""
    matched = min(run.end - run.start, run.other_end - run.other_start)
    return weight(text) * min(1.0, matched / max(letters_in_span, 1))


def stock_share(run: Match, docs_at: Mapping[int, Set[int]], partner: int) -> float:
    """Share of a passage's fingerprints that documents without the whole passage also
    have: phrases the corpus uses everywhere (interview questions, stock answers,
    a notice at the top of every transcript), joined by chance into one long run.

    ``docs_at`` maps each fingerprint position of the new document to the earlier
    documents holding that hash. A copied article's fingerprints are held by the
    same documents (those that carry the article); stock sentences' by many others.
    """
    positions = [p for p in docs_at if run.start <= p <= run.end - K]
    return _stock_share(positions, docs_at, partner)


def _stock_share(positions: Sequence[int], docs_at: Mapping[int, Set[int]], partner: int) -> float:
    if not positions:
        return 0.0
    held: dict[int, int] = {}
    for p in positions:
        for d in docs_at[p]:
            held[d] = held.get(d, 0) + 1
    whole = {d for d, n in held.items() if n >= WHOLE * len(positions)} | {partner}
    stock = sum(1 for p in positions if not docs_at[p] <= whole)
    return stock / len(positions)


def passage_counts(
    text: str,
    run: Match,
    docs_at: Mapping[int, Set[int]],
    partner: int,
    verbatim: str = "",
    interviewer: bool = False,
) -> bool:
    """Is this shared text a shared passage: long enough once its differences are left
    out, not an interview guide, and not stock phrases strung together?

    ``verbatim`` is the text of the run's longest letter-for-letter stretch. Stock
    phrases are short and each copy has its own words between them, so they rarely
    line up into one long stretch; a stretch of `VERBATIM_WEIGHT` is a copy, even when
    its sentences are the kind other documents use too (a report's formulas).
    ``interviewer``: the passage starts in an interviewer's line (:func:`in_interviewer_line`)."""
    letters_in_span = sum(len(w) for w in _WORD.findall(text))
    matched = matched_weight(text, run, letters_in_span)
    most = MAX_STOCK_SHARE_LONG if matched >= LONG_WEIGHT else MAX_STOCK_SHARE
    return (
        matched >= MIN_WEIGHT
        and question_share(text, interviewer) <= MAX_QUESTION_SHARE
        and (weight(verbatim) >= VERBATIM_WEIGHT or stock_share(run, docs_at, partner) <= most)
    )


def outside(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """The text of start..end without the given spans (pieces joined by a line break)."""
    pieces: list[str] = []
    pos = start
    for a, b in sorted(spans):
        if b <= pos or a >= end:
            continue
        if a > pos:
            pieces.append(text[pos:a])
        pos = max(pos, b)
    if pos < end:
        pieces.append(text[pos:end])
    return "\n".join(pieces)


def inside(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """The text of start..end that the given spans cover."""
    return "\n".join(
        text[max(a, start) : min(b, end)] for a, b in sorted(spans) if a < end and b > start
    )


_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")
_LOOK_AHEAD = 48  # letters between two terms' anchors: particles, endings, skipped words


def _anchors(term: str) -> list[str]:
    """What of an index term its text shows: the term, a verb's stem (건너다 → 건너),
    a stem's shorter beginnings (happi → happ), a Korean term's first syllable."""
    out = [term]
    if len(term) > 1 and term.endswith("다") and _HANGUL_SYLLABLE.match(term):
        out.append(term[:-1])
    out += [term[:n] for n in range(len(out[-1]) - 1, 2, -1)]
    if _HANGUL_SYLLABLE.match(term):
        out.append(term[0])
    return out


def split_terms(terms: str, text: str, shared: Sequence[tuple[int, int]]) -> tuple[str, str]:
    """A passage's index terms split into those of its own text and those of the text
    it shares (``shared``: spans in ``text``'s offsets), without analysing it again.

    Primary terms are in text order (:mod:`moksori.korean.terms`), so each is found at
    or after the previous one's place in the passage's letters (as written, as a stem,
    or by its first letters) and goes with the text it was found in; one not found
    (a spelling folded to the South's) goes with the text the search stands in.
    An extra term goes with the shared text only if only that text shows it."""
    import numpy as np  # lazy: start-up (the store reads shared spans without numpy)

    words = terms.split()
    cut = words.index(EXTRA_SEPARATOR) if EXTRA_SEPARATOR in words else len(words)
    found = letters(text)
    if not found.chars:
        return terms, ""
    mask = np.zeros(len(found.chars), dtype=bool)
    for a, b in shared:
        mask |= (found.offsets >= a) & (found.offsets < b)
    own: list[str] = []
    repeated: list[str] = []
    cursor = 0
    for term in words[:cut]:
        at = -1
        for anchor in _anchors(term):
            at = found.chars.find(anchor, cursor, cursor + _LOOK_AHEAD + len(anchor))
            if at >= 0:
                cursor = at + len(anchor)
                break
        where = min(at if at >= 0 else cursor, len(mask) - 1)
        (repeated if mask[where] else own).append(term)
    own_chars = "".join(c for c, m in zip(found.chars, mask, strict=True) if not m)
    shared_chars = "".join(c for c, m in zip(found.chars, mask, strict=True) if m)
    own_extra: list[str] = []
    repeated_extra: list[str] = []
    for term in words[cut + 1 :]:
        shown = _anchors(term)[:2]  # as written, or a verb's stem
        only_shared = not any(a in own_chars for a in shown) and any(
            a in shared_chars for a in shown
        )
        (repeated_extra if only_shared else own_extra).append(term)

    def joined(primary: list[str], extra: list[str]) -> str:
        return " ".join(primary + ([EXTRA_SEPARATOR, *extra] if extra else []))

    return joined(own, own_extra), joined(repeated, repeated_extra)
