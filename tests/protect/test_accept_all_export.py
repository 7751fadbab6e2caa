"""What a researcher who accepts every proposal publishes: no part of an identifier.

A fictional testimony with the identifiers people say whole: a date with its month,
a role with its unit, a place with its village, an age in words, a name and its
familiar and kinship forms. After scan, accept all and export, none of them may be
readable; the default date policy leaves only the part of the decade ("2000년대 중반").
"""

from __future__ import annotations

from pathlib import Path

from moksori.project import Project
from moksori.protect.export import export_documents
from moksori.protect.findings import Selector
from tests.protect.conftest import VAULT_PASSPHRASE

TESTIMONY = (
    "면담자: 고향이 어디세요?\n"
    "답변자: 나는 량강도 김정숙군 신흥리 사람이재임. 우리 아바지는 4작업반 반장이었슴다.\n"
    "답변자: 2006년 동짓달에 국경경비대 소대장한테 돈을 주고 넘었지비.\n"
    "답변자: 동생 황보철진이는 그때 스물둘이었는데, 다들 황보 아바이라고 불렀슴다.\n"
    "답변자: 철진이 형이 먼저 갔고, 철진이는 올해 마흔하나임다.\n"
)
SECRETS = [
    "신흥리",
    "4작업반",
    "동짓달",
    "국경경비대",
    "황보철진",
    "철진",
    "황보 아바이",
    "스물둘",
    "마흔하나",
    "2006",  # the default period policy hides the exact year too (issue 15)
]


def test_accept_all_then_export_leaves_no_part_of_an_identifier(
    project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "testimony.txt").write_text(TESTIMONY, encoding="utf-8")
    assert project.add([folder], workers=1).count("added") == 1
    vault = project.deid.create_vault(tmp_path / "t.vault", VAULT_PASSPHRASE)
    try:
        project.deid.scan(vault=vault, workers=1)
        project.deid.review(Selector(status="proposed"), "accepted", vault=vault)
    finally:
        vault.close()
    ids = [d.id for d in project.documents()]
    files = export_documents(project.conn, ids, tmp_path / "out", "txt", unreviewed=0).files
    out = Path(files[0]).read_text(encoding="utf-8")
    assert [s for s in SECRETS if s in out] == []
    assert "2000년대 중반에" in out  # the period policy: the part of the decade, still true
