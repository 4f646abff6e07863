"""Why a package is refused: a coarse ``Reason`` for scripts and a message code naming the exact refusal."""

from __future__ import annotations

import enum
from typing import Any

from takeover_planner.errors import EXIT_REFUSED, TakeoverError
from takeover_planner.texts.intake import IntakeText


class Reason(enum.StrEnum):
    NOT_A_FILE = "not_a_file"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    UNSUPPORTED = "unsupported"
    PATH_ESCAPE = "path_escape"
    SYMLINK = "symlink"
    DUPLICATE_ENTRY = "duplicate_entry"
    ZIP_BOMB = "zip_bomb"
    TOO_MANY_FILES = "too_many_files"
    NO_MANIFEST = "no_manifest"
    SCHEMA = "schema"
    WRONG_KIND = "wrong_kind"
    VERSION = "version"
    MISSING_FILE = "missing_file"
    EXTRA_FILE = "extra_file"
    CHECKSUM = "checksum"
    UNKNOWN_SLOT = "unknown_slot"
    CANCELLED_SLOT = "cancelled_slot"
    DUPLICATE = "duplicate"
    UNUSABLE_FILE = "unusable_file"


class PackageRefused(TakeoverError):
    """A package that will not be opened or imported; nothing was written anywhere.

    ``reason`` (also ``details["reason"]``) is the kind of problem; ``code`` the exact refusal.
    """

    exit_code = EXIT_REFUSED

    def __init__(self, reason: Reason, code: IntakeText, /, *, details: dict[str, Any] | None = None,
                 **params: Any) -> None:
        super().__init__(code, details={"reason": reason.value, **(details or {})}, **params)
        self.reason = reason
