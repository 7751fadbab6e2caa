"""The generated training sentences: each label covers exactly the name or place it says."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "scripts"))

from ner_sentences import generate  # noqa: E402


def test_labels_cover_what_they_say() -> None:
    rows = generate(400, seed=3)
    assert rows == generate(400, seed=3)  # deterministic: the model can be retrained
    for row in rows:
        for e in row["entities"]:
            said = row["text"][e["start"] : e["end"]]
            assert said and said == said.strip()
            assert e["label"] in {"PS", "LC", "OG"}
