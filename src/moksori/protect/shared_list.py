"""The project's shared list: words the whole study population shares, never personal data.

Why a list the user edits: "North Korea", "the Tumen River", "하나원" or
"Amnesty International" are named in every testimony and every paper about
it. Proposing them buries the real names among hundreds of findings, and
replacing them changes what the narrator said. Which words are shared depends
on the study, so the packaged list (data/places_not_identifying.txt) is only
the default: the project adds phrases (``allow``) and takes packaged ones out
(``deny``); both edits live in the project's settings, encrypted with it.

The list holds no names by definition (a phrase on it is one nobody is hidden
by), so its edits are recorded in the audit trail with the phrase itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from moksori.errors import DeidError
from moksori.protect import expository as expository_rules
from moksori.protect import expository_places
from moksori.protect.detect.english_cues import _ORG_HEADS
from moksori.protect.detect.voice import is_testimony
from moksori.protect.expository import participant
from moksori.protect.romanise import is_korean_given
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import Tok
from moksori.store import audit
from moksori.store.database import Connection, transaction

ALLOW_KEY = "deid.shared.allow"
DENY_KEY = "deid.shared.deny"
MAX_PHRASE = 80  # a phrase, not a paragraph

# Particles a Korean finding may carry ("북한에서", "하나원의"): the list holds the bare word.
_KO_PARTICLE = re.compile(
    r"(?:에서부터|으로부터|에서는|에서도|으로는|에게서|이라는|이라고|라는|에서|으로|에게|한테|까지|부터"
    r"|처럼|보다|하고|이랑|에는|에도|의|은|는|이|가|을|를|에|로|와|과|도|만|랑)$"
)


def key(phrase: str) -> str:
    """How a phrase is compared: one space between words, case folded, no leading "the"."""
    words = " ".join(phrase.split()).casefold()
    return words[4:] if words.startswith("the ") else words


@cache
def packaged() -> frozenset[str]:
    """The default list shipped with moksori (one phrase a line, any script)."""
    text = (files("moksori.protect") / "data" / "places_not_identifying.txt").read_text("utf-8")
    return frozenset(
        key(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True)
class SharedList:
    """The packaged phrases, plus the project's additions, minus its removals."""

    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()

    @property
    def phrases(self) -> frozenset[str]:
        return (packaged() | self.added) - self.removed

    def __contains__(self, said: object) -> bool:
        """Whether a found string is on the list, as written or without its Korean particle."""
        if not isinstance(said, str):
            return False
        phrases = self.phrases
        k = key(said)
        if k in phrases:
            return True
        bare = _KO_PARTICLE.sub("", k)
        return bare != k and len(bare) >= 1 and bare in phrases

    def to_json(self) -> dict[str, list[str]]:
        return {
            "phrases": sorted(self.phrases),
            "added": sorted(self.added),
            "removed": sorted(self.removed),
        }


DEFAULT = SharedList()


def _read(conn: Connection, name: str) -> frozenset[str]:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (name,)).fetchone()
    if row is None:
        return frozenset()
    try:
        values = json.loads(row[0])
    except ValueError:
        raise DeidError(f"the project setting {name} is damaged; set it again") from None
    return frozenset(key(str(v)) for v in values if str(v).strip())


def load(conn: Connection) -> SharedList:
    return SharedList(_read(conn, ALLOW_KEY), _read(conn, DENY_KEY))


def _check(phrase: str) -> str:
    k = key(phrase)
    if not k:
        raise DeidError("give a phrase, e.g.: moksori deid policy P allow 'North Korea'")
    if len(k) > MAX_PHRASE:
        raise DeidError(f"a shared phrase has at most {MAX_PHRASE} characters")
    return k


def _write(conn: Connection, name: str, values: frozenset[str]) -> None:
    conn.execute(
        "INSERT INTO setting(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (name, json.dumps(sorted(values), ensure_ascii=False)),
    )


def change(conn: Connection, phrase: str, *, allow: bool, actor: str | None = None) -> SharedList:
    """Put a phrase on the list (``allow``) or take it off; one transaction, audited."""

    k = _check(phrase)
    with transaction(conn) as c:
        now = load(c)
        added, removed = set(now.added), set(now.removed)
        if allow:
            removed.discard(k)
            if k not in packaged():
                added.add(k)
        else:
            added.discard(k)
            if k in packaged():
                removed.add(k)
        _write(c, ALLOW_KEY, frozenset(added))
        _write(c, DENY_KEY, frozenset(removed))
        audit.record(
            c,
            audit.Event(
                audit.Action.DEID_SHARED_LIST,
                targets={"trash": [audit.keep(c, "shared_list", {"phrase": k})]},
                choice="allow" if allow else "deny",
            ),
            actor=actor,
        )
    return load(conn)


# One reference in a citation: "Kim, 2015", "Lankov 2013", "Haggard & Noland, 2011",
# "Ministry of Unification, 2021", "Park et al. 2019a", "김영수, 2015: 12".
# An author's name: not a month, a season or a word that dates something ("(December
# 2023)", "(Session 2, 2023)", "(born 1987)" date an interview or a life, they cite nothing).
_NOT_AUTHOR = (
    r"(?!(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?[\s,]"
    r"|(?:Spring|Summer|Autumn|Fall|Winter|Session|Interview|Updated|Since|From|Until|Before"
    r"|After|Circa|Around|Born|Died|Left|Arrived|Age|Aged|Est|Approx|Early|Late|Mid|End"
    r"|Lunar|Chuseok|Christmas|Easter|New)\b"
    r"|(?:봄|여름|가을|겨울|작년|올해|면담|입국|출생|탈북|사망|당시)[\s,])"
)
_AUTHOR = rf"{_NOT_AUTHOR}(?:[A-Z][\w'’\-]+|[\uac00-\ud7a3]{{2,}})"
_YEAR_PAGES = r"(?:1[89]|20)\d\d[a-z]?(?:\s*[,:]\s*(?:pp?\.\s*)?\d+(?:[-–]\d+)?)?"
_REF = (
    rf"(?:(?:see|e\.g\.|cf\.|also)[,]?\s+){{0,2}}{_AUTHOR}"
    rf"(?:(?:\s+(?:and|&|of|the|for|de|van|von)|,)?\s+{_AUTHOR}|\s?[·ㆍ]\s?{_AUTHOR})*"
    r"(?:\s+et\s+al\.?|\s?외)?"
    rf",?\s+{_YEAR_PAGES}"
)
_CITATION = re.compile(rf"[(\[]\s*{_REF}(?:\s*;\s*{_REF})*\s*[)\]]")
# The authors of one work as a sentence names them: "Lankov", "Kim and Lee", "Choi, Yoon
# and Baek", "Park et al.", "김영수·이민호".
_AUTHORS = (
    rf"{_AUTHOR}(?:,\s+{_AUTHOR})*(?:,?\s+(?:and|&)\s+{_AUTHOR}|\s?[·ㆍ]\s?{_AUTHOR})?"
    r"(?:\s+et\s+al\.?|\s?외)?"
)
# "Sung (2019)", "Lankov (2013: 45)", "Kim and Lee's (2018) survey", "Hwang [2017, p. 12]".
_NARRATIVE = re.compile(rf"\b{_AUTHORS}(?:'s|’s)?\s?[(\[]{_YEAR_PAGES}[)\]]")
# Without brackets after a pointer: "see also Jung 2016 and Song, 2021", "cf. Ryu 2018".
_POINTED = re.compile(
    rf"\b(?:[Ss]ee|cf\.|e\.g\.)[,]?\s+(?:also\s+)?{_AUTHORS},?\s+{_YEAR_PAGES}"
    rf"(?:(?:\s*[,;]\s*|,?\s+and\s+){_AUTHORS},?\s+{_YEAR_PAGES})*"
)


_CITED_WORD = re.compile(r"[A-Z][\w'’\-]+|[\uac00-\ud7a3]{2,}")
_NOT_AUTHORS = frozenset({"See", "Also", "And", "The", "For", "Of", "Cf", "외"})
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+$")


def _cited(text: str, zones: Sequence[tuple[int, int]]) -> frozenset[str]:
    """The author names inside a text's citations: "(Cho 2019b)" → {"Cho"}."""
    words = {w for a, b in zones for w in _CITED_WORD.findall(text, a, b)}
    return frozenset(words - _NOT_AUTHORS)


def citations(text: str, narrative: bool = False) -> list[tuple[int, int]]:
    """Where a text cites published work: "(Kim, 2015; Lankov 2013)", "Sung (2019)".

    Why: a cited author and the year of a paper are public; proposing them buries a
    paper's few real identifiers among its references. Only the strict academic shape
    counts, so "Youngmi (in her 20s, left in 2010)" is not a citation, and "Name (2010)"
    counts only in a text that also cites in brackets, or in expository text (``narrative``).
    """
    zones = [m.span() for m in _CITATION.finditer(text)]
    if zones or narrative:  # "Sung (2019)": in a paper, not in a witness's account
        zones += [m.span() for m in _NARRATIVE.finditer(text)]
        zones += [m.span() for m in _POINTED.finditer(text)]
    return zones


_REFERENCES = re.compile(
    r"(?im)^[ \t#*]*(?:references|bibliography|abstract|참고\s?문헌|국문\s?초록)\b"
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _squashed(name: str) -> str:
    return re.sub(r"[\s\-‐]+", "", name).casefold()


@cache
def public_figures() -> frozenset[str]:
    """Leaders and officials a paper names (data/public_figures.txt), spaces and hyphens out."""
    text = (files("moksori.protect") / "data" / "public_figures.txt").read_text("utf-8")
    return frozenset(_squashed(x) for x in text.splitlines() if x.strip() and not x.startswith("#"))


_LEADER_AFTER = re.compile(
    r"\s?(?:국무위원장|위원장|총비서|비서|주석|대통령|총리|장군|원수|부부장|정권|정부|체제|시대|집권)"
)
# A Korean finding that names a newspaper, broadcaster or party ("동아일보", "국민의힘",
# "민주평통"): damage with no protection when masked as a person or a place. Churches,
# hospitals and local centres stay findings: one of them can locate a participant.
_KO_BODY = re.compile(
    r"[\uac00-\ud7a3](?:일보|신문|방송|통신|뉴스|민주당|의힘|노동당|로동당|정의당|평통)$"
)
_LEADER_BEFORE = re.compile(
    r"\b(?:Chairman|Leader|President|Premier|General Secretary|dictator|leader|Marshal)\s+$"
)
_CAP_WORD = re.compile(r"[A-Z][\w'’\-]*")


def _run_around(text: str, start: int, end: int) -> str:
    """The capitalised words a Latin finding stands in: "Asia" → "Radio Free Asia"."""
    a, b = start, end
    while True:
        m = re.search(r"([A-Z][\w'’\-]*) $", text[max(0, a - 30) : a])
        if not m:
            break
        a -= len(m.group(0))
    while True:
        m = _CAP_WORD.match(text, b + 1) if text[b : b + 1] == " " else None
        if not m:
            break
        b = m.end()
    return text[a:b]


# "the Tumen and Yalu rivers", "Tumen River": a place word that names a river here.
_RIVER_AFTER = re.compile(r"(?:\s+(?:and|or|&)\s+(?:the\s+)?[A-Z][\w'’\-]*)*\s+[Rr]ivers?\b")
# A capitalised run that names a newspaper, broadcaster or agency: "The New York Times",
# "Korea Herald", "Yonhap News Agency". A place in its name locates no one.
_MEDIA_RUN = re.compile(
    r"\b(?:Times|Post|Herald|Tribune|Journal|News|Daily|Ilbo|Sinmun|Gazette|Broadcasting"
    r"|Agency|Telegraph|Guardian|Observer|Radio|Television|TV)$"
)


# Heads of organisation names that are also English surnames ("Mary Church", "Tom Guard"):
# a name ending in one of them may be a person's.
_SURNAME_HEADS = frozenset(
    "church temple post bank guard court union college league house hall mission".split()
)


# "문재인 정부", "김정은 정권", "박정희 시대": a government or an era, not a person.
_KO_REGIME = re.compile(r"[\uac00-\ud7a3]\s?(?:정부|정권|행정부|시대|시기|체제|집권기|통치기)$")


def _organisation(said: str) -> bool:
    """Capitalised words ending in an organisation's head: "Korea Hana Foundation"."""
    words = said.split()
    if len(words) < 2 or not said.isascii() or not all(w[:1].isupper() for w in words):
        return False
    last = words[-1].casefold()
    return last in _ORG_HEADS and last not in _SURNAME_HEADS


# A named place of detention is where one person was held ("Onsong Detention Centre").
_HELD = re.compile(r"(?i)\b(?:detention|holding|prison|camp|jail|labou?r|reform|interrogation)\b")


@dataclass(frozen=True)
class Gate:
    """What one text may not propose: phrases on the list, anything inside a citation, and,
    in expository text (a paper, a report, news: cited references, an abstract, or prose
    that almost never says "I"), the findings that protect no one there (countries and
    provinces, the years a study ran, sample ages, officials, institutions: see
    ``protect/expository.py``). ``people`` are the kept persons and ages, beside which a
    year still dates a participant's life."""

    shared: SharedList
    zones: tuple[tuple[int, int], ...]
    paper: bool
    text: str = ""
    expository: bool = False
    people: tuple[int, ...] = ()  # where a person or an age was found
    tokens: tuple[Tok, ...] = ()  # Kiwi's, for Korean words it knows as common nouns
    participants: frozenset[str] = frozenset()  # names introduced as the study's people
    cited: frozenset[str] = frozenset()  # the authors a paper cites, by name
    contact: tuple[tuple[int, int], ...] = ()  # an organisation's contact block (expository)

    @classmethod
    def of(
        cls,
        text: str,
        shared: SharedList | None = None,
        spans: Sequence[Span] = (),
        tokens: Sequence[Tok] = (),
    ) -> Gate:
        zones = tuple(citations(text))
        refs = sum(len(_YEAR.findall(text, a, b)) for a, b in zones)
        paper = refs >= 2 or _REFERENCES.search(text) is not None
        expository = paper or not is_testimony(text) or expository_places.organisation_voice(text)
        if expository and not zones:
            zones = tuple(citations(text, narrative=True))
        shared = shared if shared is not None else DEFAULT
        gate = cls(shared, zones, paper, text, expository, (), tuple(tokens))
        if not expository:
            return gate
        # Where a person or an age stands that this gate keeps (not "고용률", not a leader):
        # a year beside one dates that person's life.
        # A participant ("(가명 금실, 40대)") stays a finding at every mention ("금실은").
        participants = frozenset(
            text[s.start : s.end].strip()
            for s in spans
            if s.type == PiiType.PERSON and participant(text, s)
        )
        cited = _cited(text, zones) - participants
        contact = tuple(expository_places.contact_blocks(text, spans, participants))
        gate = cls(
            shared, zones, paper, text, expository, (), tuple(tokens), participants, cited, contact
        )
        people = tuple(
            s.start
            for s in spans
            if s.type in (PiiType.PERSON, PiiType.AGE)
            and not gate.drops(s, text[s.start : s.end])
            and _squashed(text[s.start : s.end]) not in public_figures()
        )
        return cls(
            shared,
            zones,
            paper,
            text,
            expository,
            people,
            tuple(tokens),
            participants,
            cited,
            contact,
        )

    def _participant(self, span: Span, said: str) -> bool:
        """A person mention of a name the text introduced as a participant."""
        if span.type != PiiType.PERSON or not self.participants:
            return False
        bare = said.strip()
        return bare in self.participants or _KO_PARTICLE.sub("", bare) in self.participants

    def _cited_author(self, span: Span, said: str) -> bool:
        """A name the paper cites elsewhere, not given a title ("Mrs. Ko" is a person)."""
        words = said.split()
        if not words or words[-1] not in self.cited:  # "Demick", "Barbara Demick"
            return False
        if len(words) > 1 and is_korean_given(words[0]):
            return False  # "Ji-min Kim": a Korean given name, whoever "(Kim, 2015)" is
        return not _TITLE_BEFORE.search(self.text, max(0, span.start - 8), span.start)

    def drops(self, span: Span, said: str) -> bool:
        if any(a <= span.start and span.end <= b for a, b in self.zones):
            return True  # a cited author or year is public
        if self.expository and span.type == PiiType.PERSON:
            if _squashed(said) in public_figures():
                return True
        if any(a <= span.start and span.end <= b for a, b in self.contact):
            return True  # "Riverstone Trust, 45 Yulgok-ro, Seoul | Tel …": its public details
        if self.expository and not self._participant(span, said):
            if span.type == PiiType.PERSON and self._cited_author(span, said):
                return True  # "In a later study, Cho found …" after "(Cho 2019)"
            if span.type in (PiiType.PERSON, PiiType.PLACE) and said[:1].isupper():
                run = _run_around(self.text, span.start, span.end)
                if run != said and _organisation(run) and not _HELD.search(run):
                    return True  # "Hana" in "Korea Hana Foundation", "the Asan Institute"
            if expository_rules.drops(self.text, span, said, self.people, self.tokens):
                return True
        if span.type in (PiiType.PERSON, PiiType.PLACE) and _squashed(said) in public_figures():
            after = self.text[span.end : span.end + 8]
            before = self.text[max(0, span.start - 24) : span.start]
            if _LEADER_AFTER.match(after) or _LEADER_BEFORE.search(before):
                return True  # "김정은 국무위원장", "President Moon Jae-in": the office holder
        if span.type not in (PiiType.PLACE, PiiType.PERSON, PiiType.ROLE):
            return False
        if span.type != PiiType.PLACE and len(said.strip()) < 2:
            return False  # "남" is a place word, and also a surname
        if said in self.shared:
            return True
        if _KO_BODY.search(said.strip()):
            return True
        if span.type == PiiType.PERSON and (_organisation(said) or _KO_REGIME.search(said)):
            return True  # "Sun Moon Fellowship", "문재인 정부": a body or a government
        if said[:1].isupper() and said.isascii():  # "Asia" in "Radio Free Asia"
            if span.type == PiiType.PLACE and _RIVER_AFTER.match(self.text, span.end):
                return f"{said} River" in self.shared  # "the Tumen and Yalu rivers"
            run = _run_around(self.text, span.start, span.end)
            return run != said and (run in self.shared or bool(_MEDIA_RUN.search(run)))
        return False
