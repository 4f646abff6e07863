"""The planner's main window: menus and shortcuts, the calendar page, the status bar, start-up (open the
database in the background, offer the demo municipality on a first start), language switching, and
remembering size, position and last view (``QSettings`` in the app's config folder, so ``--home`` keeps
everything together)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QDir, QEvent, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMessageBox, QToolButton, QWidget

from takeover_planner.ui.booking_actions import BookingActions
from takeover_planner.ui.calendar_page import AGENDA, MONTH, WEEK, CalendarPage
from takeover_planner.ui.crash import show_problem
from takeover_planner.ui.i18n import BOKMAAL, ENGLISH, Translations, resolve_language
from takeover_planner.ui.icons import icon
from takeover_planner.ui.management.table_models import Kind
from takeover_planner.ui.messages import user_message
from takeover_planner.ui.planner_store import PlannerStore
from takeover_planner.ui.tasks import WRITE, TaskRunner
from takeover_planner.ui.theme import apply_theme
from takeover_planner.ui.toolbar import VIEWS

if TYPE_CHECKING:
    from pathlib import Path

    from takeover_planner.errors import TakeoverError
    from takeover_planner.paths import AppPaths
    from takeover_planner.services.context import AppContext
    from takeover_planner.settings import Settings
    from takeover_planner.ui.management.manage_window import ManageWindow

WINDOW_STATE_FILE = "window.ini"
STALE_AFTER_S = 60.0  # re-read the database when the window is activated after this long
LANGUAGE_CHOICES = ("system", ENGLISH, BOKMAAL)


class MainWindow(QMainWindow):
    database_opened = Signal()
    demo_loaded = Signal()

    def __init__(self, paths: AppPaths, settings: Settings, runner: TaskRunner, translations: Translations, *,
                 home: str | None = None, db_url: str | None = None, user: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.runner = runner
        self.translations = translations
        self._open_args = (home, db_url, user)
        self._last_read = time.monotonic()
        self.store = PlannerStore(runner, self)
        self.actions = BookingActions(self.store, runner, self)
        self.page = CalendarPage(self.store, self.actions, runner, self)
        self.setCentralWidget(self.page)
        self.manage_window: ManageWindow | None = None
        self.export_dialog: QWidget | None = None
        self.review_windows: dict[int, QWidget] = {}
        self.contributor_windows: list[QWidget] = []
        self.demo_prompt: QMessageBox | None = None
        self.setWindowIcon(icon("takeover-planner"))
        self.resize(1280, 820)
        self.setMinimumSize(900, 600)

        self._build_actions()
        self._build_menus()
        # Insights (issue 9): View → "Insights and goals…" and the background insights collector (its modules,
        # requests among them, are imported on a worker once the database has opened, never here).
        from takeover_planner.ui.insights.hook import install_insights

        self.insights = install_insights(self)
        # The status line and, beside it, a button to open the folder it speaks of (a brief just written); one
        # status-bar item, so the team hook's permanent widgets keep their places.
        status_line = QWidget(self)
        line_layout = QHBoxLayout(status_line)
        line_layout.setContentsMargins(0, 0, 0, 0)
        self.status_label = QLabel(status_line)
        self.status_folder: Path | None = None
        self.open_folder_button = QToolButton(status_line)
        self.open_folder_button.setObjectName("openFolderButton")
        self.open_folder_button.setAutoRaise(True)
        self.open_folder_button.clicked.connect(self._open_status_folder)
        self.open_folder_button.hide()
        line_layout.addWidget(self.status_label, 1)
        line_layout.addWidget(self.open_folder_button)
        self.database_label = QLabel(self)
        self.database_label.setObjectName("muted")
        self.statusBar().addWidget(status_line, 1)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().setSizeGripEnabled(True)

        self.page.status_message.connect(self.show_status)
        self.page.view_changed.connect(self._on_page_view_changed)
        self.page.review_requested.connect(self.open_review)
        self.actions.notice.connect(self.show_status)
        self.actions.undo_failed.connect(self._on_actions_undo_failed)
        self.actions.busy_changed.connect(self._update_undo_actions)
        self.actions.undo_stack.canUndoChanged.connect(self._update_undo_actions)
        self.actions.undo_stack.canRedoChanged.connect(self._update_undo_actions)
        self.actions.undo_stack.undoTextChanged.connect(self._update_undo_actions)
        self.actions.undo_stack.redoTextChanged.connect(self._update_undo_actions)
        self.store.opened.connect(self._on_store_opened)
        self.store.open_failed.connect(self._on_store_open_failed)
        self.store.load_failed.connect(self._on_store_load_failed)
        self.store.slots_changed.connect(self._update_counts)
        self.runner.set_problem_handler(self._on_runner_problem)

        apply_theme(self)
        self._retranslate()
        self._restore_state()
        self._update_undo_actions()
        # Team mode (issue 6): settings, people, live updates, offline banner and outbox, profiles.
        # Publishing (issue 4): the Publish menu and the in-app publishing queue.
        from takeover_planner.ui.publishing.hook import install_publishing
        from takeover_planner.ui.team.hook import install_team_mode

        self.team = install_team_mode(self)
        self.publishing = install_publishing(self)
        # "Write brief…" from a slot's menu or the details panel (the dialog loads on first use).
        from takeover_planner.ui.brief_hook import install_briefs

        self.briefs = install_briefs(self)

    # --- start-up -----------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Open the database in the background; the window is already on screen."""
        home, db_url, user = self._open_args
        self.show_status(self.tr("Opening the database…"))
        start, end = self.page.visible_range()
        self.store.open(home, db_url, user, first_year=start.year)

    def attach(self, ctx: AppContext) -> None:
        """Use a context that is already open (tests)."""
        self.store.attach(ctx)
        self.store.ensure_range(*self.page.visible_range())
        self._on_store_opened()

    def _on_store_opened(self) -> None:
        ctx = self.store.ctx
        if ctx is None:
            return
        ctx.settings = self.settings  # one Settings object in this process, so saves never undo each other
        self.database_label.setText(ctx.db.display_url)
        self.show_status(self.tr("Ready."))
        self.page.refresh()
        self._update_counts()
        self.database_opened.emit()
        if not self.settings.get("demo.offered"):
            self._maybe_offer_demo(ctx)

    def _on_store_open_failed(self, message: str) -> None:
        self.show_status(message)
        show_problem(self, message, self.tr("The database could not be opened"))

    def _on_store_load_failed(self, message: str) -> None:
        self.show_status(message)

    def _on_runner_problem(self, exc: TakeoverError) -> None:
        message = user_message(exc, self.store)
        self.show_status(message)
        show_problem(self, message)

    def _maybe_offer_demo(self, ctx: AppContext) -> None:
        def work() -> bool:
            from takeover_planner.services import planner_queries

            return planner_queries.is_empty(ctx)

        self.store.read(ctx, work, on_done=self._on_empty_checked, on_error=lambda exc: self.show_status(exc.message))

    def _on_empty_checked(self, empty: bool) -> None:
        self.settings.set("demo.offered", True)
        self._save_settings()
        if not empty:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Welcome to Takeover Planner"))
        box.setText(self.tr("The database is empty. Load the demo municipality (Fjordvik) to try things out?"))
        box.setInformativeText(self.tr(
            "It adds two accounts, a dozen departments, two theme weeks, blackout periods and some takeovers "
            "around today. You can archive or cancel them later."))
        load = box.addButton(self.tr("Load demo"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Start empty"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(load)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def finished(_result: int) -> None:
            self.demo_prompt = None
            if box.clickedButton() is load:
                self.load_demo()

        box.finished.connect(finished)
        self.demo_prompt = box
        box.open()

    def load_demo(self) -> None:
        ctx = self.store.ctx
        if ctx is None:
            return

        def work() -> object:
            from takeover_planner.services.demo import load_demo

            return load_demo(ctx)

        def done(result: object) -> None:
            loaded = getattr(result, "loaded", False)
            self.show_status(self.tr("The demo municipality is loaded.") if loaded
                             else self.tr("The demo municipality was already there."))
            self.store.reload(*self.page.visible_range())
            self.demo_loaded.emit()

        def failed(exc: TakeoverError) -> None:
            show_problem(self, user_message(exc, self.store))

        self.show_status(self.tr("Loading the demo municipality…"))
        self.runner.run(work, on_done=done, on_error=failed, kind=WRITE)

    # --- actions and menus -------------------------------------------------------------------------------------

    def _action(self, shortcut: QKeySequence | str | list | None = None, slot=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(self)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(QKeySequence.StandardKey.New, lambda: self.page.new_booking())
        self.reload_action = self._action(QKeySequence.StandardKey.Refresh, self.reload)
        if self.reload_action.shortcut().isEmpty():
            self.reload_action.setShortcut(QKeySequence("F5"))
        self.demo_action = self._action(None, self.load_demo)
        self.export_action = self._action("Ctrl+E", self.open_export)
        self.open_brief_action = self._action(QKeySequence.StandardKey.Open, self.choose_brief)
        self.quit_action = self._action(QKeySequence.StandardKey.Quit, self.close)
        self.undo_action = self._action(QKeySequence.StandardKey.Undo, self.actions.undo)
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self._action([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")],
                                        self.actions.redo)
        self.redo_action.setIcon(icon("redo"))
        self.find_action = self._action(QKeySequence.StandardKey.Find, self.page.focus_search)
        self.view_group = QActionGroup(self)
        self.view_actions: dict[str, QAction] = {}
        for index, view in enumerate(VIEWS):
            action = self._action(f"Ctrl+{index + 1}", lambda _c=False, v=view: self.page.set_view(v))
            action.setCheckable(True)
            self.view_group.addAction(action)
            self.view_actions[view] = action
        self.today_action = self._action("Ctrl+T", self.page.go_today)
        self.previous_action = self._action([QKeySequence("Alt+Left"), QKeySequence("Ctrl+PgUp")], self.page.go_previous)
        self.next_action = self._action([QKeySequence("Alt+Right"), QKeySequence("Ctrl+PgDown")], self.page.go_next)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for choice in LANGUAGE_CHOICES:
            action = self._action(None, lambda _c=False, ch=choice: self.set_language(ch))
            action.setCheckable(True)
            self.language_group.addAction(action)
            self.language_actions[choice] = action
        current = self.settings.get("ui.language")
        self.language_actions.get(current, self.language_actions["system"]).setChecked(True)
        self.manage_actions: dict[Kind, QAction] = {
            Kind.DEPARTMENTS: self._action("Ctrl+Shift+D", lambda: self.open_manage(Kind.DEPARTMENTS)),
            Kind.ACCOUNTS: self._action(None, lambda: self.open_manage(Kind.ACCOUNTS)),
            Kind.CAMPAIGNS: self._action(None, lambda: self.open_manage(Kind.CAMPAIGNS)),
            Kind.BLACKOUTS: self._action("Ctrl+Shift+B", lambda: self.open_manage(Kind.BLACKOUTS)),
        }
        self.log_action = self._action(None, self._open_log_folder)
        self.about_action = self._action(None, self._about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_brief_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.reload_action)
        self.file_menu.addAction(self.demo_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.view_menu = bar.addMenu("")
        for view in VIEWS:
            self.view_menu.addAction(self.view_actions[view])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.today_action)
        self.view_menu.addAction(self.previous_action)
        self.view_menu.addAction(self.next_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        for choice in LANGUAGE_CHOICES:
            self.language_menu.addAction(self.language_actions[choice])
        self.manage_menu = bar.addMenu("")
        for action in self.manage_actions.values():
            self.manage_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.log_action)
        self.help_menu.addAction(self.about_action)

    def _update_undo_actions(self, *_args: object) -> None:
        stack = self.actions.undo_stack
        busy = self.actions.busy
        self.undo_action.setEnabled(stack.canUndo() and not busy)
        self.redo_action.setEnabled(stack.canRedo() and not busy)
        undo_text = stack.undoText()
        redo_text = stack.redoText()
        self.undo_action.setText(self.tr("&Undo %1").replace("%1", undo_text).strip() if undo_text else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo %1").replace("%1", redo_text).strip() if redo_text else self.tr("&Redo"))

    def _on_actions_undo_failed(self, message: str) -> None:
        text = self.tr("Could not undo or redo: %1 The undo history was cleared.").replace("%1", message)
        self.show_status(text)
        show_problem(self, text)

    def _on_page_view_changed(self, view: str) -> None:
        self.view_actions[view].setChecked(True)

    # --- commands ------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._last_read = time.monotonic()
        self.store.reload(*self.page.visible_range())
        self.show_status(self.tr("Reloaded from the database."))

    def open_manage(self, kind: Kind) -> ManageWindow | None:
        if self.store.ctx is None:
            return None
        if self.manage_window is None:
            from takeover_planner.ui.management.manage_window import ManageWindow  # first use: lean start-up

            self.manage_window = ManageWindow(self.store, self.runner, self,
                                              on_slots_changed=lambda: self.store.reload(*self.page.visible_range()))
        self.manage_window.show_kind(kind)
        self.manage_window.show()
        self.manage_window.raise_()
        self.manage_window.activateWindow()
        return self.manage_window

    def open_export(self) -> QWidget | None:
        """The export dialog (ICS, CSV, PDF), written by the export module; one at a time."""
        ctx = self.store.ctx
        if ctx is None:
            return None
        if self.export_dialog is None:
            from takeover_planner.ui.export_dialog import ExportDialog

            dialog = ExportDialog(ctx, self, runner=self.runner)
            dialog.finished.connect(self._on_export_dialog_finished)
            self.export_dialog = dialog
        self.export_dialog.open()  # type: ignore[attr-defined]
        return self.export_dialog

    def _on_export_dialog_finished(self, _result: int) -> None:
        self.export_dialog = None

    def open_review(self, slot_id: int) -> QWidget | None:
        """The story review screen for a slot (one window per slot, raised if already open)."""
        ctx = self.store.ctx
        if ctx is None:
            return None
        window = self.review_windows.get(slot_id)
        if window is None or not window.isVisible():
            from takeover_planner.ui.review.review_window import open_review_window

            window = open_review_window(ctx, self.runner, slot_id, self)
            self.review_windows[slot_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def choose_brief(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, self.tr("Open a brief"), QDir.homePath(),
                             self.tr("Briefs (*.zip *.takeover-brief);;All files (*)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.fileSelected.connect(self.open_brief)
        dialog.open()

    def open_brief(self, path: str) -> QWidget:
        """A brief package in the contributor window (a window of its own, as a department would see it)."""
        from takeover_planner.ui.contributor import open_contributor_window

        home, _db_url, user = self._open_args
        window = open_contributor_window(path, runner=self.runner, translations=self.translations, home=home,
                                         user=user or (self.store.ctx.actor if self.store.ctx else None))
        self.contributor_windows = [w for w in self.contributor_windows if w.isVisible()] + [window]
        return window

    def reopen_database(self, db_url: str) -> None:
        """Switch to another database (Settings ▸ Use it): everything that holds the old one lets go first."""
        self.team.database_closing()
        self.publishing.database_closing()
        self.insights.database_closing()
        self.briefs.database_closing()
        self._close_satellites()
        self.actions.undo_stack.clear()
        home, _old, user = self._open_args
        self._open_args = (home, db_url, user)
        self.store.close()
        self.store.forget()
        self.page.refresh()
        self.database_label.setText("")
        self.start()

    def set_language(self, choice: str) -> None:
        self.settings.set("ui.language", choice)
        self._save_settings()
        self.translations.apply(resolve_language(choice))
        self.language_actions[choice].setChecked(True)

    def show_status(self, text: str, *, folder: Path | None = None) -> None:
        """A line in the status bar; with ``folder``, an "Open the folder" button beside it until the next line."""
        self.status_label.setText(text)
        self.status_folder = folder
        self.open_folder_button.setVisible(folder is not None)
        if folder is not None:
            self.open_folder_button.setToolTip(str(folder))

    def _open_status_folder(self) -> None:
        if self.status_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.status_folder)))

    def _update_counts(self) -> None:
        self.database_label.setToolTip(self.tr("%n slot(s) loaded", "", self.store.slot_count))

    def _save_settings(self) -> None:
        try:
            self.settings.save()
        except OSError as exc:
            self.show_status(self.tr("Could not save the settings: %1").replace("%1", exc.strerror or str(exc)))

    def _open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.log_dir)))
        self.show_status(self.tr("The log file is %1").replace("%1", str(self.paths.log_file)))

    def _about(self) -> None:
        from takeover_planner import __version__

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Takeover Planner"))
        box.setIconPixmap(icon("takeover-planner").pixmap(64, 64))
        box.setText(f"<b>Takeover Planner {__version__}</b>")
        box.setInformativeText(self.tr(
            "Plan Instagram story takeovers for the municipality's departments: book slots, collect and check "
            "their stories, approve and publish them.") + "<br><br>" + self.tr("Log file: %1").replace(
            "%1", str(self.paths.log_file)))
        box.addButton(self.tr("Close"), QMessageBox.ButtonRole.AcceptRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()

    # --- remembering the window ----------------------------------------------------------------------------------

    def _qsettings(self) -> QSettings:
        return QSettings(str(self.paths.config_dir / WINDOW_STATE_FILE), QSettings.Format.IniFormat)

    def _restore_state(self) -> None:
        state = self._qsettings()
        geometry = state.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = state.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.page.splitter.restoreState(splitter)
        view = state.value("planner/view", MONTH)
        self.page.set_view(str(view) if view in (MONTH, WEEK, AGENDA) else MONTH)

    def save_state(self) -> None:
        state = self._qsettings()
        state.setValue("window/geometry", self.saveGeometry())
        state.setValue("window/splitter", self.page.splitter.saveState())
        state.setValue("planner/view", self.page.view)
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.page.stop_timers()
        self._close_satellites()
        for contributor in self.contributor_windows:
            contributor.close()
        self.runner.shutdown()
        self.store.close()
        super().closeEvent(event)

    def _close_satellites(self) -> None:
        """Windows that work on the open database."""
        if self.manage_window is not None:
            self.manage_window.close()
        for review in self.review_windows.values():
            review.close()
        self.review_windows.clear()
        if self.export_dialog is not None:
            self.export_dialog.close()

    # --- texts ---------------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Takeover Planner"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.manage_menu.setTitle(self.tr("&Manage"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.new_action.setText(self.tr("&New booking…"))
        self.reload_action.setText(self.tr("&Reload"))
        self.demo_action.setText(self.tr("Load the &demo municipality"))
        self.export_action.setText(self.tr("&Export the calendar…"))
        self.open_brief_action.setText(self.tr("&Open brief…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.find_action.setText(self.tr("&Find…"))
        titles = {MONTH: self.tr("&Month"), WEEK: self.tr("&Week"), AGENDA: self.tr("&Agenda")}
        for view, action in self.view_actions.items():
            action.setText(titles[view])
        self.today_action.setText(self.tr("&Today"))
        self.previous_action.setText(self.tr("&Previous"))
        self.next_action.setText(self.tr("&Next"))
        self.language_actions["system"].setText(self.tr("&System language"))
        # Each language is named in itself, so it can be found whatever the current language is.
        self.language_actions[ENGLISH].setText("English")
        self.language_actions[BOKMAAL].setText("Norsk bokmål")
        self.manage_actions[Kind.DEPARTMENTS].setText(self.tr("&Departments…"))
        self.manage_actions[Kind.ACCOUNTS].setText(self.tr("&Accounts…"))
        self.manage_actions[Kind.CAMPAIGNS].setText(self.tr("&Campaigns and theme weeks…"))
        self.manage_actions[Kind.BLACKOUTS].setText(self.tr("&Blackout periods…"))
        self.log_action.setText(self.tr("Show the &log file"))
        self.open_folder_button.setText(self.tr("Open the folder"))
        self.about_action.setText(self.tr("&About Takeover Planner"))
        self._update_undo_actions()
        self._update_counts()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self._refresh_if_stale()
        return super().event(event)

    def _refresh_if_stale(self) -> None:
        """Coming back to the window after a while: read again, so colleagues' bookings (team mode) show up."""
        now = time.monotonic()
        if self.store.ctx is not None and now - self._last_read > STALE_AFTER_S:
            self._last_read = now
            self.store.reload(*self.page.visible_range())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            apply_theme(self)
        super().changeEvent(event)
