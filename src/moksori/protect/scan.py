"""Detection over one text or a batch: detectors → masks → known names → spreading.

Why spread: interviewers write a name once in full ("김순희") and then by
given name, in speaker labels, or in the other script. Every string found as
a person anywhere in a document is found at every mention in that document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from moksori.protect import shared_list
from moksori.protect.detect import (
    english_names,
    identifiers,
    korean_names,
    nicknames,
    places,
    roles,
    sibling_names,
    speakers,
    surname_refs,
    temporal,
)
from moksori.protect.detect.korean_lexicon import lexicon
from moksori.protect.detect.masked import masks
from moksori.protect.learned.arbitrate import combine as learned_combine
from moksori.protect.learned.arbitrate_en import combine as learned_en_combine
from moksori.protect.romanise import romanisations, surname_id
from moksori.protect.shared_list import SharedList
from moksori.protect.spans import PiiType, Span, fold
from moksori.protect.tokenised import HANGUL, TokenisedText, iter_tokenised
from moksori.protect.visible import visible

Detector = Callable[[TokenisedText], list[Span]]

DETECTORS: list[Detector] = [
    korean_names.detect,
    speakers.detect,
    english_names.detect,
    places.detect,
    identifiers.detect,
    temporal.detect,
    roles.detect,
    nicknames.detect,
]

SPREAD_CONFIDENCE = 0.5  # only names a detector is fairly sure of are spread
PLACE_SPREAD_CONFIDENCE = 0.8  # places: gazetteer matches and admin units only
_SURNAMES_1 = set(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉경"
)


@dataclass(frozen=True)
class KnownName:
    """One person from the vault's known-names list: every alias, matched literally."""

    entity: str  # the entity GUID; never a name
    aliases: tuple[str, ...]


def _name_body(name: str) -> str:
    """A name as a regex, with any space or hyphen (or none) between its parts."""
    parts = [re.escape(p) for p in re.split(r"[\s\-‐]+", name.strip()) if p]
    return r"[\s\-‐]?".join(parts)


# Korean names take particles after them, but do not start mid-word.
_NOT_AFTER_HANGUL = r"(?<![\uac00-\ud7a3])"


_LATIN_NAME_WORD = re.compile(r"[A-Za-z]+")


def _squash(name: str) -> str:
    return re.sub(r"[\s\-‐]+", "", name).casefold()


@dataclass
class KnownMatcher:
    """The known-names list, matched in both scripts.

    Hangul aliases are matched as written; every hangul alias also brings its
    common romanisations (김순희 → Kim Soon-hee, Soonhee Kim, Gim Sun-hui …),
    so a name entered once in Korean is found in the English translation too.
    Latin text is matched word by word against a dictionary of squashed forms
    ("kimsoonhee"), which stays fast with hundreds of people.
    """

    hangul: list[tuple[re.Pattern[str], str]]
    latin: dict[str, str]  # squashed romanised form → entity GUID
    longest: int

    @classmethod
    def of(cls, known: Iterable[KnownName]) -> KnownMatcher:
        hangul: list[tuple[re.Pattern[str], str]] = []
        latin: dict[str, str] = {}
        longest = 1
        for person in known:
            for alias in person.aliases:
                alias = " ".join(alias.split())
                if not alias:
                    continue
                forms = [alias]
                if HANGUL.match(alias):
                    hangul.append(
                        (re.compile(_NOT_AFTER_HANGUL + _name_body(alias)), person.entity)
                    )
                    forms = romanisations(alias)
                    if len(alias) == 3 and alias[0] in _SURNAMES_1:
                        forms += romanisations(alias[1:])
                for form in forms:
                    latin.setdefault(_squash(form), person.entity)
                    longest = max(longest, len(re.split(r"[\s\-‐]+", form)))
        return cls(hangul, latin, longest)

    def find(self, text: str) -> list[Span]:
        out = [
            Span(m.start(), m.end(), PiiType.PERSON, 1.0, "known", {"entity": entity})
            for pattern, entity in self.hangul
            for m in pattern.finditer(text)
        ]
        if not self.latin:
            return out
        words = [(m.start(), m.end()) for m in _LATIN_NAME_WORD.finditer(text)]
        for i in range(len(words)):
            key = ""
            for n in range(min(self.longest + 1, len(words) - i)):
                a, b = words[i + n]
                if n and text[words[i + n - 1][1] : a] not in (" ", "-", "‐"):
                    break
                key += text[a:b].casefold()
                entity = self.latin.get(key)
                if entity is not None:
                    start = words[i][0]
                    out.append(Span(start, b, PiiType.PERSON, 1.0, "known", {"entity": entity}))
        return out


def variants(name: str) -> set[str]:
    """A name and the shorter forms people use: 김순희 → 순희; Kim Ji-min → Ji-min."""
    name = " ".join(name.split())
    out = {name}
    if HANGUL.fullmatch(name[0]) and len(name) == 3 and name[0] in _SURNAMES_1:
        if name[1:] not in lexicon().not_person:  # 윤령감 is old Yun: 령감 is every old man
            out.add(name[1:])
    parts = name.split()
    if len(parts) >= 2 and all(p[:1].isupper() for p in parts) and surname_id(parts[0]):
        given = " ".join(parts[1:])
        if "-" in given or len(given) >= 5:  # "Ji-min", "Soonhee"; not a bare "Min"
            out.add(given)
    return {v for v in out if len(v) >= 2}


class NameSpreader:
    """Finds every mention of a set of names: one regex per script, longest name first."""

    def __init__(self, names: Iterable[str]) -> None:
        ko: list[str] = []
        latin: list[str] = []
        for name in sorted(set(names), key=len, reverse=True):
            body = _name_body(name)
            if not body:
                continue
            (ko if HANGUL.match(name.strip()) else latin).append(body)
        self._ko = re.compile(rf"{_NOT_AFTER_HANGUL}(?:{'|'.join(ko)})") if ko else None
        self._latin = (
            re.compile(rf"(?<![\w])(?:{'|'.join(latin)})(?![\w])", re.IGNORECASE) if latin else None
        )

    def find(self, text: str, confidence: float = 0.6) -> list[Span]:
        out: list[Span] = []
        if self._ko is not None:
            out += [
                Span(m.start(), m.end(), PiiType.PERSON, confidence, "spread")
                for m in self._ko.finditer(text)
            ]
        if self._latin is not None:
            for m in self._latin.finditer(text):
                if m.group()[0].islower() and not _all_lower_line(text, m.start()):
                    continue  # "Grace" the name, not "by grace"
                out.append(Span(m.start(), m.end(), PiiType.PERSON, confidence, "spread"))
        return out


def _all_lower_line(text: str, pos: int) -> bool:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a : b if b >= 0 else len(text)]
    return not any(ch.isupper() for ch in line)


def _spread(text: str, spans: list[Span]) -> list[Span]:
    """Names to every mention; places a detector was sure of, too ("무산군에서 … 무산은")."""
    names: set[str] = set()
    places: dict[str, Span] = {}
    for s in spans:
        if s.type == PiiType.PERSON and s.confidence >= SPREAD_CONFIDENCE:
            names |= variants(text[s.start : s.end])
        elif s.type == PiiType.PLACE and s.confidence >= PLACE_SPREAD_CONFIDENCE:
            for word in _place_words(text[s.start : s.end]):
                places.setdefault(word, s)
    out = list(spans) + NameSpreader(names).find(text)
    if places:
        for m in NameSpreader(places).find(text):
            origin = places.get(text[m.start : m.end])
            info = dict(origin.info) if origin else {}
            out.append(Span(m.start, m.end, PiiType.PLACE, 0.6, "spread", info))
    return out


_ADMIN_SUFFIX = re.compile(
    r"(?:특별자치도|특별자치시|특별시|광역시|노동자구|구역|[도시군구읍면동리])$"
)


def _place_words(place: str) -> set[str]:
    """A place as written, each of its words, and each word without its admin suffix."""
    out = {place.strip()}
    for word in place.split():
        out.add(word)
        bare = _ADMIN_SUFFIX.sub("", word)
        if len(bare) >= 2:
            out.add(bare)
    return {w for w in out if len(w) >= 2}


# A word ending as a spoken sentence ends (했슴메, 왔시오, 갔소) is a verb, never a name or a
# place, whatever Kiwi made of a North Korean ending it does not know.
_SPOKEN_END = re.compile(
    r"[\uac00-\ud7a3](?:슴메|슴다|슴둥|슴까|시오|습네다|습니다|었소|았소|였소|갔소|했소|디요|지비"
    r"|네다|시라요|댔소|랬소)$"
)


def _verb_said(span: Span, said: str) -> bool:
    """A verb (했슴메) or a word of kinship (큰아바지) proposed as a name or a place."""
    if span.type not in (PiiType.PERSON, PiiType.PLACE) or span.detector == "known":
        return False  # what the user listed is hidden, whatever it looks like
    last = said[-1:]
    if last in "메다둥까오요비소":
        return bool(_SPOKEN_END.search(said))
    return last in "이매니지배재내들" and places.kin_word(said)


def _inside(span: Span, zones: Sequence[tuple[int, int]]) -> bool:
    return any(a <= span.start and span.end <= b for a, b in zones)


def not_identifying(shared: SharedList | None = None) -> SharedList:
    """Phrases the whole study population shares: the project's list, or the packaged one."""
    return shared if shared is not None else shared_list.DEFAULT


def detect_tokenised(
    tokenised: TokenisedText,
    known: Sequence[KnownName] | KnownMatcher = (),
    shared: SharedList | None = None,
) -> list[Span]:
    """Findings of one analysed text, as offsets of ``tokenised.text``: give it a
    :func:`moksori.protect.visible.visible` view, as :func:`detect_texts` does."""
    spans: list[Span] = []
    for detector in DETECTORS:
        spans += detector(tokenised)
    spans = learned_combine(tokenised, spans)  # the model judges Korean persons and places
    spans = learned_en_combine(tokenised, spans)  # and the English model, lines without hangul
    # After the model, which reads Kiwi's split or common noun: a surname glued to a title
    # (안비서: 안/MAG 비서) and a child named between a rank and an age (작은애 지수 다섯 살).
    spans += surname_refs.detect(tokenised, spans) + sibling_names.detect(tokenised)
    spans += (known if isinstance(known, KnownMatcher) else KnownMatcher.of(known)).find(
        tokenised.text
    )
    spans = _spread(tokenised.text, spans)
    zones, pseudonyms = masks(tokenised.text)
    gate = shared_list.Gate.of(tokenised.text, not_identifying(shared), spans, tokenised.tokens)
    kept = []
    for s in spans:
        if _inside(s, zones):
            continue
        if tokenised.text[s.start : s.end] in pseudonyms:  # a chosen pseudonym, of any type
            continue
        if _verb_said(s, tokenised.text[s.start : s.end]):
            continue
        if gate.drops(s, tokenised.text[s.start : s.end]):  # shared, cited, or a paper's context
            continue
        kept.append(s)
    return fold(_outside_places(kept, tokenised.text))


def _outside_places(spans: list[Span], text: str) -> list[Span]:
    """A Latin-script person proposed inside a gazetteer place is part of its name ("South
    [Pyongan]"): the place hides it, and as a person it would spread to other mentions.
    Hangul is left alone: a place merged over the next word may hold a name ("혜산 영철이")."""
    latin = [
        s
        for s in spans
        if s.type == PiiType.PERSON
        and s.detector != "known"
        and not HANGUL.search(text, s.start, s.end)
    ]
    places = [
        (p.start, p.end, p.confidence)
        for p in spans
        if latin and p.type == PiiType.PLACE and p.info.get("province")
    ]
    if not places:
        return spans
    return [
        s
        for s in spans
        if s.type != PiiType.PERSON
        or s.detector == "known"
        or HANGUL.search(text, s.start, s.end)
        or not any(
            a <= s.start and s.end <= b and (a, b) != (s.start, s.end) and c >= s.confidence
            for a, b, c in places
        )
    ]


def detect_texts(
    texts: Sequence[str], known: Sequence[KnownName] = (), shared: SharedList | None = None
) -> list[list[Span]]:
    """Findings of each text; Kiwi runs over the whole batch in one call.

    Detectors read each text's view without invisible characters (protect.visible);
    findings come back as offsets of the text given.
    """
    matcher = KnownMatcher.of(known)
    views = [visible(t) for t in texts]
    return [
        view.back(detect_tokenised(t, matcher, shared))
        for view, t in zip(views, iter_tokenised([v.text for v in views]), strict=True)
    ]


def detect_text(
    text: str, known: Sequence[KnownName] = (), shared: SharedList | None = None
) -> list[Span]:
    return detect_texts([text], known, shared)[0]
