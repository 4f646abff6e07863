"""The "E-mail the department…" feature of the window shell (``ui.shell``): a slot's menu asks for one of the
three e-mails (``CalendarPage.email_requested``: with the brief, a reminder before the material deadline, a
note after a missed one); this asks where to save the ``.eml`` (a file dialog opened with ``open()``), writes
it through ``services.reminders.write_email`` on the WRITE lane (it writes the brief PDF and kit it attaches,
and an audit entry), and ends in a status line with an "Open the folder" button: the person opens the draft
in Outlook or Thunderbird and sends it from there. A refusal (no e-mail address for the department, none for
the comms contact, no deadline to remind of) is said like any other problem (``Shell.report_problem``).

The e-mail is in Bokmål, the language the department's brief is written in by default.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QDir, QObject, Qt
from PySide6.QtWidgets import QFileDialog

from takeover_planner.ui.tasks import WRITE

if TYPE_CHECKING:
    from takeover_planner.errors import TakeoverError
    from takeover_planner.services.reminders import EmailDraft
    from takeover_planner.ui.shell import Shell

_NAME_PREFIX = {"brief": "epost-oppdragsbrev", "reminder": "epost-paaminnelse", "missed": "epost-frist-passert"}


def default_name(kind: str, slot_id: int, department: str) -> str:
    """``epost-paaminnelse-12-biblioteket.eml``: kind, slot and department, safe as a file name everywhere."""
    words = "".join(c if c.isalnum() and c.isascii() else " " for c in department.lower()).split()
    return "-".join([_NAME_PREFIX[kind], str(slot_id), *words]) + ".eml"


class EmailHook(QObject):
    name: ClassVar[str] = "emails"
    needs: ClassVar[tuple[str, ...]] = ()

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.setObjectName("emailHook")
        self.shell = shell
        self.folder: Path | None = None  # where the last e-mail went: the next one is suggested there
        self.dialog: QFileDialog | None = None
        self.last: EmailDraft | None = None
        shell.page.email_requested.connect(self.ask_where)
        shell.database_closing.connect(self._close_dialog)

    def ask_where(self, slot_id: int, kind: str) -> QFileDialog | None:
        slot = self.shell.store.slot(slot_id)
        if self.shell.ctx is None:
            return None
        self._close_dialog()
        name = default_name(kind, slot_id, slot.department if slot is not None else "")
        folder = self.folder or Path(QDir.homePath())
        dialog = QFileDialog(self.shell.window, self.tr("Save the e-mail"), str(folder / name),
                             self.tr("E-mail drafts (*.eml)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("eml")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.fileSelected.connect(lambda path: self.write(slot_id, kind, Path(path)))
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def write(self, slot_id: int, kind: str, out: Path) -> None:
        """Write the e-mail to ``out`` in the background; the status line says where it went."""
        ctx = self.shell.ctx
        if ctx is None:
            return

        def work() -> EmailDraft:
            from takeover_planner.services.reminders import EmailKind, write_email

            return write_email(ctx, slot_id, out, kind=EmailKind(kind))

        self.shell.show_status(self.tr("Writing the e-mail…"))
        self.shell.runner.op(work).lane(WRITE).on_done(self._on_written).on_error(self._on_refused).run()

    def _on_written(self, draft: EmailDraft) -> None:
        self.last = draft
        self.folder = draft.path.parent
        self.shell.show_status(
            self.tr("The e-mail to %1 is saved as %2: open it to send it.").replace("%1", draft.to).replace(
                "%2", draft.path.name), folder=draft.path.parent)

    def _on_refused(self, problem: TakeoverError) -> None:
        self.shell.report_problem(problem)

    def _forget(self, dialog: QFileDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
