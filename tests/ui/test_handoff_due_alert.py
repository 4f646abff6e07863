"""The window alerts the comms officer when a hand-off frame falls due: the alarm is set for the frame's planned
time, and when it rings (a fake clock here) the status line names the frame, the "Needs attention" dock shows it
(brought back if it was hidden) and the alert is given once; marking the frame posted takes it away."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from takeover_planner.services import handoff_service, media_service, stories
from takeover_planner.services.attention import AttentionKind
from takeover_planner.services.context import AppContext
from takeover_planner.ui.attention.hook import CLOCK_REFRESH_MS, DUE_SLACK_MS, AttentionHook
from takeover_planner.ui.main_window import MainWindow
from tests.ui.conftest import Planner
from tests.unit.media.media_factory import write_jpeg

DUE = dt.datetime(2030, 3, 4, 10, 0, tzinfo=dt.UTC)


def _approved(ctx: AppContext, slot_id: int, path: Path, **fields: Any) -> int:
    asset = media_service.import_file(ctx, write_jpeg(path, 1080, 1920)).asset
    assert asset is not None
    frame = stories.add_frame(ctx, slot_id, original_asset_id=asset.id, planned_at=DUE, **fields)
    stories.submit(ctx, frame.id)
    stories.approve(ctx, frame.id, by="Test Officer")
    return frame.id


def _handoff_rows(hook: AttentionHook) -> list[int | None]:
    return [item.frame_id for item in hook.panel.items if item.kind == AttentionKind.HANDOFF_DUE]


def test_a_sticker_frame_falling_due_alerts_once(qtbot: Any, window: MainWindow, planner: Planner,
                                                 tmp_path: Path) -> None:
    hook = window.attention
    sticker = _approved(planner.ctx, planner.library_slot, tmp_path / "quiz.jpg", sticker_kind="poll",
                        sticker_value="Liker du bøker?")
    _approved(planner.ctx, planner.library_slot, tmp_path / "plakat.jpg")  # goes through the API: no alert
    alerts: list[list[Any]] = []
    hook.handoff_alert.connect(alerts.append)

    hook.now = lambda: DUE - dt.timedelta(seconds=90)
    hook.refresh()
    assert _handoff_rows(hook) == [] and alerts == []
    assert hook.due_timer.isActive() and hook.due_timer.interval() == 90_000 + DUE_SLACK_MS, \
        "the alarm is set for the frame's time"

    hook.dock.hide()  # the dock hidden: the alarm still reads and brings it back
    hook.now = lambda: DUE + dt.timedelta(seconds=1)
    hook.due_timer.timeout.emit()  # the alarm rings
    assert _handoff_rows(hook) == [sticker]
    assert len(alerts) == 1 and [item.frame_id for item in alerts[0]] == [sticker]
    status = window.status_area.label.text()
    assert status.startswith("Time to post by hand: ") and "Biblioteket" in status and "sticker" in status
    assert hook.dock.isVisible()
    assert hook.panel.list.item(0).text().startswith("Post by hand now · ")
    assert hook.panel.action_button.text() == "Post it from the phone, then mark it posted"
    assert not hook.due_timer.isActive(), "no other hand-off frame waits"

    hook.refresh()
    assert len(alerts) == 1, "each frame alerts once"

    handoff_service.mark_posted_by_hand(planner.ctx, sticker, by="Ola Nordmann")
    hook.refresh()
    assert _handoff_rows(hook) == []


def test_a_far_away_hand_off_frame_is_looked_at_again_by_the_clock(window: MainWindow, planner: Planner,
                                                                  tmp_path: Path) -> None:
    hook = window.attention
    _approved(planner.ctx, planner.library_slot, tmp_path / "quiz.jpg", sticker_kind="link",
              sticker_value="https://fjordvik.example/bibliotek")
    hook.now = lambda: DUE - dt.timedelta(days=2)
    hook.refresh()
    assert hook.due_timer.interval() == CLOCK_REFRESH_MS, "never a timer days long: the next look sets it again"
