"""Help ▸ Keyboard shortcuts: every key of the planner in one table (issue 16).

Three parts: the calendar's own keys (the day cursor, ranges, slots: ``ui/calendar/grid_view.py``), the keys of
windows and dialogs, and every menu command that has a shortcut, read from the window's menu bar when the table
opens, so a feature's new shortcut is listed without anyone remembering to add it here. Key names are words where a
keyboard prints words (Shift, Enter, Esc) and translated where Bokmål has its own (Mellomrom, Menytasten)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class KeyRow:
    where: str  # the part of the app the keys work in
    keys: str
    what: str  # what they do


def calendar_rows() -> list[KeyRow]:
    where = QCoreApplication.translate("KeyboardMap", "Calendar (month and week)")
    rows = [
        (QCoreApplication.translate("KeyboardMap", "Arrow keys"), QCoreApplication.translate("KeyboardMap", "Move the day cursor a day or a week")),
        (QCoreApplication.translate("KeyboardMap", "Home / End"), QCoreApplication.translate("KeyboardMap", "First / last day of the week row")),
        (QCoreApplication.translate("KeyboardMap", "Page Up / Page Down"), QCoreApplication.translate("KeyboardMap", "Previous / next month (in the week view: week)")),
        (QCoreApplication.translate("KeyboardMap", "Shift + arrow keys, Home, End, Page Up, Page Down"), QCoreApplication.translate("KeyboardMap", "Mark a range of days")),
        (QCoreApplication.translate("KeyboardMap", "Enter"), QCoreApplication.translate("KeyboardMap", "Book the marked days or the cursor's day; on a selected slot: open it")),
        (QCoreApplication.translate("KeyboardMap", "Tab / Shift+Tab"), QCoreApplication.translate("KeyboardMap", "Next / previous slot in date order, then on to the next control")),
        (QCoreApplication.translate("KeyboardMap", "Space"), QCoreApplication.translate("KeyboardMap", "Select the slots of the cursor's day, one after the other")),
        (QCoreApplication.translate("KeyboardMap", "Shift+F10 / Menu key"), QCoreApplication.translate("KeyboardMap", "The selected slot's menu: edit, review, brief, e-mail, status")),
        (QCoreApplication.translate("KeyboardMap", "Delete"), QCoreApplication.translate("KeyboardMap", "Cancel the selected slot (asks for the reason)")),
        (QCoreApplication.translate("KeyboardMap", "Esc"), QCoreApplication.translate("KeyboardMap", "Drop the marked days")),
    ]
    return [KeyRow(where, keys, what) for keys, what in rows]


def window_rows() -> list[KeyRow]:
    where = QCoreApplication.translate("KeyboardMap", "Windows and dialogs")
    rows = [
        (QCoreApplication.translate("KeyboardMap", "Tab / Shift+Tab"), QCoreApplication.translate("KeyboardMap", "Next / previous control")),
        (QCoreApplication.translate("KeyboardMap", "Alt + underlined letter"), QCoreApplication.translate("KeyboardMap", "The menu or field with that letter")),
        (QCoreApplication.translate("KeyboardMap", "Arrow keys"), QCoreApplication.translate("KeyboardMap", "In the view switch: month, week or agenda")),
        (QCoreApplication.translate("KeyboardMap", "Esc"), QCoreApplication.translate("KeyboardMap", "Close a dialog without saving")),
        (QCoreApplication.translate("KeyboardMap", "Ctrl+W / Esc"), QCoreApplication.translate("KeyboardMap", "Close the insights or review window")),
    ]
    return [KeyRow(where, keys, what) for keys, what in rows]


def menu_rows(menu_bar: QMenuBar) -> list[KeyRow]:
    """Every menu command with a shortcut, under its menu's name, in menu order."""
    found: list[KeyRow] = []

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, where)
            elif not action.isSeparator() and action.shortcuts():
                keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                found.append(KeyRow(where, keys, _plain(action.text())))

    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, QCoreApplication.translate("KeyboardMap", "Menu: %1").replace("%1", _plain(top.text())))
    return found


def _plain(text: str) -> str:
    """A menu text without its mnemonic marks ("&Find…" → "Find…"; "&&" stays one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def all_rows(menu_bar: QMenuBar | None) -> list[KeyRow]:
    return calendar_rows() + window_rows() + (menu_rows(menu_bar) if menu_bar is not None else [])


class KeyboardMapDialog(QDialog):
    """The table of keys; Esc or Close closes it."""

    def __init__(self, parent: QWidget | None, rows: list[KeyRow]) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardMap")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Everything in the planner can be done from the keyboard. These keys work:"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("What they do")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for row, item in enumerate(rows):
            for column, text in enumerate((item.where, item.keys, item.what)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)  # a long text that wraps badly can still be read whole
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.setFocus()

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as text (tests read it)."""
        return [(self._text(r, 0), self._text(r, 1), self._text(r, 2)) for r in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


def open_keyboard_map(window: QWidget, menu_bar: QMenuBar | None) -> KeyboardMapDialog:
    dialog = KeyboardMapDialog(window, all_rows(menu_bar))
    dialog.open()
    return dialog
