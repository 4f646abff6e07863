"""Background work that can wait a moment runs when the person pauses, not while they move around the calendar.

A worker thread shares the Python interpreter with the window: while it runs Python (a first read of the Needs
attention list, the publish queue's or the insights collector's first look, importing a feature's modules — each a
few hundred milliseconds on a slow machine, most of it one-time work), every month switch takes twice as long or
more (``tests/benchmarks/bench_ui.py``). Such work asks ``when_quiet``: it runs once the calendar has not been
redrawn for ``QUIET_MS`` (the person stopped clicking through months, views or search results), and at the latest
``MAX_WAIT_MS`` after it asked, so someone who never pauses still gets it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

QUIET_MS = 1_000
MAX_WAIT_MS = 10_000


class QuietGate(QObject):
    def __init__(self, parent: QObject | None = None, *, inline: bool = False, quiet_ms: int = QUIET_MS,
                 max_wait_ms: int = MAX_WAIT_MS) -> None:
        super().__init__(parent)
        self._inline = inline  # the tests' inline runner has no background to keep free: work runs at once
        self._waiting: list[Callable[[], None]] = []
        self._quiet = QTimer(self)
        self._quiet.setObjectName("quietGateTimer")
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(quiet_ms)
        self._quiet.timeout.connect(self._run_waiting)
        self._deadline = QTimer(self)
        self._deadline.setObjectName("quietGateDeadline")
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max_wait_ms)
        self._deadline.timeout.connect(self._run_waiting)

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def when_quiet(self, work: Callable[[], None]) -> None:
        """Run ``work`` (on the GUI thread; it starts its own background task) at the next pause."""
        if self._inline:
            work()
            return
        if work not in self._waiting:  # the same bound method asked twice runs once
            self._waiting.append(work)
        if not self._quiet.isActive():
            self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def note_activity(self) -> None:
        """The calendar was redrawn (a month, a view, a search): the pause starts again."""
        if self._waiting:
            self._quiet.start()

    def drop(self) -> None:
        """The database closes: what waited for it is not wanted any more."""
        self._waiting.clear()
        self._quiet.stop()
        self._deadline.stop()

    def _run_waiting(self) -> None:
        self._quiet.stop()
        self._deadline.stop()
        waiting, self._waiting = self._waiting, []
        for work in waiting:
            work()
