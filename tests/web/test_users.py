"""Accounts: hashed passwords, roles, sessions that end, guessing slowed down."""

from __future__ import annotations

import time

import pytest

from moksori.access import sessions as sessions_mod
from moksori.access.sessions import LoginThrottle, Sessions, TooManyLogins
from moksori.access.users import UserError, Users
from moksori.project import Project


def test_passwords_are_argon2_hashes_and_roles_map_to_coders(project: Project) -> None:
    users = Users(project.conn)
    owner = users.add("Han Owner", "a long enough password", "owner")
    viewer = users.add("Yoon Viewer", "another long password", "viewer")
    stored = project.conn.execute("SELECT password_hash FROM web_user").fetchall()
    assert all(h.startswith("$argon2id$") for (h,) in stored)
    assert all("password" not in h for (h,) in stored)
    assert owner.coder_id is not None and project.coders.get(owner.coder_id).name == "Han Owner"
    assert viewer.coder_id is None
    assert users.verify("han owner", "a long enough password") == owner  # names ignore case
    assert users.verify("Han Owner", "wrong password!!") is None
    assert users.verify("Nobody", "a long enough password") is None
    assert owner.can("manage") and owner.can("code")
    assert not viewer.can("code") and viewer.can("read")


def test_bad_accounts_are_refused_with_a_clear_message(project: Project) -> None:
    users = Users(project.conn)
    with pytest.raises(UserError, match="at least 10"):
        users.add("Short", "short", "coder")
    with pytest.raises(UserError, match="unknown role"):
        users.add("Someone", "long enough password", "admin")
    users.add("Someone", "long enough password", "coder")
    with pytest.raises(UserError, match="already exists"):
        users.add("someone", "long enough password", "coder")


def test_sessions_expire_and_end_with_a_new_password_or_disabling(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    users = Users(project.conn)
    user = users.add("Coder One", "coder one password", "coder")
    sessions = Sessions(project.conn)
    token, session = sessions.start(user)
    assert token not in str(project.conn.execute("SELECT * FROM web_session").fetchall())
    assert sessions.get(token) is not None and sessions.get(token).csrf_token == session.csrf_token
    assert sessions.get("made-up token") is None
    real = time.time
    monkeypatch.setattr(sessions_mod.time, "time", lambda: real() + sessions_mod.IDLE_SECONDS + 5)
    assert sessions.get(token) is None  # idle too long
    monkeypatch.setattr(sessions_mod.time, "time", real)
    token, _ = sessions.start(user)
    users.set_password("Coder One", "a brand new password")
    assert sessions.get(token) is None
    token, _ = sessions.start(users.get(user.id))
    users.disable("Coder One")
    assert sessions.get(token) is None
    assert users.verify("Coder One", "a brand new password") is None


def test_the_throttle_stops_guessing_per_name_and_per_client(project: Project) -> None:
    throttle = LoginThrottle(project.conn, limit=3, window=60)
    for _ in range(3):
        throttle.failed(throttle.reserve("kim", "10.0.0.1"))
    with pytest.raises(TooManyLogins):
        throttle.reserve("kim", "10.0.0.2")  # same name, other address
    with pytest.raises(TooManyLogins):
        throttle.reserve("lee", "10.0.0.1")  # same address, other name
    throttle.reserve("lee", "10.0.0.3")
