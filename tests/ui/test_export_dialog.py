"""The export dialog: the same choices as the command line, off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import csv
import datetime as dt
import threading
from pathlib import Path

import icalendar
import pytest
import shiboken6
from PySide6.QtCore import Qt

from takeover_planner.ui.export_dialog import ExportDialog
from takeover_planner.ui.i18n import qdate
from takeover_planner.ui.tasks import TaskRunner


def close_if_alive(dlg: ExportDialog) -> None:
    """The dialog deletes itself when closed (WA_DeleteOnClose), so qtbot.addWidget cannot own it."""
    if shiboken6.isValid(dlg):
        dlg.close()


@pytest.fixture
def dialog(qtbot, planner, runner):
    dlg = ExportDialog(planner.ctx, None, runner=runner)
    dlg.open()
    qtbot.waitExposed(dlg)
    yield dlg
    close_if_alive(dlg)


def choose(dlg: ExportDialog, fmt: str) -> None:
    dlg.format.setCurrentIndex(dlg.format.findData(fmt))


def test_lists_departments_and_accounts_and_follows_the_format(dialog, tmp_path):
    assert [dialog.department.itemText(i) for i in range(dialog.department.count())] == [
        "All departments", "Biblioteket", "Brannvesenet", "Parkvesenet"]
    assert dialog.account.itemText(0) == "All accounts" and dialog.account.count() == 3
    dialog.path.setText(str(tmp_path / "plan.ics"))
    choose(dialog, "csv")
    assert dialog.path.text().endswith("plan.csv")
    assert dialog.excel.isVisibleTo(dialog) and not dialog.per_department.isVisibleTo(dialog)
    choose(dialog, "ics")
    dialog.per_department.setChecked(True)
    assert dialog.path.text() == str(tmp_path / "plan")
    choose(dialog, "pdf")
    assert not dialog.per_department.isChecked() and dialog.path.text() == str(tmp_path / "plan.pdf")


def test_csv_for_excel_with_a_department_filter(qtbot, dialog, tmp_path):
    choose(dialog, "csv")
    dialog.path.setText(str(tmp_path / "plan.csv"))
    dialog.department.setCurrentIndex(dialog.department.findData("Biblioteket"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert result.slot_count == 1
    data = (tmp_path / "plan.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["ID", "Start", "End"] and [r[6] for r in rows[1:]] == ["Biblioteket"]
    assert "Exported 1 slot(s) to" in dialog.status.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.export_button.isEnabled()


def test_per_department_ics_runs_off_the_gui_thread(qtbot, planner, tmp_path):
    threaded = TaskRunner()
    dlg = ExportDialog(planner.ctx, None, runner=threaded)
    qtbot.waitUntil(lambda: dlg.department.count() == 4, timeout=10_000)
    worker_threads: list[threading.Thread] = []
    dlg.progressed.connect(lambda done, total: worker_threads.append(threading.current_thread()))
    dlg.per_department.setChecked(True)
    dlg.path.setText(str(tmp_path / "calendars"))
    with qtbot.waitSignal(dlg.exported, timeout=20_000) as done:
        dlg.export_button.click()
        assert not dlg.export_button.isEnabled()  # busy while the worker runs
    result = done.args[0]
    names = sorted(p.name for p in (tmp_path / "calendars").iterdir())
    # One file per department, named by department and its id (ics.department_file_names).
    assert [n.rsplit("-", 1)[0] for n in names] == ["Biblioteket", "Brannvesenet", "takeover"]
    assert set(result.per_department) == {"Biblioteket", "Brannvesenet"}
    events = icalendar.Calendar.from_ical(result.per_department["Biblioteket"].read_bytes()).walk("VEVENT")
    assert {e.decoded("dtstart") for e in events if "Takeover" in str(e["summary"]) or "Overtakelse" in
            str(e["summary"])} == {dt.date(2030, 3, 4)}
    # Progress was delivered on the GUI thread even though the work ran elsewhere.
    assert worker_threads and all(t is threading.main_thread() for t in worker_threads)
    close_if_alive(dlg)
    threaded.shutdown()


def test_cancel_stops_the_export_and_writes_nothing(qtbot, dialog, tmp_path):
    choose(dialog, "pdf")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "plan.pdf"
    dialog.path.setText(str(target))
    dialog.limit_dates.setChecked(True)
    dialog.start.setDate(qdate(dt.date(2030, 1, 1)))
    dialog.end.setDate(qdate(dt.date(2030, 6, 30)))
    # Press Cancel as soon as the first page is reported.
    dialog.progressed.connect(lambda done, total: dialog.close_button.click() if done == 1 else None)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        dialog.export_button.click()
    assert failed.args[0] == "The export was stopped; nothing was written."
    assert list(out.iterdir()) == []
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert dialog.close_button.text() == "Close"


def test_mistakes_are_shown_in_the_dialog(qtbot, dialog, tmp_path):
    dialog.path.setText("")
    with qtbot.waitSignal(dialog.failed) as empty:
        dialog.export_button.click()
    assert empty.args[0] == "Choose where to save the export."
    choose(dialog, "csv")
    dialog.path.setText(str(tmp_path) + "/")  # a folder is not a CSV file
    with qtbot.waitSignal(dialog.failed) as folder:
        dialog.export_button.click()
    assert "is a folder" in folder.args[0]
    dialog.path.setText(str(tmp_path / "x.csv"))
    dialog.limit_dates.setChecked(True)
    dialog.start.setDate(qdate(dt.date(2030, 5, 1)))
    dialog.end.setDate(qdate(dt.date(2030, 4, 1)))
    with qtbot.waitSignal(dialog.failed) as dates:
        dialog.export_button.click()
    assert "before the start date" in dates.args[0]
    assert not Path(tmp_path / "x.csv").exists()


def test_close_shuts_the_dialog_when_idle(qtbot, dialog):
    with qtbot.waitSignal(dialog.destroyed, timeout=5_000):
        dialog.close_button.click()
