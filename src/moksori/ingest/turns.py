"""Speaker turns of an interview ("Q: 네.", "김순희: 그래요.", "Interviewer: ..."): content,
never chrome, though they are short and labelled like a page's "Tags: …" or "Tel: …" lines.

Split from :mod:`moksori.ingest.linekinds`, which calls every turn prose.
"""

from __future__ import annotations

import re

__all__ = ["is_speaker_turn"]


def _words(*items: str) -> frozenset[str]:
    return frozenset(w for item in items for w in item.split("|"))


_TURN = re.compile(
    r"^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?"
    r"(?P<label>Q|A|문|답|[A-Z][A-Za-z.'\-]{0,20}(?: [A-Z][A-Za-z.'\-]{0,20}){0,2}"
    r"|[가-힣]{1,6}(?: ?[가-힣A-Z]{1,3})?)\s*[:：]\s*\S"
)
_NOT_SPEAKERS = _words(
    "tags|tag|tagged|labels|categories|category|posted in|filed under|share|share this|follow|"
    "follow us|tel|fax|email|e-mail|phone|address|copyright|source|photo|image|credit|related|"
    "read more|archives|menu|search|keywords|note|notes|share on|share via|share this post|"
    "previous|next|previous post|next post|previous article|next article|older post|newer post|"
    "posted|updated|published|last updated|last modified|modified|date",
    "태그|카테고리|분류|공유|공유하기|주소|전화|팩스|이메일|출처|사진|관련기사|관련 기사|"
    "저작권|문의|메뉴|검색|이전 글|다음 글|이전글|다음글|이전 기사|다음 기사|등록번호|등록일|"
    "발행인|편집인|발행·편집인|발행일|대표전화|청소년보호책임자|사업자등록번호|고유번호|"
    "후원 계좌|후원계좌|예금주|입력|수정|조회|조회수|views|hits|후원|정기후원|정기 후원|일시후원|"
    "일시 후원|후원 방법|후원 안내|후원 문의|작성일|작성일시|게시일|수정일|송고|송고시간|날짜",
)


def is_speaker_turn(s: str) -> bool:
    """'Q: 네.' / '김순희: 그래요.' / 'Interviewer: ...' — never boilerplate."""
    m = _TURN.match(s)
    return m is not None and m.group("label").strip().casefold() not in _NOT_SPEAKERS
