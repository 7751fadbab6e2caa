"""Numbered units said in testimony are roles: a navy squadron, a bureau, a street unit."""

from __future__ import annotations

import pytest

from moksori.protect.detect import roles
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise


def _roles(text: str) -> list[str]:
    return [text[s.start : s.end] for s in roles.detect(tokenise(text)) if s.type == PiiType.ROLE]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("오빠는 제대하기 전에 공군 3전대에 있었어요.", "공군 3전대"),
        ("삼촌은 6총국 건설 돌격대로 나가서 안 왔소.", "6총국 건설 돌격대"),
        ("우리 집은 48인민반이었는데 반장이 고약했지.", "48인민반"),
        ("나는 2중대 1소대에 배치됐슴다.", "2중대 1소대"),
        ("그 마을 촌 서기가 호구를 해 줬어요.", "촌 서기"),
    ],
)
def test_a_numbered_unit_is_a_role(text: str, role: str) -> None:
    assert role in _roles(text)


def test_a_year_of_the_era_is_no_role() -> None:
    assert not _roles("서기 1998년에 지은 집이오.")
