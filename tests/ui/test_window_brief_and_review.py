"""File ▸ Open brief… opens a brief package in the contributor window; "Review story…" opens the slot's
review screen (from the status menu and the details panel)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from takeover_planner.services import packages
from takeover_planner.ui.contributor import ContributorWindow
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.review import ReviewWindow
from tests.ui.conftest import Planner


def test_open_brief_shows_it_in_the_contributor_window(window: MainWindow, planner: Planner, tmp_path: Path) -> None:
    assert window.open_brief_action in window.file_menu.actions()
    assert window.open_brief_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    brief = tmp_path / "oppdragsbrev.zip"
    packages.write_slot_brief(planner.ctx, planner.library_slot, brief)
    contributor = window.open_brief(str(brief))
    assert isinstance(contributor, ContributorWindow) and contributor.isVisible()
    assert "Biblioteket" in contributor.slot_title.text()
    assert contributor.add_button.isEnabled(), "the brief is open and frames can be added"
    window.close()
    assert not contributor.isVisible(), "closing the planner closes the windows it opened"


def test_a_broken_brief_is_a_plain_message_in_the_contributor_window(window: MainWindow, tmp_path: Path) -> None:
    broken = tmp_path / "not-a-brief.zip"
    broken.write_bytes(b"PK\x03\x04 this is not a zip file")
    contributor = window.open_brief(str(broken))
    assert contributor.message.isVisible() and contributor.message.text()
    assert not contributor.add_button.isEnabled()
    contributor.close()


def test_open_brief_asks_for_a_file(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication, QFileDialog

    window.open_brief_action.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].fileMode() == QFileDialog.FileMode.ExistingFile
    dialogs[0].reject()


def test_review_story_opens_the_review_window_for_that_slot(window: MainWindow, planner: Planner) -> None:
    menu = window.page.status_menu(planner.fire_slot)
    next(a for a in menu.actions() if a.text() == "Review story…").trigger()
    screen = window.review_windows[planner.fire_slot]
    assert isinstance(screen, ReviewWindow) and screen.isVisible() and screen.slot_id == planner.fire_slot
    window.page.select(planner.library_slot)
    window.page.panel.review_button.click()
    other = window.review_windows[planner.library_slot]
    assert other is not screen and other.slot_id == planner.library_slot
