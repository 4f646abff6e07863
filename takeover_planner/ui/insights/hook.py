"""How the insights feature joins the planner window, from one call in ``MainWindow.__init__``:

- a menu entry, View → "Insights and goals…" (Ctrl+Shift+I), that opens the insights window;
- the background ``InsightsCollector``, started when the database is open and stopped when the window closes
  (Instagram keeps story insights for 24 hours only, so collecting must not wait for the insights window).
Everything is owned by an ``InsightsHook`` child of the main window; it watches the window's close and
language-change events through an event filter, so ``MainWindow`` needs no other change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence

from takeover_planner.ui.insights.collector import InsightsCollector
from takeover_planner.ui.insights.dashboard import InsightsWindow

if TYPE_CHECKING:
    from takeover_planner.ui.main_window import MainWindow


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
        self.collector = InsightsCollector(ctx, self.main.runner, self)
        self.collector.account_problem.connect(self.main.show_status)
        self.collector.start()

    def _on_main_demo_loaded(self) -> None:
        if self.dashboard is not None:
            self.dashboard.reload()

    def open_dashboard(self) -> InsightsWindow | None:
        ctx = self.main.store.ctx
        if ctx is None:
            return None
        if self.dashboard is None or self.dashboard.ctx is not ctx:
            self.dashboard = InsightsWindow(ctx, self.main.runner, self.collector, self.main)
        self.dashboard.reload()
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()
        return self.dashboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main:
            if event.type() == QEvent.Type.Close:
                if self.collector is not None:
                    self.collector.stop()
                if self.dashboard is not None:
                    self.dashboard.close()
            elif event.type() == QEvent.Type.LanguageChange:
                self._retranslate()
        return False

    def _retranslate(self) -> None:
        self.action.setText(self.tr("&Insights and goals…"))


def install_insights(window: MainWindow) -> InsightsHook:
    return InsightsHook(window)
