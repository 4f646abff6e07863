"""Engines and sessions for SQLite (the single-user default) and PostgreSQL (team mode).

SQLite runs with WAL, foreign keys and a busy timeout. Write transactions on SQLite start with
``BEGIN IMMEDIATE`` so that two processes cannot both read "free" and then both write: the second waits
for the first (busy timeout) and then sees its row. On PostgreSQL, writers that must not race lock the
account row (``SELECT … FOR UPDATE``), see ``services.booking``.
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
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from takeover_planner.errors import ConflictError, EnvironmentProblem, ValidationError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000


def normalise_url(url: str) -> str:
    """Accept the plain ``postgresql://`` form too; psycopg 3 is the driver we ship."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ValidationError(f"'{redact_url(url)}' is not a database URL (sqlite:///… or postgresql+psycopg://…).") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ValidationError(f"Only SQLite and PostgreSQL are supported, not {parsed.get_backend_name()}.")
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


def environment_problem(exc: BaseException, where: str) -> EnvironmentProblem | None:
    """The plain-language version of a database failure that is the world's fault, or None for a bug."""
    if not isinstance(exc, DBAPIError):
        return None
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return EnvironmentProblem("The database is busy (another program holds it). Try again in a moment.")
    if "disk" in lowered and "full" in lowered:
        return EnvironmentProblem("The disk is full; free some space and try again.")
    lost = exc.connection_invalidated or isinstance(exc, (OperationalError, InterfaceError)) and any(
        word in lowered
        for word in ("connection", "could not connect", "unable to open", "server closed", "timeout", "timed out",
                     "terminating", "consuming input", "network", "no route", "refused")
    )
    if lost:
        return EnvironmentProblem(
            f"Cannot reach the database {where}. Check the network or the server; the app keeps trying."
        )
    return None


@contextlib.contextmanager
def translate_db_errors(where: str) -> Iterator[None]:
    """Turn 'the database is not there / locked / full' into a plain message; anything else stays a bug."""
    try:
        yield
    except StaleDataError as exc:
        # Someone saved the same record between our read and our write (the version counter moved).
        raise ConflictError(
            "Someone else changed this in the meantime, so your change was not saved. The view has been "
            "reloaded; look at it and try again."
        ) from exc
    except DBAPIError as exc:
        problem = environment_problem(exc, where)
        if problem is None:
            raise
        raise problem from exc


class _Session(Session):
    """A session whose ``with`` block reports a lost or locked database in plain words (reads included)."""

    display_url = "the database"

    def __exit__(self, type_: Any, value: Any, traceback: Any) -> None:
        super().__exit__(type_, value, traceback)
        if value is not None:
            problem = environment_problem(value, self.display_url)
            if problem is not None:
                raise problem from value
