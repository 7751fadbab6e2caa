"""Schema 8: failed and pending logins, so the brake on password guessing holds
across request threads and server restarts.

A login reserves a row here before its password is checked, in one
``BEGIN IMMEDIATE`` transaction with the count of recent rows, so parallel
guesses cannot all pass the count. The typed name is kept only as a keyed
hash; the address is the one the audit trail records.
"""

SQL = """
CREATE TABLE login_attempt (
    id       INTEGER PRIMARY KEY,
    name_key TEXT NOT NULL,
    client   TEXT NOT NULL,
    at       REAL NOT NULL,
    pending  INTEGER NOT NULL DEFAULT 1 CHECK (pending IN (0, 1))
);
CREATE INDEX login_attempt_name ON login_attempt(name_key, at);
CREATE INDEX login_attempt_client ON login_attempt(client, at);
"""
