"""Publishing as a feature of the window shell (``ui.shell``):

- the Publish menu: Publish due frames now, Hand-off pack for this slot…, Mark posted by hand… (the hand-off
  checklist sends people to "Publish → Mark posted by hand"), Set account token…, Publishing status…;
- the in-app queue (``ui.publish_queue.PublishQueue``, on the runner's ``NETWORK`` lane), started a few seconds
  after the shell's ``database_opened`` and stopped with its ``database_closing``. The queue, ``requests`` and
  the publishing services are imported on a worker the first time, so they never slow the window's start;
- a notification for each failure that never blocks: a status bar line, a "Publishing: N problems" button
  in the status bar, and the publishing status window listing every frame and account.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.ui.crash import show_problem
from takeover_planner.ui.publishing.status_window import PublishEvent
from takeover_planner.ui.tasks import NETWORK

if TYPE_CHECKING:
    from takeover_planner.domain.roles import Profile
    from takeover_planner.errors import TakeoverError
    from takeover_planner.publishing.publisher import PublishOutcome
    from takeover_planner.publishing.queue import RunReport
    from takeover_planner.services.context import AppContext
    from takeover_planner.ui.publish_queue import PublishQueue
    from takeover_planner.ui.publishing.status_window import PublishingWindow
    from takeover_planner.ui.shell import Shell

log = logging.getLogger(__name__)

START_DELAY_MS = 4_000  # after the database opens: the first paint and the first reads come first
MAX_EVENTS = 200


def _import_publishing() -> None:
    """On a worker: what the queue needs (requests, the Graph client, the ledger) loads off the GUI thread."""
    import takeover_planner.services.handoff_service  # noqa: F401
    import takeover_planner.ui.publish_queue  # noqa: F401


class PublishingHook(QObject):
    name: ClassVar[str] = "publishing"
    needs: ClassVar[tuple[str, ...]] = ()

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.setObjectName("publishingHook")
        self.shell = shell
        self.queue: PublishQueue | None = None
        self.queue_runner: Any = None  # tests: a stand-in for publishing_service.publish_due
        self.profile: Profile | None = None
        self.events: list[PublishEvent] = []
        self.status_window: PublishingWindow | None = None
        self.dialogs: list[QWidget] = []
        self._queue_ctx: AppContext | None = None

        self.menu = QMenu(shell.window)
        self.publish_now_action = self._add(self.publish_now)
        self.menu.addSeparator()
        self.handoff_action = self._add(self.open_handoff)
        self.posted_action = self._add(self.open_posted_by_hand)
        self.menu.addSeparator()
        self.token_action = self._add(self.open_token)
        self.menu.addSeparator()
        self.status_action = self._add(self.open_status)
        shell.add_menu(self.menu)

        self.indicator = QToolButton(shell.window)
        self.indicator.setObjectName("publishingIndicator")
        self.indicator.setAutoRaise(True)
        self.indicator.clicked.connect(self.open_status)
        self.indicator.hide()
        shell.add_status_widget(self.indicator)

        self.start_timer = QTimer(self)
        self.start_timer.setObjectName("publishStartTimer")
        self.start_timer.setSingleShot(True)
        self.start_timer.setInterval(START_DELAY_MS)
        # Then at the next pause in the browsing (ui/quiet_gate.py): the first run imports the publisher and
        # compiles its queries, Python work that would slow every month switch it overlaps.
        self.start_timer.timeout.connect(self._on_start_timer_timeout)
        shell.database_opened.connect(self._on_shell_database_opened)
        shell.database_closing.connect(self.database_closing)
        shell.window_closing.connect(self._on_shell_window_closing)
        shell.profile_changed.connect(self._on_shell_profile_changed)
        shell.language_changed.connect(self._retranslate)
        self._retranslate()

    def _add(self, slot: Any) -> QAction:
        action = QAction(self.shell.window)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    # --- the queue ---------------------------------------------------------------------------------------

    def _on_shell_database_opened(self, _ctx: AppContext) -> None:
        self.start_timer.start()

    def _on_start_timer_timeout(self) -> None:
        self.shell.when_quiet(self.start_queue)

    def start_queue(self) -> None:
        """Start the in-app queue for the open database (its modules imported on a worker first)."""
        self.start_timer.stop()
        ctx = self.shell.ctx
        if ctx is None or (self.queue is not None and self._queue_ctx is ctx):
            return

        def imported(_result: object) -> None:
            if self.shell.ctx is ctx and self.queue is None:
                self._create_queue(ctx)

        self.shell.runner.op(_import_publishing).lane(NETWORK).on_done(imported).on_error(
            lambda exc: self.shell.show_error(exc.message)).run()

    def _create_queue(self, ctx: AppContext) -> PublishQueue:
        from takeover_planner.ui.publish_queue import PublishQueue

        queue = PublishQueue(ctx, self.shell.runner, self, runner=self.queue_runner)
        queue.progress_changed.connect(self._on_queue_progress_changed)
        queue.frame_published.connect(self._on_queue_frame_published)
        queue.frame_failed.connect(self._on_queue_frame_failed)
        queue.notice_raised.connect(self._on_queue_notice_raised)
        queue.run_refused.connect(self._on_queue_run_refused)
        queue.run_finished.connect(self._on_queue_run_finished)
        self.queue, self._queue_ctx = queue, ctx
        queue.start()
        return queue

    def publish_now(self) -> None:
        ctx = self.shell.ctx
        if ctx is None:
            return
        self.shell.show_status(self.tr("Publishing the frames that are due…"))
        if self.queue is None or self._queue_ctx is not ctx:
            self.queue = None
            self._create_queue(ctx)  # start() looks at once
        else:
            self.queue.run_now()

    def database_closing(self) -> None:
        """Closing or switching databases: the queue stops (a run under way finishes on its own)."""
        self.start_timer.stop()
        if self.queue is not None:
            self.queue.stop()
        self.queue, self._queue_ctx = None, None
        if self.status_window is not None:
            self.status_window.close()

    # --- what the queue reports ------------------------------------------------------------------------------

    def _record(self, text: str, *, problem: bool) -> None:
        if not (self.events and self.events[0].text == text):  # the same refusal every minute says nothing new
            self.events.insert(0, PublishEvent(now_utc(), text, problem))
            del self.events[MAX_EVENTS:]
        self._update_indicator()
        if self.status_window is not None:
            self.status_window.show_events(self.events)

    def _on_queue_progress_changed(self, done: int, total: int, _outcome: PublishOutcome) -> None:
        self.shell.show_status(self.tr("Publishing: frame %1 of %2…").replace("%1", str(done)).replace("%2", str(total)))

    def _on_queue_frame_published(self, outcome: PublishOutcome) -> None:
        text = self.tr("Frame #%1 is published.").replace("%1", str(outcome.frame_id))
        self.shell.show_status(text)
        self._record(text, problem=False)

    def _on_queue_frame_failed(self, outcome: PublishOutcome) -> None:
        reason = " ".join(part for part in (outcome.message, outcome.advice) if part)
        text = self.tr("Frame #%1 was not published: %2").replace("%1", str(outcome.frame_id)).replace("%2", reason)
        self.shell.show_status(text)
        self._record(text, problem=True)

    def _on_queue_notice_raised(self, notice: str) -> None:
        self.shell.show_status(notice)
        self._record(notice, problem=True)

    def _on_queue_run_refused(self, problem: TakeoverError) -> None:
        text = self.tr("Publishing could not run: %1").replace("%1", problem.message)
        self.shell.show_status(text)
        self._record(text, problem=True)

    def _on_queue_run_finished(self, _report: RunReport) -> None:
        if self.status_window is not None and self.status_window.isVisible():
            self.status_window.reload()

    def _update_indicator(self) -> None:
        problems = sum(1 for e in self.events if e.problem)
        self.indicator.setVisible(problems > 0)
        self.indicator.setText(self.tr("Publishing: %n problem(s)", "", problems))
        self.indicator.setToolTip(self.tr("Open the publishing status"))

    # --- menu commands ---------------------------------------------------------------------------------------

    def open_status(self) -> PublishingWindow | None:
        if self.shell.ctx is None:
            return None
        if self.status_window is None:
            from takeover_planner.ui.publishing.status_window import PublishingWindow

            self.status_window = PublishingWindow(self.shell.store, self.shell.window)
            self.status_window.publish_now_requested.connect(self.publish_now)
        self.status_window.show_events(self.events)
        self.status_window.reload()
        self.status_window.show()
        self.status_window.raise_()
        return self.status_window

    def _selected_slot(self) -> int | None:
        slot_id = self.shell.page.selected_id
        if self.shell.ctx is None:
            return None
        if not slot_id:
            message = self.tr("Select a slot in the calendar first.")
            self.shell.show_error(message)
            show_problem(self.shell.window, message)
            return None
        return slot_id

    def _keep(self, dialog: QWidget) -> None:
        self.dialogs = [d for d in self.dialogs if d is not dialog]
        self.dialogs.append(dialog)
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget(d))

    def _forget(self, dialog: QWidget) -> None:
        self.dialogs = [d for d in self.dialogs if d is not dialog]

    def open_handoff(self) -> QObject | None:
        slot_id = self._selected_slot()
        if slot_id is None:
            return None
        from takeover_planner.ui.publishing.dialogs import HandoffDialog

        # The checklist goes to whoever posts for the department: in the brief's language, not the window's.
        dialog = HandoffDialog(self.shell.window, self.shell.store, self.shell.runner, slot_id)
        dialog.pack_written.connect(self.shell.show_status)
        self._keep(dialog)
        dialog.open()
        return dialog

    def open_posted_by_hand(self) -> QObject | None:
        slot_id = self._selected_slot()
        if slot_id is None:
            return None
        from takeover_planner.ui.publishing.dialogs import PostedByHandDialog

        dialog = PostedByHandDialog(self.shell.window, self.shell.store, self.shell.runner, slot_id)
        dialog.marked.connect(self.shell.show_status)
        self._keep(dialog)
        dialog.open()
        return dialog

    def open_token(self) -> QObject | None:
        if self.shell.ctx is None:
            return None
        from takeover_planner.ui.publishing.dialogs import TokenDialog

        dialog = TokenDialog(self.shell.window, self.shell.store, self.shell.runner)
        dialog.token_set.connect(self._on_token_set)
        self._keep(dialog)
        dialog.open()
        return dialog

    def _on_token_set(self, text: str) -> None:
        self.shell.show_status(text)
        if self.status_window is not None and self.status_window.isVisible():
            self.status_window.reload()

    # --- roles, closing, texts ---------------------------------------------------------------------------------

    def _on_shell_profile_changed(self, profile: Profile) -> None:
        self.profile = profile
        # The services refuse these for anyone but a comms officer; the menu says so before anyone tries.
        for action in (self.publish_now_action, self.handoff_action, self.posted_action, self.token_action):
            action.setEnabled(profile.can_plan)

    def _on_shell_window_closing(self) -> None:
        for dialog in list(self.dialogs):
            dialog.close()

    def _retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Publish"))
        self.publish_now_action.setText(self.tr("Publish &due frames now"))
        self.handoff_action.setText(self.tr("&Hand-off pack for this slot…"))
        self.posted_action.setText(self.tr("&Mark posted by hand…"))
        self.token_action.setText(self.tr("Set account &token…"))
        self.status_action.setText(self.tr("Publishing &status…"))
        self._update_indicator()

