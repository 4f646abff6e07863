"""The two kinds of trouble, as the window shows them.

- A bug (any exception that is not a ``TakeoverError``): one crash dialog with the traceback, where the log
  file is, and a button that copies both for a bug report. The app keeps running; a second bug while the
  dialog is open is added to the same dialog instead of stacking windows.
- An environment or user problem (database locked, disk full, share gone, a refused rule): a plain message
  box with the text and no traceback; the window stays usable.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    def __init__(self, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setMinimumSize(620, 420)
        self._log_file = log_file
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Takeover Planner ran into a bug. Your saved data is safe: every change is written to the database "
            "when you make it. Please send the text below to whoever looks after the app."
        ), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        where = str(log_file) if log_file else self.tr("(no log file)")
        self.log_label = QLabel(self.tr("Log file: %1").replace("%1", where), self)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setWordWrap(True)
        layout.addWidget(self.log_label)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setAccessibleName(self.tr("Error details"))
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = QPushButton(self.tr("Close"), self)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def add_trace(self, trace: str) -> None:
        existing = self.details.toPlainText()
        self.details.setPlainText(f"{existing}\n\n{trace}".strip() if existing else trace)

    def report_text(self) -> str:
        where = str(self._log_file) if self._log_file else "-"
        return f"Log file: {where}\n\n{self.details.toPlainText()}"

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
        self.copy_button.setText(self.tr("Copied"))


class _Bridge(QObject):
    """Carries a bug report from any thread to the GUI thread."""

    reported = Signal(str)


class CrashReporter(QObject):
    """Owns the crash dialog; ``install()`` routes uncaught exceptions (GUI and worker threads) to it."""

    def __init__(self, log_file: Path | None, parent_window: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._log_file = log_file
        self._parent_window = parent_window
        self._dialog: CrashDialog | None = None
        self._bridge = _Bridge()
        self._bridge.reported.connect(self._show)
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def report(self, error: BaseException, trace: str = "") -> None:
        text = trace or "".join(traceback.format_exception(type(error), error, error.__traceback__))
        log.error("Bug: %s", text)
        self._bridge.reported.emit(text)

    def _excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, value, tb)
            return
        self.report(value, "".join(traceback.format_exception(kind, value, tb)))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_value, "".join(traceback.format_exception(args.exc_type, args.exc_value,
                                                                             args.exc_traceback)))

    def _show(self, trace: str) -> None:
        if self._dialog is None:
            self._dialog = CrashDialog(self._log_file, self._parent_window())
            self._dialog.finished.connect(self._on_dialog_finished)
        self._dialog.add_trace(trace)
        self._dialog.show()
        self._dialog.raise_()

    def _on_dialog_finished(self, _result: int) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
            self._dialog = None

    @property
    def dialog(self) -> CrashDialog | None:
        return self._dialog


def show_problem(parent: QWidget | None, message: str, title: str | None = None,
                 on_closed: Callable[[], None] | None = None) -> QMessageBox:
    """A plain message for a problem the user or the environment can fix; never a traceback."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Problems", "Takeover Planner"))
    box.setText(message)
    ok = box.addButton(QCoreApplication.translate("Problems", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if on_closed is not None:
        box.finished.connect(lambda _r: on_closed())
    box.open()
    return box
