"""The review screen for one slot: frames on the left, the phone preview in the middle, the frame's facts and
the review actions on the right, the slot's audit trail below. All database work runs through the TaskRunner;
the window only ever touches widgets in callbacks on the GUI thread.

The screen follows changes made elsewhere (a consent withdrawn on the command line, a colleague's approval):
whoever watches the database calls ``refresh_soon`` (the planner window does on every reload its live updates
start), and the story is read again keeping the selected frame, the list's scroll position and whatever is
typed in the comment and approver fields."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.errors import TakeoverError
from takeover_planner.media.fix_types import FixOptions
from takeover_planner.services.context import AppContext
from takeover_planner.services.previews import preview_jpeg
from takeover_planner.services.split_parts import story_part_labels
from takeover_planner.services.story_views import FrameInfo
from takeover_planner.ui.i18n import date_text, datetime_text, range_text
from takeover_planner.ui.review.models import AuditModel, FrameListModel, state_label
from takeover_planner.ui.review.phone_preview import PhonePreview
from takeover_planner.ui.review.video import VideoControl
from takeover_planner.ui.tasks import WRITE, TaskRunner
from takeover_planner.ui.theme import apply_theme
from takeover_planner.ui.window_keys import (
    ask_before_discarding,
    close_button,
    install_close_keys,
    retranslate_close_button,
)

if TYPE_CHECKING:
    from takeover_planner.services.audit import AuditEntry
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.packages import ImportResult
    from takeover_planner.services.page_accounts import ChannelState
    from takeover_planner.services.split_parts import SplitFrames
    from takeover_planner.services.stories import BulkResult

T = TypeVar("T")

FOLLOW_MS = 300  # changes made elsewhere come in bursts (an import, a bulk approval): the story is read once


def _label(parent: QWidget, name: str = "") -> QLabel:
    """A value's label: plain text (frame texts, credits and file names come from the department), unless
    the caller makes it rich and escapes what goes in."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class ReviewWindow(QMainWindow):
    """Review one slot's story. ``reviewed`` is emitted after every change, with the slot's id."""

    reviewed = Signal(int)

    def __init__(self, ctx: AppContext, runner: TaskRunner, slot_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.slot_id = ctx, runner, slot_id
        self.setObjectName("reviewWindow")
        self.resize(1280, 820)
        self._frame_id: int | None = None
        self._preview_for: str | None = None
        self.fix_options: FixOptions | None = None  # "Fix it"'s settings (None: the media layer's defaults)
        self._restoring = False  # while fresh frames go in, the list's passing "no current row" is not shown
        self.discard_box: QMessageBox | None = None  # asking whether a typed comment may go (closing with one)
        self._follow = QTimer(self)
        self._follow.setObjectName("reviewFollowTimer")
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(self.reload)
        self._build()
        apply_theme(self)
        self._retranslate()
        self.reload()

    # --- layout ---------------------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        top = QHBoxLayout()
        self.title = QLabel(central)
        self.title.setObjectName("periodTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the department's name, as typed
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        self.approver_caption = QLabel(central)
        self.approver = QLineEdit(self.ctx.actor, central)
        self.approver.setMaximumWidth(220)
        self.approver_caption.setBuddy(self.approver)
        self.import_button = QPushButton(central)
        self.import_button.clicked.connect(self._on_import_clicked)
        top.addWidget(self.approver_caption)
        top.addWidget(self.approver)
        top.addWidget(self.import_button)
        self.close_button = close_button(self, central)  # Ctrl+W and Esc close the window too (issue 16)
        top.addWidget(self.close_button)
        install_close_keys(self)
        outer.addLayout(top)
        self.message = _label(central, "errorText")
        self.message.hide()
        outer.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Horizontal, central)
        self.frames = FrameListModel(self)
        self.frame_list = QListView(split)
        self.frame_list.setModel(self.frames)
        self.frame_list.setObjectName("frameList")
        self.frame_list.setMinimumWidth(240)
        self.frame_list.setSpacing(2)
        self.frame_list.selectionModel().currentChanged.connect(self._on_current_changed)

        middle = QWidget(split)
        mid = QVBoxLayout(middle)
        self.preview = PhonePreview(middle)
        mid.addWidget(self.preview, 1)
        controls = QHBoxLayout()
        self.safe_zones = QCheckBox(middle)
        self.safe_zones.setChecked(True)
        self.safe_zones.toggled.connect(self.preview.set_safe_zones)
        controls.addWidget(self.safe_zones)
        self.video = VideoControl(self.preview, middle)
        controls.addWidget(self.video.button)
        mid.addLayout(controls)

        details_scroll = QScrollArea(split)
        details_scroll.setWidgetResizable(True)
        details = QWidget(details_scroll)
        details_scroll.setWidget(details)
        form_box = QVBoxLayout(details)
        self.state = _label(details, "dialogHeading")
        form_box.addWidget(self.state)
        form = QFormLayout()
        self.when_caption, self.when = QLabel(details), _label(details)
        self.text_caption, self.text = QLabel(details), _label(details)
        # Highlighted (object name "warning") only while the frame has a sticker: see _show_sticker.
        self.sticker_caption, self.sticker = QLabel(details), _label(details)
        self.credit_caption, self.credit = QLabel(details), _label(details)
        self.file_caption, self.file = QLabel(details), _label(details)
        # Each channel's state and reason, shown while the slot goes out on a Facebook Page too.
        self.channels_caption, self.channels = QLabel(details), _label(details)
        for caption, value in ((self.when_caption, self.when), (self.text_caption, self.text),
                               (self.sticker_caption, self.sticker), (self.credit_caption, self.credit),
                               (self.file_caption, self.file), (self.channels_caption, self.channels)):
            form.addRow(caption, value)
        form_box.addLayout(form)
        self.findings_caption = _label(details, "caption")
        self.findings = _label(details)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.fix_button = QPushButton(details)
        self.fix_button.clicked.connect(self._on_fix_clicked)
        self.consent_caption = _label(details, "caption")
        self.consent = _label(details)
        self.consent.setTextFormat(Qt.TextFormat.RichText)
        self.comment_caption = _label(details, "caption")
        self.comment = QPlainTextEdit(details)
        self.comment.setObjectName("reviewComment")
        self.comment.setMaximumHeight(80)
        self.approve_button = QPushButton(details)
        self.approve_button.setObjectName("primary")
        self.approve_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.changes_button = QPushButton(details)
        self.changes_button.clicked.connect(self.request_changes_selected)
        self.approve_all_button = QPushButton(details)
        self.approve_all_button.clicked.connect(self.approve_all)
        self.changes_all_button = QPushButton(details)
        self.changes_all_button.clicked.connect(self.request_changes_all)
        for widget in (self.findings_caption, self.findings, self.fix_button, self.consent_caption, self.consent,
                       self.comment_caption, self.comment):
            form_box.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.changes_button)
        form_box.addLayout(buttons)
        bulk = QHBoxLayout()
        bulk.addWidget(self.approve_all_button)
        bulk.addWidget(self.changes_all_button)
        form_box.addLayout(bulk)
        form_box.addStretch(1)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 3)

        vertical = QSplitter(Qt.Orientation.Vertical, central)
        vertical.addWidget(split)
        trail_box = QWidget(vertical)
        trail_layout = QVBoxLayout(trail_box)
        trail_layout.setContentsMargins(0, 0, 0, 0)
        self.trail_caption = _label(trail_box, "caption")
        trail_layout.addWidget(self.trail_caption)
        self.trail = AuditModel(self)
        self.trail_view = QTableView(trail_box)
        self.trail_view.setModel(self.trail)
        self.trail_view.verticalHeader().hide()
        self.trail_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.trail_view.horizontalHeader().setStretchLastSection(True)
        trail_layout.addWidget(self.trail_view)
        vertical.setStretchFactor(0, 4)
        vertical.setStretchFactor(1, 1)
        outer.addWidget(vertical, 1)
        self.setCentralWidget(central)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Review story – slot #%1").replace("%1", str(self.slot_id)))
        self.approver_caption.setText(self.tr("&Approver:"))
        self.import_button.setText(self.tr("&Import submission…"))
        retranslate_close_button(self.close_button)
        self.safe_zones.setText(self.tr("Show &safe zones"))
        self.when_caption.setText(self.tr("Planned"))
        self.text_caption.setText(self.tr("On-screen text"))
        self.sticker_caption.setText(self.tr("Sticker"))
        self.credit_caption.setText(self.tr("Credit"))
        self.file_caption.setText(self.tr("File"))
        self.channels_caption.setText(self.tr("Channels"))
        self.findings_caption.setText(self.tr("Findings"))
        self.fix_button.setText(self.tr("&Fix it (make a compliant copy)"))
        self.consent_caption.setText(self.tr("Consent"))
        self.comment_caption.setText(self.tr("Comment to the department"))
        self.comment.setAccessibleName(self.tr("Comment to the department"))  # the caption is no buddy label
        self.approve_button.setText(self.tr("A&pprove"))
        self.changes_button.setText(self.tr("&Request changes"))
        self.approve_all_button.setText(self.tr("Approve &all submitted"))
        self.changes_all_button.setText(self.tr("Request changes on a&ll submitted"))
        self.trail_caption.setText(self.tr("Audit trail"))
        self.video.retranslate()
        self._show_frame(self.selected_frame())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            apply_theme(self)
        super().changeEvent(event)

    # --- loading --------------------------------------------------------------------------------------

    def reload(self, select_frame: int | None = None) -> None:
        from takeover_planner.services import booking, page_accounts, stories

        slot_id, ctx = self.slot_id, self.ctx

        def work() -> tuple[SlotInfo, list[FrameInfo], list[AuditEntry], dict[int, list[ChannelState]]]:
            frames = stories.list_frames(ctx, slot_id)
            # Per channel through the same read as `story list`, so the window and the command line agree.
            return (booking.get_slot(ctx, slot_id), frames, stories.slot_audit_trail(ctx, slot_id),
                    page_accounts.channel_states(ctx, [f.id for f in frames]))

        self.runner.run(work, on_done=lambda result: self._on_loaded(result, select_frame), on_error=self._show_problem)

    def refresh_soon(self) -> None:
        """The database changed somewhere else: read the story again once the burst has settled (at once with
        the tests' inline runner). A closed window does not read (opening the screen again reads afresh)."""
        if not self.isVisible():
            return
        if self.runner.inline:
            self.reload()
        else:
            self._follow.start()  # restarts: a burst of changes makes one read

    def _on_loaded(self, result: tuple[SlotInfo, list[FrameInfo], list[AuditEntry], dict[int, list[ChannelState]]],
                   select_frame: int | None) -> None:
        slot, frames, trail, channels = result
        self.title.setText(f"{slot.department} · {slot.account} · {range_text(slot.start, slot.end)}")
        keep = select_frame if select_frame is not None else self._frame_id
        # Where the person was: the lists' scroll positions are put back after the fresh rows are in.
        list_scroll = self.frame_list.verticalScrollBar().value()
        trail_scroll = self.trail_view.verticalScrollBar().value()
        self._restoring = True
        try:
            self.frames.set_frames(frames, channels)
            self.trail.set_entries(trail)
            row = self.frames.row_of(keep) if keep is not None else -1
            if row < 0 and frames:
                row = 0
            if row >= 0:
                self.frame_list.selectionModel().setCurrentIndex(
                    self.frames.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._restoring = False
        if select_frame is None:
            self.frame_list.verticalScrollBar().setValue(list_scroll)
        self.trail_view.verticalScrollBar().setValue(trail_scroll)
        self._show_frame(self.selected_frame())

    def number(self, frame: FrameInfo) -> int:
        """The frame's place in the story as people count, from 1 ("Frame 1 of 8"), whatever positions the
        stored frames were given."""
        ids = [f.id for f in self.frames.frames()]
        return ids.index(frame.id) + 1 if frame.id in ids else frame.position

    def selected_frame(self) -> FrameInfo | None:
        if not hasattr(self, "frame_list"):
            return None
        index = self.frame_list.currentIndex()
        return self.frames.frame(index.row()) if index.isValid() else None

    def select_frame(self, frame_id: int) -> None:
        row = self.frames.row_of(frame_id)
        if row >= 0:
            self.frame_list.selectionModel().setCurrentIndex(
                self.frames.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return  # _on_loaded shows the kept frame once the fresh rows are in (no blank flash, no preview reload)
        self._show_frame(self.frames.frame(current.row()) if current.isValid() else None)

    def _show_frame(self, frame: FrameInfo | None) -> None:
        self._frame_id = frame.id if frame is not None else None
        has = frame is not None
        for widget in (self.approve_button, self.changes_button, self.fix_button):
            widget.setEnabled(has)
        if frame is None:
            self.state.setText(self.tr("No frames yet. Import a submission package to start."))
            for label in (self.when, self.text, self.sticker, self.credit, self.file, self.findings, self.consent,
                          self.channels):
                label.clear()
            self._set_highlight(self.sticker, False)
            self.preview.set_image(None)
            self.video.set_source(None)
            return
        state = self.tr("Frame %1 of %2: %3").replace("%1", str(self.number(frame))) \
            .replace("%2", str(len(self.frames.frames()))).replace("%3", state_label(frame.state))
        part = story_part_labels(self.frames.frames()).get(frame.id)
        self.state.setText(f"{state} · {part.text}" if part is not None else state)
        self.when.setText(datetime_text(frame.planned_at) if frame.planned_at
                          else self.tr("No time planned"))
        self.text.setText(frame.text or "–")
        self._show_sticker(frame)
        self.credit.setText(frame.credit or self.tr("No credit given"))
        self._show_file(frame)
        channels = self.frames.channels(frame.id)
        self.channels.setText(channels)
        self.channels.setVisible(bool(channels))
        self.channels_caption.setVisible(bool(channels))
        self._show_consent(frame)
        self._load_preview(frame)

    def _show_sticker(self, frame: FrameInfo) -> None:
        if frame.manual_only:
            self.sticker.setText(self.tr("%1 sticker: %2. This frame must be posted by hand.")
                                 .replace("%1", frame.sticker_kind).replace("%2", frame.sticker_value))
        else:
            self.sticker.setText(self.tr("None"))
        self._set_highlight(self.sticker, frame.manual_only)

    @staticmethod
    def _set_highlight(label: QLabel, on: bool) -> None:
        name = "warning" if on else ""
        if label.objectName() != name:
            label.setObjectName(name)
            # The style sheet matched the old name; polish again so the label is drawn by the new one.
            label.style().unpolish(label)
            label.style().polish(label)
            label.update()

    def _show_file(self, frame: FrameInfo) -> None:
        asset = frame.published_file
        if asset is None:
            self.file.setText(self.tr("No file"))
            self.findings.clear()
            self.fix_button.setEnabled(False)
            return
        size = f"{asset.display_width}×{asset.display_height}" if asset.display_width else ""
        fixed = self.tr(" (fixed copy of %1)").replace("%1", frame.original.original_name) if (
            frame.derivative is not None and frame.original is not None) else ""
        self.file.setText(f"{asset.original_name}{fixed}\n{asset.format} {size}".strip())
        language = _language()
        items = []
        for finding in asset.findings or ():
            text = finding.get("message_nb" if language == "nb" else "message_en") or finding.get("rule", "")
            error = finding.get("severity") == "error"
            colour = "#b3261e" if error else "#a15c00"
            badge = self.tr("Error") if error else self.tr("Advice")
            items.append(f"<li><b style='color:{colour}'>{badge}:</b> {_escape(str(text))}</li>")
        if asset.findings is None:
            not_checked = self.tr("Not checked yet.")  # outside the f-string: lupdate does not read inside one
            items.append(f"<li>{not_checked}</li>")
        self.findings.setText(f"<ul style='margin-left:-20px'>{''.join(items)}</ul>" if items
                              else self.tr("No findings: the file meets every rule."))
        fixable = frame.derivative is None and any(f.get("fixable") for f in asset.findings or ())
        self.fix_button.setEnabled(fixable and frame.state.value not in ("published",))

    def _show_consent(self, frame: FrameInfo) -> None:
        lines = []
        if not frame.shows_people:
            lines.append(self.tr("Shows no identifiable people."))
        for c in frame.consents:
            until = self.tr(", valid until %1").replace("%1", date_text(c.valid_until)) if c.valid_until else ""
            given = self.tr("guardian") if c.given_by == "guardian" else self.tr("the person")
            text = self.tr("%1 – form %2, given by %3%4").replace("%1", _escape(c.subject)).replace(
                "%2", _escape(c.reference or "–")).replace("%3", given).replace("%4", until)
            if c.withdrawn_at:
                text += " <b style='color:#b3261e'>" + self.tr("WITHDRAWN") + "</b>"
            lines.append(text)
        language = _language()
        for problem in frame.consent_problems():
            lines.append(f"<span style='color:#b3261e'>{_escape(problem.text(language))}</span>")
        if frame.shows_people and not frame.consent_problems():
            complete = self.tr("Consent is complete.")  # outside the f-string, so lupdate finds it
            lines.append(f"<span style='color:#2e7d32'>{complete}</span>")
        self.consent.setText("<br>".join(lines))

    def _load_preview(self, frame: FrameInfo) -> None:
        from takeover_planner.services.story_media import stored_path
        from takeover_planner.services.text_preview import text_overlay_for

        asset = frame.published_file
        self.preview.set_text_overlay(text_overlay_for(self.ctx, frame))  # the text as it will be burned in
        if asset is None:
            self.preview.set_image(None, self.tr("No file"))
            self.video.set_source(None)
            return
        path = stored_path(self.ctx, asset.sha256)
        self.video.set_source(path if asset.kind == "video" else None)
        if self._preview_for == asset.sha256 and self.preview.image() is not None:
            return
        self._preview_for = asset.sha256
        self.preview.set_image(None, self.tr("Loading…"))

        def done(data: bytes | None, sha: str = asset.sha256) -> None:
            if self._preview_for != sha:
                return  # the user moved on meanwhile
            image = QImage.fromData(data) if data else None
            self.preview.set_image(image, self.tr("This file cannot be shown."))

        self.runner.run(lambda: preview_jpeg(path), on_done=done, on_error=self._show_problem)

    # --- actions --------------------------------------------------------------------------------------

    def _approver(self) -> str:
        return self.approver.text().strip()

    def _write(self, work: Callable[[], T], success: str | Callable[[T], str], select: int | None = None) -> None:
        self.message.hide()

        def done(result: T) -> None:
            text = success(result) if callable(success) else success
            self.statusBar().showMessage(text, 8000)
            self.reviewed.emit(self.slot_id)
            self.reload(select)

        self.runner.run(work, on_done=done, on_error=self._show_problem, kind=WRITE)

    def _show_problem(self, exc: TakeoverError) -> None:
        self.message.setText(exc.message)
        self.message.show()
        self.reload()

    def approve_selected(self) -> None:
        from takeover_planner.services import stories

        frame = self.selected_frame()
        if frame is None:
            return
        ctx, by, comment = self.ctx, self._approver(), self.comment.toPlainText()
        self._write(lambda: stories.approve(ctx, frame.id, by=by, comment=comment),
                    self.tr("Frame %1 approved.").replace("%1", str(self.number(frame))), frame.id)
        self.comment.clear()

    def request_changes_selected(self) -> None:
        from takeover_planner.services import stories

        frame = self.selected_frame()
        if frame is None:
            return
        ctx, by, comment = self.ctx, self._approver(), self.comment.toPlainText()
        self._write(lambda: stories.request_changes(ctx, frame.id, by=by, comment=comment),
                    self.tr("Changes requested on frame %1.").replace("%1", str(self.number(frame))), frame.id)
        self.comment.clear()

    def _bulk_text(self, result: BulkResult) -> str:
        text = self.tr("%1 frame(s) done.").replace("%1", str(len(result.done)))
        if result.refused:
            text += " " + self.tr("Not done: %1").replace("%1", " ".join(f"#{k}: {v}" for k, v in result.refused.items()))
            self.message.setText(text)
            self.message.show()
        return text

    def approve_all(self) -> None:
        from takeover_planner.services import stories

        ctx, slot_id, by, comment = self.ctx, self.slot_id, self._approver(), self.comment.toPlainText()
        self._write(lambda: stories.approve_all(ctx, slot_id, by=by, comment=comment), self._bulk_text)

    def request_changes_all(self) -> None:
        from takeover_planner.services import stories

        ctx, slot_id, by, comment = self.ctx, self.slot_id, self._approver(), self.comment.toPlainText()
        self._write(lambda: stories.request_changes_all(ctx, slot_id, by=by, comment=comment), self._bulk_text)
        self.comment.clear()

    def _on_fix_clicked(self) -> None:
        from takeover_planner.services.split_parts import split_story_frame

        frame = self.selected_frame()
        if frame is None or frame.original is None:
            return
        ctx, options = self.ctx, self.fix_options

        def done_text(result: SplitFrames) -> str:
            if result.parts == 1:
                return self.tr("Fixed copy made; the original is kept.")
            return self.tr("The video was split into %1 parts, each a frame of its own; the original is kept.") \
                .replace("%1", str(result.parts))

        self.statusBar().showMessage(self.tr("Making a compliant copy…"))
        self._write(lambda: split_story_frame(ctx, frame, "pad", options), done_text, frame.id)

    def _on_import_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Import submission package"))
        dialog.setNameFilter(self.tr("Submission packages (*.zip)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.import_package(Path(name)))
        dialog.open()

    def import_package(self, path: Path) -> None:
        from takeover_planner.services.packages import import_submission

        ctx = self.ctx

        def done_text(result: ImportResult) -> str:
            if result.slot_id != self.slot_id:
                self.slot_id = result.slot_id
                self._retranslate()
            return self.tr("Imported %1 frame(s) from %2.").replace("%1", str(len(result.frame_ids))).replace(
                "%2", result.contributor)

        self._write(lambda: import_submission(ctx, path), done_text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.has_unsent_comment():
            event.ignore()  # Esc, Ctrl+W or Close must not throw a typed comment away unasked
            self._ask_before_discarding_comment()
            return
        self._follow.stop()
        self.video.stop()
        super().closeEvent(event)

    def has_unsent_comment(self) -> bool:
        return bool(self.comment.toPlainText().strip())

    def ask_before_quitting(self, then: Callable[[], object]) -> None:
        """The planner is quitting with a comment typed here: this window comes to the front and asks the question
        Esc asks; "Discard the comment" closes it and calls ``then`` (the quit goes on), "Keep writing" stops it."""
        self.show()
        self.raise_()
        self.activateWindow()
        self._ask_before_discarding_comment(then)

    def _ask_before_discarding_comment(self, then: Callable[[], object] | None = None) -> None:
        if self.discard_box is not None:
            return  # already asking (Esc pressed twice)

        def discard() -> None:
            self.discard_box = None
            self.comment.clear()
            self.close()
            if then is not None:
                then()

        def keep() -> None:
            self.discard_box = None
            self.comment.setFocus(Qt.FocusReason.OtherFocusReason)

        self.discard_box = ask_before_discarding(self, discard, keep)


def _language() -> str:
    """The UI language for messages the core gives in both languages."""
    return "nb" if QLocale().language() == QLocale.Language.NorwegianBokmal else "en"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_review_window(ctx: AppContext, runner: TaskRunner, slot_id: int, parent: QWidget | None = None) -> ReviewWindow:
    """Open (and show) the review screen for a slot; the caller keeps the returned window alive."""
    window = ReviewWindow(ctx, runner, slot_id, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    window.show()
    return window
