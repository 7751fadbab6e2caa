"""A pattern run only near the words every one of its matches must contain.

Why: the detectors run some two hundred patterns over every text, and a pattern
that starts with a lookaround or a word boundary makes the regex engine try
every position (10–20 ns a character). Most patterns need a literal somewhere
("살", "years old", "보위"): finding those literals is a fast scan, and the
pattern then runs only in a window around each occurrence.

The result is exactly ``pattern.finditer(text)``. The literals are read from the
pattern's own parse tree (every match contains one of them), and a window
reaches as far as the pattern can look from a match's start, including its
lookaheads, so each match is tried on the same characters as over the whole
text. A pattern with no usable literal, or with an unbounded repeat, runs over
the whole text as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import import_module
from typing import Any

# The regex engine's own parser (private modules, stable since Python 3.11).
P: Any = import_module("re._parser")
C: Any = import_module("re._constants")
_casefix: Any = import_module("re._casefix")

_MAX_LITERALS = 40  # more alternatives than this make the literal scan itself slow


class _Unbounded(Exception):
    """The pattern can match or look arbitrarily far: no window holds it."""


@dataclass(frozen=True)
class _Plan:
    triggers: re.Pattern[str]  # every literal, case-insensitively (a superset is safe)
    lowered: re.Pattern[str] | None  # the same over the lowered text, when that is as good
    before: int  # how far before its literal a match may start
    after: int  # how far a window runs past a literal's start
    trust: int  # a match starting this close to a window's cut may have read past it
    starts: bool  # a match may read without bound: try each possible start over the text
    anywhere: bool = False  # a match may start anywhere: only a text without them is skipped


_PLANS: dict[re.Pattern[str], _Plan | None] = {}
# The windows of each literal scan and reach over the last text seen.
_SEEN: dict[tuple[re.Pattern[str], int, int], list[tuple[int, int]] | None] = {}
_seen_text: str | None = None
_seen_lower: str | None = None  # its lower case, if that matches as IGNORECASE would
# Characters IGNORECASE matches to a letter that str.lower() does not give ('ſ' for s).
_EXTRA = re.compile(
    "["
    + "".join(
        re.escape(ch)
        for k, vs in _casefix._EXTRA_CASES.items()
        for ch in (chr(k), *map(chr, vs))
        if not ch.isascii()
    )
    + "]"
)
COVERED = 0.5  # windows over more of the text than this: one pass over it is cheaper
STARTS = 1 / 40  # a match tried at one start costs ~40 characters of a regex pass


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, found near the pattern's literals only."""
    plan = _PLANS[pattern] if pattern in _PLANS else _plan_of(pattern)
    if plan is None:
        return pattern.finditer(text)
    if plan.anywhere:
        return pattern.finditer(text) if _present(plan, text) else iter(())
    windows = _windows(plan, text)
    if windows is None:
        return pattern.finditer(text)
    if plan.starts:
        return _at_starts(pattern, text, windows)
    return _in_windows(pattern, plan, text, windows)


def _at_starts(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """Each possible start tried over the whole text, as finditer would, left to right."""
    match = pattern.match
    last = 0
    for a, b in windows:
        p = max(a, last)
        while p < b:
            m = match(text, p)
            if m is None:
                p += 1
                continue
            yield m
            last = p = m.end()  # never empty: a match holds a literal


def _in_windows(
    pattern: re.Pattern[str], plan: _Plan, text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    end = len(text)
    for a, b in windows:
        pos = a
        while True:
            m = pattern.search(text, pos, b)
            if m is None:
                break
            if b < end and m.start() + plan.trust > b:
                break  # the match may have read past the cut; no real match starts this late
            yield m
            pos = m.end()


def _present(plan: _Plan, text: str) -> bool:
    """Whether any of the plan's literals occurs in the text."""
    _see(text)
    key = (plan.triggers, -1, -1)
    if key not in _SEEN:
        if plan.lowered is not None and _seen_lower is not None:
            _SEEN[key] = [] if plan.lowered.search(_seen_lower) else None
        else:
            _SEEN[key] = [] if plan.triggers.search(text) else None
    return _SEEN[key] is not None


def _see(text: str) -> None:
    global _seen_text, _seen_lower
    if text is not _seen_text:
        _SEEN.clear()
        _seen_text = text
        low = text.lower()
        _seen_lower = low if len(low) == len(text) and not _EXTRA.search(text) else None


def _windows(plan: _Plan, text: str) -> list[tuple[int, int]] | None:
    """Where matches may lie, merged; None when that is most of the text anyway."""
    _see(text)
    key = (plan.triggers, plan.before, plan.after)
    if key in _SEEN:
        return _SEEN[key]
    if plan.lowered is not None and _seen_lower is not None:
        hits = plan.lowered.finditer(_seen_lower)
    else:
        hits = plan.triggers.finditer(text)
    out: list[tuple[int, int]] = []
    end = len(text)
    budget = (STARTS if plan.starts else COVERED) * end
    covered = 0
    for m in hits:
        start = m.start()
        a = max(0, start - plan.before)
        b = min(end, start + plan.after)
        if out and a <= out[-1][1]:
            covered += max(0, b - out[-1][1])
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            covered += b - a
            out.append((a, b))
        if covered > budget:
            _SEEN[key] = None  # one pass over the whole text is cheaper than these windows
            return None
    _SEEN[key] = out
    return out


def _plan_of(pattern: re.Pattern[str]) -> _Plan | None:
    plan: _Plan | None = None
    try:
        tree = list(P.parse(pattern.pattern, pattern.flags))
        found = _required(tree)
        if found is not None:
            literals, before = found[0], int(found[1])
            # Only where a literal starts matters: one that starts with another is redundant.
            literals = {w for w in literals if not any(w[:n] in literals for n in range(1, len(w)))}
            longest = max(len(s) for s in literals)
            # Lower-casing gives what IGNORECASE matches for ASCII and caseless literals.
            simple = all(_lowers_simply(ch) for s in literals for ch in s)
            lowered = re.compile(_trie({w.lower() for w in literals})) if simple else None
            triggers = re.compile(_trie(literals), re.IGNORECASE)
            if before >= C.MAXREPEAT or _worth(literals)[0] == 0:
                plan = _Plan(triggers, lowered, 0, 0, 0, False, anywhere=True)
            else:
                try:
                    # Two characters past all a match reads keep `$`, `\Z` and `\b` honest at
                    # a cut; a literal hidden inside an overlapping hit starts `longest` on.
                    trust = _reach(tree)[1] + 2
                    plan = _Plan(triggers, lowered, before, longest + trust, trust, False)
                except _Unbounded:  # a match reads without bound: try its possible starts
                    plan = _Plan(triggers, lowered, before, longest, 0, True)
    except (_Unbounded, re.error, RecursionError, KeyError, TypeError, ValueError):
        plan = None
    if len(_PLANS) > 4096:  # patterns built per call would otherwise pile up
        _PLANS.clear()
    _PLANS[pattern] = plan
    return plan


def _trie(words: set[str]) -> str:
    """The words as one regex branching on a character at a time: a few tests a position,
    not one per word."""
    heads: dict[str, set[str]] = {}
    for w in words:
        heads.setdefault(w[0], set()).add(w[1:])
    alts = []
    for head, tails in sorted(heads.items()):
        if "" in tails:
            alts.append(re.escape(head))  # the shorter word already marks the place
        else:
            alts.append(re.escape(head) + _trie(tails))
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _lowers_simply(ch: str) -> bool:
    """str.lower() gives what IGNORECASE matches: ASCII, Latin letters, caseless scripts."""
    return ch.isascii() or "\u00c0" <= ch <= "\u024f" or ch.lower() == ch.upper()


# --- the parse tree ------------------------------------------------------------------
_ONE = {C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY}


def _reach(items: list[tuple[Any, Any]]) -> tuple[int, int]:
    """(most characters a match consumes, furthest a match reads past its start)."""
    width = reach = 0
    for op, av in items:
        if op in _ONE:
            w, r = 1, 1
        elif op is C.AT:
            w, r = 0, 1  # a boundary looks at the next character
        elif op is C.SUBPATTERN:
            w, r = _reach(list(av[3]))
        elif op is C.ATOMIC_GROUP:
            w, r = _reach(list(av))
        elif op is C.BRANCH:
            pairs = [_reach(list(alt)) for alt in av[1]]
            w, r = max(p[0] for p in pairs), max(p[1] for p in pairs)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, high, sub = av
            if high == C.MAXREPEAT:
                raise _Unbounded
            sw, sr = _reach(list(sub))
            w = high * sw
            r = max(0, high - 1) * sw + sr if high else 0
        elif op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            w, r = 0, (_reach(list(sub))[1] if direction == 1 else 0)
        elif op is C.GROUPREF_EXISTS:
            _, yes, no = av
            pairs = [_reach(list(yes)), _reach(list(no)) if no else (0, 0)]
            w, r = max(p[0] for p in pairs), max(p[1] for p in pairs)
        else:
            raise _Unbounded  # a back-reference, or an op this reader does not know
        reach = max(reach, width + r)
        width += w
    return width, max(reach, width)


def _required(items: list[tuple[Any, Any]]) -> tuple[set[str], float] | None:
    """Literals one of which every match contains (matched case-insensitively), and how
    far from the match's start the one found may begin (MAXREPEAT: without bound)."""
    options: list[tuple[set[str], float]] = []
    run, run_at, pre = "", 0.0, 0.0
    for op, av in items:
        char = _char(op, av)
        if char is not None:
            run, run_at = (run + char, run_at) if run else (char, pre)
            pre += 1
            continue
        if run:
            options.append(({run}, run_at))
            run = ""
        sub: tuple[set[str], float] | None = None
        if op is C.SUBPATTERN:
            sub = _required(list(av[3]))
        elif op is C.ATOMIC_GROUP:
            sub = _required(list(av))
        elif op is C.BRANCH:
            alts = [_required(list(alt)) for alt in av[1]]
            if all(alts):
                sets = [a for a in alts if a]
                sub = set().union(*[a[0] for a in sets]), max(a[1] for a in sets)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            sub = _required(list(av[2]))  # in the first round
        elif op is C.IN and all(o is C.LITERAL for o, _ in av):
            sub = {chr(v) for _, v in av}, 0.0
        if sub:
            options.append((sub[0], pre + sub[1]))
        pre += _width([(op, av)])
    if run:
        options.append(({run}, run_at))
    options = [o for o in options if len(o[0]) <= _MAX_LITERALS]
    if not options:
        return None
    best = max(options, key=lambda o: (o[1] < C.MAXREPEAT, _worth(o[0]), -o[1]))
    return best[0], min(best[1], C.MAXREPEAT)


def _width(items: list[tuple[Any, Any]]) -> float:
    try:
        return _reach(items)[0]
    except _Unbounded:
        return C.MAXREPEAT


def _char(op: Any, av: Any) -> str | None:
    """One character the item must match: a literal, or a class of one letter's cases."""
    if op is C.LITERAL:
        return chr(av)
    if op is C.IN and av and all(o is C.LITERAL for o, _ in av):
        cases = {chr(v).lower() for _, v in av}
        if len(cases) == 1 and all(len(c) == 1 for c in cases):
            return cases.pop()
    return None


def _worth(literals: set[str]) -> tuple[int, int]:
    """Rarer is better: longer literals, then fewer of them. Worth nothing (not worth a scan):
    a common ASCII character or one of the commonest English words."""
    if any(
        s.lower() in _EVERYWHERE or len(s) == 1 and s.isascii() and s not in _RARE for s in literals
    ):
        return 0, -len(literals)
    return min(len(s) for s in literals), -len(literals)


_RARE = set("@#&%$|~^*+=<>[]{}\\_/")
_EVERYWHERE = {
    "a", "an", "the", "to", "at", "in", "on", "of", "is", "was", "and", "or", "my", "his",
    "her", "he", "she", "it", "i", "we", "you", "they", "for", "as", "be", "by", "that",
    "this", "with", "from", "our", "their", "are", "were", "not",
}  # fmt: skip
