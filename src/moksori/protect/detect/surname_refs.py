"""A surname used as a person: "안비서", "한중대장", "오지배인", "손가를", "안가 놈".

Why a detector of its own: witnesses call officials by surname and title, written as
one word, and men they despise by surname and 가 ("손가 놈"). Kiwi reads 안비서 as
the adverb 안 and 비서, 한중대장 as "one company commander", 손가 as 손 + a copula,
so neither the name detectors nor the model see a name. The surname alone is still
the most identifying part, so it is the finding; the title stays the roles' own. The
scanner adds these after the learned model, which reads Kiwi's split and cannot judge them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from moksori.protect.detect import roles, sparse
from moksori.protect.detect.korean_lexicon import lexicon
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import TokenisedText

NAME = "surname"
H = "\uac00-\ud7a3"
CONFIDENCE = 0.6
# Syllables that are surnames but, glued to a title, say "former", "current", "vice".
_NOT_GLUED = frozenset("전 현 원 부 총 대 본 각 새 구 신 고 정 차 주 당 도 군 소 분 중")
_TAIL = (
    r"(?=$|[^" + H + r"]|님|이|가|은|는|을|를|의|에게|한테|도|만|과|와|랑|하고|였|이었|이라|라"
    r"|이고|이며|인|이요|예요|이에요|입니|네|동지|동무|까지|처럼|보다|이던|이니)"
)
# The titles a surname is glued to: the role list, plus titles said to a superior.
_TITLES = tuple(
    "선생 선생님 동무 동지 주임 기사 지도원 교원 비서 부장 과장 사장 소장 국장"
    " 원장 처장 실장 지배인 기사장 반장 조장 대장 중대장 소대장 대대장 련대장"
    " 연대장 보위원 안전원 보안원 분조장 작업반장".split()
)
# "안가 놈", "손가를", "손가라고": surname + 가, then a word of contempt or a particle
# that can only follow a noun.
_GA = re.compile(
    rf"(?<![{H}])(?P<s>[{H}])가(?=\s?(?:놈|새끼|년|녀석|놈이|놈한테)|를|라고|라는|라던|네\s|네가"
    rf"|네는|한테|하고\s|\s?그\s?놈)"
)
# "계호원이 손가.": a role as the subject, then surname + 가 ending the clause.
_GA_AFTER_ROLE = re.compile(rf"(?:이|가|은|는)\s(?P<s>[{H}])가(?=[.,!?…]|\s?(?:였|이었|이야|요))")


@cache
def _title_set() -> frozenset[str]:
    return frozenset({*roles._role_words(), *_TITLES})


@cache
def _titles() -> re.Pattern[str]:
    titles = sorted({*roles._role_words(), *_TITLES}, key=len, reverse=True)
    words = [t for t in titles if " " not in t and len(t) >= 2]
    first = "".join(sorted({w[0] for w in words}))
    return re.compile(rf"(?=[{first}])(?<=[{H}])(?:{'|'.join(map(re.escape, words))}){_TAIL}")


# Titles that also name an office in a small place, and so are roles: the rest
# (사장, 선생, 동무) are forms of address.
_ROLE_TITLES = frozenset(
    "비서 지도원 보위원 안전원 보안원 지배인 기사장 분조장 작업반장 중대장 소대장 대대장"
    " 련대장 연대장".split()
)


def _unit_title(syllable: str, title: str) -> bool:
    """An administrative unit's office: 리당비서, 동당위원장, 시당 책임비서."""
    return syllable in "리동면읍시" and title.startswith("당")


def _is_role(title: str) -> bool:
    return title in _ROLE_TITLES or (title not in _TITLES and title in roles._role_words())


def _surname(s: str) -> bool:
    lex = lexicon()
    return s in lex.surnames or s in lex.rare_surnames


def detect(tokenised: TokenisedText, found: Sequence[Span] = ()) -> list[Span]:
    """Surnames used as persons; a glued title is a role too, unless ``found`` has one there."""
    text = tokenised.text
    roles_at = [(r.start, r.end) for r in found if r.type == PiiType.ROLE]
    if not re.search(f"[{H}]", text):
        return []
    out: list[Span] = []
    for m in _titles().finditer(text):  # the title, then the one syllable glued before it
        a = m.start() - 1
        s = text[a]
        if _unit_title(s, m.group()) or text[a : m.end()] in _title_set():
            continue  # 리당비서 (a village's Party secretary); 기사장 (a chief engineer)
        if (a == 0 or not re.match(f"[{H}]", text[a - 1])) and _surname(s) and s not in _NOT_GLUED:
            if not _one_word(tokenised, a, m.end()):
                out.append(Span(a, a + 1, PiiType.PERSON, CONFIDENCE, NAME))
                b = m.end()
                if _is_role(m.group()) and not any(x < b and a < y for x, y in roles_at):
                    out.append(Span(a + 1, b, PiiType.ROLE, CONFIDENCE, NAME))
    for rx in (_GA, _GA_AFTER_ROLE):
        for m in sparse.finditer(rx, text):
            if rx is _GA_AFTER_ROLE and not _role_before(text, m.start()):
                continue
            if m.group("s") in lexicon().surnames and not _common_noun(tokenised, m.start("s")):
                out.append(Span(m.start("s"), m.end("s"), PiiType.PERSON, CONFIDENCE, NAME))
    return out


def _one_word(tokenised: TokenisedText, a: int, b: int) -> bool:
    """Kiwi knows the whole as one word (이사장, a chairman), or the syllable as a common
    noun of its own (당비서: the Party's secretary)."""
    i = bisect_left(tokenised.tokens, a, key=lambda t: t.start)
    if i >= len(tokenised.tokens) or tokenised.tokens[i].start != a:
        return False
    t = tokenised.tokens[i]
    return (t.end >= b and t.tag.startswith("NN")) or (t.end == a + 1 and t.tag == "NNG")


def _common_noun(tokenised: TokenisedText, a: int) -> bool:
    """Kiwi reads a common noun from ``a`` on: 장가 (a wedding), 손가락, 가가호호."""
    i = bisect_left(tokenised.tokens, a, key=lambda t: t.start)
    if i >= len(tokenised.tokens) or tokenised.tokens[i].start != a:
        return False
    t = tokenised.tokens[i]
    return t.tag == "NNG" and t.end >= a + 2


def _role_before(text: str, pos: int) -> bool:
    """A role word ends right before the particle at ``pos`` ("계호원이 손가.")."""
    word = re.search(f"[{H}]+$", text[max(0, pos - 12) : pos])
    return bool(word and any(word.group().endswith(r) for r in roles._role_words()))
