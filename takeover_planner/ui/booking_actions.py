"""Booking edits from the window: book, move, resize, change status, edit details, and their undo steps.

Each edit is one background write; on success the store gets the new slot and an undo command is pushed,
on refusal the caller's ``on_refused`` shows the rule's message where the user acted and nothing changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.ui.i18n import range_text
from takeover_planner.ui.labels import status_label
from takeover_planner.ui.planner_store import PlannerStore
from takeover_planner.ui.tasks import WRITE, TaskRunner
from takeover_planner.ui.team.offline import PendingWrite
from takeover_planner.ui.undo import UNDO_REASON, SlotCommand, Step, walk_status

if TYPE_CHECKING:
    from takeover_planner.errors import TakeoverError
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.context import AppContext
    from takeover_planner.ui.team.offline import OfflineEdits

Refused = Callable[["TakeoverError"], None]
Succeeded = Callable[["SlotInfo"], None]



def _moved_deadline(slot: SlotInfo, start: dt.date) -> dt.datetime | None:
    """The deadline a move gives ``slot`` (``services.booking.move`` keeps its distance to the first day)."""
    if slot.material_deadline is None:
        return None
    from takeover_planner.services.booking import shift_deadline

    return shift_deadline(slot.material_deadline, (start - slot.start).days)


@dataclass(frozen=True)
class BookingRequest:
    department_id: int
    account_id: int
    start: dt.date
    end: dt.date
    status: SlotStatus = SlotStatus.REQUESTED
    campaign_id: int | None = None
    notes: str = ""  # the internal note
    news_url: str = ""
    material_deadline: dt.datetime | None = None
    department_note: str = ""  # the note to the department


@dataclass(frozen=True)
class DetailChanges:
    notes: str  # the internal note
    news_url: str
    material_deadline: dt.datetime | None
    campaign_id: int | None
    department_note: str = ""  # the note to the department
    account_id: int | None = None  # another account takes the slot over (None: it stays where it is)


class BookingActions(QObject):
    slot_written = Signal(object)  # SlotInfo after any successful write
    notice = Signal(str)  # a short line for the status bar
    busy_changed = Signal(bool)
    undo_failed = Signal(str)

    def __init__(self, store: PlannerStore, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.undo_stack = QUndoStack(self)
        self._writes = 0
        # Clearing the stack waits for the next turn of the event loop: a refused step may be inside undo().
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.setInterval(0)
        self._clear_timer.timeout.connect(self.undo_stack.clear)
        self.offline: OfflineEdits | None = None  # team mode: see keep_offline_with

    def keep_offline_with(self, offline: OfflineEdits) -> None:
        """Team mode: an edit that fails because the database cannot be reached goes to ``offline`` (the outbox)."""
        self.offline = offline

    @property
    def busy(self) -> bool:
        return self._writes > 0

    def _ctx(self) -> AppContext:
        if self.store.ctx is None:
            raise RuntimeError("the database is not open yet")
        return self.store.ctx

    def _write(self, work: Callable[[AppContext], Any], on_done: Callable[[Any], None], on_error: Refused,
               slot_id: int | None = None, pending: PendingWrite | None = None) -> None:
        """One background write. If it meets someone else's newer version of ``slot_id``, that version is
        read back so the calendar shows what the database holds. If the database cannot be reached, the
        ``pending`` form of the edit is kept for later (team mode) and ``on_error`` hears ``KeptOffline``."""
        ctx = self._ctx()
        self._writes += 1
        if self._writes == 1:
            self.busy_changed.emit(True)

        def finished() -> None:
            self._writes -= 1
            if self._writes == 0:
                self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finished()
            on_done(result)

        def failed(exc: TakeoverError) -> None:
            from takeover_planner.errors import ConflictError

            finished()
            if pending is not None and self.offline is not None:
                kept = self.offline.keep(exc, pending)
                if kept is not None:
                    on_error(kept)
                    return
            if slot_id is not None and isinstance(exc, ConflictError):
                self.store.reload_slot(slot_id)
            on_error(exc)

        # The runner turns a locked or unreachable database into an EnvironmentProblem (ui.tasks).
        self.runner.op(lambda: work(ctx)).lane(WRITE).on_done(done).on_error(failed).run()

    def _landed(self, slot: SlotInfo) -> None:
        self.store.apply(slot)
        self.slot_written.emit(slot)

    def _version(self, slot_id: int) -> int:
        known = self.store.slot(slot_id)
        if known is None:
            raise RuntimeError(f"slot #{slot_id} is not loaded")
        return known.version

    def _competing_notice(self, competing: tuple[Any, ...]) -> None:
        if competing:
            names = ", ".join(f"#{c.id} {c.department}" for c in competing)
            self.notice.emit(QCoreApplication.translate("BookingActions", "Requested slots compete for these days: %1").replace("%1", names))

    # --- edits ------------------------------------------------------------------------------------------

    def book(self, request: BookingRequest, on_done: Succeeded, on_refused: Refused) -> None:
        def work(ctx: AppContext) -> Any:
            from takeover_planner.services import booking

            return booking.book(
                ctx, department=request.department_id, account=request.account_id, start=request.start,
                end=request.end, campaign=request.campaign_id, status=request.status, notes=request.notes,
                news_url=request.news_url, material_deadline=request.material_deadline,
                department_note=request.department_note,
            )

        def done(result: Any) -> None:
            slot = result.slot
            self._landed(slot)
            status = request.status

            def backward(ctx: AppContext, version: int) -> SlotInfo:
                return walk_status(ctx, slot.id, SlotStatus.CANCELLED, version, UNDO_REASON)

            def forward(ctx: AppContext, version: int) -> SlotInfo:
                return walk_status(ctx, slot.id, status, version)

            self._push(QCoreApplication.translate("BookingActions", "Book %1").replace("%1", slot.department), slot.id, forward, backward)
            self.notice.emit(QCoreApplication.translate("BookingActions", "Booked %1 (#%2).").replace("%1", slot.department).replace("%2", str(slot.id)))
            self._competing_notice(result.competing)
            on_done(slot)

        department = self.store.department(request.department_id)
        pending = PendingWrite("book", {
            "department": request.department_id, "account": request.account_id, "start": request.start,
            "end": request.end, "campaign": request.campaign_id, "status": request.status.value,
            "notes": request.notes, "news_url": request.news_url, "material_deadline": request.material_deadline,
            "department_note": request.department_note,
        }, QCoreApplication.translate("BookingActions", "Book %1").replace(
            "%1", department.name if department is not None else f"#{request.department_id}"))
        self._write(work, done, on_refused, pending=pending)

    def move(self, slot_id: int, start: dt.date, end: dt.date, on_refused: Refused,
             on_done: Succeeded | None = None) -> None:
        before = self.store.slot(slot_id)
        if before is None:
            return
        old_start, old_end, version = before.start, before.end, before.version
        resized = (end - start) != (old_end - old_start)

        def work(ctx: AppContext) -> Any:
            from takeover_planner.services import booking

            return booking.move(ctx, slot_id, start, end, expected_version=version)

        def done(result: Any) -> None:
            self._landed(result.slot)

            def forward(ctx: AppContext, v: int) -> SlotInfo:
                from takeover_planner.services import booking

                return booking.move(ctx, slot_id, start, end, expected_version=v).slot

            def backward(ctx: AppContext, v: int) -> SlotInfo:
                from takeover_planner.services import booking

                return booking.move(ctx, slot_id, old_start, old_end, expected_version=v).slot

            text = QCoreApplication.translate("BookingActions", "Resize %1") if resized else QCoreApplication.translate("BookingActions", "Move %1")
            self._push(text.replace("%1", before.department), slot_id, forward, backward)
            # Always a line of its own, so an earlier refusal or competing note does not stay behind.
            said = (QCoreApplication.translate("BookingActions", "%1 now runs %2.") if resized
                    else QCoreApplication.translate("BookingActions", "%1 is moved to %2."))
            said = said.replace("%1", before.department).replace("%2", range_text(start, end))
            # Plurals through self.tr with the count as a plain name: lupdate marks only those as plural forms.
            moved, to_review = result.frames_moved, result.frames_to_review
            if moved:
                said += " " + self.tr("%n story frame(s) moved with it.", "", moved)
            if to_review:
                said += " " + self.tr(
                    "%n story frame(s) fell outside the new days and went back to review.", "", to_review)
            self.notice.emit(said)
            self._competing_notice(result.competing)
            if on_done is not None:
                on_done(result.slot)

        text = QCoreApplication.translate("BookingActions", "Resize %1") if resized else QCoreApplication.translate("BookingActions", "Move %1")
        pending = PendingWrite("move", {"slot_id": slot_id, "start": start, "end": end, "expected_version": version},
                               text.replace("%1", before.department), slot_id,
                               dataclasses.replace(before, start=start, end=end,
                                                   material_deadline=_moved_deadline(before, start)))
        self._write(work, done, on_refused, slot_id, pending)

    def set_status(self, slot_id: int, status: SlotStatus, on_refused: Refused, reason: str | None = None,
                   on_done: Succeeded | None = None) -> None:
        before = self.store.slot(slot_id)
        if before is None:
            return
        old_status, version = before.status, before.version

        def work(ctx: AppContext) -> Any:
            from takeover_planner.services import booking

            return booking.set_status(ctx, slot_id, status, reason=reason, expected_version=version)

        def done(result: Any) -> None:
            self._landed(result.slot)
            if status == SlotStatus.COMPLETED:
                # Completed is final: there is no way back, so there is nothing to undo.
                self.notice.emit(QCoreApplication.translate("BookingActions", "%1 is completed. This cannot be undone.").replace("%1", before.department))
            else:
                def forward(ctx: AppContext, v: int) -> SlotInfo:
                    return walk_status(ctx, slot_id, status, v, reason)

                def backward(ctx: AppContext, v: int) -> SlotInfo:
                    return walk_status(ctx, slot_id, old_status, v, reason)

                self._push(QCoreApplication.translate("BookingActions", "Change status of %1").replace("%1", before.department), slot_id, forward, backward)
                said = QCoreApplication.translate("BookingActions", "%1 is now %2.").replace(
                    "%1", before.department).replace("%2", status_label(status).lower())
                withdrawn = result.frames_withdrawn
                if withdrawn:
                    # The publisher obeys the plan: say how many approved frames will not go out now.
                    said += " " + self.tr(
                        "%n story frame(s) taken off the publishing queue.", "", withdrawn)
                self.notice.emit(said)
            self._competing_notice(result.competing)
            if on_done is not None:
                on_done(result.slot)

        cancelled = status == SlotStatus.CANCELLED
        pending = PendingWrite(
            "set_status", {"slot_id": slot_id, "status": status.value, "reason": reason, "expected_version": version},
            QCoreApplication.translate("BookingActions", "Change status of %1").replace("%1", before.department),
            slot_id, dataclasses.replace(before, status=status, cancel_reason=(reason or "") if cancelled else ""))
        self._write(work, done, on_refused, slot_id, pending)

    def edit(self, slot_id: int, start: dt.date, end: dt.date, changes: DetailChanges, on_done: Succeeded,
             on_refused: Refused) -> None:
        """The edit dialog: new dates (a move) and new details, as one undoable step."""
        before = self.store.slot(slot_id)
        if before is None:
            return
        old = DetailChanges(before.notes, before.news_url, before.material_deadline, before.campaign_id,
                            before.department_note)
        old = dataclasses.replace(old, account_id=before.account_id)  # undo gives the slot back to its account
        old_dates = (before.start, before.end)

        def apply(ctx: AppContext, version: int, dates: tuple[dt.date, dt.date], details: DetailChanges) -> SlotInfo:
            from takeover_planner.services import booking

            slot = booking.get_slot(ctx, slot_id)
            expected = version  # every write below checks it: someone else's change is refused, not overwritten
            if details.account_id is not None and details.account_id != slot.account_id:
                # The booking rules are checked against the other account's slots and blackouts (services).
                slot = booking.change_account(ctx, slot_id, details.account_id, expected_version=expected).slot
                expected = slot.version
            if (slot.start, slot.end) != dates:
                slot = booking.move(ctx, slot_id, dates[0], dates[1], expected_version=expected).slot
                expected = slot.version
            current = DetailChanges(slot.notes, slot.news_url, slot.material_deadline, slot.campaign_id,
                                    slot.department_note)
            if current != dataclasses.replace(details, account_id=None):
                slot = booking.update_details(
                    ctx, slot_id, expected_version=expected, notes=details.notes, news_url=details.news_url,
                    department_note=details.department_note,
                    material_deadline=details.material_deadline, campaign=details.campaign_id,
                    clear_campaign=details.campaign_id is None,
                )
            return slot

        version = before.version

        def done(slot: SlotInfo) -> None:
            self._landed(slot)
            self.notice.emit(QCoreApplication.translate("BookingActions", "%1 is saved.").replace(
                "%1", before.department))
            self._push(
                QCoreApplication.translate("BookingActions", "Edit %1").replace("%1", before.department), slot_id,
                lambda ctx, v: apply(ctx, v, (start, end), changes),
                lambda ctx, v: apply(ctx, v, old_dates, old),
            )
            on_done(slot)

        campaign = next((c.name for c in self.store.campaigns if c.id == changes.campaign_id), None)
        pending = PendingWrite("edit", {
            "slot_id": slot_id, "start": start, "end": end, "notes": changes.notes, "news_url": changes.news_url,
            "department_note": changes.department_note,
            "material_deadline": changes.material_deadline, "campaign": changes.campaign_id,
            "clear_campaign": changes.campaign_id is None, "expected_version": version,
            "account": changes.account_id,
        }, QCoreApplication.translate("BookingActions", "Edit %1").replace("%1", before.department), slot_id,
            dataclasses.replace(before, start=start, end=end, notes=changes.notes, news_url=changes.news_url,
                                department_note=changes.department_note,
                                material_deadline=changes.material_deadline or before.material_deadline,
                                campaign_id=changes.campaign_id, campaign=campaign, **self._account_of(changes, before)))
        self._write(lambda ctx: apply(ctx, version, (start, end), changes), done, on_refused, slot_id, pending)

    def _account_of(self, changes: DetailChanges, before: SlotInfo) -> dict[str, Any]:
        """The account the calendar shows for an edit still on its way: the new one when it changes."""
        account = next((a for a in self.store.accounts if a.id == changes.account_id), None)
        if account is None or account.id == before.account_id:
            return {}
        return {"account_id": account.id, "account": account.name}

    # --- undo -----------------------------------------------------------------------------------------------

    def _push(self, text: str, slot_id: int, forward: Step, backward: Step) -> None:
        self.undo_stack.push(SlotCommand(text, slot_id, forward, backward, self._run_step))

    def _run_step(self, slot_id: int, step: Step) -> None:
        try:
            version = self._version(slot_id)
        except RuntimeError:
            self._undo_refused(QCoreApplication.translate("BookingActions", "The slot is no longer loaded; reload and try again."))
            return

        def failed(exc: TakeoverError) -> None:
            self._undo_refused(exc.message)
            self.store.reload_slot(slot_id)

        self._write(lambda ctx: step(ctx, version), self._landed, failed)

    def _undo_refused(self, message: str) -> None:
        self.undo_failed.emit(message)
        self._clear_timer.start()

    def undo(self) -> None:
        if not self.busy and self.undo_stack.canUndo():
            self.undo_stack.undo()

    def redo(self) -> None:
        if not self.busy and self.undo_stack.canRedo():
            self.undo_stack.redo()
