"""Errors in the status line interrupt the screen reader; quitting asks before losing a typed review comment."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton, QStatusBar

from takeover_planner.errors import NotFoundError
from takeover_planner.texts.booking import BookingText
from takeover_planner.ui import announce as announce_module
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.review.review_window import ReviewWindow
from takeover_planner.ui.status_area import StatusArea
from tests.ui.conftest import Planner

POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive


@pytest.fixture
def spoken(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, QAccessible.AnnouncementPoliteness]]:
    said: list[tuple[str, QAccessible.AnnouncementPoliteness]] = []

    def deliver(event: QAccessibleAnnouncementEvent) -> None:
        said.append((event.message(), event.politeness()))

    monkeypatch.setattr(announce_module, "deliver", deliver)
    return said


def test_an_error_line_is_assertive_a_progress_line_polite(qtbot: Any, spoken: list[Any]) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    area = StatusArea(bar)
    area.show("Lagret.")
    area.show("Kunne ikke lagre.", error=True)
    assert spoken == [("Lagret.", POLITE), ("Kunne ikke lagre.", ASSERTIVE)]
    assert area.label.text() == "Kunne ikke lagre."


def test_a_failed_read_in_the_window_interrupts(window: MainWindow, spoken: list[Any]) -> None:
    problem = NotFoundError(BookingText.NO_SLOT, slot_id=12)
    window.shell.show_status("Klar.")
    window._on_store_load_failed(problem)  # what the store calls when a read fails
    assert spoken[-2:] == [("Klar.", POLITE), (window.shell.status.label.text(), ASSERTIVE)]
    assert problem.message in window.shell.status.label.text()
    window.shell.show_error("Nektet.")
    assert spoken[-1] == ("Nektet.", ASSERTIVE)


# --- quitting with a typed comment -------------------------------------------------------------------------


def _discard_box(qtbot: Any, review: ReviewWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: review.discard_box is not None and review.discard_box.isVisible())
    box = review.discard_box
    assert isinstance(box, QMessageBox)
    return box


def test_quit_with_a_typed_comment_asks_first(window: MainWindow, planner: Planner, qtbot: Any) -> None:
    review = window.open_review(planner.library_slot)
    assert isinstance(review, ReviewWindow)
    review.comment.setFocus()
    QTest.keyClicks(review.comment, "Bildet er for lite")

    window.quit_action.trigger()  # File ▸ Quit
    box = _discard_box(qtbot, review)
    assert box.text() == "Close the window and discard the comment you typed?", "the question Esc asks"
    assert window.isVisible() and review.isVisible(), "nothing is closed before the answer"
    keep = box.findChild(QPushButton, "keepButton")
    assert isinstance(keep, QPushButton)
    keep.click()
    qtbot.waitUntil(lambda: review.discard_box is None)
    assert window.isVisible() and review.isVisible()
    assert review.comment.toPlainText() == "Bildet er for lite"

    window.close()  # the main window's close button comes here too
    box = _discard_box(qtbot, review)
    discard = box.findChild(QPushButton, "discardButton")
    assert isinstance(discard, QPushButton)
    discard.click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not review.isVisible()


def test_quit_without_a_comment_does_not_ask(window: MainWindow, planner: Planner, qtbot: Any) -> None:
    review = window.open_review(planner.library_slot)
    assert isinstance(review, ReviewWindow)
    review.comment.setPlainText("  ")
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert review.discard_box is None


# --- the review window's trail: the app's own notes in the language in force ----------------------------------


def test_the_review_trail_shows_the_apps_notes_in_bokmaal(translations: Any) -> None:
    from takeover_planner import texts
    from takeover_planner.services.audit import AuditEntry
    from takeover_planner.texts.audit import AuditNote, note
    from takeover_planner.ui.review.models import AuditModel

    texts.set_language(texts.BOKMAAL)  # as the window does when the person switches
    at = dt.datetime(2027, 3, 4, 13, 0, tzinfo=dt.UTC)
    model = AuditModel()
    model.set_entries([
        AuditEntry(1, at, "Publisering", "story_frame", 9, "scheduled", None, None, note(AuditNote.TAKEN_BY_QUEUE)),
        AuditEntry(2, at, "root", "story_frame", 9, "approved", None, None, "Fint bilde"),
        AuditEntry(3, at, "root", "story_frame", 9, "submitted", None, None,
                   "Changed after approval; it needs to be reviewed again."),  # an old row's English
    ])
    comments = [model.data(model.index(row, 3)) for row in range(3)]  # newest first
    assert comments == ["Endret etter godkjenning; det må vurderes på nytt.", "Fint bilde",
                        "tatt inn i publiseringskøen"]
