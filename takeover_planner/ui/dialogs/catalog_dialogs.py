"""Editors for a department, a campaign and a blackout period (the account's: ``ui/management/account_dialog``).

Each checks what it can before anything is written (a name, no duplicate name, a valid e-mail address or
handle, dates in order) and shows the problem beside the form; then it emits ``save_requested`` with the
values, and the management window writes them. A refusal from the database (someone took the name a second
ago) comes back through ``show_error`` and the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.errors import ValidationError
from takeover_planner.texts.ui import UiText
from takeover_planner.ui.i18n import pydate, qdate
from takeover_planner.ui.labels import all_label


class RecordDialog(QDialog):
    """Form, error line, Save / Cancel. Subclasses add fields and implement ``values()``."""

    save_requested = Signal(object)  # dict of values

    def __init__(self, parent: QWidget | None, record: Any | None, taken_names: set[str]) -> None:
        super().__init__(parent)
        self.record = record
        self.taken_names = {n.casefold() for n in taken_names}
        if record is not None:
            self.taken_names.discard(record.name.casefold())
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setMinimumWidth(440)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.addLayout(self.form)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.layout_.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.layout_.addWidget(buttons)
        self._labels: dict[str, QLabel] = {}

    def add_row(self, key: str, field: QWidget | QHBoxLayout) -> None:
        label = QLabel(self)
        self._labels[key] = label
        self.form.addRow(label, field)
        if isinstance(field, QWidget):
            label.setBuddy(field)

    def set_labels(self, texts: dict[str, str]) -> None:
        for key, text in texts.items():
            self._labels[key].setText(text)

    def check_name(self, text: str, empty: UiText, taken: UiText) -> str:
        """The name with its spaces tidied; ``empty``/``taken`` (with ``name``) say why it cannot be used."""
        name = " ".join(text.split())
        if not name:
            raise ValidationError(empty)
        if name.casefold() in self.taken_names:
            raise ValidationError(taken, name=name)
        return name

    def values(self) -> dict[str, Any]:
        raise TypeError(f"{type(self).__name__} must say what it saves")

    def _on_save_button_clicked(self) -> None:
        try:
            values = self.values()
        except ValidationError as exc:
            self.show_error(exc.message)
            return
        self.save_button.setEnabled(False)
        self.save_requested.emit(values)

    def show_error(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(message)
        self.error.show()

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisible() else ""

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ColorButton(QPushButton):
    """Shows a colour; clicking opens the colour picker (with ``open()``, not a nested loop)."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = color
        self._paint()
        self.clicked.connect(self._on_self_clicked)

    def _paint(self) -> None:
        self.setText(self.color)
        self.setStyleSheet(f"QPushButton {{ border-left: 18px solid {self.color}; padding: 4px 10px; }}")

    def _on_self_clicked(self) -> None:
        dialog = QColorDialog(QColor(self.color), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.colorSelected.connect(self.set_color)
        dialog.open()

    def set_color(self, color: QColor | str) -> None:
        self.color = QColor(color).name()
        self._paint()


class DepartmentDialog(RecordDialog):
    def __init__(self, parent: QWidget | None, record: Any | None, taken_names: set[str], default_color: str) -> None:
        super().__init__(parent, record, taken_names)
        contact = record.primary_contact if record is not None else None
        self.name = QLineEdit(record.name if record else "", self)
        self.color = ColorButton(record.color if record else default_color, self)
        self.contact = QLineEdit(contact.name if contact else "", self)
        self.email = QLineEdit(contact.email if contact else "", self)
        self.phone = QLineEdit(contact.phone if contact else "", self)
        self.notes = QPlainTextEdit(record.notes if record else "", self)
        self.notes.setFixedHeight(64)
        self.notes.setTabChangesFocus(True)
        for key, field in (("name", self.name), ("color", self.color), ("contact", self.contact),
                           ("email", self.email), ("phone", self.phone), ("notes", self.notes)):
            self.add_row(key, field)
        self.retranslate()

    def values(self) -> dict[str, Any]:
        from takeover_planner.domain.validation import clean_email

        name = self.check_name(self.name.text(), UiText.DEPARTMENT_NAME_EMPTY, UiText.DEPARTMENT_TAKEN)
        email = self.email.text().strip()
        try:
            email = clean_email(email)
        except ValidationError:
            raise ValidationError(UiText.BAD_EMAIL, email=email) from None
        contact = " ".join(self.contact.text().split())
        phone = self.phone.text().strip()
        if (email or phone) and not contact:
            raise ValidationError(UiText.CONTACT_NAME_NEEDED)
        if self.record is not None and self.record.primary_contact is not None and not contact:
            raise ValidationError(UiText.CONTACT_NAME_EMPTY)
        return {"name": name, "color": self.color.color, "contact_name": contact, "email": email, "phone": phone,
                "notes": self.notes.toPlainText().strip()}

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Edit department") if self.record else self.tr("New department"))
        self.set_labels({"name": self.tr("&Name"), "color": self.tr("Co&lour"), "contact": self.tr("&Contact person"),
                         "email": self.tr("&E-mail"), "phone": self.tr("&Phone"), "notes": self.tr("N&otes")})
        self.color.setAccessibleName(self.tr("Colour"))


def _date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = QDateEdit(qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    return edit


class CampaignDialog(RecordDialog):
    def __init__(self, parent: QWidget | None, record: Any | None, taken_names: set[str], today: dt.date,
                 default_color: str = "#8a5cc7") -> None:
        super().__init__(parent, record, taken_names)
        self.name = QLineEdit(record.name if record else "", self)
        self.has_dates = QCheckBox(self)
        self.has_dates.setChecked(record is None or record.start is not None)
        self.start = _date_edit(self, record.start if record and record.start else today)
        self.end = _date_edit(self, record.end if record and record.end else today + dt.timedelta(days=6))
        dates = QHBoxLayout()
        dates.addWidget(self.has_dates)
        dates.addWidget(self.start, 1)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.end, 1)
        self.has_dates.toggled.connect(self.start.setEnabled)
        self.has_dates.toggled.connect(self.end.setEnabled)
        self.start.setEnabled(self.has_dates.isChecked())
        self.end.setEnabled(self.has_dates.isChecked())
        self.description = QPlainTextEdit(record.description if record else "", self)
        self.description.setFixedHeight(64)
        self.description.setTabChangesFocus(True)
        self.color = ColorButton(record.color if record else default_color, self)
        for key, field in (("name", self.name), ("dates", dates), ("description", self.description),
                           ("color", self.color)):
            self.add_row(key, field)
        self._labels["dates"].setBuddy(self.has_dates)
        self.retranslate()

    def values(self) -> dict[str, Any]:
        name = self.check_name(self.name.text(), UiText.CAMPAIGN_NAME_EMPTY, UiText.CAMPAIGN_TAKEN)
        start = pydate(self.start.date()) if self.has_dates.isChecked() else None
        end = pydate(self.end.date()) if self.has_dates.isChecked() else None
        if start and end and end < start:
            raise ValidationError(UiText.LAST_BEFORE_FIRST)
        return {"name": name, "start": start, "end": end, "description": self.description.toPlainText().strip(),
                "color": self.color.color}

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Edit campaign") if self.record else self.tr("New campaign or theme week"))
        self.set_labels({"name": self.tr("&Name"), "dates": self.tr("&Dates"), "description": self.tr("D&escription"),
                         "color": self.tr("Co&lour")})
        self.has_dates.setAccessibleName(self.tr("Has dates"))
        self.start.setAccessibleName(self.tr("First day"))
        self.end.setAccessibleName(self.tr("Last day"))
        self.color.setAccessibleName(self.tr("Colour"))


class BlackoutDialog(RecordDialog):
    def __init__(self, parent: QWidget | None, record: Any | None, accounts: list[Any], today: dt.date) -> None:
        super().__init__(parent, record, set())
        self.name = QLineEdit(record.name if record else "", self)
        self.start = _date_edit(self, record.start if record else today)
        self.end = _date_edit(self, record.end if record else today)
        dates = QHBoxLayout()
        dates.addWidget(self.start, 1)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.end, 1)
        self.account = QComboBox(self)
        self.account.addItem(all_label("account"), None)
        for a in accounts:
            self.account.addItem(a.name, a.id)
        if record is not None and record.account_id is not None:
            self.account.setCurrentIndex(max(0, self.account.findData(record.account_id)))
        self.reason = QLineEdit(record.reason if record else "", self)
        for key, field in (("name", self.name), ("dates", dates), ("account", self.account), ("reason", self.reason)):
            self.add_row(key, field)
        self._labels["dates"].setBuddy(self.start)
        self.retranslate()

    def values(self) -> dict[str, Any]:
        name = " ".join(self.name.text().split())
        if not name:
            raise ValidationError(UiText.BLACKOUT_NAME_EMPTY)
        start, end = pydate(self.start.date()), pydate(self.end.date())
        if end < start:
            raise ValidationError(UiText.LAST_BEFORE_FIRST)
        return {"name": name, "start": start, "end": end, "account": self.account.currentData(),
                "reason": self.reason.text().strip()}

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Edit blackout period") if self.record else self.tr("New blackout period"))
        self.set_labels({"name": self.tr("&Name"), "dates": self.tr("&Dates"), "account": self.tr("&Account"),
                         "reason": self.tr("&Reason")})
        self.account.setItemText(0, all_label("account"))
        self.start.setAccessibleName(self.tr("First day"))
        self.end.setAccessibleName(self.tr("Last day"))
