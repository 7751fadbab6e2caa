"""North/South Korean spelling: one canonical (South) form for search.

North Korean orthography keeps a word-initial ㄹ/ㄴ that South Korean spelling
drops or changes by the initial-sound rule (두음법칙): 로동/노동, 녀성/여성,
리용/이용. Interviews with North Korean migrants mix both spellings, often in
one sentence, so the index and the query side both fold every term to the
South Korean spelling with :func:`to_south`; a query in either spelling then
finds both.

Only the first syllable is changed (that is where the rule applies). Parts of
compounds (조선로동당 → 로동당 → 로동) are canonicalised separately by the
analyser in :mod:`moksori.korean.terms`, which also calls :func:`to_south` on
each part.
"""

from __future__ import annotations

from collections.abc import Mapping

_SYL_FIRST = 0xAC00
_SYL_LAST = 0xD7A3
_N_VOWELS = 21
_N_FINALS = 28

# Initial consonant indices (Hangul syllable arithmetic).
_NIEUN = 2  # ㄴ
_RIEUL = 5  # ㄹ
_IEUNG = 11  # ㅇ

# Vowel indices: ㅏ0 ㅐ1 ㅑ2 ㅒ3 ㅓ4 ㅔ5 ㅕ6 ㅖ7 ㅗ8 ㅘ9 ㅙ10 ㅚ11 ㅛ12 ㅜ13
# ㅝ14 ㅞ15 ㅟ16 ㅠ17 ㅡ18 ㅢ19 ㅣ20.
# 한글 맞춤법 제10항: 녀 뇨 뉴 니 → 여 요 유 이.
_NIEUN_TO_IEUNG = frozenset({6, 12, 17, 20})
# 제11항: 랴 려 례 료 류 리 → 야 여 예 요 유 이.
_RIEUL_TO_IEUNG = frozenset({2, 6, 7, 12, 17, 20})
# 제12항: 라 래 로 뢰 루 르 → 나 내 노 뇌 누 느.
_RIEUL_TO_NIEUN = frozenset({0, 1, 8, 11, 13, 18})

# Words that keep their initial ㄹ/ㄴ in South Korean spelling too: loanwords
# and native words the rule does not touch. Folding them would only create
# false matches (뉴스 → 유스 "youth").
KEEP_INITIAL: frozenset[str] = frozenset(
    {
        "녀석",
        "뉴스",
        "뉴욕",
        "뉴질랜드",
        "니트",
        "라디오",
        "라면",
        "라이터",
        "라인",
        "라틴",
        "로봇",
        "로비",
        "로마",
        "로켓",
        "로그",
        "루트",
        "리더",
        "리듬",
        "리본",
        "리스트",
        "리그",
        "리터",
    }
)

# A few everyday words that differ between North and South (not just in
# spelling). Keys are the North Korean words; values the South Korean ones.
# Only whole words are mapped; 동무 and other shared words are left alone.
NK_VOCABULARY: Mapping[str, str] = {
    "닭알": "달걀",
    "원주필": "볼펜",
    "얼음보숭이": "아이스크림",
    "손전화": "휴대폰",
    "손전화기": "휴대폰",
    "곽밥": "도시락",
    "가락지빵": "도넛",
    "게사니": "거위",
    "땅크": "탱크",
    "뜨락또르": "트랙터",
    "남새": "채소",
    "살결물": "스킨",
}


def _fold_syllable(code: int) -> int:
    """Apply the initial-sound rule to one syllable code point."""
    offset = code - _SYL_FIRST
    initial, rest = divmod(offset, _N_VOWELS * _N_FINALS)
    vowel = rest // _N_FINALS
    if initial == _NIEUN and vowel in _NIEUN_TO_IEUNG:
        initial = _IEUNG
    elif initial == _RIEUL:
        if vowel in _RIEUL_TO_IEUNG:
            initial = _IEUNG
        elif vowel in _RIEUL_TO_NIEUN:
            initial = _NIEUN
        else:
            return code
    else:
        return code
    return _SYL_FIRST + initial * _N_VOWELS * _N_FINALS + rest


def to_south(word: str) -> str:
    """Return *word* with its first syllable in South Korean spelling.

    녀성 → 여성, 로동 → 노동, 리용 → 이용, 량심 → 양심; words already in
    South Korean spelling, words in :data:`KEEP_INITIAL` and non-Hangul words
    are returned unchanged. Applying it twice changes nothing.
    """
    if not word:
        return word
    code = ord(word[0])
    if code < _SYL_FIRST or code > _SYL_LAST or word in KEEP_INITIAL:
        return word
    folded = _fold_syllable(code)
    if folded == code:
        return word
    return chr(folded) + word[1:]


_SOUTH_TO_NORTH: dict[tuple[int, int], tuple[int, ...]] = {}
for _vowel in _NIEUN_TO_IEUNG:
    _SOUTH_TO_NORTH.setdefault((_IEUNG, _vowel), ())
    _SOUTH_TO_NORTH[(_IEUNG, _vowel)] += (_NIEUN,)
for _vowel in _RIEUL_TO_IEUNG:
    _SOUTH_TO_NORTH.setdefault((_IEUNG, _vowel), ())
    _SOUTH_TO_NORTH[(_IEUNG, _vowel)] += (_RIEUL,)
for _vowel in _RIEUL_TO_NIEUN:
    _SOUTH_TO_NORTH[(_NIEUN, _vowel)] = (_RIEUL,)


def north_spellings(word: str) -> tuple[str, ...]:
    """Spellings the North may use for a South Korean *word* (여성 → 녀성, 려성).

    The inverse of :func:`to_south` for words of two or more syllables; used
    to teach Kiwi the North Korean forms of its dictionary words. Most words
    get spellings that never occur (여기 → 녀기); that is harmless.
    """
    if len(word) < 2:
        return ()
    code = ord(word[0])
    if code < _SYL_FIRST or code > _SYL_LAST:
        return ()
    initial, rest = divmod(code - _SYL_FIRST, _N_VOWELS * _N_FINALS)
    norths = _SOUTH_TO_NORTH.get((initial, rest // _N_FINALS), ())
    tail = word[1:]
    return tuple(chr(_SYL_FIRST + n * _N_VOWELS * _N_FINALS + rest) + tail for n in norths)


def south_vocabulary(word: str) -> str | None:
    """The South Korean word for a North Korean one in :data:`NK_VOCABULARY`."""
    return NK_VOCABULARY.get(word)
