"""A child's name in a list of children and their ages: "큰애 지훈이 여덟 살, 작은애 지수 다섯 살".

Why a detector of its own: parents list their children by rank, name and age, and
the name is often a word Kiwi knows as a common noun (지수 "index", 은혜 "grace"),
so neither the name detectors nor the model take it. Between a rank or kinship
word and an age, a word is that child's name.
"""

from __future__ import annotations

import re

from moksori.protect.detect import sparse
from moksori.protect.detect.numbers import NATIVE
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import TokenisedText

NAME = "sibling"
CONFIDENCE = 0.6
H = "\uac00-\ud7a3"
_KIN = (
    "큰애|작은애|막내|맏이|첫째|둘째|셋째|넷째|큰딸|작은딸|큰아들|작은아들|맏딸|맏아들|큰놈|작은놈"
    "|아들|딸|동생|손자|손녀|조카|외손자|외손녀|남동생|녀동생|여동생|막내딸|막내아들"
)
_RX = re.compile(
    rf"(?<![{H}])(?:{_KIN})(?:는|은|가|이)?\s(?P<w>[{H}]{{2}})(?:이)?(?:는|가)?\s"
    rf"(?:{NATIVE}\s?살|\d{{1,2}}\s?(?:살|세))"
)
_NOT_NAME = frozenset(
    "나이 올해 지금 그때 벌써 이제 아직 겨우 당시 그해 작년 이미 거의 한창 갓난 고작 딱히".split()
)


def detect(tokenised: TokenisedText) -> list[Span]:
    text = tokenised.text
    out = []
    for m in sparse.finditer(_RX, text):
        w = m.group("w")
        if w in _NOT_NAME or not _nominal(tokenised, m.start("w"), m.end("w")):
            continue
        out.append(Span(m.start("w"), m.end("w"), PiiType.PERSON, CONFIDENCE, NAME))
    return out


def _nominal(tokenised: TokenisedText, a: int, b: int) -> bool:
    toks = [t for t in tokenised.tokens if a <= t.start < b]
    return bool(toks) and all(t.tag.startswith(("NN", "XSN", "XR")) or t.oov for t in toks)
