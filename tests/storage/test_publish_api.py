"""The API publisher against the fake Graph API: success, and the way every error family is handled."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from takeover_planner.publishing.ledger import JobState
from takeover_planner.publishing.publisher import OutcomeKind
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import AccountPublishing, AuditEvent, PublishJob, StoryFrame
from tests.fakes.fake_graph import Failure
from tests.fakes.publish_world import World, due_time, running_world


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    with running_world(ctx) as w:
        yield w


def _frame(world: World, frame_id: int) -> StoryFrame:
    with world.ctx.db.session() as s:
        frame = s.get(StoryFrame, frame_id)
        assert frame is not None
        return frame


def _job(world: World, frame_id: int) -> PublishJob:
    with world.ctx.db.session() as s:
        job = s.scalar(select(PublishJob).where(PublishJob.frame_id == frame_id))
        assert job is not None
        return job


def _kinds(report: svc.RunReport) -> list[OutcomeKind]:
    return [o.kind for o in report.outcomes]


def test_image_and_video_frames_are_published_once_with_their_media_ids(world: World) -> None:
    world.fake.processing_polls = 2  # the video stays IN_PROGRESS for two looks
    image = world.add_frame(kind="image", minute=0)
    video = world.add_frame(kind="video", minute=5)
    env = world.env(inline_wait_s=5.0)

    report = svc.publish_due(world.ctx, due_time(), env=env)

    assert _kinds(report) == [OutcomeKind.PUBLISHED, OutcomeKind.PUBLISHED]
    counts = world.fake.publish_counts()
    assert counts[world.shas[image]] == 1 and counts[world.shas[video]] == 1
    for frame_id in (image, video):
        assert _frame(world, frame_id).state == "published"
        job = _job(world, frame_id)
        assert job.state == JobState.PUBLISHED.value and job.media_id and job.published_by == "Instagram API"
        assert job.hosted_name is None, "the hosted copy is deleted after publishing"
    assert world.dav.files == {}, "nothing left on the media host"
    # A second run finds nothing to do and publishes nothing again.
    again = svc.publish_due(world.ctx, due_time(60), env=env)
    assert again.outcomes == []
    assert sum(world.fake.publish_counts().values()) == 2
    # The audit trail says who approved and that the queue published.
    with world.ctx.db.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.entity_id == image,
                                                                        AuditEvent.entity_type == "story_frame"))]
    assert actions == ["scheduled", "published"]


def test_frames_not_yet_due_or_without_a_named_approval_are_left_alone(world: World) -> None:
    later = world.add_frame(minute=50)
    unapproved = world.add_frame(minute=1, approved_by=None)
    blank = world.add_frame(minute=2, approved_by="   ")
    draft = world.add_frame(minute=3, state="submitted")

    report = svc.publish_due(world.ctx, due_time(30), env=world.env())

    by_frame = {o.frame_id: o.kind for o in report.outcomes}
    assert later not in by_frame and draft not in by_frame
    assert by_frame[unapproved] == OutcomeKind.CANCELLED and by_frame[blank] == OutcomeKind.CANCELLED
    assert world.fake.publish_counts() == {}
    assert "no approval recorded against a named person" in _job(world, unapproved).last_error


def test_sticker_frames_never_go_to_the_api(world: World) -> None:
    sticker = world.add_frame(sticker="link")
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert report.outcomes == []
    assert [h.frame_id for h in report.handoff_due] == [sticker]
    assert not [r for r in world.fake.requests if r.path.endswith("/media")]


def test_a_video_with_facebook_login_and_no_host_goes_by_rupload(ctx: AppContext) -> None:
    with running_world(ctx, api_variant="facebook_login", hosting=False) as world:
        svc.set_upload_host(ctx, world.account_id, world.fake.base_url)
        video = world.add_frame(kind="video")
        report = svc.publish_due(ctx, due_time(), env=world.env(inline_wait_s=2.0))
        assert _kinds(report) == [OutcomeKind.PUBLISHED]
        uploads = [r for r in world.fake.requests if r.path.startswith("/ig-api-upload/")]
        assert len(uploads) == 1 and uploads[0].authorization.startswith("OAuth ")
        assert world.fake.publish_counts()[world.shas[video]] == 1


def test_an_image_without_a_media_host_is_blocked_with_a_plain_reason(ctx: AppContext) -> None:
    with running_world(ctx, hosting=False) as world:
        frame = world.add_frame()
        report = svc.publish_due(ctx, due_time(), env=world.env())
        assert _kinds(report) == [OutcomeKind.BLOCKED]
        assert "No media host" in report.outcomes[0].message and "hosting set" in report.outcomes[0].advice
        assert _job(world, frame).state in (JobState.QUEUED.value, JobState.ACTIVE.value)


# --- error families ---------------------------------------------------------------------------------


def test_transient_errors_are_retried_with_growing_backoff_then_succeed(world: World) -> None:
    frame = world.add_frame()
    world.fake.fail_next("media", Failure(2, None, 500, "Service temporarily unavailable", is_transient=True), times=2)
    env = world.env(backoff_base=dt.timedelta(seconds=60), backoff_cap=dt.timedelta(hours=1))
    now = due_time()

    first = svc.publish_due(world.ctx, now, env=env)
    assert _kinds(first) == [OutcomeKind.DEFERRED]
    wait1 = first.outcomes[0].retry_at - now  # type: ignore[operator]
    assert dt.timedelta(seconds=30) <= wait1 <= dt.timedelta(seconds=60)
    assert svc.publish_due(world.ctx, now, env=env).waiting == 1, "not retried before its time"

    second = svc.publish_due(world.ctx, now + wait1, env=env)
    assert _kinds(second) == [OutcomeKind.DEFERRED]
    wait2 = second.outcomes[0].retry_at - (now + wait1)  # type: ignore[operator]
    assert dt.timedelta(seconds=60) <= wait2 <= dt.timedelta(seconds=120)

    third = svc.publish_due(world.ctx, now + wait1 + wait2, env=env)
    assert _kinds(third) == [OutcomeKind.PUBLISHED]
    assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_transient_errors_give_up_after_the_attempt_limit_with_advice(world: World) -> None:
    frame = world.add_frame()
    world.fake.fail_next("media", Failure(1, None, 500, "An unknown error occurred"), times=10)
    env = world.env(max_attempts=3)
    now = due_time()
    kinds = []
    for _ in range(3):
        report = svc.publish_due(world.ctx, now, env=env)
        kinds += _kinds(report)
        now += dt.timedelta(hours=1)
    assert kinds == [OutcomeKind.DEFERRED, OutcomeKind.DEFERRED, OutcomeKind.FAILED]
    job = _job(world, frame)
    assert job.state == "failed" and "kept failing" in job.last_error and job.advice
    assert _frame(world, frame).state == "failed"


def test_throttling_pauses_the_account_until_the_time_the_headers_give(world: World) -> None:
    first = world.add_frame(minute=0)
    second = world.add_frame(minute=1)
    world.fake.throttle_next(times=1, code=4, regain_minutes=20)
    now = due_time()

    report = svc.publish_due(world.ctx, now, env=world.env())

    assert _kinds(report) == [OutcomeKind.PAUSED, OutcomeKind.PAUSED]
    resume = report.outcomes[0].retry_at
    assert resume is not None and dt.timedelta(minutes=19) < resume - now <= dt.timedelta(minutes=21)
    with world.ctx.db.session() as s:
        state = s.get(AccountPublishing, world.account_id)
        assert state is not None and state.paused_until == resume
    calls = len(world.fake.requests)
    assert _kinds(svc.publish_due(world.ctx, now + dt.timedelta(minutes=10), env=world.env())) == \
        [OutcomeKind.PAUSED, OutcomeKind.PAUSED]
    assert len(world.fake.requests) == calls, "no calls at all while the account is paused"
    later = svc.publish_due(world.ctx, resume + dt.timedelta(seconds=1), env=world.env())
    assert _kinds(later) == [OutcomeKind.PUBLISHED, OutcomeKind.PUBLISHED]
    assert world.fake.publish_counts()[world.shas[first]] == 1 and world.fake.publish_counts()[world.shas[second]] == 1


def test_usage_headers_alone_pause_the_account_after_the_current_frame(world: World) -> None:
    world.add_frame(minute=0)
    world.add_frame(minute=1)
    world.fake.app_usage_percent = 100
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _kinds(report) == [OutcomeKind.PUBLISHED, OutcomeKind.PAUSED]


def test_an_exhausted_quota_pauses_before_any_container_is_made(world: World) -> None:
    world.add_frame()
    world.fake.quota_total = 5
    world.fake.use_quota(5)
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _kinds(report) == [OutcomeKind.PAUSED]
    assert "quota" in report.outcomes[0].message
    assert not [r for r in world.fake.requests if r.path.endswith("/media")]


@pytest.mark.parametrize("how", ["expired", "invalid", "password"])
def test_token_errors_stop_the_account_queue_and_tell_the_user(world: World, how: str) -> None:
    frame = world.add_frame()
    world.fake.expire_token(how=how)
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _kinds(report) == [OutcomeKind.STOPPED]
    assert "set-token" in report.outcomes[0].advice
    with world.ctx.db.session() as s:
        state = s.get(AccountPublishing, world.account_id)
        assert state is not None and state.stopped_reason
    before = len(world.fake.requests)
    assert _kinds(svc.publish_due(world.ctx, due_time(5), env=world.env())) == [OutcomeKind.STOPPED]
    assert len(world.fake.requests) == before, "a stopped queue makes no calls"
    # A new token restarts the queue.
    world.fake.tokens["IGAAnew-" + "z" * 40] = "ok"
    svc.set_token(world.ctx, world.account_id, "IGAAnew-" + "z" * 40, secrets=world.secrets)
    assert _kinds(svc.publish_due(world.ctx, due_time(10), env=world.env())) == [OutcomeKind.PUBLISHED]
    assert _frame(world, frame).state == "published"


def test_a_missing_permission_stops_the_account_queue(world: World) -> None:
    world.add_frame()
    world.fake.fail_next("media", Failure(10, None, 403, "Application does not have permission for this action"))
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _kinds(report) == [OutcomeKind.STOPPED]
    assert "permission" in report.outcomes[0].message


@pytest.mark.parametrize(
    ("content_kind", "expected"),
    [("png", "only JPEG"), ("big", "8 MB"), ("badvideo", "video's format")],
)
def test_media_errors_fail_the_frame_with_a_plain_reason_and_what_to_do(world: World, content_kind: str,
                                                                        expected: str) -> None:
    from tests.fakes.publish_world import png_bytes

    if content_kind == "png":
        frame = world.add_frame(content=png_bytes(1), fmt="JPEG")
    elif content_kind == "big":
        frame = world.add_frame(content=b"\xff\xd8\xff" + b"\0" * (8 * 1024 * 1024 + 10))
    else:
        frame = world.add_frame(kind="video", content=b"not a video at all" * 10)
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _kinds(report) == [OutcomeKind.FAILED]
    job = _job(world, frame)
    assert expected in job.last_error and job.advice
    assert _frame(world, frame).state == "failed"
    assert job.hosted_name is None and world.dav.files == {}, "the hosted copy is removed after a final failure"


def test_a_media_host_instagram_cannot_reach_is_retried_then_fails_with_hosting_advice(world: World) -> None:
    frame = world.add_frame()
    world.dav.public_hidden = True
    env = world.env(max_attempts=6)
    now = due_time()
    outcomes = []
    for _ in range(4):
        outcomes += _kinds(svc.publish_due(world.ctx, now, env=env))
        now += dt.timedelta(hours=1)
    assert outcomes[-1] == OutcomeKind.FAILED and OutcomeKind.DEFERRED in outcomes
    job = _job(world, frame)
    assert "could not download" in job.last_error and "hosting test" in job.advice


def test_a_container_that_ends_in_error_is_replaced_for_transient_subcodes(world: World) -> None:
    frame = world.add_frame()
    world.fake.container_errors.append(2207001)
    now = due_time()
    first = svc.publish_due(world.ctx, now, env=world.env())
    assert _kinds(first) == [OutcomeKind.DEFERRED]
    second = svc.publish_due(world.ctx, now + dt.timedelta(hours=1), env=world.env())
    assert _kinds(second) == [OutcomeKind.PUBLISHED]
    assert _job(world, frame).containers_made == 2
    assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_a_container_that_ends_in_a_media_error_fails_the_frame(world: World) -> None:
    frame = world.add_frame(kind="video")
    world.fake.container_errors.append(2207026)
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _kinds(report) == [OutcomeKind.FAILED]
    assert "video's format" in _job(world, frame).last_error


def test_an_expired_container_is_recreated_not_published(world: World) -> None:
    frame = world.add_frame(kind="video")
    world.fake.processing_polls = 100
    now = due_time()
    assert _kinds(svc.publish_due(world.ctx, now, env=world.env())) == [OutcomeKind.DEFERRED]
    old = _job(world, frame).container_id
    world.fake.expire_containers()
    world.fake.processing_polls = 0
    report = svc.publish_due(world.ctx, now + dt.timedelta(minutes=2), env=world.env())
    assert _kinds(report) == [OutcomeKind.PUBLISHED]
    job = _job(world, frame)
    assert job.container_id != old and job.containers_made == 2
    assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_the_token_is_only_ever_sent_in_the_authorization_header(world: World) -> None:
    world.add_frame()
    svc.publish_due(world.ctx, due_time(), env=world.env())
    assert world.fake.tokens_in_urls() == []
    graph_calls = [r for r in world.fake.requests if not r.path.startswith("/ig-api-upload")]
    assert graph_calls and all(r.authorization == f"Bearer {world.fake.token}" for r in graph_calls)
    assert all(world.fake.token.encode() not in r.body for r in world.fake.requests)


def test_an_unreadable_quota_does_not_stop_publishing(world: World) -> None:
    frame = world.add_frame()
    world.fake.fail_next("quota", Failure(100, None, 400, "Unsupported get request"), times=5)
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _kinds(report) == [OutcomeKind.PUBLISHED]
    assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_an_old_instagram_login_token_is_renewed_before_it_runs_out(world: World,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    from takeover_planner.domain.timekeeping import now_utc
    from takeover_planner.instagram.secrets import token_key

    with world.ctx.db.write() as s:
        state = s.get(AccountPublishing, world.account_id)
        assert state is not None
        state.token_set_at = now_utc() - dt.timedelta(days=55)
        state.token_expires_at = now_utc() + dt.timedelta(days=5)
        ref = state.token_ref
    before = svc.publishing_overview(world.ctx)[0]
    assert before.token_level == "warning" and "expires on" in before.token_notice

    caplog.set_level(logging.DEBUG)  # urllib3 logs request URLs at debug level
    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    renewed = world.secrets.get(token_key(ref or ""))
    assert renewed is not None and renewed != world.fake.token and world.fake.tokens.get(renewed) == "ok"
    assert report.notices == [], "a renewed token needs no warning"
    after = svc.publishing_overview(world.ctx)[0]
    assert after.token_level == "ok" and after.token_expires_at is not None
    assert after.token_expires_at - now_utc() > dt.timedelta(days=59)
    refresh = next(r for r in world.fake.requests if r.path == "/refresh_access_token")
    # Meta documents the token as the access_token query parameter here (and only here); never in a log.
    assert refresh.authorization == "" and f"access_token={world.fake.token}" in refresh.query
    assert world.fake.token not in caplog.text and renewed not in caplog.text


def test_not_ready_at_publish_time_means_look_again_not_fail(world: World) -> None:
    frame = world.add_frame()
    world.fake.fail_next("publish", Failure(9007, 2207027, 400, "Media ID is not available"))
    now = due_time()
    assert _kinds(svc.publish_due(world.ctx, now, env=world.env())) == [OutcomeKind.DEFERRED]
    assert _kinds(svc.publish_due(world.ctx, now + dt.timedelta(minutes=2), env=world.env())) == \
        [OutcomeKind.PUBLISHED]
    assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_the_fixed_copy_is_published_when_there_is_one(world: World) -> None:
    from takeover_planner.media.store import MediaStore
    from takeover_planner.storage.models import MediaAsset
    from tests.fakes.publish_world import jpeg_bytes, png_bytes

    frame = world.add_frame(content=png_bytes(9), fmt="PNG")
    fixed = jpeg_bytes(99)
    stored = MediaStore(world.ctx.media_dir).add_bytes(fixed)
    with world.ctx.db.write() as s:
        row = s.get(StoryFrame, frame)
        assert row is not None
        asset = MediaAsset(sha256=stored.sha256, kind="image", format="JPEG", size_bytes=len(fixed), findings=[],
                           derived_from_id=row.original_asset_id, recipe={"fix": "image"})
        s.add(asset)
        s.flush()
        row.derivative_asset_id = asset.id
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _kinds(report) == [OutcomeKind.PUBLISHED]
    assert world.fake.publish_counts() == {stored.sha256: 1}


def test_account_check_works_with_facebook_login(ctx: AppContext) -> None:
    with running_world(ctx, api_variant="facebook_login") as world:
        world.fake.use_quota(2)
        result = svc.check_account(ctx, world.account_id, secrets=world.secrets)
        assert (result.username, result.ig_user_id, result.quota_usage) == (world.fake.username,
                                                                           world.fake.ig_user_id, 2)
        assert any(r.path == f"/{world.fake.version}/{world.fake.ig_user_id}" for r in world.fake.requests)


def test_a_keyring_that_fails_mid_run_blocks_instead_of_crashing(world: World) -> None:
    from takeover_planner.domain.timekeeping import now_utc
    from takeover_planner.instagram.secrets import SecretStore
    from tests.fakes.keyrings import BrokenKeyring

    world.add_frame()
    with world.ctx.db.write() as s:  # an old token, so the run also tries to renew it
        state = s.get(AccountPublishing, world.account_id)
        assert state is not None
        state.token_set_at = now_utc() - dt.timedelta(days=55)
        state.token_expires_at = now_utc() + dt.timedelta(days=5)
    env = world.env()
    env.secrets = SecretStore(BrokenKeyring(), explicit=True)
    report = svc.publish_due(world.ctx, due_time(), env=env)
    assert _kinds(report) == [OutcomeKind.BLOCKED]
    assert "keyring" in report.outcomes[0].message
    assert any("could not be renewed" in n for n in report.notices)
    assert world.fake.publish_counts() == {}
