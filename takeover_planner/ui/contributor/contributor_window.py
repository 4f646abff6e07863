"""The contributor window: for a department's occasional user, one brief, one story, one package.

Top: the takeover (department, account, days) and the material deadline. Middle: the frames as a strip of
thumbnails (drop files on it, drag to reorder) and the selected frame's details. Bottom: who is sending, and
"Save submission". Every file is checked the moment it is added; "Fix it" makes a compliant copy beside the
untouched original. No database is involved: the result is a submission package (see docs/package-format.md).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QImage, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.errors import TakeoverError
from takeover_planner.intake.manifest import BriefManifest, SubmissionManifest
from takeover_planner.ui.contributor.frame_editor import FrameEditor
from takeover_planner.ui.contributor.frame_strip import FrameStrip
from takeover_planner.ui.contributor.state import WorkFrame, to_draft
from takeover_planner.ui.i18n import BOKMAAL, ENGLISH, Translations
from takeover_planner.ui.review.preview_source import preview_jpeg
from takeover_planner.ui.tasks import WRITE, TaskRunner
from takeover_planner.ui.theme import apply_theme

MEDIA_FILTER = "*.jpg *.jpeg *.heic *.heif *.png *.webp *.avif *.gif *.tif *.tiff *.mp4 *.mov *.m4v"


class ContributorWindow(QMainWindow):
    def __init__(self, runner: TaskRunner, translations: Translations | None = None, *,
                 work_dir: Path | None = None, user_name: str = "") -> None:
        super().__init__()
        self.setObjectName("contributorWindow")
        self.runner, self.translations = runner, translations
        self.brief: BriefManifest | None = None
        self.frames: list[WorkFrame] = []
        self.thumbnails: dict[int, QImage] = {}
        self.saved: SubmissionManifest | None = None
        self._work = Path(tempfile.mkdtemp(prefix="contributor-", dir=work_dir))
        self.resize(1100, 820)
        self._build(user_name)
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
        self.deadline = QLabel(central)
        self.deadline.setObjectName("warning")
        self.deadline.setWordWrap(True)
        outer.addWidget(self.slot_title)
        outer.addWidget(self.deadline)
        self.message = QLabel(central)
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
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
        self.rules = QLabel(split)
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.rules.setObjectName("muted")
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 420])
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
        from takeover_planner.intake.brief import read_brief

        with tempfile.TemporaryDirectory(prefix="brief-", dir=self._work) as staging:
            try:
                self.brief = read_brief(Path(path), Path(staging)).manifest
            except TakeoverError as exc:
                self._show_problem(exc)
                return
        self.message.hide()
        self._show_brief()
        self.editor.set_frame(self.selected(), self.brief)

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
        days = s.start.strftime("%d.%m.%Y") if s.start == s.end else \
            f"{s.start.strftime('%d.%m.%Y')} – {s.end.strftime('%d.%m.%Y')}"
        self.slot_title.setText(self.tr("%1 takes over %2 · %3").replace("%1", s.department)
                                .replace("%2", s.account).replace("%3", days))
        if s.material_deadline is not None:
            self.deadline.setText(self.tr("Send your material by %1.").replace(
                "%1", to_oslo(s.material_deadline).strftime("%d.%m.%Y %H:%M")))
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

    def _check(self, frame: WorkFrame) -> None:
        from takeover_planner.services.story_media import judge

        target = frame.fixed or frame.source

        def work() -> tuple[object, bytes | None]:
            return judge(target), preview_jpeg(target, 400)

        def done(result: tuple, frame: WorkFrame = frame) -> None:  # type: ignore[type-arg]
            judgement, thumb = result
            frame.judgement = judgement
            if frame.fixed is None:
                frame.original_judgement = judgement
            if thumb:
                self.thumbnails[frame.id] = QImage.fromData(thumb)
            self._refresh_strip()
            if self.selected() is frame:
                self.editor.set_frame(frame, self.brief)

        self.runner.run(work, on_done=done, on_error=self._show_problem)

    def fix_selected(self, mode: str = "pad") -> None:
        """Make a compliant copy of the selected frame's file (a long video becomes several frames)."""
        from takeover_planner.media.fix import fix_file
        from takeover_planner.media.fix_types import FixOptions

        frame = self.selected()
        if frame is None or frame.original_judgement is None:
            return
        judgement, out = frame.original_judgement, self._work / f"fixed-{frame.id}"
        out.mkdir(exist_ok=True)

        def work() -> list:  # type: ignore[type-arg]
            return fix_file(frame.source, out, judgement, FixOptions(mode=mode))  # type: ignore[arg-type]

        def done(parts: list) -> None:  # type: ignore[type-arg]
            index = self.frames.index(frame)
            for number, part in enumerate(parts):
                target = frame if number == 0 else WorkFrame(frame.source, planned_date=frame.planned_date,
                                                             planned_time=frame.planned_time, credit=frame.credit)
                target.fixed, target.recipe = part.path, {"mode": mode, **_flat(part.recipe)}
                target.judgement, target.original_judgement = None, frame.original_judgement
                if number:
                    self.frames.insert(index + number, target)
                self._check(target)
            self._refresh_strip()
            self.statusBar().showMessage(self.tr("Fixed. Your original file is untouched."), 8000)

        self.statusBar().showMessage(self.tr("Fixing… this can take a moment for video."))
        self.runner.run(work, on_done=done, on_error=self._show_problem, kind=WRITE)

    def remove_selected(self) -> None:
        frame = self.selected()
        if frame is not None:
            self.frames.remove(frame)
            self._refresh_strip()
            self.editor.set_frame(self.selected(), self.brief)

    def _refresh_strip(self) -> None:
        self.strip.set_frames(self.frames, self.thumbnails)

    def _on_order_changed(self, ids: list[int]) -> None:
        by_id = {f.id: f for f in self.frames}
        self.frames = [by_id[i] for i in ids if i in by_id]
        self._refresh_strip()

    def _on_row_changed(self, _row: int) -> None:
        self.editor.set_frame(self.selected(), self.brief)

    def _on_frame_edited(self) -> None:
        self.saved = None

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
        """Write the submission package (checked first; a problem is shown, nothing is written)."""
        from takeover_planner.intake.submission import write_submission

        if self.brief is None:
            return
        if any(f.judgement is None for f in self.frames):
            self.message.setText(self.tr("Wait until every file has been checked."))
            self.message.show()
            return
        draft = to_draft(self.brief, self.frames, self.name.text(), self.email.text(), self.note.toPlainText())
        self.message.hide()

        def done(manifest: SubmissionManifest) -> None:
            self.saved = manifest
            self.statusBar().showMessage(self.tr("Saved %1. Send this file to the communications team.")
                                         .replace("%1", path.name), 15000)

        self.runner.run(lambda: write_submission(draft, path), on_done=done, on_error=self._show_problem, kind=WRITE)

    def _show_problem(self, exc: TakeoverError) -> None:
        self.message.setText(exc.message)
        self.message.show()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        shutil.rmtree(self._work, ignore_errors=True)
        super().closeEvent(event)


def _flat(recipe: dict[str, Any]) -> dict[str, Any]:
    """A fix recipe as short scalars, the way the package format records it."""
    out: dict[str, Any] = {}
    for key, value in list(recipe.items())[:38]:
        if value is None or isinstance(value, (bool, int, float)):
            out[str(key)[:60]] = value
        else:
            out[str(key)[:60]] = str(value)[:500]
    return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
