"""The two kinds of failure the app knows.

A *user or environment* problem (bad input, a refused booking, a locked database, a full disk) is a
``TakeoverError``: it carries a stable ``code`` (``texts.Code``) and the parameters of its message, and never shows
a traceback. The words for a person are made from code + parameters in the language in force (``message``), in
one place (``takeover_planner.texts``); nothing branches on them. Anything else is a bug and goes to the crash
dialog / log with its traceback.

``EnvironmentProblem`` also says *why* the world is in the way (``reason``): the offline banner, the outbox and
the window's advice decide on that, never on words.
"""

from __future__ import annotations

import enum
import errno
from typing import Any

from takeover_planner.texts import Code, Text, render
from takeover_planner.texts.render import json_value

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_CONFLICT = 4
EXIT_NOT_FOUND = 5
EXIT_ENVIRONMENT = 6
EXIT_FORBIDDEN = 7


class TakeoverError(Exception):
    """An error meant for the user: ``code`` and ``params`` make its message; ``exit_code`` is what the CLI returns.

    ``details`` carries machine-readable facts beyond the message (ids of the slots a booking hit…).
    """

    exit_code = EXIT_FAILURE

    def __init__(self, code: Code, /, *, details: dict[str, Any] | None = None, **params: Any) -> None:
        if not isinstance(code, Code):
            raise TypeError(f"{type(self).__name__} needs a texts.Code, not {type(code).__name__}")
        super().__init__(code.key)
        self.code = code
        self.params = params
        self.details = details or {}

    @property
    def text(self) -> Text:
        return Text(self.code, self.params)

    @property
    def message(self) -> str:
        """The message in the language in force now."""
        return render(self.code, self.params)

    def message_in(self, language: str) -> str:
        return render(self.code, self.params, language)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code.key, "params": {k: json_value(v) for k, v in self.params.items()}}

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code.key!r}, {self.params!r})"


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


class EnvReason(enum.StrEnum):
    """Why the environment is in the way; the window decides what to offer on this, never on words."""

    UNREACHABLE = "unreachable"  # the database server or share does not answer
    LOCKED = "locked"  # another program holds the database (busy)
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    CORRUPT = "corrupt"  # a damaged database or file
    NO_PERMISSION = "no_permission"  # the file system or server said no to this login
    MISSING = "missing"  # a folder, file or program that should be there is not
    TOO_NEW = "too_new"  # written by a newer version of the app
    FOREIGN = "foreign"  # not this app's database
    NO_KEYRING = "no_keyring"
    NETWORK = "network"  # a web service (Meta, the media host) does not answer
    OTHER = "other"


def os_reason(exc: OSError) -> EnvReason:
    """Why the file system said no, as a reason the window and scripts can act on (by errno, never by words)."""
    return _OS_REASONS.get(exc.errno or 0, EnvReason.OTHER)


_OS_REASONS = {
    errno.ENOSPC: EnvReason.DISK_FULL,
    errno.EROFS: EnvReason.READ_ONLY,
    errno.EACCES: EnvReason.NO_PERMISSION,
    errno.EPERM: EnvReason.NO_PERMISSION,
    errno.ENOENT: EnvReason.MISSING,
    errno.ENOTDIR: EnvReason.MISSING,
}


class EnvironmentProblem(TakeoverError):
    """The world is in the way: database locked or unreachable, disk full, folder gone."""

    exit_code = EXIT_ENVIRONMENT

    def __init__(self, code: Code, /, *, reason: EnvReason = EnvReason.OTHER, details: dict[str, Any] | None = None,
                 **params: Any) -> None:
        super().__init__(code, details=details, **params)
        self.reason = reason

    def to_json(self) -> dict[str, Any]:
        return {**super().to_json(), "reason": self.reason.value}


class DatabaseTooNew(EnvironmentProblem):
    """The database was written by a newer version of the app; we refuse to touch it."""

    def __init__(self, code: Code, /, *, details: dict[str, Any] | None = None, **params: Any) -> None:
        super().__init__(code, reason=EnvReason.TOO_NEW, details=details, **params)
