"""How the insights feature joins the planner window, from one call in ``MainWindow.__init__``:

- a menu entry, View → "Insights and goals…" (Ctrl+Shift+I), that opens the insights window;
- the background ``InsightsCollector``, started when the database is open and stopped when the window closes
  (Instagram keeps story insights for 24 hours only, so collecting must not wait for the insights window).
Everything is owned by an ``InsightsHook`` child of the main window; it watches the window's close and
language-change events through an event filter, so ``MainWindow`` needs no other change.

Nothing heavy is imported while the window is built: the collector (with ``requests``, the Graph reader and
the publishing ledger) is imported on a worker once the database has opened, and the insights window on first
use — the same way the publishing queue starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence

from takeover_planner.ui.tasks import READ

if TYPE_CHECKING:
    from takeover_planner.services.context import AppContext
    from takeover_planner.ui.insights.collector import InsightsCollector
    from takeover_planner.ui.insights.dashboard import InsightsWindow
    from takeover_planner.ui.main_window import MainWindow


def _import_collector() -> None:
    """On a worker: the collector's modules load off the GUI thread."""
    import takeover_planner.ui.insights.collector  # noqa: F401


class InsightsHook(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("insightsHook")
        self.main = window
        self.collector: InsightsCollector | None = None
        self.dashboard: InsightsWindow | None = None
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.action.triggered.connect(self.open_dashboard)
        window.addAction(self.action)
        window.view_menu.addSeparator()
        window.view_menu.addAction(self.action)
        window.database_opened.connect(self._on_main_database_opened)
        window.demo_loaded.connect(self._on_main_demo_loaded)
        window.installEventFilter(self)
        self._retranslate()

    def _on_main_database_opened(self) -> None:
        ctx = self.main.store.ctx
        if ctx is None:
            return
        if self.collector is not None:
            self.collector.stop()
            self.collector.deleteLater()
            self.collector = None

        def imported(_result: object) -> None:
            if self.main.store.ctx is ctx and self.collector is None:
                self._start_collector(ctx)

        self.main.runner.run(_import_collector, on_done=imported,
                             on_error=lambda exc: self.main.show_status(exc.message), kind=READ)

    def _start_collector(self, ctx: AppContext) -> None:
        from takeover_planner.ui.insights.collector import InsightsCollector

        self.collector = InsightsCollector(ctx, self.main.runner, self)
        self.collector.account_problem.connect(self.main.show_status)
        self.collector.start()

    def database_closing(self) -> None:
        """Switching databases: the collector stops until the next database has opened."""
        if self.collector is not None:
            self.collector.stop()
        if self.dashboard is not None:
            self.dashboard.close()

    def _on_main_demo_loaded(self) -> None:
        if self.dashboard is not None:
            self.dashboard.reload()

    def open_dashboard(self) -> InsightsWindow | None:
        ctx = self.main.store.ctx
        if ctx is None:
            return None
        dashboard = self.dashboard
        if dashboard is None or dashboard.ctx is not ctx or dashboard.collector is not self.collector:
            from takeover_planner.ui.insights.dashboard import InsightsWindow  # first use: lean start-up

            if dashboard is not None:
                dashboard.close()  # opened before the collector was ready, or on another database
            dashboard = self.dashboard = InsightsWindow(ctx, self.main.runner, self.collector, self.main)
        dashboard.reload()
        dashboard.show()
        dashboard.raise_()
        dashboard.activateWindow()
        return dashboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main:
            if event.type() == QEvent.Type.Close:
                self.database_closing()
            elif event.type() == QEvent.Type.LanguageChange:
                self._retranslate()
        return False

    def _retranslate(self) -> None:
        self.action.setText(self.tr("&Insights and goals…"))


def install_insights(window: MainWindow) -> InsightsHook:
    return InsightsHook(window)
