"""Book a department into a slot, or edit a slot's dates and details.

The dialog checks what it can itself (a department chosen, an end not before the start, a web link that
looks like one) and then asks the window to write. A new booking on days already past is warned about first:
the first click on Book says so and turns into "Book anyway" (a booking made after the fact is allowed, a slip
of the calendar is not wanted). Every label shows names as plain text, never as markup. A refusal from the booking rules is shown inside the
dialog, which stays open with everything the user typed; nothing is written.

Two notes, labelled apart: the note to the department (printed in the brief, the letter and the e-mail) and the
internal note (the comms team's own, never sent out).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
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

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import iso_week, oslo_datetime, to_oslo, today_oslo
from takeover_planner.errors import ValidationError
from takeover_planner.ui.booking_actions import BookingRequest, DetailChanges
from takeover_planner.ui.dialogs.fit import fit_height
from takeover_planner.ui.i18n import pydate, qdate
from takeover_planner.ui.labels import status_label

if TYPE_CHECKING:
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.ui.planner_store import PlannerStore

NEW_STATUSES = (SlotStatus.REQUESTED, SlotStatus.BOOKED, SlotStatus.CONFIRMED)


def default_deadline(start: dt.date) -> dt.datetime:
    from takeover_planner.services.booking import default_material_deadline

    return default_material_deadline(start)


class BookingDialog(QDialog):
    book_requested = Signal(object)  # BookingRequest
    edit_requested = Signal(int, object, object, object)  # slot id, start, end, DetailChanges

    def __init__(self, parent: QWidget | None, store: PlannerStore, *, slot: SlotInfo | None = None,
                 start: dt.date | None = None, end: dt.date | None = None, account_id: int | None = None,
                 department_id: int | None = None, internal_note: bool = True) -> None:
        """``internal_note``: whether the person may see and write the comms team's internal note."""
        super().__init__(parent)
        self.store = store
        self.slot = slot
        self._deadline_touched = False  # until the user sets it, the deadline follows the first day
        self._past_accepted = False  # the user clicked Book once more after the past-dates warning
        self.setMinimumWidth(480)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("dialogHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # it names the department: text, never markup
        layout.addWidget(self.heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form

        self.department = QComboBox(self)
        self.department.setEditable(True)
        self.department.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.account = QComboBox(self)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        dates_row = QHBoxLayout()
        dates_row.addWidget(self.start, 1)
        self.until = QLabel("–", self)
        dates_row.addWidget(self.until)
        dates_row.addWidget(self.end, 1)
        self.week_hint = QLabel(self)
        self.week_hint.setObjectName("muted")
        self.week_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QComboBox(self)
        self.campaign = QComboBox(self)
        self.deadline = QDateTimeEdit(self)
        self.deadline.setCalendarPopup(True)
        self.news_url = QLineEdit(self)
        self.news_url.setPlaceholderText("https://")
        self.department_note = QPlainTextEdit(self)
        self.notes = QPlainTextEdit(self)  # the internal note
        for box in (self.department_note, self.notes):
            box.setTabChangesFocus(True)
            box.setFixedHeight(56)

        self.labels: dict[str, QLabel] = {}
        rows: list[tuple[str, QWidget | QHBoxLayout]] = [
            ("department", self.department), ("account", self.account), ("dates", dates_row),
            ("weeks", self.week_hint), ("status", self.status), ("campaign", self.campaign),
            ("deadline", self.deadline), ("news", self.news_url), ("department_note", self.department_note),
            ("notes", self.notes),
        ]
        for key, field in rows:
            label = QLabel(self)
            self.labels[key] = label
            form.addRow(label, field)
            if isinstance(field, QWidget):
                label.setBuddy(field)
        self.labels["dates"].setBuddy(self.start)
        # Contributors and readers are never shown the internal note (nor may they write it): no box for it.
        self.notes.setVisible(internal_note)
        self.labels["notes"].setVisible(internal_note)
        layout.addLayout(form)

        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # a refusal names departments and blackouts
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self)
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

        self._fill_choices(account_id, department_id)
        self._retranslate()
        first = slot.start if slot else (start or dt.date.today())
        last = slot.end if slot else (end or first)
        self.start.setDate(qdate(first))
        self.end.setDate(qdate(last))
        if slot is not None:
            self.department_note.setPlainText(slot.department_note)
            self.notes.setPlainText(slot.notes)
            self.news_url.setText(slot.news_url)
            self._set_deadline(slot.material_deadline or default_deadline(slot.start))
            self.department.setEnabled(False)  # the account may change: the booking rules are checked then
            self.status.setVisible(False)
            self.labels["status"].setVisible(False)
        else:
            self._set_deadline(default_deadline(first))
        self.start.dateChanged.connect(self._on_start_date_changed)
        self.end.dateChanged.connect(self._on_end_date_changed)
        self.deadline.dateTimeChanged.connect(self._on_deadline_date_time_changed)
        self._update_week_hint()
        (self.start if slot is not None else self.department).setFocus()

    # --- choices ------------------------------------------------------------------------------------------

    def _fill_choices(self, account_id: int | None, department_id: int | None) -> None:
        departments = sorted(
            (d for d in self.store.departments.values() if not d.archived or (self.slot and d.id == self.slot.department_id)),
            key=lambda d: d.name.casefold(),
        )
        for d in departments:
            self.department.addItem(d.name, d.id)
        completer = QCompleter([d.name for d in departments], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.department.setCompleter(completer)
        chosen_department = self.slot.department_id if self.slot else department_id
        index = self.department.findData(chosen_department) if chosen_department else -1
        self.department.setCurrentIndex(index)
        if index < 0:
            self.department.setEditText("")
        for a in self.store.accounts:
            self.account.addItem(a.name, a.id)
        chosen_account = self.slot.account_id if self.slot else account_id
        if chosen_account is not None and self.account.findData(chosen_account) >= 0:
            self.account.setCurrentIndex(self.account.findData(chosen_account))
        for s in NEW_STATUSES:
            self.status.addItem(status_label(s), s.value)
        self.campaign.addItem("", None)
        for c in self.store.campaigns:
            self.campaign.addItem(c.name, c.id)
        if self.slot is not None and self.slot.campaign_id is not None:
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(self.slot.campaign_id)))

    def _set_deadline(self, moment: dt.datetime) -> None:
        local = to_oslo(moment)
        self.deadline.blockSignals(True)
        self.deadline.setDateTime(QDateTime(qdate(local.date()), QTime(local.hour, local.minute)))
        self.deadline.blockSignals(False)

    def _deadline_value(self) -> dt.datetime:
        value = self.deadline.dateTime()
        time = value.time()
        return oslo_datetime(pydate(value.date()), dt.time(time.hour(), time.minute()))

    # --- reacting ----------------------------------------------------------------------------------------------

    def _on_start_date_changed(self, date: QDate) -> None:
        if self.end.date() < date:
            length = self._length_days()
            self.end.setDate(date.addDays(max(0, length - 1)))
        if not self._deadline_touched:
            self._set_deadline(self._following_deadline(pydate(date)))
        self._update_week_hint()

    def _following_deadline(self, start: dt.date) -> dt.datetime:
        """A new booking gets the usual deadline; a slot being moved keeps its deadline's distance to its
        first day (as a drag does: ``services.booking.move``)."""
        if self.slot is None or self.slot.material_deadline is None:
            return default_deadline(start)
        from takeover_planner.services.booking import shift_deadline

        return shift_deadline(self.slot.material_deadline, (start - self.slot.start).days)

    def _on_end_date_changed(self, _date: QDate) -> None:
        self._update_week_hint()

    def in_past(self) -> bool:
        """A new booking whose first day is before today (Oslo)."""
        return self.slot is None and pydate(self.start.date()) < today_oslo()

    def _on_deadline_date_time_changed(self, _value: QDateTime) -> None:
        self._deadline_touched = True

    def _length_days(self) -> int:
        if self.slot is not None:
            return (self.slot.end - self.slot.start).days + 1
        return 1

    def _update_week_hint(self) -> None:
        start, end = pydate(self.start.date()), pydate(self.end.date())
        if end < start:
            self.week_hint.setText(self.tr("The last day is before the first day."))
            return
        weeks = sorted({iso_week(start), iso_week(end)})
        week_text = self.tr("Week %1").replace("%1", "–".join(str(w) for w in weeks))
        day_count = self.tr("%n day(s)", "", (end - start).days + 1)
        hint = f"{week_text} · {day_count}"
        if self.in_past():
            hint += " · " + self.tr("in the past")
        self.week_hint.setText(hint)
        if self._past_accepted:  # other dates: the warning is asked again
            self._past_accepted = False
            self._retranslate_ok()

    # --- submitting ----------------------------------------------------------------------------------------------

    def _department_id(self) -> int | None:
        text = self.department.currentText().strip()
        index = self.department.findText(text, Qt.MatchFlag.MatchFixedString)
        return int(self.department.itemData(index)) if index >= 0 else None

    def _on_ok_button_clicked(self) -> None:
        from takeover_planner.domain.validation import clean_url

        start, end = pydate(self.start.date()), pydate(self.end.date())
        department_id = self._department_id()
        if department_id is None:
            self.show_refusal(self.tr("Choose a department from the list."))
            self.department.setFocus()
            return
        if self.account.currentIndex() < 0:
            self.show_refusal(self.tr("Add an Instagram account first (Manage ▸ Accounts)."))
            return
        if end < start:
            self.show_refusal(self.tr("The last day is before the first day."))
            self.end.setFocus()
            return
        try:
            news_url = clean_url(self.news_url.text())
        except ValidationError:
            self.show_refusal(self.tr("The news link must be a web address starting with https://"))
            self.news_url.setFocus()
            return
        campaign_id = self.campaign.currentData()
        deadline = self._deadline_value()
        if self.in_past() and not self._past_accepted:
            self.show_refusal(self.tr("These days are in the past. Click Book anyway to book them all the same."))
            self._past_accepted = True
            self._retranslate_ok()
            return
        if self.slot is None:
            request = BookingRequest(
                department_id=department_id, account_id=int(self.account.currentData()), start=start, end=end,
                status=SlotStatus(self.status.currentData()), campaign_id=campaign_id,
                notes=self.notes.toPlainText().strip(), news_url=news_url, material_deadline=deadline,
                department_note=self.department_note.toPlainText().strip(),
            )
            self.set_busy(True)
            self.book_requested.emit(request)
        else:
            changes = DetailChanges(self.notes.toPlainText().strip(), news_url, deadline, campaign_id,
                                    self.department_note.toPlainText().strip(),
                                    account_id=int(self.account.currentData()))
            self.set_busy(True)
            self.edit_requested.emit(self.slot.id, start, end, changes)

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)

    def show_refusal(self, message: str) -> None:
        """The rule's message, in the dialog, where the user is looking; the dialog stays open."""
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()
        self.error.setAccessibleDescription(message)
        fit_height(self)  # a long refusal gets room of its own instead of covering the notes box

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisible() else ""

    # --- texts ---------------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        editing = self.slot is not None
        self.setWindowTitle(self.tr("Edit slot") if editing else self.tr("New booking"))
        self.heading.setText(
            self.tr("%1 on %2").replace("%1", self.slot.department).replace("%2", self.slot.account)
            if editing and self.slot is not None else self.tr("Book a department into a takeover slot")
        )
        texts = {
            "department": self.tr("&Department"), "account": self.tr("&Account"), "dates": self.tr("D&ates"),
            "weeks": "", "status": self.tr("&Status"), "campaign": self.tr("&Campaign"),
            "deadline": self.tr("Material &deadline"), "news": self.tr("&News link"),
            "department_note": self.tr("N&ote to the department"), "notes": self.tr("&Internal note"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        search = self.department.lineEdit()
        assert search is not None, "the department box is editable, so it has a line edit"
        search.setPlaceholderText(self.tr("Type to search departments"))
        search.setAccessibleName(texts["department"].replace("&", ""))  # a text field of its own: named too
        self.start.setAccessibleName(self.tr("First day"))
        self.end.setAccessibleName(self.tr("Last day"))
        self.campaign.setItemText(0, self.tr("No campaign"))
        self.department_note.setPlaceholderText(self.tr("Printed in the brief and the e-mail to the department"))
        self.notes.setPlaceholderText(self.tr("Only for the comms team; never sent to the department"))
        for i, s in enumerate(NEW_STATUSES):
            self.status.setItemText(i, status_label(s))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update_week_hint()
        self._retranslate_ok()

    def _retranslate_ok(self) -> None:
        if self.slot is not None:
            self.ok_button.setText(self.tr("Save"))
        else:
            self.ok_button.setText(self.tr("Book anyway") if self._past_accepted else self.tr("Book"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
