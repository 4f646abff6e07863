"""The PySide6 6.12 / CPython 3.11 reference-count workaround holds (see ui/qt_refcount_guard.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from takeover_planner.ui.qt_refcount_guard import SINGLETONS, affected, protect_singletons


class _Emitter(QObject):
    fired = Signal(bool)


def test_singletons_survive_many_leaky_calls(qapp) -> None:
    protect_singletons()
    emitter = _Emitter()
    emitter.fired.connect(lambda _value: None)
    holder = QObject()
    before = {repr(s): sys.getrefcount(s) for s in SINGLETONS}
    for _ in range(20_000):
        holder.setObjectName("x")  # a void call
        emitter.fired.emit(True)  # emit() returns True
    after = {repr(s): sys.getrefcount(s) for s in SINGLETONS}
    if affected():
        assert all(count > 1 << 59 for count in after.values())
    else:
        assert after == before, "a fixed PySide6 keeps the counts exactly"


def test_protecting_twice_changes_nothing(qapp) -> None:
    protect_singletons()
    counts = [sys.getrefcount(s) for s in SINGLETONS]
    assert protect_singletons() is False
    assert abs(sum(counts) - sum(sys.getrefcount(s) for s in SINGLETONS)) < 1000
