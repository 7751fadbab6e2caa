"""The English labeller: words and features, finds on unseen sentences, the veto, loading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from moksori.errors import DeidError, ModelMissing
from moksori.project import Project
from moksori.protect.learned import arbitrate_en, labeller, labeller_en
from moksori.protect.learned.features_en import (
    WINDOW,
    english_sentences,
    featurise,
    form_features,
    words,
)
from moksori.protect.scan import detect_text
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import TokenisedText

# Fresh fictional sentences, written for these tests (never in any training set).
TESTIMONY = "Later Hyon-suk's uncle drove us from Kimchaek to the river."


def _said(text: str, spans: list[Span], kind: PiiType) -> set[str]:
    return {text[s.start : s.end] for s in spans if s.type == kind}


def _rule(text: str, said: str, confidence: float = 0.45, detector: str = "english_names") -> Span:
    i = text.index(said)
    return Span(i, i + len(said), PiiType.PERSON, confidence, detector)


def test_words_keep_names_whole_and_split_the_possessive() -> None:
    forms = [w.form for w in words("Hyon-suk's friend O'Brien, 31.", 0)]
    assert forms == ["Hyon-suk", "'", "s", "friend", "O'Brien", ",", "31", "."]


def test_only_english_sentences_that_may_name_someone_are_read() -> None:
    text = (
        "영호는 회령에서 왔어요.\nwe walked all night, then at first light we slept.\n"
        "At night I was afraid. Then Bo-ra waited in Tumen. I said nothing."
    )
    ((line, lo, hi),), lower = english_sentences(text)
    assert (lo, hi) == (0, len(line))  # training reads whole sentences
    assert text[line[0].start : line[-1].end] == "Then Bo-ra waited in Tumen."
    assert {"at", "then", "night"} <= lower  # "At …" and "I …" name no one: not tagged
    ((line, _, _),), _ = english_sentences("Mr. Ko met T. Han at the station.")
    assert line[-1].form == "."  # a title's full stop does not end the sentence


def test_a_scan_reads_only_a_window_around_what_the_model_may_change() -> None:
    text = "We talked for a long time that night about the old days and Gwang-il laughed a lot."
    rule = _rule(text, "Gwang-il", 0.6)  # a rule name, short of sure: the model judges it
    ((seq, lo, hi),), _ = english_sentences(text, [rule])
    name = next(i for i, w in enumerate(seq) if w.form == "Gwang-il")
    assert (lo, hi) == (name - WINDOW, min(len(seq), name + WINDOW + 1))
    assert featurise(seq, [rule], lo, hi) == featurise(seq, [rule])[lo:hi]  # same context
    sure = _rule(text, "Gwang-il", 0.9)  # a sure rule name and no other word: nothing to read
    assert english_sentences(text, [sure])[0] == []


def test_features_of_a_name_and_its_context() -> None:
    ((seq, _, _),), _ = english_sentences(TESTIMONY)
    i = next(k for k, w in enumerate(seq) if w.form == "Hyon-suk")
    rules = [_rule(TESTIMONY, "Hyon-suk", 0.8)]
    feats = featurise(seq, rules)
    assert len(feats) == len(seq)
    assert "kgiven-h" in feats[i]  # romanised given-name syllables, hyphenated
    assert "r=rPS" in feats[i]  # the rule detector's finding is a feature
    assert "-1w=later" in feats[i]
    assert "gaz" in form_features("Kimchaek")  # the gazetteer is a feature
    assert "ksur" in form_features("Pak")
    assert "orghead" in form_features("Foundation")


def test_the_model_alone_finds_a_name_and_a_place() -> None:
    text = "My aunt Choe Yong-ae stayed in Kilju after the flood."
    (line,), _ = labeller_en.tag(labeller_en.english(), text)  # no rule findings at all
    found = {
        (lab[2:], text[w.start : w.end])
        for w, lab in zip(line.words, line.labels, strict=True)
        if lab != "O"
    }
    assert ("PS", "Choe") in found and ("PS", "Yong-ae") in found
    assert ("LC", "Kilju") in found


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Amnesty International wrote to the ministry again.", "Amnesty International"),
        ("Most North Korean women in the study were over forty.", "North Korean"),
        ("She found a job through the Hana Center near the station.", "Hana Center"),
    ],
)
def test_a_rule_person_the_model_reads_as_no_person_is_dropped(text: str, said: str) -> None:
    assert arbitrate_en.combine(TokenisedText(text), [_rule(text, said)]) == []


def test_the_vault_and_speaker_labels_are_never_dropped() -> None:
    text = "Amnesty International wrote to the ministry again."
    for detector in ("known", "speakers", "nickname"):
        rule = _rule(text, "Amnesty International", detector=detector)
        assert rule in arbitrate_en.combine(TokenisedText(text), [rule])


def test_a_weak_rule_name_the_model_agrees_with_is_raised() -> None:
    text = "Then Sol-mi and her son slept at the station."
    (kept,) = arbitrate_en.combine(TokenisedText(text), [_rule(text, "Sol-mi", 0.45)])
    assert kept.confidence >= 0.5  # now spread to every mention of the name


def test_the_model_adds_a_name_the_rules_miss() -> None:
    text = "Then Grisha, the Russian foreman, paid us in cash."
    spans = detect_text(text)
    (found,) = [s for s in spans if s.type == PiiType.PERSON]
    assert text[found.start : found.end] == "Grisha"
    assert found.detector == arbitrate_en.DETECTOR
    assert found.confidence <= arbitrate_en.ADD_CAP  # a guess, never claimed as sure


def test_a_heading_is_not_a_place() -> None:
    text = "Methods\nThe methods of this study were simple.\nFindings\nOur findings follow."
    assert not _said(text, detect_text(text), PiiType.PLACE)


def test_korean_lines_are_left_to_the_korean_model() -> None:
    text = "순옥이는 Musan 사람이에요."
    rule = _rule(text, "순옥", 0.9, "korean_names")
    assert arbitrate_en.combine(TokenisedText(text), [rule]) == [rule]


@pytest.fixture
def model_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped model folder the scan reads instead (restored after)."""
    shutil.copytree(labeller.DATA_DIR, tmp_path / "data")
    monkeypatch.setattr(labeller, "DATA_DIR", tmp_path / "data")
    return tmp_path / "data"


def test_a_missing_english_model_stops_the_scan(model_copy: Path) -> None:
    (model_copy / labeller_en.MODEL_EN).unlink()
    with pytest.raises(ModelMissing, match="ner_en.crfsuite is missing or damaged"):
        detect_text("그날 밤 혜산에서 떠났어요.")  # even a Korean text: no silent fallback


def test_a_damaged_english_model_fails_its_hash(model_copy: Path) -> None:
    path = model_copy / labeller_en.MODEL_EN
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelMissing, match=labeller_en.MODEL_EN):
        detect_text(TESTIMONY)


def test_the_manifest_names_the_shipped_file_and_its_licence() -> None:
    import json

    manifest = json.loads((labeller.DATA_DIR / labeller.MANIFEST).read_text("utf-8"))
    entry = manifest["models"][labeller_en.MODEL_EN]
    data = (labeller.DATA_DIR / labeller_en.MODEL_EN).read_bytes()
    assert entry["sha256"] == labeller.sha256(data) and entry["bytes"] == len(data)
    assert len(data) < 3_000_000
    assert "MIT" in entry["training"]["presidio"]


def test_the_override_is_used_then_removed() -> None:
    shipped = labeller_en.english()
    with labeller_en.using(labeller.DATA_DIR / labeller_en.MODEL_EN) as model:
        assert labeller_en.english() is model is not shipped
    assert labeller_en.english() is shipped


def test_a_damaged_english_model_stops_the_project_scan(
    testimony: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(labeller.DATA_DIR, tmp_path / "model")
    damaged = tmp_path / "model" / labeller_en.MODEL_EN
    damaged.write_bytes(damaged.read_bytes()[:-100])
    monkeypatch.setattr(labeller, "DATA_DIR", tmp_path / "model")
    with pytest.raises(ModelMissing) as caught:
        testimony.deid.scan()
    assert isinstance(caught.value, DeidError)
    assert int(testimony.conn.execute("SELECT count(*) FROM finding").fetchone()[0]) == 0


def test_a_model_find_that_names_a_body_is_not_proposed() -> None:
    """The model's own person or place is dropped when it names a firm, as the rules do."""
    assert arbitrate_en._body("Sp Capital Iq", PiiType.PERSON)
    assert arbitrate_en._body("Drake PLC", PiiType.PLACE)
    assert not arbitrate_en._body("Jiyoung Park", PiiType.PERSON)
    assert not arbitrate_en._body("Sanggye Middle School", PiiType.PLACE)


def test_the_model_proposes_no_employer_of_a_full_name() -> None:
    text = "We invited Kristen Rocher of Butlerov, and Panjiva's Riku Andou."
    rules = [_rule(text, "Kristen Rocher", 0.85), _rule(text, "Riku Andou", 0.85)]
    for word in ("Butlerov", "Panjiva"):
        start = text.index(word)
        assert arbitrate_en._employer(text, start, start + len(word), rules)
    start = text.index("Kristen")
    assert not arbitrate_en._employer(text, start, start + 14, rules[1:])
