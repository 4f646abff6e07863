"""The network to the team database drops mid-edit and comes back: nothing is lost, the app notices both."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlalchemy.engine import make_url

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.errors import EnvironmentProblem, EnvReason
from takeover_planner.services import booking, catalog
from takeover_planner.services.changes import ChangeWatcher
from takeover_planner.services.context import AppContext
from takeover_planner.services.outbox import Outbox
from takeover_planner.settings import Settings
from takeover_planner.storage.database import Database
from tests.helpers.tcp_proxy import TcpProxy


def _wait_for(predicate, timeout: float = 15.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
def test_connection_killed_mid_edit_loses_nothing(pg_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = make_url(pg_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432).start()
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    from takeover_planner.paths import resolve_paths
    from takeover_planner.storage.migrate import upgrade

    paths = resolve_paths(tmp_path / "home").ensure()
    db = Database(proxied)
    upgrade(db, paths.backup_dir)
    ctx = AppContext(paths, Settings(paths), db, "Test Officer")
    catalog.add_account(ctx, "Fjordvik kommune")
    catalog.add_department(ctx, "Biblioteket")
    slot = booking.book(ctx, department="Biblioteket", account="Fjordvik kommune", start=dt.date(2031, 3, 3),
                        end=dt.date(2031, 3, 4), status=SlotStatus.BOOKED).slot

    states: list[bool] = []
    changes: list[int] = []
    lock = threading.Lock()

    def on_online(online: bool) -> None:
        with lock:
            states.append(online)

    watcher = ChangeWatcher(db, changes.append, on_online, poll_seconds=0.3)
    watcher.start()
    outbox = Outbox(paths.data_dir / "outbox.json")
    try:
        time.sleep(0.5)
        proxy.cut()
        edit = {"slot_id": slot.id, "start": "2031-03-10", "end": "2031-03-11", "expected_version": slot.version}
        with pytest.raises(EnvironmentProblem) as lost:
            booking.move(ctx, slot.id, dt.date(2031, 3, 10), dt.date(2031, 3, 11), expected_version=slot.version)
        assert lost.value.reason == EnvReason.UNREACHABLE
        outbox.add("move", edit, ctx.actor)
        assert _wait_for(lambda: False in states), "the watcher never noticed the database going away"
        # The pending edit survives a restart of the app: it is on disk.
        assert len(Outbox(paths.data_dir / "outbox.json")) == 1
        result = outbox.replay(ctx)
        assert result.still_offline and len(outbox) == 1

        proxy.restore()
        assert _wait_for(lambda: states[-1] is True), "the watcher never saw the database come back"
        result = outbox.replay(ctx)
        assert not result.still_offline and [i.operation for i in result.applied] == ["move"]
        assert len(outbox) == 0
        moved = booking.get_slot(ctx, slot.id)
        assert (moved.start, moved.end) == (dt.date(2031, 3, 10), dt.date(2031, 3, 11))
        assert _wait_for(lambda: len(changes) >= 1), "the change was not noticed"
    finally:
        watcher.stop()
        proxy.cut()
        db.dispose()


def test_watcher_sees_another_process_change_on_sqlite(sqlite_ctx: AppContext) -> None:
    catalog.add_account(sqlite_ctx, "Fjordvik kommune")
    seen: list[int] = []
    other = Database(sqlite_ctx.db.url)  # a second connection pool, as another app instance would have
    watcher = ChangeWatcher(sqlite_ctx.db, seen.append, poll_seconds=0.1)
    watcher.start()
    try:
        time.sleep(0.3)
        catalog.add_department(AppContext(sqlite_ctx.paths, sqlite_ctx.settings, other, "Someone"), "Biblioteket")
        assert _wait_for(lambda: bool(seen), 5)
    finally:
        watcher.stop()
        other.dispose()


def test_stopping_the_watcher_is_quick_on_postgresql(pg_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A window closing stops the watcher on the GUI thread; it must not wait out a whole poll interval."""
    from takeover_planner.storage.migrate import upgrade

    db = Database(pg_url)
    upgrade(db, tmp_path / "backups")
    online: list[bool] = []
    watcher = ChangeWatcher(db, lambda _m: None, online.append, poll_seconds=5.0)
    watcher.start()
    try:
        time.sleep(0.5)  # listening by now
        started = time.monotonic()
        watcher.stop()
        assert time.monotonic() - started < 1.0
        assert not watcher.running
    finally:
        watcher.stop()
        db.dispose()


def test_a_bug_in_the_watcher_is_logged_not_reported_as_offline(tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    """Only a database that does not answer is "offline"; anything else is a bug with a traceback in the log."""
    db = Database(f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}")  # no audit_event table: every poll fails
    online: list[bool] = []
    watcher = ChangeWatcher(db, lambda _m: None, online.append, poll_seconds=0.05)
    with caplog.at_level("ERROR", logger="takeover_planner.services.changes"):
        watcher.start()
        try:
            assert _wait_for(lambda: bool(caplog.records), 5)
            time.sleep(0.3)  # several more failing polls
        finally:
            watcher.stop()
            db.dispose()
    assert online == []
    assert len(caplog.records) == 1 and caplog.records[0].exc_info is not None
