"""The planner window opens the export dialog and a slot's story review screen."""

from __future__ import annotations

from takeover_planner.ui.main_window import MainWindow
from tests.ui.conftest import Planner


def test_export_opens_from_the_file_menu(window: MainWindow) -> None:
    assert window.export_action in window.file_menu.actions()
    window.export_action.trigger()
    dialog = window.export_dialog
    assert dialog is not None and dialog.isVisible()
    assert window.open_export() is dialog, "one export dialog at a time"
    dialog.reject()
    assert window.export_dialog is None


def test_a_slot_opens_its_review_screen_from_the_menu_and_the_panel(window: MainWindow, planner: Planner) -> None:
    menu = window.page.status_menu(planner.library_slot)
    review = next(a for a in menu.actions() if a.text() == "Review story…")
    review.trigger()
    screen = window.review_windows[planner.library_slot]
    assert screen.isVisible()
    window.page.select(planner.library_slot)
    window.page.panel.review_button.click()
    assert window.review_windows[planner.library_slot] is screen, "the open screen is raised, not doubled"
    screen.close()
