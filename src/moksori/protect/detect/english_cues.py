"""The words and phrasings around an English name: titles, organisation heads, cues.

Why a module of its own: :mod:`english_names` scores a capitalised run by what stands
around it ("my friend X", "X said", "Mr. X", "X University"); these lists and patterns
are that evidence, kept apart from the scoring so the learned English labeller
(``learned/features_en.py``) can read the same evidence as features.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from moksori.protect.detect import sparse

DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=65_536)
def _fold(word: str) -> str:
    """Lower case without accents; remembered, since a text repeats its words."""
    if word.isascii():
        return word.lower().strip(".")
    nfkd = unicodedata.normalize("NFKD", word)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower().strip(".")


def _load(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(_fold(x) for x in lines if x.strip() and not x.startswith("#"))


_TITLES = frozenset(
    "mr mrs ms miss mx dr rev pastor professor prof sir madam dame lady lord captain "
    "capt officer sergeant sgt elder deacon father sister brother auntie uncle grandma "
    "grandpa granny grandmother grandfather aunt comrade teacher "
    "judge president minister senator general colonel major lieutenant".split()
)
_STRONG_TITLES = frozenset("mr mrs ms miss mx dr rev pastor professor prof".split())
_PARTICLES = frozenset("van von de der den da di du del della dos das la le bin al el ter".split())
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# Capitalised for reasons other than being a name (data/english_not_names.txt).
_COMMON = frozenset(
    w
    for line in (DATA / "english_not_names.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
    for w in line.split()
)


def common_word(word: str) -> bool:
    """A word capitalised for other reasons than a name (data/english_not_names.txt)."""
    return _fold(word) in _COMMON


_ORG_WORDS = frozenset(
    """inc corp corporation ltd llc co company group bank university college school
    institute association foundation ministry committee council agency church hospital
    center centre capital partners holdings solutions systems services technologies
    airlines airways press records studios network weekly magazine times journal
    orchestra band love hate choir technologies entertainment productions media tv club plc
    gmbh usns usnv uscgc uss""".split()
)
# Words that end an organisation's name: "Amnesty International", "Human Rights Watch",
# "Hana Centers", "Korea Hana Foundation". A capitalised run with one of them after its
# first word names a body, not a person, whatever names it holds.
_ORG_HEADS = frozenset(
    """university universities college institute institution foundation foundations center
    centers centre centres ministry association committee council agency agencies party
    bank church hospital school academy international watch times news daily ilbo sinmun
    press service services board commission organization organisation network alliance
    coalition federation union society corporation group fund office bureau department
    army force forces guard police court assembly congress parliament government
    initiative project programme program institute review quarterly journal herald post
    tribune broadcasting radio television solidarity mission missions ministries fellowship
    forum movement campaign trust partnership league congregation cathedral temple seminary
    charity relief embassy consulate command corps brigade division regiment laboratory
    museum library gallery theatre theater clinic cooperative collective factory complex
    company companies enterprise enterprises airlines studios gazette telegraph survey
    studies bulletin perspectives affairs annals proceedings yearbook restaurant cafe café
    karaoke shop store mart hotel motel salon bakery pharmacy polytechnic kindergarten
    prison shipyard works associates investments finance markets research analytics
    consulting logistics labs movers transit unlimited sons""".split()
)
# Capitalised phrases that look like names but are not people.
_NOT_NAMES = frozenset(
    """hong kong|kim il sung university|kim chaek|kim jong suk|ri jong|kim il sung square
    |new york|los angeles|san francisco|las vegas|costa rica|sri lanka|el salvador
    |puerto rico|saint petersburg|st petersburg|de gaulle|ho chi minh city|labor day
    |labour day|memorial day|independence day|victory day|new year|lunar new year""".replace(
        "\n", ""
    )
    .replace("    ", "")
    .split("|")
)
# Given names that are also ordinary English words: alone at the start of a sentence
# ("Grace is something I learned", "Mark my words") they need a cue to count as names.
_WORD_NAMES = frozenset(
    """grace mark will hope faith joy rose lily ivy holly daisy dawn summer autumn april june
    august may bill frank grant pat sue rob jack bob don ray gene art carol penny ruby amber
    pearl jewel iris olive violet heather hazel sunny chase hunter miles drew max guy rich
    rusty sandy cliff dale glen glenn wade chip buck lance sky storm river rock stone ash
    victor earnest ernest constance prudence patience charity mercy honor honour destiny
    precious harmony melody crystal star angel baby""".split()
)
# Hyphenated Korean syllable pairs ending in an administrative word are places: Mok-dong,
# Nowon-gu, Sinchon-ri, Goyang-si.
_KOREAN_PLACE = re.compile(r"[\-‐](?:dong|gu|ri|si|myeon|eup|gun|ro|gil|do)$", re.IGNORECASE)
_STREETY = re.compile(
    r"^[ \t]+(?:street|st|road|rd|avenue|ave|lane|drive|way|square|squares|pass|fort|u\.|utca"
    r"|tér|ter|kapu|boulevard|blvd|place|pl|court|ct|gade|vej|gata|katu|tie|strasse|straße)\b"
    # "the Han River", "Park Hotel", "Moran Hill": a name that names a place or a building.
    r"|^[ \t]+(?-i:River|Rivers|Mountain|Mountains|Lake|Valley|Bay|Island|Bridge|Station|Hotel"
    r"|Market|Park|Stream|Falls|Hill|Hills|Airport|Harbou?r|Beach|Province|County|District"
    r"|Village|Town|Palace|Pass|Gate|Dam|Reservoir|Mine|Farm)\b"
    r"|^[ \t]*\d",
    re.IGNORECASE,
)
_PLACE_LEFT = re.compile(
    r"(?:\d\s+|\b(?:to|at|in|from|into|near|of|via|rue|calle|avenida|rua|city|on)\s+)$",
    re.IGNORECASE,
)
# English words and demonyms that end like surnames: Salesperson, Lesson, Hungarian, Prison.
_WORD_SHAPE = re.compile(
    r"(?:person|lesson|season|reason|poison|prison|comparison|venison|garrison|unison|treason"
    r"|crimson|ian|ean|ese|ish)$"
)
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_NAME_SHAPE = re.compile(
    r"(?:s?son|sen|sdottir|dottir|ova|ová|ovà|eva|ski|ska|sky|ská|wicz|vich|vic|vić|ovic"
    r"|ović|enko|chuk|czyk|escu|opoulos|akis|oglu|yan|ian|ini|elli|etti|ucci|uzzi|ez"
    r"|ov|ev|yev|ova|eva|ina|inen|ainen|anen|onen|ovski|ovska|stein|berg|mann|ner|ström|strom|qvist|gaard)$"
)
_LEFT_CUES = re.compile(
    r"(?:\b(?:my\s+name\s+is|name\s+is|name'?s|named|called|call\s+me|i'?m|i\s+am|this\s+is"
    r"|by|with|under|met|meet|told|tell|ask|asked|thank|thanks|dear|hi|hello|hey|says|said"
    r"|commenter|calls\s+me|name\?(?:\s*user:)?"
    r"|friend|husband|wife|son|daughter|brother|sister|mother|father|mom|dad|kid|child"
    r"|partner|boyfriend|girlfriend|fiancée?|colleague|neighbou?r|cousin|uncle|aunt"
    r"|interviewee|respondent|participant|defector|refugee|student|boss|manager|broker"
    r"|spokesperson|producer|director|author|founders?|name|mr|ms|mrs|dr"
    r"|assistant\s+to|starring|directed\s+by|written\s+by|change\s+it\s+to|user|named\s+(?:him|her)"
    r"|follow\s+up\s+with|last\s+name\?|first\s+name\?|surname\?|maiden\s+name\s+is"
    r"|name\s+on\s+the\s+\w+\?(?:\s*user:)?)\s*[:,]?\s*)$",
    re.IGNORECASE,
)
_STRONG_LEFT = re.compile(
    r"\b(?:my\s+name\s+is|name\s+is|name'?s|named|called|call\s+me|calls\s+me|i'?m"
    r"|first\s+name\s+is|last\s+name\s+is|surname\s+is|maiden\s+name\s+is)\s*[:,]?\s*$",
    re.IGNORECASE,
)
# A question that a name answers, or a naming phrase: what follows is a name even at the
# start of a sentence or in lowercase ("What's your last name? Arcuri", "call me višeslav").
_NAMING = re.compile(
    r"(?:\b(?:my\s+name\s+is|(?:first|last|maiden|family|given)\s+name\s+is|surname\s+is"
    r"|(?:his|her|their|my|whose)\s+(?:real\s+|first\s+|given\s+)?name\s+(?:is|was)"
    r"|(?:a|an|the)\s+(?:\w+\s+)?(?:girl|boy|man|woman|child|kid|baby|broker|guide|soldier|friend)"
    r"\s+(?:named|called)"
    r"|(?:people|everyone|everybody|they|friends)\s+calls?\s+me|call\s+me)\s*[:,]?"
    r"|\b(?:your|his|her)\s+(?:last\s+|first\s+|full\s+|maiden\s+)?name\s*\?"
    r"|\bsurname\s*\?)\s*$",
    re.IGNORECASE,
)
# "Scott had given Belle his address": only a person is given someone's address.
_GIVEN_SOMETHING = re.compile(
    r"^\s+(?:his|her|their)\s+(?:address|number|phone|e-?mail|keys?|card|name)\b",
    re.IGNORECASE,
)
_RIGHT_CUES = re.compile(
    r"^(?:'s\b|’s\b|\s*,?\s*(?:said|says|told|tells|asked|explained|added|recalled|wrote"
    r"|replied|answered|lives|lived|is\s+from|was\s+born|had\s+given|will\s+be|has\s+been"
    r"|who\b|and\s+i\b|\(\d|spent|shouted|cried|began|is\s+very|can\s+i|will\s+be)|\s*:)",
    re.IGNORECASE,
)


_REGIME = re.compile(
    r"(?:'s|’s)?\s+(?:regime|dynasty|era|government|administration|cabinet|leadership"
    r"|personality\s+cult|family\s+(?:rule|dynasty|regime))\b",
    re.IGNORECASE,
)


# "Granny Pak", "Uncle Kwon", "Comrade Ri": a Korean surname after a word of kinship or
# address is how a village names one person.
_KIN_TITLE_BEFORE = re.compile(
    r"\b(?:granny|grandma|grandpa|grandmother|grandfather|auntie|aunt|uncle|comrade|teacher"
    r"|old\s(?:man|woman|lady))\s$",
    re.IGNORECASE,
)


# "bought from Myongsuk", "a letter from Sunhui": "from" after an exchange names a person,
# where "came from Musan" names a place.
_FROM_PERSON = re.compile(
    r"\b(?:bought|borrowed|heard|learned|learnt|got|received|took|stole|letter|call|calls"
    r"|message|messages|money|help|news|word|gift|present)(?:\s+\w+)?\s+from\s+$",
    re.IGNORECASE,
)


# Postal addresses, where a capitalised run is a street or a town and no one's name: both
# sides of "the corner of A and B"; a line between an address line and a country or
# postcode line ("Suite 100 / Dolores / Uruguay"); a line that starts with a house number
# and a street ("14 Crown Street Kishiev Squares"); "Apt. 397, Mora de Rubielos, Spain".
_CORNER = re.compile(
    r"\bcorner\s+of\s+[^\n]{0,60}?\band\s+[^\n?!]{0,60}?(?=[?!]|\.\s|\.?$)", re.I | re.M
)
_STREET_WORD = (
    r"(?:apt|suite|unit|box|street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|blvd|boulevard"
    r"|u|utca|ul|rue|via|str|vej|gade|katu|tie|gata|straat|weg|gasse|rua|avda|calle)"
)
_NUMBER_STREET = re.compile(
    r"(?:^|\s)\d+[A-Za-z]?\s[^\n]{0,60}?\b"
    + _STREET_WORD
    + r"\b\.?(?=(?:\s+(?-i:[A-Z])[\w'’.-]*)+\s*$)",
    re.I,
)
_ADDRESS_LINE = re.compile(
    rf"^(?:\d+[A-Za-z]?\s|(?:apt|suite|unit|box)\b)|\b{_STREET_WORD}\b\.?\s*\d+[.?]?$"
    r"|\d+\s[^\n]{0,60}\b" + _STREET_WORD + r"\.?$",
    re.I,
)
_STATE_LINE = re.compile(r"^,\s*[A-Z]{2,3}$|,\s*[A-Z]{2}\s+\d{4,}$")
_LAST_LINE = re.compile(r"^(?:,|[A-Z]{2}\b|\d{4,}|(?:[A-Z][\w'’.-]*\s?){1,3}\s*\d*\s*[?.]?$)")
_INLINE_TOWN = re.compile(r",[ \t]+([^,\n\d]{2,40}?),[ \t]+(?=[A-Z])")
_INLINE_BEFORE = re.compile(
    r"(?:\b(?:Apt|Suite|Unit)\.?\s*\d+|\b(?:St|Rd|Ave|Dr|Street|Road|Avenue|Drive|Lane))\.?$"
)
_DIGIT = re.compile(r"\d")
# "return to Leon and Eyrarodda 66": two streets, the second with its house number.
_NAMEWORDS = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|d[aeo]|del|la))*"
_STREET_PAIR = re.compile(
    rf"\b(?:to|at)\s+({_NAMEWORDS}\s+and\s+{_NAMEWORDS}\s\d{{1,5}}[a-zA-Z]?)"
    r"(?=\s*(?:[.?!,;]|$)|\s+(?:in|on|for|if|and)\b)",
    re.M,
)
_LEAD = " \t>?•*"
_SHORT = 120  # an address line is short; longer lines are prose


def address_zones(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` that are parts of a postal address (see above)."""
    if not any(c.isdigit() for c in text):
        return []  # an address has a number somewhere
    zones = (
        [(m.start(), m.end()) for m in sparse.finditer(_CORNER, text)] if "orner" in text else []
    )
    zones += [m.span(1) for m in sparse.finditer(_STREET_PAIR, text)] if " and " in text else []
    for m in sparse.finditer(_INLINE_TOWN, text):  # ", Mora de Rubielos, " after "Apt. 397"
        if _INLINE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            zones.append(m.span(1))
    lines: list[tuple[int, str]] = []  # non-empty lines, stripped of list marks and spaces
    pos = 0
    for line in text.split("\n"):
        bare = line.strip(_LEAD)
        if bare:  # a paragraph is no address line: it stands as an empty one
            short = len(bare) <= _SHORT
            lines.append((pos + len(line) - len(line.lstrip(_LEAD)), bare if short else ""))
        pos += len(line) + 1
    digit = [bool(_DIGIT.search(x)) for _, x in lines]
    addr = [d and bool(_ADDRESS_LINE.search(x)) for d, (_, x) in zip(digit, lines, strict=True)]
    for k, (start, line) in enumerate(lines):
        if not line:
            continue
        if digit[k] and (hit := _NUMBER_STREET.search(line)):  # the words after the street
            zones.append((start + hit.end(), start + len(line)))
        elif line.startswith(",") and _STATE_LINE.search(line):
            zones.append((start, start + len(line)))  # ", RS" under a town
        elif k and addr[k - 1] and not addr[k]:
            last = k + 1 < len(lines) and bool(_LAST_LINE.match(lines[k + 1][1]))
            if last or _STATE_LINE.search(line):  # "St Georges, QC 54256"
                zones.append((start, start + len(line)))
    return zones


# A firm named after its partners: "Lopez, Santos and Coleman is a design agency", "the
# Clark, Romero and Hall Orchestra", "Thomas and Sons", such a list on a letterhead line
# above an address, or a list said of firms ("the car manufacturers …: White, Willis and
# Hoffman"). Bare surnames in a list are people otherwise ("founders: Kónya, Becker
# and Vasquez").
_CAPW = r"[A-Z][\w'’-]+"
_PARTNERS = re.compile(rf"\b{_CAPW}(?:,\s{_CAPW}){{1,3}},?\s(?:and|&)\s{_CAPW}\b")
_FIRM_AFTER = re.compile(
    r"\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,3}(?:agency|company|firm|multinational"
    r"|business|studio|startup|partnership|practice|consultancy|manufacturer)\b"
)
# "the car manufacturers that dominate the city: White, Willis and Hoffman": a list after
# a colon, said of firms.
_FIRM_LIST = re.compile(
    r"\b(?:manufacturers|carmakers|makers|companies|firms|corporations|brands|sponsors"
    r"|employers|businesses|banks|publishers|retailers|suppliers)\b[^\n:.!?]{0,80}:[ \t]*"
    r"([^\n.!?\"“”]{3,200})"
)
# "Telenav is a design agency based in Kent": a name at a sentence start said to be a firm.
_ONE_FIRM = re.compile(
    rf"(?:^|[.!?]\s+)((?:{_CAPW}\s){{0,2}}{_CAPW})\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+){{0,3}}"
    r"(?:agency|company|firm|multinational|consultancy|manufacturer|corporation|conglomerate)"
    r"(?=\s+(?:based|headquartered|founded|in|that|which|with)\b|\s*[.,;]|\s*$)",
    re.M,
)
_SONS = re.compile(rf"\b{_CAPW}\s(?:and|&)\s(?:Sons|Daughters|Brothers|Partners)\b")


def firm_zones(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` that name a firm by its partners (see above)."""
    zones = [m.span(1) for m in sparse.finditer(_ONE_FIRM, text)] if " a" in text else []
    if " and " not in text and "&" not in text:
        return zones
    zones += [(m.start(), m.end()) for m in sparse.finditer(_SONS, text)]
    zones += [m.span(1) for m in sparse.finditer(_FIRM_LIST, text)]
    for m in sparse.finditer(_PARTNERS, text):
        after = text[m.end() : m.end() + 80]
        head = re.match(r"\s(\w+)", after)
        if _FIRM_AFTER.match(after) or (head and _fold(head.group(1)) in _ORG_HEADS | _ORG_WORDS):
            zones.append((m.start(), m.end()))
            continue
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.end())
        b = len(text) if b < 0 else b
        if text[a : m.start()].strip(_LEAD) or text[m.end() : b].strip():
            continue  # not a line of its own
        nxt = next((x.strip(_LEAD) for x in text[b:].split("\n") if x.strip(_LEAD)), "")
        if _ADDRESS_LINE.search(nxt):
            zones.append((m.start(), m.end()))  # a letterhead: the firm, then its address
    return zones
