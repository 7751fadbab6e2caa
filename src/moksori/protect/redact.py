"""The redacted view: stored text + findings + policy → redacted text and an offset map.

The stored text never changes; exports, reports and shared copies read
through this view. Replacements change lengths ("김순희" → "P07",
"2011년 3월 14일" → "2011년"), so every position (a coding, a segment) is
carried across with :meth:`RedactedView.map_range`: a range that starts or
ends inside a replaced span grows to cover the whole replacement, so a coded
quote never shows half a pseudonym.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from moksori.protect import role_words
from moksori.protect.entities import Entity
from moksori.protect.findings import Finding
from moksori.protect.policy import Policy, line_lang, tag
from moksori.protect.said_times import (
    age_band,
    checked_age,
    finer_than_year,
    in_sentence,
    period_as_said,
    relative_context,
    year_as_said,
)
from moksori.protect.spans import PiiType
from moksori.protect.widen import INSIDE_WORD, SEASON_SAID, season_as_year, widen
from moksori.protect.widen import has_final as _has_final

# When findings overlap, the widest wins, then the most confident, then the first type here.
PRIORITY = [t.value for t in PiiType]


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    text: str
    type: str


@dataclass
class RedactedView:
    original: str
    text: str
    replacements: list[Replacement]

    def __post_init__(self) -> None:
        self._starts = [r.start for r in self.replacements]
        self._new: list[tuple[int, int]] = []
        delta = 0
        for r in self.replacements:
            a = r.start + delta
            self._new.append((a, a + len(r.text)))
            delta += len(r.text) - (r.end - r.start)

    @property
    def new_spans(self) -> list[tuple[int, int]]:
        """Where each replacement stands in the redacted text."""
        return list(self._new)

    def _delta_before(self, i: int) -> int:
        """Length change of the replacements before index ``i``."""
        if i == 0:
            return 0
        r = self.replacements[i - 1]
        return self._new[i - 1][1] - r.end

    def map_start(self, pos: int) -> int:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.replacements[i].end:
            return self._new[i][0]
        return pos + self._delta_before(i + 1)

    def map_end(self, pos: int) -> int:
        i = bisect.bisect_left(self._starts, pos) - 1
        if i >= 0 and pos <= self.replacements[i].end:
            return self._new[i][1] if pos > self.replacements[i].start else self._new[i][0]
        return pos + self._delta_before(i + 1)

    def map_range(self, start: int, end: int) -> tuple[int, int]:
        s, e = self.map_start(start), self.map_end(end)
        return s, max(s, e)

    def slice(self, start: int, end: int) -> str:
        """The redacted text of an original range."""
        s, e = self.map_range(start, end)
        return self.text[s:e]


def build(text: str, replacements: Sequence[Replacement]) -> RedactedView:
    """Apply non-overlapping replacements (sorted here) to ``text``."""
    reps = sorted(replacements, key=lambda r: r.start)
    parts: list[str] = []
    pos = 0
    for r in reps:
        if r.start < pos:
            raise ValueError("replacements overlap")
        parts.append(text[pos : r.start])
        parts.append(r.text)
        pos = r.end
    parts.append(text[pos:])
    return RedactedView(text, "".join(parts), reps)


Render = Callable[[Finding], str]


def _union(findings: Sequence[Finding]) -> list[list[Finding]]:
    groups: list[list[Finding]] = []
    end = -1
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if groups and f.start < end:
            groups[-1].append(f)
            end = max(end, f.end)
        else:
            groups.append([f])
            end = f.end
    return groups


def _dominant(group: Sequence[Finding]) -> Finding:
    """The widest finding; on equal width the surer one ("연변" as a place at 0.9 beats
    a person guess at 0.55), then the type listed first."""
    return min(
        group,
        key=lambda f: (
            -(f.end - f.start),
            -round(f.confidence, 2),
            PRIORITY.index(f.type) if f.type in PRIORITY else 99,
        ),
    )


# Korean particles whose form follows the last syllable of the word before them.
_PARTICLES = {"은": "는", "이": "가", "을": "를", "과": "와", "으로": "로", "이랑": "랑"}
_PARTICLES.update({v: k for k, v in list(_PARTICLES.items())})
_AFTER_CONSONANT = {"은", "이", "을", "과", "으로", "이랑"}


# How the last digit of a pseudonym is read (Sino-Korean; 10, 20, 100 end in 십/백).
_DIGIT_READ = dict(zip("0123456789", "십일이삼사오육칠팔구", strict=True))


def _particle_fix(text: str, end: int, replacement: str) -> tuple[int, str] | None:
    """ "무산은" → "함경북도는": the particle after a replaced word, agreeing with the new
    word. Returns (new end, replacement + particle), or None when nothing changes."""
    if not replacement:  # removed ("142기로" → ""): its particle goes with it
        for particle in (
            "으로",
            "이랑",
            "은",
            "는",
            "이",
            "가",
            "을",
            "를",
            "과",
            "와",
            "로",
            "랑",
        ):
            after = end + len(particle)
            if text.startswith(particle, end) and (
                after >= len(text) or _has_final(text[after]) is None
            ):
                return after, ""
        return None
    # a tag is read by its word: "[장소]를", "[이름]이"
    spoken = replacement[:-1] if replacement.endswith("]") else replacement
    if not spoken:
        return None
    if spoken[-1] in _DIGIT_READ:  # "인물1" is read 인물일: "인물1은", "인물4는", "인물7로"
        spoken = spoken[:-1] + _DIGIT_READ[spoken[-1]]
    final = _has_final(spoken[-1])
    if final is None:
        return None
    for particle in ("으로", "이랑", "은", "는", "이", "가", "을", "를", "과", "와", "로", "랑"):
        if not text.startswith(particle, end):
            continue
        after = end + len(particle)
        if after < len(text) and _has_final(text[after]) is not None:
            return None  # a longer word follows ("무산이라는"): leave it
        last = spoken[-1]
        # after a final ㄹ, 으로 is 로 ("서울로"); otherwise any final consonant takes
        # the consonant form (은, 이, 을, 과, 으로, 이랑)
        consonant = final and not (particle in ("으로", "로") and (ord(last) - 0xAC00) % 28 == 8)
        right = particle if (particle in _AFTER_CONSONANT) == consonant else _PARTICLES[particle]
        if right == particle:
            return None
        return after, replacement + right
    return None


def replacements_for(text: str, findings: Sequence[Finding], render: Render) -> list[Replacement]:
    """One replacement per group of overlapping findings; repeated neighbours fold.

    "함경북도 무산군" is two place findings that both generalise to 함경북도:
    they become one "함경북도", not "함경북도 함경북도".
    """
    out: list[Replacement] = []
    groups = _union([widen(text, f) for f in findings])
    for i, group in enumerate(groups):
        top = _dominant(group)
        rep = Replacement(
            min(f.start for f in group), max(f.end for f in group), render(top), top.type
        )
        fixed = _particle_fix(text, rep.end, rep.text)
        following = min(f.start for f in groups[i + 1]) if i + 1 < len(groups) else len(text)
        if fixed is not None and fixed[0] <= following:  # never into the next finding
            rep = Replacement(rep.start, fixed[0], fixed[1], rep.type)
        before = out[-1].end if out else 0
        if not rep.text and rep.start > before and text[rep.start - 1] == " ":
            if rep.end >= len(text) or text[rep.end] in " \n.,":
                rep = Replacement(rep.start - 1, rep.end, "", rep.type)  # no double space
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == rep.type
            and prev.text == rep.text
            and rep.type in (PiiType.PLACE.value, PiiType.ADDRESS.value)
            and not text[prev.end : rep.start].strip()
        ):
            out[-1] = Replacement(prev.start, rep.end, prev.text, prev.type)
            continue
        out.append(rep)
    return out


@dataclass
class Renderer:
    """What one finding becomes, by policy, entity and the language of its line."""

    text: str
    policy: Policy
    entities: dict[int, Entity]
    generalise_place: Callable[[str, dict[str, object], str, str], str | None]

    def __call__(self, f: Finding) -> str:
        """Each generalisation is checked against the words of the finding itself
        (a detector's ``info`` is a guess): what cannot be checked becomes the tag."""
        t = PiiType(f.type)
        lang = line_lang(self.text, f.start, f.end)
        action = self.policy.action(t)
        said = self.text[f.start : f.end]
        if action == "keep":
            return said
        if t == PiiType.PERSON and action == "pseudonym":
            entity = self.entities.get(f.entity_id) if f.entity_id is not None else None
            return entity.label(lang) if entity else tag(t, lang)
        if t == PiiType.DATE and action in ("year", "period"):
            as_said = year_as_said if action == "year" else period_as_said
            year = as_said(said, f.info, lang)
            if year is not None:
                if finer_than_year(said) and relative_context(self.text, f.start, f.end):
                    return f"{year} 어느 날" if lang == "ko" else f"a day in {year}"
                if SEASON_SAID.search(said):
                    return season_as_year(self.text, f, said, year, lang)
                return in_sentence(self.text, f.start, year, lang)
        if t == PiiType.AGE and action == "band":
            aged = age_band(said, checked_age(said, f.info), lang)
            if aged is not None:
                return aged
        if t == PiiType.COHORT and action == "remove":
            return ""
        if (
            t == PiiType.PLACE
            and action in ("province", "region")
            and not _guessed(f)
            and not f.info.get(INSIDE_WORD)
        ):
            general = self.generalise_place(said, f.info, action, lang)
            if general:
                return general
        if t == PiiType.ROLE and action == "neutral":
            before = self.text[: f.start].rstrip(" \t\"'“‘(")
            start = not before or before[-1] in ".!?\n:"
            word = role_words.neutral(said, lang, sentence_start=start)
            if word:
                return word
        return tag(t, lang)


# A place only the learned model proposed, and not surely: its words may be an ordinary
# noun that is also a gazetteer name (광산, "a mine", and 광주's 광산구). Naming the
# province would then state a false place; the tag states nothing.
GUESS_DETECTOR = "learned"
SURE_PLACE = 0.8


def _guessed(f: Finding) -> bool:
    return f.detector == GUESS_DETECTOR and f.confidence < SURE_PLACE
