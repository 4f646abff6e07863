"""Engines and sessions for SQLite (the single-user default) and PostgreSQL (team mode).

SQLite runs with WAL, foreign keys and a busy timeout. Write transactions on SQLite start with
``BEGIN IMMEDIATE`` so that two processes cannot both read "free" and then both write: the second waits
for the first (busy timeout) and then sees its row. On PostgreSQL, writers that must not race lock the
account row (``SELECT … FOR UPDATE``), see ``services.booking``.

Failures that are the world's fault (away, busy, full, damaged) leave every session and write transaction as an
``EnvironmentProblem`` with its reason, translated by ``storage.failures``.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from takeover_planner.errors import TakeoverError, ValidationError
from takeover_planner.storage.failures import database_failure, environment_problem, translate_db_errors
from takeover_planner.texts.storage import StorageText

log = logging.getLogger(__name__)

# The failure translation is storage.failures'; callers that hold a Database may take it from here too.
__all__ = ["Database", "environment_problem", "normalise_url", "redact_url", "sqlite_file", "translate_db_errors"]

BUSY_TIMEOUT_MS = 15_000


def normalise_url(url: str) -> str:
    """Accept the plain ``postgresql://`` form too; psycopg 3 is the driver we ship."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ValidationError(StorageText.BAD_URL, url=redact_url(url)) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ValidationError(StorageText.UNSUPPORTED_BACKEND, backend=parsed.get_backend_name())
    return parsed.render_as_string(hide_password=False)


def redact_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unreadable URL>"


def sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


class Database:
    """One engine, a session factory for reads and one for writes."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = normalise_url(url)
        self.is_sqlite = make_url(self.url).get_backend_name() == "sqlite"
        file = sqlite_file(self.url)
        if file is not None:
            file.parent.mkdir(parents=True, exist_ok=True)
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
        else:
            kwargs["pool_pre_ping"] = True
            kwargs["connect_args"] = {"connect_timeout": 10}
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        session_class = type("Session", (_Session,), {"display_url": self.display_url})
        self._read: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False, class_=session_class)
        self._write: sessionmaker[Session] = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False, class_=session_class
        )

    @property
    def display_url(self) -> str:
        return redact_url(self.url)

    def session(self) -> Session:  # use as `with db.session() as s:`
        """A session for reading (it may write too, but without the SQLite write lock up front)."""
        return self._read()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on any exception."""
        with translate_db_errors(self.display_url), self._write() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Take transaction control from the sqlite3 module so that we can say BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


class _Session(Session):
    """A session whose ``with`` block reports a lost or locked database as an ``EnvironmentProblem`` and a read
    the server refused for this login's role as a ``PermissionDenied`` (reads included)."""

    display_url: str | None = None

    def __exit__(self, type_: Any, value: Any, traceback: Any) -> None:
        super().__exit__(type_, value, traceback)
        if value is not None and not isinstance(value, TakeoverError):
            problem = database_failure(value, self.display_url)
            if problem is not None:
                raise problem from value
