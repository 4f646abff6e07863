"""Set a follower goal: "N followers by <date>", with a note. Emits ``save_requested`` with the values; the
window writes them through the service and shows a refusal (e.g. the target is already met) beside the form."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.ui.i18n import pydate, qdate


class GoalDialog(QDialog):
    save_requested = Signal(int, object, str)  # target, due date, note

    def __init__(self, parent: QWidget | None, account: str, *, current: int | None, today: dt.date) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("New follower goal"))
        self.setMinimumWidth(420)
        self.heading = QLabel(self.tr("Follower goal for %1").replace("%1", account), self)
        self.heading.setObjectName("dialogHeading")
        self.now_label = QLabel(self)
        self.now_label.setObjectName("muted")
        if current is not None:
            self.now_label.setText(self.tr("Followers now: %1").replace("%1", f"{current:,}".replace(",", "\u00a0")))
        self.target = QSpinBox(self)
        self.target.setRange(1, 100_000_000)
        self.target.setGroupSeparatorShown(True)
        self.target.setValue(max(100, round(((current or 0) * 1.2) / 100) * 100))
        self.target.setAccessibleName(self.tr("Target"))
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setMinimumDate(qdate(today))
        self.due.setDate(qdate(dt.date(today.year, 12, 31) if today.month < 10 else dt.date(today.year + 1, 6, 30)))
        self.due.setAccessibleName(self.tr("By"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Why this goal (optional)"))
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Target (followers)"), self.target)
        form.addRow(self.tr("&By"), self.due)
        form.addRow(self.tr("&Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Set goal"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.now_label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        self.error.hide()
        due: QDate = self.due.date()
        self.save_requested.emit(self.target.value(), pydate(due), self.note.text().strip())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
