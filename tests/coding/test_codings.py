"""Applying codes: by segment, by range, by query; overlap, removal, blind coding."""

from __future__ import annotations

import pytest

from moksori.errors import CodingError, NotFound, RangeOutsideDocument, UnknownCode, UnknownCoder
from moksori.project import Project
from tests.coding.conftest import doc_id, span


def test_range_coding_keeps_exact_code_point_text(study: Project) -> None:
    study.codebook.create("도움 찾기 Help-seeking")
    text = "모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요. 🙂 창피하니까요."
    d, s, e = span(study, "youngmi", text)
    c = study.codings.apply("도움 찾기 Help-seeking", d, s, e, memo="online first")
    (seg,) = study.codings.list("도움 찾기 Help-seeking")
    assert seg.text == text  # the emoji counts as one code point
    assert (seg.start, seg.end, seg.document_id) == (s, e, d)
    assert seg.speaker == "영미"
    assert seg.coder == "owner" and seg.memo == "online first" and seg.origin == "manual"
    # applying the same range again changes nothing
    assert study.codings.apply("도움 찾기 Help-seeking", d, s, e).id == c.id
    assert len(study.codings.list()) == 1


def test_overlapping_codings_and_segment_coding(study: Project) -> None:
    book, codings = study.codebook, study.codings
    book.create("Accent")
    book.create("Silence")
    d, s, e = span(study, "jun", "People asked about my accent all the time")
    codings.apply("Accent", d, s, e)
    seg = next(
        x
        for x in study.document(d).segments
        if x.kind == "turn" and "stopped talking" in study.document(d).text[x.start : x.end]
    )
    codings.apply_segment("Silence", seg.id)
    listed = codings.list()
    assert {r.code for r in listed} == {"Accent", "Silence"}
    silence = codings.list("Silence")[0]
    assert silence.start <= s < e <= silence.end  # overlapping, nested
    with pytest.raises(NotFound):
        codings.apply_segment("Silence", 999_999)


def test_bad_input_changes_nothing(study: Project) -> None:
    study.codebook.create("Accent")
    d = doc_id(study, "jun")
    length = len(study.document(d).text)
    with pytest.raises(RangeOutsideDocument, match="does not fit"):
        study.codings.apply("Accent", d, length - 3, length + 5)
    with pytest.raises(RangeOutsideDocument):
        study.codings.apply("Accent", d, 10, 10)
    with pytest.raises(UnknownCode):
        study.codings.apply("No such code", d, 0, 5)
    with pytest.raises(UnknownCoder, match="no coder 'mallory'"):
        study.codings.apply("Accent", d, 0, 5, coder="mallory")
    assert study.codings.list() == []


def test_query_coding_previews_then_codes_every_hit(study: Project) -> None:
    study.codebook.create("Asking")
    # 묻다 finds 안 묻고 / 물었어요 (Korean lemma); no cross-language magic here
    preview = study.codings.preview_query("Asking", "묻다")
    assert preview.total == len(preview.hits) == 2
    assert study.codings.list() == []  # a preview writes nothing
    made = study.codings.apply_query("Asking", "묻다", memo="by query")
    assert len(made) == 2 and {m.origin for m in made} == {"query"}
    again = study.codings.preview_query("Asking", "묻다")
    assert all(h["already_coded"] for h in again.hits)
    assert len(study.codings.apply_query("Asking", "묻다")) == 2  # idempotent
    assert len(study.codings.list("Asking")) == 2
    with pytest.raises(CodingError, match="more than the limit"):
        study.codings.apply_query("Asking", "묻다", limit=1)


def test_codings_listed_for_code_and_subcodes(study: Project) -> None:
    book, codings = study.codebook, study.codings
    book.create("Family", codable=False)
    book.create("Mother", parent="Family")
    book.create("Contact", parent="Family/Mother")
    d, s, e = span(study, "youngmi", "어머니는 아직 혜산에 계세요")
    d2, s2, e2 = span(study, "youngmi", "연락은 브로커를 통해서만 해요")
    codings.apply("Family/Mother", d, s, e)
    codings.apply("Contact", d2, s2, e2)
    assert len(codings.list("Family/Mother")) == 1
    assert [r.code for r in codings.list("Family", include_subcodes=True)] == [
        "Family/Mother",
        "Family/Mother/Contact",
    ]
    removed = codings.remove(codings.list("Contact")[0].id)
    assert removed.start == s2
    assert len(codings.list("Family", include_subcodes=True)) == 1


def test_blind_coding_hides_other_coders_until_the_owner_allows(study: Project) -> None:
    coders, codings = study.coders, study.codings
    owner = coders.add("Dr Han", "owner")
    coders.add("Coder A")
    coders.add("Coder B")
    study.codebook.create("Accent")
    d, s, e = span(study, "jun", "People asked about my accent")
    codings.apply("Accent", d, s, e, coder="Coder A")
    codings.apply("Accent", d, s, e + 10, coder="Coder B")
    a, b = coders.get("Coder A"), coders.get("Coder B")
    assert codings.blind()
    assert [r.coder for r in codings.list(viewer=a)] == ["Coder A"]
    assert [r.coder for r in codings.list(viewer=b)] == ["Coder B"]
    assert len(codings.list(viewer=owner)) == 2
    with pytest.raises(CodingError, match="only the project owner"):
        codings.set_blind(False, by="Coder A")
    codings.set_blind(False, by="Dr Han")
    assert len(codings.list(viewer=a)) == 2


def test_current_coder_rules(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    coders = project.coders
    monkeypatch.delenv("MOKSORI_CODER", raising=False)
    first = coders.current()  # none yet: an owner is made
    assert (first.name, first.role) == ("owner", "owner")
    coders.add("Coder A")
    with pytest.raises(CodingError, match="2 coders"):
        coders.current()
    monkeypatch.setenv("MOKSORI_CODER", "coder a")
    assert coders.current().name == "Coder A"


def test_quote_coding_finds_the_exact_text(study: Project) -> None:
    study.codebook.create("Family")
    quote = "어머니는 아직 혜산에 계세요."
    c = study.codings.apply_quote("Family", "youngmi.ko.txt", quote)
    d, s, e = span(study, "youngmi", quote)
    assert (c.document_id, c.start, c.end) == (d, s, e)
    with pytest.raises(RangeOutsideDocument, match="does not contain"):
        study.codings.apply_quote("Family", "youngmi.ko.txt", "아버지는")
    with pytest.raises(RangeOutsideDocument, match="2 times"):
        study.codings.apply_quote("Family", "youngmi.ko.txt", quote, occurrence=2)


def test_quote_import_is_all_or_nothing(study: Project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from moksori.coding.coding_io import import_quotes, read_entries

    study.codebook.create("Family")
    study.codebook.create("Accent")
    good = tmp_path / "a.yaml"
    good.write_text(
        '- {doc: youngmi.ko.txt, quote: "어머니는 아직 혜산에 계세요.", code: Family}\n'
        '- {doc: jun.en.txt, quote: "People asked about my accent", code: Accent, memo: m}\n',
        encoding="utf-8",
    )
    report = import_quotes(study.codings, read_entries(good), coder=None)
    assert (report.codings, report.already_there) == (2, 0)
    assert import_quotes(study.codings, read_entries(good)).already_there == 2
    bad = tmp_path / "b.csv"
    bad.write_text(
        "doc,quote,code\njun.en.txt,I search online,Accent\njun.en.txt,not in the text,Accent\n",
        encoding="utf-8",
    )
    # every bad entry is named (entry 2 here); the error is the import's, not the quote's
    with pytest.raises(CodingError, match="1 of 2 entries .*entry 2 \\(jun.en.txt\\)"):
        import_quotes(study.codings, read_entries(bad))
    assert len(study.codings.list()) == 2  # the first CSV row was rolled back too
