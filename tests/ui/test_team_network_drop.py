"""The whole chain on a real PostgreSQL server behind a TCP forwarder that the test cuts and restores: the real
change watcher notices, the banner shows, an edit made meanwhile waits in the outbox and is saved once the
network is back — nothing is lost, and the banner goes away by itself."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy.engine import make_url

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.paths import resolve_paths
from takeover_planner.services import booking, catalog
from takeover_planner.services.context import AppContext
from takeover_planner.settings import Settings
from takeover_planner.storage.database import Database
from takeover_planner.storage.migrate import upgrade
from takeover_planner.texts import render
from takeover_planner.texts.ui import UiText
from takeover_planner.ui.main_window import MainWindow
from tests.helpers.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_network_drop_and_return_in_the_window(qtbot, pg_url: str, tmp_path, runner, translations) -> None:
    url = make_url(pg_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432).start()
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    paths = resolve_paths(tmp_path / "home").ensure()
    db = Database(proxied)
    upgrade(db, paths.backup_dir)
    settings = Settings(paths)
    settings.set("demo.offered", True)
    ctx = AppContext(paths, settings, db, "Team Officer")
    catalog.add_account(ctx, "Fjordvik kommune")
    catalog.add_department(ctx, "Biblioteket")
    slot = booking.book(ctx, department="Biblioteket", account="Fjordvik kommune", start=dt.date(2030, 3, 4),
                        end=dt.date(2030, 3, 5), status=SlotStatus.BOOKED).slot
    win = MainWindow(paths, settings, runner, translations)
    qtbot.addWidget(win)
    win.team.live.poll_seconds = 0.3
    try:
        win.attach(ctx)
        win.page.go_to(dt.date(2030, 3, 1))
        win.show()
        banner = win.team.banner
        qtbot.waitUntil(lambda: win.team.live.running, timeout=3000)
        qtbot.wait(800)  # the watcher is listening

        proxy.cut()
        qtbot.waitUntil(banner.isVisible, timeout=10000)
        win.page.move_slot(slot.id, dt.date(2030, 3, 11), dt.date(2030, 3, 12))
        assert win.page.callout.label.text() == render(UiText.KEPT_OFFLINE)
        assert len(json.loads((paths.data_dir / "outbox.json").read_text(encoding="utf-8"))) == 1
        assert win.store.slot(slot.id).start == dt.date(2030, 3, 11)

        with qtbot.waitSignal(win.team.offline.replayed, timeout=20000):
            proxy.restore()
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
        moved = booking.get_slot(ctx, slot.id)
        assert (moved.start, moved.end) == (dt.date(2030, 3, 11), dt.date(2030, 3, 12))
        assert json.loads((paths.data_dir / "outbox.json").read_text(encoding="utf-8")) == []
    finally:
        win.close()
        assert not win.team.live.running
        proxy.cut()
        db.dispose()
