"""The two kinds of failure the app knows.

A *user or environment* problem (bad input, a refused booking, a locked database, a full disk) is a
``TakeoverError``: it carries a plain message for the person and never shows a traceback. Anything else
is a bug and goes to the crash dialog / log with its traceback.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_CONFLICT = 4
EXIT_NOT_FOUND = 5
EXIT_ENVIRONMENT = 6
EXIT_FORBIDDEN = 7


class TakeoverError(Exception):
    """An error whose message is meant for the user; ``exit_code`` is what the CLI returns."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str, *, details: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class ValidationError(TakeoverError):
    """Input that does not make sense (an empty name, a bad e-mail, an end before its start)."""

    exit_code = EXIT_USAGE


class NotFoundError(TakeoverError):
    exit_code = EXIT_NOT_FOUND


class BookingRefused(TakeoverError):
    """A booking rule said no; the message names exactly what it collides with."""

    exit_code = EXIT_REFUSED


class TransitionRefused(TakeoverError):
    """A status change that the state machine does not allow."""

    exit_code = EXIT_REFUSED


class PermissionDenied(TakeoverError):
    """The acting person's role does not allow this (enforced in the services, not only in the UI)."""

    exit_code = EXIT_FORBIDDEN


class ConflictError(TakeoverError):
    """Someone else changed the record in the meantime (optimistic locking)."""

    exit_code = EXIT_CONFLICT


class EnvironmentProblem(TakeoverError):
    """The world is in the way: database locked or unreachable, disk full, folder gone."""

    exit_code = EXIT_ENVIRONMENT


class DatabaseTooNew(EnvironmentProblem):
    """The database was written by a newer version of the app; we refuse to touch it."""
