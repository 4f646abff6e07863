"""The list part of "Needs attention": one row per item (its kind, then its words), an action button for the
selected row, and an empty state that says all is well.

The rows are plain text (``QListWidgetItem`` never reads markup), so a department's name shows as typed. The
panel knows nothing of the database: ``show_items`` hands it the items, ``action_requested`` says which one the
user wants resolved (the button, a double-click or Enter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.texts import current_language, render

if TYPE_CHECKING:
    # Only for types: the service (with the publishing ledger and the storage models) loads on the READ lane
    # when the list is first read, never while the window is built.
    from takeover_planner.services.attention import AttentionItem, AttentionKind

ITEM_ROLE = Qt.ItemDataRole.UserRole
HEIGHT = 130  # what the dock asks for: a few rows, so the calendar keeps most of the window


def kind_label(kind: AttentionKind) -> str:
    """The kind's name in the window's language (``AttentionKind`` is a ``StrEnum``: its values are the keys)."""
    labels = {
        "handoff_due": QCoreApplication.translate("AttentionPanel", "Post by hand now"),
        "publishing": QCoreApplication.translate("AttentionPanel", "Publishing"),
        "channel_failed": QCoreApplication.translate("AttentionPanel", "Not on the Facebook Page"),
        "consent": QCoreApplication.translate("AttentionPanel", "Consent"),
        "deadline_missed": QCoreApplication.translate("AttentionPanel", "Deadline missed"),
        "in_blackout": QCoreApplication.translate("AttentionPanel", "In a blackout period"),
        "competing": QCoreApplication.translate("AttentionPanel", "Competing requests"),
        "review_waiting": QCoreApplication.translate("AttentionPanel", "Waiting for review"),
        "not_completed": QCoreApplication.translate("AttentionPanel", "Not marked completed"),
    }
    return labels[str(kind)]


class AttentionPanel(QWidget):
    action_requested = Signal(object, object)  # the AttentionItem, the widget to anchor a menu at

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attentionPanel")
        self.items: list[AttentionItem] = []
        self._shown_language = ""  # the language the rows were last written in
        self.list = QListWidget(self)
        self.list.setObjectName("attentionList")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        # Wrapped rows of different heights are measured one by one; with hundreds of rows (a ten-year plan) a
        # relayout of the window blocked it for 0.1 s. In batches, the rest is laid out between other events.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(40)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(self)
        self.empty.setObjectName("attentionEmpty")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("attentionAction")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._update_button)
        self.list.itemActivated.connect(lambda _item: self.request_action())
        self.action_button.clicked.connect(self.request_action)
        self._retranslate()
        self.show_items([])

    def show_items(self, items: list[AttentionItem]) -> None:
        """Put ``items`` in; the selected item stays selected while it lasts (its ``key``)."""
        language = current_language()
        if items == self.items and language == self._shown_language and self.list.count() == len(items):
            return  # nothing new: a ten-year plan lists hundreds of rows, and rebuilding them blocks the window
        self._shown_language = language
        current = self.current_item()
        keep = current.key if current is not None else None
        self.items = list(items)
        self.list.clear()
        for item in self.items:
            row = QListWidgetItem(self._row_text(item), self.list)
            row.setData(ITEM_ROLE, item.key)
            row.setToolTip(render(item.action))  # a tooltip is rich text when it looks like markup: ours is not
        keys = [i.key for i in self.items]
        self.list.setCurrentRow(keys.index(keep) if keep in keys else (0 if keys else -1))
        self.stack.setCurrentWidget(self.list if self.items else self.empty)
        self._update_button()

    def _row_text(self, item: AttentionItem) -> str:
        return f"{kind_label(item.kind)} · {item.message}"

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), HEIGHT)

    def current_item(self) -> AttentionItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def request_action(self) -> None:
        item = self.current_item()
        if item is not None:
            self.action_requested.emit(item, self.action_button)

    def _update_button(self) -> None:
        item = self.current_item()
        self.action_button.setVisible(item is not None)
        if item is not None:
            self.action_button.setText(render(item.action))

    def _retranslate(self) -> None:
        self.empty.setText(self.tr("All is well: nothing needs attention."))
        for row, item in enumerate(self.items):
            self.list.item(row).setText(self._row_text(item))
            self.list.item(row).setToolTip(render(item.action))
        self._update_button()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
