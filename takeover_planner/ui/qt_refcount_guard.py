"""Work around a reference-counting bug in PySide6 6.12 on CPython 3.11.

PySide6 6.12 drops one reference to ``None`` on every void call (``setPen``, ``update``, ``setText`` …) and on
every Python override that returns ``None`` (a model's ``data()`` for an unused role). CPython 3.12+ makes
``None`` immortal, so there it is harmless; on 3.11 ``None``'s count reaches zero after some tens of thousands
of such calls and the interpreter aborts ("none_dealloc") — within minutes in a window that paints a calendar.
PySide6 6.11 does not have the bug.

The fix here does what CPython 3.12 does: it gives ``None`` a reference count so large that no number of
lost references can bring it to zero. ``None`` is never freed anyway, so nothing else changes. It runs once,
at start-up, only on the affected combination; ``tests/ui/test_qt_none_guard.py`` checks that it holds.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

# Far from zero and far from overflow: 2**60 lost references would take millennia at any call rate.
_FLOOR = 1 << 60


def affected() -> bool:
    major_minor = tuple(PySide6.__version_info__[:2])
    return sys.version_info < (3, 12) and major_minor >= (6, 12) and sys.implementation.name == "cpython"


def protect_none() -> bool:
    """Make ``None`` effectively immortal if this PySide6/CPython combination needs it; True if it did."""
    if not affected() or sys.getrefcount(None) >= _FLOOR:
        return False
    # In CPython the object's address is id(); its first field is the reference count (Py_ssize_t).
    ctypes.c_ssize_t.from_address(id(None)).value += _FLOOR
    return True
