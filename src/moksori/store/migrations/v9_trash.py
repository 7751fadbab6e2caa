"""Schema 9: the trash, so audit events can stay free of testimony.

An audit event names records by GUID and counts; what a destructive change
removed (a code with its codings and memos, an attribute's values) is kept
whole here, inside the encrypted project, and the event points at its id.
"""

SQL = """
CREATE TABLE trash (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    kind    TEXT NOT NULL,
    content TEXT NOT NULL
);
"""
