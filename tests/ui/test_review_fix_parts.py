"""The review screen's "Fix it" keeps every part of a split video (each part a frame of its own, right after the
frame it came from, inheriting everything: time, text, notes, sticker, credit, people and consent; labelled
"part 2 of 2"), a part cannot be approved once its consent is gone, and the sticker row is highlighted only when
the frame has a sticker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from takeover_planner.domain.review import FrameState
from takeover_planner.media.fix_types import FixOptions
from takeover_planner.services import consents, media_service, stories
from takeover_planner.services.context import AppContext
from takeover_planner.ui.review import ReviewWindow
from takeover_planner.ui.tasks import TaskRunner
from tests.ui.conftest import Planner
from tests.unit.media.media_factory import write_clip, write_jpeg, write_png

PLANNED = dt.datetime(2030, 3, 4, 9, 0, tzinfo=dt.UTC)


def _frame(ctx: AppContext, slot_id: int, path: Path, **fields: Any) -> int:
    asset = media_service.import_file(ctx, path).asset
    assert asset is not None
    frame = stories.add_frame(ctx, slot_id, original_asset_id=asset.id, planned_at=PLANNED, **fields)
    stories.submit(ctx, frame.id)
    return frame.id


@pytest.fixture
def review(qtbot: Any, planner: Planner, runner: TaskRunner, translations: Any) -> Iterator[ReviewWindow]:
    window = ReviewWindow(planner.ctx, runner, planner.library_slot)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_fixing_a_62_second_video_makes_a_frame_of_every_part(qtbot: Any, planner: Planner, review: ReviewWindow,
                                                              tmp_path: Path) -> None:
    ctx, slot = planner.ctx, planner.library_slot
    # Tiny but long: 62 s is over Instagram's 60 s, so the fix splits it (kept small to stay fast).
    clip = write_clip(tmp_path / "omvisning.mp4", width=64, height=114, seconds=62.0, fps=24, audio=False)
    pupils = consents.add_consent(ctx, subject="Elevene i 7B", reference="SK-2030-014", given_by="guardian")
    video = _frame(ctx, slot, clip, credit="Foto: Ola", shows_people=True, text="Velkommen!", notes="Lyd på",
                   sticker_kind="poll", sticker_value="Liker du bøker?")
    consents.link(ctx, video, pupils.id)
    after = _frame(ctx, slot, write_jpeg(tmp_path / "plakat.jpg", 1080, 1920))
    review.reload(select_frame=video)
    assert review.selected_frame() is not None and review.selected_frame().id == video  # type: ignore[union-attr]
    assert review.fix_button.isEnabled(), "too long is an error the fix can mend"

    review.fix_options = FixOptions(video_preset="ultrafast", target=(216, 384))
    qtbot.mouseClick(review.fix_button, Qt.MouseButton.LeftButton)

    frames = stories.list_frames(ctx, slot)
    assert len(frames) == 3, "the later part is a frame of its own, nothing is lost"
    first, second, last = frames
    assert (first.id, last.id) == (video, after), "the new part sits right after the frame it came from"
    assert [f.position for f in frames] == [1, 2, 3]
    parts = [first.derivative, second.derivative]
    assert all(p is not None for p in parts)
    durations = [p.duration_s for p in parts]  # type: ignore[union-attr]
    assert all(d is not None and d <= 60 for d in durations) and sum(durations) == pytest.approx(62, abs=0.5)  # type: ignore[misc]
    assert parts[0].id != parts[1].id  # type: ignore[union-attr]
    assert second.original is not None and second.original.id == first.original.id  # type: ignore[union-attr]
    assert second.state == FrameState.SUBMITTED and second.planned_at == PLANNED and second.credit == "Foto: Ola"
    assert second.shows_people and [c.id for c in second.consents] == [pupils.id]
    for part in (first, second):
        assert (part.text, part.notes, part.sticker_kind, part.sticker_value) == (
            "Velkommen!", "Lyd på", "poll", "Liker du bøker?"), "every part inherits everything"
    assert not first.file_problems() and not second.file_problems()
    assert "2 parts" in review.statusBar().currentMessage()
    assert review.frames.rowCount() == 3 and review.selected_frame().id == video  # type: ignore[union-attr]
    assert review.state.text().endswith("part 1 of 2")
    review.select_frame(second.id)
    assert review.state.text().endswith("part 2 of 2")
    assert not review.message.isVisible()
    # Without its consent no part can be approved; with it, both parts are approved together.
    consents.withdraw_consent(ctx, pupils.id, by="Kari Kommunikasjon")
    review.approver.setText("Kari Kommunikasjon")
    review.approve_all()
    assert [f.state for f in stories.list_frames(ctx, slot)] == [FrameState.SUBMITTED] * 2 + [FrameState.APPROVED]
    again = consents.add_consent(ctx, subject="Elevene i 7B", reference="SK-2030-015", given_by="guardian")
    for part in (first, second):
        consents.link(ctx, part.id, pupils.id, linked=False)
        consents.link(ctx, part.id, again.id)
    review.approve_all()
    states = [f.state for f in stories.list_frames(ctx, slot)]
    assert states == [FrameState.APPROVED] * 3


def test_fixing_a_picture_keeps_one_frame(qtbot: Any, planner: Planner, review: ReviewWindow, tmp_path: Path) -> None:
    frame = _frame(planner.ctx, planner.library_slot, write_png(tmp_path / "plakat.png", 800, 600, alpha=True))
    review.reload(select_frame=frame)
    assert review.fix_button.isEnabled()
    qtbot.mouseClick(review.fix_button, Qt.MouseButton.LeftButton)
    frames = stories.list_frames(planner.ctx, planner.library_slot)
    assert [f.id for f in frames] == [frame] and frames[0].derivative is not None
    assert frames[0].derivative.format == "JPEG" and frames[0].state == FrameState.SUBMITTED
    assert review.statusBar().currentMessage() == "Fixed copy made; the original is kept."
    assert not review.fix_button.isEnabled(), "a frame with a fixed copy is not fixed again"


def _background(label: Any) -> tuple[int, int, int]:
    color = label.grab().toImage().pixelColor(label.width() // 2, 2)
    return color.red(), color.green(), color.blue()


def test_the_sticker_row_is_highlighted_only_when_there_is_a_sticker(planner: Planner, review: ReviewWindow,
                                                                    tmp_path: Path) -> None:
    ctx, slot = planner.ctx, planner.library_slot
    plain = _frame(ctx, slot, write_jpeg(tmp_path / "a.jpg", 1080, 1920))
    poll = _frame(ctx, slot, write_jpeg(tmp_path / "b.jpg", 1080, 1921), sticker_kind="poll",
                  sticker_value="Lest noe godt?")
    review.reload(select_frame=plain)
    assert review.sticker.text() == "None" and review.sticker.objectName() != "warning"
    plain_background = _background(review.sticker)
    review.select_frame(poll)
    assert "poll sticker" in review.sticker.text() and review.sticker.objectName() == "warning"
    assert _background(review.sticker) != plain_background, "a sticker is drawn highlighted"
    review.select_frame(plain)
    assert review.sticker.objectName() != "warning" and _background(review.sticker) == plain_background
