"""English words the stemmer cannot join to their lemma: irregular forms and spellings.

Snowball stems regular inflections (crossed → cross) but leaves ``left``, ``taught``
and ``children`` apart from ``leave``, ``teach`` and ``child``; testimony is full of
them ("we left at night", "they caught my brother"). Each form here is replaced by
its lemma before stemming, on the index and the query side alike, so ``leave``
finds ``left`` and ``left`` finds ``leaving``.

Left out on purpose: forms of the stopwords (was, had, did: never searched alone),
and forms that are more often another word (``saw`` the tool is kept; ``lay``,
``bit``, ``ground``, ``wound``, ``rose``, ``lives``, ``leaves`` and ``won`` (the
currency) are ambiguous, and
the stemmer already joins ``leaves`` to ``leave``). ``left`` is read as the
direction before ``side``, ``hand``, ``wing`` and ``bank`` and after ``the``,
``his``, ``her``, ``my``, ``your``, ``our``, ``their`` and ``to the`` (see
:func:`direction_left`).
"""

from __future__ import annotations

# Past tense and participles → lemma.
_VERBS: dict[str, tuple[str, ...]] = {
    "arise": ("arose", "arisen"),
    "beat": ("beaten",),
    "become": ("became",),
    "begin": ("began", "begun"),
    "bend": ("bent",),
    "bleed": ("bled",),
    "blow": ("blew", "blown"),
    "break": ("broke", "broken"),
    "bring": ("brought",),
    "build": ("built",),
    "burn": ("burnt",),
    "buy": ("bought",),
    "catch": ("caught",),
    "choose": ("chose", "chosen"),
    "come": ("came",),
    "creep": ("crept",),
    "deal": ("dealt",),
    "dig": ("dug",),
    "draw": ("drew", "drawn"),
    "dream": ("dreamt",),
    "drink": ("drank", "drunk"),
    "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"),
    "fall": ("fell", "fallen"),
    "feed": ("fed",),
    "feel": ("felt",),
    "fight": ("fought",),
    "find": ("found",),
    "flee": ("fled",),
    "fly": ("flew", "flown"),
    "forbid": ("forbade", "forbidden"),
    "forget": ("forgot", "forgotten"),
    "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"),
    "get": ("got", "gotten"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "grow": ("grew", "grown"),
    "hang": ("hung",),
    "hear": ("heard",),
    "hide": ("hid", "hidden"),
    "hold": ("held",),
    "keep": ("kept",),
    "know": ("knew", "known"),
    "lead": ("led",),
    "learn": ("learnt",),
    "leave": ("left",),
    "lend": ("lent",),
    "lose": ("lost",),
    "make": ("made",),
    "mean": ("meant",),
    "meet": ("met",),
    "pay": ("paid",),
    "ride": ("rode", "ridden"),
    "ring": ("rang", "rung"),
    "rise": ("risen",),
    "run": ("ran",),
    "say": ("said",),
    "see": ("saw", "seen"),
    "seek": ("sought",),
    "sell": ("sold",),
    "send": ("sent",),
    "shake": ("shook", "shaken"),
    "shine": ("shone",),
    "shoot": ("shot",),
    "sing": ("sang", "sung"),
    "sink": ("sank", "sunk"),
    "sit": ("sat",),
    "sleep": ("slept",),
    "slide": ("slid",),
    "speak": ("spoke", "spoken"),
    "spend": ("spent",),
    "stand": ("stood",),
    "steal": ("stole", "stolen"),
    "stick": ("stuck",),
    "strike": ("struck",),
    "swear": ("swore", "sworn"),
    "sweep": ("swept",),
    "swim": ("swam", "swum"),
    "take": ("took", "taken"),
    "teach": ("taught",),
    "tear": ("tore", "torn"),
    "tell": ("told",),
    "think": ("thought",),
    "throw": ("threw", "thrown"),
    "understand": ("understood",),
    "wake": ("woke", "woken"),
    "wear": ("wore", "worn"),
    "weep": ("wept",),
    "write": ("wrote", "written"),
}

# Irregular plurals → singular.
_NOUNS: dict[str, tuple[str, ...]] = {
    "child": ("children",),
    "foot": ("feet",),
    "goose": ("geese",),
    "half": ("halves",),
    "knife": ("knives",),
    "man": ("men",),
    "mouse": ("mice",),
    "person": ("people",),
    "thief": ("thieves",),
    "tooth": ("teeth",),
    "wife": ("wives",),
    "wolf": ("wolves",),
    "woman": ("women",),
}

# British spellings → American (the index keeps one).
_SPELLINGS: dict[str, str] = {
    "centre": "center",
    "centres": "centers",
    "colour": "color",
    "favour": "favor",
    "honour": "honor",
    "labour": "labor",
    "metre": "meter",
    "neighbour": "neighbor",
    "programme": "program",
    "theatre": "theater",
}

LEMMAS: dict[str, str] = {
    form: lemma for table in (_VERBS, _NOUNS) for lemma, forms in table.items() for form in forms
}
LEMMAS.update(_SPELLINGS)

_BEFORE_DIRECTION = frozenset(
    {"side", "hand", "wing", "bank", "turn", "corner", "eye", "arm", "leg"}
)
_AFTER_DIRECTION = frozenset({"the", "his", "her", "my", "your", "our", "their"})


def lemma(word: str) -> str:
    """The lemma of a lowercase word with apostrophes removed (children's → child)."""
    found = LEMMAS.get(word)
    if found is None and word.endswith("s"):
        plural = LEMMAS.get(word[:-1])  # childrens (children's) → child
        if plural is not None and word[:-1] in _NOUN_FORMS:
            return plural
    return found if found is not None else word


_NOUN_FORMS = frozenset(form for forms in _NOUNS.values() for form in forms)


def direction_left(before: str, after: str) -> bool:
    """Whether ``left`` between these two lowercase words is the direction, not the verb."""
    return after in _BEFORE_DIRECTION or before in _AFTER_DIRECTION
