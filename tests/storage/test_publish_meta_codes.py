"""Meta's answers read as Meta documents them (Instagram Platform error codes, IG User Media reference), against
the fake Graph API: spam and restriction stop the account until a person acts; an unknown upload error and a
repeated 24/2207008 get a new container; a container ERROR over the quota pauses the account, not the frame; the
resumable upload goes to the ``uri`` Meta returned; a token's real expiry is learned from its renewal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.publishing.publisher import OutcomeKind
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import AccountPublishing, StoryFrame
from tests.fakes.fake_graph import Failure
from tests.fakes.publish_world import World, due_time, running_world


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    with running_world(ctx) as w:
        yield w


def _kinds(report: svc.RunReport) -> list[OutcomeKind]:
    return [o.kind for o in report.outcomes]


def _publish_calls(world: World) -> int:
    return sum(1 for r in world.fake.requests if r.path.endswith("/media_publish"))


def test_suspected_spam_stops_the_account_until_a_person_has_appealed(world: World) -> None:
    frame = world.add_frame()
    world.fake.fail_next("publish", Failure(4, 2207051, 400, "We restrict certain activity to protect our community"))

    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    assert _kinds(report) == [OutcomeKind.STOPPED], "not throttling: nothing resumes by itself"
    info = svc.publishing_overview(world.ctx)[0]
    assert info.stop_family == "spam" and info.paused_until is None and info.stopped_reason
    # Hours later it is still stopped, says so, and has not tried again.
    calls = _publish_calls(world)
    later = svc.publish_due(world.ctx, due_time(90), env=world.env())
    assert _kinds(later) == [OutcomeKind.STOPPED] and _publish_calls(world) == calls
    assert any(info.stopped_reason in n for n in later.notices)
    # A working token is no cure for a spam flag.
    assert svc.check_account(world.ctx, world.account_id, secrets=world.secrets).queue_resumed is False
    assert svc.publishing_overview(world.ctx)[0].stop_family == "spam"
    # A person says the appeal went through: the next run publishes, once.
    assert svc.clear_pause(world.ctx, world.account_id) is True
    report = svc.publish_due(world.ctx, due_time(100), env=world.env())
    assert _kinds(report) == [OutcomeKind.PUBLISHED]
    assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_a_restricted_account_stops_and_asks_for_a_login_in_instagram(world: World) -> None:
    world.add_frame(minute=0)
    world.add_frame(minute=1)
    world.fake.fail_next("media", Failure(25, 2207050, 400, "The Instagram account is restricted"))
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _kinds(report) == [OutcomeKind.STOPPED, OutcomeKind.STOPPED], "the whole account stops"
    info = svc.publishing_overview(world.ctx)[0]
    assert info.stop_family == "restricted"
    assert report.outcomes[0].advice == info.stopped_advice and "log in" in info.stopped_advice


def test_an_unknown_upload_error_in_the_container_status_gets_a_new_container(world: World) -> None:
    frame = world.add_frame()
    world.fake.container_status_texts.append("Error: code: -1, subcode: 2207053 unknown upload error")

    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    assert _kinds(report) == [OutcomeKind.DEFERRED], "not failed for good"
    report = svc.publish_due(world.ctx, due_time(35), env=world.env())
    assert _kinds(report) == [OutcomeKind.PUBLISHED]
    assert len(world.fake.containers) == 2 and world.fake.publish_counts()[world.shas[frame]] == 1


def test_24_2207008_is_retried_twice_on_the_same_container_then_a_new_one(world: World) -> None:
    frame = world.add_frame()
    world.fake.fail_next("publish", Failure(24, 2207008, 400, "Temporary error publishing"), times=2)
    first = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _kinds(first) == [OutcomeKind.DEFERRED] and len(world.fake.containers) == 1
    second = svc.publish_due(world.ctx, due_time(35), env=world.env())
    assert _kinds(second) == [OutcomeKind.DEFERRED] and len(world.fake.containers) == 1
    third = svc.publish_due(world.ctx, due_time(40), env=world.env())
    assert _kinds(third) == [OutcomeKind.PUBLISHED]
    assert len(world.fake.containers) == 2, "after two refusals the container was replaced"
    assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_a_container_error_over_the_quota_pauses_the_account_not_the_frame(world: World) -> None:
    frame = world.add_frame()
    world.fake.container_status_texts.append("Error: code 9, subcode 2207042: maximum number of posts reached")
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _kinds(report) == [OutcomeKind.PAUSED]
    with world.ctx.db.session() as s:
        row = s.get(StoryFrame, frame)
        state = s.get(AccountPublishing, world.account_id)
        assert row is not None and state is not None
        assert row.state != "failed" and state.paused_until is not None


def test_a_pasted_tokens_real_expiry_is_learned_from_its_first_renewal(world: World) -> None:
    info = svc.publishing_overview(world.ctx)[0]
    assert info.token_expires_at is None, "a pasted token's age is unknown: no guessed expiry"
    with world.ctx.db.write() as s:
        state = s.get(AccountPublishing, world.account_id)
        assert state is not None
        state.token_set_at = now_utc() - dt.timedelta(hours=25)
    world.fake.refresh_lifetime_s = 30 * 86400  # what Meta says is left
    svc.publish_due(world.ctx, due_time(), env=world.env())
    expires = svc.publishing_overview(world.ctx)[0].token_expires_at
    assert expires is not None and abs(expires - (now_utc() + dt.timedelta(days=30))) < dt.timedelta(minutes=5)
    # Renewed only within its last 20 days once the expiry is known.
    refreshes = sum(1 for r in world.fake.requests if r.path == "/refresh_access_token")
    with world.ctx.db.write() as s:
        state = s.get(AccountPublishing, world.account_id)
        assert state is not None
        state.token_set_at = now_utc() - dt.timedelta(days=3)
        state.token_expires_at = now_utc() + dt.timedelta(days=25)
    svc.publish_due(world.ctx, due_time(), env=world.env())
    assert sum(1 for r in world.fake.requests if r.path == "/refresh_access_token") == refreshes
    with world.ctx.db.write() as s:
        state = s.get(AccountPublishing, world.account_id)
        assert state is not None
        state.token_expires_at = now_utc() + dt.timedelta(days=19)
    svc.publish_due(world.ctx, due_time(), env=world.env())
    assert sum(1 for r in world.fake.requests if r.path == "/refresh_access_token") == refreshes + 1


def test_video_goes_to_the_upload_uri_instagram_returned(ctx: AppContext) -> None:
    with running_world(ctx, api_variant="facebook_login", hosting=False) as world:
        frame = world.add_frame(kind="video")
        report = svc.publish_due(world.ctx, due_time(), env=world.env(inline_wait_s=2.0))
        assert _kinds(report) == [OutcomeKind.PUBLISHED]
        (cid,) = world.fake.containers
        uploads = [r for r in world.fake.requests if r.path.startswith("/ig-api-upload/")]
        assert [r.path for r in uploads] == [f"/ig-api-upload/{world.fake.version}/{cid}"]
        assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_a_facebook_login_tokens_real_expiry_is_read_with_debug_token(ctx: AppContext) -> None:
    with running_world(ctx, api_variant="facebook_login") as world:
        assumed = svc.publishing_overview(world.ctx)[0].token_expires_at
        assert assumed is not None, "until Meta says otherwise, 60 days are assumed"
        svc.check_account(world.ctx, world.account_id, secrets=world.secrets)  # Meta refuses: not a developer
        assert svc.publishing_overview(world.ctx)[0].token_expires_at == assumed
        real = (now_utc() + dt.timedelta(days=12)).replace(microsecond=0)
        world.fake.debug_expires_at = real.timestamp()
        svc.check_account(world.ctx, world.account_id, secrets=world.secrets)
        assert svc.publishing_overview(world.ctx)[0].token_expires_at == real
        debug = [r for r in world.fake.requests if r.path.endswith("/debug_token")]
        assert debug and all(f"input_token={world.fake.token}" in r.query for r in debug)
