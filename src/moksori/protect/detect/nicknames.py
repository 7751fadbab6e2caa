"""Nicknames: a noun used as a person's name or as a term of address.

Why: migrants often never knew the real name of the broker, the neighbour or the
woman who hid them, only what everyone called her: "뚱보 아줌마", "안경 아저씨",
"'여우'라고 불렀다", "a man everyone called Fox". To those who knew her, that is
her name. Three signals, each a person span:

* a noun before a term of address ("꺽다리 언니"), at low confidence (below the
  spreading threshold: "국수집 아줌마" may be a trade, not a name); the span is the
  whole phrase, since a name once found is hidden at every mention in the project;
* a word said to be what someone was called ("족제비라고 불렀어요", "별명이 곰"),
  or a quoted word used as a person ('"곰"이 왔다');
* English "we called him the Bear", "nicknamed Fox".

A term of address alone ("아줌마가 밥을 줬어요") is no finding, nor is a word
that says where someone is from or how they are related ("옆집 아줌마").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from moksori.protect import gazetteer as gz
from moksori.protect.detect import sparse
from moksori.protect.detect.korean_lexicon import read_data
from moksori.protect.detect.voice import is_testimony
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import Tok, TokenisedText

NAME = "nickname"
H = "\uac00-\ud7a3"

CONF_ADDRESS = 0.45  # noun + term of address: shown to the reviewer, not spread
CONF_CALLED = 0.6  # said to be what someone was called
CONF_QUOTED = 0.45  # a quoted word may be a label ("'꽃제비'가 되었다"): not spread

_ADDRESS = (
    "아줌마 아주머니 아지매 아지미 아저씨 아재 언니 오빠 형 형님 누나 누님 할매 할배"
    " 할머니 할아버지 아바이 아매 오마니 이모 삼촌 동무 에미나이 총각 처녀"
    " 령감 영감 아가씨 동생 엄마 아빠 어머니 아버지 어마이"
).split()
# North Korean terms of address: "뚱보 아주마이" is her name as much as "뚱보 아줌마".
_NK_TERMS = "아주마이 아즈마이 아즈바이 할아바이 오라바이 아바지".split()
_PARTICLE = (
    r"(?:$|[^" + H + r"]|(?:들|네|님)?(?:이|가|은|는|을|를|의|에게|한테|께|께서|도|만|과|와|랑|이랑"
    r"|하고|였|이었|이라고|라고|이라구|라구|이라는|라는|이라며|라며|이란|란|이라|라|이고|이며|이던|인|이니"
    r"|예요|이에요|입니|에게서|한테서|처럼|보고|더러|네|였어요|이었어요|였지|였는데|였다|이었다|였고"
    r"|이었고|였슴다)?"
    r"(?![" + H + r"]))"
)
_TERMS = "|".join(sorted(_ADDRESS + _NK_TERMS, key=len, reverse=True))
_RX_ADDRESS = re.compile(
    rf"(?<![{H}])(?P<w>[{H}]{{1,4}})\s(?P<t>{_TERMS})"
    rf"(?=(?:들|네|님)?[{H}]{{0,3}}(?:[^{H}]|$))"
)
_RX_ADDRESS_TAIL = re.compile(_PARTICLE)
_QUOTE_OPEN = "\"'“‘「『"
_QUOTE_CLOSE = "\"'”’」』"
_RX_QUOTED = re.compile(
    rf"[{_QUOTE_OPEN}](?P<w>[{H}]{{1,5}})[{_QUOTE_CLOSE}]\s?"
    r"(?P<p>이라고|라고|이라는|라는|이란|란|이라|라|이가|이는|이랑|가|는|이|은|한테|에게|랑|하고|네)"
)
_RX_CALLED = re.compile(
    rf"(?<![{H}])(?P<w>[{H}]{{1,5}}?)(?:이)?(?:라고|라구|라)\s?(?:들\s?|다들\s?)?"
    r"(?:불렀|불러|불렸|부름|부르곤|부르던|부르더|부르기|부르며|부르면서|불리던|불리곤|불리었"
    r"|놀렸|놀려|놀리던|놀리곤|놀리며|놀리기"
    r"|(?:불리는|불린|불리운|부르는|부른)(?=\s(?:애|아이|사람|여자|남자|녀자|녀석|놈|분|아줌마|아저씨|할머니"
    r"|할아버지|할매|할배|아바이|아매|언니|오빠|형|누나|동생|친구|브로커|군인|보위원|총각|처녀|청년|노인)"
    r"(?![가-힣])|\s(?:애|아이|사람|여자|남자|녀석|놈|분)(?:이|가|은|는|을|를|한테|의|도)))"
)
# "그 사람을 곰이라고 했어": 하다 says "call" only with a person as its object.
_RX_CALLED_HA = re.compile(
    r"(?:그를|그녀를|걔를|그 ?(?:사람|여자|남자|아이|애|아바이|할매|아줌마|아저씨|브로커|놈|녀자"
    r"|총각|처녀)을?를?)"
    rf"\s(?:(?:다들|모두|우리는|우린|사람들은|그냥|다|늘|항상|뒤에서)\s){{0,2}}(?P<w>[{H}]{{1,5}}?)(?:이)?(?:라고|라구)"
    r"\s?(?:했|하던|해|하였|하더)"
)
# "사람들이 뒤에서는 감자대가리라고 했어요": what people said of someone behind their back.
_RX_PEOPLE_SAID = re.compile(
    r"(?:사람들이|사람들은|다들|모두들?|애들이|애들은|동네\s?사람들이|주민들이|동무들이|친구들이"
    r"|우리끼리는|우리끼린|우리끼리|저희끼리는|저희끼리|동네에서는|동네서는|반에서는|뒤에서는)"
    r"\s(?:다\s|뒤에서(?:는)?\s|몰래\s|그냥\s|늘\s|항상\s)?"
    rf"(?P<w>[{H}]{{1,6}}?)(?:이)?(?:라고|라구)(?:만|들|도)?\s?(?:했|하던|하더|하였|불렀|부르)"
)
# "'무한도전'이 13%": a quoted title. What comes just before or after says so.
_TITLE_CUE = re.compile(
    r"영화|드라마|소설|프로그램|방송|잡지|신문|태풍|매체|회사|기업|노래|앨범|책|작품|캠페인|프로젝트"
    r"|SBS|KBS|MBC|JTBC|tvN|예능|시리즈|제목|곡|단체|브랜드|상표|작전|사건|운동|구호|표어|말|단어"
)
_RX_NAMED = re.compile(
    rf"별명(?:이|은|도)?\s?[{_QUOTE_OPEN}]?(?P<w>[{H}]{{1,5}}?)[{_QUOTE_CLOSE}]?"
    r"(?:이었|였|이야|야|이에요|예요|이다|였다|이라|라|이고|이지|\s|[.,!?]|$)"
    rf"|(?<![{H}])[{_QUOTE_OPEN}]?(?P<w2>[{H}]{{1,5}}?)[{_QUOTE_CLOSE}]?(?:이)?(?:란|라는)\s?별명"
)
# "막내 이름은 충성이었어요", "이름이 향이에요": a word said to be someone's name is one,
# even a common noun (North Korean given names are often words: 충성, 은혜, 향).
_RX_NAME_IS = re.compile(
    rf"(?<![{H}])이름(?:은|이|도|은요|이요)?\s(?P<w>[{H}]{{1,3}}?)(?:이)?"
    rf"(?:였|이었|이에요|예요|이야|야(?![{H}])|이고|이라|라고|라구|입니|이지|이래|이랬)"
)
# "꼬맹이라고, 키가 작은 총각이", "옥분이라고, 태천 사람이었는데": a word said as a name,
# then who that was.
_PERSON_NOUNS = (
    "사람|총각|처녀|청년|아이|애|여자|남자|녀자|녀석|놈|분|아줌마|아저씨|아주머니|할머니|할아버지|할매"
    "|할배|아바이|아매|언니|오빠|누나|형|동생|친구|동무|브로커|련락원|연락원|군인|장사꾼|녀인|여인|노인"
)
_RX_SAID_THEN_WHO = re.compile(
    rf"(?<![{H}])(?P<w>[{H}]{{1,5}}?)(?:이)?라고,\s(?:[^.!?\n,]{{0,24}}?\s)?(?:{_PERSON_NOUNS})"
    r"(?:이었|였|이에요|예요|이야|야|이지|인데|이고|이|가|[.,!?]|$)"
)
# "까마귀라는 브로커", "곰이라는 사람": a word said as what someone is called, then who.
_RX_CALLED_WHO = re.compile(
    rf"(?<![{H}])(?P<w>[{H}]{{1,5}}?)(?:이)?라는\s(?:{_PERSON_NOUNS})(?![{H}])"
    rf"|(?<![{H}])(?P<w2>[{H}]{{1,5}}?)(?:이)?라는\s(?:{_PERSON_NOUNS})(?=이|가|는|를|을|한테|의|였|이었|예요|이에요)"
)
# "수염이 많아서 털보예요": why someone is called a word, the word a nickname found elsewhere.
_RX_GLOSS = re.compile(
    rf"(?:아서|어서|여서|해서|라서|니까|길래)\s(?P<w>[{H}]{{1,5}}?)(?:이)?"
    r"(?:예요|에요|이에요|였어요|이었어요|였지|였다|이야|야|였대요|래요|였슴다|임다|(?=[.!]))"
)
# "별명이 다 있었어요. 저는 콩나물이었어요": after nicknames are spoken of, what one was.
_RX_WAS_AFTER_NICKNAMES = re.compile(
    rf"(?:저는|나는|난|전|걔는|그 애는|그는|그녀는|동무는|친구는|동생은|언니는|오빠는|형은)\s"
    rf"(?P<w>[{H}]{{1,5}}?)(?:이)?(?:였|이었|이야|예요|이에요)"
)
# "공장장이 뺀질이였어요. 다들 그렇게 불렀어요, 뺀질이.": the name repeated after the call.
_RX_SO_CALLED = re.compile(
    rf"그렇게\s?(?:불렀|불러|불렸|부르)[{H}]*,\s(?P<w>[{H}]{{1,5}})(?=[.!…]|$)"
)
# "우리 반에 곰보라고 있었소": someone there was in a group or place, said by what they
# were called ("회의라고 있었는데" names a meeting: no group before it).
_RX_CALLED_THERE = re.compile(
    r"(?:반|동네|마을|작업반|분조|부대|중대|소대|학교|직장|공장|옆집|감방|거기|그곳|인민반|농장|광산)"
    rf"(?:에|에는|엔|에서)\s(?P<w>[{H}]{{1,5}}?)(?:이)?(?:라고|라구)\s(?:하는\s)?(?:(?:{_PERSON_NOUNS})(?:이|가)?\s)?"
    r"(?:있었|있던|있는데|있었는데|있습|있슴|있시|있지)"
)
# "한중대장이라 안 하고 너구리라 했슴다": not called one thing but another; both are names.
_RX_NOT_BUT = re.compile(
    rf"(?<![{H}])(?P<w2>[{H}]{{1,6}}?)(?:이)?라(?:고|구)?\s안\s(?:하고|부르고)\s"
    rf"(?P<w>[{H}]{{1,5}}?)(?:이)?라(?:고|구)?\s?(?:했|하였|불렀|부르)"
)
# "그 아들은 꺽다리. 키가 커서.": a person, one word, then why (the word's gloss).
_RX_THEN_WHY = re.compile(
    rf"(?:{_PERSON_NOUNS}|아들|딸|남편|안해|아내|며느리|사위|반장|주인)(?:은|는|이|가)\s"
    rf"(?P<w>[{H}]{{2,5}})[.]\s[^.!?\n]{{0,16}}?[{H}]서(?=[.!…]|\s?그렇)"
)
_NOT_SAID_NAME = frozenset(
    "뭐 뭔 무엇 뭣 누구 기억 가명 본명 예명 별명 가짜 진짜 그거 이거 저거 그것 이것"
    " 같은 다른 똑같 비슷 중국 조선 한국 영어 한자 한글".split()
)
_EN_WORDS = [
    ("call", "nicknamed"),
    ("called", "nicknamed"),
    ("nickname", "known to us", "went by"),
    ("called", "nicknamed"),
    ("or just", "or simply", "everyone called"),
    ("called", "call"),
    ("that was", "who was", "this was", "that is"),
    ("man, ", "woman, ", "boy, ", "girl, ", "guy, ", "fellow, ", "lad, "),
]
# Words said to someone as a form of address, not a name: "they called her Auntie".
_EN_ADDRESS = frozenset(
    "Mom Mum Mother Dad Father Sir Madam Ma'am Auntie Aunt Uncle Grandma Grandpa Granny Teacher"
    " Comrade Mister Miss Boss Doctor Sister Brother Chief Captain Honey Dear Baby Son Kid"
    " Everyone Nobody Names".split()
)
_EN_RX = [
    re.compile(
        r"\b(?i:we|they|everyone|everybody|people|others|villagers|kids|children|I|he|she|all)"
        r"\s(?:all\s|just\s|used\sto\s|would\s)?(?:called|call|nicknamed)\s(?:him|her|them|me|us|the\s(?:broker|man|woman|guard|guide|boy|girl"
        r"|old\s(?:man|woman)|smuggler|trader|soldier|officer|agent))\s"
        r"(?:the\s)?[\"“'‘]?(?P<n>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    ),
    re.compile(
        r"\b(?:man|woman|boy|girl|guy|lady|broker|friend|person|one|smuggler|trader|soldier)"
        r"\s(?:whom\s|that\s|who\s)?(?:everyone|everybody|we|they|people|the\sothers|villagers|locals)"
        r"\s(?:called|nicknamed)\s(?:the\s)?[\"“'‘]?(?P<n>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    ),
    re.compile(
        r"\b(?:nicknamed|(?:his|her|whose)\snickname\s(?:was|is)|known\sto\sus\sas|went\sby)"
        r"\s(?:the\s)?[\"“'‘]?(?P<n>[A-Z][a-z]+)"
    ),
    # "people at the market called her Magpie": any subject, a capitalised word after.
    re.compile(
        r"\b(?:called|calls|nicknamed)\s(?:him|her|them)\s(?:the\s)?[\"“'‘]?(?:the\s)?(?P<n>[A-Z][a-z]+)\b"
    ),
    # "Kim Young-chul, or just Chul": a short form given after the name.
    re.compile(
        r"(?<=[A-Z])[a-z]+(?:-[a-z]+)?,?\s(?:or\s(?:just|simply)|but\severyone\scalled\s(?:him|her))"
        r"\s[\"“'‘]?(?P<n>[A-Z][a-z]+)\b"
    ),
    # "Everyone knew Big Hand. That was what we called the …": the name, then the gloss.
    re.compile(
        r"(?<=[a-z,] )[\"“'‘]?(?P<n>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)[\"”'’]?[.,;]?\s"
        r"(?i:that|this|which)\s(?:was|is)"
        r"\s(?:what|how)\s(?:we|they|everyone|everybody|people|the\s\w+|[a-z]+)\s(?:all\s)?call"
    ),
    # '"Rabbit", that was her friend': a quoted name glossed as a person.
    re.compile(
        r"[\"“'‘](?P<n>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)[\"”'’],?\s(?:that|this|who)\s(?:was|is)"
        r"\s(?:her|his|my|our|their|the|a|an)\s"
    ),
    # "a short young man, Shorty, drove us": a person described, then one word as his name
    # (a plain English word: a romanised name is the names detector's).
    re.compile(
        r"\b(?i:a|an|one)\s(?:[a-z]+[\s-]){1,3}(?:man|woman|boy|girl|guy|fellow|lad),\s"
        r"(?P<n>[A-Z][a-z]+),\s(?:who\s|then\s)?(?:drove|took|led|came|brought|helped|gave|showed"
        r"|hid|met|sold|kept|ran|told|said|was|had|would|used)\b"
    ),
]


@cache
def _not_nicknames() -> frozenset[str]:
    """Words that say where someone is from, how related or what they do for everyone."""
    return frozenset(w for row in read_data("korean_not_nicknames.txt") for w in row)


def _tokens(tokenised: TokenisedText, start: int, end: int) -> list[Tok]:
    """Kiwi's tokens starting in ``start..end``, found by bisection (documents are long)."""
    i = bisect_left(tokenised.tokens, start, key=lambda t: t.start)
    out = []
    while i < len(tokenised.tokens) and tokenised.tokens[i].start < end:
        out.append(tokenised.tokens[i])
        i += 1
    return out


def _nominal(tokenised: TokenisedText, start: int, end: int) -> bool:
    """Kiwi reads the word as a noun (or does not know it): no verb, ending or particle."""
    toks = _tokens(tokenised, start, end)
    if not toks:
        return True  # a line Kiwi did not read (no hangul) cannot reach here
    if all(t.tag.startswith(("NN", "XSN", "XR", "SL")) or t.oov for t in toks):
        return True
    # "빨간모자": an adjective glued to a noun, written as one word, is a name-like compound.
    solid = " " not in tokenised.text[start:end]
    shape = all(t.tag.startswith(("VA", "ETM", "NN")) for t in toks)
    return solid and shape and toks[-1].tag.startswith("NN") and toks[0].tag.startswith("VA")


def _ok(tokenised: TokenisedText, start: int, end: int) -> bool:
    """A word that can be a nickname. Never a term of address, even said to be a name
    ('"삼촌"이라고 불렀어요'): an accepted name is hidden at every mention in the project,
    and every uncle would become that broker."""
    word = tokenised.text[start:end]
    if word in _not_nicknames() or word in _ADDRESS:
        return False
    if gz.lookup(word) is not None:
        return False  # "연길 아줌마": the place detector finds the place
    return _nominal(tokenised, start, end)


def _one_noun(tokenised: TokenisedText, m: re.Match[str]) -> bool:
    """The quoted word is one common noun Kiwi knows (곰, 여우), as nicknames are; titles
    and brands are compounds or unknown words (무한도전, 마리몬드)."""
    a, b = m.start("w"), m.end("w")
    toks = _tokens(tokenised, a, b)
    return len(toks) == 1 and toks[0].tag == "NNG" and not toks[0].oov


def _end_of_word(tokenised: TokenisedText, a: int, b: int) -> int:
    """ "깜둥이라고": the regex leaves 이 to the copula, Kiwi reads 깜둥이 as one noun."""
    if tokenised.text[b : b + 1] == "이":
        toks = [t for t in _tokens(tokenised, a, b) if t.start == a]
        if toks and toks[0].end == b + 1 and toks[0].tag.startswith("NN"):
            return b + 1
    return b


def _titled(text: str, m: re.Match[str]) -> bool:
    """A title word just before the quote or just after it: 영화 '변호인', '갈매기' 태풍."""
    before = text[max(0, m.start() - 8) : m.start()]
    after = text[m.end() : m.end() + 8]
    return bool(_TITLE_CUE.search(before) or _TITLE_CUE.match(after.lstrip()))


# An animal named just before: its name is no person's (a person called after an animal,
# "너구리라고 불렀다", has no animal word before it).
_ANIMAL_BEFORE = re.compile(
    rf"(?<![{H}])(?:개|강아지|고양이|괭이|소|송아지|돼지|닭|염소|토끼|말|망아지|새)"
    r"(?:를|을|의|는|도)?\s(?:이름(?:은|이|도)?\s)?$"
)
_RX_WORD_BEFORE = re.compile(rf"(?<![{H}])(?P<w>[{H}]{{2,5}})\s$")


def _address_said(text: str, a: int, b: int) -> int | None:
    """Where a term of address said to be what someone was called ends ("아바이라고": the
    regex leaves its 이 to the copula), or None when the word is no such term."""
    for end in (b + 1, b):
        if text[a:end] in _ADDRESS or text[a:end] in _NK_ADDRESS:
            return end
    return None


def _short_name_i(tokenised: TokenisedText, a: int, b: int) -> bool:
    """Kiwi reads the word as one syllable noun and a subject 이 (순/NNG 이/JKS); a word
    it knows whole (아이, 누이) is no name."""
    toks = _tokens(tokenised, a, b)
    return (
        len(toks) == 2
        and toks[0].tag.startswith("NN")
        and toks[1].tag in ("JKS", "VCP", "JKC")
        and tokenised.text[a] not in "그이저아누"
    )


def _ok_before_term(tokenised: TokenisedText, start: int, end: int) -> bool:
    """The word before a term of address said as a name ("독고 아바이"): any word but a
    relation, a place or a verb; Kiwi often cuts a rare surname or nickname in two."""
    word = tokenised.text[start:end]
    if word in _not_nicknames() or word in _ADDRESS or gz.lookup(word) is not None:
        return False
    toks = _tokens(tokenised, start, end)
    return not toks or not toks[-1].tag.startswith(("V", "E", "J"))


# North Korean terms of address the list above lacks, as said before 이라고.
_NK_ADDRESS = frozenset(
    "아주마이 아즈마이 아즈바이 에미나이 할아바이 오라바이 아바지 오마니".split()
)


def _korean(tokenised: TokenisedText) -> list[Span]:
    text = tokenised.text
    out: list[Span] = []
    for m in sparse.finditer(_RX_ADDRESS, text):
        if not _RX_ADDRESS_TAIL.match(text, m.end("t")):
            continue  # "형편", "이모저모": the address word is part of another word
        a, b = m.start("w"), m.end("w")
        if b - a < 2:
            continue  # "알 형님", "저 언니": one syllable is too often something else
        if b - a == 2 and text[b - 1] == "이" and _short_name_i(tokenised, a, b):
            # "순이 엄마", "옥이 언니": a one-syllable name and its familiar 이, which Kiwi
            # reads as a subject particle
            out.append(Span(a, b, PiiType.PERSON, CONF_ADDRESS, NAME))
            continue
        if b - a >= 3 and text[b - 1] == "이":
            if _ok(tokenised, a, b - 1):  # "영철이 형": a given name and its familiar 이
                out.append(Span(a, b - 1, PiiType.PERSON, CONF_ADDRESS, NAME))
        elif _ok(tokenised, a, b):
            # The nickname is the whole phrase: "뚱보 아줌마" is her name, and hiding it
            # must not hide every 안경 (glasses) or 뚱보 in the project as a person.
            out.append(Span(a, m.end("t"), PiiType.PERSON, CONF_ADDRESS, NAME))
    spoken = is_testimony(text)
    for m in sparse.finditer(_RX_QUOTED, text):
        said = m.group("p").endswith(("라고", "라는", "란"))
        if not said and not (spoken and _one_noun(tokenised, m) and not _titled(text, m)):
            continue
        if _ok(tokenised, m.start("w"), m.end("w")):
            conf = CONF_CALLED if said else CONF_QUOTED
            out.append(Span(m.start("w"), m.end("w"), PiiType.PERSON, conf, NAME))
    called = any(
        w in text for w in ("불렀", "부르", "불러", "불리", "불렸", "부름", "불린", "부른", "놀")
    )
    for rx, conf in (
        (_RX_CALLED if called else None, CONF_CALLED),
        (_RX_CALLED_HA if "라" in text else None, CONF_CALLED),
        (_RX_PEOPLE_SAID if "라" in text else None, CONF_ADDRESS),
    ):
        for m in sparse.finditer(rx, text) if rx else ():
            if _ANIMAL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "그 개를 누렁이라고 불렀다": an animal's name
            a, b = m.start("w"), _end_of_word(tokenised, m.start("w"), m.end("w"))
            term = _address_said(text, a, b)
            if term:  # "독고 아바이라고 불렀다": the word before the term and the term
                prev = _RX_WORD_BEFORE.search(text, max(0, a - 8), a)
                if prev and _ok_before_term(tokenised, prev.start("w"), prev.end("w")):
                    out.append(Span(prev.start("w"), term, PiiType.PERSON, conf, NAME))
            elif _ok(tokenised, a, b):
                out.append(Span(a, b, PiiType.PERSON, conf, NAME))
    for m in sparse.finditer(_RX_NAME_IS, text) if "이름" in text else ():
        if _ANIMAL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "우리 집 개 이름도 바둑이였어요": a dog's name, no person's
        if m.group("w") not in _NOT_SAID_NAME and _ok(tokenised, m.start("w"), m.end("w")):
            out.append(Span(m.start("w"), m.end("w"), PiiType.PERSON, CONF_CALLED, NAME))
    out += _said_and_glossed(tokenised, out)
    for m in sparse.finditer(_RX_NAMED, text) if "별명" in text else ():
        g = "w" if m.group("w") else "w2"
        if _ok(tokenised, m.start(g), m.end(g)):
            out.append(Span(m.start(g), m.end(g), PiiType.PERSON, CONF_CALLED, NAME))
    return out


def _said_and_glossed(tokenised: TokenisedText, found: list[Span]) -> list[Span]:
    """A word said as a name then glossed by who it was, a word glossed as a nickname
    found elsewhere in the text, and what one was called once nicknames are spoken of."""
    text = tokenised.text
    out: list[Span] = []
    for m in sparse.finditer(_RX_CALLED_WHO, text) if "라는" in text else ():
        g = "w" if m.group("w") else "w2"
        a, b = m.start(g), _end_of_word(tokenised, m.start(g), m.end(g))
        if m.group(g) not in _NOT_SAID_NAME and _address_said(text, a, b) is None:
            if _ok(tokenised, a, b):
                out.append(Span(a, b, PiiType.PERSON, CONF_CALLED, NAME))
    for m in sparse.finditer(_RX_SAID_THEN_WHO, text) if "라고," in text else ():
        a, b = m.start("w"), _end_of_word(tokenised, m.start("w"), m.end("w"))
        if m.group("w") not in _NOT_SAID_NAME and _address_said(text, a, b) is None:
            if _ok(tokenised, a, b):
                out.append(Span(a, b, PiiType.PERSON, CONF_CALLED, NAME))
    named = {text[s.start : s.end].split(" ")[0] for s in found}
    for m in sparse.finditer(_RX_GLOSS, text) if named else ():
        a, b = m.start("w"), _end_of_word(tokenised, m.start("w"), m.end("w"))
        if text[a:b] in named and _ok(tokenised, a, b):
            out.append(Span(a, b, PiiType.PERSON, CONF_CALLED, NAME))
    for m in sparse.finditer(_RX_SO_CALLED, text) if "그렇게" in text else ():
        # The call names the word whatever Kiwi reads it as (뺀질이 is a verb stem to it).
        w = m.group("w")
        if w not in _NOT_SAID_NAME and w not in _not_nicknames() and w not in _ADDRESS:
            if gz.lookup(w) is None:
                out.append(Span(m.start("w"), m.end("w"), PiiType.PERSON, CONF_CALLED, NAME))
    for rx in (_RX_CALLED_THERE, _RX_NOT_BUT, _RX_THEN_WHY):
        for m in sparse.finditer(rx, text):
            for g in ("w", "w2") if rx is _RX_NOT_BUT else ("w",):
                a, b = m.start(g), _end_of_word(tokenised, m.start(g), m.end(g))
                if m.group(g) in _NOT_SAID_NAME or _address_said(text, a, b) is not None:
                    continue
                if _ok(tokenised, a, b):
                    out.append(Span(a, b, PiiType.PERSON, CONF_CALLED, NAME))
    for m in sparse.finditer(_RX_WAS_AFTER_NICKNAMES, text) if "별명" in text else ():
        if "별명" not in text[max(0, m.start() - 80) : m.start()]:
            continue
        a, b = m.start("w"), _end_of_word(tokenised, m.start("w"), m.end("w"))
        if m.group("w") not in _NOT_SAID_NAME and _ok(tokenised, a, b):
            out.append(Span(a, b, PiiType.PERSON, CONF_CALLED, NAME))
    return out


def detect(tokenised: TokenisedText) -> list[Span]:
    text = tokenised.text
    out = _korean(tokenised) if re.search(f"[{H}]", text) else []
    low = text.lower()
    for words, rx in zip(_EN_WORDS, _EN_RX, strict=True):
        if not any(w in low for w in words):
            continue
        for m in sparse.finditer(rx, text):
            if m.group("n") not in _EN_ADDRESS:
                out.append(Span(m.start("n"), m.end("n"), PiiType.PERSON, CONF_CALLED, NAME))
    best: dict[tuple[int, int], Span] = {}
    for s in out:
        if (s.start, s.end) not in best or best[(s.start, s.end)].confidence < s.confidence:
            best[(s.start, s.end)] = s
    return sorted(best.values(), key=lambda s: s.start)
