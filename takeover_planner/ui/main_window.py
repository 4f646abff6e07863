"""The planner's main window: it builds the parts — the calendar page and its booking actions, the menus and
shortcuts, the status area — hands them to the window shell (``ui.shell.Shell``, which also owns the store, the
task runner and the database's life) and installs its features (insights, team mode, publishing, briefs) into
it. Its own commands: offering the demo municipality on a first start, the management, export, review and
contributor windows, language switching, and remembering size, position and last view (``QSettings`` in the
app's config folder, so ``--home`` keeps everything together)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QDir, QEvent, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from takeover_planner.domain.roles import Role
from takeover_planner.ui.attention.hook import AttentionHook
from takeover_planner.ui.booking_actions import BookingActions
from takeover_planner.ui.brief_hook import BriefHook
from takeover_planner.ui.calendar_page import AGENDA, MONTH, WEEK, CalendarPage
from takeover_planner.ui.crash import show_problem
from takeover_planner.ui.email_hook import EmailHook
from takeover_planner.ui.i18n import BOKMAAL, ENGLISH, Translations
from takeover_planner.ui.icons import icon
from takeover_planner.ui.insights.hook import InsightsHook
from takeover_planner.ui.intake_hook import IntakeHook
from takeover_planner.ui.management.table_models import Kind
from takeover_planner.ui.messages import user_message
from takeover_planner.ui.planner_store import PlannerStore
from takeover_planner.ui.publishing.hook import PublishingHook
from takeover_planner.ui.shell import Menu, Menus, Shell
from takeover_planner.ui.status_area import StatusArea
from takeover_planner.ui.tasks import WRITE, TaskRunner
from takeover_planner.ui.team.hook import TeamHook
from takeover_planner.ui.theme import apply_theme
from takeover_planner.ui.toolbar import VIEWS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from takeover_planner.domain.roles import Profile
    from takeover_planner.errors import TakeoverError
    from takeover_planner.paths import AppPaths
    from takeover_planner.services.context import AppContext
    from takeover_planner.settings import Settings
    from takeover_planner.ui.dialogs.profile_dialog import ProfileDialog
    from takeover_planner.ui.export_dialog import ExportDialog
    from takeover_planner.ui.management.manage_window import ManageWindow
    from takeover_planner.ui.review.review_window import ReviewWindow

WINDOW_STATE_FILE = "window.ini"
STALE_AFTER_S = 60.0  # re-read the database when the window is activated after this long
LANGUAGE_CHOICES = ("system", ENGLISH, BOKMAAL)


class MainWindow(QMainWindow):
    def __init__(self, paths: AppPaths, settings: Settings, runner: TaskRunner, translations: Translations, *,
                 home: str | None = None, db_url: str | None = None, user: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.runner = runner
        self.translations = translations
        self._last_read = time.monotonic()
        self.store = PlannerStore(runner, self)
        self.booking_actions = BookingActions(self.store, runner, self)
        self.page = CalendarPage(self.store, self.booking_actions, runner, self)
        self.setCentralWidget(self.page)
        self.manage_window: ManageWindow | None = None
        self.export_dialog: ExportDialog | None = None
        self.review_windows: dict[int, QWidget] = {}
        self.contributor_windows: list[QWidget] = []
        self.demo_prompt: QMessageBox | None = None
        self.profile_prompt: ProfileDialog | None = None
        self.setWindowIcon(icon("takeover-planner"))
        self.resize(1280, 820)
        self.setMinimumSize(900, 600)

        self._build_actions()
        menus = self._build_menus()
        self.status_area = StatusArea(self.statusBar())
        self.shell = Shell(self, paths=paths, settings=settings, translations=translations, runner=runner,
                           store=self.store, page=self.page, booking_actions=self.booking_actions, menus=menus,
                           status=self.status_area, open_args=(home, db_url, user))
        # The window's own reactions come first: connected before any feature's.
        self.shell.database_opened.connect(self._on_shell_database_opened)
        for grid in (self.page.month_grid, self.page.week_grid):
            grid.painted.connect(self.shell.first_view_painted)
        self.shell.database_closing.connect(self._on_shell_database_closing)
        self.shell.profile_changed.connect(self._on_shell_profile_changed)

        self.page.status_message.connect(self.show_status)
        self.page.view_changed.connect(self._on_page_view_changed)
        self.page.review_requested.connect(self.open_review)
        self.booking_actions.notice.connect(self.show_status)
        self.booking_actions.undo_failed.connect(self._on_actions_undo_failed)
        self.booking_actions.busy_changed.connect(self._update_undo_actions)
        self.booking_actions.undo_stack.canUndoChanged.connect(self._update_undo_actions)
        self.booking_actions.undo_stack.canRedoChanged.connect(self._update_undo_actions)
        self.booking_actions.undo_stack.undoTextChanged.connect(self._update_undo_actions)
        self.booking_actions.undo_stack.redoTextChanged.connect(self._update_undo_actions)
        self.store.load_failed.connect(self._on_store_load_failed)
        self.store.slots_changed.connect(self._update_counts)

        apply_theme(self)
        self._retranslate()
        self._restore_state()
        self._update_undo_actions()
        # The features, each installed into the shell (the order is the order of their menu entries and status
        # widgets). Insights (issue 9): View → "Insights and goals…" and the collector. Team mode (issue 6):
        # settings, people, live updates, the offline banner and outbox, profiles. Publishing (issue 4): the
        # Publish menu and the in-app queue. Briefs: "Write brief…" from a slot's menu or the details panel.
        self.insights = self.shell.install(InsightsHook)
        self.team = self.shell.install(TeamHook)
        self.publishing = self.shell.install(PublishingHook)
        self.briefs = self.shell.install(BriefHook)
        # Issue 17: the "Needs attention" dock and "E-mail the department…" from a slot's menu.
        self.emails = self.shell.install(EmailHook)
        self.intake = self.shell.install(IntakeHook)  # issue 18: the watched intake folder
        self.attention = self.shell.install(AttentionHook)

    # --- start-up -----------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Open the database in the background; the window is already on screen."""
        self.shell.open_database()

    def attach(self, ctx: AppContext) -> None:
        """Use a context that is already open (tests)."""
        self.shell.attach(ctx)

    def _on_shell_database_opened(self, ctx: AppContext) -> None:
        self.show_status(self.tr("Ready."))
        self.page.refresh()
        self._update_counts()
        if not self.settings.get("demo.offered"):  # the first start: who are you, and would you like the demo?
            from takeover_planner.ui.dialogs.profile_dialog import ask_profile_once  # the first start only

            self.profile_prompt = ask_profile_once(self, self.settings)
            if self.profile_prompt is None:
                self._maybe_offer_demo(ctx)
            else:  # one question at a time: the demo offer would cover the profile dialog
                self.profile_prompt.finished.connect(lambda _result: self._maybe_offer_demo(ctx),
                                                     Qt.ConnectionType.SingleShotConnection)

    def _on_shell_database_closing(self) -> None:
        """Closing, or switching to another database: nothing may go on working on this one."""
        self._close_satellites()
        self.booking_actions.undo_stack.clear()

    def _on_shell_profile_changed(self, profile: Profile) -> None:
        # What the services would refuse is greyed out; they still refuse it (with a message) if tried.
        self.new_action.setEnabled(profile.role != Role.READER)
        self.demo_action.setEnabled(profile.can_plan)
        self.page.set_profile(profile)

    def _on_store_load_failed(self, exc: TakeoverError) -> None:
        self.shell.show_error(user_message(exc))

    def _maybe_offer_demo(self, ctx: AppContext) -> None:
        def work() -> bool:
            from takeover_planner.services import planner_queries

            return planner_queries.is_empty(ctx)

        self.store.read(ctx, work, on_done=self._on_empty_checked, on_error=lambda exc: self.shell.show_error(exc.message))

    def _on_empty_checked(self, empty: bool) -> None:
        self.settings.set("demo.offered", True)
        self.shell.save_settings()
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
            self.shell.demo_loaded.emit()

        def failed(exc: TakeoverError) -> None:
            show_problem(self, user_message(exc))

        self.show_status(self.tr("Loading the demo municipality…"))
        self.runner.op(work).lane(WRITE).on_done(done).on_error(failed).run()

    # --- actions and menus -------------------------------------------------------------------------------------

    def _action(self, shortcut: QKeySequence | QKeySequence.StandardKey | str | list[QKeySequence] | None = None,
                slot: Callable[..., object] | None = None) -> QAction:
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
        self.undo_action = self._action(QKeySequence.StandardKey.Undo, self.booking_actions.undo)
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self._action([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")],
                                        self.booking_actions.redo)
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
        self.manage_actions: dict[Kind, QAction] = {
            Kind.DEPARTMENTS: self._action("Ctrl+Shift+D", lambda: self.open_manage(Kind.DEPARTMENTS)),
            Kind.ACCOUNTS: self._action(None, lambda: self.open_manage(Kind.ACCOUNTS)),
            Kind.CAMPAIGNS: self._action(None, lambda: self.open_manage(Kind.CAMPAIGNS)),
            Kind.BLACKOUTS: self._action("Ctrl+Shift+B", lambda: self.open_manage(Kind.BLACKOUTS)),
        }
        self.keys_action = self._action("F1", self.show_keyboard_map)  # issue 16: every key in one table
        self.log_action = self._action(None, self._open_log_folder)
        self.about_action = self._action(None, self._about)

    def _build_menus(self) -> Menus:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_brief_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.reload_action)
        self.file_menu.addAction(self.demo_action)
        self.file_menu.addAction(self.export_action)
        above_quit = self.file_menu.addSeparator()
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
        self.help_menu.addAction(self.keys_action)
        self.help_menu.addAction(self.log_action)
        self.help_menu.addAction(self.about_action)
        menus = {Menu.FILE: self.file_menu, Menu.EDIT: self.edit_menu, Menu.VIEW: self.view_menu,
                 Menu.MANAGE: self.manage_menu, Menu.HELP: self.help_menu}
        return Menus(self, menus, closing={Menu.FILE: above_quit})

    def _update_undo_actions(self, *_args: object) -> None:
        stack = self.booking_actions.undo_stack
        busy = self.booking_actions.busy
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
        self.export_dialog.open()
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
            self.store.reloaded.connect(window.refresh_soon)  # live updates: the screen follows others' changes
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

        home, _db_url, user = self.shell.open_args
        window = open_contributor_window(path, runner=self.runner, translations=self.translations, home=home,
                                         user=user or (self.store.ctx.actor if self.store.ctx else None))
        self.contributor_windows = [w for w in self.contributor_windows if w.isVisible()] + [window]
        return window

    def set_language(self, choice: str) -> None:
        self.shell.set_language(choice)

    def show_status(self, text: str, *, folder: Path | None = None) -> None:
        """A line in the status bar; with ``folder``, an "Open the folder" button beside it until the next line."""
        self.shell.show_status(text, folder=folder)

    def _update_counts(self) -> None:
        self.status_area.database_label.setToolTip(self.tr("%n slot(s) loaded", "", self.store.slot_count))

    def show_keyboard_map(self) -> QWidget:
        from takeover_planner.ui.keyboard_map import open_keyboard_map

        return open_keyboard_map(self, self.menuBar())

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
        unsent = self._review_with_unsent_comment()
        if unsent is not None:
            # Quitting must not lose a review comment silently: that window asks what Esc there asks; a discard
            # goes on quitting (asking the next such window, if any), "Keep writing" leaves everything open.
            event.ignore()
            unsent.ask_before_quitting(self.close)
            return
        self.save_state()
        self.page.stop_timers()
        for contributor in self.contributor_windows:
            contributor.close()
        self.shell.close()  # features and satellite windows let go of the database, the lanes wind down
        super().closeEvent(event)

    def _review_with_unsent_comment(self) -> ReviewWindow | None:
        if not self.review_windows:
            return None  # none was opened: closing need not load the review window's module (Pillow and all)
        # Imported late, as open_review does: the review window's module loads only when one is opened.
        from takeover_planner.ui.review.review_window import ReviewWindow

        for review in self.review_windows.values():
            if isinstance(review, ReviewWindow) and review.isVisible() and review.has_unsent_comment():
                return review
        return None

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
        chosen = self.language_actions.get(self.settings.get("ui.language"), self.language_actions["system"])
        chosen.setChecked(True)
        self.manage_actions[Kind.DEPARTMENTS].setText(self.tr("&Departments…"))
        self.manage_actions[Kind.ACCOUNTS].setText(self.tr("&Accounts…"))
        self.manage_actions[Kind.CAMPAIGNS].setText(self.tr("&Campaigns and theme weeks…"))
        self.manage_actions[Kind.BLACKOUTS].setText(self.tr("&Blackout periods…"))
        self.keys_action.setText(self.tr("&Keyboard shortcuts"))
        self.log_action.setText(self.tr("Show the &log file"))
        self.status_area.open_folder_button.setText(self.tr("Open the folder"))
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
            self.shell.language_changed.emit()
        elif event.type() == QEvent.Type.PaletteChange:
            apply_theme(self)
        super().changeEvent(event)
