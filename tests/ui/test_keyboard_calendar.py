"""Everything in the calendar by keyboard (issue 16): book, open, re-status and cancel a slot in the month and the
week view with key presses only (QTest.keyClick to whatever has the focus, never the mouse), walk the slots with
Tab, move the period with Page Up/Down, close the secondary windows with Ctrl+W and Esc, and read the keyboard map.

The keys go to ``QApplication.focusWidget()``, so a key that lands in the wrong place (a dialog that did not take
the focus, a grid that lost it) fails the test instead of being delivered by hand to the right widget."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QWidget

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services import booking
from takeover_planner.ui.calendar.day_cursor import Step, Stop, moved, next_slot
from takeover_planner.ui.calendar.grid_view import CalendarGrid
from takeover_planner.ui.dialogs.booking_dialog import BookingDialog
from takeover_planner.ui.i18n import qdate
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.review.review_window import ReviewWindow
from tests.ui.conftest import Planner

NONE = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
FIRST, LAST = dt.date(2030, 3, 25), dt.date(2030, 3, 27)  # the days booked by keys: free, no blackout


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "something must have the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(focused(), key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def popup_menu(qtbot) -> QMenu:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def choose_in_menu(menu: QMenu, text: str) -> None:
    """Down until the item is the active one (as a person reads the menu while pressing), then Enter."""
    for _ in range(len(menu.actions()) + 1):
        active = menu.activeAction()
        if active is not None and active.text() == text:
            QTest.keyClick(menu, Qt.Key.Key_Return)
            return
        QTest.keyClick(menu, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} is not in the menu: {[a.text() for a in menu.actions()]}")


def back_in(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A closed dialog or menu hands the keyboard back to the window: on a desktop the window manager activates the
    window again, which the offscreen platform leaves to us. The focus inside the window is Qt's own."""
    if QApplication.activeWindow() is not window:
        with qtbot.waitActive(window):
            window.activateWindow()


def wait_keyboard_in(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """A dialog or window just opened: the next key goes to it once it has the focus (as for a person, who sees it)."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and focused().window() is window)


def grid_of(window: MainWindow, view: str) -> CalendarGrid:
    return window.page.month_grid if view == "month" else window.page.week_grid


def focus_grid(window: MainWindow, qtbot, view: str) -> CalendarGrid:  # type: ignore[no-untyped-def]
    """Ctrl+1 / Ctrl+2 switch the view; the grid gets the keyboard as it would by Tab from the toolbar."""
    back_in(window, qtbot)
    press(Qt.Key.Key_1 if view == "month" else Qt.Key.Key_2, CTRL)
    assert window.page.view == view
    grid = grid_of(window, view)
    grid.setFocus(Qt.FocusReason.TabFocusReason)
    assert grid.hasFocus()
    return grid


def walk_cursor_to_first_day(grid: CalendarGrid, view: str) -> None:
    """From the grid's first day (the Monday of the shown weeks) to 25 March 2030 by arrows or Page Down."""
    assert grid.cursor_day() == grid.first_day == dt.date(2030, 2, 25)
    if view == "month":
        press(Qt.Key.Key_Down, times=4)  # a week a press, within the shown weeks
    else:
        press(Qt.Key.Key_PageDown, times=4)  # a week a press; the period moves with the cursor
    assert grid.cursor_day() == FIRST
    assert grid.first_day <= FIRST <= grid.last_day


def book_by_keys(window: MainWindow, planner: Planner, grid: CalendarGrid, qtbot) -> int:  # type: ignore[no-untyped-def]
    press(Qt.Key.Key_Right, SHIFT, times=2)
    assert grid.key_range() == (FIRST, LAST)
    press(Qt.Key.Key_Return)
    dialog = window.page.dialog
    assert isinstance(dialog, BookingDialog) and dialog.isVisible()
    assert (dialog.start.date(), dialog.end.date()) == (qdate(FIRST), qdate(LAST))
    wait_keyboard_in(qtbot, dialog)
    assert focused() is dialog.department or dialog.department.isAncestorOf(focused())
    type_text("Parkvesenet")
    press(Qt.Key.Key_Return)  # takes the completion
    if dialog.isVisible() and dialog.department.currentText() == "Parkvesenet" and not dialog.error_text():
        press(Qt.Key.Key_Return)  # the dialog's default button: Book
    assert not dialog.isVisible(), dialog.error_text()
    new = [s for s in booking.list_slots(planner.ctx) if s.department == "Parkvesenet"]
    assert [(s.start, s.end, s.status) for s in new] == [(FIRST, LAST, SlotStatus.REQUESTED)]
    assert window.page.selected_id == new[0].id
    return new[0].id


@pytest.mark.parametrize("view", ["month", "week"])
def test_book_open_restatus_and_cancel_a_slot_by_keys(window: MainWindow, planner: Planner, qtbot, view: str) -> None:
    grid = focus_grid(window, qtbot, view)
    walk_cursor_to_first_day(grid, view)
    slot_id = book_by_keys(window, planner, grid, qtbot)
    back_in(window, qtbot)
    assert grid.hasFocus(), "the keyboard is back in the calendar after the dialog"

    # open it: the arrows leave the slot for a day; with no slot selected Shift+Tab starts at the shown period's
    # last slot (the new one, in either view), Enter opens it as a double click does
    press(Qt.Key.Key_Home)
    assert grid.cursor_day() == FIRST and grid.selected() == 0 and window.page.selected_id == 0
    press(Qt.Key.Key_Tab, SHIFT)
    assert grid.hasFocus() and grid.selected() == slot_id and window.page.selected_id == slot_id
    assert "Parkvesenet" in window.page.panel.title.text()
    press(Qt.Key.Key_Return)
    dialog = window.page.dialog
    assert isinstance(dialog, BookingDialog) and dialog.isVisible()
    assert dialog.slot is not None and dialog.slot.id == slot_id
    wait_keyboard_in(qtbot, dialog)
    press(Qt.Key.Key_Escape)  # Esc closes a dialog
    assert not dialog.isVisible()
    back_in(window, qtbot)
    assert grid.hasFocus()

    # re-status it: Shift+F10 opens the slot's own menu at the slot, the arrows choose, Enter does it
    press(Qt.Key.Key_F10, SHIFT)
    menu = popup_menu(qtbot)
    assert grid.rect().adjusted(-2, -2, 2, 2).contains(grid.mapFromGlobal(menu.pos())), "the menu opens at the slot"
    choose_in_menu(menu, "Mark as booked")
    assert booking.get_slot(planner.ctx, slot_id).status == SlotStatus.BOOKED
    back_in(window, qtbot)
    assert grid.hasFocus()

    # the Menu key gives the same menu; Esc closes it without doing anything
    press(Qt.Key.Key_Menu)
    menu = popup_menu(qtbot)
    assert "Mark as confirmed" in [a.text() for a in menu.actions()]
    QTest.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert booking.get_slot(planner.ctx, slot_id).status == SlotStatus.BOOKED

    # cancel it: Delete asks for the reason, typed and confirmed with Enter
    back_in(window, qtbot)
    assert grid.hasFocus()
    press(Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and isinstance(focused().window(), QInputDialog))
    type_text("The park is closed for repairs")
    press(Qt.Key.Key_Return)
    slot = booking.get_slot(planner.ctx, slot_id)
    assert (slot.status, slot.cancel_reason) == (SlotStatus.CANCELLED, "The park is closed for repairs")
    assert slot_id not in grid.bar_rects(), "cancelled slots are hidden by default"
    others = {s.id: s.status for s in booking.list_slots(planner.ctx) if s.id != slot_id}
    assert others == {planner.library_slot: SlotStatus.BOOKED, planner.fire_slot: SlotStatus.REQUESTED}


def test_tab_walks_the_slots_in_date_order_then_leaves_the_grid(window: MainWindow, planner: Planner, qtbot) -> None:
    grid = focus_grid(window, qtbot, "month")
    shown = [s.id for s in grid.visible_slots()]
    assert shown == [planner.library_slot, planner.fire_slot]
    selections: list[int] = []
    grid.slot_selected.connect(selections.append)
    press(Qt.Key.Key_Tab)
    assert grid.selected() == planner.library_slot and grid.cursor_day() == dt.date(2030, 3, 4)
    press(Qt.Key.Key_Tab)
    assert grid.selected() == planner.fire_slot and grid.cursor_day() == dt.date(2030, 3, 11)
    assert selections == [planner.library_slot, planner.fire_slot], "keyboard selection is announced"
    press(Qt.Key.Key_Tab)
    assert not grid.hasFocus(), "after the last slot Tab leaves the calendar"
    assert window.page.selected_id == planner.fire_slot, "the details panel keeps the slot Tab left"
    press(Qt.Key.Key_Tab, SHIFT)
    assert grid.hasFocus() and grid.selected() == planner.fire_slot
    press(Qt.Key.Key_Tab, SHIFT)
    assert grid.selected() == planner.library_slot
    press(Qt.Key.Key_Tab, SHIFT)
    assert not grid.hasFocus(), "before the first slot Shift+Tab leaves the calendar"


def test_space_picks_the_slots_of_the_cursor_day(window: MainWindow, planner: Planner, qtbot) -> None:
    grid = focus_grid(window, qtbot, "month")
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Right, times=2)
    assert grid.cursor_day() == dt.date(2030, 3, 6)
    press(Qt.Key.Key_Space)
    assert grid.selected() == planner.library_slot
    press(Qt.Key.Key_Left)
    assert grid.selected() == 0, "the arrows put the keyboard back on a day"


def test_cursor_keys_and_the_period(window: MainWindow, qtbot) -> None:
    grid = focus_grid(window, qtbot, "month")
    moves: list[dt.date] = []
    grid.cursor_moved.connect(moves.append)
    press(Qt.Key.Key_Down, times=2)
    press(Qt.Key.Key_End)
    assert grid.cursor_day() == dt.date(2030, 3, 17)  # the Sunday of that week row
    press(Qt.Key.Key_Home)
    assert grid.cursor_day() == dt.date(2030, 3, 11)
    assert moves == [dt.date(2030, 3, 4), dt.date(2030, 3, 11), dt.date(2030, 3, 17), dt.date(2030, 3, 11)]
    press(Qt.Key.Key_PageDown)
    assert grid.cursor_day() == dt.date(2030, 4, 11) and window.page.anchor.month == 4, "Page Down: next month"
    assert grid.first_day <= grid.cursor_day() <= grid.last_day
    press(Qt.Key.Key_PageUp, times=2)
    assert grid.cursor_day() == dt.date(2030, 2, 11) and window.page.anchor.month == 2
    # walking off the shown weeks moves the period with the cursor
    while grid.first_day <= grid.cursor_day() - dt.timedelta(days=7):
        press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Up)
    assert window.page.anchor.month == 1 and grid.first_day <= grid.cursor_day() <= grid.last_day
    # Shift+arrows mark a range, Esc drops it
    press(Qt.Key.Key_Right, SHIFT, times=3)
    assert grid.key_range() is not None
    press(Qt.Key.Key_Escape)
    assert grid.key_range() is None


def test_week_view_page_keys_move_a_week(window: MainWindow, qtbot) -> None:
    grid = focus_grid(window, qtbot, "week")
    start = grid.first_day
    press(Qt.Key.Key_PageDown)
    assert grid.first_day == start + dt.timedelta(days=7) and grid.cursor_day() == start + dt.timedelta(days=7)
    press(Qt.Key.Key_Left)
    assert grid.first_day == start, "a step before Monday shows the week before"
    assert grid.cursor_day() == start + dt.timedelta(days=6)


def test_delete_on_a_completed_slot_explains_instead_of_asking(window: MainWindow, planner: Planner, qtbot) -> None:
    booking.set_status(planner.ctx, planner.library_slot, SlotStatus.CONFIRMED)
    booking.set_status(planner.ctx, planner.library_slot, SlotStatus.COMPLETED)
    window.reload()
    grid = focus_grid(window, qtbot, "month")
    press(Qt.Key.Key_Tab)
    assert grid.selected() == planner.library_slot
    press(Qt.Key.Key_Delete)
    assert not any(isinstance(w, QInputDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert "cannot be cancelled" in window.page.callout.text()
    assert booking.get_slot(planner.ctx, planner.library_slot).status == SlotStatus.COMPLETED


# --- the toolbar, the secondary windows and the keyboard map ---------------------------------------------------


def test_the_view_switch_is_reached_by_tab_and_switched_by_arrows(window: MainWindow, qtbot) -> None:
    toolbar = window.page.toolbar
    back_in(window, qtbot)
    toolbar.today_button.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(6):
        if focused() is toolbar.view_buttons["month"]:
            break
        press(Qt.Key.Key_Tab)
    assert focused() is toolbar.view_buttons["month"]
    press(Qt.Key.Key_Right)
    assert window.page.view == "week" and focused() is toolbar.view_buttons["week"]
    sheet = window.styleSheet()
    assert "QToolButton#segment:focus" in sheet and "QPushButton#primary:focus" in sheet, "a visible focus ring"


def _wait_closed(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not widget.isVisible())


def _tab_to(button: QWidget, limit: int = 40) -> None:
    for _ in range(limit):
        if focused() is button:
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {button!r}")


def test_ctrl_w_esc_and_close_close_the_insights_window(window: MainWindow, qtbot) -> None:
    for close in ("ctrl+w", "esc", "button"):
        dashboard = window.insights.open_dashboard()
        assert dashboard is not None
        wait_keyboard_in(qtbot, dashboard)
        assert dashboard.close_button.text() == "Close"
        if close == "ctrl+w":
            press(Qt.Key.Key_W, CTRL)
        elif close == "esc":
            press(Qt.Key.Key_Escape)
        else:
            _tab_to(dashboard.close_button)
            press(Qt.Key.Key_Space)
        _wait_closed(qtbot, dashboard)


def test_ctrl_w_esc_and_close_close_the_review_window(window: MainWindow, planner: Planner, qtbot) -> None:
    for close in ("ctrl+w", "esc", "button"):
        review = window.open_review(planner.library_slot)
        assert isinstance(review, ReviewWindow)
        wait_keyboard_in(qtbot, review)
        if close == "ctrl+w":
            press(Qt.Key.Key_W, CTRL)
        elif close == "esc":
            press(Qt.Key.Key_Escape)
        else:
            _tab_to(review.close_button)
            press(Qt.Key.Key_Space)
        _wait_closed(qtbot, review)
    assert window.isVisible(), "closing a secondary window leaves the planner open"


def test_the_keyboard_map_lists_the_keys(window: MainWindow, qtbot) -> None:
    back_in(window, qtbot)
    press(Qt.Key.Key_F1)
    dialog = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "keyboardMap" and w.isVisible()), None)
    assert dialog is not None and dialog in window.findChildren(QWidget, "keyboardMap")
    rows = dialog.rows()  # type: ignore[attr-defined]
    keys = {k for _where, k, _what in rows}
    for expected in ("Arrow keys", "Home / End", "Page Up / Page Down", "Tab / Shift+Tab", "Enter",
                     "Shift+F10 / Menu key", "Delete", "Ctrl+W / Esc", "Esc"):
        assert expected in keys, expected
    by_what = {what: k for _where, k, what in rows}
    assert by_what["New booking…"] == "Ctrl+N" and by_what["Keyboard shortcuts"] == "F1"
    assert by_what["Undo"] == "Ctrl+Z" and by_what["Month"] == "Ctrl+1"
    assert "Help" in window.help_menu.title() and window.keys_action in window.help_menu.actions()
    wait_keyboard_in(qtbot, dialog)
    press(Qt.Key.Key_Escape)
    _wait_closed(qtbot, dialog)


# --- where the keys go (plain rules, no window) ----------------------------------------------------------------


def test_page_keys_keep_the_day_inside_a_shorter_month() -> None:
    assert moved(dt.date(2030, 1, 31), Step.PAGE_FORWARD, week_view=False) == dt.date(2030, 2, 28)
    assert moved(dt.date(2030, 3, 31), Step.PAGE_BACK, week_view=False) == dt.date(2030, 2, 28)
    assert moved(dt.date(2030, 12, 15), Step.PAGE_FORWARD, week_view=False) == dt.date(2031, 1, 15)
    assert moved(dt.date(2030, 1, 31), Step.PAGE_FORWARD, week_view=True) == dt.date(2030, 2, 7)
    assert moved(dt.date(2030, 3, 6), Step.ROW_START, week_view=False) == dt.date(2030, 3, 4)
    assert moved(dt.date(2030, 3, 6), Step.ROW_END, week_view=False) == dt.date(2030, 3, 10)


def test_tab_starts_at_the_ends_of_the_period_and_stops_there() -> None:
    stops = [Stop(3, dt.date(2030, 3, 11), dt.date(2030, 3, 12)), Stop(1, dt.date(2030, 3, 4), dt.date(2030, 3, 6)),
             Stop(2, dt.date(2030, 3, 4), dt.date(2030, 3, 4))]
    assert next_slot(stops, 0, forward=True) == 2  # none selected: the first slot of the period, in date order
    assert next_slot(stops, 0, forward=False) == 3  # …and Shift+Tab the last
    assert next_slot(stops, 99, forward=True) == 2, "a selected slot no longer shown counts as none"
    assert next_slot(stops, 2, forward=True) == 1  # date order: 2 (4 Mar), 1 (4–6 Mar), 3
    assert next_slot(stops, 3, forward=True) is None
    assert next_slot(stops, 2, forward=False) is None
    assert next_slot([], 0, forward=True) is None
