"""The selected frame's details, in plain language: what the check found (with "Fix it"), when it should go
out, its text, sticker and credit, and the consent questions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.intake.manifest import BriefManifest
from takeover_planner.ui.contributor.state import WorkFrame

STICKERS = ("", "link", "poll", "mention")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FrameEditor(QWidget):
    changed = Signal()
    fix_requested = Signal(str)  # "pad" or "crop"
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame: WorkFrame | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        self.check_box = QGroupBox(self)
        check = QVBoxLayout(self.check_box)
        self.findings = QLabel(self.check_box)
        self.findings.setObjectName("findings")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        check.addWidget(self.findings)
        fix_row = QHBoxLayout()
        self.fit = QComboBox(self.check_box)
        self.fix_button = QPushButton(self.check_box)
        self.fix_button.setObjectName("primary")
        self.fix_button.clicked.connect(lambda: self.fix_requested.emit("pad" if self.fit.currentIndex() == 0 else "crop"))
        fix_row.addWidget(self.fix_button)
        fix_row.addWidget(self.fit)
        fix_row.addStretch(1)
        check.addLayout(fix_row)
        layout.addWidget(self.check_box)

        self.when_box = QGroupBox(self)
        form = QFormLayout(self.when_box)
        self.day = QDateEdit(self.when_box)
        self.day.setCalendarPopup(True)
        self.time = QTimeEdit(self.when_box)
        self.time.setDisplayFormat("HH:mm")
        self.text = QLineEdit(self.when_box)
        self.notes = QPlainTextEdit(self.when_box)
        self.notes.setMaximumHeight(60)
        self.credit = QLineEdit(self.when_box)
        self.sticker_kind = QComboBox(self.when_box)
        self.sticker_value = QLineEdit(self.when_box)
        self.day_label, self.time_label, self.text_label = QLabel(self), QLabel(self), QLabel(self)
        self.notes_label, self.credit_label, self.sticker_label = QLabel(self), QLabel(self), QLabel(self)
        sticker_row = QHBoxLayout()
        sticker_row.addWidget(self.sticker_kind)
        sticker_row.addWidget(self.sticker_value, 1)
        for label, field in ((self.day_label, self.day), (self.time_label, self.time), (self.text_label, self.text),
                             (self.notes_label, self.notes), (self.credit_label, self.credit)):
            label.setBuddy(field)
            form.addRow(label, field)
        self.sticker_label.setBuddy(self.sticker_kind)
        form.addRow(self.sticker_label, sticker_row)
        layout.addWidget(self.when_box)

        self.people_box = QGroupBox(self)
        people = QFormLayout(self.people_box)
        self.shows_people = QCheckBox(self.people_box)
        people.addRow(self.shows_people)
        self.who = QLineEdit(self.people_box)
        self.reference = QLineEdit(self.people_box)
        self.guardian = QCheckBox(self.people_box)
        self.until = QDateEdit(self.people_box)
        self.until.setCalendarPopup(True)
        self.has_until = QCheckBox(self.people_box)
        self.who_label, self.reference_label = QLabel(self), QLabel(self)
        until_row = QHBoxLayout()
        until_row.addWidget(self.has_until)
        until_row.addWidget(self.until, 1)
        for label, field in ((self.who_label, self.who), (self.reference_label, self.reference)):
            label.setBuddy(field)
            people.addRow(label, field)
        people.addRow(self.guardian)
        people.addRow(until_row)
        layout.addWidget(self.people_box)

        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_requested.emit)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        for signal in (self.day.dateChanged, self.time.timeChanged, self.text.textChanged, self.notes.textChanged,
                       self.credit.textChanged, self.sticker_kind.currentIndexChanged, self.sticker_value.textChanged,
                       self.shows_people.toggled, self.who.textChanged, self.reference.textChanged,
                       self.guardian.toggled, self.until.dateChanged, self.has_until.toggled):
            signal.connect(self._store)
        self.retranslate()
        self.set_frame(None, None)

    def retranslate(self) -> None:
        self.check_box.setTitle(self.tr("Check"))
        self.fix_button.setText(self.tr("&Fix it"))
        self.fit.clear()
        self.fit.addItems([self.tr("Fit by padding (nothing cut off)"), self.tr("Fit by cropping (fills the screen)")])
        self.when_box.setTitle(self.tr("When and what"))
        self.day_label.setText(self.tr("&Day"))
        self.time_label.setText(self.tr("&Time"))
        self.text_label.setText(self.tr("On-screen &text"))
        self.notes_label.setText(self.tr("&Notes to the comms team"))
        self.credit_label.setText(self.tr("Photo/video &credit"))
        self.sticker_label.setText(self.tr("&Sticker"))
        index = self.sticker_kind.currentIndex()
        self.sticker_kind.clear()
        self.sticker_kind.addItems([self.tr("None"), self.tr("Link"), self.tr("Poll"), self.tr("Mention")])
        self.sticker_kind.setCurrentIndex(max(index, 0))
        self.sticker_value.setPlaceholderText(self.tr("Link, poll question or @account"))
        self.people_box.setTitle(self.tr("People in the picture"))
        self.shows_people.setText(self.tr("Can anyone be &recognised in this picture or video?"))
        self.who_label.setText(self.tr("&Who is in it?"))
        self.who.setPlaceholderText(self.tr("A name, or a group such as “pupils in class 7B”"))
        self.reference_label.setText(self.tr("Consent &form reference"))
        self.guardian.setText(self.tr("A parent or &guardian gave consent (under 15)"))
        self.has_until.setText(self.tr("Consent is valid &until"))
        self.remove_button.setText(self.tr("&Remove this frame"))
        self._show_findings()

    def set_frame(self, frame: WorkFrame | None, brief: BriefManifest | None) -> None:
        self.frame = frame
        self.setEnabled(frame is not None)
        self._loading = True
        try:
            if brief is not None:
                self.day.setDateRange(_qdate(brief.slot.start), _qdate(brief.slot.end))
            if frame is not None:
                self.heading.setText(frame.name)
                self.day.setDate(_qdate(frame.planned_date or (brief.slot.start if brief else dt.date.today())))
                self.time.setTime(QTime(frame.planned_time.hour, frame.planned_time.minute) if frame.planned_time
                                  else QTime(9, 0))
                self.text.setText(frame.text)
                self.notes.setPlainText(frame.notes)
                self.credit.setText(frame.credit)
                self.sticker_kind.setCurrentIndex(STICKERS.index(frame.sticker_kind) if frame.sticker_kind in STICKERS
                                                  else 0)
                self.sticker_value.setText(frame.sticker_value)
                self.shows_people.setChecked(frame.shows_people)
                self.who.setText(frame.consent_subject)
                self.reference.setText(frame.consent_reference)
                self.guardian.setChecked(frame.consent_guardian)
                self.has_until.setChecked(frame.consent_until is not None)
                self.until.setDate(_qdate(frame.consent_until or (brief.slot.end if brief else dt.date.today())))
            else:
                self.heading.setText(self.tr("Add pictures or videos: drop them on the strip above."))
        finally:
            self._loading = False
        self._sync_enabled()
        self._show_findings()

    def _sync_enabled(self) -> None:
        people = self.shows_people.isChecked()
        for widget in (self.who, self.reference, self.guardian, self.has_until):
            widget.setEnabled(people)
        self.until.setEnabled(people and self.has_until.isChecked())

    def _store(self, *_args: object) -> None:
        self._sync_enabled()
        if self._loading or self.frame is None:
            return
        f = self.frame
        f.planned_date = _pydate(self.day.date())
        f.planned_time = dt.time(self.time.time().hour(), self.time.time().minute())
        f.text, f.notes, f.credit = self.text.text(), self.notes.toPlainText(), self.credit.text()
        f.sticker_kind = STICKERS[max(self.sticker_kind.currentIndex(), 0)]
        f.sticker_value = self.sticker_value.text()
        f.shows_people = self.shows_people.isChecked()
        f.consent_subject, f.consent_reference = self.who.text(), self.reference.text()
        f.consent_guardian = self.guardian.isChecked()
        f.consent_until = _pydate(self.until.date()) if self.has_until.isChecked() else None
        self.changed.emit()

    def _show_findings(self) -> None:
        frame = self.frame
        if frame is None:
            self.findings.clear()
            self.fix_button.setEnabled(False)
            return
        if frame.judgement is None:
            self.findings.setText(self.tr("Checking…"))
            self.fix_button.setEnabled(False)
            return
        nb = QLocale().language() == QLocale.Language.NorwegianBokmal
        items = []
        for finding in frame.judgement.findings:
            colour = "#b3261e" if finding.severity == "error" else "#a15c00"
            badge = self.tr("Must be fixed") if finding.severity == "error" else self.tr("Tip")
            items.append(f"<li><b style='color:{colour}'>{badge}:</b> "
                         f"{_escape(finding.message('nb' if nb else 'en'))}</li>")
        header = ""
        if frame.fixed is not None:
            header = "<p style='color:#2e7d32'><b>" + self.tr("Fixed: a compliant copy will be sent; your original "
                                                               "file is untouched.") + "</b></p>"
        if not items:
            body = "<p style='color:#2e7d32'>" + self.tr("This file is ready for Instagram.") + "</p>"
        else:
            body = f"<ul style='margin-left:-20px'>{''.join(items)}</ul>"
        self.findings.setText(header + body)
        self.fix_button.setEnabled(frame.fixable)
        self.fit.setEnabled(frame.fixable)
