"""The planner window on a shared PostgreSQL database (team mode): book, be refused, move, undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.paths import resolve_paths
from takeover_planner.services import booking, catalog
from takeover_planner.services.context import AppContext
from takeover_planner.settings import Settings
from takeover_planner.storage.database import Database
from takeover_planner.storage.migrate import upgrade
from takeover_planner.ui.main_window import MainWindow

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_window(qtbot, pg_url: str, tmp_path, runner, translations) -> Iterator[tuple[MainWindow, AppContext]]:
    paths = resolve_paths(tmp_path / "home").ensure()
    db = Database(pg_url)
    upgrade(db, paths.backup_dir)
    settings = Settings(paths)
    settings.set("demo.offered", True)
    ctx = AppContext(paths=paths, settings=settings, db=db, actor="Team Officer")
    catalog.add_account(ctx, "Fjordvik kommune")
    catalog.add_department(ctx, "Biblioteket")
    catalog.add_department(ctx, "Parkvesenet")
    booking.book(ctx, department="Biblioteket", account="Fjordvik kommune", start=dt.date(2030, 3, 4),
                 end=dt.date(2030, 3, 6), status=SlotStatus.BOOKED)
    win = MainWindow(paths, settings, runner, translations)
    qtbot.addWidget(win)
    win.attach(ctx)
    win.page.set_view("month")
    win.page.go_to(dt.date(2030, 3, 1))
    win.show()
    yield win, ctx
    win.close()
    db.dispose()


def test_book_refuse_move_and_undo_on_postgres(pg_window, qtbot) -> None:
    win, ctx = pg_window
    dialog = win.page.new_booking(dt.date(2030, 3, 5), dt.date(2030, 3, 5))
    dialog.department.setCurrentIndex(dialog.department.findText("Parkvesenet"))
    dialog.status.setCurrentIndex(dialog.status.findData("booked"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "overlaps slot #" in dialog.error_text() and dialog.isVisible()
    dialog.start.setDate(dialog.start.date().addDays(5))
    dialog.end.setDate(dialog.end.date().addDays(5))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    parks = [s for s in booking.list_slots(ctx) if s.department == "Parkvesenet"]
    assert [(s.start, s.status) for s in parks] == [(dt.date(2030, 3, 10), SlotStatus.BOOKED)]
    win.page.move_slot(parks[0].id, dt.date(2030, 3, 12), dt.date(2030, 3, 12))
    assert booking.get_slot(ctx, parks[0].id).start == dt.date(2030, 3, 12)
    win.undo_action.trigger()
    assert booking.get_slot(ctx, parks[0].id).start == dt.date(2030, 3, 10)
