"""Make docs/ui.md's team-mode screenshots: the Settings dialog and the offline banner, in English and Bokmål.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.team_screenshots [--out docs/screenshots] [--pg URL]

The demo municipality is laid out from the first Monday of this month. With ``--pg`` (or
$TAKEOVER_PLANNER_TEST_PG_URL) the Settings dialog shows a real "Copy my current plan into it" into a fresh,
empty database on that server (dropped afterwards), with its per-table verification; without it, a "Test
connection" that finds nothing listening. The banner picture has one move kept while the "network" is away
(the booking service is made to answer "cannot reach the database") and, staged, the team server's address in
the status bar where the demo's SQLite file would be. Rendered with QWidget.grab(); not collected by pytest.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@contextlib.contextmanager
def fresh_database(base: str | None) -> Iterator[tuple[str, str] | None]:
    if not base:
        yield None
        return
    import psycopg

    name = f"tp_shot_{uuid.uuid4().hex[:8]}"
    plain = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base, name
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--pg", default=os.environ.get("TAKEOVER_PLANNER_TEST_PG_URL", ""))
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication
    from sqlalchemy.engine import make_url

    from takeover_planner.domain.timekeeping import today_oslo
    from takeover_planner.errors import EnvironmentProblem, EnvReason
    from takeover_planner.paths import resolve_paths
    from takeover_planner.services import booking
    from takeover_planner.services.context import open_context
    from takeover_planner.services.demo import load_demo
    from takeover_planner.settings import Settings
    from takeover_planner.storage.failures import database_text
    from takeover_planner.texts.storage import StorageText
    from takeover_planner.ui.app import application
    from takeover_planner.ui.i18n import Translations
    from takeover_planner.ui.main_window import MainWindow
    from takeover_planner.ui.tasks import TaskRunner

    args.out.mkdir(parents=True, exist_ok=True)
    real_move = booking.move

    def unreachable(*_args: object, **_kwargs: object) -> None:
        raise EnvironmentProblem(StorageText.UNREACHABLE, reason=EnvReason.UNREACHABLE,
                                 database=database_text("postgresql://planner@db.fjordvik.kommune.no/plan"))

    with tempfile.TemporaryDirectory() as home, fresh_database(args.pg) as target:
        ctx = open_context(home, actor="Kari Nordmann")
        first = today_oslo().replace(day=1)
        load_demo(ctx, today=first + dt.timedelta(days=(7 - first.weekday()) % 7))
        app = application()
        translations = Translations(app)
        paths = resolve_paths(home)
        settings = Settings.load(paths)
        settings.set("demo.offered", True)
        settings.set("user.name", "Kari Nordmann")
        settings.set("media.folder", r"\\fjordvik-fil01\kommunikasjon\takeover-media" if os.name == "nt"
                     else "/mnt/kommunikasjon/takeover-media")
        for language in ("en", "nb"):
            (paths.data_dir / "outbox.json").unlink(missing_ok=True)  # each picture starts with nothing waiting
            translations.apply(language)
            runner = TaskRunner(inline=True)
            window = MainWindow(paths, settings, runner, translations)
            window.attach(ctx)
            window.team.live.stop()  # no watcher thread for a picture
            window.resize(1440, 900)
            window.show()
            QApplication.processEvents()

            # The offline banner, with one move kept for later.
            slot = next(s for s in window.page.model.slots() if s.status.value in ("booked", "confirmed"))
            window.page.select(slot.id)
            booking.move = unreachable  # type: ignore[assignment]
            try:
                window.team.offline.set_online(False)
                window.page.move_slot(slot.id, slot.start + dt.timedelta(days=1), slot.end + dt.timedelta(days=1))
            finally:
                booking.move = real_move  # type: ignore[assignment]
            window.page.callout.hide()
            # Staged for the picture: the status bar names the team server the banner is about.
            window.status_area.database_label.setText("postgresql+psycopg://planner@db.fjordvik.kommune.no/takeover_planner")
            QApplication.processEvents()
            path = args.out / f"offline-banner-{language}.png"
            window.grab().save(str(path))
            print(path)
            window.team.offline.stop()

            # The Settings dialog on the team database part.
            dialog = window.team.open_settings()
            dialog.team_radio.setChecked(True)
            if target is not None:
                base, name = target
                server = make_url(base)
                dialog.host.setText(server.host or "127.0.0.1")
                dialog.port.setValue(server.port or 5432)
                dialog.database.setText(name)
                dialog.db_user.setText(server.username or "postgres")
                dialog.copy_plan()
                with contextlib.suppress(Exception):
                    import psycopg

                    plain = base.replace("postgresql+psycopg://", "postgresql://")
                    with psycopg.connect(plain, autocommit=True) as conn:  # empty again for the next language
                        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                        conn.execute(f'CREATE DATABASE "{name}"')
            else:
                dialog.host.setText("db.fjordvik.kommune.no")
                dialog.database.setText("takeover_planner")
                dialog.db_user.setText("planner")
                dialog.test_connection()
            dialog.password.setText("hemmelig-passord")
            dialog.resize(640, dialog.sizeHint().height())
            QApplication.processEvents()
            path = args.out / f"settings-{language}.png"
            dialog.grab().save(str(path))
            print(path)
            dialog.reject()
            window.close()
            window.deleteLater()
            QApplication.processEvents()
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
