"""Live and honest views: the review screen and the planner's side panel follow changes made elsewhere — a
consent withdrawn on the command line in another process, frames approved through another connection — without
losing the selected frame, the scroll position or what the person is typing."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from takeover_planner.services import consents, media_service, stories
from takeover_planner.services.context import AppContext
from takeover_planner.storage.database import Database
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.review import ReviewWindow
from tests.ui.conftest import Planner
from tests.unit.media.media_factory import write_jpeg

PLANNED = dt.datetime(2030, 3, 4, 9, 0, tzinfo=dt.UTC)
ROOT = Path(__file__).resolve().parents[2]


def _frames(ctx: AppContext, slot_id: int, tmp_path: Path, count: int, *, people: int = -1) -> list[int]:
    ids = []
    for number in range(count):
        asset = media_service.import_file(ctx, write_jpeg(tmp_path / f"bilde{number}.jpg", 1080, 1920)).asset
        assert asset is not None
        frame = stories.add_frame(ctx, slot_id, original_asset_id=asset.id,
                                  planned_at=PLANNED + dt.timedelta(hours=number), shows_people=number == people)
        stories.submit(ctx, frame.id)
        ids.append(frame.id)
    return ids


def _follow_fast(window: MainWindow, ctx: AppContext) -> None:
    """The real change watcher, polling fast for the test."""
    live = window.team.live
    live.poll_seconds = 0.1
    live.start(ctx)


def _cli(ctx: AppContext, *args: str) -> None:
    """The command line in a process of its own, on the same SQLite file."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # HOME and the app's folders: the test's own (autouse)
    command = [sys.executable, "-m", "takeover_planner", "--db", ctx.db.url, "--user", "Kari Kollega", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr + done.stdout


def test_the_review_screen_follows_a_consent_withdrawn_on_the_command_line(
        qtbot: Any, window: MainWindow, planner: Planner, tmp_path: Path) -> None:
    ctx = planner.ctx
    frame_ids = _frames(ctx, planner.library_slot, tmp_path, 3, people=1)
    pupil = consents.add_consent(ctx, subject="Eleven i 7B", reference="SK-14", given_by="guardian")
    consents.link(ctx, frame_ids[1], pupil.id)
    _follow_fast(window, ctx)
    review = window.open_review(planner.library_slot)
    assert isinstance(review, ReviewWindow)
    review.select_frame(frame_ids[1])
    assert "Consent is complete." in review.consent.text()
    review.comment.setPlainText("Fint bilde, men")  # typing, not sent yet
    review.comment.setFocus()
    trail_rows = review.trail.rowCount()

    _cli(ctx, "consent", "withdraw", str(pupil.id), "--by", "Foreldre")

    qtbot.waitUntil(lambda: "WITHDRAWN" in review.consent.text(), timeout=15000)
    assert "Consent is complete." not in review.consent.text()
    selected = review.selected_frame()
    assert selected is not None and selected.id == frame_ids[1], "the selected frame stays selected"
    assert review.comment.toPlainText() == "Fint bilde, men", "what was typed is kept"
    assert review.trail.rowCount() > trail_rows, "the audit trail shows the withdrawal too"


def test_the_side_panel_follows_frames_approved_through_another_connection(
        qtbot: Any, window: MainWindow, planner: Planner, tmp_path: Path) -> None:
    ctx = planner.ctx
    frame_ids = _frames(ctx, planner.library_slot, tmp_path, 2)
    window.page.select(planner.library_slot)
    _, approved_bar = window.page.panel.progress_bars["approved"]
    assert approved_bar.format() == "0 / 2"
    _follow_fast(window, ctx)

    other_db = Database(ctx.db.url)  # a colleague's app: a connection pool of its own
    try:
        other = AppContext(ctx.paths, ctx.settings, other_db, "Kari Kollega")
        for frame_id in frame_ids:
            stories.approve(other, frame_id, by="Kari Kollega")
    finally:
        other_db.dispose()

    qtbot.waitUntil(lambda: approved_bar.format() == "2 / 2", timeout=15000)
    assert window.page.selected_id == planner.library_slot and window.page.panel.slot_id == planner.library_slot


def test_a_hidden_review_screen_does_not_read(qtbot: Any, planner: Planner, runner: Any, translations: Any,
                                             tmp_path: Path) -> None:
    """Closed review screens stay connected to the planner's reloads; they must not read for nothing."""
    review = ReviewWindow(planner.ctx, runner, planner.library_slot)
    qtbot.addWidget(review)
    reads: list[int] = []
    review.reload = lambda select_frame=None: reads.append(1)  # type: ignore[method-assign]
    review.refresh_soon()
    assert reads == []
    review.show()
    qtbot.waitExposed(review)
    review.refresh_soon()
    assert reads == [1]
    review.close()
