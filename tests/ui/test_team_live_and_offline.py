"""Team mode in the planner window: other people's changes appear without losing one's place; when the
database goes away a banner says so, edits wait in the outbox (shown at once in the calendar) and are saved
when it is back, with conflicts reported plainly."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.errors import EnvironmentProblem, EnvReason
from takeover_planner.services import booking
from takeover_planner.services.context import AppContext
from takeover_planner.storage.database import Database
from takeover_planner.storage.failures import database_text
from takeover_planner.texts import render
from takeover_planner.texts.storage import StorageText
from takeover_planner.texts.ui import UiText
from takeover_planner.ui.main_window import MainWindow
from tests.ui.conftest import Planner
from tests.ui.window_helpers import ThreadedWatcher, open_window


def _unreachable() -> EnvironmentProblem:
    """What the storage layer raises when the team's server does not answer."""
    return EnvironmentProblem(StorageText.UNREACHABLE, reason=EnvReason.UNREACHABLE,
                              database=database_text("postgresql://team@db.fjordvik.example/plan"))


def _other_person(ctx: AppContext) -> tuple[AppContext, Database]:
    """Someone else's app on the same database: its own connection pool, its own name."""
    other = Database(ctx.db.url)
    return AppContext(ctx.paths, ctx.settings, other, "Kari Kollega"), other


def _cut(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """The booking service can no longer reach the database (as when the network to the server drops)."""
    def unreachable(*_args: object, **_kwargs: object) -> None:
        raise _unreachable()

    for name in names:
        monkeypatch.setattr(booking, name, unreachable)


def _offline_window(qtbot, planner: Planner, runner, translations):  # type: ignore[no-untyped-def]
    ThreadedWatcher.instances.clear()
    return open_window(qtbot, planner.ctx, runner, translations,
                       before_attach=lambda win: setattr(win.team.live, "watcher_factory", ThreadedWatcher))


def test_the_watcher_runs_for_the_open_database_and_stops_on_close(window: MainWindow) -> None:
    live = window.team.live
    assert live.running, "the change watcher started when the database opened"
    watcher = live.watcher
    window.close()
    assert not live.running and not watcher.running


def test_a_colleagues_booking_appears_and_the_view_stays_where_it_was(qtbot, window: MainWindow,
                                                                      planner: Planner) -> None:
    window.page.select(planner.library_slot)
    live = window.team.live
    live.poll_seconds = 0.1
    live.start(planner.ctx)  # the real watcher, polling fast for the test
    other_ctx, other_db = _other_person(planner.ctx)
    try:
        with qtbot.waitSignal(live.reloaded, timeout=8000):
            booking.book(other_ctx, department=planner.parks, account=planner.kultur, start=dt.date(2030, 3, 17),
                         end=dt.date(2030, 3, 18))
    finally:
        other_db.dispose()
    parks = [s for s in window.store.slots_in(dt.date(2030, 3, 1), dt.date(2030, 3, 31), window.page.slot_filter)
             if s.department == "Parkvesenet"]
    assert len(parks) == 1, "the colleague's booking is in the calendar"
    assert window.page.selected_id == planner.library_slot and window.page.panel.slot_id == planner.library_slot
    assert window.page.anchor.replace(day=1) == dt.date(2030, 3, 1) and "2030" in window.page.period_title()


def test_a_reload_keeps_the_agenda_scrolled_where_it_was(qtbot, planner: Planner, runner, translations) -> None:
    for day in range(1, 29):
        if day in (20, 11, 12):
            continue
        booking.book(planner.ctx, department=planner.parks, account=planner.kultur, start=dt.date(2030, 3, day),
                     end=dt.date(2030, 3, day))
    with _offline_window(qtbot, planner, runner, translations) as win:
        win.resize(1000, 620)
        win.page.set_view("agenda")
        win.page.select(planner.fire_slot)
        bar = win.page.agenda.verticalScrollBar()
        assert bar.maximum() > 3, "enough rows to scroll"
        bar.setValue(3)
        other_ctx, other_db = _other_person(planner.ctx)
        try:
            booking.book(other_ctx, department=planner.library, account=planner.kultur, start=dt.date(2030, 3, 29),
                         end=dt.date(2030, 3, 29))
        finally:
            other_db.dispose()
        with qtbot.waitSignal(win.team.live.reloaded, timeout=5000):
            ThreadedWatcher.instances[-1].changed(99)
        assert win.page.model.rowCount() == 28, "the new slot is listed"
        assert bar.value() == 3, "the list did not jump to the top"
        assert win.page.selected_id == planner.fire_slot


def test_edits_made_offline_wait_in_the_outbox_and_are_saved_when_the_database_is_back(
        qtbot, planner: Planner, runner, translations, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = planner.ctx
    outbox_file = ctx.paths.data_dir / "outbox.json"
    with _offline_window(qtbot, planner, runner, translations) as win:
        banner = win.team.banner
        watcher = ThreadedWatcher.instances[-1]
        qtbot.waitUntil(lambda: True, timeout=10)
        watcher.go_offline()
        qtbot.waitUntil(banner.isVisible, timeout=3000)
        assert banner.message().startswith("The team database cannot be reached. Your changes are kept and will be "
                                           "saved when it is back.")
        assert banner.geometry().top() == 0, "the banner is at the top of the window"

        _cut(monkeypatch, "move", "book")
        before = booking.get_slot(ctx, planner.library_slot)
        win.page.move_slot(planner.library_slot, dt.date(2030, 3, 25), dt.date(2030, 3, 27))
        shown = win.store.slot(planner.library_slot)
        assert (shown.start, shown.end) == (dt.date(2030, 3, 25), dt.date(2030, 3, 27)), "shown where it was put"
        assert win.page.callout.label.text() == render(UiText.KEPT_OFFLINE)
        assert not win.booking_actions.undo_stack.canUndo(), "nothing was written, so there is nothing to undo"
        kept = json.loads(outbox_file.read_text(encoding="utf-8"))
        assert [(k["operation"], k["arguments"]["expected_version"]) for k in kept] == [("move", before.version)]
        assert "1 change waiting" in banner.message()

        win.page.move_slot(planner.library_slot, dt.date(2030, 3, 26), dt.date(2030, 3, 28))
        assert win.page.callout.label.text() == render(UiText.ALREADY_WAITING)
        assert len(json.loads(outbox_file.read_text(encoding="utf-8"))) == 1

        dialog = win.page.new_booking(dt.date(2030, 3, 14), dt.date(2030, 3, 14))
        dialog.department.setCurrentIndex(dialog.department.findText("Parkvesenet"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), "the booking is kept, so the dialog closes"
        assert "2 changes waiting" in banner.message()
        assert booking.get_slot(ctx, planner.library_slot).start == before.start, "nothing reached the database"

        monkeypatch.undo()
        with qtbot.waitSignal(win.team.offline.replayed, timeout=3000):
            watcher.come_back()
        assert not banner.isVisible()
        moved = booking.get_slot(ctx, planner.library_slot)
        assert (moved.start, moved.end) == (dt.date(2030, 3, 25), dt.date(2030, 3, 27))
        assert [s.start for s in booking.list_slots(ctx) if s.department == "Parkvesenet"] == [dt.date(2030, 3, 14)]
        assert json.loads(outbox_file.read_text(encoding="utf-8")) == []
        assert "2 changes made while the database was away are saved" in win.status_area.label.text()
        history = booking.slot_history(ctx, planner.library_slot)
        assert any(entry.actor == ctx.actor for entry in history), "the audit trail names the person who made it"


def test_a_kept_edit_that_meets_someone_elses_change_is_reported_not_forced(
        qtbot, planner: Planner, runner, translations, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = planner.ctx
    with _offline_window(qtbot, planner, runner, translations) as win:
        watcher = ThreadedWatcher.instances[-1]
        _cut(monkeypatch, "set_status")
        win.page.change_status(planner.library_slot, SlotStatus.CONFIRMED)
        assert win.team.banner.isVisible(), "the failed write itself showed that the database is away"
        assert win.store.slot(planner.library_slot).status == SlotStatus.CONFIRMED
        monkeypatch.undo()
        other_ctx, other_db = _other_person(ctx)
        try:
            booking.update_details(other_ctx, planner.library_slot, notes="Flyttet til sal 2")
        finally:
            other_db.dispose()
        with qtbot.waitSignal(win.team.offline.replayed, timeout=3000):
            watcher.come_back()
        report = win.team.replay_report
        assert isinstance(report, QMessageBox) and report.isVisible()
        assert "could not be saved" in report.text()
        assert "Change status of Biblioteket" in report.informativeText()
        assert "changed by someone else" in report.informativeText()
        slot = booking.get_slot(ctx, planner.library_slot)
        assert (slot.status, slot.notes) == (SlotStatus.BOOKED, "Flyttet til sal 2"), "the colleague's change stands"
        assert win.store.slot(planner.library_slot).status == SlotStatus.BOOKED, "the calendar shows the database"
        report.accept()


def test_a_failed_read_shows_the_banner_and_trying_again_brings_the_window_back(
        qtbot, planner: Planner, runner, translations) -> None:
    with _offline_window(qtbot, planner, runner, translations) as win:
        win.store.load_failed.emit(_unreachable())
        assert win.team.banner.isVisible()
        assert win.team.offline._probe_timer.isActive(), "while offline, the window keeps asking"
        win.team.banner.retry_button.click()  # the database file answers: back online
        assert not win.team.banner.isVisible() and not win.team.offline._probe_timer.isActive()
        assert "back" in win.status_area.label.text()
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()], \
            "being offline is a banner, not a message box"


def test_edits_kept_in_an_earlier_session_are_saved_when_the_window_opens(
        qtbot, planner: Planner, runner, translations) -> None:
    from takeover_planner.services.outbox import Outbox

    ctx = planner.ctx
    slot = booking.get_slot(ctx, planner.fire_slot)
    Outbox(ctx.paths.data_dir / "outbox.json").add(
        "move", {"slot_id": slot.id, "start": "2030-03-13", "end": "2030-03-14", "expected_version": slot.version,
                 "label": "Move Brannvesenet"}, ctx.actor)
    with _offline_window(qtbot, planner, runner, translations) as win:
        moved = booking.get_slot(ctx, planner.fire_slot)
        assert (moved.start, moved.end) == (dt.date(2030, 3, 13), dt.date(2030, 3, 14))
        assert win.team.offline.count == 0
        assert win.store.slot(planner.fire_slot).start == dt.date(2030, 3, 13)
