"""The planner itself: toolbar, month / week / agenda views and the details panel, and what the user's
gestures on them mean (book, move, resize, change status, edit).

State: which view, a date inside the shown period (the anchor), the filter and the selected slot. Every
change ends in ``refresh()``, which asks the store for the period's slots (memory only, so it is fast) and
hands them to the one slot model all three views read.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QMenu, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from takeover_planner.domain.roles import Role
from takeover_planner.domain.slots import ALLOWED_TRANSITIONS, SlotStatus
from takeover_planner.domain.timekeeping import iso_week, today_oslo, week_start
from takeover_planner.ui.booking_actions import BookingActions, BookingRequest, DetailChanges
from takeover_planner.ui.calendar.agenda_view import AgendaView
from takeover_planner.ui.calendar.grid_view import CalendarGrid
from takeover_planner.ui.calendar.layout import month_grid_start, month_grid_weeks
from takeover_planner.ui.calendar.slot_model import SlotTableModel
from takeover_planner.ui.callout import Callout
from takeover_planner.ui.i18n import month_title, range_text
from takeover_planner.ui.labels import status_action, week_label
from takeover_planner.ui.messages import user_message
from takeover_planner.ui.planner_store import PlannerStore
from takeover_planner.ui.side_panel import SlotDetailsPanel
from takeover_planner.ui.slot_filter import SlotFilter
from takeover_planner.ui.tasks import TaskRunner
from takeover_planner.ui.team.offline import KeptOffline
from takeover_planner.ui.toolbar import VIEWS, PlannerToolbar

if TYPE_CHECKING:
    from takeover_planner.domain.roles import Profile
    from takeover_planner.errors import TakeoverError
    from takeover_planner.services.audit import AuditEntry
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.catalog import BlackoutInfo
    from takeover_planner.services.planner_queries import FrameProgress
    from takeover_planner.ui.dialogs.booking_dialog import BookingDialog

MONTH, WEEK, AGENDA = VIEWS
READ_ALL_DELAY_MS = 100  # after the first keystroke of a search in the agenda


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


class CalendarPage(QWidget):
    view_changed = Signal(str)
    review_requested = Signal(int)  # slot id: open the story review screen
    brief_requested = Signal(int)  # slot id: write its brief (package and PDF)
    email_requested = Signal(int, str)  # slot id, services.reminders.EmailKind value: e-mail the department
    status_message = Signal(str)
    refreshed = Signal()

    def __init__(self, store: PlannerStore, booking_actions: BookingActions, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.booking_actions = booking_actions
        self.runner = runner
        self.view = MONTH
        self.anchor = today_oslo()
        self.slot_filter = SlotFilter()
        self.selected_id = 0
        self.dialog: BookingDialog | None = None
        self.profile: Profile | None = None  # team mode: who is working (None: not known yet, allow all)
        self._menu_at: QPoint | None = None  # where the last slot menu opened

        self.toolbar = PlannerToolbar(self)
        self.model = SlotTableModel(self)
        self.month_grid = CalendarGrid(self, detailed=False)
        self.week_grid = CalendarGrid(self, detailed=True)
        self.agenda = AgendaView(self)
        for grid in (self.month_grid, self.week_grid):
            grid.set_model(self.model)
        self.stack = QStackedWidget(self)
        for view in (self.month_grid, self.week_grid, self.agenda):
            self.stack.addWidget(view)
        self.panel = SlotDetailsPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("plannerSplitter")
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.setSizes([980, 330])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        self.callout = Callout(self)

        self.toolbar.today_requested.connect(self.go_today)
        self.toolbar.previous_requested.connect(self.go_previous)
        self.toolbar.next_requested.connect(self.go_next)
        self.toolbar.view_requested.connect(self.set_view)
        self.toolbar.new_booking_requested.connect(self.new_booking)
        self.toolbar.filter_changed.connect(self._on_toolbar_filter_changed)
        self.toolbar.search_typed.connect(self._on_toolbar_search_typed)
        # The all-years read starts a moment after the first keystroke: a search typed right after switching to the
        # agenda would otherwise read on a worker while the agenda is first painted (both need the GIL).
        self._read_all_soon = QTimer(self)
        self._read_all_soon.setObjectName("searchReadAllTimer")
        self._read_all_soon.setSingleShot(True)
        self._read_all_soon.setInterval(READ_ALL_DELAY_MS)
        self._read_all_soon.timeout.connect(self._on_read_all_soon_timeout)
        for grid in (self.month_grid, self.week_grid):
            grid.slot_selected.connect(self.select)
            grid.slot_activated.connect(self.edit_slot)
            grid.day_activated.connect(self._on_grid_day_activated)
            grid.range_drawn.connect(self._on_grid_range_drawn)
            grid.move_requested.connect(self._on_grid_move_requested)
            grid.context_menu_requested.connect(self.open_status_menu)
            grid.cancel_requested.connect(self.cancel_slot)
            grid.navigate_requested.connect(self.go_to)  # the day cursor left the shown days
        self.agenda.slot_selected.connect(self.select)
        self.agenda.slot_activated.connect(self.edit_slot)
        self.agenda.context_menu_requested.connect(self.open_status_menu)
        self.panel.edit_requested.connect(self.edit_slot)
        self.panel.review_requested.connect(self.review_requested)
        self.panel.brief_requested.connect(self.brief_requested)
        self.panel.status_menu_requested.connect(self._on_panel_status_menu_requested)
        self.store.slots_changed.connect(self.refresh)
        self.store.reloaded.connect(self._on_store_reloaded)
        self.booking_actions.slot_written.connect(self._on_actions_slot_written)
        self.store.catalog_changed.connect(self._on_store_catalog_changed)
        self.toolbar.set_view(self.view)
        self.refresh()

    # --- where we are -------------------------------------------------------------------------------------------

    def visible_range(self) -> tuple[dt.date, dt.date]:
        if self.view == WEEK:
            start = week_start(self.anchor)
            return start, start + dt.timedelta(days=6)
        first = self.anchor.replace(day=1)
        if self.view == MONTH:
            start = month_grid_start(first.year, first.month)
            return start, start + dt.timedelta(days=month_grid_weeks(first.year, first.month) * 7 - 1)
        return first, _add_months(first, 1) - dt.timedelta(days=1)

    def period_title(self) -> str:
        if self.view == WEEK:
            start = week_start(self.anchor)
            end = start + dt.timedelta(days=6)
            return f"{week_label(iso_week(start))} · {range_text(start, end)}"
        return month_title(self.anchor)

    def set_view(self, view: str) -> None:
        if view not in VIEWS:
            view = MONTH
        self.view = view
        self.stack.setCurrentIndex(VIEWS.index(view))
        self.toolbar.set_view(view)
        self.refresh()
        self.view_changed.emit(view)

    def go_today(self) -> None:
        self.anchor = today_oslo()
        self.refresh()

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self.refresh()

    def go_previous(self) -> None:
        self.anchor = self.anchor - dt.timedelta(days=7) if self.view == WEEK else _add_months(self.anchor, -1)
        self.refresh()

    def go_next(self) -> None:
        self.anchor = self.anchor + dt.timedelta(days=7) if self.view == WEEK else _add_months(self.anchor, 1)
        self.refresh()

    def current_view_widget(self) -> QWidget:
        widget = self.stack.currentWidget()
        assert widget is not None, "the stack holds every view from __init__ on"
        return widget

    # --- drawing the period -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        start, end = self.visible_range()
        self.store.ensure_range(start, end)
        searching = bool(self.slot_filter.text)
        if self.view == AGENDA and searching:
            self.store.ensure_all()
            slots = self.store.search(self.slot_filter)
        else:
            slots = self.store.slots_in(start, end, self.slot_filter)
        self.model.set_slots(slots, self.store.competing)
        if self.view == AGENDA:
            self.agenda.set_slots(slots, self.store.competing)
        loading = self.store.ctx is None or not self.store.has_range(start, end)
        if self.view == MONTH:
            self.month_grid.set_range(start, (end - start).days // 7 + 1, self.anchor.month)
            self.month_grid.set_overlays(self._blackouts(), self.store.campaigns)
            self.month_grid.set_loading(loading)
        elif self.view == WEEK:
            self.week_grid.set_range(start, 1, None)
            self.week_grid.set_overlays(self._blackouts(), self.store.campaigns)
            self.week_grid.set_loading(loading)
        self.toolbar.set_title(self.tr("Search results") if self.view == AGENDA and searching else self.period_title())
        self.toolbar.set_count(self.tr("%n slot(s)", "", len(slots)))
        self.month_grid.set_selected(self.selected_id)
        self.week_grid.set_selected(self.selected_id)
        if self.view == AGENDA:
            self.agenda.set_selected(self.selected_id)
        self._fill_panel()
        self.refreshed.emit()

    def _blackouts(self) -> list[BlackoutInfo]:
        """Blackouts for the chosen account (and those for every account); all of them without a filter."""
        account = self.slot_filter.account_id
        return [b for b in self.store.blackouts if account is None or b.account_id in (None, account)]

    def _on_toolbar_search_typed(self) -> None:
        # The agenda searches all years: read them while the person types, not after the pause before the
        # search (the read runs on a worker, and done during the typing it no longer competes with the paint
        # of the results; tests/benchmarks/bench_ui.py's search figure).
        if self.view == AGENDA and not self._read_all_soon.isActive():
            self._read_all_soon.start()

    def _on_read_all_soon_timeout(self) -> None:
        if self.view == AGENDA:
            self.store.ensure_all()

    def _on_toolbar_filter_changed(self, slot_filter: SlotFilter) -> None:
        self.slot_filter = slot_filter
        self.refresh()

    def _on_store_catalog_changed(self) -> None:
        self.toolbar.set_catalog(self.store.accounts, list(self.store.departments.values()), self.store.campaigns)
        self.refresh()

    # --- selection and the details panel ---------------------------------------------------------------------

    def select(self, slot_id: int) -> None:
        if slot_id == self.selected_id:
            return
        self.selected_id = slot_id
        for grid in (self.month_grid, self.week_grid):
            grid.set_selected(slot_id)
        if self.view == AGENDA:
            self.agenda.set_selected(slot_id)
        self._fill_panel(load=True)

    def _fill_panel(self, load: bool = False) -> None:
        slot = self.store.slot(self.selected_id) if self.selected_id else None
        if slot is None:
            self.panel.show_slot(None)
            return
        competitors = [c for c in (self.store.slot(i) for i in self.store.competing.get(slot.id, [])) if c is not None]
        self.panel.show_slot(slot, self.store.department(slot.department_id), competitors)
        if load or self.panel.slot_id != slot.id:
            self._load_panel_extras(slot.id)

    def _on_actions_slot_written(self, slot: SlotInfo) -> None:
        """A move, resize, status change or edit of the shown slot is in its history now: read it again."""
        if slot.id == self.selected_id:
            self._load_panel_extras(slot.id)

    def _on_store_reloaded(self) -> None:
        """Fresh data from the database (F5, or someone else's change through live updates): the panel's story
        progress and history are read again too, not only when the slot is selected anew."""
        if self.selected_id and self.store.slot(self.selected_id) is not None:
            self._load_panel_extras(self.selected_id)

    def _load_panel_extras(self, slot_id: int) -> None:
        ctx = self.store.ctx
        if ctx is None:
            return

        def work() -> tuple[FrameProgress, list[AuditEntry]]:
            from takeover_planner.services import booking, planner_queries

            return planner_queries.frame_progress(ctx, slot_id), booking.slot_history(ctx, slot_id)

        def done(result: tuple[FrameProgress, list[AuditEntry]]) -> None:
            progress, history = result
            self.panel.show_progress(slot_id, progress)
            self.panel.show_history(slot_id, history)

        self.store.read(ctx, work, on_done=done, on_error=lambda exc: self.status_message.emit(exc.message))

    # --- booking -----------------------------------------------------------------------------------------------

    def _default_day(self) -> dt.date:
        start, end = self.visible_range()
        today = today_oslo()
        if start <= today <= end:
            return today
        return self.anchor.replace(day=1) if self.view != WEEK else start

    def new_booking(self, start: dt.date | None = None, end: dt.date | None = None) -> BookingDialog | None:
        if self.store.ctx is None:
            return None
        from takeover_planner.ui.dialogs.booking_dialog import BookingDialog  # first use: keeps start-up lean

        first = start or self._default_day()
        dialog = BookingDialog(self.window(), self.store, start=first, end=end or first,
                               account_id=self.slot_filter.account_id or (self.store.accounts[0].id if self.store.accounts else None),
                               department_id=self.slot_filter.department_id, internal_note=self._may_plan())
        dialog.book_requested.connect(lambda request: self._book(dialog, request))
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _book(self, dialog: BookingDialog, request: BookingRequest) -> None:
        def refused(exc: TakeoverError) -> None:
            if isinstance(exc, KeptOffline):  # the booking waits in the outbox: nothing more to do here
                dialog.accept()
                self.status_message.emit(exc.message)
                return
            dialog.show_refusal(user_message(exc))
            self.status_message.emit(self.tr("Not booked: the booking rules said no."))

        def done(slot: SlotInfo) -> None:
            dialog.accept()
            if not (self.visible_range()[0] <= slot.start <= self.visible_range()[1]):
                self.go_to(slot.start)
            self.select(slot.id)

        self.booking_actions.book(request, done, refused)

    def edit_slot(self, slot_id: int) -> BookingDialog | None:
        slot = self.store.slot(slot_id)
        if slot is None or slot.status in (SlotStatus.COMPLETED, SlotStatus.CANCELLED):
            return None
        from takeover_planner.ui.dialogs.booking_dialog import BookingDialog

        dialog = BookingDialog(self.window(), self.store, slot=slot, internal_note=self._may_plan())
        dialog.edit_requested.connect(
            lambda sid, start, end, changes: self._edit(dialog, sid, start, end, changes))
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _edit(self, dialog: BookingDialog, slot_id: int, start: dt.date, end: dt.date, changes: DetailChanges) -> None:
        def refused(exc: TakeoverError) -> None:
            if isinstance(exc, KeptOffline):
                dialog.accept()
                self.status_message.emit(exc.message)
                return
            dialog.show_refusal(user_message(exc))

        self.booking_actions.edit(slot_id, start, end, changes, lambda _slot: dialog.accept(), refused)

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_grid_range_drawn(self, start: dt.date, end: dt.date) -> None:
        self.new_booking(start, end)

    def _on_grid_day_activated(self, day: dt.date) -> None:
        self.new_booking(day, day)

    def _on_grid_move_requested(self, slot_id: int, start: dt.date, end: dt.date, global_pos: QPoint) -> None:
        self.move_slot(slot_id, start, end, global_pos)

    def move_slot(self, slot_id: int, start: dt.date, end: dt.date, global_pos: QPoint | None = None) -> None:
        slot = self.store.slot(slot_id)
        if slot is None:
            return
        where = global_pos if global_pos is not None else QCursor.pos()

        def refused(exc: TakeoverError) -> None:
            message = user_message(exc)
            self.callout.show_message(message, where)
            self.status_message.emit(message)

        self.booking_actions.move(slot_id, start, end, refused)

    # --- status -------------------------------------------------------------------------------------------------

    def status_menu(self, slot_id: int) -> QMenu | None:
        slot = self.store.slot(slot_id)
        if slot is None:
            return None
        menu = QMenu(self)
        edit = QAction(self.tr("Edit…"), menu)
        edit.setEnabled(slot.status not in (SlotStatus.COMPLETED, SlotStatus.CANCELLED)
                        and self._may_edit(slot.department_id))
        edit.triggered.connect(lambda: self.edit_slot(slot_id))
        menu.addAction(edit)
        review = QAction(self.tr("Review story…"), menu)
        review.triggered.connect(lambda: self.review_requested.emit(slot_id))
        menu.addAction(review)
        brief = QAction(self.tr("Write brief…"), menu)
        # A cancelled slot needs no brief; writing one is for planners (the service refuses anyone else too).
        brief.setEnabled(slot.status != SlotStatus.CANCELLED and self._may_plan())
        brief.triggered.connect(lambda: self.brief_requested.emit(slot_id))
        menu.addAction(brief)
        menu.addMenu(self._email_menu(menu, slot))
        menu.addSeparator()
        order = [SlotStatus.REQUESTED, SlotStatus.BOOKED, SlotStatus.CONFIRMED, SlotStatus.COMPLETED,
                 SlotStatus.CANCELLED]
        allowed = ALLOWED_TRANSITIONS[slot.status]
        for status in order:
            if status not in allowed or (status == SlotStatus.COMPLETED and not self.may_complete(slot)):
                continue
            action = QAction(status_action(status), menu)
            action.setData(status.value)
            action.setEnabled(self._may_plan())
            action.triggered.connect(lambda _checked=False, s=status: self.change_status(slot_id, s, self._menu_at))
            menu.addAction(action)
        if not allowed:
            final = QAction(self.tr("Completed slots cannot change"), menu)
            final.setEnabled(False)
            menu.addAction(final)
        return menu

    def _email_menu(self, parent: QMenu, slot: SlotInfo) -> QMenu:
        """E-mail the department ▸ the brief / a reminder before the deadline / after a missed one."""
        menu = QMenu(self.tr("E-mail the department"), parent)
        menu.setObjectName("emailMenu")
        menu.setEnabled(slot.status != SlotStatus.CANCELLED and self._may_plan())
        kinds = (("brief", self.tr("With the brief…")), ("reminder", self.tr("Reminder before the deadline…")),
                 ("missed", self.tr("The deadline was missed…")))
        for kind, text in kinds:
            action = QAction(text, menu)
            action.setData(kind)
            # A reminder needs a deadline to remind of (the service refuses one without, too).
            action.setEnabled(kind == "brief" or slot.material_deadline is not None)
            action.triggered.connect(lambda _checked=False, k=kind: self.email_requested.emit(slot.id, k))
            menu.addAction(action)
        return menu

    @staticmethod
    def may_complete(slot: SlotInfo) -> bool:
        """Completing is offered once the takeover's last day has come, never for days still ahead."""
        return slot.end <= today_oslo()

    def open_status_menu(self, slot_id: int, global_pos: QPoint) -> None:
        self.select(slot_id)
        self._menu_at = global_pos  # a refusal is said where the menu was (at the slot, also when opened by keys)
        menu = self.status_menu(slot_id)
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            menu.popup(global_pos)

    def _on_panel_status_menu_requested(self, slot_id: int, button: QWidget) -> None:
        self.open_status_menu(slot_id, button.mapToGlobal(button.rect().bottomLeft()))

    def cancel_slot(self, slot_id: int) -> None:
        """Delete on a slot in the calendar: cancel it (asking for the reason), where cancelling is allowed."""
        slot = self.store.slot(slot_id)
        if slot is None:
            return
        grid = self.current_view_widget()
        where = grid.slot_anchor(slot_id) if isinstance(grid, CalendarGrid) else QCursor.pos()
        if SlotStatus.CANCELLED not in ALLOWED_TRANSITIONS[slot.status] or not self._may_plan():
            message = self.tr("%1's slot cannot be cancelled.").replace("%1", slot.department)
            self.callout.show_message(message, where)
            self.status_message.emit(message)
            return
        self.change_status(slot_id, SlotStatus.CANCELLED, where)

    def change_status(self, slot_id: int, status: SlotStatus, where: QPoint | None = None) -> None:
        """``where``: the point (global) a refusal is shown at; the mouse pointer if not given."""
        slot = self.store.slot(slot_id)
        if slot is None:
            return
        where = where if where is not None else QCursor.pos()

        def refused(exc: TakeoverError) -> None:
            message = user_message(exc)
            self.callout.show_message(message, where)
            self.status_message.emit(message)

        from takeover_planner.ui.dialogs.prompts import ask_confirm, ask_text

        def refused_empty() -> None:
            message = self.tr("%1's slot is not cancelled: a reason is needed.").replace("%1", slot.department)
            self.callout.show_message(message, where)
            self.status_message.emit(message)

        if status == SlotStatus.CANCELLED:
            ask_text(self.window(), self.tr("Cancel slot"),
                     self.tr("Why is %1's slot cancelled? The reason is kept in the audit trail.").replace(
                         "%1", slot.department),
                     lambda reason: self.booking_actions.set_status(slot_id, status, refused, reason=reason),
                     ok_text=self.tr("Cancel slot"),
                     on_empty=refused_empty)
            return
        if status == SlotStatus.COMPLETED:
            ask_confirm(self.window(), self.tr("Mark as completed"),
                        self.tr("Mark %1's takeover as completed?").replace("%1", slot.department),
                        self.tr("Mark as completed"),
                        lambda: self.booking_actions.set_status(slot_id, status, refused),
                        informative=self.tr("A completed slot is final: it cannot be moved or changed again."))
            return
        self.booking_actions.set_status(slot_id, status, refused)

    # --- who is working (team mode) ------------------------------------------------------------------------------

    def set_profile(self, profile: Profile | None) -> None:
        """Grey out what this person's role does not allow (the services refuse it anyway, with a message)."""
        self.profile = profile
        self.toolbar.new_button.setEnabled(profile is None or profile.role != Role.READER)
        self.panel.set_permissions(self._may_plan(), self._may_edit)
        self._fill_panel()

    def _may_plan(self) -> bool:
        return self.profile is None or self.profile.can_plan

    def _may_edit(self, department_id: int) -> bool:
        return self.profile is None or self.profile.can_edit_department(department_id)

    # --- misc ---------------------------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.toolbar.search.setFocus()
        self.toolbar.search.selectAll()

    def stop_timers(self) -> None:
        self.toolbar.stop_timers()
        self._read_all_soon.stop()
        self.callout.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            self.agenda.retranslate()
            self.refresh()
        super().changeEvent(event)

