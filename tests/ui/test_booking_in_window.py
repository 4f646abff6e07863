"""The real planner window, driven like a person would: book by the dialog and by dragging, be refused,
move and resize slots, change status, undo and redo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services import booking
from takeover_planner.ui.dialogs.booking_dialog import BookingDialog
from takeover_planner.ui.i18n import qdate
from tests.ui.conftest import Planner, drag


def _all_slots(planner: Planner) -> list[booking.SlotInfo]:
    return booking.list_slots(planner.ctx)


def _choose_department(dialog: BookingDialog, name: str) -> None:
    dialog.department.setCurrentIndex(dialog.department.findText(name))


def test_book_with_the_dialog(window, planner: Planner, qtbot) -> None:
    qtbot.mouseClick(window.page.toolbar.new_button, Qt.MouseButton.LeftButton)
    dialog = window.page.dialog
    assert isinstance(dialog, BookingDialog) and dialog.isVisible()
    _choose_department(dialog, "Parkvesenet")
    dialog.start.setDate(qdate(dt.date(2030, 3, 25)))
    dialog.end.setDate(qdate(dt.date(2030, 3, 27)))
    dialog.status.setCurrentIndex(dialog.status.findData("booked"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    new = [s for s in _all_slots(planner) if s.department == "Parkvesenet"]
    assert [(s.start, s.end, s.status) for s in new] == [(dt.date(2030, 3, 25), dt.date(2030, 3, 27), SlotStatus.BOOKED)]
    assert window.page.selected_id == new[0].id
    assert new[0].id in window.page.month_grid.bar_rects()
    assert "Parkvesenet" in window.page.panel.title.text()


def test_book_by_dragging_across_days(window, planner: Planner, qtbot) -> None:
    grid = window.page.month_grid
    start, end = dt.date(2030, 3, 26), dt.date(2030, 3, 28)
    drag(grid, QPointF(grid.day_rect(start).center()), QPointF(grid.day_rect(end).center()))

    dialog = window.page.dialog
    assert isinstance(dialog, BookingDialog)
    assert (dialog.start.date(), dialog.end.date()) == (qdate(start), qdate(end))
    _choose_department(dialog, "Parkvesenet")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    new = [s for s in _all_slots(planner) if s.department == "Parkvesenet"]
    assert [(s.start, s.end, s.status) for s in new] == [(start, end, SlotStatus.REQUESTED)]


def test_a_refused_booking_shows_the_rule_message_and_changes_nothing(window, planner: Planner, qtbot) -> None:
    before = _all_slots(planner)
    dialog = window.page.new_booking(dt.date(2030, 3, 5), dt.date(2030, 3, 7))
    _choose_department(dialog, "Parkvesenet")
    dialog.status.setCurrentIndex(dialog.status.findData("booked"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    message = dialog.error_text()
    assert dialog.isVisible(), "the dialog stays open with what the user typed"
    assert f"slot #{planner.library_slot}" in message and "Biblioteket" in message and "overlaps" in message
    assert dialog.ok_button.isEnabled()
    assert _all_slots(planner) == before
    assert window.booking_actions.undo_stack.count() == 0


def test_booking_into_a_blackout_names_the_blackout(window, planner: Planner, qtbot) -> None:
    dialog = window.page.new_booking(dt.date(2030, 3, 19), dt.date(2030, 3, 21))
    _choose_department(dialog, "Parkvesenet")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Valgdagen" in dialog.error_text() and "blackout" in dialog.error_text()
    assert len(_all_slots(planner)) == 2


def test_the_dialog_checks_its_own_fields_first(window, qtbot) -> None:
    dialog = window.page.new_booking(dt.date(2030, 3, 25), dt.date(2030, 3, 25))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "department" in dialog.error_text().lower()
    _choose_department(dialog, "Parkvesenet")
    dialog.news_url.setText("not a link")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "https://" in dialog.error_text()


def _bar_center(window, slot_id: int) -> QPointF:
    rects = window.page.month_grid.bar_rects()[slot_id]
    return QPointF(rects[0].center())


def test_move_a_slot_by_dragging_then_undo_and_redo(window, planner: Planner, qtbot) -> None:
    grid = window.page.month_grid
    start = _bar_center(window, planner.library_slot)
    # two days to the right, same row
    target = QPointF(grid.day_rect(dt.date(2030, 3, 7)).center().x(), start.y())
    drag(grid, start, target)
    moved = booking.get_slot(planner.ctx, planner.library_slot)
    assert (moved.start, moved.end) == (dt.date(2030, 3, 6), dt.date(2030, 3, 8))
    assert window.store.slot(planner.library_slot).start == dt.date(2030, 3, 6)

    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    back = booking.get_slot(planner.ctx, planner.library_slot)
    assert (back.start, back.end) == (dt.date(2030, 3, 4), dt.date(2030, 3, 6))
    window.redo_action.trigger()
    again = booking.get_slot(planner.ctx, planner.library_slot)
    assert (again.start, again.end) == (dt.date(2030, 3, 6), dt.date(2030, 3, 8))
    actions = [e.action for e in booking.slot_history(planner.ctx, planner.library_slot)]
    assert actions == ["booked", "moved", "moved", "moved"]


def test_resize_a_slot_by_dragging_its_end(window, planner: Planner) -> None:
    grid = window.page.month_grid
    rect = grid.bar_rects()[planner.library_slot][0]
    right_edge = QPointF(rect.right() - 2, rect.center().y())
    drag(grid, right_edge, QPointF(grid.day_rect(dt.date(2030, 3, 8)).center().x(), rect.center().y()))
    slot = booking.get_slot(planner.ctx, planner.library_slot)
    assert (slot.start, slot.end) == (dt.date(2030, 3, 4), dt.date(2030, 3, 8))
    assert window.booking_actions.undo_stack.undoText().startswith("Resize")


def test_a_refused_move_says_why_where_the_slot_was_dropped(window, planner: Planner) -> None:
    booking.set_status(planner.ctx, planner.fire_slot, SlotStatus.BOOKED)
    window.reload()
    grid = window.page.month_grid
    start = _bar_center(window, planner.fire_slot)  # 11–12 March, week row below the library's
    target = grid.day_rect(dt.date(2030, 3, 5)).center()
    drag(grid, start, QPointF(target))

    callout = window.page.callout
    assert callout.isVisible()
    assert f"slot #{planner.library_slot}" in callout.text() and "Biblioteket" in callout.text()
    fire = booking.get_slot(planner.ctx, planner.fire_slot)
    assert (fire.start, fire.end) == (dt.date(2030, 3, 11), dt.date(2030, 3, 12))
    assert window.booking_actions.undo_stack.count() == 0
    # the message sits inside the window, near the drop point
    assert window.page.rect().contains(callout.geometry())


def test_change_status_from_the_context_menu_and_undo(window, planner: Planner) -> None:
    menu = window.page.status_menu(planner.fire_slot)
    labels = {a.text(): a for a in menu.actions() if a.text()}
    assert "Mark as booked" in labels and "Cancel slot…" in labels and "Mark as completed" not in labels
    labels["Mark as booked"].trigger()
    assert booking.get_slot(planner.ctx, planner.fire_slot).status == SlotStatus.BOOKED
    window.undo_action.trigger()
    assert booking.get_slot(planner.ctx, planner.fire_slot).status == SlotStatus.REQUESTED


def test_cancelling_asks_for_a_reason(window, planner: Planner, qtbot) -> None:
    window.page.change_status(planner.library_slot, SlotStatus.CANCELLED)
    prompt = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
    prompt.setTextValue("The librarian is ill")
    prompt.accept()
    slot = booking.get_slot(planner.ctx, planner.library_slot)
    assert slot.status == SlotStatus.CANCELLED and slot.cancel_reason == "The librarian is ill"
    # cancelled slots are hidden by default
    assert planner.library_slot not in window.page.month_grid.bar_rects()
    window.undo_action.trigger()
    assert booking.get_slot(planner.ctx, planner.library_slot).status == SlotStatus.BOOKED


def test_completing_is_confirmed_and_cannot_be_undone(window, planner: Planner) -> None:
    booking.set_status(planner.ctx, planner.library_slot, SlotStatus.CONFIRMED)
    window.reload()
    window.page.change_status(planner.library_slot, SlotStatus.COMPLETED)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    confirm = next(b for b in box.buttons() if b.text() == "Mark as completed")
    confirm.click()
    assert booking.get_slot(planner.ctx, planner.library_slot).status == SlotStatus.COMPLETED
    assert window.booking_actions.undo_stack.count() == 0
    assert "cannot be undone" in window.status_area.label.text()


def test_book_then_undo_cancels_and_redo_restores(window, planner: Planner, qtbot) -> None:
    dialog = window.page.new_booking(dt.date(2030, 3, 25), dt.date(2030, 3, 26))
    _choose_department(dialog, "Parkvesenet")
    dialog.status.setCurrentIndex(dialog.status.findData("booked"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    new_id = window.page.selected_id
    window.undo_action.trigger()
    undone = booking.get_slot(planner.ctx, new_id)
    assert undone.status == SlotStatus.CANCELLED and "undone" in undone.cancel_reason
    window.redo_action.trigger()
    assert booking.get_slot(planner.ctx, new_id).status == SlotStatus.BOOKED


def test_an_undo_that_is_refused_explains_and_clears_the_history(window, planner: Planner, qtbot) -> None:
    window.page.move_slot(planner.fire_slot, dt.date(2030, 3, 13), dt.date(2030, 3, 14))
    # someone else books the days the undo would go back to
    booking.book(planner.ctx, department=planner.parks, account=planner.kommune, start=dt.date(2030, 3, 11),
                 end=dt.date(2030, 3, 11), status=SlotStatus.BOOKED)
    booking.set_status(planner.ctx, planner.fire_slot, SlotStatus.BOOKED)
    window.reload()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.booking_actions.undo_stack.count() == 0, timeout=2000)
    assert "Could not undo" in window.status_area.label.text()
    fire = booking.get_slot(planner.ctx, planner.fire_slot)
    assert (fire.start, fire.end) == (dt.date(2030, 3, 13), dt.date(2030, 3, 14))


def test_editing_a_slot_moves_it_and_changes_details_in_one_undo_step(window, planner: Planner, qtbot) -> None:
    dialog = window.page.edit_slot(planner.library_slot)
    assert not dialog.department.isEnabled()
    dialog.start.setDate(qdate(dt.date(2030, 3, 5)))
    dialog.end.setDate(qdate(dt.date(2030, 3, 7)))
    dialog.notes.setPlainText("Reading week")
    dialog.news_url.setText("https://fjordvik.example/news/1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    slot = booking.get_slot(planner.ctx, planner.library_slot)
    assert (slot.start, slot.end, slot.notes, slot.news_url) == (
        dt.date(2030, 3, 5), dt.date(2030, 3, 7), "Reading week", "https://fjordvik.example/news/1")
    assert window.booking_actions.undo_stack.count() == 1
    window.undo_action.trigger()
    slot = booking.get_slot(planner.ctx, planner.library_slot)
    assert (slot.start, slot.end, slot.notes, slot.news_url) == (dt.date(2030, 3, 4), dt.date(2030, 3, 6), "", "")


def test_a_move_over_someone_elses_change_is_refused_and_the_slot_reloaded(window, planner: Planner) -> None:
    booking.update_details(planner.ctx, planner.library_slot, notes="Changed by a colleague")
    window.page.move_slot(planner.library_slot, dt.date(2030, 3, 5), dt.date(2030, 3, 7))
    assert "changed by someone else" in window.page.callout.text()
    slot = booking.get_slot(planner.ctx, planner.library_slot)
    assert (slot.start, slot.notes) == (dt.date(2030, 3, 4), "Changed by a colleague")
    assert window.store.slot(planner.library_slot).notes == "Changed by a colleague"


def test_coming_back_to_the_window_after_a_while_reads_again(window, planner: Planner) -> None:
    from PySide6.QtCore import QEvent

    other = booking.book(planner.ctx, department=planner.parks, account=planner.kultur, start=dt.date(2030, 3, 18),
                         end=dt.date(2030, 3, 19)).slot
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    assert window.store.slot(other.id) is None, "just now read: no second read yet"
    window._last_read -= 120
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    assert window.store.slot(other.id) is not None
    assert other.id in window.page.month_grid.bar_rects()
