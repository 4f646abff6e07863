"""How team mode joins the planner window, from one call at the end of ``MainWindow.__init__``:

- File ▸ Settings… (Ctrl+,) and Manage ▸ People…;
- who you are (``services.people.whoami``) in the status bar, and greying out what your role may not do;
- live updates (``LiveUpdates``: the change watcher, reloads that keep your place);
- the offline banner at the top of the window and the outbox for edits made while the database is away
  (``OfflineEdits``; booking edits reach it through ``BookingActions.offline``).
Everything is owned by a ``TeamHook`` child of the window; it follows the window's database through
``database_opened`` and its close and language changes through an event filter.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from takeover_planner.domain.roles import Role
from takeover_planner.ui.crash import show_problem
from takeover_planner.ui.messages import user_message
from takeover_planner.ui.team.live_updates import LiveUpdates
from takeover_planner.ui.team.offline import OfflineBanner, OfflineEdits
from takeover_planner.ui.team.profile import profile_text, profile_tooltip

if TYPE_CHECKING:
    from takeover_planner.domain.roles import Profile
    from takeover_planner.errors import TakeoverError
    from takeover_planner.services.outbox import ReplayResult
    from takeover_planner.ui.main_window import MainWindow
    from takeover_planner.ui.team.people_dialog import PeopleDialog
    from takeover_planner.ui.team.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

OUTBOX_FILE = "outbox.json"


class TeamHook(QObject):
    profile_changed = Signal(object)  # Profile

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("teamHook")
        self.main = window
        self.profile: Profile | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.people_dialog: PeopleDialog | None = None
        self.replay_report: QMessageBox | None = None

        self.settings_action = QAction(window)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        window.addAction(self.settings_action)
        window.file_menu.insertAction(window.quit_action, self.settings_action)
        window.file_menu.insertSeparator(window.quit_action)
        self.people_action = QAction(window)
        self.people_action.triggered.connect(self.open_people)
        window.addAction(self.people_action)
        window.manage_menu.addSeparator()
        window.manage_menu.addAction(self.people_action)

        self.profile_label = QLabel(window)
        self.profile_label.setObjectName("profileLabel")
        # Before the database's name: index 1 is the first permanent place after the window's status line.
        window.statusBar().insertPermanentWidget(1, self.profile_label)

        self.banner = OfflineBanner(window.page)
        layout = window.page.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.banner)
        self.offline = OfflineEdits(window.store, window.runner, window.paths.data_dir / OUTBOX_FILE, self)
        window.actions.offline = self.offline
        self.live = LiveUpdates(window.store, window.page, self)

        self.offline.online_changed.connect(self._on_offline_online_changed)
        self.offline.count_changed.connect(self.banner.set_waiting)
        self.offline.replayed.connect(self._on_offline_replayed)
        self.offline.problem.connect(self._on_offline_problem)
        self.live.online_changed.connect(self.offline.set_online)
        self.live.reloaded.connect(self.refresh_profile)  # a comms officer may have changed your role meanwhile
        self.banner.retry_requested.connect(self.offline.probe)
        window.store.load_failed.connect(self.offline.note_problem)
        window.database_opened.connect(self._on_main_database_opened)
        self._window_problem = window._on_runner_problem
        window.runner.set_problem_handler(self._on_runner_problem)
        window.installEventFilter(self)
        self._retranslate()

    # --- the database --------------------------------------------------------------------------------------

    def _on_main_database_opened(self) -> None:
        ctx = self.main.store.ctx
        if ctx is None:
            return
        self.live.start(ctx)
        self.offline.attach(ctx)
        self.refresh_profile()

    def refresh_profile(self) -> None:
        ctx = self.main.store.ctx
        if ctx is None:
            return

        def work() -> Profile:
            from takeover_planner.services import people

            return people.whoami(ctx)

        self.main.store.read(ctx, work, on_done=self._apply_profile, on_error=lambda exc: self.main.show_status(exc.message))

    def _apply_profile(self, profile: Profile) -> None:
        previous, self.profile = self.profile, profile
        if previous is not None and previous.visible_department != profile.visible_department:
            self.live.reload_keeping_view()  # a contributor sees only their own department's slots
        department = self.main.store.department(profile.department_id) if profile.department_id else None
        self.profile_label.setText(profile_text(profile, department.name if department else None))
        self.profile_label.setToolTip(profile_tooltip(profile))
        # What the services would refuse is greyed out; they still refuse it (with a message) if tried.
        self.main.new_action.setEnabled(profile.role != Role.READER)
        self.main.demo_action.setEnabled(profile.can_plan)
        self.main.page.set_profile(profile)
        self.profile_changed.emit(profile)

    def _on_runner_problem(self, exc: TakeoverError) -> None:
        if self.offline.note_problem(exc):
            self.main.show_status(user_message(exc))  # the banner says the rest; no message box per failure
            return
        self._window_problem(exc)

    # --- offline and back ------------------------------------------------------------------------------------

    def _on_offline_online_changed(self, online: bool) -> None:
        self.banner.set_waiting(self.offline.count)
        self.banner.setVisible(not online)
        self.live.paused = not online
        if online:
            self.main.show_status(self.tr("The team database is back."))
            if not self.offline.count:
                self.live.reload_keeping_view()  # catch up with what others did meanwhile
        else:
            self.main.show_status(self.tr("The team database cannot be reached."))

    def _on_offline_replayed(self, result: ReplayResult) -> None:
        self.live.reload_keeping_view()
        self.main.actions.undo_stack.clear()  # the history was made against the pre-offline versions
        saved = len(result.applied)
        if saved:
            self.main.show_status(self.tr("%n change(s) made while the database was away are saved.", "", saved))
        if not result.refused:
            return
        lines = "\n".join(f"• {item.arguments.get('label') or item.operation}: {message}"
                          for item, message in result.refused)
        box = QMessageBox(self.main)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changes not saved"))
        box.setText(self.tr("%n change(s) made while the database was away could not be saved:", "",
                            len(result.refused)))
        box.setInformativeText(lines + "\n\n" + self.tr(
            "Someone else changed the same slot meanwhile, or a booking rule now says no. The calendar shows "
            "what the database holds; make the change again if it is still wanted."))
        box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.finished.connect(self._on_replay_report_finished)
        self.replay_report = box
        box.open()

    def _on_replay_report_finished(self, _result: int) -> None:
        self.replay_report = None

    def _on_offline_problem(self, message: str) -> None:
        self.main.show_status(message)
        show_problem(self.main, message)

    # --- dialogs -----------------------------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        if self.settings_dialog is None:
            from takeover_planner.ui.team.settings_dialog import SettingsDialog

            dialog = SettingsDialog(self.main, self.main.settings, self.main.runner, lambda: self.main.store.ctx,
                                    self.main.paths, waiting_edits=lambda: self.offline.count)
            dialog.language_chosen.connect(self.main.set_language)
            dialog.name_chosen.connect(self._on_settings_name_chosen)
            dialog.database_chosen.connect(self.main.reopen_database)
            dialog.finished.connect(self._on_settings_finished)
            self.settings_dialog = dialog
        self.settings_dialog.open()
        return self.settings_dialog

    def _on_settings_finished(self, _result: int) -> None:
        self.settings_dialog = None

    def _on_settings_name_chosen(self, name: str) -> None:
        ctx = self.main.store.ctx
        if ctx is None:
            return
        from takeover_planner.services.context import default_actor

        ctx.actor = name or default_actor(self.main.settings)
        self.refresh_profile()

    def open_people(self) -> PeopleDialog | None:
        if self.main.store.ctx is None:
            return None
        if self.people_dialog is None:
            from takeover_planner.ui.team.people_dialog import PeopleDialog

            dialog = PeopleDialog(self.main, self.main.store, self.main.runner, self.profile,
                                  on_changed=self.refresh_profile)
            dialog.finished.connect(self._on_people_finished)
            self.people_dialog = dialog
        self.people_dialog.show()
        self.people_dialog.raise_()
        return self.people_dialog

    def _on_people_finished(self, _result: int) -> None:
        self.people_dialog = None

    # --- the window's life --------------------------------------------------------------------------------------

    def database_closing(self) -> None:
        """The window is about to close or switch databases: stop watching this one."""
        self.live.stop()
        self.offline.stop()
        self.banner.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main:
            if event.type() == QEvent.Type.Close:
                self.database_closing()
                for dialog in (self.settings_dialog, self.people_dialog, self.replay_report):
                    if isinstance(dialog, QWidget):
                        dialog.close()
            elif event.type() == QEvent.Type.LanguageChange:
                self._retranslate()
        return False

    def _retranslate(self) -> None:
        self.settings_action.setText(self.tr("&Settings…"))
        self.people_action.setText(self.tr("&People…"))
        if self.profile is not None:
            self._apply_profile(self.profile)


def install_team_mode(window: MainWindow) -> TeamHook:
    return TeamHook(window)
