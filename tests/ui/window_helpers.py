"""Opening the real planner window on a context of a test's own making, with the same strictness as the
``window`` fixture: after closing it, no window timer may still run and no thread may be left."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from takeover_planner.services.context import AppContext
from takeover_planner.ui.i18n import Translations
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.tasks import TaskRunner

MONTH = dt.date(2030, 3, 1)


@contextlib.contextmanager
def open_window(qtbot: Any, ctx: AppContext, runner: TaskRunner, translations: Translations, *,
                home: str | None = None, month: dt.date = MONTH,
                before_attach: Callable[[MainWindow], None] | None = None) -> Iterator[MainWindow]:
    threads_before = {t.ident for t in threading.enumerate()}
    ctx.settings.set("demo.offered", True)
    win = MainWindow(ctx.paths, ctx.settings, runner, translations, home=home)
    qtbot.addWidget(win)
    if before_attach is not None:
        before_attach(win)
    win.attach(ctx)
    win.page.set_view("month")
    win.page.go_to(month)
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        for widget in QApplication.topLevelWidgets():
            if widget is not win and widget.isVisible() and widget.isWindow():
                widget.close()
        win.close()
        leftover = [t for t in win.findChildren(QTimer) if t.isActive()]
        assert not leftover, f"timers still running after close: {[t.objectName() or t for t in leftover]}"

        def new_threads() -> list[threading.Thread]:
            return [t for t in threading.enumerate() if t.ident not in threads_before and t.is_alive()]

        # A fake server's request thread may still be saying goodbye; anything else must already be gone.
        deadline = time.monotonic() + 2.0
        while new_threads() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not new_threads(), f"threads left behind: {new_threads()}"


class ThreadedWatcher:
    """Stands in for ``services.changes.ChangeWatcher``: the test decides when the database "goes away" or
    "changes", and the callbacks arrive from another thread, as the real watcher's do."""

    instances: list[ThreadedWatcher] = []

    def __init__(self, db: Any, on_change: Callable[[int], None], on_online: Callable[[bool], None], *,
                 poll_seconds: float = 2.0) -> None:
        self.db = db
        self.on_change = on_change
        self.on_online = on_online
        self.running = False
        ThreadedWatcher.instances.append(self)

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False

    def _from_thread(self, fn: Callable[[], None]) -> None:
        thread = threading.Thread(target=fn, name="fake-watcher")
        thread.start()
        thread.join()

    def go_offline(self) -> None:
        self._from_thread(lambda: self.on_online(False))

    def come_back(self) -> None:
        self._from_thread(lambda: self.on_online(True))

    def changed(self, marker: int = 1) -> None:
        self._from_thread(lambda: self.on_change(marker))
