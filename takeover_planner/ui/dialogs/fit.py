"""Dialogs that grow when a message appears in them.

A dialog's layout only guarantees its minimum size, and a word-wrapped label's minimum is one line: a refusal
of three lines shown in a dialog that was laid out without it squeezes the rows above it, and a fixed-height
field (the notes box) ends up under the message. ``fit_height`` asks the layout how tall the dialog must be at
its present width, wrapped labels included, and grows the dialog to that; it never shrinks it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def fit_height(dialog: QDialog) -> None:
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
    needed = max(needed, layout.totalSizeHint().height())
    if needed > dialog.height():
        dialog.resize(width, needed)
