"""Make the screenshots of the insights window (followers and goal, a takeover report) in English and Bokmål.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.insights_screenshots [--out docs/screenshots]

A fresh home folder gets the demo municipality with its labelled sample history; the window is rendered with
QWidget.grab() at 1440×900. Writes insights-dashboard-{en,nb}.png and insights-report-{en,nb}.png, and the
first page of the report's PDF as insights-report-pdf-{en,nb}.png (when poppler's pdftoppm is installed).
Not collected by pytest.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--department", default="Brannvesenet", help="whose takeover report to show")
    args = parser.parse_args(argv)

    from takeover_planner.services import insights_service
    from takeover_planner.services.context import open_context
    from takeover_planner.services.demo import load_demo
    from takeover_planner.ui.app import application
    from takeover_planner.ui.i18n import Translations
    from takeover_planner.ui.insights.dashboard import InsightsWindow
    from takeover_planner.ui.tasks import TaskRunner

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        ctx = open_context(home, actor="Kari Nordmann")
        load_demo(ctx)
        app = application()
        translations = Translations(app)
        for language in ("en", "nb"):
            translations.apply(language)
            runner = TaskRunner(inline=True)
            window = InsightsWindow(ctx, runner)
            window.resize(1440, 900)
            window.reload()
            window.show()
            app.processEvents()
            window.grab().save(str(args.out / f"insights-dashboard-{language}.png"))
            slot = next(r.slot_id for r in window.takeovers.reports if r.department == args.department)
            window.show_takeover(slot)
            app.processEvents()
            window.grab().save(str(args.out / f"insights-report-{language}.png"))
            if shutil.which("pdftoppm"):
                pdf = Path(home) / f"report-{language}.pdf"
                insights_service.export_report(ctx, slot, pdf, language=language)
                prefix = args.out / f"insights-report-pdf-{language}"
                subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                                str(prefix)], check=True)
            window.close()
            runner.shutdown()
        ctx.close()
    print(f"Screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
