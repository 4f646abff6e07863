"""Screenshots of every window of the planner, for docs/screenshots/ and for reading every screen in one language.

    .venv/bin/python tests/screenshots/take_screenshots.py [--language nb|en] [--out docs/screenshots]

Runs the real window on a virtual X screen of 1280×800 (``xvfb-run``, started by the script itself when no
DISPLAY is set; ``--offscreen`` uses Qt's offscreen platform instead), with the demo municipality loaded in the
chosen language (Bokmål by default) and laid out from the first Monday of this month so the month is full. Each
window is grabbed with ``QWidget.grab()`` into ``<out>/<language>-<name>.png``: the main window in month, week and
agenda view with a slot selected (the side panel), its menus, the booking and cancel dialogs, every page and
editor of the manage window, the brief dialog, the keyboard map, Qt's file dialog, a brief opened in the contributor window with photos from the
shared corpus, the submission imported into the review window, insights (all three tabs and the goal dialog),
publishing status and its dialogs, settings, people, profile, export and About.

Issue 16: with the language set to Bokmål, no English word may be visible that is not a name. Not collected by
pytest (no ``test_`` prefix). A step that fails is reported and the others still run; the exit code is 1 then.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
WIDTH, HEIGHT = 1280, 800
PHOTOS = ("images/rec_Portrait_1.jpg", "heic/ph_xiaomi.heic", "images/es_orientation_landscape_1.jpg",
          "images/pil_cmyk.jpg")


def _on_a_screen(argv: list[str]) -> None:
    """Start again inside xvfb-run when there is no display (and offscreen was not asked for)."""
    if "--offscreen" in argv:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    if os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
        return
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("xvfb-run not found: using Qt's offscreen platform", file=sys.stderr)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    command = [xvfb, "-a", "-s", f"-screen 0 {WIDTH}x{HEIGHT}x24", sys.executable, str(Path(__file__).resolve()),
               *argv]
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    sys.exit(subprocess.call(command, env=env, cwd=ROOT))


class Shooter:
    """Grabs widgets into files and keeps going when one step fails."""

    def __init__(self, out: Path, language: str) -> None:
        self.out = out
        self.language = language
        self.failed: list[str] = []
        self.written: list[Path] = []
        self.too_big: list[str] = []

    def settle(self) -> None:
        from PySide6.QtWidgets import QApplication

        for _ in range(3):
            QApplication.processEvents()

    def grab(self, name: str, widget: object) -> None:
        from PySide6.QtWidgets import QWidget

        assert isinstance(widget, QWidget), f"{name}: nothing to grab"
        self.settle()
        path = self.out / f"{self.language}-{name}.png"
        widget.grab().save(str(path))
        self.written.append(path)
        print(path)
        # 1280×800 is the smallest screen the window is made for: a window larger than that, or squeezed below
        # what its layout needs, cuts something off.
        need = widget.minimumSizeHint()
        if widget.isWindow() and (widget.width() > WIDTH or widget.height() > HEIGHT):
            self.too_big.append(f"{name}: {widget.width()}×{widget.height()}")
        elif widget.isWindow() and (need.width() > widget.width() or need.height() > widget.height()):
            self.too_big.append(f"{name}: {widget.width()}×{widget.height()}, needs {need.width()}×{need.height()}")

    def step(self, name: str, action: Callable[[], object]) -> None:
        try:
            action()
        except Exception:  # a screenshot script reports and carries on; the exit code tells
            self.failed.append(name)
            print(f"FAILED {name}:\n{traceback.format_exc()}", file=sys.stderr)


def _new_top_levels(before: set[int]) -> list[object]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]


def _visible_ids() -> set[int]:
    from PySide6.QtWidgets import QApplication

    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", default="nb", choices=("nb", "en"))
    parser.add_argument("--offscreen", action="store_true", help="Qt's offscreen platform instead of Xvfb")
    parser.add_argument("--translations", type=Path, default=None,
                        help="load the .qm catalogues from this folder (a preview of translations not yet committed)")
    args = parser.parse_args(argv)
    if args.translations is not None:
        from takeover_planner.ui import i18n

        folder = args.translations.resolve()
        i18n.translations_dir = lambda: folder  # type: ignore[assignment]  # Translations.apply looks it up here

    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget

    from takeover_planner.domain.slots import SlotStatus
    from takeover_planner.domain.timekeeping import today_oslo
    from takeover_planner.paths import resolve_paths
    from takeover_planner.services import booking, packages
    from takeover_planner.services.context import open_context
    from takeover_planner.services.demo import load_demo
    from takeover_planner.settings import Settings
    from takeover_planner.ui.app import application
    from takeover_planner.ui.contributor import ContributorWindow
    from takeover_planner.ui.i18n import Translations
    from takeover_planner.ui.main_window import MainWindow
    from takeover_planner.ui.management.table_models import Kind
    from takeover_planner.ui.review import ReviewWindow
    from takeover_planner.ui.tasks import TaskRunner

    args.out.mkdir(parents=True, exist_ok=True)
    shot = Shooter(args.out, args.language)
    app = application()
    translations = Translations(app)
    translations.apply(args.language)  # before the demo: it is loaded in the language in force
    with tempfile.TemporaryDirectory() as tmp:
        home = str(Path(tmp) / "home")
        ctx = open_context(home, actor="Kari Nordmann")
        first = today_oslo().replace(day=1)
        load_demo(ctx, today=first + dt.timedelta(days=(7 - first.weekday()) % 7), language=args.language)
        paths = resolve_paths(home)
        settings = Settings.load(paths)
        settings.set("demo.offered", True)
        settings.set("user.name", "Kari Nordmann")
        settings.set("profile.name", "Kari Nordmann")
        settings.set("profile.title", "kommunikasjonsrådgiver" if args.language == "nb" else "communications adviser")
        settings.set("profile.organisation", "Fjordvik kommune")
        settings.set("profile.email", "kari.nordmann@fjordvik.kommune.example")
        runner = TaskRunner(inline=True)
        window = MainWindow(paths, settings, runner, translations, home=home)
        window.attach(ctx)
        window.resize(WIDTH, HEIGHT)
        window.move(0, 0)
        window.show()
        shot.settle()
        slots = window.page.model.slots()
        chosen = next((s for s in slots if s.status == SlotStatus.CONFIRMED), slots[0])

        # --- the brief, written first so the side panel's history has more than bookings ---------------------
        brief = Path(tmp) / "oppdragsbrev.zip"
        shot.step("brief package", lambda: packages.write_slot_brief(ctx, chosen.id, brief, language=args.language))
        window.reload()
        shot.settle()

        def views() -> None:
            for view in ("month", "week", "agenda"):
                window.page.set_view(view)
                if view != "agenda":
                    window.page.go_to(chosen.start)
                window.page.select(chosen.id)
                shot.grab(f"main-{view}", window)
            window.page.set_view("month")
            window.page.select(chosen.id)
            panel = getattr(window.page, "side_panel", None) or getattr(window.page, "panel", None)
            if panel is not None:
                shot.grab("side-panel", panel)

        shot.step("views", views)

        def menus() -> None:
            for action in window.menuBar().actions():
                menu = action.menu()
                if not isinstance(menu, QMenu):
                    continue
                menu.aboutToShow.emit()  # menus fill or enable themselves on show
                menu.adjustSize()
                name = action.text().replace("&", "").strip().lower().replace(" ", "-") or "menu"
                shot.grab(f"menu-{name}", menu)

        shot.step("menus", menus)

        def dialog_step(name: str, opener: Callable[[], object]) -> None:
            def run() -> None:
                before = _visible_ids()
                opened = opener()
                shot.settle()
                fresh = _new_top_levels(before)
                widget = opened if opened is not None and hasattr(opened, "grab") else (fresh[0] if fresh else None)
                shot.grab(name, widget)
                for w in [widget, *fresh]:
                    if isinstance(w, QDialog):
                        w.reject()
                    elif isinstance(w, QWidget) and w is not window:
                        w.close()
                shot.settle()

            shot.step(name, run)

        dialog_step("booking-dialog", lambda: window.page.new_booking(chosen.start + dt.timedelta(days=14)))
        dialog_step("booking-edit", lambda: window.page.edit_slot(chosen.id))
        dialog_step("cancel-dialog", lambda: window.page.change_status(chosen.id, SlotStatus.CANCELLED, QPoint(400, 300)))
        dialog_step("brief-dialog", lambda: window.briefs.open_dialog(chosen.id))
        dialog_step("export-dialog", window.open_export)
        dialog_step("settings", window.team.open_settings)
        dialog_step("people", window.team.open_people)
        dialog_step("about", window._about)
        if hasattr(window, "show_keyboard_map"):  # Help ▸ keyboard map (issue 16)
            dialog_step("keyboard-map", window.show_keyboard_map)
        dialog_step("file-dialog", window.choose_brief)  # Qt's own file dialog: its words come from our catalogue

        def profile() -> object:
            from takeover_planner.ui.dialogs.profile_dialog import ProfileDialog

            dialog = ProfileDialog(window, settings)
            dialog.open()
            return dialog

        dialog_step("profile", profile)

        def manage() -> None:
            manage_window = None
            for kind in Kind:
                manage_window = window.open_manage(kind)
                assert manage_window is not None
                manage_window.resize(1100, 640)
                shot.grab(f"manage-{kind.value}", manage_window)
                editor = manage_window.open_editor(kind, None)
                shot.grab(f"manage-{kind.value}-new", editor)
                editor.reject()
            if manage_window is not None:
                manage_window.close()

        shot.step("manage", manage)

        # --- publishing ----------------------------------------------------------------------------------
        def publishing() -> None:
            status = window.publishing.open_status()
            assert status is not None
            status.resize(1100, 640)
            shot.grab("publishing-status", status)
            status.close()

        shot.step("publishing-status", publishing)
        dialog_step("publishing-token", window.publishing.open_token)
        window.page.select(chosen.id)
        dialog_step("publishing-handoff", window.publishing.open_handoff)
        dialog_step("publishing-posted-by-hand", window.publishing.open_posted_by_hand)

        # --- insights ------------------------------------------------------------------------------------
        def insights() -> None:
            dashboard = window.insights.open_dashboard()
            assert dashboard is not None
            dashboard.resize(WIDTH, HEIGHT)
            shot.settle()
            for index, name in enumerate(("insights-followers", "insights-report", "insights-comparison")):
                dashboard.tabs.setCurrentIndex(index)
                if index == 1:
                    completed = [s for s in booking.list_slots(ctx) if s.status == SlotStatus.COMPLETED]
                    for s in completed:
                        if dashboard.show_takeover(s.id):
                            break
                shot.grab(name, dashboard)
            dashboard.tabs.setCurrentIndex(0)
            goal = dashboard.open_goal_dialog()
            if goal is not None:
                shot.grab("insights-goal-dialog", goal)
                goal.reject()
            dashboard.close()

        shot.step("insights", insights)

        # --- a brief in the contributor window, the submission in the review window ----------------------
        package = Path(tmp) / "innsending.zip"

        def contributor() -> None:
            window_c = cast(ContributorWindow, window.open_brief(str(brief)))
            window_c.resize(WIDTH, HEIGHT)
            photos = [CORPUS / p for p in PHOTOS if (CORPUS / p).exists()]
            if photos:
                window_c.add_files(photos)
                window_c.strip.setCurrentRow(1)
                window_c.fix_selected("crop")  # the HEIC photo: fixed, as a contributor would before sending
                window_c.strip.setCurrentRow(0)
                editor = window_c.editor
                editor.shows_people.setChecked(True)
                editor.who.setText("Elevene i 7B" if args.language == "nb" else "Class 7B")
                editor.reference.setText("SK-2030-014")
                editor.guardian.setChecked(True)
                editor.text.setText("Velkommen til oss!" if args.language == "nb" else "Welcome!")
                editor.credit.setText(f"Foto: {chosen.department}")
                window_c.strip.setCurrentRow(1)
                window_c.strip.setCurrentRow(0)
            shot.grab("contributor-window", window_c)
            if photos:
                window_c.save_to(package)
            window_c.close()

        shot.step("contributor", contributor)

        def review() -> None:
            window_r = cast(ReviewWindow, window.open_review(chosen.id))
            assert window_r is not None
            window_r.resize(WIDTH, HEIGHT)
            if package.exists():
                window_r.import_package(package)
                frames = window_r.frames.frames()
                window_r.approver.setText("Kari Nordmann")
                if len(frames) > 1:
                    window_r.select_frame(frames[-1].id)
                    window_r.comment.setPlainText("Bildet er for lite; har dere et større?" if args.language == "nb"
                                                  else "The picture is too small; do you have a larger one?")
                    window_r.request_changes_selected()
                window_r.select_frame(frames[0].id)
            shot.grab("review-window", window_r)
            window_r.close()

        shot.step("review", review)

        # The side panel once more: the brief, the submission and the review are in its history now.
        def panel_again() -> None:
            window.reload()
            window.page.select(chosen.id)
            shot.grab("main-month-after-review", window)

        shot.step("main again", panel_again)

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox | QDialog) and widget.isVisible():
                widget.reject()
        window.close()
        shot.settle()
        runner.shutdown()
        ctx.close()
    print(f"{len(shot.written)} screenshots in {args.out}; failed steps: {', '.join(shot.failed) or 'none'}")
    for line in shot.too_big:
        print(f"does not fit {WIDTH}×{HEIGHT}: {line}")
    return 1 if shot.failed else 0


if __name__ == "__main__":
    _on_a_screen(sys.argv[1:])
    sys.exit(main())
