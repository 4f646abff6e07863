"""The selected frame's details, in plain language: what the check found (with "Fix it"), when it should go
out, its text, sticker and credit, and the consent questions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.intake.manifest import BriefManifest
from takeover_planner.services.contributor_work import WorkFrame
from takeover_planner.services.local_times import (
    ClockChange,
    ClockIssue,
    clock_change,
    clock_text,
    parse_clock,
)
from takeover_planner.services.split_parts import PartLabel
from takeover_planner.texts import Text
from takeover_planner.texts.stories import ContributorText
from takeover_planner.ui.contributor.calm_fields import CalmComboBox, CalmDateEdit

STICKERS = ("", "link", "poll", "mention")
DEFAULT_TIME = dt.time(9, 0)  # what a new frame's time shows until one is chosen


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
    unfix_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame: WorkFrame | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # file names as they are
        layout.addWidget(self.heading)

        self.check_box = QGroupBox(self)
        check = QVBoxLayout(self.check_box)
        self.findings = QLabel(self.check_box)
        self.findings.setObjectName("findings")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        check.addWidget(self.findings)
        fix_row = QHBoxLayout()
        self.fit = CalmComboBox(self.check_box)
        self.fix_button = QPushButton(self.check_box)
        self.fix_button.setObjectName("primary")
        self.fix_button.clicked.connect(lambda: self.fix_requested.emit("pad" if self.fit.currentIndex() == 0 else "crop"))
        fix_row.addWidget(self.fix_button)
        fix_row.addWidget(self.fit)
        self.unfix_button = QPushButton(self.check_box)
        self.unfix_button.clicked.connect(self.unfix_requested.emit)
        fix_row.addWidget(self.unfix_button)
        fix_row.addStretch(1)
        check.addLayout(fix_row)
        layout.addWidget(self.check_box)

        self.when_box = QGroupBox(self)
        form = QFormLayout(self.when_box)
        self.day = CalmDateEdit(self.when_box)
        self.day.setCalendarPopup(True)
        # A plain text field: "0830", "8:30" and "08.30" are all understood (see services/local_times.py).
        self.time = QLineEdit(self.when_box)
        self.time.setPlaceholderText("09:00")
        self.time.setMaximumWidth(120)
        self.time.editingFinished.connect(self._time_entered)
        self.time_problem = QLabel(self.when_box)
        self.time_problem.setObjectName("errorText")
        self.time_problem.setWordWrap(True)
        self.time_problem.setTextFormat(Qt.TextFormat.PlainText)  # file names as they are
        self.time_problem.hide()
        self.time_question: QMessageBox | None = None  # "it happens twice: keep it?", while it is open
        self.text = QLineEdit(self.when_box)
        self.notes = QPlainTextEdit(self.when_box)
        self.notes.setMaximumHeight(60)
        self.credit = QLineEdit(self.when_box)
        self.sticker_kind = CalmComboBox(self.when_box)
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
            if field is self.time:
                form.addRow(self.time_problem)
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
        self.until = CalmDateEdit(self.people_box)
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

        for signal in (self.day.dateChanged, self.text.textChanged, self.notes.textChanged,
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
        self.unfix_button.setText(str(Text(ContributorText.UNDO_FIX)))
        self._show_findings()

    def set_frame(self, frame: WorkFrame | None, brief: BriefManifest | None, part: PartLabel | None = None) -> None:
        self.frame = frame
        self.setEnabled(frame is not None)
        self._loading = True
        try:
            if brief is not None:
                self.day.setDateRange(_qdate(brief.slot.start), _qdate(brief.slot.end))
            if frame is not None:
                self.heading.setText(frame.name + (f" ({part.text})" if part is not None else ""))
                self.fit.setCurrentIndex(0)  # each frame starts from "nothing cut off", whatever the last one used
                self.day.setDate(_qdate(frame.planned_date or (brief.slot.start if brief else dt.date.today())))
                self.time.setText(clock_text(frame.planned_time or DEFAULT_TIME))
                self.time_problem.hide()
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
        day = _pydate(self.day.date())
        if day != f.planned_date and not self._when_allowed(day, f.planned_time or DEFAULT_TIME):
            self._loading = True
            self.day.setDate(_qdate(f.planned_date or day))
            self._loading = False
            return
        f.planned_date = day
        f.planned_time = f.planned_time or DEFAULT_TIME
        f.text, f.notes, f.credit = self.text.text(), self.notes.toPlainText(), self.credit.text()
        f.sticker_kind = STICKERS[max(self.sticker_kind.currentIndex(), 0)]
        f.sticker_value = self.sticker_value.text()
        f.shows_people = self.shows_people.isChecked()
        f.consent_subject, f.consent_reference = self.who.text(), self.reference.text()
        f.consent_guardian = self.guardian.isChecked()
        f.consent_until = _pydate(self.until.date()) if self.has_until.isChecked() else None
        self.changed.emit()

    def _time_entered(self) -> None:
        """A typed time: understood, checked against the day's clock change, stored (or the reason shown)."""
        frame = self.frame
        if frame is None or self._loading:
            return
        time = parse_clock(self.time.text())
        if time is None:
            self._time_refused(Text(ContributorText.BAD_TIME))
            return
        self.time.setText(clock_text(time))
        if time != frame.planned_time and self._when_allowed(_pydate(self.day.date()), time):
            self._set_time(time)

    def _when_allowed(self, day: dt.date, time: dt.time) -> bool:
        """True when ``time`` on ``day`` means one moment. A time the clocks skip is refused (with the reason);
        one that comes twice is asked about, and stored only if the person keeps it."""
        change = clock_change(day, time)
        if change is None:
            self.time_problem.hide()
            return True
        if change.issue == ClockIssue.MISSING:
            self._time_refused(change.text)
            return False
        self._ask_twice(change)
        return False

    def _ask_twice(self, change: ClockChange) -> None:
        params = change.params()
        box = QMessageBox(QMessageBox.Icon.Question, self.window().windowTitle(), str(change.text),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(str(Text(ContributorText.TWICE_QUESTION, params)))
        keep = box.addButton(str(Text(ContributorText.KEEP_FIRST, params)), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(str(Text(ContributorText.OTHER_TIME)), QMessageBox.ButtonRole.RejectRole)
        frame = self.frame

        def chosen(button: QAbstractButton) -> None:
            self.time_question = None
            if frame is not self.frame or frame is None:
                return
            if button is keep:
                frame.planned_date = change.day
                self._set_time(change.time)
            self._loading = True  # show what the frame holds now (the kept time, or the one before)
            self.day.setDate(_qdate(frame.planned_date or change.day))
            self.time.setText(clock_text(frame.planned_time or DEFAULT_TIME))
            self._loading = False
            if button is not keep:
                self.time.setFocus()

        box.buttonClicked.connect(chosen)
        self.time_question = box
        box.open()

    def _set_time(self, time: dt.time) -> None:
        assert self.frame is not None
        self.frame.planned_time = time
        self.frame.planned_date = self.frame.planned_date or _pydate(self.day.date())
        self.time.setText(clock_text(time))
        self.time_problem.hide()
        self.changed.emit()

    def _time_refused(self, reason: Text) -> None:
        self.time_problem.setText(str(reason))
        self.time_problem.show()

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
            if finding.severity == "error" and not finding.fixable:
                badge = str(Text(ContributorText.CANNOT_USE))  # "Fix it" cannot mend it: say so
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
        self.unfix_button.setVisible(frame.fixed is not None)
