"""Export the takeover calendar from the window: the same choices as `takeover-planner export`.

The export runs off the GUI thread on the window's task runner (``ui.tasks``); its progress crosses back
through a queued signal, and Cancel stops it at the next step — the file being written is dropped, so
nothing half-written is left (see ``services.export_service``). The dialog opens with ``open()`` and reports
through signals, so tests can drive it.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.domain.timekeeping import today_oslo
from takeover_planner.errors import TakeoverError
from takeover_planner.services.context import AppContext
from takeover_planner.services.export_service import (
    ExportCancelled,
    ExportOptions,
    ExportResult,
    run_export,
)
from takeover_planner.texts import current_language
from takeover_planner.ui.i18n import date_edit_format, pydate, qdate
from takeover_planner.ui.tasks import TaskRunner

SUFFIX = {"ics": ".ics", "xlsx": ".xlsx", "csv": ".csv", "pdf": ".pdf"}
# The suggested file name, in the language the window speaks (a name a person reads, not a machine value).
DEFAULT_STEM = {"nb": "overtakelseskalender", "en": "takeover-calendar"}


class _ProgressRelay(QObject):
    """Created on the GUI thread; a worker's emit is queued and delivered here on the GUI thread."""

    progressed = Signal(int, int)


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult
    failed = Signal(str)  # the plain message shown in the dialog
    progressed = Signal(int, int)  # done, total (on the GUI thread)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner if runner is not None else TaskRunner(self)
        self._owns_runner = runner is None
        self._cancel = threading.Event()
        self._running = False
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._on_relay_progressed)
        self.setObjectName("exportDialog")
        # The window makes a new dialog each time; a closed one goes away instead of piling up as a child.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setMinimumWidth(520)
        self._build()
        self._retranslate()
        self._on_format_changed()
        self._load_choices()

    # --- building ----------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.format = QComboBox(self)
        for key in SUFFIX:  # "For Excel" is the real spreadsheet (xlsx); the CSV is the plain table
            self.format.addItem("", key)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.path = QLineEdit(self)
        self.path.setText(str(self._default_folder() / f"{DEFAULT_STEM.get(current_language(), DEFAULT_STEM['en'])}.ics"))
        self.path.textChanged.connect(self._on_path_changed)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._on_browse_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self.per_department = QCheckBox(self)
        self.per_department.toggled.connect(self._on_per_department_toggled)
        self.excel = QCheckBox(self)
        self.excel.setChecked(True)
        self.limit_dates = QCheckBox(self)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        today = today_oslo()
        self.start.setDate(qdate(today.replace(day=1)))
        self.end.setDate(qdate(dt.date(today.year, 12, 31)))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
            edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            edit.setEnabled(False)
        self.limit_dates.toggled.connect(self._on_limit_dates_toggled)
        dates_row = QHBoxLayout()
        dates_row.addWidget(self.limit_dates)
        dates_row.addWidget(self.start)
        self.to_label = QLabel(self)
        dates_row.addWidget(self.to_label)
        dates_row.addWidget(self.end)
        dates_row.addStretch(1)
        self.department = QComboBox(self)
        self.account = QComboBox(self)
        self.language = QComboBox(self)
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        chosen = current_language()
        self.language.setCurrentIndex(max(self.language.findData(chosen), 0))

        self.format_label = QLabel(self)
        self.path_label = QLabel(self)
        self.dates_label = QLabel(self)
        self.department_label = QLabel(self)
        self.account_label = QLabel(self)
        self.language_label = QLabel(self)
        form.addRow(self.format_label, self.format)
        form.addRow(self.path_label, path_row)
        form.addRow("", self.per_department)
        form.addRow("", self.excel)
        form.addRow(self.dates_label, dates_row)
        form.addRow(self.department_label, self.department)
        form.addRow(self.account_label, self.account)
        form.addRow(self.language_label, self.language)
        layout.addLayout(form)

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # paths and names as they are
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)
        layout.addWidget(self.buttons)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export the takeover calendar"))
        texts = {
            "ics": self.tr("Calendar for Outlook and others (ICS)"),
            "xlsx": self.tr("Spreadsheet for Excel (XLSX)"),
            "csv": self.tr("Plain table (CSV)"),
            "pdf": self.tr("Printable overview (PDF)"),
        }
        for index in range(self.format.count()):
            self.format.setItemText(index, texts[self.format.itemData(index)])
        self.format_label.setText(self.tr("&Format:"))
        self.format_label.setBuddy(self.format)
        self.path_label.setText(self.tr("&Save to:"))
        self.path_label.setBuddy(self.path)
        self.browse.setText(self.tr("Choose…"))
        self.browse.setAccessibleName(self.tr("Choose where to save the export"))
        self.per_department.setText(self.tr("One calendar per department, in a folder"))
        self.excel.setText(self.tr("For Excel (semicolons, Norwegian letters intact)"))
        self.dates_label.setText(self.tr("Period:"))
        self.limit_dates.setText(self.tr("Only from"))
        self.to_label.setText(self.tr("to"))
        self.start.setAccessibleName(self.tr("First day"))  # a date field a screen reader names
        self.end.setAccessibleName(self.tr("Last day"))
        self.department_label.setText(self.tr("&Department:"))
        self.department_label.setBuddy(self.department)
        self.account_label.setText(self.tr("&Account:"))
        self.account_label.setBuddy(self.account)
        self.language_label.setText(self.tr("&Language in the file:"))
        self.language_label.setBuddy(self.language)
        self.export_button.setText(self.tr("&Export"))
        self._set_close_text()
        if self.department.count():
            self.department.setItemText(0, self.tr("All departments"))
        if self.account.count():
            self.account.setItemText(0, self.tr("All accounts"))

    def _set_close_text(self) -> None:
        self.close_button.setText(self.tr("Cancel export") if self._running else self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _default_folder(self) -> Path:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents else Path.home()

    # --- choices from the database (read off the GUI thread) -----------------------------------------------

    def _load_choices(self) -> None:
        from takeover_planner.services import catalog

        ctx = self.ctx

        def read() -> tuple[list[str], list[str]]:
            departments = [d.name for d in catalog.list_departments(ctx)]
            accounts = [a.name for a in catalog.list_accounts(ctx)]
            return departments, accounts

        self.runner.run(read, on_done=self._on_choices_loaded, on_error=self._show_error)

    def _on_choices_loaded(self, choices: tuple[list[str], list[str]]) -> None:
        departments, accounts = choices
        for combo, names, everyone in ((self.department, departments, self.tr("All departments")),
                                       (self.account, accounts, self.tr("All accounts"))):
            combo.clear()
            combo.addItem(everyone, None)
            for name in names:
                combo.addItem(name, name)

    # --- reacting to choices --------------------------------------------------------------------------------

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def _on_format_changed(self) -> None:
        fmt = self.chosen_format()
        self.per_department.setVisible(fmt == "ics")
        self.excel.setVisible(fmt == "csv")
        if fmt != "ics" and self.per_department.isChecked():
            self.per_department.setChecked(False)
        self._fit_path_to_format()
        self._forget_last_run()

    def _forget_last_run(self) -> None:
        """A new choice after an export: its full bar would speak of the last file, not the next one."""
        if not self._running:
            self.progress.setVisible(False)

    def _on_per_department_toggled(self, _checked: bool) -> None:
        self._fit_path_to_format()

    def _fit_path_to_format(self) -> None:
        """Keep the file name's suffix in step with the format; a folder for one calendar per department."""
        text = self.path.text().strip()
        if not text:
            return
        path = Path(text)
        if self.per_department.isChecked():
            if path.suffix.lower() in SUFFIX.values():
                self.path.setText(str(path.with_suffix("")))
            return
        if path.suffix.lower() in SUFFIX.values() or not path.suffix:
            self.path.setText(str(path.with_suffix(SUFFIX[self.chosen_format()])))

    def _on_path_changed(self, _text: str) -> None:
        self.status.clear()
        self._forget_last_run()

    def _on_limit_dates_toggled(self, checked: bool) -> None:
        self.start.setEnabled(checked)
        self.end.setEnabled(checked)

    def _on_browse_clicked(self) -> None:
        current = Path(self.path.text().strip() or str(self._default_folder()))
        chooser = QFileDialog(self, self.tr("Save the export"))
        if self.per_department.isChecked():
            chooser.setFileMode(QFileDialog.FileMode.Directory)
            chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
            chooser.setDirectory(str(current if current.is_dir() else current.parent))
        else:
            chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            chooser.setDefaultSuffix(SUFFIX[self.chosen_format()].lstrip("."))
            chooser.setDirectory(str(current.parent))
            chooser.selectFile(current.name)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        chooser.fileSelected.connect(self.path.setText)
        chooser.open()

    # --- running ----------------------------------------------------------------------------------------------

    def options(self) -> ExportOptions:
        start = end = None
        if self.limit_dates.isChecked():
            start, end = pydate(self.start.date()), pydate(self.end.date())
        return ExportOptions(start=start, end=end, department=self.department.currentData(),
                             account=self.account.currentData(), language=str(self.language.currentData()))

    def _on_export_clicked(self) -> None:
        if self._running:
            return
        target = self.path.text().strip()
        if not target:
            self._show_message(self.tr("Choose where to save the export."))
            return
        options = self.options()
        try:
            options.check()
        except TakeoverError as exc:
            self._show_error(exc)
            return
        fmt = self.chosen_format()
        excel = self.excel.isChecked()
        per_department: bool | None = self.per_department.isChecked() if fmt == "ics" else None
        ctx = self.ctx
        cancel = self._cancel
        relay = self._relay
        cancel.clear()

        def step(done: int, total: int) -> None:
            # Runs in the worker: never touches a widget, only checks the flag and emits.
            if cancel.is_set():
                raise ExportCancelled()
            relay.progressed.emit(done, total)

        def work() -> ExportResult:
            return run_export(ctx, fmt, target, options, excel=excel, per_department=per_department, progress=step)

        self._set_running(True)
        self.status.setText(self.tr("Exporting…"))
        self.runner.run(work, on_done=self._on_export_done, on_error=self._on_export_failed)

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.progress.setVisible(True)
        if running:
            self.progress.setRange(0, 0)  # busy until the first step reports its total
        for widget in (self.format, self.path, self.browse, self.per_department, self.excel, self.limit_dates,
                       self.department, self.account, self.language, self.export_button):
            widget.setEnabled(not running)
        if not running:
            self._on_limit_dates_toggled(self.limit_dates.isChecked())
        else:
            self.start.setEnabled(False)
            self.end.setEnabled(False)
        self._set_close_text()

    def _on_relay_progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progressed.emit(done, total)

    def _on_export_done(self, result: ExportResult) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        first = result.files[0]
        if result.per_department:
            text = self.tr("Exported %n slot(s) to %1 and one calendar per department.", "", result.slot_count)
            text = text.replace("%1", str(first.parent))
        else:
            text = self.tr("Exported %n slot(s) to %1.", "", result.slot_count).replace("%1", str(first))
        self.status.setText(text)
        self.exported.emit(result)

    def _on_export_failed(self, error: TakeoverError) -> None:
        self._set_running(False)
        self.progress.setVisible(False)
        if isinstance(error, ExportCancelled):
            self._show_message(self.tr("The export was stopped; nothing was written."))
            return
        self._show_error(error)

    def _show_error(self, error: TakeoverError) -> None:
        # Service messages are plain English sentences meant for the person; shown as they are.
        self._show_message(error.message)

    def _show_message(self, text: str) -> None:
        self.status.setText(text)
        self.failed.emit(text)

    def cancel_export(self) -> None:
        self._cancel.set()
        self.status.setText(self.tr("Stopping…"))

    def _on_close_clicked(self) -> None:
        if self._running:
            self.cancel_export()
            return
        self.reject()

    def reject(self) -> None:
        if self._running:  # Esc while exporting stops the export first; the dialog stays until it has
            self.cancel_export()
            return
        if self._owns_runner:
            self.runner.shutdown()
        super().reject()
