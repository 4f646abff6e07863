"""Make the README's screenshots of the planner window with the demo municipality, in English and Bokmål.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.screenshots [--out docs/screenshots] [--view month|week|agenda]

A fresh home folder gets the demo data laid out from the first Monday of this month (the demo places its
takeovers in the weeks around the day it is given), so the month on screen is full: a theme week, competing
requests, a blackout nearby. The window is rendered with QWidget.grab() at 1440×900 (no window-manager
frame). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--view", default="month", choices=("month", "week", "agenda"))
    parser.add_argument("--suffix", default="")
    parser.add_argument("--select", default="", help="select the first slot of this department")
    args = parser.parse_args(argv)


    from PySide6.QtWidgets import QApplication

    from takeover_planner.domain.timekeeping import today_oslo
    from takeover_planner.paths import resolve_paths
    from takeover_planner.services.context import open_context
    from takeover_planner.services.demo import load_demo
    from takeover_planner.settings import Settings
    from takeover_planner.ui.app import application
    from takeover_planner.ui.i18n import Translations
    from takeover_planner.ui.main_window import MainWindow
    from takeover_planner.ui.tasks import TaskRunner

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        ctx = open_context(home, actor="Kari Nordmann")
        first = today_oslo().replace(day=1)
        load_demo(ctx, today=first + dt.timedelta(days=(7 - first.weekday()) % 7))
        app = application()
        translations = Translations(app)
        paths = resolve_paths(home)
        settings = Settings.load(paths)
        settings.set("demo.offered", True)
        for language, name in (("en", "planner-en"), ("nb", "planner-nb")):
            translations.apply(language)
            runner = TaskRunner(inline=True)
            window = MainWindow(paths, settings, runner, translations)
            window.attach(ctx)
            window.resize(1440, 900)
            window.page.set_view(args.view)
            window.show()
            QApplication.processEvents()
            target = args.select or "Miljøkontoret"
            slot = next((s for s in window.page.model.slots() if s.department == target), None)
            if slot is not None:
                window.page.select(slot.id)
            QApplication.processEvents()
            path = args.out / f"{name}{args.suffix}.png"
            window.grab().save(str(path))
            print(path)
            window.close()
            window.deleteLater()
            QApplication.processEvents()
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
