"""Insights as a feature of the window shell (``ui.shell``):

- a menu entry, View → "Insights and goals…" (Ctrl+Shift+I), that opens the insights window;
- the background ``InsightsCollector`` (on the runner's ``NETWORK`` lane), started with the shell's
  ``window_settled`` (the first view is painted) and stopped with its ``database_closing`` (Instagram keeps story insights for 24 hours
  only, so collecting must not wait for the insights window).

Nothing heavy is imported while the window is built: the collector (with ``requests``, the Graph reader and
the publishing ledger) is imported on a worker once the window has settled, and the insights window on first
use — the same way the publishing queue starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from takeover_planner.ui.shell import Menu
from takeover_planner.ui.tasks import NETWORK

if TYPE_CHECKING:
    from takeover_planner.services.context import AppContext
    from takeover_planner.ui.insights.collector import InsightsCollector
    from takeover_planner.ui.insights.dashboard import InsightsWindow
    from takeover_planner.ui.shell import Shell


def _import_collector() -> None:
    """On a worker: the collector's modules load off the GUI thread."""
    import takeover_planner.ui.insights.collector  # noqa: F401


class InsightsHook(QObject):
    name: ClassVar[str] = "insights"
    needs: ClassVar[tuple[str, ...]] = ()

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.setObjectName("insightsHook")
        self.shell = shell
        self.collector: InsightsCollector | None = None
        self.dashboard: InsightsWindow | None = None
        self.action = QAction(shell.window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.action.triggered.connect(self.open_dashboard)
        shell.add_menu_actions(Menu.VIEW, self.action)
        shell.window_settled.connect(self._on_shell_window_settled)
        shell.database_closing.connect(self.database_closing)
        shell.demo_loaded.connect(self._on_shell_demo_loaded)
        shell.language_changed.connect(self._retranslate)
        self._retranslate()

    def _on_shell_window_settled(self, ctx: AppContext) -> None:
        if self.collector is not None:
            self.collector.stop()
            self.collector.deleteLater()
            self.collector = None

        def imported(_result: object) -> None:
            if self.shell.ctx is ctx and self.collector is None:
                self._start_collector(ctx)

        # Nothing is due before a person has looked around: the import (and the first run after it) waits for a
        # pause in the browsing (ui/quiet_gate.py).
        self.shell.when_quiet(lambda: self.shell.runner.op(_import_collector).lane(NETWORK).on_done(imported)
                              .on_error(lambda exc: self.shell.show_error(exc.message)).run())

    def _start_collector(self, ctx: AppContext) -> None:
        from takeover_planner.ui.insights.collector import InsightsCollector

        self.collector = InsightsCollector(ctx, self.shell.runner, self)
        self.collector.account_problem.connect(self.shell.show_status)
        self.collector.start()

    def database_closing(self) -> None:
        """Closing or switching databases: the collector stops until the next database has opened."""
        if self.collector is not None:
            self.collector.stop()
        if self.dashboard is not None:
            self.dashboard.close()

    def _on_shell_demo_loaded(self) -> None:
        if self.dashboard is not None:
            self.dashboard.reload()

    def open_dashboard(self) -> InsightsWindow | None:
        ctx = self.shell.ctx
        if ctx is None:
            return None
        dashboard = self.dashboard
        if dashboard is None or dashboard.ctx is not ctx or dashboard.collector is not self.collector:
            from takeover_planner.ui.insights.dashboard import InsightsWindow  # first use: lean start-up

            if dashboard is not None:
                dashboard.close()  # opened before the collector was ready, or on another database
            dashboard = self.dashboard = InsightsWindow(ctx, self.shell.runner, self.collector, self.shell.window)
        dashboard.reload()
        dashboard.show()
        dashboard.raise_()
        dashboard.activateWindow()
        return dashboard

    def _retranslate(self) -> None:
        self.action.setText(self.tr("&Insights and goals…"))
