"""A frame the publisher held because it is late (``publish.late_grace_minutes`` past its time): a person decides
what happens to it — post it now all the same, give it a new time inside its slot, or do not post it. The same
three decisions as ``publish late post | retime | drop`` on the command line, through the same services.

Opened from the "Needs attention" list. Each decision runs on the write lane; a refusal (a time outside the slot,
a frame someone else has decided on meanwhile, a role that may not publish) is shown in the dialog, which stays
open; a decision taken closes it and says what happens next on the status line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QDialogButtonBox, QLabel, QPushButton, QWidget

from takeover_planner.domain.timekeeping import OSLO, now_utc, to_oslo
from takeover_planner.ui.publishing.dialogs import ServiceDialog
from takeover_planner.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from takeover_planner.services.context import AppContext
    from takeover_planner.ui.planner_store import PlannerStore

NEW_TIME_AHEAD = dt.timedelta(minutes=15)  # the new time offered: soon, but not in the publisher's current minute


class LateFrameDialog(ServiceDialog):
    decided = Signal(str)  # a line for the status bar

    def __init__(self, parent: QWidget | None, store: PlannerStore, runner: TaskRunner, frame_id: int,
                 situation: str) -> None:
        super().__init__(parent, store, runner)
        self.setObjectName("lateFrameDialog")
        self.frame_id = frame_id
        self.situation = situation  # the item's own words: which frame, of which slot, due when
        self.intro.setTextFormat(Qt.TextFormat.PlainText)  # a department's name is shown as typed
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("lateNewTime")
        self.when.setCalendarPopup(True)
        soon = to_oslo(now_utc() + NEW_TIME_AHEAD)  # the municipality's time, whatever this computer's zone is
        self.when.setDateTime(QDateTime(QDate(soon.year, soon.month, soon.day), QTime(soon.hour, soon.minute)))
        self.when_label = QLabel(self)
        self.form.addRow(self.when_label, self.when)
        self.buttons = QDialogButtonBox(self)
        self.post_button = self._button("latePostNow", self.post_now)
        self.retime_button = self._button("lateRetime", self.retime)
        self.drop_button = self._button("lateDrop", self.drop)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self._retranslate()

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # --- the three decisions -----------------------------------------------------------------------------------

    def post_now(self) -> None:
        frame_id = self.frame_id

        def work(ctx: AppContext) -> None:
            from takeover_planner.services import publishing_service

            publishing_service.post_late(ctx, frame_id)

        self._decide(work, self.tr("Frame #%1 goes out on the publisher's next run.").replace("%1", str(frame_id)))

    def retime(self) -> None:
        frame_id = self.frame_id
        chosen = self.when.dateTime().toPython()
        if not isinstance(chosen, dt.datetime):
            return
        at = chosen.replace(tzinfo=OSLO)

        def work(ctx: AppContext) -> None:
            from takeover_planner.services import publishing_service

            publishing_service.retime_late(ctx, frame_id, at)

        self._decide(work, self.tr("Frame #%1 now goes out at %2.").replace("%1", str(frame_id))
                     .replace("%2", self.when.text()))

    def drop(self) -> None:
        frame_id = self.frame_id

        def work(ctx: AppContext) -> None:
            from takeover_planner.services import publishing_service

            publishing_service.drop_late(ctx, frame_id)

        self._decide(work, self.tr("Frame #%1 will not be posted; it is withdrawn.").replace("%1", str(frame_id)))

    def _decide(self, work: Callable[[AppContext], None], said: str) -> None:
        ctx = self._ctx()
        if ctx is None:
            return
        self._set_busy(True)

        def done(_result: object) -> None:
            self.decided.emit(said)
            self.accept()

        self._call(lambda: work(ctx), done)

    def show_error(self, text: str) -> None:
        """A refusal: the dialog stays open with its three decisions to try again."""
        self._set_busy(False)
        super().show_error(text)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.post_button, self.retime_button, self.drop_button):
            button.setEnabled(not busy)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("A late frame"))
        self.intro.setText(self.situation + "\n\n" + self.tr(
            "It was not posted at its time because it is late. Post it now all the same, give it a new time in "
            "its slot (Oslo time), or do not post it at all."))
        self.when_label.setText(self.tr("&New time"))
        self.when_label.setBuddy(self.when)
        self.post_button.setText(self.tr("&Post it now"))
        self.retime_button.setText(self.tr("Post it at the &new time"))
        self.drop_button.setText(self.tr("&Don't post it"))
        self.close_button.setText(self.tr("Decide later"))
