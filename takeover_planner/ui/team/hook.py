"""Team mode as a feature of the window shell (``ui.shell``):

- File ▸ Settings… (Ctrl+,) and Manage ▸ People…;
- who you are (``services.people.whoami``) in the status area, told to the whole window through the shell's
  ``profile_changed`` (the window and the Publish menu grey out what your role may not do);
- live updates (``LiveUpdates``: the change watcher, reloads that keep your place), started with the shell's
  ``database_opened`` and stopped with its ``database_closing``, like every other background part;
- the offline banner at the top of the calendar and the outbox for edits made while the database is away
  (``OfflineEdits``: the booking actions hand it their failed edits; as a problem banner of the shell it takes
  every "cannot reach the database" problem, which then gets a status line and no message box).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout

from takeover_planner.ui.crash import show_problem
from takeover_planner.ui.shell import Menu
from takeover_planner.ui.team.live_updates import LiveUpdates
from takeover_planner.ui.team.offline import OfflineBanner, OfflineEdits
from takeover_planner.ui.team.profile import profile_text, profile_tooltip

if TYPE_CHECKING:
    from takeover_planner.domain.roles import Profile
    from takeover_planner.services.context import AppContext
    from takeover_planner.services.outbox import ReplayResult
    from takeover_planner.ui.shell import Shell
    from takeover_planner.ui.team.people_dialog import PeopleDialog
    from takeover_planner.ui.team.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

OUTBOX_FILE = "outbox.json"


class TeamHook(QObject):
    name: ClassVar[str] = "team"
    needs: ClassVar[tuple[str, ...]] = ()

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.setObjectName("teamHook")
        self.shell = shell
        self.profile: Profile | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.people_dialog: PeopleDialog | None = None
        self.replay_report: QMessageBox | None = None

        self.settings_action = QAction(shell.window)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        shell.add_menu_actions(Menu.FILE, self.settings_action)
        self.people_action = QAction(shell.window)
        self.people_action.triggered.connect(self.open_people)
        shell.add_menu_actions(Menu.MANAGE, self.people_action)

        self.profile_label = QLabel(shell.window)
        self.profile_label.setObjectName("profileLabel")
        shell.add_status_widget(self.profile_label)

        self.banner = OfflineBanner(shell.page)
        layout = shell.page.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.banner)
        self.offline = OfflineEdits(shell.store, shell.runner, shell.paths.data_dir / OUTBOX_FILE, self)
        shell.booking_actions.keep_offline_with(self.offline)
        self.live = LiveUpdates(shell.store, shell.page, self)

        self.offline.online_changed.connect(self._on_offline_online_changed)
        self.offline.count_changed.connect(self.banner.set_waiting)
        self.offline.replayed.connect(self._on_offline_replayed)
        self.offline.problem.connect(self._on_offline_problem)
        self.live.online_changed.connect(self.offline.set_online)
        self.live.reloaded.connect(self.refresh_profile)  # a comms officer may have changed your role meanwhile
        self.banner.retry_requested.connect(self.offline.probe)
        shell.store.load_failed.connect(self.offline.note_problem)
        shell.add_problem_banner(self.offline.note_problem)
        shell.database_opened.connect(self._on_shell_database_opened)
        shell.database_closing.connect(self._on_shell_database_closing)
        shell.window_closing.connect(self._on_shell_window_closing)
        shell.language_changed.connect(self._retranslate)
        self._retranslate()

    # --- the database --------------------------------------------------------------------------------------

    def _on_shell_database_opened(self, ctx: AppContext) -> None:
        self.live.start(ctx)
        self.offline.attach(ctx)
        self.refresh_profile()

    def _on_shell_database_closing(self) -> None:
        """Closing or switching databases: stop watching this one."""
        self.live.stop()
        self.offline.stop()
        self.banner.hide()

    def refresh_profile(self) -> None:
        ctx = self.shell.ctx
        if ctx is None:
            return

        def work() -> Profile:
            from takeover_planner.services import people

            return people.whoami(ctx)

        self.shell.store.read(ctx, work, on_done=self._apply_profile,
                              on_error=lambda exc: self.shell.show_error(exc.message))

    def _apply_profile(self, profile: Profile) -> None:
        previous, self.profile = self.profile, profile
        if previous is not None and previous.visible_department != profile.visible_department:
            self.live.reload_keeping_view()  # a contributor sees only their own department's slots
        department = self.shell.store.department(profile.department_id) if profile.department_id else None
        self.profile_label.setText(profile_text(profile, department.name if department else None))
        self.profile_label.setToolTip(profile_tooltip(profile))
        self.shell.profile_changed.emit(profile)

    # --- offline and back ------------------------------------------------------------------------------------

    def _on_offline_online_changed(self, online: bool) -> None:
        self.banner.set_waiting(self.offline.count)
        self.banner.setVisible(not online)
        self.live.paused = not online
        if online:
            self.shell.show_status(self.tr("The team database is back."))
            if not self.offline.count:
                self.live.reload_keeping_view()  # catch up with what others did meanwhile
        else:
            self.shell.show_status(self.tr("The team database cannot be reached."))

    def _on_offline_replayed(self, result: ReplayResult) -> None:
        self.live.reload_keeping_view()
        self.shell.booking_actions.undo_stack.clear()  # the history was made against the pre-offline versions
        saved = len(result.applied)
        if saved:
            self.shell.show_status(self.tr("%n change(s) made while the database was away are saved.", "", saved))
        if not result.refused:
            return
        lines = "\n".join(f"• {item.arguments.get('label') or item.operation}: {message}"
                          for item, message in result.refused)
        box = QMessageBox(self.shell.window)
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
        self.shell.show_error(message)
        show_problem(self.shell.window, message)

    # --- dialogs -----------------------------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        if self.settings_dialog is None:
            from takeover_planner.ui.team.settings_dialog import SettingsDialog

            shell = self.shell
            dialog = SettingsDialog(shell.window, shell.settings, shell.runner, lambda: shell.store.ctx, shell.paths,
                                    waiting_edits=lambda: self.offline.count)
            dialog.language_chosen.connect(shell.set_language)
            dialog.name_chosen.connect(self._on_settings_name_chosen)
            dialog.database_chosen.connect(shell.reopen_database)
            dialog.finished.connect(self._on_settings_finished)
            self.settings_dialog = dialog
            # As tall as its layout asks: a dialog's first size is capped at 2/3 of the screen, which on a
            # 1280×800 screen squeezed the team database fields to slivers (issue 16).
            dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSizeHint()))
        self.settings_dialog.open()
        return self.settings_dialog

    def _on_settings_finished(self, _result: int) -> None:
        self.settings_dialog = None

    def _on_settings_name_chosen(self, name: str) -> None:
        ctx = self.shell.ctx
        if ctx is None:
            return
        from takeover_planner.services.context import default_actor

        ctx.actor = name or default_actor(self.shell.settings)
        self.refresh_profile()

    def open_people(self) -> PeopleDialog | None:
        if self.shell.ctx is None:
            return None
        if self.people_dialog is None:
            from takeover_planner.ui.team.people_dialog import PeopleDialog

            dialog = PeopleDialog(self.shell.window, self.shell.store, self.shell.runner, self.profile,
                                  on_changed=self.refresh_profile)
            dialog.finished.connect(self._on_people_finished)
            self.people_dialog = dialog
        self.people_dialog.show()
        self.people_dialog.raise_()
        return self.people_dialog

    def _on_people_finished(self, _result: int) -> None:
        self.people_dialog = None

    # --- the window's life --------------------------------------------------------------------------------------

    def _on_shell_window_closing(self) -> None:
        for dialog in (self.settings_dialog, self.people_dialog, self.replay_report):
            if dialog is not None:
                dialog.close()

    def _retranslate(self) -> None:
        self.settings_action.setText(self.tr("&Settings…"))
        self.people_action.setText(self.tr("&People…"))
        if self.profile is not None:
            self._apply_profile(self.profile)
