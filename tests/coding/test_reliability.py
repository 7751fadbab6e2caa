"""Agreement figures, checked against scikit-learn and the krippendorff package.

Two fictional interviews (one Korean, one English) are coded by three coders
who agree on some passages and not on others. The reference figures are
computed from unit-by-unit ratings built here with plain Python loops, so
they share nothing with the numpy code under test.
"""

from __future__ import annotations

import math
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from moksori.coding.reliability import Figures, Reliability, figures
from moksori.errors import CodingError
from moksori.project import Project

KO = (
    "면접자: 어떻게 떠나게 되셨어요?\n"
    "참여자: 2010년 겨울에 강을 건넜어요. 너무 무서웠어요. 어머니는 혜산에 남으셨어요.\n"
    "면접자: 중국에서는 어떠셨어요?\n"
    "참여자: 식당에서 일했어요. 돈을 모아서 어머니께 보냈어요. 잡힐까 봐 늘 불안했어요.\n"
    "면접자: 한국에 와서는요?\n"
    "참여자: 하나원을 나와서 공장에 다녔어요. 지금은 동생과 같이 살아요.\n"
)
EN = (
    "Interviewer: How did you leave?\n"
    "Participant: We crossed the river at night. I was terrified the whole time. "
    "My father stayed behind.\n"
    "Interviewer: What happened in China?\n"
    "Participant: I worked in a restaurant kitchen. I sent money home every month. "
    "I was always afraid of being caught.\n"
    "Interviewer: And in Seoul?\n"
    "Participant: I studied to become a nurse. My sister joined me two years later.\n"
)

CODES = ("Crossing", "Fear", "Family", "Work")

# coder -> list of (document name, code, phrase); a coding covers the phrase.
CODINGS: dict[str, list[tuple[str, str, str]]] = {
    "minji": [
        ("ko.txt", "Crossing", "2010년 겨울에 강을 건넜어요."),
        ("ko.txt", "Fear", "너무 무서웠어요."),
        ("ko.txt", "Family", "어머니는 혜산에 남으셨어요."),
        ("ko.txt", "Work", "식당에서 일했어요."),
        ("ko.txt", "Family", "돈을 모아서 어머니께 보냈어요."),
        ("ko.txt", "Fear", "잡힐까 봐 늘 불안했어요."),
        ("ko.txt", "Work", "공장에 다녔어요"),
        ("en.txt", "Crossing", "We crossed the river at night."),
        ("en.txt", "Fear", "I was terrified the whole time."),
        ("en.txt", "Family", "My father stayed behind."),
        ("en.txt", "Work", "I worked in a restaurant kitchen."),
        ("en.txt", "Fear", "I was always afraid of being caught."),
    ],
    "james": [
        # one long coding over two sentences: overlaps both
        ("ko.txt", "Crossing", "2010년 겨울에 강을 건넜어요. 너무 무서웠어요."),
        ("ko.txt", "Fear", "무서웠어요"),
        ("ko.txt", "Work", "식당에서 일했어요. 돈을 모아서"),
        ("ko.txt", "Family", "어머니께 보냈어요."),
        ("ko.txt", "Family", "지금은 동생과 같이 살아요."),
        ("en.txt", "Crossing", "We crossed the river"),
        ("en.txt", "Family", "My father stayed behind."),
        ("en.txt", "Work", "I worked in a restaurant kitchen. I sent money home every month."),
        ("en.txt", "Family", "I sent money home every month."),
        ("en.txt", "Fear", "always afraid"),
        ("en.txt", "Work", "I studied to become a nurse."),
    ],
    "sora": [
        ("ko.txt", "Crossing", "강을 건넜어요"),
        ("ko.txt", "Fear", "너무 무서웠어요."),
        ("ko.txt", "Work", "식당에서 일했어요."),
        ("ko.txt", "Fear", "잡힐까 봐 늘 불안했어요."),
        ("en.txt", "Crossing", "We crossed the river at night."),
        ("en.txt", "Family", "My father stayed behind."),
        ("en.txt", "Fear", "I was always afraid of being caught."),
        ("en.txt", "Family", "My sister joined me two years later."),
    ],
}


def insert_coding(p: Project, code: str, doc: int, start: int, end: int, coder: str) -> int:
    """A coding row as the codings layer would write it (kept to SQL on purpose)."""
    code_id = p.codebook.get(code).id
    coder_id = p.coders.get(coder).id
    cur = p.conn.execute(
        'INSERT INTO coding(guid, code_id, document_id, start, "end", coder_id, created_at) '
        "VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, ?, '2024-01-01T00:00:00Z')",
        (code_id, doc, start, end, coder_id),
    )
    return int(cur.lastrowid)


def doc_ids(p: Project) -> dict[str, int]:
    return {d.source_name: d.id for d in p.documents()}


def build(p: Project, tmp_path: Path, coders: dict[str, list[tuple[str, str, str]]]) -> None:
    folder = tmp_path / "interviews"
    folder.mkdir()
    (folder / "ko.txt").write_text(KO, encoding="utf-8")
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    report = p.add([folder / "ko.txt", folder / "en.txt"], workers=1)
    assert report.count("added") == 2
    for name in CODES:
        p.codebook.create(name)
    ids = doc_ids(p)
    texts = {name: p.document(i).text for name, i in ids.items()}
    for coder, items in coders.items():
        p.coders.add(coder)
        for doc, code, phrase in items:
            start = texts[doc].index(phrase)
            insert_coding(p, code, ids[doc], start, start + len(phrase), coder)


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> Project:
    build(project, tmp_path, CODINGS)
    return project


# --- an independent reference -------------------------------------------------
def units(p: Project, unit: str) -> list[tuple[int, int, int]]:
    """(document, start, end) of every unit, documents in id order; chars one by one."""
    out: list[tuple[int, int, int]] = []
    for doc in sorted(doc_ids(p).values()):
        if unit == "char":
            out += [(doc, i, i + 1) for i in range(len(p.document(doc).text))]
        else:
            out += [
                (doc, s, e)
                for s, e in p.conn.execute(
                    'SELECT start, "end" FROM segment WHERE document_id = ? AND kind = ? '
                    "ORDER BY start",
                    (doc, unit),
                )
            ]
    return out


def ratings(p: Project, unit: str, coders: list[str], codes: list[str]) -> list[list[list[int]]]:
    """ratings[coder][code][unit] in {0, 1}: does a coding overlap the unit?"""
    us = units(p, unit)
    rows = p.conn.execute(
        'SELECT r.name, c.name, g.document_id, g.start, g."end" FROM coding g '
        "JOIN coder r ON r.id = g.coder_id JOIN code c ON c.id = g.code_id"
    ).fetchall()
    out = []
    for coder in coders:
        per_code = []
        for code in codes:
            mine = [(d, s, e) for r, c, d, s, e in rows if r == coder and c == code]
            per_code.append(
                [int(any(d == ud and s < ue and e > us_ for d, s, e in mine)) for ud, us_, ue in us]
            )
        out.append(per_code)
    return out


def ref_alpha(data: list[list[int]]) -> float | None:
    try:
        return float(
            krippendorff.alpha(reliability_data=np.array(data), level_of_measurement="nominal")
        )
    except ValueError:  # one value only
        return None


def ref_kappa(a: list[int], b: list[int]) -> float | None:
    with np.errstate(all="ignore"):
        k = float(cohen_kappa_score(a, b)) if len(set(a) | set(b)) > 1 else math.nan
    return None if math.isnan(k) else k


def ref_percent(data: list[list[int]]) -> float:
    return sum(len(set(col)) == 1 for col in zip(*data, strict=True)) / len(data[0])


def close(ours: float | None, theirs: float | None) -> bool:
    if ours is None or theirs is None:
        return ours is None and theirs is None
    return abs(ours - theirs) < 1e-5


def check_against_references(p: Project, unit: str, coders: list[str]) -> None:
    report = Reliability(p.conn).agreement(coders, codes=list(CODES), unit=unit)
    data = ratings(p, unit, coders, list(CODES))
    coded_mask = [
        any(data[c][k][u] for c in range(len(coders)) for k in range(len(CODES)))
        for u in range(len(data[0][0]))
    ]
    assert report.units == len(coded_mask)
    assert report.uncoded_units == coded_mask.count(False)

    def check(fig_all: Figures, fig_coded: Figures, series: list[list[int]]) -> None:
        kept = [[v for v, m in zip(row, mask_for(series), strict=True) if m] for row in series]
        for fig, d in ((fig_all, series), (fig_coded, kept)):
            assert fig.units == len(d[0])
            assert close(fig.percent_agreement, ref_percent(d))
            assert close(fig.alpha, ref_alpha(d))
            if len(coders) == 2:
                assert close(fig.kappa, ref_kappa(d[0], d[1]))
            else:
                assert fig.kappa is None

    def mask_for(series: list[list[int]]) -> list[bool]:
        return coded_mask * (len(series[0]) // len(coded_mask))

    for k, row in enumerate(report.codes):
        assert row.code == CODES[k]
        check(row.all_units, row.coded_only, [data[c][k] for c in range(len(coders))])
    pooled = [sum((data[c][k] for k in range(len(CODES))), []) for c in range(len(coders))]
    check(report.overall.all_units, report.overall.coded_only, pooled)
    sets = [
        [sum(data[c][k][u] << k for k in range(len(CODES))) for u in range(len(coded_mask))]
        for c in range(len(coders))
    ]
    check(report.overall_sets.all_units, report.overall_sets.coded_only, sets)


@pytest.mark.parametrize("unit", ["sentence", "turn", "char"])
def test_two_coders_match_sklearn_and_krippendorff(coded: Project, unit: str) -> None:
    check_against_references(coded, unit, ["minji", "james"])


@pytest.mark.parametrize("unit", ["sentence", "char"])
def test_three_coders_match_krippendorff(coded: Project, unit: str) -> None:
    check_against_references(coded, unit, ["minji", "james", "sora"])


def test_excluding_uncoded_units_lowers_inflated_agreement(coded: Project) -> None:
    report = Reliability(coded.conn).agreement(["minji", "james"], unit="char")
    assert report.uncoded_units > 0
    every, coded_only = report.overall.all_units, report.overall.coded_only
    assert every.percent_agreement is not None and coded_only.percent_agreement is not None
    assert coded_only.percent_agreement < every.percent_agreement - 0.05
    assert coded_only.kappa is not None and every.kappa is not None
    assert coded_only.kappa < every.kappa
    strict = report.overall_sets
    assert strict.coded_only.percent_agreement is not None
    assert strict.all_units.percent_agreement is not None
    assert strict.coded_only.percent_agreement < strict.all_units.percent_agreement - 0.2
    assert coded_only.units < every.units
    # the interviewer's questions, coded by nobody, are what inflated it
    sentence = Reliability(coded.conn).agreement(["minji", "james"], unit="sentence")
    assert sentence.uncoded_units >= 6  # six questions at least
    assert sentence.overall.coded_only.alpha != sentence.overall.all_units.alpha


def test_defaults_pick_documents_all_coders_coded(coded: Project) -> None:
    ids = doc_ids(coded)
    reliability = Reliability(coded.conn)
    report = reliability.agreement(["minji", "james"])
    assert [d["id"] for d in report.documents] == sorted(ids.values())
    assert [c.code for c in report.codes] == list(CODES)  # codebook order
    coded.coders.add("newcomer")
    insert_coding(coded, "Fear", ids["en.txt"], 0, 5, "newcomer")
    only_en = reliability.agreement(["minji", "newcomer"])
    assert [d["id"] for d in only_en.documents] == [ids["en.txt"]]
    chosen = reliability.agreement(["minji", "newcomer"], documents=["ko.txt"], codes=["Fear"])
    assert any("no codings yet by newcomer" in n for n in chosen.notes)
    assert chosen.codes[0].coded_by["newcomer"] == 0


def test_degenerate_single_category_gives_none_with_reason(coded: Project) -> None:
    # A code nobody used: every unit is 'absent' for both coders, so chance agreement
    # is perfect and kappa and alpha are undefined (sklearn gives NaN, krippendorff raises).
    coded.codebook.create("Unused")
    report = Reliability(coded.conn).agreement(["minji", "james"], codes=["Unused"], unit="turn")
    row = report.codes[0]
    assert row.all_units.percent_agreement == 1.0
    assert row.all_units.kappa is None and row.all_units.alpha is None
    assert any("kappa undefined" in n for n in row.all_units.notes)
    assert any("alpha undefined" in n for n in row.all_units.notes)
    assert row.coded_only.units == 0 and row.coded_only.percent_agreement is None
    assert report.to_json()["codes"][0]["all_units"]["kappa"] is None


def test_subcodes_count_as_their_category(coded: Project) -> None:
    coded.codebook.create("Emotions")
    coded.codebook.move("Fear", "Emotions")
    flat = Reliability(coded.conn).agreement(["minji", "james"], codes=["Emotions"])
    assert flat.codes[0].coded_by == {"minji": 0, "james": 0}
    nested = Reliability(coded.conn).agreement(
        ["minji", "james"], codes=["Emotions"], include_subcodes=True
    )
    fear = Reliability(coded.conn).agreement(["minji", "james"], codes=["Emotions/Fear"])
    assert nested.codes[0].coded_by == fear.codes[0].coded_by
    assert nested.codes[0].all_units == fear.codes[0].all_units


def test_bad_requests_are_clear_errors(coded: Project) -> None:
    reliability = Reliability(coded.conn)
    with pytest.raises(CodingError, match="at least two coders"):
        reliability.agreement(["minji"])
    with pytest.raises(CodingError, match="only once"):
        reliability.agreement(["minji", "MINJI"])
    with pytest.raises(CodingError, match="unknown unit"):
        reliability.agreement(["minji", "james"], unit="word")
    coded.coders.add("idle")
    with pytest.raises(CodingError, match="no document has been coded by all"):
        reliability.agreement(["minji", "idle"])


def test_char_unit_is_not_quadratic_on_a_long_document() -> None:
    # 20 million code points as three weighted runs; instant and tiny.
    cats = np.array([[0, 1, 0], [0, 1, 1]], dtype=np.int64)
    weights = np.array([10_000_000, 5_000_000, 5_000_000], dtype=np.int64)
    fig = figures(cats, weights)
    assert fig.units == 20_000_000
    assert fig.percent_agreement == 0.75
    # the same data with each weight divided by a million, expanded unit by unit
    small = np.repeat(cats, [10, 5, 5], axis=1)
    assert close(fig.kappa, ref_kappa(list(small[0]), list(small[1])))
    # alpha's small-sample correction differs slightly with n; compare at scale
    expanded = ref_alpha(small.tolist())
    assert fig.alpha is not None and expanded is not None and abs(fig.alpha - expanded) < 0.02
