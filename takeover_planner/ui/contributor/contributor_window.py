"""The contributor window: for a department's occasional user, one brief, one story, one package.

Top: the takeover (department, account, days) and the material deadline. Middle: the frames as a strip of
thumbnails (drop files on it, drag to reorder) and the selected frame's details. Bottom: who is sending, and
"Save submission". Every file is checked the moment it is added; "Fix it" makes a compliant copy beside the
untouched original. No database is involved: the result is a submission package (see docs/package-format.md).
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QImage, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.errors import TakeoverError
from takeover_planner.intake.manifest import BriefManifest, SubmissionManifest
from takeover_planner.media.fix_types import FitMode, FixOptions
from takeover_planner.media.model import Judgement
from takeover_planner.services.contributor_drafts import ContributorDrafts, Draft, Me
from takeover_planner.services.contributor_work import WorkFrame, to_draft
from takeover_planner.services.previews import preview_jpeg
from takeover_planner.services.split_parts import split_work_frame, work_part_labels
from takeover_planner.texts import Text
from takeover_planner.texts.stories import ContributorText
from takeover_planner.ui.contributor.frame_editor import FrameEditor
from takeover_planner.ui.contributor.frame_preview import FramePreview
from takeover_planner.ui.contributor.frame_strip import FrameStrip
from takeover_planner.ui.i18n import BOKMAAL, ENGLISH, Translations, datetime_text, range_text
from takeover_planner.ui.tasks import WRITE, TaskRunner
from takeover_planner.ui.theme import apply_theme

MEDIA_FILTER = "*.jpg *.jpeg *.heic *.heif *.png *.webp *.avif *.gif *.tif *.tiff *.mp4 *.mov *.m4v"


class ContributorWindow(QMainWindow):
    def __init__(self, runner: TaskRunner, translations: Translations | None = None, *,
                 work_dir: Path | None = None, user_name: str = "", drafts: ContributorDrafts | None = None,
                 text_by_hand: bool = False) -> None:
        super().__init__()
        self.setObjectName("contributorWindow")
        self.runner, self.translations = runner, translations
        self.brief: BriefManifest | None = None
        self.frames: list[WorkFrame] = []
        self.thumbnails: dict[int, QImage] = {}
        self.saved: SubmissionManifest | None = None
        self.cannot_go: QMessageBox | None = None  # the list of frames that cannot go, while it is open
        self.fix_options: FixOptions | None = None  # "Fix it"'s settings (None: the media layer's defaults)
        self.close_question: QMessageBox | None = None  # "not saved yet: close?", while it is open
        self.drafts = drafts
        self._close_confirmed = False
        self._removed: list[list[tuple[int, WorkFrame]]] = []  # what "Undo remove" puts back, newest last
        self._work = Path(tempfile.mkdtemp(prefix="contributor-", dir=work_dir))
        # Every change is written to the brief's draft shortly after it is made (and at closing).
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(800)
        self._autosave.timeout.connect(self.save_draft)
        me = drafts.me() if drafts is not None else Me()
        self.resize(1100, 760)  # fits a 1280×800 screen with its title bar and a panel
        self._text_by_hand = text_by_hand  # this computer posts text frames by hand: no text is burned in
        self._build(user_name or me.name)
        self.email.setText(me.email)
        for field in (self.name, self.email):
            field.textEdited.connect(self._changed)
        self.note.textChanged.connect(self._changed)
        self._build_menus()
        apply_theme(self)
        self._retranslate()

    # --- layout ---------------------------------------------------------------------------------------

    def _build(self, user_name: str) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        self.slot_title = QLabel(central)
        self.slot_title.setObjectName("periodTitle")
        font = self.slot_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.slot_title.setFont(font)
        self.slot_title.setWordWrap(True)
        self.slot_title.setTextFormat(Qt.TextFormat.PlainText)  # from a brief zip: text, never markup
        self.deadline = QLabel(central)
        self.deadline.setObjectName("warning")
        self.deadline.setWordWrap(True)
        self.deadline.setTextFormat(Qt.TextFormat.PlainText)  # from a brief zip: text, never markup
        outer.addWidget(self.slot_title)
        outer.addWidget(self.deadline)
        self.message = QLabel(central)
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # from a brief zip: text, never markup
        self.message.hide()
        outer.addWidget(self.message)

        strip_row = QHBoxLayout()
        self.strip = FrameStrip(central)
        self.strip.files_dropped.connect(self.add_files)
        self.strip.order_changed.connect(self._on_order_changed)
        self.strip.currentRowChanged.connect(self._on_row_changed)
        strip_row.addWidget(self.strip, 1)
        self.add_button = QPushButton(central)
        self.add_button.clicked.connect(self._on_add_clicked)
        strip_row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(strip_row)

        split = QSplitter(Qt.Orientation.Horizontal, central)
        scroll = QScrollArea(split)
        scroll.setWidgetResizable(True)
        self.editor = FrameEditor(scroll)
        scroll.setWidget(self.editor)
        self.editor.changed.connect(self._on_frame_edited)
        self.editor.fix_requested.connect(self.fix_selected)
        self.editor.remove_requested.connect(self.remove_selected)
        self.editor.unfix_requested.connect(self.unfix_selected)
        # The frame as it will look on the phone, its on-screen text set as it will be burned in.
        self.preview = FramePreview(self.runner, split, text_by_hand=self._text_by_hand)
        self.editor.changed.connect(self.preview.text_edited)
        # The guide scrolls too: as a plain label its wrapped text made the window taller than an 800-px screen.
        rules_scroll = QScrollArea(split)
        rules_scroll.setWidgetResizable(True)
        rules_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rules = QLabel(rules_scroll)
        rules_scroll.setWidget(self.rules)
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.rules.setObjectName("muted")
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 2)
        split.setSizes([520, 260, 320])
        outer.addWidget(split, 1)

        sender = QFormLayout()
        self.name = QLineEdit(user_name, central)
        self.email = QLineEdit(central)
        self.note = QPlainTextEdit(central)
        self.note.setMaximumHeight(54)
        self.name_label, self.email_label, self.note_label = QLabel(central), QLabel(central), QLabel(central)
        for label, field in ((self.name_label, self.name), (self.email_label, self.email),
                             (self.note_label, self.note)):
            label.setBuddy(field)
            sender.addRow(label, field)
        bottom = QHBoxLayout()
        bottom.addLayout(sender, 1)
        self.save_button = QPushButton(central)
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self._on_save_clicked)
        bottom.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(bottom)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.open_action = self._action(QKeySequence(QKeySequence.StandardKey.Open), self._on_open_clicked)
        self.add_action = self._action(QKeySequence("Ctrl+I"), self._on_add_clicked)
        self.save_action = self._action(QKeySequence(QKeySequence.StandardKey.Save), self._on_save_clicked)
        self.close_action = self._action(QKeySequence(QKeySequence.StandardKey.Close), self.close)
        for action in (self.open_action, self.add_action, self.save_action, self.close_action):
            self.file_menu.addAction(action)
        self.edit_menu = self.menuBar().addMenu("")
        self.undo_action = self._action(QKeySequence(QKeySequence.StandardKey.Undo), self.undo_remove)
        self.undo_action.setEnabled(False)
        self.edit_menu.addAction(self.undo_action)
        self.language_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.english_action = self._action(None, lambda: self.set_language(ENGLISH), "English")
        self.norwegian_action = self._action(None, lambda: self.set_language(BOKMAAL), "Norsk (bokmål)")
        for action in (self.english_action, self.norwegian_action):
            action.setCheckable(True)
            group.addAction(action)
            self.language_menu.addAction(action)
        language = self.translations.language if self.translations is not None else ENGLISH
        (self.norwegian_action if language == BOKMAAL else self.english_action).setChecked(True)
        self.language_menu.setEnabled(self.translations is not None)

    def _action(self, shortcut: QKeySequence | None, slot: Callable[[], object], text: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def set_language(self, language: str) -> None:
        if self.translations is not None:
            self.translations.apply(language)
            self._remember_me()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "file_menu"):
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            apply_theme(self)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Takeover Planner – your story"))
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open brief…"))
        self.add_action.setText(self.tr("&Add pictures or videos…"))
        self.save_action.setText(self.tr("&Save submission…"))
        self.close_action.setText(self.tr("&Close"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.edit_menu.setTitle(str(Text(ContributorText.EDIT_MENU)))
        self.undo_action.setText(str(Text(ContributorText.UNDO_REMOVE)))
        self.add_button.setText(self.tr("&Add files…"))
        self.strip.setAccessibleName(self.tr("Frames of your story, in order"))
        self.strip.setToolTip(self.tr("Drop pictures and videos here; drag them to change the order."))
        self.name_label.setText(self.tr("Your &name"))
        self.email_label.setText(self.tr("Your &e-mail"))
        self.note_label.setText(self.tr("Message to the &comms team"))
        self.save_button.setText(self.tr("&Save submission…"))
        self.editor.retranslate()
        self._show_brief()

    # --- the brief ------------------------------------------------------------------------------------

    def open_brief(self, path: Path) -> None:
        from takeover_planner.services.submissions import open_brief

        try:
            self.brief = open_brief(Path(path), work_dir=self._work)
        except TakeoverError as exc:
            self._show_problem(exc)
            return
        self.message.hide()
        self._show_brief()
        self._open_draft()
        self._edit(self.selected())

    # --- the draft (services/contributor_drafts.py) --------------------------------------------------------

    def _open_draft(self) -> None:
        """Put back the work kept for this brief, if any; each file is checked again."""
        if self.drafts is None or self.brief is None:
            return
        draft = self.drafts.load(self.brief.brief_uid)
        if draft is None or not draft.frames:
            return
        self.frames = draft.frames
        self.email.setText(self.email.text() or draft.email)
        self.note.blockSignals(True)
        self.note.setPlainText(draft.message)
        self.note.blockSignals(False)
        for frame in self.frames:
            self._check(frame)
        self._refresh_strip()
        self.strip.setCurrentRow(0)
        if draft.saved_at is not None:
            when = Text(ContributorText.DRAFT_OPENED, {"when": draft.saved_at})
            self.statusBar().showMessage(str(when), 15000)

    def _changed(self) -> None:
        """Something in the story changed: the saved package (if any) is out of date, and the draft is due."""
        self.saved = None
        if self.drafts is not None and self.brief is not None:
            self._autosave.start()

    def save_draft(self) -> None:
        """Write the brief's draft and who the contributor is, now."""
        self._autosave.stop()
        if self.drafts is None or self.brief is None:
            return
        self.drafts.save(Draft(self.brief.brief_uid, list(self.frames), self.email.text(), self.note.toPlainText()))
        self._remember_me()

    def _remember_me(self) -> None:
        if self.drafts is not None:
            language = self.translations.language if self.translations is not None else ""
            self.drafts.remember(Me(" ".join(self.name.text().split()), self.email.text().strip(), language))

    def _show_brief(self) -> None:
        brief = self.brief
        enabled = brief is not None
        for widget in (self.strip, self.add_button, self.save_button, self.add_action, self.save_action):
            widget.setEnabled(enabled)
        if brief is None:
            self.slot_title.setText(self.tr("Open the brief you received (File → Open brief…)."))
            self.deadline.hide()
            self.rules.clear()
            return
        s = brief.slot
        days = range_text(s.start, s.end)
        self.slot_title.setText(self.tr("%1 takes over %2 · %3").replace("%1", s.department)
                                .replace("%2", s.account).replace("%3", days))
        if s.material_deadline is not None:
            self.deadline.setText(self.tr("Send your material by %1.").replace(
                "%1", datetime_text(s.material_deadline)))
            self.deadline.show()
        else:
            self.deadline.hide()
        language = self.translations.language if self.translations is not None else ENGLISH
        sections = [(self.tr("The format"), brief.rules.lines(language)),
                    (self.tr("Consent"), brief.consent_rules.lines(language)),
                    (self.tr("Tips"), brief.tips.lines(language))]
        html = "".join(f"<h4>{title}</h4><ul style='margin-left:-20px'>"
                       + "".join(f"<li>{_escape(line)}</li>" for line in lines) + "</ul>" for title, lines in sections)
        self.rules.setText(html)

    # --- frames ---------------------------------------------------------------------------------------

    def selected(self) -> WorkFrame | None:
        row = self.strip.currentRow()
        ids = self.strip.frame_ids()
        if 0 <= row < len(ids):
            return next((f for f in self.frames if f.id == ids[row]), None)
        return None

    def add_files(self, paths: list[Path]) -> None:
        """Add files as new frames, each checked at once (in the background)."""
        if self.brief is None:
            return
        added = []
        for path in paths:
            path = Path(path)
            if not path.is_file():
                continue
            frame = WorkFrame(path, planned_date=self.brief.slot.start)
            self.frames.append(frame)
            added.append(frame)
            self._check(frame)
        self._refresh_strip()
        if added:
            self.strip.select_id(added[0].id)
            self._changed()

    def _check(self, frame: WorkFrame, known: Judgement | None = None) -> None:
        """Judge the frame's file (unless ``known`` already is its verdict) and make its thumbnail."""
        from takeover_planner.services.media_checks import judge_file

        target = frame.fixed or frame.source

        def work() -> tuple[Judgement, bytes | None]:
            return known or judge_file(target), preview_jpeg(target, 400)

        def done(result: tuple[Judgement, bytes | None], frame: WorkFrame = frame) -> None:
            judgement, thumb = result
            frame.judgement = judgement
            if frame.fixed is None:
                frame.original_judgement = judgement
            if thumb:
                self.thumbnails[frame.id] = QImage.fromData(thumb)
            self._refresh_strip()
            if self.selected() is frame:
                self._edit(frame)

        self.runner.run(work, on_done=done, on_error=self._show_problem)

    def fix_selected(self, mode: str = "pad") -> None:
        """Make a compliant copy of the selected frame's file (a long video becomes several frames)."""
        from takeover_planner.services.media_checks import FixOutcome, fix_loose_file

        frame = self.selected()
        if frame is None or frame.original_judgement is None:
            return
        judgement = frame.original_judgement
        # Beside the draft when there is one, so the fixed copies outlive the window.
        keep = self.drafts.files_dir(self.brief.brief_uid) if self.drafts is not None and self.brief else self._work
        out = Path(tempfile.mkdtemp(prefix="fixed-", dir=keep))
        options = dataclasses.replace(self.fix_options or FixOptions(), mode=cast("FitMode", mode))

        def work() -> FixOutcome:
            return fix_loose_file(frame.source, out, options=options, judgement=judgement)

        def done(outcome: FixOutcome) -> None:
            index = self.frames.index(frame)
            parts = split_work_frame(frame, outcome.parts, outcome.after, {"mode": mode})
            self.frames[index + 1:index + 1] = parts[1:]
            for part in parts:
                part.original_judgement = frame.original_judgement
                self._check(part, part.judgement)
            self._refresh_strip()
            self._changed()
            self.statusBar().showMessage(self.tr("Fixed. Your original file is untouched."), 8000)

        self.statusBar().showMessage(self.tr("Fixing… this can take a moment for video."))
        self.runner.run(work, on_done=done, on_error=self._show_problem, kind=WRITE)

    def unfix_selected(self) -> None:
        """Go back to the original file (to fix it again, perhaps with the other fit); a split video becomes
        one frame again. The fixed copies stay on disk until the draft is gone."""
        frame = self.selected()
        if frame is None or frame.fixed is None:
            return
        parts = [f for f in self.frames if frame.split_from is not None and f.split_from == frame.split_from]
        first = parts[0] if parts else frame
        self.frames = [f for f in self.frames if f is first or f not in parts]
        first.fixed, first.recipe, first.split_from = None, None, None
        first.judgement = first.original_judgement
        self._refresh_strip()
        self.strip.select_id(first.id)
        self._edit(first)
        self._changed()

    def remove_selected(self) -> None:
        frame = self.selected()
        if frame is not None:
            self._remove_frames([frame.id])
            self.statusBar().showMessage(str(Text(ContributorText.REMOVED_ONE, {"file": frame.name})), 15000)

    def _remove_frames(self, frame_ids: list[int]) -> None:
        """Take frames out of the story; the selection stays where it was (on the next frame), not at the start."""
        row, gone = self.strip.currentRow(), set(frame_ids)
        self._removed.append([(index, f) for index, f in enumerate(self.frames) if f.id in gone])
        self.undo_action.setEnabled(True)
        self.frames = [f for f in self.frames if f.id not in gone]
        self._refresh_strip()
        if self.frames:
            self.strip.setCurrentRow(min(max(row, 0), len(self.frames) - 1))
        self._edit(self.selected())
        self._changed()

    def undo_remove(self) -> None:
        """Put the frames removed last back where they were."""
        if not self._removed:
            return
        restored = self._removed.pop()
        for index, frame in restored:
            self.frames.insert(min(index, len(self.frames)), frame)
        self.undo_action.setEnabled(bool(self._removed))
        self._refresh_strip()
        self.strip.select_id(restored[0][1].id)
        self._changed()

    def _edit(self, frame: WorkFrame | None) -> None:
        """Show ``frame`` in the editor, labelled "part 2 of 3" when it is one part of a split video."""
        part = work_part_labels(self.frames).get(frame.id) if frame is not None else None
        self.editor.set_frame(frame, self.brief, part)
        self.preview.show_frame(frame, self.thumbnails.get(frame.id) if frame is not None else None)

    def _refresh_strip(self) -> None:
        self.strip.set_frames(self.frames, self.thumbnails)

    def _on_order_changed(self, ids: list[int]) -> None:
        by_id = {f.id: f for f in self.frames}
        self.frames = [by_id[i] for i in ids if i in by_id]
        self._refresh_strip()
        self._changed()

    def _on_row_changed(self, _row: int) -> None:
        self._edit(self.selected())

    def _on_frame_edited(self) -> None:
        self._changed()

    def _on_add_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Add pictures or videos"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("Pictures and videos (%1)").replace("%1", MEDIA_FILTER))
        dialog.filesSelected.connect(lambda names: self.add_files([Path(n) for n in names]))
        dialog.open()

    def _on_open_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Open brief"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Briefs (*.zip)"))
        dialog.fileSelected.connect(lambda name: self.open_brief(Path(name)))
        dialog.open()

    # --- saving ---------------------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        if self.brief is None:
            return
        dialog = QFileDialog(self, self.tr("Save submission"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("zip")
        dialog.selectFile(f"innsending-{self.brief.slot.department}.zip".replace(" ", "-"))
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        dialog.open()

    def save_to(self, path: Path) -> None:
        """Write the submission package. Checked first: when frames cannot go, they are listed and their removal
        offered (``cannot_go``), and nothing is written."""
        from takeover_planner.services.submissions import SubmissionRefused, save_submission

        if self.brief is None:
            return
        if any(f.judgement is None for f in self.frames):
            self.message.setText(self.tr("Wait until every file has been checked."))
            self.message.show()
            return
        draft = to_draft(self.brief, self.frames, self.name.text(), self.email.text(), self.note.toPlainText())
        sent = [f.id for f in self.frames]
        self.message.hide()

        def done(manifest: SubmissionManifest) -> None:
            self.saved = manifest
            self.statusBar().showMessage(self.tr("Saved %1. Send this file to the communications team.")
                                         .replace("%1", path.name), 15000)

        def failed(exc: TakeoverError) -> None:
            if isinstance(exc, SubmissionRefused):
                self._offer_removal(path, exc, [sent[n - 1] for n in exc.details["frames"]])
            else:
                self._show_problem(exc)

        self.runner.run(lambda: save_submission(draft, path, require_fixed=True), on_done=done, on_error=failed,
                        kind=WRITE)

    def _offer_removal(self, path: Path, exc: TakeoverError, frame_ids: list[int]) -> None:
        """List what cannot go, and offer to remove those frames and save the rest."""
        lines = [str(problem) for problem in exc.params["problems"]]
        self.message.setText("\n".join([str(Text(ContributorText.CANNOT_GO))] + [f"• {line}" for line in lines]))
        self.message.show()
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), str(Text(ContributorText.CANNOT_GO)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText("\n".join(f"• {line}" for line in lines))
        remove = box.addButton(str(Text(ContributorText.REMOVE_AND_SAVE)), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(str(Text(ContributorText.GO_BACK)), QMessageBox.ButtonRole.RejectRole)
        remove.setEnabled(len(set(frame_ids)) < len(self.frames))

        def chosen(button: QAbstractButton) -> None:
            self.cannot_go = None
            if button is remove:
                self._remove_frames(frame_ids)
                self.statusBar().showMessage(str(Text(ContributorText.REMOVED, {"count": len(set(frame_ids))})))
                self.save_to(path)

        box.buttonClicked.connect(chosen)
        self.cannot_go = box
        box.open()

    def _show_problem(self, exc: TakeoverError) -> None:
        self.message.setText(exc.message)
        self.message.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_draft()
        if self.frames and self.saved is None and not self._close_confirmed:
            event.ignore()
            self._ask_before_closing()
            return
        self._autosave.stop()
        self.preview.stop()
        shutil.rmtree(self._work, ignore_errors=True)
        super().closeEvent(event)

    def _ask_before_closing(self) -> None:
        """The package is not saved (or is older than the story): say so, and close only if asked to."""
        if self.close_question is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), str(Text(ContributorText.CLOSE_UNSAVED)),
                          QMessageBox.StandardButton.NoButton, self)
        if self.drafts is not None:
            box.setInformativeText(str(Text(ContributorText.CLOSE_UNSAVED_MORE)))
        close = box.addButton(str(Text(ContributorText.CLOSE_ANYWAY)), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(str(Text(ContributorText.KEEP_WORKING)), QMessageBox.ButtonRole.RejectRole)

        def chosen(button: QAbstractButton) -> None:
            self.close_question = None
            if button is close:
                self._close_confirmed = True
                self.close()

        box.buttonClicked.connect(chosen)
        self.close_question = box
        box.open()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
