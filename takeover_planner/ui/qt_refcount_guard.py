"""Work around a reference-counting bug in PySide6 6.12 on CPython 3.11.

PySide6 6.12 hands out ``None`` and ``True`` without taking a reference: every void call (``setPen``,
``update``, ``setText`` …), every Python override that returns ``None`` (a model's ``data()`` for an unused
role) and every ``signal.emit()`` (which returns ``True``) loses one. CPython 3.12+ makes these singletons
immortal, so there it is harmless; on 3.11 their count reaches zero after some thousands of calls and the
interpreter aborts ("none_dealloc", "bool_dealloc") — within minutes in a window that paints a calendar.
PySide6 6.11 does not have the bug.

The fix does what CPython 3.12 does: it gives ``None``, ``True`` and ``False`` a reference count so large
that no number of lost references can bring it to zero. They are never freed anyway, so nothing else
changes. It runs once, at start-up, only on the affected combination; ``tests/ui/test_qt_refcount_guard.py``
checks that it holds.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

# Far from zero and far from overflow: 2**60 lost references would take millennia at any call rate.
_FLOOR = 1 << 60
SINGLETONS = (None, True, False)


def affected() -> bool:
    major_minor = tuple(PySide6.__version_info__[:2])
    return sys.version_info < (3, 12) and major_minor >= (6, 12) and sys.implementation.name == "cpython"


def protect_singletons() -> bool:
    """Make None, True and False effectively immortal if this PySide6/CPython needs it; True if it did."""
    if not affected():
        return False
    changed = False
    for singleton in SINGLETONS:
        if sys.getrefcount(singleton) < _FLOOR:
            # In CPython an object's address is its id(); its first field is the reference count (Py_ssize_t).
            ctypes.c_ssize_t.from_address(id(singleton)).value += _FLOOR
            changed = True
    return changed
