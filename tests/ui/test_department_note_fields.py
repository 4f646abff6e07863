"""The booking dialog and the side panel keep a slot's two notes apart (issue 17): "Note to the department"
and "Internal note", each its own labelled field, saved to its own column and undone together."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from takeover_planner.services import booking
from takeover_planner.ui.dialogs.booking_dialog import BookingDialog
from takeover_planner.ui.i18n import qdate
from tests.ui.conftest import Planner


def test_new_booking_writes_each_note_to_its_own_field(window, planner: Planner, qtbot) -> None:
    qtbot.mouseClick(window.page.toolbar.new_button, Qt.MouseButton.LeftButton)
    dialog = window.page.dialog
    assert isinstance(dialog, BookingDialog)
    assert dialog.labels["department_note"].text().replace("&", "") == "Note to the department"
    assert dialog.labels["notes"].text().replace("&", "") == "Internal note"
    assert dialog.labels["department_note"].buddy() is dialog.department_note
    assert dialog.labels["notes"].buddy() is dialog.notes
    dialog.department.setCurrentIndex(dialog.department.findText("Parkvesenet"))
    dialog.start.setDate(qdate(dt.date(2030, 3, 25)))
    dialog.end.setDate(qdate(dt.date(2030, 3, 26)))
    dialog.department_note.setPlainText("Bring the park map")
    dialog.notes.setPlainText("They were late last year")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (slot,) = [s for s in booking.list_slots(planner.ctx) if s.department == "Parkvesenet"]
    assert (slot.department_note, slot.notes) == ("Bring the park map", "They were late last year")


def test_editing_the_note_to_the_department_leaves_the_internal_note_and_undoes(window, planner: Planner,
                                                                               qtbot) -> None:
    booking.update_details(planner.ctx, planner.library_slot, notes="Internal only")
    window.reload()
    dialog = window.page.edit_slot(planner.library_slot)
    assert (dialog.department_note.toPlainText(), dialog.notes.toPlainText()) == ("", "Internal only")
    dialog.department_note.setPlainText("Bring two phones")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    slot = booking.get_slot(planner.ctx, planner.library_slot)
    assert (slot.department_note, slot.notes) == ("Bring two phones", "Internal only")

    window.page.select(planner.library_slot)
    panel = window.page.panel
    assert panel.captions["department_note"].text() == "Note to the department"
    assert panel.captions["notes"].text() == "Internal note"
    assert panel.department_note_label.text() == "Bring two phones"
    assert "Internal only" in panel.notes_label.text() and "Bring two phones" not in panel.notes_label.text()

    window.undo_action.trigger()
    slot = booking.get_slot(planner.ctx, planner.library_slot)
    assert (slot.department_note, slot.notes) == ("", "Internal only")
