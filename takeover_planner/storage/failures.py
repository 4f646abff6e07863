"""Driver errors → what they mean for the person: the one translation, for every caller.

``environment_problem`` turns a failure that is the world's fault (the server does not answer, another program
holds the file, the disk is full, the file is damaged, the login is refused) into an ``EnvironmentProblem``
whose ``reason`` says which; anything else is a bug and stays one. It reads the drivers' own error codes
(SQLite's result code, PostgreSQL's SQLSTATE), never our messages. The database layer, the copy, the change
watcher and the window's task lanes all call it.

``database_refusal`` is the other half: in team mode PostgreSQL itself refuses what a login's role may not do
(SQLSTATE 42501, insufficient privilege, which is also what a row-level security policy raises). That is not the
world in the way but the person's role: a ``PermissionDenied`` (exit 7), like the services' own checks.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from takeover_planner.errors import (
    ConflictError,
    EnvironmentProblem,
    EnvReason,
    PermissionDenied,
    TakeoverError,
)
from takeover_planner.texts import Text
from takeover_planner.texts.access import AccessText
from takeover_planner.texts.general import GeneralText
from takeover_planner.texts.storage import StorageText

# SQLite's primary result codes (the low byte of ``sqlite3.Error.sqlite_errorcode``) → why the world is in the way.
_SQLITE_REASONS = {
    3: EnvReason.NO_PERMISSION,  # SQLITE_PERM
    5: EnvReason.LOCKED,  # SQLITE_BUSY
    6: EnvReason.LOCKED,  # SQLITE_LOCKED
    8: EnvReason.READ_ONLY,  # SQLITE_READONLY
    # An I/O error or a file that cannot be opened is, in practice, a network share that went away.
    10: EnvReason.UNREACHABLE,  # SQLITE_IOERR
    11: EnvReason.CORRUPT,  # SQLITE_CORRUPT
    13: EnvReason.DISK_FULL,  # SQLITE_FULL
    14: EnvReason.UNREACHABLE,  # SQLITE_CANTOPEN
    23: EnvReason.NO_PERMISSION,  # SQLITE_AUTH
    26: EnvReason.CORRUPT,  # SQLITE_NOTADB: "file is not a database"
}

# PostgreSQL SQLSTATEs (exact, then by class) → reason.
_PG_STATES = {
    "53100": EnvReason.DISK_FULL,
    "25006": EnvReason.READ_ONLY,  # read-only transaction (a standby, or default_transaction_read_only)
    "3D000": EnvReason.MISSING,  # no such database
    "55P03": EnvReason.LOCKED,  # lock not available
    "57P01": EnvReason.UNREACHABLE,  # the server is shutting down
    "57P02": EnvReason.UNREACHABLE,
    "57P03": EnvReason.UNREACHABLE,  # the server is starting and cannot take connections yet
    "53300": EnvReason.UNREACHABLE,  # too many connections
    "XX001": EnvReason.CORRUPT,
    "XX002": EnvReason.CORRUPT,
}
_PG_CLASSES = {"08": EnvReason.UNREACHABLE, "28": EnvReason.NO_PERMISSION}

# The server refused a statement for this login's role (a missing GRANT or a row-level security policy).
_PG_REFUSED = "42501"

_CODES = {
    EnvReason.UNREACHABLE: StorageText.UNREACHABLE,
    EnvReason.LOCKED: StorageText.LOCKED,
    EnvReason.DISK_FULL: GeneralText.DISK_FULL,
    EnvReason.READ_ONLY: StorageText.READ_ONLY,
    EnvReason.CORRUPT: StorageText.CORRUPT,
    EnvReason.NO_PERMISSION: StorageText.NO_PERMISSION,
    EnvReason.MISSING: StorageText.MISSING,
}


def database_text(database: str | None) -> Text:
    """A database as a message names it: by its URL (without password) when known."""
    if database:
        return Text(StorageText.DATABASE_NAMED, {"url": database})
    return Text(StorageText.DATABASE_UNNAMED)


def environment_problem(exc: BaseException, database: str | None = None) -> EnvironmentProblem | None:
    """A database failure that is the world's fault as an ``EnvironmentProblem`` with its ``reason``; None for a
    bug. The one translation of driver errors: the database layer, the copy and the window's task lanes use it.

    ``exc`` may be SQLAlchemy's wrapper or the driver's own error (the change watcher talks to psycopg
    directly); an ``EnvironmentProblem`` comes back as it is. ``database`` is the URL to name, without password.
    """
    if isinstance(exc, EnvironmentProblem):
        return exc
    driver: BaseException | None = exc.orig if isinstance(exc, DBAPIError) else exc
    reason = _driver_reason(driver) if driver is not None else None
    if reason is None and isinstance(exc, DBAPIError) and exc.connection_invalidated:
        reason = EnvReason.UNREACHABLE
    if reason is None:
        return None
    words = str(driver if driver is not None else exc).strip()
    problem = words.splitlines()[0] if words else ""  # the driver's own words, for the person and the log
    return EnvironmentProblem(_CODES[reason], reason=reason, database=database_text(database), problem=problem)


def _driver_reason(driver: BaseException) -> EnvReason | None:
    if isinstance(driver, sqlite3.Error):
        code = getattr(driver, "sqlite_errorcode", None)
        return _SQLITE_REASONS.get(code & 0xFF) if isinstance(code, int) and code > 0 else None
    psycopg = sys.modules.get("psycopg")  # only loaded when PostgreSQL is in use; then the error is its own
    if psycopg is None or not isinstance(driver, psycopg.Error):
        return None
    state = driver.sqlstate
    if state:
        return _PG_STATES.get(state) or _PG_CLASSES.get(state[:2])
    if isinstance(driver, (psycopg.OperationalError, psycopg.InterfaceError)):
        return _connection_failure_reason(str(driver))
    return None


def _connection_failure_reason(text: str) -> EnvReason:
    """libpq reports a failed connection without a SQLSTATE; only its (English) words tell a refused login or a
    missing database from a server that does not answer. Anything not recognised counts as not answering."""
    lowered = text.lower()
    if "password authentication failed" in lowered or "no pg_hba.conf entry" in lowered or (
        "role" in lowered and ("does not exist" in lowered or "is not permitted to log in" in lowered)
    ):
        return EnvReason.NO_PERMISSION
    if "database" in lowered and "does not exist" in lowered:
        return EnvReason.MISSING
    return EnvReason.UNREACHABLE


def database_refusal(exc: BaseException, database: str | None = None) -> PermissionDenied | None:
    """PostgreSQL's "not for your role" (SQLSTATE 42501) as a ``PermissionDenied``; None for anything else."""
    if isinstance(exc, PermissionDenied):
        return exc
    driver: BaseException | None = exc.orig if isinstance(exc, DBAPIError) else exc
    if getattr(driver, "sqlstate", None) != _PG_REFUSED:
        return None
    words = str(driver).strip()
    return PermissionDenied(AccessText.SERVER_REFUSED, database=database_text(database),
                            problem=words.splitlines()[0] if words else "")


def database_failure(exc: BaseException, database: str | None = None) -> TakeoverError | None:
    """A database failure that is the person's role or the world's fault, as the ``TakeoverError`` to show; None
    for a bug."""
    return database_refusal(exc, database) or environment_problem(exc, database)


@contextlib.contextmanager
def translate_db_errors(database: str | None = None) -> Iterator[None]:
    """Turn 'the database is not there / locked / full' into an ``EnvironmentProblem`` naming ``database``, a
    statement the server refused for this login's role into a ``PermissionDenied``, a save that lost a race into
    a ``ConflictError``; anything else stays a bug."""
    try:
        yield
    except StaleDataError as exc:
        # Someone saved the same record between our read and our write (the version counter moved).
        raise ConflictError(StorageText.SAVE_RACED) from exc
    except TakeoverError:
        raise
    except Exception as exc:
        problem = database_failure(exc, database)
        if problem is None:
            raise
        raise problem from exc
