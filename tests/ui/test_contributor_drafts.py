"""The contributor's work is safe: a draft survives closing and reopening the window (frames, answers, fixed
copies), closing before the package is saved asks first, Remove can be undone, and the contributor's name and
language are remembered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from takeover_planner.services.contributor_drafts import ContributorDrafts
from takeover_planner.ui.contributor import ContributorWindow
from takeover_planner.ui.i18n import BOKMAAL, ENGLISH
from takeover_planner.ui.tasks import TaskRunner
from tests.ui.conftest import Planner
from tests.ui.test_contributor_split import write_test_brief
from tests.unit.media.media_factory import write_jpeg, write_png


def _open(qtbot: Any, runner: TaskRunner, translations: Any, tmp_path: Path, drafts: ContributorDrafts,
          brief: Path) -> ContributorWindow:
    window = ContributorWindow(runner, translations, work_dir=tmp_path, drafts=drafts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_brief(brief)
    return window


def _answer(box: QMessageBox | None, role: QMessageBox.ButtonRole) -> None:
    assert box is not None and box.isVisible()
    next(b for b in box.buttons() if box.buttonRole(b) == role).click()


def test_a_draft_survives_closing_and_reopening(qtbot: Any, planner: Planner, runner: TaskRunner,
                                                translations: Any, tmp_path: Path) -> None:
    drafts = ContributorDrafts(tmp_path / "contributor")
    brief = write_test_brief(planner, tmp_path / "brief.zip")
    window = _open(qtbot, runner, translations, tmp_path, drafts, brief)
    poster, logo = write_jpeg(tmp_path / "plakat.jpg", 1080, 1920), write_png(tmp_path / "logo.png", 800, 600,
                                                                            alpha=True)
    window.add_files([poster, logo])
    qtbot.keyClicks(window.name, "Ola Bibliotekar")
    qtbot.keyClicks(window.email, "ola@fjordvik.example")
    window.strip.setCurrentRow(1)
    qtbot.mouseClick(window.editor.fix_button, Qt.MouseButton.LeftButton)
    fixed = window.frames[1].fixed
    assert fixed is not None and fixed.is_file()
    window.strip.setCurrentRow(0)
    editor = window.editor
    qtbot.keyClicks(editor.text, "Velkommen!")
    editor.shows_people.setChecked(True)
    qtbot.keyClicks(editor.who, "Elevene i 7B")
    editor.time.selectAll()
    qtbot.keyClicks(editor.time, "1015")
    qtbot.keyClick(editor.time, Qt.Key.Key_Return)
    window.set_language(BOKMAAL)

    # Closing before the package is saved asks; "Keep working" keeps the window open.
    window.close()
    _answer(window.close_question, QMessageBox.ButtonRole.RejectRole)
    assert window.isVisible()
    window.close()
    _answer(window.close_question, QMessageBox.ButtonRole.DestructiveRole)
    assert not window.isVisible()
    translations.apply(ENGLISH)

    again = _open(qtbot, runner, translations, tmp_path, drafts, brief)
    assert [f.name for f in again.frames] == ["plakat.jpg", "logo.png"]
    first, second = again.frames
    assert (first.text, first.shows_people, first.consent_subject, first.planned_time) == (
        "Velkommen!", True, "Elevene i 7B", dt.time(10, 15))
    assert second.fixed == fixed and fixed.is_file(), "the fixed copy outlives the window"
    assert all(f.verdict != "error" for f in again.frames), "checked again on opening"
    assert again.name.text() == "Ola Bibliotekar" and again.email.text() == "ola@fjordvik.example"
    assert drafts.me().language == BOKMAAL
    again.save_to(tmp_path / "innsending.zip")
    assert again.saved is not None
    again.close()


def test_remove_can_be_undone(qtbot: Any, planner: Planner, runner: TaskRunner, translations: Any,
                              tmp_path: Path) -> None:
    drafts = ContributorDrafts(tmp_path / "contributor")
    window = _open(qtbot, runner, translations, tmp_path, drafts, write_test_brief(planner, tmp_path / "brief.zip"))
    window.add_files([write_jpeg(tmp_path / f"{n}.jpg", 1080, 1920 + n) for n in (1, 2, 3)])
    window.strip.setCurrentRow(1)
    qtbot.mouseClick(window.editor.remove_button, Qt.MouseButton.LeftButton)
    assert [f.name for f in window.frames] == ["1.jpg", "3.jpg"]
    assert window.strip.currentRow() == 1 and window.editor.frame is window.frames[1], "not back at the start"
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert [f.name for f in window.frames] == ["1.jpg", "2.jpg", "3.jpg"] and window.selected() is window.frames[1]
    assert not window.undo_action.isEnabled()
    window.close()
    _answer(window.close_question, QMessageBox.ButtonRole.DestructiveRole)
