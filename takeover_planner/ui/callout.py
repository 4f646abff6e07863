"""A small message bubble shown right where the user acted (a refused drag lands here), until dismissed
or for a few seconds. It is a child widget, not a tool tip, so moving the mouse does not make it vanish."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from takeover_planner.ui.announce import Politeness, announce
from takeover_planner.ui.calendar.painting import is_dark

SHOW_MS = 10_000


class Callout(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("callout")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 6, 8)
        layout.setSpacing(8)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # refusals name departments: text, not markup
        layout.addWidget(self.label, 1)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self._retranslate()
        self.hide()

    def _style(self) -> None:
        dark = is_dark(self.palette())
        background = QColor("#4a1f1c") if dark else QColor("#fdecea")
        border = QColor("#e06c5f") if dark else QColor("#d9534f")
        text = QColor("#ffe9e6") if dark else QColor("#5c1a14")
        self.setStyleSheet(
            f"#callout {{ background: {background.name()}; border: 1px solid {border.name()}; border-radius: 8px; }}"
            f"#callout QLabel {{ color: {text.name()}; background: transparent; }}"
        )

    def show_message(self, text: str, global_pos: QPoint) -> None:
        self._style()
        self.label.setText(text)
        parent = self.parentWidget()
        width = min(420, max(240, parent.width() // 2)) if parent is not None else 360
        self.setFixedWidth(width)
        self.adjustSize()
        if parent is not None:
            local = parent.mapFromGlobal(global_pos)
            x = min(max(8, local.x() - width // 2), parent.width() - width - 8)
            y = local.y() + 14
            if y + self.height() > parent.height() - 8:
                y = local.y() - self.height() - 14
            self.move(x, max(8, y))
        self.show()
        self.raise_()
        self._timer.start(SHOW_MS)
        # A refusal interrupts the screen reader: the person just tried something and it did not happen.
        announce(self, text, politeness=Politeness.Assertive)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()
        event.accept()

    def text(self) -> str:
        return self.label.text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Message"))
        self.close_button.setAccessibleName(self.tr("Close message"))
