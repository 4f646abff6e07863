"""Screenshots of the contributor window and the review screen for docs/screenshots/ (run by hand):

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_story_screenshots.py [nb|en]

Builds a demo in a temporary folder from the real-media corpus: a booked slot, its brief, a submission made in
the contributor window (one HEIC photo fixed), imported and partly reviewed in the planner.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from takeover_planner.domain.slots import SlotStatus  # noqa: E402
from takeover_planner.services import booking, catalog, packages  # noqa: E402
from takeover_planner.services.context import open_context  # noqa: E402
from takeover_planner.ui.contributor import ContributorWindow  # noqa: E402
from takeover_planner.ui.i18n import Translations  # noqa: E402
from takeover_planner.ui.review import ReviewWindow  # noqa: E402
from takeover_planner.ui.tasks import TaskRunner  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
OUT = ROOT / "docs" / "screenshots"


def main(language: str) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translations = Translations(app)
    translations.apply(language)
    runner = TaskRunner(inline=True)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        ctx = open_context(str(home / "home"), actor="Kari Kommunikasjon")
        catalog.add_account(ctx, "Fjordvik kommune", handle="fjordvikkommune")
        catalog.add_department(ctx, "Biblioteket", contact_name="Ola Bibliotekar", email="ola@fjordvik.example")
        slot = booking.book(ctx, department="Biblioteket", account="Fjordvik kommune", start=dt.date(2030, 3, 4),
                            end=dt.date(2030, 3, 6), status=SlotStatus.CONFIRMED).slot.id
        brief = home / "brief.zip"
        packages.write_slot_brief(ctx, slot, brief)

        contributor = ContributorWindow(runner, translations, work_dir=home, user_name="Ola Bibliotekar")
        contributor.resize(1180, 860)
        contributor.show()
        contributor.open_brief(brief)
        contributor.add_files([CORPUS / "images/rec_Portrait_1.jpg", CORPUS / "heic/ph_xiaomi.heic",
                               CORPUS / "images/es_orientation_landscape_1.jpg", CORPUS / "images/pil_cmyk.jpg"])
        contributor.strip.setCurrentRow(1)
        contributor.fix_selected("crop")
        contributor.strip.setCurrentRow(0)
        editor = contributor.editor
        editor.shows_people.setChecked(True)
        editor.who.setText("Elevene i 7B")
        editor.reference.setText("SK-2030-014")
        editor.guardian.setChecked(True)
        editor.text.setText("Velkommen til biblioteket!")
        editor.credit.setText("Foto: Ola Bibliotekar")
        contributor.strip.setCurrentRow(2)
        contributor.strip.setCurrentRow(0)
        app.processEvents()
        contributor.grab().save(str(OUT / f"contributor-window-{language}.png"))
        package = home / "innsending.zip"
        contributor.save_to(package)

        review = ReviewWindow(ctx, runner, slot)
        review.resize(1320, 880)
        review.show()
        review.import_package(package)
        frames = review.frames.frames()
        review.approver.setText("Kari Kommunikasjon")
        review.select_frame(frames[3].id)
        review.comment.setPlainText("Bildet er for lite; har dere et større?")
        review.request_changes_selected()
        review.select_frame(frames[0].id)
        review.approve_selected()
        review.select_frame(frames[1].id)
        app.processEvents()
        review.grab().save(str(OUT / f"review-window-{language}.png"))
        contributor.close()
        review.close()
        ctx.close()
    runner.shutdown()


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
