"""``storage.failures.environment_problem``: the one translation of driver errors into a reason.

The offline banner, the outbox and the window's advice decide on ``reason``; these tests make real drivers fail
in the ways the world makes them fail and check the reason (and that a bug stays a bug).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from takeover_planner.errors import EnvironmentProblem, EnvReason
from takeover_planner.storage.copy import ensure_reachable
from takeover_planner.storage.database import Database
from takeover_planner.storage.failures import environment_problem
from takeover_planner.texts.general import GeneralText
from takeover_planner.texts.storage import StorageText


def _failure(action) -> BaseException:  # type: ignore[no-untyped-def]
    try:
        action()
    except Exception as exc:
        return exc
    raise AssertionError("the driver did not fail")


def test_sqlite_busy_is_locked_and_wrapped_or_raw_alike(tmp_path: Path) -> None:
    file = tmp_path / "plan.sqlite3"
    holder = sqlite3.connect(file, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    waiter = sqlite3.connect(file, timeout=0, isolation_level=None)
    try:
        raw = _failure(lambda: waiter.execute("BEGIN IMMEDIATE"))
        for exc in (raw, OperationalError("BEGIN IMMEDIATE", {}, raw)):
            problem = environment_problem(exc, "sqlite:///plan.sqlite3")
            assert problem is not None
            assert (problem.reason, problem.code) == (EnvReason.LOCKED, StorageText.LOCKED)
    finally:
        waiter.close()
        holder.close()


def test_sqlite_damaged_read_only_and_full(tmp_path: Path) -> None:
    garbage = tmp_path / "not-a-plan.sqlite3"
    garbage.write_bytes(b"this is no database " * 400)
    damaged = _failure(lambda: sqlite3.connect(garbage).execute("SELECT * FROM sqlite_master").fetchall())
    problem = environment_problem(damaged, str(garbage))
    assert problem is not None and (problem.reason, problem.code) == (EnvReason.CORRUPT, StorageText.CORRUPT)
    assert problem.params["database"].params == {"url": str(garbage)}

    file = tmp_path / "plan.sqlite3"
    with sqlite3.connect(file) as conn:
        conn.execute("CREATE TABLE t (x)")
    read_only = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    try:
        refused = _failure(lambda: read_only.execute("INSERT INTO t VALUES (1)"))
    finally:
        read_only.close()
    problem = environment_problem(refused)
    assert problem is not None and problem.reason == EnvReason.READ_ONLY
    assert problem.params["database"].code == StorageText.DATABASE_UNNAMED

    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # type: ignore[attr-defined]  # SQLITE_FULL: what SQLite sets on a full disk
    problem = environment_problem(full)
    assert problem is not None and (problem.reason, problem.code) == (EnvReason.DISK_FULL, GeneralText.DISK_FULL)


def test_a_bug_stays_a_bug_and_a_problem_stays_itself(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "plan.sqlite3")
    try:
        assert environment_problem(_failure(lambda: conn.execute("SELEC nonsense"))) is None
        assert environment_problem(_failure(lambda: conn.execute("SELECT * FROM no_such_table"))) is None
    finally:
        conn.close()
    assert environment_problem(ValueError("not a database error")) is None
    problem = EnvironmentProblem(StorageText.LOCKED, reason=EnvReason.LOCKED)
    assert environment_problem(problem) is problem


def test_a_missing_share_is_unreachable(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'share' / 'plan.sqlite3'}")
    (tmp_path / "share").rmdir()  # the network share went away after the app opened it
    try:
        with pytest.raises(EnvironmentProblem) as lost, db.session() as s:
            s.execute(text("SELECT 1"))
        assert (lost.value.reason, lost.value.code) == (EnvReason.UNREACHABLE, StorageText.UNREACHABLE)
    finally:
        db.dispose()


@pytest.mark.postgres
def test_postgresql_refusals_have_their_reasons(pg_url: str) -> None:
    url = make_url(pg_url)
    cases = {
        url.set(host="127.0.0.1", port=9): EnvReason.UNREACHABLE,  # nothing listens there
        url.set(database=f"no_such_db_{os.getpid()}"): EnvReason.MISSING,
        url.set(username=f"no_such_role_{os.getpid()}"): EnvReason.NO_PERMISSION,
    }
    for target, reason in cases.items():
        db = Database(target.render_as_string(hide_password=False))
        try:
            with pytest.raises(EnvironmentProblem) as refused:
                ensure_reachable(db)
            assert refused.value.reason == reason, (target, refused.value.params)
            assert refused.value.params["database"].params == {"url": db.display_url}
        finally:
            db.dispose()
