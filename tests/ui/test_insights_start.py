"""Cold start: the insights hook adds no import while the window is built; the collector's modules
(``requests``, the Graph reader, the ledger) load on a worker once the database has opened. And the
periodic-runner helper shared by the insights collector and the publishing queue."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from takeover_planner.errors import EnvironmentProblem, EnvReason
from takeover_planner.texts.storage import StorageText
from takeover_planner.ui.periodic_task import PeriodicTask
from takeover_planner.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_is_built_without_requests_and_the_collector_loads_on_a_worker(tmp_path: Path) -> None:
    code = textwrap.dedent(f"""
        import sys, threading, time
        from takeover_planner.paths import resolve_paths
        from takeover_planner.settings import Settings
        from takeover_planner.ui.app import application
        from takeover_planner.ui.i18n import Translations
        from takeover_planner.ui.insights import hook as hook_module
        from takeover_planner.ui.main_window import MainWindow
        from takeover_planner.ui.tasks import TaskRunner

        threads = []
        real_import = hook_module._import_collector
        def recording_import():
            threads.append(threading.get_ident())
            real_import()
        hook_module._import_collector = recording_import

        app = application()
        paths = resolve_paths({str(tmp_path)!r}).ensure()
        settings = Settings(paths)
        settings.set("demo.offered", True)
        runner = TaskRunner()
        window = MainWindow(paths, settings, runner, Translations(app))
        # SQLAlchemy and the models load on a worker (ui.app.launch) while Qt builds the window; a module the window
        # imports that pulls them in puts a quarter of a second back on the GUI thread.
        lazy = ("requests", "takeover_planner.ui.insights.collector", "takeover_planner.services.insights_collection",
                "takeover_planner.services.insights_service", "takeover_planner.ui.insights.dashboard", "sqlalchemy",
                "takeover_planner.services.publishing_service")
        print("built:", [name for name in lazy if name in sys.modules])

        from takeover_planner.services.context import open_context
        window.attach(open_context({str(tmp_path)!r}, actor="Test Officer"))
        deadline = time.monotonic() + 30
        while window.insights.collector is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        collector = window.insights.collector
        print("collector:", collector is not None and collector.active)
        print("imported on a worker:", bool(threads) and threads[0] != threading.get_ident())
        window.close()
        print("stopped:", not collector.active)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.strip().splitlines()[-4:]
    assert lines == ["built: []", "collector: True", "imported on a worker: True", "stopped: True"], out.stdout


class _Counter(PeriodicTask):
    """A job whose results say how often it ran; a warning in the result is told once a day."""

    def __init__(self, tasks: TaskRunner, work: Any) -> None:
        super().__init__(tasks, work, interval_ms=60_000, timer_name="counterTimer", what="Counter")
        self.told: list[str] = []

    def report(self, result: Any) -> None:
        if self.first_today(result):
            self.told.append(result)
        super().report(result)


def test_a_periodic_task_runs_at_start_reports_and_tells_a_warning_once_a_day(qtbot: Any) -> None:
    runner = TaskRunner(inline=True)
    task = _Counter(runner, lambda: "token expires soon")
    finished: list[Any] = []
    busy: list[bool] = []
    task.run_finished.connect(finished.append)
    task.busy_changed.connect(busy.append)
    with qtbot.waitSignal(task.run_started):
        task.start()
    assert task.active and finished == ["token expires soon"]
    task.run_now()
    assert finished == ["token expires soon"] * 2 and task.told == ["token expires soon"]
    assert busy == [True, False, True, False] and not task.busy
    task.stop()
    assert not task.active
    task.deleteLater()
    runner.deleteLater()


def test_a_periodic_task_reports_a_refusal_and_runs_again_later(qtbot: Any) -> None:
    attempts: list[dt.datetime] = []
    locked = EnvironmentProblem(StorageText.LOCKED, reason=EnvReason.LOCKED)

    def refused() -> str:
        attempts.append(dt.datetime.now())
        if len(attempts) == 1:
            raise locked
        return "ok"

    runner = TaskRunner(inline=True)
    task = _Counter(runner, refused)
    with qtbot.waitSignal(task.run_refused) as refusal:
        task.run_now()
    assert refusal.args == [locked] and not task.busy
    with qtbot.waitSignal(task.run_finished) as finished:
        task.run_now()
    assert finished.args == ["ok"] and len(attempts) == 2
    task.deleteLater()
    runner.deleteLater()
