"""Schema 10: reconciliation decisions (issue 17).

A decision is what someone chose for one disagreement unit between two
coders (``coding/disagreements.py`` defines the unit): adopt A, B, both,
neither, or a new code over the unit's range. It is stored so that no later
bulk ``reconcile`` overrides it. The unit is named by the GUIDs of the two
coders' codings in it (``codings``, a sorted JSON list), so a unit whose
codings change is no longer the decided one. ``reconcile_made`` lists the
consensus codings a decision created, so deciding again removes exactly those.
Decisions taken before schema 10 live in the audit trail and are still honoured.
"""

SQL = """
CREATE TABLE reconcile_decision (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    coder_a     INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
    coder_b     INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    codings     TEXT NOT NULL,
    choice      TEXT NOT NULL CHECK (choice IN ('a', 'b', 'both', 'neither', 'new')),
    code_id     INTEGER REFERENCES code(id) ON DELETE SET NULL,
    bulk        INTEGER NOT NULL DEFAULT 0 CHECK (bulk IN (0, 1)),
    decided_by  TEXT,
    decided_at  TEXT NOT NULL,
    CHECK (coder_a < coder_b),
    CHECK (start >= 0 AND "end" > start),
    UNIQUE (coder_a, coder_b, document_id, codings)
);
CREATE INDEX reconcile_decision_place ON reconcile_decision(document_id, start);

CREATE TABLE reconcile_made (
    decision_id INTEGER NOT NULL REFERENCES reconcile_decision(id) ON DELETE CASCADE,
    coding_id   INTEGER NOT NULL REFERENCES coding(id) ON DELETE CASCADE,
    PRIMARY KEY (decision_id, coding_id)
);
CREATE INDEX reconcile_made_coding ON reconcile_made(coding_id);
"""
