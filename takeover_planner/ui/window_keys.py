"""Closing a secondary window (insights, story review) from the keyboard, as a dialog closes: Ctrl+W (and the
platform's other Close keys, such as Ctrl+F4) and Esc, plus a visible Close button for whoever looks for one.

The planner's main window does not get these: Esc there belongs to the calendar (drop a marked range) and closing
it ends the app (Ctrl+Q).

A key that closes a window is easy to press by accident, so a window holding typed text that is not sent yet asks
before throwing it away (``ask_before_discarding``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


def close_keys() -> list[QKeySequence]:
    """The platform's Close keys, Ctrl+W and Esc (each once)."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Close))
    for extra in (QKeySequence("Ctrl+W"), QKeySequence(Qt.Key.Key_Escape)):
        if extra not in keys:
            keys.append(extra)
    return keys


def install_close_keys(window: QWidget) -> QAction:
    """Close ``window`` with ``close_keys()`` while it (or a child of it) has the keyboard. A popup (an open combo
    box list, a menu) still takes Esc first, so Esc closes that and not the window."""
    action = QAction(window)
    action.setObjectName("closeWindowAction")
    action.setShortcuts(close_keys())
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(window.close)
    window.addAction(action)
    return action


def close_button(window: QWidget, parent: QWidget | None = None) -> QPushButton:
    """A Close button for ``window``; its text is set (and retranslated) by ``retranslate_close_button``."""
    button = QPushButton(parent or window)
    button.setObjectName("closeButton")
    button.setAutoDefault(False)  # Enter in the window's fields must not close it
    button.clicked.connect(window.close)
    retranslate_close_button(button)
    return button


def retranslate_close_button(button: QPushButton) -> None:
    text = QCoreApplication.translate("WindowKeys", "Close")
    button.setText(text)
    button.setAccessibleName(text)
    # The two keys everyone knows; the platform's others (Ctrl+F4, a keyboard's own Close key) work too.
    keys = (QKeySequence("Ctrl+W"), QKeySequence(Qt.Key.Key_Escape))
    button.setToolTip(QCoreApplication.translate("WindowKeys", "Close this window (%1)").replace(
        "%1", ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)))


def ask_before_discarding(window: QWidget, on_discard: Callable[[], None], on_keep: Callable[[], None]) -> QMessageBox:
    """Ask, over ``window`` and without blocking, whether the comment typed there may be thrown away: "Keep
    writing" is the default and what Esc and Enter answer (the safe choice for a key pressed by accident), "Discard
    the comment" calls ``on_discard``. The box deletes itself when answered."""
    box = QMessageBox(window)
    box.setObjectName("discardCommentBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("WindowKeys", "Comment not sent"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(QCoreApplication.translate("WindowKeys", "Close the window and discard the comment you typed?"))
    discard = box.addButton(QCoreApplication.translate("WindowKeys", "&Discard the comment"),
                            QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discardButton")
    keep = box.addButton(QCoreApplication.translate("WindowKeys", "&Keep writing"), QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keepButton")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setWindowModality(Qt.WindowModality.WindowModal)

    def answered(_result: int) -> None:
        chosen = box.clickedButton()
        box.deleteLater()
        (on_discard if chosen is discard else on_keep)()

    box.finished.connect(answered)
    box.open()
    return box
