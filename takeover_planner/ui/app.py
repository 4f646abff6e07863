"""Starting the desktop app: `takeover-planner` with no subcommand, or `takeover-planner gui`.

Start-up is ordered for speed: folders, settings and the language are resolved first (no database
libraries needed), the window is shown, and only then is the database opened, created or migrated on a
worker thread. SQLAlchemy and the services are imported there, so the window paints while they load.
"""

from __future__ import annotations

import gc
import linecache
import logging
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from takeover_planner.logging_setup import configure_logging
from takeover_planner.paths import resolve_paths
from takeover_planner.settings import Settings
from takeover_planner.ui.crash import CrashReporter
from takeover_planner.ui.i18n import Translations, resolve_language
from takeover_planner.ui.icons import icon
from takeover_planner.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from takeover_planner.ui.main_window import MainWindow

log = logging.getLogger(__name__)

APP_NAME = "Takeover Planner"
START_GC_PAUSE_MS = 10_000


@dataclass
class Running:
    app: QApplication
    window: MainWindow
    runner: TaskRunner
    translations: Translations
    crash: CrashReporter


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("TakeoverPlanner")
    app.setDesktopFileName("takeover-planner")
    app.setWindowIcon(icon("takeover-planner"))
    return app


def launch(home: str | None = None, db_url: str | None = None, user: str | None = None) -> Running:
    """Build and show the planner window; the database opens in the background right after."""
    # Start-up makes a few hundred thousand objects (modules, classes, the ORM's mappers, the window) and none of
    # them is garbage, yet the cyclic collector walks them again and again as they pile up: ≈ 60 ms of a 0.6 s
    # start (tests/benchmarks/bench_ui.py). It is paused until the database has opened (then the start-up heap is
    # frozen out of its rounds, see _settle_after_start), and at the latest for START_GC_PAUSE_MS.
    gc.disable()
    # Opening the database is the longest step of a start: a worker imports what it needs (SQLAlchemy's ORM, the
    # models, the services) from the first moment, while this thread makes the application and builds the window
    # (much of which is Qt's own C++ work, so the two overlap).
    runner = TaskRunner()
    runner.run(_import_database_layer)
    paths = resolve_paths(home).ensure()
    configure_logging(paths)
    settings = Settings.load(paths)
    app = application()
    translations = Translations(app)
    translations.apply(resolve_language(settings.get("ui.language")))
    # The window's modules are imported here, after the worker has started: its imports run alongside.
    from takeover_planner.ui.main_window import MainWindow

    window = MainWindow(paths, settings, runner, translations, home=home, db_url=db_url, user=user)
    crash = CrashReporter(paths.log_file, lambda: window)
    crash.install()
    runner.set_bug_handler(crash.report)
    window.shell.database_opened.connect(_settle_after_start, Qt.ConnectionType.SingleShotConnection)
    QTimer.singleShot(START_GC_PAUSE_MS, gc.enable)  # a database that never opens must not leave it paused
    window.show()
    window.start()
    return Running(app, window, runner, translations, crash)


def _settle_after_start(_ctx: object) -> None:
    """What starting made (modules, the window, the first year's slots) lives as long as the app: take it out
    of the cyclic garbage collector's rounds. Otherwise a full collection, which walks every object, stalls
    the window for ~60 ms now and then with a busy plan loaded (seen as a stutter while typing a search)."""
    gc.freeze()
    gc.enable()
    _drop_source_lines()


def _drop_source_lines(*_args: object) -> None:
    """PySide6 replaces ``__import__`` and, to support its opt-in ``__feature__`` syntax, reads the source of
    every module imported after it (``inspect.getsource``), which leaves each file's text in ``linecache``: some
    25 MB once the database layer and the window's features are in. Nothing here needs that text (a traceback
    reads the lines it shows again), so the cache is emptied once the start-up imports are done: when the
    database layer is imported (on its worker) and when the database has opened. (The features' imports, which
    wait for a pause in the browsing, add nothing to it: measured empty 16 s after a start.) The memory is then
    reused instead of growing."""
    linecache.clearcache()


def _import_database_layer() -> None:
    import takeover_planner.services.booking  # noqa: F401
    import takeover_planner.services.planner_queries  # noqa: F401
    import takeover_planner.services.schema  # noqa: F401  (and with it storage.migrate)

    _drop_source_lines()  # most of that text is SQLAlchemy's, read by PySide6's import hook just now


def run(home: str | None, db_url: str | None, user: str | None, contributor_brief: str | None) -> int:
    if contributor_brief is not None:
        # --- contributor window (stories, issue 3): a window of its own, no planner database needed ---
        from takeover_planner.ui.contributor import run_contributor

        return run_contributor(contributor_brief, home=home, user=user)
    running = launch(home, db_url, user)
    try:
        return int(running.app.exec())
    finally:
        running.crash.uninstall()
