"""A frame held because it is late is decided in the window (issue 14): its "Needs attention" item opens a dialog
with the three decisions the command line has — post it now, give it a new time in its slot, or do not post
it — each through the publishing service, a refusal shown in the dialog, the item gone once decided."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from sqlalchemy import select

from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.publishing.ledger import JobState
from takeover_planner.services import publishing_service
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import PublishJob, StoryFrame
from takeover_planner.texts.attention import AttentionAction
from takeover_planner.ui.attention.hook import AttentionHook
from tests.fakes.publish_world import DAY, due_time, running_world
from tests.ui.window_helpers import open_window


def _late(hook: AttentionHook) -> dict[int, object]:
    hook.refresh()
    return {item.frame_id: item for item in hook.panel.items if item.action == AttentionAction.DECIDE_LATE}


def _job_state(ctx: AppContext, frame_id: int) -> str:
    with ctx.db.session() as s:
        return s.scalars(select(PublishJob.state).where(PublishJob.frame_id == frame_id)).one()


def test_a_late_frame_is_posted_retimed_or_dropped_from_the_window(qtbot, sqlite_ctx: AppContext, runner,
                                                                   translations) -> None:
    with running_world(sqlite_ctx) as world:
        post, retime, drop = world.add_frame(minute=0), world.add_frame(minute=1), world.add_frame(minute=2)
        assert len(publishing_service.publish_due(sqlite_ctx, due_time(3 * 60), env=world.env()).held) == 3
        with open_window(qtbot, sqlite_ctx, runner, translations, month=DAY.replace(day=1)) as win:
            hook = win.attention
            late = _late(hook)
            assert set(late) == {post, retime, drop}

            hook.resolve(late[retime], hook.panel.action_button)  # type: ignore[arg-type]
            dialog = hook.late_dialog
            assert dialog is not None and dialog.isVisible()
            assert "held because it is late" in dialog.intro.text()
            # A time outside the slot is refused in the dialog, which stays open; nothing changes.
            next_week = QDate(DAY.year, DAY.month, DAY.day).addDays(7)
            dialog.when.setDateTime(QDateTime(next_week, QTime(12, 0)))
            dialog.retime_button.click()
            assert dialog.isVisible() and dialog.error.isVisible()
            assert "outside its slot" in dialog.error.text()
            assert _job_state(sqlite_ctx, retime) == JobState.HELD.value
            dialog.when.setDateTime(QDateTime(QDate(DAY.year, DAY.month, DAY.day), QTime(15, 0)))
            dialog.retime_button.click()
            assert not dialog.isVisible()
            assert f"Frame #{retime} now goes out at" in win.status_area.label.text()
            with sqlite_ctx.db.session() as s:
                planned = s.get(StoryFrame, retime).planned_at  # type: ignore[union-attr]
            assert planned is not None and planned.astimezone(OSLO).time() == dt.time(15, 0)
            assert _job_state(sqlite_ctx, retime) == JobState.QUEUED.value

            hook.resolve(_late(hook)[post], hook.panel.action_button)  # type: ignore[arg-type]
            assert hook.late_dialog is not None
            hook.late_dialog.post_button.click()
            assert f"Frame #{post} goes out on the publisher's next run." in win.status_area.label.text()
            assert _job_state(sqlite_ctx, post) == JobState.QUEUED.value

            hook.resolve(_late(hook)[drop], hook.panel.action_button)  # type: ignore[arg-type]
            assert hook.late_dialog is not None
            hook.late_dialog.drop_button.click()
            with sqlite_ctx.db.session() as s:
                assert s.get(StoryFrame, drop).state == "withdrawn"  # type: ignore[union-attr]

            assert _late(hook) == {}, "decided frames leave the list"
            # The next run posts the one released now, and the re-timed one at its new time only.
            report = publishing_service.publish_due(sqlite_ctx, due_time(3 * 60 + 5), env=world.env())
            assert [o.frame_id for o in report.outcomes] == [post]
            assert world.fake.publish_counts()[world.shas[drop]] == 0
