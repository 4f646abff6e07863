"""The "Needs attention" feature of the window shell (``ui.shell``): a dock with the ``AttentionPanel``, a View
menu entry to show or hide it, and what each item's action opens.

The list is asked for again (``services.attention.needs_attention``, on the READ lane) whenever the data may
have changed: the database opened, the store's data or catalog changed (the window's own edits, a reload, a
colleague's change through live updates — they all end there), the language changed, and every few minutes,
because some items come with the clock alone (a deadline passes, a frame waits a day). A change that arrives
while a read is under way is answered by one more read when it is done, never by two at once; while the dock
is hidden only the clock and the hand-off alarm read (below), and showing it reads at once.

Hand-off frames: when a frame that is posted by hand falls due, the window says so at that moment — a timer is
set for the next one's time (``services.attention.next_handoff_due``), and when its item appears the status line
names it, the dock is shown and raised, and the window asks for attention (the task bar flashes). That read
happens with the dock hidden too, and each item alerts once.

What an item's action opens: the status menu of its slot (mark completed, move or cancel, decide between
competing requests), the slot's review screen (a frame waiting, a consent to fix), the e-mail to the department
(a missed deadline), the decision about a frame held because it is late (post now, new time, drop), or the slot
in the calendar (other publishing items: the Publish menu is beside it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.texts.attention import AttentionAction
from takeover_planner.ui.attention.panel import AttentionPanel
from takeover_planner.ui.shell import Menu
from takeover_planner.ui.tasks import READ

if TYPE_CHECKING:
    from takeover_planner.errors import TakeoverError
    from takeover_planner.services.attention import AttentionItem
    from takeover_planner.services.context import AppContext
    from takeover_planner.ui.publishing.late_dialog import LateFrameDialog
    from takeover_planner.ui.shell import Shell

CLOCK_REFRESH_MS = 5 * 60 * 1000
SETTLE_MS = 1_500  # after the last change of a burst

_STATUS_MENU = (AttentionAction.MARK_COMPLETED, AttentionAction.MOVE_OR_CANCEL, AttentionAction.DECIDE_REQUEST)
_REVIEW = (AttentionAction.REVIEW, AttentionAction.FIX_CONSENT)
HANDOFF_DUE = "handoff_due"  # services.attention.AttentionKind.HANDOFF_DUE (a StrEnum: the value is the kind)
DUE_SLACK_MS = 1_000  # the alarm rings just after the planned time, so the frame counts as due when read


class AttentionHook(QObject):
    name: ClassVar[str] = "attention"
    needs: ClassVar[tuple[str, ...]] = ()

    handoff_alert = Signal(object)  # the hand-off items (AttentionItem) that just fell due

    now: Callable[[], dt.datetime] = staticmethod(now_utc)  # the clock (tests set a fake one)

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.setObjectName("attentionHook")
        self.shell = shell
        self.panel = AttentionPanel()
        self.dock = QDockWidget(shell.window)
        self.dock.setObjectName("attentionDock")
        self.dock.setWidget(self.panel)
        self.dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
                                  | Qt.DockWidgetArea.RightDockWidgetArea)
        shell.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.toggle_action = self.dock.toggleViewAction()
        shell.add_menu_actions(Menu.VIEW, self.toggle_action)
        self.items: list[AttentionItem] = []
        self.late_dialog: LateFrameDialog | None = None  # the open decision about a late frame, if any
        self._reading = False
        self._again = False  # something changed while a read was under way
        self._generation = 0  # one per open database: a read from the one before is dropped
        self._alerted: set[tuple[str, int | None, int | None, str]] = set()  # hand-off items already told of
        self.clock = QTimer(self)
        self.clock.setObjectName("attentionClock")
        self.clock.setInterval(CLOCK_REFRESH_MS)
        self.clock.timeout.connect(self._on_clock_timeout)
        # The alarm for the next hand-off frame's time (single shot, set after every read).
        self.due_timer = QTimer(self)
        self.due_timer.setObjectName("attentionHandoffDue")
        self.due_timer.setSingleShot(True)
        self.due_timer.timeout.connect(self._on_clock_timeout)
        # Changes come in bursts (a move, a reload of several years, browsing months) and the calendar's own reads
        # share the READ lane: the list is read once things have settled, never ahead of the month being shown.
        self.settle = QTimer(self)
        self.settle.setObjectName("attentionSettle")
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        # And then at a pause in the browsing: the read is Python work that would slow each month switch.
        self.settle.timeout.connect(self._on_settle_timeout)

        self.panel.action_requested.connect(self.resolve)
        self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        shell.database_opened.connect(self._on_shell_database_opened)
        shell.database_closing.connect(self._on_shell_database_closing)
        shell.language_changed.connect(self._retranslate)
        # Not slots_changed: reading more years (browsing, a search) changes nothing the list is made from.
        shell.store.data_changed.connect(self.refresh_soon)
        shell.store.catalog_changed.connect(self.refresh_soon)
        self._retranslate()

    # --- reading ---------------------------------------------------------------------------------------------

    def refresh_soon(self) -> None:
        """Read the list once the changes have settled (at once with the tests' inline runner, which has no
        background to wait for)."""
        if self.shell.runner.inline:
            self.refresh()
        else:
            self.settle.start()  # restarts: a burst of changes makes one read

    def _on_settle_timeout(self) -> None:
        self.shell.when_quiet(self.refresh)

    def _on_clock_timeout(self) -> None:
        self.refresh(for_alarm=True)

    def refresh(self, *, for_alarm: bool = False) -> None:
        """Read the list (while the dock shows it; for the clock and the hand-off alarm also while it is hidden)."""
        ctx = self.shell.ctx
        if ctx is None or (self.dock.isHidden() and not for_alarm):
            return
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        generation = self._generation
        now = self.now()

        def work() -> tuple[list[AttentionItem], dt.datetime | None]:
            from takeover_planner.services.attention import needs_attention, next_handoff_due

            return needs_attention(ctx, now=now), next_handoff_due(ctx, now=now)

        self.shell.runner.op(work).lane(READ).on_done(lambda items: self._on_read(generation, items)).on_error(
            self._on_read_failed).run()

    def _on_read(self, generation: int, result: tuple[list[AttentionItem], dt.datetime | None]) -> None:
        self._reading = False
        if generation != self._generation or self.shell.ctx is None:  # the database closed meanwhile
            if self._again:
                self.refresh()
            return
        items, next_due = result
        self.items = items
        self.panel.show_items(items)
        self._retitle()
        self._set_alarm(next_due)
        self._alert_handoffs(items)
        if self._again:
            self.refresh()

    def _set_alarm(self, next_due: dt.datetime | None) -> None:
        """Ring at the next hand-off frame's time (the clock's own refresh covers anything further away)."""
        if next_due is None:
            self.due_timer.stop()
            return
        wait = int((next_due - self.now()).total_seconds() * 1000) + DUE_SLACK_MS
        self.due_timer.start(max(DUE_SLACK_MS, min(wait, CLOCK_REFRESH_MS)))

    def _alert_handoffs(self, items: list[AttentionItem]) -> None:
        """Tell the comms officer of hand-off frames that fell due since the last read (each once)."""
        due = [item for item in items if str(item.kind) == HANDOFF_DUE]
        fresh = [item for item in due if item.key not in self._alerted]
        self._alerted = {item.key for item in due}  # one posted and due again (re-timed) alerts again
        if not fresh:
            return
        text = self.tr("Time to post by hand: %1").replace("%1", str(fresh[0].message))
        if len(fresh) > 1:
            text += " " + self.tr("(and %1 more)").replace("%1", str(len(fresh) - 1))
        self.shell.show_status(text)
        self.dock.show()
        self.dock.raise_()
        QApplication.alert(self.shell.window)
        self.handoff_alert.emit(fresh)

    def _on_read_failed(self, problem: TakeoverError) -> None:
        self._reading = False
        self.shell.show_error(problem.message)  # the list stays as it was; the next change reads again

    def _on_shell_database_opened(self, _ctx: AppContext) -> None:
        self.clock.start()
        self.refresh_soon()  # after the calendar's first read: the month is painted first

    def _on_shell_database_closing(self) -> None:
        self.clock.stop()
        self.settle.stop()
        self.due_timer.stop()
        self._alerted = set()
        self._generation += 1
        self.items = []
        self.panel.show_items([])
        self._retitle()

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.refresh()

    # --- acting ------------------------------------------------------------------------------------------------

    def resolve(self, item: AttentionItem, anchor: QWidget) -> None:
        """Open what resolves ``item``."""
        if item.slot_id is None:
            return
        slot_id = item.slot_id
        page = self.shell.page
        if item.action in _REVIEW:
            page.review_requested.emit(slot_id)
        elif item.action == AttentionAction.REMIND_DEPARTMENT:
            page.email_requested.emit(slot_id, "missed")
        elif item.action == AttentionAction.DECIDE_LATE and item.frame_id is not None:
            self._decide_late(item.frame_id, str(item.message))
        elif item.action in _STATUS_MENU:
            self._show_slot(slot_id, lambda: page.open_status_menu(
                slot_id, anchor.mapToGlobal(anchor.rect().bottomLeft())))
        else:
            self._show_slot(slot_id, lambda: None)

    def _decide_late(self, frame_id: int, situation: str) -> None:
        """Post the held frame now, give it a new time, or drop it (``ui.publishing.late_dialog``)."""
        from takeover_planner.ui.publishing.late_dialog import LateFrameDialog

        dialog = LateFrameDialog(self.shell.window, self.shell.store, self.shell.runner, frame_id, situation)
        dialog.decided.connect(self._on_late_decided)
        self.late_dialog = dialog
        dialog.open()

    def _on_late_decided(self, said: str) -> None:
        self.shell.show_status(said)
        self.refresh_soon()

    def _show_slot(self, slot_id: int, then: Callable[[], None]) -> None:
        """The slot in the calendar, selected (read first when its year is not loaded), then ``then()``."""
        page = self.shell.page
        known = self.shell.store.slot(slot_id)
        if known is not None:
            self._go(slot_id, known.start, then)
            return
        ctx = self.shell.ctx
        if ctx is None:
            return

        def work() -> dt.date:
            from takeover_planner.services import booking

            return booking.get_slot(ctx, slot_id).start

        self.shell.runner.op(work).lane(READ).on_done(lambda start: self._go(slot_id, start, then)).on_error(
            lambda problem: page.status_message.emit(problem.message)).run()

    def _go(self, slot_id: int, start: dt.date, then: Callable[[], None]) -> None:
        page = self.shell.page
        start_shown, end_shown = page.visible_range()
        if not start_shown <= start <= end_shown:
            page.go_to(start)
        page.select(slot_id)
        then()

    # --- texts -------------------------------------------------------------------------------------------------

    def _retitle(self) -> None:
        count = len(self.items)
        title = self.tr("Needs attention (%1)").replace("%1", str(count)) if count else self.tr("Needs attention")
        self.dock.setWindowTitle(title)

    def _retranslate(self) -> None:
        self._retitle()
        self.panel.show_items(self.items)  # the items' words render in the language now in force
