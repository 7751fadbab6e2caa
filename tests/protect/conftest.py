"""A small fictional study with planted identities, a vault, and a known-names list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from moksori.project import Project
from moksori.protect.vault import Vault

VAULT_PASSPHRASE = "vault passphrase for tests only"

TESTIMONY_KO = (
    "면담자: 언제 나오셨어요?\n"
    "김순희: 저는 2011년 3월 14일에 함경북도 무산군에서 나왔어요. 그때 스물세 살이었어요.\n"
    "면담자: 누구랑 같이 오셨어요?\n"
    "김순희: 남동생 리철수랑 같이 왔어요. 어머니는 순희야 하고 불렀죠.\n"
    "김순희: 하나원 142기로 수료했고 지금 연락처는 010-2398-4417이에요.\n"
)
TESTIMONY_EN = (
    "Interviewer: When did you come to Seoul?\n"
    "Kim Soon-hee: I crossed the river in March 2011, when I was 23.\n"
    "Kim Soon-hee: My brother Ri Chol-su came with me. Write to me at soonhee.k@example.org.\n"
)
# Everything planted above that must never appear in a shared copy.
PLANTED = [
    "김순희",
    "순희",
    "리철수",
    "Kim Soon-hee",
    "Soon-hee",
    "Ri Chol-su",
    "010-2398-4417",
    "soonhee.k@example.org",
]


@pytest.fixture
def testimony(project: Project, tmp_path: Path) -> Project:
    folder = tmp_path / "testimony"
    folder.mkdir()
    (folder / "interview-ko.txt").write_text(TESTIMONY_KO, encoding="utf-8")
    (folder / "interview-en.txt").write_text(TESTIMONY_EN, encoding="utf-8")
    assert project.add([folder], workers=1).count("added") == 2
    return project


@pytest.fixture
def vault(testimony: Project, tmp_path: Path) -> Iterator[Vault]:
    v = testimony.deid.create_vault(tmp_path / "study.vault", VAULT_PASSPHRASE)
    yield v
    v.close()


def doc_id(project: Project, name: str) -> int:
    return next(d.id for d in project.documents() if name in d.source_name)
