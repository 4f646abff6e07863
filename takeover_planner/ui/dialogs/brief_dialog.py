"""Write brief…: where to save a slot's brief package (*oppdragsbrev*), the letter's language (Bokmål unless
chosen otherwise: it goes to a department) and whether the printed PDF is saved beside it too.

The writing — ``services.packages.write_slot_brief``, which has Typst make the PDF (no Qt, so it may run off
the GUI thread) — runs on the window's write
pool. A refusal (a cancelled slot, a role that may not, a folder that cannot be written) is shown in the
dialog, which stays open; nothing is half-written, as both files are written atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.errors import EnvironmentProblem, TakeoverError, os_reason
from takeover_planner.texts.ui import UiText
from takeover_planner.ui.dialogs.fit import fit_height
from takeover_planner.ui.messages import user_message
from takeover_planner.ui.tasks import WRITE, TaskRunner

if TYPE_CHECKING:
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.context import AppContext

LETTER_LANGUAGES = (("nb", "Norsk bokmål"), ("en", "English"))  # each named in itself


@dataclass(frozen=True)
class WrittenBrief:
    slot_id: int
    package: Path
    pdf: Path | None


def default_name(slot: SlotInfo) -> str:
    """``oppdragsbrev-12-biblioteket.zip``: the slot and its department, safe as a file name everywhere."""
    words = "".join(c if c.isalnum() else " " for c in slot.department.lower()).split()
    return "-".join(["oppdragsbrev", str(slot.id), *words]) + ".zip"


def write_brief(ctx: AppContext, slot_id: int, package: Path, language: str, pdf: Path | None) -> WrittenBrief:
    """On a worker: write the package (and the PDF beside it); a file-system failure becomes a plain refusal."""
    from takeover_planner.services import packages

    try:
        packages.write_slot_brief(ctx, slot_id, package, language=language, pdf=pdf)
    except OSError as exc:
        raise EnvironmentProblem(UiText.BRIEF_NOT_SAVED, reason=os_reason(exc), folder=str(package.parent),
                                 problem=exc.strerror or str(exc)) from exc
    return WrittenBrief(slot_id, package, pdf)


class WriteBriefDialog(QDialog):
    """``on_written`` hears of every brief written, even one that finished after the dialog was closed."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, runner: TaskRunner, slot: SlotInfo,
                 folder: Path, on_written: Callable[[WrittenBrief], None]) -> None:
        super().__init__(parent)
        self.setObjectName("writeBriefDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.ctx, self.runner, self.slot = ctx, runner, slot
        self.on_written = on_written
        self.busy = False
        self._gone = False  # closed (and so deleted): a late answer must not touch its widgets
        self.finished.connect(self._on_finished)
        self._replace_ok: set[Path] = set()  # files the user has agreed to replace

        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("muted")
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.path = QLineEdit(str(folder / default_name(slot)), self)
        self.path.textEdited.connect(self._on_path_text_edited)
        self.choose = QPushButton(self)
        self.choose.clicked.connect(self._on_choose_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        self.path_label = QLabel(self)
        self.path_label.setBuddy(self.path)
        form.addRow(self.path_label, row)
        self.language = QComboBox(self)
        for code, name in LETTER_LANGUAGES:
            self.language.addItem(name, code)
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, self.language)
        self.with_pdf = QCheckBox(self)
        self.with_pdf.setChecked(True)
        form.addRow("", self.with_pdf)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # a refusal names the department
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.write_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setObjectName("primary")
        self.write_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.write_button.clicked.connect(self.write)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)  # room for a whole path
        self._retranslate()

    # --- choices --------------------------------------------------------------------------------------------

    def package_path(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")

    def pdf_path(self) -> Path | None:
        package = self.package_path()
        return package.with_suffix(".pdf") if package is not None and self.with_pdf.isChecked() else None

    def _on_path_text_edited(self, _text: str) -> None:
        self._replace_ok.clear()
        self.error.hide()

    def _on_choose_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the brief package"), self.path.text())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Brief packages (*.zip)"))
        dialog.setDefaultSuffix("zip")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.fileSelected.connect(self._on_file_selected)
        dialog.open()

    def _on_file_selected(self, name: str) -> None:
        self.path.setText(name)
        self._replace_ok = {Path(name)}  # the save dialog has asked about replacing it
        self.error.hide()

    # --- writing --------------------------------------------------------------------------------------------

    def write(self) -> None:
        if self.busy:
            return
        package = self.package_path()
        if package is None:
            self.show_error(self.tr("Choose where to save the brief package."))
            return
        if not package.parent.is_dir():
            self.show_error(self.tr("The folder %1 does not exist.").replace("%1", str(package.parent)))
            return
        pdf = self.pdf_path()
        existing = [p for p in (package, pdf) if p is not None and p.exists() and p not in self._replace_ok]
        if existing:
            self._replace_ok.update(existing)
            self.show_error(self.tr("%1 already exists. Click Write brief again to replace it.").replace(
                "%1", ", ".join(p.name for p in existing)))
            return
        ctx, slot_id, language = self.ctx, self.slot.id, str(self.language.currentData())
        self._set_busy(True)
        self.runner.run(lambda: write_brief(ctx, slot_id, package, language, pdf), on_done=self._on_written,
                        on_error=self._on_refused, kind=WRITE)

    def _on_written(self, result: WrittenBrief) -> None:
        self.on_written(result)
        if not self._gone:
            self._set_busy(False)
            self.accept()

    def _on_refused(self, exc: TakeoverError) -> None:
        if self._gone:
            return
        self._set_busy(False)
        self._replace_ok.clear()
        self.show_error(user_message(exc))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        fit_height(self)  # the fields above keep their room

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        # Cancel stays usable: the writing goes on without the dialog, and on_written still hears of it.
        for widget in (self.write_button, self.path, self.choose, self.language, self.with_pdf):
            widget.setEnabled(not busy)
        if busy:
            self.error.hide()
            self.write_button.setText(self.tr("Writing…"))
        else:
            self.write_button.setText(self.tr("&Write brief"))

    def _on_finished(self, _result: int) -> None:
        self._gone = True

    # --- texts ----------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Write brief – slot #%1").replace("%1", str(self.slot.id)))
        self.intro.setText(self.tr(
            "The brief package is what %1 opens in Takeover Planner to send its material before the deadline. "
            "The printed letter (PDF) is always inside it; save it beside the package too to print it or attach "
            "it to an e-mail.").replace("%1", self.slot.department))
        self.path_label.setText(self.tr("&Save as"))
        self.choose.setText(self.tr("&Choose…"))
        self.language_label.setText(self.tr("&Language of the letter"))
        self.with_pdf.setText(self.tr("Also save the &PDF beside it"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._set_busy(self.busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self._retranslate()
        super().changeEvent(event)
