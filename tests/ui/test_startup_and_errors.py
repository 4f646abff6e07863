"""Start-up (first start offers the demo), the crash dialog for bugs, plain messages for environment trouble,
and the background-task helper with real threads."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from takeover_planner.errors import EnvironmentProblem, EnvReason, ValidationError
from takeover_planner.paths import resolve_paths
from takeover_planner.services import booking
from takeover_planner.settings import Settings
from takeover_planner.texts.codes import Code
from takeover_planner.texts.storage import StorageText
from takeover_planner.texts.ui import UiText
from takeover_planner.ui.crash import CrashReporter
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.tasks import WRITE, TaskRunner


def _visible_box() -> QMessageBox:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())


def test_first_start_creates_the_database_and_offers_the_demo(qtbot, tmp_path, runner, translations) -> None:
    home = tmp_path / "fresh"
    paths = resolve_paths(home).ensure()
    settings = Settings.load(paths)
    win = MainWindow(paths, settings, runner, translations, home=str(home), user="Test Officer")
    qtbot.addWidget(win)
    win.start()  # inline runner: the database is created and migrated right here
    assert (paths.data_dir / "takeover-planner.sqlite3").is_file()
    assert win.profile_prompt is not None and win.demo_prompt is None  # who are you, first
    win.profile_prompt.reject()  # skipped: asked again next time, and the demo is offered now
    box = win.demo_prompt
    assert box is not None and box.isVisible()
    assert "demo municipality" in box.text()
    next(b for b in box.buttons() if b.text() == "Load demo").click()
    assert win.store.ctx is not None
    slots = booking.list_slots(win.store.ctx)
    assert len(slots) >= 10 and {a.name for a in win.store.accounts} >= {"Fjordvik kommune"}
    assert win.page.model.rowCount() > 0, "the current month of the demo is on screen"
    assert Settings.load(paths).get("demo.offered") is True
    win.close()


def test_the_demo_is_offered_once_only(qtbot, tmp_path, runner, translations) -> None:
    home = tmp_path / "once"
    paths = resolve_paths(home).ensure()
    settings = Settings.load(paths)
    settings.set("demo.offered", True)
    win = MainWindow(paths, settings, runner, translations, home=str(home))
    qtbot.addWidget(win)
    win.start()
    assert win.demo_prompt is None
    win.close()


def test_a_database_that_cannot_be_opened_gives_a_plain_message(qtbot, tmp_path, runner, translations) -> None:
    home = tmp_path / "bad"
    paths = resolve_paths(home).ensure()
    win = MainWindow(paths, Settings.load(paths), runner, translations, home=str(home),
                     db_url="postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1")
    qtbot.addWidget(win)
    win.start()
    box = _visible_box()
    assert "Cannot reach the database" in box.text() and "Traceback" not in box.text()
    assert win.store.ctx is None
    box.accept()
    win.close()


def test_a_damaged_slots_table_is_named_with_the_backup_and_the_restore_command(qtbot, tmp_path, runner,
                                                                                translations) -> None:
    """The file opens, but the slots' page is damaged: the window says so, names the newest good backup and the
    command that restores it, as the command line does."""
    import sqlite3

    from takeover_planner.cli import main
    from takeover_planner.storage import backups

    home = tmp_path / "damaged"
    assert main(["--home", str(home), "demo"]) == 0
    paths = resolve_paths(home)
    good = backups.newest_good(paths.backup_dir)
    assert good is not None
    database = paths.data_dir / "takeover-planner.sqlite3"
    conn = sqlite3.connect(database)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'takeover_slot'").fetchone()[0]
    conn.close()
    with open(database, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * 8)
    settings = Settings.load(paths)
    settings.set("demo.offered", True)
    win = MainWindow(paths, settings, runner, translations, home=str(home))
    qtbot.addWidget(win)
    win.start()
    box = _visible_box()
    assert "damaged" in box.text() and good.name in box.text() and f"db restore {good.name}" in box.text()
    assert win.store.ctx is None
    box.accept()
    win.close()


def test_an_environment_error_during_a_booking_keeps_the_window_usable(window, planner, monkeypatch, qtbot) -> None:
    import datetime as dt

    problem = EnvironmentProblem(StorageText.LOCKED, reason=EnvReason.LOCKED)

    def busy(*_args, **_kwargs):
        raise problem

    monkeypatch.setattr(booking, "book", busy)
    dialog = window.page.new_booking(dt.date(2030, 3, 25), dt.date(2030, 3, 25))
    dialog.department.setCurrentIndex(dialog.department.findText("Parkvesenet"))
    dialog.ok_button.click()
    assert problem.message in dialog.error_text()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    monkeypatch.undo()
    dialog.ok_button.click()
    assert not dialog.isVisible()


def test_a_bug_opens_one_crash_dialog_with_the_traceback_and_a_copy_button(qtbot, tmp_path) -> None:
    reporter = CrashReporter(tmp_path / "app.log", lambda: None)
    try:
        raise KeyError("slot 99")
    except KeyError as exc:
        reporter.report(exc)
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert "KeyError: 'slot 99'" in dialog.details.toPlainText()
    assert str(tmp_path / "app.log") in dialog.log_label.text()
    reporter.report(ValueError("second"))
    assert reporter.dialog is dialog, "a second bug joins the open dialog"
    assert "ValueError: second" in dialog.details.toPlainText()
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "KeyError" in copied and "app.log" in copied
    dialog.reject()
    qtbot.waitUntil(lambda: reporter.dialog is None, timeout=2000)


def test_the_crash_reporter_catches_uncaught_exceptions(qtbot, tmp_path) -> None:
    import sys

    reporter = CrashReporter(tmp_path / "app.log", lambda: None)
    reporter.install()
    try:
        assert sys.excepthook == reporter._excepthook
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        reporter.uninstall()
    assert sys.excepthook is not reporter._excepthook
    assert "boom in a slot" in reporter.dialog.details.toPlainText()
    qtbot.addWidget(reporter.dialog)
    reporter.dialog.reject()


def test_tasks_run_off_the_gui_thread_and_call_back_on_it(qtbot) -> None:
    runner = TaskRunner()
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker_is_gui"] = QThread.currentThread() == gui_thread
        seen["worker_name"] = threading.current_thread().name
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback_is_gui"] = QThread.currentThread() == gui_thread

    runner.run(work, on_done=done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen == {"worker_is_gui": False, "worker_name": seen["worker_name"], "value": 42, "callback_is_gui": True}

    refused: list[Code] = []
    no = ValidationError(UiText.DEPARTMENT_NAME_EMPTY)
    runner.run(lambda: (_ for _ in ()).throw(no), on_error=lambda e: refused.append(e.code), kind=WRITE)
    qtbot.waitUntil(lambda: refused == [UiText.DEPARTMENT_NAME_EMPTY], timeout=5000)
    bugs: list[str] = []
    runner.set_bug_handler(lambda exc, trace: bugs.append(trace))
    runner.run(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bugs != [], timeout=5000)
    assert "ZeroDivisionError" in bugs[0]
    runner.shutdown()
    assert runner.pending == 0
    runner.run(lambda: seen.setdefault("after", True))
    assert "after" not in seen, "a closed runner takes no more work"
    runner.deleteLater()


def test_writes_run_one_at_a_time_in_order(qtbot) -> None:
    runner = TaskRunner()
    order: list[int] = []
    active = {"now": 0, "max": 0}
    lock = threading.Lock()

    def write(i: int):
        def work() -> int:
            with lock:
                active["now"] += 1
                active["max"] = max(active["max"], active["now"])
            QThread.msleep(5)
            with lock:
                active["now"] -= 1
            return i
        return work

    for i in range(6):
        runner.run(write(i), on_done=order.append, kind=WRITE)
    qtbot.waitUntil(lambda: len(order) == 6, timeout=5000)
    assert order == list(range(6)) and active["max"] == 1
    runner.shutdown()
    runner.deleteLater()


@pytest.mark.parametrize("choice, expected", [("nb", "nb"), ("en", "en"), ("xx", None), ("system", None)])
def test_language_setting(choice: str, expected: str | None) -> None:
    from takeover_planner.ui.i18n import resolve_language, system_language

    assert resolve_language(choice) == (expected or system_language())
