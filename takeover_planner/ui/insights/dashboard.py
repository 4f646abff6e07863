"""The insights window: followers against the team's goal (with the trend and the day the goal will be
reached at the current pace), each takeover's report, and the comparison across departments and campaigns.

Everything is read through ``insights_service`` on the window's ``TaskRunner``; nothing here talks to Instagram
(the background ``InsightsCollector`` does, and "Collect now" asks it to run at once).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.domain.timekeeping import today_oslo
from takeover_planner.errors import TakeoverError
from takeover_planner.insights.report import TakeoverReport
from takeover_planner.services import insights_service
from takeover_planner.services.context import AppContext
from takeover_planner.ui.i18n import date_text, datetime_text
from takeover_planner.ui.insights.charts import FollowerChart
from takeover_planner.ui.insights.collector import InsightsCollector
from takeover_planner.ui.insights.goal_dialog import GoalDialog
from takeover_planner.ui.insights.models import ComparisonModel, TakeoverListModel
from takeover_planner.ui.insights.report_view import TakeoverReportView
from takeover_planner.ui.insights.texts import goal_sentence, number
from takeover_planner.ui.insights.tiles import FigureTile
from takeover_planner.ui.tasks import READ, WRITE, TaskRunner
from takeover_planner.ui.theme import apply_theme
from takeover_planner.ui.window_keys import close_button, install_close_keys, retranslate_close_button


class InsightsWindow(QMainWindow):
    followers_loaded = Signal(object)  # AccountFollowers
    reports_loaded = Signal(int)  # how many takeovers

    def __init__(self, ctx: AppContext, tasks: TaskRunner, collector: InsightsCollector | None = None,
                 parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.collector = collector
        self._today = today
        self.followers: insights_service.AccountFollowers | None = None
        self.goal_dialog: GoalDialog | None = None
        self.setObjectName("insightsWindow")
        self.resize(1280, 860)

        # --- followers and goals ---
        self.account_box = QComboBox(self)
        self.account_box.currentIndexChanged.connect(self._on_account_box_changed)
        self.account_label = QLabel(self)
        self.account_label.setBuddy(self.account_box)
        self.goal_button = QPushButton(self)
        self.goal_button.setObjectName("primary")
        self.goal_button.clicked.connect(self.open_goal_dialog)
        self.collect_button = QPushButton(self)
        self.collect_button.clicked.connect(self.collect_now)
        self.goal_title = QLabel(self)
        self.goal_title.setObjectName("dialogHeading")
        self.goal_text = QLabel(self)
        self.goal_text.setWordWrap(True)
        self.invite = QLabel(self)
        self.invite.setObjectName("warning")
        self.invite.setWordWrap(True)
        self.sample = QLabel(self)
        self.sample.setObjectName("warning")
        self.sample.setWordWrap(True)
        self.tiles = [FigureTile(self) for _ in range(4)]
        self.chart = FollowerChart(self)
        self.history = QLabel(self)
        self.history.setObjectName("muted")
        self.history.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # problems name accounts

        top = QHBoxLayout()
        top.addWidget(self.account_label)
        top.addWidget(self.account_box, 1)
        top.addStretch(2)
        top.addWidget(self.collect_button)
        top.addWidget(self.goal_button)
        followers_page = QWidget(self)
        f_layout = QVBoxLayout(followers_page)
        f_layout.addLayout(top)
        f_layout.addWidget(self.sample)
        f_layout.addWidget(self.goal_title)
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for tile in self.tiles:
            tiles.addWidget(tile, 1)
        f_layout.addLayout(tiles)
        f_layout.addWidget(self.goal_text)
        f_layout.addWidget(self.invite)
        f_layout.addWidget(self.chart, 1)
        f_layout.addWidget(self.history)

        # --- takeovers ---
        self.takeovers = TakeoverListModel(self)
        self.takeover_table = QTableView(self)
        self.takeover_table.setModel(self.takeovers)
        self.takeover_table.verticalHeader().hide()
        self.takeover_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.takeover_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.takeover_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.takeover_table.selectionModel().currentRowChanged.connect(self._on_takeover_table_current_changed)
        self.report_view = TakeoverReportView(ctx, tasks, self)
        self.report_view.export_finished.connect(
            lambda path: self.status.setText(self.tr("Saved %1").replace("%1", path)))
        self.report_view.export_failed.connect(self.status.setText)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.takeover_table)
        self.splitter.addWidget(self.report_view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 1040])

        # --- comparison ---
        self.departments = ComparisonModel(self)
        self.campaigns = ComparisonModel(self)
        compare_page = QWidget(self)
        c_layout = QVBoxLayout(compare_page)
        self.department_title = QLabel(self)
        self.department_title.setObjectName("caption")
        self.campaign_title = QLabel(self)
        self.campaign_title.setObjectName("caption")
        self.compare_note = QLabel(self)
        self.compare_note.setObjectName("muted")
        self.compare_note.setWordWrap(True)
        self.comparison_tables = []
        for title, model in ((self.department_title, self.departments), (self.campaign_title, self.campaigns)):
            table = QTableView(self)
            table.setModel(model)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            c_layout.addWidget(title)
            c_layout.addWidget(table, 1)
            self.comparison_tables.append(table)
        c_layout.addWidget(self.compare_note)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(followers_page, "")
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(compare_page, "")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        self.close_button = close_button(self, central)  # Ctrl+W and Esc close the window too (issue 16)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        install_close_keys(self)
        self.setCentralWidget(central)

        if collector is not None:
            collector.run_finished.connect(self._on_collector_run_finished)
            collector.busy_changed.connect(self._on_collector_busy_changed)
            collector.run_refused.connect(lambda problem: self.status.setText(problem.message))
        apply_theme(self)
        self._retranslate()

    # --- loading -------------------------------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        return self._today or today_oslo()

    def reload(self) -> None:
        """Read the accounts, the chosen account's followers and every takeover report again."""
        ctx = self.ctx
        self.tasks.run(lambda: insights_service.accounts(ctx), on_done=self._on_accounts, on_error=self._on_error,
                       kind=READ)
        self.tasks.run(lambda: insights_service.takeover_reports(ctx), on_done=self._on_reports,
                       on_error=self._on_error, kind=READ)

    def _on_accounts(self, accounts: Any) -> None:
        current = self.account_box.currentData()
        self.account_box.blockSignals(True)
        self.account_box.clear()
        for account in accounts:
            self.account_box.addItem(account.name, account.id)
        index = max(0, self.account_box.findData(current)) if current is not None else 0
        self.account_box.setCurrentIndex(index)
        self.account_box.blockSignals(False)
        self._load_followers()

    def _on_account_box_changed(self, _index: int) -> None:
        self._load_followers()

    def _load_followers(self) -> None:
        account_id = self.account_box.currentData()
        if account_id is None:
            self._show_followers(None)
            return
        ctx, today = self.ctx, self.today
        self.tasks.run(lambda: insights_service.account_followers(ctx, account_id, today=today),
                       on_done=self._show_followers, on_error=self._on_error, kind=READ)

    def _show_followers(self, data: Any) -> None:
        self.followers = data
        self.goal_button.setEnabled(data is not None)
        if data is None:
            self.goal_title.setText(self.tr("No Instagram account yet."))
            self.goal_text.clear()
            self.invite.hide()
            self.sample.hide()
            self.chart.clear()
            self.history.clear()
            for tile in self.tiles:
                tile.hide()
            return
        self.sample.setVisible(data.sample)
        goal = data.goal
        latest = data.daily[-1] if data.daily else None
        self._show_tiles(data)
        if goal is None:
            self.goal_title.setText(self.tr("%1: no follower goal yet").replace("%1", data.account))
            self.goal_text.setText(self.tr("Followers now: %1 (%2).").replace("%1", number(latest[1])).replace(
                "%2", date_text(latest[0])) if latest else self.tr("No follower count has been read yet."))
        else:
            self.goal_title.setText(self.tr("Goal: %1 followers by %2").replace("%1", number(goal.target)).replace(
                "%2", date_text(goal.due)))
            self.goal_text.setText(goal_sentence(goal.progress))
        self.invite.setVisible(data.invite_new_goal)
        self.invite.setText(self.tr("Set a goal for the followers you want to reach, and by when: the chart then "
                                    "shows whether the current pace gets you there.") if goal is None else
                            self.tr("This goal is behind you. Set a new goal to keep track."))
        self.chart.show_followers(data.daily, goal.progress if goal else None,
                                  followers_name=self.tr("Followers"), goal_name=self.tr("Goal"),
                                  trend_name=self.tr("Trend (last 4 weeks)"))
        past = [self.tr("%1 by %2: reached %3").replace("%1", number(g.target)).replace("%2", date_text(g.due))
                .replace("%3", date_text(g.progress.reached_on)) if g.progress.reached_on else
                self.tr("%1 by %2: replaced").replace("%1", number(g.target)).replace("%2", date_text(g.due))
                for g in data.past_goals]
        self.history.setText(self.tr("Earlier goals: %1").replace("%1", "; ".join(past)) if past else "")
        self.followers_loaded.emit(data)

    def _show_tiles(self, data: insights_service.AccountFollowers) -> None:
        latest = data.daily[-1] if data.daily else None
        trend = data.trend
        figures = [(self.tr("Followers now"), number(latest[1]) if latest else "–",
                    date_text(latest[0]) if latest else self.tr("No count read yet")),
                   (self.tr("Growth a day"), number(trend.per_day, 1, signed=True) if trend else "–",
                    self.tr("Trend over the last 4 weeks"))]
        goal = data.goal
        if goal is not None:
            p = goal.progress
            figures.append((self.tr("Goal"), number(goal.target), self.tr("by %1").replace("%1", date_text(goal.due))))
            if p.reached_on is not None:
                figures.append((self.tr("Reached"), date_text(p.reached_on), self.tr("Time for a new goal")))
            else:
                needed = self.tr("%1 a day needed").replace("%1", number(p.needed_per_day, 1)) \
                    if p.needed_per_day is not None else ""
                figures.append((self.tr("At the current pace"), date_text(p.projected) if p.projected else
                                self.tr("Not reached"), needed))
        for index, tile in enumerate(self.tiles):
            if index < len(figures):
                tile.show_figure(*figures[index])
                tile.show()
            else:
                tile.hide()

    def _on_reports(self, reports: Any) -> None:
        selected = self.report_view.report.slot_id if self.report_view.report else None
        self.takeovers.set_reports(reports)
        comparison = insights_service.comparison(reports)
        self.departments.set_groups(comparison.departments, self.tr("Department"))
        self.campaigns.set_groups(comparison.campaigns, self.tr("Campaign"))
        row = next((i for i, r in enumerate(reports) if r.slot_id == selected), 0 if reports else -1)
        if row >= 0:
            self.takeover_table.selectRow(row)
            self.report_view.show_report(reports[row])
        else:
            self.report_view.show_report(None)
        self.reports_loaded.emit(len(reports))

    def show_takeover(self, slot_id: int) -> bool:
        """Open the takeovers tab on this slot's report (False if it has no published frames)."""
        for row, report in enumerate(self.takeovers.reports):
            if report.slot_id == slot_id:
                self.tabs.setCurrentIndex(1)
                self.takeover_table.selectRow(row)
                return True
        return False

    def _on_takeover_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() < len(self.takeovers.reports):
            report: TakeoverReport = self.takeovers.reports[current.row()]
            self.report_view.show_report(report)

    def _on_error(self, exc: TakeoverError) -> None:
        self.status.setText(exc.message)

    # --- goals ---------------------------------------------------------------------------------------------

    def open_goal_dialog(self) -> GoalDialog | None:
        data = self.followers
        if data is None:
            return None
        current = data.daily[-1][1] if data.daily else None
        dialog = GoalDialog(self, data.account, current=current, today=self.today)
        dialog.save_requested.connect(lambda target, due, note: self._save_goal(dialog, data.account_id, target,
                                                                                due, note))
        dialog.finished.connect(lambda _r: setattr(self, "goal_dialog", None))
        self.goal_dialog = dialog
        dialog.open()
        return dialog

    def _save_goal(self, dialog: GoalDialog, account_id: int, target: int, due: dt.date, note: str) -> None:
        ctx, today = self.ctx, self.today

        def done(_goal: object) -> None:
            dialog.accept()
            self.status.setText(self.tr("The new goal is set."))
            self._load_followers()

        self.tasks.run(lambda: insights_service.set_goal(ctx, account_id, target, due, note, today=today),
                       on_done=done, on_error=lambda exc: dialog.show_error(exc.message), kind=WRITE)

    # --- collecting ----------------------------------------------------------------------------------------

    def collect_now(self) -> None:
        if self.collector is not None:
            self.collector.run_now()

    def _on_collector_busy_changed(self, busy: bool) -> None:
        self.collect_button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Collecting insights…"))

    def _on_collector_run_finished(self, report: Any) -> None:
        text = self.tr("Insights collected at %1: %2 stories read.").replace(
            "%1", datetime_text(report.now)).replace("%2", str(report.stories_read))
        if report.missed:
            text += " " + self.tr("%1 stories passed their 24 hours without a read: not collected.").replace(
                "%1", str(len(report.missed)))
        for account in report.problems:
            text += f" {account.account}: {account.problem}"
        self.status.setText(text)
        self.reload()

    # --- language ------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Insights and goals"))
        retranslate_close_button(self.close_button)
        self.tabs.setTabText(0, self.tr("&Followers and goals"))
        self.tabs.setTabText(1, self.tr("&Takeover reports"))
        self.tabs.setTabText(2, self.tr("&Comparison"))
        self.account_label.setText(self.tr("&Account"))
        self.goal_button.setText(self.tr("Set a &goal…"))
        self.collect_button.setText(self.tr("C&ollect now"))
        self.sample.setText(self.tr("Sample data (demo): these followers are not real. Real counts replace them as "
                                    "soon as the app reads this account's followers."))
        self.department_title.setText(self.tr("By department"))
        self.campaign_title.setText(self.tr("By campaign"))
        self.compare_note.setText(self.tr("Averages over the frames whose insights were collected; frames that "
                                          "were not collected are left out, never counted as zero."))
        self.departments.first_title = self.tr("Department")
        self.campaigns.first_title = self.tr("Campaign")
        if self.followers is not None:
            self._show_followers(self.followers)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            apply_theme(self)
        super().changeEvent(event)
