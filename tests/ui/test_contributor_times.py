"""Safe time entry in the contributor's frame editor: the wheel does not change a field without focus, typed
times ("0830", "8:30") are understood, 02:30 on the night the clocks go forward is refused with that reason, and
02:30 on the night they go back is asked about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services import booking
from takeover_planner.ui.contributor import ContributorWindow
from takeover_planner.ui.tasks import TaskRunner
from tests.ui.conftest import Planner
from tests.ui.test_contributor_split import write_test_brief
from tests.unit.media.media_factory import write_jpeg

SPRING_FORWARD = dt.date(2030, 3, 31)  # Oslo: 02:00 → 03:00
FALL_BACK = dt.date(2030, 10, 27)  # Oslo: 03:00 → 02:00


@pytest.fixture
def window(qtbot: Any, planner: Planner, runner: TaskRunner, translations: Any,
           tmp_path: Path) -> Iterator[ContributorWindow]:
    slot = booking.book(planner.ctx, department=planner.parks, account=planner.kultur, start=SPRING_FORWARD,
                        end=SPRING_FORWARD + dt.timedelta(days=1), status=SlotStatus.BOOKED).slot.id
    window = ContributorWindow(runner, translations, work_dir=tmp_path, user_name="Ola")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_brief(write_test_brief(planner, tmp_path / "brief.zip", slot))
    window.add_files([write_jpeg(tmp_path / "plakat.jpg", 1080, 1920)])
    yield window
    close_without_saving(window)


def close_without_saving(window: ContributorWindow) -> None:
    window.close()
    box = window.close_question
    assert box is not None
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()


def _wheel(widget: Any) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _type_time(qtbot: Any, window: ContributorWindow, text: str) -> None:
    field = window.editor.time
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_wheel_leaves_unfocused_fields_alone(window: ContributorWindow) -> None:
    editor = window.editor
    window.strip.setFocus()
    day_before, sticker_before = editor.day.date(), editor.sticker_kind.currentIndex()
    _wheel(editor.day)
    _wheel(editor.sticker_kind)
    assert editor.day.date() == day_before and editor.sticker_kind.currentIndex() == sticker_before
    assert window.frames[0].planned_date == SPRING_FORWARD


@pytest.mark.parametrize("typed", ["0830", "8:30", "08.30"])
def test_typed_times_are_understood(qtbot: Any, window: ContributorWindow, typed: str) -> None:
    _type_time(qtbot, window, typed)
    assert window.frames[0].planned_time == dt.time(8, 30) and window.editor.time.text() == "08:30"
    _type_time(qtbot, window, "klokka åtte")
    assert window.frames[0].planned_time == dt.time(8, 30), "nonsense changes nothing"
    assert window.editor.time_problem.isVisible()


def test_a_time_the_clocks_skip_is_refused_with_its_reason(qtbot: Any, window: ContributorWindow) -> None:
    _type_time(qtbot, window, "10:00")
    _type_time(qtbot, window, "0230")
    problem = window.editor.time_problem
    assert window.frames[0].planned_time == dt.time(10, 0), "02:30 does not exist that night"
    assert problem.isVisible()
    assert problem.text() == ("02:30 does not exist on 31 March 2030: that night the clocks go forward from 02:00 "
                              "to 03:00 (summer time starts). Choose another time.")
    _type_time(qtbot, window, "03:00")
    assert window.frames[0].planned_time == dt.time(3, 0) and not problem.isVisible()


def test_a_time_that_comes_twice_is_asked_about(qtbot: Any, planner: Planner, runner: TaskRunner, translations: Any,
                                                 tmp_path: Path) -> None:
    slot = booking.book(planner.ctx, department=planner.parks, account=planner.kultur, start=FALL_BACK,
                        end=FALL_BACK, status=SlotStatus.BOOKED).slot.id
    window = ContributorWindow(runner, translations, work_dir=tmp_path, user_name="Ola")
    qtbot.addWidget(window)
    window.show()
    window.open_brief(write_test_brief(planner, tmp_path / "brief.zip", slot))
    window.add_files([write_jpeg(tmp_path / "plakat.jpg", 1080, 1920)])
    _type_time(qtbot, window, "0230")
    question = window.editor.time_question
    assert question is not None and question.isVisible() and window.frames[0].planned_time is None
    keep = next(b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    keep.click()
    assert window.frames[0].planned_time == dt.time(2, 30) and window.frames[0].planned_date == FALL_BACK
    close_without_saving(window)
