"""libical's own standards check (``icalrestriction_check``, the iTIP restriction tables plus the parser's
errors), called through ctypes: Debian ships libical (``libical3``) but no command-line validator."""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache

import pytest


@cache
def _library() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("ical") or "libical.so.3"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.icalparser_parse_string.restype = ctypes.c_void_p
    lib.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    lib.icalrestriction_check.argtypes = [ctypes.c_void_p]
    lib.icalrestriction_check.restype = ctypes.c_int
    lib.icalcomponent_as_ical_string.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_as_ical_string.restype = ctypes.c_char_p
    lib.icalcomponent_free.argtypes = [ctypes.c_void_p]
    return lib


def libical_errors(data: bytes) -> list[str]:
    """The X-LIC-ERROR lines libical adds to the file (empty: libical accepts it); skips without libical."""
    lib = _library()
    if lib is None:
        pytest.skip("libical (Debian: libical3) is not installed")
    component = lib.icalparser_parse_string(data)
    assert component, "libical could not parse the file at all"
    try:
        valid = lib.icalrestriction_check(component)
        text = lib.icalcomponent_as_ical_string(component).decode("utf-8")
    finally:
        lib.icalcomponent_free(component)
    errors = [line for line in text.splitlines() if line.startswith("X-LIC-ERROR")]
    if not valid and not errors:
        errors = ["icalrestriction_check failed"]
    return errors
