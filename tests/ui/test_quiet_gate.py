"""Background work that can wait runs at a pause in the browsing (ui/quiet_gate.py), not during it."""

from __future__ import annotations

import time
from typing import Any

from takeover_planner.ui.quiet_gate import QuietGate


def test_work_waits_for_a_pause_and_runs_once(qtbot: Any) -> None:
    gate = QuietGate(quiet_ms=150, max_wait_ms=5_000)
    ran: list[float] = []

    def work() -> None:
        ran.append(time.monotonic())

    gate.when_quiet(work)
    gate.when_quiet(work)  # asked twice: runs once
    started = time.monotonic()
    while time.monotonic() - started < 0.6:  # a person clicking through months every 50 ms
        gate.note_activity()
        qtbot.wait(50)
    assert ran == [], "nothing runs while the calendar keeps being redrawn"
    qtbot.waitUntil(lambda: len(ran) == 1, timeout=1_000)
    assert ran[0] - started >= 0.6 + 0.1
    qtbot.wait(300)
    assert len(ran) == 1 and gate.waiting == 0


def test_someone_who_never_pauses_still_gets_it_after_the_longest_wait(qtbot: Any) -> None:
    gate = QuietGate(quiet_ms=200, max_wait_ms=500)
    ran: list[bool] = []
    gate.when_quiet(lambda: ran.append(True))
    started = time.monotonic()
    while not ran and time.monotonic() - started < 3:
        gate.note_activity()
        qtbot.wait(40)
    assert ran == [True] and 0.45 <= time.monotonic() - started < 1.5


def test_closing_the_database_drops_what_waited(qtbot: Any) -> None:
    gate = QuietGate(quiet_ms=50, max_wait_ms=100)
    ran: list[bool] = []
    gate.when_quiet(lambda: ran.append(True))
    gate.drop()
    qtbot.wait(250)
    assert ran == [] and gate.waiting == 0


def test_with_the_tests_inline_runner_work_runs_at_once() -> None:
    ran: list[bool] = []
    QuietGate(inline=True).when_quiet(lambda: ran.append(True))
    assert ran == [True]
