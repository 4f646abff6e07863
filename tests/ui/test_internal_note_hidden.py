"""The window shows a slot's internal note to the comms team only: a contributor's side panel and edit dialog
have none (the services never send it to them; on PostgreSQL they may not even read the column,
tests/storage/test_pg_internal_note.py), and the comms officer's have it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from takeover_planner.domain.roles import Role
from takeover_planner.services import booking, people
from takeover_planner.services.context import AppContext
from takeover_planner.ui.main_window import MainWindow
from tests.ui.conftest import Planner

SECRET = "They were late last year"


def _panel_text(window: MainWindow) -> str:
    panel = window.page.panel
    return " ".join(label.text() for label in (panel.notes_label, panel.department_note_label, panel.history_label))


def test_a_contributor_sees_no_internal_note_and_keeps_it_when_editing(qtbot, window: MainWindow,
                                                                       planner: Planner) -> None:
    booking.update_details(planner.ctx, planner.library_slot, notes=SECRET, department_note="Bring two phones")
    people.add_person(planner.ctx, "Test Officer", Role.COMMS_OFFICER)
    people.add_person(planner.ctx, "Kari Bidrag", Role.CONTRIBUTOR, department="Biblioteket")
    with qtbot.waitSignal(window.team.live.reloaded, timeout=3000):
        window.team._on_settings_name_chosen("Kari Bidrag")
    window.page.select(planner.library_slot)
    panel = window.page.panel
    assert panel.department_note_label.text() == "Bring two phones"
    assert panel.captions["notes"].text() == "Other details"
    assert SECRET not in _panel_text(window)
    dialog = window.page.edit_slot(planner.library_slot)
    assert dialog is not None
    assert dialog.notes.isHidden() and dialog.labels["notes"].isHidden()
    assert not dialog.department_note.isHidden() and dialog.notes.toPlainText() == ""
    dialog.department_note.setPlainText("Bring three phones")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # Saved, and the internal note they were never shown is still the comms team's.
    officer = AppContext(planner.ctx.paths, planner.ctx.settings, planner.ctx.db, "Test Officer")
    slot = booking.get_slot(officer, planner.library_slot)  # (the window's own context acts as Kari Bidrag now)
    assert (slot.department_note, slot.notes) == ("Bring three phones", SECRET)

    with qtbot.waitSignal(window.team.live.reloaded, timeout=3000):
        window.team._on_settings_name_chosen("Test Officer")
    window.page.select(planner.library_slot)
    assert panel.captions["notes"].text() == "Internal note"
    assert SECRET in panel.notes_label.text()
    dialog = window.page.edit_slot(planner.library_slot)
    assert dialog is not None
    assert not dialog.notes.isHidden() and dialog.notes.toPlainText() == SECRET
    dialog.reject()
