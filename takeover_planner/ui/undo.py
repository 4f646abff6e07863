"""Undo and redo for booking edits, on a ``QUndoStack``.

A command is pushed only after its write succeeded, so its first ``redo()`` (which ``push`` calls) does
nothing. Later undo/redo steps are writes like any other: they run on the write pool, carry the version the
window last saw (someone else's change in between is refused, not overwritten) and go through the booking
rules and the audit trail. Undoing a booking cancels the slot ("booking undone"); history is never deleted.

If an undo or redo step is refused, the message is shown and the undo history is cleared: it no longer
matches the database.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from takeover_planner.domain.slots import ALLOWED_TRANSITIONS, SlotStatus

if TYPE_CHECKING:
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.context import AppContext

# (ctx, expected_version) -> the slot after the write
Step = Callable[["AppContext", int], "SlotInfo"]

UNDO_REASON = "Booking undone in the planner"


def status_path(current: SlotStatus, target: SlotStatus) -> list[SlotStatus]:
    """The shortest chain of allowed status changes from ``current`` to ``target`` (empty if equal)."""
    if current == target:
        return []
    seen = {current}
    queue: deque[tuple[SlotStatus, list[SlotStatus]]] = deque([(current, [])])
    while queue:
        state, path = queue.popleft()
        for nxt in sorted(ALLOWED_TRANSITIONS[state]):
            if nxt in seen:
                continue
            if nxt == target:
                return [*path, nxt]
            seen.add(nxt)
            queue.append((nxt, [*path, nxt]))
    raise ValueError(f"no way from {current.value} to {target.value}")


def walk_status(ctx: AppContext, slot_id: int, target: SlotStatus, version: int, reason: str | None = None) -> SlotInfo:
    """Bring a slot to ``target`` through allowed changes (each one checked and audited)."""
    from takeover_planner.errors import TransitionRefused
    from takeover_planner.services import booking
    from takeover_planner.texts.ui import UiText
    from takeover_planner.texts.words import SlotStatusName

    slot = booking.get_slot(ctx, slot_id)
    try:
        path = status_path(slot.status, target)
    except ValueError:
        raise TransitionRefused(UiText.CANNOT_GO_BACK, slot_id=slot_id, status=SlotStatusName.of(slot.status),
                                target=SlotStatusName.of(target)) from None
    expected: int | None = version
    for step in path:
        slot = booking.set_status(ctx, slot_id, step, reason=reason if step == SlotStatus.CANCELLED else None,
                                  expected_version=expected).slot
        expected = slot.version
    return slot


class SlotCommand(QUndoCommand):
    """One booking edit: ``forward`` redoes it, ``backward`` undoes it (both are background writes)."""

    def __init__(self, text: str, slot_id: int, forward: Step, backward: Step,
                 run_step: Callable[[int, Step], None]) -> None:
        super().__init__(text)
        self.slot_id = slot_id
        self._forward = forward
        self._backward = backward
        self._run_step = run_step
        self._done_already = True

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        self._run_step(self.slot_id, self._forward)

    def undo(self) -> None:
        self._run_step(self.slot_id, self._backward)
