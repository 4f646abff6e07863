"""The insights window (pytest-qt, offscreen, background work inline): followers against the goal, takeover
reports, the comparison, setting goals, the background collector, and the planner window's menu entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QLineSeries, QScatterSeries
from PySide6.QtCore import Qt

from takeover_planner.domain.timekeeping import oslo_datetime, today_oslo
from takeover_planner.insights.schedule import Collection
from takeover_planner.services import catalog, insights_service
from takeover_planner.services.context import AppContext
from takeover_planner.services.demo import load_demo
from takeover_planner.services.insights_collection import AccountRun, CollectReport
from takeover_planner.storage.models import FollowerCount
from takeover_planner.ui.i18n import BOKMAAL, ENGLISH, Translations
from takeover_planner.ui.insights.collector import InsightsCollector
from takeover_planner.ui.insights.dashboard import InsightsWindow
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.tasks import TaskRunner


@pytest.fixture
def demo_ctx(sqlite_ctx: AppContext) -> AppContext:
    load_demo(sqlite_ctx)
    return sqlite_ctx


@pytest.fixture
def insights(qtbot, demo_ctx: AppContext, runner: TaskRunner, translations: Translations) -> Iterator[InsightsWindow]:
    window = InsightsWindow(demo_ctx, runner)
    qtbot.addWidget(window)
    window.reload()
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def _series_names(window: InsightsWindow) -> list[str]:
    return [s.name() for s in window.chart.chart().series()]


def test_followers_goal_trend_and_the_day_the_goal_is_reached(insights: InsightsWindow) -> None:
    data = insights.followers
    assert data is not None and data.account == "Fjordvik kommune" and data.sample
    assert insights.sample.isVisible(), "the demo's history says it is sample data"
    goal = data.goal
    assert goal is not None and goal.target == 2200
    assert "2,200" in insights.goal_title.text()
    assert goal.progress.projected is not None
    assert "On track" in insights.goal_text.text() or "Behind" in insights.goal_text.text()
    series = insights.chart.chart().series()
    assert [type(s) for s in series] == [QLineSeries, QLineSeries, QScatterSeries, QLineSeries]
    assert _series_names(insights) == ["Followers", "Goal", "Goal", "Trend (last 4 weeks)"]
    followers = series[0]
    assert isinstance(followers, QLineSeries) and followers.count() == len(data.daily)
    assert followers.at(followers.count() - 1).y() == data.daily[-1][1]
    assert [t.value.text() for t in insights.tiles if t.isVisible()][:3] == [
        f"{data.daily[-1][1]:,}", f"+{goal.progress.trend.per_day:.1f}", "2,200"]  # type: ignore[union-attr]
    assert "1,500 by" in insights.history.text() and "reached" in insights.history.text()
    assert not insights.invite.isVisible()


def test_every_takeover_has_a_report_with_charts_and_a_row_per_frame(insights: InsightsWindow) -> None:
    reports = insights.takeovers.reports
    assert {r.department for r in reports} == {"Biblioteket", "Svømmehallen", "Brannvesenet", "Kulturhuset"}
    library = next(r for r in reports if r.department == "Biblioteket")
    assert insights.show_takeover(library.slot_id)
    view = insights.report_view
    assert view.report is not None and view.report.slot_id == library.slot_id
    assert view.model.rowCount() == len(library.frames)
    missed = next(i for i, f in enumerate(library.frames) if f.status == Collection.NOT_COLLECTED)
    assert view.model.index(missed, 2).data() == "Not collected"
    assert view.model.index(missed, 4).data() == "–", "a missed window is never shown as zero"
    assert view.missing_note.isVisible()
    bars = view.reach_chart.chart().series()[0]
    assert [s.label() for s in bars.barSets()] == ["Reach", "Views"]
    assert bars.barSets()[0].count() == library.published
    assert view.tiles[1].value.text() != "–"
    assert "Biblioteket" in view.title.text() and view.sample.isVisible()
    assert not insights.show_takeover(99999)


def test_the_comparison_lists_departments_and_campaigns(insights: InsightsWindow) -> None:
    assert insights.departments.rowCount() == 4
    assert insights.campaigns.rowCount() == 1
    assert insights.campaigns.index(0, 0).data() == "Åpne dører"
    assert insights.departments.headerData(5, Qt.Orientation.Horizontal) == "Stayed to last frame"


def test_setting_a_goal_shows_refusals_in_the_dialog_and_updates_the_dashboard(
        qtbot, insights: InsightsWindow) -> None:
    dialog = insights.open_goal_dialog()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    current = insights.followers.daily[-1][1]  # type: ignore[union-attr]
    dialog.target.setValue(current - 10)
    dialog._on_buttons_accepted()
    assert dialog.error.isVisible() and "already has" in dialog.error.text()
    assert dialog.isVisible(), "the dialog stays open with the reason"
    dialog.target.setValue(current + 500)
    dialog.due.setDate(dialog.due.date().addDays(30))
    dialog._on_buttons_accepted()
    assert not dialog.isVisible()
    assert insights.followers is not None and insights.followers.goal is not None
    assert insights.followers.goal.target == current + 500 and not insights.followers.goal.sample
    assert "replaced" in insights.history.text()


def test_a_reached_goal_is_celebrated_and_a_new_one_invited(qtbot, sqlite_ctx: AppContext, runner: TaskRunner,
                                                              translations: Translations) -> None:
    ctx = sqlite_ctx
    account = catalog.add_account(ctx, "Fjordvik kommune", handle="fjordvikkommune")
    today = today_oslo()
    insights_service.set_goal(ctx, account.id, 1500, today + dt.timedelta(days=60), today=today)
    with ctx.db.write() as s:
        for back, count in ((3, 1470), (2, 1490), (1, 1504), (0, 1511)):
            moment = oslo_datetime(today - dt.timedelta(days=back), dt.time(8))
            s.add(FollowerCount(account_id=account.id, read_at=moment.astimezone(dt.UTC), followers=count))
    window = InsightsWindow(ctx, runner)
    qtbot.addWidget(window)
    window.reload()
    assert window.followers is not None and window.followers.invite_new_goal
    assert "Goal reached on" in window.goal_text.text()
    assert window.invite.isVisibleTo(window) and "new goal" in window.invite.text()
    assert not window.sample.isVisibleTo(window), "real readings: no sample banner"
    window.close()


def test_an_empty_database_says_so(qtbot, sqlite_ctx: AppContext, runner: TaskRunner,
                                   translations: Translations) -> None:
    window = InsightsWindow(sqlite_ctx, runner)
    qtbot.addWidget(window)
    window.reload()
    assert window.goal_title.text() == "No Instagram account yet." and not window.goal_button.isEnabled()
    assert window.takeovers.rowCount() == 0 and window.report_view.report is None
    assert not window.report_view.pdf_button.isEnabled()
    window.close()


def test_the_report_is_exported_as_csv_through_the_service(qtbot, insights: InsightsWindow, tmp_path: Path) -> None:
    view = insights.report_view
    target = tmp_path / "report.csv"
    with qtbot.waitSignal(view.export_finished, timeout=5000) as blocker:
        view.export_to(target)
    assert blocker.args == [str(target)]
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with qtbot.waitSignal(view.export_failed, timeout=5000) as failed:
        view.export_to(tmp_path / "report.txt")
    assert ".pdf or .csv" in failed.args[0]


def test_the_window_speaks_bokmaal(qtbot, insights: InsightsWindow, translations: Translations) -> None:
    translations.apply(BOKMAAL)
    try:
        # Qt posts the language change to every window: it arrives on the next turn of the event loop.
        qtbot.waitUntil(lambda: insights.windowTitle() == "Innsikt og mål", timeout=2000)
        assert insights.tabs.tabText(1) == "&Rapporter for overtakelser"
        assert "Mål: 2" in insights.goal_title.text()
        assert _series_names(insights)[0] == "Følgere"
        assert insights.report_view.pdf_button.text() == "Lagre som PDF …"
    finally:
        translations.apply(ENGLISH)


def _report(problem: str = "") -> CollectReport:
    run = AccountRun(1, "Fjordvik kommune", followers=1200, stories_read=2, problem=problem,
                     advice="Set a new token." if problem else "")
    return CollectReport(dt.datetime.now(dt.UTC), [run])


def test_the_collector_runs_at_start_on_its_timer_and_reports_a_problem_once_a_day(
        qtbot, sqlite_ctx: AppContext, runner: TaskRunner) -> None:
    calls: list[AppContext] = []

    def fake_collect(ctx: AppContext) -> CollectReport:
        calls.append(ctx)
        return _report("The token expired.")

    collector = InsightsCollector(sqlite_ctx, runner, interval_ms=60_000, runner=fake_collect)
    problems: list[str] = []
    collector.account_problem.connect(problems.append)
    with qtbot.waitSignal(collector.run_finished) as finished:
        collector.start()
    assert collector.active and len(calls) == 1 and finished.args[0].stories_read == 2
    collector.run_now()
    assert len(calls) == 2
    assert problems == ["The token expired. Set a new token."], "the same problem is told once a day"
    collector.stop()
    assert not collector.active


def test_a_refused_run_is_reported_and_the_collector_stays_usable(qtbot, sqlite_ctx: AppContext,
                                                                  runner: TaskRunner) -> None:
    from takeover_planner.errors import EnvironmentProblem, EnvReason
    from takeover_planner.texts.storage import StorageText

    problem = EnvironmentProblem(StorageText.LOCKED, reason=EnvReason.LOCKED)

    def locked(_ctx: AppContext) -> CollectReport:
        raise problem

    collector = InsightsCollector(sqlite_ctx, runner, runner=locked)
    with qtbot.waitSignal(collector.run_refused) as refused:
        collector.run_now()
    assert refused.args == [problem] and not collector.busy


def test_the_planner_window_opens_insights_from_the_view_menu_and_collects_in_the_background(
        qtbot, window: MainWindow) -> None:
    hook = window.insights
    assert hook.action in window.view_menu.actions()
    assert hook.action.shortcut().toString() == "Ctrl+Shift+I"
    assert hook.collector is not None and hook.collector.active, "collecting starts with the database"
    dashboard = hook.open_dashboard()
    assert dashboard is not None and dashboard.isVisible()
    assert dashboard.collector is hook.collector
    window.translations.apply(BOKMAAL)
    try:
        qtbot.waitUntil(lambda: hook.action.text() == "&Innsikt og mål …", timeout=2000)
    finally:
        window.translations.apply(ENGLISH)
    window.close()
    assert not hook.collector.active and not dashboard.isVisible()
