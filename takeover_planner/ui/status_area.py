"""The planner window's status bar, as one part the shell owns.

Left to right: the status line (with an "Open the folder" button beside it while the line speaks of a folder,
such as a brief just written), the features' own widgets in the order they were added (who you are, the
publishing problems button), and the open database's name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QToolButton, QWidget

from takeover_planner.ui.announce import Politeness, announce


class StatusArea(QObject):
    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.setObjectName("statusArea")
        self._bar = bar
        line = QWidget(bar)
        layout = QHBoxLayout(line)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(line)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # lines name departments: text, not markup
        self.folder: Path | None = None
        self.open_folder_button = QToolButton(line)
        self.open_folder_button.setObjectName("openFolderButton")
        self.open_folder_button.setAutoRaise(True)
        self.open_folder_button.clicked.connect(self._open_folder)
        self.open_folder_button.hide()
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_folder_button)
        self.database_label = QLabel(bar)
        self.database_label.setTextFormat(Qt.TextFormat.PlainText)  # a path or URL someone typed
        self.database_label.setObjectName("muted")
        bar.addWidget(line, 1)
        bar.addPermanentWidget(self.database_label)
        bar.setSizeGripEnabled(True)
        self._added = 0

    def show(self, text: str, *, folder: Path | None = None, error: bool = False) -> None:
        """A line of text; with ``folder``, an "Open the folder" button beside it until the next line.

        ``error``: the line is a refusal or a failure, read out at once (Assertive) rather than after what the
        screen reader is saying (Polite), which is for progress and results."""
        self.label.setText(text)
        # A screen reader hears it without leaving what it was on.
        announce(self.label, text, politeness=Politeness.Assertive if error else Politeness.Polite)
        self.folder = folder
        self.open_folder_button.setVisible(folder is not None)
        if folder is not None:
            self.open_folder_button.setToolTip(str(folder))

    def add_widget(self, widget: QWidget) -> None:
        """A feature's widget, after those added before it and before the database's name."""
        self._added += 1
        self._bar.insertPermanentWidget(self._added, widget)  # index 0 is the status line

    def set_database(self, name: str) -> None:
        self.database_label.setText(name)

    def _open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
