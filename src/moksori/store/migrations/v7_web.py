"""Schema 7: accounts and sessions of the web workspace (moksori serve).

Passwords are argon2id hashes; a session is stored as the SHA-256 of its
token, so a copy of the project never holds a usable session. Each account
codes as its own coder.
"""

SQL = """
CREATE TABLE web_user (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    role          TEXT NOT NULL CHECK (role IN ('owner', 'coder', 'viewer')),
    password_hash TEXT NOT NULL,
    coder_id      INTEGER REFERENCES coder(id) ON DELETE SET NULL,
    language      TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ko')),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT NOT NULL
);

CREATE TABLE web_session (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES web_user(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at REAL NOT NULL,
    seen_at    REAL NOT NULL
);
CREATE INDEX web_session_user ON web_session(user_id);
"""
