"""The in-app publishing queue: runs publish_due through the task helper and signals progress and failures."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from takeover_planner.errors import EnvironmentProblem, EnvReason
from takeover_planner.publishing.queue import RunReport
from takeover_planner.services import publishing_service
from takeover_planner.services.context import AppContext
from takeover_planner.texts.storage import StorageText
from takeover_planner.ui.publish_queue import PublishQueue
from takeover_planner.ui.tasks import TaskRunner
from tests.fakes.publish_world import due_time, png_bytes, running_world


def test_a_run_reports_progress_each_publish_and_each_failure(qtbot: Any, sqlite_ctx: AppContext) -> None:
    with running_world(sqlite_ctx) as world:
        good = world.add_frame(minute=0)
        bad = world.add_frame(minute=1, content=png_bytes(2))

        def runner(ctx: AppContext, now: dt.datetime | None, progress: Any) -> RunReport:
            return publishing_service.publish_due(ctx, due_time(), progress, env=world.env())

        tasks = TaskRunner(inline=True)
        queue = PublishQueue(sqlite_ctx, tasks, runner=runner, interval_ms=60_000)
        progress: list[tuple[int, int, int]] = []
        published: list[int] = []
        failed: list[tuple[int, str]] = []
        finished: list[RunReport] = []
        queue.progress_changed.connect(lambda d, t, o: progress.append((d, t, o.frame_id)))
        queue.frame_published.connect(lambda o: published.append(o.frame_id))
        queue.frame_failed.connect(lambda o: failed.append((o.frame_id, o.advice)))
        queue.run_finished.connect(finished.append)

        queue.run_now()

        assert progress == [(1, 2, good), (2, 2, bad)]
        assert published == [good]
        assert len(failed) == 1 and failed[0][0] == bad and failed[0][1], "each failure says what to do"
        assert len(finished) == 1 and not queue.busy
        queue.deleteLater()


def test_the_timer_starts_stops_and_never_overlaps_runs(qtbot: Any, sqlite_ctx: AppContext) -> None:
    started = threading.Event()
    release = threading.Event()
    calls: list[int] = []

    def slow_runner(ctx: AppContext, now: dt.datetime | None, progress: Any) -> RunReport:
        calls.append(1)
        started.set()
        release.wait(5)
        return RunReport("test", dt.datetime.now(dt.UTC))

    tasks = TaskRunner()
    queue = PublishQueue(sqlite_ctx, tasks, runner=slow_runner, interval_ms=50)
    try:
        with qtbot.waitSignal(queue.run_started, timeout=2000):
            queue.start()
        assert queue.active and started.wait(2)
        qtbot.wait(200)  # several ticks pass while the first run is still under way
        assert calls == [1] and queue.busy
        with qtbot.waitSignal(queue.run_finished, timeout=5000):
            release.set()
        queue.stop()
        assert not queue.active
    finally:
        release.set()
        queue.stop()
        tasks.shutdown()
        queue.deleteLater()


def test_a_refused_run_is_reported_and_notices_come_once(qtbot: Any, sqlite_ctx: AppContext) -> None:
    attempts: list[int] = []

    def runner(ctx: AppContext, now: dt.datetime | None, progress: Any) -> RunReport:
        attempts.append(1)
        if len(attempts) == 1:
            raise EnvironmentProblem(StorageText.LOCKED, reason=EnvReason.LOCKED)
        report = RunReport("test", dt.datetime.now(dt.UTC))
        report.notices.append("The token for Oslo kommune expires on 2030-01-01 10:00 (in 3 days).")
        return report

    queue = PublishQueue(sqlite_ctx, TaskRunner(inline=True), runner=runner, interval_ms=60_000)
    refused: list[EnvironmentProblem] = []
    notices: list[str] = []
    queue.run_refused.connect(refused.append)
    queue.notice_raised.connect(notices.append)
    queue.run_now()
    assert [problem.reason for problem in refused] == [EnvReason.LOCKED] and not queue.busy
    queue.run_now()
    queue.run_now()
    assert notices == ["The token for Oslo kommune expires on 2030-01-01 10:00 (in 3 days)."]
    queue.deleteLater()
