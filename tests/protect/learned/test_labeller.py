"""The learned labeller: features, finds on unseen sentences, the organisation veto, loading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from moksori.errors import ModelMissing
from moksori.protect.learned import arbitrate, labeller
from moksori.protect.learned.features import featurise, form_features, sequences
from moksori.protect.scan import DETECTORS, detect_text
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import TokenisedText, tokenise

# Fresh fictional sentences, written for these tests (never in any training set).
SPOKEN = "그날 밤에 봉순이 언니가 혜산에서 우리 집으로 몰래 찾아왔어요."
NEWS = "로동신문은 어제 그 소식을 짧게 전했다."


def scan_rules(tokenised: TokenisedText) -> list[Span]:
    return [s for detector in DETECTORS for s in detector(tokenised)]


def _said(text: str, spans: list[Span], kind: PiiType) -> set[str]:
    return {text[s.start : s.end] for s in spans if s.type == kind}


def test_features_of_a_name_and_its_context() -> None:
    tokenised = tokenise(SPOKEN)
    (seq,) = sequences(tokenised.tokens, tokenised.text)
    rules = [Span(SPOKEN.index("혜산"), SPOKEN.index("혜산") + 2, PiiType.PLACE, 0.9, "places")]
    feats = featurise(seq, tokenised.text, rules)
    assert len(feats) == len(seq)
    hyesan = next(i for i, t in enumerate(seq) if t.form == "혜산")
    assert "gaz" in feats[hyesan]  # the gazetteer is a feature
    assert "r=rLC" in feats[hyesan]  # so is the rule detector's finding
    assert any(f.startswith("-1f=") for f in feats[hyesan])
    assert "sur" in form_features("김영철", "NNP", True)
    assert "cue" in form_features("언니", "NNG", False)
    assert "nohan" in form_features("Hyesan", "SL", False)


def test_two_lines_are_two_sequences() -> None:
    text = "순옥이는 무산 사람이에요.\nI met her in Yanji.\n영호는 회령에서 왔어요."
    tokenised = tokenise(text)
    assert len(sequences(tokenised.tokens, tokenised.text)) == 2  # English lines have no tokens


def test_the_model_finds_a_person_and_a_place_it_never_saw() -> None:
    text = "그해 겨울 장복실 동무가 회령에서 혼자 넘어왔습니다."
    tokenised = tokenise(text)
    (line,) = labeller.korean().tag(tokenised)  # no rule findings: the model alone
    found = {
        (lab[2:], text[t.start : t.end])
        for t, lab in zip(line.tokens, line.labels, strict=True)
        if lab.startswith("B-")
    }
    assert ("PS", "장") in found  # 장복실: Kiwi reads 장 / 복 / 실
    assert ("LC", "회령") in found
    assert not any(kind == "PS" for kind, said in found if said != "장")


def test_rule_findings_are_features_the_model_weighs() -> None:
    tokenised = tokenise(SPOKEN)
    rules = scan_rules(tokenised)
    (line,) = labeller.korean().tag(tokenised, rules)
    person = [t for t, lab in zip(line.tokens, line.labels, strict=True) if lab.endswith("PS")]
    assert person and SPOKEN[person[0].start :].startswith("봉순")


def test_the_scan_reports_them() -> None:
    spans = detect_text(SPOKEN)
    assert any(n.startswith("봉순") for n in _said(SPOKEN, spans, PiiType.PERSON))
    assert "혜산" in _said(SPOKEN, spans, PiiType.PLACE)


def test_an_organisation_is_not_kept_as_a_person() -> None:
    tokenised = tokenise(NEWS)
    rules = scan_rules(tokenised)  # the name rules read 로동신문 as a name
    assert any(s.type == PiiType.PERSON and s.start == 0 for s in rules)
    kept = arbitrate.combine(tokenised, rules)
    assert not any(s.type == PiiType.PERSON and s.start == 0 for s in kept)


def test_rules_alone_on_english_lines() -> None:
    text = "Ri Sun-ok left Musan in 2009."
    rule = Span(0, 9, PiiType.PERSON, 0.7, "english_names")
    assert arbitrate.combine(tokenise(text), [rule]) == [rule]


@pytest.fixture
def model_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped model folder the scan reads instead (restored after)."""
    shutil.copytree(labeller.DATA_DIR, tmp_path / "data")
    monkeypatch.setattr(labeller, "DATA_DIR", tmp_path / "data")
    return tmp_path / "data"


def test_a_missing_model_stops_the_scan(model_copy: Path) -> None:
    (model_copy / labeller.MODEL_KO).unlink()
    with pytest.raises(ModelMissing, match="missing or damaged; reinstall moksori"):
        detect_text(SPOKEN)


def test_a_damaged_model_fails_its_hash(model_copy: Path) -> None:
    path = model_copy / labeller.MODEL_KO
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelMissing, match=labeller.MODEL_KO):
        detect_text(SPOKEN)


def test_a_missing_manifest_stops_the_scan(model_copy: Path) -> None:
    (model_copy / labeller.MANIFEST).unlink()
    with pytest.raises(ModelMissing):
        detect_text(SPOKEN)


def test_an_unreadable_model_is_one_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.crfsuite"
    junk.write_bytes(b"not a model")
    with pytest.raises(ModelMissing, match="junk.crfsuite"):
        with labeller.using(junk):
            pass


def test_the_override_is_used_then_removed() -> None:
    shipped = labeller.korean()
    with labeller.using(labeller.DATA_DIR / labeller.MODEL_KO) as model:
        assert labeller.korean() is model is not shipped
    assert labeller.korean() is shipped


def test_one_type_per_word_when_the_model_is_sure() -> None:
    text = "송이 언니랑 은정이랑 셋이서 심양까지 갔어요."
    spans = detect_text(text)
    assert "은정" in _said(text, spans, PiiType.PERSON)
    assert "은정" not in _said(text, spans, PiiType.PLACE)  # a name, though a Pyongyang district
    assert "심양" in _said(text, spans, PiiType.PLACE)
    assert "심" not in _said(text, spans, PiiType.PERSON)  # the 심 of 심양 is no surname


def test_the_model_adds_a_name_the_rules_miss() -> None:
    text = "경숙 선생님이 우리 반 담임이었어요."
    assert not _said(text, scan_rules(tokenise(text)), PiiType.PERSON)
    assert "경숙" in _said(text, detect_text(text), PiiType.PERSON)


def test_even_an_english_text_needs_the_model(model_copy: Path) -> None:
    (model_copy / labeller.MODEL_KO).unlink()
    with pytest.raises(ModelMissing):
        detect_text("Ri Sun-ok left Musan in 2009.")


@pytest.mark.parametrize(
    "text", ["오마니가 장마당에 나갔어요.", "그때 아주마이가 문을 열어줬지비."]
)
def test_the_model_adds_no_word_the_lists_call_no_name(text: str) -> None:
    # North Korean terms of address (오마니, 아주마이) name a relation, not a person: the
    # rules' lists say so, and the model's own guesses follow them.
    added = arbitrate.combine(tokenise(text), [])
    assert not [s for s in added if s.type == PiiType.PERSON]


def test_each_token_sees_its_word_and_the_rules_in_detail() -> None:
    text = "그해 겨울 최운정 동무가 혜산에서 넘어왔어요."  # fictional
    tokenised = tokenise(text)
    (seq,) = sequences(tokenised.tokens, tokenised.text)
    feats = featurise(seq, tokenised.text, scan_rules(tokenised))
    name = next(i for i, t in enumerate(seq) if text[t.start :].startswith("최"))
    assert "wsur3" in feats[name]  # a surname and two syllables, however Kiwi cuts it
    assert "wn=동무" in feats[name]  # the word after it
    assert any(f.startswith("rd=PSkorean_names") for f in feats[name])  # which rule, how sure
    hyesan = next(i for i, t in enumerate(seq) if t.form == "혜산")
    assert {"rd=LCplaces", "rct=KP", "wj=에서"} <= set(feats[hyesan])


def test_a_name_read_inside_a_listed_place_is_dropped() -> None:
    # 원주시 starts with a surname, so the name rules read a person; the gazetteer reads
    # the city. The model prefers the place, so the person goes and the place stays.
    text = "지난달 원주시는 시내버스 요금을 올렸어요."  # fictional
    tokenised = tokenise(text)
    rules = scan_rules(tokenised)
    assert "원주시" in _said(text, rules, PiiType.PERSON)
    kept = arbitrate.combine(tokenised, rules)
    assert "원주시" not in _said(text, kept, PiiType.PERSON)
    assert "원주시" in _said(text, kept, PiiType.PLACE)


def test_a_name_before_a_place_head_is_that_place() -> None:
    # "X 거리", "X 근처": a word before a street or a word of location names a place,
    # even when it looks like a full name to the name rules.
    text = "우리는 박순영 거리에 살았어요."  # fictional street
    tokenised = tokenise(text)
    rules = scan_rules(tokenised)
    assert "박순영" in _said(text, rules, PiiType.PERSON)
    kept = arbitrate.combine(tokenised, rules)
    assert "박순영" not in _said(text, kept, PiiType.PERSON)
    assert "박순영" in _said(text, kept, PiiType.PLACE)
