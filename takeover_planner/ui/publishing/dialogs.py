"""The Publish menu's dialogs: set an account's token, make a hand-off pack for a slot, mark frames posted
by hand. Each calls its service on a worker thread and shows a refusal in the dialog, which stays open.

Tokens: the field is a password field, the token goes straight to ``publishing_service.set_token`` (which
keeps it in the OS keyring only) and the field is emptied afterwards; nothing here logs it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, QDir, QEvent, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.domain.timekeeping import OSLO, now_utc, to_oslo
from takeover_planner.errors import TakeoverError
from takeover_planner.ui.i18n import datetime_text, pydate, qdate
from takeover_planner.ui.tasks import READ, WRITE, Lane, TaskRunner

if TYPE_CHECKING:
    from pathlib import Path

    from takeover_planner.publishing.handoff import PackResult
    from takeover_planner.publishing.publisher import FrameToPublish
    from takeover_planner.services.context import AppContext
    from takeover_planner.services.publishing_service import TokenInfo
    from takeover_planner.ui.planner_store import PlannerStore

TOKEN_DAYS = 60  # Instagram Login's long-lived tokens


class ServiceDialog(QDialog):
    """A form, an error line and buttons; ``_call`` runs a service and hands back its answer."""

    def __init__(self, parent: QWidget | None, store: PlannerStore, runner: TaskRunner) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.store = store
        self.runner = runner
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("muted")
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.layout_.addWidget(self.error)
        self.setMinimumWidth(600)  # wide enough for the Bokmål lines in the frame list (issue 16: nothing clipped)

    def _ctx(self) -> AppContext | None:
        return self.store.ctx

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _call(self, work: Any, done: Any, kind: Lane = WRITE) -> None:
        self.error.hide()

        def failed(exc: TakeoverError) -> None:
            self.show_error(exc.message)

        self.runner.run(work, on_done=done, on_error=failed, kind=kind)

    def changeEvent(self, event: QEvent) -> None:
        # Each dialog below sets its texts in _retranslate (once its widgets exist, i.e. has "buttons").
        retranslate = getattr(self, "_retranslate", None)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons") and retranslate is not None:
            retranslate()
        super().changeEvent(event)


class TokenDialog(ServiceDialog):
    token_set = Signal(str)  # the notice about its expiry

    def __init__(self, parent: QWidget | None, store: PlannerStore, runner: TaskRunner,
                 account_id: int | None = None) -> None:
        super().__init__(parent, store, runner)
        self.setObjectName("tokenDialog")
        self.account = QComboBox(self)
        for account in store.accounts:
            self.account.addItem(account.name, account.id)
        if account_id is not None:
            self.account.setCurrentIndex(max(0, self.account.findData(account_id)))
        self.token = QLineEdit(self)
        self.token.setObjectName("token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText)
        self.expires_known = QCheckBox(self)
        self.expires = QDateEdit(self)
        self.expires.setCalendarPopup(True)
        self.expires.setDate(qdate(dt.date.today() + dt.timedelta(days=TOKEN_DAYS)))
        self.expires.setEnabled(False)
        self.expires_known.toggled.connect(self.expires.setEnabled)
        expiry = QHBoxLayout()
        expiry.addWidget(self.expires_known)
        expiry.addWidget(self.expires, 1)
        self.account_label, self.token_label, self.expires_label = QLabel(self), QLabel(self), QLabel(self)
        self.form.addRow(self.account_label, self.account)
        self.form.addRow(self.token_label, self.token)
        self.form.addRow(self.expires_label, expiry)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.finished.connect(lambda _r: self.token.clear())
        self._retranslate()

    def save(self) -> None:
        ctx = self._ctx()
        account_id = self.account.currentData()
        if ctx is None or account_id is None:
            self.show_error(self.tr("Add an account first (Manage ▸ Accounts)."))
            return
        token = self.token.text()
        expires_at = None
        if self.expires_known.isChecked():
            expires_at = dt.datetime.combine(pydate(self.expires.date()), dt.time(12), tzinfo=OSLO).astimezone(dt.UTC)

        def work() -> TokenInfo:
            from takeover_planner.services import publishing_service

            return publishing_service.set_token(ctx, int(account_id), token, expires_at=expires_at)

        def done(info: TokenInfo) -> None:
            self.token.clear()
            text = self.tr("The token for %1 is kept in this computer's keyring.").replace("%1", info.account)
            if info.expires_at is not None:
                text += " " + self.tr("It expires on %1.").replace("%1", datetime_text(to_oslo(info.expires_at)))
            if not info.secure_store:
                text += " " + self.tr("Warning: the keyring chosen on this computer is a plain file.")
            self.token_set.emit(text)
            self.accept()

        self._call(work, done)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set account token"))
        self.intro.setText(self.tr(
            "Paste the account's long-lived access token from Meta. It is kept in this computer's keyring, never "
            "in a file, and sent to Instagram only in the Authorization header."))
        self.account_label.setText(self.tr("&Account"))
        self.account_label.setBuddy(self.account)
        self.token_label.setText(self.tr("&Token"))
        self.token_label.setBuddy(self.token)
        self.expires_label.setText(self.tr("Expires"))
        self.expires.setAccessibleName(self.tr("Expires"))  # the label names the row, not the date field
        self.expires_known.setText(self.tr("on"))
        self.expires_known.setToolTip(self.tr("Leave it off to assume the usual 60 days."))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))


class HandoffDialog(ServiceDialog):
    pack_written = Signal(str)  # a line for the status bar

    def __init__(self, parent: QWidget | None, store: PlannerStore, runner: TaskRunner, slot_id: int,
                 language: str | None = None) -> None:
        """``language``: the checklist's; None (the window's way) is the slot's brief's (``brief_language``)."""
        super().__init__(parent, store, runner)
        self.setObjectName("handoffDialog")
        self.slot_id = slot_id
        self.language = language
        self.pack_result: PackResult | None = None
        self.folder = QLineEdit(self)
        self.choose = QPushButton(self)
        self.choose.clicked.connect(self._on_choose_clicked)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        self.include_all = QCheckBox(self)
        self.folder_label = QLabel(self)
        self.form.addRow(self.folder_label, row)
        self.form.addRow("", self.include_all)
        self.done_text = QLabel(self)
        self.done_text.setWordWrap(True)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_text.hide()
        self.layout_.addWidget(self.done_text)
        self.buttons = QDialogButtonBox(self)
        self.make_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.hide()
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.make_button.clicked.connect(self.make_pack)
        self.open_button.clicked.connect(self.open_checklist)
        self.close_button.clicked.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self._retranslate()

    def _on_choose_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Where should the pack go?"), self.folder.text() or QDir.homePath())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.fileSelected.connect(self.folder.setText)
        dialog.open()

    def make_pack(self) -> None:
        ctx = self._ctx()
        text = self.folder.text().strip()
        if ctx is None:
            return
        if not text:
            self.show_error(self.tr("Choose the folder the pack goes into."))
            return
        from pathlib import Path

        folder: Path = Path(text).expanduser()
        include_all, slot_id, language = self.include_all.isChecked(), self.slot_id, self.language

        def work() -> PackResult:
            from takeover_planner.services import handoff_service

            return handoff_service.build_handoff_pack(ctx, slot_id, folder, include_all=include_all,
                                                      language=language)

        def done(result: PackResult) -> None:
            self.pack_result = result
            count = len(result.entries)
            self.done_text.setText(self.tr("%n frame(s) in the pack in %1. Print the checklist, post the frames "
                                           "in its order, then mark each one: Publish ▸ Mark posted by hand.", "",
                                           count).replace("%1", str(result.folder)))
            self.done_text.show()
            self.open_button.show()
            self.make_button.setEnabled(False)
            self.pack_written.emit(self.tr("Hand-off pack written to %1.").replace("%1", str(result.folder)))

        self._call(work, done)

    def open_checklist(self) -> None:
        if self.pack_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pack_result.checklist)))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hand-off pack for slot #%1").replace("%1", str(self.slot_id)))
        self.intro.setText(self.tr(
            "A hand-off pack holds the frames to post by hand (those with a sticker, or every frame of an account "
            "set to post by hand), numbered in posting order, and a checklist to print. The publishing queue "
            "leaves these frames alone until they are marked as posted."))
        self.folder_label.setText(self.tr("&Folder"))
        self.folder_label.setBuddy(self.folder)
        self.choose.setText(self.tr("&Choose…"))
        self.include_all.setText(self.tr("Put &every approved frame of the slot in the pack"))
        self.make_button.setText(self.tr("&Make the pack"))
        self.open_button.setText(self.tr("&Open the checklist"))
        self.close_button.setText(self.tr("Close"))


class PostedByHandDialog(ServiceDialog):
    marked = Signal(str)  # a line for the status bar

    def __init__(self, parent: QWidget | None, store: PlannerStore, runner: TaskRunner, slot_id: int) -> None:
        super().__init__(parent, store, runner)
        self.setObjectName("postedByHandDialog")
        self.slot_id = slot_id
        self.frames = QListWidget(self)
        self.frames.setMinimumHeight(160)
        self.frames.currentRowChanged.connect(self._update_enabled)
        self.who = QLineEdit(self)
        ctx = self._ctx()
        self.who.setText(ctx.actor if ctx is not None else "")
        # Times are the municipality's (Europe/Oslo), whatever this computer's clock zone is.
        oslo = to_oslo(now_utc())
        self.when = QDateTimeEdit(QDateTime(QDate(oslo.year, oslo.month, oslo.day), QTime(oslo.hour, oslo.minute)), self)
        self.when.setCalendarPopup(True)
        self.frames_label, self.who_label, self.when_label = QLabel(self), QLabel(self), QLabel(self)
        self.form.addRow(self.frames_label, self.frames)
        self.form.addRow(self.who_label, self.who)
        self.form.addRow(self.when_label, self.when)
        self.buttons = QDialogButtonBox(self)
        self.mark_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.mark_button.clicked.connect(self.mark)
        self.close_button.clicked.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self._retranslate()
        self.reload()

    def reload(self) -> None:
        ctx = self._ctx()
        if ctx is None:
            return
        slot_id = self.slot_id

        def work() -> list[FrameToPublish]:
            from takeover_planner.services import handoff_service

            return handoff_service.handoff_frames(ctx, slot_id, include_all=True)

        self._call(work, self._show_frames, READ)

    def _show_frames(self, frames: list[FrameToPublish]) -> None:
        self.frames.clear()
        for frame in frames:
            when = datetime_text(to_oslo(frame.planned_at)) if frame.planned_at else self.tr("no time planned")
            text = self.tr("Frame %1 · %2").replace("%1", str(frame.position)).replace("%2", when)
            if frame.sticker_kind:
                text += " · " + self.tr("sticker: %1").replace("%1", frame.sticker_kind)
            if frame.text:
                text += f" · “{frame.text[:40]}”"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, frame.frame_id)
            self.frames.addItem(item)
        if frames:
            self.frames.setCurrentRow(0)
        else:
            self.frames.addItem(self.tr("No approved frame of this slot is waiting to be posted."))
            self.frames.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._update_enabled()

    def selected_frame(self) -> int | None:
        item = self.frames.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def _update_enabled(self, *_args: object) -> None:
        self.mark_button.setEnabled(self.selected_frame() is not None)

    def mark(self) -> None:
        ctx = self._ctx()
        frame_id = self.selected_frame()
        if ctx is None or frame_id is None:
            return
        who = " ".join(self.who.text().split())
        when = self.when.dateTime().toPython()
        at = when.replace(tzinfo=OSLO).astimezone(dt.UTC) if isinstance(when, dt.datetime) else None

        def work() -> int:
            from takeover_planner.services import handoff_service

            handoff_service.mark_posted_by_hand(ctx, frame_id, by=who or None, at=at)
            return frame_id

        def done(marked: int) -> None:
            self.marked.emit(self.tr("Frame #%1 is marked as posted by hand.").replace("%1", str(marked)))
            self.reload()

        self._call(work, done)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Mark posted by hand"))
        self.intro.setText(self.tr(
            "Record who posted a frame from the phone, and when. The frame then counts as published, and the "
            "audit trail keeps the record."))
        self.frames_label.setText(self.tr("&Frame"))
        self.frames_label.setBuddy(self.frames)
        self.who_label.setText(self.tr("Posted &by"))
        self.who_label.setBuddy(self.who)
        self.when_label.setText(self.tr("Posted &at"))
        self.when_label.setBuddy(self.when)
        self.mark_button.setText(self.tr("&Mark as posted"))
        self.close_button.setText(self.tr("Close"))
