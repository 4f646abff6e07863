"""The review screen shows each frame's state and reason per channel when its slot is cross-posted to a
Facebook Page, read the way `story list` reads it (Instagram published; the Page stopped by an expired token, or
its story failed), and the Page's rule findings with their profile ("Facebook: …")."""

from __future__ import annotations

from takeover_planner.services import catalog, page_accounts, publishing_service
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import StoryFrame
from takeover_planner.texts import Text
from takeover_planner.texts.facebook import FacebookText
from takeover_planner.ui.review.models import channels_line
from takeover_planner.ui.review.review_window import ReviewWindow
from tests.fakes.fake_graph import Failure
from tests.fakes.publish_world import due_time, running_world


def test_a_cross_posted_frame_shows_each_channel_with_the_reason(qtbot, sqlite_ctx: AppContext, runner) -> None:
    with running_world(sqlite_ctx) as world:
        fake = world.fake
        page = catalog.add_account(sqlite_ctx, "Fjordvik på Facebook", platform="facebook_page", page_id=fake.page_id,
                                   graph_host=fake.base_url, graph_version=fake.version)
        publishing_service.set_token(sqlite_ctx, page.id, fake.page_token, secrets=world.secrets)
        page_accounts.link_page(sqlite_ctx, world.account_id, page.id)
        frame, second = world.add_frame(minute=0), world.add_frame(minute=2)
        fake.expire_token(fake.page_token)
        publishing_service.publish_due(sqlite_ctx, due_time(), env=world.env())

        states = page_accounts.channel_states(sqlite_ctx, [frame])[frame]
        assert [(c.channel, c.status) for c in states] == [("instagram", "published"), ("facebook", "stopped")]
        expired = str(Text(FacebookText.TOKEN_EXPIRED))
        assert expired in states[1].reason
        # The stopped Page made no job for the second frame: it says "stopped" there all the same.
        after = page_accounts.channel_states(sqlite_ctx, [second])[second]
        assert [(c.channel, c.status) for c in after] == [("instagram", "published"), ("facebook", "stopped")]
        assert expired in after[1].reason

        review = ReviewWindow(sqlite_ctx, runner, world.slot_id)
        qtbot.addWidget(review)
        review.show()
        review.reload()
        row = review.frames.row_of(frame)
        shown = review.frames.index(row).data()
        line = channels_line(states)
        assert line.startswith("Instagram: published ") and "Facebook: stopped — " + expired in line
        assert line in shown, "the frame list says it per channel"
        assert review.channels.text() == line and review.channels.isVisibleTo(review), "and the frame's details"
        review.close()


def test_a_frame_on_instagram_alone_shows_no_channel_line(qtbot, sqlite_ctx: AppContext, runner) -> None:
    with running_world(sqlite_ctx) as world:
        frame = world.add_frame(minute=0)
        publishing_service.publish_due(sqlite_ctx, due_time(), env=world.env())
        review = ReviewWindow(sqlite_ctx, runner, world.slot_id)
        qtbot.addWidget(review)
        review.show()
        review.reload()
        assert review.frames.channels(frame) == "" and not review.channels.isVisibleTo(review)
        review.close()


def test_the_pages_findings_show_with_their_profile_in_the_review_screen(qtbot, sqlite_ctx: AppContext,
                                                                         runner) -> None:
    with running_world(sqlite_ctx) as world:
        fake = world.fake
        page = catalog.add_account(sqlite_ctx, "Fjordvik på Facebook", platform="facebook_page", page_id=fake.page_id,
                                   graph_host=fake.base_url, graph_version=fake.version)
        frame = world.add_frame(kind="video", minute=0, state="submitted", approved_by=None)
        with sqlite_ctx.db.write() as s:  # a MOV clip: fine on Instagram, the Page takes MP4 only
            row = s.get(StoryFrame, frame)
            assert row is not None and row.original is not None
            row.original.probe = {"path": "", "kind": "video", "format": "mov", "container": "mov", "width": 1080,
                                  "height": 1920, "display_width": 1080, "display_height": 1920,
                                  "video_codec": "h264", "chroma": "4:2:0", "interlaced": False, "fps": 30.0,
                                  "duration_s": 10.0, "size_bytes": 5_000_000, "audio_codec": "aac",
                                  "audio_sample_rate": 48000, "moov_at_front": True, "edit_list": False}
        review = ReviewWindow(sqlite_ctx, runner, world.slot_id)
        qtbot.addWidget(review)
        review.show()
        review.reload()
        assert "Facebook" not in review.findings.text(), "Instagram alone: nothing to say"

        page_accounts.link_page(sqlite_ctx, world.account_id, page.id)
        review.reload()
        assert "Facebook: " in review.findings.text() and review.fix_button.isEnabled()
        review.close()


def test_a_failed_page_story_shows_failed_with_its_reason(qtbot, sqlite_ctx: AppContext, runner) -> None:
    with running_world(sqlite_ctx) as world:
        fake = world.fake
        page = catalog.add_account(sqlite_ctx, "Fjordvik på Facebook", platform="facebook_page", page_id=fake.page_id,
                                   graph_host=fake.base_url, graph_version=fake.version)
        publishing_service.set_token(sqlite_ctx, page.id, fake.page_token, secrets=world.secrets)
        page_accounts.link_page(sqlite_ctx, world.account_id, page.id)
        frame = world.add_frame(minute=0)
        fake.fail_next("page_photos", Failure(324, None, 400, "(#324) Missing or invalid image file"))
        publishing_service.publish_due(sqlite_ctx, due_time(), env=world.env())
        review = ReviewWindow(sqlite_ctx, runner, world.slot_id)
        qtbot.addWidget(review)
        review.show()
        review.reload()
        line = review.channels.text()
        assert line.startswith("Instagram: published ") and " · Facebook: failed — " in line
        assert str(Text(FacebookText.IMAGE_INVALID)) in line and line in review.frames.index(0).data()
        assert review.frames.row_of(frame) == 0
        review.close()
