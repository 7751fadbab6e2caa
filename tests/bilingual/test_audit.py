"""Translation work is audited like every other change: pairing, aligning, links set by
hand, projecting codings, automatic projection, unpairing (kept in the trash), and
adding a coder. Events name records by id or GUID, never by text or file name."""

from __future__ import annotations

import json
from pathlib import Path

from moksori.project import Project
from moksori.store import audit
from tests.bilingual.test_alignment import EN, KO

WHO = "Researcher Han"


def _last(p: Project, action: str) -> dict[str, object]:
    return audit.entries(p.conn, action)[-1]


def test_every_translation_change_is_one_event(project: Project, tmp_path: Path) -> None:
    p = project.acting_as(WHO)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "int03.ko.txt").write_text(KO, encoding="utf-8")
    (folder / "int03.en.txt").write_text(EN, encoding="utf-8")
    [pair] = p.add([folder], workers=1).pairs
    paired = _last(p, "pair.add")
    assert paired["actor"] == WHO
    assert paired["detail"] == {
        "targets": {"pair": [pair.id]},
        "counts": {"pairs": 1},
        "choice": "by_name",
    }

    report = p.alignments.align(pair.id)
    assert _last(p, "pair.align")["detail"] == {
        "targets": {"pair": [pair.id]},
        "counts": {"links": report.links, "kept": 0},
    }
    p.alignments.set_link(pair.id, [1], [1])
    assert _last(p, "pair.link")["detail"]["targets"] == {"pair": [pair.id]}  # type: ignore[index]

    p.codebook.create("river crossing")
    at = KO.index("두만강")
    p.codings.apply("river crossing", pair.original_id, at, at + 3)
    projected = p.project_translations()
    assert projected.projected == 1
    assert _last(p, "coding.project")["detail"] == {
        "targets": {"pair": [pair.id]},
        "counts": {"pairs": 1, "codings": 1},
        "choice": "to-translation",
    }
    p.set_auto_projection(True)
    assert _last(p, "coding.auto_project")["detail"] == {"choice": "on"}
    at = KO.index("월급")
    made = p.codings.apply("river crossing", pair.original_id, at, at + 2)
    assert p.project_new_codings([made]) == 1
    assert _last(p, "coding.project")["detail"] == {
        "counts": {"codings": 1},
        "choice": "auto",
    }

    links = len(p.alignments.links(pair.id))
    p.pairs.unpair(pair.id)
    removed = _last(p, "pair.remove")["detail"]
    assert removed["counts"] == {"links": links}  # type: ignore[index]
    [kept] = removed["targets"]["trash"]  # type: ignore[index]
    trash = audit.trash(p.conn, kept)
    assert trash["id"] == pair.id and len(trash["links"]) == links
    assert sum(link[5] for link in trash["links"]) == 1  # the link set by hand is kept too

    coder = p.coders.add("Coder Choi")
    assert _last(p, "coder.add")["detail"] == {
        "targets": {"coder": [coder.guid]},
        "choice": "coder",
    }

    trail = json.dumps(audit.entries(p.conn), ensure_ascii=False)
    assert not any(w in trail for w in ("int03", "두만강", "Tumen", "river crossing", "Choi"))
    assert [e["action"] for e in audit.entries(p.conn) if e["actor"] != WHO] == []


def test_a_refused_pair_leaves_no_event(project: Project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(KO, encoding="utf-8")
    (tmp_path / "b.txt").write_text(KO.replace("면담자", "질문자"), encoding="utf-8")
    project.add([tmp_path / "a.txt", tmp_path / "b.txt"], workers=1)
    a, b = (d.id for d in project.documents())
    before = audit.last_id(project.conn)
    try:
        project.pairs.pair(a, b)  # two Korean documents: no pair
    except Exception:
        pass
    assert audit.last_id(project.conn) == before
