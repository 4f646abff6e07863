"""The "Write brief…" feature of the window shell (``ui.shell``): the slot's menu and the details panel ask
for it (``CalendarPage.brief_requested``), this opens the dialog (one at a time), and a brief written ends in a
status line with an "Open the folder" button beside it.

The dialog module (and the brief's layout and PDF code behind it) is imported on first use, so it costs the
window's start nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QDir, QObject

from takeover_planner.domain.slots import SlotStatus

if TYPE_CHECKING:
    from takeover_planner.ui.dialogs.brief_dialog import WriteBriefDialog, WrittenBrief
    from takeover_planner.ui.shell import Shell


class BriefHook(QObject):
    name: ClassVar[str] = "briefs"
    needs: ClassVar[tuple[str, ...]] = ()

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.setObjectName("briefHook")
        self.shell = shell
        self.dialog: WriteBriefDialog | None = None
        self.folder: Path | None = None  # where the last brief went: the next one is suggested there
        self.last: WrittenBrief | None = None
        shell.page.brief_requested.connect(self.open_dialog)
        shell.database_closing.connect(self.database_closing)

    def open_dialog(self, slot_id: int) -> WriteBriefDialog | None:
        ctx = self.shell.ctx
        slot = self.shell.store.slot(slot_id)
        if ctx is None or slot is None or slot.status == SlotStatus.CANCELLED:
            return None
        if self.dialog is not None:
            self.dialog.close()
        from takeover_planner.ui.dialogs.brief_dialog import WriteBriefDialog

        dialog = WriteBriefDialog(self.shell.window, ctx, self.shell.runner, slot, self.folder or Path(QDir.homePath()),
                                  self._on_written)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: WriteBriefDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _on_written(self, result: WrittenBrief) -> None:
        self.last = result
        self.folder = result.package.parent
        slot = self.shell.store.slot(result.slot_id)
        department = slot.department if slot is not None else f"#{result.slot_id}"
        if result.pdf is not None:
            text = self.tr("The brief for %1 is saved as %2, with the PDF beside it.")
        else:
            text = self.tr("The brief for %1 is saved as %2.")
        self.shell.show_status(text.replace("%1", department).replace("%2", result.package.name),
                               folder=result.package.parent)

    def database_closing(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
