"""Small questions (a reason, a yes/no) opened with ``open()`` and answered through a callback, never a
nested ``exec()`` loop, so the window keeps running and tests can answer them. Their words name departments
and slots, so they are shown as plain text: a name that looks like markup is shown as typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget


def ask_text(parent: QWidget, title: str, label: str, on_text: Callable[[str], None], *, text: str = "",
             ok_text: str | None = None, on_empty: Callable[[], None] | None = None) -> QInputDialog:
    """Ask for a line of text; ``on_text`` gets it (stripped) only if it is not empty. An empty answer calls
    ``on_empty`` (which says why nothing happened) instead; cancelling calls neither."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    for child in dialog.findChildren(QLabel):
        child.setTextFormat(Qt.TextFormat.PlainText)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(text)
    dialog.setOkButtonText(ok_text or QCoreApplication.translate("Prompts", "OK"))
    dialog.setCancelButtonText(QCoreApplication.translate("Prompts", "Cancel"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def accepted(value: str) -> None:
        if value.strip():
            on_text(value.strip())
        elif on_empty is not None:
            on_empty()

    dialog.textValueSelected.connect(accepted)
    dialog.open()
    return dialog


def ask_confirm(parent: QWidget, title: str, text: str, confirm_text: str, on_confirm: Callable[[], None],
                *, informative: str = "", destructive: bool = False) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    yes = box.addButton(confirm_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(QCoreApplication.translate("Prompts", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no if destructive else yes)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def finished(_result: int) -> None:
        if box.clickedButton() is yes:
            on_confirm()

    box.finished.connect(finished)
    box.open()
    return box
